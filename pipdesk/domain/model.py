"""The plan and everything it records, as validated value objects (plan format v2; v1 is a subset)."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
)

from pipdesk.domain.derived import CheckinFacts, ObjectiveFacts, PauseFacts, PlanFacts

# The plan's kinds are its model's too: every name of domain/kinds.py is also importable from here.
from pipdesk.domain.kinds import *  # noqa: F403
from pipdesk.domain.kinds import (
    AdjustmentDecision,
    AppealResult,
    AttendeeRole,
    CheckinKind,
    ConcernCategory,
    Decision,
    FollowUp,
    MilestoneKind,
    ObjectiveCategory,
    Rating,
    ResponseTo,
    Result,
    Status,
    SupportKind,
    compact_number,
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    # pydantic also takes timestamps and date-times for a date; the format allows YYYY-MM-DD only.
    if not isinstance(value, str):
        return value
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"Expected a date as YYYY-MM-DD, found {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def _null_text_is_empty(value: Any) -> Any:
    return "" if value is None else value


Date = Annotated[dt.date, BeforeValidator(_iso_date_only)]
#: Free text: any Unicode, any length, line breaks kept. A JSON null reads as empty text.
Text = Annotated[str, BeforeValidator(_null_text_is_empty)]
Number = Annotated[float, PlainSerializer(compact_number, when_used="json")]


class Record(BaseModel):
    """Base of every part of a plan: unknown keys are refused, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        # Text must be writable as UTF-8 (no lone surrogates) and numbers finite: anything else could
        # be typed or imported, but not saved, exported or read back the same.
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("The text holds a character that is not valid Unicode (a lone surrogate)") from None
        elif isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"Expected a finite number, found {value}")
        return value


#: The largest file pipdesk keeps as an attachment: 25 MB (decimal, as file managers show sizes).
MAX_ATTACHMENT_BYTES = 25_000_000
_SHA256 = re.compile(r"[0-9a-f]{64}")


class Attachment(Record):
    """A file kept as evidence (format 2): its bytes live in the plan book, found by their SHA-256.

    ``shareable``: the employee's copy lists it (the full copy lists every attachment).
    """

    name: str
    media_type: Text = ""
    size: Annotated[int, Field(ge=0, le=MAX_ATTACHMENT_BYTES)]
    sha256: str
    added_on: Date
    evidence_for: Date | None = None
    description: Text = ""
    shareable: bool = False

    @field_validator("sha256")
    @classmethod
    def _hex_digest(cls, value: str) -> str:
        if not _SHA256.fullmatch(value):
            raise ValueError(f"Expected a SHA-256 as 64 lower-case hexadecimal digits, found {value[:80]!r}")
        return value

    @field_validator("name")
    @classmethod
    def _file_name(cls, value: str) -> str:
        if any(c in value for c in "/\\\0") or value.strip() in {"", ".", ".."}:
            raise ValueError(f"Expected a file name without folders, found {value[:80]!r}")
        return value


class Person(Record):
    name: str
    job_title: Text = ""
    department: Text = ""
    email: Text = ""


class DatedNote(Record):
    date: Date
    note: Text = ""


class Concern(Record):
    key: str
    area: str
    category: ConcernCategory | None = None
    description: Text = ""
    evidence: list[DatedNote] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)  # format 2


class Objective(Record, ObjectiveFacts):
    key: str
    title: str
    category: ObjectiveCategory | None = None
    concern: str | None = None
    description: Text = ""
    metric: Text = ""
    unit: Text = ""
    baseline: Number | None = None
    target: Number | None = None
    due_date: Date | None = None


class SupportAction(Record):
    kind: SupportKind | None = None
    description: str
    owner: Text = ""
    due_date: Date | None = None
    done: bool = False


class Milestone(Record):
    title: str
    kind: MilestoneKind = MilestoneKind.CUSTOM
    date: Date
    done: bool = False


class Progress(Record):
    objective: str
    value: Number | None = None
    rating: Rating | None = None
    comment: Text = ""


class Attendee(Record):
    """Who attended a formal meeting, and in which role (format 2)."""

    name: str
    role: AttendeeRole


class Checkin(Record, CheckinFacts):
    date: Date
    kind: CheckinKind = CheckinKind.CHECKIN
    attendees: Text = ""
    notes: Text = ""
    employee_comments: Text = ""
    wins: Text = ""
    concerns: Text = ""
    next_steps: Text = ""
    private_notes: Text = ""
    progress: list[Progress] = Field(default_factory=list)
    # Format 2: a meeting marked formal, whether the right to be accompanied was offered (None: not
    # recorded), and who attended in which role.
    formal: bool = False
    companion_offered: bool | None = None
    attendance: list[Attendee] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)


class Acknowledgement(Record):
    on: Date
    refused: bool = False
    witness: str | None = None
    employee_comment: Text = ""
    #: When it was recorded (format 2): tells a change made the same day before signing from one after.
    recorded_at: AwareDatetime | None = None


class Adjustment(Record):
    """A reasonable adjustment (accommodation): requested, decided, put in place, reviewed (format 2)."""

    requested: str
    requested_by: Text = ""
    requested_on: Date | None = None
    decision: AdjustmentDecision | None = None
    offered: Text = ""
    reason: Text = ""
    decided_on: Date | None = None
    in_place_on: Date | None = None
    review_on: Date | None = None


class Pause(Record, PauseFacts):
    """The plan's clock stopped from ``paused_on`` until ``resumed_on`` (None: still paused) (format 2)."""

    paused_on: Date
    resumed_on: Date | None = None
    reason: str


class EmployeeResponse(Record):
    """The employee's own written response to the plan or to the outcome (format 2)."""

    to: ResponseTo
    on: Date
    text: str


class HrReview(Record):
    """The plan sent to HR and reviewed by them before it was issued (format 2)."""

    sent_on: Date | None = None
    reviewed_by: Text = ""
    reviewed_on: Date | None = None
    comments: Text = ""


class Appeal(Record):
    """An appeal against the outcome of a closed plan (format 2)."""

    lodged_on: Date
    grounds: Text = ""
    heard_by: Text = ""
    heard_on: Date | None = None
    result: AppealResult | None = None
    comments: Text = ""


class Revision(Record):
    at: AwareDatetime
    field: Text = ""
    old: str | None = None
    new: str | None = None
    reason: str


class ObjectiveResult(Record):
    objective: str
    result: Result | None = None
    comment: Text = ""


class Outcome(Record):
    decision: Decision | None = None
    decided_on: Date | None = None
    follow_up: FollowUp | None = None
    summary: Text = ""
    monitoring: Text = ""
    results: list[ObjectiveResult] = Field(default_factory=list)
    #: The employee's acknowledgement of the outcome report (format 2).
    acknowledgement: Acknowledgement | None = None
    attachments: list[Attachment] = Field(default_factory=list)  # format 2


class Plan(Record, PlanFacts[Acknowledgement, Objective, Concern]):
    """One Performance Improvement Plan with everything it records."""

    title: str
    status: Status = Status.DRAFT
    employee: Person
    manager: Person
    hr_partner: Person | None = None
    start_date: Date
    end_date: Date
    checkin_every_days: Annotated[int, Field(ge=1, le=90)] | None = None
    hr_review: HrReview | None = None
    issued_on: Date | None = None
    acknowledgement: Acknowledgement | None = None
    reacknowledgements: list[Acknowledgement] = Field(default_factory=list)
    summary: Text = ""
    context: Text = ""
    manager_commitments: Text = ""
    employee_commitments: Text = ""
    consequences: Text = ""
    prior_discussions: list[DatedNote] = Field(default_factory=list)
    concerns: list[Concern] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    support: list[SupportAction] = Field(default_factory=list)
    adjustments: list[Adjustment] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    pauses: list[Pause] = Field(default_factory=list)
    checkins: list[Checkin] = Field(default_factory=list)
    responses: list[EmployeeResponse] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    revisions: list[Revision] = Field(default_factory=list)
    outcome: Outcome | None = None
    appeal: Appeal | None = None


#: What plan format 2 added, as a pydantic ``exclude``: the model dumped without it is a version-1 plan.
FORMAT_2_ONLY: dict[str, Any] = {
    "hr_review": True,
    "reacknowledgements": True,
    "adjustments": True,
    "pauses": True,
    "responses": True,
    "appeal": True,
    "attachments": True,
    "acknowledgement": {"recorded_at"},
    "concerns": {"__all__": {"attachments"}},
    "checkins": {"__all__": {"formal", "companion_offered", "attendance", "attachments"}},
    "outcome": {"acknowledgement", "attachments"},
}
