"""The Help menu's commands: the user guide (F1), the keyboard shortcuts (Ctrl+F1) and About, which says
where the plan book and its backups are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pipdesk import __version__
from pipdesk.gui.common.help_link import set_guide_opener
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.forms.ui_main_window import Ui_MainWindow

if TYPE_CHECKING:
    from pipdesk.gui.shell.book import PlanBooks
    from pipdesk.store import PlanBook

ACTION_NAME = "actionUserGuide"


class HelpWindow(Protocol):
    """What the Help menu's commands use of the main window."""

    prompter: Prompts

    @property
    def book(self) -> PlanBook | None: ...

    @property
    def books(self) -> PlanBooks: ...

    def window(self) -> QWidget: ...


def user_guide(window: HelpWindow) -> None:
    """Help › User guide (F1)."""
    _open_guide(window.window())


def keyboard_shortcuts(window: HelpWindow) -> None:
    """Help › Keyboard shortcuts (Ctrl+F1): every action's keys, and the timeline's."""
    from pipdesk.gui.shell.shortcuts_dialog import ShortcutsDialog
    from pipdesk.gui.timeline.view import TIMELINE_KEYS

    dialog = ShortcutsDialog(window.window().findChildren(QAction), window.window(), view_keys=TIMELINE_KEYS)
    window.prompter.run_dialog(dialog)


def about(window: HelpWindow) -> None:
    book = window.book.path if window.book is not None else None
    window.prompter.info("About pipdesk", about_text(book, window.books.backups_folder))


def add_user_guide_action(ui: Ui_MainWindow, parent: QWidget) -> None:
    """Help › User guide, made in code (ui/main_window.ui is every feature's), first in the menu; the "?" links
    of the forms open the same guide."""
    action = QAction(parent)  # not QAction(text, parent): PySide6 would load QIcon for that overload (#21)
    action.setText("&User guide")
    action.setObjectName(ACTION_NAME)
    setattr(ui, ACTION_NAME, action)
    ui.menuHelp.insertAction(ui.menuHelp.actions()[0], action)
    set_guide_opener(lambda anchor: _open_guide(parent, anchor))


def _open_guide(parent: QWidget, anchor: str = "") -> None:
    from pipdesk.gui.shell.help_browser import open_user_guide  # its window's module loads when first opened

    open_user_guide(parent, anchor)


def where(book_path: Path | None, backups_folder: Path) -> str:
    """Where the plan book is, that it saves as you go, and where its backups are kept."""
    book = f"Your plan book: {book_path}" if book_path is not None else "No plan book is open."
    return (
        f"{book}\nEach change is saved as you make it: there is nothing to save.\n"
        f"Its backups are kept in: {backups_folder}"
    )


def about_text(book_path: Path | None, backups_folder: Path) -> str:
    return (
        f"pipdesk {__version__}\n\nDraft, run and close Performance Improvement Plans, offline. "
        "Your plans stay in your plan book on this computer; pipdesk makes no network connection.\n\n"
        + where(book_path, backups_folder)
    )
