"""Dates at the edges of what a plan may hold (1900-01-01 to 2199-12-31): refused outside, shown inside."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_planfile_rules import accepted, changed, problems_in, sample

from pipdesk.domain import Plan, PlanInvalid, SupportAction, format_path, plan_problems
from pipdesk.domain.limits import FIRST_DATE, LAST_DATE, MAX_PLAN_DAYS
from pipdesk.domain.schedule import due_items
from pipdesk.gui.checkins.progress_view import ProgressView
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.timeline.view import TimelineView
from pipdesk.gui.week.view import ThisWeekView
from pipdesk.reports import ReportOptions, render_checkin, render_outcome, render_plan
from pipdesk.services.calendar import plan_calendar
from pipdesk.store import PlanBook

from conftest import load_sample

DAY = dt.timedelta(days=1)


def moved(plan: Plan, start: dt.date) -> Plan:
    """``plan`` with every date shifted so that its period starts on ``start``."""
    shift = start - plan.start_date
    data = plan.model_dump()

    def walk(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value + shift
        if isinstance(value, dt.date):
            return value + shift
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return Plan.model_validate(walk(data))


def at_first_date() -> Plan:
    """A closed plan starting on the first day allowed, everything dated inside the range."""
    plan = load_sample("beth-communication-closed")
    earliest = min(
        [
            plan.start_date,
            *(n.date for n in plan.prior_discussions),
            *(e.date for c in plan.concerns for e in c.evidence),
        ]
    )
    return moved(plan, FIRST_DATE + (plan.start_date - earliest))


def at_last_date() -> Plan:
    """An active plan ending on the last day allowed, with its final review that day."""
    plan = load_sample("alex-delivery-active")
    latest = max(
        [plan.end_date, *(a.due_date for a in plan.support if a.due_date), *(r.at.date() for r in plan.revisions)]
    )
    return moved(plan, plan.start_date + (LAST_DATE - latest))


EDGE_PLANS = {"first": at_first_date, "last": at_last_date}


# ---------------------------------------------------------------------------------------------- import


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("plan.start_date", "1899-12-31"),
        ("plan.start_date", "0001-01-01"),
        ("plan.end_date", "2200-01-01"),
        ("plan.end_date", "9999-12-31"),
        ("plan.milestones[0].date", "0001-01-01"),
        ("plan.checkins[0].date", "9999-12-31"),
        ("plan.prior_discussions[0].date", "1899-12-31"),
        ("plan.support[0].due_date", "2200-01-01"),
        ("plan.objectives[0].due_date", "9999-12-31"),
        ("plan.acknowledgement.on", "1899-12-31"),
        ("plan.revisions[0].at", "2200-01-01T00:00:00Z"),
        ("plan.revisions[0].at", "0001-01-01T00:00:00+14:00"),
        ("exported_at", "9999-12-31T23:59:59Z"),
    ],
)
def test_a_date_outside_1900_to_2199_is_refused_with_its_path(path: str, value: str) -> None:
    document = sample()
    document["plan"]["revisions"] = [{"at": "2026-10-01T09:00:00Z", "reason": "Moved", "field": "x"}]
    problems = problems_in(changed(document, path, value))
    assert any(format_path(p.path) == path and "1900 to 2199" in p.message for p in problems), problems


def test_dates_on_the_first_and_last_day_allowed_are_accepted() -> None:
    document = changed(sample(), "plan.prior_discussions[0].date", "1900-01-01")
    document = changed(document, "plan.support[0].due_date", "2199-12-31")
    document = changed(document, "exported_at", "2199-12-31T23:59:59-12:00")
    plan = accepted(document)
    assert plan.prior_discussions[0].date == FIRST_DATE
    assert plan.support[0].due_date == LAST_DATE


def test_a_plan_longer_than_three_years_is_refused_at_its_end_date() -> None:
    document = sample("dmitry-punctuality-draft")
    start = dt.date.fromisoformat(document["plan"]["start_date"])
    at_limit = changed(document, "plan.end_date", (start + MAX_PLAN_DAYS * DAY).isoformat())
    assert accepted(at_limit).length_days == MAX_PLAN_DAYS
    too_long = changed(document, "plan.end_date", (start + (MAX_PLAN_DAYS + 1) * DAY).isoformat())
    found = {format_path(p.path): p.message for p in problems_in(too_long)}
    assert "at most 1,096 days" in found["plan.end_date"]


def test_editing_a_date_out_of_range_is_refused_by_the_rules() -> None:
    plan = load_sample("alex-delivery-active")
    plan.milestones[0].date = dt.date(1, 1, 1)
    assert [format_path(p.path) for p in plan_problems(plan) if "1900 to 2199" in p.message] == [
        "plan.milestones[0].date"
    ]


# ---------------------------------------------------------------------------------------------- views at the edges


@pytest.mark.parametrize("edge", EDGE_PLANS)
def test_documents_and_the_calendar_are_made_for_plans_at_either_edge(edge: str) -> None:
    plan = EDGE_PLANS[edge]()
    assert plan_problems(plan) == []
    options = ReportOptions()
    for pdf in (render_plan(plan, options), render_outcome(plan, options), render_checkin(plan, 0, options)):
        assert pdf.startswith(b"%PDF")
    today = plan.start_date
    calendar = plan_calendar(plan, "seed", today, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert b"BEGIN:VCALENDAR" in calendar
    if edge == "last":
        assert b"DTSTART;VALUE=DATE:21991231" in calendar
        assert due_items([(1, plan)], LAST_DATE) != []


@pytest.fixture
def timeline(timeline_view: TimelineView) -> TimelineView:
    """The timeline view of conftest, shown on 23 November 2026."""
    return timeline_view


def _stored(book: PlanBook, plan: Plan) -> int:
    return book.add(plan)


@pytest.mark.parametrize("edge", EDGE_PLANS)
def test_the_timeline_and_charts_show_a_plan_at_either_edge(
    qtbot: QtBot, timeline: TimelineView, book: PlanBook, edge: str
) -> None:
    plan_id = _stored(book, EDGE_PLANS[edge]())
    timeline.set_session(PlanSession(book, plan_id, timeline))
    for zoom in range(12):
        timeline.zoom_in() if zoom < 6 else timeline.zoom_out()
    assert timeline.markers()
    chart = ProgressView(lambda: LAST_DATE)
    qtbot.addWidget(chart)
    chart.set_plan(book.get(plan_id))
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.charts


def test_the_timeline_draws_a_plan_whose_dates_span_every_year_allowed(timeline: TimelineView, book: PlanBook) -> None:
    plan = load_sample("alex-delivery-active")
    plan.support = [
        SupportAction(description="Long ago", due_date=FIRST_DATE),
        SupportAction(description="Far ahead", due_date=LAST_DATE),
    ]
    plan_id = book.add(plan)
    timeline.set_session(PlanSession(book, plan_id, timeline))
    timeline.zoom_in()
    timeline.fit()
    assert {m.date for m in timeline.markers()} >= {FIRST_DATE, LAST_DATE}


# ---------------------------------------------------------------------------------------------- an older plan book


def _hold_a_date_of_year_one(book: PlanBook) -> int:
    """Alex's plan with a milestone on 0001-01-01, as an older pipdesk could have written it."""
    book.db.execute("UPDATE milestones SET date = '0001-01-01' WHERE position = 0 AND plan_id = 1")
    book.db.execute("UPDATE milestones SET date = '9999-12-31' WHERE position = 1 AND plan_id = 1")
    return 1


def test_a_plan_book_holding_a_date_out_of_range_opens_and_explains_itself(
    qtbot: QtBot, timeline: TimelineView, book: PlanBook
) -> None:
    plan_id = _hold_a_date_of_year_one(book)
    plan = book.get(plan_id)
    assert plan.milestones[0].date == dt.date(1, 1, 1)
    timeline.set_session(PlanSession(book, plan_id, timeline))
    assert "1900 to 2199" in timeline.canvas.empty_text
    chart = ProgressView(lambda: dt.date(2026, 11, 23))
    qtbot.addWidget(chart)
    chart.set_plan(plan)
    chart.show()
    qtbot.waitExposed(chart)
    week = ThisWeekView(lambda: dt.date(2026, 11, 23))
    qtbot.addWidget(week)
    week.set_book(book)
    week.show()
    qtbot.waitExposed(week)
    assert week.overdue_count() >= 1  # the milestone of year 1 is overdue, and shown
    with pytest.raises(PlanInvalid, match="1900 to 2199"):
        plan_calendar(plan, "seed", dt.date(2026, 1, 1))
    assert render_plan(plan, ReportOptions()).startswith(b"%PDF")
    with pytest.raises(PlanInvalid, match=re.escape("plan.milestones[0].date")):
        book.save(plan_id, plan)
