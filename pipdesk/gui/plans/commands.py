"""The plan commands of the plan list: a new plan (blank or from a template), a template from a plan,
plan files in and out, deleting a plan, issuing it, and the sample plans.

Plain functions over a plan book (or a plan session), a prompter and today: the menu actions and the
welcome page call them, and tests call them as they are. A problem the person can act on is raised
as a :class:`PipdeskError`; the shell's one runner shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pipdesk.domain import Person, PipdeskError, Plan, PlanInvalid, vocabulary
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.plans.new_plan_dialog import NewPlanAnswers, NewPlanDialog
from pipdesk.services.plan_files import PlanFileUnreadable, write_plan_file
from pipdesk.services.plan_files import import_plan_file as add_plan_file
from pipdesk.services.samples import add_demo_plans
from pipdesk.services.templates import (
    PlanTemplate,
    TemplateExists,
    list_templates,
    plan_from_template,
    save_as_template,
)
from pipdesk.store import PlanBook

PLAN_FILE_FILTER = "Plan files (*.json);;All files (*)"


@dataclass(frozen=True)
class NewPlan:
    """A plan just added, and the manager named in it (offered again next time)."""

    plan_id: int
    manager: str


def _ask_new_plan(
    prompter: Prompts, today: dt.date, manager: str, templates: Sequence[PlanTemplate] | None, parent: QWidget | None
) -> NewPlanAnswers | None:
    dialog = NewPlanDialog(today, manager=manager, templates=templates, parent=parent)
    return dialog.answers() if prompter.run_dialog(dialog) else None


def new_plan(
    book: PlanBook, prompter: Prompts, today: dt.date, manager: str = "", parent: QWidget | None = None
) -> NewPlan | None:
    """A blank draft plan for the person and period asked; ``None`` when cancelled."""
    answers = _ask_new_plan(prompter, today, manager, None, parent)
    if answers is None:
        return None
    plan = Plan(
        title=answers.title,
        employee=Person(name=answers.employee, job_title=answers.job_title),
        manager=Person(name=answers.manager),
        start_date=answers.start,
        end_date=answers.end,
        checkin_every_days=answers.every_days,
    )
    return NewPlan(book.add(plan), answers.manager)


def new_plan_from_template(
    book: PlanBook,
    prompter: Prompts,
    today: dt.date,
    templates_folder: Path,
    manager: str = "",
    parent: QWidget | None = None,
) -> NewPlan | None:
    """A draft plan from a chosen template; templates that cannot be read are said first."""
    listing = list_templates(templates_folder)
    if listing.problems:
        prompter.warning("Some templates cannot be read", "\n".join(str(problem) for problem in listing.problems))
    answers = _ask_new_plan(prompter, today, manager, list(listing.templates), parent)
    if answers is None or answers.template is None:
        return None
    plan = plan_from_template(
        answers.template,
        Person(name=answers.employee, job_title=answers.job_title),
        Person(name=answers.manager),
        answers.start,
        answers.end,
        answers.every_days,
    )
    plan.title = answers.title
    return NewPlan(book.add(plan), answers.manager)


def save_plan_as_template(plan: Plan, prompter: Prompts, templates_folder: Path) -> tuple[str, Path] | None:
    """The plan's objectives and support as a template of the name asked; its name and file, or ``None``."""
    name = prompter.ask_text("Save as template", "Name of the template:", plan.title)
    if name is None or not name.strip():
        return None
    name = name.strip()
    description = f"From “{plan.title}”: {len(plan.objectives)} objectives, {len(plan.support)} support actions"
    try:
        return name, save_as_template(plan, name, description, templates_folder)
    except TemplateExists as exists:
        if not prompter.confirm("Save as template", f"{exists}.\n\nReplace it?", "Replace template"):
            return None
        return name, save_as_template(plan, name, description, templates_folder, replace=True)


def import_plan_file(book: PlanBook, prompter: Prompts, path: Path | None = None) -> int | None:
    """A plan file chosen by the person (or ``path``, opened with pipdesk), added to the plan book; a file with
    problems lists them."""
    path = path or prompter.open_file("Import plan file", PLAN_FILE_FILTER)
    if path is None:
        return None
    try:
        return add_plan_file(book, path)
    except PlanFileUnreadable as error:
        raise PipdeskError(f"{path} cannot be read ({error.reason})") from None
    except PlanInvalid as error:
        prompter.warning(
            "The plan file cannot be imported",
            f"{path.name} has {vocabulary.count(len(error.problems), 'problem')}; nothing was imported.",
            details="\n".join(str(p) for p in error.problems),
        )
        return None


def export_plan_file(plan: Plan, prompter: Prompts, attachment_content: Callable[[str], bytes]) -> Path | None:
    """The plan as a plan file where the person chooses, its attached files (read with ``attachment_content``)
    in a folder beside it."""
    suggested = f"{plan.employee.name} - {plan.title}.json".replace("/", "-")
    path = prompter.save_file("Export plan file", suggested, PLAN_FILE_FILTER)
    if path is None:
        return None
    write_plan_file(path, plan, attachment_content=attachment_content)
    return path


def delete_plan(book: PlanBook, plan_id: int, prompter: Prompts, let_go: Callable[[], None] = lambda: None) -> bool:
    """Delete the plan once the person confirms, saying what goes with it; ``let_go`` runs just before."""
    plan = book.get(plan_id)
    lost = [
        vocabulary.count(len(plan.objectives), "objective"),
        vocabulary.count(len(plan.checkins), "check-in"),
        f"{vocabulary.count(len(plan.concerns), 'concern')} with their evidence",
        f"{vocabulary.count(len(plan.revisions), 'revision')} of its history",
    ]
    if not prompter.confirm(
        "Delete plan",
        f"Delete “{plan.title}” for {plan.employee.name} ({plan.status.label.lower()})?\n\n"
        f"This removes the plan with its {', '.join(lost)}. It cannot be undone; export the plan file "
        "first if HR may need it.",
        "Delete plan",
    ):
        return False
    let_go()
    book.delete(plan_id)
    return True


def add_sample_plans(book: PlanBook) -> list[int]:
    """The sample plans ``book`` does not hold yet, added to it; their numbers."""
    return add_demo_plans(book)


def make_sample_plan_book(path: Path) -> Path:
    """The sample plans in the plan book at ``path`` (made when missing), so they never mix with real plans."""
    with PlanBook.open(path) as samples:
        add_demo_plans(samples)
    return path
