"""What This week reads, in one query: no plan is loaded or validated.

``schedule.due_items`` holds the rules of what is due or overdue in a plan; :func:`due_items` here
is the same rules written in SQL over the plan book's tables, for This week on a plan book of any
size. A test checks that both give the same items on every plan of a generated plan book, on
every weekday of many weeks (tests/store/test_due_rows.py). The closed plans are read for the
retention rule (``retention.past_retention_since``) the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipdesk.domain.kinds import Status
from pipdesk.domain.retention import RetentionHold
from pipdesk.domain.schedule import (
    ACKNOWLEDGEMENT_DAYS,
    ENDING_SOON_DAYS,
    DueItem,
    DueKind,
    acknowledgement_reminder,
    one_line,
)
from pipdesk.store.driver import sqlite3

#: The erasure log's action of a plan anonymised (kept for statistics, never past retention again).
ANONYMISED = "anonymised"
_date = dt.date.fromisoformat

# schedule._plan_due_items, rule by rule, for the running plans (a paused plan has its pause and nothing else).
# :week_end is the Sunday of today's week; an index is the milestone's or support action's position. Each
# row starts with what schedule.by_urgency sorts by (date, plan, the kind's rank, position): sorted as tuples.
_KIND_RANK = " ".join(f"WHEN '{kind.value}' THEN {rank}" for rank, kind in enumerate(DueKind))
_DUE_ITEMS = f"""
WITH running AS MATERIALIZED (
    SELECT p.id, p.title, p.employee_name AS employee, p.start_date, p.end_date, p.issued_on, p.ack_on,
           p.paused_since, p.paused_since IS NOT NULL AS paused,
           CASE WHEN NOT p.has_outcome THEN coalesce(p.final_review_on, p.end_date) END AS final_day
      FROM plans p
     WHERE p.status IN ('{Status.ACTIVE.value}', '{Status.EXTENDED.value}')
)
SELECT day, plan_id, CASE kind {_KIND_RANK} END, coalesce(position, 0), kind, employee, what, position FROM (
    SELECT r.id AS plan_id, '{DueKind.PAUSED.value}' AS kind, a.paused_on AS day, r.employee AS employee,
           a.reason AS what, NULL AS position
      FROM running r JOIN pauses a ON a.plan_id = r.id AND a.paused_on = r.paused_since AND a.resumed_on IS NULL
    UNION ALL
    SELECT r.id, '{DueKind.ACKNOWLEDGEMENT_MISSING.value}', date(r.issued_on, '+{ACKNOWLEDGEMENT_DAYS} days'),
           r.employee, r.title, NULL
      FROM running r
     WHERE NOT r.paused AND r.issued_on IS NOT NULL AND r.ack_on IS NULL
       AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.plan_id = r.id)
       AND date(r.issued_on, '+{ACKNOWLEDGEMENT_DAYS} days') < :today
    UNION ALL
    SELECT r.id,
           CASE WHEN m.date < :today THEN '{DueKind.OVERDUE.value}'
                WHEN m.date = :today THEN '{DueKind.DUE_TODAY.value}'
                ELSE '{DueKind.DUE_THIS_WEEK.value}' END,
           m.date, r.employee, m.title, m.position
      FROM running r JOIN milestones m ON m.plan_id = r.id
     WHERE NOT r.paused AND m.done = 0 AND m.date <= :week_end
    UNION ALL
    SELECT r.id, '{DueKind.ENDING_SOON.value}', r.end_date, r.employee, r.title, NULL
      FROM running r
     WHERE NOT r.paused AND r.end_date BETWEEN :today AND :ending_by
    UNION ALL
    SELECT r.id, '{DueKind.OUTCOME_MISSING.value}', r.final_day, r.employee, r.title, NULL
      FROM running r
     WHERE NOT r.paused AND r.final_day < :today
    UNION ALL
    SELECT * FROM (
        SELECT r.id,
               CASE WHEN s.due_date IS NULL THEN '{DueKind.SUPPORT_UNDATED.value}'
                    WHEN s.due_date < :today THEN '{DueKind.SUPPORT_OVERDUE.value}'
                    ELSE '{DueKind.SUPPORT_DUE.value}' END AS kind,
               coalesce(s.due_date,
                        date(r.start_date, '+' || (CAST(julianday(r.end_date) - julianday(r.start_date) AS INTEGER) / 2)
                             || ' days')) AS day,
               r.employee, s.description, s.position
          FROM running r JOIN support_actions s ON s.plan_id = r.id
         WHERE NOT r.paused AND s.done = 0
    ) WHERE day <= CASE kind WHEN '{DueKind.SUPPORT_UNDATED.value}' THEN :today ELSE :week_end END
)
"""


def due_items(conn: sqlite3.Connection, today: dt.date) -> list[DueItem]:
    """Everything due or overdue in the plan book's running plans, as ``schedule.due_items`` says it."""
    week_end = today + dt.timedelta(days=6 - today.weekday())
    rows = conn.execute(
        _DUE_ITEMS,
        {
            "today": today.isoformat(),
            "week_end": week_end.isoformat(),
            "ending_by": (today + dt.timedelta(days=ENDING_SOON_DAYS)).isoformat(),
        },
    ).fetchall()
    rows.sort()  # as schedule.by_urgency sorts, comparing tuples rather than calling a key for each of thousands
    kinds = {kind.value: kind for kind in DueKind}
    items = []
    for date, plan_id, _rank, _position, kind_value, employee, what, index in rows:
        kind, day = kinds[kind_value], _date(date)
        if kind is DueKind.PAUSED:
            what = one_line(what)
        elif kind is DueKind.ACKNOWLEDGEMENT_MISSING:
            what = acknowledgement_reminder(what, day - dt.timedelta(days=ACKNOWLEDGEMENT_DAYS))
        items.append(DueItem(plan_id, kind, day, employee, what, index))
    return items


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
