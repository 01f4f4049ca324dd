"""Export a plan's coming meetings from the plan book to an iCalendar file (``pipdesk ics``, Plan menu).

Each event's UID is derived from a seed that must not change between exports of the same plan, or
importing again would duplicate the events. The seed is the plan's number and the moment it was
added to the plan book (``plans.created_at``): both are fixed for the plan's life, travel with the
plan book to another machine, and say nothing about the person (``pipdesk.services.ics`` hashes it anyway).
The employee's name or the start date would not do: both may be corrected on an issued plan.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from pipdesk.services.ics import plan_calendar
from pipdesk.store import PlanBook, PlanNotFound
from pipdesk.system.safe_write import write_private_file


def plan_uid_seed(book: PlanBook, plan_id: int) -> str:
    """``plan-7/2026-09-20T10:00:00+00:00``: the plan's number and when it was added to the book."""
    row = book.db.execute("SELECT created_at FROM plans WHERE id = ?", [plan_id]).fetchone()
    if row is None:
        raise PlanNotFound(f"There is no plan {plan_id} in this plan book")
    return f"plan-{plan_id}/{row[0]}"


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
