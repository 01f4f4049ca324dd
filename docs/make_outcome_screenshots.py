"""Render the Outcome view and the close dialog on the demo plans to PNGs in docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_outcome_screenshots.py

Runs in a temporary folder with its own settings, so it touches no plan book or setting of yours.
The date is fixed (2026-11-23, mid-way through the active sample plan) so the pictures are stable.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from screenshot_support import demo_app  # also sets QT_QPA_PLATFORM=offscreen

HERE = Path(__file__).parent
OUT = HERE / "screenshots"
TODAY = dt.date(2026, 11, 23)


def main() -> None:
    with demo_app() as demo:
        app, book, ids = demo.app, demo.book, demo.ids
        from PySide6.QtWidgets import QApplication, QWidget

        from pipdesk.gui.common.prompts import Prompter
        from pipdesk.gui.common.session import PlanSession
        from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
        from pipdesk.gui.outcome.view import OutcomeView

        OUT.mkdir(exist_ok=True)

        def shot(widget: QWidget, name: str) -> None:
            widget.show()
            for _ in range(6):  # layout, then the tables fitting their rows, then layout again
                app.processEvents()
            path = OUT / f"{name}.png"
            widget.grab().save(str(path))
            print(f"wrote {path.relative_to(HERE.parent)}")
            widget.close()

        view = OutcomeView(Prompter(), lambda: TODAY)
        view.setWindowTitle("Outcome")
        view.resize(1300, 800)
        view.set_session(PlanSession(book, ids["beth-communication-closed"], view))
        shot(view, "outcome-beth")

        dialog = ClosePlanDialog(book.get(ids["alex-delivery-active"]), TODAY)
        dialog.resize(1100, 900)
        shot(dialog, "close-dialog-alex")
        book.close()
        QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
