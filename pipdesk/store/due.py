"""What This week reads, as plain rows: no plan is loaded or validated.

``schedule.due_items`` reads a plan through the small protocol ``schedule.DuePlan``; these classes
hold exactly that, read in four queries whatever the number of plans, and are never shown,
changed or saved. A test checks that they give the same items as whole plans on every plan of a
generated plan book, on many days (tests/store/test_due_rows.py). The closed plans are read for the
retention rule (``retention.past_retention_since``) the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pipdesk.domain.kinds import MilestoneKind, Status
from pipdesk.domain.retention import RetentionHold
from pipdesk.store.driver import sqlite3

_RUNNING = (Status.ACTIVE.value, Status.EXTENDED.value)
#: The erasure log's action of a plan anonymised (kept for statistics, never past retention again).
ANONYMISED = "anonymised"
#: How far ahead This week can look: milestones later than this are never due this week.
_WEEK_AHEAD = dt.timedelta(days=7)
_date = dt.date.fromisoformat


@dataclass(slots=True)
class DuePerson:
    name: str


@dataclass(slots=True)
class DueMilestone:
    title: str
    kind: MilestoneKind
    date: dt.date
    done: bool


@dataclass(slots=True)
class DueSupport:
    description: str
    due_date: dt.date | None
    done: bool = False


@dataclass(slots=True)
class DuePause:
    paused_on: dt.date
    reason: str


# Stand-ins for the milestones and support actions left out: done, so ``due_items`` passes over them,
# and the ones it reads keep their positions (the index of a DueItem).
_PASSED_MILESTONE = DueMilestone("-", MilestoneKind.CUSTOM, dt.date.min, True)
_PASSED_SUPPORT = DueSupport("-", None, True)


@dataclass(slots=True)
class DuePlanRow:
    """A running plan as ``schedule.due_items`` reads it (``schedule.DuePlan``)."""

    title: str
    status: Status
    employee: DuePerson
    start_date: dt.date
    end_date: dt.date
    issued_on: dt.date | None
    acknowledgement: object | None
    #: Whether any check-in is logged: one stand-in says so.
    checkins: list[object]
    outcome: object | None
    milestones: list[DueMilestone] = field(default_factory=list)
    support: list[DueSupport] = field(default_factory=list)
    pauses: list[DuePause] = field(default_factory=list)

    @property
    def paused(self) -> bool:
        return bool(self.pauses)  # only the open pause is read


def due_rows(conn: sqlite3.Connection, today: dt.date) -> list[tuple[int, DuePlanRow]]:
    """The running plans: names, dates, outcome, the milestones that can be due by a week from ``today``
    (undone, or final reviews) and the undone support actions, at their positions, and the open pause."""
    running = ", ".join("?" for _ in _RUNNING)
    plans: dict[int, DuePlanRow] = {}
    for plan_id, title, status, employee, start, end, has_outcome, issued_on, ack_on, has_checkin in conn.execute(
        f"""SELECT id, title, status, employee_name, start_date, end_date, has_outcome, issued_on, ack_on,
                   EXISTS (SELECT 1 FROM checkins c WHERE c.plan_id = plans.id)
              FROM plans WHERE status IN ({running})""",
        _RUNNING,
    ):
        plans[plan_id] = DuePlanRow(
            title=title,
            status=Status(status),
            employee=DuePerson(employee),
            start_date=_date(start),
            end_date=_date(end),
            issued_on=_date(issued_on) if issued_on else None,
            acknowledgement=True if ack_on else None,
            checkins=[True] if has_checkin else [],
            outcome=True if has_outcome else None,
        )
    kinds = {kind.value: kind for kind in MilestoneKind}
    for plan_id, position, title, kind, date, done in conn.execute(
        f"""SELECT m.plan_id, m.position, m.title, m.kind, m.date, m.done
              FROM plans p JOIN milestones m ON m.plan_id = p.id
             WHERE p.status IN ({running}) AND (m.kind = 'final' OR (m.done = 0 AND m.date <= ?))""",
        [*_RUNNING, (today + _WEEK_AHEAD).isoformat()],
    ):
        milestone = DueMilestone(title, kinds[kind], _date(date), bool(done))
        _place(plans[plan_id].milestones, position, milestone, _PASSED_MILESTONE)
    for plan_id, position, description, due_date in conn.execute(
        f"""SELECT s.plan_id, s.position, s.description, s.due_date
              FROM plans p JOIN support_actions s ON s.plan_id = p.id
             WHERE p.status IN ({running}) AND s.done = 0""",
        _RUNNING,
    ):
        action = DueSupport(description, _date(due_date) if due_date else None)
        _place(plans[plan_id].support, position, action, _PASSED_SUPPORT)
    # A paused plan's clock stands still: its open pause (only the last may be open) is all
    # ``due_items`` needs of it to say so rather than list what would be due.
    for plan_id, paused_on, reason in conn.execute(
        f"""SELECT a.plan_id, a.paused_on, a.reason
              FROM plans p JOIN pauses a ON a.plan_id = p.id
             WHERE p.status IN ({running}) AND a.resumed_on IS NULL""",
        _RUNNING,
    ):
        plans[plan_id].pauses = [DuePause(_date(paused_on), reason)]
    return list(plans.items())


def _place(items: list[Any], position: int, item: Any, filler: Any) -> None:
    """Put ``item`` at ``position``, filling any gap before it with ``filler`` (a done stand-in)."""
    if position >= len(items):
        items.extend([filler] * (position + 1 - len(items)))
    items[position] = item


@dataclass(frozen=True, slots=True)
class ClosedPlan:
    """What the retention rule needs of a closed plan, read without loading it."""

    plan_id: int
    employee: str
    title: str
    closed_on: dt.date
    hold: RetentionHold | None


def closed_plans_for_retention(conn: sqlite3.Connection, closed_by: dt.date | None = None) -> list[ClosedPlan]:
    """The closed plans not anonymised, with the day each closed and its hold, in one query.

    ``closed_by``: only those closed on or before that day, and those with a hold of their own (This week
    passes the latest day a plan can have closed and be past its retention period today).
    """
    cutoff = closed_by.isoformat() if closed_by is not None else None
    rows = conn.execute(
        """SELECT p.id, p.employee_name, p.title, coalesce(p.outcome_decided_on, p.end_date), h.keep_until, h.reason
             FROM plans p LEFT JOIN retention_holds h ON h.plan_id = p.id
            WHERE p.status = 'closed'
              AND (? IS NULL OR coalesce(p.outcome_decided_on, p.end_date) <= ? OR h.keep_until IS NOT NULL)
              AND p.id NOT IN (SELECT plan_id FROM erasure_log WHERE action = ?)""",
        [cutoff, cutoff, ANONYMISED],
    ).fetchall()
    return [
        ClosedPlan(
            plan_id=row[0],
            employee=row[1],
            title=row[2],
            closed_on=_date(row[3]),
            hold=RetentionHold(_date(row[4]), row[5]) if row[4] else None,
        )
        for row in rows
    ]
