"""Leftovers of a pipdesk stopped mid-task: what is said of each, what is read of it, and how it is removed.

The leftovers here are made by hand, file by file, so each rule shows at its boundary: which pages of a
file are read to tell whether it holds plans anyone can read, which files are overwritten with zeros
before they are unlinked, and what is said removed. A read-only disk is a small tmpfs mounted for the
test (mounting needs root, as on CI: without it that test is skipped); a folder that cannot be read is
looked at by a forked child that has given up root's rights, when the tests run as root.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.database import Database
from pipdesk.store.driver import sqlite3
from pipdesk.store.leftovers import (
    Content,
    Leftover,
    LeftoverKind,
    clean_up_leftovers,
    find_leftovers,
    overwrite_with_zeros,
    remove_leftovers,
    say_removed,
)
from pipdesk.system.safe_write import SQLITE_MAGIC

from conftest import mounted_tmpfs

PAGE = 4096
BOOK = "plans.pipdesk"
SAVE = f".{BOOK}.a1b2c3d4"  # a file being written whole (safe_write)
PARTIAL = ".plans-20260102-030405.pipdesk.x1y2z3w4.partial"  # a backup being taken
TEXT = b"Objective 1: reply to customer emails within two working days. "


def random_bytes(size: int) -> bytes:
    """Bytes as SQLCipher writes them: about 7.95 bits of entropy a byte."""
    return os.urandom(size)


def content_of_a_save(folder: Path, data: bytes) -> Content:
    """What is said of an unfinished save of a file holding ``data``."""
    (folder / SAVE).write_bytes(data)
    (found,) = find_leftovers(folder / BOOK)
    assert found.kind is LeftoverKind.SAVE
    return found.content


def hidden(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if entry.name.startswith("."))


def pages(*contents: bytes) -> bytes:
    """Whole pages, each holding its ``contents`` at its start and zeros after."""
    return b"".join(content.ljust(PAGE, b"\x00") for content in contents)


# What a leftover holds: pages read from the file


def test_a_file_that_begins_as_sqlite_is_unencrypted_whatever_follows(tmp_path: Path) -> None:
    assert content_of_a_save(tmp_path, SQLITE_MAGIC + random_bytes(2 * PAGE)) is Content.UNENCRYPTED


def test_the_last_of_sixteen_pages_is_read(tmp_path: Path) -> None:
    """Of a 16-page file, every page is read, the last one too: plans there alone make it unencrypted."""
    assert content_of_a_save(tmp_path, pages(*[b""] * 15, TEXT)) is Content.UNENCRYPTED


def test_a_page_is_read_from_its_first_byte(tmp_path: Path) -> None:
    """One byte at the start of page 1, zeros elsewhere: seen, as a page is read where it begins."""
    assert content_of_a_save(tmp_path, pages(b"", b"x", *[b""] * 14)) is Content.UNENCRYPTED


def test_sixteen_pages_are_sampled_and_no_more(tmp_path: Path) -> None:
    """Pages at each sixteenth of the file are read, the first at 0, the last at 15/16: a few bytes past
    the sixteenth sample of a file that does not end at a page's end are not read (a SQLite file does)."""
    assert content_of_a_save(tmp_path, pages(*[b""] * 16) + TEXT) is Content.EMPTY


def test_each_page_is_judged_alone_not_with_the_zeros_after_it(tmp_path: Path) -> None:
    """An encrypted page followed by pages not written yet (zeros) is encrypted, though the whole is not random."""
    assert content_of_a_save(tmp_path, random_bytes(PAGE) + bytes(3 * PAGE)) is Content.ENCRYPTED


def test_a_page_of_one_letter_repeated_holds_something_readable(tmp_path: Path) -> None:
    assert content_of_a_save(tmp_path, b"X" * PAGE) is Content.UNENCRYPTED


def test_a_page_of_exactly_7_5_bits_a_byte_is_taken_for_encrypted(tmp_path: Path) -> None:
    """Under 7.5 bits of entropy a byte is readable; 7.5 itself is not (64 bytes twice as common as 128 others)."""
    page = b"".join(bytes([value]) * 32 for value in range(64)) + b"".join(
        bytes([value]) * 16 for value in range(64, 192)
    )
    assert len(page) == PAGE
    assert content_of_a_save(tmp_path, page) is Content.ENCRYPTED


def test_a_file_that_cannot_be_read_does_not_hide_the_next_one(tmp_path: Path) -> None:
    """A staging folder's file that cannot be opened (a link to nothing), read first, is passed over: the
    plain SQLite copy read after it still makes the leftover unencrypted."""
    staging = tmp_path / f".{BOOK}.passphrase-ab12cd_3"
    staging.mkdir()
    targets = tmp_path / "targets"
    targets.mkdir()
    for name in (BOOK, f".{BOOK}.q1w2e3r4.partial"):
        (staging / name).symlink_to(targets / name)
    order = [name for _top, _dirs, names in os.walk(staging) for name in names]
    (targets / order[-1]).write_bytes(SQLITE_MAGIC + bytes(PAGE))  # the one read last can be read

    (found,) = find_leftovers(tmp_path / BOOK)

    assert found.kind is LeftoverKind.PASSPHRASE_CHANGE
    assert found.content is Content.UNENCRYPTED


def test_only_a_regular_files_bytes_are_read(tmp_path: Path) -> None:
    """A new plan book's name that links to a device holds nothing of the plan book: it is said empty."""
    if not Path("/dev/urandom").exists():
        pytest.skip("no /dev/urandom here")
    creating = tmp_path / f".{BOOK}.creating-q1w2e3r4"
    creating.symlink_to("/dev/urandom")

    (found,) = find_leftovers(tmp_path / BOOK)

    assert (found.path, found.kind, found.content) == (creating, LeftoverKind.CREATION, Content.EMPTY)


# SQLite's files outliving their own


def test_sqlites_file_left_after_its_own_file_is_gone_is_a_leftover_and_is_read(tmp_path: Path) -> None:
    """The ``-journal`` of an unfinished backup, its backup unlinked already: a leftover, unencrypted when
    its bytes are; the ``-wal`` of a new plan book being created, likewise."""
    backups = tmp_path / "backups"
    backups.mkdir()
    journal = backups / f"{PARTIAL}-journal"
    journal.write_bytes(pages(TEXT))
    wal = tmp_path / f".{BOOK}.creating-q1w2e3r4-wal"
    wal.write_bytes(random_bytes(PAGE))

    found = {left.path: left for left in find_leftovers(tmp_path / BOOK, backups)}

    assert sorted(found) == sorted([journal, wal])
    assert (found[journal].kind, found[journal].content, found[journal].companions) == (
        LeftoverKind.BACKUP,
        Content.UNENCRYPTED,
        (),
    )
    assert (found[wal].kind, found[wal].content) == (LeftoverKind.CREATION, Content.ENCRYPTED)


# Which entries are leftovers


def test_sqlites_file_beside_a_leftover_goes_with_it_and_the_search_goes_on(tmp_path: Path) -> None:
    save = tmp_path / SAVE
    save.write_bytes(TEXT)
    journal = tmp_path / f"{SAVE}-journal"
    journal.write_bytes(random_bytes(512))
    restoring = tmp_path / f".{BOOK}.restoring-zz99yy88"  # sorted after the journal
    restoring.mkdir()
    (restoring / BOOK).write_bytes(SQLITE_MAGIC)

    found = find_leftovers(tmp_path / BOOK)

    assert [(left.path, left.kind, left.companions) for left in found] == [
        (save, LeftoverKind.SAVE, (journal,)),
        (restoring, LeftoverKind.RESTORE, ()),
    ]
    assert found[0].size == len(TEXT) + 512


def test_a_restore_as_another_plan_book_beside_it_is_found_guarded_by_that_plan_book(tmp_path: Path) -> None:
    restoring = tmp_path / ".new plans.pipdesk.restoring-ab12cd34"
    restoring.mkdir()
    (restoring / "new plans.pipdesk").write_bytes(SQLITE_MAGIC)

    (found,) = find_leftovers(tmp_path / BOOK)

    assert (found.path, found.kind, found.guarded_by, found.content) == (
        restoring,
        LeftoverKind.RESTORE,
        tmp_path / "new plans.pipdesk",
        Content.UNENCRYPTED,
    )


def test_a_link_to_a_folder_named_as_pipdesks_staging_folders_is_not_a_leftover(tmp_path: Path) -> None:
    """Removing it would remove what it links to: another folder, holding what pipdesk stages or not."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / BOOK).write_bytes(SQLITE_MAGIC)
    (tmp_path / f".{BOOK}.passphrase-ab12cd_3").symlink_to(elsewhere)
    (tmp_path / ".new plans.pipdesk.restoring-ab12cd34").symlink_to(elsewhere)

    assert find_leftovers(tmp_path / BOOK) == []


def test_sqlites_file_of_what_is_not_pipdesks_is_not_a_leftover(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / "holiday-journal").write_bytes(TEXT)
    (backups / "notes.db-wal").write_bytes(TEXT)

    assert find_leftovers(tmp_path / BOOK, backups) == []


# When and how large


def test_a_leftover_is_dated_by_its_latest_file_even_at_the_start_of_1970(tmp_path: Path) -> None:
    staging = tmp_path / f".{BOOK}.restoring-zz99yy88"
    staging.mkdir()
    (staging / BOOK).write_bytes(b"")
    (staging / f"{BOOK}-journal").write_bytes(b"")
    os.utime(staging / BOOK, (0.5, 0.5))
    os.utime(staging / f"{BOOK}-journal", (0.25, 0.25))
    os.utime(staging, (0, 0))

    (found,) = find_leftovers(tmp_path / BOOK)

    assert found.modified == dt.datetime.fromtimestamp(0.5)


def test_a_file_too_deep_to_be_looked_at_does_not_stop_the_finding(tmp_path: Path) -> None:
    """A new plan book's folder holding a file whose path is longer than the system takes: it is left out
    of the size; the folder is found, and removed whole."""
    creating = tmp_path / f".{BOOK}.creating-q1w2e3r4"
    creating.mkdir()
    (creating / BOOK).write_bytes(b"12345")
    deepest, fd = creating, os.open(creating, os.O_RDONLY)
    try:
        while len(str(deepest)) < os.pathconf(creating, "PC_PATH_MAX") - 255:
            os.mkdir("d" * 250, dir_fd=fd)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd, deepest = inner, deepest / ("d" * 250)
        name = "f" * (os.pathconf(creating, "PC_PATH_MAX") - len(str(deepest)))
        with open(os.open(name, os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd), "wb") as handle:
            handle.write(b"too deep")
    finally:
        os.close(fd)
    with pytest.raises(OSError):
        (deepest / name).lstat()

    (found,) = find_leftovers(tmp_path / BOOK)

    assert (found.path, found.kind, found.size) == (creating, LeftoverKind.CREATION, 5)
    assert remove_leftovers(tmp_path / BOOK, [found]) == [found]
    assert not creating.exists()


def run_without_privileges(folder: Path, task: Callable[[], object]) -> object:
    """``task()`` run in ``folder``, by a user bound by files' modes: this one, or ``nobody`` in a forked
    child when this one is root (whom no mode stops). Its result comes back as JSON."""
    if os.geteuid() != 0:
        return json.loads(json.dumps(task()))
    folder.chmod(0o755)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 1
        try:
            os.close(read)
            os.chdir(folder)
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, json.dumps(task()).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read()
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0 and answer
    return json.loads(answer)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_staging_folder_that_cannot_be_looked_into_is_not_taken_for_a_leftover(tmp_path: Path) -> None:
    """Its name is pipdesk's, but what it holds cannot be seen: it may be anyone's, and is left alone."""
    staging = tmp_path / f".{BOOK}.passphrase-ab12cd_3"
    staging.mkdir()
    (staging / BOOK).write_bytes(SQLITE_MAGIC)
    assert [left.path for left in find_leftovers(tmp_path / BOOK)] == [staging]  # while it can be read
    staging.chmod(0o000)
    try:
        seen = run_without_privileges(tmp_path, lambda: [str(left.path) for left in find_leftovers(Path(BOOK))])
    finally:
        staging.chmod(0o700)
    assert seen == []


# Removing: whose lock is taken


def guards_in_the_order_they_are_taken(found: list[Leftover]) -> list[Path]:
    """The plan books whose locks guard ``found``, in the order :func:`remove_leftovers` goes through them."""
    return list({left.guarded_by for left in found if left.guarded_by is not None})


def test_with_the_plan_book_open_a_restore_into_another_beside_it_is_removed_too(tmp_path: Path) -> None:
    """The open plan book's own lock is held already; the other plan books' locks are taken, each of them,
    whichever comes first."""
    (tmp_path / SAVE).write_bytes(TEXT)
    restores: list[Path] = []
    guards: list[Path] = []
    while len(restores) < 2 or guards[-1] == tmp_path / BOOK:  # until the open plan book is not the last
        restores.append(tmp_path / f".new {len(restores)}.pipdesk.restoring-ab12cd34")
        restores[-1].mkdir()
        guards = guards_in_the_order_they_are_taken(find_leftovers(tmp_path / BOOK))
        assert len(guards) == 1 + len(restores) <= 40

    with PlanBook.open(tmp_path / BOOK) as opened:
        removed = clean_up_leftovers(opened)

    assert sorted(left.path for left in removed) == sorted([tmp_path / SAVE, *restores])
    assert hidden(tmp_path) == []


def test_a_restore_into_a_plan_book_open_elsewhere_is_kept(tmp_path: Path) -> None:
    """Its plan book's lock cannot be taken: its writer may be at work. The open plan book's own go."""
    with PlanBook.open(tmp_path / "new plans.pipdesk"):
        pass
    restoring = tmp_path / ".new plans.pipdesk.restoring-ab12cd34"
    restoring.mkdir()
    (tmp_path / SAVE).write_bytes(TEXT)

    with PlanBook.open(tmp_path / "new plans.pipdesk"), PlanBook.open(tmp_path / BOOK) as opened:
        removed = clean_up_leftovers(opened)

    assert [left.path for left in removed] == [tmp_path / SAVE]
    assert hidden(tmp_path) == [restoring.name]


def test_a_database_on_a_connection_pipdesk_did_not_lock_has_its_plan_books_lock_taken_for_the_while(
    tmp_path: Path,
) -> None:
    (tmp_path / SAVE).write_bytes(TEXT)
    conn = sqlite3.connect(tmp_path / BOOK)
    try:
        removed = clean_up_leftovers(Database(conn))
    finally:
        conn.close()

    assert [left.path for left in removed] == [tmp_path / SAVE]


def test_a_database_in_memory_is_refused_as_a_plan_book_without_a_file(tmp_path: Path) -> None:
    """Even with a file attached to it: the main database's file is the plan book, whose leftovers are looked for."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("ATTACH DATABASE ? AS other", (str(tmp_path / "other.db"),))
        with pytest.raises(PlanBookError, match=r"^This plan book has no file$"):
            remove_leftovers(Database(conn), [])
    finally:
        conn.close()


# Removing: what is overwritten with zeros first


def bytes_seen_after(path: Path, remove: Callable[[], list[Leftover]]) -> tuple[list[Leftover], bytes]:
    """What ``remove()`` returned, and the bytes of ``path`` read afterwards through a handle opened before."""
    with path.open("rb") as handle:
        removed = remove()
        assert not path.exists()
        handle.seek(0)
        return removed, handle.read()


def test_an_encrypted_leftover_is_unlinked_without_being_overwritten(tmp_path: Path) -> None:
    """Its bytes give nothing away: writing zeros over them would only cost time and disk writes."""
    data = random_bytes(2 * PAGE)
    (tmp_path / SAVE).write_bytes(data)
    found = find_leftovers(tmp_path / BOOK)
    assert [left.content for left in found] == [Content.ENCRYPTED]

    removed, seen = bytes_seen_after(tmp_path / SAVE, lambda: remove_leftovers(tmp_path / BOOK, found))

    assert removed == found
    assert seen == data


def unencrypted_partial_backup(tmp_path: Path) -> tuple[Path, Path, list[Leftover]]:
    backups = tmp_path / "backups"
    backups.mkdir()
    partial = backups / PARTIAL
    partial.write_bytes(pages(TEXT, TEXT))
    found = find_leftovers(tmp_path / BOOK, backups)
    assert [(left.path, left.content) for left in found] == [(partial, Content.UNENCRYPTED)]
    return backups, partial, found


def test_an_unencrypted_unfinished_backup_is_overwritten_before_it_is_unlinked(tmp_path: Path) -> None:
    _backups, partial, found = unencrypted_partial_backup(tmp_path)

    removed, seen = bytes_seen_after(partial, lambda: remove_leftovers(tmp_path / BOOK, found))

    assert removed == found
    assert seen == bytes(2 * PAGE)


@pytest.mark.skipif(sys.platform == "win32", reason="the file is unlinked while open: not on Windows")
def test_on_windows_an_unfinished_backup_is_unlinked_without_being_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """There only a failed unlink shows that a backup is still being written: zeros written first would
    wipe a backup another pipdesk is taking. (Windows' choice, made here on a system that unlinks open files.)"""
    _backups, partial, found = unencrypted_partial_backup(tmp_path)

    with monkeypatch.context() as windows:
        windows.setattr(sys, "platform", "win32")
        removed, seen = bytes_seen_after(partial, lambda: remove_leftovers(tmp_path / BOOK, found))

    assert removed == found
    assert seen == pages(TEXT, TEXT)


def test_a_leftover_whose_sqlite_file_went_meanwhile_is_still_removed(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    partial = backups / PARTIAL
    partial.write_bytes(random_bytes(PAGE))
    journal = backups / f"{PARTIAL}-journal"
    journal.write_bytes(random_bytes(512))
    found = find_leftovers(tmp_path / BOOK, backups)
    assert [left.companions for left in found] == [(journal,)]
    journal.unlink()  # SQLite's own file gone between the finding and the removing

    assert remove_leftovers(tmp_path / BOOK, found) == found
    assert list(backups.iterdir()) == []


def test_a_leftover_that_cannot_be_removed_is_not_said_removed(tmp_path: Path) -> None:
    """On a disk that has become read-only the unfinished backup stays, and nothing is said removed."""
    with mounted_tmpfs(tmp_path / "disk") as disk:
        _backups, partial, found = unencrypted_partial_backup(disk)
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True)
        if remounted.returncode != 0:
            pytest.skip(f"the tmpfs cannot be made read-only here: {remounted.stderr.strip()}")

        assert remove_leftovers(disk / BOOK, found) == []
        assert partial.read_bytes() == pages(TEXT, TEXT)


# overwrite_with_zeros


def test_overwriting_with_zeros_keeps_the_files_length_and_zeroes_every_byte(tmp_path: Path) -> None:
    """Up to its last byte, past the first megabyte written at once, and no byte more."""
    small, large = tmp_path / "small", tmp_path / "large"
    small.write_bytes(b"secret")
    large.write_bytes(b"s" * ((1 << 20) + 10))

    overwrite_with_zeros(small)
    overwrite_with_zeros(large)

    assert small.read_bytes() == bytes(6)
    assert large.read_bytes() == bytes((1 << 20) + 10)


def test_overwriting_with_zeros_leaves_what_a_link_points_to_and_minds_no_missing_file(tmp_path: Path) -> None:
    target = tmp_path / "finished backup.pipdesk"
    target.write_bytes(b"the plans")
    link = tmp_path / "link"
    link.symlink_to(target)

    overwrite_with_zeros(link)
    overwrite_with_zeros(tmp_path / "missing")

    assert target.read_bytes() == b"the plans"


# What is said


def test_what_was_removed_is_said_in_one_line_each_leftover_after_a_semicolon() -> None:
    at = dt.datetime(2026, 1, 2, 3, 4, 5)
    removed = [
        Leftover(Path("/b") / PARTIAL, LeftoverKind.BACKUP, at, 512, Content.UNENCRYPTED, None),
        Leftover(Path("/f") / SAVE, LeftoverKind.SAVE, at, 12_345, Content.EMPTY, Path("/f") / BOOK),
    ]

    assert say_removed(removed) == (
        "Removed 2 files left by a pipdesk stopped mid-task: "
        f"an unfinished backup from 2026-01-02 03:04, unencrypted, 512 bytes ({PARTIAL}); "
        f"an unfinished save of a file from 2026-01-02 03:04, empty, 12.3 kB ({SAVE})"
    )
