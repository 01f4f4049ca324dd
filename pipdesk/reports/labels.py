"""The manager's words for dates, quantities and the plan's kinds and results, as printed."""

from __future__ import annotations

import datetime as dt
import math

from pipdesk.domain import (
    CheckinKind,
    ConcernCategory,
    Decision,
    FollowUp,
    MilestoneKind,
    Objective,
    ObjectiveCategory,
    Rating,
    Result,
    Status,
    SupportKind,
)
from pipdesk.domain.model import compact_number

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DASH = "—"


def long_date(day: dt.date | None) -> str:
    """``28 September 2026``: never ambiguous between day and month, whatever the reader's country."""
    return DASH if day is None else f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date | None) -> str:
    """``28 Sep 2026``, for tables."""
    return DASH if day is None else f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def date_time(moment: dt.datetime) -> str:
    return f"{short_date(moment.date())} {moment:%H:%M} {moment.tzname() or ''}".rstrip()


def period(start: dt.date, end: dt.date) -> str:
    return f"{long_date(start)} to {long_date(end)}"


def length(days: int) -> str:
    """``84 days (12 weeks)``."""
    if days <= 0:
        return f"{days} days"
    weeks, rest = divmod(days, 7)
    if weeks == 0:
        return f"{days} day{'s' if days != 1 else ''}"
    about = "" if rest == 0 else "about "
    weeks = weeks if rest < 4 else weeks + 1
    return f"{days} days ({about}{weeks} week{'s' if weeks != 1 else ''})"


def number(value: float | None) -> str:
    if value is None:
        return DASH
    if not math.isfinite(value):
        return str(value)
    return str(compact_number(value))


def quantity(value: float | None, unit: str) -> str:
    """``55%``, ``3 reports``, ``4.2 points of 5``."""
    if value is None:
        return DASH
    unit = " ".join(unit.split())
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}"


def baseline_to_target(objective: Objective) -> str:
    """``55% → 90%``; what is not set yet says so."""
    if objective.baseline is None and objective.target is None:
        return "Not set yet"
    return f"{quantity(objective.baseline, objective.unit)} → {quantity(objective.target, objective.unit)}"


def status(value: Status) -> str:
    return value.label


def checkin_kind(kind: CheckinKind) -> str:
    return {
        CheckinKind.CHECKIN: "Check-in",
        CheckinKind.FORMAL_REVIEW: "Formal review",
        CheckinKind.MIDPOINT: "Mid-plan review",
        CheckinKind.FINAL: "Final review",
    }[kind]


def milestone_kind(kind: MilestoneKind) -> str:
    return {
        MilestoneKind.KICKOFF: "Kick-off",
        MilestoneKind.CHECKIN: "Check-in",
        MilestoneKind.MIDPOINT: "Mid-plan review",
        MilestoneKind.FINAL: "Final review",
        MilestoneKind.CUSTOM: "Other",
    }[kind]


def support_kind(kind: SupportKind | None) -> str:
    return "Support" if kind is None else kind.value.capitalize()


def concern_category(category: ConcernCategory | None) -> str:
    return "" if category is None else category.value.capitalize()


def objective_category(category: ObjectiveCategory | None) -> str:
    return "" if category is None else category.value.capitalize()


def rating(value: Rating | None) -> str:
    return "Not rated" if value is None else value.label


def result(value: Result | None) -> str:
    return {
        None: "Not assessed",
        Result.MET: "Met",
        Result.PARTIALLY_MET: "Partially met",
        Result.NOT_MET: "Not met",
    }[value]


def decision(value: Decision | None) -> str:
    return {
        None: "Not decided yet",
        Decision.SUCCESSFUL: "Successful: the objectives were met",
        Decision.PARTIAL: "Partially successful",
        Decision.INSUFFICIENT: "Not successful: the objectives were not met",
    }[value]


def follow_up(value: FollowUp | None) -> str:
    return {
        None: "Not decided yet",
        FollowUp.RETURN_TO_NORMAL: "Return to normal performance management",
        FollowUp.EXTEND: "Extend the plan",
        FollowUp.REASSIGN: "Reassign to another role",
        FollowUp.FURTHER_ACTION: "Further action",
    }[value]
