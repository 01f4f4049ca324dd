"""Details of the plan's rules (pipdesk/domain/rules.py) that mutation testing found no test for.

Each test pins what a manager reads: when correcting a check-in needs a reason kept in the
plan's history (its age, a day either side of a week; a later check-in on an issued plan), and
the exact path and words of a rule of format 2 the plan breaks (pauses at the ends of the plan's
period, a pause left running before another, re-acknowledgements out of order, an HR review
not yet done), at the day the rule turns.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import Checkin, Plan, Status, format_path
from pipdesk.domain.model import Acknowledgement, HrReview, Pause
from pipdesk.domain.rules import AMEND_FREELY_DAYS, amendment_reason_needed, plan_problems
from pipdesk.planfile import parse_plan_file

from conftest import SAMPLES, TODAY, load_sample

TOO_OLD = "This check-in is more than 7 days old: a change asks why, and the plan's history keeps it."
LATER_ONE = "A later check-in is logged on this issued plan: a change asks why, and the plan's history keeps it."


def with_checkins(status: Status, *days: dt.date) -> Plan:
    plan = load_sample("alex-delivery-active").model_copy(update={"status": status, "checkins": []})
    plan.checkins = [Checkin(date=day) for day in days]
    return plan


# Amending a check-in


def test_a_check_in_may_be_corrected_freely_for_seven_days_and_not_on_the_eighth() -> None:
    assert AMEND_FREELY_DAYS == 7
    for status in (Status.DRAFT, Status.ACTIVE):
        seven, eight = TODAY - dt.timedelta(days=7), TODAY - dt.timedelta(days=8)
        assert amendment_reason_needed(with_checkins(status, seven), 0, TODAY) is None
        assert amendment_reason_needed(with_checkins(status, eight), 0, TODAY) == TOO_OLD
        assert amendment_reason_needed(with_checkins(status, TODAY), 0, TODAY) is None


@pytest.mark.parametrize("status", [Status.ACTIVE, Status.EXTENDED, Status.CLOSED])
def test_on_an_issued_plan_only_a_check_in_with_a_later_one_after_it_needs_a_reason(status: Status) -> None:
    plan = with_checkins(status, dt.date(2026, 11, 18), dt.date(2026, 11, 20), dt.date(2026, 11, 20))
    assert amendment_reason_needed(plan, 0, TODAY) == LATER_ONE
    # The latest: another on the same day is not a later one.
    assert amendment_reason_needed(plan, 1, TODAY) is None
    assert amendment_reason_needed(plan, 2, TODAY) is None


def test_on_a_draft_a_later_check_in_needs_no_reason() -> None:
    plan = with_checkins(Status.DRAFT, dt.date(2026, 11, 18), dt.date(2026, 11, 20))
    assert amendment_reason_needed(plan, 0, TODAY) is None
    assert amendment_reason_needed(plan, 1, TODAY) is None


# The rules of format 2

ALEX = "alex-delivery-paused"  # active, 2026-09-28 to 2026-12-21; paused since 2026-11-24
BETH = "beth-communication-resumed"  # closed, 2026-03-02 to 2026-06-08; acknowledged 2026-03-02


def v2(name: str) -> Plan:
    return parse_plan_file((SAMPLES / "v2" / f"{name}.json").read_bytes())


def problems(plan: Plan) -> list[tuple[str, str]]:
    return [(format_path(p.path), p.message) for p in plan_problems(plan)]


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def test_a_pause_may_start_on_the_first_or_the_last_day_of_the_plan_not_a_day_outside() -> None:
    plan = v2(ALEX)
    period = "the plan period 2026-09-28 to 2026-12-21"
    for day in (d(9, 28), d(12, 21)):
        plan.pauses = [Pause(paused_on=day, reason="Leave.")]
        assert problems(plan) == []
    plan.pauses = [Pause(paused_on=d(9, 27), reason="Leave.")]
    assert problems(plan) == [("plan.pauses[0].paused_on", f"Paused on 2026-09-27 is outside {period}")]


def test_a_pause_in_a_plan_without_a_period_is_refused_only_before_its_start() -> None:
    # The end date before or on the start date is its own problem; a pause after it is not another.
    plan = v2(ALEX)
    plan.end_date = plan.start_date
    plan.pauses = [Pause(paused_on=plan.start_date, reason="Leave.")]
    same_day = "End date 2026-09-28 is the same as the start date; a plan needs a period"
    assert ("plan.end_date", same_day) in problems(plan)
    assert [path for path, _ in problems(plan) if path.startswith("plan.pauses")] == []
    plan.pauses = [Pause(paused_on=d(10, 5), reason="Leave.")]
    assert [path for path, _ in problems(plan) if path.startswith("plan.pauses")] == []


RUNNING = "Only the last pause may still be running; this one needs its resume date"


def test_only_the_last_pause_may_be_left_running() -> None:
    plan = v2(ALEX)
    plan.pauses = [
        Pause(paused_on=d(10, 5), reason="Leave."),
        Pause(paused_on=d(10, 19), resumed_on=d(10, 26), reason="Leave."),
    ]
    assert problems(plan) == [("plan.pauses[0].resumed_on", RUNNING)]
    plan.pauses = [
        Pause(paused_on=d(10, 5), resumed_on=d(10, 12), reason="Leave."),
        Pause(paused_on=d(10, 19), reason="Leave."),
        Pause(paused_on=d(11, 2), resumed_on=d(11, 9), reason="Leave."),
    ]
    assert problems(plan) == [("plan.pauses[1].resumed_on", RUNNING)]
    plan.pauses[1].resumed_on = d(10, 26)
    plan.pauses[2].resumed_on = None
    assert problems(plan) == [] and plan.paused


def test_a_pause_left_running_ends_on_the_day_it_started_for_the_pause_after_it() -> None:
    plan = v2(ALEX)
    plan.pauses = [
        Pause(paused_on=d(10, 19), reason="Leave."),
        Pause(paused_on=d(10, 18), resumed_on=d(10, 26), reason="Leave."),
    ]
    assert problems(plan) == [
        ("plan.pauses[0].resumed_on", RUNNING),
        ("plan.pauses[1].paused_on", "Paused on 2026-10-18 is before the pause before it ended, on 2026-10-19"),
    ]


def test_each_re_acknowledgement_is_not_before_the_one_before_it() -> None:
    plan = v2(BETH)  # acknowledged 2026-03-02, re-acknowledged 2026-05-05
    plan.reacknowledgements = [*plan.reacknowledgements, Acknowledgement(on=d(5, 4))]
    assert problems(plan) == [
        ("plan.reacknowledgements[1].on", "Re-acknowledged on 2026-05-04 is before the one before on 2026-05-05")
    ]
    plan.reacknowledgements[1] = Acknowledgement(on=d(5, 5))
    assert problems(plan) == []


def test_an_hr_review_sent_but_not_yet_done_needs_no_reviewer() -> None:
    plan = v2(BETH)
    plan.hr_review = HrReview(sent_on=d(2, 25))
    assert problems(plan) == []
    plan.hr_review = HrReview(sent_on=d(2, 25), reviewed_on=d(2, 25))
    assert problems(plan) == [("plan.hr_review.reviewed_by", "A review needs the name of who reviewed the plan")]
