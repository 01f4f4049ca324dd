"""What a plan's timeline shows, as plain data: its milestones, held check-ins and due dates, each with its
state, and the days it was paused.

The timeline view draws these and the tests read them; working them out needs only the plan and
today, so they live here beside the schedule rules they follow (what is overdue comes from
:func:`pipdesk.domain.schedule.due_items`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pipdesk.domain.model import Plan, Rating, Status
from pipdesk.domain.progress import overall_rating
from pipdesk.domain.schedule import DueKind, due_items
from pipdesk.domain.vocabulary import CHECKIN_KINDS, PAUSED, count, short_date


class Lane(StrEnum):
    """The timeline's rows, top to bottom, and the list of the plan each one shows."""

    SCHEDULE = "schedule"  # milestones
    CHECKINS = "checkins"  # the check-ins held
    OBJECTIVES = "objectives"  # their due dates
    SUPPORT = "support"  # the support actions' due dates
    ADJUSTMENTS = "adjustments"  # reasonable adjustments: put in place, and their review dates


class MarkerState(StrEnum):
    PLANNED = "planned"  # not done yet and not late (or the plan has not started)
    DONE = "done"  # a milestone that was held, a support action that was given
    OVERDUE = "overdue"  # the plan is running, the day has passed and it is not done
    NOT_HELD = "not_held"  # the plan is closed and this never happened
    HELD = "held"  # a logged check-in
    DUE = "due"  # an objective's due date, an adjustment's review date


@dataclass(frozen=True)
class Marker:
    """One thing on the timeline.

    ``kind`` is the milestone's or check-in's kind (``MilestoneKind``/``CheckinKind`` value), or
    ``"objective"``/``"support"``, or :data:`ADJUSTMENT_IN_PLACE`/:data:`ADJUSTMENT_REVIEW`. ``index``
    is its position in the plan's list for its lane (``milestones``, ``checkins``, ``objectives``,
    ``support``; for adjustments, twice the adjustment's position, plus one for its review, so each
    marker has a key of its own). ``rating`` is a held check-in's worst rating.
    """

    lane: Lane
    kind: str
    date: dt.date
    index: int
    state: MarkerState
    title: str
    rating: Rating | None = None

    @property
    def key(self) -> tuple[Lane, int]:
        return (self.lane, self.index)

    @property
    def activatable(self) -> bool:
        return self.lane in (Lane.SCHEDULE, Lane.CHECKINS)


def plan_markers(plan: Plan, today: dt.date) -> list[Marker]:
    """Every marker of the plan: milestones, held check-ins, objective and support due dates."""
    late = {
        (item.kind, item.index)
        for item in due_items([(0, plan)], today)
        if item.kind in (DueKind.OVERDUE, DueKind.SUPPORT_OVERDUE)
    }
    closed = plan.status is Status.CLOSED

    def state(done: bool, overdue: bool) -> MarkerState:
        if done:
            return MarkerState.DONE
        if overdue:
            return MarkerState.OVERDUE
        return MarkerState.NOT_HELD if closed else MarkerState.PLANNED

    markers: list[Marker] = []
    for i, milestone in enumerate(plan.milestones):
        held = state(milestone.done, (DueKind.OVERDUE, i) in late)
        markers.append(Marker(Lane.SCHEDULE, milestone.kind.value, milestone.date, i, held, milestone.title))
    for i, checkin in enumerate(plan.checkins):
        title = CHECKIN_KINDS[checkin.kind]
        markers.append(
            Marker(Lane.CHECKINS, checkin.kind.value, checkin.date, i, MarkerState.HELD, title, overall_rating(checkin))
        )
    for i, objective in enumerate(plan.objectives):
        if objective.due_date is not None:
            markers.append(
                Marker(Lane.OBJECTIVES, "objective", objective.due_date, i, MarkerState.DUE, objective.title)
            )
    for i, action in enumerate(plan.support):
        if action.due_date is not None:
            given = state(action.done, (DueKind.SUPPORT_OVERDUE, i) in late)
            markers.append(Marker(Lane.SUPPORT, "support", action.due_date, i, given, action.description))
    markers.extend(adjustment_markers(plan))
    return markers


#: The kinds of the adjustments lane's markers.
ADJUSTMENT_IN_PLACE, ADJUSTMENT_REVIEW = "adjustment_in_place", "adjustment_review"


def adjustment_markers(plan: Plan) -> list[Marker]:
    """Each adjustment put in place (done) on the day it was, and its review date (due).

    A refused adjustment has neither; one not yet decided or not yet in place has none on the timeline.
    """
    markers: list[Marker] = []
    for i, adjustment in enumerate(plan.adjustments):
        title = " ".join(adjustment.requested.split())
        if adjustment.in_place_on is not None:
            markers.append(
                Marker(Lane.ADJUSTMENTS, ADJUSTMENT_IN_PLACE, adjustment.in_place_on, 2 * i, MarkerState.DONE, title)
            )
        if adjustment.review_on is not None:
            markers.append(
                Marker(Lane.ADJUSTMENTS, ADJUSTMENT_REVIEW, adjustment.review_on, 2 * i + 1, MarkerState.DUE, title)
            )
    return markers


# Pauses: the days a plan's clock stood still, drawn as a band across the lanes.


@dataclass(frozen=True)
class PausedSpan:
    """Days the plan was paused: from ``first`` up to ``until`` (the day resumed, or today while it lasts)."""

    first: dt.date
    until: dt.date
    reason: str
    running: bool

    @property
    def days(self) -> int:
        return (self.until - self.first).days

    @property
    def label(self) -> str:
        """``Paused: sickness absence``: the words on the band."""
        return f"{PAUSED}: {' '.join(self.reason.split())}"

    @property
    def description(self) -> str:
        """``Paused from 24 Nov 2026 to 8 Dec 2026 (14 days): sickness absence.``"""
        reason = " ".join(self.reason.split())
        if self.running:
            so_far = f"{count(self.days, 'day')} so far" if self.days else "from today"
            return f"{PAUSED} since {short_date(self.first)}, not yet resumed ({so_far}): {reason}."
        return (
            f"{PAUSED} from {short_date(self.first)} to {short_date(self.until)} ({count(self.days, 'day')}): {reason}."
        )


def paused_spans(plan: Plan, today: dt.date) -> list[PausedSpan]:
    """Each pause of the plan, a running one up to ``today`` (or its first day, if that is later)."""
    return [
        PausedSpan(
            pause.paused_on,
            pause.resumed_on if pause.resumed_on is not None else max(today, pause.paused_on),
            pause.reason,
            pause.resumed_on is None,
        )
        for pause in plan.pauses
    ]
