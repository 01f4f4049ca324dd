"""Which meeting comes next, and what a guide prepares for it: the pure choices behind the meeting guides."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import Milestone, MilestoneKind, Plan, SupportAction
from pipdesk.domain.meetings import (
    Guide,
    guide_for,
    is_late,
    last_checkin_before,
    meeting_after,
    next_meeting,
    support_due,
    trend,
)
from pipdesk.domain.progress import series

from conftest import load_sample


def alex() -> Plan:
    return load_sample("alex-delivery-active")


def test_next_meeting_on_the_day_itself_counts() -> None:
    meeting = next_meeting(alex(), dt.date(2026, 11, 30))
    assert meeting is not None and meeting.title == "Weekly check-in 9"


def test_next_meeting_after_a_day_without_one() -> None:
    meeting = next_meeting(alex(), dt.date(2026, 11, 24))
    assert meeting is not None and meeting.date == dt.date(2026, 11, 30)


def test_before_the_plan_starts_the_next_meeting_is_the_kickoff_and_gets_the_delivery_guide() -> None:
    meeting = next_meeting(alex(), dt.date(2026, 9, 1))
    assert meeting is not None and meeting.kind is MilestoneKind.KICKOFF
    assert guide_for(meeting) is Guide.DELIVERY


def test_on_a_day_with_a_checkin_and_the_midpoint_the_midpoint_wins() -> None:
    meeting = next_meeting(alex(), dt.date(2026, 11, 9))
    assert meeting is not None and meeting.kind is MilestoneKind.MIDPOINT
    assert guide_for(meeting) is Guide.REVIEW


def test_the_final_review_gets_the_review_guide_and_nothing_follows_it() -> None:
    plan = alex()
    meeting = next_meeting(plan, dt.date(2026, 12, 15))
    assert meeting is not None and meeting.kind is MilestoneKind.FINAL and guide_for(meeting) is Guide.REVIEW
    assert meeting_after(plan, meeting) is None


def test_no_meeting_after_the_last_one() -> None:
    assert next_meeting(alex(), dt.date(2026, 12, 22)) is None


def test_custom_milestones_are_not_meetings() -> None:
    plan = alex().model_copy(
        update={"milestones": [Milestone(title="Course ends", kind=MilestoneKind.CUSTOM, date=dt.date(2027, 1, 5))]}
    )
    assert next_meeting(plan, dt.date(2027, 1, 1)) is None


def test_meeting_after_skips_a_second_meeting_on_the_same_day() -> None:
    plan = alex()
    midpoint = next_meeting(plan, dt.date(2026, 11, 9))
    assert midpoint is not None
    following = meeting_after(plan, midpoint)
    assert following is not None and following.date == dt.date(2026, 11, 16)


def test_last_checkin_before_leaves_out_the_day_itself() -> None:
    last = last_checkin_before(alex(), dt.date(2026, 11, 23))
    assert last is not None and last.date == dt.date(2026, 11, 16)
    assert last_checkin_before(alex(), dt.date(2026, 10, 5)) is None


def test_support_due_lists_undone_actions_due_by_the_day_and_says_which_are_late() -> None:
    late = SupportAction(description="Course booked", due_date=dt.date(2026, 11, 20))
    due = SupportAction(description="Buddy named", due_date=dt.date(2026, 11, 30))
    later = SupportAction(description="Review", due_date=dt.date(2026, 12, 1))
    done = SupportAction(description="Done already", due_date=dt.date(2026, 11, 1), done=True)
    plan = alex().model_copy(update={"support": [due, later, done, late]})
    assert support_due(plan, dt.date(2026, 11, 30)) == [late, due]
    assert is_late(late, dt.date(2026, 11, 30)) and not is_late(due, dt.date(2026, 11, 30))


def test_trend_says_better_or_worse_in_the_objectives_direction() -> None:
    plan = alex()
    on_time, reports, estimates = plan.objectives
    assert trend(on_time, series(plan, on_time.key)).startswith("Worse than the value before")  # 85% then 84%
    assert trend(estimates, series(plan, estimates.key)).startswith("Better than the value before")  # 28% then 26%
    assert trend(reports, series(plan, reports.key)) == "At or past the target"
    assert trend(on_time, []) == "Not measured yet"
    assert trend(on_time, series(plan, on_time.key)[:1]) == "One value so far"


def test_trend_carries_the_line_to_the_due_date() -> None:
    plan = alex()
    estimates = plan.objectives[2]
    assert trend(estimates, series(plan, estimates.key)).endswith("on this trend it reaches the target by the due date")
