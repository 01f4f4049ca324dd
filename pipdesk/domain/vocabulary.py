"""Every word a person reads for a plan's kinds, statuses, ratings, decisions, follow-ups, units and dates.

Declared once, and used by the screen, the PDFs and the command line alike, so they never disagree
(tests/gui/test_vocabulary.py finds each label on screen and in a PDF).
"""

from __future__ import annotations

import datetime as dt
import math

from pipdesk.domain import (
    CheckinKind,
    ConcernCategory,
    Decision,
    Direction,
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

MONTHS = (
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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DASH = "—"


def long_date(day: dt.date | None) -> str:
    """``28 September 2026``: never ambiguous between day and month, whatever the reader's country."""
    return DASH if day is None else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date | None) -> str:
    """``28 Sep 2026``, for tables."""
    return DASH if day is None else f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def weekday(day: dt.date) -> str:
    """``Monday``."""
    return WEEKDAYS[day.weekday()]


def day_and_date(day: dt.date) -> str:
    """``Monday 28 September 2026``."""
    return f"{weekday(day)} {long_date(day)}"


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


def ago(day: dt.date, today: dt.date) -> str:
    """``today``, ``yesterday``, ``5 days ago``, ``6 weeks ago`` (whole weeks from two weeks on)."""
    days = (today - day).days
    if days <= 0:
        return "today" if days == 0 else f"in {-days} day{'s' if days != -1 else ''}"
    if days == 1:
        return "yesterday"
    return f"{days // 7} weeks ago" if days >= 14 else f"{days} days ago"


def number(value: float | None) -> str:
    if value is None:
        return DASH
    if not math.isfinite(value):
        return str(value)
    return str(compact_number(float(value)))  # an int too: int.is_integer() is Python 3.12+


def quantity(value: float | None, unit: str) -> str:
    """``55%``, ``3 reports``, ``4.2 points of 5``."""
    if value is None:
        return DASH
    unit = " ".join(unit.split())
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}"


def percent(value: float) -> str:
    """``84%``: a share of the way, a projection; rounded to a whole number."""
    return f"{round(value)}%"


def baseline_to_target(objective: Objective) -> str:
    """``55% → 90%``; what is not set yet says so."""
    if objective.baseline is None and objective.target is None:
        return "Not set yet"
    return f"{quantity(objective.baseline, objective.unit)} → {quantity(objective.target, objective.unit)}"


DIRECTIONS = {Direction.HIGHER_IS_BETTER: "higher is better", Direction.LOWER_IS_BETTER: "lower is better"}


def direction(value: Direction) -> str:
    """``higher is better``: said after an objective's target."""
    return DIRECTIONS[value]


def status(value: Status) -> str:
    return value.label


CHECKIN_KINDS = {
    CheckinKind.CHECKIN: "Check-in",
    CheckinKind.FORMAL_REVIEW: "Formal review",
    CheckinKind.MIDPOINT: "Mid-plan evaluation",
    CheckinKind.FINAL: "Final review",
}
MILESTONE_KINDS = {
    MilestoneKind.KICKOFF: "Kick-off",
    MilestoneKind.CHECKIN: "Check-in",
    MilestoneKind.MIDPOINT: "Mid-plan evaluation",
    MilestoneKind.FINAL: "Final review",
    MilestoneKind.CUSTOM: "Milestone",
}


def checkin_kind(kind: CheckinKind) -> str:
    return CHECKIN_KINDS[kind]


def milestone_kind(kind: MilestoneKind) -> str:
    return MILESTONE_KINDS[kind]


def support_kind(kind: SupportKind | None) -> str:
    return "Support" if kind is None else kind.value.capitalize()


def concern_category(category: ConcernCategory | None) -> str:
    return "" if category is None else category.value.capitalize()


def objective_category(category: ObjectiveCategory | None) -> str:
    return "" if category is None else category.value.capitalize()


def rating(value: Rating | None) -> str:
    return "Not rated" if value is None else value.label


RESULTS = {Result.MET: "Met", Result.PARTIALLY_MET: "Partially met", Result.NOT_MET: "Not met"}
DECISIONS = {
    Decision.SUCCESSFUL: "Successful",
    Decision.PARTIAL: "Partially successful",
    Decision.INSUFFICIENT: "Not successful",
}
FOLLOW_UPS = {
    FollowUp.RETURN_TO_NORMAL: "Return to normal performance management",
    FollowUp.EXTEND: "Extend the plan to a new end date",
    FollowUp.REASSIGN: "Reassign to another role",
    FollowUp.FURTHER_ACTION: "Further action with HR",
}


def result(value: Result | None) -> str:
    return "Not assessed" if value is None else RESULTS[value]


def decision(value: Decision | None) -> str:
    return "Not decided yet" if value is None else DECISIONS[value]


def follow_up(value: FollowUp | None) -> str:
    return "Not decided yet" if value is None else FOLLOW_UPS[value]
