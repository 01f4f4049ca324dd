"""This week lists closed plans past retention, from one query of the closed plans, never loading a plan."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pipdesk.domain.schedule import DueKind
from pipdesk.gui.week.view import ThisWeekView
from pipdesk.store import PlanBook
from pipdesk.store.erasure import anonymise_plan

from conftest import BETH

DAY_AFTER = dt.date(2029, 5, 26)  # Beth's plan closed on 25 May 2026: kept 3 years, until 25 May 2029


def _retention_rows(view: ThisWeekView) -> list[tuple[str, str, str]]:
    model = view.model
    return [
        (model.data(model.index(row, 0)), model.data(model.index(row, 1)), model.data(model.index(row, 2)))
        for row in range(model.rowCount())
        if (item := model.item_at(row)) is not None and item.kind is DueKind.PAST_RETENTION
    ]


def test_a_closed_plan_is_listed_the_day_after_its_retention_ends_without_loading_any_plan(
    qtbot: QtBot, book: PlanBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = [DAY_AFTER - dt.timedelta(days=1)]
    years = [3]
    monkeypatch.setattr(PlanBook, "get", lambda *_: pytest.fail("This week loaded a whole plan"))
    view = ThisWeekView(lambda: day[0], retention_years=lambda: years[0])
    qtbot.addWidget(view)
    view.set_book(book)
    assert _retention_rows(view) == []

    day[0] = DAY_AFTER
    view.refresh()
    assert _retention_rows(view) == [
        ("Since 26 May 2029", "Beth Ikeda-Łukasiewicz", "Past retention: erase or anonymise “Customer communication”")
    ]
    row = next(r for r in range(view.model.rowCount()) if (i := view.model.item_at(r)) and i.plan_id == BETH)
    # A reminder, not a meeting past its date: not in the alert colour, not counted as overdue.
    assert view.model.data(view.model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is None

    years[0] = 4  # Preferences changed: read again
    view.refresh()
    assert _retention_rows(view) == []


def test_an_anonymised_plan_is_never_listed_again(qtbot: QtBot, book: PlanBook) -> None:
    anonymise_plan(book, BETH, "Statistics")
    view = ThisWeekView(lambda: DAY_AFTER, retention_years=lambda: 3)
    qtbot.addWidget(view)
    view.set_book(book)
    assert _retention_rows(view) == []
