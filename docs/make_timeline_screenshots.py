"""Render the Timeline and This week views on the sample plans to PNGs in docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_timeline_screenshots.py

Runs in a temporary folder with its own settings, so it touches no plan book or setting of yours.
The timeline's date is fixed (2026-11-23, mid-way through the active sample plan). The This week
view is shown on 2026-12-07, a Monday when every kind of reminder has something to show.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from screenshot_support import demo_app  # also sets QT_QPA_PLATFORM=offscreen

HERE = Path(__file__).parent
OUT = HERE / "screenshots"
TODAY = dt.date(2026, 11, 23)
THIS_WEEK_TODAY = dt.date(2026, 12, 7)


def main() -> None:
    with demo_app() as demo:
        app, book, ids = demo.app, demo.book, demo.ids
        from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

        from pipdesk.gui.common.prompts import Prompter
        from pipdesk.gui.common.session import PlanSession
        from pipdesk.gui.timeline.view import TimelineView
        from pipdesk.gui.week.view import ThisWeekView

        OUT.mkdir(exist_ok=True)

        def shot(widget: QWidget, name: str) -> None:
            for _ in range(3):
                app.processEvents()
            path = OUT / f"{name}.png"
            widget.grab().save(str(path))
            print(f"wrote {path.relative_to(HERE.parent)}")

        def framed(view: QWidget, width: int, height: int) -> QWidget:
            # The views sit in a tab with the window's margins around them; so do they here.
            frame = QWidget()
            layout = QVBoxLayout(frame)
            layout.setContentsMargins(10, 10, 10, 10)
            layout.addWidget(view)
            frame.resize(width, height)
            frame.show()
            return frame

        timeline = TimelineView(Prompter(), today=lambda: TODAY)
        frame = framed(timeline, 1200, 420)
        for sample, name in (("alex-delivery-active", "timeline-alex"), ("carl-skills-extended", "timeline-carl")):
            timeline.set_session(PlanSession(book, ids[sample]))
            shot(frame, name)
        frame.close()

        this_week = ThisWeekView(today=lambda: THIS_WEEK_TODAY)
        frame = framed(this_week, 1000, 360)
        this_week.set_book(book)
        shot(frame, "this-week")
        frame.close()
        book.close()
        QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
