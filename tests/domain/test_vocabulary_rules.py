"""The vocabulary's rules at their edges: how long ago, how a name is quoted in the history, which
word of a unit agrees with its number, and how a text is cut short.

Each test pins the exact words a manager reads on screen and on paper.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import AdjustmentDecision, AppealResult, CheckinKind, ConcernCategory, SupportKind, vocabulary
from pipdesk.domain.kinds import ObjectiveCategory, Status
from pipdesk.domain.model import Revision

from conftest import load_sample

TODAY = dt.date(2026, 11, 23)


# How long ago


@pytest.mark.parametrize(
    ("days_before", "words"),
    [
        (-3, "in 3 days"),
        (-1, "in 1 day"),
        (0, "today"),
        (1, "yesterday"),
        (2, "2 days ago"),
        (13, "13 days ago"),
        (14, "2 weeks ago"),
        (15, "2 weeks ago"),
        (20, "2 weeks ago"),
        (21, "3 weeks ago"),
        (55, "7 weeks ago"),
    ],
)
def test_ago_counts_days_then_whole_weeks_from_the_fourteenth_day(days_before: int, words: str) -> None:
    assert vocabulary.ago(TODAY - dt.timedelta(days=days_before), TODAY) == words


def test_overdue_by_agrees_with_the_number_of_days() -> None:
    assert vocabulary.overdue_by(1) == "overdue by 1 day"
    assert vocabulary.overdue_by(54) == "overdue by 54 days"


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (-3, "-3 days"),
        (0, "0 days"),
        (1, "1 day"),
        (11, "11 days (about 2 weeks)"),
        (13, "13 days (about 2 weeks)"),
        (14, "14 days (2 weeks)"),
        (17, "17 days (about 2 weeks)"),
        (18, "18 days (about 3 weeks)"),
    ],
)
def test_a_length_rounds_to_the_nearest_week_from_half_a_week_on(days: int, words: str) -> None:
    assert vocabulary.length(days) == words


# Numbers and units


@pytest.mark.parametrize(
    ("value", "words"),
    [(None, "—"), (3.0, "3"), (3, "3"), (2.5, "2.5"), (float("inf"), "inf"), (float("nan"), "nan")],
)
def test_a_number_is_written_without_a_needless_decimal(value: float | None, words: str) -> None:
    assert vocabulary.number(value) == words


def test_a_unit_of_only_spaces_leaves_the_number_alone() -> None:
    assert vocabulary.quantity(4, "  \t ") == "4"


@pytest.mark.parametrize(
    ("n", "noun", "shown"),
    [
        (-1, "complaints", "-1 complaint"),
        (2, "person", "2 persons"),
        (1, "by hours", "1 by hour"),
        (1, "sales calls", "1 sales call"),
        (1, "REPORTS", "1 REPORT"),
        (2, "check-in", "2 check-ins"),
        (2, "5-star", "2 5-star"),
        (2, "km/h", "2 km/h"),
        (1, "ms", "1 ms"),
        (1, "pts", "1 pt"),
        (1, "class", "1 class"),
        (1, "status", "1 status"),
        (1, "analysis", "1 analysis"),
        (1, "replies", "1 reply"),
        (1, "ties", "1 tie"),
        (1, "flies", "1 fly"),
        (1, "wishes", "1 wish"),
        (1, "BOXES", "1 BOX"),
        (1, "classes", "1 class"),
        (1, "buzzes", "1 buzz"),
        (2, "reply", "2 replies"),
        (2, "REPLY", "2 REPLies"),
        (2, "day", "2 days"),
        (2, "y", "2 ys"),
        (2, "xy", "2 xies"),
        (2, "match", "2 matches"),
        (2, "wish", "2 wishes"),
        (2, "BOX", "2 BOXes"),
        (2, "bus", "2 buses"),
        (2, "quiz", "2 quizes"),
        (2, "hours per week", "2 hours per week"),
        (2, "hour per week", "2 hours per week"),
        (1, "hours per weeks", "1 hour per weeks"),
        (2, "visit / month", "2 visits / month"),
        (1, "hours  per week", "1 hour  per week"),
    ],
)
def test_the_word_a_unit_counts_agrees_and_the_rest_is_left_as_written(n: float, noun: str, shown: str) -> None:
    assert vocabulary.count(n, noun) == shown


def test_an_irregular_plural_is_used_only_when_not_one() -> None:
    assert vocabulary.agreeing(1, "person", "people") == "person"
    assert vocabulary.agreeing(-1, "person", "people") == "person"
    assert vocabulary.agreeing(0, "person", "people") == "people"


# Labels of a plan's values


def test_a_label_is_the_value_capitalised() -> None:
    assert vocabulary.support_kind(SupportKind.COACHING) == "Coaching"
    assert vocabulary.concern_category(ConcernCategory.DELIVERY) == "Delivery"
    assert vocabulary.objective_category(ObjectiveCategory.BEHAVIORAL) == "Behavioral"


def test_an_adjustment_or_appeal_not_decided_reads_as_not_decided_yet() -> None:
    assert vocabulary.adjustment_decision(None) == "Not decided yet"
    assert vocabulary.appeal_result(None) == "Not decided yet"
    assert vocabulary.adjustment_decision(AdjustmentDecision.REFUSED) == "Refused"
    assert vocabulary.appeal_result(AppealResult.PARTLY_UPHELD) == "Partly upheld"


def test_only_the_midpoint_and_final_review_ask_questions() -> None:
    assert vocabulary.checkin_questions(CheckinKind.CHECKIN) == {}
    assert vocabulary.checkin_questions(CheckinKind.FORMAL_REVIEW) == {}
    final = vocabulary.checkin_questions(CheckinKind.FINAL)
    assert final["notes"] == "Was each objective met by its due date? What does the evidence show?"


# The plan's history


def test_a_field_of_the_plan_reads_as_its_label() -> None:
    plan = load_sample("alex-delivery-active")
    assert vocabulary.revision_field(plan, "end_date") == "End date"
    assert vocabulary.revision_field(plan, "attachments") == "Evidence files"


def test_a_checkin_field_reads_as_the_checkin_of_its_day() -> None:
    plan = load_sample("alex-delivery-active")
    assert vocabulary.revision_field(plan, "checkins.2026-11-02") == "Check-in of 2 Nov 2026"
    assert vocabulary.revision_field(plan, "checkins.first") == "Check-in first"
    assert vocabulary.revision_field(plan, "checkins") == "Checkins"


def test_an_objective_or_concern_is_numbered_as_printed_and_quoted() -> None:
    plan = load_sample("alex-delivery-active")
    assert (
        vocabulary.revision_field(plan, "objectives.status-reports.due_date")
        == "Objective 2 “Send a written status report every Frid…”: due date"
    )
    assert (
        vocabulary.revision_field(plan, "concerns.communication.description")
        == "Concern 2 “Stakeholders not told of slips”: description"
    )
    assert (
        vocabulary.revision_field(plan, "concerns.late-delivery.area") == "Concern 1 “Milestones delivered late”: area"
    )


def test_an_item_no_longer_in_the_plan_is_quoted_by_its_key() -> None:
    plan = load_sample("alex-delivery-active")
    assert vocabulary.revision_field(plan, "objectives.gone.title") == "Objective “gone”: title"
    assert vocabulary.revision_field(plan, "concerns.gone.area") == "Concern “gone”: area"


def test_a_support_action_is_quoted_and_a_meeting_named_by_its_title() -> None:
    plan = load_sample("alex-delivery-active")
    assert vocabulary.revision_field(plan, "support.Weekly  coaching.done") == "Support “Weekly coaching”: done"
    assert vocabulary.revision_field(plan, "milestones.Mid-plan evaluation.date") == "Mid-plan evaluation: date"
    assert vocabulary.revision_field(plan, "milestones. Review  1.5 .date") == "Review 1.5: date"


def test_any_other_field_reads_as_its_path_in_words() -> None:
    plan = load_sample("alex-delivery-active")
    assert vocabulary.revision_field(plan, "hr_review.sent_on") == "Hr review › sent on"
    assert vocabulary.revision_field(plan, "objectives.on-time") == "Objectives › on-time"
    assert vocabulary.revision_field(plan, "appraisal.Overall") == "Appraisal › overall"


def test_a_name_in_the_history_is_quoted_whole_up_to_40_characters_and_cut_after() -> None:
    plan = load_sample("alex-delivery-active")
    forty = "a" * 38 + " b"
    assert vocabulary.revision_field(plan, f"support.{forty}.done") == f"Support “{forty}”: done"
    # 41 characters: the first 39, less a space they end with, and "…".
    cut_at_space = "a" * 38 + " bc"
    assert vocabulary.revision_field(plan, f"support.{cut_at_space}.done") == f"Support “{'a' * 38}…”: done"
    words = "abcdefghij" * 5
    assert vocabulary.revision_field(plan, f"support.{words}.done") == f"Support “{words[:39]}…”: done"


@pytest.mark.parametrize(
    ("value", "read"),
    [
        (None, ""),
        ("", ""),
        ("2026-11-02", "2 Nov 2026"),
        ("2026-11-2", "2026-11-2"),
        ("2026-13-02", "2026-13-02"),
        ("2026-11-02T09:00", "2026-11-02T09:00"),
        ("extended", "Extended"),
        ("Extended", "Extended"),
        ("every week", "every week"),
    ],
)
def test_a_revision_value_reads_dates_as_printed_and_statuses_by_their_label(value: str | None, read: str) -> None:
    assert vocabulary.revision_value(value) == read
    assert vocabulary.revision_value(Status.CLOSED.value) == "Closed"


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("one two three", 13, "one two three"),
        ("  one\ttwo  three ", 13, "one two three"),
        ("one two three", 12, "one two…"),
        ("one two, three four", 14, "one two…"),
        ("abcdefghijklmnop", 10, "abcdefghi…"),
        ("ab cdefghijklmnop", 10, "ab cdefgh…"),
        ("abcd efghijklmnop", 10, "abcd efgh…"),
        ("abcde fghijklmnop", 10, "abcde…"),
        ("abc defghijklmnop", 10, "abc defgh…"),
        ("abc defg hijk", 10, "abc defg…"),
        ("one TWOX three", 12, "one TWOX…"),
    ],
)
def test_shortened_cuts_at_a_word_in_the_second_half_and_adds_an_ellipsis(text: str, limit: int, shown: str) -> None:
    assert vocabulary.shortened(text, limit) == shown
    assert len(shown) <= limit


def test_revisions_made_at_one_moment_for_one_reason_are_one_change() -> None:
    nine = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    ten = nine + dt.timedelta(hours=1)
    first = Revision(at=nine, field="end_date", reason="Extended")
    second = Revision(at=nine, field="objectives.on-time.due_date", reason="Extended")
    other_reason = Revision(at=nine, field="title", reason="Typo")
    later = Revision(at=ten, field="title", reason="Typo")
    again = Revision(at=ten, field="summary", reason="Typo")
    groups = vocabulary.revision_groups([first, second, other_reason, later, again])
    assert groups == [[first, second], [other_reason], [later, again]]
    assert vocabulary.revision_groups([]) == []


# What a chart says to a screen reader


def test_a_chart_description_names_each_figure_and_the_status() -> None:
    assert (
        vocabulary.progress_description("Reopened tickets", "6% on 17 Nov 2026", "target at most 5%", None, "On track")
        == "Reopened tickets: 6% on 17 Nov 2026, target at most 5%. On track."
    )
    assert (
        vocabulary.progress_description("Reopened tickets", None, "target at most 5%", "projected 3.4%", "At risk")
        == "Reopened tickets: no value measured yet, target at most 5%, projected 3.4%. At risk."
    )
