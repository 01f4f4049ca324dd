"""The sample plans shipped inside the package, for a demo plan book and the selftest."""

from __future__ import annotations

from importlib import resources

from pipdesk.domain import Plan
from pipdesk.planfile import parse_plan_file
from pipdesk.store import PlanBook

DEMO_PLAN_NAMES = (
    "alex-delivery-active",
    "beth-communication-closed",
    "carl-skills-extended",
    "dmitry-punctuality-draft",
)


def demo_plan(name: str) -> Plan:
    """One of the sample plans, by its file name without ``.json``."""
    data = resources.files("pipdesk.demo_plans").joinpath(f"{name}.json").read_bytes()
    return parse_plan_file(data)


def add_demo_plans(book: PlanBook) -> list[int]:
    """Add the sample plans the book does not hold yet (same employee and title); return their numbers."""
    present = {(s.employee, s.title) for s in book.summaries()}
    missing = [plan for plan in map(demo_plan, DEMO_PLAN_NAMES) if (plan.employee.name, plan.title) not in present]
    return book.add_many(missing)
