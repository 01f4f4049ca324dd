"""The first screen read ahead on a worker thread gives what the plan book's own reads give, or is not used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipdesk.domain import Status
from pipdesk.services.samples import add_generated_plans
from pipdesk.store import PlanBook
from pipdesk.store import read_ahead as read_ahead_module
from pipdesk.store.connection import PlanBookDamaged
from pipdesk.store.driver import sqlite3

from conftest import TODAY

YEARS = 3


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ahead") / "plans.pipdesk"
    with PlanBook.open(path) as book:
        add_generated_plans(book, 300, seed=21, today=TODAY)
    return path


def _first_screen(book: PlanBook, today: dt.date = TODAY, years: int = YEARS) -> tuple[object, ...]:
    return book.summaries(search_text=False), book.due_items(today), book.past_retention_items(years, today)


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The reads answered by the worker thread's rows (not read again)."""
    answered: list[str] = []
    take = read_ahead_module.ReadAhead.take

    def spy(self: read_ahead_module.ReadAhead, what: str, asked: tuple[object, ...], mark: object) -> object:
        rows = take(self, what, asked, mark)
        if rows is not None:
            answered.append(what)
        return rows

    monkeypatch.setattr(read_ahead_module.ReadAhead, "take", spy)
    return answered


def test_the_rows_read_ahead_are_those_the_plan_book_reads(generated: Path, taken: list[str]) -> None:
    with PlanBook.open(generated) as book:
        expected = _first_screen(book)
        for day in (TODAY, TODAY + dt.timedelta(days=45), TODAY - dt.timedelta(days=400)):
            book.read_ahead(day, YEARS)
            assert _first_screen(book, day) == _first_screen(book, day)  # ahead, then read again: the same
        book.read_ahead(TODAY, YEARS)
        summaries, due, retention = _first_screen(book)
    assert taken == ["summaries", "due", "retention"] * 4
    assert (summaries, due, retention) == expected
    assert len(summaries) == 300 and len(due) > 100 and retention  # type: ignore[arg-type]
    assert {item.kind.value for item in due} >= {"overdue", "due_this_week", "ending_soon"}  # type: ignore[attr-defined]


def test_what_was_not_asked_for_is_read_as_always(generated: Path, taken: list[str]) -> None:
    with PlanBook.open(generated) as book:
        expected = (book.due_items(TODAY + dt.timedelta(days=1)), book.past_retention_items(7, TODAY))
        with_words = book.summaries(search_text=True)
        book.read_ahead(TODAY, YEARS)
        assert book.summaries(search_text=True) == with_words  # the search words: never read ahead
        assert (book.due_items(TODAY + dt.timedelta(days=1)), book.past_retention_items(7, TODAY)) == expected
    assert taken == []


def test_a_change_after_the_read_began_is_seen(tmp_path: Path, generated: Path, taken: list[str]) -> None:
    path = tmp_path / "copy.pipdesk"
    path.write_bytes(generated.read_bytes())
    with PlanBook.open(path) as book:
        running = next(s.id for s in book.summaries() if s.status is Status.ACTIVE)
        book.read_ahead(TODAY, YEARS)
        plan = book.get(running)
        plan.title = "Renamed after the read began"
        book.save(running, plan)
        summaries, due, _retention = _first_screen(book)
        assert next(s.title for s in summaries if s.id == running) == "Renamed after the read began"  # type: ignore[attr-defined]
        assert _first_screen(book) == (summaries, due, _retention)
    assert taken == []


def test_a_row_that_does_not_read_is_said_as_damage_as_without_it(tmp_path: Path, generated: Path) -> None:
    path = tmp_path / "damaged.pipdesk"
    path.write_bytes(generated.read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE plans SET employee_name = CAST(x'50ff4950' AS TEXT) WHERE id = 2")
    conn.close()
    with PlanBook.open(path) as book:
        book.read_ahead(TODAY, YEARS)
        with pytest.raises(PlanBookDamaged, match="holds data pipdesk cannot read"):
            book.summaries(search_text=False)


def test_an_encrypted_plan_book_is_not_read_ahead(tmp_path: Path) -> None:
    with PlanBook.open(tmp_path / "locked.pipdesk", passphrase="correct horse battery") as book:
        book.read_ahead(TODAY, YEARS)
        assert book._ahead is None
        assert book.summaries(search_text=False) == []
