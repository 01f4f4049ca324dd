"""The plan's kinds and choices (statuses, milestone and check-in kinds, ratings, decisions, ...) as enums,
and how its numbers are written (:func:`compact_number`).

Plain Python, importable without pydantic: the window's first screen and the command line's light
commands read statuses and kinds without loading the plan's models (:mod:`pipdesk.domain.model`
re-exports every name here).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "FORMAL_KINDS",
    "AdjustmentDecision",
    "AppealResult",
    "AttendeeRole",
    "CheckinKind",
    "ConcernCategory",
    "Decision",
    "Direction",
    "FollowUp",
    "MilestoneKind",
    "ObjectiveCategory",
    "Rating",
    "ResponseTo",
    "Result",
    "Status",
    "SupportKind",
    "compact_number",
]


class Status(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    EXTENDED = "extended"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ConcernCategory(StrEnum):
    DELIVERY = "delivery"
    QUALITY = "quality"
    SKILLS = "skills"
    COLLABORATION = "collaboration"
    CONDUCT = "conduct"
    ATTENDANCE = "attendance"
    POLICY = "policy"
    OTHER = "other"


class ObjectiveCategory(StrEnum):
    TECHNICAL = "technical"
    BEHAVIORAL = "behavioral"


class SupportKind(StrEnum):
    TRAINING = "training"
    COACHING = "coaching"
    MENTORING = "mentoring"
    RESOURCE = "resource"
    WORKLOAD = "workload"
    OTHER = "other"


class MilestoneKind(StrEnum):
    KICKOFF = "kickoff"
    CHECKIN = "checkin"
    MIDPOINT = "midpoint"
    FINAL = "final"
    CUSTOM = "custom"


class CheckinKind(StrEnum):
    CHECKIN = "checkin"
    FORMAL_REVIEW = "formal_review"
    MIDPOINT = "midpoint"
    FINAL = "final"
    KICKOFF = "kickoff"  # format 2


#: The kinds of meeting that are formal whatever the check-in says: the right to be accompanied applies.
FORMAL_KINDS = frozenset({CheckinKind.KICKOFF, CheckinKind.FORMAL_REVIEW, CheckinKind.MIDPOINT, CheckinKind.FINAL})


class Rating(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    MET = "met"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Decision(StrEnum):
    SUCCESSFUL = "successful"
    PARTIAL = "partial"
    INSUFFICIENT = "insufficient"


class FollowUp(StrEnum):
    RETURN_TO_NORMAL = "return_to_normal"
    EXTEND = "extend"
    REASSIGN = "reassign"
    FURTHER_ACTION = "further_action"


class Result(StrEnum):
    MET = "met"
    PARTIALLY_MET = "partially_met"
    NOT_MET = "not_met"


class AdjustmentDecision(StrEnum):
    """What was done with a requested adjustment (accommodation)."""

    AGREED = "agreed"  # offered as requested
    ALTERNATIVE = "alternative"  # something else was offered
    REFUSED = "refused"


class AttendeeRole(StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    HR = "hr"
    COMPANION = "companion"
    REPRESENTATIVE = "representative"
    NOTE_TAKER = "note_taker"


class ResponseTo(StrEnum):
    """What an employee's written response answers."""

    PLAN = "plan"
    OUTCOME = "outcome"


class AppealResult(StrEnum):
    UPHELD = "upheld"
    NOT_UPHELD = "not_upheld"
    PARTLY_UPHELD = "partly_upheld"


class Direction(StrEnum):
    """Whether more or less of an objective's metric is better."""

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


def compact_number(value: float) -> int | float:
    """A whole number without its ``.0``, so a baseline typed as 55 is written back as 55."""
    if value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value
