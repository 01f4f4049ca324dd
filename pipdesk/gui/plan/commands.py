"""The Plan view's commands: each change a manager makes to a plan, as a plain function.

Each takes the plan session and the prompter (and the parent of any dialog it opens) and returns
the problems the change would cause (nothing is saved when there are any), or None when the person
cancelled. On an issued plan, a change to its dates, cadence, commitments, objectives or support
first asks why, and the answer is kept as a revision in the plan's history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtWidgets import QWidget

from pipdesk.domain import (
    Concern,
    DatedNote,
    Objective,
    Person,
    PipdeskError,
    Plan,
    PlanInvalid,
    Problem,
    Status,
    SupportAction,
    vocabulary,
)
from pipdesk.domain.fair_process import HR_REVIEW_FIELD, hr_review_line
from pipdesk.domain.schedule import generate_schedule
from pipdesk.domain.smart import issue_blockers
from pipdesk.gui.common.dialogs import answer_of
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.reason import ask_reason, change_with_reason
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.words import where
from pipdesk.gui.plan.acknowledgements import acknowledgement_text as acknowledgement_text
from pipdesk.gui.plan.acknowledgements import awaits_acknowledgement as awaits_acknowledgement
from pipdesk.gui.plan.acknowledgements import record_acknowledgement as record_acknowledgement
from pipdesk.gui.plan.objective_dialog import ObjectiveDialog
from pipdesk.services.templates import leftover_guidance

#: The fields of an issued plan whose change asks for a reason (with objectives and support).
PROTECTED_FIELDS = frozenset(
    {"start_date", "end_date", "checkin_every_days", "manager_commitments", "employee_commitments"}
)
ROLES = {"employee": "employee", "manager": "manager", "hr_partner": "HR partner"}
PERSON_FIELDS = ("name", "job_title", "department", "email")

_LABELS = {
    "start_date": "Start date",
    "end_date": "End date",
    "checkin_every_days": "Check-in cadence (days)",
    "manager_commitments": "Manager's commitments",
    "employee_commitments": "Employee's commitments",
    "support": "Support",
    "objectives": "Objectives",
}


def field_label(field: str) -> str:
    """A field of the plan (or a revision's ``objectives.ttr.target``) in the manager's words."""
    return _LABELS.get(field) or field.replace("_", " ").replace(".", " › ").capitalize()


def as_text(value: Any) -> str | None:
    """A value as a revision keeps it: dates in ISO form, ``55`` rather than ``55.0``, enums by value."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(getattr(value, "value", value))


def asks_reason(session: PlanSession, field: str) -> bool:
    """Whether changing ``field`` asks why: on an issued plan, for its dates, cadence and commitments."""
    return session.issued and field in PROTECTED_FIELDS


# Single fields


def edit_field(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, field: str, value: Any
) -> list[Problem] | None:
    """Set one field of the plan (``title``, ``end_date``, ``summary``…), asking why when it must."""
    label = field_label(field)
    text = f"Edit {label.lower()}"

    def edit(plan: Plan) -> None:
        setattr(plan, field, value)

    if not asks_reason(session, field):
        return session.change(text, edit, merge_key=field)
    old, new = as_text(getattr(session.plan, field)), as_text(value)
    change = f"{label}: {old or '(empty)'} → {new or '(empty)'}"
    return change_with_reason(
        session, prompter, parent, text, edit, field=field, old=old, new=new, change=change, merge_key=field
    )


def set_person(session: PlanSession, role: str, values: dict[str, str]) -> list[Problem]:
    """Set the employee, manager or HR partner (``role``) from the fields typed; a blank HR partner is none."""
    person = None if role == "hr_partner" and not any(values.values()) else Person.model_validate(values)
    return session.change(f"Edit {ROLES[role]}", lambda plan: setattr(plan, role, person), merge_key=f"person.{role}")


# Lists of the plan: prior discussions, concerns and their evidence, objectives, support


def unique_key(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}-{number}" in taken:
        number += 1
    return f"{prefix}-{number}"


def new_dated_note(plan: Plan, today: dt.date) -> DatedNote:
    return DatedNote(date=min(today, plan.start_date), note="")


def new_concern(plan: Plan, _today: dt.date) -> Concern:
    return Concern(key=unique_key("concern", {c.key for c in plan.concerns}), area="New concern")


def new_objective(plan: Plan, _today: dt.date) -> Objective:
    return Objective(
        key=unique_key("objective", {o.key for o in plan.objectives}), title="New objective", due_date=plan.end_date
    )


def new_support(_plan: Plan, _today: dt.date) -> SupportAction:
    return SupportAction(description="New support action", owner="Manager")


@dataclass(frozen=True)
class PlanList:
    """One list of a plan: where it is, what its items are called, and how a new one starts."""

    attribute: str
    noun: str
    new_item: Callable[[Plan, dt.date], BaseModel]
    #: On an issued plan, adding, removing or editing an item asks why.
    protected: bool = False
    #: Where the list is in a plan, when it is not the plan's attribute (evidence is a concern's).
    items: Callable[[Plan], list[Any]] | None = None

    def of(self, plan: Plan) -> list[Any]:
        items: list[Any] = self.items(plan) if self.items is not None else getattr(plan, self.attribute)
        return items

    def item_name(self, item: Any) -> str:
        key = getattr(item, "key", None)
        return str(key) if key else str(getattr(item, "title", None) or getattr(item, "description", None) or "")


PRIOR_DISCUSSIONS = PlanList("prior_discussions", "discussion", new_dated_note)
CONCERNS = PlanList("concerns", "concern", new_concern)
OBJECTIVES = PlanList("objectives", "objective", new_objective, protected=True)
SUPPORT = PlanList("support", "support action", new_support, protected=True)


def evidence_list(concern_of: Callable[[Plan], Concern | None]) -> PlanList:
    """The evidence of the concern ``concern_of`` picks (the one selected); empty when there is none."""

    def evidence(plan: Plan) -> list[DatedNote]:
        concern = concern_of(plan)
        return concern.evidence if concern is not None else []

    return PlanList("evidence", "evidence", new_dated_note, items=evidence)


def _change_list(
    session: PlanSession,
    prompter: Prompts | None,
    parent: QWidget | None,
    plan_list: PlanList,
    text: str,
    edit: Callable[[list[Any]], None],
    revision: tuple[str, str | None, str | None] | None,
) -> list[Problem] | None:
    def change(plan: Plan) -> None:
        edit(plan_list.of(plan))

    try:
        if plan_list.protected and session.issued and revision is not None:
            assert prompter is not None
            field, old, new = revision
            what = f"{field_label(field)}: {old or '(none)'} → {new or '(none)'}"
            return change_with_reason(
                session, prompter, parent, text, change, field=field, old=old, new=new, change=what
            )
        return session.change(text, change)
    except ValidationError as error:  # a value of the wrong kind typed in a cell
        return [Problem((), validation_message(error))]
    except PipdeskError as error:  # a limit the plan would break, in the manager's words
        return [Problem((), str(error))]


def edit_item(
    session: PlanSession,
    prompter: Prompts,
    parent: QWidget | None,
    plan_list: PlanList,
    row: int,
    attr: str,
    value: Any,
) -> list[Problem] | None:
    """Set ``attr`` of the item at ``row`` (a cell of the list's table)."""
    item = plan_list.of(session.plan)[row]
    field = f"{plan_list.attribute}.{plan_list.item_name(item)}.{attr}"
    return _change_list(
        session,
        prompter,
        parent,
        plan_list,
        f"Edit {plan_list.noun}",
        lambda items: setattr(items[row], attr, value),
        (field, as_text(getattr(item, attr)), as_text(value)),
    )


def add_item(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, plan_list: PlanList, today: dt.date
) -> list[Problem] | None:
    """Add a new item at the end of the list.

    A new objective is asked for in a dialog; an issued plan holds complete objectives only, so
    there it must be SMART at once.
    """
    item = plan_list.new_item(session.plan, today)
    if plan_list.attribute == "objectives":
        asked = _ask_objective(session, prompter, parent, getattr(item, "key", "objective"), None)
        if asked is None:
            return None
        item = asked
    return _change_list(
        session,
        prompter,
        parent,
        plan_list,
        f"Add {plan_list.noun}",
        lambda items: items.append(item),
        (plan_list.attribute, None, plan_list.item_name(item)),
    )


def _ask_objective(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, key: str, shown: Objective | None
) -> Objective | None:
    """The objective as the manager fills it in the objective dialog; None when cancelled."""
    dialog = ObjectiveDialog(session.plan, key, parent, objective=shown, complete=session.issued)
    return answer_of(prompter, dialog, dialog.problems, dialog.objective)


def edit_objective(session: PlanSession, prompter: Prompts, parent: QWidget | None, row: int) -> list[Problem] | None:
    """Edit the objective at ``row`` in the objective dialog, as one step; on an issued plan, asking why."""
    before = session.plan.objectives[row]
    after = _ask_objective(session, prompter, parent, before.key, before)
    if after is None:
        return None
    changed = [name for name in Objective.model_fields if getattr(before, name) != getattr(after, name)]
    if not changed:
        return []
    if len(changed) == 1:
        field, old, new = (
            f"objectives.{before.key}.{changed[0]}",
            *(as_text(getattr(o, changed[0])) for o in (before, after)),
        )
    else:
        field = f"objectives.{before.key}"
        old, new = ("; ".join(f"{n}: {as_text(getattr(o, n)) or '(none)'}" for n in changed) for o in (before, after))

    def replace(items: list[Any]) -> None:
        items[row] = after

    return _change_list(session, prompter, parent, OBJECTIVES, "Edit objective", replace, (field, old, new))


def remove_item(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, plan_list: PlanList, row: int
) -> list[Problem] | None:
    name = plan_list.item_name(plan_list.of(session.plan)[row])
    return _change_list(
        session,
        prompter,
        parent,
        plan_list,
        f"Remove {plan_list.noun}",
        lambda items: items.pop(row),
        (plan_list.attribute, name, None),
    )


def move_item(session: PlanSession, plan_list: PlanList, row: int, delta: int) -> list[Problem]:
    """Move the item at ``row`` up (-1) or down (+1).

    Order is presentation, not substance: no reason is asked, but it is still one undoable step.
    """

    def move(items: list[Any]) -> None:
        items.insert(row + delta, items.pop(row))

    problems = _change_list(session, None, None, plan_list, f"Move {plan_list.noun}", move, None)
    assert problems is not None  # no reason asked, none cancelled
    return problems


def validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    if first["type"] in {"float_type", "float_parsing"}:
        return f"Expected a number, found {first.get('input')!r}"
    return str(first["msg"])


# The plan as a whole: issue it, record its acknowledgement


def issue_plan(session: PlanSession, prompter: Prompts, today: dt.date) -> bool:
    """Issue a draft today: it becomes active, with a check-in schedule from its cadence.

    Says what blocks it first, if anything; asks before issuing. True when the plan was issued.
    Raises :class:`PlanInvalid` when the issued plan would break a rule.
    """
    plan = session.plan
    blockers = issue_blockers(plan)
    if blockers:
        lines = "\n".join(f"• {where(plan, p.path)}: {p.message}" for p in blockers)
        prompter.warning("The plan cannot be issued yet", f"Fix these first; each is marked in the plan:\n\n{lines}")
        return False
    leftovers = leftover_guidance(plan)
    if leftovers:
        lines = "\n".join(f"• {vocabulary.revision_field(plan, path)}" for path in leftovers)
        prompter.warning(
            "The plan still holds a template's guidance",
            "These still hold the template's instructions to you, which the employee would read as part of "
            f"the plan. Write your own words in their place, then issue the plan:\n\n{lines}",
        )
        return False
    question = (
        f"Issue “{plan.title}” to {plan.employee.name} today ({today.isoformat()})?\n\n"
        "The check-in schedule is set from the cadence. After issue, every change to dates, objectives, "
        "support or commitments asks for a reason and is kept in the plan's history."
    )
    revision = None
    if plan.hr_review is None or plan.hr_review.reviewed_on is None:
        revision = _issue_without_review(plan, prompter, question)
        if revision is None:
            return False
    elif not prompter.confirm("Issue plan", question, "Issue plan"):
        return False
    every_days = plan.checkin_every_days or 7

    def issue(draft: Plan) -> None:
        draft.status = Status.ACTIVE
        draft.issued_on = today
        if not draft.milestones:
            draft.milestones = generate_schedule(draft.start_date, draft.end_date, every_days)

    problems = session.change("Issue plan", issue, revision=revision)
    if problems:
        raise PlanInvalid(problems, intro="The plan could not be issued")
    return True


#: What the history says when a plan was issued before HR reviewed it.
ISSUED_WITHOUT_REVIEW = "Issued without an HR review"


def _issue_without_review(
    plan: Plan, prompter: Prompts, question: str
) -> tuple[str, str | None, str | None, str] | None:
    """Ask whether to issue a plan HR has not reviewed, and why; the revision that keeps the answer, or None."""
    missing = hr_review_line(plan)
    if not prompter.confirm(
        "Issue without an HR review?",
        f"HR has not reviewed this plan: {missing[0].lower()}{missing[1:]}\n\n{question}\n\n"
        "If you issue it now, you are asked why, and the answer is kept in the plan's history.",
        "Issue without review",
    ):
        return None
    reason = ask_reason(prompter, f"{ISSUED_WITHOUT_REVIEW}: {missing}", None)
    if reason is None:
        return None
    return (HR_REVIEW_FIELD, missing, ISSUED_WITHOUT_REVIEW, reason)
