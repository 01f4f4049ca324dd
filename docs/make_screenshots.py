"""Render the real windows on the demo plan book to PNGs in docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

Runs in a temporary folder with its own settings, so it touches no plan book or setting of yours.
The date is fixed (2026-11-23, mid-way through the active sample plan) so the pictures are stable.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from screenshot_support import demo_app, save_shot  # also sets QT_QPA_PLATFORM=offscreen

HERE = Path(__file__).parent
OUT = HERE / "screenshots"
TODAY = dt.date(2026, 11, 23)


#: Where the app's copy of the user guide keeps the pictures it shows (resources/guide/screenshots).
GUIDE_PICTURES = HERE.parent / "resources" / "guide" / "screenshots"


def copy_guide_pictures() -> None:
    """The pictures the user guide shows, copied beside the guide the app ships (Help › User guide)."""
    for shipped in GUIDE_PICTURES.glob("*.png"):
        shipped.write_bytes((OUT / shipped.name).read_bytes())


def main() -> None:
    with demo_app() as demo:
        from PySide6.QtWidgets import QApplication

        from pipdesk.gui.shell.main_window import MainWindow
        from pipdesk.store import PlanBook

        app, home = demo.app, demo.home
        ids = list(demo.ids.values())  # alex, beth, carl, dmitry
        window = MainWindow(demo.book, today=lambda: TODAY, templates_folder=home / "templates")
        window.resize(1440, 900)
        window.show()

        def shot(name: str) -> None:
            save_shot(app, window, name)

        window.select_plan(ids[0])
        shot("main-window")
        window.editor.ui.scrollArea.verticalScrollBar().setValue(window.editor.ui.objectivesGroup.y() - 12)
        shot("plan-editor-objectives")
        window.show_this_week()
        shot("main-window-this-week")
        window.select_plan(ids[0])
        for tab, name in ((window.ui.timelineTab, "timeline"), (window.ui.checkinsTab, "checkins")):
            window.ui.viewTabs.setCurrentWidget(tab)
            shot(f"main-window-{name}")
        window.select_plan(ids[1])
        window.ui.viewTabs.setCurrentWidget(window.ui.outcomeTab)
        shot("main-window-outcome")
        window.ui.viewTabs.setCurrentWidget(window.ui.planTab)
        window.select_plan(ids[3])
        window.editor.ui.scrollArea.verticalScrollBar().setValue(window.editor.ui.objectivesGroup.y() - 12)
        shot("plan-editor-smart-check")
        empty = PlanBook.open(home / "empty.pipdesk")
        window.set_book(empty)
        shot("welcome")
        window.close()
        QApplication.processEvents()


if __name__ == "__main__":
    main()
    copy_guide_pictures()
    sys.exit(0)
