"""The outcome commands: close a plan with its outcome, extend it, or reopen a closed one by extension.

Plain functions over a plan session, a prompter and today's date, called by the Outcome view and the
main window's menu alike; the dialogs only collect the answers. Each change is one undoable step:

- Closing first asks for the final review when none is logged (the decision would otherwise rest on
  values measured weeks before): log it first, or close without it.
- Closing records the outcome and the status, and keeps the fairness check with the manager's
  confirmation in the plan's history (the plan format has no field for it). Gaps do not block closing.
- Extending grows the schedule with the plan's cadence (``extend_schedule``), makes the status
  extended, and keeps the old end date, the status it had and, for a closed plan, the outcome the
  extension removes, each with the manager's reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from pipdesk.domain import CheckinKind, Outcome, Plan, Problem, Revision, Status, vocabulary
from pipdesk.domain.fair_process import FAIRNESS_FIELD
from pipdesk.domain.outcome import DEFAULT_SUSTAINED, FairnessCheck, gaps_text, set_aside_outcome
from pipdesk.domain.pauses import why_not_while_paused
from pipdesk.domain.schedule import DEFAULT_CADENCE, extend_schedule
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
from pipdesk.gui.outcome.extend_dialog import ExtendPlanDialog

CLOSE, EXTEND = "Close with outcome", "Extend the plan"


def now() -> dt.datetime:
    """The moment a revision is recorded (a timestamp in the plan's history, not "today")."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def why_not_close(plan: Plan) -> str | None:
    """Why the plan cannot be closed with an outcome now, in the manager's words; None when it can."""
    if plan.status is Status.DRAFT:
        return "A draft has not started: issue the plan before closing it."
    if plan.status is Status.CLOSED:
        return "The plan is already closed. To reopen it, extend it."
    return why_not_while_paused(plan, "closing it")


def why_not_extend(plan: Plan) -> str | None:
    """Why the plan cannot be extended now; None when it can (a closed plan is reopened)."""
    if plan.status is Status.DRAFT:
        return "A draft has not started: change its end date in the Plan view instead."
    return why_not_while_paused(plan, "extending it")


class FinalReviewFirst(QMessageBox):
    """Before closing a plan with no final review logged: log it first, close without it, or cancel."""

    LOG, GO_ON = "log", "go_on"

    def __init__(self, plan: Plan, today: dt.date, can_log: bool, parent: QWidget | None = None) -> None:
        measured = [c.date for c in plan.checkins if any(p.value is not None for p in c.progress)]
        if measured:
            last = max(measured)
            basis = f"values last measured on {vocabulary.long_date(last)}, {vocabulary.ago(last, today)}"
        else:
            basis = "no measured values at all"
        how = "Log it now, with this week's values?" if can_log else "Log it in Check-ins first (New check-in)."
        text = f"“{plan.title}” has no final review logged: the outcome would rest on {basis}.\n\n{how}"
        super().__init__(QMessageBox.Icon.Question, "No final review yet", text, QMessageBox.StandardButton.Cancel)
        if parent is not None:
            self.setParent(parent, self.windowFlags())
        self.choices: dict[str, QAbstractButton] = {}
        if can_log:
            self.choices[self.LOG] = self.addButton("Log the final review…", QMessageBox.ButtonRole.AcceptRole)
        self.choices[self.GO_ON] = self.addButton("Close without it…", QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.choice: str | None = None
        self.buttonClicked.connect(self._chosen)

    def answer(self, choice: str) -> bool:
        """Choose as a person would (tests, the self-test): click the button of ``choice``."""
        self.choices[choice].click()
        return True

    def _chosen(self, button: QAbstractButton) -> None:
        self.choice = next((name for name, b in self.choices.items() if b is button), None)


def has_final_review(plan: Plan) -> bool:
    return any(c.kind is CheckinKind.FINAL for c in plan.checkins)


def close_with_outcome(
    session: PlanSession,
    prompter: Prompts,
    today: Callable[[], dt.date],
    parent: QWidget | None = None,
    log_final_review: Callable[[], object] | None = None,
    sustained: int = DEFAULT_SUSTAINED,
) -> bool:
    """Ask for the outcome of the session's plan and close it; true when the plan changed.

    ``sustained`` (Preferences) is how many of the last measured check-ins must reach a target for "met".

    With no final review logged, first says so and offers to log it (``log_final_review``, when the
    caller can open the check-in form; the close goes on once one is logged) or to close without it.
    Choosing "Extend instead…" in the dialog goes on to :func:`extend_plan`.
    """
    if _refused(prompter, CLOSE, why_not_close(session.plan)):
        return False
    if not has_final_review(session.plan):
        question = FinalReviewFirst(session.plan, today(), log_final_review is not None, parent)
        try:
            prompter.run_dialog(question)
            choice = question.choice
        finally:
            question.deleteLater()
        if choice == FinalReviewFirst.LOG and log_final_review is not None:
            log_final_review()
            if not has_final_review(session.plan):
                return False
        elif choice != FinalReviewFirst.GO_ON:
            return False
    dialog = ClosePlanDialog(session.plan, today(), parent, sustained=sustained)
    try:
        if not prompter.run_dialog(dialog):
            return extend_plan(session, prompter, today, parent) if dialog.extend_instead else False
        if dialog.problems():
            return False
        return apply_outcome(session, prompter, dialog.outcome(), dialog.fairness, dialog.fairness_comment())
    finally:
        dialog.deleteLater()


def apply_outcome(
    session: PlanSession, prompter: Prompts, outcome: Outcome, check: FairnessCheck, comment: str
) -> bool:
    """Close the plan with ``outcome`` in one undoable step, keeping the fairness confirmation."""
    decision = vocabulary.DECISIONS[outcome.decision].lower() if outcome.decision else "no decision"
    reason = comment or "Checked when closing the plan: nothing to confirm."
    before = session.plan.status

    def close(plan: Plan) -> None:
        at = now()
        plan.outcome = outcome
        plan.status = Status.CLOSED
        plan.revisions.append(Revision(at=at, field=FAIRNESS_FIELD, old=gaps_text(check), new=None, reason=reason))
        plan.revisions.append(
            Revision(
                at=at,
                field="status",
                old=before.value,
                new=Status.CLOSED.value,
                reason=f"Closed with outcome: {decision}",
            )
        )

    problems = session.change(CLOSE, close)
    return _done(prompter, CLOSE, "The plan cannot be closed until these are put right", problems)


def extend_plan(
    session: PlanSession, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None = None
) -> bool:
    """Ask for a new end date and reason and extend the session's plan; true when the plan changed.

    A closed plan is reopened: its outcome, appeal and responses to the outcome are removed, each kept in a revision.
    """
    if _refused(prompter, EXTEND, why_not_extend(session.plan)):
        return False
    dialog = ExtendPlanDialog(session.plan, today(), parent)
    try:
        if not prompter.run_dialog(dialog) or dialog.problems():
            return False
        return apply_extension(session, prompter, dialog.new_end(), dialog.reason(), dialog.move_due_dates())
    finally:
        dialog.deleteLater()


def apply_extension(
    session: PlanSession, prompter: Prompts, new_end: dt.date, reason: str, move_due_dates: bool = True
) -> bool:
    """Extend the plan to ``new_end`` in one undoable step, every change kept with ``reason``."""
    reopening = session.plan.status is Status.CLOSED
    problems = session.change(
        "Reopen the plan by extension" if reopening else EXTEND,
        lambda plan: extend(plan, new_end, reason, move_due_dates, now()),
    )
    return _done(prompter, EXTEND, "The plan cannot be extended until these are put right", problems)


def extend(plan: Plan, new_end: dt.date, reason: str, move_due_dates: bool, at: dt.datetime) -> None:
    """Extend ``plan`` (in place) to ``new_end``, reopening it if closed, each change kept as a revision at ``at``."""
    old_end = plan.end_date
    set_aside_outcome(plan, reason, at)
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


def _refused(prompter: Prompts, title: str, why: str | None) -> bool:
    """True when there is a reason ``why`` not, told to the person."""
    if why is not None:
        prompter.warning(title, why)
    return why is not None


def _done(prompter: Prompts, title: str, heading: str, problems: list[Problem]) -> bool:
    """True when the change was made; else the problems that stopped it, shown as a warning."""
    if problems:
        lines = "\n".join(f"• {p.message}" for p in problems)
        prompter.warning(title, f"{heading}:\n{lines}")
        return False
    return True
