"""The plan book: one SQLite file of one manager's plans, through sqlite-utils. No Qt.

The names below load with their module on first use, so ``pipdesk.store.driver`` alone (the
passphrase rules the command line's help quotes) costs no more than the driver (#21).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# First: sqlite-utils must find pipdesk's SQLite driver (SQLCipher) when it is first imported.
from pipdesk.store.driver import sqlite3  # noqa: F401

if TYPE_CHECKING:
    from pipdesk.store.attachments import AttachmentMissing, AttachmentTooLarge
    from pipdesk.store.connection import PlanBookError, default_plan_book_path, open_database
    from pipdesk.store.plan_book import PlanBook, PlanNotFound, PlanSummary

_HOMES = {
    "AttachmentMissing": "attachments",
    "AttachmentTooLarge": "attachments",
    "PlanBookError": "connection",
    "default_plan_book_path": "connection",
    "open_database": "connection",
    "PlanBook": "plan_book",
    "PlanNotFound": "plan_book",
    "PlanSummary": "plan_book",
}

__all__ = [
    "AttachmentMissing",
    "AttachmentTooLarge",
    "PlanBook",
    "PlanBookError",
    "PlanNotFound",
    "PlanSummary",
    "default_plan_book_path",
    "open_database",
]


def __getattr__(name: str) -> object:
    """A name of ``__all__``, from its module, imported now; then kept here as an ordinary attribute."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{_HOMES[name]}", fromlist=[name]), name)  # -X importtime sees it
    globals()[name] = value
    return value
