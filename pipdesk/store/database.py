"""The plan book's connection as the store uses it: ``execute``, ``query``, ``atomic`` and ``close``.

These four are sqlite-utils' ``Database`` calls, with its behaviour, written here so that opening a
plan book (the window's first screen, ``pipdesk list``) does not load sqlite-utils, which takes
longer to import (its plugins, click, dateutil) than the plan list takes to read. Anything else of
sqlite-utils' ``Database`` (its table API; the migrations use it) is its own, made from the same
connection on first use. Connections are opened in autocommit mode (``isolation_level=None``), so a
statement outside :meth:`Database.atomic` is committed as it runs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pipdesk.store.driver import check_sqlite_utils, sqlite3

if TYPE_CHECKING:
    import sqlite_utils

Parameters = Sequence[Any] | dict[str, Any] | None


class Database:
    """A plan book connection with sqlite-utils' ``execute``, ``query`` and ``atomic``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        #: Called with each statement and its parameters before it runs (the query counts of the tests).
        self._tracer: Callable[[str, Parameters], None] | None = None
        self._full: sqlite_utils.Database | None = None
        conn.execute("PRAGMA recursive_triggers=on;")  # as sqlite-utils sets it

    def execute(self, sql: str, parameters: Parameters = None) -> sqlite3.Cursor:
        if self._tracer:
            self._tracer(sql, parameters)
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Parameters = None) -> Iterator[dict[str, Any]]:
        """The rows of a ``SELECT``, each a dict of its columns."""
        cursor = self.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction; nested, a savepoint. Rolled back whole on an error."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"pipdesk_{os.urandom(8).hex()}"
            conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # an error may have ended the transaction already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    def full(self) -> sqlite_utils.Database:
        """sqlite-utils' own ``Database`` on this connection (the migrations', the table API), made once."""
        if self._full is None:
            check_sqlite_utils()
            import sqlite_utils

            self._full = sqlite_utils.Database(self.conn, recursive_triggers=False)
        return self._full

    def __getattr__(self, name: str) -> Any:
        return getattr(self.full(), name)

    def __getitem__(self, name: str) -> Any:
        return self.full()[name]
