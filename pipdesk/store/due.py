"""What This week reads, in one query: no plan is loaded or validated.

``schedule.due_items`` holds the rules of what is due or overdue in a plan; here they are written in
SQL over the plan book's tables, for This week on a plan book of any size: every save writes the plan's
due dates (table ``due_dates``, schema step 0010: each thing that is or will be due, from the first day
This week shows it), and :func:`due_items` reads what today shows of them along one index. A test checks
that it gives what the rules give of the whole plans on every plan of a generated plan book, on every
weekday of many weeks (tests/store/test_due_rows.py). The closed plans past retention are read the same
way (``retention.past_retention_since``'s rule in SQL, :func:`past_retention_items`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipdesk.domain.kinds import Status
from pipdesk.domain.retention import latest_close_past_retention
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
#: The day a closed plan closed: its outcome's decision, or else its end date (``p`` is the plan's row).
_CLOSED_ON = "coalesce(p.outcome_decided_on, p.end_date)"

# schedule._plan_due_items, rule by rule, for the running plans (a paused plan has its pause and nothing else),
# as the rows of the table due_dates (schema step 0010): each thing that is or will be due, with the first day This
# week shows it (and the last, for a plan ending soon), whatever the day. Written with the plan by every save
# (:func:`write_due_dates`) and for every plan by step 0010, so This week reads what today shows of it along one
# index, not the running plans joined to their milestones and support. ``kind`` is the DueKind's value, or
# 'milestone' or 'support' where the kind depends on the day (overdue, due today, due this week); ``position`` is
# the milestone's or support action's. A milestone or dated support action is shown from the Monday of its week
# (:week_end, the Sunday of today's week, is on or after its day from then on); a reminder or a missing outcome
# from the day after its own; support with no date from the middle of the plan; an ending plan in the
# ENDING_SOON_DAYS before its end day and on it. CROSS JOIN: the running plans first, each one's milestones and support
# found by its number (left to itself SQLite scanned every plan's open milestones to write one plan's: 1.4 ms a save).
_MONDAY_OF = "date({}, '-6 days', 'weekday 1')"
DUE_DATES_COLUMNS = "plan_id, shown_from, shown_until, day, kind, employee, what, position"
_DUE_DATES = f"""
WITH running AS MATERIALIZED (
    SELECT p.id, p.title, p.employee_name AS employee, p.start_date, p.end_date, p.issued_on, p.ack_on,
           p.paused_since, p.paused_since IS NOT NULL AS paused,
           CASE WHEN NOT p.has_outcome THEN coalesce(p.final_review_on, p.end_date) END AS final_day,
           date(p.start_date, '+' || (CAST(julianday(p.end_date) - julianday(p.start_date) AS INTEGER) / 2) || ' days')
               AS middle
      FROM plans p
     WHERE p.status IN ('{Status.ACTIVE.value}', '{Status.EXTENDED.value}') AND {{plans}}
)
SELECT r.id, '0000-01-01', NULL, a.paused_on, '{DueKind.PAUSED.value}', r.employee, a.reason, NULL
  FROM running r JOIN pauses a ON a.plan_id = r.id AND a.paused_on = r.paused_since AND a.resumed_on IS NULL
UNION ALL
SELECT r.id, date(r.issued_on, '+{ACKNOWLEDGEMENT_DAYS + 1} days'), NULL,
       date(r.issued_on, '+{ACKNOWLEDGEMENT_DAYS} days'), '{DueKind.ACKNOWLEDGEMENT_MISSING.value}', r.employee,
       r.title, NULL
  FROM running r
 WHERE NOT r.paused AND r.issued_on IS NOT NULL AND r.ack_on IS NULL
   AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.plan_id = r.id)
UNION ALL
SELECT r.id, {_MONDAY_OF.format("m.date")}, NULL, m.date, 'milestone', r.employee, m.title, m.position
  FROM running r CROSS JOIN milestones m ON m.plan_id = r.id
 WHERE NOT r.paused AND m.done = 0
UNION ALL
SELECT r.id, date(r.end_date, '-{ENDING_SOON_DAYS} days'), r.end_date, r.end_date, '{DueKind.ENDING_SOON.value}',
       r.employee, r.title, NULL
  FROM running r
 WHERE NOT r.paused
UNION ALL
SELECT r.id, date(r.final_day, '+1 day'), NULL, r.final_day, '{DueKind.OUTCOME_MISSING.value}', r.employee, r.title,
       NULL
  FROM running r
 WHERE NOT r.paused AND r.final_day IS NOT NULL
UNION ALL
SELECT r.id, {_MONDAY_OF.format("s.due_date")}, NULL, s.due_date, 'support', r.employee, s.description, s.position
  FROM running r CROSS JOIN support_actions s ON s.plan_id = r.id
 WHERE NOT r.paused AND s.done = 0 AND s.due_date IS NOT NULL
UNION ALL
SELECT r.id, r.middle, NULL, r.middle, '{DueKind.SUPPORT_UNDATED.value}', r.employee, s.description, s.position
  FROM running r CROSS JOIN support_actions s ON s.plan_id = r.id
 WHERE NOT r.paused AND s.done = 0 AND s.due_date IS NULL
"""
#: Every plan's due dates (schema step 0010).
ALL_DUE_DATES = _DUE_DATES.format(plans="1")
#: One plan's (``:plan_id``), written by each save.
PLAN_DUE_DATES = _DUE_DATES.format(plans="p.id = :plan_id")


def write_due_dates(conn: sqlite3.Connection, plan_id: int) -> None:
    """Write the due dates of plan ``plan_id`` again from its rows (call once they are all written)."""
    conn.execute("DELETE FROM due_dates WHERE plan_id = ?", [plan_id])
    conn.execute(f"INSERT INTO due_dates ({DUE_DATES_COLUMNS}) {PLAN_DUE_DATES}", {"plan_id": plan_id})


# What today shows of the due dates; each row starts with what schedule.by_urgency sorts by (date, plan, the
# kind's rank, position): sorted as tuples.
_KIND_RANK = " ".join(f"WHEN '{kind.value}' THEN {rank}" for rank, kind in enumerate(DueKind))
DUE_ITEMS = f"""
SELECT day, plan_id, CASE kind {_KIND_RANK} END AS rank, coalesce(position, 0) AS sort_position, kind, employee, what,
       position
  FROM (
    SELECT day, plan_id, employee, what, position,
           CASE kind WHEN 'milestone' THEN CASE WHEN day < :today THEN '{DueKind.OVERDUE.value}'
                                                WHEN day = :today THEN '{DueKind.DUE_TODAY.value}'
                                                ELSE '{DueKind.DUE_THIS_WEEK.value}' END
                     WHEN 'support' THEN CASE WHEN day < :today THEN '{DueKind.SUPPORT_OVERDUE.value}'
                                              ELSE '{DueKind.SUPPORT_DUE.value}' END
                     ELSE kind END AS kind
      FROM due_dates
     WHERE shown_from <= :today AND (shown_until IS NULL OR shown_until >= :today)
)
"""


#: The columns of a row of :data:`DUE_ITEMS`.
DUE_COLUMNS = ("day", "plan_id", "rank", "sort_position", "kind", "employee", "what", "position")


def due_parameters(today: dt.date) -> dict[str, str]:
    return {"today": today.isoformat()}


def due_items(conn: sqlite3.Connection, today: dt.date) -> list[DueItem]:
    """Everything due or overdue in the plan book's running plans, as ``schedule.due_items`` says it."""
    return due_items_of(conn.execute(DUE_ITEMS, due_parameters(today)).fetchall())


def due_items_of(rows: list[Any]) -> list[DueItem]:
    """The items of the rows of :data:`DUE_ITEMS` (tuples, or lists as read from JSON), in urgency's order."""
    rows.sort()  # as schedule.by_urgency sorts, comparing rows rather than calling a key for each of thousands
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


# retention.past_retention_since in SQL: the day after a closed plan's retention ended (its hold's date, or
# :years after the day it closed, the day its outcome was decided or else its end date), when that is :today or
# earlier. A plan closed on 29 February is kept until the 28th in a year without one (retention.years_after): the
# day after is 1 March either way, which SQLite's date() gives by adding the years to 1 March. Plans without a hold
# are read only up to :closed_by (retention.latest_close_past_retention), along the index plans_closed; those with
# one from the few holds, each plan looked up (CROSS JOIN keeps SQLite from scanning the closed plans for them).
PAST_RETENTION = f"""
SELECT day, plan_id, employee, title FROM (
    SELECT p.id AS plan_id, p.employee_name AS employee, p.title AS title,
           CASE WHEN substr({_CLOSED_ON}, 6) = '02-29' THEN date({_CLOSED_ON}, '+1 day', :years)
                ELSE date({_CLOSED_ON}, :years, '+1 day') END AS day
      FROM plans p
     WHERE p.status = '{Status.CLOSED.value}' AND {_CLOSED_ON} <= :closed_by
       AND p.id NOT IN (SELECT plan_id FROM retention_holds)
    UNION ALL
    SELECT p.id, p.employee_name, p.title, date(h.keep_until, '+1 day')
      FROM retention_holds h CROSS JOIN plans p ON p.id = h.plan_id
     WHERE p.status = '{Status.CLOSED.value}'
) WHERE day <= :today AND plan_id NOT IN (SELECT plan_id FROM erasure_log WHERE action = '{ANONYMISED}')
"""


#: The columns of a row of :data:`PAST_RETENTION`.
RETENTION_COLUMNS = ("day", "plan_id", "employee", "title")


def retention_parameters(years: int, today: dt.date) -> dict[str, str]:
    return {
        "years": f"+{years} years",
        "closed_by": latest_close_past_retention(years, today).isoformat(),
        "today": today.isoformat(),
    }


def past_retention_items(conn: sqlite3.Connection, years: int, today: dt.date) -> list[DueItem]:
    """The closed plans past retention on ``today`` (``years`` after closing, or their own date), dated from then;
    an anonymised plan never is. ``retention.past_retention_since``'s rule, read in one query."""
    return retention_items_of(conn.execute(PAST_RETENTION, retention_parameters(years, today)).fetchall())


def retention_items_of(rows: list[Any]) -> list[DueItem]:
    """The items of the rows of :data:`PAST_RETENTION`."""
    kind = DueKind.PAST_RETENTION
    return [DueItem(plan_id, kind, _date(day), employee, title) for day, plan_id, employee, title in rows]
