"""A plan book's errors in the manager's words, and the check of every page run later (once) for the window.

The errors are SQLite's own, raised by real connections on real files; the check is the one
``PlanBook.open(..., check_later=True)`` hands the window.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipdesk.store import PlanBook
from pipdesk.store.connection import (
    IntegrityCheck,
    PlanBookDamaged,
    check_integrity,
    explain_database_error,
    integrity_of,
)
from pipdesk.store.driver import sqlite3

from conftest import SAMPLE_NAMES, load_sample

SECRET = "correct horse battery"


def _error_of(action: object) -> sqlite3.Error:
    try:
        action()  # type: ignore[operator]
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error raised")


@pytest.fixture
def plain_file(tmp_path: Path) -> Path:
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    return path


def test_each_failure_of_the_database_is_told_in_the_managers_words(plain_file: Path, tmp_path: Path) -> None:
    read_only = sqlite3.connect(plain_file.as_uri() + "?mode=ro", uri=True)
    assert explain_database_error(_error_of(lambda: read_only.execute("INSERT INTO notes VALUES ('x')"))) == (
        "the plan book is read-only (its file or folder may not be written)"
    )
    read_only.close()

    holder = sqlite3.connect(plain_file, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(plain_file, timeout=0)
    busy = _error_of(lambda: other.execute("SELECT * FROM notes"))
    assert busy.sqlite_errorcode == sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
    assert explain_database_error(busy) == "another program is using the plan book; close it and try again"
    holder.execute("ROLLBACK")
    holder.close()
    other.close()

    garbage = tmp_path / "garbage.pipdesk"
    garbage.write_bytes(b"not a plan book" * 300)
    not_a_database = sqlite3.connect(garbage)
    assert explain_database_error(_error_of(lambda: not_a_database.execute("SELECT * FROM sqlite_master"))) == (
        "the plan book is damaged; restore it from a backup"
    )
    not_a_database.close()

    cannot_open = _error_of(lambda: sqlite3.connect(tmp_path / "no such folder" / "plans.pipdesk"))
    assert explain_database_error(cannot_open) == (
        "the plan book file could not be opened; check it is still there and may be written"
    )


def test_text_that_is_not_utf8_is_damage_and_an_error_without_a_code_is_told_with_its_own_words(
    plain_file: Path,
) -> None:
    conn = sqlite3.connect(plain_file)
    conn.execute("INSERT INTO notes VALUES (CAST(x'ff' AS TEXT))")
    undecodable = _error_of(lambda: conn.execute("SELECT body FROM notes").fetchall())
    assert explain_database_error(undecodable) == (
        "the plan book holds text that is not UTF-8: it is damaged; restore it from a backup"
    )
    conn.close()
    closed = _error_of(lambda: conn.execute("SELECT 1"))
    assert not hasattr(closed, "sqlite_errorcode")
    assert explain_database_error(closed) == (
        "the plan book could not be read or written (Cannot operate on a closed database.)"
    )


@pytest.fixture
def filled_book(book_path: Path) -> Path:
    with PlanBook.open(book_path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    return book_path


def _damage_audit_links(path: Path) -> None:
    """The first page of the audit links (read by no screen) overwritten."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_links'").fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


def test_the_later_check_of_a_sound_book_passes_every_time_it_is_asked(filled_book: Path) -> None:
    book = PlanBook.open(filled_book, check_later=True)
    try:
        check = integrity_of(book.db.conn)
        assert isinstance(check, IntegrityCheck)
        assert check.verdict() is None and check.problem is None
        assert check.verdict() is None
    finally:
        book.close()


def test_the_later_check_of_an_encrypted_book_reads_it_with_its_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "secret.pipdesk"
    with PlanBook.open(path, passphrase=SECRET) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    book = PlanBook.open(path, create=False, passphrase=SECRET, check_later=True)
    try:
        check = integrity_of(book.db.conn)
        assert check is not None
        check.verdict()
        assert check.problem is None
    finally:
        book.close()


def test_the_later_check_names_the_book_as_shown_and_refuses_a_damaged_one_every_time(
    filled_book: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "checked.pipdesk"
    shutil.copyfile(filled_book, damaged)
    _damage_audit_links(damaged)
    check = IntegrityCheck(damaged, None, shown=Path("Team plans.pipdesk"))
    for _ in range(2):
        with pytest.raises(PlanBookDamaged, match=r"^Team plans\.pipdesk: is damaged \(") as refused:
            check.verdict()
        assert str(refused.value).endswith("; restore it from a backup")


def test_a_book_the_later_check_cannot_read_is_refused_with_sqlites_words(filled_book: Path, tmp_path: Path) -> None:
    path = tmp_path / "secret.pipdesk"
    with PlanBook.open(path, passphrase=SECRET):
        pass
    check = IntegrityCheck(path, "not the passphrase", shown=Path("Team plans.pipdesk"))
    with pytest.raises(PlanBookDamaged) as refused:
        check.verdict()
    assert str(refused.value) == (
        "Team plans.pipdesk: is damaged or cannot be read (file is not a database); restore it from a backup"
    )


def test_the_later_check_runs_once_and_keeps_its_verdict(filled_book: Path, tmp_path: Path) -> None:
    """Damage done after the check passed is found by the next opening, not by this check again."""
    path = tmp_path / "checked.pipdesk"
    shutil.copyfile(filled_book, path)
    check = IntegrityCheck(path, None, shown=path)
    check.verdict()
    _damage_audit_links(path)
    check.verdict()
    assert check.problem is None
    with pytest.raises(PlanBookDamaged):
        IntegrityCheck(path, None, shown=path).verdict()


def _overwrite_page_while_open(path: Path, name: str, page: bytes) -> None:
    """The root page of table or index ``name`` replaced by ``page`` (the book stays open meanwhile)."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(page.ljust(page_size, b"\0") if len(page) < page_size else page[:page_size])


def test_the_full_check_names_the_first_three_problems_it_finds(filled_book: Path) -> None:
    """An index emptied behind SQLite's back: its rows are missing from it, one problem per plan."""
    book = PlanBook.open(filled_book)
    try:
        page_size = book.db.execute("PRAGMA page_size").fetchone()[0]
        empty_index_leaf = bytes([0x0A, 0, 0, 0, 0]) + page_size.to_bytes(2, "big") + b"\0"
        _overwrite_page_while_open(filled_book, "plans_running", empty_index_leaf)
        assert len(book.db.execute("PRAGMA integrity_check(5)").fetchall()) >= 4
        with pytest.raises(PlanBookDamaged) as refused:
            check_integrity(book.db, Path("Team plans.pipdesk"))
        assert str(refused.value) == (
            "Team plans.pipdesk: is damaged (wrong # of entries in index plans_running; "
            "row 1 missing from index plans_running; row 2 missing from index plans_running); "
            "nothing was written; restore it from a backup"
        )
    finally:
        book.close()


def test_the_full_check_refuses_a_book_sqlite_cannot_even_check_and_says_the_plan_book_unnamed(
    filled_book: Path,
) -> None:
    book = PlanBook.open(filled_book)
    try:
        _overwrite_page_while_open(filled_book, "audit_links", b"\xff" * 65536)
        with pytest.raises(PlanBookDamaged) as refused:
            check_integrity(book.db)
        assert str(refused.value) == (
            "the plan book: is damaged (database disk image is malformed); nothing was written; "
            "restore it from a backup"
        )
    finally:
        book.close()


def test_only_a_plan_books_own_connection_has_a_check_to_await(filled_book: Path) -> None:
    plain = sqlite3.connect(filled_book)
    try:
        assert integrity_of(plain) is None
    finally:
        plain.close()
