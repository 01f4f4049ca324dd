"""The employee's acknowledgements, as plain functions: of the plan, again after it changed, and of the outcome.

Each takes the plan session, the prompter, today and the parent of the dialog it opens, and returns
true when something was recorded; a change the plan's rules refuse raises :class:`PlanInvalid`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from pipdesk.domain import Acknowledgement, PipdeskError, Plan, PlanInvalid, Problem, Status, fair_process, vocabulary
from pipdesk.domain.schedule import mark_kickoff_held
from pipdesk.gui.common.dialogs import answer_of
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.plan.acknowledgement_dialog import (
    AcknowledgementDialog,
    again_receipt,
    outcome_receipt,
    plan_receipt,
)


def record_acknowledgement(session: PlanSession, prompter: Prompts, today: dt.date, parent: QWidget | None) -> bool:
    """Record that the employee signed for receipt, or declined with a witness; true when recorded.

    The first acknowledgement keeps when it was recorded, so that later changes are told from earlier
    ones. When the plan has changed since it was last acknowledged, this records a new acknowledgement
    (kept beside the first, and in the history); otherwise it corrects the latest one. The kick-off is
    the meeting where the plan was handed over, so it is marked held with the first acknowledgement.

    Raises :class:`PlanInvalid` when the plan would break a rule.
    """
    plan = session.plan
    changes = fair_process.changes_since_acknowledged(plan)
    if changes:
        return _record_again(session, prompter, today, parent, len(changes))
    acknowledgement = _ask_acknowledgement(prompter, AcknowledgementDialog(plan, today, parent, plan_receipt(plan)))
    if acknowledgement is None:
        return False

    def record(plan: Plan) -> None:
        if plan.reacknowledgements:
            plan.reacknowledgements[-1] = acknowledgement
        else:
            plan.acknowledgement = acknowledgement
            plan.milestones = mark_kickoff_held(plan.milestones, acknowledgement)

    return _recorded(session.change("Record acknowledgement", record), "The acknowledgement was not recorded")


def _record_again(
    session: PlanSession, prompter: Prompts, today: dt.date, parent: QWidget | None, changes: int
) -> bool:
    """A new acknowledgement of the plan as it stands, kept with when it was recorded and in the history."""
    plan = session.plan
    last = plan.latest_acknowledgement
    assert last is not None
    dialog = AcknowledgementDialog(plan, today, parent, again_receipt(plan, changes))
    acknowledgement = _ask_acknowledgement(prompter, dialog)
    if acknowledgement is None:
        return False
    reason = (
        f"The plan had {vocabulary.count(changes, 'change')} since the employee acknowledged it on "
        f"{vocabulary.short_date(last.on)}"
    )
    revision = (fair_process.REACKNOWLEDGED_FIELD, last.on.isoformat(), acknowledgement.on.isoformat(), reason)
    problems = session.change(
        "Record a new acknowledgement", lambda p: p.reacknowledgements.append(acknowledgement), revision=revision
    )
    return _recorded(problems, "The new acknowledgement was not recorded")


def record_outcome_acknowledgement(
    session: PlanSession, prompter: Prompts, today: dt.date, parent: QWidget | None
) -> bool:
    """Record that the employee received the outcome of a closed plan (or declined to sign, with a witness)."""
    plan = session.plan
    if plan.outcome is None:
        raise PipdeskError("The outcome's acknowledgement is recorded once the plan is closed with an outcome.")
    acknowledgement = _ask_acknowledgement(prompter, AcknowledgementDialog(plan, today, parent, outcome_receipt(plan)))
    if acknowledgement is None:
        return False

    def record(plan: Plan) -> None:
        assert plan.outcome is not None
        plan.outcome.acknowledgement = acknowledgement

    problems = session.change("Record the outcome's acknowledgement", record)
    return _recorded(problems, "The outcome's acknowledgement was not recorded")


def _ask_acknowledgement(prompter: Prompts, dialog: AcknowledgementDialog) -> Acknowledgement | None:
    """The acknowledgement as the dialog holds it once recorded, with when it was recorded (now, if new)."""
    acknowledgement = answer_of(prompter, dialog, dialog.problem, dialog.acknowledgement)
    if acknowledgement is not None and acknowledgement.recorded_at is None:
        acknowledgement.recorded_at = _now()
    return acknowledgement


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _recorded(problems: list[Problem], intro: str) -> bool:
    if problems:
        raise PlanInvalid(problems, intro=intro)
    return True


def awaits_acknowledgement(plan: Plan) -> bool:
    """Whether the plan is issued and running and its acknowledgement not yet recorded."""
    return plan.status in (Status.ACTIVE, Status.EXTENDED) and plan.acknowledgement is None


def acknowledgement_text(plan: Plan) -> str:
    """Whether the employee signed for receipt (and again after changes), as the Plan view says it."""
    ack = plan.acknowledgement
    if ack is None:
        return "Not recorded" if plan.issued_on else "—"
    text = _signed(ack, "Signed for receipt", "Declined to sign")
    for again in plan.reacknowledgements:
        text += "; " + _signed(again, "signed again after changes", "declined to sign again after changes")
    return text


def _signed(ack: Acknowledgement, signed: str, declined: str) -> str:
    if ack.refused:
        witness = f", witnessed by {ack.witness}" if ack.witness else ", no witness recorded"
        return f"{declined} on {vocabulary.long_date(ack.on)}{witness}"
    return f"{signed} on {vocabulary.long_date(ack.on)}"
