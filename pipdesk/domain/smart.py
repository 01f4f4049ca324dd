"""The live SMART check of objectives, and everything that stops a draft plan being issued."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from pipdesk.domain.model import Objective, Plan, Status
from pipdesk.domain.problems import PathPart, Problem
from pipdesk.domain.rules import plan_problems


@dataclass(frozen=True)
class SmartIssue:
    """What keeps one objective from being SMART: the field to mark and what to do about it."""

    field: str
    message: str


class _Vagueness(Enum):
    AMOUNT = "say by how much, e.g. from 3 late arrivals a month to 0"
    DEADLINE = "say by when, e.g. within 2 working days"
    EFFORT = "say what result will show it, e.g. from 3 late arrivals a month to 0"


#: Wording that promises a change without saying how much, by when or how it shows. A phrase is
#: matched as whole words, case-insensitive, any run of spaces between its words; an objective is
#: flagged only when neither its title nor its description holds a digit.
VAGUE_WORDING: dict[str, _Vagueness] = {
    "improve": _Vagueness.AMOUNT,
    "improves": _Vagueness.AMOUNT,
    "improved": _Vagueness.AMOUNT,
    "improving": _Vagueness.AMOUNT,
    "improvement": _Vagueness.AMOUNT,
    "better": _Vagueness.AMOUNT,
    "more": _Vagueness.AMOUNT,
    "be more": _Vagueness.AMOUNT,
    "less often": _Vagueness.AMOUNT,
    "more often": _Vagueness.AMOUNT,
    "as much as possible": _Vagueness.AMOUNT,
    "asap": _Vagueness.DEADLINE,
    "as soon as possible": _Vagueness.DEADLINE,
    "when possible": _Vagueness.DEADLINE,
    "where possible": _Vagueness.DEADLINE,
    "as needed": _Vagueness.DEADLINE,
    "work harder": _Vagueness.EFFORT,
    "try harder": _Vagueness.EFFORT,
    "try to": _Vagueness.EFFORT,
    "do your best": _Vagueness.EFFORT,
    "best effort": _Vagueness.EFFORT,
    "step up": _Vagueness.EFFORT,
}

# Longest phrase first, so "less often" is quoted rather than "less".
_VAGUE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in sorted(VAGUE_WORDING, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SHOUTED = {"asap": "ASAP"}


def vague_wording(text: str) -> str | None:
    """The first vague word or phrase in ``text`` as written, or None."""
    found = _VAGUE.search(text)
    return found.group(0) if found else None


def smart_issues(objective: Objective, plan_start: dt.date, plan_end: dt.date) -> list[SmartIssue]:
    """What keeps the objective from being SMART, in the order of its fields; empty when it is."""
    issues: list[SmartIssue] = []
    issues.extend(_vague_issues(objective))
    if not objective.metric.strip():
        issues.append(SmartIssue("metric", "No metric: say what will be measured"))
    if objective.baseline is None:
        issues.append(SmartIssue("baseline", "No baseline: say where the measure stands today"))
    if objective.target is None:
        issues.append(SmartIssue("target", "No target: say what level counts as success"))
    elif objective.baseline is not None and objective.target == objective.baseline:
        issues.append(
            SmartIssue(
                "target",
                f"Target equals the baseline ({_number(objective.baseline)}): say what change counts as success",
            )
        )
    due = objective.due_date
    if due is None:
        issues.append(SmartIssue("due_date", "No due date: say when the target must be reached"))
    elif due < plan_start:
        issues.append(
            SmartIssue("due_date", f"Due date {due.isoformat()} is before the plan starts on {plan_start.isoformat()}")
        )
    elif due > plan_end:
        issues.append(
            SmartIssue("due_date", f"Due date {due.isoformat()} is after the plan ends on {plan_end.isoformat()}")
        )
    return issues


def plan_smart_issues(plan: Plan) -> dict[int, list[SmartIssue]]:
    """The SMART issues of each objective that has any, by the objective's index in the plan."""
    found: dict[int, list[SmartIssue]] = {}
    for index, objective in enumerate(plan.objectives):
        issues = smart_issues(objective, plan.start_date, plan.end_date)
        if issues:
            found[index] = issues
    return found


def objectives_needing_work(plan: Plan) -> int:
    """How many of the plan's objectives are not yet SMART."""
    return len(plan_smart_issues(plan))


def issue_blockers(plan: Plan) -> list[Problem]:
    """Everything that stops the plan being issued to the employee; empty when it may be.

    That is every rule a plan keeps once it is active, every SMART issue, at least one objective,
    a kind for each objective and a check-in cadence. An HR partner is not required. Where a rule
    and a SMART issue mark the same field, only the SMART issue is kept: it says what to do, not
    just what is missing.
    """
    blockers: list[Problem] = []
    if not plan.objectives:
        blockers.append(Problem(("plan", "objectives"), "Add at least one objective: say what must change"))
    if plan.checkin_every_days is None:
        blockers.append(
            Problem(
                ("plan", "checkin_every_days"), "No check-in cadence: say how often you will meet, e.g. every 7 days"
            )
        )
    smart = [
        Problem(("plan", "objectives", index, issue.field), issue.message)
        for index, issues in plan_smart_issues(plan).items()
        for issue in issues
    ]
    # The outcome sorts each result by its objective's kind; one without a kind would sit apart.
    blockers.extend(
        Problem(("plan", "objectives", index, "category"), "No kind: say whether it is technical or behavioral")
        for index, objective in enumerate(plan.objectives)
        if objective.category is None
    )
    smart_paths = {problem.path for problem in smart}
    as_active = plan.model_copy(update={"status": Status.ACTIVE})
    blockers.extend(problem for problem in plan_problems(as_active) if problem.path not in smart_paths)
    blockers.extend(smart)
    return sorted(blockers, key=lambda problem: _document_order(problem.path))


_PLAN_FIELDS = list(Plan.model_fields)
_OBJECTIVE_FIELDS = list(Objective.model_fields)


def _rank(names: list[str], part: PathPart | None) -> int:
    return names.index(part) if isinstance(part, str) and part in names else -1


def _document_order(path: tuple[PathPart, ...]) -> tuple[int, int, int]:
    """Plan field, item index, objective field: enough to list blockers as the plan reads (sorts stably)."""
    field = path[1] if len(path) > 1 else None
    index = path[2] if len(path) > 2 and isinstance(path[2], int) else -1
    inner = _rank(_OBJECTIVE_FIELDS, path[3]) if field == "objectives" and len(path) > 3 else -1
    return _rank(_PLAN_FIELDS, field), index, inner


def _vague_issues(objective: Objective) -> list[SmartIssue]:
    if _DIGIT.search(objective.title) or _DIGIT.search(objective.description):
        return []
    issues = []
    for field, text in (("title", objective.title), ("description", objective.description)):
        found = vague_wording(text)
        if found is None:
            continue
        shown = _SHOUTED.get(found.casefold(), found[:1].upper() + found[1:])
        advice = VAGUE_WORDING[" ".join(found.casefold().split())].value
        issues.append(SmartIssue(field, f"'{shown}' with no number: {advice}"))
    return issues


def _number(value: float) -> str:
    return f"{value:g}"
