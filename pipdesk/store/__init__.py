"""The plan book: one SQLite file of one manager's plans, through sqlite-utils. No Qt."""

# First: sqlite-utils must find pipdesk's SQLite driver (SQLCipher) when it is first imported.
from pipdesk.store.driver import sqlite3  # noqa: F401

# isort: split
from pipdesk.store.attachments import AttachmentMissing, AttachmentTooLarge
from pipdesk.store.connection import PlanBookError, default_plan_book_path, open_database
from pipdesk.store.plan_book import PlanBook, PlanNotFound, PlanSummary

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
