"""How a plan is kept in the plan book's tables: its columns, and reading a whole plan from its rows.

Used by :class:`~pipdesk.store.plan_book.PlanBook` and by the schema steps that read plans, so that
neither has to go through the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from pipdesk.system.lazy import lazy_module

if TYPE_CHECKING:
    from pydantic import BaseModel

    from pipdesk.domain import Attachment, Attendee, Checkin, Concern, Plan
    from pipdesk.domain import model as domain_model
else:
    domain_model = lazy_module("pipdesk.domain.model")  # not for the plain records (domain/plain.py)

PERSON_FIELDS = ("name", "job_title", "department", "email")
ACK_FIELDS = ("on", "refused", "witness", "employee_comment", "recorded_at")
OUTCOME_FIELDS = ("decision", "decided_on", "follow_up", "summary", "monitoring")
PLAN_TEXT_FIELDS = ("summary", "context", "manager_commitments", "employee_commitments", "consequences")
PLAN_SCALARS = ("title", "status", "start_date", "end_date", "checkin_every_days", "issued_on", *PLAN_TEXT_FIELDS)

# (table, model's name, plan attribute): the lists of a plan kept one row an item, in order.
PLAN_LISTS: tuple[tuple[str, str, str], ...] = (
    ("prior_discussions", "DatedNote", "prior_discussions"),
    ("objectives", "Objective", "objectives"),
    ("support_actions", "SupportAction", "support"),
    ("milestones", "Milestone", "milestones"),
    ("revisions", "Revision", "revisions"),
)
#: The lists plan format 2 added, kept the same way (tables made by the schema step 0006).
FORMAT_2_LISTS: tuple[tuple[str, str, str], ...] = (
    ("adjustments", "Adjustment", "adjustments"),
    ("pauses", "Pause", "pauses"),
    ("employee_responses", "EmployeeResponse", "responses"),
    ("reacknowledgements", "Acknowledgement", "reacknowledgements"),
)
#: The parts of a plan there is at most one of, kept as a list of at most one row.
FORMAT_2_SINGLES: tuple[tuple[str, str, str], ...] = (
    ("hr_reviews", "HrReview", "hr_review"),
    ("appeals", "Appeal", "appeal"),
)
#: Every table of a plan's own rows, cleared when the plan is saved again (the rest go with them).
PLAN_TABLES = (
    "prior_discussions",
    "concerns",
    "objectives",
    "support_actions",
    "milestones",
    "checkins",
    "revisions",
    "outcome_results",
    "attachments",
    *(table for table, _model, _attribute in (*FORMAT_2_LISTS, *FORMAT_2_SINGLES)),
)


class Reads(Protocol):
    """What reading a plan's rows needs of a connection: ours (``store/database.py``) or sqlite-utils' own
    (in a schema step)."""

    def execute(self, sql: str, parameters: Any = None, /) -> Any: ...

    def query(self, sql: str, params: Any = None, /) -> Iterator[dict[str, Any]]: ...


def column_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


@cache
def scalar_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model kept as columns (lists are rows of their own)."""
    return tuple(name for name, field in model.model_fields.items() if not _is_list(field.annotation))


def row_of(item: BaseModel) -> dict[str, Any]:
    """The scalar fields of a model as column values."""
    return {name: column_value(getattr(item, name)) for name in scalar_fields(type(item))}


@cache
def insert_statement(table: str, parent: str, model: type[BaseModel]) -> str:
    columns = (parent, "position", *scalar_fields(model))
    # Quoted: "on" and "to" are SQL keywords.
    names = ", ".join(f'"{column}"' for column in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"


def _is_list(annotation: Any) -> bool:
    return getattr(annotation, "__origin__", None) is list


#: How a record is made from a row's values (its lists and records in them already made), by the
#: model's name: :func:`validated`, or ``domain.plain.make`` for the plain records documents print.
Make = Callable[[str, Mapping[str, Any]], Any]


def validated(name: str, values: Mapping[str, Any]) -> Any:
    """The model ``name`` validated from the values of its fields (a field not there: its default)."""
    model: type[BaseModel] = getattr(domain_model, name)
    return model.model_validate({field: values[field] for field in model.model_fields if field in values})


def read_plan(db: Reads, plan_id: int, *, format_2: bool = True, make: Make = validated) -> Plan | None:
    """The whole plan, read with one query a table; None when there is no such plan.

    ``format_2=False`` reads a plan book whose schema is older than step 0006 (a schema step reads
    plans with it): what format 2 added is left empty. ``make=domain.plain.make`` reads it into plain
    records, not validated (:mod:`pipdesk.domain.plain`): typed as a plan, as it reads like one.
    """
    rows = list(db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
    if not rows:
        return None
    row = rows[0]
    values: dict[str, Any] = {name: row[name] for name in PLAN_SCALARS}
    for role in ("employee", "manager", "hr_partner"):
        person = {field: row[f"{role}_{field}"] for field in PERSON_FIELDS}
        values[role] = make("Person", person) if person["name"] is not None else None
    values["acknowledgement"] = _acknowledgement(make, row, "ack_")
    for table, model, attribute in PLAN_LISTS:
        values[attribute] = [make(model, r) for r in _children(db, table, plan_id)]
    values["concerns"] = _concerns(db, make, plan_id)
    values["checkins"] = _checkins(db, make, plan_id, format_2)
    attached = _attachments(db, make, plan_id) if format_2 else {}
    values["attachments"] = attached.get(("plan", 0), [])
    for owner, items in (("concern", values["concerns"]), ("checkin", values["checkins"])):
        for (kind, position), attachments in attached.items():
            if kind == owner:
                items[position].attachments = attachments
    if format_2:
        for table, model, attribute in FORMAT_2_LISTS:
            values[attribute] = [make(model, r) for r in _children(db, table, plan_id)]
        for table, model, attribute in FORMAT_2_SINGLES:
            values[attribute] = next((make(model, r) for r in _children(db, table, plan_id)), None)
    if row["has_outcome"]:
        outcome: dict[str, Any] = {field: row[f"outcome_{field}"] for field in OUTCOME_FIELDS}
        outcome["results"] = [make("ObjectiveResult", r) for r in _children(db, "outcome_results", plan_id)]
        outcome["acknowledgement"] = _acknowledgement(make, row, "outcome_ack_")
        outcome["attachments"] = attached.get(("outcome", 0), [])
        values["outcome"] = make("Outcome", outcome)
    plan: Plan = make("Plan", values)
    return plan


def _attachments(db: Reads, make: Make, plan_id: int) -> dict[tuple[str, int], list[Attachment]]:
    """The plan's attachments by owner (plan, concern, checkin, outcome) and the owner's position, in order."""
    found: dict[tuple[str, int], list[Attachment]] = {}
    for row in db.query("SELECT * FROM attachments WHERE plan_id = ? ORDER BY position", [plan_id]):
        found.setdefault((row["owner"], row["owner_position"]), []).append(make("Attachment", row))
    return found


def _acknowledgement(make: Make, row: dict[str, Any], prefix: str) -> Any:
    if row.get(f"{prefix}on") is None:
        return None
    return make("Acknowledgement", {field: row.get(f"{prefix}{field}") for field in ACK_FIELDS})


def _children(db: Reads, table: str, plan_id: int) -> Iterator[dict[str, Any]]:
    return db.query(f"SELECT * FROM {table} WHERE plan_id = ? ORDER BY position", [plan_id])


def _with_items(
    db: Reads, make: Make, plan_id: int, table: str, model: str, items: tuple[str, str, str, str]
) -> list[Any]:
    """The plan's rows of ``table`` (concerns, check-ins), each with its own list read from the items' table."""
    item_table, parent_column, item_model, attribute = items
    found: dict[int, list[Any]] = {}
    for r in db.query(
        f"""SELECT i.* FROM {item_table} i JOIN {table} p ON p.id = i.{parent_column}
             WHERE p.plan_id = ? ORDER BY i.{parent_column}, i.position""",
        [plan_id],
    ):
        found.setdefault(r[parent_column], []).append(make(item_model, r))
    return [make(model, {**r, attribute: found.get(r["id"], [])}) for r in _children(db, table, plan_id)]


def _concerns(db: Reads, make: Make, plan_id: int) -> list[Concern]:
    return _with_items(db, make, plan_id, "concerns", "Concern", ("evidence", "concern_id", "DatedNote", "evidence"))


def _checkins(db: Reads, make: Make, plan_id: int, format_2: bool) -> list[Checkin]:
    checkins = _with_items(db, make, plan_id, "checkins", "Checkin", ("progress", "checkin_id", "Progress", "progress"))
    if not format_2 or not checkins:
        return checkins
    attendance: dict[int, list[Attendee]] = {}
    for r in db.query(
        """SELECT a.*, c.position AS checkin_position FROM attendance a JOIN checkins c ON c.id = a.checkin_id
            WHERE c.plan_id = ? ORDER BY c.position, a.position""",
        [plan_id],
    ):
        attendance.setdefault(r["checkin_position"], []).append(make("Attendee", r))
    for position, attendees in attendance.items():
        checkins[position].attendance = attendees
    return checkins
