"""Setting, changing and removing a plan book's passphrase: the file written anew, then swapped in whole."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from pipdesk.store.connection import PlanBookError, open_database, open_read_only
from pipdesk.store.driver import check_new_passphrase, normalized, sqlite3
from pipdesk.store.leftovers import (
    PASSPHRASE_STAGING,
    Leftover,
    clean_up_leftovers,
    overwrite_with_zeros,
    staging_prefix,
)
from pipdesk.system.safe_write import fsync_file, fsync_folder


def change_passphrase(path: Path, old: str | None, new: str | None) -> list[Leftover]:
    """Give the plan book at ``path`` the passphrase ``new`` in place of ``old``.

    ``old`` is ``None`` to encrypt a plain plan book, ``new`` is ``None`` to decrypt it. The plan
    book is written anew beside itself with SQLCipher's ``sqlcipher_export``, checked (integrity and
    every table's row count), and then takes the old file's place in one rename, so a crash at any
    moment leaves one whole plan book with the old passphrase or the new one. Its lock is held
    throughout: it must not be open in a window. The old file's bytes are unlinked, not wiped.

    The new file is written in ``.NAME.passphrase-XXXXXXXX/`` beside the plan book, encrypted with
    the new passphrase (set, change); removing a passphrase writes it unencrypted, as it is to be.
    What a change stopped by a crash left there is removed first, and returned (see store/leftovers.py).
    """
    path = Path(path)
    if old is None and new is None:
        raise PlanBookError(f"{path}: is not encrypted; there is no passphrase to remove")
    if new is not None and (problem := check_new_passphrase(new)) is not None:
        raise PlanBookError(f"The new passphrase will not do: {problem}")
    db = open_database(path, create=False, passphrase=old)
    conn = db.conn
    removed = clean_up_leftovers(db)
    staging_folder = Path(tempfile.mkdtemp(prefix=staging_prefix(path.name, PASSPHRASE_STAGING), dir=path.parent))
    try:
        staging = staging_folder / path.name
        try:
            _export(conn, staging, new)
            _check_copy(conn, staging, new)
        except sqlite3.Error as error:
            raise PlanBookError(
                f"{path}: the passphrase was not changed ({error}); the plan book is as it was"
            ) from None
        fsync_file(staging)
        lock, conn.plan_book_lock = conn.plan_book_lock, None  # type: ignore[attr-defined]
        try:
            conn.close()  # the last connection: its write-ahead log is checkpointed into the file and removed
            _drop_write_ahead_log(path)
            try:
                os.replace(staging, path)
            except OSError as error:  # on Windows, another program holding the file open
                raise PlanBookError(
                    f"{path}: the passphrase was not changed: the file could not be replaced ({error.strerror}); "
                    "the plan book is as it was"
                ) from None
            fsync_folder(path.parent)
        finally:
            if lock is not None:
                lock.release()
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
        if new is None:  # an unencrypted copy that did not take the plan book's place: its bytes go too
            with contextlib.suppress(OSError):
                for leftover in staging_folder.iterdir():
                    overwrite_with_zeros(leftover)
        shutil.rmtree(staging_folder, ignore_errors=True)
    return removed


def _export(conn: sqlite3.Connection, staging: Path, new: str | None) -> None:
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    # An empty key attaches a plain SQLite file; bound parameters are allowed in ATTACH.
    conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", [str(staging), normalized(new) if new is not None else ""])
    try:
        conn.execute("SELECT sqlcipher_export('rekeyed')")
    finally:
        conn.execute("DETACH DATABASE rekeyed")


def _check_copy(conn: sqlite3.Connection, staging: Path, new: str | None) -> None:
    """The new file opens with the new passphrase, is whole, and holds as many rows in every table."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    copy = open_read_only(staging, new)
    try:
        check = copy.execute("PRAGMA integrity_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"the new copy failed its integrity check: {check}")
        copied = [row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        if copied != tables:
            raise sqlite3.DatabaseError("the new copy does not hold the same tables")
        for table in tables:
            count = f'SELECT count(*) FROM "{table}"'
            if conn.execute(count).fetchone() != copy.execute(count).fetchone():
                raise sqlite3.DatabaseError(f"the new copy does not hold every row of {table}")
    finally:
        copy.close()


def _drop_write_ahead_log(path: Path) -> None:
    """Remove the old file's -wal and -shm, which must not be read against the new file."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise PlanBookError(f"{path}: is still in use by another program; close it and try again")
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
