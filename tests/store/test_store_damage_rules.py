"""Telling a damaged plan book from a fault: the errors SQLite itself raises on real files, sorted by ``is_damage``.

A plan book damaged on the disk (a page SQLite finds broken, a file that is not a database at all) is
damage; an error of the environment or of pipdesk's own statements (a missing table, a broken
constraint, a lock) is a fault, and is not reported to the manager as a damaged plan book.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipdesk.store.damage import is_damage, is_undecodable_text
from pipdesk.store.driver import sqlite3


def _error_of(path: Path, statement: str) -> sqlite3.Error:
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.Error) as raised:
            conn.execute(statement).fetchall()
    finally:
        conn.close()
    return raised.value


def _file_not_a_database(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a letter, not a plan book\n" * 200)
    return _error_of(path, "SELECT * FROM sqlite_master")


def _page_overwritten(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "broken.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text)")
    conn.executemany("INSERT INTO notes VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'notes'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    return _error_of(path, "SELECT count(*) FROM notes")


def test_a_file_that_is_not_a_database_is_damage(tmp_path: Path) -> None:
    error = _file_not_a_database(tmp_path)
    assert type(error) is sqlite3.DatabaseError
    assert error.sqlite_errorcode == sqlite3.SQLITE_NOTADB
    assert is_damage(error) is True


def test_a_page_sqlite_finds_malformed_is_damage(tmp_path: Path) -> None:
    error = _page_overwritten(tmp_path)
    assert type(error) is sqlite3.DatabaseError
    assert str(error) == "database disk image is malformed"
    assert error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_CORRUPT
    assert is_damage(error) is True


def test_a_broken_constraint_is_a_fault_not_damage(tmp_path: Path) -> None:
    """An IntegrityError carries an error code too, but not one of a damaged file."""
    conn = sqlite3.connect(tmp_path / "book.db")
    conn.execute("CREATE TABLE plans (id INTEGER PRIMARY KEY, title UNIQUE)")
    conn.execute("INSERT INTO plans (title) VALUES ('Sales')")
    with pytest.raises(sqlite3.IntegrityError) as raised:
        conn.execute("INSERT INTO plans (title) VALUES ('Sales')")
    conn.close()
    assert isinstance(raised.value.sqlite_errorcode, int)
    assert is_damage(raised.value) is False


def test_a_missing_table_or_a_lock_is_a_fault_not_damage(tmp_path: Path) -> None:
    """OperationalErrors (the environment, pipdesk's own statements) are no damage, and no undecodable text."""
    missing = _error_of(tmp_path / "book.db", "SELECT * FROM no_such_table")
    assert type(missing) is sqlite3.OperationalError
    assert is_damage(missing) is False
    assert is_undecodable_text(missing) is False

    holder = sqlite3.connect(tmp_path / "book.db", isolation_level=None)
    holder.execute("CREATE TABLE plans (id)")
    holder.execute("BEGIN EXCLUSIVE")
    waiter = sqlite3.connect(tmp_path / "book.db", timeout=0)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            waiter.execute("SELECT * FROM plans").fetchall()
    finally:
        waiter.close()
        holder.close()
    assert str(raised.value) == "database is locked"
    assert is_damage(raised.value) is False
    assert is_undecodable_text(raised.value) is False


def test_an_operational_error_is_never_damage_by_its_error_code() -> None:
    """Only a DatabaseError that is not an OperationalError is judged by its code; an OperationalError never is."""
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
    assert is_damage(error) is False


def test_a_database_error_without_an_error_code_is_a_fault() -> None:
    """A DatabaseError made without SQLite's error code (the driver's own) is judged by its type alone."""
    assert is_damage(sqlite3.DatabaseError("cannot operate on a closed database")) is False


def test_text_that_is_not_utf8_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE plans (title TEXT)")
    conn.execute("INSERT INTO plans VALUES (CAST(x'50ff4950' AS TEXT))")
    conn.commit()
    conn.close()
    error = _error_of(path, "SELECT title FROM plans")
    assert is_undecodable_text(error) is True
    assert is_damage(error) is True
    assert is_undecodable_text(ValueError("Could not decode to UTF-8 column 'title'")) is False
