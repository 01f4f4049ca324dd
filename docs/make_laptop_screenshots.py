"""Render the close dialog, the check-in form and the timeline on a 1280×720 laptop screen to docs/screenshots/.

    .venv/bin/python docs/make_laptop_screenshots.py

Qt's offscreen platform is given one screen of 1280×720 (also 1920×1080 at 150 %), so the windows
size themselves as they would on that laptop; the pictures show their buttons and whole words there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96}
_config = Path(tempfile.mkdtemp()) / "screen.json"
_config.write_text(json.dumps({"windowFrameMargins": True, "screens": [SCREEN]}), encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"

from screenshot_support import demo_app, save_shot  # noqa: E402  (the screen above comes first)

TODAY = dt.date(2026, 11, 23)
SIZE = "1280x720"


def main() -> None:
    with demo_app() as demo:
        from PySide6.QtWidgets import QApplication

        from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
        from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
        from pipdesk.gui.shell.main_window import MainWindow

        app = demo.app
        screen = app.primaryScreen().availableGeometry()
        assert (screen.width(), screen.height()) == (1280, 720), screen
        alex = demo.ids["alex-delivery-active"]
        window = MainWindow(demo.book, today=lambda: TODAY)  # first launch: no saved place, fitted to the screen
        window.show()
        window.select_plan(alex)
        window.ui.viewTabs.setCurrentWidget(window.ui.timelineTab)
        save_shot(app, window, f"timeline-{SIZE}")
        plan = demo.book.get(alex)
        for dialog, name in (
            (ClosePlanDialog(plan, TODAY, window), "close-dialog"),
            (CheckinFormDialog(plan, TODAY, parent=window), "checkin-form"),
        ):
            dialog.show()
            save_shot(app, dialog, f"{name}-{SIZE}")
            print(f"  {name}: frame {dialog.frameGeometry().getRect()} on a screen of {screen.getRect()}")
            dialog.close()
        print(f"  main window: frame {window.frameGeometry().getRect()}")
        window.close()
        QApplication.processEvents()


if __name__ == "__main__":
    main()
