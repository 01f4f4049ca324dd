"""Asks why a change is made to an issued plan; the answer is kept as a revision."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pipdesk.domain import PipdeskError, Plan, Problem
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_reason_dialog import Ui_ReasonDialog


class ReasonDialog(QDialog):
    def __init__(self, change: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        self.ui.changeLabel.setText(change)
        self.ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Save change")  # the default button names the action
        self.ok.setEnabled(False)
        self.ui.reasonEdit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason())))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        fit_to_screen(self)

    def set_reason(self, text: str) -> None:
        self.ui.reasonEdit.setPlainText(text)

    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()


def ask_reason(prompter: Prompts, change: str, parent: QWidget | None) -> str | None:
    """Why ``change`` (said in the manager's words) is made; None when the person cancels."""
    dialog = ReasonDialog(change, parent)
    try:
        return dialog.reason() if prompter.run_dialog(dialog) else None
    finally:
        dialog.deleteLater()


def change_with_reason(
    session: PlanSession,
    prompter: Prompts,
    parent: QWidget | None,
    text: str,
    edit: Callable[[Plan], None],
    *,
    field: str,
    old: str | None,
    new: str | None,
    change: str,
    merge_key: str | None = None,
) -> list[Problem] | None:
    """Make a change as one undoable step; on an issued plan, first ask why and keep it as a revision.

    ``text`` names the undo step, ``field``/``old``/``new`` the revision, ``change`` what the reason
    dialog shows. Returns the problems the change would cause (nothing is saved when there are any),
    or None when the person cancelled the reason.
    """
    revision = None
    if session.issued:
        reason = ask_reason(prompter, change, parent)
        if reason is None:
            return None
        revision = (field, old, new, reason)
    try:
        return session.change(text, edit, merge_key=merge_key, revision=revision)
    except PipdeskError as error:  # a limit the plan would break, in the manager's words
        return [Problem((), str(error))]
