"""Extends a running plan to a new end date, or reopens a closed one: the only way a closed plan reopens.

One undoable step: the schedule grows with the plan's cadence (``extend_schedule``), the status
becomes extended, and the plan's history keeps the old end date, the status it had and, for a
closed plan, the outcome that the extension removes, each with the manager's reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pipdesk.domain import MilestoneKind, Objective, Plan, Revision, Status, vocabulary
from pipdesk.domain.schedule import extend_schedule
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.prompts import Prompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_extend_plan_dialog import Ui_ExtendPlanDialog
from pipdesk.gui.outcome.close_dialog import DECISION_LABELS, now, outcome_line

#: The cadence of the new check-ins when the plan names none.
DEFAULT_CADENCE = 7
#: How far past the current end (or today, if later) the new end date is first proposed.
PROPOSED_EXTENSION = dt.timedelta(days=28)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def original_end(plan: Plan) -> dt.date | None:
    """The end date the plan was issued with, when a revision since moved it; else None."""
    for revision in plan.revisions:
        if revision.field == "end_date" and revision.old:
            try:
                day = dt.date.fromisoformat(revision.old)
            except ValueError:
                continue
            return day if day != plan.end_date else None
    return None


def due_at_end(plan: Plan) -> list[Objective]:
    """The objectives due on the plan's current end date: the ones an extension gives more time."""
    return [o for o in plan.objectives if o.due_date == plan.end_date]


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
            decision = DECISION_LABELS[outcome.decision].lower() if outcome.decision else "no decision"
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
            noun = "objective" if len(due) == 1 else f"{len(due)} objectives"
            ui.moveDueDatesCheck.setText(f"Move the {noun} due on the old end date to the new one")
            ui.moveDueDatesCheck.setToolTip("\n".join(o.title for o in due))
        else:
            ui.moveDueDatesCheck.hide()

        ui.endDateEdit.setMinimumDate(_qdate(plan.end_date + dt.timedelta(days=1)))
        ui.endDateEdit.setDate(_qdate(max(plan.end_date, today) + PROPOSED_EXTENSION))
        ui.endDateEdit.dateChanged.connect(lambda _d: self._preview())
        ui.reasonEdit.setFixedHeight(ui.reasonEdit.fontMetrics().lineSpacing() * 4 + 14)
        show_as_error(ui.errorLabel)
        ui.errorLabel.hide()
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._preview()
        ui.reasonEdit.setFocus()

    def _preview(self) -> None:
        self.ui.previewLabel.setText(extension_preview(self.plan, self.new_end(), self.cadence))

    def set_new_end(self, day: dt.date) -> None:
        self.ui.endDateEdit.setDate(_qdate(day))

    def new_end(self) -> dt.date:
        day = self.ui.endDateEdit.date()
        return dt.date(day.year(), day.month(), day.day())

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
        problems = self.problems()
        self.ui.errorLabel.setText("\n".join(problems))
        self.ui.errorLabel.setVisible(bool(problems))
        if not problems:
            super().accept()


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
    checkins = f"{added} check-in{'s' if added != 1 else ''} every {cadence} days" if added else "no check-in"
    text = (
        f"The plan runs {days} day{'s' if days != 1 else ''} longer, to {vocabulary.long_date(new_end)}: "
        f"{checkins} added, and {final} {vocabulary.long_date(new_end)}."
    )
    due = due_at_end(plan)
    if due:
        names = ", ".join(f"“{o.title}”" for o in due)
        text += f" Due on the old end date: {names}."
    return text


def extend_plan(
    session: PlanSession, prompter: Prompter, today: Callable[[], dt.date], parent: QWidget | None = None
) -> bool:
    """Ask for a new end date and reason and extend the session's plan; true when the plan changed.

    A closed plan is reopened: its outcome is removed and kept in a revision.
    """
    if session.plan.status is Status.DRAFT:
        prompter.warning("Extend the plan", "A draft has not started: change its end date in the Plan view instead.")
        return False
    dialog = ExtendPlanDialog(session.plan, today(), parent)
    try:
        if not prompter.run_dialog(dialog) or dialog.problems():
            return False
        return apply_extension(session, prompter, dialog.new_end(), dialog.reason(), dialog.move_due_dates())
    finally:
        dialog.deleteLater()


def apply_extension(
    session: PlanSession, prompter: Prompter, new_end: dt.date, reason: str, move_due_dates: bool = True
) -> bool:
    """Extend the plan to ``new_end`` in one undoable step, every change kept with ``reason``."""
    reopening = session.plan.status is Status.CLOSED

    def extend(plan: Plan) -> None:
        at = now()
        old_end = plan.end_date
        if plan.outcome is not None:
            plan.revisions.append(
                Revision(at=at, field="outcome", old=outcome_line(plan.outcome), new=None, reason=reason)
            )
            plan.outcome = None
        plan.milestones = extend_schedule(plan.milestones, old_end, new_end, plan.checkin_every_days or DEFAULT_CADENCE)
        plan.end_date = new_end
        plan.revisions.append(
            Revision(at=at, field="end_date", old=old_end.isoformat(), new=new_end.isoformat(), reason=reason)
        )
        if move_due_dates:
            for objective in plan.objectives:
                if objective.due_date == old_end:
                    objective.due_date = new_end
                    plan.revisions.append(
                        Revision(
                            at=at,
                            field=f"objectives.{objective.key}.due_date",
                            old=old_end.isoformat(),
                            new=new_end.isoformat(),
                            reason=reason,
                        )
                    )
        if plan.status is not Status.EXTENDED:
            plan.revisions.append(
                Revision(at=at, field="status", old=plan.status.value, new=Status.EXTENDED.value, reason=reason)
            )
            plan.status = Status.EXTENDED

    problems = session.change("Reopen the plan by extension" if reopening else "Extend the plan", extend)
    if problems:
        lines = "\n".join(f"• {p.message}" for p in problems)
        prompter.warning("Extend the plan", f"The plan cannot be extended until these are put right:\n{lines}")
        return False
    return True
