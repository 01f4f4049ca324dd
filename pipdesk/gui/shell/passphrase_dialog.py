"""Asks for a plan book's passphrase: to open it, or to set, change or remove it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dialogs import accept_if_sound
from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.gui.shell.passphrase_task import PassphraseTask as PassphraseTask
from pipdesk.store.driver import check_new_passphrase, normalized

_TITLES = {
    PassphraseTask.OPEN: "Open an encrypted plan book",
    PassphraseTask.SET: "Set a passphrase",
    PassphraseTask.CHANGE: "Change the passphrase",
    PassphraseTask.REMOVE: "Remove the passphrase",
}
#: The default button of each task: what it does.
_ACTIONS = {
    PassphraseTask.OPEN: "Open",
    PassphraseTask.SET: "Set passphrase",
    PassphraseTask.CHANGE: "Change passphrase",
    PassphraseTask.REMOVE: "Remove passphrase",
}


class PassphraseDialog(QDialog):
    """One form for the four tasks: it shows the fields the task needs and checks them before it closes."""

    def __init__(self, task: PassphraseTask, book_name: str, parent: QWidget | None = None) -> None:
        from pipdesk.gui.forms.ui_passphrase_dialog import Ui_PassphraseDialog  # on first use: not at launch (#21)

        super().__init__(parent)
        self.task = task
        self.ui = ui = Ui_PassphraseDialog()
        ui.setupUi(self)
        self.setWindowTitle(_TITLES[task])
        messages = {
            PassphraseTask.OPEN: f"{book_name} is encrypted. Type its passphrase to open it.",
            PassphraseTask.SET: f"With a passphrase, {book_name} and its backups are encrypted: without the "
            "passphrase the file cannot be read, for instance on a lost laptop.",
            PassphraseTask.CHANGE: f"{book_name} and its new backups will open with the new passphrase only. "
            "Backups taken before keep the passphrase they were taken with.",
            PassphraseTask.REMOVE: f"{book_name} will be stored unencrypted: anyone who gets the file can read "
            "every plan in it. New backups will be unencrypted too.",
        }
        ui.messageLabel.setText(messages[task])
        asks_current = task in (PassphraseTask.OPEN, PassphraseTask.CHANGE, PassphraseTask.REMOVE)
        asks_new = task in (PassphraseTask.SET, PassphraseTask.CHANGE)
        if task is PassphraseTask.OPEN:
            ui.currentLabel.setText("&Passphrase:")
        for widget in (ui.currentLabel, ui.currentEdit):
            widget.setVisible(asks_current)
        for widget in (ui.newLabel, ui.newEdit, ui.confirmLabel, ui.confirmEdit, ui.warningLabel):
            widget.setVisible(asks_new)
        ui.showCheck.toggled.connect(self._show_text)
        show_as_error(ui.errorLabel)
        ui.errorLabel.hide()
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            _ACTIONS[task]
        )  # the default button names the action
        ui.buttonBox.accepted.connect(self._accept_if_sound)
        ui.buttonBox.rejected.connect(self.reject)
        fit_to_screen(self)
        (ui.currentEdit if asks_current else ui.newEdit).setFocus()

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in (self.ui.currentEdit, self.ui.newEdit, self.ui.confirmEdit):
            edit.setEchoMode(mode)

    def say_wrong(self) -> None:
        """After a passphrase that did not open the plan book: say so, and clear it for another try."""
        self.ui.currentEdit.clear()
        self.ui.errorLabel.setText("That passphrase does not open it. Check Caps Lock and the keyboard layout.")
        self.ui.errorLabel.show()

    def fill(self, current: str = "", new: str = "", confirm: str | None = None) -> None:
        self.ui.currentEdit.setText(current)
        self.ui.newEdit.setText(new)
        self.ui.confirmEdit.setText(new if confirm is None else confirm)

    def problems(self) -> list[str]:
        ui = self.ui
        found = []
        if ui.currentEdit.isVisibleTo(self) and not ui.currentEdit.text():
            found.append("Type the current passphrase." if self.task is not PassphraseTask.OPEN else "Type it.")
        if ui.newEdit.isVisibleTo(self):
            problem = check_new_passphrase(ui.newEdit.text())
            if problem is not None:
                found.append(problem)
            elif ui.confirmEdit.text() != ui.newEdit.text():
                found.append("The two new passphrases differ; type the same one twice.")
            elif self.task is PassphraseTask.CHANGE and normalized(ui.newEdit.text()) == normalized(
                ui.currentEdit.text()
            ):
                found.append("The new passphrase is the current one; type another.")
        return found

    def _accept_if_sound(self) -> None:
        accept_if_sound(self, self.problems(), self.ui.errorLabel)

    def current(self) -> str | None:
        return self.ui.currentEdit.text() if self.ui.currentEdit.isVisibleTo(self) else None

    def new(self) -> str | None:
        return self.ui.newEdit.text() if self.ui.newEdit.isVisibleTo(self) else None
