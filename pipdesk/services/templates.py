"""Plan templates: the built-in starting points for common cases, and the manager's own.

A template file is UTF-8 JSON::

    {"template": {"name": "Attendance and punctuality", "description": "One line for the picker."},
     "guidance": {"summary": "Describe the lateness…", "concerns.lateness.description": "List the…"},
     "support_due_in_days": [14, null, 7],
     "plan": {...a plan as in plan format v1, status "draft"...}}

``guidance`` (optional) is what the manager reads while writing a field (the plan editor shows it as
the placeholder of the empty field); it is never copied into a plan, so it can never be printed.
``support_due_in_days`` (optional) gives each support action, in order, its due date in days after
the plan's start (``null``: ongoing).

The plan part is read exactly as a plan file's ``plan`` (unknown keys refused, every rule kept).
It holds placeholder people ("Employee", "Manager") and the placeholder period
:data:`TEMPLATE_START`–:data:`TEMPLATE_END`; objectives carry no due date, concerns no evidence,
and there are no check-ins, milestones, revisions or outcome. :func:`plan_from_template` puts in
the real people and dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipdesk.domain import Person, PipdeskError, Plan, PlanInvalid, Problem, Status, plan_problems
from pipdesk.planfile import FORMAT_NAME, FORMAT_VERSION, parse_plan_file, read_plan_json
from pipdesk.system.resources import resource_path
from pipdesk.system.safe_write import make_private_folder, write_private_file

TEMPLATE_START = dt.date(2026, 1, 5)
TEMPLATE_END = dt.date(2026, 3, 27)
PLACEHOLDER_EMPLOYEE = "Employee"
PLACEHOLDER_MANAGER = "Manager"

_TOP_LEVEL_KEYS = ("template", "guidance", "support_due_in_days", "plan")
_TEMPLATE_KEYS = ("name", "description")
_NOT_A_TEMPLATE = "This is not a template pipdesk can read"
# Names Windows will not take for a file, whatever the extension.
_RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_SLUG_LENGTH = 60
_GUIDED_PLAN_FIELDS = ("title", "summary", "context", "manager_commitments", "employee_commitments", "consequences")
#: A guidance sentence shorter than this is not looked for in a plan ("Say why.").
_SENTENCE = 20


@dataclass(frozen=True)
class PlanTemplate:
    """A template the manager can start a plan from."""

    name: str
    description: str
    path: Path
    built_in: bool
    plan: Plan = field(repr=False, compare=False)
    #: What to write in a field, by its path (``summary``, ``concerns.lateness.description``).
    guidance: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    #: Each support action's due date in days after the plan's start, in order; None: ongoing.
    support_due_in_days: tuple[int | None, ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class BrokenTemplate:
    """A template file that could not be read, and why."""

    path: Path
    problems: tuple[Problem, ...]

    def __str__(self) -> str:
        return f"{self.path.name}: " + "; ".join(map(str, self.problems))


@dataclass(frozen=True)
class TemplateListing:
    """The templates that could be read, built-in first, and the files that could not."""

    templates: tuple[PlanTemplate, ...]
    problems: tuple[BrokenTemplate, ...]


class TemplateExists(PipdeskError):
    """A template of the manager's own is already saved under that file name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"A template is already saved as {path.name}; replace it, or choose another name")


def built_in_folder() -> Path:
    return resource_path("templates")


def read_template(path: Path, *, built_in: bool = False) -> PlanTemplate:
    """The template a file holds, or :class:`PlanInvalid` listing every problem with its JSON path."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PlanInvalid(
            [Problem((), f"The file cannot be read: {error.strerror or error}")], _NOT_A_TEMPLATE
        ) from None
    return _template_from(_read_document(data), path, built_in)


def _template_from(document: dict[str, Any], path: Path, built_in: bool) -> PlanTemplate:
    problems = _envelope_problems(document)
    plan: Plan | None = None
    plan_data = document.get("plan")
    if isinstance(plan_data, dict):
        envelope = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "plan": plan_data}
        try:
            plan = parse_plan_file(json.dumps(envelope, ensure_ascii=False))
        except PlanInvalid as invalid:
            problems.extend(invalid.problems)
        if plan_data.get("status") not in (None, Status.DRAFT.value):
            problems.append(
                Problem(("plan", "status"), f"A template is a draft; this one says {plan_data['status']!r}")
            )
    if plan is not None:
        problems.extend(_guidance_problems(document.get("guidance", {}), plan))
        problems.extend(_due_problems(document.get("support_due_in_days", []), plan))
    if problems or plan is None:
        raise PlanInvalid(problems, _NOT_A_TEMPLATE)
    about = document["template"]
    return PlanTemplate(
        name=about["name"].strip(),
        description=about.get("description", ""),
        path=path,
        built_in=built_in,
        plan=plan,
        guidance=dict(document.get("guidance", {})),
        support_due_in_days=tuple(document.get("support_due_in_days", [])),
    )


def text_fields(plan: Plan) -> dict[str, str]:
    """The plan's texts a template may give guidance for, by path (``concerns.lateness.description``)."""
    fields = {name: getattr(plan, name) for name in _GUIDED_PLAN_FIELDS}
    for concern in plan.concerns:
        fields[f"concerns.{concern.key}.area"] = concern.area
        fields[f"concerns.{concern.key}.description"] = concern.description
    for objective in plan.objectives:
        fields[f"objectives.{objective.key}.title"] = objective.title
        fields[f"objectives.{objective.key}.description"] = objective.description
    return fields


def guidance_for(plan: Plan, templates: Sequence[PlanTemplate] | None = None) -> dict[str, str]:
    """The guidance for the plan's fields: from the template it was made from, as far as can be told.

    That is the template sharing the most concerns with the plan (by key), or, when none does, the one
    with the plan's title. Only the fields the plan has are given.
    """
    templates = list_templates().templates if templates is None else templates
    concerns = {concern.key for concern in plan.concerns}

    def fit(template: PlanTemplate) -> tuple[int, bool]:
        shared = len(concerns & {concern.key for concern in template.plan.concerns})
        return shared, template.plan.title == plan.title

    guided = [template for template in templates if template.guidance]
    best = max(guided, key=fit, default=None)
    if best is None or fit(best) == (0, False):
        return {}
    fields = text_fields(plan)
    return {path: text for path, text in best.guidance.items() if path in fields}


def leftover_guidance(plan: Plan, templates: Sequence[PlanTemplate] | None = None) -> list[str]:
    """The paths of the plan's texts that still hold a template's guidance (a plan made before
    guidance was kept apart from the plan, or guidance pasted in): instructions, not content."""
    templates = list_templates().templates if templates is None else templates
    sentences = {
        sentence for template in templates for text in template.guidance.values() for sentence in _sentences(text)
    }
    return [path for path, text in text_fields(plan).items() if any(sentence in text for sentence in sentences)]


def _sentences(text: str) -> list[str]:
    """The sentences of a guidance text long enough to be recognised where they are pasted."""
    return [part for part in re.split(r"(?<=[.:])\s+", " ".join(text.split())) if len(part) >= _SENTENCE]


def list_templates(own_folder: Path | None = None) -> TemplateListing:
    """The built-in templates, then the manager's own from ``own_folder`` (``*.json``), each by name.

    A file that cannot be read is reported in ``problems`` by its file name; the others still load.
    A folder that does not exist yet holds no templates.
    """
    templates: list[PlanTemplate] = []
    problems: list[BrokenTemplate] = []
    folders = [(built_in_folder(), True)]
    if own_folder is not None and own_folder.is_dir() and not _same_folder(own_folder, built_in_folder()):
        folders.append((own_folder, False))
    for folder, built_in in folders:
        found: list[PlanTemplate] = []
        try:
            paths = sorted(folder.glob("*.json"))
        except OSError as error:
            problems.append(BrokenTemplate(folder, (Problem((), f"The folder cannot be read: {error}"),)))
            continue
        for path in paths:
            try:
                found.append(read_template(path, built_in=built_in))
            except PlanInvalid as invalid:
                problems.append(BrokenTemplate(path, tuple(invalid.problems)))
        templates.extend(sorted(found, key=lambda template: (template.name.casefold(), template.path.name)))
    return TemplateListing(tuple(templates), tuple(problems))


def plan_from_template(
    template: PlanTemplate,
    employee: Person,
    manager: Person,
    start: dt.date,
    end: dt.date,
    every_days: int | None = None,
    *,
    hr_partner: Person | None = None,
) -> Plan:
    """A new draft plan from the template, for these people and this period.

    Every objective is due on the end date; ``every_days`` overrides the template's check-in
    cadence. Raises :class:`PlanInvalid` when the result would not be a sound draft (a blank name,
    an end date not after the start).
    """
    if every_days is not None and not 1 <= every_days <= 90:
        raise PlanInvalid(
            [Problem(("plan", "checkin_every_days"), f"Check in every 1 to 90 days; {every_days} was asked")],
            "The template cannot make this plan",
        )
    data = _without_records(template.plan.model_dump())
    data.update(
        employee=employee.model_dump(),
        manager=manager.model_dump(),
        hr_partner=hr_partner.model_dump() if hr_partner is not None else None,
        start_date=start,
        end_date=end,
    )
    if every_days is not None:
        data["checkin_every_days"] = every_days
    for objective in data["objectives"]:
        objective["due_date"] = end
    for action, days in zip(data["support"], template.support_due_in_days, strict=False):
        if days is not None:
            action["due_date"] = min(start + dt.timedelta(days=days), end)
    plan = Plan.model_validate(data)
    problems = plan_problems(plan)
    if problems:
        raise PlanInvalid(problems, "The template cannot make this plan")
    return plan


def save_as_template(plan: Plan, name: str, description: str, folder: Path, *, replace: bool = False) -> Path:
    """Save the plan as one of the manager's own templates in ``folder``; the path written.

    People become placeholders and the period the template period; evidence, prior discussions,
    check-ins, milestones, revisions, outcome, acknowledgement and dates are left out. The plan
    itself is not changed. Refuses a name or folder of a built-in template, and raises
    :class:`TemplateExists` rather than replace a file unless ``replace`` is true. The file is
    written whole or not at all.
    """
    name = " ".join(name.split())
    if not name:
        raise PipdeskError("Give the template a name")
    if _same_folder(folder, built_in_folder()):
        raise PipdeskError("Your own templates cannot be saved among the built-in ones; choose another folder")
    built_in_names = {template.name.casefold() for template in list_templates().templates}
    if name.casefold() in built_in_names:
        raise PipdeskError(f"“{name}” is the name of a built-in template; choose another name")

    template_plan = template_of(plan)
    problems = plan_problems(template_plan)
    if problems:
        raise PlanInvalid(problems, "The plan cannot be saved as a template")
    document: dict[str, Any] = {"template": {"name": name, "description": " ".join(description.split())}}
    if any(action.due_date is not None for action in plan.support):
        document["support_due_in_days"] = [
            (action.due_date - plan.start_date).days if action.due_date is not None else None for action in plan.support
        ]
    document["plan"] = template_plan.model_dump(mode="json")
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    path = folder / f"{template_slug(name)}.json"
    _template_from(_read_document(text), path, built_in=False)  # it must read back before it is written
    if path.exists() and not replace:
        raise TemplateExists(path)
    make_private_folder(folder, own=True)
    write_private_file(path, text.encode("utf-8"))
    return path


def template_of(plan: Plan) -> Plan:
    """The plan as a template holds it: placeholder people and period, nothing that happened."""
    data = _without_records(plan.model_dump())
    data.update(
        employee={"name": PLACEHOLDER_EMPLOYEE},
        manager={"name": PLACEHOLDER_MANAGER},
        hr_partner=None,
        start_date=TEMPLATE_START,
        end_date=TEMPLATE_END,
    )
    for objective in data["objectives"]:
        objective["due_date"] = None
    return Plan.model_validate(data)


def template_slug(name: str) -> str:
    """A file name (without ``.json``) for a template name: ``"Late starts (ops)"`` → ``late-starts-ops``."""
    text = unicodedata.normalize("NFKC", name).casefold()
    slug = re.sub(r"[\W_]+", "-", text).strip("-")[:_SLUG_LENGTH].strip("-") or "template"
    return f"{slug}-template" if slug in _RESERVED_NAMES else slug


def _without_records(data: dict[str, Any]) -> dict[str, Any]:
    """A plan's data as a fresh draft: what happened during a plan is not part of a template."""
    data = dict(data)
    data.update(
        status=Status.DRAFT,
        issued_on=None,
        acknowledgement=None,
        prior_discussions=[],
        milestones=[],
        checkins=[],
        revisions=[],
        outcome=None,
    )
    data["concerns"] = [{**concern, "evidence": []} for concern in data["concerns"]]
    data["support"] = [{**action, "due_date": None, "done": False} for action in data["support"]]
    data["objectives"] = [dict(objective) for objective in data["objectives"]]
    return data


def _same_folder(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


def _read_document(data: bytes | str) -> dict[str, Any]:
    """The template's JSON, read as a plan file's is (the same limits, the same problems and paths)."""
    try:
        document = read_plan_json(data)
    except PlanInvalid as invalid:
        raise PlanInvalid(invalid.problems, _NOT_A_TEMPLATE) from None
    if not isinstance(document, dict):
        raise PlanInvalid([Problem((), 'A template is a JSON object with "template" and "plan"')], _NOT_A_TEMPLATE)
    return document


def _guidance_problems(guidance: Any, plan: Plan) -> list[Problem]:
    if not isinstance(guidance, dict):
        return [Problem(("guidance",), "Expected the guidance as an object of texts by field")]
    fields = text_fields(plan)
    problems = []
    for path, text in guidance.items():
        if path not in fields:
            problems.append(Problem(("guidance", path), f"The plan has no field {path!r} to give guidance for"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(("guidance", path), "Expected the guidance as text"))
    return problems


def _due_problems(days: Any, plan: Plan) -> list[Problem]:
    if not isinstance(days, list) or (days and len(days) != len(plan.support)):
        return [
            Problem(
                ("support_due_in_days",),
                f"Expected a list of {len(plan.support)} numbers of days (or null), one for each support action",
            )
        ]
    span = (plan.end_date - plan.start_date).days
    return [
        Problem(("support_due_in_days", index), f"Expected a whole number of days from 0 to {span}, or null")
        for index, value in enumerate(days)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= span)
    ]


def _envelope_problems(document: dict[str, Any]) -> list[Problem]:
    problems = [Problem((key,), f"Unknown key {key!r}") for key in document if key not in _TOP_LEVEL_KEYS]
    if "plan" not in document:
        problems.append(Problem(("plan",), 'The key "plan" is missing'))
    elif not isinstance(document["plan"], dict):
        problems.append(Problem(("plan",), "Expected the plan as an object"))
    about = document.get("template")
    if about is None:
        problems.append(Problem(("template",), 'The key "template" is missing: it holds the name and description'))
        return problems
    if not isinstance(about, dict):
        problems.append(Problem(("template",), "Expected an object with the template's name and description"))
        return problems
    problems.extend(Problem(("template", key), f"Unknown key {key!r}") for key in about if key not in _TEMPLATE_KEYS)
    name = about.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(("template", "name"), "The template needs a name"))
    if not isinstance(about.get("description", ""), str):
        problems.append(Problem(("template", "description"), "Expected the description as text"))
    return problems
