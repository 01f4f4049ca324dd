"""A plan's coming meetings as an iCalendar (RFC 5545) file the manager's calendar can import.

:func:`plan_calendar` builds the file for a plan; :func:`export_calendar` writes it for a plan of the
plan book (``pipdesk ics``, Plan menu).

Each undone milestone dated today or later is one all-day event. Its UID must stay the same across
exports so that importing again updates events rather than duplicating them, so it is derived from:

- the plan's seed (:func:`plan_uid_seed`: the plan's number and the moment it was added to the plan
  book, ``plans.created_at``; both are fixed for the plan's life and travel with the plan book to
  another machine; hashed, so nothing about the plan or the person shows in the UID. The employee's
  name or the start date would not do: both may be corrected on an issued plan),
- the milestone's kind and title, which survive moving the milestone, reordering the list and
  extending the plan (the final review keeps its title when it moves to the new end date),
- and, when several milestones share kind and title, which of them it is in the plan's order.

Never the date: a moved milestone must update its event. Renaming a milestone gives it a new UID (the
old event then stays in the calendar until deleted); names are edited far less often than dates.

Events are private and do not block time; the summary names the person and the kind of meeting, the
description the plan's title. A closed plan has no meetings ahead, so its calendar is empty. A plan
holding a date outside the years a plan may use (only an older pipdesk could have stored one) is
refused with the dates named, rather than written with events a calendar cannot place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from pathlib import Path

from icalendar import Calendar, Event

from pipdesk.domain.limits import date_problems
from pipdesk.domain.model import Milestone, MilestoneKind, Plan, Status
from pipdesk.domain.problems import PlanInvalid
from pipdesk.domain.vocabulary import milestone_kind
from pipdesk.store import PlanBook, PlanNotFound
from pipdesk.system.safe_write import write_private_file

PRODID = "-//pipdesk//pipdesk//EN"
UID_DOMAIN = "pipdesk"


def export_calendar(
    book: PlanBook, plan_id: int, out_path: Path, today: dt.date, *, now: dt.datetime | None = None
) -> int:
    """Write plan ``plan_id``'s undone milestones from ``today`` on to ``out_path``; return how many.

    The file is written whole or not at all, readable by the user only; a plan with nothing ahead
    (closed, or every meeting held) gives a valid calendar with no events. ``now`` stamps the events
    (for byte-identical output in tests); by default the current time.

    Raises ``PlanNotFound`` (a ``PipdeskError``) when the plan book has no such plan, and
    ``PipdeskError`` when the file cannot be written; both carry a message to show as it is.
    """
    seed = plan_uid_seed(book, plan_id)
    data = plan_calendar(book.get(plan_id), seed, today, now)
    write_private_file(Path(out_path), data)
    return len(Calendar.from_ical(data).walk("VEVENT"))


def plan_uid_seed(book: PlanBook, plan_id: int) -> str:
    """``plan-7/2026-09-20T10:00:00+00:00``: the plan's number and when it was added to the book."""
    row = book.db.execute("SELECT created_at FROM plans WHERE id = ?", [plan_id]).fetchone()
    if row is None:
        raise PlanNotFound(f"There is no plan {plan_id} in this plan book")
    return f"plan-{plan_id}/{row[0]}"


def plan_calendar(plan: Plan, plan_uid_seed: str, today: dt.date, now: dt.datetime | None = None) -> bytes:
    """The plan's future, undone milestones as an iCalendar file.

    ``now`` stamps every event (DTSTAMP); pass it for byte-identical output. A naive ``now`` is UTC.
    """
    out_of_range = date_problems(plan)
    if out_of_range:  # only a plan book written by an older pipdesk holds such a date
        raise PlanInvalid(out_of_range, intro="The calendar was not written: correct these dates first")
    stamp = _utc(now or dt.datetime.now(dt.UTC))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"pipdesk: {plan.employee.name}")
    for uid, milestone in _coming(plan, plan_uid_seed, today):
        calendar.add_component(_event(plan, milestone, uid, stamp))
    return bytes(calendar.to_ical())


def milestone_uids(plan: Plan, plan_uid_seed: str) -> list[str]:
    """The UID of each of the plan's milestones, in the plan's order."""
    seen: Counter[tuple[MilestoneKind, str]] = Counter()
    uids = []
    for milestone in plan.milestones:
        identity = (milestone.kind, " ".join(milestone.title.split()).casefold())
        seen[identity] += 1
        text = "\x1f".join((plan_uid_seed, identity[0].value, identity[1], str(seen[identity])))
        uids.append(f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}")
    return uids


def event_summary(plan: Plan, milestone: Milestone) -> str:
    """``Check-in with Alex Moreno``, ``Final review: Alex Moreno``."""
    name = plan.employee.name
    match milestone.kind:
        case MilestoneKind.CHECKIN:
            return f"Check-in with {name}"
        case MilestoneKind.MIDPOINT | MilestoneKind.FINAL:
            return f"{milestone_kind(milestone.kind)}: {name}"
        case MilestoneKind.KICKOFF:
            return f"Plan kick-off with {name}"
        case _:
            return f"{milestone.title}: {name}"


def _coming(plan: Plan, seed: str, today: dt.date) -> list[tuple[str, Milestone]]:
    if plan.status is Status.CLOSED:
        return []
    pairs = zip(milestone_uids(plan, seed), plan.milestones, strict=True)
    coming = [(uid, m) for uid, m in pairs if not m.done and m.date >= today]
    return sorted(coming, key=lambda pair: pair[1].date)


def _event(plan: Plan, milestone: Milestone, uid: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", milestone.date)
    event.add("dtend", milestone.date + dt.timedelta(days=1))
    event.add("summary", event_summary(plan, milestone))
    event.add("description", plan.title)
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT")
    return event


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
