"""The plan book: one SQLite file of one manager's plans, through sqlite-utils. No Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# First: sqlite-utils must find pipdesk's SQLite driver (SQLCipher) when it is first imported.
from pipdesk.store.driver import sqlite3  # noqa: F401

# isort: split
from pipdesk.store.connection import PlanBookError, default_plan_book_path, open_database
from pipdesk.store.plan_book import PlanBook, PlanNotFound, PlanSummary

if TYPE_CHECKING:
    from pipdesk.store.attachments import AttachmentMissing, AttachmentTooLarge

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


def __getattr__(name: str) -> Any:
    # The attached files' module loads the plan's models: only when one of its names is first wanted.
    if name in ("AttachmentMissing", "AttachmentTooLarge"):
        from pipdesk.store import attachments

        return getattr(attachments, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
