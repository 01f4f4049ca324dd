"""Every rule with a threshold or a date boundary, tested at it, one step below and one step above.

A day is the step for dates; for shares of the way from baseline to target, a hundredth. The
thresholds are written here as numbers and dates, not read from the constants, so a changed
constant shows as a failing test too.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_schedule import plan

from pipdesk.domain import Objective, Plan, Result, Status, SupportAction
from pipdesk.domain.limits import date_out_of_range, limit_problems
from pipdesk.domain.outcome import suggest_result
from pipdesk.domain.process import Stage, next_step
from pipdesk.domain.progress import ObjectiveStatus, objective_status, reaches_target
from pipdesk.domain.retention import past_retention_since
from pipdesk.domain.schedule import DueKind, due_items, next_due, overdue_milestones

ONE_DAY = dt.timedelta(days=1)
START = dt.date(2026, 9, 28)  # a Monday
END = dt.date(2026, 12, 21)  # a Monday, twelve weeks on
DUE = dt.date(2026, 12, 21)


def kinds(subject: Plan, today: dt.date) -> list[DueKind]:
    return [item.kind for item in due_items([(1, subject)], today)]


def around(day: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """The day before ``day``, ``day`` itself and the day after."""
    return day - ONE_DAY, day, day + ONE_DAY


# Progress: a met target, half of the way, the due date


def higher() -> Objective:
    return Objective(key="o", title="Up", baseline=50, target=90, due_date=DUE)


def lower() -> Objective:
    return Objective(key="o", title="Down", baseline=40, target=10, due_date=DUE)


@pytest.mark.parametrize(
    ("objective", "at", "below", "beyond"), [(higher(), 90, 89.99, 90.01), (lower(), 10, 10.01, 9.99)]
)
def test_the_target_is_reached_at_it_and_beyond_it_not_just_short_of_it(
    objective: Objective, at: float, below: float, beyond: float
) -> None:
    assert (reaches_target(objective, below), reaches_target(objective, at), reaches_target(objective, beyond)) == (
        False,
        True,
        True,
    )


# After the due date only the last value counts: at least halfway is "at risk", less is "off track".
@pytest.mark.parametrize(
    ("objective", "halfway", "short", "past"), [(higher(), 70, 69.6, 70.4), (lower(), 25, 25.3, 24.7)]
)
def test_after_the_due_date_exactly_halfway_is_at_risk_and_just_short_of_it_off_track(
    objective: Objective, halfway: float, short: float, past: float
) -> None:
    after_due = DUE + ONE_DAY
    statuses = [objective_status(objective, [(DUE - ONE_DAY, v)], after_due) for v in (short, halfway, past)]
    assert statuses == [ObjectiveStatus.OFF_TRACK, ObjectiveStatus.AT_RISK, ObjectiveStatus.AT_RISK]


def test_before_the_due_date_a_line_landing_exactly_halfway_is_at_risk_and_just_short_of_it_off_track() -> None:
    # Two values a week apart, level: the line lands on the due date where the last value is.
    today = dt.date(2026, 11, 23)
    statuses = [
        objective_status(higher(), [(dt.date(2026, 11, 9), value), (dt.date(2026, 11, 16), value)], today)
        for value in (69.6, 70.0, 70.4)
    ]
    assert statuses == [ObjectiveStatus.OFF_TRACK, ObjectiveStatus.AT_RISK, ObjectiveStatus.AT_RISK]


def test_on_the_due_date_itself_the_trend_still_counts_and_only_the_day_after_the_last_value_alone() -> None:
    # 60, 70, 80 a week apart: the line reaches 90 on the due date; the last value, 80, is only three quarters.
    points = [(DUE - dt.timedelta(weeks=3 - i), value) for i, value in enumerate((60.0, 70.0, 80.0))]
    day_before, due_day, day_after = around(DUE)
    assert [objective_status(higher(), points, day) for day in (day_before, due_day, day_after)] == [
        ObjectiveStatus.ON_TRACK,
        ObjectiveStatus.ON_TRACK,
        ObjectiveStatus.AT_RISK,
    ]


def test_on_the_due_date_a_value_at_the_target_is_met() -> None:
    points = [(DUE - dt.timedelta(weeks=1), 80.0), (DUE, 90.0)]
    assert [objective_status(higher(), points, day) for day in around(DUE)] == [ObjectiveStatus.MET] * 3


# The outcome's suggestion: half of the way is "partially met"


@pytest.mark.parametrize(
    ("value", "result"), [(69.6, Result.NOT_MET), (70.0, Result.PARTIALLY_MET), (70.4, Result.PARTIALLY_MET)]
)
def test_the_suggested_result_is_partially_met_from_exactly_halfway(value: float, result: Result) -> None:
    assert suggest_result(higher(), [(DUE, value)]) is result


@pytest.mark.parametrize(
    ("value", "result"), [(25.3, Result.NOT_MET), (25.0, Result.PARTIALLY_MET), (24.7, Result.PARTIALLY_MET)]
)
def test_the_suggested_result_of_a_lower_is_better_objective_is_partially_met_from_exactly_halfway(
    value: float, result: Result
) -> None:
    assert suggest_result(lower(), [(DUE, value)]) is result


def test_met_is_suggested_when_the_last_two_values_reach_the_target_by_default() -> None:
    one = [(DUE, 90.0), (DUE, 89.99), (DUE, 90.0)]
    two = [(DUE, 89.99), (DUE, 90.0), (DUE, 90.0)]
    assert (suggest_result(higher(), one), suggest_result(higher(), two)) == (Result.PARTIALLY_MET, Result.MET)
    assert suggest_result(higher(), two, sustained=3) is Result.PARTIALLY_MET


# What is due: the final review, the plan's end, milestones, support, the acknowledgement


def test_outcome_missing_from_the_day_after_the_final_review_not_on_the_day_itself() -> None:
    final = dt.date(2026, 11, 20)
    subject = plan(end_date=final, milestones=[{"title": "Final review", "kind": "final", "date": final, "done": True}])
    day_before, final_day, day_after = around(final)
    assert DueKind.OUTCOME_MISSING not in kinds(subject, day_before)
    assert DueKind.OUTCOME_MISSING not in kinds(subject, final_day)
    assert DueKind.OUTCOME_MISSING in kinds(subject, day_after)


def test_outcome_missing_counts_from_the_end_date_of_a_plan_without_a_final_review() -> None:
    subject = plan(end_date=dt.date(2026, 11, 20))
    assert [DueKind.OUTCOME_MISSING in kinds(subject, day) for day in around(dt.date(2026, 11, 20))] == [
        False,
        False,
        True,
    ]


def test_a_plan_ends_soon_from_fourteen_days_before_its_end_to_its_last_day() -> None:
    today = dt.date(2026, 11, 23)
    ending = [DueKind.ENDING_SOON in kinds(plan(end_date=today + dt.timedelta(days=n)), today) for n in (13, 14, 15)]
    assert ending == [True, True, False]
    assert DueKind.ENDING_SOON in kinds(plan(start_date=dt.date(2026, 9, 1), end_date=today), today)
    assert DueKind.ENDING_SOON not in kinds(plan(start_date=dt.date(2026, 9, 1), end_date=today - ONE_DAY), today)


def test_a_milestone_is_overdue_the_day_after_due_today_on_its_day_and_due_this_week_to_sunday() -> None:
    today = dt.date(2026, 11, 25)  # a Wednesday: its week ends on Sunday 29 November
    sunday = dt.date(2026, 11, 29)
    days = [today - ONE_DAY, today, today + ONE_DAY, sunday, sunday + ONE_DAY]
    found = [kinds(plan(milestones=[{"title": "Check-in", "kind": "checkin", "date": day}]), today) for day in days]
    assert found == [
        [DueKind.OVERDUE],
        [DueKind.DUE_TODAY],
        [DueKind.DUE_THIS_WEEK],
        [DueKind.DUE_THIS_WEEK],
        [],
    ]


def test_overdue_milestones_and_the_next_due_split_on_today() -> None:
    today = dt.date(2026, 11, 25)
    subject = plan(milestones=[{"title": str(day), "kind": "checkin", "date": day} for day in around(today)])
    assert [m.date for m in overdue_milestones(subject, today)] == [today - ONE_DAY]
    due = next_due(subject, today)
    assert due is not None and due.date == today


def test_a_support_action_is_overdue_the_day_after_its_date_and_due_until_then_within_the_week() -> None:
    today = dt.date(2026, 11, 25)
    sunday = dt.date(2026, 11, 29)
    days = [today - ONE_DAY, today, sunday, sunday + ONE_DAY]
    found = [kinds(plan(support=[SupportAction(description="Course", due_date=day)]), today) for day in days]
    assert found == [[DueKind.SUPPORT_OVERDUE], [DueKind.SUPPORT_DUE], [DueKind.SUPPORT_DUE], []]


def test_an_undated_support_action_is_due_from_the_plans_midpoint() -> None:
    midpoint = dt.date(2026, 11, 9)  # 28 September + 84 days // 2
    subject = plan(support=[SupportAction(description="Mentor")])
    assert [DueKind.SUPPORT_UNDATED in kinds(subject, day) for day in around(midpoint)] == [False, True, True]


def test_the_acknowledgement_is_missing_from_the_eighth_day_after_the_issue() -> None:
    issued = dt.date(2026, 9, 28)
    subject = plan(issued_on=issued)
    seventh = issued + dt.timedelta(days=7)
    assert [DueKind.ACKNOWLEDGEMENT_MISSING in kinds(subject, day) for day in around(seventh)] == [False, False, True]


def test_the_acknowledgement_step_is_overdue_from_the_eighth_day_after_the_issue() -> None:
    issued = dt.date(2026, 9, 28)
    subject = plan(issued_on=issued)
    steps = [next_step(subject, day) for day in around(issued + dt.timedelta(days=7))]
    assert [step.stage for step in steps] == [Stage.ACKNOWLEDGEMENT] * 3
    assert [step.overdue for step in steps] == [False, False, True]


def test_the_hr_review_is_due_seven_days_after_it_was_sent_or_on_the_start_date_if_sooner() -> None:
    sent = dt.date(2026, 9, 1)
    draft = plan(status="draft", hr_review={"sent_on": sent})
    steps = [next_step(draft, day) for day in around(sent + dt.timedelta(days=7))]
    assert [(step.stage, step.due, step.overdue) for step in steps] == [
        (Stage.HR_REVIEW, dt.date(2026, 9, 8), False),
        (Stage.HR_REVIEW, dt.date(2026, 9, 8), False),
        (Stage.HR_REVIEW, dt.date(2026, 9, 8), True),
    ]
    soon = plan(status="draft", start_date=dt.date(2026, 9, 5), hr_review={"sent_on": sent})
    assert next_step(soon, dt.date(2026, 9, 5)).due == dt.date(2026, 9, 5)


# Retention and the limits of what a plan holds


def test_a_closed_plan_is_past_retention_from_the_day_after_its_last_kept_day() -> None:
    closed = dt.date(2020, 3, 31)
    last_kept = dt.date(2026, 3, 31)  # six years on
    found = [past_retention_since(Status.CLOSED, closed, 6, None, day) for day in around(last_kept)]
    assert found == [None, None, dt.date(2026, 4, 1)]
    assert past_retention_since(Status.ACTIVE, closed, 6, None, dt.date(2030, 1, 1)) is None


def test_retention_from_29_february_ends_on_28_february() -> None:
    found = [
        past_retention_since(Status.CLOSED, dt.date(2024, 2, 29), 1, None, day) for day in around(dt.date(2025, 2, 28))
    ]
    assert found == [None, None, dt.date(2025, 3, 1)]


def test_dates_are_accepted_from_1900_to_2199_and_not_a_day_beyond() -> None:
    first, last = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
    assert [date_out_of_range(day) is None for day in (first, first + ONE_DAY, last - ONE_DAY, last)] == [True] * 4
    assert (
        date_out_of_range(dt.date(1899, 12, 31))
        == "The date 1899-12-31 is outside the years pipdesk accepts, 1900 to 2199"
    )
    assert date_out_of_range(dt.date(2200, 1, 1)) is not None


def test_a_plan_may_run_1096_days_and_not_one_more() -> None:
    start = dt.date(2026, 1, 1)
    runs = [limit_problems(plan(start_date=start, end_date=start + dt.timedelta(days=n))) for n in (1095, 1096, 1097)]
    assert [len(problems) for problems in runs] == [0, 0, 1]
    assert runs[2][0].message == (
        "The plan runs 1,097 days, from 2026-01-01 to 2029-01-02; a plan may run at most 1,096 days (three years)"
    )


@pytest.mark.parametrize(("length", "refused"), [(999, False), (1_000, False), (1_001, True)])
def test_a_short_text_holds_1000_characters(length: int, refused: bool) -> None:
    problems = limit_problems(plan(title="t" * length))
    assert bool(problems) is refused
    if refused:
        assert problems[0].message == "This text is 1,001 characters long; pipdesk keeps at most 1,000 here"


@pytest.mark.parametrize(("count", "refused"), [(49, False), (50, False), (51, True)])
def test_a_plan_holds_50_objectives(count: int, refused: bool) -> None:
    objectives = [{"key": f"o{i}", "title": f"Objective {i}"} for i in range(count)]
    problems = limit_problems(plan(objectives=objectives))
    assert bool(problems) is refused
    if refused:
        assert problems[0].message == "This list holds 51 items; pipdesk reads at most 50 objectives"
