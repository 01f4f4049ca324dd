"""Records the employee's acknowledgement of receipt, or a refusal to sign with its witness."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QWidget

from pipdesk.domain import Acknowledgement, Plan
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog
from pipdesk.gui.common.words import show_line
from pipdesk.gui.forms.ui_acknowledgement_dialog import Ui_AcknowledgementDialog


class AcknowledgementDialog(QDialog):
    def __init__(self, plan: Plan, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AcknowledgementDialog()
        self.ui.setupUi(self)
        self.plan = plan
        current = plan.acknowledgement
        day = current.on if current else min(max(today, plan.issued_on or plan.start_date), plan.end_date)
        prepare_date_edit(self.ui.dateEdit, lambda: today).setDate(qdate(day))
        if current:
            self.ui.refusedCheck.setChecked(current.refused)
            show_line(self.ui.witnessEdit, current.witness or "")
            self.ui.commentEdit.setPlainText(current.employee_comment)
        self.ui.refusedCheck.toggled.connect(self._update)
        finish_dialog(self, self.ui.buttonBox, "Record", self._accept)  # the default button names the action
        self.ui.errorLabel.hide()
        self._update()

    def _update(self) -> None:
        refused = self.ui.refusedCheck.isChecked()
        self.ui.witnessEdit.setEnabled(refused)
        self.ui.witnessLabel.setEnabled(refused)

    def acknowledgement(self) -> Acknowledgement:
        refused = self.ui.refusedCheck.isChecked()
        witness = self.ui.witnessEdit.text().strip() if refused else ""
        return Acknowledgement(
            on=pydate(self.ui.dateEdit.date()),
            refused=refused,
            witness=witness or None,
            employee_comment=self.ui.commentEdit.toPlainText(),
        )

    def problem(self) -> str | None:
        ack = self.acknowledgement()
        if self.plan.issued_on and ack.on < self.plan.issued_on:
            return f"The date {ack.on.isoformat()} is before the plan was issued ({self.plan.issued_on.isoformat()})"
        if ack.refused and not ack.witness:
            return "A refusal to sign needs a witness: name who saw the plan handed over"
        return None

    def _accept(self) -> None:
        problem = self.problem()
        accept_if_sound(self, [problem] if problem else [], self.ui.errorLabel)
