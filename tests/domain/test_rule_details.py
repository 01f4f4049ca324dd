"""Details of the progress and schedule rules that mutation testing found no test for (docs/testing.md).

Each test pins a value a manager sees: a check-in's overall rating, the plan's counts, where the
chart's projected line runs, how near a check-in must be to count as a milestone held, and the
exact item the "what is due" list shows for a paused plan or a missing acknowledgement.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_schedule import plan

from pipdesk.domain import Checkin, Milestone, MilestoneKind, Objective, Pause, PipdeskError, Progress, Rating
from pipdesk.domain.model import CheckinKind
from pipdesk.domain.progress import overall_rating, plan_summary, projection, reaches_target, share_of_the_way
from pipdesk.domain.schedule import (
    DueItem,
    DueKind,
    due_items,
    mark_held,
    milestone_fulfilled_by,
    move_milestone,
    unmark_for_deleted_checkin,
)

DUE = dt.date(2026, 12, 21)
MONDAY = dt.date(2026, 11, 2)


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


# Progress


def test_without_a_target_or_a_direction_nothing_reaches_the_target() -> None:
    assert reaches_target(Objective(key="o", title="No target", baseline=5), 1e9) is False
    assert reaches_target(Objective(key="o", title="Level", baseline=5, target=5), 5) is False


def test_the_share_of_the_way_needs_both_a_baseline_and_a_target() -> None:
    assert share_of_the_way(Objective(key="o", title="t", target=90), 70) is None
    assert share_of_the_way(Objective(key="o", title="t", baseline=50), 70) is None
    assert share_of_the_way(Objective(key="o", title="t", baseline=50, target=90), 70) == 0.5


def test_a_projection_needs_at_least_two_recent_values() -> None:
    objective = Objective(key="o", title="Up", baseline=50, target=90, due_date=DUE)
    points = [(d(11, 2), 55.0), (d(11, 9), 60.0), (d(11, 16), 65.0)]
    assert projection(objective, points, recent=1) is None
    line = projection(objective, points, recent=2)
    assert line is not None and line.slope_per_day == pytest.approx(5 / 7)


def test_the_projected_line_runs_through_the_values_before_it_meets_the_ceiling() -> None:
    # A percentage rising 10 points a week: the line would pass 100 % before the due date.
    objective = Objective(key="o", title="Up", baseline=40, target=95, unit="%", due_date=DUE)
    points = [(d(11, 2), 50.0), (d(11, 9), 60.0)]
    line = projection(objective, points)
    assert line is not None and line.value_at_due == 100.0
    assert line.value_on(d(11, 9)) == pytest.approx(60.0)
    assert line.value_on(d(11, 16)) == pytest.approx(70.0)
    assert line.value_on(DUE) == 100.0
    path = line.path(d(11, 9))
    assert path[0] == (d(11, 9), pytest.approx(60.0)) and path[-1] == (DUE, 100.0)
    assert len(path) == 3 and path[1][1] == pytest.approx(100.0), "straight to the ceiling, then along it"


def test_a_check_in_is_rated_by_its_worst_rated_objective_and_unrated_ones_do_not_count() -> None:
    checkin = Checkin(
        date=d(11, 2),
        progress=[
            Progress(objective="a", rating=Rating.ON_TRACK),
            Progress(objective="b", rating=None),
            Progress(objective="c", rating=Rating.AT_RISK),
        ],
    )
    assert overall_rating(checkin) is Rating.AT_RISK
    assert overall_rating(Checkin(date=d(11, 2), progress=[Progress(objective="a")])) is None


def test_the_plan_summary_counts_off_track_objectives_and_check_ins_logged_ahead() -> None:
    objectives = [
        Objective(key="up", title="Up", baseline=50, target=90, due_date=d(11, 1)),
        Objective(key="down", title="Down", baseline=40, target=10, due_date=d(11, 1)),
    ]
    checkins = [
        Checkin(date=d(10, 26), progress=[Progress(objective="up", value=52), Progress(objective="down", value=12)]),
        Checkin(date=d(12, 1)),
        Checkin(date=d(12, 8)),
    ]
    summary = plan_summary(plan(objectives=objectives, checkins=checkins), d(11, 23))
    assert (summary.off_track, summary.at_risk, summary.checkins_ahead) == (1, 1, 2)


# Which milestone a check-in holds


def weekly_checkins(*days: dt.date) -> list[Milestone]:
    return [Milestone(title=f"Check-in {i}", kind=MilestoneKind.CHECKIN, date=day) for i, day in enumerate(days)]


def held_by(milestones: list[Milestone], days_after: int, every_days: int) -> int | None:
    day = MONDAY + dt.timedelta(days=days_after)
    return milestone_fulfilled_by(milestones, day, CheckinKind.CHECKIN, every_days)


def test_a_check_in_holds_a_milestone_up_to_half_a_cadence_away_and_not_a_day_more() -> None:
    milestones = weekly_checkins(MONDAY)
    assert [held_by(milestones, n, 7) for n in (-4, -3, 3, 4)] == [None, 0, 0, None]
    assert [held_by(milestones, n, 14) for n in (7, 8)] == [0, None]


def test_deleting_a_check_in_unmarks_the_milestone_it_held_up_to_half_a_cadence_away() -> None:
    for days, unmarked in ((3, True), (4, False)):
        milestones = [m.model_copy(update={"done": True}) for m in weekly_checkins(MONDAY)]
        deleted = Checkin(date=MONDAY + dt.timedelta(days=days))
        after = unmark_for_deleted_checkin(milestones, deleted, [], 7)
        assert after[0].done is not unmarked, days


def test_a_milestone_still_held_by_another_check_in_as_near_stays_held() -> None:
    milestones = [m.model_copy(update={"done": True}) for m in weekly_checkins(MONDAY)]
    deleted = Checkin(date=MONDAY)

    def still_done(*remaining: Checkin) -> bool:
        return unmark_for_deleted_checkin(milestones, deleted, list(remaining), 7)[0].done

    assert still_done(Checkin(date=MONDAY, kind=CheckinKind.MIDPOINT)) is False
    assert still_done(Checkin(date=MONDAY + dt.timedelta(days=3))) is True
    assert still_done(Checkin(date=MONDAY + dt.timedelta(days=4))) is False


@pytest.mark.parametrize("change", ["move", "mark"])
def test_the_first_and_last_milestones_can_be_changed_and_one_past_the_end_is_named(change: str) -> None:
    milestones = weekly_checkins(MONDAY, MONDAY + dt.timedelta(days=7))

    def apply(index: int) -> list[Milestone]:
        if change == "move":
            return move_milestone(milestones, index, MONDAY + dt.timedelta(days=1), d(9, 28), DUE)
        return mark_held(milestones, index, True)

    assert apply(0)[0] != milestones[0] and apply(1)[1] != milestones[1]
    with pytest.raises(PipdeskError) as refused:
        apply(2)
    assert str(refused.value) == "There is no milestone number 3; the plan has 2"


# What is due, item by item


def test_a_paused_plan_shows_one_item_dated_its_pause_with_the_reason_on_one_line() -> None:
    paused = plan(pauses=[Pause(paused_on=d(11, 16), reason="Sick leave,\n  two weeks")])
    assert due_items([(7, paused)], d(11, 23)) == [
        DueItem(7, DueKind.PAUSED, d(11, 16), "Alex Moreno", "Sick leave, two weeks")
    ]


def test_a_missing_acknowledgement_is_one_item_saying_what_to_record_and_since_when() -> None:
    issued = plan(issued_on=d(9, 28), end_date=d(12, 28))
    assert due_items([(7, issued)], d(10, 6)) == [
        DueItem(
            7,
            DueKind.ACKNOWLEDGEMENT_MISSING,
            d(10, 5),
            "Alex Moreno",
            "Record the employee's acknowledgement of “Delivery”, issued on 28 Sep 2026",
        )
    ]


def test_a_held_milestone_does_not_hide_the_ones_after_it() -> None:
    milestones = [
        Milestone(title="Held", kind=MilestoneKind.CHECKIN, date=d(11, 16), done=True),
        Milestone(title="Missed", kind=MilestoneKind.CHECKIN, date=d(11, 20)),
    ]
    assert [item.what for item in due_items([(1, plan(milestones=milestones))], d(11, 23))] == ["Missed"]
