"""Dated copies of a plan book, taken with SQLite's online backup, and restoring one into a new file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pipdesk.store.connection import (
    PLAN_BOOK_SUFFIX,
    PlanBookError,
    _BookLock,
    check_key,
    check_plan_book_file,
    explain_database_error,
    is_encrypted,
    open_database,
    open_read_only,
    passphrase_of,
)
from pipdesk.store.database import Database
from pipdesk.store.driver import apply_passphrase, sqlite3
from pipdesk.store.leftovers import PARTIAL_SUFFIX, RESTORE_STAGING, backup_being_written, staging_prefix
from pipdesk.store.plan_book import PlanBook
from pipdesk.system.safe_write import check_copy_target, fsync_file, fsync_folder

_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup, as the "Restore from backup…" list shows it."""

    path: Path
    #: Local time the backup was taken, from its name.
    taken_at: dt.datetime
    #: How many plans it holds; ``None`` when it cannot be read (damaged, or encrypted with another passphrase).
    plan_count: int | None
    size: int
    #: Encrypted: it opens only with the passphrase the plan book had when the backup was taken.
    encrypted: bool = False


#: Backups are taken one at a time (a worker thread's on opening, the window's on closing): names and pruning agree.
_ONE_AT_A_TIME = threading.Lock()


def backup_plan_book(db_or_book: Database | PlanBook, backups_folder: Path, keep: int) -> Path:
    """Copy the open plan book to ``<stem>-YYYYMMDD-HHMMSS.pipdesk`` in ``backups_folder``; keep the newest ``keep``.

    The copy is a consistent snapshot even while the plan book is in use (SQLite's online backup),
    is written whole or not at all, and is readable by the user only (folder 0700, file 0600). The
    backup of an encrypted plan book is encrypted with the same passphrase.
    Returns the new backup's path. Run it on the thread that opened the plan book.
    """
    db = db_or_book.db if isinstance(db_or_book, PlanBook) else db_or_book
    return _back_up(db.conn, _main_file(db.conn), Path(backups_folder), keep, passphrase_of(db.conn))


def backup_plan_book_file(path: Path, backups_folder: Path, keep: int, passphrase: str | None = None) -> Path:
    """:func:`backup_plan_book` through a read-only connection of its own, for any thread.

    The window takes its backup on opening this way, on a worker thread, so a large plan book (or
    an encrypted one's key derivation) never holds up the window. The plan book may be open and
    written to meanwhile: the copy is the snapshot of the moment the copy began.
    """
    path = Path(path)
    try:
        conn = open_read_only(path, passphrase, while_in_use=True)
    except sqlite3.Error as error:
        raise PlanBookError(f"{path}: cannot be read for a backup ({explain_database_error(error)})") from None
    try:
        if passphrase is not None:
            check_key(conn, path)
        return _back_up(conn, path, Path(backups_folder), keep, passphrase)
    finally:
        conn.close()


def _back_up(conn: sqlite3.Connection, source_path: Path, folder: Path, keep: int, passphrase: str | None) -> Path:
    if keep < 1:
        raise ValueError("keep at least one backup")
    stem = source_path.stem
    with _ONE_AT_A_TIME:
        _make_private_folder(folder)
        target = _free_name(folder, stem, dt.datetime.now())
        try:
            _copy_database(conn, target, passphrase)
        except sqlite3.Error as error:
            raise PlanBookError(f"{target}: the backup could not be written ({_explain_copy_error(error)})") from None
        except OSError as error:
            raise PlanBookError(f"{target}: the backup could not be written ({error.strerror})") from None
        for _taken_at, old in _backups(folder, stem)[keep:]:
            old.unlink(missing_ok=True)
    return target


def save_copy(db_or_book: Database | PlanBook, target: Path) -> Path:
    """Copy the open plan book to ``target``, replacing a file there; encrypted with the plan book's passphrase."""
    db = db_or_book.db if isinstance(db_or_book, PlanBook) else db_or_book
    target = Path(target)
    if target.exists() and target.resolve() == _main_file(db.conn).resolve():
        raise PlanBookError("A copy cannot replace the plan book itself; choose another name")
    check_copy_target(target)  # nor one of its files, by any link, nor a folder or a device
    _make_private_folder(target.parent)
    try:
        _copy_database(db.conn, target, passphrase_of(db.conn), replace=True)
    except sqlite3.Error as error:
        raise PlanBookError(f"{target}: the copy could not be written ({_explain_copy_error(error)})") from None
    except OSError as error:
        raise PlanBookError(f"{target}: the copy could not be written ({error.strerror})") from None
    return target


def list_backups(folder: Path, stem: str, passphrase: str | None = None) -> list[BackupInfo]:
    """The backups of the plan book named ``stem`` in ``folder``, newest first.

    An encrypted backup's plans are counted when ``passphrase`` opens it.
    """
    backups = _backups(Path(folder), stem)
    encrypted = [is_encrypted(path) for _taken_at, path in backups]
    from concurrent.futures import ThreadPoolExecutor  # here: not at launch (#21)

    # Opening an encrypted backup derives its key (~0.15 s), with the GIL released: side by side.
    with ThreadPoolExecutor(max_workers=max(1, min(8, os.cpu_count() or 1))) as pool:
        keys = [passphrase if locked else None for locked in encrypted]
        counts = list(pool.map(_plan_count, [path for _taken_at, path in backups], keys))
    return [
        BackupInfo(path, taken_at, count, path.stat().st_size, locked)
        for (taken_at, path), count, locked in zip(backups, counts, encrypted, strict=True)
    ]


def _backups(folder: Path, stem: str) -> list[tuple[dt.datetime, Path]]:
    pattern = re.compile(re.escape(stem) + r"-(\d{8}-\d{6})(?:-(\d+))?" + re.escape(PLAN_BOOK_SUFFIX))
    found: list[tuple[dt.datetime, int, Path]] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for path in entries:
        match = pattern.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken_at = dt.datetime.strptime(match.group(1), _STAMP)
        except ValueError:
            continue
        found.append((taken_at, int(match.group(2) or 1), path))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(taken_at, path) for taken_at, _sequence, path in found]


def backups_of(folder: Path, stem: str) -> list[Path]:
    """The backups of the plan book named ``stem`` in ``folder``, newest first."""
    return [path for _taken_at, path in _backups(Path(folder), stem)]


def rewrite_backup(
    path: Path,
    passphrase: str | None,
    change: Callable[[PlanBook], bool],
    then: Callable[[Database], None],
) -> bool:
    """Change a backup in place, whole or not at all (erasing or anonymising a plan); ``False``: nothing changed.

    ``change`` gets the backup opened as a plan book (a copy beside it, migrated as any plan book
    is opened) and says whether it changed anything; ``then`` runs after it (``VACUUM``, so the copy
    keeps no freed page). The copy then takes the backup's place, and the backup's old bytes are
    overwritten with zeros. A backup that cannot be opened (encrypted with another passphrase,
    damaged) raises :class:`PlanBookError` and stays as it was.
    """
    with _ONE_AT_A_TIME, backup_being_written(path.parent), _temporary_beside(path) as temporary:
        try:
            shutil.copyfile(path, temporary)
            book = PlanBook.open(temporary, create=False, passphrase=passphrase)
        except PlanBookError as error:
            raise PlanBookError(str(error).replace(str(temporary), str(path))) from None
        except OSError as error:
            raise PlanBookError(f"{path}: cannot be read ({error.strerror})") from None
        try:
            changed = change(book)
            if changed:
                then(book.db)
                book.db.execute("PRAGMA journal_mode = DELETE")
        finally:
            book.close()
        if not changed:
            return False
        fsync_file(temporary)
        with path.open("r+b") as old:
            os.replace(temporary, path)
            fsync_folder(path.parent)
            _zero(old)
    return True


def _zero(handle: BinaryIO) -> None:
    """Overwrite the whole of an open file (already unlinked) with zeros."""
    size = os.fstat(handle.fileno()).st_size
    chunk = bytes(1 << 20)
    for offset in range(0, size, len(chunk)):
        handle.write(chunk[: size - offset])
    handle.flush()
    os.fsync(handle.fileno())


def restore_backup(backup_path: Path, target_path: Path, passphrase: str | None = None) -> Path:
    """Copy a backup into the new plan book ``target_path`` (never over an existing file); return it.

    The backup is checked as any plan book is, read-only, first; the result is migrated to the
    current schema and opens as a plan book. An encrypted backup needs its ``passphrase``, and the
    plan book restored from it keeps it.
    """
    backup_path, target_path = Path(backup_path), Path(target_path)
    if target_path.exists() or target_path.is_symlink():
        raise PlanBookError(f"{target_path}: already exists; restore the backup under a new name")
    if not backup_path.is_file():
        raise PlanBookError(f"{backup_path}: there is no backup at this path")
    check_plan_book_file(backup_path, passphrase)
    _make_private_folder(target_path.parent)
    try:
        source = open_read_only(backup_path, passphrase)
    except sqlite3.Error as error:
        raise PlanBookError(f"{backup_path}: cannot be read ({error})") from None
    with _closed_on_error(source):
        if passphrase is not None:
            check_key(source, backup_path)
        # Held while the restored plan book is staged, so its leftovers after a crash are known to be dead.
        lock = _BookLock.acquire(target_path)
    try:
        staging_folder = Path(
            tempfile.mkdtemp(prefix=staging_prefix(target_path.name, RESTORE_STAGING), dir=target_path.parent)
        )
    except OSError as error:  # no room even for the folder: the lock is let go, the error said in words
        source.close()
        lock.release()
        raise PlanBookError(f"{target_path}: cannot be written ({error.strerror})") from None
    try:
        staging = staging_folder / target_path.name
        try:
            with contextlib.closing(source):
                _copy_database(source, staging, passphrase)
        except sqlite3.DatabaseError as error:
            if _disk_full(error):  # not the backup's fault: the copy has no room
                raise PlanBookError(f"{target_path}: cannot be written ({_explain_copy_error(error)})") from None
            raise PlanBookError(f"{backup_path}: is damaged or not a plan book ({error})") from None
        except OSError as error:
            raise PlanBookError(f"{target_path}: cannot be written ({error.strerror})") from None
        # Checked and migrated as any plan book is opened, before it takes the new name.
        try:
            open_database(staging, create=False, passphrase=passphrase).close()
        except PlanBookError as error:
            raise PlanBookError(str(error).replace(str(staging), str(backup_path))) from None
        _place_without_overwriting(staging, target_path)
    finally:
        shutil.rmtree(staging_folder, ignore_errors=True)
        lock.release()
    return target_path


def _disk_full(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == sqlite3.SQLITE_FULL
    # sqlcipher3's Connection.backup() raises without the SQLite code; SQLite's own words for it are fixed.
    return str(error) == "database or disk is full"


def _explain_copy_error(error: sqlite3.Error) -> str:
    """:func:`explain_database_error` for the errors of a copy (``Connection.backup``), a full disk included."""
    if _disk_full(error) and not isinstance(getattr(error, "sqlite_errorcode", None), int):
        error.sqlite_errorcode = sqlite3.SQLITE_FULL  # so the words for it stay in one place
    return explain_database_error(error)


def _main_file(conn: sqlite3.Connection) -> Path:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file)
    raise PlanBookError("This plan book has no file to back up")


def _make_private_folder(folder: Path) -> None:
    try:
        if not folder.is_dir():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)  # mkdir's mode is cut by the umask
    except OSError as error:
        raise PlanBookError(f"{folder}: cannot create the folder ({error.strerror})") from None


def _free_name(folder: Path, stem: str, now: dt.datetime) -> Path:
    base = f"{stem}-{now.strftime(_STAMP)}"
    candidate = folder / f"{base}{PLAN_BOOK_SUFFIX}"
    sequence = 2
    while candidate.exists():
        candidate = folder / f"{base}-{sequence}{PLAN_BOOK_SUFFIX}"
        sequence += 1
    return candidate


def _copy_database(source: sqlite3.Connection, target: Path, passphrase: str | None, replace: bool = False) -> None:
    """``source`` into the new file ``target`` (0600), whole or not at all: a rollback-journal database.

    ``passphrase`` is the source's: SQLCipher copies pages between files with the same key only.
    ``replace`` lets the copy take the place of a file already at ``target``.
    """
    with backup_being_written(target.parent), _temporary_beside(target) as temporary:
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            apply_passphrase(copy, passphrase)
            source.backup(copy)
            # One self-contained file: no -wal or -shm beside a backup, even when it is read.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        fsync_file(temporary)
        if replace:
            os.replace(temporary, target)
            fsync_folder(target.parent)
        else:
            _place_without_overwriting(temporary, target)


@contextlib.contextmanager
def _closed_on_error(conn: sqlite3.Connection) -> Iterator[None]:
    try:
        yield
    except BaseException:
        conn.close()
        raise


@contextlib.contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent)
    os.close(fd)
    os.chmod(name, 0o600)
    temporary = Path(name)
    try:
        yield temporary
    finally:
        for leftover in (temporary, *(temporary.with_name(temporary.name + s) for s in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def _place_without_overwriting(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)  # fails if the target exists: never replaces a file
    except FileExistsError:
        raise PlanBookError(f"{target}: already exists; choose a new name") from None
    except OSError:
        if target.exists():
            raise PlanBookError(f"{target}: already exists; choose a new name") from None
        os.rename(temporary, target)  # no hard links here (some Windows and network drives)
    fsync_folder(target.parent)


def _plan_count(path: Path, passphrase: str | None = None) -> int | None:
    try:
        conn = open_read_only(path, passphrase)
    except sqlite3.Error:
        return None
    try:
        return int(conn.execute("SELECT count(*) FROM plans").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()
