"""The next step, whole: every field of the step (stage, words, due day, overdue, action, since when,
the key This week words it by) for the steps the sample walk-through leaves half-checked."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import HrReview, Milestone, MilestoneKind, Pause, Plan, Revision
from pipdesk.domain.process import Action, NextStep, Stage, next_step

from conftest import TODAY, load_sample


def alex() -> Plan:
    """Active since 28 Sep 2026, issued that day, acknowledged on 29 Sep; check-in 9 due on 30 Nov."""
    return load_sample("alex-delivery-active")


def changed_after_the_acknowledgement() -> Plan:
    plan = alex()
    plan.revisions.append(
        Revision(at=dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC), field="end_date", old="x", new="y", reason="r")
    )
    return plan


def test_a_change_after_the_acknowledgement_asks_for_a_new_one_within_a_week_of_the_change() -> None:
    plan = changed_after_the_acknowledgement()
    words = "Record a new acknowledgement: the plan changed after it was acknowledged on 29 Sep 2026"
    assert next_step(plan, TODAY) == NextStep(
        Stage.ACKNOWLEDGEMENT,
        words,
        due=dt.date(2026, 11, 27),
        overdue=False,
        action=Action.RECORD_ACKNOWLEDGEMENT,
        since=dt.date(2026, 11, 20),
        key="record_reacknowledgement",
    )
    assert next_step(plan, dt.date(2026, 11, 27)).overdue is False


def test_a_new_acknowledgement_not_recorded_a_week_after_the_change_is_overdue_and_says_since_when() -> None:
    plan = changed_after_the_acknowledgement()
    day = dt.date(2026, 11, 28)
    step = next_step(plan, day)
    assert step == NextStep(
        Stage.ACKNOWLEDGEMENT,
        "Record a new acknowledgement: the plan changed after it was acknowledged on 29 Sep 2026: overdue by 1 day",
        due=dt.date(2026, 11, 27),
        overdue=True,
        action=Action.RECORD_ACKNOWLEDGEMENT,
        since=dt.date(2026, 11, 20),
        key="record_reacknowledgement",
    )
    assert step.late_words(day) == "New acknowledgement not recorded, changed 8 days ago"


def test_the_acknowledgement_is_due_a_week_after_the_plan_was_issued_or_started() -> None:
    plan = alex()
    plan.acknowledgement = None
    plan.checkins = []
    plan.issued_on = dt.date(2026, 9, 21)  # issued a week before it started
    step = next_step(plan, dt.date(2026, 9, 28))
    assert (step.stage, step.action) == (Stage.ACKNOWLEDGEMENT, Action.RECORD_ACKNOWLEDGEMENT)
    assert (step.due, step.since, step.overdue) == (dt.date(2026, 9, 28), dt.date(2026, 9, 21), False)
    assert step.words == "Record the employee's acknowledgement of the plan (issued on 21 Sep 2026)"
    plan.issued_on = None  # a plan without its issue day counts from its start
    step = next_step(plan, dt.date(2026, 9, 28))
    assert (step.due, step.since) == (dt.date(2026, 10, 5), dt.date(2026, 9, 28))
    assert step.words == "Record the employee's acknowledgement of the plan (issued on 28 Sep 2026)"


def test_a_draft_with_an_hr_review_neither_sent_nor_recorded_is_still_to_send() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.hr_review = HrReview()
    step = next_step(plan, TODAY)
    assert (step.stage, step.action) == (Stage.HR_REVIEW, Action.SEND_FOR_HR_REVIEW)
    assert step.words == "Send the plan to HR for review before it is issued"


def test_hr_is_given_a_week_to_review_or_until_the_plan_starts_if_sooner() -> None:
    plan = load_sample("dmitry-punctuality-draft")  # starts on 1 Dec 2026
    plan.hr_review = HrReview(sent_on=dt.date(2026, 11, 13))
    assert next_step(plan, dt.date(2026, 11, 20)) == NextStep(
        Stage.HR_REVIEW,
        "Record HR's review of the plan (sent to HR on 13 Nov 2026)",
        due=dt.date(2026, 11, 20),
        overdue=False,
        action=Action.RECORD_HR_REVIEW,
        since=dt.date(2026, 11, 13),
        key="record_hr_review",
    )
    plan.hr_review = HrReview(sent_on=dt.date(2026, 11, 28))
    step = next_step(plan, dt.date(2026, 11, 28))
    assert (step.due, step.overdue) == (dt.date(2026, 12, 1), False)


def test_a_draft_whose_review_is_recorded_without_a_sent_day_is_to_issue() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.hr_review = HrReview(reviewed_by="Priya Shah", reviewed_on=dt.date(2026, 11, 20))
    step = next_step(plan, TODAY)
    assert (step.stage, step.action, step.key) == (Stage.ISSUE, Action.ISSUE, "issue")


def test_a_meeting_of_the_managers_own_names_its_title_in_the_step() -> None:
    plan = alex()
    plan.milestones.append(
        Milestone(title="Review  the\nrunbook", kind=MilestoneKind.CUSTOM, date=dt.date(2026, 11, 25))
    )
    step = next_step(plan, TODAY)
    assert (step.stage, step.action, step.key) == (Stage.CHECKINS, Action.NEW_CHECKIN, "custom")
    assert step.words == "Log “Review the runbook” due on 25 Nov 2026"


def test_late_words_are_the_steps_own_words_without_a_late_wording_or_a_day_it_waits_since() -> None:
    paused = alex()
    paused.pauses.append(Pause(paused_on=dt.date(2026, 11, 20), reason="Sickness absence"))
    step = next_step(paused, TODAY)  # waits since the pause began; This week has no late wording for it
    assert step.since == dt.date(2026, 11, 20) and step.key == "resume"
    assert step.late_words(TODAY) == step.words
    draft = load_sample("dmitry-punctuality-draft")
    step = next_step(draft, dt.date(2026, 12, 5))  # a late wording, but no day it waits since
    assert step.since is None and step.overdue and step.key == "send_for_hr_review"
    assert step.late_words(dt.date(2026, 12, 5)) == step.words


def test_a_closed_plan_is_monitored_or_closed_each_with_its_key() -> None:
    beth = load_sample("beth-communication-closed")
    assert next_step(beth, TODAY) == NextStep(
        Stage.MONITORING,
        "Monitoring after the plan: Informal monthly look at CSAT until the next quarterly review.",
        key="monitoring",
    )
    closed = NextStep(Stage.CLOSED, "Closed: nothing more to do", key="closed")
    assert beth.outcome is not None
    beth.outcome.monitoring = " \n"
    assert next_step(beth, TODAY) == closed
    beth.outcome = None  # closed without its outcome (the rules report that): nothing more to do here
    assert next_step(beth, TODAY) == closed
