"""The one place a plan book is opened: checks the file before anything is written to it."""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path

import platformdirs
from sqlite_utils import Database, Migrations

from pipdesk.domain import PipdeskError
from pipdesk.store.migrations import MIGRATION_SET, plan_book_migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
PLAN_BOOK_SUFFIX = ".pipdesk"


class PlanBookError(PipdeskError):
    """A plan book that cannot be opened; the file is left as it was."""


def default_plan_book_path() -> Path:
    """``plans.pipdesk`` in the platform's user data folder."""
    return Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / f"plans{PLAN_BOOK_SUFFIX}"


def open_database(path: Path, *, create: bool = True, migrations: Migrations | None = None) -> Database:
    """Open the plan book at ``path`` for reading and writing, migrated to the current schema.

    A file that is not a plan book, or was written by a newer pipdesk, is refused with
    :class:`PlanBookError` before anything is written to it. A missing file is created (mode 0600)
    when ``create`` is true.
    """
    migrations = migrations or plan_book_migrations()
    path = Path(path)
    if path.exists():
        _check_existing(path, migrations)
    elif create:
        _create_private_file(path)
    else:
        raise PlanBookError(f"{path}: there is no plan book at this path")
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise PlanBookError(f"{path}: cannot be opened ({error})") from None
    db = Database(conn)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a check-in reported saved survives a power cut, not only a crash of pipdesk.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        migrations.apply(db)
    except sqlite3.Error as error:
        conn.close()
        raise PlanBookError(f"{path}: cannot be opened for writing ({error})") from None
    return db


def _create_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as error:
        raise PlanBookError(f"{path}: cannot create a plan book here ({error.strerror})") from None


def _check_existing(path: Path, migrations: Migrations) -> None:
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
    if not header.startswith(SQLITE_MAGIC):
        raise PlanBookError(f"{path}: is not a plan book (it is not an SQLite database)")
    if len(header) < 100:
        raise PlanBookError(f"{path}: is damaged: the file is cut short")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    if page_count and size < page_size * page_count:
        raise PlanBookError(
            f"{path}: is damaged: the file is cut short ({size} bytes of {page_size * page_count}); "
            "restore it from a backup"
        )
    _check_schema(path, migrations)


def _check_schema(path: Path, migrations: Migrations) -> None:
    """Read-only look at what the file holds: it must be a plan book this version can migrate."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise PlanBookError(f"{path}: cannot be read ({error})") from None
    try:
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
        raise PlanBookError(f"{path}: is damaged or not a plan book ({error})") from None
    finally:
        conn.close()


def _migration_names(migrations: Migrations) -> list[str]:
    # Against an empty database every step is pending: the names of all steps this version knows.
    return [migration.name for migration in migrations.pending(Database(memory=True))]
