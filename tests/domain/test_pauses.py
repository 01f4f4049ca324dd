"""Pausing and resuming a plan: who may, what moves by the days paused, and what the history keeps."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import PipdeskError, Plan, Status, SupportAction, vocabulary
from pipdesk.domain.fair_process import PAUSE_FIELD
from pipdesk.domain.pauses import (
    pause,
    resume,
    resume_reason,
    resumed_end,
    why_not_pause,
    why_not_resume,
    why_not_while_paused,
)
from pipdesk.domain.rules import plan_problems
from pipdesk.domain.schedule import DueKind, due_items, original_end

from conftest import load_sample

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
PAUSED_ON, RESUMED_ON = dt.date(2026, 11, 24), dt.date(2026, 12, 8)  # 14 days


def alex() -> Plan:
    """Active, 28 Sep to 21 Dec 2026; check-ins 9-11 (30 Nov, 7 and 14 Dec) and the final review to come."""
    plan = load_sample("alex-delivery-active")
    plan.support.append(SupportAction(description="Pair with a senior", due_date=dt.date(2026, 12, 1)))
    plan.support.append(SupportAction(description="Given early", due_date=dt.date(2026, 12, 2), done=True))
    return plan


def paused() -> Plan:
    plan = alex()
    pause(plan, PAUSED_ON, "Sickness absence", AT)
    return plan


def test_pausing_records_the_pause_and_a_revision_and_the_plan_stays_sound() -> None:
    plan = paused()
    assert plan.paused and plan.pauses[-1].paused_on == PAUSED_ON and plan.pauses[-1].reason == "Sickness absence"
    last = plan.revisions[-1]
    assert (last.field, last.old, last.new, last.reason) == (PAUSE_FIELD, "2026-11-24", None, "Sickness absence")
    assert plan_problems(plan) == []


def test_resuming_moves_what_was_ahead_by_the_days_paused_and_keeps_the_original_dates() -> None:
    plan = paused()
    before = alex()
    resume(plan, RESUMED_ON, AT + dt.timedelta(days=14), "back on a phased return")
    shift = dt.timedelta(days=14)
    assert plan.end_date == before.end_date + shift == dt.date(2027, 1, 4)
    assert original_end(plan) == before.end_date
    for old, new in zip(before.milestones, plan.milestones, strict=True):
        moves = not old.done and old.date >= PAUSED_ON
        assert new.date == (old.date + shift if moves else old.date), old.title
    assert [o.due_date for o in plan.objectives] == [o.due_date + shift for o in before.objectives if o.due_date]
    assert plan.support[-2].due_date == dt.date(2026, 12, 15)  # not given yet: moves
    assert plan.support[-1].due_date == dt.date(2026, 12, 2)  # given: its date is history
    assert plan.pauses[-1].resumed_on == RESUMED_ON and not plan.paused
    assert plan_problems(plan) == []


def test_each_move_on_resuming_is_a_revision_with_the_days_and_the_reason() -> None:
    plan = paused()
    kept = len(plan.revisions)
    resume(plan, RESUMED_ON, AT, "back on a phased return")
    moved = plan.revisions[kept:]
    assert {r.reason for r in moved} == {"Resumed after a pause of 14 days: Sickness absence (back on a phased return)"}
    assert [(r.field, r.old, r.new) for r in moved] == [
        (PAUSE_FIELD, "2026-11-24", "2026-12-08"),
        ("end_date", "2026-12-21", "2027-01-04"),
        ("milestones.Weekly check-in 9.date", "2026-11-30", "2026-12-14"),
        ("milestones.Weekly check-in 10.date", "2026-12-07", "2026-12-21"),
        ("milestones.Weekly check-in 11.date", "2026-12-14", "2026-12-28"),
        ("milestones.Final review.date", "2026-12-21", "2027-01-04"),
        ("objectives.on-time.due_date", "2026-12-21", "2027-01-04"),
        ("objectives.status-reports.due_date", "2026-11-30", "2026-12-14"),
        ("objectives.estimates.due_date", "2026-12-21", "2027-01-04"),
        ("support.Pair with a senior.due_date", "2026-12-01", "2026-12-15"),
    ]


def test_the_end_date_once_resumed_is_worked_out_before_resuming() -> None:
    assert resumed_end(paused(), RESUMED_ON) == dt.date(2027, 1, 4)
    assert resumed_end(alex(), RESUMED_ON) == dt.date(2026, 12, 21)


def test_resume_reason_counts_the_days_in_words() -> None:
    assert resume_reason(paused(), PAUSED_ON + dt.timedelta(days=1)) == (
        "Resumed after a pause of 1 day: Sickness absence"
    )


@pytest.mark.parametrize(
    ("status", "words"),
    [(Status.DRAFT, "A draft has not started"), (Status.CLOSED, "only a running plan can be paused")],
)
def test_only_a_running_plan_can_be_paused(status: Status, words: str) -> None:
    plan = alex()
    plan.status = status
    assert words in (why_not_pause(plan, PAUSED_ON) or "")


def test_a_paused_plan_cannot_be_paused_again_closed_or_extended() -> None:
    plan = paused()
    assert why_not_pause(plan, RESUMED_ON) == "The plan is paused since 24 Nov 2026: resume it before pausing it again."
    assert why_not_while_paused(plan, "closing it") == (
        "The plan is paused since 24 Nov 2026: resume the plan before closing it."
    )
    assert why_not_while_paused(alex(), "closing it") is None
    with pytest.raises(PipdeskError, match="resume it before pausing it again"):
        pause(plan, RESUMED_ON, "Leave", AT)


def test_a_pause_begins_inside_the_plan_on_a_day_that_has_come() -> None:
    plan = alex()
    assert why_not_pause(plan, PAUSED_ON, PAUSED_ON) is None
    assert "after today" in (why_not_pause(plan, PAUSED_ON, PAUSED_ON + dt.timedelta(days=1)) or "")
    assert "before the plan starts" in (why_not_pause(plan, PAUSED_ON, dt.date(2026, 9, 1)) or "")
    assert "has passed" in (why_not_pause(plan, dt.date(2026, 12, 22)) or "")
    assert "starts on" in (why_not_pause(plan, dt.date(2026, 9, 1)) or "")


def test_a_second_pause_begins_after_the_first_ended() -> None:
    plan = paused()
    resume(plan, RESUMED_ON, AT)
    assert "before the last pause ended" in (why_not_pause(plan, dt.date(2026, 12, 9), dt.date(2026, 12, 7)) or "")
    assert why_not_pause(plan, dt.date(2026, 12, 9), RESUMED_ON) is None


def test_only_a_paused_plan_resumes_after_the_day_it_was_paused_and_not_after_today() -> None:
    assert why_not_resume(alex(), RESUMED_ON) == "The plan is not paused."
    plan = paused()
    assert why_not_resume(plan, RESUMED_ON, RESUMED_ON) is None
    assert "after the day it was paused" in (why_not_resume(plan, RESUMED_ON, PAUSED_ON) or "")
    assert "after today" in (why_not_resume(plan, RESUMED_ON, RESUMED_ON + dt.timedelta(days=1)) or "")
    with pytest.raises(PipdeskError, match="not paused"):
        resume(alex(), RESUMED_ON, AT)


def test_a_pause_needs_its_reason() -> None:
    with pytest.raises(PipdeskError, match="Say why"):
        pause(alex(), PAUSED_ON, "  ", AT)


def test_nothing_of_a_paused_plan_is_due_but_one_line_saying_since_when() -> None:
    plan, today = paused(), dt.date(2026, 12, 3)
    running = alex()
    assert any(i.kind is DueKind.OVERDUE for i in due_items([(1, running)], today))  # check-in 9, 30 Nov
    assert [(i.kind, i.date, i.what) for i in due_items([(1, plan)], today)] == [
        (DueKind.PAUSED, PAUSED_ON, "Sickness absence")
    ]


def test_after_resuming_the_moved_dates_are_due_again() -> None:
    plan, today = paused(), dt.date(2026, 12, 14)
    resume(plan, RESUMED_ON, AT)
    items = due_items([(1, plan)], today)
    assert [(i.kind, i.what) for i in items if i.kind is not DueKind.SUPPORT_UNDATED][:1] == [
        (DueKind.DUE_TODAY, "Weekly check-in 9")  # 30 Nov, moved 14 days
    ]
    assert not any(i.kind in (DueKind.OVERDUE, DueKind.PAUSED) for i in items)


def test_the_status_in_words_says_paused() -> None:
    assert vocabulary.status(Status.ACTIVE, paused=True) == "Active, paused"
    assert vocabulary.status(Status.ACTIVE) == "Active"
