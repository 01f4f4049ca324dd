"""The SMART check of objectives and what stops a draft being issued."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pipdesk.domain import Objective, Person, Plan, Problem, Status, plan_problems
from pipdesk.domain.smart import (
    SmartIssue,
    issue_blockers,
    objectives_needing_work,
    plan_smart_issues,
    smart_issues,
    vague_wording,
)

from conftest import SAMPLE_NAMES, load_sample

START = dt.date(2026, 12, 1)
END = dt.date(2027, 1, 29)


def smart(**fields: Any) -> Objective:
    """A SMART objective, changed by ``fields``."""
    values: dict[str, Any] = {
        "key": "on-time",
        "category": "behavioral",
        "title": "Arrive for the 08:00 handover",
        "description": "Late arrivals at the shift handover, counted over 4 weeks.",
        "metric": "late arrivals per 4 weeks",
        "unit": "arrivals",
        "baseline": 7,
        "target": 0,
        "due_date": END,
    }
    values.update(fields)
    return Objective.model_validate(values)


def issues_of(objective: Objective) -> list[SmartIssue]:
    return smart_issues(objective, START, END)


def fields_of(objective: Objective) -> list[str]:
    return [issue.field for issue in issues_of(objective)]


def draft(**fields: Any) -> Plan:
    values: dict[str, Any] = {
        "title": "Punctuality",
        "status": "draft",
        "employee": Person(name="Dmitry"),
        "manager": Person(name="Dana"),
        "start_date": START,
        "end_date": END,
        "checkin_every_days": 7,
        "objectives": [smart()],
    }
    values.update(fields)
    return Plan.model_validate(values)


def paths(problems: list[Problem]) -> list[tuple[object, ...]]:
    return [problem.path for problem in problems]


# Each missing part


def test_a_complete_measurable_objective_has_no_issues() -> None:
    assert issues_of(smart()) == []


def test_objective_without_metric_is_marked_on_the_metric() -> None:
    assert issues_of(smart(metric="")) == [SmartIssue("metric", "No metric: say what will be measured")]


def test_a_metric_of_only_spaces_counts_as_none() -> None:
    assert fields_of(smart(metric="   \n")) == ["metric"]


def test_objective_without_baseline_is_marked_on_the_baseline() -> None:
    assert fields_of(smart(baseline=None)) == ["baseline"]


def test_objective_without_target_is_marked_on_the_target() -> None:
    assert fields_of(smart(target=None)) == ["target"]


def test_objective_without_due_date_is_marked_on_the_due_date() -> None:
    assert fields_of(smart(due_date=None)) == ["due_date"]


def test_a_baseline_of_zero_is_a_baseline() -> None:
    assert issues_of(smart(baseline=0, target=5)) == []


def test_target_equal_to_baseline_is_marked_on_the_target() -> None:
    [issue] = issues_of(smart(baseline=3, target=3))
    assert issue.field == "target"
    assert "equals the baseline (3)" in issue.message


def test_every_missing_part_is_marked_in_field_order() -> None:
    bare = Objective(key="o", title="Arrive for the 08:00 handover")
    assert fields_of(bare) == ["metric", "baseline", "target", "due_date"]


# Due date inside the plan period


def test_due_date_after_the_plan_ends_says_both_dates() -> None:
    [issue] = issues_of(smart(due_date=dt.date(2027, 3, 1)))
    assert issue == SmartIssue("due_date", "Due date 2027-03-01 is after the plan ends on 2027-01-29")


def test_due_date_before_the_plan_starts_says_both_dates() -> None:
    [issue] = issues_of(smart(due_date=dt.date(2026, 11, 30)))
    assert issue == SmartIssue("due_date", "Due date 2026-11-30 is before the plan starts on 2026-12-01")


@pytest.mark.parametrize("due", [START, END])
def test_due_date_on_the_first_or_last_day_of_the_plan_is_inside(due: dt.date) -> None:
    assert issues_of(smart(due_date=due)) == []


# Vague wording


@pytest.mark.parametrize(
    "title",
    [
        "Improve punctuality",
        "Better handovers",
        "Be on time more",
        "Work harder on tickets",
        "Reply to customers ASAP",
        "Reply to customers as soon as possible",
        "Try to arrive on time",
        "Be more punctual",
        "Arrive late less often",
        "Do your best at handover",
        "Step up at handover",
    ],
)
def test_vague_title_with_no_number_is_marked_on_the_title(title: str) -> None:
    assert fields_of(smart(title=title, description="")) == ["title"]


def test_vague_description_with_no_number_is_marked_on_the_description() -> None:
    objective = smart(title="Arrive on time", description="Improve punctuality.")
    assert fields_of(objective) == ["description"]


def test_vague_title_and_description_are_each_marked() -> None:
    objective = smart(title="Be on time more", description="Improve punctuality.")
    assert fields_of(objective) == ["title", "description"]


def test_vague_word_is_quoted_with_advice_on_how_much() -> None:
    [issue] = issues_of(smart(title="improve punctuality", description=""))
    assert issue.message == "'Improve' with no number: say by how much, e.g. from 3 late arrivals a month to 0"


def test_asap_is_quoted_in_capitals_with_advice_on_by_when() -> None:
    [issue] = issues_of(smart(title="Answer emails asap", description=""))
    assert issue.message.startswith("'ASAP' with no number: say by when")


def test_the_longest_vague_phrase_is_quoted() -> None:
    [issue] = issues_of(smart(title="Arrive late less often", description=""))
    assert issue.message.startswith("'Less often'")


def test_vague_wording_matches_whatever_the_case() -> None:
    assert fields_of(smart(title="IMPROVE PUNCTUALITY", description="")) == ["title"]


def test_vague_phrase_matches_across_a_line_break() -> None:
    assert vague_wording("Please work\nharder") == "work\nharder"


@pytest.mark.parametrize("title", ["Fewer reopened tickets", "Resolve tickets faster", "Reduce errors", "Less rework"])
def test_a_direction_word_alone_is_not_vague(title: str) -> None:
    # Only wording that is clearly vague is marked; the metric and target say how much.
    assert issues_of(smart(title=title, description="")) == []


@pytest.mark.parametrize(
    "text",
    ["Moreover, arrive on time", "Furthermore, arrive on time", "Be timeless", "An improver of handovers", "Tryto"],
)
def test_vague_words_inside_other_words_are_not_matched(text: str) -> None:
    assert vague_wording(text) is None


def test_vague_wording_with_a_number_in_the_title_is_not_marked() -> None:
    assert issues_of(smart(title="Improve from 7 late arrivals to 0", description="Improve punctuality.")) == []


def test_vague_wording_with_a_number_in_the_description_is_not_marked() -> None:
    assert issues_of(smart(title="Be on time more", description="No more than 1 late arrival in 4 weeks.")) == []


def test_a_number_in_the_metric_alone_does_not_excuse_vague_wording() -> None:
    objective = smart(title="Improve punctuality", description="", metric="late arrivals per 4 weeks")
    assert fields_of(objective) == ["title"]


def test_vague_wording_is_listed_before_missing_parts() -> None:
    objective = Objective(key="o", title="Work harder")
    assert fields_of(objective) == ["title", "metric", "baseline", "target", "due_date"]


# The plan


def test_plan_smart_issues_lists_only_objectives_with_issues_by_index() -> None:
    plan = draft(objectives=[smart(key="a"), smart(key="b", metric=""), smart(key="c")])
    assert plan_smart_issues(plan) == {1: [SmartIssue("metric", "No metric: say what will be measured")]}


def test_objectives_needing_work_counts_objectives_not_issues() -> None:
    plan = draft(objectives=[Objective(key="a", title="Improve"), smart(key="b"), smart(key="c", target=None)])
    assert objectives_needing_work(plan) == 2


def test_plan_without_objectives_needs_no_work_on_them() -> None:
    assert plan_smart_issues(draft(objectives=[])) == {}
    assert objectives_needing_work(draft(objectives=[])) == 0


def test_plan_smart_issues_check_due_dates_against_the_plan_period() -> None:
    plan = draft(end_date=dt.date(2027, 1, 15))
    assert plan_smart_issues(plan) == {
        0: [SmartIssue("due_date", "Due date 2027-01-29 is after the plan ends on 2027-01-15")]
    }


# Issuing a draft


def test_a_sound_smart_draft_has_no_blockers() -> None:
    assert issue_blockers(draft()) == []


def test_issue_needs_no_hr_partner() -> None:
    assert draft().hr_partner is None
    assert issue_blockers(draft()) == []


def test_issue_refused_without_objectives() -> None:
    [blocker] = issue_blockers(draft(objectives=[]))
    assert blocker.path == ("plan", "objectives")
    assert "at least one objective" in blocker.message


def test_issue_refused_without_checkin_cadence() -> None:
    [blocker] = issue_blockers(draft(checkin_every_days=None))
    assert blocker.path == ("plan", "checkin_every_days")
    assert "how often" in blocker.message


def test_issue_refused_while_objective_has_no_target() -> None:
    blockers = issue_blockers(draft(objectives=[smart(target=None)]))
    assert blockers == [Problem(("plan", "objectives", 0, "target"), "No target: say what level counts as success")]


def test_missing_parts_are_reported_once_in_the_smart_words_not_the_rule_words() -> None:
    plan = draft(objectives=[Objective(key="o", title="Arrive for the 08:00 handover")])
    rule_paths = {p.path for p in plan_problems(plan.model_copy(update={"status": Status.ACTIVE}))}
    blockers = issue_blockers(plan)
    assert rule_paths <= set(paths(blockers))  # the rules did find them…
    assert len(paths(blockers)) == len(set(paths(blockers)))  # …but each field is reported once
    assert all("once a plan is active" not in b.message for b in blockers)


def test_target_equal_to_baseline_is_reported_once() -> None:
    blockers = issue_blockers(draft(objectives=[smart(baseline=2, target=2)]))
    assert paths(blockers) == [("plan", "objectives", 0, "target")]
    assert "equals the baseline" in blockers[0].message


def test_due_date_outside_the_period_is_reported_once_with_the_plan_end() -> None:
    blockers = issue_blockers(draft(objectives=[smart(due_date=dt.date(2027, 3, 1))]))
    assert blockers == [
        Problem(
            ("plan", "objectives", 0, "due_date"),
            "Due date 2027-03-01 is after the plan ends on 2027-01-29",
        )
    ]


def test_issue_refused_while_objective_has_no_kind() -> None:
    blockers = issue_blockers(draft(objectives=[smart(), smart(key="second", category=None)]))
    assert paths(blockers) == [("plan", "objectives", 1, "category")]
    assert "technical or behavioral" in blockers[0].message


def test_an_objective_without_a_kind_is_still_smart() -> None:
    assert issues_of(smart(category=None)) == []


def test_issue_blockers_include_rules_beyond_objectives() -> None:
    plan = draft(manager=Person(name=" "))
    assert paths(issue_blockers(plan)) == [("plan", "manager", "name")]


def test_issue_blockers_follow_the_order_of_the_plan() -> None:
    plan = draft(
        checkin_every_days=None,
        objectives=[smart(key="a", due_date=None), Objective(key="b", title="Work harder", metric="m")],
        employee=Person(name=""),
    )
    assert paths(issue_blockers(plan)) == [
        ("plan", "employee", "name"),
        ("plan", "checkin_every_days"),
        ("plan", "objectives", 0, "due_date"),
        ("plan", "objectives", 1, "title"),
        ("plan", "objectives", 1, "category"),
        ("plan", "objectives", 1, "baseline"),
        ("plan", "objectives", 1, "target"),
        ("plan", "objectives", 1, "due_date"),
    ]


def test_issue_blockers_leave_the_draft_a_draft() -> None:
    plan = draft(objectives=[])
    issue_blockers(plan)
    assert plan.status is Status.DRAFT


# The sample plans


def test_dmitry_draft_is_blocked_with_its_vague_wording_flagged() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    [issues] = plan_smart_issues(plan).values()
    assert [issue.field for issue in issues] == ["title", "description", "metric", "baseline", "target", "due_date"]
    assert issues[0].message.startswith("'More' with no number")
    assert issues[1].message.startswith("'Improve' with no number")
    blockers = issue_blockers(plan)
    assert ("plan", "objectives", 0, "title") in paths(blockers)
    assert ("plan", "objectives", 0, "description") in paths(blockers)
    assert len(blockers) == 6


@pytest.mark.parametrize("name", ["alex-delivery-active", "beth-communication-closed", "carl-skills-extended"])
def test_sample_plans_past_draft_have_no_smart_issues(name: str) -> None:
    assert plan_smart_issues(load_sample(name)) == {}


def test_alex_active_plan_has_no_smart_issues() -> None:
    plan = load_sample("alex-delivery-active")
    assert plan_smart_issues(plan) == {}
    assert objectives_needing_work(plan) == 0


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_objective_has_a_complete_measure_unless_draft(name: str) -> None:
    plan = load_sample(name)
    measure_fields = {"metric", "baseline", "target", "due_date"}
    flagged = {issue.field for issues in plan_smart_issues(plan).values() for issue in issues}
    assert (flagged & measure_fields == set()) is (plan.status is not Status.DRAFT)
