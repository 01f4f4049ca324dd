"""Starts the Qt application on a plan book."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pipdesk import __version__
from pipdesk.resources import resource_path


def application() -> QApplication:
    """The one QApplication, created on first use with pipdesk's names (they key its settings)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("pipdesk")
    app.setOrganizationName("pipdesk")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("pipdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "pipdesk.svg"))))
    return app


def run_app(path: Path | None) -> int:
    app = application()
    from pipdesk.gui.main_window import start_window

    window = start_window(path)
    window.show()
    return int(app.exec())
