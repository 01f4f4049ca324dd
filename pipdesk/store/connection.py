"""The one place a plan book is opened: checks the file before anything is written to it."""

from __future__ import annotations

import contextlib
import os
import shutil
import struct
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from pipdesk.domain import PipdeskError
from pipdesk.store.damage import is_undecodable_text
from pipdesk.store.database import Database
from pipdesk.store.driver import apply_passphrase, sqlite3, usable_passphrase
from pipdesk.store.migrations import MIGRATION_SET, MIGRATIONS_TABLE, STEP_NAMES, plan_book_migrations
from pipdesk.system.safe_write import (
    SQLITE_MAGIC,
    fsync_file,
    fsync_folder,
    make_private_folder,
    may_be_encrypted,
    protect_open_book,
    release_open_book,
)

if TYPE_CHECKING:
    from sqlite_utils import Migrations

PLAN_BOOK_SUFFIX = ".pipdesk"
LOCK_SUFFIX = ".lock"


class PlanBookError(PipdeskError):
    """A plan book that cannot be opened; the file is left as it was."""


class PlanBookInUse(PlanBookError):
    """The plan book is open in another pipdesk window (this process or another one)."""


class PlanBookDamaged(PlanBookError):
    """The plan book holds data pipdesk cannot read: damaged on the disk, or changed outside pipdesk."""


class PlanBookReadOnly(PlanBookError):
    """The plan book file may not be written, so nothing could ever be saved to it."""


class PassphraseNeeded(PlanBookError):
    """The file is not a plain SQLite file: an encrypted plan book, which opens only with its passphrase."""


class WrongPassphrase(PlanBookError):
    """The passphrase given does not open the file: a wrong passphrase, or a file that is not a plan book."""


def default_plan_book_path() -> Path:
    """``plans.pipdesk`` in the platform's user data folder."""
    return Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / f"plans{PLAN_BOOK_SUFFIX}"


def default_backups_folder() -> Path:
    """``backups`` in the platform's user data folder, beside the default plan book."""
    return Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / "backups"


def lock_path_of(path: Path) -> Path:
    """The lock file beside a plan book: ``plans.pipdesk`` → ``plans.pipdesk.lock``."""
    return path.with_name(path.name + LOCK_SUFFIX)


def open_database(
    path: Path,
    *,
    create: bool = True,
    migrations: Migrations | None = None,
    passphrase: str | None = None,
    check_later: bool = False,
) -> Database:
    """Open the plan book at ``path`` for reading and writing, migrated to the current schema.

    A file that is not a plan book, was written by a newer pipdesk, or may not be written, is
    refused with :class:`PlanBookError` before anything is written to it. A plan book open in
    another pipdesk window (of this process or another) is refused with :class:`PlanBookInUse`.
    A missing file is created (mode 0600) when ``create`` is true. Closing the database
    (``db.close()``, as :meth:`PlanBook.close` does) lets the next window open it.

    An encrypted plan book opens only with its ``passphrase`` (:class:`PassphraseNeeded` without
    one, :class:`WrongPassphrase` with another); a new file made with a passphrase is encrypted;
    a passphrase given for a plain plan book is refused, so no one believes it encrypted.

    ``check_later`` (the window): the check of every page (``PRAGMA quick_check``, ~0.1 s on a
    50 MB plan book) runs on a worker thread instead of before the book opens; its verdict is
    awaited before the first write, which a damaged book refuses (:func:`begin_epoch`), and read
    with :func:`integrity_of`.
    """
    # sqlite-utils' Migrations load only when a step is to be applied (a new or older plan book)
    path = Path(path)
    if passphrase is not None and not usable_passphrase(passphrase):
        raise PlanBookError(f"{path}: a passphrase is at least one character, and no NUL characters")
    # Locks and checks follow the real file: a symbolic link or another spelling of the path is the same book.
    real = Path(os.path.realpath(path))
    companions = [real.with_name(real.name + suffix) for suffix in ("-wal", "-shm")]
    were_there = [companion.exists() for companion in companions]
    try:
        return _open_database(path, real, create, migrations, passphrase, check_later)
    except PlanBookError as error:
        for companion, was_there in zip(companions, were_there, strict=True):
            # SQLite makes an empty log and index before it finds it cannot go on: leave none behind.
            with contextlib.suppress(OSError):
                if not was_there and companion.stat().st_size <= 4:
                    companion.unlink()
        if _disk_full(real.parent) and not isinstance(error, (PlanBookInUse, PassphraseNeeded, WrongPassphrase)):
            raise PlanBookError(
                f"{path}: cannot be opened: the disk is full; free some space and try again "
                "(the plan book itself is as it was)"
            ) from None
        raise


#: Below this much free space a failed opening is the disk's fault, not the plan book's.
_FULL_DISK_BYTES = 256 * 1024


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _FULL_DISK_BYTES
    except OSError:
        return False


def _open_database(
    path: Path, real: Path, create: bool, migrations: Migrations | None, passphrase: str | None, check_later: bool
) -> Database:
    integrity: IntegrityCheck | None = None
    pending = migrations is not None  # steps given by the caller are applied (each once)
    if real.exists() and not (create and _is_stub_of_default_book(real)):
        check_plan_book_file(real, passphrase, shown=path)
        _check_writable(real, shown=path)
        lock = _BookLock.acquire(real, shown=path)
        try:
            _check_log_belongs(real, passphrase, shown=path)
            pending |= _check_schema(real, migrations, passphrase, shown=path, quick_check=not check_later)
            if check_later:
                integrity = IntegrityCheck(real, passphrase, shown=path)
        except BaseException:
            lock.release()
            raise
    elif create:
        _make_folder(real)
        lock = _BookLock.acquire(real, shown=path)
        try:
            _create_book(real, migrations, passphrase, shown=path)
            lock.lock_inode()
        except BaseException:
            lock.release()
            raise
    else:
        raise PlanBookError(f"{path}: there is no plan book at this path")
    try:
        conn = sqlite3.connect(real, isolation_level=None, factory=_LockedConnection)
    except sqlite3.Error as error:
        lock.release()
        raise PlanBookError(f"{path}: cannot be opened ({error})") from None
    assert isinstance(conn, _LockedConnection)
    conn.plan_book_lock = lock
    conn.integrity = integrity
    db = Database(conn)
    try:
        _prepare(conn, passphrase)
        if pending:
            (migrations or plan_book_migrations()).apply(db.full())
    except sqlite3.Error as error:
        conn.close()
        raise PlanBookError(f"{path}: cannot be opened for writing ({explain_database_error(error)})") from None
    except BaseException:
        conn.close()
        raise
    conn.protected_key = protect_open_book(real)
    return db


def _identity(conn: sqlite3.Connection) -> tuple[str, str, int] | None:
    """(book, epoch, writes) of the plan book's identity row, or ``None`` for a book from before schema step 0005."""
    try:
        row = conn.execute("SELECT book, epoch, writes FROM book_identity WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return (str(row[0]), str(row[1]), int(row[2])) if row else None


def _check_log_belongs(path: Path, passphrase: str | None, *, shown: Path) -> None:
    """Refuse a write-ahead log beside the plan book that another plan book, or an earlier opening, wrote.

    A log a crash left holds the identity row as this book's last opening wrote it (every write
    touches that row); a log from another plan book names another book, and a stale log beside a
    file replaced by hand (a backup copied over it) another epoch. SQLite would merge either in.
    """
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    try:
        if wal.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    except OSError:
        return  # the open itself says what is wrong with it
    shm_was_there = shm.exists()
    try:
        main_only = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)  # without the log
        try:
            apply_passphrase(main_only, passphrase)
            in_file = _identity(main_only)
        finally:
            main_only.close()
        if in_file is None:
            return
        with_log = open_read_only(path, passphrase, while_in_use=True)
        try:
            in_log = _identity(with_log)
        finally:
            with_log.close()
    except sqlite3.DatabaseError:
        return  # a file that cannot be read this way is refused, with its reason, by the checks after this one
    if in_log is None:
        return
    same_book, same_epoch, same_writes = (a == b for a, b in zip(in_log, in_file, strict=True))
    if same_book and (same_epoch or same_writes):
        # The same opening's log; or only the mark of an opening killed before it reached the file, with no
        # plan written after it.
        return
    if not shm_was_there:
        shm.unlink(missing_ok=True)
    whose = (
        "another plan book"
        if in_log[0] != in_file[0]
        else "an earlier opening of this plan book (before the file was replaced)"
    )
    raise PlanBookError(
        f"{shown}: the write-ahead log beside it ({wal.name}) was written by {whose}, and opening would merge it "
        f"in; nothing was changed. Move {wal.name} (and {shm.name}) out of the folder to open the plan book as "
        "it is, or put back the plan book file that log belongs to"
    )


def begin_epoch(conn: sqlite3.Connection) -> None:
    """Before this opening's first write of a plan: mark the opening in the file itself (not only in the log),
    so a log written from now on can be told from any earlier one. An opening that only reads changes nothing."""
    if not isinstance(conn, _LockedConnection):
        return
    if conn.integrity is not None:
        conn.integrity.verdict()  # a damaged book is refused here, before its first write
        conn.integrity = None
    if conn.epoch_begun or conn.in_transaction:
        return
    conn.epoch_begun = True
    if _identity(conn) is None:
        return
    conn.execute("UPDATE book_identity SET epoch = lower(hex(randomblob(16))) WHERE id = 1")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _prepare(conn: sqlite3.Connection, passphrase: str | None) -> None:
    """Key the connection and set what every plan book connection has."""
    apply_passphrase(conn, passphrase)
    if isinstance(conn, _LockedConnection):
        conn.plan_book_passphrase = passphrase
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a check-in reported saved survives a power cut, not only a crash of pipdesk.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 5000")


#: The prefix of a plan book being made beside its final name (``.plans.pipdesk.creating-XXXX``).
CREATING_MARK = ".creating-"


def _create_book(path: Path, migrations: Migrations | None, passphrase: str | None, *, shown: Path) -> None:
    """Make a whole, migrated plan book beside ``path`` and only then give it its name.

    A pipdesk killed meanwhile leaves no file at ``path`` (only a ``.NAME.creating-…`` file that
    the next start removes), so the next start creates it again instead of refusing a stub.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}{CREATING_MARK}", dir=path.parent)  # mode 0600
        os.close(fd)
        staging = Path(name)
    except OSError as error:
        raise PlanBookError(f"{shown}: cannot create a plan book here ({error.strerror})") from None
    try:
        conn = sqlite3.connect(staging, isolation_level=None)
        try:
            _prepare(conn, passphrase)
            (migrations or plan_book_migrations()).apply(Database(conn).full())
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        for companion in ("-wal", "-shm"):
            staging.with_name(staging.name + companion).unlink(missing_ok=True)
        fsync_file(staging)
        if path.exists():  # a stub of a crashed creation by an older pipdesk: it holds nothing
            os.replace(staging, path)
        else:
            _link_into_place(staging, path)
        fsync_folder(path.parent)
    except sqlite3.Error as error:
        raise PlanBookError(f"{shown}: cannot create a plan book here ({explain_database_error(error)})") from None
    except OSError as error:
        raise PlanBookError(f"{shown}: cannot create a plan book here ({error.strerror})") from None
    finally:
        for leftover in (staging, staging.with_name(staging.name + "-wal"), staging.with_name(staging.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _link_into_place(staging: Path, path: Path) -> None:
    """Give ``staging`` the name ``path`` unless something took that name meanwhile (then it is kept)."""
    try:
        os.link(staging, path)
    except FileExistsError:
        raise PlanBookError(f"{path}: another program created a file at this path meanwhile; try again") from None
    except OSError:
        if path.exists():
            raise
        os.rename(staging, path)  # a file system without hard links (FAT, some shares)


def _is_stub_of_default_book(path: Path) -> bool:
    """Whether ``path`` is the default plan book as a pipdesk killed while creating it left it.

    Older versions created the file first and filled it after, so a crash could leave a 0-byte file
    or a database with no tables; neither holds anything. At the default path, which pipdesk made
    and the manager never chose, a new plan book takes its place; at any other path it is refused
    untouched, as every file that is not a plan book is.
    """
    if path != Path(os.path.realpath(default_plan_book_path())):
        return False
    try:
        size = path.stat().st_size
        if not path.is_file():
            return False
        if size == 0:
            return True
        with path.open("rb") as handle:
            if not handle.read(len(SQLITE_MAGIC)).startswith(SQLITE_MAGIC):
                return False
        conn = open_read_only(path)
        try:
            return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]) == 0
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def check_integrity(db: Database, shown: Path | None = None) -> None:
    """The full check (``PRAGMA integrity_check``: every page, and every index against its table) before a
    command writes: nothing is written to a plan book that fails it. About 0.4 s on a 50 MB plan book."""
    try:
        rows = db.execute("PRAGMA integrity_check(5)").fetchall()
    except sqlite3.DatabaseError as error:
        rows = [(str(error),)]
    if rows != [("ok",)]:
        found = "; ".join(str(row[0]) for row in rows[:3])
        raise PlanBookDamaged(
            f"{shown or 'the plan book'}: is damaged ({found}); nothing was written; restore it from a backup"
        )


def explain_database_error(error: sqlite3.Error) -> str:
    """What a failed read or write of an open plan book means, in the manager's words.

    For messages such as ``"the change was not saved: " + explain_database_error(error)``; SQLite
    rolls the failed transaction back, so everything saved before it is kept.
    """
    if is_undecodable_text(error):
        return "the plan book holds text that is not UTF-8: it is damaged; restore it from a backup"
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL:
        return "the disk is full; free some space and try again"
    if primary == sqlite3.SQLITE_READONLY:
        return "the plan book is read-only (its file or folder may not be written)"
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return "another program is using the plan book; close it and try again"
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return "the plan book is damaged; restore it from a backup"
    if primary == sqlite3.SQLITE_IOERR:
        return f"the disk reported an error ({error}); check the disk, then restore from a backup if needed"
    if primary == sqlite3.SQLITE_CANTOPEN:
        return "the plan book file could not be opened; check it is still there and may be written"
    return f"the plan book could not be read or written ({error})"


#: How long a command waits for another pipdesk command (not a window) to let go of a plan book.
LOCK_WAIT_SECONDS = 10.0
_LOCK_POLL_SECONDS = 0.05

#: Who holds the plan books this process opens, as the lock file tells others: the command line
#: sets the command's name; the window says it is a window.
lock_holder = "a pipdesk command"
WINDOW_HOLDER = "a pipdesk window"


def set_lock_holder(holder: str) -> str:
    """Say who holds the plan books this process opens from now on; returns who it was before."""
    global lock_holder
    before, lock_holder = lock_holder, holder
    return before


def inode_locks_folder() -> Path:
    """Where the locks on plan book files by device and inode are kept (a hard link is the same book)."""
    return Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / "locks"


class _BookLock:
    """Exclusive locks held while a plan book is open: ``<plan book>.lock`` beside it, and one on its inode.

    The operating system holds the locks (``flock`` on POSIX, ``msvcrt.locking`` on Windows) and
    drops them when the process ends in any way, so a crash never locks the manager out. The lock
    beside the real file (symbolic links followed) says who holds it; the second lock, named by the
    file's device and inode in pipdesk's data folder, catches a hard link, which has another name.
    A lock held by another command is waited for (up to :data:`LOCK_WAIT_SECONDS`); one held by a
    window is refused at once, with who holds it.
    """

    def __init__(self, book_path: Path, shown: Path) -> None:
        self.book_path = book_path
        self.shown = shown
        self.lock_path = lock_path_of(book_path)
        self.fd: int | None = None
        self.inode_lock: tuple[Path, int] | None = None

    @classmethod
    def acquire(cls, book_path: Path, *, shown: Path | None = None) -> _BookLock:
        lock = cls(book_path, shown or book_path)
        lock.fd = lock._take(lock.lock_path, write_owner=True)
        try:
            if book_path.exists():
                lock.lock_inode()
        except BaseException:
            lock.release()
            raise
        return lock

    def lock_inode(self) -> None:
        """Lock the plan book file itself, by device and inode (call once it exists)."""
        try:
            st = self.book_path.stat()
        except OSError:
            return
        folder = inode_locks_folder()
        try:
            make_private_folder(folder)
        except OSError:
            return  # the lock beside the file still holds; only a hard link goes unseen
        path = folder / f"{st.st_dev}-{st.st_ino}.lock"
        self.inode_lock = (path, self._take(path, write_owner=True))

    def _take(self, lock_path: Path, *, write_owner: bool) -> int:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as error:
                raise PlanBookError(
                    f"{self.shown}: cannot be opened for writing: pipdesk cannot create files in its folder "
                    f"({error.strerror})"
                ) from None
            try:
                locked = _try_lock(fd)
            except OSError as error:
                os.close(fd)
                raise PlanBookError(
                    f"{self.shown}: cannot be opened for writing: its folder does not support file locks "
                    f"({error.strerror})"
                ) from None
            if locked:
                # A holder closing meanwhile removes the file it locked: hold the file now at the path.
                try:
                    current = os.path.samestat(os.fstat(fd), os.stat(lock_path))
                except OSError:
                    current = False
                if current:
                    if write_owner:
                        _write_owner(fd)
                    return fd
                _unlock(fd)
                os.close(fd)
                continue
            holder = _read_owner(fd)
            os.close(fd)
            ours = f"pid {os.getpid()} on " in holder  # this process: waiting would wait for itself
            if ours or WINDOW_HOLDER in holder or time.monotonic() >= deadline:
                raise PlanBookInUse(self._in_use_message(holder))
            time.sleep(_LOCK_POLL_SECONDS)

    def _in_use_message(self, holder: str) -> str:
        who = holder.strip() or "another pipdesk"
        if f"pid {os.getpid()} on " in holder:
            return f"{self.shown}: is open in another pipdesk window; close it there first"
        if WINDOW_HOLDER in holder:
            where = who.removeprefix(f"{WINDOW_HOLDER}, ")
            return f"{self.shown}: is open in another pipdesk window ({where}); close it there first"
        return (
            f"{self.shown}: is in use by {who}, which has not finished after {LOCK_WAIT_SECONDS:g} seconds; "
            "try again when it has"
        )

    def release(self) -> None:
        if self.inode_lock is not None:
            inode_lock_path, inode_fd = self.inode_lock
            self.inode_lock = None
            _release_lock_file(inode_lock_path, inode_fd)
        fd, self.fd = self.fd, None
        if fd is not None:
            _release_lock_file(self.lock_path, fd)


def _host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` says it (without loading ``socket`` where ``uname`` can)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _write_owner(fd: int) -> None:
    owner = f"{lock_holder}, pid {os.getpid()} on {_host_name()}\n".encode()
    try:
        if sys.platform != "win32":  # on Windows the locked first byte may not be rewritten
            os.ftruncate(fd, 0)
            os.pwrite(fd, owner, 0)
    except OSError:
        pass  # the note is for people and for waiting; the lock itself holds


def _read_owner(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _release_lock_file(lock_path: Path, fd: int) -> None:
    if sys.platform == "win32":
        _unlock(fd)
        os.close(fd)
        # Fails while another window has the file open, which is then its lock: keep it.
        with contextlib.suppress(OSError):
            lock_path.unlink(missing_ok=True)
        return
    # Removed while still locked, so a pipdesk waiting on this file sees it is stale and retries.
    with contextlib.suppress(OSError):
        lock_path.unlink(missing_ok=True)
    _unlock(fd)
    os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


class _LockedConnection(sqlite3.Connection):
    """The plan book's connection; closing it lets go of the plan book's lock file.

    It keeps the passphrase it was opened with, for the backups and copies made of it, which are
    encrypted with the same passphrase.
    """

    plan_book_lock: _BookLock | None = None
    plan_book_passphrase: str | None = None
    integrity: IntegrityCheck | None = None
    protected_key: int | None = None
    epoch_begun = False

    def close(self) -> None:
        try:
            super().close()
        finally:
            key, self.protected_key = self.protected_key, None
            if key is not None:
                release_open_book(key)
            lock, self.plan_book_lock = self.plan_book_lock, None
            if lock is not None:
                lock.release()


def _make_folder(path: Path) -> None:
    try:
        make_private_folder(path.parent, own=path.parent == default_plan_book_path().parent)
    except OSError as error:
        raise PlanBookError(f"{path}: cannot create a plan book here ({error.strerror})") from None


def passphrase_of(conn: sqlite3.Connection) -> str | None:
    """The passphrase a plan book connection was opened with; ``None`` for a plain plan book."""
    return getattr(conn, "plan_book_passphrase", None)


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` looks like an encrypted plan book: not plain SQLite, and whole pages of random bytes."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return may_be_encrypted(size, header)


def check_plan_book_file(path: Path, passphrase: str | None = None, *, shown: Path | None = None) -> None:
    """What can be told from the file itself, cheaply, read-only and without SQLite.

    Refuses a folder, an empty file, a file that is not SQLite and one cut short with
    :class:`PlanBookError`; an encrypted file without a passphrase with :class:`PassphraseNeeded`,
    and a plain one with a passphrase.
    """
    label = shown or path
    if path.is_dir():
        raise PlanBookError(f"{label}: is a folder, not a plan book")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise PlanBookError(f"{label}: cannot be read ({error.strerror})") from None
    if size == 0:
        raise PlanBookError(f"{label}: is an empty file, not a plan book")
    if may_be_encrypted(size, header):
        if passphrase is None:
            raise PassphraseNeeded(
                f"{label}: is encrypted, or is not a plan book: it is not a plain SQLite database; "
                "an encrypted plan book opens with its passphrase"
            )
        return  # the rest is checked once the passphrase has opened it
    if not header.startswith(SQLITE_MAGIC):
        raise PlanBookError(f"{label}: is not a plan book (it is not an SQLite database)")
    if passphrase is not None:
        raise PlanBookError(f"{label}: is not encrypted, so it has no passphrase; open it without one")
    if len(header) < 100:
        raise PlanBookError(f"{label}: is damaged: the file is cut short")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    # The header's page count is valid only when the change counter (offset 24) equals the
    # version-valid-for number (offset 92), and only while no write-ahead log is pending: another
    # pipdesk checkpointing the log may have written the header before the file grew.
    header_valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    log_pending = wal.exists() and wal.stat().st_size > 0
    if page_count and header_valid and not log_pending and size < page_size * page_count:
        raise PlanBookError(
            f"{label}: is damaged: the file is cut short ({size} bytes of {page_size * page_count}); "
            "restore it from a backup"
        )


def _check_writable(path: Path, *, shown: Path | None = None) -> None:
    label = shown or path
    # No write permission at all means "keep as it is", even for an administrator who could write.
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        raise PlanBookReadOnly(
            f"{label}: is read-only, so nothing could be saved to it; "
            "make the file writable, or open a copy of it, and try again"
        )


def open_read_only(path: Path, passphrase: str | None = None, *, while_in_use: bool = False) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` and, when no write-ahead log is beside it, adds no file either.

    With ``passphrase``, keyed for an encrypted file; whether the key is right shows on the first read.
    ``while_in_use``: another connection may write meanwhile, so SQLite must not take the file as fixed.
    """
    # Without a -wal the file is whole: read as immutable, SQLite creates no -shm beside it.
    whole = not while_in_use and not path.with_name(path.name + "-wal").exists()
    conn = sqlite3.connect(path.resolve().as_uri() + ("?mode=ro&immutable=1" if whole else "?mode=ro"), uri=True)
    try:
        apply_passphrase(conn, passphrase)
    except BaseException:
        conn.close()
        raise
    return conn


def check_key(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`WrongPassphrase` unless the passphrase ``conn`` was keyed with decrypts ``path``."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            raise WrongPassphrase(
                f"{path}: the passphrase does not open it (or it is not a plan book); "
                "check the passphrase and try again"
            ) from None
        raise


def _check_schema(
    path: Path,
    migrations: Migrations | None,
    passphrase: str | None = None,
    *,
    shown: Path | None = None,
    quick_check: bool = True,
) -> bool:
    """Read-only look at what the file holds: it must be a plan book this version can migrate.
    Whether a step of ``migrations`` (else pipdesk's) is still to be applied."""
    label = shown or path
    try:
        conn = open_read_only(path, passphrase)
    except sqlite3.Error as error:
        raise PlanBookError(f"{label}: cannot be read ({error})") from None
    try:
        if passphrase is not None:
            check_key(conn, path)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if MIGRATIONS_TABLE not in tables:
            raise PlanBookError(f"{label}: is an SQLite database but not a plan book")
        applied = [
            row[0]
            for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET])
        ]
        if not applied:
            raise PlanBookError(f"{label}: is an SQLite database but not a plan book")
        known = set(_migration_names(migrations) if migrations is not None else STEP_NAMES)
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise PlanBookError(
                f"{label}: was written by a newer version of pipdesk (schema step {unknown[-1]!r}); "
                "install the newer pipdesk to open it"
            )
        if quick_check:
            _quick_check(conn, label)
        return bool(known - set(applied))
    except sqlite3.DatabaseError as error:
        raise PlanBookError(f"{label}: is damaged or not a plan book ({error}); restore it from a backup") from None
    finally:
        conn.close()


def _quick_check(conn: sqlite3.Connection, label: Path) -> None:
    """Every page of the file read and checked (``PRAGMA quick_check``); a damaged one is refused."""
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise PlanBookDamaged(f"{label}: is damaged ({check[0] if check else 'no answer'}); restore it from a backup")


class IntegrityCheck:
    """The check of every page of a plan book opened with ``check_later``, through a read-only connection of its own.

    It runs once: on a worker thread the window starts once it has painted (``gui/shell/book.py``; SQLite
    releases Python's lock while it reads), or at the latest when :meth:`verdict` is first asked, before
    the first write. :meth:`verdict` raises :class:`PlanBookDamaged` for a damaged book (or one that
    cannot be read), every time it is asked.
    """

    def __init__(self, path: Path, passphrase: str | None, *, shown: Path) -> None:
        self.path, self.shown, self._passphrase = path, shown, passphrase
        self.problem: PlanBookDamaged | None = None
        self._lock = threading.Lock()
        self._done = False

    def _run(self) -> None:
        try:
            conn = open_read_only(self.path, self._passphrase, while_in_use=True)
            try:
                _quick_check(conn, self.shown)
            finally:
                conn.close()
        except PlanBookDamaged as damaged:
            self.problem = damaged
        except sqlite3.Error as error:
            self.problem = PlanBookDamaged(
                f"{self.shown}: is damaged or cannot be read ({error}); restore it from a backup"
            )

    def verdict(self) -> None:
        """Check, if not checked yet (waiting for a check another thread is running); raise
        :class:`PlanBookDamaged` if the book is damaged."""
        with self._lock:
            if not self._done:
                self._run()
                self._done = True
        if self.problem is not None:
            raise self.problem


def integrity_of(conn: sqlite3.Connection) -> IntegrityCheck | None:
    """The check still to be awaited of a book opened with ``check_later``; ``None`` once it passed a write."""
    return conn.integrity if isinstance(conn, _LockedConnection) else None


def _migration_names(migrations: Migrations) -> list[str]:
    # Against an empty database every step is pending: the names of all steps this version knows.
    import sqlite_utils

    return [migration.name for migration in migrations.pending(sqlite_utils.Database(memory=True))]
