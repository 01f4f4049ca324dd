"""Backups: dated private copies taken while the plan book is open, the newest kept, restored into a new file."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.backups import (
    BackupInfo,
    backup_plan_book,
    backup_plan_book_file,
    list_backups,
    restore_backup,
)
from pipdesk.store.connection import default_backups_folder
from pipdesk.store.driver import sqlite3

from conftest import SAMPLE_NAMES, load_sample

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _tick(monkeypatch: pytest.MonkeyPatch, *times: dt.datetime) -> None:
    """Backups taken at ``times``, one after another."""
    moments = iter(times)

    class _Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> _Clock:
            return next(moments)  # type: ignore[return-value]

    monkeypatch.setattr("pipdesk.store.backups.dt.datetime", _Clock)


def test_a_backup_is_a_dated_private_copy_of_the_open_plan_book(book: PlanBook, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    path = backup_plan_book(book, folder, keep=5)
    assert path.parent == folder
    assert re.fullmatch(r"plans-\d{8}-\d{6}\.pipdesk", path.name)
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert folder.stat().st_mode & 0o777 == 0o700
    assert sorted(p.name for p in folder.iterdir()) == [path.name]  # no -wal, -shm or half-written file
    with sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM plans").fetchone() == (len(SAMPLE_NAMES),)
    book.add(load_sample("alex-delivery-active"))  # the plan book stays open and writable
    assert book.count() == len(SAMPLE_NAMES) + 1


def test_a_backup_holds_what_was_saved_even_uncheckpointed(book: PlanBook, tmp_path: Path) -> None:
    plan = book.get(1)
    plan.summary = "Saved a moment ago, still in the write-ahead log"
    book.save(1, plan)
    backup = backup_plan_book(book.db, tmp_path / "backups", keep=1)  # a Database does as well as a PlanBook
    restored = restore_backup(backup, tmp_path / "restored.pipdesk")
    with PlanBook.open(restored) as copy:
        assert copy.get(1) == plan


def test_only_the_newest_backups_are_kept(book: PlanBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "backups"
    other = folder / "other-20200101-000000.pipdesk"
    folder.mkdir()
    other.write_bytes(b"a backup of another plan book: never pruned with this one")
    times = [dt.datetime(2026, 3, day, 9, 30, 0) for day in range(1, 6)]
    _tick(monkeypatch, *times, times[-1])
    paths = [backup_plan_book(book, folder, keep=3) for _ in range(6)]
    assert paths[-1].name == "plans-20260305-093000-2.pipdesk"  # two in the same second both kept
    backups = list_backups(folder, "plans")
    assert [b.path for b in backups] == [paths[5], paths[4], paths[3]]
    assert [b.taken_at for b in backups] == [times[4], times[4], times[3]]
    assert other.exists()


def test_list_backups_reads_each_plan_count_without_writing(
    book: PlanBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    _tick(monkeypatch, dt.datetime(2026, 1, 1, 8, 0, 0), dt.datetime(2026, 1, 2, 8, 0, 0))
    first = backup_plan_book(book, folder, keep=10)
    book.delete(1)
    second = backup_plan_book(book, folder, keep=10)
    damaged = folder / "plans-20260103-080000.pipdesk"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    (folder / "plans-notes.txt").write_text("not a backup")
    (folder / "plans-2026-bad.pipdesk").write_text("not a backup name")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    backups = list_backups(folder, "plans")
    assert backups == [
        BackupInfo(damaged, dt.datetime(2026, 1, 3, 8, 0, 0), None, damaged.stat().st_size),
        BackupInfo(second, dt.datetime(2026, 1, 2, 8, 0, 0), len(SAMPLE_NAMES) - 1, second.stat().st_size),
        BackupInfo(first, dt.datetime(2026, 1, 1, 8, 0, 0), len(SAMPLE_NAMES), first.stat().st_size),
    ]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert list_backups(tmp_path / "no such folder", "plans") == []


def test_restore_makes_a_new_plan_book_that_opens_with_every_plan(book: PlanBook, tmp_path: Path) -> None:
    plans = [book.get(plan_id) for plan_id in book.plan_ids()]
    backup = backup_plan_book(book, tmp_path / "backups", keep=2)
    book.close()
    target = tmp_path / "restored" / "plans-restored.pipdesk"
    assert restore_backup(backup, target) == target
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # nothing left over
    with PlanBook.open(target, create=False) as restored:
        assert [restored.get(plan_id) for plan_id in restored.plan_ids()] == plans


def test_restore_never_overwrites_a_file(book: PlanBook, book_path: Path, tmp_path: Path) -> None:
    backup = backup_plan_book(book, tmp_path / "backups", keep=1)
    existing = tmp_path / "existing.pipdesk"
    existing.write_bytes(b"whatever is here stays")
    with pytest.raises(PlanBookError, match="already exists; restore the backup under a new name"):
        restore_backup(backup, existing)
    assert existing.read_bytes() == b"whatever is here stays"
    with pytest.raises(PlanBookError, match="already exists"):
        restore_backup(backup, book_path)  # least of all the plan book in use
    assert book.count() == len(SAMPLE_NAMES)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is an empty file"),
        (b"just text, no database", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x10\x00" + b"\xff" * 4094, "is damaged"),
        (None, "there is no backup at this path"),
    ],
    ids=["empty", "not-sqlite", "damaged", "missing"],
)
def test_a_bad_backup_is_refused_and_nothing_is_created(tmp_path: Path, content: bytes | None, message: str) -> None:
    backup = tmp_path / "plans-20260101-000000.pipdesk"
    if content is not None:
        backup.write_bytes(content)
    target = tmp_path / "out" / "restored.pipdesk"
    with pytest.raises(PlanBookError, match=message):
        restore_backup(backup, target)
    assert not target.exists()
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_a_backup_of_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.pipdesk"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(PlanBookError, match=re.escape(f"{other}: is an SQLite database but not a plan book")):
        restore_backup(other, tmp_path / "restored.pipdesk")
    assert not (tmp_path / "restored.pipdesk").exists()


def test_keep_must_be_at_least_one(book: PlanBook, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="keep at least one"):
        backup_plan_book(book, tmp_path, keep=0)


@posix_only
def test_the_backups_folder_is_private_and_in_the_user_data_folder(private_user_folders: Path) -> None:
    assert default_backups_folder() == private_user_folders / "data" / "pipdesk" / "backups"


def test_a_backup_through_its_own_connection_while_the_book_is_written(book: PlanBook, tmp_path: Path) -> None:
    """What the window does on opening, on a worker thread: a snapshot while the window goes on saving."""
    import threading

    assert book.path is not None
    folder = tmp_path / "backups"
    taken: list[Path] = []
    worker = threading.Thread(target=lambda: taken.append(backup_plan_book_file(book.path, folder, keep=5)))
    worker.start()
    book.add(load_sample(SAMPLE_NAMES[0]))  # meanwhile, on this thread
    worker.join()
    [backup] = taken
    assert backup.parent == folder
    with PlanBook.open(backup, create=False) as copy:
        assert copy.count() in (4, 5)  # before or after the add: never half of it
        assert copy.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert book.count() == 5
