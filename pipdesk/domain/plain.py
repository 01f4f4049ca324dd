"""A stored plan as plain records, for printing: the same fields and facts as the models, without pydantic.

``pipdesk pdf`` reads one plan the plan book wrote and prints it. Validating that plan again builds
pydantic and the plan's models first, over a third of the whole command (docs/performance.md); the
plan book validated it when it was saved. So documents made from the command line read the plan
into these records instead: one slotted class per model, its fields in the model's order
(:data:`FIELDS`), each value turned from its column's form into the model's type, the facts of
``domain/derived.py`` on both. Nothing here validates: only rows the plan book wrote come here.

tests/store/test_plain_records.py holds them to the models: the same fields, order and defaults as
``domain/model.py``; for every plan of a generated plan book, the same values (and types) as the
validated read, the same content hash, and every document printed from them byte for byte the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from pipdesk.domain import derived, kinds

#: Each model's fields, in its order: ``name:kind``; ``?`` after the kind: may be None (its default);
#: ``=value``: the default. ``text`` reads None as ""; ``[Record]`` is a list of records (default empty);
#: ``number`` is a float written as a whole number when it is one; a capitalised kind is an enum of
#: ``domain/kinds.py`` or another record. A field with no default must be in the row.
FIELDS: Mapping[str, str] = {
    "Attachment": "name:str media_type:text size:int sha256:str added_on:date evidence_for:date? "
    "description:text shareable:bool",
    "Person": "name:str job_title:text department:text email:text",
    "DatedNote": "date:date note:text",
    "Concern": "key:str area:str category:ConcernCategory? description:text evidence:[DatedNote] "
    "attachments:[Attachment]",
    "Objective": "key:str title:str category:ObjectiveCategory? concern:str? description:text metric:text "
    "unit:text baseline:number? target:number? due_date:date?",
    "SupportAction": "kind:SupportKind? description:str owner:text due_date:date? done:bool",
    "Milestone": "title:str kind:MilestoneKind=custom date:date done:bool",
    "Progress": "objective:str value:number? rating:Rating? comment:text",
    "Attendee": "name:str role:AttendeeRole",
    "Checkin": "date:date kind:CheckinKind=checkin attendees:text notes:text employee_comments:text wins:text "
    "concerns:text next_steps:text private_notes:text progress:[Progress] formal:bool companion_offered:bool? "
    "attendance:[Attendee] attachments:[Attachment]",
    "Acknowledgement": "on:date refused:bool witness:str? employee_comment:text recorded_at:datetime?",
    "Adjustment": "requested:str requested_by:text requested_on:date? decision:AdjustmentDecision? offered:text "
    "reason:text decided_on:date? in_place_on:date? review_on:date?",
    "Pause": "paused_on:date resumed_on:date? reason:str",
    "EmployeeResponse": "to:ResponseTo on:date text:str",
    "HrReview": "sent_on:date? reviewed_by:text reviewed_on:date? comments:text",
    "Appeal": "lodged_on:date grounds:text heard_by:text heard_on:date? result:AppealResult? comments:text",
    "Revision": "at:datetime field:text old:str? new:str? reason:str",
    "ObjectiveResult": "objective:str result:Result? comment:text",
    "Outcome": "decision:Decision? decided_on:date? follow_up:FollowUp? summary:text monitoring:text "
    "results:[ObjectiveResult] acknowledgement:Acknowledgement? attachments:[Attachment]",
    "Plan": "title:str status:Status=draft employee:Person manager:Person hr_partner:Person? start_date:date "
    "end_date:date checkin_every_days:int? hr_review:HrReview? issued_on:date? acknowledgement:Acknowledgement? "
    "reacknowledgements:[Acknowledgement] summary:text context:text manager_commitments:text "
    "employee_commitments:text consequences:text prior_discussions:[DatedNote] concerns:[Concern] "
    "objectives:[Objective] support:[SupportAction] adjustments:[Adjustment] milestones:[Milestone] "
    "pauses:[Pause] checkins:[Checkin] responses:[EmployeeResponse] attachments:[Attachment] "
    "revisions:[Revision] outcome:Outcome? appeal:Appeal?",
}

_FACTS: Mapping[str, type] = {
    "Objective": derived.ObjectiveFacts,
    "Checkin": derived.CheckinFacts,
    "Pause": derived.PauseFacts,
    "Plan": derived.PlanFacts,
}

#: The default of a field with none written: it must be in the row.
REQUIRED: Any = object()


class Field:
    """One field of a record: how its column's value becomes the model's value, and back to the plan file's."""

    __slots__ = ("default", "kind", "list_of", "name", "optional", "read")

    def __init__(self, spec: str) -> None:
        self.name, _, kind = spec.partition(":")
        kind, _, default = kind.partition("=")
        self.optional = kind.endswith("?")
        self.kind = kind.rstrip("?")
        self.list_of = self.kind[1:-1] if self.kind.startswith("[") else None
        self.read: Callable[[Any], Any] | None = _READ.get(self.kind)
        if self.kind[0].isupper() and self.kind in kinds.__all__:
            enum: Any = getattr(kinds, self.kind)
            self.read = enum
        self.default: Any = REQUIRED
        if default:
            self.default = self.read(default) if self.read else default
        elif self.optional:
            self.default = None
        elif self.kind in _EMPTY:
            self.default = _EMPTY[self.kind]

    def value(self, values: Mapping[str, Any]) -> Any:
        value = values.get(self.name, REQUIRED)
        if value is REQUIRED:
            if self.list_of is not None:
                return []
            if self.default is REQUIRED:
                raise KeyError(f"{self.name}: missing")
            return self.default
        if value is None:
            return "" if self.kind == "text" else None
        return self.read(value) if self.read is not None else value


_READ: dict[str, Callable[[Any], Any]] = {
    "date": dt.date.fromisoformat,
    "datetime": dt.datetime.fromisoformat,
    "number": float,
    "bool": bool,
}
_EMPTY: dict[str, Any] = {"text": "", "bool": False}


class PlainRecord:
    """A record of a stored plan with the model's fields as plain attributes (see the module's text)."""

    __slots__ = ()
    FIELDS: tuple[Field, ...] = ()

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - set(self.__slots__)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        self._fill(values)

    def _fill(self, values: Mapping[str, Any]) -> None:
        """Each field from ``values`` (other keys, a row's other columns, are not read)."""
        for field in self.FIELDS:
            object.__setattr__(self, field.name, field.value(values))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, field.name) == getattr(other, field.name) for field in self.FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the models are

    def __repr__(self) -> str:
        values = ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in self.FIELDS)
        return f"{type(self).__name__}({values})"


def _record_class(name: str, spec: str) -> type[PlainRecord]:
    fields = tuple(Field(item) for item in spec.split())
    bases = (_FACTS[name], PlainRecord) if name in _FACTS else (PlainRecord,)
    namespace = {"__slots__": tuple(field.name for field in fields), "FIELDS": fields, "__module__": __name__}
    return type(name, bases, namespace)


#: The plain record class of each model, by the model's name.
RECORDS: Mapping[str, type[PlainRecord]] = {name: _record_class(name, spec) for name, spec in FIELDS.items()}


def make(name: str, values: Mapping[str, Any]) -> Any:
    """The record ``name`` from a row's values (lists and records in it already made): each field's column
    value turned into the model's type, a field not in ``values`` given its default; the row's other
    columns (its id, its plan's, its position) are not read."""
    record = object.__new__(RECORDS[name])
    record._fill(values)
    return record


def json_form(record: PlainRecord) -> dict[str, Any]:
    """The record as the model's ``model_dump(mode="json")`` gives it: what a plan file holds, in its order."""
    return {field.name: _json_value(getattr(record, field.name), field) for field in record.FIELDS}


def _json_value(value: Any, field: Field) -> Any:
    if value is None:
        return None
    if isinstance(value, PlainRecord):
        return json_form(value)
    if isinstance(value, list):
        return [json_form(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text  # as pydantic writes UTC
    if isinstance(value, dt.date):
        return value.isoformat()
    if field.kind == "number":
        return kinds.compact_number(value)
    return value
