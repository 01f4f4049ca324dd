"""Pausing and resuming, to the day and to the word: each refusal as the manager reads it, the days at
the edges of the plan and of the pause, and exactly what moves on resuming and what stays."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import Objective, PipdeskError, Plan, Status, SupportAction
from pipdesk.domain.pauses import pause, resume, why_not_pause, why_not_resume
from pipdesk.domain.rules import plan_problems

from conftest import load_sample

AT = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
START, END = dt.date(2026, 9, 28), dt.date(2026, 12, 21)  # alex's plan period
PAUSED_ON, RESUMED_ON = dt.date(2026, 11, 24), dt.date(2026, 12, 8)  # 14 days


def alex() -> Plan:
    """Active, 28 Sep to 21 Dec 2026; check-ins 1-8 held (the last on 23 Nov), 9-11 and the final review to come."""
    return load_sample("alex-delivery-active")


def paused() -> Plan:
    plan = alex()
    pause(plan, PAUSED_ON, "Sickness absence", AT)
    return plan


def paused_then_resumed() -> Plan:
    plan = paused()
    resume(plan, RESUMED_ON, AT)
    return plan


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Status.DRAFT, "A draft has not started: there is nothing to pause."),
        (Status.CLOSED, "The plan is closed: only a running plan can be paused."),
    ],
)
def test_a_plan_not_running_is_refused_a_pause_in_these_words(status: Status, words: str) -> None:
    plan = alex()
    plan.status = status
    assert why_not_pause(plan, PAUSED_ON) == words


def test_a_pause_outside_the_plan_or_the_days_come_is_refused_with_the_day_that_matters() -> None:
    plan = paused_then_resumed()
    assert why_not_pause(plan, dt.date(2026, 9, 27)) == (
        "The plan starts on 28 Sep 2026: change its dates instead of pausing it."
    )
    assert why_not_pause(plan, dt.date(2027, 1, 5)) == (  # the end date moved by the 14 days paused
        "The plan's end date, 4 Jan 2027, has passed: extend or close it instead."
    )
    today = dt.date(2026, 12, 10)
    assert why_not_pause(plan, today, dt.date(2026, 12, 11)) == (
        "A pause is recorded once it has begun: 11 Dec 2026 is after today."
    )
    assert why_not_pause(plan, today, dt.date(2026, 9, 27)) == (
        "The pause cannot begin before the plan starts, on 28 Sep 2026."
    )
    assert why_not_pause(plan, today, dt.date(2026, 12, 7)) == (
        "The pause cannot begin before the last pause ended, on 8 Dec 2026."
    )


def test_a_plan_may_be_paused_on_its_first_and_on_its_last_day() -> None:
    plan = alex()
    assert why_not_pause(plan, START) is None
    assert why_not_pause(plan, END) is None
    assert why_not_pause(plan, PAUSED_ON, START) is None  # a pause back-dated to the first day
    assert why_not_pause(plan, END, END) is None
    pause(plan, START, "Leave", AT)
    assert plan.pauses[-1].paused_on == START


def test_pausing_refuses_a_day_before_the_last_pause_ended() -> None:
    plan = paused_then_resumed()
    with pytest.raises(PipdeskError) as refused:
        pause(plan, dt.date(2026, 12, 7), "Leave", AT)
    assert str(refused.value) == "The pause cannot begin before the last pause ended, on 8 Dec 2026."
    assert len(plan.pauses) == 1
    pause(plan, RESUMED_ON, "Leave", AT)  # the day it ended is allowed
    assert plan.paused and plan_problems(plan) == []


def test_a_pause_without_a_reason_is_refused_in_these_words() -> None:
    with pytest.raises(PipdeskError) as refused:
        pause(alex(), PAUSED_ON, " \n ", AT)
    assert str(refused.value) == "Say why the plan is paused: the reason is kept in its history."


def test_a_resume_on_or_before_the_day_paused_or_after_today_is_refused_with_the_day() -> None:
    plan = paused()
    assert why_not_resume(plan, RESUMED_ON, PAUSED_ON) == ("The plan resumes after the day it was paused, 24 Nov 2026.")
    assert why_not_resume(plan, RESUMED_ON, dt.date(2026, 12, 9)) == (
        "A plan is resumed once it has started again: 9 Dec 2026 is after today."
    )
    assert why_not_resume(plan, RESUMED_ON, PAUSED_ON + dt.timedelta(days=1)) is None


def test_resuming_on_the_day_paused_is_refused_and_changes_nothing() -> None:
    plan = paused()
    kept = plan.model_copy(deep=True)
    with pytest.raises(PipdeskError) as refused:
        resume(plan, PAUSED_ON, AT)
    assert str(refused.value) == "The plan resumes after the day it was paused, 24 Nov 2026."
    assert plan == kept and plan.paused


def test_resuming_without_a_note_gives_the_pause_reason_alone() -> None:
    plan = paused()
    kept = len(plan.revisions)
    resume(plan, RESUMED_ON, AT)
    assert {r.reason for r in plan.revisions[kept:]} == {"Resumed after a pause of 14 days: Sickness absence"}


def test_what_falls_due_on_the_first_day_of_the_pause_moves_with_the_rest() -> None:
    plan = alex()
    on, back = dt.date(2026, 11, 30), dt.date(2026, 12, 7)  # check-in 9 and status-reports are due the 30th
    plan.support.append(SupportAction(description="Shadow a stand-up", due_date=on))
    pause(plan, on, "Sickness absence", AT)
    kept = len(plan.revisions)
    resume(plan, back, AT)
    moved = {r.field: (r.old, r.new) for r in plan.revisions[kept:]}
    assert moved["milestones.Weekly check-in 9.date"] == ("2026-11-30", "2026-12-07")
    assert moved["objectives.status-reports.due_date"] == ("2026-11-30", "2026-12-07")
    assert moved["support.Shadow a stand-up.due_date"] == ("2026-11-30", "2026-12-07")
    assert plan.milestones[9].date == dt.date(2026, 12, 7)
    assert plan.objectives[1].due_date == dt.date(2026, 12, 7)
    assert plan.support[-1].due_date == dt.date(2026, 12, 7)


def test_meetings_held_and_dates_before_the_pause_stay_where_they_were() -> None:
    plan = alex()
    on, back = dt.date(2026, 11, 16), dt.date(2026, 11, 23)  # check-ins 7 (16 Nov) and 8 (23 Nov) were held
    plan.objectives.append(Objective(key="early", title="Hand over the runbook", due_date=dt.date(2026, 11, 10)))
    plan.objectives.append(Objective(key="undated", title="Keep the team board current"))
    pause(plan, on, "Sickness absence", AT)
    kept = len(plan.revisions)
    resume(plan, back, AT)
    fields = [r.field for r in plan.revisions[kept:]]
    assert [f for f in fields if f.startswith("milestones.")] == [
        "milestones.Weekly check-in 9.date",
        "milestones.Weekly check-in 10.date",
        "milestones.Weekly check-in 11.date",
        "milestones.Final review.date",
    ]
    assert [f for f in fields if f.startswith("objectives.")] == [
        "objectives.on-time.due_date",
        "objectives.status-reports.due_date",
        "objectives.estimates.due_date",
    ]
    assert [m.date for m in plan.milestones if m.title in ("Weekly check-in 7", "Weekly check-in 8")] == [
        dt.date(2026, 11, 16),
        dt.date(2026, 11, 23),
    ]
    assert [o.due_date for o in plan.objectives[-2:]] == [dt.date(2026, 11, 10), None]
