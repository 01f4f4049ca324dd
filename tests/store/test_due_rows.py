"""This week reads the plan book in SQL (store/due.py), not validated plans: the items and the closed plans
past retention it finds are those the domain's rules give of the whole plans, on every plan of a generated
plan book, day after day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pipdesk.domain.kinds import Status
from pipdesk.domain.model import MilestoneKind, Pause, SupportAction
from pipdesk.domain.retention import RetentionHold, latest_close_past_retention, past_retention_since
from pipdesk.domain.schedule import DueItem, DueKind, due_items
from pipdesk.services.samples import add_generated_plans
from pipdesk.store import PlanBook
from pipdesk.store.erasure import anonymise_plan, anonymised_plan_ids, set_retention_hold

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlanBook]:
    path = Path(tmp_path_factory.mktemp("due")) / "plans.pipdesk"
    with PlanBook.open(path) as book:
        add_generated_plans(book, 400, seed=7, today=TODAY)
        # Paused plans too: one paused before the day the weeks start from, one resumed since.
        running = [s.id for s in book.summaries() if s.status.value in ("active", "extended")]
        for plan_id, resumed in ((running[0], None), (running[1], TODAY - dt.timedelta(days=20))):
            plan = book.get(plan_id)
            paused_on = max(plan.start_date, TODAY - dt.timedelta(days=30))
            plan.pauses.append(Pause(paused_on=paused_on, resumed_on=resumed, reason="Sick leave\nfrom  work"))
            book.save(plan_id, plan)
        # Issued and not acknowledged: with no check-in yet (a reminder), and with one (the fairness
        # check carries it); support promised with no date.
        for plan_id, keep_checkins in ((running[3], False), (running[4], True)):
            plan = book.get(plan_id)
            plan.issued_on, plan.acknowledgement = plan.start_date, None
            plan.checkins = plan.checkins if keep_checkins else []
            plan.support.append(SupportAction(description="Pair with a senior colleague"))
            book.save(plan_id, plan)
        # A final review set before the end date: "outcome missing" counts from it.
        plan = book.get(running[2])
        final = next(m for m in plan.milestones if m.kind is MilestoneKind.FINAL)
        final.date = plan.end_date - dt.timedelta(days=10)
        book.save(running[2], plan)
    book = PlanBook.open(path)
    yield book
    book.close()


def test_the_query_gives_the_items_of_the_whole_plans_every_week_of_a_year(generated: PlanBook) -> None:
    whole = [(plan_id, generated.get(plan_id)) for plan_id in generated.plan_ids()]
    running = [(plan_id, plan) for plan_id, plan in whole if plan.status.value in ("active", "extended")]
    assert any(plan.paused for _, plan in running), "the generated book has a paused plan"
    checked, kinds = 0, set[str]()
    for week in range(-20, 40):
        today = TODAY + dt.timedelta(days=7 * week + week % 7)  # every weekday in turn
        slim = generated.due_items(today)
        assert slim == due_items(running, today), today
        checked += len(slim)
        kinds.update(item.kind.value for item in slim)
    assert checked > 1000
    assert {"acknowledgement_missing", "support_undated", "outcome_missing", "paused"} <= kinds


def _by_the_rule(book: PlanBook) -> Callable[[int, dt.date], list[DueItem]]:
    """``retention.past_retention_since`` on every whole plan of the book, each read once."""
    holds = dict(book.db.execute("SELECT plan_id, keep_until FROM retention_holds").fetchall())
    anonymised = {row[0] for row in book.db.execute("SELECT plan_id FROM erasure_log WHERE action = 'anonymised'")}
    plans = []
    for plan_id in book.plan_ids():
        plan = book.get(plan_id)
        decided = plan.outcome.decided_on if plan.outcome is not None else None
        hold = RetentionHold(dt.date.fromisoformat(holds[plan_id]), "held") if plan_id in holds else None
        if plan_id not in anonymised:
            plans.append((plan_id, plan.status, decided or plan.end_date, hold, plan.employee.name, plan.title))

    def past_retention(years: int, today: dt.date) -> list[DueItem]:
        items = []
        for plan_id, status, closed_on, hold, employee, title in plans:
            since = past_retention_since(status, closed_on, years, hold, today)
            if since is not None:
                items.append(DueItem(plan_id, DueKind.PAST_RETENTION, since, employee, title))
        return items

    return past_retention


@pytest.mark.parametrize("years", [1, 3, 7])
def test_the_query_finds_the_plans_past_retention_the_rule_finds_in_the_whole_plans(
    generated: PlanBook, years: int
) -> None:
    """Day after day from the first close, held plans (past their date and not yet) and 29 February included."""
    closed = [i for i in generated.plan_ids() if generated.get(i).status is Status.CLOSED]
    assert len(closed) > 100
    held, held_long = closed[0], closed[1]
    # A plan closed on 29 February: kept until the 28th in a year without one; past retention from 1 March.
    leap = generated.get(closed[2])
    assert leap.outcome is not None
    leap.outcome.decided_on = dt.date(2024, 2, 29)
    generated.save(closed[2], leap)
    # An anonymised plan is kept for statistics: never past retention again.
    anonymised = closed[3]
    if anonymised not in anonymised_plan_ids(generated):
        anonymise_plan(generated, anonymised, "kept for statistics")
    set_retention_hold(generated, held, RetentionHold(TODAY + dt.timedelta(days=40), "tribunal claim"))
    set_retention_hold(generated, held_long, RetentionHold(dt.date(2040, 1, 1), "litigation"))
    first = min(generated.get(i).end_date for i in closed) - dt.timedelta(days=3)
    days = [first + dt.timedelta(days=n) for n in range(0, 365 * (years + 3), 13)]
    days += [TODAY + dt.timedelta(days=n) for n in (40, 41, 42)]  # the hold's last day, and the days after
    days += [
        dt.date(2024 + years, 2, 28),
        dt.date(2024 + years, 2, 29 if years % 4 == 0 else 28),
        dt.date(2024 + years, 3, 1),
    ]
    days += [dt.date(2028, 2, 28), dt.date(2028, 2, 29), dt.date(2028, 3, 1)]  # 2028 is a leap year
    seen = set()
    by_the_rule = _by_the_rule(generated)
    for today in days:
        read = sorted(generated.past_retention_items(years, today))
        assert read == sorted(by_the_rule(years, today)), today
        seen.update(item.plan_id for item in read)
    assert {held, closed[2]} <= seen
    assert held_long not in seen and anonymised not in seen
    # 29 February and 3 years on: 28 February 2027 is its last day kept, 1 March 2027 the first past it.
    if years == 3:
        assert closed[2] not in {i.plan_id for i in generated.past_retention_items(3, dt.date(2027, 2, 28))}
        assert closed[2] in {i.plan_id for i in generated.past_retention_items(3, dt.date(2027, 3, 1))}


def test_the_day_read_up_to_is_never_before_the_last_day_a_plan_can_close_and_be_past(years: int = 3) -> None:
    for offset in range(0, 4 * 366):
        today = dt.date(2027, 1, 1) + dt.timedelta(days=offset)
        cutoff = latest_close_past_retention(years, today)
        closed_on = cutoff + dt.timedelta(days=1)  # the first day not read
        assert past_retention_since(Status.CLOSED, closed_on, years, None, today) is None, (today, closed_on)
