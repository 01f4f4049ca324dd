"""The subject access command of the window: ask whom and where, gather, and say what was found."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pipdesk.domain import vocabulary
from pipdesk.gui.common.prompts import Prompts

if TYPE_CHECKING:
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.forms.ui_main_window import Ui_MainWindow
    from pipdesk.store import PlanBook

ACTION_NAME = "actionSubjectAccess"


class Window(Protocol):
    """What the subject access command uses of the main window."""

    prompter: Prompts
    book: PlanBook | None
    session: PlanSession | None

    def window(self) -> QWidget: ...


def add_file_menu_action(ui: Ui_MainWindow, parent: QWidget) -> None:
    """File › Subject access export…, made in code (ui/main_window.ui is every feature's), after Print…."""
    action = QAction(parent)  # not QAction(text, parent): PySide6 would load QIcon for that overload (#21)
    action.setText("&Subject access export…")
    action.setObjectName(ACTION_NAME)
    setattr(ui, ACTION_NAME, action)
    menu_actions = ui.menuFile.actions()
    after = menu_actions.index(ui.actionPrint) + 1
    if after < len(menu_actions):
        ui.menuFile.insertAction(menu_actions[after], action)
    else:
        ui.menuFile.addAction(action)


def export_from_window(window: Window) -> Path | None:
    """The window's action: the person prefilled from the plan shown, the ZIP suggested in the home folder."""
    if window.book is None:
        return None
    name = window.session.plan.employee.name if window.session is not None else ""
    return export_subject_access(window.book, window.prompter, name, Path.home(), window.window())


def export_subject_access(
    book: PlanBook, prompts: Prompts, name: str, folder: Path, parent: QWidget | None = None
) -> Path | None:
    """Ask for the person (``name`` prefilled) and the ZIP, write it, and say what it holds; its path, or None."""
    from pipdesk.gui.subjectaccess.dialog import TITLE, SubjectAccessDialog  # loaded on first use, not at launch
    from pipdesk.services.subject_access import NothingFound, write_subject_access

    dialog = SubjectAccessDialog(name, folder, prompts, parent)
    try:
        if not prompts.run_dialog(dialog) or dialog.problems():
            return None
        request, path = dialog.request(), dialog.path()
    finally:
        dialog.deleteLater()
    try:
        found = write_subject_access(book, request, path)
    except NothingFound as error:
        prompts.info(TITLE, str(error))
        return None
    own = sum(1 for f in found if f.own)
    prompts.info(
        TITLE,
        f"Wrote {path.name}: {vocabulary.count(own, 'plan')} for {request.name} as the employee, "
        f"{vocabulary.count(len(found) - own, 'other plan')} naming them.\n\n"
        "Before you send it, read it through: take out anything about other people that the excerpts still "
        "hold, and add what pipdesk does not keep (e-mails, printouts, your own copies). cover.txt lists "
        "what was found.",
    )
    return path
