"""The domain: what a plan records and the rules it keeps. Pure Python: no Qt, SQL or ReportLab.

The names below load with the module that defines them, on first use: ``from pipdesk.domain import
PipdeskError`` does not build the plan models (pydantic, ~0.1 s), which a command that reads no plan
never needs (#21).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # isort: off
    # For type checkers: the names of __all__, a few a line (one a line would repeat other modules' imports).
    from pipdesk.domain.model import Acknowledgement, Adjustment, AdjustmentDecision, Appeal, AppealResult, Attachment
    from pipdesk.domain.model import Attendee, AttendeeRole, Checkin, CheckinKind, Concern, ConcernCategory, DatedNote
    from pipdesk.domain.model import Decision, Direction, EmployeeResponse, FollowUp, HrReview, Milestone
    from pipdesk.domain.model import MilestoneKind, Objective, ObjectiveCategory, ObjectiveResult, Outcome, Pause
    from pipdesk.domain.model import Person, Plan, Progress, Rating, ResponseTo, Result, Revision, Status
    from pipdesk.domain.model import SupportAction, SupportKind

    # isort: on
    from pipdesk.domain.problems import PipdeskError, PlanInvalid, Problem, format_path
    from pipdesk.domain.rules import plan_problems

_PROBLEMS = {"PipdeskError", "PlanInvalid", "Problem", "format_path"}

__all__ = [
    "Acknowledgement",
    "Adjustment",
    "AdjustmentDecision",
    "Appeal",
    "AppealResult",
    "Attachment",
    "Attendee",
    "AttendeeRole",
    "Checkin",
    "CheckinKind",
    "Concern",
    "ConcernCategory",
    "DatedNote",
    "Decision",
    "Direction",
    "EmployeeResponse",
    "FollowUp",
    "HrReview",
    "Milestone",
    "MilestoneKind",
    "Objective",
    "ObjectiveCategory",
    "ObjectiveResult",
    "Outcome",
    "Pause",
    "Person",
    "PipdeskError",
    "Plan",
    "PlanInvalid",
    "Problem",
    "Progress",
    "Rating",
    "ResponseTo",
    "Result",
    "Revision",
    "Status",
    "SupportAction",
    "SupportKind",
    "format_path",
    "plan_problems",
]


def __getattr__(name: str) -> object:
    """A name of ``__all__``, from its module, imported now; then kept here as an ordinary attribute."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    where = "problems" if name in _PROBLEMS else "rules" if name == "plan_problems" else "model"
    value = getattr(__import__(f"{__name__}.{where}", fromlist=[name]), name)  # not importlib: -X importtime sees it
    globals()[name] = value
    return value
