"""Objective progress: measured series, projection, status and the plan summary."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import Checkin, CheckinKind, Milestone, MilestoneKind, Objective, Plan, Progress, Rating
from pipdesk.domain.progress import (
    ObjectiveStatus,
    PlanProgress,
    objective_status,
    plan_summary,
    projection,
    reaches_target,
    series,
    share_of_the_way,
    value_bounds,
    values_range,
)

from conftest import SAMPLE_NAMES, TODAY, load_sample

DUE = dt.date(2026, 12, 21)
FIRST_CHECKIN = dt.date(2026, 10, 5)


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def higher(baseline: float = 50, target: float = 90, due: dt.date | None = DUE) -> Objective:
    return Objective(key="o", title="Up", baseline=baseline, target=target, due_date=due)


def lower(baseline: float = 40, target: float = 10, due: dt.date | None = DUE) -> Objective:
    return Objective(key="o", title="Down", baseline=baseline, target=target, due_date=due)


def weekly(*values: float, start: dt.date = FIRST_CHECKIN) -> list[tuple[dt.date, float]]:
    return [(start + dt.timedelta(weeks=i), float(v)) for i, v in enumerate(values)]


def plan_with(checkins: list[Checkin], **fields: object) -> Plan:
    values: dict[str, object] = {
        "title": "P",
        "status": "active",
        "employee": {"name": "E"},
        "manager": {"name": "M"},
        "start_date": d(9, 28),
        "end_date": DUE,
        "objectives": [higher()],
        "checkins": checkins,
    }
    values.update(fields)
    return Plan.model_validate(values)


# series


def test_series_lists_values_in_date_order_whatever_the_logging_order() -> None:
    plan = plan_with(
        [
            Checkin(date=d(10, 19), progress=[Progress(objective="o", value=70)]),
            Checkin(date=d(10, 5), progress=[Progress(objective="o", value=60)]),
        ]
    )
    assert series(plan, "o") == [(d(10, 5), 60.0), (d(10, 19), 70.0)]


def test_series_skips_progress_without_a_value_and_other_objectives() -> None:
    plan = plan_with(
        [
            Checkin(date=d(10, 5), progress=[Progress(objective="o", value=None, rating=Rating.AT_RISK)]),
            Checkin(date=d(10, 12), progress=[Progress(objective="other", value=5)]),
            Checkin(date=d(10, 19), progress=[Progress(objective="o", value=64)]),
        ],
        objectives=[higher(), Objective(key="other", title="Other")],
    )
    assert series(plan, "o") == [(d(10, 19), 64.0)]


def test_series_of_an_unmeasured_objective_is_empty() -> None:
    assert series(plan_with([]), "o") == []


def test_series_of_the_active_sample() -> None:
    plan = load_sample("alex-delivery-active")
    assert [v for _, v in series(plan, "on-time")] == [60, 68, 72, 70, 78, 82, 85, 84]


# reaching the target


@pytest.mark.parametrize(("value", "expected"), [(89.9, False), (90, True), (97, True)])
def test_higher_is_better_reaches_the_target_at_or_above_it(value: float, expected: bool) -> None:
    assert reaches_target(higher(), value) is expected


@pytest.mark.parametrize(("value", "expected"), [(10.1, False), (10, True), (0, True)])
def test_lower_is_better_reaches_the_target_at_or_below_it(value: float, expected: bool) -> None:
    assert reaches_target(lower(), value) is expected


def test_share_of_the_way_follows_the_direction() -> None:
    assert share_of_the_way(higher(), 70) == pytest.approx(0.5)
    assert share_of_the_way(lower(), 25) == pytest.approx(0.5)
    assert share_of_the_way(lower(), 50) == pytest.approx(-1 / 3)
    assert share_of_the_way(Objective(key="o", title="No numbers"), 5) is None


# projection


def test_no_projection_from_fewer_than_two_points() -> None:
    assert projection(higher(), []) is None
    assert projection(higher(), weekly(60)) is None


def test_no_projection_without_a_due_date_or_from_points_on_one_day() -> None:
    assert projection(higher(due=None), weekly(60, 70)) is None
    assert projection(higher(), [(d(10, 5), 60.0), (d(10, 5), 70.0)]) is None


def test_projection_of_a_straight_line_lands_on_it_at_the_due_date() -> None:
    line = projection(higher(due=d(10, 26)), weekly(60, 65, 70))
    assert line is not None
    assert line.slope_per_day == pytest.approx(5 / 7)
    assert line.value_at_due == pytest.approx(75)
    assert line.due_date == d(10, 26)
    assert not line.reaches_target


def test_projection_uses_only_the_recent_points() -> None:
    # An early slump is forgotten: the last four values rise 5 a week.
    line = projection(higher(due=d(11, 16)), weekly(80, 20, 60, 65, 70, 75), recent=4)
    assert line is not None
    assert line.slope_per_day == pytest.approx(5 / 7)
    assert line.value_at_due == pytest.approx(80)


def test_projection_of_a_falling_lower_is_better_series_reaches_the_target() -> None:
    line = projection(lower(due=d(11, 9)), weekly(36, 30, 24))
    assert line is not None
    assert line.slope_per_day == pytest.approx(-6 / 7)
    assert line.value_at_due == pytest.approx(6)
    assert line.reaches_target


def test_projection_of_a_flat_trend_has_zero_slope() -> None:
    line = projection(higher(), weekly(70, 70, 70))
    assert line is not None
    assert line.slope_per_day == 0
    assert line.value_at_due == pytest.approx(70)


# status


def test_no_data_without_a_measurement() -> None:
    assert objective_status(higher(), [], TODAY) is ObjectiveStatus.NO_DATA


def test_no_data_for_an_objective_without_baseline_and_target() -> None:
    assert objective_status(Objective(key="o", title="Draft"), weekly(3), TODAY) is ObjectiveStatus.NO_DATA


def test_met_when_the_last_value_reaches_the_target() -> None:
    assert objective_status(higher(), weekly(60, 90), TODAY) is ObjectiveStatus.MET
    assert objective_status(lower(), weekly(30, 10), TODAY) is ObjectiveStatus.MET


def test_values_past_the_target_count_as_met() -> None:
    assert objective_status(higher(), weekly(95), TODAY) is ObjectiveStatus.MET
    assert objective_status(lower(), weekly(20, 4), TODAY) is ObjectiveStatus.MET


def test_met_earlier_but_slipped_back_is_judged_on_the_last_value() -> None:
    assert objective_status(higher(), weekly(92, 80), TODAY) is not ObjectiveStatus.MET


def test_on_track_when_the_trend_reaches_the_target_by_the_due_date() -> None:
    # +5 a week from 70 on 11-09 reaches 90 by 12-07, before the due date.
    points = weekly(60, 65, 70, start=d(10, 26))
    assert objective_status(higher(), points, TODAY) is ObjectiveStatus.ON_TRACK


def test_on_track_lower_is_better() -> None:
    points = weekly(36, 32, 28, start=d(11, 2))
    assert objective_status(lower(), points, TODAY) is ObjectiveStatus.ON_TRACK


def test_at_risk_when_the_trend_gets_at_least_halfway() -> None:
    # +2 a week from 70 on 11-16 gives 80 on 12-21: three quarters of the way, short of 90.
    points = weekly(66, 68, 70, start=d(11, 2))
    assert objective_status(higher(), points, TODAY) is ObjectiveStatus.AT_RISK


def test_off_track_when_the_trend_falls_short_of_halfway() -> None:
    points = weekly(52, 53, 54, start=d(11, 2))
    assert objective_status(higher(), points, TODAY) is ObjectiveStatus.OFF_TRACK


def test_off_track_when_moving_away_from_the_target_lower_is_better() -> None:
    points = weekly(40, 42, 45, start=d(11, 2))
    assert objective_status(lower(), points, TODAY) is ObjectiveStatus.OFF_TRACK


def test_flat_trend_below_halfway_is_off_track_and_above_halfway_at_risk() -> None:
    assert objective_status(higher(), weekly(60, 60, 60), TODAY) is ObjectiveStatus.OFF_TRACK
    assert objective_status(higher(), weekly(80, 80, 80), TODAY) is ObjectiveStatus.AT_RISK


def test_a_single_point_that_improves_on_the_baseline_is_at_risk() -> None:
    assert objective_status(higher(), weekly(55), TODAY) is ObjectiveStatus.AT_RISK
    assert objective_status(lower(), weekly(38), TODAY) is ObjectiveStatus.AT_RISK


def test_a_single_point_at_or_behind_the_baseline_is_off_track() -> None:
    assert objective_status(higher(), weekly(50), TODAY) is ObjectiveStatus.OFF_TRACK
    assert objective_status(lower(), weekly(41), TODAY) is ObjectiveStatus.OFF_TRACK


def test_past_the_due_date_only_the_last_value_counts() -> None:
    due = d(11, 2)
    rising_fast = weekly(60, 70, 80, start=d(10, 19))
    assert objective_status(higher(due=due), rising_fast, TODAY) is ObjectiveStatus.AT_RISK
    assert objective_status(higher(due=due), weekly(52, 55), TODAY) is ObjectiveStatus.OFF_TRACK


def test_status_suggests_the_matching_check_in_rating() -> None:
    assert ObjectiveStatus.ON_TRACK.rating is Rating.ON_TRACK
    assert ObjectiveStatus.MET.rating is Rating.MET
    assert ObjectiveStatus.NO_DATA.rating is None
    assert ObjectiveStatus.OFF_TRACK.label == "Off track"


def test_status_of_the_active_sample_objectives() -> None:
    plan = load_sample("alex-delivery-active")
    statuses = {o.key: objective_status(o, series(plan, o.key), TODAY) for o in plan.objectives}
    assert statuses == {
        "on-time": ObjectiveStatus.ON_TRACK,
        "status-reports": ObjectiveStatus.MET,
        "estimates": ObjectiveStatus.ON_TRACK,
    }


# plan summary


def test_summary_of_the_active_sample() -> None:
    summary = plan_summary(load_sample("alex-delivery-active"), TODAY)
    assert summary == PlanProgress(
        met=1,
        on_track=2,
        at_risk=0,
        off_track=0,
        no_data=0,
        checkins_held=8,
        checkins_scheduled=8,
        support_done=2,
        support_promised=4,
    )
    assert summary.objectives == 3


def test_summary_counts_only_meetings_scheduled_up_to_today() -> None:
    summary = plan_summary(load_sample("alex-delivery-active"), d(10, 20))
    assert (summary.checkins_held, summary.checkins_scheduled) == (3, 3)


def test_summary_counts_a_midpoint_on_a_check_in_day_as_one_meeting() -> None:
    plan = plan_with(
        [Checkin(date=d(10, 5))],
        milestones=[
            Milestone(title="Kick-off", kind=MilestoneKind.KICKOFF, date=d(9, 28)),
            Milestone(title="Check-in 1", kind=MilestoneKind.CHECKIN, date=d(10, 5)),
            Milestone(title="Mid-plan", kind=MilestoneKind.MIDPOINT, date=d(10, 5)),
            Milestone(title="Check-in 2", kind=MilestoneKind.CHECKIN, date=d(10, 12)),
            Milestone(title="Retro", kind=MilestoneKind.CUSTOM, date=d(10, 8)),
        ],
    )
    summary = plan_summary(plan, d(10, 14))
    assert (summary.checkins_held, summary.checkins_scheduled) == (1, 2)


def test_a_kick_off_meeting_logged_is_not_counted_as_a_check_in_held() -> None:
    """The schedule leaves the kick-off out of the meetings it counts; so do the meetings held."""
    plan = plan_with(
        [Checkin(date=d(9, 28), kind=CheckinKind.KICKOFF), Checkin(date=d(10, 5))],
        milestones=[
            Milestone(title="Kick-off", kind=MilestoneKind.KICKOFF, date=d(9, 28)),
            Milestone(title="Check-in 1", kind=MilestoneKind.CHECKIN, date=d(10, 5)),
        ],
    )
    summary = plan_summary(plan, d(10, 14))
    assert (summary.checkins_held, summary.checkins_scheduled) == (1, 1)


def test_summary_of_the_draft_has_no_data() -> None:
    summary = plan_summary(load_sample("dmitry-punctuality-draft"), TODAY)
    assert summary.no_data == 1
    assert (summary.checkins_held, summary.checkins_scheduled) == (0, 0)
    assert (summary.support_done, summary.support_promised) == (0, 0)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_summarises_every_objective(name: str) -> None:
    plan = load_sample(name)
    summary = plan_summary(plan, TODAY)
    assert summary.objectives == len(plan.objectives)
    assert summary.checkins_held <= len(plan.checkins)
    assert summary.support_done <= summary.support_promised


# What a metric can be: a projection and a chart never go past it


def percent(baseline: float = 60, target: float = 95, unit: str = "%") -> Objective:
    return Objective(key="o", title="Share", unit=unit, baseline=baseline, target=target, due_date=DUE)


@pytest.mark.parametrize(
    ("objective", "bounds"),
    [
        (percent(), (0.0, 100.0)),
        (percent(unit=" % "), (0.0, 100.0)),
        (percent(unit="percent"), (0.0, 100.0)),
        (percent(baseline=80, target=120), (0.0, 120.0)),  # a target above 100 % widens the ceiling to it
        (lower(), (0.0, None)),  # a count
        (Objective(key="o", title="Margin", unit="EUR", baseline=-20, target=10, due_date=DUE), (None, None)),
        (Objective(key="o", title="Score", unit="points of 5", baseline=2, target=4), (0.0, None)),
    ],
)
def test_a_metric_is_bounded_by_what_its_unit_can_be(objective: Objective, bounds: tuple[float | None, ...]) -> None:
    assert value_bounds(objective) == bounds


def test_a_rising_percentage_is_projected_no_higher_than_100() -> None:
    """The walkthrough's 'Projected 127 %': 70, 80, 90 a week apart, due weeks later."""
    line = projection(percent(), weekly(70, 80, 90))
    assert line is not None and line.value_at_due == 100.0 and line.reaches_target
    path = line.path(weekly(70, 80, 90)[-1][0])
    assert max(value for _, value in path) == 100.0
    assert path[-1] == (DUE, 100.0) and len(path) == 3, "the line runs up to 100 %, then along it"


def test_a_falling_count_is_projected_no_lower_than_zero() -> None:
    points = weekly(30, 20, 10)
    line = projection(lower(baseline=40, target=5), points)
    assert line is not None and line.value_at_due == 0.0 and line.reaches_target
    assert min(value for _, value in line.path(points[-1][0])) == 0.0


def test_a_metric_that_can_be_negative_is_projected_freely() -> None:
    margin = Objective(key="o", title="Margin", unit="EUR", baseline=-20, target=-5, due_date=DUE)
    line = projection(margin, weekly(-20, -30, -40))
    assert line is not None and line.value_at_due < -40
    assert len(line.path(weekly(-20, -30, -40)[-1][0])) == 2


def test_a_chart_range_stays_inside_the_bounds() -> None:
    low, high = values_range(percent(), [60, 95, 100], below=0.12, above=0.12)
    assert 0.0 <= low < 60 and high == 100.0
    low, high = values_range(lower(), [0, 3, 40], below=0.15, above=0.25)
    assert low == 0.0 and high > 40
    low, high = values_range(percent(baseline=-20, target=10, unit="EUR"), [-20, 10], below=0.1, above=0.1)
    assert low < -20 and high > 10
