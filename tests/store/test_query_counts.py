"""The views read a plan book in a fixed number of statements, whatever its size, and each uses an index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pipdesk.domain import Status
from pipdesk.domain.schedule import due_items
from pipdesk.gui.week.view import ThisWeekView
from pipdesk.services.samples import add_generated_plans
from pipdesk.store import PlanBook
from pipdesk.store.driver import sqlite3
from pipdesk.store.due import write_due_dates

from conftest import TODAY


def traced(book: PlanBook) -> list[str]:
    statements: list[str] = []
    book.db._tracer = lambda sql, params: statements.append(sql)
    return statements


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Plan books of 20 and 200 generated plans (made once: they are only read)."""
    paths = {}
    for count in (20, 200):
        path = tmp_path_factory.mktemp("books") / f"plans-{count}.pipdesk"
        with PlanBook.open(path) as book:
            add_generated_plans(book, count, seed=count, today=TODAY)
        paths[count] = path
    return paths


@pytest.fixture
def open_book(generated: dict[int, Path]) -> Iterator[dict[int, PlanBook]]:
    books = {count: PlanBook.open(path) for count, path in generated.items()}
    yield books
    for book in books.values():
        book.close()


def test_the_plan_list_loads_in_one_statement_whatever_the_number_of_plans(open_book: dict[int, PlanBook]) -> None:
    for count, book in open_book.items():
        statements = traced(book)
        assert len(book.summaries()) == count
        assert len(statements) == 1


def test_this_week_loads_in_the_same_few_statements_whatever_the_number_of_plans(
    qtbot: QtBot, open_book: dict[int, PlanBook]
) -> None:
    counts = {}
    for count, book in open_book.items():
        view = ThisWeekView(today=lambda: TODAY)
        qtbot.addWidget(view)
        statements = traced(book)
        view.set_book(book)
        assert view.model.items()
        counts[count] = len(statements)
    assert counts[20] == counts[200] <= 6  # the change mark, four for what is due, one for the closed plans (retention)


def test_this_week_reads_again_only_after_a_change_by_another_connection(
    qtbot: QtBot, generated: dict[int, Path], tmp_path: Path
) -> None:
    path = tmp_path / "copy.pipdesk"
    path.write_bytes(generated[20].read_bytes())
    book = PlanBook.open(path)
    view = ThisWeekView(today=lambda: TODAY)
    qtbot.addWidget(view)
    view.set_book(book)
    before = len(view.model.items())
    statements = traced(book)
    view.refresh()
    assert statements == ["PRAGMA data_version"]

    running = next(s.id for s in book.summaries() if s.status is Status.ACTIVE)
    with sqlite3.connect(path) as other:  # as another pipdesk's save writes it: the plan and its due dates
        other.execute("UPDATE plans SET status = 'draft' WHERE id = ?", [running])
        write_due_dates(other, running)
    other.close()
    view.refresh()
    assert running not in {item.plan_id for item in view.model.items()}
    assert len(view.model.items()) < before
    book.close()


@pytest.mark.parametrize("days", [-60, -3, 0, 4, 30, 120])
def test_the_slim_read_gives_exactly_the_due_items_of_the_whole_plans(
    open_book: dict[int, PlanBook], days: int
) -> None:
    book = open_book[200]
    today = TODAY + dt.timedelta(days=days)
    whole = [(s.id, book.get(s.id)) for s in book.summaries() if s.status in (Status.ACTIVE, Status.EXTENDED)]
    assert book.due_items(today) == due_items(whole, today)


def test_every_statement_of_the_list_and_this_week_searches_an_index(open_book: dict[int, PlanBook]) -> None:
    book = open_book[200]
    statements: list[tuple[str, object]] = []
    book.db._tracer = lambda sql, params: statements.append((sql, params))
    book.summaries()
    book.due_items(TODAY)
    book.db._tracer = None
    for sql, params in statements:
        plan = [row[3] for row in book.db.execute(f"EXPLAIN QUERY PLAN {sql}", params or [])]
        # The plan list reads every plan, in the order of its index; nothing else scans a table or sorts.
        scans = [
            step
            for step in plan
            if step.startswith("SCAN")
            and "USING INDEX plans_list" not in step
            and "USING COVERING INDEX plans_list" not in step
        ]
        assert scans == [], (sql, plan)
        assert not any("TEMP B-TREE" in step for step in plan), (sql, plan)
