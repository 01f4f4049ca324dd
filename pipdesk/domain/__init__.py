"""The domain: what a plan records and the rules it keeps. Pure Python: no Qt, SQL or ReportLab.

The names below load on first use (PEP 562), so importing one small module of the domain (its kinds,
its vocabulary) does not build the plan's pydantic models: the window's first screen and the light
commands of the command line start without them (docs/performance.md).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pipdesk.domain import kinds

if TYPE_CHECKING:
    from pipdesk.domain.model import (
        Acknowledgement,
        Adjustment,
        AdjustmentDecision,
        Appeal,
        AppealResult,
        Attachment,
        Attendee,
        AttendeeRole,
        Checkin,
        CheckinKind,
        Concern,
        ConcernCategory,
        DatedNote,
        Decision,
        Direction,
        EmployeeResponse,
        FollowUp,
        HrReview,
        Milestone,
        MilestoneKind,
        Objective,
        ObjectiveCategory,
        ObjectiveResult,
        Outcome,
        Pause,
        Person,
        Plan,
        Progress,
        Rating,
        ResponseTo,
        Result,
        Revision,
        Status,
        SupportAction,
        SupportKind,
    )
    from pipdesk.domain.problems import PipdeskError, PlanInvalid, Problem, format_path
    from pipdesk.domain.rules import plan_problems

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


_HOMES = {"PipdeskError": "problems", "PlanInvalid": "problems", "Problem": "problems", "format_path": "problems"}
_HOMES["plan_problems"] = "rules"
_HOMES.update(dict.fromkeys(kinds.__all__, "kinds"))  # plain enums: no pydantic


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES.get(name, 'model')}"), name)
    globals()[name] = value
    return value
