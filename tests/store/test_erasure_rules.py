"""Retention holds, erasing and anonymising: what the erasure log says, and what becomes of a backup's copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipdesk.domain.retention import RetentionHold
from pipdesk.store import PlanBook, PlanNotFound
from pipdesk.store.backups import backup_plan_book
from pipdesk.store.driver import sqlite3
from pipdesk.store.erasure import (
    ReasonMissing,
    anonymise_plan,
    closed_on,
    erase_plan,
    erasure_log,
    retention_holds,
    set_retention_hold,
)

from conftest import BETH, DMITRY, load_sample


def _epoch(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT epoch FROM book_identity WHERE id = 1").fetchone()[0])
    finally:
        conn.close()


def test_a_hold_on_a_plan_that_is_not_in_the_book_is_refused_by_its_number(book: PlanBook) -> None:
    with pytest.raises(PlanNotFound, match=r"^There is no plan 99 in this plan book$"):
        set_retention_hold(book, 99, RetentionHold(dt.date(2031, 1, 1), "Tribunal claim pending"))
    assert retention_holds(book) == {}


def test_a_hold_set_as_an_openings_first_write_marks_the_opening_in_the_file(book: PlanBook, book_path: Path) -> None:
    """A retention hold is a write like any other: the first of an opening begins a new epoch of the file."""
    book.close()
    before = _epoch(book_path)
    with PlanBook.open(book_path) as again:
        set_retention_hold(again, BETH, RetentionHold(dt.date(2031, 1, 1), "Tribunal claim pending"))
        after = _epoch(book_path)
    assert len(after) == 32 and after != before


def test_the_erasure_log_says_when_and_leaves_closed_on_empty_for_a_plan_never_closed(book: PlanBook) -> None:
    start = dt.datetime.now(dt.UTC)
    erase_plan(book, DMITRY, "Entered by mistake")
    (entry,) = erasure_log(book)
    assert (entry.plan_id, entry.action, entry.closed_on) == (DMITRY, "erased", None)
    at = dt.datetime.fromisoformat(entry.at)
    assert start - dt.timedelta(seconds=1) <= at <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)


def _plans_of(path: Path) -> dict[int, str]:
    with PlanBook.open(path) as copy:
        return {plan_id: copy.get(plan_id).employee.name for plan_id in copy.plan_ids()}


def test_a_backup_keeps_the_anonymised_plan_under_its_own_number(book: PlanBook, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backup = backup_plan_book(book, backups, keep=5)
    names = _plans_of(backup)

    result = anonymise_plan(book, BETH, "Kept for statistics", backups)

    assert result.backups_rewritten == [backup]
    assert _plans_of(backup) == {**names, BETH: "Employee A"}


def test_a_backup_whose_copy_cannot_be_anonymised_loses_the_plan_and_keeps_the_others(
    book: PlanBook, tmp_path: Path
) -> None:
    """A backup's copy changed outside pipdesk (here an unknown status) cannot be saved anonymised: it goes."""
    backups = tmp_path / "backups"
    backup = backup_plan_book(book, backups, keep=5)
    names = _plans_of(backup)
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE plans SET status = 'on fire' WHERE id = ?", [BETH])
    conn.commit()
    conn.close()

    result = anonymise_plan(book, BETH, "Kept for statistics", backups)

    assert result.backups_rewritten == [backup]
    assert _plans_of(backup) == {plan_id: name for plan_id, name in names.items() if plan_id != BETH}
    assert book.get(BETH).employee.name == "Employee A"


def test_an_erasure_without_a_reason_says_the_erasure_log_needs_one(book: PlanBook) -> None:
    with pytest.raises(ReasonMissing, match=r"^Give the reason: the erasure log keeps it$"):
        erase_plan(book, BETH, "   ")
    assert BETH in book.plan_ids()


def test_an_erasure_as_an_openings_first_write_marks_the_opening_in_the_file(book: PlanBook, book_path: Path) -> None:
    book.close()
    before = _epoch(book_path)
    with PlanBook.open(book_path) as again:
        erase_plan(again, DMITRY, "Entered by mistake")
        after = _epoch(book_path)
    assert len(after) == 32 and after != before


def test_a_backup_that_cannot_be_opened_is_named_with_the_reason(book: PlanBook, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backup = backup_plan_book(book, backups, keep=5)
    backup.write_bytes(b"not a plan book at all\n" * 400)

    result = erase_plan(book, BETH, "Past retention", backups)

    assert result.backups_rewritten == []
    assert [path for path, _why in result.backups_left] == [backup]
    assert result.backups_left[0][1] == f"{backup}: is not a plan book (it is not an SQLite database)"


def test_a_plan_closed_on_is_its_decision_date_else_its_end_date_and_none_while_open() -> None:
    beth = load_sample("beth-communication-closed")
    assert beth.outcome is not None
    decided = beth.model_copy(update={"outcome": beth.outcome.model_copy(update={"decided_on": dt.date(2026, 6, 1)})})
    undated = beth.model_copy(update={"outcome": beth.outcome.model_copy(update={"decided_on": None})})
    reopened = decided.model_copy(update={"status": load_sample("alex-delivery-active").status})
    assert closed_on(decided) == dt.date(2026, 6, 1)
    assert closed_on(undated) == beth.end_date == dt.date(2026, 5, 25)
    assert closed_on(reopened) is None


def test_a_backup_from_before_the_employee_was_renamed_is_still_the_same_plan(book: PlanBook, tmp_path: Path) -> None:
    """The plan's first save (its audit chain's first link) tells it is the same plan, not its employee's name."""
    backups = tmp_path / "backups"
    backup = backup_plan_book(book, backups, keep=5)
    plan = book.get(BETH)
    plan.employee.name = "Beth Ikeda-Moreau"
    book.save(BETH, plan)

    result = erase_plan(book, BETH, "Past retention", backups)

    assert result.backups_rewritten == [backup]
    assert BETH not in _plans_of(backup)
