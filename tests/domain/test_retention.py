"""The retention rule (a closed plan past its period, or its own hold) and anonymising a plan, without Qt or SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import Revision, Status, plan_problems
from pipdesk.domain.retention import (
    REMOVED,
    RetentionHold,
    anonymised,
    employee_initials,
    past_retention_since,
    retention_ends,
    years_after,
)

from conftest import SAMPLE_NAMES, load_sample

CLOSED = dt.date(2026, 5, 25)


def test_a_closed_plan_is_kept_for_the_period_after_it_closed() -> None:
    assert retention_ends(CLOSED, 3) == dt.date(2029, 5, 25)
    assert past_retention_since(Status.CLOSED, CLOSED, 3, None, dt.date(2029, 5, 25)) is None
    assert past_retention_since(Status.CLOSED, CLOSED, 3, None, dt.date(2029, 5, 26)) == dt.date(2029, 5, 26)
    assert past_retention_since(Status.CLOSED, CLOSED, 3, None, dt.date(2030, 1, 1)) == dt.date(2029, 5, 26)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.ACTIVE, Status.EXTENDED])
def test_a_plan_not_closed_is_never_past_retention(status: Status) -> None:
    assert past_retention_since(status, CLOSED, 1, None, dt.date(2040, 1, 1)) is None


def test_a_hold_rules_instead_of_the_period_later_or_earlier() -> None:
    later = RetentionHold(dt.date(2032, 1, 31), "Tribunal claim pending")
    earlier = RetentionHold(dt.date(2027, 1, 31), "Employee asked for erasure")
    today = dt.date(2030, 1, 1)
    assert past_retention_since(Status.CLOSED, CLOSED, 3, later, today) is None
    assert past_retention_since(Status.CLOSED, CLOSED, 3, earlier, today) == dt.date(2027, 2, 1)


def test_a_plan_closed_on_29_february_is_kept_until_28_february() -> None:
    assert years_after(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)


@pytest.mark.parametrize(
    ("name", "initials"),
    [("Alex Moreno", "A.M."), ("Beth Ikeda-Łukasiewicz", "B.I.Ł."), ("  ", "?"), ("björk", "B.")],
)
def test_initials_of_a_name(name: str, initials: str) -> None:
    assert employee_initials(name) == initials


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_an_anonymised_sample_keeps_no_text_of_the_original_and_still_makes_a_plan(name: str) -> None:
    plan = load_sample(name)
    result = anonymised(plan)
    assert plan_problems(result) == []
    dumped = result.model_dump_json()
    people = [plan.employee, plan.manager, *([plan.hr_partner] if plan.hr_partner else [])]
    for text in [p.name for p in people] + [p.email for p in people if p.email] + [plan.summary, plan.title]:
        assert text not in dumped
    assert (result.employee.name, result.manager.name) == ("Employee A", "Manager A")


def test_anonymise_keeps_dates_numbers_statuses_and_the_decision() -> None:
    plan = load_sample("beth-communication-closed")
    result = anonymised(plan)
    assert (result.status, result.start_date, result.end_date) == (plan.status, plan.start_date, plan.end_date)
    assert [(o.baseline, o.target, o.unit) for o in result.objectives] == [
        (o.baseline, o.target, o.unit) for o in plan.objectives
    ]
    assert [[p.value for p in c.progress] for c in result.checkins] == [
        [p.value for p in c.progress] for c in plan.checkins
    ]
    assert [c.date for c in result.checkins] == [c.date for c in plan.checkins]
    assert result.outcome is not None and plan.outcome is not None
    assert result.outcome.decision == plan.outcome.decision
    assert [o.title for o in result.objectives] == ["Objective 1", "Objective 2"]
    assert result.concerns[0].description == REMOVED and result.concerns[0].evidence[0].note == REMOVED


def test_a_revision_keeps_its_time_field_and_dates_but_not_its_words() -> None:
    plan = load_sample("beth-communication-closed")
    at = dt.datetime(2026, 6, 2, 9, tzinfo=dt.UTC)
    plan.revisions = [
        Revision(at=at, field="end_date", old="2026-05-25", new="2026-06-08", reason="Beth was ill"),
        Revision(at=at, field="employee.name", old="Beth Ikeda", new="Beth Ikeda-Łukasiewicz", reason="Married"),
        Revision(at=at, field="milestones.Talk with Beth.date", old="2026-04-01", new="2026-04-03", reason="Ill"),
        Revision(at=at, field="status", old="active", new="extended", reason="More time"),
    ]
    result = anonymised(plan)
    assert [(r.at, r.field, r.old, r.new, r.reason) for r in result.revisions] == [
        (at, "end_date", "2026-05-25", "2026-06-08", REMOVED),
        (at, "employee.name", REMOVED, REMOVED, REMOVED),
        (at, "milestones.[removed].date", "2026-04-01", "2026-04-03", REMOVED),
        (at, "status", "active", "extended", REMOVED),
    ]


def test_empty_text_stays_empty() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    assert anonymised(plan).context == "" == plan.context
