"""Backups: the snapshot a backup through its own connection takes, which backups a passphrase is tried on,
what a backup or restore that cannot read its file says, and what a restore killed midway leaves behind."""

from __future__ import annotations

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
from pipdesk.store.backups import backup_plan_book, backup_plan_book_file, list_backups, restore_backup, rewrite_backup
from pipdesk.store.database import Database
from pipdesk.store.driver import sqlite3
from pipdesk.store.leftovers import LeftoverKind, find_leftovers, remove_leftovers

from conftest import SAMPLE_NAMES, load_sample

ROOT = Path(__file__).parents[2]
PASSPHRASE = "correct horse battery staple"


def _plan_count(path: Path, passphrase: str | None = None) -> int:
    with PlanBook.open(path, create=False, passphrase=passphrase) as book:
        return book.count()


def _wait_until_open(path: Path, timeout: float = 30.0) -> None:
    """Until a file descriptor of this process points at ``path`` (Linux's /proc; elsewhere a short wait)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        time.sleep(1)
        return
    target = str(path.resolve())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for fd in list(fds.iterdir()):
            try:
                if os.readlink(fd) == target:
                    return
            except OSError:
                continue
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


def test_a_backup_deeper_than_sqlite_can_open_says_it_cannot_be_read(book: PlanBook, tmp_path: Path) -> None:
    """Its path is longer than SQLite takes (about 1,000 characters here), though the system opens it:
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
        env={**os.environ, "PYTHONPATH": str(ROOT)},
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
