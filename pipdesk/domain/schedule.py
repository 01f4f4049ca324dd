"""The plan's calendar: generating, extending and moving milestones, and what is due or overdue.

Weekend rule: a generated check-in or mid-plan evaluation that falls on a Saturday moves to the
Friday before, one on a Sunday to the Monday after. If that day is outside the plan period, is the
kick-off or final day, or already holds another check-in, the other direction is tried; if both
fail the check-in is dropped (with a daily cadence, Saturday's and Sunday's merge into Friday's
and Monday's). No check-in is generated on the kick-off, mid-plan or final review day: the mid-plan
evaluation is that week's meeting.

The kick-off is the meeting where the plan is handed over: recording the employee's acknowledgement
(signed, or declined before a witness) marks it held. Issuing alone does not, not even on the
kick-off day: a plan is issued at the manager's desk, and until the acknowledgement is recorded the
overdue kick-off is the reminder to hold the meeting and record it. Any milestone can also be marked
held or not held by hand.

Support the manager promised is a reminder too: an action not given shows when its date is this
week or has passed, and one with no date shows once the plan is past its midpoint (dated at the
midpoint), so "0 of 4 delivered" is never first seen at the close.

Only running plans (active or extended) have anything due or overdue; a draft has not started and
a closed plan is done. A paused plan's clock stands still: nothing of it is due or overdue while it
is paused (its dates move by the days paused when it resumes, see :mod:`pipdesk.domain.pauses`);
the "this week" view shows one line saying since when it is paused, so it is not forgotten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol

from pipdesk.domain.kinds import CheckinKind, MilestoneKind, Status
from pipdesk.domain.problems import PipdeskError
from pipdesk.domain.vocabulary import short_date

if TYPE_CHECKING:
    from pipdesk.domain.model import Acknowledgement, Checkin, Milestone, Objective, Plan

#: Days the employee has to acknowledge an issued plan before it is a step overdue (domain/process.py).
ACKNOWLEDGEMENT_DAYS = 7

KICKOFF_TITLE = "Plan issued and discussed"
MIDPOINT_TITLE = "Mid-plan evaluation"
FINAL_TITLE = "Final review"
EXTENDED_FINAL_TITLE = "Final review (extended)"

#: The cadence of the check-ins an extension adds when the plan names none.
DEFAULT_CADENCE = 7
#: How soon an ending plan shows in the "this week" view.
ENDING_SOON_DAYS = 14

_DAY = dt.timedelta(days=1)
_SATURDAY, _SUNDAY = 5, 6
_MEETING_KINDS = frozenset({MilestoneKind.CHECKIN, MilestoneKind.MIDPOINT, MilestoneKind.FINAL})
_RUNNING = frozenset({Status.ACTIVE, Status.EXTENDED})

# The milestone kinds a logged check-in of each kind can fulfil.
_FULFILS: dict[CheckinKind, frozenset[MilestoneKind]] = {
    CheckinKind.CHECKIN: frozenset({MilestoneKind.CHECKIN}),
    CheckinKind.FORMAL_REVIEW: frozenset({MilestoneKind.CHECKIN}),
    CheckinKind.MIDPOINT: frozenset({MilestoneKind.MIDPOINT}),
    CheckinKind.FINAL: frozenset({MilestoneKind.FINAL}),
    CheckinKind.KICKOFF: frozenset({MilestoneKind.KICKOFF}),
}


class DueKind(StrEnum):
    """Why something shows in the "this week" view."""

    DUE_TODAY = "due_today"
    DUE_THIS_WEEK = "due_this_week"
    OVERDUE = "overdue"
    ENDING_SOON = "ending_soon"
    OUTCOME_MISSING = "outcome_missing"
    SUPPORT_OVERDUE = "support_overdue"
    SUPPORT_DUE = "support_due"
    SUPPORT_UNDATED = "support_undated"
    PAUSED = "paused"
    #: Issued a week ago or more, no check-in yet, and the employee's acknowledgement not recorded.
    ACKNOWLEDGEMENT_MISSING = "acknowledgement_missing"
    #: A closed plan kept past its retention (domain/retention.py): erase or anonymise it.
    PAST_RETENTION = "past_retention"

    @property
    def label(self) -> str:
        return _DUE_LABELS[self]


_DUE_LABELS = {
    DueKind.DUE_TODAY: "Due today",
    DueKind.DUE_THIS_WEEK: "Due this week",
    DueKind.OVERDUE: "Overdue",
    DueKind.ENDING_SOON: "Plan ends soon",
    DueKind.OUTCOME_MISSING: "Final review passed, no outcome recorded",
    DueKind.SUPPORT_OVERDUE: "Support action overdue",
    DueKind.SUPPORT_DUE: "Support action due",
    DueKind.SUPPORT_UNDATED: "Support action not given yet, no date set",
    DueKind.PAUSED: "Plan paused",
    DueKind.ACKNOWLEDGEMENT_MISSING: "Acknowledgement not recorded",
    DueKind.PAST_RETENTION: "Past retention: erase or anonymise",
}


class DueItem(NamedTuple):
    """One thing a manager has to act on, in one plan of the plan book (a tuple: This week makes thousands).

    ``what`` is the milestone's title, the support action's description, the plan's title for an
    item about the whole plan (``ENDING_SOON``, ``OUTCOME_MISSING``), or the reason of the pause a
    paused plan is in (``PAUSED``, dated its first day). ``index`` is the position of
    the milestone (or, for ``SUPPORT_OVERDUE``, the support action) in the plan; ``None`` for items
    about the whole plan.
    """

    plan_id: int
    kind: DueKind
    date: dt.date
    employee: str
    what: str
    index: int | None = None  # type: ignore[assignment]  # a field, not tuple.index (which it hides)


# Generating and editing the schedule


def checkin_title(number: int, every_days: int) -> str:
    """``Weekly check-in 3`` for a weekly cadence, ``Check-in 3`` for any other."""
    return f"Weekly check-in {number}" if every_days == 7 else f"Check-in {number}"


def generate_schedule(start: dt.date, end: dt.date, every_days: int) -> list[Milestone]:
    """Kick-off, check-ins every ``every_days``, mid-plan evaluation and final review, by date."""
    from pipdesk.domain.model import Milestone  # the plan's models load with the first plan, not for This week

    _check_period(start, end)
    _check_cadence(every_days)
    milestones = [
        Milestone(title=KICKOFF_TITLE, kind=MilestoneKind.KICKOFF, date=start),
        Milestone(title=FINAL_TITLE, kind=MilestoneKind.FINAL, date=end),
    ]
    taken = {start, end}
    midpoint = _weekday_inside(start + (end - start) // 2, start, end, taken)
    if midpoint is not None:
        milestones.append(Milestone(title=MIDPOINT_TITLE, kind=MilestoneKind.MIDPOINT, date=midpoint))
        taken.add(midpoint)
    for number, day in enumerate(_checkin_days(start, start, end, every_days, taken), start=1):
        milestones.append(Milestone(title=checkin_title(number, every_days), kind=MilestoneKind.CHECKIN, date=day))
    return _by_date(milestones)


def extend_schedule(
    milestones: Sequence[Milestone], old_end: dt.date, new_end: dt.date, every_days: int
) -> list[Milestone]:
    """The schedule of a plan extended from ``old_end`` to ``new_end``, by date.

    Every milestone is kept; done ones are untouched. The undone final review moves to the new end
    date (if the final review was held, a new one is added). Check-ins continue the cadence from the
    last scheduled check-in (or the old end date) into the new period, numbering on.
    """
    if new_end <= old_end:
        raise PipdeskError(
            f"The new end date {new_end.isoformat()} must be after the current end date {old_end.isoformat()}"
        )
    from pipdesk.domain.model import Milestone

    _check_cadence(every_days)
    kept = [m.model_copy() for m in milestones]
    finals = [m for m in kept if m.kind is MilestoneKind.FINAL and not m.done]
    for final in finals:
        final.date = new_end
    if not finals:
        kept.append(Milestone(title=EXTENDED_FINAL_TITLE, kind=MilestoneKind.FINAL, date=new_end))

    checkins = [m for m in kept if m.kind is MilestoneKind.CHECKIN]
    anchor = max((m.date for m in checkins), default=old_end)
    taken = {m.date for m in kept if m.kind in _MEETING_KINDS or m.kind is MilestoneKind.KICKOFF}
    new_days = _checkin_days(anchor, old_end - _DAY, new_end, every_days, taken)
    for number, day in enumerate(new_days, start=len(checkins) + 1):
        kept.append(Milestone(title=checkin_title(number, every_days), kind=MilestoneKind.CHECKIN, date=day))
    return _by_date(kept)


def original_end(plan: Plan) -> dt.date | None:
    """The end date the plan was issued with, when it has changed since; else None.

    That is the old date of the earliest end-date revision by time (revisions of the same moment
    keep their order in the plan); a revision whose old date cannot be read is passed over.
    """
    for revision in sorted((r for r in plan.revisions if r.field == "end_date" and r.old), key=lambda r: r.at):
        try:
            day = dt.date.fromisoformat(str(revision.old))
        except ValueError:
            continue
        return day if day != plan.end_date else None
    return None


def due_at_end(plan: Plan) -> list[Objective]:
    """The objectives due on the plan's current end date: the ones an extension gives more time."""
    return [o for o in plan.objectives if o.due_date == plan.end_date]


def move_milestone(
    milestones: Sequence[Milestone], index: int, new_date: dt.date, start: dt.date, end: dt.date
) -> list[Milestone]:
    """The milestones with the one at ``index`` moved to ``new_date``; order and the rest unchanged."""
    if not 0 <= index < len(milestones):
        raise PipdeskError(f"There is no milestone number {index + 1}; the plan has {len(milestones)}")
    if not start <= new_date <= end:
        raise PipdeskError(
            f"{milestones[index].title!r} cannot move to {new_date.isoformat()}: milestones must fall "
            f"inside the plan period {start.isoformat()} to {end.isoformat()}"
        )
    moved = [m.model_copy() for m in milestones]
    moved[index].date = new_date
    return moved


def milestone_fulfilled_by(
    milestones: Sequence[Milestone], checkin_date: dt.date, kind: CheckinKind, every_days: int | None
) -> int | None:
    """The index of the scheduled milestone a check-in logged on ``checkin_date`` fulfils, if any.

    The earliest undone milestone of a matching kind on that day; else the nearest undone one at
    most half a cadence (``every_days``, a week when unknown) before or after, the earlier on a tie.
    """
    reach = (every_days or 7) // 2
    candidates = [
        (abs((m.date - checkin_date).days), m.date, i)
        for i, m in enumerate(milestones)
        if not m.done and m.kind in _FULFILS[kind] and abs((m.date - checkin_date).days) <= reach
    ]
    return min(candidates)[2] if candidates else None


def mark_done_for_checkin(
    milestones: Sequence[Milestone], checkin_date: dt.date, kind: CheckinKind, every_days: int | None
) -> list[Milestone]:
    """The milestones with the one a new check-in fulfils (see ``milestone_fulfilled_by``) marked done."""
    marked = [m.model_copy() for m in milestones]
    index = milestone_fulfilled_by(marked, checkin_date, kind, every_days)
    if index is not None:
        marked[index].done = True
    return marked


def acknowledgement_holds_kickoff(acknowledgement: Acknowledgement | None) -> bool:
    """Whether an acknowledgement shows the kick-off was held: signed, or declined before a witness."""
    return acknowledgement is not None and (not acknowledgement.refused or bool(acknowledgement.witness))


def mark_kickoff_held(milestones: Sequence[Milestone], acknowledgement: Acknowledgement | None) -> list[Milestone]:
    """The milestones with the kick-off marked done when the acknowledgement shows it was held."""
    marked = [m.model_copy() for m in milestones]
    if acknowledgement_holds_kickoff(acknowledgement):
        for milestone in marked:
            if milestone.kind is MilestoneKind.KICKOFF:
                milestone.done = True
    return marked


def mark_held(milestones: Sequence[Milestone], index: int, held: bool) -> list[Milestone]:
    """The milestones with the one at ``index`` marked held (done) or not held, by the manager's hand."""
    if not 0 <= index < len(milestones):
        raise PipdeskError(f"There is no milestone number {index + 1}; the plan has {len(milestones)}")
    marked = [m.model_copy() for m in milestones]
    marked[index].done = held
    return marked


def unmark_for_deleted_checkin(
    milestones: Sequence[Milestone],
    deleted: Checkin,
    remaining: Sequence[Checkin],
    every_days: int | None,
) -> list[Milestone]:
    """The milestones with the one a deleted check-in had fulfilled marked undone again.

    The counterpart of :func:`mark_done_for_checkin`: the nearest done milestone of a matching kind
    within half a cadence of the deleted check-in, unless a check-in still logged fulfils it too
    (one of a matching kind as near). The deleted check-in's meeting then shows as not held, and
    overdue once its date has passed, until a check-in is logged for it.
    """
    reach = (every_days or 7) // 2
    still_held = [c for c in remaining if c is not deleted]

    def covered(milestone: Milestone) -> bool:
        return any(
            milestone.kind in _FULFILS[c.kind] and abs((milestone.date - c.date).days) <= reach for c in still_held
        )

    candidates = [
        (abs((m.date - deleted.date).days), m.date, i)
        for i, m in enumerate(milestones)
        if m.done and m.kind in _FULFILS[deleted.kind] and abs((m.date - deleted.date).days) <= reach
    ]
    unmarked = [m.model_copy() for m in milestones]
    for _distance, _date, index in sorted(candidates):
        if not covered(unmarked[index]):
            unmarked[index].done = False
            break
    return unmarked


# What is due


def is_running(plan: DuePlan) -> bool:
    return plan.status in _RUNNING


def overdue_milestones(plan: Plan, today: dt.date) -> list[Milestone]:
    """Undone milestones dated before today, by date; none for a plan that is not running or is paused."""
    if not is_running(plan) or plan.paused:
        return []
    return _by_date(m for m in plan.milestones if not m.done and m.date < today)


def next_due(plan: Plan, today: dt.date) -> Milestone | None:
    """The earliest undone milestone dated today or later; none for a plan that is not running."""
    if not is_running(plan):
        return None
    upcoming = _by_date(m for m in plan.milestones if not m.done and m.date >= today)
    return upcoming[0] if upcoming else None


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class _DueMilestone(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> MilestoneKind: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def done(self) -> bool: ...


class _DueSupport(Protocol):
    @property
    def description(self) -> str: ...
    @property
    def due_date(self) -> dt.date | None: ...
    @property
    def done(self) -> bool: ...


class _DuePause(Protocol):
    @property
    def paused_on(self) -> dt.date: ...
    @property
    def reason(self) -> str: ...


class DuePlan(Protocol):
    """What :func:`due_items` reads of a plan: a whole :class:`Plan`, or the plain rows the store reads
    for This week without loading plans (``pipdesk.store.due``)."""

    @property
    def title(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def employee(self) -> _Named: ...
    @property
    def start_date(self) -> dt.date: ...
    @property
    def end_date(self) -> dt.date: ...
    @property
    def issued_on(self) -> dt.date | None: ...
    @property
    def acknowledgement(self) -> object | None: ...
    @property
    def checkins(self) -> Sequence[object]: ...
    @property
    def outcome(self) -> object | None: ...
    @property
    def milestones(self) -> Sequence[_DueMilestone]: ...
    @property
    def support(self) -> Sequence[_DueSupport]: ...
    @property
    def pauses(self) -> Sequence[_DuePause]: ...
    @property
    def paused(self) -> bool: ...


def due_items(plans: Iterable[tuple[int, DuePlan]], today: dt.date) -> list[DueItem]:
    """Everything due or overdue across the plan book, by date, then plan, then kind."""
    return by_urgency([item for plan_id, plan in plans for item in _plan_due_items(plan_id, plan, today)])


def by_urgency(items: Iterable[DueItem]) -> list[DueItem]:
    """By date, then plan, then kind (in :class:`DueKind`'s order), then position in the plan."""
    order = {kind: rank for rank, kind in enumerate(DueKind)}
    return sorted(items, key=lambda item: (item.date, item.plan_id, order[item.kind], item.index or 0))


def one_line(text: str) -> str:
    """``text`` on one line, its runs of white space one space (a pause's reason in This week)."""
    return " ".join(text.split())


def acknowledgement_reminder(title: str, issued_on: dt.date) -> str:
    """What This week asks of a plan issued and not acknowledged in time."""
    return f"Record the employee's acknowledgement of “{title}”, issued on {short_date(issued_on)}"


def final_review_day(plan: DuePlan) -> dt.date | None:
    """The day of the plan's final review (the latest, once the plan is extended); None for a plan without one."""
    return max((m.date for m in plan.milestones if m.kind is MilestoneKind.FINAL), default=None)


def _plan_due_items(plan_id: int, plan: DuePlan, today: dt.date) -> Iterator[DueItem]:
    if not is_running(plan):
        return
    employee = plan.employee.name
    if plan.paused:
        pause = plan.pauses[-1]
        yield DueItem(plan_id, DueKind.PAUSED, pause.paused_on, employee, one_line(pause.reason))
        return
    week_end = today + dt.timedelta(days=6 - today.weekday())
    # As the plan's next step says it (domain/process.py): until the first check-in is logged.
    if plan.issued_on is not None and plan.acknowledgement is None and not plan.checkins:
        due = plan.issued_on + dt.timedelta(days=ACKNOWLEDGEMENT_DAYS)
        if due < today:
            what = acknowledgement_reminder(plan.title, plan.issued_on)
            yield DueItem(plan_id, DueKind.ACKNOWLEDGEMENT_MISSING, due, employee, what)
    for i, milestone in enumerate(plan.milestones):
        if milestone.done:
            continue
        if milestone.date < today:
            kind = DueKind.OVERDUE
        elif milestone.date == today:
            kind = DueKind.DUE_TODAY
        elif milestone.date <= week_end:
            kind = DueKind.DUE_THIS_WEEK
        else:
            continue
        yield DueItem(plan_id, kind, milestone.date, employee, milestone.title, i)

    if today <= plan.end_date <= today + dt.timedelta(days=ENDING_SOON_DAYS):
        yield DueItem(plan_id, DueKind.ENDING_SOON, plan.end_date, employee, plan.title)

    final_day = final_review_day(plan) or plan.end_date
    if plan.outcome is None and final_day < today:
        yield DueItem(plan_id, DueKind.OUTCOME_MISSING, final_day, employee, plan.title)

    midpoint = plan.start_date + (plan.end_date - plan.start_date) // 2
    for i, action in enumerate(plan.support):
        if action.done:
            continue
        if action.due_date is None:
            if midpoint <= today:
                yield DueItem(plan_id, DueKind.SUPPORT_UNDATED, midpoint, employee, action.description, i)
        elif action.due_date < today:
            yield DueItem(plan_id, DueKind.SUPPORT_OVERDUE, action.due_date, employee, action.description, i)
        elif action.due_date <= week_end:
            yield DueItem(plan_id, DueKind.SUPPORT_DUE, action.due_date, employee, action.description, i)


# Helpers


def _check_period(start: dt.date, end: dt.date) -> None:
    if end <= start:
        raise PipdeskError(f"The end date {end.isoformat()} must be after the start date {start.isoformat()}")


def _check_cadence(every_days: int) -> None:
    if every_days < 1:
        raise PipdeskError(f"Check-ins need a cadence of at least one day, not {every_days}")


def _checkin_days(anchor: dt.date, after: dt.date, end: dt.date, every_days: int, taken: set[dt.date]) -> list[dt.date]:
    """Check-in days every ``every_days`` from ``anchor``, strictly between ``after`` and ``end``.

    Weekend days move by the module's rule; a day already ``taken`` is skipped.
    """
    step = dt.timedelta(days=every_days)
    natural = []
    day = anchor + step
    while day < end:
        natural.append(day)
        day += step
    # A weekday on the cadence keeps its day, so a weekend check-in may not move onto it.
    reserved = {d for d in natural if d.weekday() < _SATURDAY and after < d and d not in taken}
    days: list[dt.date] = []
    for day in natural:
        if day in reserved:
            placed: dt.date | None = day
        else:
            placed = _weekday_inside(day, after, end, taken | reserved | set(days))
        if placed is not None and after < placed and placed not in days:
            days.append(placed)
    return sorted(days)


def _weekday_inside(day: dt.date, after: dt.date, before: dt.date, taken: set[dt.date]) -> dt.date | None:
    """``day``, or if it is a weekend day the Friday before or Monday after, strictly inside the period."""
    if day.weekday() == _SATURDAY:
        options = [day - _DAY, day + 2 * _DAY]
    elif day.weekday() == _SUNDAY:
        options = [day + _DAY, day - 2 * _DAY]
    else:
        options = [day]
    return next((o for o in options if after < o < before and o not in taken), None)


def _by_date(milestones: Iterable[Milestone]) -> list[Milestone]:
    return sorted(milestones, key=lambda m: m.date)
