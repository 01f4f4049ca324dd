"""The SQLite driver every plan book connection goes through: SQLCipher, through ``sqlcipher3``.

SQLCipher is SQLite with optional encryption of the whole file: without a passphrase it reads and
writes ordinary SQLite files, so one driver serves plain and encrypted plan books alike, and every
``except sqlite3.Error`` in pipdesk catches its errors. sqlite-utils is told to use the same module
through its documented ``pysqlite3`` hook (it imports ``pysqlite3`` when that is importable), so its
own error handling matches the connections it is given; :func:`check_sqlite_utils` makes sure.

Import ``sqlite3`` from here, never the standard library's, in pipdesk's code.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
else:
    import sqlcipher3
    from sqlcipher3 import dbapi2 as sqlite3

    # Before sqlite-utils is first imported (pipdesk/store/__init__.py imports this module first).
    sys.modules.setdefault("pysqlite3", sqlcipher3)
    sys.modules.setdefault("pysqlite3.dbapi2", sqlite3)

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "apply_passphrase",
    "check_new_passphrase",
    "check_sqlite_utils",
    "sqlite3",
    "usable_passphrase",
]

#: A new passphrase shorter than this is refused: it is all that stands between a lost laptop and the plans.
MIN_PASSPHRASE_LENGTH = 8


def normalized(passphrase: str) -> str:
    """The passphrase as the key is made from it: NFC, so "é" typed on any keyboard is the same key."""
    return unicodedata.normalize("NFC", passphrase)


def usable_passphrase(passphrase: str) -> bool:
    """Whether SQLCipher can take ``passphrase`` as a key: at least one character, no NUL (it ends C strings)."""
    return bool(passphrase) and "\x00" not in passphrase


def apply_passphrase(conn: sqlite3.Connection, passphrase: str | None) -> None:
    """Key ``conn`` with ``passphrase`` (SQLCipher's ``PRAGMA key``); ``None`` leaves it a plain SQLite file.

    Run it first on a new connection, before any statement reads the file. The key is checked only
    when the file is first read: a wrong one then fails with "file is not a database".
    """
    conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would print decryption failures to stderr
    if passphrase is None:
        return
    if not usable_passphrase(passphrase):
        raise ValueError("a passphrase is text of at least one character, without NUL characters")
    # PRAGMA takes no bound parameters: the passphrase goes in as an SQL string literal.
    conn.execute("PRAGMA key = '" + normalized(passphrase).replace("'", "''") + "'")


def check_new_passphrase(passphrase: str) -> str | None:
    """What is wrong with ``passphrase`` as a new passphrase, in the manager's words; ``None`` when it will do."""
    if "\x00" in passphrase:
        return "The passphrase cannot contain a NUL character."
    if not passphrase.strip():
        return "Type a passphrase."
    if len(normalized(passphrase)) < MIN_PASSPHRASE_LENGTH:
        return f"Use at least {MIN_PASSPHRASE_LENGTH} characters; a few words together are easy to remember."
    return None


def check_sqlite_utils() -> None:
    """Fail loudly if sqlite-utils runs on another SQLite module than pipdesk's connections."""
    import sqlite_utils.utils

    if sqlite_utils.utils.dbapi2 is not sqlite3:  # type: ignore[attr-defined]
        raise RuntimeError("sqlite-utils was imported before pipdesk.store.driver; it would not see SQLCipher errors")
