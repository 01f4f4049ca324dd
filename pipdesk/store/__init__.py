"""The plan book: one SQLite file of one manager's plans, through sqlite-utils. No Qt."""

from pipdesk.store.connection import PlanBookError, default_plan_book_path, open_database
from pipdesk.store.plan_book import PlanBook, PlanNotFound, PlanSummary

__all__ = ["PlanBook", "PlanBookError", "PlanNotFound", "PlanSummary", "default_plan_book_path", "open_database"]
