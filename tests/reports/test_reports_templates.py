"""A plan made from any template prints none of the template's guidance: guidance is for the manager."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from test_reports_support import EMPLOYEE_COPY, OPTIONS, pdf_text, squash

from pipdesk.domain import Person, Plan
from pipdesk.reports import render_outcome, render_plan
from pipdesk.services.templates import PlanTemplate, list_templates, plan_from_template

TEMPLATES = list_templates().templates
IDS = [template.path.stem for template in TEMPLATES]
#: A sentence telling the manager what to write: guidance, never plan content.
INSTRUCTION = re.compile(r"(?:^|[.:!?]\s+)(?:Describe|Note|List|Name|Say|Give|Quote|Stick to)\b")


def guidance_of(template: PlanTemplate) -> dict[str, str]:
    """The guidance as the template file holds it (read from the file, so a new template is covered)."""
    document = json.loads(template.path.read_text(encoding="utf-8"))
    guidance: dict[str, str] = document.get("guidance", {})
    return guidance


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.:])\s+", text) if len(part) > 12]


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_a_plan_from_each_template_prints_no_template_instruction(template: PlanTemplate) -> None:
    guidance = guidance_of(template)
    assert {"summary", "context"} <= set(guidance), "the template gives its guidance apart from the plan"
    plan = plan_from_template(
        template, Person(name="Jo Marsh"), Person(name="Sam Okafor"), dt.date(2026, 6, 1), dt.date(2026, 8, 28)
    )
    instructions = [sentence for text in guidance.values() for sentence in sentences(text)]
    documents = {
        "plan": render_plan(plan, OPTIONS),
        "employee copy": render_plan(plan, EMPLOYEE_COPY),
        "outcome report": render_outcome(plan, OPTIONS),
    }
    for name, pdf in documents.items():
        text = pdf_text(pdf)
        printed = squash(text)
        assert [sentence for sentence in instructions if squash(sentence) in printed] == [], name
        assert INSTRUCTION.search(" ".join(text.split())) is None, name


def test_an_old_plan_that_holds_guidance_is_caught_by_the_same_rule() -> None:
    """The check above does find guidance when it is printed (a plan made before guidance moved out)."""
    template = TEMPLATES[0]
    plan: Plan = template.plan.model_copy(update={"summary": guidance_of(template)["summary"]})
    assert INSTRUCTION.search(" ".join(pdf_text(render_plan(plan, EMPLOYEE_COPY)).split())) is not None
