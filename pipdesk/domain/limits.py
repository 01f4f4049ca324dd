"""The bounds of a sane plan: its dates, its length, how many items a list holds and how long a text is.

They are far beyond any real plan, and exist so that absurd input (a date in year 1, a million
check-ins, a pasted book) is refused with its place named instead of crashing a view or taking
minutes. docs/plan-format.md publishes every value here; the plan file reader checks the lists and
texts on the raw JSON before building anything, and :func:`limit_problems` checks a plan however it
was made (imported, edited, read from a plan book).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import cache
from typing import get_args

from pydantic import (
    AwareDatetime,
    BaseModel,
    FutureDate,
    FutureDatetime,
    NaiveDatetime,
    PastDate,
    PastDatetime,
)

from pipdesk.domain.model import Plan
from pipdesk.domain.problems import PathPart, Problem

#: Every date and date-time of a plan lies in these years. Evidence and prior discussions may
#: predate a plan by years, but nobody employed today was coached before 1900; 2199 leaves room for
#: any plan while keeping date arithmetic (a day after, a week's padding, a time zone) far from
#: Python's year-9999 edge, and the timeline's width bounded.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2199, 12, 31)

#: The longest plan period, start to end: three years. A plan runs 30 to 90 days, extended perhaps
#: to six months; at this length even a daily cadence schedules fewer milestones than allowed.
MAX_PLAN_DAYS = 1096

#: A text of these fields is a name or a title: it fits on a line or two of a page.
MAX_SHORT_TEXT = 1_000
#: Any other text (notes, descriptions, comments): some 300 printed pages.
MAX_TEXT = 1_000_000

#: At most this many items in each list, by the list's JSON key (a check-in's ``concerns`` is text,
#: not a list, so the key names one list wherever it appears).
MAX_ITEMS: dict[str, int] = {
    "prior_discussions": 200,
    "concerns": 50,
    "evidence": 200,
    "objectives": 50,
    "support": 100,
    "milestones": 1_000,
    "checkins": 1_000,
    "progress": 50,
    "revisions": 10_000,
    "results": 50,
    "adjustments": 100,
    "pauses": 100,
    "responses": 100,
    "reacknowledgements": 100,
    "attendance": 50,
    "attachments": 100,
}

#: The fields, by JSON key, whose text is short (``MAX_SHORT_TEXT``); every other text is long.
SHORT_TEXT_KEYS = frozenset(
    {
        "title",
        "name",
        "job_title",
        "department",
        "email",
        "key",
        "area",
        "concern",
        "objective",
        "metric",
        "unit",
        "owner",
        "attendees",
        "witness",
        "field",
        "requested_by",
        "reviewed_by",
        "heard_by",
        "media_type",
        "sha256",
    }
)


def text_limit(key: PathPart) -> int:
    """How many characters the text at ``key`` may hold."""
    return MAX_SHORT_TEXT if key in SHORT_TEXT_KEYS else MAX_TEXT


def too_many(key: str, count: int) -> str:
    return f"This list holds {count:,} items; pipdesk reads at most {MAX_ITEMS[key]:,} {key.replace('_', ' ')}"


def too_long(key: PathPart, length: int) -> str:
    return f"This text is {length:,} characters long; pipdesk keeps at most {text_limit(key):,} here"


def date_out_of_range(day: dt.date) -> str | None:
    """Why ``day`` is refused, or None when it lies in the years a plan may use."""
    if FIRST_DATE <= day <= LAST_DATE:
        return None
    return f"The date {day.isoformat()} is outside the years pipdesk accepts, {FIRST_DATE.year} to {LAST_DATE.year}"


def limit_problems(plan: Plan, at: Sequence[PathPart] = ("plan",)) -> list[Problem]:
    """Every date out of range, list too long and text too long in ``plan``, in document order."""
    problems = list(_walk(plan, tuple(at)))
    start, end = plan.start_date, plan.end_date
    in_range = date_out_of_range(start) is None and date_out_of_range(end) is None
    if in_range and (end - start).days > MAX_PLAN_DAYS:
        problems.append(
            Problem(
                (*at, "end_date"),
                f"The plan runs {(end - start).days:,} days, from {start.isoformat()} to {end.isoformat()}; "
                f"a plan may run at most {MAX_PLAN_DAYS:,} days (three years)",
            )
        )
    return problems


def date_problems(plan: Plan, at: Sequence[PathPart] = ("plan",)) -> list[Problem]:
    """Every date of ``plan`` outside the years allowed: a plan book written by an older pipdesk may
    hold one, and a view that cannot draw it shows these instead. Only the fields that can hold a date
    are looked at (a check-in's progress holds none): the timeline asks this of every plan it draws."""
    return list(_walk_dates(plan, tuple(at)))


def _walk_dates(record: BaseModel, at: tuple[PathPart, ...]) -> Iterator[Problem]:
    for key in _dated_fields(type(record)):
        value = getattr(record, key)
        if isinstance(value, dt.date):  # a datetime is a date too
            yield from _date_problem(value, (*at, key))
        elif isinstance(value, BaseModel):
            yield from _walk_dates(value, (*at, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk_dates(item, (*at, key, i))


def _date_problem(value: dt.date, here: tuple[PathPart, ...]) -> Iterator[Problem]:
    """The problem of a date (or date-time, by its day) outside the years allowed, if it is."""
    reason = date_out_of_range(value.date() if isinstance(value, dt.datetime) else value)
    if reason is not None:
        yield Problem(here, reason)


#: What a field holding a date or date-time is annotated with: pydantic's own kinds are classes of their own.
_DATE_TYPES = (dt.date, AwareDatetime, NaiveDatetime, PastDate, FutureDate, PastDatetime, FutureDatetime)


@cache
def _dated_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model``, in order, whose annotation names a date or date-time, or a record (or a list
    of them) with such a field somewhere inside."""
    return tuple(
        key
        for key, field in model.model_fields.items()
        if any(
            issubclass(kind, _DATE_TYPES) or (issubclass(kind, BaseModel) and _dated_fields(kind))
            for kind in _named_types(field.annotation)
        )
    )


def _named_types(annotation: object) -> Iterator[type]:
    """The classes an annotation names: ``list[Checkin] | None`` names list, Checkin and NoneType."""
    if isinstance(annotation, type):
        yield annotation
    for argument in get_args(annotation):
        yield from _named_types(argument)


def _walk(record: BaseModel, at: tuple[PathPart, ...]) -> Iterator[Problem]:
    for key in type(record).model_fields:
        value = getattr(record, key)
        here = (*at, key)
        if isinstance(value, str):
            if len(value) > text_limit(key):
                yield Problem(here, too_long(key, len(value)))
        elif isinstance(value, dt.date):  # a datetime is a date too
            yield from _date_problem(value, here)
        elif isinstance(value, BaseModel):
            yield from _walk(value, here)
        elif isinstance(value, list):
            if key in MAX_ITEMS and len(value) > MAX_ITEMS[key]:
                yield Problem(here, too_many(key, len(value)))
                continue
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, (*here, i))
