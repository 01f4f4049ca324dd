"""What the timeline shows, as plain data: each marker of a plan and its state, without Qt."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import Plan, Revision, Status, SupportAction
from pipdesk.domain.markers import Lane, MarkerState, plan_markers
from pipdesk.domain.progress import overall_rating as worst_rating
from pipdesk.domain.schedule import original_end

from conftest import TODAY, load_sample


def support_states(plan: Plan, today: dt.date) -> list[MarkerState]:
    return [m.state for m in plan_markers(plan, today) if m.lane is Lane.SUPPORT]


def test_a_check_in_without_ratings_is_neutral() -> None:
    plan = load_sample("alex-delivery-active")
    for progress in plan.checkins[0].progress:
        progress.rating = None
    assert worst_rating(plan.checkins[0]) is None
    assert plan_markers(plan, TODAY)[len(plan.milestones)].rating is None


def test_plan_markers_are_plain_data_for_a_status_change() -> None:
    plan: Plan = load_sample("alex-delivery-active")
    plan.status = Status.DRAFT
    assert MarkerState.OVERDUE not in {m.state for m in plan_markers(plan, dt.date(2027, 3, 1))}
    plan.status = Status.ACTIVE
    late = [m.title for m in plan_markers(plan, dt.date(2026, 12, 9)) if m.state is MarkerState.OVERDUE]
    assert late == ["Weekly check-in 9", "Weekly check-in 10"]


def test_a_support_action_is_given_overdue_planned_or_not_given() -> None:
    plan = load_sample("alex-delivery-active")
    day = plan.start_date + dt.timedelta(days=14)
    plan.support = [
        SupportAction(description="Given", due_date=day, done=True),
        SupportAction(description="Late", due_date=day),
        SupportAction(description="Ahead", due_date=plan.end_date),
        SupportAction(description="Whenever"),
    ]
    assert support_states(plan, day + dt.timedelta(days=2)) == [
        MarkerState.DONE,
        MarkerState.OVERDUE,
        MarkerState.PLANNED,
    ]
    plan.status = Status.CLOSED
    assert support_states(plan, plan.end_date + dt.timedelta(days=30)) == [
        MarkerState.DONE,
        MarkerState.NOT_HELD,
        MarkerState.NOT_HELD,
    ]


def test_held_check_ins_are_named_by_their_kind() -> None:
    plan = load_sample("alex-delivery-active")
    held = [m for m in plan_markers(plan, TODAY) if m.lane is Lane.CHECKINS]
    assert {m.title for m in held} == {"Check-in", "Mid-plan evaluation"}
    assert all(m.state is MarkerState.HELD and m.activatable for m in held)


def test_the_original_end_is_the_earliest_end_date_revision() -> None:
    plan = load_sample("alex-delivery-active")
    assert original_end(plan) is None
    at = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    end = plan.end_date
    plan.end_date = end + dt.timedelta(days=28)
    plan.revisions = [
        Revision(at=at + dt.timedelta(days=1), field="end_date", old=str(end + dt.timedelta(days=14)), reason="b"),
        Revision(at=at, field="end_date", old=end.isoformat(), reason="a"),
    ]
    assert original_end(plan) == end
    plan.revisions[1].old = "not a date"  # passed over: the next earliest readable one is the original
    assert original_end(plan) == end + dt.timedelta(days=14)
    plan.revisions = [Revision(at=at, field="end_date", old=plan.end_date.isoformat(), reason="back again")]
    assert original_end(plan) is None
