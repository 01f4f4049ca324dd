"""Plan templates: the built-in ones are sound and SMART; the manager's own save, list and load."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipdesk.domain import (
    Checkin,
    DatedNote,
    Milestone,
    Objective,
    Person,
    PipdeskError,
    Plan,
    PlanInvalid,
    Status,
    plan_problems,
)
from pipdesk.domain.smart import issue_blockers, plan_smart_issues
from pipdesk.services.templates import (
    TEMPLATE_END,
    TEMPLATE_START,
    PlanTemplate,
    TemplateExists,
    built_in_folder,
    guidance_for,
    leftover_guidance,
    list_templates,
    plan_from_template,
    read_template,
    save_as_template,
    template_slug,
    text_fields,
)

from conftest import SAMPLE_NAMES, load_sample

BUILT_IN = list_templates().templates
BUILT_IN_IDS = [template.path.stem for template in BUILT_IN]
JO = Person(name="Jo Marsh", job_title="Analyst")
SAM = Person(name="Sam Okafor")
START = dt.date(2026, 6, 1)
END = dt.date(2026, 8, 28)


def built_in(name: str) -> PlanTemplate:
    return next(template for template in BUILT_IN if template.name == name)


def write_template(folder: Path, file_name: str, name: str = "Mine", **plan_changes: Any) -> Path:
    document = json.loads((built_in_folder() / "missed-deadlines.json").read_text(encoding="utf-8"))
    document["template"]["name"] = name
    document["plan"].update(plan_changes)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# The built-in templates


def test_every_common_case_has_a_built_in_template() -> None:
    assert sorted(template.name for template in BUILT_IN) == [
        "Attendance and punctuality",
        "Collaboration and conduct",
        "Communication and customer handling",
        "Missed deadlines and time management",
        "Quality and error rate",
        "Technical skill gap",
        "Ticket resolution time",
    ]


def test_every_built_in_template_file_loads_without_problems() -> None:
    listing = list_templates()
    assert listing.problems == ()
    assert len(listing.templates) == len(list(built_in_folder().glob("*.json")))
    assert all(template.built_in for template in listing.templates)


@pytest.mark.parametrize("template", BUILT_IN, ids=BUILT_IN_IDS)
def test_built_in_template_makes_a_sound_draft_that_can_be_issued(template: PlanTemplate) -> None:
    plan = plan_from_template(template, JO, SAM, START, END)
    assert plan.status is Status.DRAFT
    assert plan_problems(plan) == []
    assert plan_smart_issues(plan) == {}
    assert issue_blockers(plan) == []


@pytest.mark.parametrize("template", BUILT_IN, ids=BUILT_IN_IDS)
def test_built_in_template_holds_placeholders_and_no_history(template: PlanTemplate) -> None:
    plan = template.plan
    assert plan.status is Status.DRAFT
    assert (plan.employee.name, plan.manager.name, plan.hr_partner) == ("Employee", "Manager", None)
    assert (plan.start_date, plan.end_date) == (TEMPLATE_START, TEMPLATE_END)
    assert plan.issued_on is None and plan.acknowledgement is None and plan.outcome is None
    assert plan.checkins == plan.milestones == plan.revisions == plan.prior_discussions == []
    assert all(concern.evidence == [] for concern in plan.concerns)
    assert all(objective.due_date is None for objective in plan.objectives)


@pytest.mark.parametrize("template", BUILT_IN, ids=BUILT_IN_IDS)
def test_built_in_template_suggests_concerns_objectives_support_and_terms(template: PlanTemplate) -> None:
    plan = template.plan
    assert template.description.strip() and "\n" not in template.description
    assert 1 <= len(plan.concerns) <= 3
    assert all(c.key and c.area and c.category for c in plan.concerns)
    # What to write about each concern is guidance for the manager, not a description of it.
    assert all(not c.description and template.guidance[f"concerns.{c.key}.description"] for c in plan.concerns)
    assert 2 <= len(plan.objectives) <= 3
    concern_keys = {c.key for c in plan.concerns}
    for objective in plan.objectives:
        assert objective.category is not None
        assert objective.concern in concern_keys
        assert objective.metric and objective.unit
        assert objective.direction is not None
    assert 2 <= len(plan.support) <= 4
    assert all(action.kind and action.description and action.owner for action in plan.support)
    for text in (plan.manager_commitments, plan.employee_commitments, plan.consequences):
        assert text.strip()
    assert plan.summary == plan.context == "" and template.guidance["summary"] and template.guidance["context"]
    assert plan.checkin_every_days is not None


@pytest.mark.parametrize("template", BUILT_IN, ids=BUILT_IN_IDS)
def test_built_in_template_file_is_a_plan_file_under_a_template_block(template: PlanTemplate) -> None:
    document = json.loads(template.path.read_text(encoding="utf-8"))
    assert set(document) == {"template", "guidance", "support_due_in_days", "plan"}
    assert set(document["template"]) == {"name", "description"}


@pytest.mark.parametrize("template", BUILT_IN, ids=BUILT_IN_IDS)
def test_built_in_template_holds_no_instruction_to_the_manager_in_its_plan(template: PlanTemplate) -> None:
    instruction = re.compile(r"(?:^|[.:]\s+)(?:Describe|Note|List|Name|Say|Give|Quote)\b")
    for path, text in text_fields(template.plan).items():
        assert instruction.search(text) is None, path
    assert leftover_guidance(template.plan) == []


@pytest.mark.parametrize("template", BUILT_IN, ids=BUILT_IN_IDS)
def test_built_in_template_support_falls_due_after_the_start(template: PlanTemplate) -> None:
    assert len(template.support_due_in_days) == len(template.plan.support)
    plan = plan_from_template(template, JO, SAM, START, END)
    for action, days in zip(plan.support, template.support_due_in_days, strict=True):
        assert action.due_date == (None if days is None else START + dt.timedelta(days=days))
    assert any(action.due_date is not None for action in plan.support)


def test_guidance_for_a_plan_comes_from_the_template_it_was_made_from() -> None:
    template = built_in("Attendance and punctuality")
    plan = plan_from_template(template, JO, SAM, START, END)
    guidance = guidance_for(plan)
    assert guidance["summary"].startswith("Describe the lateness or absences")
    assert guidance["concerns.lateness.description"].startswith("List the late arrivals")
    unrelated = plan.model_copy(update={"title": "Something else", "concerns": []})
    assert guidance_for(unrelated) == {}


def test_a_plan_still_holding_template_guidance_is_found() -> None:
    template = built_in("Missed deadlines and time management")
    plan = plan_from_template(template, JO, SAM, START, END)
    assert leftover_guidance(plan) == []
    plan.context = "We spoke twice. " + template.guidance["context"]
    plan.concerns[0].description = template.guidance["concerns.late-delivery.description"]
    assert leftover_guidance(plan) == ["context", "concerns.late-delivery.description"]


def test_guidance_for_a_field_the_plan_lacks_is_reported(tmp_path: Path) -> None:
    path = write_template(tmp_path, "mine.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["guidance"]["concerns.nobody.description"] = "Describe it."
    document["support_due_in_days"] = [7]
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(PlanInvalid) as raised:
        read_template(path)
    messages = [str(problem) for problem in raised.value.problems]
    assert any("concerns.nobody.description" in message for message in messages)
    assert any("one for each support action" in message for message in messages)


def test_saved_template_keeps_support_due_dates_relative_to_the_start(tmp_path: Path) -> None:
    alex = load_sample("alex-delivery-active")
    days = [(a.due_date - alex.start_date).days if a.due_date else None for a in alex.support]
    assert any(day is not None for day in days)
    template = read_template(save_as_template(alex, "Mine", "", tmp_path))
    assert list(template.support_due_in_days) == days


# A plan from a template


def test_plan_from_template_puts_in_the_people_and_period() -> None:
    plan = plan_from_template(built_in("Attendance and punctuality"), JO, SAM, START, END)
    assert plan.employee == JO
    assert plan.manager == SAM
    assert (plan.start_date, plan.end_date) == (START, END)


def test_plan_from_template_makes_every_objective_due_on_the_end_date() -> None:
    plan = plan_from_template(built_in("Technical skill gap"), JO, SAM, START, END)
    assert {objective.due_date for objective in plan.objectives} == {END}


def test_plan_from_template_keeps_the_template_cadence_unless_told() -> None:
    template = built_in("Missed deadlines and time management")
    assert plan_from_template(template, JO, SAM, START, END).checkin_every_days == template.plan.checkin_every_days
    assert plan_from_template(template, JO, SAM, START, END, every_days=14).checkin_every_days == 14


def test_plan_from_template_takes_an_hr_partner_when_given() -> None:
    hr = Person(name="Priya Shah")
    plan = plan_from_template(built_in("Quality and error rate"), JO, SAM, START, END, hr_partner=hr)
    assert plan.hr_partner == hr


def test_plan_from_template_leaves_the_template_unchanged() -> None:
    template = built_in("Ticket resolution time")
    before = template.plan.model_dump()
    plan = plan_from_template(template, JO, SAM, START, END)
    plan.objectives[0].title = "Changed"
    assert template.plan.model_dump() == before


def test_plan_from_template_refuses_an_end_before_the_start() -> None:
    with pytest.raises(PlanInvalid) as refused:
        plan_from_template(built_in("Quality and error rate"), JO, SAM, END, START)
    assert [problem.path for problem in refused.value.problems] == [("plan", "end_date")]


def test_plan_from_template_refuses_a_blank_employee_name() -> None:
    with pytest.raises(PlanInvalid) as refused:
        plan_from_template(built_in("Quality and error rate"), Person(name=" "), SAM, START, END)
    assert [problem.path for problem in refused.value.problems] == [("plan", "employee", "name")]


@pytest.mark.parametrize("every_days", [0, 91])
def test_plan_from_template_refuses_a_cadence_outside_1_to_90_days(every_days: int) -> None:
    with pytest.raises(PlanInvalid, match="1 to 90 days"):
        plan_from_template(built_in("Quality and error rate"), JO, SAM, START, END, every_days=every_days)


# The manager's own templates


def test_saved_template_round_trips_objectives_and_support(tmp_path: Path) -> None:
    source = load_sample("alex-delivery-active")
    path = save_as_template(source, "Late delivery (engineering)", "From Alex's plan", tmp_path)
    listing = list_templates(tmp_path)
    [own] = [template for template in listing.templates if not template.built_in]
    assert (own.name, own.description, own.path) == ("Late delivery (engineering)", "From Alex's plan", path)

    plan = plan_from_template(own, JO, SAM, START, END)
    assert [o.model_dump(exclude={"due_date"}) for o in plan.objectives] == [
        o.model_dump(exclude={"due_date"}) for o in source.objectives
    ]
    assert [(a.kind, a.description, a.owner) for a in plan.support] == [
        (a.kind, a.description, a.owner) for a in source.support
    ]
    assert plan.concerns[0].area == source.concerns[0].area
    assert issue_blockers(plan) == []


def test_saved_template_strips_people_dates_and_history(tmp_path: Path) -> None:
    source = load_sample("beth-communication-closed")
    template = read_template(save_as_template(source, "Customer care", "", tmp_path))
    plan = template.plan
    assert (plan.employee, plan.manager, plan.hr_partner) == (Person(name="Employee"), Person(name="Manager"), None)
    assert (plan.start_date, plan.end_date, plan.status) == (TEMPLATE_START, TEMPLATE_END, Status.DRAFT)
    assert plan.checkins == plan.milestones == plan.revisions == plan.prior_discussions == []
    assert plan.outcome is None and plan.acknowledgement is None and plan.issued_on is None
    assert all(concern.evidence == [] for concern in plan.concerns)
    assert all(objective.due_date is None for objective in plan.objectives)
    assert all(action.due_date is None and not action.done for action in plan.support)


def test_saved_template_keeps_the_plan_text(tmp_path: Path) -> None:
    source = load_sample("alex-delivery-active")
    plan = read_template(save_as_template(source, "Delivery", "", tmp_path)).plan
    assert (plan.title, plan.summary, plan.consequences) == (source.title, source.summary, source.consequences)
    assert plan.checkin_every_days == source.checkin_every_days


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_plan_can_be_saved_as_a_template(tmp_path: Path, name: str) -> None:
    path = save_as_template(load_sample(name), f"From {name}", "", tmp_path)
    assert read_template(path).plan.status is Status.DRAFT


def test_saving_a_template_leaves_the_plan_unchanged(tmp_path: Path) -> None:
    source = load_sample("carl-skills-extended")
    before = source.model_dump()
    save_as_template(source, "Skills", "", tmp_path)
    assert source.model_dump() == before


def test_saved_template_file_name_comes_from_the_name(tmp_path: Path) -> None:
    path = save_as_template(load_sample("alex-delivery-active"), "  Late delivery: Engineering!  ", "", tmp_path)
    assert path == tmp_path / "late-delivery-engineering.json"


def test_saving_creates_the_folder_when_missing(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "mine"
    assert save_as_template(load_sample("alex-delivery-active"), "Delivery", "", folder).parent == folder


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Late starts (ops)", "late-starts-ops"),
        ("Пунктуальность", "пунктуальность"),
        ("***", "template"),
        ("CON", "con-template"),
        ("a_b  c", "a-b-c"),
        ("x" * 100, "x" * 60),
    ],
)
def test_template_slug_makes_a_safe_file_name(name: str, slug: str) -> None:
    assert template_slug(name) == slug


def test_saving_refuses_a_blank_name(tmp_path: Path) -> None:
    with pytest.raises(PipdeskError, match="name"):
        save_as_template(load_sample("alex-delivery-active"), "   ", "", tmp_path)


def test_saving_refuses_the_name_of_a_built_in_template(tmp_path: Path) -> None:
    with pytest.raises(PipdeskError, match="built-in"):
        save_as_template(load_sample("alex-delivery-active"), "attendance and PUNCTUALITY", "", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_saving_refuses_the_built_in_folder() -> None:
    before = sorted(built_in_folder().iterdir())
    with pytest.raises(PipdeskError, match="built-in"):
        save_as_template(load_sample("alex-delivery-active"), "Anything", "", built_in_folder())
    assert sorted(built_in_folder().iterdir()) == before


def test_saving_over_an_existing_template_asks_first_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = save_as_template(load_sample("alex-delivery-active"), "Delivery", "first", tmp_path)
    before = path.read_bytes()
    with pytest.raises(TemplateExists) as refused:
        save_as_template(load_sample("carl-skills-extended"), "Delivery", "second", tmp_path)
    assert refused.value.path == path
    assert path.read_bytes() == before


def test_saving_over_an_existing_template_replaces_it_when_told(tmp_path: Path) -> None:
    save_as_template(load_sample("alex-delivery-active"), "Delivery", "first", tmp_path)
    path = save_as_template(load_sample("carl-skills-extended"), "Delivery", "second", tmp_path, replace=True)
    assert read_template(path).description == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["delivery.json"]  # no temporary file left behind


def test_saving_refuses_a_plan_that_breaks_a_rule_and_writes_nothing(tmp_path: Path) -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.objectives.append(Objective(key="punctual", title="Twice"))
    with pytest.raises(PlanInvalid):
        save_as_template(plan, "Broken", "", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_saving_ignores_history_that_would_fall_outside_the_template_period(tmp_path: Path) -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.checkins.append(Checkin(date=dt.date(2026, 12, 8)))
    plan.milestones.append(Milestone(title="Kick-off", date=dt.date(2026, 12, 1)))
    plan.prior_discussions.append(DatedNote(date=dt.date(2026, 11, 2), note="Talked"))
    assert read_template(save_as_template(plan, "Punctuality", "", tmp_path)).plan.checkins == []


# Listing and broken files


def test_own_templates_are_listed_after_the_built_in_ones_by_name(tmp_path: Path) -> None:
    write_template(tmp_path, "b.json", name="Zebra")
    write_template(tmp_path, "a.json", name="apple")
    listing = list_templates(tmp_path)
    assert [t.name for t in listing.templates][-2:] == ["apple", "Zebra"]
    assert [t.built_in for t in listing.templates] == [True] * len(BUILT_IN) + [False, False]


def test_a_missing_own_folder_holds_no_templates(tmp_path: Path) -> None:
    listing = list_templates(tmp_path / "not-yet")
    assert (len(listing.templates), listing.problems) == (len(BUILT_IN), ())


def test_files_other_than_json_are_not_templates(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a template")
    assert list_templates(tmp_path).problems == ()


def test_a_broken_own_template_is_reported_by_file_name_and_the_others_still_load(tmp_path: Path) -> None:
    write_template(tmp_path, "good.json", name="Good one")
    (tmp_path / "broken.json").write_text('{"template": {"name": "Broken"}, "plan": ', encoding="utf-8")
    listing = list_templates(tmp_path)
    assert "Good one" in [t.name for t in listing.templates]
    assert len(listing.templates) == len(BUILT_IN) + 1
    [broken] = listing.problems
    assert broken.path == tmp_path / "broken.json"
    assert str(broken).startswith("broken.json: ")
    assert "not valid JSON" in str(broken)


def test_an_unknown_key_in_a_template_plan_is_reported_with_its_path(tmp_path: Path) -> None:
    document = json.loads((built_in_folder() / "missed-deadlines.json").read_text(encoding="utf-8"))
    document["plan"]["objectives"][0]["targte"] = 5
    (tmp_path / "typo.json").write_text(json.dumps(document), encoding="utf-8")
    [broken] = list_templates(tmp_path).problems
    assert [str(problem) for problem in broken.problems] == ["plan.objectives[0].targte: Unknown key 'targte'"]


def test_a_template_plan_that_breaks_a_rule_is_reported(tmp_path: Path) -> None:
    write_template(tmp_path, "same.json", end_date="2026-01-05")
    [broken] = list_templates(tmp_path).problems
    assert [problem.path for problem in broken.problems] == [("plan", "end_date")]


def test_a_template_that_is_not_a_draft_is_reported(tmp_path: Path) -> None:
    write_template(tmp_path, "active.json", status="active")
    [broken] = list_templates(tmp_path).problems
    assert ("plan", "status") in [problem.path for problem in broken.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", "JSON object"),
        ('{"plan": {}}', '"template" is missing'),
        ('{"template": {"name": ""}, "plan": {}}', "needs a name"),
        ('{"template": {"name": "X", "colour": "red"}, "plan": {}}', "Unknown key 'colour'"),
        ('{"template": {"name": "X"}, "plan": {}, "extra": 1}', "Unknown key 'extra'"),
        ('{"template": {"name": "X"}}', '"plan" is missing'),
        ('{"template": {"name": "X"}, "template": {"name": "Y"}, "plan": {}}', "appears twice"),
        ('{"template": {"name": "X"}, "plan": {"title": "T", "status": "draft", "baseline": NaN}}', "NaN"),
    ],
)
def test_a_broken_template_file_says_what_is_wrong(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanInvalid) as refused:
        read_template(path)
    assert expected in str(refused.value)


def test_a_template_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"template": {"name": "Café"}}'.encode("latin-1"))
    with pytest.raises(PlanInvalid, match="not UTF-8"):
        read_template(path)


def test_a_template_plan_is_parsed_like_a_plan_file() -> None:
    template = built_in("Quality and error rate")
    assert isinstance(template.plan, Plan)
    assert template.plan.objectives[0].direction is not None


def test_a_template_file_is_read_by_the_plan_files_rules_with_their_paths(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text('{"template": {"name": "X"}, "plan": {"title": "T", "title": "U"}}', encoding="utf-8")
    with pytest.raises(PlanInvalid) as refused:
        read_template(path)
    assert [str(problem) for problem in refused.value.problems] == [
        "plan.title: The key 'title' appears twice in one object; which one is meant cannot be told"
    ]
    assert str(refused.value).startswith("This is not a template pipdesk can read")


def test_a_number_too_large_in_a_template_is_reported_not_a_fault(tmp_path: Path) -> None:
    (tmp_path / "huge.json").write_text(
        '{"template": {"name": "X"}, "plan": {"checkin_every_days": 1' + "0" * 5000 + "}}", encoding="utf-8"
    )
    [broken] = list_templates(tmp_path).problems
    assert [problem.path for problem in broken.problems] == [("plan", "checkin_every_days")]
    assert "too large" in str(broken)


def test_a_template_file_over_the_plan_file_limit_is_refused(tmp_path: Path) -> None:
    from pipdesk.planfile import MAX_PLAN_FILE_BYTES

    (tmp_path / "big.json").write_bytes(b" " * MAX_PLAN_FILE_BYTES + b"{}")
    [broken] = list_templates(tmp_path).problems
    assert "at most 8 MB" in str(broken)
