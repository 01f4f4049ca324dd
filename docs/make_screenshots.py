"""Render the real windows on the demo plan book to PNGs in docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

Runs in a temporary folder with its own settings, so it touches no plan book or setting of yours.
The date is fixed (2026-11-23, mid-way through the active sample plan) so the pictures are stable.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).parent
OUT = HERE / "screenshots"
TODAY = dt.date(2026, 11, 23)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        os.environ.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
        from pipdesk.demo import add_demo_plans
        from pipdesk.gui.app import application
        from pipdesk.gui.main_window import MainWindow
        from pipdesk.store import PlanBook

        app = application()
        book = PlanBook.open(home / "demo.pipdesk")
        ids = add_demo_plans(book)
        window = MainWindow(book, today=lambda: TODAY, templates_folder=home / "templates")
        window.resize(1440, 900)
        window.show()
        OUT.mkdir(exist_ok=True)

        def shot(name: str) -> None:
            for _ in range(3):
                app.processEvents()
            path = OUT / f"{name}.png"
            window.grab().save(str(path))
            print(f"wrote {path.relative_to(HERE.parent)}")

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
    sys.exit(main())
