"""The sample plans shipped inside the package, and synthetic plan books of any size for demos and benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from importlib import resources
from itertools import islice
from typing import Any

from pipdesk.domain import Plan
from pipdesk.domain.schedule import extend_schedule, generate_schedule
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
    data = resources.files("pipdesk.services.demo_plans").joinpath(f"{name}.json").read_bytes()
    return parse_plan_file(data)


def add_demo_plans(book: PlanBook) -> list[int]:
    """Add the sample plans the book does not hold yet (same employee and title); return their numbers."""
    present = {(s.employee, s.title) for s in book.summaries()}
    missing = [plan for plan in map(demo_plan, DEMO_PLAN_NAMES) if (plan.employee.name, plan.title) not in present]
    return book.add_many(missing)


# Synthetic plan books

#: Given and family names in several scripts, so search and sorting meet more than ASCII.
_NAMES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("Alex", "Jordan", "Priya", "Liam", "Maya", "Noah", "Grace", "Omar"),
     ("Moreno", "Whitfield", "Okafor", "Nguyen", "Schmidt", "Kowalski", "Murphy", "Haddad"), " "),
    (("Renée", "Zoë", "Çağla", "Søren", "Ångström", "Łukasz", "Íñigo", "Đorđe"),
     ("Müller", "Ødegård", "Dvořák", "Şahin", "García-Núñez", "Kovačević", "Lindqvist", "Fernández"), " "),
    (("Дмитрий", "Ольга", "Сергей", "Анна", "Игорь"), ("Иванов", "Петрова", "Соколов", "Кузнецова"), " "),
    (("Νίκος", "Ελένη", "Γιώργος", "Μαρία"), ("Παπαδόπουλος", "Οικονόμου", "Γεωργίου"), " "),
    (("محمد", "فاطمة", "علي", "ليلى"), ("الحسن", "القاسم", "منصور"), " "),
    (("דוד", "שרה", "יוסי", "נועה"), ("כהן", "לוי", "מזרחי"), " "),
    (("伟", "芳", "娜", "敏", "静"), ("王", "李", "张", "刘", "陈"), ""),
    (("翔太", "陽菜", "蓮", "結衣"), ("佐藤", "鈴木", "高橋", "田中"), " "),
    (("민준", "서연", "지호", "하은"), ("김", "이", "박", "최"), ""),
    (("आरव", "प्रिया", "रोहन", "अनन्या"), ("शर्मा", "वर्मा", "पटेल"), " "),
)  # fmt: skip
_FAMILY_FIRST = frozenset({"伟", "芳", "娜", "敏", "静", "민준", "서연", "지호", "하은", "翔太", "陽菜", "蓮", "結衣"})

_JOBS = ("Project Manager", "Support Engineer", "Account Manager", "Developer", "Analyst", "Team Lead",
         "Designer", "Buyer", "Nurse", "Sales Representative")  # fmt: skip
_DEPARTMENTS = ("IT Delivery", "Customer Support", "Sales", "Finance", "Operations", "Engineering", "Care")
_MANAGERS = ("Dana Whitfield", "Renée Laurent", "Sam Okafor", "Hiroshi Tanaka", "Ольга Смирнова", "Li Wei")
_HR_PARTNERS = ("Sam Okafor", "Ines Duarte", "Kwame Mensah")

# (concern area, category, objective title, category, metric, unit, baseline, target)
_THEMES: tuple[tuple[str, str, str, str, str, str, float, float], ...] = (
    ("Milestones delivered late", "delivery", "Deliver milestones on the agreed date", "technical",
     "milestones delivered on time", "%", 55, 90),
    ("Stakeholders not told of slips", "collaboration", "Send a written status report every Friday", "behavioral",
     "missed weekly reports in the last four weeks", "reports", 3, 0),
    ("Tickets reopened", "quality", "Resolve tickets for good", "technical", "reopen rate", "%", 18, 8),
    ("Slow first response", "delivery", "Answer new tickets within a working day", "technical",
     "median first response", "hours", 30, 8),
    ("Customer satisfaction", "quality", "Raise customer satisfaction", "behavioral", "CSAT", "points", 3.4, 4.2),
    ("Late arrivals", "attendance", "Arrive on time for shifts", "behavioral", "late starts a month", "shifts", 7, 1),
    ("Review comments ignored", "collaboration", "Act on code review comments", "behavioral",
     "reviews needing a second round", "%", 40, 15),
    ("Estimates far off", "delivery", "Estimate within 20% of actual effort", "technical",
     "mean estimation error", "%", 45, 20),
    ("Pipeline not kept current", "policy", "Keep the sales pipeline current", "behavioral",
     "stale opportunities", "deals", 12, 2),
    ("Reconciliations late", "delivery", "Close monthly reconciliations by day 5", "technical",
     "days to close", "days", 11, 5),
)  # fmt: skip
_SUPPORT = (("training", "Time-management workshop", "Manager"), ("coaching", "Fortnightly coaching with the manager",
            "Manager"), ("mentoring", "Monthly session with a senior colleague", "HR"), ("resource", "A team board "
            "with a dependencies column", "Employee"), ("workload", "One project handed over for the plan period",
            "Manager"))  # fmt: skip
_NOTES = ("Reviewed the numbers since the last meeting.", "Went through the open items one by one.",
          "Good week; the new routine is holding.", "Two slips, both explained in advance.",
          "Discussed the feedback from the team.", "Agreed the next steps for the coming weeks.")  # fmt: skip
_LENGTHS = (30, 60, 60, 90, 90, 90, 120, 180)
_CADENCES = (7, 7, 7, 10, 14)
_DECISIONS = (("successful", "return_to_normal"), ("successful", "return_to_normal"), ("partial", "extend"),
              ("insufficient", "further_action"), ("insufficient", "reassign"))  # fmt: skip
_MAX_CHECKINS = 24


def generate_plans(count: int, seed: int = 0, *, today: dt.date | None = None) -> Iterator[Plan]:
    """``count`` realistic plans of every status, each sound by ``plan_problems``, for demos and benchmarks.

    About 10% drafts, 25% active, 6% extended and the rest closed; names in ten scripts; up to 24
    check-ins a plan, each with progress on every objective. Running plans run on ``today`` (by
    default the real one), so the This week view has work to show. The same ``seed`` and ``today``
    give the same plans, and the first *n* of a longer run are the *n* of a shorter one.
    """
    rng = random.Random(seed)
    day = today or dt.date.today()
    for _ in range(count):
        yield Plan.model_validate(_plan_values(rng, day))


def add_generated_plans(
    book: PlanBook, count: int, seed: int = 0, *, today: dt.date | None = None, chunk: int = 500
) -> int:
    """Write ``count`` generated plans to ``book``, one transaction a chunk; return how many were written.

    10,000 plans take about 20 seconds (``pipdesk demo --plans``, the benchmarks).
    """
    plans = generate_plans(count, seed, today=today)
    written = 0
    while batch := list(islice(plans, chunk)):
        written += len(book.add_many(batch))
    return written


def _person_name(rng: random.Random) -> str:
    given_names, family_names, separator = rng.choice(_NAMES)
    given, family = rng.choice(given_names), rng.choice(family_names)
    return f"{family}{separator}{given}" if given in _FAMILY_FIRST else f"{given}{separator}{family}"


def _plan_values(rng: random.Random, today: dt.date) -> dict[str, Any]:
    roll = rng.random()
    status = "draft" if roll < 0.10 else "active" if roll < 0.35 else "extended" if roll < 0.41 else "closed"
    length = rng.choice(_LENGTHS)
    every_days = rng.choice(_CADENCES)
    if status == "draft":
        start = today + dt.timedelta(days=rng.randint(1, 30))
    elif status == "active":
        # Most are under way; a few have passed their final review without an outcome yet.
        start = today - dt.timedelta(days=rng.randint(0, length - 1) if rng.random() < 0.95 else length + 3)
    elif status == "extended":
        start = today - dt.timedelta(days=length + rng.randint(1, 25))
    else:
        start = today - dt.timedelta(days=length + rng.randint(7, 5 * 365))
    end = start + dt.timedelta(days=length)

    employee = _person_name(rng)
    themes = rng.sample(_THEMES, rng.randint(1, 3))
    concerns = [
        {
            "key": f"c{i + 1}",
            "area": area,
            "category": category,
            "description": f"{area} over the last two quarters.",
            "evidence": [{"date": start - dt.timedelta(days=rng.randint(10, 90)), "note": "Noted at a 1:1."}],
        }
        for i, (area, category, *_rest) in enumerate(themes)
    ]
    objectives: list[dict[str, Any]] = [
        {
            "key": f"o{i + 1}",
            "title": title,
            "category": category,
            "concern": f"c{i + 1}",
            "description": f"{title}, measured as {metric}.",
            "metric": metric,
            "unit": unit,
            "baseline": baseline,
            "target": target,
            "due_date": end,
        }
        for i, (_area, _cat, title, category, metric, unit, baseline, target) in enumerate(themes)
    ]
    if status == "draft" and rng.random() < 0.3:
        objectives[-1].update(baseline=None, due_date=None)  # a draft still being written
    support: list[dict[str, Any]] = [
        {
            "kind": kind,
            "description": description,
            "owner": owner,
            "due_date": start + dt.timedelta(days=rng.randint(3, max(3, length // 2))),
            "done": False,
        }
        for kind, description, owner in rng.sample(_SUPPORT, rng.randint(1, 3))
    ]
    values: dict[str, Any] = {
        "title": themes[0][2],
        "status": status,
        "employee": {"name": employee, "job_title": rng.choice(_JOBS), "department": rng.choice(_DEPARTMENTS)},
        "manager": {"name": rng.choice(_MANAGERS)},
        "hr_partner": {"name": rng.choice(_HR_PARTNERS)} if rng.random() < 0.7 else None,
        "start_date": start,
        "end_date": end,
        "checkin_every_days": every_days,
        "summary": f"{themes[0][0]}: agreed with {employee} as the first thing to improve.",
        "manager_commitments": "Weekly check-in; the support listed below.",
        "employee_commitments": "Keep to the routine agreed; raise problems early.",
        "consequences": "If the objectives are not met, further action may follow.",
        "concerns": concerns,
        "objectives": objectives,
        "support": support,
    }
    if status == "draft":
        return values

    values["issued_on"] = start
    values["acknowledgement"] = {"on": start + dt.timedelta(days=1), "refused": rng.random() < 0.05}
    schedule = generate_schedule(start, end, every_days)
    revisions = []
    if status == "extended":
        new_end = end + dt.timedelta(days=rng.choice((30, 30, 45, 60)))
        schedule = extend_schedule(
            [m.model_copy(update={"done": m.date < end or m.kind == "final"}) for m in schedule],
            end,
            new_end,
            every_days,
        )
        at = dt.datetime.combine(end, dt.time(15, 30), dt.UTC)
        revisions = [
            {"at": at, "field": "end_date", "old": end.isoformat(), "new": new_end.isoformat(),
             "reason": "Partial improvement at the final review: extended."},
            {"at": at, "field": "status", "old": "active", "new": "extended", "reason": "Plan extended."},
        ]  # fmt: skip
        values["end_date"] = end = new_end
        values["revisions"] = revisions
    milestones: list[dict[str, Any]] = []
    late = rng.random() < 0.3  # the last meeting due is not logged yet
    due = [m for m in schedule if m.date < today or status == "closed"]
    last_due = due[-1] if due and late and status != "closed" else None
    for m in schedule:
        done = m.done or ((m.date < today or status == "closed") and m is not last_due)
        milestones.append({"title": m.title, "kind": m.kind, "date": m.date, "done": done})
    values["milestones"] = milestones

    meetings = [held for held in milestones if held["done"] and held["kind"] != "kickoff"][-_MAX_CHECKINS:]
    checkins = []
    for number, meeting in enumerate(meetings, start=1):
        share = number / max(len(meetings), 1)
        progress = []
        for objective in objectives:
            baseline, target = objective["baseline"], objective["target"]
            value = baseline + (target - baseline) * min(1.2, share * rng.uniform(0.4, 1.3))
            reached = (value >= target) if target > baseline else (value <= target)
            rating = "met" if reached else rng.choice(("on_track", "on_track", "at_risk", "off_track"))
            progress.append({"objective": objective["key"], "value": round(value, 1), "rating": rating})
        checkins.append(
            {
                "date": meeting["date"],
                "kind": {"checkin": "checkin", "midpoint": "midpoint", "final": "final"}.get(
                    meeting["kind"], "checkin"
                ),
                "attendees": f"{employee}, {values['manager']['name']}",
                "notes": rng.choice(_NOTES),
                "next_steps": "Keep going; review again at the next check-in.",
                "progress": progress,
            }
        )
    values["checkins"] = checkins
    for action in support:
        action["done"] = action["due_date"] < today and (status == "closed" or rng.random() < 0.85)

    if status == "closed":
        decision, follow_up = rng.choice(_DECISIONS)
        values["outcome"] = {
            "decision": decision,
            "decided_on": end,
            "follow_up": follow_up,
            "summary": f"Decided at the final review: {decision}.",
            "results": [
                {"objective": o["key"], "result": rng.choice(("met", "partially_met", "not_met"))} for o in objectives
            ],
        }
    return values
