"""The plan's meetings as a guide sees them: which meeting comes next, and what to prepare for it.

A meeting is one of the plan's milestones of the kinds below (a custom milestone is not a meeting).
Which guide it gets follows its kind: the kick-off the delivery meeting guide, a check-in the
preparation sheet, the mid-plan evaluation and the final review the review guide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from pipdesk.domain.kinds import Direction, MilestoneKind
from pipdesk.domain.progress import Point, projection, reaches_target

if TYPE_CHECKING:
    from pipdesk.domain.model import Checkin, Milestone, Objective, Plan, SupportAction


#: On a day with two meetings, the one that matters most is the one the guide is for.
_WEIGHT = {MilestoneKind.FINAL: 0, MilestoneKind.MIDPOINT: 1, MilestoneKind.KICKOFF: 2, MilestoneKind.CHECKIN: 3}
MEETING_KINDS = frozenset(_WEIGHT)


class Guide(StrEnum):
    DELIVERY = "delivery"
    PREPARATION = "preparation"
    REVIEW = "review"


GUIDES = {
    MilestoneKind.KICKOFF: Guide.DELIVERY,
    MilestoneKind.CHECKIN: Guide.PREPARATION,
    MilestoneKind.MIDPOINT: Guide.REVIEW,
    MilestoneKind.FINAL: Guide.REVIEW,
}

#: Each guide's name, as the document's title, the window and the command line say it.
GUIDE_TITLES = {
    MilestoneKind.KICKOFF: "Delivery meeting guide",
    MilestoneKind.CHECKIN: "Check-in preparation sheet",
    MilestoneKind.MIDPOINT: "Mid-plan evaluation guide",
    MilestoneKind.FINAL: "Final review guide",
}

#: What to ask at a check-in, whatever the figures say.
CHECKIN_QUESTIONS = (
    "How has it gone since we last met? What went well?",
    "What got in the way, and what would help?",
    "Is the support agreed happening, and is it helping?",
    "Is anything outside work affecting the plan that we should know about?",
    "What will each of us do before the next meeting?",
)


def meetings(plan: Plan) -> list[Milestone]:
    """The plan's meetings by date; on one day, the weightier meeting first."""
    found = [m for m in plan.milestones if m.kind in MEETING_KINDS]
    return sorted(found, key=lambda m: (m.date, _WEIGHT[m.kind]))


def next_meeting(plan: Plan, on: dt.date) -> Milestone | None:
    """The first meeting on or after ``on`` (held or not: a guide can be printed again); ``None``: none ahead."""
    return next((m for m in meetings(plan) if m.date >= on), None)


def meeting_after(plan: Plan, meeting: Milestone) -> Milestone | None:
    """The first meeting on a later day than ``meeting``."""
    return next((m for m in meetings(plan) if m.date > meeting.date), None)


def guide_for(meeting: Milestone) -> Guide:
    return GUIDES[meeting.kind]


def guide_title(meeting: Milestone) -> str:
    return GUIDE_TITLES[meeting.kind]


def last_checkin_before(plan: Plan, day: dt.date) -> Checkin | None:
    """The latest check-in held before ``day`` (the last of them on its day)."""
    before = [(c.date, i) for i, c in enumerate(plan.checkins) if c.date < day]
    return plan.checkins[max(before)[1]] if before else None


def support_due(plan: Plan, day: dt.date) -> list[SupportAction]:
    """The support actions not done whose due date is on or before ``day``, earliest first."""
    due = [s for s in plan.support if not s.done and s.due_date is not None and s.due_date <= day]
    return sorted(due, key=lambda s: s.due_date or day)


def is_late(action: SupportAction, day: dt.date) -> bool:
    """Not done and its due date has passed by ``day``."""
    return not action.done and action.due_date is not None and action.due_date < day


def trend(objective: Objective, points: Sequence[Point]) -> str:
    """How the last two values moved, in the objective's direction, and where the trend leads by the due date."""
    if not points:
        return "Not measured yet"
    if len(points) == 1:
        return "One value so far"
    previous, last = points[-2][1], points[-1][1]
    if reaches_target(objective, last):
        return "At or past the target"
    if last == previous:
        moved = "No change since the value before"
    elif objective.direction is None:
        moved = "Up since the value before" if last > previous else "Down since the value before"
    else:
        better = last > previous if objective.direction is Direction.HIGHER_IS_BETTER else last < previous
        moved = "Better than the value before" if better else "Worse than the value before"
    line = projection(objective, points)
    if line is None:
        return moved
    reaches = "reaches the target" if line.reaches_target else "falls short of the target"
    return f"{moved}; on this trend it {reaches} by the due date"
