"""Saving a copy of the open plan book, and what a copy or backup that cannot be written says.

A full or read-only disk is a small tmpfs mounted for the test (as tests/gui/shell/test_gui_full_disk.py
does); mounting needs root (as on CI): without it those tests are skipped.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.backups import (
    _disk_full,
    _explain_copy_error,
    backup_plan_book,
    backup_plan_book_file,
    restore_backup,
    rewrite_backup,
    save_copy,
)
from pipdesk.store.driver import sqlite3

from conftest import SAMPLE_NAMES, fill, load_sample, mounted_tmpfs


def _plan_count(path: Path) -> int:
    with PlanBook.open(path, create=False) as book:
        return book.count()


def test_a_copy_replaces_an_earlier_copy_and_holds_the_book_as_it_is_now(book: PlanBook, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "plans copy.pipdesk"
    assert save_copy(book, target) == target
    assert _plan_count(target) == len(SAMPLE_NAMES)
    book.add(load_sample(SAMPLE_NAMES[0]))
    assert save_copy(book.db, target) == target  # the open database will do as well as the plan book
    assert _plan_count(target) == len(SAMPLE_NAMES) + 1
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_copy_cannot_replace_the_plan_book_itself(book: PlanBook, book_path: Path) -> None:
    before = book.count()
    with pytest.raises(PlanBookError) as refused:
        save_copy(book, book_path)
    assert str(refused.value) == "A copy cannot replace the plan book itself; choose another name"
    assert book.count() == before


def test_a_full_disk_is_known_by_its_code_or_by_sqlites_words_for_it(tmp_path: Path) -> None:
    """The backup API raises a full disk without its code; a write raises it with the code."""
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(tmp_path / "a.db", timeout=0)
    try:
        other.execute("SELECT * FROM t")
    except sqlite3.OperationalError as error:
        busy = error
    assert busy.sqlite_errorcode == sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
    assert not _disk_full(busy)
    conn.close()
    other.close()
    try:
        other.execute("SELECT 1")
    except sqlite3.ProgrammingError as error:
        closed = error
    assert not _disk_full(closed)
    assert _explain_copy_error(closed) == (
        "the plan book could not be read or written (Cannot operate on a closed database.)"
    )  # not "the disk is full": a copy's error without a code is not taken for one


def test_a_full_disk_is_told_as_such_whether_sqlite_gives_its_code_or_not(small_disk: Path, book: PlanBook) -> None:
    written = sqlite3.connect(small_disk / "written.db", isolation_level=None)
    written.execute("CREATE TABLE t (x)")
    copied = sqlite3.connect(small_disk / "copied.db")
    fill(small_disk)
    try:
        written.execute("INSERT INTO t VALUES (randomblob(100000))")
    except sqlite3.OperationalError as error:
        by_code = error
    assert by_code.sqlite_errorcode == sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    try:
        book.db.conn.backup(copied)
    except sqlite3.OperationalError as error:
        by_words = error
    assert not hasattr(by_words, "sqlite_errorcode") and str(by_words) == "database or disk is full"
    written.close()
    copied.close()
    for error in (by_code, by_words):
        assert _disk_full(error)
        assert _explain_copy_error(error) == "the disk is full; free some space and try again"


def test_a_copy_or_backup_onto_a_full_disk_says_so_with_its_path(book: PlanBook, small_disk: Path) -> None:
    fill(small_disk)
    copy = small_disk / "copy.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        save_copy(book, copy)
    assert (
        str(refused.value) == f"{copy}: the copy could not be written (the disk is full; free some space and try again)"
    )
    with pytest.raises(PlanBookError) as refused:
        backup_plan_book(book, small_disk, keep=3)
    assert re.fullmatch(
        re.escape(str(small_disk)) + r"/plans-\d{8}-\d{6}\.pipdesk: the backup could not be written "
        r"\(the disk is full; free some space and try again\)",
        str(refused.value),
    )


def test_a_copy_backup_or_restore_onto_a_read_only_disk_says_the_system_words(
    book: PlanBook, small_disk: Path, tmp_path: Path
) -> None:
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    folder = small_disk / "copies"
    folder.mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    copy = folder / "copy.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        save_copy(book, copy)
    assert str(refused.value) == f"{copy}: the copy could not be written (Read-only file system)"
    with pytest.raises(PlanBookError) as refused:
        backup_plan_book(book, folder, keep=3)
    assert str(refused.value).endswith(".pipdesk: the backup could not be written (Read-only file system)")
    with pytest.raises(PlanBookError):
        restore_backup(backup, folder / "restored.pipdesk")
    assert list(folder.iterdir()) == []


def test_a_backup_restores_onto_another_disk_and_a_full_one_says_it_is_full(
    book: PlanBook, small_disk: Path, tmp_path: Path
) -> None:
    """The restored book is staged beside its new name (a rename cannot cross disks), never in the temp folder."""
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    restored = restore_backup(backup, small_disk / "restored.pipdesk")
    assert _plan_count(restored) == len(SAMPLE_NAMES)
    assert sorted(p.name for p in small_disk.iterdir()) == ["restored.pipdesk"]
    fill(small_disk)
    target = small_disk / "again.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        restore_backup(backup, target)  # not "the backup is damaged": the copy has no room
    assert str(refused.value) == f"{target}: cannot be written (the disk is full; free some space and try again)"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "restored.pipdesk"]


def test_a_backup_whose_pages_sqlite_refuses_is_called_damaged_not_a_full_disk(book: PlanBook, tmp_path: Path) -> None:
    """Its header passes the cheap checks (an SQLite file of the right length); SQLite refuses it on copying."""
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    data = bytearray(backup.read_bytes())
    data[21] = 0  # the maximum embedded payload fraction, always 64 in a sound file
    backup.write_bytes(bytes(data))
    target = tmp_path / "restored.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        restore_backup(backup, target)
    assert str(refused.value) == f"{backup}: is damaged or not a plan book (file is not a database)"
    assert not target.exists()


def test_an_encrypted_backup_names_itself_when_the_passphrase_does_not_open_it(tmp_path: Path) -> None:
    path = tmp_path / "secret.pipdesk"
    with PlanBook.open(path, passphrase="correct horse battery") as book:
        backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    with pytest.raises(PlanBookError) as refused:
        restore_backup(backup, tmp_path / "restored.pipdesk", passphrase="not the passphrase")
    assert str(refused.value).startswith(f"{backup}: the passphrase does not open it")


@pytest.fixture
def few_files_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs that holds at most 64 files (and folders), unmounted after the test."""
    with mounted_tmpfs(tmp_path / "few", "size=8m,nr_inodes=64") as disk:
        yield disk


def _leave_room_for(disk: Path, files: int) -> list[Path]:
    """Take every free file of ``disk`` but ``files``; delete the fillers to give them back."""
    fillers: list[Path] = []
    with suppress(OSError):
        while True:
            filler = disk / f"filler-{len(fillers)}"
            filler.touch()
            fillers.append(filler)
    for filler in fillers[-files:]:
        filler.unlink()
    return fillers[:-files]


@pytest.mark.parametrize("room", [1, 2], ids=["room-for-the-lock-only", "room-for-the-lock-and-staging-folder"])
def test_a_restore_onto_a_disk_without_room_for_its_files_says_so_and_lets_the_name_go(
    book: PlanBook, few_files_disk: Path, tmp_path: Path, room: int
) -> None:
    """Not an unexplained OSError, nor the name held as if another window had it open."""
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    fillers = _leave_room_for(few_files_disk, room)
    target = few_files_disk / "restored.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        restore_backup(backup, target)
    assert str(refused.value) == f"{target}: cannot be written (No space left on device)"
    for filler in fillers:
        filler.unlink()
    assert _plan_count(restore_backup(backup, target)) == len(SAMPLE_NAMES)


def test_a_backup_of_a_book_file_says_why_it_cannot_be_read(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "plans.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        backup_plan_book_file(missing, tmp_path / "backups", keep=3)
    assert str(refused.value) == (
        f"{missing}: cannot be read for a backup "
        "(the plan book file could not be opened; check it is still there and may be written)"
    )
    path = tmp_path / "secret.pipdesk"
    with PlanBook.open(path, passphrase="correct horse battery"):
        pass
    with pytest.raises(PlanBookError) as refused:
        backup_plan_book_file(path, tmp_path / "backups", keep=3, passphrase="not the passphrase")
    assert str(refused.value).startswith(f"{path}: the passphrase does not open it")
    assert not (tmp_path / "backups").exists() or list((tmp_path / "backups").iterdir()) == []


def test_a_rewritten_backup_leaves_its_old_bytes_zeroed_to_the_last_one_and_no_further(
    book: PlanBook, tmp_path: Path
) -> None:
    """Seen through a second name (a hard link) of the old backup: every byte zero, its length unchanged."""
    plans = [load_sample(name) for name in SAMPLE_NAMES]
    while (
        book.db.execute("PRAGMA page_count").fetchone()[0] * book.db.execute("PRAGMA page_size").fetchone()[0]
        <= (1 << 20) + 4096
    ):  # more than one chunk of zeros, and not a whole number of them
        book.add_many(plans * 10)
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    old = tmp_path / "old name of the backup"
    os.link(backup, old)
    size = old.stat().st_size
    assert size > (1 << 20) and size % (1 << 20) != 0 and old.read_bytes()[-1] != 0

    assert rewrite_backup(backup, None, lambda _book: True, lambda db: db.execute("VACUUM"))

    assert old.stat().st_size == size
    assert old.read_bytes().count(0) == size
    assert _plan_count(backup) == book.count()
