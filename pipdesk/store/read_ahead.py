"""What the window's first screen shows, read on a worker thread while the window is being made.

At launch the window spends ~75 ms in Python (its modules, the theme, its widgets) before it reads the
plan list and This week; on a plan book of 10,000 plans those reads spend ~40 ms more in SQLite, most of
it reading pages the process has not read yet. :class:`ReadAhead` does them at the same time, on a
second connection on a thread of its own: each read is one statement that SQLite answers as one row of
JSON (``json_group_array``), so the thread holds Python's lock only to start it and to take the text,
never while SQLite reads (a query read row by row there would wait for the lock at every row while the
window's thread runs). The plan book takes each answer once, on the window's thread, only for the very
reads asked for (the same day and retention) and only if nothing changed the book since the read began;
otherwise, and on any failure here (a damaged page, text that is not UTF-8), it reads as always, so what
it says of the book is what it would have said. Plan books that are not encrypted only: a second
connection to an encrypted one would derive its key again (~0.1 s).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipdesk.store import due
from pipdesk.store.driver import apply_passphrase, sqlite3


def as_json(query: str, columns: Sequence[str], order: str | None = None) -> str:
    """``query``'s rows as one JSON text: a list of lists of ``columns``, in ``order`` if given."""
    ordered = f" ORDER BY {order}" if order else ""
    return f"(SELECT json_group_array(json_array({', '.join(columns)}){ordered}) FROM ({query}))"


class ReadAhead:
    """The plan list, This week's items on ``today`` and the plans past ``years`` of retention, being read."""

    def __init__(
        self,
        path: Path,
        today: dt.date,
        years: int,
        mark: object,
        summaries: str,
        columns: Sequence[str],
        order: str,
    ) -> None:
        """``summaries``: the plan list's query, of ``columns``, in ``order``; ``mark``: the plan book's change
        mark now."""
        self.mark = mark
        self._asked: dict[str, tuple[object, ...]] = {"summaries": (), "due": (today,), "retention": (years, today)}
        self._texts: dict[str, str] = {}
        parameters = {**due.due_parameters(today), **due.retention_parameters(years, today)}
        statement = (
            f"SELECT {as_json(summaries, columns, order)}, {as_json(due.DUE_ITEMS, due.DUE_COLUMNS)},"
            f" {as_json(due.PAST_RETENTION, due.RETENTION_COLUMNS)}"
        )
        self._thread = threading.Thread(
            target=self._read, args=(path, statement, parameters), name="pipdesk-read-ahead", daemon=True
        )
        self._thread.start()

    def _read(self, path: Path, statement: str, parameters: dict[str, str]) -> None:
        try:
            conn = sqlite3.connect(str(path))
            try:
                apply_passphrase(conn, None)
                conn.execute("PRAGMA query_only = ON")
                row = conn.execute(statement, parameters).fetchone()
            finally:
                conn.close()
            self._texts = dict(zip(("summaries", "due", "retention"), row, strict=True))
        except Exception:  # the plan book reads it itself, and says what is wrong
            self._texts = {}

    def take(self, what: str, asked: tuple[object, ...], mark: object) -> list[list[Any]] | None:
        """The rows of ``what`` ("summaries", "due", "retention") if read for ``asked`` and nothing changed the plan
        book since (``mark``), else None; each is taken once."""
        self._thread.join()
        text = self._texts.pop(what, None)
        if text is None or asked != self._asked[what] or mark != self.mark:
            return None
        try:
            rows = json.loads(text)
        except ValueError:
            return None
        return rows if isinstance(rows, list) else None

    def done(self) -> bool:
        """Whether every answer has been taken (or could not be read)."""
        return not self._thread.is_alive() and not self._texts
