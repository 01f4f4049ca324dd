"""Opening a plan book: who the lock file says holds it, when a failed opening is the disk's fault,
what the later check reads, and what is told of a file or a connection without opening it.

Real files on real disks: another program's lock taken with ``flock`` in this process (a lock of
its own open file, which pipdesk's lock conflicts with), a small tmpfs filled to the byte.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipdesk.store import PlanBook
from pipdesk.store.connection import (
    IntegrityCheck,
    PlanBookError,
    PlanBookInUse,
    is_encrypted,
    lock_path_of,
    passphrase_of,
)
from pipdesk.store.driver import sqlite3

from conftest import fill

SECRET = "correct horse battery"


@contextmanager
def locked_by_another_program(lock_file: Path, note: bytes | None) -> Iterator[None]:
    """``lock_file`` locked as another program would lock it, holding ``note`` (a FIFO, which holds nothing
    and cannot be read at an offset, when ``note`` is None)."""
    if note is None:
        os.mkfifo(lock_file, 0o600)
    else:
        lock_file.write_bytes(note)
    fd = os.open(lock_file, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipdesk.store import connection

    monkeypatch.setattr(connection, "LOCK_WAIT_SECONDS", 0.1)


def _refusal_of_held_book(book_path: Path, note: bytes | None) -> str:
    PlanBook.open(book_path).close()
    with locked_by_another_program(lock_path_of(book_path), note), pytest.raises(PlanBookInUse) as refused:
        PlanBook.open(book_path)
    return str(refused.value)


@pytest.mark.usefixtures("short_wait")
def test_a_lock_that_says_nothing_of_its_holder_is_told_as_another_pipdesk_and_waited_for(book_path: Path) -> None:
    assert _refusal_of_held_book(book_path, b"  \n") == (
        f"{book_path}: is in use by another pipdesk, which has not finished after 0.1 seconds; try again when it has"
    )


@pytest.mark.usefixtures("short_wait")
def test_a_lock_file_that_cannot_be_read_is_told_as_held_by_another_pipdesk(book_path: Path) -> None:
    assert _refusal_of_held_book(book_path, None) == (
        f"{book_path}: is in use by another pipdesk, which has not finished after 0.1 seconds; try again when it has"
    )


@pytest.mark.usefixtures("short_wait")
def test_the_holders_note_is_read_to_its_200th_byte_and_a_character_cut_there_is_shown_replaced(
    book_path: Path,
) -> None:
    """199 bytes of a name, then ``é`` (two bytes in UTF-8) across the 200th byte, then bytes that are not UTF-8."""
    note = b"n" * 199 + "é".encode() + b" \xff\xfe more"
    assert _refusal_of_held_book(book_path, note) == (
        f"{book_path}: is in use by {'n' * 199}\ufffd, which has not finished after 0.1 seconds; try again when it has"
    )


@pytest.mark.usefixtures("short_wait")
def test_bytes_of_the_note_that_are_not_utf8_are_shown_replaced(book_path: Path) -> None:
    assert _refusal_of_held_book(book_path, b"a \xff\xfe backup tool") == (
        f"{book_path}: is in use by a \ufffd\ufffd backup tool, which has not finished after 0.1 seconds; "
        "try again when it has"
    )


def test_a_book_missing_from_a_folder_that_is_not_there_is_not_blamed_on_the_disk(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "plans.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        PlanBook.open(path, create=False)
    assert str(refused.value) == f"{path}: there is no plan book at this path"


def test_a_disk_with_exactly_256_kib_free_is_not_full(small_disk: Path) -> None:
    """The bound: below 256 KiB free a failed opening is the disk's fault; at 256 KiB the file's own."""
    garbage = small_disk / "garbage.pipdesk"
    garbage.write_bytes(b"not a plan book " * 60)  # not whole pages: not taken for encrypted
    room = small_disk / "room"
    room.write_bytes(b"\0" * (256 * 1024))
    fill(small_disk)
    room.unlink()
    usage = os.statvfs(small_disk)
    assert usage.f_bavail * usage.f_frsize == 256 * 1024
    with pytest.raises(PlanBookError) as refused:
        PlanBook.open(garbage)
    assert str(refused.value) == f"{garbage}: is not a plan book (it is not an SQLite database)"

    fill(small_disk)  # the last 256 KiB taken too: now the disk is blamed
    with pytest.raises(PlanBookError) as refused:
        PlanBook.open(garbage)
    assert str(refused.value) == (
        f"{garbage}: cannot be opened: the disk is full; free some space and try again "
        "(the plan book itself is as it was)"
    )


def test_only_a_book_opened_with_a_passphrase_has_one(tmp_path: Path, book_path: Path) -> None:
    plain = sqlite3.connect(tmp_path / "other.db")
    try:
        assert passphrase_of(plain) is None
    finally:
        plain.close()
    with PlanBook.open(book_path) as book:
        assert passphrase_of(book.db.conn) is None
    with PlanBook.open(tmp_path / "secret.pipdesk", passphrase=SECRET) as book:
        assert passphrase_of(book.db.conn) == SECRET


def test_what_cannot_be_read_is_not_told_encrypted(tmp_path: Path) -> None:
    assert is_encrypted(tmp_path / "not there.pipdesk") is False
    folder = tmp_path / "a folder.pipdesk"
    folder.mkdir()
    assert is_encrypted(folder) is False


def test_whether_a_file_is_encrypted_is_told_from_its_first_bytes_however_large_it_is(tmp_path: Path) -> None:
    """A file of a terabyte (sparse: it takes no room) in whole pages, not SQLite: it may be encrypted,
    told without reading it all."""
    huge = tmp_path / "huge.pipdesk"
    with huge.open("wb") as handle:
        handle.write(os.urandom(16))
        try:
            handle.truncate(2**40)
        except OSError:
            pytest.skip("this file system holds no sparse file of a terabyte")
    assert is_encrypted(huge) is True


def test_the_later_check_reads_the_book_as_one_being_written_not_as_a_fixed_file(tmp_path: Path) -> None:
    """The window writes while the check reads: the check watches the log's index (``-shm``, which SQLite
    makes only for a connection that may see other writers), even of a book without a log yet."""
    path = tmp_path / "plans.pipdesk"
    PlanBook.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans.pipdesk"]
    check = IntegrityCheck(path, None, shown=path)
    check.verdict()
    assert check.problem is None
    assert path.with_name("plans.pipdesk-shm").exists()
