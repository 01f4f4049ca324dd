"""The File menu's actions made in code rather than in ui/main_window.ui (the window's one form, shared by
every feature): exporting a plan's case file for HR.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_main_window import Ui_MainWindow
from pipdesk.gui.shell.plan_menu_extras import add_menu_extras
from pipdesk.store import PlanBook

#: Name, menu text, and the File menu action each goes before.
FILE_MENU_EXTRAS = (("actionExportCaseFile", "Export case fi&le…", "actionPrintPreview"),)


class Window(Protocol):
    """What the File menu's extra commands use of the main window."""

    prompter: Prompts
    book: PlanBook | None
    session: PlanSession | None

    def window(self) -> QWidget: ...

    def statusBar(self) -> QStatusBar: ...


def add_file_menu_extras(ui: Ui_MainWindow, parent: QWidget) -> None:
    """Make the actions of :data:`FILE_MENU_EXTRAS`, held by the form like its own, in the File menu."""
    add_menu_extras(ui, ui.menuFile, FILE_MENU_EXTRAS, parent)


def export_case_file(window: Window) -> None:
    from pipdesk.gui.casefile.commands import export_case_file as export_case_file_of  # pyzipper loads on first use

    assert window.book is not None and window.session is not None
    written = export_case_file_of(window.book, window.session.plan_id, window.prompter, window.window())
    if written is not None:
        path, made = written
        window.statusBar().showMessage(f"Exported the case file {path.name} ({len(made.members) - 1} files)", 5000)
