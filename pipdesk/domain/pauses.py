"""Pausing and resuming a plan: the clock stops, and on resume the plan's dates move by the days paused.

Sickness, leave or an adjustment being put in place can stop a plan's clock. Only a running plan
(active or extended) is paused, from a day that has come, inside the plan period and after any
earlier pause; a paused plan cannot be paused again, closed or extended until it is resumed.

Resuming moves, by the days paused, what was still ahead when the pause began: the end date, every
meeting not yet held dated on or after the pause's first day, and the objectives' and the support
actions' (not yet given) due dates on or after it. Each move is kept as a revision (old → new date,
"Resumed after a pause of N days: <reason>"), as an extension keeps its own, so the plan's original
dates stay in its history and :func:`pipdesk.domain.schedule.original_end` still gives the end date
it was issued with. Pausing keeps a revision too (field :data:`PAUSE_FIELD`: old the first day, new
none), and resuming one more (old the first day, new the day resumed).

The ``why_not_…`` functions say, in the manager's words, why an action cannot be taken, so the
window can disable it with the reason; :func:`pause` and :func:`resume` raise the same reason.
"""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import vocabulary
from pipdesk.domain.fair_process import PAUSE_FIELD
from pipdesk.domain.model import Pause, Plan, Revision, Status
from pipdesk.domain.problems import PipdeskError

_RUNNING = frozenset({Status.ACTIVE, Status.EXTENDED})


def paused_since(plan: Plan) -> dt.date | None:
    """The first day of the pause the plan is in now; None when its clock is running."""
    return plan.pauses[-1].paused_on if plan.paused else None


def why_paused(plan: Plan) -> str | None:
    """``The plan is paused since 5 Oct 2026``: the words every refusal of a paused plan starts with."""
    since = paused_since(plan)
    return None if since is None else f"The plan is paused since {vocabulary.short_date(since)}"


def why_not_pause(plan: Plan, today: dt.date, on: dt.date | None = None) -> str | None:
    """Why the plan cannot be paused (from ``on``, when given); None when it can."""
    if plan.status is Status.DRAFT:
        return "A draft has not started: there is nothing to pause."
    if plan.status not in _RUNNING:
        return "The plan is closed: only a running plan can be paused."
    if (paused := why_paused(plan)) is not None:
        return f"{paused}: resume it before pausing it again."
    if today < plan.start_date:
        return f"The plan starts on {vocabulary.short_date(plan.start_date)}: change its dates instead of pausing it."
    if today > plan.end_date:
        return f"The plan's end date, {vocabulary.short_date(plan.end_date)}, has passed: extend or close it instead."
    if on is None:
        return None
    if on > today:
        return f"A pause is recorded once it has begun: {vocabulary.short_date(on)} is after today."
    if on < plan.start_date:
        return f"The pause cannot begin before the plan starts, on {vocabulary.short_date(plan.start_date)}."
    last = plan.pauses[-1].resumed_on if plan.pauses else None
    if last is not None and on < last:
        return f"The pause cannot begin before the last pause ended, on {vocabulary.short_date(last)}."
    return None


def why_not_resume(plan: Plan, today: dt.date, on: dt.date | None = None) -> str | None:
    """Why the plan cannot be resumed (on ``on``, when given); None when it can."""
    if not plan.paused:
        return "The plan is not paused."
    if on is None:
        return None
    since = plan.pauses[-1].paused_on
    if on <= since:
        return f"The plan resumes after the day it was paused, {vocabulary.short_date(since)}."
    if on > today:
        return f"A plan is resumed once it has started again: {vocabulary.short_date(on)} is after today."
    return None


def why_not_while_paused(plan: Plan, doing: str) -> str | None:
    """``The plan is paused since 5 Oct 2026: resume the plan before closing it.`` (``doing``: "closing it")."""
    paused = why_paused(plan)
    return None if paused is None else f"{paused}: resume the plan before {doing}."


def pause(plan: Plan, on: dt.date, reason: str, at: dt.datetime) -> None:
    """Pause ``plan`` (in place) from ``on`` for ``reason``, kept as a revision at ``at``."""
    why = why_not_pause(plan, on, on)
    if why is not None:
        raise PipdeskError(why)
    reason = reason.strip()
    if not reason:
        raise PipdeskError("Say why the plan is paused: the reason is kept in its history.")
    plan.pauses.append(Pause(paused_on=on, reason=reason))
    plan.revisions.append(Revision(at=at, field=PAUSE_FIELD, old=on.isoformat(), new=None, reason=reason))


def resume_reason(plan: Plan, on: dt.date, note: str = "") -> str:
    """``Resumed after a pause of 14 days: sickness absence``, and the manager's note when there is one."""
    current = plan.pauses[-1]
    days = vocabulary.count((on - current.paused_on).days, "day")
    text = f"Resumed after a pause of {days}: {' '.join(current.reason.split())}"
    note = " ".join(note.split())
    return f"{text} ({note})" if note else text


def resumed_end(plan: Plan, on: dt.date) -> dt.date:
    """The end date the plan will have once resumed on ``on``: moved by the days paused."""
    return plan.end_date + (on - plan.pauses[-1].paused_on) if plan.paused else plan.end_date


def resume(plan: Plan, on: dt.date, at: dt.datetime, reason: str = "") -> None:
    """Resume ``plan`` (in place) on ``on`` and move what was ahead by the days paused, each move a revision.

    ``reason`` is the manager's note, added to the pause's own reason in every revision.
    """
    why = why_not_resume(plan, on, on)
    if why is not None:
        raise PipdeskError(why)
    current = plan.pauses[-1]
    since, shift = current.paused_on, on - current.paused_on
    because = resume_reason(plan, on, reason)

    def moved(field: str, old: dt.date) -> dt.date:
        plan.revisions.append(
            Revision(at=at, field=field, old=old.isoformat(), new=(old + shift).isoformat(), reason=because)
        )
        return old + shift

    current.resumed_on = on
    plan.revisions.append(Revision(at=at, field=PAUSE_FIELD, old=since.isoformat(), new=on.isoformat(), reason=because))
    plan.end_date = moved("end_date", plan.end_date)
    for milestone in plan.milestones:
        if not milestone.done and milestone.date >= since:
            milestone.date = moved(f"milestones.{milestone.title}.date", milestone.date)
    for objective in plan.objectives:
        if objective.due_date is not None and objective.due_date >= since:
            objective.due_date = moved(f"objectives.{objective.key}.due_date", objective.due_date)
    for action in plan.support:
        if not action.done and action.due_date is not None and action.due_date >= since:
            action.due_date = moved(f"support.{action.description}.due_date", action.due_date)
