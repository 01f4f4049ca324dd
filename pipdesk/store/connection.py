"""The one place a plan book is opened: checks the file before anything is written to it."""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import sys
from pathlib import Path

import platformdirs
from sqlite_utils import Database, Migrations

from pipdesk.domain import PipdeskError
from pipdesk.store.driver import apply_passphrase, check_sqlite_utils, sqlite3, usable_passphrase
from pipdesk.store.migrations import MIGRATION_SET, plan_book_migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
PLAN_BOOK_SUFFIX = ".pipdesk"
LOCK_SUFFIX = ".lock"


class PlanBookError(PipdeskError):
    """A plan book that cannot be opened; the file is left as it was."""


class PlanBookInUse(PlanBookError):
    """The plan book is open in another pipdesk window (this process or another one)."""


class PlanBookReadOnly(PlanBookError):
    """The plan book file may not be written, so nothing could ever be saved to it."""


class PassphraseNeeded(PlanBookError):
    """The file is not a plain SQLite file: an encrypted plan book, which opens only with its passphrase."""


class WrongPassphrase(PlanBookError):
    """The passphrase given does not open the file: a wrong passphrase, or a file that is not a plan book."""


def default_plan_book_path() -> Path:
    """``plans.pipdesk`` in the platform's user data folder."""
    return Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / f"plans{PLAN_BOOK_SUFFIX}"


def lock_path_of(path: Path) -> Path:
    """The lock file beside a plan book: ``plans.pipdesk`` → ``plans.pipdesk.lock``."""
    return path.with_name(path.name + LOCK_SUFFIX)


def open_database(
    path: Path, *, create: bool = True, migrations: Migrations | None = None, passphrase: str | None = None
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
    """
    check_sqlite_utils()
    migrations = migrations or plan_book_migrations()
    path = Path(path)
    if passphrase is not None and not usable_passphrase(passphrase):
        raise PlanBookError(f"{path}: a passphrase is at least one character, and no NUL characters")
    if path.exists():
        check_plan_book_file(path, passphrase)
        _check_writable(path)
        lock = _BookLock.acquire(path)
        try:
            _check_schema(path, migrations, passphrase)
        except BaseException:
            lock.release()
            raise
    elif create:
        _make_folder(path)
        lock = _BookLock.acquire(path)
        try:
            _create_private_file(path)
        except BaseException:
            lock.release()
            raise
    else:
        raise PlanBookError(f"{path}: there is no plan book at this path")
    try:
        conn = sqlite3.connect(path, isolation_level=None, factory=_LockedConnection)
    except sqlite3.Error as error:
        lock.release()
        raise PlanBookError(f"{path}: cannot be opened ({error})") from None
    assert isinstance(conn, _LockedConnection)
    conn.plan_book_lock = lock
    db = Database(conn)
    try:
        apply_passphrase(conn, passphrase)
        conn.plan_book_passphrase = passphrase
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a check-in reported saved survives a power cut, not only a crash of pipdesk.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        migrations.apply(db)
    except sqlite3.Error as error:
        conn.close()
        raise PlanBookError(f"{path}: cannot be opened for writing ({explain_database_error(error)})") from None
    except BaseException:
        conn.close()
        raise
    return db


def explain_database_error(error: sqlite3.Error) -> str:
    """What a failed read or write of an open plan book means, in the manager's words.

    For messages such as ``"the change was not saved: " + explain_database_error(error)``; SQLite
    rolls the failed transaction back, so everything saved before it is kept.
    """
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


class _BookLock:
    """An exclusive lock on ``<plan book>.lock``, held while a window has the plan book open.

    The operating system holds the lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) and
    drops it when the process ends in any way, so a crash never locks the manager out; the pid and
    host written into the file only tell a person who holds it.
    """

    def __init__(self, lock_path: Path, fd: int) -> None:
        self.lock_path = lock_path
        self.fd: int | None = fd

    @classmethod
    def acquire(cls, book_path: Path) -> _BookLock:
        lock_path = lock_path_of(book_path)
        for _attempt in range(20):
            try:
                fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as error:
                raise PlanBookError(
                    f"{book_path}: cannot be opened for writing: pipdesk cannot create files in its folder "
                    f"({error.strerror})"
                ) from None
            try:
                locked = _try_lock(fd)
            except OSError as error:
                os.close(fd)
                raise PlanBookError(
                    f"{book_path}: cannot be opened for writing: its folder does not support file locks "
                    f"({error.strerror})"
                ) from None
            if not locked:
                os.close(fd)
                raise PlanBookInUse(f"{book_path}: is open in another pipdesk window; close it there first")
            # A window closing meanwhile removes the file it locked: lock the file now at the path.
            try:
                current = os.path.samestat(os.fstat(fd), os.stat(lock_path))
            except OSError:
                current = False
            if current:
                lock = cls(lock_path, fd)
                lock._write_owner()
                return lock
            _unlock(fd)
            os.close(fd)
        raise PlanBookInUse(f"{book_path}: is open in another pipdesk window; close it there first")

    def _write_owner(self) -> None:
        assert self.fd is not None
        owner = f"pid {os.getpid()} on {socket.gethostname()}\n".encode()
        try:
            if sys.platform != "win32":  # on Windows the locked first byte may not be rewritten
                os.ftruncate(self.fd, 0)
                os.pwrite(self.fd, owner, 0)
        except OSError:
            pass  # the note is for people; the lock itself holds

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is None:
            return
        if sys.platform == "win32":
            _unlock(fd)
            os.close(fd)
            # Fails while another window has the file open, which is then its lock: keep it.
            with contextlib.suppress(OSError):
                self.lock_path.unlink(missing_ok=True)
            return
        # Removed while still locked, so a window waiting on this file sees it is stale and retries.
        with contextlib.suppress(OSError):
            self.lock_path.unlink(missing_ok=True)
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

    def close(self) -> None:
        try:
            super().close()
        finally:
            lock, self.plan_book_lock = self.plan_book_lock, None
            if lock is not None:
                lock.release()


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise PlanBookError(f"{path}: cannot create a plan book here ({error.strerror})") from None


def _create_private_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
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
    return _may_be_encrypted(size, header)


def _may_be_encrypted(size: int, header: bytes) -> bool:
    # SQLCipher writes whole pages (4096 bytes unless told otherwise; never under 512) and puts a
    # random salt, not the SQLite magic, first.
    return size >= 512 and size % 512 == 0 and not header.startswith(SQLITE_MAGIC)


def check_plan_book_file(path: Path, passphrase: str | None = None) -> None:
    """What can be told from the file itself, cheaply, read-only and without SQLite.

    Refuses a folder, an empty file, a file that is not SQLite and one cut short with
    :class:`PlanBookError`; an encrypted file without a passphrase with :class:`PassphraseNeeded`,
    and a plain one with a passphrase.
    """
    if path.is_dir():
        raise PlanBookError(f"{path}: is a folder, not a plan book")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise PlanBookError(f"{path}: cannot be read ({error.strerror})") from None
    if size == 0:
        raise PlanBookError(f"{path}: is an empty file, not a plan book")
    if _may_be_encrypted(size, header):
        if passphrase is None:
            raise PassphraseNeeded(
                f"{path}: is encrypted, or is not a plan book: it is not a plain SQLite database; "
                "an encrypted plan book opens with its passphrase"
            )
        return  # the rest is checked once the passphrase has opened it
    if not header.startswith(SQLITE_MAGIC):
        raise PlanBookError(f"{path}: is not a plan book (it is not an SQLite database)")
    if passphrase is not None:
        raise PlanBookError(f"{path}: is not encrypted, so it has no passphrase; open it without one")
    if len(header) < 100:
        raise PlanBookError(f"{path}: is damaged: the file is cut short")
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
            f"{path}: is damaged: the file is cut short ({size} bytes of {page_size * page_count}); "
            "restore it from a backup"
        )


def _check_writable(path: Path) -> None:
    # No write permission at all means "keep as it is", even for an administrator who could write.
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        raise PlanBookReadOnly(
            f"{path}: is read-only, so nothing could be saved to it; "
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


def _check_schema(path: Path, migrations: Migrations, passphrase: str | None = None) -> None:
    """Read-only look at what the file holds: it must be a plan book this version can migrate."""
    try:
        conn = open_read_only(path, passphrase)
    except sqlite3.Error as error:
        raise PlanBookError(f"{path}: cannot be read ({error})") from None
    try:
        if passphrase is not None:
            check_key(conn, path)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if Migrations.migrations_table not in tables:
            raise PlanBookError(f"{path}: is an SQLite database but not a plan book")
        applied = [
            row[0]
            for row in conn.execute(
                f"SELECT name FROM {Migrations.migrations_table} WHERE migration_set = ?", [MIGRATION_SET]
            )
        ]
        if not applied:
            raise PlanBookError(f"{path}: is an SQLite database but not a plan book")
        known = set(_migration_names(migrations))
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise PlanBookError(
                f"{path}: was written by a newer version of pipdesk (schema step {unknown[-1]!r}); "
                "install the newer pipdesk to open it"
            )
        check = conn.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise PlanBookError(f"{path}: is damaged ({check[0] if check else 'no answer'}); restore it from a backup")
    except sqlite3.DatabaseError as error:
        raise PlanBookError(f"{path}: is damaged or not a plan book ({error}); restore it from a backup") from None
    finally:
        conn.close()


def _migration_names(migrations: Migrations) -> list[str]:
    # Against an empty database every step is pending: the names of all steps this version knows.
    return [migration.name for migration in migrations.pending(Database(memory=True))]
