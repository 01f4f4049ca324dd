"""This week reads the plan book in SQL (store/due.py), not validated plans: the items and the closed plans
past retention it finds are those the domain's rules give of the whole plans, on every plan of a generated
plan book, day after day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipdesk.domain.model import MilestoneKind, Pause, SupportAction
from pipdesk.domain.retention import RetentionHold, latest_close_past_retention
from pipdesk.domain.schedule import due_items
from pipdesk.gui.week.model import past_retention_items
from pipdesk.services.samples import add_generated_plans
from pipdesk.store import PlanBook
from pipdesk.store.due import closed_plans_for_retention
from pipdesk.store.erasure import set_retention_hold

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


@pytest.mark.parametrize("years", [1, 3, 7])
def test_reading_only_plans_closed_long_enough_ago_finds_every_plan_past_retention(
    generated: PlanBook, years: int
) -> None:
    conn = generated.db.conn
    closed = closed_plans_for_retention(conn)
    assert len(closed) > 100
    held = closed[0].plan_id
    set_retention_hold(generated, held, RetentionHold(TODAY + dt.timedelta(days=40), "tribunal claim"))
    try:
        first = min(plan.closed_on for plan in closed)
        days = [first + dt.timedelta(days=n) for n in range(0, 365 * (years + 2), 11)]
        days += [dt.date(2028, 2, 28), dt.date(2028, 2, 29), dt.date(2028, 3, 1)]  # 2028 is a leap year
        days += [dt.date(2028 + years, 2, 28), dt.date(2028 + years, 3, 1)]
        for today in days:
            every = past_retention_items(closed_plans_for_retention(conn), years, today)
            only = closed_plans_for_retention(conn, latest_close_past_retention(years, today))
            assert past_retention_items(only, years, today) == every, today
        assert any(plan.plan_id == held for plan in closed_plans_for_retention(conn, dt.date(1990, 1, 1)))
    finally:
        set_retention_hold(generated, held, None)


def test_the_closed_plans_are_read_as_their_whole_plans_say(generated: PlanBook) -> None:
    conn = generated.db.conn
    held = next(iter(closed_plans_for_retention(conn))).plan_id
    hold = RetentionHold(TODAY + dt.timedelta(days=40), "tribunal claim")
    set_retention_hold(generated, held, hold)
    try:
        read = closed_plans_for_retention(conn)
        for closed in read:
            plan = generated.get(closed.plan_id)
            decided = plan.outcome.decided_on if plan.outcome is not None else None
            assert (closed.employee, closed.title, closed.closed_on) == (
                plan.employee.name,
                plan.title,
                decided or plan.end_date,
            )
            assert closed.hold == (hold if closed.plan_id == held else None)
        assert {c.plan_id for c in read} == {
            i for i in generated.plan_ids() if generated.get(i).status.value == "closed"
        }
    finally:
        set_retention_hold(generated, held, None)


def test_the_day_read_up_to_is_never_before_the_last_day_a_plan_can_close_and_be_past(years: int = 3) -> None:
    for offset in range(0, 4 * 366):
        today = dt.date(2027, 1, 1) + dt.timedelta(days=offset)
        cutoff = latest_close_past_retention(years, today)
        closed_on = cutoff + dt.timedelta(days=1)  # the first day not read
        assert past_retention_items_for(closed_on, years, today) is None, (today, closed_on)


def past_retention_items_for(closed_on: dt.date, years: int, today: dt.date) -> dt.date | None:
    from pipdesk.domain.kinds import Status
    from pipdesk.domain.retention import past_retention_since

    return past_retention_since(Status.CLOSED, closed_on, years, None, today)
