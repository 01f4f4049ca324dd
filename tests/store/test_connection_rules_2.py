"""Opening a plan book: who the lock file says holds it, when a failed opening is the disk's fault,
what the later check reads, and what is told of a file or a connection without opening it.

Real files on real disks: another program's lock taken with ``flock`` in this process (a lock of
its own open file, which pipdesk's lock conflicts with), a small tmpfs filled to the byte.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipdesk.store import PlanBook
from pipdesk.store.connection import (
    IntegrityCheck,
    PlanBookDamaged,
    PlanBookError,
    PlanBookInUse,
    WrongPassphrase,
    check_plan_book_file,
    default_plan_book_path,
    inode_locks_folder,
    integrity_of,
    is_encrypted,
    lock_path_of,
    open_database,
    open_read_only,
    passphrase_of,
)
from pipdesk.store.driver import sqlite3
from pipdesk.store.migrations import MIGRATION_SET, MIGRATIONS_TABLE, STEP_NAMES, STEPS

from conftest import SAMPLE_NAMES, HeldPlanBook, fill, load_sample, overwrite_root_page

if TYPE_CHECKING:
    from sqlite_utils import Migrations

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


# What is told of a file before SQLite opens it (check_plan_book_file), in its exact words.


def _sqlite_file(path: Path, page_size: int, rows: int = 40) -> bytes:
    """A plain SQLite file (rollback journal, so its header's page count is valid) of pages of ``page_size``."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.executemany("INSERT INTO notes VALUES (?)", [("x" * 1000,) for _ in range(rows)])
    conn.commit()
    conn.close()
    return path.read_bytes()


def _refusal(path: Path, passphrase: str | None = None) -> str | None:
    try:
        check_plan_book_file(path, passphrase)
    except PlanBookError as error:
        return str(error)
    return None


def test_what_is_not_an_sqlite_file_is_refused_in_its_own_words(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pipdesk"
    empty.write_bytes(b"")
    assert _refusal(empty) == f"{empty}: is an empty file, not a plan book"
    one_byte = tmp_path / "one.pipdesk"
    one_byte.write_bytes(b"S")
    assert _refusal(one_byte) == f"{one_byte}: is not a plan book (it is not an SQLite database)"
    folder = tmp_path / "folder.pipdesk"
    folder.mkdir()
    assert _refusal(folder) == f"{folder}: is a folder, not a plan book"
    pages = tmp_path / "pages.pipdesk"
    pages.write_bytes(os.urandom(4096))
    assert _refusal(pages) == (
        f"{pages}: is encrypted, or is not a plan book: it is not a plain SQLite database; "
        "an encrypted plan book opens with its passphrase"
    )
    plain = tmp_path / "plain.pipdesk"
    _sqlite_file(plain, 4096)
    assert _refusal(plain, SECRET) == f"{plain}: is not encrypted, so it has no passphrase; open it without one"
    assert _refusal(plain) is None


def test_a_file_cut_short_is_told_by_its_header_whatever_its_page_size(tmp_path: Path) -> None:
    for page_size in (4096, 32768, 65536):
        path = tmp_path / f"pages of {page_size}.pipdesk"
        whole = _sqlite_file(path, page_size)
        assert len(whole) % page_size == 0 and len(whole) > page_size
        assert _refusal(path) is None  # whole: exactly its pages
        path.write_bytes(whole[:-1])
        assert _refusal(path) == (
            f"{path}: is damaged: the file is cut short ({len(whole) - 1} bytes of {len(whole)}); "
            "restore it from a backup"
        )


def test_the_header_alone_is_checked_and_a_shorter_one_is_cut_short(tmp_path: Path) -> None:
    whole = _sqlite_file(tmp_path / "whole.db", 4096)
    header_only = tmp_path / "header.pipdesk"
    header_only.write_bytes(whole[:100])
    assert _refusal(header_only) == (
        f"{header_only}: is damaged: the file is cut short (100 bytes of {len(whole)}); restore it from a backup"
    )
    shorter = tmp_path / "shorter.pipdesk"
    shorter.write_bytes(whole[:99])
    assert _refusal(shorter) == f"{shorter}: is damaged: the file is cut short"


def test_a_page_count_beyond_two_billion_is_a_count_not_a_negative_number(tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    data = bytearray(_sqlite_file(path, 4096))
    data[28:32] = (2**31).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    assert _refusal(path) == (
        f"{path}: is damaged: the file is cut short ({len(data)} bytes of {4096 * 2**31}); restore it from a backup"
    )


def test_the_page_count_is_trusted_only_while_the_header_is_valid_and_no_log_is_pending(tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    whole = _sqlite_file(path, 4096)
    cut = whole[: len(whole) - 4096]
    stale = bytearray(cut)
    stale[95] ^= 1  # "version valid for" no longer the change counter: the page count may be stale
    path.write_bytes(bytes(stale))
    assert _refusal(path) is None

    path.write_bytes(cut)
    wal = tmp_path / "plans.pipdesk-wal"
    wal.write_bytes(b"")  # an empty log holds nothing: the file must be whole by itself
    assert _refusal(path) is not None
    wal.write_bytes(b"\0")  # a log with something in it: another pipdesk may be checkpointing it
    assert _refusal(path) is None


def test_the_header_of_a_terabyte_file_is_read_without_reading_the_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.pipdesk"
    header = _sqlite_file(tmp_path / "small.db", 4096)[:100]
    with path.open("wb") as handle:
        handle.write(header)
        try:
            handle.truncate(2**40)
        except OSError:
            pytest.skip("this file system holds no sparse file of a terabyte")
    assert _refusal(path) is None


# Refusals of PlanBook.open, naming the book as the manager gave its path (here a symbolic link).


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """(the link the manager opens, the real file it points to)."""
    real = tmp_path.resolve() / "real" / "plans.pipdesk"
    real.parent.mkdir()
    link = tmp_path / "Team plans.pipdesk"
    link.symlink_to(real)
    return link, real


def _open_refused(path: Path, **options: object) -> str:
    with pytest.raises(PlanBookError) as refused:
        PlanBook.open(path, **options)  # type: ignore[arg-type]
    return str(refused.value)


@pytest.mark.parametrize("mode", [0o444, 0o555, 0o400])
def test_a_file_without_a_write_bit_is_refused_as_read_only_even_for_an_administrator(
    linked: tuple[Path, Path], mode: int
) -> None:
    link, real = linked
    PlanBook.open(real).close()
    real.chmod(mode)
    try:
        assert _open_refused(link) == (
            f"{link}: is read-only, so nothing could be saved to it; "
            "make the file writable, or open a copy of it, and try again"
        )
    finally:
        real.chmod(0o600)


def test_a_wrong_passphrase_is_told_as_such(tmp_path: Path) -> None:
    path = tmp_path.resolve() / "secret.pipdesk"
    PlanBook.open(path, passphrase=SECRET).close()
    with pytest.raises(WrongPassphrase) as refused:
        PlanBook.open(path, passphrase="not the passphrase")
    assert str(refused.value) == (
        f"{path}: the passphrase does not open it (or it is not a plan book); check the passphrase and try again"
    )


def test_an_sqlite_file_that_is_not_a_plan_book_is_refused_by_its_shown_name(linked: tuple[Path, Path]) -> None:
    link, real = linked
    _sqlite_file(real, 4096)
    assert _open_refused(link) == f"{link}: is an SQLite database but not a plan book"
    conn = sqlite3.connect(real)
    conn.execute(f"CREATE TABLE {MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT)")
    conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name) VALUES ('another program', '0001_initial')")
    conn.commit()
    conn.close()
    assert _open_refused(link) == f"{link}: is an SQLite database but not a plan book"


def test_a_book_from_a_newer_pipdesk_names_its_last_unknown_step(linked: tuple[Path, Path]) -> None:
    link, real = linked
    PlanBook.open(real).close()
    conn = sqlite3.connect(real)
    for name in ("9001_first", "9002_second", "9003_third"):
        conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name) VALUES (?, ?)", [MIGRATION_SET, name])
    conn.commit()
    conn.close()
    assert _open_refused(link) == (
        f"{link}: was written by a newer version of pipdesk (schema step '9003_third'); "
        "install the newer pipdesk to open it"
    )


def _applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY id")]
    finally:
        conn.close()


def test_steps_the_caller_gives_are_known_and_an_older_book_gets_the_steps_it_lacks(tmp_path: Path) -> None:
    from sqlite_utils import Migrations

    older = Migrations(MIGRATION_SET)
    for name, step in STEPS[:2]:
        older(name=name)(step)
    path = tmp_path / "older.pipdesk"
    PlanBook.open(path, migrations=older).close()
    assert _applied(path) == list(STEP_NAMES[:2])
    PlanBook.open(path).close()
    assert _applied(path) == list(STEP_NAMES)

    extended = Migrations(MIGRATION_SET)
    for name, step in STEPS:
        extended(name=name)(step)
    extended(name="9001_extra")(lambda db: None)
    PlanBook.open(path, migrations=extended).close()
    PlanBook.open(path, migrations=extended).close()  # its own step is no newer pipdesk's
    assert _applied(path) == [*STEP_NAMES, "9001_extra"]


def test_a_damaged_book_is_refused_with_what_the_check_of_its_pages_found(
    linked: tuple[Path, Path], tmp_path: Path
) -> None:
    link, real = linked
    with PlanBook.open(real) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    root = overwrite_root_page(real, "audit_links")
    with pytest.raises(PlanBookDamaged) as refused:
        PlanBook.open(link)
    assert str(refused.value) == (
        f"{link}: is damaged (*** in database main ***\nTree {root} page {root}: btreeInitPage() returns "
        "error code 11); restore it from a backup"
    )


# open_read_only: a connection that cannot write, reads what a log holds, and adds no file to a closed book.


def test_a_read_only_connection_cannot_write_sees_the_log_and_leaves_no_file_beside_a_closed_book(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plans.pipdesk"
    PlanBook.open(path).close()
    conn = open_read_only(path)
    try:
        assert conn.execute(f"SELECT count(*) FROM {MIGRATIONS_TABLE}").fetchone()[0] == len(STEP_NAMES)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("CREATE TABLE scribbles (x)")
    finally:
        conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans.pipdesk"]

    with PlanBook.open(path) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))  # in the log, not yet in the file
        conn = open_read_only(path)
        try:
            assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                conn.execute("CREATE TABLE scribbles (x)")
        finally:
            conn.close()


def test_a_file_that_cannot_be_read_is_refused_with_the_systems_words(tmp_path: Path) -> None:
    missing = tmp_path / "gone.pipdesk"
    assert _refusal(missing) == f"{missing}: cannot be read (No such file or directory)"


def test_an_empty_file_opened_by_its_link_is_named_by_the_link(linked: tuple[Path, Path]) -> None:
    link, real = linked
    real.write_bytes(b"")
    assert _open_refused(link) == f"{link}: is an empty file, not a plan book"


def test_open_database_creates_by_default_and_checks_every_page_before_it_returns(tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    db = open_database(path)
    try:
        assert integrity_of(db.conn) is None
    finally:
        db.close()
    db = open_database(path)
    try:
        assert integrity_of(db.conn) is None
    finally:
        db.close()


def test_an_empty_passphrase_is_refused_before_the_file_is_looked_at(tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    assert (
        _open_refused(path, passphrase="") == f"{path}: a passphrase is at least one character, and no NUL characters"
    )
    assert not path.exists()


def test_a_failed_opening_leaves_the_logs_that_were_there(tmp_path: Path) -> None:
    path = tmp_path / "secret.pipdesk"
    PlanBook.open(path, passphrase=SECRET).close()
    wal = tmp_path / "secret.pipdesk-wal"
    wal.write_bytes(b"")
    with pytest.raises(WrongPassphrase):
        PlanBook.open(path, passphrase="not the passphrase")
    assert wal.exists() and wal.stat().st_size == 0


def _write_count(path: Path) -> tuple[str, str]:
    conn = open_read_only(path, while_in_use=True)
    try:
        book, epoch = conn.execute("SELECT book, epoch FROM book_identity WHERE id = 1").fetchone()
        return str(book), str(epoch)
    finally:
        conn.close()


def test_an_opening_marks_a_new_epoch_once_at_its_first_write(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    before = _write_count(book_path)
    with PlanBook.open(book_path) as book:
        assert _write_count(book_path) == before  # opening alone writes nothing
        book.add(load_sample(SAMPLE_NAMES[0]))
        first = _write_count(book_path)
        assert first[0] == before[0] and first[1] != before[1]
        book.add(load_sample(SAMPLE_NAMES[1]))
        assert _write_count(book_path) == first


def _log_of(path: Path, write: Callable[[PlanBook], object], passphrase: str | None = None) -> tuple[bytes, bytes]:
    """(the file, its log) as a pipdesk killed right after ``write`` leaves them."""
    with PlanBook.open(path, passphrase=passphrase) as book:
        write(book)
        return path.read_bytes(), path.with_name(path.name + "-wal").read_bytes()


def test_a_log_another_plan_book_wrote_is_refused_and_named(tmp_path: Path) -> None:
    ours = tmp_path / "ours.pipdesk"
    theirs = tmp_path / "theirs.pipdesk"
    for path in (ours, theirs):  # the same history: the same number of writes
        PlanBook.open(path).close()
    _file, their_log = _log_of(theirs, lambda book: book.add(load_sample(SAMPLE_NAMES[0])))
    _file, _our_log = _log_of(ours, lambda book: book.add(load_sample(SAMPLE_NAMES[0])))
    (tmp_path / "ours.pipdesk-wal").write_bytes(their_log)
    link = tmp_path / "Team plans.pipdesk"
    link.symlink_to(ours)
    assert _open_refused(link) == (
        f"{link}: the write-ahead log beside it (ours.pipdesk-wal) was written by another plan book, and opening "
        "would merge it in; nothing was changed. Move ours.pipdesk-wal (and ours.pipdesk-shm) out of the folder "
        "to open the plan book as it is, or put back the plan book file that log belongs to"
    )
    assert not (tmp_path / "ours.pipdesk-shm").exists()  # made by the look at the log, removed
    (tmp_path / "ours.pipdesk-shm").write_bytes(b"")
    with pytest.raises(PlanBookError):
        PlanBook.open(ours)
    assert (tmp_path / "ours.pipdesk-shm").exists()  # was there: left


def test_a_log_of_an_earlier_opening_beside_a_file_put_back_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    PlanBook.open(path).close()
    backup = path.read_bytes()
    _file, log = _log_of(path, lambda book: book.add(load_sample(SAMPLE_NAMES[0])))
    path.write_bytes(backup)
    (tmp_path / "plans.pipdesk-wal").write_bytes(log)
    assert _open_refused(path) == (
        f"{path}: the write-ahead log beside it (plans.pipdesk-wal) was written by an earlier opening of this plan "
        "book (before the file was replaced), and opening would merge it in; nothing was changed. Move "
        "plans.pipdesk-wal (and plans.pipdesk-shm) out of the folder to open the plan book as it is, or put back "
        "the plan book file that log belongs to"
    )


def test_the_log_a_crash_left_is_merged_in(tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    PlanBook.open(path).close()
    names = SAMPLE_NAMES[:3]
    file, log = _log_of(path, lambda book: book.add_many(load_sample(name) for name in names))
    path.write_bytes(file)
    (tmp_path / "plans.pipdesk-wal").write_bytes(log)
    with PlanBook.open(path) as book:
        assert book.count() == len(names)


def test_the_lock_says_who_holds_the_book_and_is_private(book_path: Path) -> None:
    import socket

    with PlanBook.open(book_path):
        lock = lock_path_of(book_path)
        st = book_path.stat()
        inode_lock = inode_locks_folder() / f"{st.st_dev}-{st.st_ino}.lock"
        assert inode_locks_folder() == Path(os.environ["XDG_DATA_HOME"]) / "pipdesk" / "locks"
        for held in (lock, inode_lock):
            assert held.read_text() == f"a pipdesk command, pid {os.getpid()} on {socket.gethostname()}\n"
            assert held.stat().st_mode & 0o777 == 0o600
    assert not lock.exists() and not inode_lock.exists()


def test_a_lock_file_removed_while_the_book_is_open_does_not_stop_it_closing(book_path: Path) -> None:
    book = PlanBook.open(book_path)
    lock_path_of(book_path).unlink()
    for inode_lock in inode_locks_folder().iterdir():
        inode_lock.unlink()
    book.close()
    PlanBook.open(book_path).close()


def test_a_command_holding_the_book_a_moment_is_waited_for(book_path: Path) -> None:
    import threading

    PlanBook.open(book_path).close()
    lock = lock_path_of(book_path)
    lock.write_bytes(b"the command pipdesk import, pid 1 on elsewhere")
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)

    def release() -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    released = threading.Timer(0.3, release)
    released.start()
    try:
        PlanBook.open(book_path).close()
    finally:
        released.join()


@pytest.mark.usefixtures("short_wait")
def test_a_held_book_opened_by_its_link_is_named_by_the_link(linked: tuple[Path, Path]) -> None:
    link, real = linked
    PlanBook.open(real).close()
    with locked_by_another_program(lock_path_of(real), b""), pytest.raises(PlanBookInUse) as refused:
        PlanBook.open(link)
    assert str(refused.value) == (
        f"{link}: is in use by another pipdesk, which has not finished after 0.1 seconds; try again when it has"
    )


def test_a_lock_file_that_is_a_folder_is_refused_in_the_systems_words(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    lock_path_of(book_path).mkdir()
    assert _open_refused(book_path) == (
        f"{book_path}: cannot be opened for writing: pipdesk cannot create files in its folder (Is a directory)"
    )


def test_pipdesks_own_folder_is_made_private_and_a_chosen_one_keeps_its_mode(tmp_path: Path) -> None:
    default = default_plan_book_path()
    assert default == Path(os.environ["XDG_DATA_HOME"]) / "pipdesk" / "plans.pipdesk"
    default.parent.mkdir(parents=True)
    default.parent.chmod(0o755)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    chosen.chmod(0o755)
    PlanBook.open(default).close()
    PlanBook.open(chosen / "plans.pipdesk").close()
    assert default.parent.stat().st_mode & 0o777 == 0o700
    assert chosen.stat().st_mode & 0o777 == 0o755


def test_a_folder_that_cannot_be_made_is_told(tmp_path: Path) -> None:
    (tmp_path / "a file").write_bytes(b"")
    path = tmp_path / "a file" / "plans.pipdesk"
    assert _open_refused(path) == f"{path}: cannot create a plan book here (File exists)"


def test_a_name_too_long_for_the_file_made_first_is_told(linked: tuple[Path, Path], tmp_path: Path) -> None:
    link = tmp_path / "long.pipdesk"
    real = tmp_path.resolve() / "real" / ("p" * 240 + ".pipdesk")
    link.symlink_to(real)
    assert _open_refused(link) == f"{link}: cannot create a plan book here (File name too long)"
    assert sorted(p.name for p in real.parent.iterdir()) == []


def _failing_step_set() -> Migrations:
    """pipdesk's steps, then one SQLite refuses."""
    from sqlite_utils import Migrations

    failing = Migrations(MIGRATION_SET)
    for name, step in STEPS:
        failing(name=name)(step)
    failing(name="9001_bad_sql")(lambda db: db.execute("SELEKT 1"))
    return failing


def test_sqlite_refusing_a_step_is_told_when_creating_and_when_opening(tmp_path: Path) -> None:
    new = tmp_path / "new.pipdesk"
    assert _open_refused(new, migrations=_failing_step_set()) == (
        f'{new}: cannot create a plan book here (the plan book could not be read or written (near "SELEKT": '
        "syntax error))"
    )
    assert not new.exists()
    old = tmp_path / "old.pipdesk"
    PlanBook.open(old).close()
    assert _open_refused(old, migrations=_failing_step_set()) == (
        f'{old}: cannot be opened for writing (the plan book could not be read or written (near "SELEKT": '
        "syntax error))"
    )


def test_a_damaged_book_opened_to_be_checked_later_opens_and_is_refused_by_its_link_at_the_first_write(
    linked: tuple[Path, Path],
) -> None:
    link, real = linked
    with PlanBook.open(real) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    overwrite_root_page(real, "audit_links")
    book = PlanBook.open(link, check_later=True)
    try:
        check = integrity_of(book.db.conn)
        assert check is not None
        with pytest.raises(PlanBookDamaged, match=rf"^{re.escape(str(link))}: is damaged \(\*\*\* in database main"):
            check.verdict()
    finally:
        book.close()


def test_an_open_book_is_kept_from_being_written_over_until_it_closes(book_path: Path) -> None:
    """Through another name of its file (a hard link): no export replaces the open book."""
    from pipdesk.domain import PipdeskError
    from pipdesk.system.safe_write import write_private_file

    other_name = book_path.with_name("export.txt")
    with PlanBook.open(book_path):
        os.link(book_path, other_name)
        with pytest.raises(PipdeskError) as refused:
            write_private_file(other_name, b"an export")
        assert str(refused.value) == (
            f"{other_name}: is the open plan book plans.pipdesk (or one of its files); "
            "choose another name for the export; nothing was written"
        )
    with pytest.raises(PipdeskError) as refused:
        write_private_file(other_name, b"an export")
    assert "is a plan book or another database" in str(refused.value)


_OPEN_AND_SAY_WHAT_LOADED = """
import sys
from pipdesk.store import PlanBook
PlanBook.open(sys.argv[1]).close()
print(sorted(name for name in sys.modules if name.startswith("sqlite_utils")))
"""


def test_opening_a_book_of_the_current_schema_loads_no_schema_steps(book_path: Path) -> None:
    import subprocess
    import sys

    PlanBook.open(book_path).close()
    opened = subprocess.run(
        [sys.executable, "-c", _OPEN_AND_SAY_WHAT_LOADED, str(book_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert opened.stdout.strip() == "[]"


def _stub_with_no_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 1")  # a database file with a header and no table
    conn.commit()
    conn.close()
    assert path.stat().st_size > 0


@pytest.mark.parametrize("stub", ["empty file", "database without tables"])
def test_a_stub_a_crash_left_at_the_default_path_becomes_a_new_book_and_elsewhere_is_refused(
    stub: str, tmp_path: Path
) -> None:
    default = default_plan_book_path()
    chosen = tmp_path / "plans.pipdesk"
    default.parent.mkdir(parents=True)
    for path in (default, chosen):
        if stub == "empty file":
            path.write_bytes(b"")
        else:
            _stub_with_no_tables(path)
    with PlanBook.open(default) as book:
        assert book.count() == 0
    assert _applied(default) == list(STEP_NAMES)
    assert _open_refused(chosen) == (
        f"{chosen}: is an empty file, not a plan book"
        if stub == "empty file"
        else f"{chosen}: is an SQLite database but not a plan book"
    )


def test_at_the_default_path_only_a_stub_is_replaced(tmp_path: Path) -> None:
    default = default_plan_book_path()
    default.parent.mkdir(parents=True)
    default.write_bytes(b"S")
    assert _open_refused(default) == f"{default}: is not a plan book (it is not an SQLite database)"
    default.unlink()
    _sqlite_file(default, 4096, rows=1)
    assert _open_refused(default) == f"{default}: is an SQLite database but not a plan book"
    default.unlink()
    default.mkdir()
    assert _open_refused(default) == f"{default}: is a folder, not a plan book"
    default.rmdir()
    default.write_bytes(b"")
    assert _open_refused(default, create=False) == f"{default}: is an empty file, not a plan book"


def test_a_huge_database_at_the_default_path_is_not_read_whole_to_tell_it_is_no_stub() -> None:
    default = default_plan_book_path()
    default.parent.mkdir(parents=True)
    _sqlite_file(default, 4096, rows=1)
    with default.open("r+b") as handle:
        try:
            handle.truncate(2**40)
        except OSError:
            pytest.skip("this file system holds no sparse file of a terabyte")
    assert _open_refused(default) == f"{default}: is an SQLite database but not a plan book"


def test_a_book_opens_and_closes_when_the_folder_of_locks_by_inode_cannot_be_made(book_path: Path) -> None:
    """The lock beside the file still holds; only another name of the same file (a hard link) goes unseen."""
    inode_locks_folder().parent.mkdir(parents=True)
    inode_locks_folder().write_bytes(b"not a folder")
    with PlanBook.open(book_path) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    with PlanBook.open(book_path) as book:
        assert book.count() == 1


def test_a_book_checked_later_is_checked_at_its_first_write_and_then_written_freely(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    book = PlanBook.open(book_path, check_later=True)
    try:
        assert integrity_of(book.db.conn) is not None
        book.add(load_sample(SAMPLE_NAMES[0]))
        assert integrity_of(book.db.conn) is None
        book.add(load_sample(SAMPLE_NAMES[1]))
        assert book.count() == 2
    finally:
        book.close()


def test_a_log_of_an_earlier_opening_beside_an_encrypted_book_put_back_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.pipdesk"
    PlanBook.open(path, passphrase=SECRET).close()
    backup = path.read_bytes()
    _file, log = _log_of(path, lambda book: book.add(load_sample(SAMPLE_NAMES[0])), SECRET)
    path.write_bytes(backup)
    (tmp_path / "secret.pipdesk-wal").write_bytes(log)
    refused = _open_refused(path, passphrase=SECRET)
    assert refused.startswith(
        f"{path}: the write-ahead log beside it (secret.pipdesk-wal) was written by an earlier opening of this plan "
        "book (before the file was replaced)"
    )


@pytest.mark.usefixtures("short_wait")
def test_a_new_book_whose_lock_another_program_holds_is_named_by_the_link(linked: tuple[Path, Path]) -> None:
    link, real = linked
    with locked_by_another_program(lock_path_of(real), b""), pytest.raises(PlanBookInUse) as refused:
        PlanBook.open(link)
    assert str(refused.value) == (
        f"{link}: is in use by another pipdesk, which has not finished after 0.1 seconds; try again when it has"
    )
    assert not real.exists()


def test_a_book_whose_identity_row_is_gone_is_still_written(book_path: Path) -> None:
    """As a book from before schema step 0005 is: no epoch is marked."""
    PlanBook.open(book_path).close()
    conn = sqlite3.connect(book_path)
    conn.execute("DELETE FROM book_identity")
    conn.commit()
    conn.close()
    with PlanBook.open(book_path) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    with PlanBook.open(book_path) as book:
        assert book.count() == 1


def test_a_book_is_made_beside_its_final_name_so_another_disk_is_no_obstacle(small_disk: Path) -> None:
    """The system's temporary folder is on another file system than this disk: the book is not made there."""
    path = small_disk / "plans.pipdesk"
    with PlanBook.open(path) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    assert sorted(p.name for p in small_disk.iterdir()) == ["plans.pipdesk"]


def test_a_database_at_the_default_path_that_cannot_be_read_is_no_stub_and_is_kept() -> None:
    default = default_plan_book_path()
    default.parent.mkdir(parents=True)
    damaged = b"SQLite format 3\0" + b"\xff" * 300
    default.write_bytes(damaged)
    with pytest.raises(PlanBookError):
        PlanBook.open(default)
    assert default.read_bytes() == damaged


def test_a_book_this_process_holds_is_refused_at_once_not_waited_for(book_path: Path) -> None:
    import time

    with PlanBook.open(book_path):
        started = time.monotonic()
        assert _open_refused(book_path) == f"{book_path}: is open in another pipdesk window; close it there first"
        assert time.monotonic() - started < 5  # not the 10 seconds a command is waited for


def test_a_book_another_window_holds_is_refused_at_once_naming_where(
    book_path: Path, hold_plan_book: Callable[..., HeldPlanBook]
) -> None:
    import socket
    import time

    PlanBook.open(book_path).close()
    window = hold_plan_book(book_path)
    started = time.monotonic()
    assert _open_refused(book_path) == (
        f"{book_path}: is open in another pipdesk window (pid {window.pid} on {socket.gethostname()}); "
        "close it there first"
    )
    assert time.monotonic() - started < 5  # not the 10 seconds a command is waited for


def test_a_book_sqlite_cannot_even_check_is_refused_as_damaged_or_not_a_plan_book(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    overwrite_root_page(book_path, "audit_links")
    assert _open_refused(book_path) == (
        f"{book_path}: is damaged or not a plan book (database disk image is malformed); restore it from a backup"
    )


def test_a_lock_file_replaced_by_a_folder_while_the_book_is_open_does_not_stop_it_closing(book_path: Path) -> None:
    book = PlanBook.open(book_path)
    lock_path_of(book_path).unlink()
    lock_path_of(book_path).mkdir()
    book.close()
    assert list(inode_locks_folder().iterdir()) == []  # the other lock was let go
