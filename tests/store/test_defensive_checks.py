"""The store's defensive checks, each made to fire on a real file: nothing here replaces a check with a stub.

- Opening: a plan book damaged past its first pages (a page SQLite's ``quick_check`` finds broken,
  which opening and listing never read) is refused as damaged, whole, with its reason.
- Changing the passphrase: the copy written beside the plan book is checked before it takes the
  plan book's place. Here the export really loses a row, a table, or a page of its copy (the real
  export runs, then the copy on the disk is damaged as a failing disk or a faulty export would); the
  real checks must refuse it and leave the plan book as it was.
- A write-ahead log another program keeps writing to is never dropped under a new file.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.store import PlanBook, PlanBookError, encryption
from pipdesk.store.driver import apply_passphrase, sqlite3
from pipdesk.store.encryption import change_passphrase

from conftest import SAMPLE_NAMES, load_sample

SECRET = "correct horse battery"
OTHER = "staple paperclip hinge"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page_of(path: Path, name: str) -> tuple[int, int]:
    """(offset in the file, size) of the first page of the table or index ``name`` in a plain SQLite file."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        [(root,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchall()
        [(size,)] = conn.execute("PRAGMA page_size").fetchall()
    finally:
        conn.close()
    return (root - 1) * size, size


def break_page(path: Path, name: str) -> None:
    """Give the first page of ``name`` a page type SQLite does not know, as a bad sector would."""
    offset, _size = page_of(path, name)
    data = bytearray(path.read_bytes())
    assert data[offset] in (0x02, 0x05, 0x0A, 0x0D)  # one of SQLite's four b-tree page types
    data[offset] = 0x00
    path.write_bytes(bytes(data))


@pytest.fixture
def filled_path(book: PlanBook, book_path: Path) -> Path:
    book.close()
    return book_path


# Opening: quick_check


def test_a_plan_book_damaged_past_its_first_pages_is_refused_as_damaged(filled_path: Path) -> None:
    # The index of milestones by date: opening reads the schema and the plans, never this page.
    break_page(filled_path, "milestones_due")
    before = sha256(filled_path)
    with pytest.raises(PlanBookError) as refused:
        PlanBook.open(filled_path, create=False)
    message = str(refused.value)
    assert message.startswith(f"{filled_path}: is damaged (")
    assert "Tree " in message and message.endswith("restore it from a backup")
    assert sha256(filled_path) == before


def test_the_command_line_refuses_a_plan_book_damaged_past_its_first_pages_with_exit_2(
    filled_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_page(filled_path, "milestones_due")
    assert main(["list", "--db", str(filled_path)]) == 2
    err = capsys.readouterr().err
    assert "is damaged (" in err and "restore it from a backup" in err
    assert "Traceback" not in err


# Changing the passphrase: the checks of the new copy


def export_then(monkeypatch: pytest.MonkeyPatch, damage: Callable[[Path, str | None], None]) -> None:
    """The real export, then ``damage(copy, its passphrase)`` done to the copy on the disk."""
    real_export = encryption._export

    def export(conn: sqlite3.Connection, staging: Path, new: str | None) -> None:
        real_export(conn, staging, new)
        damage(staging, new)

    monkeypatch.setattr(encryption, "_export", export)


def run_on(staging: Path, passphrase: str | None, statement: str) -> None:
    conn = sqlite3.connect(staging, isolation_level=None)
    try:
        apply_passphrase(conn, passphrase)
        assert conn.execute(statement).rowcount != 0
    finally:
        conn.close()


def book_at(tmp_path: Path, passphrase: str | None) -> Path:
    path = tmp_path / "book.pipdesk"
    with PlanBook.open(path, passphrase=passphrase) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    return path


def assert_as_it_was(path: Path, before: str, passphrase: str | None) -> None:
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "the copy was not cleared away"
    with PlanBook.open(path, create=False, passphrase=passphrase) as book:
        assert len(book.summaries()) == 4


CHANGES = {"set": (None, SECRET), "change": (SECRET, OTHER), "remove": (SECRET, None)}


@pytest.mark.parametrize("change", CHANGES)
def test_the_copy_is_written_in_a_hidden_staging_folder_beside_the_plan_book_and_cleared_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    old, new = CHANGES[change]
    path = book_at(tmp_path, old)
    seen: list[Path] = []
    export_then(monkeypatch, lambda copy, _key: seen.append(copy))
    assert change_passphrase(path, old, new) == [], "nothing was left by an earlier change to clear away"
    [copy] = seen
    assert copy.name == path.name and copy.parent.parent == path.parent
    assert copy.parent.name.startswith(f".{path.name}.passphrase-")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    with PlanBook.open(path, create=False, passphrase=new) as book:
        assert len(book.summaries()) == 4


@pytest.mark.parametrize("change", CHANGES)
def test_a_copy_that_lost_a_row_does_not_replace_the_plan_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    old, new = CHANGES[change]
    path = book_at(tmp_path, old)
    before = sha256(path)
    export_then(
        monkeypatch,
        lambda copy, key: run_on(copy, key, "DELETE FROM checkins WHERE id = (SELECT max(id) FROM checkins)"),
    )
    with pytest.raises(PlanBookError) as refused:
        change_passphrase(path, old, new)
    assert str(refused.value) == (
        f"{path}: the passphrase was not changed (the new copy does not hold every row of checkins); "
        "the plan book is as it was"
    )
    assert_as_it_was(path, before, old)


def test_a_copy_that_lost_a_table_does_not_replace_the_plan_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = book_at(tmp_path, SECRET)
    before = sha256(path)
    export_then(monkeypatch, lambda copy, key: run_on(copy, key, "DROP TABLE retention_holds"))
    with pytest.raises(
        PlanBookError, match=r"\(the new copy does not hold the same tables\); the plan book is as it was"
    ):
        change_passphrase(path, SECRET, OTHER)
    assert_as_it_was(path, before, SECRET)


def test_a_copy_with_a_broken_page_does_not_replace_the_plan_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Removing the passphrase writes a plain copy, so one of its pages can be broken byte by byte.
    path = book_at(tmp_path, SECRET)
    before = sha256(path)
    export_then(monkeypatch, lambda copy, _key: break_page(copy, "milestones_due"))
    with pytest.raises(PlanBookError) as refused:
        change_passphrase(path, SECRET, None)
    message = str(refused.value)
    assert "(the new copy failed its integrity check: (" in message and "Tree " in message, message
    assert message.endswith("; the plan book is as it was")
    assert_as_it_was(path, before, SECRET)


# Changing the passphrase: a write-ahead log still being written

_WRITE_AND_WAIT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE plans SET title = title WHERE id = 1")  # a write with no change: pages into the log
print("written", flush=True)
sys.stdin.readline()
conn.close()
"""


def test_a_write_ahead_log_another_program_writes_to_stops_the_change(tmp_path: Path) -> None:
    # Another program (the sqlite3 shell, say) holds the plan book open past pipdesk's lock and has
    # written to its log: the log cannot be dropped, nor merged into a file it was not written for.
    path = book_at(tmp_path, None)
    other = subprocess.Popen(
        [sys.executable, "-c", _WRITE_AND_WAIT, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "written"
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0
        with pytest.raises(PlanBookError) as refused:
            change_passphrase(path, None, SECRET)
        assert str(refused.value) == f"{path}: is still in use by another program; close it and try again"
        assert path.read_bytes().startswith(b"SQLite format 3\x00")
        assert wal.stat().st_size > 0
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.close()
        other.wait(timeout=30)
    with PlanBook.open(path, create=False) as book:
        assert len(book.summaries()) == 4
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("book.pipdesk")) == []
