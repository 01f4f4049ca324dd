"""The plan book keeps every plan exactly, refuses unsound plans, and lists plans in one query."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from pipdesk.domain import PlanInvalid, Status
from pipdesk.store import PlanBook, PlanNotFound

from conftest import SAMPLE_NAMES, load_sample


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_reads_back_equal(book_path: Path, name: str) -> None:
    plan = load_sample(name)
    with PlanBook.open(book_path) as book:
        plan_id = book.add(plan)
    with PlanBook.open(book_path) as reopened:
        assert reopened.get(plan_id) == plan


def test_new_plan_book_is_readable_by_the_user_only(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    assert stat.S_IMODE(os.stat(book_path).st_mode) == 0o600


def test_plan_breaking_a_rule_is_not_saved(book: PlanBook) -> None:
    plan = book.get(1)
    plan.end_date = plan.start_date - dt.timedelta(days=1)
    with pytest.raises(PlanInvalid, match="is before start date"):
        book.save(1, plan)
    assert book.get(1) == load_sample("alex-delivery-active")


def test_save_replaces_the_plan_and_its_lists(book: PlanBook) -> None:
    plan = book.get(1)
    plan.title = "Delivery predictability — ünïcødé <b>&amp;</b>\nsecond line"
    plan.checkins = plan.checkins[:2]
    plan.objectives[0].target = 95
    book.save(1, plan)
    assert book.get(1) == plan
    assert book.db.execute("SELECT count(*) FROM checkins WHERE plan_id = 1").fetchone()[0] == 2


def test_delete_removes_the_plan_and_everything_it_holds(book: PlanBook) -> None:
    book.delete(1)
    with pytest.raises(PlanNotFound):
        book.get(1)
    for table in ("objectives", "milestones", "checkins", "concerns"):
        assert book.db.execute(f"SELECT count(*) FROM {table} WHERE plan_id = 1").fetchone()[0] == 0
    assert book.db.execute("SELECT count(*) FROM progress").fetchone()[0] == sum(
        len(c.progress) for name in SAMPLE_NAMES[1:] for c in load_sample(name).checkins
    )


def test_add_many_is_all_or_nothing(book_path: Path) -> None:
    good = load_sample("alex-delivery-active")
    bad = load_sample("beth-communication-closed")
    bad.outcome = None  # a closed plan needs an outcome
    with PlanBook.open(book_path) as book:
        with pytest.raises(PlanInvalid):
            book.add_many([good, bad])
        assert book.count() == 0


def test_summaries_show_next_checkin_and_no_checkin_for_closed_plans(book: PlanBook) -> None:
    by_employee = {s.employee: s for s in book.summaries()}
    alex = by_employee["Alex Moreno"]
    assert (alex.status, alex.next_checkin) == (Status.ACTIVE, dt.date(2026, 11, 30))
    assert alex.days_left(dt.date(2026, 11, 23)) == 28
    assert by_employee["Beth Ikeda-Łukasiewicz"].next_checkin is None
    assert by_employee["Дмитрий Иванов"].next_checkin is None


def test_summaries_run_one_statement_whatever_the_number_of_plans(book_path: Path) -> None:
    statements: list[str] = []
    with PlanBook.open(book_path) as book:
        book.add_many(load_sample("alex-delivery-active") for _ in range(30))
        book.db._tracer = lambda sql, params: statements.append(sql)
        assert len(book.summaries()) == 30
    assert len(statements) == 1


def test_foreign_keys_are_enforced(book: PlanBook) -> None:
    assert book.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert book.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
