"""How far each objective has come: its measured series, a straight-line projection and a status.

The status of an objective, judged from the values logged at check-ins:

- ``no_data``: nothing measured yet, or the objective has no baseline and target to judge against.
- ``met``: the last value reached the target (``>=`` when higher is better, ``<=`` when lower is
  better); a value past the target counts as met.
- ``on_track``: a least-squares line through the last few values reaches the target by the due date.
- ``at_risk``: that line gets at least halfway from the baseline to the target by the due date, or
  there is only one value and it improves on the baseline.
- ``off_track``: anything else.

Once the due date has passed there is nothing left to project: the last value alone is judged, so
the objective is met, at risk (at least halfway there) or off track.

A projection respects what the metric can be (:func:`value_bounds`, decided from the unit): a
percentage stays within 0–100 %, and any other metric stays at or above 0 unless its baseline or
target is negative. A line that would cross a bound runs along it to the due date, and charts on
screen and on paper keep their value axis inside the same bounds.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from pipdesk.domain.kinds import CheckinKind, Direction, MilestoneKind, Rating

if TYPE_CHECKING:
    from pipdesk.domain.model import Checkin, Objective, Plan


#: One measured value of an objective and the day of the check-in that recorded it.
Point = tuple[dt.date, float]

#: Share of the way from baseline to target a projection must reach for "at risk" rather than "off track".
AT_RISK_SHARE = 0.5

# Float noise from the least-squares fit must not turn 90.0 into 89.99999999 and "not reached".
_TOLERANCE = 1e-9

_MEETING_KINDS = frozenset({MilestoneKind.CHECKIN, MilestoneKind.MIDPOINT, MilestoneKind.FINAL})


class ObjectiveStatus(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return "No data yet" if self is ObjectiveStatus.NO_DATA else self.value.replace("_", " ").capitalize()

    @property
    def rating(self) -> Rating | None:
        """The check-in rating this status suggests; none without data."""
        return None if self is ObjectiveStatus.NO_DATA else Rating(self.value)


#: Units that mean a share of a whole, written as the manager may write them.
PERCENT_UNITS = frozenset({"%", "percent", "per cent", "percentage"})

#: The lowest and highest a metric can be; ``None`` where it has no bound.
Bounds = tuple[float | None, float | None]


def value_bounds(objective: Objective) -> Bounds:
    """What the objective's metric can be, from its unit.

    A percentage is 0–100 (the ceiling widens to a baseline or target above 100, as in "120 % of
    quota"); any other metric is at least 0 (a count, hours, a score) unless its baseline or target
    is negative, which shows it can be.
    """
    given = [v for v in (objective.baseline, objective.target) if v is not None]
    low = None if any(v < 0 for v in given) else 0.0
    if objective.unit.strip().casefold() in PERCENT_UNITS:
        return low, max([100.0, *given])
    return low, None


def within(bounds: Bounds, value: float) -> float:
    """``value`` moved inside ``bounds``."""
    low, high = bounds
    if low is not None and value < low:
        return low
    if high is not None and value > high:
        return high
    return value


def values_range(objective: Objective, values: Sequence[float], below: float, above: float) -> tuple[float, float]:
    """A chart's value range: ``values`` padded by shares of their spread, kept inside the metric's bounds."""
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    span = high - low or max(abs(high), 1.0)
    floor, ceiling = value_bounds(objective)
    padded_low, padded_high = (
        within((floor, ceiling), low - span * below),
        within((floor, ceiling), high + span * above),
    )
    return min(padded_low, low), max(padded_high, high)


@dataclass(frozen=True)
class Projection:
    """Where a straight line through the recent values lands on the objective's due date.

    ``value_at_due`` is kept inside the metric's ``bounds``; ``unbounded_at_due`` is where the line
    itself lands (the same unless it crosses a bound). ``value_on`` gives the kept line on any day,
    and ``path`` the points to draw it by.
    """

    due_date: dt.date
    value_at_due: float
    slope_per_day: float
    reaches_target: bool
    bounds: Bounds = (None, None)
    unbounded_at_due: float | None = None

    def value_on(self, day: dt.date) -> float:
        """The line's value on ``day``, kept inside the bounds."""
        at_due = self.value_at_due if self.unbounded_at_due is None else self.unbounded_at_due
        return within(self.bounds, at_due - self.slope_per_day * (self.due_date - day).days)

    def path(self, from_day: dt.date) -> list[Point]:
        """The projection from ``from_day`` to the due date: straight, then along a bound it reaches."""
        start, end = (from_day, self.value_on(from_day)), (self.due_date, self.value_at_due)
        crossed = self.unbounded_at_due is not None and self.unbounded_at_due != self.value_at_due
        if not crossed or self.slope_per_day == 0 or self.unbounded_at_due is None:
            return [start, end]
        # The first whole day on the bound the line would cross.
        days_before_due = math.floor((self.unbounded_at_due - self.value_at_due) / self.slope_per_day)
        knee = self.due_date - dt.timedelta(days=days_before_due)
        if not from_day < knee < self.due_date:
            return [start, end]
        return [start, (knee, self.value_on(knee)), end]


@dataclass(frozen=True)
class PlanProgress:
    """A plan at a glance: objectives by status, check-ins held against scheduled, support delivered."""

    met: int
    on_track: int
    at_risk: int
    off_track: int
    no_data: int
    checkins_held: int
    checkins_scheduled: int
    support_done: int
    support_promised: int
    checkins_ahead: int = 0  # logged for a day after today (before pipdesk refused them): not counted as held

    @property
    def objectives(self) -> int:
        return self.met + self.on_track + self.at_risk + self.off_track + self.no_data


#: Worst first: a check-in is rated by the objective that is doing worst.
RATINGS_WORST_FIRST = (Rating.OFF_TRACK, Rating.AT_RISK, Rating.ON_TRACK, Rating.MET)


def overall_rating(checkin: Checkin) -> Rating | None:
    """A check-in's rating: the worst given to any objective at it; none when nothing was rated."""
    given = {p.rating for p in checkin.progress if p.rating is not None}
    return next((rating for rating in RATINGS_WORST_FIRST if rating in given), None)


def series(plan: Plan, objective_key: str) -> list[Point]:
    """The objective's measured values in check-in date order; progress without a value is skipped."""
    return [
        (checkin.date, progress.value)
        for checkin in sorted(plan.checkins, key=lambda c: c.date)
        for progress in checkin.progress
        if progress.objective == objective_key and progress.value is not None
    ]


def reaches_target(objective: Objective, value: float) -> bool:
    """Whether ``value`` is at or past the target in the objective's direction."""
    if objective.target is None:
        return False
    if objective.direction is Direction.HIGHER_IS_BETTER:
        return value >= objective.target - _TOLERANCE
    if objective.direction is Direction.LOWER_IS_BETTER:
        return value <= objective.target + _TOLERANCE
    return False


def share_of_the_way(objective: Objective, value: float) -> float | None:
    """How far ``value`` is from the baseline toward the target: 0 at the baseline, 1 at the target.

    Negative when the value moved away from the target; above 1 past it. ``None`` when the objective
    has no baseline and target to measure against.
    """
    if objective.baseline is None or objective.target is None or objective.direction is None:
        return None
    return (value - objective.baseline) / (objective.target - objective.baseline)


def projection(objective: Objective, points: Sequence[Point], recent: int = 4) -> Projection | None:
    """A least-squares line through the last ``recent`` values, carried to the objective's due date.

    The value at the due date is kept inside what the metric can be (:func:`value_bounds`).

    ``None`` with fewer than two values, values all on one day, or no due date or target.
    """
    if objective.due_date is None or objective.direction is None or recent < 2:
        return None
    window = list(points)[-recent:]
    if len(window) < 2:
        return None
    origin = window[0][0]
    xs = [float((day - origin).days) for day, _ in window]
    ys = [value for _, value in window]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    raw_at_due = mean_y + slope * ((objective.due_date - origin).days - mean_x)
    bounds = value_bounds(objective)
    at_due = within(bounds, raw_at_due)
    return Projection(
        due_date=objective.due_date,
        value_at_due=at_due,
        slope_per_day=slope,
        reaches_target=reaches_target(objective, at_due),
        bounds=bounds,
        unbounded_at_due=raw_at_due,
    )


def objective_status(objective: Objective, points: Sequence[Point], today: dt.date) -> ObjectiveStatus:
    """The objective's status by the rule in this module's docstring."""
    if not points or objective.direction is None:
        return ObjectiveStatus.NO_DATA
    last = points[-1][1]
    if reaches_target(objective, last):
        return ObjectiveStatus.MET
    if objective.due_date is not None and today > objective.due_date:
        return _at_risk_if(_at_least_halfway(objective, last))
    line = projection(objective, points)
    if line is None:
        share = share_of_the_way(objective, last)
        return _at_risk_if(share is not None and share > 0)
    if line.reaches_target:
        return ObjectiveStatus.ON_TRACK
    return _at_risk_if(_at_least_halfway(objective, line.value_at_due))


def _at_least_halfway(objective: Objective, value: float) -> bool:
    share = share_of_the_way(objective, value)
    return share is not None and share >= AT_RISK_SHARE - _TOLERANCE


def _at_risk_if(condition: bool) -> ObjectiveStatus:
    return ObjectiveStatus.AT_RISK if condition else ObjectiveStatus.OFF_TRACK


def scheduled_meeting_days(plan: Plan, until: dt.date) -> set[dt.date]:
    """Days up to ``until`` with a check-in, mid-plan or final review milestone.

    Counted by day: a mid-plan evaluation held on a check-in day is one meeting.
    """
    return {m.date for m in plan.milestones if m.kind in _MEETING_KINDS and m.date <= until}


def held_meeting_days(plan: Plan, until: dt.date) -> set[dt.date]:
    """Days up to ``until`` with a logged check-in (two logged on one day are one meeting).

    A kick-off meeting is not a check-in: the schedule does not count it either.
    """
    return {c.date for c in plan.checkins if c.date <= until and c.kind is not CheckinKind.KICKOFF}


def plan_summary(plan: Plan, today: dt.date) -> PlanProgress:
    """Objectives counted by status, check-ins held against scheduled up to today, support done."""
    statuses = [objective_status(o, series(plan, o.key), today) for o in plan.objectives]
    return PlanProgress(
        met=statuses.count(ObjectiveStatus.MET),
        on_track=statuses.count(ObjectiveStatus.ON_TRACK),
        at_risk=statuses.count(ObjectiveStatus.AT_RISK),
        off_track=statuses.count(ObjectiveStatus.OFF_TRACK),
        no_data=statuses.count(ObjectiveStatus.NO_DATA),
        checkins_held=len(held_meeting_days(plan, today)),
        checkins_scheduled=len(scheduled_meeting_days(plan, today)),
        support_done=sum(1 for action in plan.support if action.done),
        support_promised=len(plan.support),
        checkins_ahead=sum(1 for c in plan.checkins if c.date > today),
    )
