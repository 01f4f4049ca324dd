"""Where a plan stands in its process and the one next thing to do, as rules over the plan and today.

The stages, in order: a draft is sent to HR for review, HR's review is recorded, the plan is issued,
the employee's acknowledgement is recorded, the meetings are held as scheduled (kick-off, check-ins,
the mid-plan evaluation, the final review: the earliest milestone not done is the next one), the
plan is closed with an outcome, and the outcome's monitoring follows. A paused plan's next step is
to resume it; a plan changed since it was acknowledged needs a new acknowledgement.

Decisions, so that each plan has exactly one next step:

- The HR review is a step, not a gate: the window still lets a manager issue without it (the
  fairness check then reports the gap). Each undone step is due by the plan's start date.
- pipdesk cannot know that a plan was printed, so printing is not a stage: the issue step's words
  say to print the plan for the meeting (the employee signs the printed copy).
- The first acknowledgement is the next step until the first check-in is logged; once meetings are
  being held, a missing acknowledgement is one of the gaps the fairness check reports, and the next
  step is the meeting that is due (so a missed final review is never hidden behind it).
- After close, the outcome's own monitoring text is the step ("Monitoring after the plan: …"):
  pipdesk has no end date for monitoring, so it is never overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pipdesk.domain import vocabulary
from pipdesk.domain.fair_process import changes_since_acknowledged
from pipdesk.domain.model import MilestoneKind, Plan, Status
from pipdesk.domain.schedule import ACKNOWLEDGEMENT_DAYS

#: Days HR is given to review a plan before the step is overdue (the employee's: schedule.ACKNOWLEDGEMENT_DAYS).
HR_REVIEW_DAYS = 7


class Stage(StrEnum):
    """Where a plan stands, in the order of the process."""

    HR_REVIEW = "hr_review"
    ISSUE = "issue"
    ACKNOWLEDGEMENT = "acknowledgement"
    PAUSED = "paused"
    KICKOFF = "kickoff"
    CHECKINS = "checkins"
    MID_PLAN = "mid_plan"
    FINAL_REVIEW = "final_review"
    CLOSE = "close"
    MONITORING = "monitoring"
    CLOSED = "closed"


class Action(StrEnum):
    """The command that does a step (the window maps each to one of its actions)."""

    SEND_FOR_HR_REVIEW = "send_for_hr_review"
    RECORD_HR_REVIEW = "record_hr_review"
    ISSUE = "issue"
    RECORD_ACKNOWLEDGEMENT = "record_acknowledgement"
    NEW_CHECKIN = "new_checkin"
    CLOSE = "close"
    RESUME = "resume"


@dataclass(frozen=True)
class NextStep:
    """The one next thing to do: its stage, its words, the day it is due (if any), whether that has
    passed, the action that does it (None: nothing to do in pipdesk), and since when it waits."""

    stage: Stage
    words: str
    due: dt.date | None = None
    overdue: bool = False
    action: Action | None = None
    #: The day the step began to wait (sent to HR, issued, changed): This week says how long ago.
    since: dt.date | None = None
    #: The key of the words in :data:`vocabulary.NEXT_STEPS` (This week's words are keyed alike).
    key: str = ""

    def late_words(self, today: dt.date) -> str:
        """What This week says of an overdue step: ``Acknowledgement not recorded, issued 12 days ago``."""
        template = vocabulary.LATE_STEPS.get(self.key)
        if template is None or self.since is None:
            return self.words
        return template.format(ago=vocabulary.ago(self.since, today))


_MILESTONE_STAGES = {
    MilestoneKind.KICKOFF: Stage.KICKOFF,
    MilestoneKind.CHECKIN: Stage.CHECKINS,
    MilestoneKind.MIDPOINT: Stage.MID_PLAN,
    MilestoneKind.FINAL: Stage.FINAL_REVIEW,
    MilestoneKind.CUSTOM: Stage.CHECKINS,
}


def next_step(plan: Plan, today: dt.date) -> NextStep:
    """The stage the plan is at and the one next thing to do on ``today``."""
    if plan.status is Status.CLOSED:
        return _after_close(plan)
    if plan.status is Status.DRAFT:
        return _before_issue(plan, today)
    return _while_running(plan, today)


def _step(
    stage: Stage,
    key: str,
    action: Action | None,
    today: dt.date,
    due: dt.date | None = None,
    since: dt.date | None = None,
    title: str = "",
) -> NextStep:
    words = vocabulary.NEXT_STEPS[key].format(
        due=vocabulary.short_date(due), since=vocabulary.short_date(since), title=" ".join(title.split())
    )
    overdue = due is not None and due < today
    if overdue:
        assert due is not None
        words += f": {vocabulary.overdue_by((today - due).days)}"
    return NextStep(stage, words, due, overdue, action, since, key)


def _before_issue(plan: Plan, today: dt.date) -> NextStep:
    review = plan.hr_review
    if review is None or (review.sent_on is None and review.reviewed_on is None):
        return _step(Stage.HR_REVIEW, "send_for_hr_review", Action.SEND_FOR_HR_REVIEW, today, plan.start_date)
    if review.reviewed_on is None:
        assert review.sent_on is not None
        due = min(review.sent_on + dt.timedelta(days=HR_REVIEW_DAYS), plan.start_date)
        return _step(Stage.HR_REVIEW, "record_hr_review", Action.RECORD_HR_REVIEW, today, due, review.sent_on)
    return _step(Stage.ISSUE, "issue", Action.ISSUE, today, plan.start_date)


def _while_running(plan: Plan, today: dt.date) -> NextStep:
    if plan.paused:
        pause = plan.pauses[-1]
        return _step(Stage.PAUSED, "resume", Action.RESUME, today, since=pause.paused_on, title=pause.reason)
    issued = plan.issued_on or plan.start_date
    if plan.acknowledgement is None and not plan.checkins:
        due = issued + dt.timedelta(days=ACKNOWLEDGEMENT_DAYS)
        return _step(Stage.ACKNOWLEDGEMENT, "record_acknowledgement", Action.RECORD_ACKNOWLEDGEMENT, today, due, issued)
    changes = changes_since_acknowledged(plan)
    if changes:
        acknowledged = plan.latest_acknowledgement
        assert acknowledged is not None
        changed = changes[0].at.date()
        step = _step(
            Stage.ACKNOWLEDGEMENT,
            "record_reacknowledgement",
            Action.RECORD_ACKNOWLEDGEMENT,
            today,
            changed + dt.timedelta(days=ACKNOWLEDGEMENT_DAYS),
            acknowledged.on,
        )
        return NextStep(step.stage, step.words, step.due, step.overdue, step.action, changed, step.key)
    undone = sorted((m for m in plan.milestones if not m.done), key=lambda m: m.date)
    if undone:
        milestone = undone[0]
        stage = _MILESTONE_STAGES[milestone.kind]
        return _step(stage, milestone.kind.value, Action.NEW_CHECKIN, today, milestone.date, title=milestone.title)
    return _step(Stage.CLOSE, "close", Action.CLOSE, today, plan.end_date)


def _after_close(plan: Plan) -> NextStep:
    monitoring = plan.outcome.monitoring.strip() if plan.outcome is not None else ""
    if monitoring:
        words = vocabulary.NEXT_STEPS["monitoring"].format(title=" ".join(monitoring.split()))
        return NextStep(Stage.MONITORING, words, key="monitoring")
    return NextStep(Stage.CLOSED, vocabulary.NEXT_STEPS["closed"], key="closed")
