"""Closing suggestions: result per objective, decision per plan, and the fairness check."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import (
    Acknowledgement,
    Adjustment,
    AdjustmentDecision,
    Appeal,
    AppealResult,
    Checkin,
    CheckinKind,
    Decision,
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
    Result,
    SupportAction,
)
from pipdesk.domain.outcome import (
    NO_GAPS,
    acknowledgement_text,
    default_decided_on,
    dimension_decisions,
    dimension_text,
    evidence,
    fairness_check,
    fairness_lines,
    gaps_text,
    outcome_line,
    process_lines,
    suggest_decision,
    suggest_result,
)
from pipdesk.domain.progress import series
from pipdesk.planfile import parse_plan_file

from conftest import SAMPLE_NAMES, TODAY, load_sample, running_plan, sample_path

TECHNICAL = ObjectiveCategory.TECHNICAL
BEHAVIORAL = ObjectiveCategory.BEHAVIORAL


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def points(*values: float) -> list[tuple[dt.date, float]]:
    return [(d(10, 5) + dt.timedelta(weeks=i), float(v)) for i, v in enumerate(values)]


def objective(
    key: str = "o", baseline: float = 50, target: float = 90, category: ObjectiveCategory | None = None
) -> Objective:
    return Objective(key=key, title=key, category=category, baseline=baseline, target=target, due_date=d(12, 21))


plan = running_plan


# suggest_result


def test_no_result_without_a_measurement() -> None:
    assert suggest_result(objective(), []) is None


def test_no_result_for_an_objective_without_baseline_and_target() -> None:
    assert suggest_result(Objective(key="o", title="Draft"), points(4)) is None


@pytest.mark.parametrize(
    ("last", "expected"),
    [(90, Result.MET), (97, Result.MET), (89, Result.PARTIALLY_MET), (70, Result.PARTIALLY_MET), (69, Result.NOT_MET)],
)
def test_result_higher_is_better(last: float, expected: Result) -> None:
    # One value needed to meet the target: the threshold of a single value alone.
    assert suggest_result(objective(), points(60, last), sustained=1) is expected


@pytest.mark.parametrize(
    ("last", "expected"),
    [(10, Result.MET), (3, Result.MET), (11, Result.PARTIALLY_MET), (25, Result.PARTIALLY_MET), (26, Result.NOT_MET)],
)
def test_result_lower_is_better(last: float, expected: Result) -> None:
    assert suggest_result(objective(baseline=40, target=10), points(30, last), sustained=1) is expected


def test_a_tiny_improvement_is_not_met() -> None:
    assert suggest_result(objective(baseline=55, target=90), points(57)) is Result.NOT_MET


def test_worse_than_the_baseline_is_not_met() -> None:
    assert suggest_result(objective(baseline=40, target=10), points(45)) is Result.NOT_MET


def test_result_follows_the_last_values_not_the_best() -> None:
    assert suggest_result(objective(), points(92, 60), sustained=1) is Result.NOT_MET
    assert suggest_result(objective(), points(92, 60, 60)) is Result.NOT_MET  # 92 is before the last two


# Sustained improvement: the last N measured values


def test_met_once_then_missed_is_met_once_not_sustained() -> None:
    assert suggest_result(objective(), points(60, 92, 85)) is Result.PARTIALLY_MET
    # 65 is under half the way: only the 92 just before it makes it "met once".
    assert suggest_result(objective(), points(60, 92, 65)) is Result.PARTIALLY_MET
    assert suggest_result(objective(), points(60, 92, 65), sustained=1) is Result.NOT_MET


def test_met_at_the_last_two_values_is_met() -> None:
    assert suggest_result(objective(), points(91, 92)) is Result.MET
    assert suggest_result(objective(), points(60, 91, 92)) is Result.MET


def test_a_met_latest_value_after_a_miss_is_met_once() -> None:
    assert suggest_result(objective(), points(60, 92)) is Result.PARTIALLY_MET


def test_fewer_measurements_than_needed_with_a_met_latest_value_is_met_once() -> None:
    assert suggest_result(objective(), points(95)) is Result.PARTIALLY_MET
    assert suggest_result(objective(), points(91, 92), sustained=3) is Result.PARTIALLY_MET


def test_n_from_preferences_widens_the_window() -> None:
    assert suggest_result(objective(), points(91, 92, 93), sustained=3) is Result.MET
    assert suggest_result(objective(), points(85, 92, 93), sustained=3) is Result.PARTIALLY_MET
    assert suggest_result(objective(), points(85, 92, 93), sustained=2) is Result.MET


def test_met_once_is_explained_in_the_evidence() -> None:
    once = plan(
        objectives=[objective("a")],
        checkins=[
            Checkin(date=d(10, 5) + dt.timedelta(weeks=i), progress=[Progress(objective="a", value=v)])
            for i, v in enumerate((60, 92, 85))
        ],
    )
    (item,) = evidence(once)
    assert item.suggested is Result.PARTIALLY_MET and item.met_once
    assert item.why == (
        "Met once, not yet sustained: the target was reached at 1 of the last 2 measured check-ins; "
        "it must be reached at 2 in a row"
    )
    (one_value,) = evidence(once, 1)  # with N = 1 only the last value counts: 85 is most of the way
    assert not one_value.met_once and one_value.why == "88% of the way from the baseline to the target"


def test_met_at_n_in_a_row_is_explained_in_the_evidence() -> None:
    held = plan(
        objectives=[objective("a")],
        checkins=[
            Checkin(date=d(10, 5) + dt.timedelta(weeks=i), progress=[Progress(objective="a", value=v)])
            for i, v in enumerate((91, 92, 93))
        ],
    )
    (item,) = evidence(held, 3)
    assert item.suggested is Result.MET and not item.met_once
    assert item.why == "The target was reached at each of the last 3 measured check-ins"
    (single,) = evidence(held.model_copy(update={"checkins": held.checkins[:1]}))
    assert single.why == (
        "Met once, not yet sustained: the target was reached at the only measured check-in; "
        "it must be reached at 2 in a row"
    )


# suggest_decision


def test_all_met_is_successful() -> None:
    objectives = [objective("a", category=TECHNICAL), objective("b", category=BEHAVIORAL)]
    assert suggest_decision({"a": Result.MET, "b": Result.MET}, objectives) is Decision.SUCCESSFUL


def test_none_met_or_partially_met_is_insufficient() -> None:
    objectives = [objective("a", category=TECHNICAL), objective("b", category=BEHAVIORAL)]
    assert suggest_decision({"a": Result.NOT_MET, "b": Result.NOT_MET}, objectives) is Decision.INSUFFICIENT


def test_a_partially_met_objective_alone_makes_partial() -> None:
    objectives = [objective("a"), objective("b")]
    assert suggest_decision({"a": Result.PARTIALLY_MET, "b": Result.NOT_MET}, objectives) is Decision.PARTIAL


def test_technical_success_with_behavioral_failure_is_not_a_success() -> None:
    objectives = [
        objective("a", category=TECHNICAL),
        objective("b", category=TECHNICAL),
        objective("c", category=BEHAVIORAL),
    ]
    results = {"a": Result.MET, "b": Result.MET, "c": Result.NOT_MET}
    assert suggest_decision(results, objectives) is Decision.PARTIAL
    assert dimension_decisions(results, objectives) == {
        TECHNICAL: Decision.SUCCESSFUL,
        BEHAVIORAL: Decision.INSUFFICIENT,
    }


def test_behavioral_success_with_technical_partly_met_is_partial() -> None:
    objectives = [objective("a", category=TECHNICAL), objective("c", category=BEHAVIORAL)]
    results = {"a": Result.PARTIALLY_MET, "c": Result.MET}
    assert suggest_decision(results, objectives) is Decision.PARTIAL
    assert dimension_decisions(results, objectives) == {TECHNICAL: Decision.PARTIAL, BEHAVIORAL: Decision.SUCCESSFUL}


def test_no_decision_until_every_objective_has_a_result() -> None:
    objectives = [objective("a"), objective("b")]
    assert suggest_decision({"a": Result.MET, "b": None}, objectives) is None
    assert suggest_decision({"a": Result.MET}, objectives) is None


def test_no_decision_without_objectives() -> None:
    assert suggest_decision({}, []) is None


def test_results_for_unknown_objectives_are_ignored() -> None:
    assert suggest_decision({"a": Result.MET, "gone": Result.NOT_MET}, [objective("a")]) is Decision.SUCCESSFUL


# the samples


def suggested_results(plan: Plan) -> dict[str, Result | None]:
    return {o.key: suggest_result(o, series(plan, o.key)) for o in plan.objectives}


def test_closed_sample_suggestion_matches_its_recorded_outcome() -> None:
    beth = load_sample("beth-communication-closed")
    results = suggested_results(beth)
    assert beth.outcome is not None
    assert results == {r.objective: r.result for r in beth.outcome.results}
    assert suggest_decision(results, beth.objectives) is beth.outcome.decision is Decision.SUCCESSFUL


def test_extended_sample_suggests_partial() -> None:
    carl = load_sample("carl-skills-extended")
    results = suggested_results(carl)
    # The certificate was passed once, at the only check-in that measured it: met once, not yet sustained.
    assert results == {"cert": Result.PARTIALLY_MET, "ttr": Result.PARTIALLY_MET, "reopen": Result.PARTIALLY_MET}
    assert suggest_decision(results, carl.objectives) is Decision.PARTIAL


def test_active_sample_suggests_partial_so_far() -> None:
    alex = load_sample("alex-delivery-active")
    results = suggested_results(alex)
    assert results == {"on-time": Result.PARTIALLY_MET, "status-reports": Result.MET, "estimates": Result.PARTIALLY_MET}
    assert suggest_decision(results, alex.objectives) is Decision.PARTIAL


def test_draft_sample_has_nothing_to_suggest() -> None:
    dmitry = load_sample("dmitry-punctuality-draft")
    results = suggested_results(dmitry)
    assert results == {"punctual": None}
    assert suggest_decision(results, dmitry.objectives) is None


# fairness_check


def on_the_record(subject: Plan) -> Plan:
    """``subject`` with an HR review before issue and the right to be accompanied offered at each formal meeting."""
    review = HrReview(sent_on=subject.start_date, reviewed_by="Sam Okafor", reviewed_on=subject.start_date)
    checkins = [c.model_copy(update={"companion_offered": True}) if c.is_formal else c for c in subject.checkins]
    return subject.model_copy(update={"hr_review": review, "checkins": checkins})


def test_a_fair_plan_has_no_gaps() -> None:
    check = fairness_check(on_the_record(load_sample("beth-communication-closed")), TODAY)
    assert check.gaps == []
    assert not check.has_gaps
    assert (check.support_delivered, check.support_promised) == (2, 2)
    assert (check.checkins_held, check.checkins_scheduled) == (6, 6)
    assert check.acknowledgement_recorded


def test_undelivered_support_is_listed_in_plain_words() -> None:
    check = fairness_check(on_the_record(load_sample("alex-delivery-active")), TODAY)
    assert check.undelivered_support == [
        "Estimate review every two weeks with Dana",
        "Monthly session with a senior programme manager",
    ]
    assert check.gaps == [
        "2 of 4 support actions were not delivered: "
        "Estimate review every two weeks with Dana; Monthly session with a senior programme manager."
    ]


def test_one_undelivered_support_action_reads_in_the_singular() -> None:
    check = fairness_check(plan(support=[SupportAction(description="Course")]), TODAY)
    assert check.gaps == ["1 of 1 support action was not delivered: Course."]


def test_missed_check_ins_up_to_today_are_a_gap() -> None:
    milestones = [
        Milestone(title=f"Check-in {i}", kind=MilestoneKind.CHECKIN, date=d(10, 5) + dt.timedelta(weeks=i))
        for i in range(4)
    ]
    subject = plan(milestones=milestones, checkins=[Checkin(date=d(10, 5)), Checkin(date=d(10, 13))])
    check = fairness_check(subject, d(10, 27))
    assert (check.checkins_held, check.checkins_scheduled) == (2, 4)
    assert check.gaps == ["2 of 4 check-ins scheduled up to 2026-10-27 were not held."]


def test_check_ins_after_the_end_date_are_not_counted_as_missed() -> None:
    subject = plan(
        end_date=d(10, 12),
        milestones=[
            Milestone(title="Check-in 1", kind=MilestoneKind.CHECKIN, date=d(10, 5)),
            Milestone(title="Final review", kind=MilestoneKind.FINAL, date=d(10, 12)),
        ],
        checkins=[Checkin(date=d(10, 5))],
    )
    check = fairness_check(subject, TODAY)
    assert (check.checkins_held, check.checkins_scheduled) == (1, 2)
    assert check.gaps == ["1 of 2 check-ins scheduled up to 2026-10-12 was not held."]


def test_missing_acknowledgement_is_a_gap() -> None:
    check = fairness_check(on_the_record(load_sample("carl-skills-extended")), TODAY)
    assert not check.acknowledgement_recorded
    assert check.gaps == ["The employee's acknowledgement of the plan is not recorded."]


def test_refusal_without_witness_is_a_gap_and_with_witness_is_not() -> None:
    unwitnessed = fairness_check(plan(acknowledgement=Acknowledgement(on=d(9, 29), refused=True)), TODAY)
    assert unwitnessed.acknowledgement_refused and not unwitnessed.refusal_witnessed
    assert unwitnessed.gaps == ["The employee refused to sign the plan, and no witness to the refusal is recorded."]

    witnessed = fairness_check(
        plan(acknowledgement=Acknowledgement(on=d(9, 29), refused=True, witness="Sam Okafor (HR)")), TODAY
    )
    assert witnessed.acknowledgement_refused and witnessed.refusal_witnessed
    assert witnessed.gaps == []


def test_the_samples_show_the_gaps_plan_format_2_found() -> None:
    beth = fairness_check(load_sample("beth-communication-closed"), TODAY)
    assert beth.gaps == [
        "The right to be accompanied is not recorded as offered at 1 of 1 formal meeting.",
        "The plan was issued without an HR review.",
    ]


def test_the_fairness_check_adds_the_fair_process_lines_and_gaps() -> None:
    subject = plan(
        status="closed",
        hr_review=None,
        adjustments=[
            Adjustment(requested="Screen reader", decision=AdjustmentDecision.AGREED, in_place_on=d(10, 5)),
            Adjustment(requested="Later start", decision=AdjustmentDecision.ALTERNATIVE, in_place_on=d(10, 12)),
            Adjustment(requested="Home working", decision=AdjustmentDecision.REFUSED, reason="Client site role"),
        ],
        pauses=[Pause(paused_on=d(10, 19), resumed_on=d(11, 2), reason="Sickness absence")],
        checkins=[Checkin(date=d(10, 5), kind=CheckinKind.MIDPOINT, companion_offered=True)],
        appeal=Appeal(lodged_on=d(12, 28), heard_by="Jo Park", heard_on=d(1, 4), result=AppealResult.NOT_UPHELD),
    )
    check = fairness_check(subject, TODAY)
    lines = {line.label: line.text for line in check.process}
    assert lines["Adjustments"] == "3 adjustments requested: 2 in place from 5 Oct 2026, 1 refused with a reason."
    assert lines["Pauses"].startswith("Paused once, 14 days in all")
    assert lines["Appeal"] == "Appeal lodged on 28 Dec 2026, heard by Jo Park on 4 Jan 2026: not upheld."
    assert lines["HR review"] == "Not yet sent to HR for review."
    assert check.gaps == ["The plan was issued without an HR review."]
    assert "Acknowledgement" in lines and "Acknowledgement" not in [line.label for line in process_lines(check)]


def test_the_acknowledgement_line_says_receipt_or_refusal_and_re_acknowledgements() -> None:
    again = plan(reacknowledgements=[Acknowledgement(on=d(11, 2))])
    assert fairness_lines(fairness_check(again, TODAY), again, TODAY)[2] == (
        "Signed for receipt on 29 Sep 2026; acknowledged again once after changes."
    )
    refused = plan(acknowledgement=Acknowledgement(on=d(9, 29), refused=True, witness="Sam"))
    assert fairness_lines(fairness_check(refused, TODAY), refused, TODAY)[2] == (
        "Declined to sign on 29 Sep 2026 (witness: Sam)."
    )


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_can_be_checked(name: str) -> None:
    subject = load_sample(name)
    check = fairness_check(subject, TODAY)
    assert check.support_delivered + len(check.undelivered_support) == check.support_promised
    assert all(gap.endswith(".") for gap in check.gaps)


# What the evidence says, in the manager's words


def test_evidence_gives_each_objective_its_last_value_and_suggestion_in_plan_order() -> None:
    measured = plan(
        objectives=[objective("a"), objective("b", baseline=10, target=0)],
        checkins=[Checkin(date=d(11, 16), progress=[Progress(objective="a", value=70)])],
    )
    first, second = evidence(measured)
    assert (first.objective.key, first.last, first.suggested) == ("a", (d(11, 16), 70.0), Result.PARTIALLY_MET)
    assert first.why == "50% of the way from the baseline to the target"
    assert first.last_measured == "70 on 16 Nov 2026"
    assert (second.last, second.suggested, second.why) == (None, None, "No value measured yet")
    assert second.last_measured == "Not measured"


def test_dimension_text_names_each_dimensions_decision_once_every_result_is_known() -> None:
    objectives = [objective("t", category=TECHNICAL), objective("b", category=BEHAVIORAL)]
    assert dimension_text({"t": Result.MET, "b": None}, objectives) == ""
    assert dimension_text({"t": Result.MET, "b": Result.PARTIALLY_MET}, objectives) == (
        "Technical: successful. Behavioral: partially successful."
    )


def test_the_fairness_lines_count_support_and_check_ins_and_name_the_acknowledgement() -> None:
    running = plan(support=[SupportAction(description="Mentoring", done=False)])
    check = fairness_check(running, TODAY)
    support, checkins, acknowledgement = fairness_lines(check, running, TODAY)
    assert support == "0 of 1 support actions delivered. Not delivered: Mentoring."
    assert checkins.endswith("up to 23 Nov 2026.")
    assert acknowledgement == "Signed for receipt on 29 Sep 2026."
    assert gaps_text(check) == " ".join(check.gaps) and gaps_text(check) != NO_GAPS
    assert acknowledgement_text(None) == "Not recorded."
    refused = Acknowledgement(on=d(9, 29), refused=True)
    assert acknowledgement_text(refused) == "Declined to sign on 29 Sep 2026 (witness: no witness recorded)."


def test_more_check_ins_held_than_scheduled_never_reads_as_a_fraction_over_one() -> None:
    """Carl held a check-in his schedule did not ask for: "4 check-ins held, 3 scheduled", not "4 of 3"."""
    carl = parse_plan_file((sample_path("x").parent / "v2" / "carl-skills-appealed.json").read_bytes())
    check = fairness_check(carl, carl.end_date)
    assert check.checkins_held > check.checkins_scheduled
    checkins = fairness_lines(check, carl, carl.end_date)[1]
    assert checkins == (
        f"{check.checkins_held} check-ins held, {check.checkins_scheduled} scheduled, up to 30 Sep 2026."
    )


def test_the_outcome_line_keeps_the_whole_outcome_for_the_history() -> None:
    outcome = Outcome(
        decision=Decision.PARTIAL,
        decided_on=d(12, 21),
        follow_up=FollowUp.REASSIGN,
        summary="Better,\n not there yet.",
        results=[ObjectiveResult(objective="a", result=Result.MET), ObjectiveResult(objective="b")],
    )
    assert outcome_line(outcome) == (
        "Partially successful; decided on 2026-12-21; follow-up: reassign to another role; "
        "results: a met, b not assessed; summary: Better, not there yet."
    )
    assert outcome_line(Outcome()) == "No decision; no decision date; no follow-up"


def test_a_decision_is_proposed_for_today_within_the_plans_period() -> None:
    running = plan()
    assert default_decided_on(running, TODAY) == TODAY
    assert default_decided_on(running, d(1, 5)) == running.start_date
    assert default_decided_on(running, dt.date(2027, 3, 1)) == running.end_date
