"""The next step of a plan: each sample's, each stage's, and alex's plan lived week by week."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import Acknowledgement, Checkin, CheckinKind, HrReview, Pause, Revision, Status
from pipdesk.domain.process import Action, Stage, next_step
from pipdesk.domain.schedule import DueKind, mark_done_for_checkin
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, DMITRY, TODAY, load_sample


def test_alex_logs_the_check_in_due_next() -> None:
    step = next_step(load_sample("alex-delivery-active"), TODAY)
    assert step.stage is Stage.CHECKINS
    assert step.words == "Log the check-in due on 30 Nov 2026"
    assert step.due == dt.date(2026, 11, 30)
    assert not step.overdue
    assert step.action is Action.NEW_CHECKIN


def test_beth_is_monitored_as_her_outcome_says() -> None:
    step = next_step(load_sample("beth-communication-closed"), TODAY)
    assert step.stage is Stage.MONITORING
    assert step.words == ("Monitoring after the plan: Informal monthly look at CSAT until the next quarterly review.")
    assert step.action is None and not step.overdue


def test_a_closed_plan_without_monitoring_is_closed() -> None:
    plan = load_sample("beth-communication-closed")
    assert plan.outcome is not None
    plan.outcome.monitoring = "  "
    step = next_step(plan, TODAY)
    assert step.stage is Stage.CLOSED and step.action is None


def test_carl_missed_his_final_review() -> None:
    step = next_step(load_sample("carl-skills-extended"), TODAY)
    assert step.stage is Stage.FINAL_REVIEW
    assert step.overdue
    assert step.words == "Log the final review due on 30 Sep 2026: overdue by 54 days"
    assert step.action is Action.NEW_CHECKIN


def test_dmitry_is_sent_for_hr_review_first() -> None:
    step = next_step(load_sample("dmitry-punctuality-draft"), TODAY)
    assert step.stage is Stage.HR_REVIEW
    assert step.words == "Send the plan to HR for review before it is issued"
    assert step.action is Action.SEND_FOR_HR_REVIEW
    assert step.due == dt.date(2026, 12, 1) and not step.overdue


def test_a_draft_sent_to_hr_waits_for_the_review_then_is_issued() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.hr_review = HrReview(sent_on=dt.date(2026, 11, 13))
    step = next_step(plan, TODAY)
    assert step.action is Action.RECORD_HR_REVIEW
    assert step.overdue  # a week for HR has passed
    assert step.late_words(TODAY) == "HR review requested 10 days ago, not recorded"
    plan.hr_review = HrReview(sent_on=dt.date(2026, 11, 13), reviewed_by="Priya Shah", reviewed_on=TODAY)
    step = next_step(plan, TODAY)
    assert step.stage is Stage.ISSUE and step.action is Action.ISSUE
    assert "print it for the meeting" in step.words
    assert next_step(plan, dt.date(2026, 12, 2)).overdue  # the start date passed, still a draft


def test_an_issued_plan_asks_for_the_acknowledgement_until_the_first_check_in() -> None:
    plan = load_sample("alex-delivery-active")
    plan.acknowledgement = None
    plan.checkins = []
    day = dt.date(2026, 10, 10)
    step = next_step(plan, day)
    assert step.action is Action.RECORD_ACKNOWLEDGEMENT and step.overdue
    assert step.late_words(day) == "Acknowledgement not recorded, issued 12 days ago"
    assert not next_step(plan, dt.date(2026, 10, 1)).overdue


def test_a_change_after_the_acknowledgement_asks_for_a_new_one() -> None:
    plan = load_sample("alex-delivery-active")
    plan.revisions.append(
        Revision(at=dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC), field="end_date", old="x", new="y", reason="r")
    )
    step = next_step(plan, TODAY)
    assert step.action is Action.RECORD_ACKNOWLEDGEMENT
    assert step.words == "Record a new acknowledgement: the plan changed after it was acknowledged on 29 Sep 2026"
    plan.reacknowledgements.append(Acknowledgement(on=TODAY, recorded_at=dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)))
    assert next_step(plan, TODAY).action is Action.NEW_CHECKIN


def test_a_paused_plan_is_resumed_first() -> None:
    plan = load_sample("alex-delivery-active")
    plan.pauses.append(Pause(paused_on=dt.date(2026, 11, 20), reason="Sickness absence"))
    step = next_step(plan, TODAY)
    assert step.stage is Stage.PAUSED and step.action is Action.RESUME
    assert step.words == "Resume the plan when the pause ends (paused since 20 Nov 2026: Sickness absence)"
    assert not step.overdue


def test_every_meeting_held_leaves_the_close() -> None:
    plan = load_sample("carl-skills-extended")
    for milestone in plan.milestones:
        milestone.done = True
    step = next_step(plan, TODAY)
    assert step.stage is Stage.CLOSE and step.action is Action.CLOSE
    assert step.overdue  # carl's plan ended on 30 Sep


def test_living_alex_plan_the_step_advances_and_is_never_overdue_once_done() -> None:
    plan = load_sample("alex-delivery-active")
    day = TODAY
    seen: list[str] = []
    while plan.status is not Status.CLOSED and day <= dt.date(2027, 1, 31):
        step = next_step(plan, day)
        if not seen or seen[-1] != step.words:
            seen.append(step.words)
        if step.action is Action.NEW_CHECKIN and step.due == day:
            kind = CheckinKind.FINAL if step.stage is Stage.FINAL_REVIEW else CheckinKind.CHECKIN
            plan.checkins.append(Checkin(date=day, kind=kind))
            plan.milestones = mark_done_for_checkin(plan.milestones, day, kind, plan.checkin_every_days)
            after = next_step(plan, day)
            assert after.due != day or after.action is not Action.NEW_CHECKIN
            assert not after.overdue
            if after.action is Action.CLOSE:  # the final review held: the outcome is decided that day
                seen.append(after.words)
                plan.status = Status.CLOSED
        else:
            assert not step.overdue, (day, step.words)
        day += dt.timedelta(days=1)
    assert seen == [
        "Log the check-in due on 30 Nov 2026",
        "Log the check-in due on 7 Dec 2026",
        "Log the check-in due on 14 Dec 2026",
        "Log the final review due on 21 Dec 2026",
        "Close the plan with an outcome",
    ]


def test_a_check_in_left_unlogged_turns_overdue_the_day_after() -> None:
    plan = load_sample("alex-delivery-active")
    assert not next_step(plan, dt.date(2026, 11, 30)).overdue
    late = next_step(plan, dt.date(2026, 12, 1))
    assert late.overdue and late.words == "Log the check-in due on 30 Nov 2026: overdue by 1 day"


def test_every_overdue_meeting_or_close_step_is_already_in_this_week(book: PlanBook) -> None:
    """This week reads slim plans: the overdue steps they can tell (a meeting, the close, a pause) are
    its own items already; the acknowledgement's and HR review's steps need what slim plans lack."""
    listed = {(item.plan_id, item.kind) for item in book.due_items(TODAY)}
    kinds = {Action.NEW_CHECKIN: DueKind.OVERDUE, Action.CLOSE: DueKind.OUTCOME_MISSING, Action.RESUME: DueKind.PAUSED}
    overdue = [(plan_id, next_step(book.get(plan_id), TODAY)) for plan_id in (ALEX, BETH, CARL, DMITRY)]
    overdue = [(plan_id, step) for plan_id, step in overdue if step.overdue]
    assert [plan_id for plan_id, _ in overdue] == [CARL]
    for plan_id, step in overdue:
        assert step.action is not None
        assert (plan_id, kinds[step.action]) in listed
