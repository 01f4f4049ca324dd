"""Closing a plan in the manager's words: the evidence's explanations, the fairness lines and summary of the
HR review, the record of an outcome set aside on reopening, and the rule of suggestion as the dialog says it."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import (
    Acknowledgement,
    Appeal,
    AppealResult,
    Attendee,
    AttendeeRole,
    Checkin,
    CheckinKind,
    Decision,
    EmployeeResponse,
    FollowUp,
    HrReview,
    Milestone,
    MilestoneKind,
    Objective,
    ObjectiveCategory,
    ObjectiveResult,
    Outcome,
    Pause,
    Plan,
    Progress,
    ResponseTo,
    Result,
    Revision,
    SupportAction,
)
from pipdesk.domain.fair_process import attendance_text, companion_offer, receipt_text, review_summary
from pipdesk.domain.outcome import (
    NO_GAPS,
    PARTIAL_SHARE,
    ObjectiveEvidence,
    acknowledgement_text,
    dimension_decisions,
    dimension_text,
    evidence,
    fairness_check,
    fairness_lines,
    gaps_text,
    outcome_line,
    process_lines,
    set_aside_outcome,
    suggest_decision,
    suggest_result,
    suggestion_rule,
    times_reached,
)

from conftest import running_plan

TECHNICAL, BEHAVIORAL = ObjectiveCategory.TECHNICAL, ObjectiveCategory.BEHAVIORAL
MET, PARTLY, NOT_MET = Result.MET, Result.PARTIALLY_MET, Result.NOT_MET


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def objective(
    key: str = "o",
    baseline: float | None = 50,
    target: float | None = 90,
    category: ObjectiveCategory | None = None,
    unit: str = "",
) -> Objective:
    return Objective(key=key, title=key, category=category, baseline=baseline, target=target, unit=unit)


plan = running_plan


def measured(*values: float | None, key: str = "o", **fields: object) -> Plan:
    """A plan whose objective ``key`` was measured weekly from 5 Oct 2026 (``None``: a check-in not measuring it)."""
    checkins = [
        Checkin(date=d(10, 5) + dt.timedelta(weeks=i), progress=[Progress(objective=key, value=v)])
        for i, v in enumerate(values)
    ]
    return plan(checkins=checkins, **fields)


def why(subject: Plan, sustained: int = 2) -> str:
    (item,) = evidence(subject, sustained)
    return item.why


# What the evidence says


def test_met_once_counts_the_measured_check_ins_and_says_last_only_when_there_were_more() -> None:
    only_two = measured(60, 92, objectives=[objective()])
    assert why(only_two) == (
        "Met once, not yet sustained: the target was reached at 1 of the 2 measured check-ins; "
        "it must be reached at 2 in a row"
    )
    three = measured(60, 60, 92, objectives=[objective()])
    assert why(three) == (
        "Met once, not yet sustained: the target was reached at 1 of the last 2 measured check-ins; "
        "it must be reached at 2 in a row"
    )
    fewer_than_n = measured(91, 92, objectives=[objective()])
    assert why(fewer_than_n, 3) == (
        "Met once, not yet sustained: the target was reached at 2 of the 2 measured check-ins; "
        "it must be reached at 3 in a row"
    )


def test_with_n_of_one_a_met_target_is_simply_reached() -> None:
    reached = measured(60, 92, objectives=[objective()])
    (item,) = evidence(reached, 1)
    assert (item.suggested, item.met_once, item.why) == (MET, False, "The target was reached")
    (held,) = evidence(measured(91, 92, objectives=[objective()]))
    assert (held.suggested, held.sustained, held.why) == (
        MET,
        2,
        "The target was reached at each of the last 2 measured check-ins",
    )


def test_the_evidence_of_an_objective_without_baseline_and_target_has_nothing_to_judge_against() -> None:
    (item,) = evidence(measured(4, objectives=[objective(baseline=None, target=None)]))
    assert (item.suggested, item.met_once) == (None, False)
    assert item.why == "No baseline and target to judge against"
    assert (item.baseline, item.target) == ("—", "—")


def test_the_evidence_shows_baseline_target_and_last_value_in_the_objectives_unit() -> None:
    (item,) = evidence(measured(12, 7, objectives=[objective(baseline=14, target=4, unit="late replies a week")]))
    assert (item.baseline, item.target) == ("14 late replies a week", "4 late replies a week")
    assert item.last_measured == "7 late replies a week on 12 Oct 2026"
    assert item.points == ((d(10, 5), 12.0), (d(10, 12), 7.0))
    assert item.why == "70% of the way from the baseline to the target"
    (percent,) = evidence(measured(70, objectives=[objective(baseline=55, target=90, unit="%")]))
    assert (percent.baseline, percent.target, percent.last_measured) == ("55%", "90%", "70% on 5 Oct 2026")


def test_met_once_is_true_only_between_none_and_all_of_the_last_n() -> None:
    def item(*values: float, sustained: int) -> ObjectiveEvidence:
        return ObjectiveEvidence(objective(), None, None, tuple((d(10, 5), v) for v in values), sustained)

    assert not item(60, 60, 60, sustained=3).met_once
    assert item(60, 60, 92, sustained=3).met_once
    assert item(60, 92, 92, sustained=3).met_once
    assert not item(92, 92, 92, sustained=3).met_once
    assert not item(92, 60, 60, sustained=2).met_once


def test_the_times_reached_look_at_the_last_n_values_and_at_least_the_last_one() -> None:
    values = [(d(10, 5) + dt.timedelta(weeks=i), v) for i, v in enumerate((92.0, 60.0, 92.0, 95.0))]
    assert [times_reached(objective(), values, n) for n in (1, 2, 3, 4, 5)] == [1, 2, 2, 3, 3]
    assert times_reached(objective(), values, 0) == 1
    assert times_reached(objective(), values[:2], 0) == 0


def test_a_result_is_suggested_by_the_last_two_values_unless_told_otherwise() -> None:
    assert suggest_result(objective(), [(d(10, 5), 92.0), (d(10, 12), 91.0)]) is MET
    assert suggest_result(objective(), [(d(10, 5), 60.0), (d(10, 12), 91.0)]) is PARTLY
    (item,) = evidence(measured(91, 92, objectives=[objective()]))
    assert item.suggested is MET


def test_half_the_way_less_a_rounding_error_is_still_half_the_way() -> None:
    """The share is compared to one half less 1e-9, so a value that lands a rounding error short of it counts."""
    one = objective(baseline=0, target=1)
    assert suggest_result(one, [(d(10, 5), PARTIAL_SHARE - 1e-9)], sustained=1) is PARTLY
    assert suggest_result(one, [(d(10, 5), PARTIAL_SHARE - 1e-8)], sustained=1) is NOT_MET


# Dimensions and the decision


def test_dimensions_are_named_technical_behavioral_then_without_a_kind_whatever_the_objectives_order() -> None:
    objectives = [objective("n"), objective("b", category=BEHAVIORAL), objective("t", category=TECHNICAL)]
    results = {"n": NOT_MET, "b": PARTLY, "t": MET}
    assert dimension_text(results, objectives) == (
        "Technical: successful. Behavioral: partially successful. Without a kind: not successful."
    )
    assert dimension_text({"n": MET}, objectives[:1]) == "Without a kind: successful."
    assert dimension_text({}, []) == ""


def test_a_dimension_is_judged_on_all_its_objectives() -> None:
    objectives = [objective("a", category=TECHNICAL), objective("b", category=TECHNICAL)]
    assert dimension_decisions({"a": MET, "b": MET}, objectives) == {TECHNICAL: Decision.SUCCESSFUL}
    assert dimension_decisions({"a": NOT_MET, "b": NOT_MET}, objectives) == {TECHNICAL: Decision.INSUFFICIENT}
    assert dimension_decisions({"a": MET, "b": NOT_MET}, objectives) == {TECHNICAL: Decision.PARTIAL}
    assert dimension_decisions({"a": PARTLY, "b": PARTLY}, objectives) == {TECHNICAL: Decision.PARTIAL}
    assert dimension_decisions({"a": PARTLY, "b": None}, objectives) is None
    assert dimension_decisions({}, []) is None


def test_the_plan_is_insufficient_only_when_every_dimension_is() -> None:
    objectives = [objective("a", category=TECHNICAL), objective("b", category=BEHAVIORAL), objective("c")]
    assert suggest_decision({"a": NOT_MET, "b": NOT_MET, "c": NOT_MET}, objectives) is Decision.INSUFFICIENT
    assert suggest_decision({"a": NOT_MET, "b": NOT_MET, "c": PARTLY}, objectives) is Decision.PARTIAL
    assert suggest_decision({"a": MET, "b": MET, "c": MET}, objectives) is Decision.SUCCESSFUL
    assert suggest_decision({"a": MET, "b": MET, "c": PARTLY}, objectives) is Decision.PARTIAL
    assert suggest_decision({"a": PARTLY, "b": PARTLY, "c": PARTLY}, objectives) is Decision.PARTIAL


# The fairness check and its lines


def test_the_fairness_check_counts_up_to_the_end_date_and_lists_its_gaps_before_the_fair_process_ones() -> None:
    subject = plan(
        hr_review=None,
        end_date=d(10, 26),
        support=[
            SupportAction(description="Mentoring", done=True),
            SupportAction(description="Course"),
            SupportAction(description="Pairing"),
        ],
        milestones=[
            Milestone(title=f"Check-in {i}", kind=MilestoneKind.CHECKIN, date=d(10, 5) + dt.timedelta(weeks=i))
            for i in range(4)
        ],
        checkins=[Checkin(date=d(10, 5))],
        acknowledgement=Acknowledgement(on=d(9, 29), refused=True, witness="  "),
        pauses=[Pause(paused_on=d(10, 19), reason="Leave")],
    )
    check = fairness_check(subject, d(11, 2))
    assert (check.support_promised, check.support_delivered) == (3, 1)
    assert check.undelivered_support == ["Course", "Pairing"]
    assert (check.checkins_scheduled, check.checkins_held) == (4, 1)
    assert (check.acknowledgement_recorded, check.acknowledgement_refused, check.refusal_witnessed) == (
        True,
        True,
        False,
    )
    assert check.gaps == [
        "2 of 3 support actions were not delivered: Course; Pairing.",
        "3 of 4 check-ins scheduled up to 2026-10-26 were not held.",
        "The employee refused to sign the plan, and no witness to the refusal is recorded.",
        "The plan was issued without an HR review.",
        "The plan is paused.",
    ]
    assert check.has_gaps
    # The pause is counted up to today, past the end date: the fair-process lines are as of today.
    assert dict((line.label, line.text) for line in check.process)["Pauses"].startswith("Paused once, 14 days in all")
    assert gaps_text(check) == " ".join(check.gaps)
    assert gaps_text(check).startswith("2 of 3 support actions were not delivered: Course; Pairing. 3 of 4 check-ins")
    support, checkins, acknowledgement = fairness_lines(check, subject, d(11, 2))
    assert support == "1 of 3 support actions delivered. Not delivered: Course; Pairing."
    assert checkins == "1 of 4 scheduled check-ins held up to 26 Oct 2026."
    assert acknowledgement == "Declined to sign on 29 Sep 2026 (witness: no witness recorded)."


def test_a_fair_record_reads_no_gaps_and_every_scheduled_check_in_held_as_so_many_of_so_many() -> None:
    subject = plan(
        support=[SupportAction(description="Mentoring", done=True)],
        milestones=[Milestone(title="Check-in", kind=MilestoneKind.CHECKIN, date=d(10, 5))],
        checkins=[Checkin(date=d(10, 5))],
    )
    check = fairness_check(subject, d(10, 12))
    assert check.gaps == [] and not check.has_gaps
    assert gaps_text(check) == NO_GAPS == "No gaps found."
    assert fairness_lines(check, subject, d(10, 12)) == (
        "1 of 1 support actions delivered.",
        "1 of 1 scheduled check-ins held up to 12 Oct 2026.",
        "Signed for receipt on 29 Sep 2026.",
    )
    assert [line.label for line in process_lines(check)] == [
        "HR review",
        "Adjustments",
        "Pauses",
        "Right to be accompanied",
        "Employee's responses",
    ]


def test_a_witnessed_refusal_is_no_gap_and_its_witness_is_named() -> None:
    refused = plan(acknowledgement=Acknowledgement(on=d(9, 29), refused=True, witness=" Sam Okafor "))
    check = fairness_check(refused, d(10, 12))
    assert (check.acknowledgement_refused, check.refusal_witnessed, check.gaps) == (True, True, [])
    signed = fairness_check(plan(), d(10, 12))
    assert (signed.acknowledgement_refused, signed.refusal_witnessed) == (False, False)
    assert acknowledgement_text(refused.acknowledgement) == "Declined to sign on 29 Sep 2026 (witness: Sam Okafor)."
    assert acknowledgement_text(Acknowledgement(on=d(9, 29), refused=True, witness=" ")) == (
        "Declined to sign on 29 Sep 2026 (witness: no witness recorded)."
    )
    assert acknowledgement_text(Acknowledgement(on=d(9, 29))) == "Signed for receipt on 29 Sep 2026."


# The outcome kept when a closed plan is reopened


def closed_with_an_answered_outcome() -> Plan:
    return plan(
        status="closed",
        outcome=Outcome(decision=Decision.INSUFFICIENT, decided_on=d(12, 21), follow_up=FollowUp.EXTEND),
        appeal=Appeal(
            lodged_on=d(12, 28),
            grounds="The support was late.",
            heard_by="Jo Park",
            heard_on=d(1, 4, 2027),
            result=AppealResult.UPHELD,
            comments="Reopen the plan.",
        ),
        responses=[
            EmployeeResponse(to=ResponseTo.OUTCOME, on=d(12, 22), text="I disagree."),
            EmployeeResponse(to=ResponseTo.PLAN, on=d(10, 1), text="My view."),
            EmployeeResponse(to=ResponseTo.OUTCOME, on=d(12, 23), text="And more."),
        ],
    )


def test_setting_an_outcome_aside_keeps_it_its_appeal_and_the_responses_to_it_in_revisions() -> None:
    subject = closed_with_an_answered_outcome()
    when = dt.datetime(2027, 1, 5, 10, 30, tzinfo=dt.UTC)
    set_aside_outcome(subject, "Appeal upheld", when)
    assert (subject.outcome, subject.appeal) == (None, None)
    assert [(r.to, r.on, r.text) for r in subject.responses] == [(ResponseTo.PLAN, d(10, 1), "My view.")]
    assert subject.revisions == [
        Revision(
            at=when,
            field="outcome",
            old="Not successful; decided on 2026-12-21; follow-up: extend the plan to a new end date",
            new=None,
            reason="Appeal upheld",
        ),
        Revision(
            at=when,
            field="appeal",
            old="Appeal lodged on 28 Dec 2026, heard by Jo Park on 4 Jan 2027: upheld; "
            "grounds: The support was late.; comments: Reopen the plan.",
            new=None,
            reason="Appeal upheld",
        ),
        Revision(
            at=when,
            field="responses.2026-12-22",
            old="Response to the outcome, 2026-12-22:\nI disagree.",
            new=None,
            reason="Appeal upheld",
        ),
        Revision(
            at=when,
            field="responses.2026-12-23",
            old="Response to the outcome, 2026-12-23:\nAnd more.",
            new=None,
            reason="Appeal upheld",
        ),
    ]


def test_setting_aside_keeps_only_what_there_is() -> None:
    subject = plan(status="closed", appeal=Appeal(lodged_on=d(12, 28), grounds="Unfair", comments=" \n "))
    when = dt.datetime(2027, 1, 5, 10, 30, tzinfo=dt.UTC)
    set_aside_outcome(subject, "Reopened", when)
    assert subject.revisions == [
        Revision(
            at=when,
            field="appeal",
            old="Appeal lodged on 28 Dec 2026, not yet heard; grounds: Unfair",
            new=None,
            reason="Reopened",
        )
    ]
    assert subject.appeal is None
    nothing = plan()
    set_aside_outcome(nothing, "Reopened", when)
    assert (nothing.revisions, nothing.outcome, nothing.appeal) == ([], None, None)


def test_the_outcome_line_names_a_result_in_lower_case_and_leaves_out_an_empty_summary() -> None:
    outcome = Outcome(
        decision=Decision.SUCCESSFUL,
        follow_up=FollowUp.RETURN_TO_NORMAL,
        summary=" \n ",
        results=[ObjectiveResult(objective="a", result=NOT_MET), ObjectiveResult(objective="b", result=PARTLY)],
    )
    assert outcome_line(outcome) == (
        "Successful; no decision date; follow-up: return to normal performance management; "
        "results: a not met, b partially met"
    )


def test_the_outcome_line_keeps_the_capitals_of_a_name_inside_a_label() -> None:
    outcome = Outcome(decision=Decision.INSUFFICIENT, follow_up=FollowUp.FURTHER_ACTION)
    assert outcome_line(outcome) == "Not successful; no decision date; follow-up: further action with HR"


# The record in full, part by part


def test_the_right_to_be_accompanied_at_a_meeting_and_who_attended() -> None:
    assert [companion_offer(Checkin(date=d(10, 5), companion_offered=v)) for v in (True, False, None)] == [
        "Offered",
        "Not offered",
        "Not recorded",
    ]
    attended = Checkin(
        date=d(10, 5),
        kind=CheckinKind.MIDPOINT,
        attendance=[
            Attendee(name="Dana  Lee", role=AttendeeRole.MANAGER),
            Attendee(name="Sam Okafor", role=AttendeeRole.HR),
            Attendee(name="Tom Reyes", role=AttendeeRole.COMPANION),
        ],
    )
    assert attendance_text(attended) == "Dana Lee (manager); Sam Okafor (HR); Tom Reyes (companion)"
    assert attendance_text(Checkin(date=d(10, 5))) == "—"


def test_the_receipt_names_the_employee_and_the_day_in_full() -> None:
    assert receipt_text(Acknowledgement(on=d(9, 29)), "Alex") == "Alex acknowledged receipt on 29 September 2026."
    witnessed = Acknowledgement(on=d(9, 29), refused=True, witness=" Sam \n Okafor ")
    assert receipt_text(witnessed, "Alex") == "Alex declined to sign on 29 September 2026 (witness: Sam Okafor)."
    for witness in (None, " "):
        unwitnessed = Acknowledgement(on=d(9, 29), refused=True, witness=witness)
        assert receipt_text(unwitnessed, "Alex") == (
            "Alex declined to sign on 29 September 2026 (witness: no witness recorded)."
        )


def test_the_review_summary_says_sent_reviewed_by_whom_and_a_review_after_issue() -> None:
    review = HrReview(sent_on=d(9, 21), reviewed_by=" Priya \n Shah ", reviewed_on=d(9, 24), comments="Fine.")
    assert (
        review_summary(plan(hr_review=review))
        == "Sent to HR for review on 21 Sep 2026. Reviewed by Priya Shah on 24 Sep 2026."
    )
    assert review_summary(plan(hr_review=review, issued_on=d(9, 24))) == (
        "Sent to HR for review on 21 Sep 2026. Reviewed by Priya Shah on 24 Sep 2026."
    )
    assert review_summary(plan(hr_review=review, issued_on=d(9, 23))) == (
        "Sent to HR for review on 21 Sep 2026. Reviewed by Priya Shah on 24 Sep 2026. "
        "The review came after the plan was issued."
    )
    anonymous = HrReview(reviewed_on=d(9, 24))
    assert review_summary(plan(hr_review=anonymous)) == "Reviewed on 24 Sep 2026."


def test_the_review_summary_before_a_review() -> None:
    assert review_summary(plan(hr_review=HrReview(sent_on=d(9, 21)))) == (
        "Sent to HR for review on 21 Sep 2026. Not yet reviewed."
    )
    assert review_summary(plan(hr_review=HrReview(), issued_on=d(9, 28))) == "Not yet reviewed."
    assert review_summary(plan(hr_review=None)) == "Not yet sent to HR for review."
    assert review_summary(plan(hr_review=None, issued_on=d(9, 28))) == "Issued without an HR review."


def test_the_rule_of_suggestion_in_the_managers_words_with_n_from_preferences() -> None:
    half = "partially met also when the last value moved at least half of the way from the baseline to the target."
    assert suggestion_rule(1) == (
        "Each result is suggested by the values measured at check-ins: met when the last value measured at a "
        f"check-in reached the target; {half}"
    )
    assert suggestion_rule(3) == (
        "Each result is suggested by the values measured at check-ins: met when the target was reached at each "
        "of the last 3 measured check-ins; reached at fewer, it is met once, not yet sustained, and suggested as "
        f"partially met; {half}"
    )
