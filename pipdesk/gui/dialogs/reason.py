"""Asks why a change is made to an issued plan; the answer is kept as a revision."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pipdesk.gui.forms.ui_reason_dialog import Ui_ReasonDialog


class ReasonDialog(QDialog):
    def __init__(self, change: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        self.ui.changeLabel.setText(change)
        self.ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.ui.reasonEdit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason())))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def set_reason(self, text: str) -> None:
        self.ui.reasonEdit.setPlainText(text)

    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()
