"""Each timeline marker in full (lane, kind, date, index, state, title, rating), the adjustments lane, and pauses."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import Adjustment, Pause, Plan, Rating, SupportAction
from pipdesk.domain.markers import (
    ADJUSTMENT_IN_PLACE,
    ADJUSTMENT_REVIEW,
    Lane,
    Marker,
    MarkerState,
    PausedSpan,
    adjustment_markers,
    paused_spans,
    plan_markers,
)

from conftest import load_sample

D = dt.date
PLANNED, DONE, OVERDUE, HELD, DUE = (
    MarkerState.PLANNED,
    MarkerState.DONE,
    MarkerState.OVERDUE,
    MarkerState.HELD,
    MarkerState.DUE,
)


def lane(plan: Plan, today: dt.date, which: Lane) -> list[tuple[object, ...]]:
    return [(m.kind, m.date, m.index, m.state, m.title, m.rating) for m in plan_markers(plan, today) if m.lane is which]


def alex() -> Plan:
    """Alex's active plan with a late support action added and one objective without a due date."""
    plan = load_sample("alex-delivery-active")
    plan.support.append(SupportAction(description="Pair with a senior", due_date=D(2026, 12, 1)))
    plan.objectives[1].due_date = None
    return plan


def test_milestone_markers_carry_their_kind_position_title_and_done_overdue_or_planned() -> None:
    checkin = "checkin"
    assert lane(alex(), D(2026, 12, 9), Lane.SCHEDULE) == [
        ("kickoff", D(2026, 9, 28), 0, DONE, "Plan issued and discussed", None),
        (checkin, D(2026, 10, 5), 1, DONE, "Weekly check-in 1", None),
        (checkin, D(2026, 10, 12), 2, DONE, "Weekly check-in 2", None),
        (checkin, D(2026, 10, 19), 3, DONE, "Weekly check-in 3", None),
        (checkin, D(2026, 10, 26), 4, DONE, "Weekly check-in 4", None),
        (checkin, D(2026, 11, 2), 5, DONE, "Weekly check-in 5", None),
        (checkin, D(2026, 11, 9), 6, DONE, "Weekly check-in 6", None),
        (checkin, D(2026, 11, 16), 7, DONE, "Weekly check-in 7", None),
        (checkin, D(2026, 11, 23), 8, DONE, "Weekly check-in 8", None),
        (checkin, D(2026, 11, 30), 9, OVERDUE, "Weekly check-in 9", None),
        (checkin, D(2026, 12, 7), 10, OVERDUE, "Weekly check-in 10", None),
        (checkin, D(2026, 12, 14), 11, PLANNED, "Weekly check-in 11", None),
        ("midpoint", D(2026, 11, 9), 12, DONE, "Mid-plan evaluation", None),
        ("final", D(2026, 12, 21), 13, PLANNED, "Final review", None),
    ]


def test_held_check_in_markers_carry_their_kind_position_and_worst_rating() -> None:
    at_risk, on_track = Rating.AT_RISK, Rating.ON_TRACK
    assert lane(alex(), D(2026, 12, 9), Lane.CHECKINS) == [
        ("checkin", D(2026, 10, 5), 0, HELD, "Check-in", at_risk),
        ("checkin", D(2026, 10, 12), 1, HELD, "Check-in", at_risk),
        ("checkin", D(2026, 10, 19), 2, HELD, "Check-in", on_track),
        ("checkin", D(2026, 10, 26), 3, HELD, "Check-in", on_track),  # a "met" beside "on track": on track
        ("checkin", D(2026, 11, 2), 4, HELD, "Check-in", on_track),
        ("midpoint", D(2026, 11, 9), 5, HELD, "Mid-plan evaluation", on_track),
        ("checkin", D(2026, 11, 16), 6, HELD, "Check-in", on_track),
        ("checkin", D(2026, 11, 23), 7, HELD, "Check-in", on_track),
    ]


def test_objective_markers_are_due_dates_only_of_objectives_that_have_one_at_their_position() -> None:
    assert lane(alex(), D(2026, 12, 9), Lane.OBJECTIVES) == [
        ("objective", D(2026, 12, 21), 0, DUE, "Deliver milestones on the agreed date", None),
        ("objective", D(2026, 12, 21), 2, DUE, "Estimate within 20% of actual effort", None),
    ]


def test_support_markers_are_due_dates_only_given_or_overdue_at_their_position_and_described() -> None:
    assert lane(alex(), D(2026, 12, 9), Lane.SUPPORT) == [
        ("support", D(2026, 10, 16), 0, DONE, "Time-management and planning workshop (2 days)", None),
        ("support", D(2026, 10, 2), 1, DONE, "Trello team board with a dependencies column", None),
        ("support", D(2026, 12, 1), 4, OVERDUE, "Pair with a senior", None),
    ]


def test_adjustments_show_in_place_as_done_and_review_as_due_keyed_twice_their_position() -> None:
    plan = alex()
    plan.adjustments = [
        Adjustment(requested="Later  check-ins\n(appointments)", in_place_on=D(2026, 10, 5), review_on=D(2026, 11, 9)),
        Adjustment(requested="Written agenda"),  # not decided yet: nothing on the timeline
        Adjustment(requested="Quiet room", in_place_on=D(2026, 10, 12)),
        Adjustment(requested="Headset", review_on=D(2026, 12, 7)),
        Adjustment(requested="Screen reader", in_place_on=D(2026, 11, 2), review_on=D(2026, 12, 14)),
    ]
    adjustments, title = Lane.ADJUSTMENTS, "Later check-ins (appointments)"
    expected = [
        Marker(adjustments, ADJUSTMENT_IN_PLACE, D(2026, 10, 5), 0, DONE, title),
        Marker(adjustments, ADJUSTMENT_REVIEW, D(2026, 11, 9), 1, DUE, title),
        Marker(adjustments, ADJUSTMENT_IN_PLACE, D(2026, 10, 12), 4, DONE, "Quiet room"),
        Marker(adjustments, ADJUSTMENT_REVIEW, D(2026, 12, 7), 7, DUE, "Headset"),
        Marker(adjustments, ADJUSTMENT_IN_PLACE, D(2026, 11, 2), 8, DONE, "Screen reader"),
        Marker(adjustments, ADJUSTMENT_REVIEW, D(2026, 12, 14), 9, DUE, "Screen reader"),
    ]
    assert (ADJUSTMENT_IN_PLACE, ADJUSTMENT_REVIEW) == ("adjustment_in_place", "adjustment_review")
    assert adjustment_markers(plan) == expected
    assert [m for m in plan_markers(plan, D(2026, 12, 9)) if m.lane is Lane.ADJUSTMENTS] == expected
    assert len({m.key for m in plan_markers(plan, D(2026, 12, 9))}) == len(plan_markers(plan, D(2026, 12, 9)))


def test_a_pause_spans_to_its_resumption_or_while_it_lasts_to_today_but_never_before_its_first_day() -> None:
    plan = alex()
    plan.pauses = [
        Pause(paused_on=D(2026, 10, 19), resumed_on=D(2026, 10, 26), reason="Sick leave"),
        Pause(paused_on=D(2026, 11, 24), reason="Bereavement  leave"),
    ]
    assert paused_spans(plan, D(2026, 12, 1)) == [
        PausedSpan(D(2026, 10, 19), D(2026, 10, 26), "Sick leave", running=False),
        PausedSpan(D(2026, 11, 24), D(2026, 12, 1), "Bereavement  leave", running=True),
    ]
    assert paused_spans(plan, D(2026, 11, 20)) == [  # today before the pause's first day (a clock set back)
        PausedSpan(D(2026, 10, 19), D(2026, 10, 26), "Sick leave", running=False),
        PausedSpan(D(2026, 11, 24), D(2026, 11, 24), "Bereavement  leave", running=True),
    ]
    resumed, running = paused_spans(plan, D(2026, 12, 1))
    assert resumed.description == "Paused from 19 Oct 2026 to 26 Oct 2026 (7 days): Sick leave."
    assert running.description == "Paused since 24 Nov 2026, not yet resumed (7 days so far): Bereavement leave."
    assert paused_spans(plan, D(2026, 11, 24))[1].description.endswith("(from today): Bereavement leave.")
