"""The schedule: generating, extending and moving milestones, and what is due, on a frozen clock."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import (
    Acknowledgement,
    Checkin,
    CheckinKind,
    Milestone,
    MilestoneKind,
    PipdeskError,
    Plan,
    Revision,
    Status,
    SupportAction,
)
from pipdesk.domain.schedule import (
    DueItem,
    DueKind,
    acknowledgement_holds_kickoff,
    checkin_title,
    due_at_end,
    due_items,
    extend_schedule,
    generate_schedule,
    mark_done_for_checkin,
    mark_held,
    mark_kickoff_held,
    milestone_fulfilled_by,
    move_milestone,
    next_due,
    original_end,
    overdue_milestones,
    unmark_for_deleted_checkin,
)

from conftest import SAMPLE_NAMES, TODAY, load_sample

K = MilestoneKind


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def kinds_and_days(milestones: list[Milestone]) -> list[tuple[MilestoneKind, dt.date]]:
    return [(m.kind, m.date) for m in milestones]


def of_kind(milestones: list[Milestone], kind: MilestoneKind) -> list[Milestone]:
    return [m for m in milestones if m.kind is kind]


def milestone(kind: MilestoneKind, day: dt.date, done: bool = False, title: str = "") -> Milestone:
    return Milestone(title=title or kind.value, kind=kind, date=day, done=done)


def plan(**fields: object) -> Plan:
    values: dict[str, object] = {
        "title": "Delivery",
        "status": "active",
        "employee": {"name": "Alex Moreno"},
        "manager": {"name": "Dana"},
        "start_date": d(9, 28),
        "end_date": d(12, 21),
        "checkin_every_days": 7,
    }
    values.update(fields)
    return Plan.model_validate(values)


# generate_schedule


def test_weekly_schedule_over_twelve_weeks() -> None:
    schedule = generate_schedule(d(9, 28), d(12, 21), 7)
    assert schedule[0] == Milestone(title="Plan issued and discussed", kind=K.KICKOFF, date=d(9, 28))
    assert schedule[-1] == Milestone(title="Final review", kind=K.FINAL, date=d(12, 21))
    assert of_kind(schedule, K.MIDPOINT) == [Milestone(title="Mid-plan evaluation", kind=K.MIDPOINT, date=d(11, 9))]
    checkins = of_kind(schedule, K.CHECKIN)
    # Eleven Mondays between kick-off and final review; the one at mid-plan is the evaluation.
    assert [m.date for m in checkins] == [d(9, 28) + dt.timedelta(weeks=w) for w in range(1, 12) if w != 6]
    assert [m.title for m in checkins] == [f"Weekly check-in {n}" for n in range(1, 11)]
    assert not any(m.done for m in schedule)


def test_schedule_is_sorted_by_date() -> None:
    schedule = generate_schedule(d(9, 30), d(12, 21), 10)
    assert [m.date for m in schedule] == sorted(m.date for m in schedule)


def test_check_ins_of_another_cadence_are_titled_check_in() -> None:
    checkins = of_kind(generate_schedule(d(3, 2), d(5, 25), 14), K.CHECKIN)
    assert [m.title for m in checkins] == ["Check-in 1", "Check-in 2", "Check-in 3", "Check-in 4"]
    assert checkin_title(2, 7) == "Weekly check-in 2"


def test_saturday_moves_to_the_friday_before_and_sunday_to_the_monday_after() -> None:
    # From Wednesday 2026-09-30, every 10 days: 10-10 is a Saturday, 11-29 a Sunday.
    days = [m.date for m in of_kind(generate_schedule(d(9, 30), d(12, 21), 10), K.CHECKIN)]
    assert d(10, 9) in days and d(10, 10) not in days
    assert d(11, 30) in days and d(11, 29) not in days
    assert all(day.weekday() < 5 for day in days)


def test_no_weekend_day_for_any_cadence() -> None:
    for every in range(1, 20):
        schedule = generate_schedule(d(9, 28), d(12, 21), every)
        assert all(m.date.weekday() < 5 for m in schedule), every


def test_a_weekend_move_never_leaves_the_period() -> None:
    # Friday start, every day: Saturday cannot move onto the kick-off Friday nor the mid-plan Monday.
    schedule = generate_schedule(d(10, 2), d(10, 9), 1)
    assert kinds_and_days(schedule) == [
        (K.KICKOFF, d(10, 2)),
        (K.MIDPOINT, d(10, 5)),
        (K.CHECKIN, d(10, 6)),
        (K.CHECKIN, d(10, 7)),
        (K.CHECKIN, d(10, 8)),
        (K.FINAL, d(10, 9)),
    ]


def test_a_sunday_before_a_monday_end_stays_out_of_the_final_day() -> None:
    schedule = generate_schedule(d(10, 7), d(10, 19), 4)  # 10-11 Sunday, 10-15 Thursday
    days = [m.date for m in of_kind(schedule, K.CHECKIN)]
    assert days == [d(10, 12), d(10, 15)]
    assert d(10, 19) not in days


def test_weekend_moves_never_land_on_another_check_in() -> None:
    for every in range(1, 6):
        days = [m.date for m in of_kind(generate_schedule(d(9, 28), d(12, 21), every), K.CHECKIN)]
        assert len(days) == len(set(days)), every


def test_daily_check_ins_fall_on_working_days_only() -> None:
    schedule = generate_schedule(d(9, 28), d(10, 9), 1)
    days = [m.date for m in schedule]
    assert days == [d(9, 28) + dt.timedelta(days=i) for i in range(12) if i not in (5, 6)]


def test_no_check_in_on_the_kickoff_midpoint_or_final_day() -> None:
    for every in (1, 2, 3, 7, 14):
        schedule = generate_schedule(d(9, 28), d(12, 21), every)
        special = {m.date for m in schedule if m.kind is not K.CHECKIN}
        assert not special & {m.date for m in of_kind(schedule, K.CHECKIN)}, every


def test_a_cadence_longer_than_the_plan_gives_no_check_in() -> None:
    schedule = generate_schedule(d(9, 28), d(10, 9), 30)
    assert kinds_and_days(schedule) == [(K.KICKOFF, d(9, 28)), (K.MIDPOINT, d(10, 2)), (K.FINAL, d(10, 9))]


def test_a_midpoint_on_a_weekend_moves_off_it() -> None:
    # 09-28 to 10-10 (Saturday): the midpoint 10-04 is a Sunday and moves to Monday 10-05.
    schedule = generate_schedule(d(9, 28), d(10, 10), 30)
    assert of_kind(schedule, K.MIDPOINT)[0].date == d(10, 5)


def test_a_plan_too_short_for_a_midpoint_has_none() -> None:
    assert kinds_and_days(generate_schedule(d(10, 2), d(10, 5), 7)) == [(K.KICKOFF, d(10, 2)), (K.FINAL, d(10, 5))]
    assert kinds_and_days(generate_schedule(d(10, 5), d(10, 6), 1)) == [(K.KICKOFF, d(10, 5)), (K.FINAL, d(10, 6))]


def test_generate_refuses_an_empty_period_or_cadence() -> None:
    with pytest.raises(PipdeskError, match="must be after the start date"):
        generate_schedule(d(10, 5), d(10, 5), 7)
    with pytest.raises(PipdeskError, match="at least one day"):
        generate_schedule(d(10, 5), d(11, 5), 0)


# extend_schedule


def test_extension_keeps_every_milestone_and_moves_the_final_review() -> None:
    alex = load_sample("alex-delivery-active")
    extended = extend_schedule(alex.milestones, d(12, 21), d(1, 18, 2027), 7)
    finals = of_kind(extended, K.FINAL)
    assert finals == [Milestone(title="Final review", kind=K.FINAL, date=d(1, 18, 2027))]
    for old in alex.milestones:
        if old.kind is not K.FINAL:
            assert old in extended
    assert len(extended) == len(alex.milestones) + 4


def test_extension_continues_the_cadence_and_numbering() -> None:
    alex = load_sample("alex-delivery-active")
    extended = extend_schedule(alex.milestones, d(12, 21), d(1, 18, 2027), 7)
    added = [m for m in of_kind(extended, K.CHECKIN) if not m.done and m.date > d(12, 14)]
    assert [(m.title, m.date) for m in added] == [
        ("Weekly check-in 12", d(12, 21)),
        ("Weekly check-in 13", d(12, 28)),
        ("Weekly check-in 14", d(1, 4, 2027)),
        ("Weekly check-in 15", d(1, 11, 2027)),
    ]
    assert [m.date for m in extended] == sorted(m.date for m in extended)


def test_extension_after_a_held_final_review_adds_a_new_one() -> None:
    carl = load_sample("carl-skills-extended")
    before = [m for m in carl.milestones if m.date <= d(8, 31)]
    extended = extend_schedule(before, d(8, 31), d(9, 30), 14)
    assert [(m.title, m.date, m.done) for m in of_kind(extended, K.FINAL)] == [
        ("Original final review", d(8, 31), True),
        ("Final review (extended)", d(9, 30), False),
    ]
    # No check-in milestones before: the cadence runs from the old end date.
    assert [(m.title, m.date) for m in of_kind(extended, K.CHECKIN)] == [
        ("Check-in 1", d(9, 14)),
        ("Check-in 2", d(9, 28)),
    ]


def test_extension_leaves_done_milestones_untouched_and_its_input_alone() -> None:
    schedule = [
        milestone(K.KICKOFF, d(9, 28), done=True),
        milestone(K.CHECKIN, d(10, 5), done=True, title="Weekly check-in 1"),
        milestone(K.FINAL, d(10, 12)),
    ]
    extended = extend_schedule(schedule, d(10, 12), d(10, 26), 7)
    assert schedule[2].date == d(10, 12)
    assert [(m.kind, m.date, m.done) for m in extended] == [
        (K.KICKOFF, d(9, 28), True),
        (K.CHECKIN, d(10, 5), True),
        (K.CHECKIN, d(10, 12), False),
        (K.CHECKIN, d(10, 19), False),
        (K.FINAL, d(10, 26), False),
    ]


def test_extension_moves_added_check_ins_off_weekends() -> None:
    schedule = [milestone(K.CHECKIN, d(10, 9), title="Check-in 1"), milestone(K.FINAL, d(10, 16))]
    extended = extend_schedule(schedule, d(10, 16), d(11, 6), 8)  # 10-17 Sat, 10-25 Sun, 11-02 Mon
    assert [m.date for m in of_kind(extended, K.CHECKIN)] == [d(10, 9), d(10, 16), d(10, 26), d(11, 2)]


def test_extension_must_move_the_end_later() -> None:
    with pytest.raises(PipdeskError, match="must be after the current end date"):
        extend_schedule([], d(12, 21), d(12, 21), 7)


# move_milestone


def test_move_changes_only_that_milestone_and_keeps_the_order() -> None:
    schedule = generate_schedule(d(9, 28), d(12, 21), 7)
    moved = move_milestone(schedule, 1, d(10, 6), d(9, 28), d(12, 21))
    assert moved[1].date == d(10, 6)
    assert moved[1].title == schedule[1].title
    assert moved[:1] + moved[2:] == schedule[:1] + schedule[2:]
    assert schedule[1].date == d(10, 5)


@pytest.mark.parametrize("day", [d(9, 28), d(12, 21)])
def test_move_accepts_the_first_and_last_day_of_the_period(day: dt.date) -> None:
    schedule = generate_schedule(d(9, 28), d(12, 21), 7)
    assert move_milestone(schedule, 3, day, d(9, 28), d(12, 21))[3].date == day


@pytest.mark.parametrize("day", [d(9, 27), d(12, 22)])
def test_move_refuses_a_date_outside_the_period(day: dt.date) -> None:
    schedule = generate_schedule(d(9, 28), d(12, 21), 7)
    with pytest.raises(PipdeskError) as refused:
        move_milestone(schedule, 1, day, d(9, 28), d(12, 21))
    assert str(refused.value) == (
        f"'Weekly check-in 1' cannot move to {day.isoformat()}: milestones must fall inside the plan period "
        "2026-09-28 to 2026-12-21"
    )


def test_move_refuses_a_milestone_that_does_not_exist() -> None:
    with pytest.raises(PipdeskError, match="no milestone number 3"):
        move_milestone([milestone(K.KICKOFF, d(9, 28))], 2, d(9, 29), d(9, 28), d(12, 21))


# the milestone a check-in fulfils

SCHEDULE = [
    milestone(K.KICKOFF, d(9, 28), done=True),
    milestone(K.CHECKIN, d(10, 5), done=True),
    milestone(K.CHECKIN, d(10, 12)),
    milestone(K.CHECKIN, d(10, 19)),
    milestone(K.MIDPOINT, d(10, 19)),
    milestone(K.CHECKIN, d(10, 26)),
    milestone(K.FINAL, d(11, 9)),
]


def test_a_check_in_on_the_day_fulfils_that_day_s_check_in() -> None:
    assert milestone_fulfilled_by(SCHEDULE, d(10, 12), CheckinKind.CHECKIN, 7) == 2


def test_a_formal_review_fulfils_a_check_in() -> None:
    assert milestone_fulfilled_by(SCHEDULE, d(10, 12), CheckinKind.FORMAL_REVIEW, 7) == 2


def test_a_midpoint_check_in_fulfils_the_midpoint_not_the_check_in_that_day() -> None:
    assert milestone_fulfilled_by(SCHEDULE, d(10, 19), CheckinKind.MIDPOINT, 7) == 4
    assert milestone_fulfilled_by(SCHEDULE, d(10, 19), CheckinKind.CHECKIN, 7) == 3


def test_a_final_check_in_fulfils_the_final_review() -> None:
    assert milestone_fulfilled_by(SCHEDULE, d(11, 10), CheckinKind.FINAL, 7) == 6


def test_a_late_or_early_check_in_fulfils_the_nearest_within_half_a_cadence() -> None:
    assert milestone_fulfilled_by(SCHEDULE, d(10, 14), CheckinKind.CHECKIN, 7) == 2
    assert milestone_fulfilled_by(SCHEDULE, d(10, 17), CheckinKind.CHECKIN, 7) == 3
    assert milestone_fulfilled_by(SCHEDULE, d(10, 30), CheckinKind.CHECKIN, 7) is None


def test_done_milestones_are_not_fulfilled_twice() -> None:
    assert milestone_fulfilled_by(SCHEDULE, d(10, 5), CheckinKind.CHECKIN, 7) is None
    assert milestone_fulfilled_by(SCHEDULE, d(10, 6), CheckinKind.CHECKIN, 14) == 2


def test_the_earlier_wins_a_tie() -> None:
    schedule = [milestone(K.CHECKIN, d(10, 5)), milestone(K.CHECKIN, d(10, 9))]
    assert milestone_fulfilled_by(schedule, d(10, 7), CheckinKind.CHECKIN, 14) == 0


def test_a_longer_cadence_reaches_further() -> None:
    assert milestone_fulfilled_by(SCHEDULE, d(10, 30), CheckinKind.CHECKIN, 14) == 5
    assert milestone_fulfilled_by(SCHEDULE, d(10, 30), CheckinKind.CHECKIN, None) is None


def test_mark_done_marks_only_the_fulfilled_milestone() -> None:
    marked = mark_done_for_checkin(SCHEDULE, d(10, 13), CheckinKind.CHECKIN, 7)
    assert [m.done for m in marked] == [True, True, True, False, False, False, False]
    assert not SCHEDULE[2].done


def test_mark_done_with_nothing_to_fulfil_changes_nothing() -> None:
    assert mark_done_for_checkin(SCHEDULE, d(11, 2), CheckinKind.MIDPOINT, 7) == SCHEDULE


def test_deleting_a_check_in_undoes_the_milestone_it_fulfilled() -> None:
    logged = Checkin(date=d(10, 13))
    marked = mark_done_for_checkin(SCHEDULE, logged.date, logged.kind, 7)
    assert unmark_for_deleted_checkin(marked, logged, [], 7) == SCHEDULE  # back as it was


def test_a_milestone_another_check_in_still_fulfils_stays_done() -> None:
    first, second = Checkin(date=d(10, 5)), Checkin(date=d(10, 6))  # two check-ins for one meeting
    assert unmark_for_deleted_checkin(SCHEDULE, second, [first], 7) == SCHEDULE
    # With the first deleted instead of the second, the meeting is still held: the second is kept.
    assert unmark_for_deleted_checkin(SCHEDULE, first, [second], 7) == SCHEDULE
    # With neither left, the meeting of 5 October is not held any more.
    assert [m.done for m in unmark_for_deleted_checkin(SCHEDULE, first, [], 7)][:3] == [True, False, False]


def test_deleting_a_check_in_far_from_any_milestone_changes_nothing() -> None:
    assert unmark_for_deleted_checkin(SCHEDULE, Checkin(date=d(9, 1)), [], 7) == SCHEDULE
    midpoint_review = Checkin(date=d(10, 5), kind=CheckinKind.MIDPOINT)  # fulfils midpoints only
    assert unmark_for_deleted_checkin(SCHEDULE, midpoint_review, [], 7) == SCHEDULE


# overdue and next due


def test_overdue_milestones_are_undone_and_dated_before_today() -> None:
    subject = plan(milestones=SCHEDULE)
    assert [m.date for m in overdue_milestones(subject, d(10, 19))] == [d(10, 12)]
    assert [m.date for m in overdue_milestones(subject, d(10, 20))] == [d(10, 12), d(10, 19), d(10, 19)]


@pytest.mark.parametrize("status", [Status.CLOSED, Status.DRAFT])
def test_a_plan_that_is_not_running_has_nothing_overdue_or_due(status: Status) -> None:
    subject = plan(milestones=SCHEDULE, status=status)
    assert overdue_milestones(subject, d(12, 1)) == []
    assert next_due(subject, d(10, 1)) is None


def test_next_due_is_the_earliest_undone_from_today() -> None:
    subject = plan(milestones=SCHEDULE)
    due = next_due(subject, d(10, 12))
    assert due is not None and due.date == d(10, 12)
    due = next_due(subject, d(10, 13))
    assert due is not None and due.date == d(10, 19)
    assert next_due(subject, d(11, 10)) is None


def test_the_active_sample_on_today() -> None:
    alex = load_sample("alex-delivery-active")
    assert overdue_milestones(alex, TODAY) == []
    due = next_due(alex, TODAY)
    assert due is not None and (due.title, due.date) == ("Weekly check-in 9", d(11, 30))


# due_items


def test_a_check_in_due_today_and_one_later_this_week() -> None:
    subject = plan(
        milestones=[
            milestone(K.CHECKIN, TODAY, title="Weekly check-in 9"),
            milestone(K.CUSTOM, d(11, 29), title="Retro"),  # Sunday: still this ISO week
            milestone(K.CHECKIN, d(11, 30), title="Weekly check-in 10"),  # next week
        ]
    )
    assert due_items([(7, subject)], TODAY) == [
        DueItem(7, DueKind.DUE_TODAY, TODAY, "Alex Moreno", "Weekly check-in 9", 0),
        DueItem(7, DueKind.DUE_THIS_WEEK, d(11, 29), "Alex Moreno", "Retro", 1),
    ]


def test_this_week_ends_on_sunday() -> None:
    subject = plan(milestones=[milestone(K.CHECKIN, d(11, 30))])
    assert due_items([(1, subject)], d(11, 29)) == []
    assert [i.kind for i in due_items([(1, subject)], d(11, 30))] == [DueKind.DUE_TODAY]


def test_a_missed_milestone_is_overdue() -> None:
    subject = plan(milestones=[milestone(K.CHECKIN, d(11, 16), title="Weekly check-in 8")])
    assert due_items([(1, subject)], TODAY) == [
        DueItem(1, DueKind.OVERDUE, d(11, 16), "Alex Moreno", "Weekly check-in 8", 0)
    ]


def test_done_milestones_are_never_due() -> None:
    subject = plan(milestones=[milestone(K.CHECKIN, d(11, 16), done=True), milestone(K.CHECKIN, TODAY, done=True)])
    assert due_items([(1, subject)], TODAY) == []


def test_a_plan_ending_within_fourteen_days() -> None:
    subject = plan(end_date=d(12, 7))
    assert due_items([(1, subject)], TODAY) == [DueItem(1, DueKind.ENDING_SOON, d(12, 7), "Alex Moreno", "Delivery")]
    assert due_items([(1, plan(end_date=d(12, 8)))], TODAY) == []


def test_a_final_review_passed_without_outcome() -> None:
    subject = plan(start_date=d(9, 1), end_date=d(11, 20), milestones=[milestone(K.FINAL, d(11, 20), done=True)])
    assert due_items([(1, subject)], TODAY) == [
        DueItem(1, DueKind.OUTCOME_MISSING, d(11, 20), "Alex Moreno", "Delivery")
    ]


def test_support_past_due_and_not_done() -> None:
    subject = plan(
        support=[
            SupportAction(description="Workshop", due_date=d(11, 20)),
            SupportAction(description="Board", due_date=d(11, 2), done=True),
            SupportAction(description="Mentor", due_date=None),
            SupportAction(description="Course", due_date=TODAY),
        ]
    )
    midpoint = subject.start_date + (subject.end_date - subject.start_date) // 2
    assert due_items([(1, subject)], TODAY) == [
        DueItem(1, DueKind.SUPPORT_UNDATED, midpoint, "Alex Moreno", "Mentor", 2),
        DueItem(1, DueKind.SUPPORT_OVERDUE, d(11, 20), "Alex Moreno", "Workshop", 0),
        DueItem(1, DueKind.SUPPORT_DUE, TODAY, "Alex Moreno", "Course", 3),
    ]


def test_closed_and_draft_plans_have_no_due_items() -> None:
    overdue_everything = {
        "start_date": d(9, 1),
        "end_date": d(11, 20),
        "milestones": [milestone(K.CHECKIN, d(11, 2))],
        "support": [SupportAction(description="Workshop", due_date=d(11, 2))],
    }
    closed = plan(status="closed", outcome={"decision": "successful"}, **overdue_everything)
    draft = plan(status="draft", **overdue_everything)
    assert due_items([(1, closed), (2, draft)], TODAY) == []


def test_due_items_across_the_samples_on_today() -> None:
    plans = [(i, load_sample(name)) for i, name in enumerate(SAMPLE_NAMES, start=1)]
    carl_id = SAMPLE_NAMES.index("carl-skills-extended") + 1
    alex_id = SAMPLE_NAMES.index("alex-delivery-active") + 1
    alex = plans[alex_id - 1][1]
    midpoint = alex.start_date + (alex.end_date - alex.start_date) // 2
    undated = [
        DueItem(alex_id, DueKind.SUPPORT_UNDATED, midpoint, "Alex Moreno", action.description, i)
        for i, action in enumerate(alex.support)
        if not action.done and action.due_date is None
    ]
    assert due_items(plans, TODAY) == [
        DueItem(carl_id, DueKind.OVERDUE, d(9, 30), "Carl Nguyễn", "Final review (extended)", 3),
        DueItem(carl_id, DueKind.OUTCOME_MISSING, d(9, 30), "Carl Nguyễn", "Cloud platform skills"),
        *undated,
    ]
    assert len(undated) == 2, "Alex's two undated support actions, not given, past his plan's midpoint"


def test_due_items_are_sorted_by_date_then_plan() -> None:
    plans = [(i, load_sample(name)) for i, name in enumerate(SAMPLE_NAMES, start=1)]
    items = due_items(plans, d(12, 10))
    assert [(i.date, i.plan_id) for i in items] == sorted((i.date, i.plan_id) for i in items)
    assert {i.kind for i in items} == {
        DueKind.OVERDUE,
        DueKind.OUTCOME_MISSING,
        DueKind.ENDING_SOON,
        DueKind.SUPPORT_UNDATED,
    }
    assert DueKind.ENDING_SOON.label == "Plan ends soon"


# The original end date


def _moved(plan: Plan, *moves: tuple[str, str, str]) -> Plan:
    """``plan`` with end-date revisions (old date, new date, moment), in the order given."""
    changed = plan.model_copy(deep=True)
    for old, new, at in moves:
        moment = dt.datetime.fromisoformat(at)
        changed.revisions.append(Revision(at=moment, field="end_date", old=old, new=new, reason="More time"))
    return changed


def test_a_plan_never_extended_has_no_original_end() -> None:
    assert original_end(load_sample("alex-delivery-active")) is None


def test_the_original_end_is_the_old_date_of_the_end_date_revision() -> None:
    carl = load_sample("carl-skills-extended")
    assert carl.end_date == dt.date(2026, 9, 30)
    assert original_end(carl) == dt.date(2026, 8, 31)


def test_the_original_end_is_the_earliest_revision_by_time_not_the_first_in_the_list() -> None:
    alex = load_sample("alex-delivery-active")
    alex.end_date = dt.date(2027, 2, 15)
    # Listed out of order (merged from a plan file, say): the later extension comes first.
    plan = _moved(
        alex,
        ("2027-01-18", "2027-02-15", "2026-12-20T10:00:00+00:00"),
        ("2026-12-21", "2027-01-18", "2026-12-01T10:00:00+00:00"),
    )
    assert original_end(plan) == dt.date(2026, 12, 21)


def test_an_unreadable_old_date_is_passed_over() -> None:
    alex = load_sample("alex-delivery-active")
    alex.end_date = dt.date(2027, 2, 15)
    plan = _moved(
        alex,
        ("someday", "2027-01-18", "2026-11-01T10:00:00+00:00"),
        ("2026-12-21", "2027-02-15", "2026-12-01T10:00:00+00:00"),
    )
    assert original_end(plan) == dt.date(2026, 12, 21)


def test_a_plan_moved_back_to_its_original_end_has_none_to_show() -> None:
    alex = load_sample("alex-delivery-active")
    plan = _moved(
        alex,
        ("2026-12-21", "2027-01-18", "2026-11-01T10:00:00+00:00"),
        ("2027-01-18", "2026-12-21", "2026-11-02T10:00:00+00:00"),
    )
    assert original_end(plan) is None


def test_the_objectives_due_at_the_end_are_the_ones_an_extension_gives_more_time() -> None:
    alex = load_sample("alex-delivery-active")
    assert [o.due_date for o in due_at_end(alex)] == [alex.end_date, alex.end_date]
    assert due_at_end(load_sample("dmitry-punctuality-draft")) == []


def test_an_acknowledgement_signed_or_declined_before_a_witness_holds_the_kickoff() -> None:
    schedule = generate_schedule(dt.date(2026, 11, 23), dt.date(2027, 1, 18), 7)
    signed = Acknowledgement(on=dt.date(2026, 11, 23))
    declined = Acknowledgement(on=dt.date(2026, 11, 23), refused=True, witness="Sam Okafor (HR)")
    unwitnessed = Acknowledgement(on=dt.date(2026, 11, 23), refused=True)
    assert [acknowledgement_holds_kickoff(a) for a in (signed, declined, unwitnessed, None)] == [
        True,
        True,
        False,
        False,
    ]
    held = mark_kickoff_held(schedule, signed)
    assert [m.done for m in held] == [m.kind is MilestoneKind.KICKOFF for m in schedule]
    assert not any(m.done for m in mark_kickoff_held(schedule, unwitnessed))
    assert not any(m.done for m in schedule), "the schedule given is left as it was"
    assert mark_held(held, 0, False)[0].done is False and mark_held(schedule, 3, True)[3].done
    with pytest.raises(PipdeskError):
        mark_held(schedule, len(schedule), True)


def test_support_not_given_is_a_reminder_when_due_this_week_and_undated_ones_after_the_midpoint() -> None:
    plan = load_sample("alex-delivery-active")  # 28 Sep to 21 Dec 2026: midpoint 9 Nov
    monday = dt.date(2026, 11, 2)
    plan.support = [
        SupportAction(description="Given", due_date=monday, done=True),
        SupportAction(description="Late", due_date=monday - dt.timedelta(days=1)),
        SupportAction(description="Friday", due_date=monday + dt.timedelta(days=4)),
        SupportAction(description="Next week", due_date=monday + dt.timedelta(days=7)),
        SupportAction(description="Whenever"),
    ]

    def support(day: dt.date) -> list[tuple[DueKind, str]]:
        return [(i.kind, i.what) for i in due_items([(1, plan)], day) if i.kind.name.startswith("SUPPORT")]

    assert support(monday) == [(DueKind.SUPPORT_OVERDUE, "Late"), (DueKind.SUPPORT_DUE, "Friday")]
    after_midpoint = support(dt.date(2026, 11, 10))
    assert (DueKind.SUPPORT_UNDATED, "Whenever") in after_midpoint
    assert [i.date for i in due_items([(1, plan)], dt.date(2026, 11, 10)) if i.what == "Whenever"] == [
        dt.date(2026, 11, 9)
    ]
