"""Render the Check-ins tab and the progress charts of the active sample plan to PNGs in docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_checkin_screenshots.py

Runs in a temporary folder with its own settings, so it touches no plan book or setting of yours.
The date is fixed (2026-11-23, mid-way through "alex-delivery-active") so the pictures are stable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from screenshot_support import demo_app  # also sets QT_QPA_PLATFORM=offscreen

HERE = Path(__file__).parent
OUT = HERE / "screenshots"
TODAY = dt.date(2026, 11, 23)
SIZE = (1300, 800)


def main() -> None:
    with demo_app() as demo:
        app, book, ids = demo.app, demo.book, demo.ids
        from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

        from pipdesk.gui.checkins.log import CheckinsTab
        from pipdesk.gui.checkins.progress_view import ProgressView
        from pipdesk.gui.common.prompts import Prompter
        from pipdesk.gui.common.session import PlanSession

        session = PlanSession(book, ids["alex-delivery-active"])
        OUT.mkdir(exist_ok=True)

        def shot(widget: QWidget, name: str) -> None:
            for _ in range(3):
                app.processEvents()
            path = OUT / f"{name}.png"
            widget.grab().save(str(path))
            print(f"wrote {path.relative_to(HERE.parent)}")

        def page(view: QWidget, title: str) -> QWidget:
            # A page with the margins the main window's tab gives its view.
            holder = QWidget()
            holder.setWindowTitle(title)
            QVBoxLayout(holder).addWidget(view)
            holder.resize(*SIZE)
            return holder

        tab = CheckinsTab(Prompter(), today=lambda: TODAY)
        tab_page = page(tab, "Check-ins — pipdesk")
        tab.set_session(session)
        tab_page.show()
        # The 2026-10-12 check-in has private notes: the picture shows how they stand apart.
        tab.open_checkin(next(i for i, c in enumerate(session.plan.checkins) if c.private_notes))
        shot(tab_page, "checkin-log")

        charts = ProgressView(today=lambda: TODAY)
        charts_page = page(charts, "Progress — pipdesk")
        charts.set_plan(session.plan)
        charts_page.show()
        shot(charts_page, "progress-charts")

        for widget in (tab_page, charts_page):
            widget.close()
        QApplication.processEvents()
        book.close()


if __name__ == "__main__":
    main()
