"""Records the employee's acknowledgement of receipt, or a refusal to sign with its witness.

One dialog for the three acknowledgements a plan holds: the plan's first one (or a correction of the
latest), a new one after the plan changed, and the outcome's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from pipdesk.domain import Acknowledgement, Plan, vocabulary
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog
from pipdesk.gui.common.words import show_line
from pipdesk.gui.forms.ui_acknowledgement_dialog import Ui_AcknowledgementDialog


@dataclass(frozen=True)
class Receipt:
    """What is acknowledged: the dialog's title and explanation, the acknowledgement shown (if one is
    being corrected), and the earliest day it may carry, with what that day is."""

    title: str
    explanation: str
    current: Acknowledgement | None
    earliest: dt.date | None
    earliest_what: str


def plan_receipt(plan: Plan) -> Receipt:
    """The plan's acknowledgement: the first one, or a correction of the latest (nothing changed since)."""
    signed = [a for a in (plan.acknowledgement, *plan.reacknowledgements) if a is not None]
    before = signed[-2].on if len(signed) > 1 else plan.issued_on
    return Receipt(
        "Record acknowledgement",
        "The employee signs to confirm they received the plan, not that they agree with it. If they decline "
        "to sign, record the refusal and who witnessed it.",
        plan.latest_acknowledgement,
        before,
        "the acknowledgement before it" if len(signed) > 1 else "the plan was issued",
    )


def again_receipt(plan: Plan, changes: int) -> Receipt:
    """A new acknowledgement of the plan as it stands after ``changes`` changes."""
    last = plan.latest_acknowledgement
    return Receipt(
        "Record a new acknowledgement",
        f"The plan has {vocabulary.count(changes, 'change')} since the employee last acknowledged it. The "
        "employee signs again to confirm they received the plan as it stands now, not that they agree with it. "
        "If they decline to sign, record the refusal and who witnessed it.",
        None,
        last.on if last is not None else plan.issued_on,
        "the last acknowledgement",
    )


def outcome_receipt(plan: Plan) -> Receipt:
    """The employee's acknowledgement of the outcome of a closed plan."""
    outcome = plan.outcome
    return Receipt(
        "Record the outcome's acknowledgement",
        "The employee signs to confirm they received the outcome, not that they agree with it. If they decline "
        "to sign, record the refusal and who witnessed it.",
        outcome.acknowledgement if outcome is not None else None,
        outcome.decided_on if outcome is not None else None,
        "the decision",
    )


class AcknowledgementDialog(QDialog):
    def __init__(
        self, plan: Plan, today: dt.date, parent: QWidget | None = None, receipt: Receipt | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AcknowledgementDialog()
        self.ui.setupUi(self)
        self.plan = plan
        self.receipt = receipt or plan_receipt(plan)
        self.setWindowTitle(self.receipt.title)
        self.ui.explanation.setText(self.receipt.explanation)
        current = self.receipt.current
        earliest = self.receipt.earliest or plan.start_date
        day = current.on if current else max(min(today, max(plan.end_date, earliest)), earliest)
        prepare_date_edit(self.ui.dateEdit, lambda: today).setDate(qdate(day))
        if current:
            self.ui.refusedCheck.setChecked(current.refused)
            show_line(self.ui.witnessEdit, current.witness or "")
            self.ui.commentEdit.setPlainText(current.employee_comment)
        self.ui.refusedCheck.toggled.connect(self._update)
        self.ui.dateEdit.dateChanged.connect(lambda _day: self._show_date_problem())
        finish_dialog(self, self.ui.buttonBox, "Record", self._accept)  # the default button names the action
        show_as_error(self.ui.errorLabel)
        self.ui.errorLabel.hide()
        self._update()

    def _update(self) -> None:
        refused = self.ui.refusedCheck.isChecked()
        self.ui.witnessEdit.setEnabled(refused)
        self.ui.witnessLabel.setEnabled(refused)

    def acknowledgement(self) -> Acknowledgement:
        refused = self.ui.refusedCheck.isChecked()
        witness = self.ui.witnessEdit.text().strip() if refused else ""
        current = self.receipt.current
        return Acknowledgement(
            on=pydate(self.ui.dateEdit.date()),
            refused=refused,
            witness=witness or None,
            employee_comment=self.ui.commentEdit.toPlainText(),
            recorded_at=current.recorded_at if current is not None else None,
        )

    def _date_problem(self) -> str | None:
        day, earliest = pydate(self.ui.dateEdit.date()), self.receipt.earliest
        if earliest is not None and day < earliest:
            return f"The date {day.isoformat()} is before {self.receipt.earliest_what} ({earliest.isoformat()})"
        return None

    def problem(self) -> str | None:
        ack = self.acknowledgement()
        if (date_problem := self._date_problem()) is not None:
            return date_problem
        if ack.refused and not ack.witness:
            return "A refusal to sign needs a witness: name who saw the plan handed over"
        return None

    def _show_date_problem(self) -> None:
        """A date too early is said at once, before the manager presses Record."""
        problem = self._date_problem()
        self.ui.errorLabel.setText(problem or "")
        self.ui.errorLabel.setVisible(problem is not None)

    def _accept(self) -> None:
        problem = self.problem()
        accept_if_sound(self, [problem] if problem else [], self.ui.errorLabel)
