"""What stops a draft being issued, word for word, read as the plan will be once issued, and listed in
the plan's order even when a list is too long to read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipdesk.domain import Decision, Objective, Outcome, Pause, Person, Plan, Problem
from pipdesk.domain.smart import SmartIssue, issue_blockers, smart_issues

START = dt.date(2026, 12, 1)
END = dt.date(2027, 1, 29)


def objective(**fields: Any) -> Objective:
    """A SMART objective of a kind, changed by ``fields``."""
    values: dict[str, Any] = {
        "key": "on-time",
        "category": "behavioral",
        "title": "Arrive for the 08:00 handover",
        "metric": "late arrivals per 4 weeks",
        "baseline": 7,
        "target": 0,
        "due_date": END,
    }
    values.update(fields)
    return Objective.model_validate(values)


def draft(**fields: Any) -> Plan:
    values: dict[str, Any] = {
        "title": "Punctuality",
        "status": "draft",
        "employee": Person(name="Dmitry"),
        "manager": Person(name="Dana"),
        "start_date": START,
        "end_date": END,
        "checkin_every_days": 7,
        "objectives": [objective()],
    }
    values.update(fields)
    return Plan.model_validate(values)


def test_each_missing_part_of_an_objective_says_what_to_do_in_these_words() -> None:
    bare = Objective(key="o", title="Arrive for the 08:00 handover")
    assert smart_issues(bare, START, END) == [
        SmartIssue("metric", "No metric: say what will be measured"),
        SmartIssue("baseline", "No baseline: say where the measure stands today"),
        SmartIssue("target", "No target: say what level counts as success"),
        SmartIssue("due_date", "No due date: say when the target must be reached"),
    ]


def test_a_draft_without_objectives_cadence_or_kinds_is_refused_in_these_words() -> None:
    assert issue_blockers(draft(objectives=[], checkin_every_days=None)) == [
        Problem(("plan", "checkin_every_days"), "No check-in cadence: say how often you will meet, e.g. every 7 days"),
        Problem(("plan", "objectives"), "Add at least one objective: say what must change"),
    ]
    assert issue_blockers(draft(objectives=[objective(category=None)])) == [
        Problem(("plan", "objectives", 0, "category"), "No kind: say whether it is technical or behavioral")
    ]


def test_the_rules_are_read_as_for_the_plan_once_issued() -> None:
    """An issued plan is active: it may be paused, and the words name it active."""
    paused = draft()
    paused.pauses.append(Pause(paused_on=dt.date(2026, 12, 3), reason="Leave"))
    assert issue_blockers(paused) == []
    decided = draft(outcome=Outcome(decision=Decision.SUCCESSFUL, decided_on=END))
    assert issue_blockers(decided) == [
        Problem(("plan", "outcome"), "Only a closed plan may have an outcome; this plan is active")
    ]


def test_a_list_too_long_is_reported_before_the_problems_of_its_items() -> None:
    objectives = [objective(key=f"objective-{n}") for n in range(51)]
    objectives[0] = objective(key="objective-0", category=None)
    objectives[1] = objective(key="objective-1", category=None)
    assert [str(problem) for problem in issue_blockers(draft(objectives=objectives))] == [
        "plan.objectives: This list holds 51 items; pipdesk reads at most 50 objectives",
        "plan.objectives[0].category: No kind: say whether it is technical or behavioral",
        "plan.objectives[1].category: No kind: say whether it is technical or behavioral",
    ]
