"""Backups, the rules the first survivors' tests left open: the snapshot a backup through its own connection
takes; which backups a passphrase is tried on; the names of backups of one second and their order; the
backups folder (made with the folders above it, beside the default plan book on Windows too); a name
taken meanwhile never replaced, with or without hard links; what a backup or restore that cannot read,
make or remove its files says; and what a restore killed midway, or unable to remove its staging folder,
leaves for the next start."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store import backups as backups_module
from pipdesk.store.backups import (
    backup_plan_book,
    backup_plan_book_file,
    backups_of,
    list_backups,
    restore_backup,
    rewrite_backup,
)
from pipdesk.store.connection import default_backups_folder, default_plan_book_path
from pipdesk.store.database import Database
from pipdesk.store.driver import sqlite3
from pipdesk.store.leftovers import LeftoverKind, find_leftovers, remove_leftovers

from conftest import SAMPLE_NAMES, load_sample

ROOT = Path(__file__).parents[2]
PASSPHRASE = "correct horse battery staple"


def _plan_count(path: Path, passphrase: str | None = None) -> int:
    with PlanBook.open(path, create=False, passphrase=passphrase) as book:
        return book.count()


def _wait_until_open(path: Path, besides: int = 0, timeout: float = 30.0) -> None:
    """Until more than ``besides`` file descriptors of this process point at ``path`` (Linux's /proc;
    elsewhere a short wait)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        time.sleep(1)
        return
    target = str(path.resolve())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = 0
        for fd in list(fds.iterdir()):
            try:
                found += os.readlink(fd) == target
            except OSError:
                continue
        if found > besides:
            return
        time.sleep(0.005)
    raise AssertionError(f"{path} was never opened")


def test_a_backup_through_its_own_connection_holds_what_was_saved_after_that_connection_was_made(
    book_path: Path, tmp_path: Path
) -> None:
    """The copy is the book as it is when the copy begins, not when its connection was made.

    The plan book is closed (no write-ahead log beside it) when the window's worker opens its
    connection; the backup then waits for another backup (the window's on closing, say), meanwhile
    the plan book is opened and a plan saved, still in the log. The backup must hold that plan:
    its connection may not take the file as fixed just because no log was there when it opened.
    """
    with PlanBook.open(book_path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    assert not book_path.with_name(book_path.name + "-wal").exists()
    folder = tmp_path / "backups"
    taken: list[Path] = []
    failed: list[BaseException] = []

    def take() -> None:
        try:
            taken.append(backup_plan_book_file(book_path, folder, keep=3))
        except BaseException as error:  # pragma: no cover - said by the assertion below
            failed.append(error)

    worker = threading.Thread(target=take)
    released = False
    backups_module._ONE_AT_A_TIME.acquire()  # another backup is being taken
    try:
        worker.start()
        _wait_until_open(book_path)  # the worker's connection is made; its backup waits its turn
        with PlanBook.open(book_path) as book:
            book.add(load_sample(SAMPLE_NAMES[0]))  # saved, in the write-ahead log
            backups_module._ONE_AT_A_TIME.release()
            released = True
            worker.join(timeout=60)
    finally:
        if not released:
            backups_module._ONE_AT_A_TIME.release()
        worker.join(timeout=60)
    assert not failed, failed
    [backup] = taken
    assert _plan_count(backup) == len(SAMPLE_NAMES) + 1


def test_the_passphrase_is_tried_on_the_encrypted_backups_only(tmp_path: Path) -> None:
    """A plain backup (taken before the plan book was encrypted) is counted beside the encrypted ones."""
    folder = tmp_path / "backups"
    with PlanBook.open(tmp_path / "before" / "plans.pipdesk") as plain:
        plain.add_many(load_sample(name) for name in SAMPLE_NAMES)
        older = backup_plan_book(plain, folder, keep=5)
    with PlanBook.open(tmp_path / "after" / "plans.pipdesk", passphrase=PASSPHRASE) as locked:
        locked.add(load_sample(SAMPLE_NAMES[0]))
        newer = backup_plan_book(locked, folder, keep=5)
    listed = list_backups(folder, "plans", passphrase=PASSPHRASE)
    assert [(info.path, info.plan_count, info.encrypted) for info in listed] == [
        (newer, 1, True),
        (older, len(SAMPLE_NAMES), False),
    ]
    without = list_backups(folder, "plans")
    assert [(info.path, info.plan_count, info.encrypted) for info in without] == [
        (newer, None, True),
        (older, len(SAMPLE_NAMES), False),
    ]


def test_rewriting_a_backup_that_is_gone_says_it_cannot_be_read_and_leaves_nothing(
    book: PlanBook, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    backup = backup_plan_book(book, folder, keep=3)
    backup.unlink()
    with pytest.raises(PlanBookError) as refused:
        rewrite_backup(backup, None, lambda _book: True, lambda _db: None)
    assert str(refused.value) == f"{backup}: cannot be read (No such file or directory)"
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="the limits on a path's length are Unix's")
def test_a_backup_deeper_than_sqlite_can_open_says_it_cannot_be_read(book: PlanBook, tmp_path: Path) -> None:
    """Its path (about 1,100 bytes) is longer than SQLite's Unix layer takes (512), though the system opens it:
    the checks that read the file pass, SQLite's opening then fails, and says so with the backup's path."""
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    deep = tmp_path.joinpath(*["a-deeply-nested-folder-" + "d" * 177] * 5)
    deep.mkdir(parents=True)
    moved = Path(shutil.move(backup, deep / backup.name))
    target = tmp_path / "restored.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        restore_backup(moved, target)
    assert str(refused.value) == f"{moved}: cannot be read (unable to open database file)"
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".", "restored"))] == []


# Restores a backup, killing itself (SIGKILL: nothing cleaned up) once the copy is being written in the
# restore's staging folder: the first temporary file made in a folder inside the target's folder.
_RESTORE_KILLED_MIDWAY = """
import os, signal, sys
from pathlib import Path
from pipdesk.store.backups import restore_backup

backup, target = Path(sys.argv[1]), Path(sys.argv[2])

def killed_midway(event, args):
    if event == "tempfile.mkstemp" and Path(args[0]).parent.parent == target.parent:
        os.kill(os.getpid(), signal.SIGKILL)

sys.addaudithook(killed_midway)
restore_backup(backup, target)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_restore_killed_midway_leaves_its_staging_folder_where_the_next_start_finds_and_removes_it(
    book: PlanBook, book_path: Path, tmp_path: Path
) -> None:
    """Named after the plan book being restored, so the folder's plan books know it as a restore's leftover."""
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    target = tmp_path / "restored.pipdesk"
    killed = subprocess.run(
        [sys.executable, "-c", _RESTORE_KILLED_MIDWAY, str(backup), str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    assert not target.exists()
    [staging] = [p for p in tmp_path.iterdir() if p.is_dir() and p.name != "backups"]
    [leftover] = find_leftovers(book_path)
    assert (leftover.path, leftover.kind, leftover.guarded_by) == (staging, LeftoverKind.RESTORE, target)
    assert staging.name.startswith(".restored.pipdesk.restoring-")
    assert remove_leftovers(book, [leftover]) == [leftover]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".", "restored"))] == []


def test_a_database_without_a_file_has_nothing_to_back_up(tmp_path: Path) -> None:
    """An in-memory database: refused in words, before the backups folder is made."""
    db = Database(sqlite3.connect(":memory:", isolation_level=None))
    folder = tmp_path / "backups"
    try:
        with pytest.raises(PlanBookError) as refused:
            backup_plan_book(db, folder, keep=3)
    finally:
        db.conn.close()
    assert str(refused.value) == "This plan book has no file to back up"
    assert not folder.exists()


def _frozen_clock(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    """Every backup taken at ``moment``."""

    class _Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> _Clock:
            return moment  # type: ignore[return-value]

    monkeypatch.setattr("pipdesk.store.backups.dt.datetime", _Clock)


def test_backups_taken_in_one_second_are_numbered_on_and_listed_newest_first(
    book: PlanBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    _frozen_clock(monkeypatch, dt.datetime(2026, 3, 5, 9, 30, 0))
    taken = [backup_plan_book(book, folder, keep=10) for _ in range(3)]
    assert [path.name for path in taken] == [
        "plans-20260305-093000.pipdesk",
        "plans-20260305-093000-2.pipdesk",
        "plans-20260305-093000-3.pipdesk",
    ]
    assert backups_of(folder, "plans") == taken[::-1]


def test_the_second_backup_of_a_second_is_newer_than_the_first_and_a_name_with_no_such_date_is_passed_over(
    tmp_path: Path,
) -> None:
    """Names made by hand, in both orders of making, among names whose date does not exist (a 13th month,
    30 February, a 61st minute): each second's ``-2`` is listed before its unnumbered backup, and none is left out."""
    folder = tmp_path / "backups"
    folder.mkdir()
    impossible = ["plans-20261301-080000.pipdesk", "plans-20260101-086100.pipdesk", "plans-20260230-080000.pipdesk"]
    (folder / impossible[0]).write_bytes(b"not a backup")
    expected: list[Path] = []
    for day in range(1, 7):
        first, second = (
            folder / f"plans-202601{day:02}-080000.pipdesk",
            folder / f"plans-202601{day:02}-080000-2.pipdesk",
        )
        for path in (first, second) if day % 2 else (second, first):
            path.write_bytes(b"a backup")
        if day == 3:
            (folder / impossible[1]).write_bytes(b"not a backup")
        expected[:0] = [second, first]
    (folder / impossible[2]).write_bytes(b"not a backup")
    assert backups_of(folder, "plans") == expected


def test_a_backup_makes_its_folder_and_the_folders_above_it(book: PlanBook, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "pipdesk" / "backups"
    backup = backup_plan_book(book, folder, keep=3)
    assert backup.parent == folder
    assert _plan_count(backup) == len(SAMPLE_NAMES)
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700


def test_keeping_no_backup_is_refused_in_words_before_anything_is_made(book: PlanBook, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    with pytest.raises(ValueError) as refused:
        backup_plan_book(book, folder, keep=0)
    assert str(refused.value) == "keep at least one backup"
    assert not folder.exists()
    assert backup_plan_book(book, folder, keep=1).parent == folder


def _refuse_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """As FAT and some network drives do: every hard link refused, whatever its name."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(backups_module.os, "link", refuse)


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_file_made_at_a_backups_name_while_it_is_written_is_never_replaced(
    book: PlanBook, book_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    """The backup has chosen its name and waits for the folder (the next start removing leftovers there
    holds it); another program makes a file of that name meanwhile: the backup says so and leaves it be,
    on a drive that refuses hard links too (where it would otherwise take its name by renaming)."""
    if not hard_links:
        _refuse_hard_links(monkeypatch)
    folder = tmp_path / "backups"
    folder.mkdir()
    _frozen_clock(monkeypatch, dt.datetime(2026, 3, 5, 9, 30, 0))
    name = folder / "plans-20260305-093000.pipdesk"
    failed: list[BaseException] = []

    def take() -> None:
        try:
            backup_plan_book_file(book_path, folder, keep=3)  # as the window's worker takes it
        except BaseException as error:
            failed.append(error)

    import fcntl  # POSIX only

    worker = threading.Thread(target=take)
    held = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        worker.start()
        _wait_until_open(folder, besides=1)  # the backup opens the folder to wait for it
        name.write_bytes(b"another program's file")
    finally:
        os.close(held)
        worker.join(timeout=60)
    assert [str(error) for error in failed] == [f"{name}: already exists; choose a new name"]
    assert name.read_bytes() == b"another program's file"
    assert sorted(p.name for p in folder.iterdir()) == [name.name]


def test_a_backups_folder_that_cannot_be_made_says_why_with_its_path(book: PlanBook, tmp_path: Path) -> None:
    """A file stands where a folder above it would be."""
    (tmp_path / "data").write_text("a file, not a folder")
    folder = tmp_path / "data" / "backups"
    with pytest.raises(PlanBookError) as refused:
        backup_plan_book(book, folder, keep=3)
    assert str(refused.value) == f"{folder}: cannot create the folder (Not a directory)"
    assert (tmp_path / "data").read_text() == "a file, not a folder"


def test_on_windows_too_the_backups_folder_is_beside_the_default_plan_book(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``%LOCALAPPDATA%\\pipdesk\\backups``, with no author folder above ``pipdesk`` (platformdirs would
    put the app's name there twice). Windows' folders as platformdirs makes them, its lookup of the local
    application data folder pointed at the test's own: the one part that needs Windows itself."""
    import platformdirs
    import platformdirs.windows

    local = tmp_path / "AppData" / "Local"
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda _folder: str(local))
    assert default_backups_folder() == local / "pipdesk" / "backups"
    assert default_backups_folder().parent == default_plan_book_path().parent


def test_where_hard_links_are_refused_a_backup_and_a_restore_take_their_names_by_renaming(
    book: PlanBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT and some network drives: the finished copy is renamed into place, and nothing is left beside it."""
    _refuse_hard_links(monkeypatch)
    folder = tmp_path / "backups"
    backup = backup_plan_book(book, folder, keep=3)
    assert _plan_count(backup) == len(SAMPLE_NAMES)
    assert [p.name for p in folder.iterdir()] == [backup.name]
    target = tmp_path / "restored" / "plans.pipdesk"
    assert restore_backup(backup, target) == target
    assert _plan_count(target) == len(SAMPLE_NAMES)
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_staging_folder_that_cannot_be_removed_leaves_the_restore_done_for_the_next_start_to_clear(
    book: PlanBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its removal refused (as Windows refuses while another program, an antivirus scanning the new file,
    has it open): the restored plan book is in place all the same, and the empty staging folder is a
    restore's leftover that the next start finds and removes."""
    backup = backup_plan_book(book, tmp_path / "backups", keep=3)
    target = tmp_path / "restored.pipdesk"
    remove_folder = os.rmdir

    def refused_for_the_staging_folder(path: str | Path, *args: object, **kwargs: object) -> None:
        if Path(path).name.startswith(".restored.pipdesk.restoring-"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        remove_folder(path, *args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(backups_module.shutil.os, "rmdir", refused_for_the_staging_folder)
        assert restore_backup(backup, target) == target
    assert _plan_count(target) == len(SAMPLE_NAMES)
    [staging] = [p for p in tmp_path.iterdir() if p.name.startswith(".restored.pipdesk.restoring-")]
    [leftover] = find_leftovers(target)
    assert (leftover.path, leftover.kind) == (staging, LeftoverKind.RESTORE)
    assert remove_leftovers(target, [leftover]) == [leftover]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
