"""Every count a person reads agrees with its noun, through one helper (``vocabulary.count``): 0, 1 and 2."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from pipdesk.domain import vocabulary
from pipdesk.domain.attachments import size_text
from pipdesk.domain.outcome import _count
from pipdesk.domain.schedule import DueItem, DueKind
from pipdesk.gui.outcome.extend_dialog import extension_preview
from pipdesk.gui.timeline.texts import days
from pipdesk.gui.week.model import when_text
from pipdesk.reports.checkin_record import render
from pipdesk.reports.common import Settings
from pipdesk.reports.errors import ReportError

from conftest import ALEX, TODAY

ONE_OR_MORE = {0: "s", 1: "", 2: "s"}


def _held(book, n: int) -> str:  # type: ignore[no-untyped-def]
    plan = book.get(ALEX)
    plan = plan.model_copy(update={"checkins": plan.checkins[:n]})
    with pytest.raises(ReportError) as refused:
        render(plan, 99, Settings(employee_copy=False, printed_on=TODAY, password=None, reproducible=True))
    return str(refused.value)


PLACES: dict[str, tuple[Callable[..., str], str]] = {
    "vocabulary.count of a hyphenated noun": (lambda n: vocabulary.count(n, "check-in"), "{n} check-in{s}"),
    "timeline texts.days": (days, "{n} day{s}"),
    "outcome: part of a whole": (lambda n: _count(0, n, "check-in"), "0 of {n} check-in{s}"),
    "a file's size in bytes (attachments, leftovers)": (size_text, "{n} byte{s}"),
}


@pytest.mark.parametrize("n", [0, 1, 2])
@pytest.mark.parametrize("place", list(PLACES))
def test_a_count_agrees_with_its_noun_in_every_place(place: str, n: int) -> None:
    say, expected = PLACES[place]
    assert expected.format(n=n, s=ONE_OR_MORE[n]) in say(n)


# "Today", "Since yesterday": 0 and 1 have words of their own here, so the counts start at 2.
AHEAD = {
    "vocabulary.ago, ahead": (lambda n: vocabulary.ago(TODAY + dt.timedelta(days=n), TODAY), "in {n} day{s}"),
    "week when_text, overdue": (
        lambda n: when_text(DueItem(1, DueKind.OVERDUE, TODAY - dt.timedelta(days=n), "Alex", "Check-in"), TODAY),
        "Overdue by {n} day{s}",
    ),
}


@pytest.mark.parametrize("n", [2, 3])
@pytest.mark.parametrize("place", list(AHEAD))
def test_a_count_of_days_agrees_where_today_and_tomorrow_have_words(place: str, n: int) -> None:
    say, expected = AHEAD[place]
    assert expected.format(n=n, s="s") in say(n)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_a_missing_check_in_record_counts_the_check_ins_held(book, n: int) -> None:  # type: ignore[no-untyped-def]
    assert f"it has {n} check-in{ONE_OR_MORE[n]}." in _held(book, n)


@pytest.mark.parametrize("n", [1, 2])
def test_an_extension_preview_counts_its_days(book, n: int) -> None:  # type: ignore[no-untyped-def]
    plan = book.get(ALEX)
    text = extension_preview(plan, plan.end_date + dt.timedelta(days=n), 7)
    assert f"runs {n} day{ONE_OR_MORE[n]} longer" in text
