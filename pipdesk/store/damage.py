"""Telling a plan book damaged on the disk, or changed outside pipdesk, from a fault of pipdesk's own."""

from __future__ import annotations

from pipdesk.store.driver import sqlite3


def is_undecodable_text(error: BaseException) -> bool:
    """Whether reading failed on a TEXT cell that is not UTF-8 (the driver's own words; it has no error code)."""
    return isinstance(error, sqlite3.OperationalError) and str(error).startswith("Could not decode to UTF-8")


def is_damage(error: BaseException) -> bool:
    """Whether reading stored rows failed because what is stored is not what pipdesk wrote."""
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)  # a page SQLite finds damaged as it reads it
        if isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return True
    return isinstance(error, (UnicodeDecodeError, ValueError, TypeError, KeyError)) or is_undecodable_text(error)
