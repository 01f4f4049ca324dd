"""The vocabulary's words: dates in every month, weekdays, percentages, quantities, and a label for every member."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum

import pytest

from pipdesk.domain import (
    AdjustmentDecision,
    AppealResult,
    Attendee,
    AttendeeRole,
    CheckinKind,
    ConcernCategory,
    Decision,
    Direction,
    FollowUp,
    MilestoneKind,
    Objective,
    ObjectiveCategory,
    Rating,
    ResponseTo,
    Result,
    Status,
    SupportKind,
    model,
    vocabulary,
)

MONTH_NAMES = [
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
]


@pytest.mark.parametrize("month", range(1, 13))
def test_long_and_short_dates_name_every_month_day_first(month: int) -> None:
    day = dt.date(2026, month, 28)
    name = MONTH_NAMES[month - 1]
    assert vocabulary.long_date(day) == f"28 {name} 2026"
    assert vocabulary.short_date(day) == f"28 {name[:3]} 2026"


def test_dates_have_no_leading_zero_and_a_missing_date_is_a_dash() -> None:
    assert vocabulary.long_date(dt.date(2027, 1, 4)) == "4 January 2027"
    assert vocabulary.short_date(dt.date(2026, 9, 5)) == "5 Sep 2026"
    assert vocabulary.long_date(None) == vocabulary.short_date(None) == "—"


def test_weekdays_are_named_from_monday() -> None:
    monday = dt.date(2026, 9, 28)
    names = [vocabulary.weekday(monday + dt.timedelta(days=i)) for i in range(7)]
    assert names == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert list(vocabulary.WEEKDAYS) == names
    assert vocabulary.day_and_date(dt.date(2026, 11, 29)) == "Sunday 29 November 2026"


def test_date_time_and_period() -> None:
    moment = dt.datetime(2026, 10, 1, 9, 5, tzinfo=dt.UTC)
    assert vocabulary.date_time(moment) == "1 Oct 2026 09:05 UTC"
    assert vocabulary.date_time(moment.replace(tzinfo=None)) == "1 Oct 2026 09:05"
    assert vocabulary.period(dt.date(2026, 9, 28), dt.date(2026, 12, 21)) == "28 September 2026 to 21 December 2026"


@pytest.mark.parametrize(
    ("moment", "zone"),
    [
        (dt.datetime(2026, 10, 1, 9, 5, tzinfo=dt.UTC), "UTC"),
        (dt.datetime.fromisoformat("2026-10-01T09:05:00+00:00"), "UTC"),
        (dt.datetime.fromisoformat("2026-10-01T10:05:00+01:00"), "+01:00"),
        (dt.datetime.fromisoformat("2026-10-01T03:35:00-05:30"), "-05:30"),
        (dt.datetime(2026, 10, 1, 14, 50, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=45), "NPT")), "+05:45"),
    ],
)
def test_a_moment_s_zone_is_its_offset_from_utc_whatever_its_zone_is_called(moment: dt.datetime, zone: str) -> None:
    """The same moment read by pydantic (zone "+01:00") or the standard library ("UTC+01:00"), or made in a
    named zone, prints the same: a plan prints alike from the window and from ``pipdesk pdf``."""
    from pipdesk.domain.model import Revision

    validated = Revision(at=moment.isoformat(), reason="r").at  # type: ignore[arg-type]  # as pydantic reads it
    assert (
        vocabulary.date_time(moment)
        == vocabulary.date_time(validated)
        == f"{vocabulary.short_date(moment.date())} {moment:%H:%M} {zone}"
    )
    assert vocabulary.utc_offset(moment) == zone


@pytest.mark.parametrize(
    ("days", "words"),
    [(1, "1 day"), (6, "6 days"), (7, "7 days (1 week)"), (10, "10 days (about 1 week)"), (84, "84 days (12 weeks)")],
)
def test_length_in_days_and_weeks(days: int, words: str) -> None:
    assert vocabulary.length(days) == words


@pytest.mark.parametrize(
    ("share", "words"),
    [(84, "84%"), (84.4, "84%"), (84.6, "85%"), (0, "0%"), (-0.4, "0%"), (100, "100%"), (137.2, "137%")],
)
def test_percent_is_rounded_to_a_whole_number_without_a_space(share: float, words: str) -> None:
    assert vocabulary.percent(share) == words


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [
        (55, "%", "55%"),
        (16.6, "%", "16.6%"),
        (3, "reports", "3 reports"),
        (0, "reports", "0 reports"),
        (4.2, "points of 5", "4.2 points of 5"),
        (4.0, " points  of\t5 ", "4 points of 5"),
        (2.5, "", "2.5"),
        (None, "%", "—"),
    ],
)
def test_quantity_with_its_unit(value: float | None, unit: str, words: str) -> None:
    assert vocabulary.quantity(value, unit) == words


def test_baseline_to_target_says_what_is_not_set() -> None:
    objective = Objective(key="k", title="On time", unit="%", baseline=55, target=90)
    assert vocabulary.baseline_to_target(objective) == "55% → 90%"
    assert vocabulary.baseline_to_target(Objective(key="k", title="On time")) == "Not set yet"
    assert vocabulary.baseline_to_target(Objective(key="k", title="x", unit="%", target=90)) == "— → 90%"


#: Every enum a person reads a member of, with the vocabulary's word for a member.
LABELLED: dict[type[StrEnum], Callable[..., str]] = {
    CheckinKind: vocabulary.checkin_kind,
    MilestoneKind: vocabulary.milestone_kind,
    Status: vocabulary.status,
    Rating: vocabulary.rating,
    Result: vocabulary.result,
    Decision: vocabulary.decision,
    FollowUp: vocabulary.follow_up,
    Direction: vocabulary.direction,
    SupportKind: vocabulary.support_kind,
    ConcernCategory: vocabulary.concern_category,
    ObjectiveCategory: vocabulary.objective_category,
    AdjustmentDecision: vocabulary.adjustment_decision,
    AttendeeRole: vocabulary.attendee_role,
    ResponseTo: vocabulary.response_to,
    AppealResult: vocabulary.appeal_result,
}


@pytest.mark.parametrize("enum", LABELLED, ids=lambda enum: enum.__name__)
def test_every_member_has_its_own_label(enum: type[StrEnum]) -> None:
    labels = {member: LABELLED[enum](member) for member in enum}
    assert all(label.strip() and label == label.strip() for label in labels.values()), labels
    assert len(set(labels.values())) == len(labels), f"two {enum.__name__} members read the same: {labels}"
    assert not any("_" in label for label in labels.values()), labels


def test_every_enum_of_the_plan_model_has_its_labels() -> None:
    enums = {value for value in vars(model).values() if isinstance(value, type) and issubclass(value, StrEnum)}
    assert enums - {StrEnum} <= set(LABELLED), "a new enum in the plan: give its members words in the vocabulary"


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        (vocabulary.CHECKIN_KINDS, CheckinKind),
        (vocabulary.MILESTONE_KINDS, MilestoneKind),
        (vocabulary.RESULTS, Result),
        (vocabulary.DECISIONS, Decision),
        (vocabulary.FOLLOW_UPS, FollowUp),
        (vocabulary.DIRECTIONS, Direction),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_the_label_tables_hold_every_member_in_declaration_order(
    table: dict[StrEnum, str], enum: type[StrEnum]
) -> None:
    """The screen's choice lists are built from these tables, in this order."""
    assert list(table) == list(enum)


def test_a_missing_value_reads_as_not_yet() -> None:
    assert vocabulary.rating(None) == "Not rated"
    assert vocabulary.result(None) == "Not assessed"
    assert vocabulary.decision(None) == vocabulary.follow_up(None) == "Not decided yet"
    assert vocabulary.support_kind(None) == "Support"
    assert vocabulary.concern_category(None) == vocabulary.objective_category(None) == ""


@pytest.mark.parametrize(
    ("n", "noun", "shown"),
    [
        (1, "complaints", "1 complaint"),
        (1, "complaint", "1 complaint"),
        (3, "complaint", "3 complaints"),
        (3, "complaints", "3 complaints"),
        (0, "complaints", "0 complaints"),
        (1, "late replies a week", "1 late reply a week"),
        (2, "late reply a week", "2 late replies a week"),
        (1, "points of 5", "1 point of 5"),
        (4.5, "point of 5", "4.5 points of 5"),
        (1, "customer complaints per month", "1 customer complaint per month"),
        (1, "minutes late", "1 minute late"),
        (2, "status", "2 statuses"),
        (1, "status", "1 status"),
        (1, "hours", "1 hour"),
        (2, "batch", "2 batches"),
        (1, "batches", "1 batch"),
    ],
)
def test_a_count_agrees_with_its_noun_written_either_way(n: float, noun: str, shown: str) -> None:
    assert vocabulary.count(n, noun) == shown


def test_a_count_takes_an_irregular_plural() -> None:
    assert vocabulary.count(1, "person", "people") == "1 person"
    assert vocabulary.count(2, "person", "people") == "2 people"


def test_a_quantity_of_one_is_singular_on_screen_and_paper() -> None:
    assert vocabulary.quantity(1, "complaints") == "1 complaint"
    assert vocabulary.quantity(2, "complaints") == "2 complaints"
    assert vocabulary.quantity(55, "%") == "55%"


def test_an_attendee_reads_with_the_role_in_lower_case_but_hr_as_written() -> None:
    attendees = [
        Attendee(name=" Sam  Okafor ", role=AttendeeRole.HR),
        Attendee(name="Tom Reyes", role=AttendeeRole.COMPANION),
        Attendee(name="Lena Braun", role=AttendeeRole.NOTE_TAKER),
    ]
    assert vocabulary.attendance(attendees) == "Sam Okafor (HR); Tom Reyes (companion); Lena Braun (note-taker)"
    assert vocabulary.attendance([]) == ""


@pytest.mark.parametrize(("n", "words"), [(1, "once"), (2, "twice"), (3, "3 times"), (12, "12 times")])
def test_times(n: int, words: str) -> None:
    assert vocabulary.times(n) == words
