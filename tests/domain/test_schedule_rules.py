"""The schedule's weekend rule, an extension's check-ins, a fortnightly or unknown cadence, and This week
for milestones out of date order: each pinned on the exact days a manager sees."""

from __future__ import annotations

import datetime as dt

from test_schedule import plan

from pipdesk.domain import Checkin, CheckinKind, Milestone, MilestoneKind
from pipdesk.domain.schedule import (
    DueItem,
    DueKind,
    by_urgency,
    due_items,
    extend_schedule,
    generate_schedule,
    mark_done_for_checkin,
    move_milestone,
    unmark_for_deleted_checkin,
)

K = MilestoneKind
MONDAY = dt.date(2026, 11, 2)


def day(n: int) -> dt.date:
    """The day ``n`` days after Monday 2 November 2026 (0 a Monday, 5 a Saturday, 6 a Sunday)."""
    return MONDAY + dt.timedelta(days=n)


def kinds_and_days(milestones: list[Milestone]) -> list[tuple[MilestoneKind, dt.date]]:
    return [(m.kind, m.date) for m in milestones]


# The weekend rule


def test_a_sunday_checkin_whose_monday_is_the_final_review_moves_to_the_friday_before() -> None:
    # Every 3 days from Monday: Thursday is the mid-plan evaluation, Sunday's check-in cannot go to Monday.
    assert kinds_and_days(generate_schedule(day(0), day(7), 3)) == [
        (K.KICKOFF, day(0)),
        (K.MIDPOINT, day(3)),
        (K.CHECKIN, day(4)),
        (K.FINAL, day(7)),
    ]


def test_a_saturday_checkin_whose_friday_is_the_midpoint_moves_to_the_monday_after() -> None:
    assert kinds_and_days(generate_schedule(day(0), day(8), 5)) == [
        (K.KICKOFF, day(0)),
        (K.MIDPOINT, day(4)),
        (K.CHECKIN, day(7)),
        (K.FINAL, day(8)),
    ]


def test_a_plan_starting_on_a_saturday_moves_no_checkin_from_its_kick_off_to_the_monday_after() -> None:
    # Every 3 days from Saturday 7 November: Tuesday is the mid-plan evaluation, Friday the final review.
    assert kinds_and_days(generate_schedule(day(5), day(11), 3)) == [
        (K.KICKOFF, day(5)),
        (K.MIDPOINT, day(8)),
        (K.FINAL, day(11)),
    ]


def test_an_extension_moves_a_saturday_checkin_on_the_old_end_day_to_the_monday_after() -> None:
    # Ends on Saturday 14 November; its Friday is before the extension, so Monday 16 takes the check-in.
    schedule = generate_schedule(day(0), day(12), 3)
    extended = extend_schedule(schedule, day(12), day(15), 3)
    assert kinds_and_days(extended) == [
        (K.KICKOFF, day(0)),
        (K.CHECKIN, day(3)),
        (K.CHECKIN, day(4)),
        (K.MIDPOINT, day(7)),
        (K.CHECKIN, day(9)),
        (K.CHECKIN, day(14)),
        (K.FINAL, day(15)),
    ]
    assert [m.title for m in extended if m.kind is K.CHECKIN] == [f"Check-in {n}" for n in range(1, 5)]


def test_an_extension_adds_no_checkin_on_a_held_final_review_but_one_beside_a_custom_milestone() -> None:
    milestones = [
        Milestone(title="Plan issued and discussed", kind=K.KICKOFF, date=day(0), done=True),
        Milestone(title="Weekly check-in 1", kind=K.CHECKIN, date=day(18), done=True),
        Milestone(title="Final review", kind=K.FINAL, date=day(25), done=True),
        Milestone(title="Training day", kind=K.CUSTOM, date=day(32)),
    ]
    extended = extend_schedule(milestones, day(25), day(39), 7)
    assert kinds_and_days(extended) == [
        (K.KICKOFF, day(0)),
        (K.CHECKIN, day(18)),
        (K.FINAL, day(25)),
        (K.CUSTOM, day(32)),
        (K.CHECKIN, day(32)),
        (K.FINAL, day(39)),
    ]
    assert [m.title for m in extended if m.kind is K.CHECKIN] == ["Weekly check-in 1", "Weekly check-in 2"]
    assert extended[-1].title == "Final review (extended)"


# A cadence other than weekly


def fortnightly_checkins() -> list[Milestone]:
    return [Milestone(title=f"Check-in {n}", kind=K.CHECKIN, date=day(14 * n)) for n in (1, 2)]


def test_a_fortnightly_checkin_logged_six_days_late_marks_its_meeting_held() -> None:
    marked = mark_done_for_checkin(fortnightly_checkins(), day(20), CheckinKind.CHECKIN, 14)
    assert [m.done for m in marked] == [True, False]
    marked = mark_done_for_checkin(fortnightly_checkins(), day(22), CheckinKind.CHECKIN, 14)
    assert [m.done for m in marked] == [False, True]


def test_deleting_a_fortnightly_checkin_six_days_from_its_meeting_unmarks_it() -> None:
    held = [m.model_copy(update={"done": True}) for m in fortnightly_checkins()]
    after = unmark_for_deleted_checkin(held, Checkin(date=day(20)), [], 14)
    assert [m.done for m in after] == [False, True]


def test_with_no_cadence_a_deleted_checkin_unmarks_a_meeting_at_most_three_days_away() -> None:
    held = [m.model_copy(update={"done": True}) for m in fortnightly_checkins()]
    assert [m.done for m in unmark_for_deleted_checkin(held, Checkin(date=day(17)), [], None)] == [False, True]
    assert [m.done for m in unmark_for_deleted_checkin(held, Checkin(date=day(18)), [], None)] == [True, True]


# This week


def test_this_week_lists_a_milestone_after_one_moved_later_out_of_date_order() -> None:
    today = day(21)  # Monday 23 November
    schedule = [
        Milestone(title="Kick-off", kind=K.KICKOFF, date=day(0), done=True),
        Milestone(title="Weekly check-in 1", kind=K.CHECKIN, date=day(7)),
        Milestone(title="Weekly check-in 2", kind=K.CHECKIN, date=day(14)),
        Milestone(title="Final review", kind=K.FINAL, date=day(49)),
    ]
    moved = move_milestone(schedule, 1, day(35), day(0), day(49))
    items = due_items([(1, plan(start_date=day(0), end_date=day(49), milestones=moved))], today)
    assert items == [DueItem(1, DueKind.OVERDUE, day(14), "Alex Moreno", "Weekly check-in 2", 2)]


def test_items_of_one_day_plan_and_kind_are_in_the_order_of_the_plan() -> None:
    first = DueItem(1, DueKind.OVERDUE, day(7), "Alex Moreno", "Weekly check-in 1", 1)
    second = DueItem(1, DueKind.OVERDUE, day(7), "Alex Moreno", "Review with HR", 2)
    other_plan = DueItem(2, DueKind.OVERDUE, day(7), "Beth Ikeda", "Weekly check-in 1", 0)
    assert by_urgency([other_plan, second, first]) == [first, second, other_plan]
