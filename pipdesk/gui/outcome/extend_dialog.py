"""Asks how to extend a running plan, or reopen a closed one: the new end date and the reason.

It shows what the extension does to the plan's period and schedule; :mod:`.commands` makes the change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pipdesk.domain import MilestoneKind, Plan, Status, vocabulary
from pipdesk.domain.schedule import DEFAULT_CADENCE, due_at_end, extend_schedule, original_end
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound
from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.gui.forms.ui_extend_plan_dialog import Ui_ExtendPlanDialog

#: How far past the current end (or today, if later) the new end date is first proposed.
PROPOSED_EXTENSION = dt.timedelta(days=28)


class ExtendPlanDialog(QDialog):
    """Asks for the new end date and the reason, and shows what the extension changes."""

    def __init__(self, plan: Plan, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExtendPlanDialog()
        self.ui.setupUi(self)
        self.plan = plan
        self.cadence = plan.checkin_every_days or DEFAULT_CADENCE
        ui = self.ui
        self.extend_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.extend_button.setText("Reopen and extend" if plan.status is Status.CLOSED else "Extend")

        period = vocabulary.period(plan.start_date, plan.end_date)
        first_end = original_end(plan)
        if first_end is not None:
            period += f" (originally to {vocabulary.long_date(first_end)})"
        ui.periodLabel.setText(period)

        outcome = plan.outcome
        if plan.status is Status.CLOSED and outcome is not None:
            self.setWindowTitle("Reopen the plan by extension")
            decision = vocabulary.DECISIONS[outcome.decision].lower() if outcome.decision else "no decision"
            decided = f", decided on {vocabulary.long_date(outcome.decided_on)}" if outcome.decided_on else ""
            ui.reopenLabel.setText(
                f"This plan is closed ({decision}{decided}). Extending it reopens it: the recorded outcome "
                "is removed from the plan and kept in its history, and the plan runs again to the new end date."
            )
            show_as_error(ui.reopenLabel)
        else:
            ui.reopenLabel.hide()

        due = due_at_end(plan)
        self._can_move_due_dates = bool(due)
        if due:
            noun = "objective" if len(due) == 1 else vocabulary.count(len(due), "objective")
            ui.moveDueDatesCheck.setText(f"Move the {noun} due on the old end date to the new one")
            ui.moveDueDatesCheck.setToolTip("\n".join(o.title for o in due))
        else:
            ui.moveDueDatesCheck.hide()

        prepare_date_edit(ui.endDateEdit, lambda: today).setMinimumDate(qdate(plan.end_date + dt.timedelta(days=1)))
        ui.endDateEdit.setDate(qdate(max(plan.end_date, today) + PROPOSED_EXTENSION))
        ui.endDateEdit.dateChanged.connect(lambda _d: self._preview())
        ui.reasonEdit.setFixedHeight(ui.reasonEdit.fontMetrics().lineSpacing() * 4 + 14)
        show_as_error(ui.errorLabel)
        ui.errorLabel.hide()
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        fit_to_screen(self)
        self._preview()
        ui.reasonEdit.setFocus()

    def _preview(self) -> None:
        self.ui.previewLabel.setText(extension_preview(self.plan, self.new_end(), self.cadence))

    def set_new_end(self, day: dt.date) -> None:
        self.ui.endDateEdit.setDate(qdate(day))

    def new_end(self) -> dt.date:
        return pydate(self.ui.endDateEdit.date())

    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()

    def move_due_dates(self) -> bool:
        return self._can_move_due_dates and self.ui.moveDueDatesCheck.isChecked()

    def problems(self) -> list[str]:
        found = []
        if self.new_end() <= self.plan.end_date:
            found.append(
                f"The new end date must be after the current end date, {vocabulary.long_date(self.plan.end_date)}."
            )
        if not self.reason():
            found.append("Give the reason for the extension; it is kept in the plan's history.")
        return found

    def accept(self) -> None:
        accept_if_sound(super(), self.problems(), self.ui.errorLabel)


def extension_preview(plan: Plan, new_end: dt.date, cadence: int) -> str:
    """What an extension to ``new_end`` does to the plan's period and schedule, in a sentence or two."""
    if new_end <= plan.end_date:
        return "Choose a date after the current end date."
    days = (new_end - plan.end_date).days
    extended = extend_schedule(plan.milestones, plan.end_date, new_end, cadence)
    added = sum(1 for m in extended if m.kind is MilestoneKind.CHECKIN) - sum(
        1 for m in plan.milestones if m.kind is MilestoneKind.CHECKIN
    )
    moves = any(m.kind is MilestoneKind.FINAL and not m.done for m in plan.milestones)
    final = "the final review moves to" if moves else "a new final review is added on"
    checkins = f"{vocabulary.count(added, 'check-in')} every {cadence} days" if added else "no check-in"
    text = (
        f"The plan runs {vocabulary.count(days, 'day')} longer, to {vocabulary.long_date(new_end)}: "
        f"{checkins} added, and {final} {vocabulary.long_date(new_end)}."
    )
    due = due_at_end(plan)
    if due:
        names = ", ".join(f"“{o.title}”" for o in due)
        text += f" Due on the old end date: {names}."
    return text
