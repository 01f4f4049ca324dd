"""How long a closed plan is kept (the retention period, or its own hold); a plan with its personal data taken out.

A closed plan is past retention once its retention period (years after the day it closed) has
run, unless the manager set the plan a date to keep it until, with a reason: then that date rules.
Anonymising keeps what statistics need (dates, statuses, the objectives' numbers, the outcome's
decision) and replaces every name, email and free text with a neutral placeholder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipdesk.domain.defaults import DEFAULT_RETENTION_YEARS as DEFAULT_RETENTION_YEARS
from pipdesk.domain.defaults import RETENTION_YEARS_RANGE as RETENTION_YEARS_RANGE
from pipdesk.domain.kinds import Status

if TYPE_CHECKING:
    from pydantic import BaseModel

    from pipdesk.domain.model import Plan

#: What free text becomes in an anonymised plan.
REMOVED = "[removed]"


@dataclass(frozen=True)
class RetentionHold:
    """A plan kept until ``keep_until`` instead of its retention period, and why."""

    keep_until: dt.date
    reason: str


def years_after(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` years on; 29 February becomes 28 February in a year that has none."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retention_ends(closed_on: dt.date, years: int, hold: RetentionHold | None = None) -> dt.date:
    """The last day the plan is kept: its hold's date when it has one, else ``years`` after it closed."""
    return hold.keep_until if hold is not None else years_after(closed_on, years)


def past_retention_since(
    status: Status, closed_on: dt.date | None, years: int, hold: RetentionHold | None, today: dt.date
) -> dt.date | None:
    """The day after the plan's retention ended, when that is today or earlier; ``None``: keep it.

    Only a closed plan is ever past retention; ``closed_on`` is the day its outcome was decided
    (a closed plan without one counts from its end date, which the caller passes instead).
    """
    if status is not Status.CLOSED or closed_on is None:
        return None
    since = retention_ends(closed_on, years, hold) + dt.timedelta(days=1)
    return since if since <= today else None


def latest_close_past_retention(years: int, today: dt.date) -> dt.date:
    """A day no later than which a plan without a hold must have closed to be past retention on ``today``
    (a little later than the exact day, never earlier): This week reads only those and the held ones."""
    return years_after(today, -years) + dt.timedelta(days=2)


def employee_initials(name: str) -> str:
    """The initials of a name ("Alex Moreno" → "A.M."), as the erasure log keeps them; "?" for no name."""
    letters = [part[0].upper() for part in re.split(r"[\s\-]+", name.strip()) if part]
    return "".join(f"{letter}." for letter in letters) or "?"


# Fields whose text is not personal: keys linking objectives, concerns and results, the field a
# revision changed, and the unit an objective's numbers are in.
_KEPT = frozenset({"key", "objective", "concern", "field", "unit"})
# Text that names an item of a list reads as a numbered placeholder: "Objective 1", "Area 2".
_NUMBERED = {("objectives", "title"): "Objective", ("milestones", "title"): "Milestone", ("concerns", "area"): "Area"}
_FIELD_PART = re.compile(r"[a-z][a-z0-9_\-]*")
_DATE_OR_NUMBER = re.compile(r"-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2}")
_ROLES = (("employee", "Employee A"), ("manager", "Manager A"), ("hr_partner", "HR partner A"))


def anonymised(plan: Plan) -> Plan:
    """The plan with every name, email and free text replaced; dates, numbers, statuses and decisions kept.

    Every attachment (of the plan, its concerns, check-ins and outcome) is removed. The employee reads
    "Employee A", the manager "Manager A", the HR partner "HR partner A"; other
    names and every free text read "[removed]"; objectives, milestones and concerns' areas are
    numbered ("Objective 1"); the plan's title reads "Anonymised plan"; empty text stays empty. A
    revision keeps its time and the field it changed (a milestone's title in its path reads
    "[removed]"); its old and new values stay only when they are a date, a number or a status.
    """
    from pipdesk.domain.model import Plan  # the plan's models load when a plan is anonymised, not with the window

    data = _clean(Plan, plan.model_dump(), "", None)
    for role, placeholder in _ROLES:
        if data[role] is not None:
            data[role]["name"] = placeholder
    data["title"] = "Anonymised plan"
    for cleaned, revision in zip(data["revisions"], plan.revisions, strict=True):
        # The field's path may name a milestone by its title ("milestones.<title>.date"): only names
        # of fields, keys and dates stay.
        cleaned["field"] = ".".join(
            part if _FIELD_PART.fullmatch(part) or _DATE_OR_NUMBER.fullmatch(part) else REMOVED
            for part in revision.field.split(".")
        )
        for key in ("old", "new"):
            value = getattr(revision, key)
            kept = value is None or _DATE_OR_NUMBER.fullmatch(value.strip()) is not None or revision.field == "status"
            cleaned[key] = value if kept else REMOVED
    return Plan.model_validate(data)


def _clean(model: type[BaseModel], data: dict[str, Any], within: str, number: int | None) -> dict[str, Any]:
    """``data`` (a dumped ``model``, item ``number`` of the list ``within``) with its text replaced."""
    result: dict[str, Any] = {}
    for key, value in data.items():
        inner = _record_type(model.model_fields[key].annotation)
        if key == "attachments":  # the files go: an anonymised plan keeps none
            result[key] = []
        elif inner is not None and isinstance(value, list):
            result[key] = [_clean(inner, item, key, position + 1) for position, item in enumerate(value)]
        elif inner is not None and isinstance(value, dict):
            result[key] = _clean(inner, value, key, None)
        elif type(value) is str and value and key not in _KEPT:  # an enum's value is a str subclass: kept
            label = _NUMBERED.get((within, key))
            result[key] = f"{label} {number}" if label is not None else REMOVED
        else:
            result[key] = value
    return result


def _record_type(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds (itself, in a list, or optional), if any."""
    from pydantic import BaseModel

    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        for inner in getattr(candidate, "__args__", ()):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None
