"""The This week view and its model: what is due across the plan book, most urgent first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pipdesk.domain.schedule import DueItem, DueKind
from pipdesk.gui.week.model import _RANK, PLAN_ID_ROLE, ThisWeekModel, grouped_rows, name_key, when_text
from pipdesk.gui.week.view import ThisWeekView
from pipdesk.store import PlanBook

from conftest import ALEX, CARL, TODAY

# TODAY is a Monday: Alex's check-in 8 is held, Carl's extended review is overdue.
BUSY_MONDAY = dt.date(2026, 12, 7)  # Alex's check-in 9 is late, 10 is today, his plan ends in two weeks


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock(TODAY)


@pytest.fixture
def view(qtbot: QtBot, clock: Clock) -> Iterator[ThisWeekView]:
    this_week = ThisWeekView(today=clock)
    qtbot.addWidget(this_week)
    this_week.resize(1000, 400)
    this_week.show()
    qtbot.waitExposed(this_week)
    yield this_week
    this_week.close()


def table_text(model: ThisWeekModel) -> list[tuple[str, ...]]:
    return [
        tuple(str(model.data(model.index(row, column)) or "") for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_on_the_frozen_monday_only_carls_missed_review_shows(view: ThisWeekView, book: PlanBook) -> None:
    view.set_book(book)
    assert table_text(view.model) == [
        ("Overdue (1)", "", "", ""),
        ("Overdue by 54 days", "Carl Nguyễn", "Final review (extended)", "Wed 30 Sep 2026"),
        ("Final review passed, outcome not recorded (1)", "", "", ""),
        ("Review was 54 days ago", "Carl Nguyễn", "Record the outcome of “Cloud platform skills”", "Wed 30 Sep 2026"),
        # Past the midpoint of Alex's plan, the support promised without a date and not given yet.
        ("Support to give (2)", "", "", ""),
        (
            "No date, past midpoint",
            "Alex Moreno",
            "Support: Estimate review every two weeks with Dana",
            "Mon 9 Nov 2026",
        ),
        (
            "No date, past midpoint",
            "Alex Moreno",
            "Support: Monthly session with a senior programme manager",
            "Mon 9 Nov 2026",
        ),
    ]
    assert view.overdue_count() == 2
    assert view.ui.headingLabel.text() == "This week · Monday 23 November 2026"
    assert view.ui.summaryLabel.text() == "4 things to act on in 2 plans, 2 of them past their date."
    assert view.ui.table.isVisible() and not view.ui.emptyLabel.isVisible()


def test_a_busier_monday_groups_by_urgency(view: ThisWeekView, book: PlanBook, clock: Clock) -> None:
    clock.day = BUSY_MONDAY
    view.set_book(book)
    rows = table_text(view.model)
    headings = [row[0] for row in rows if not row[1]]
    assert headings == [
        "Overdue (2)",
        "Today (1)",
        "Final review passed, outcome not recorded (1)",
        "Support to give (2)",
        "Plans ending within two weeks (1)",
    ]
    assert rows[1:3] == [
        ("Overdue by 68 days", "Carl Nguyễn", "Final review (extended)", "Wed 30 Sep 2026"),
        ("Overdue by 7 days", "Alex Moreno", "Weekly check-in 9", "Mon 30 Nov 2026"),
    ]
    assert rows[4] == ("Today", "Alex Moreno", "Weekly check-in 10", "Mon 7 Dec 2026")
    assert rows[-1] == ("Ends in 14 days", "Alex Moreno", "Plan ends: Delivery predictability", "Mon 21 Dec 2026")
    assert view.overdue_count() == 3
    # Drafts and closed plans have nothing due: Beth's and Dmitry's plans never show.
    assert {item.plan_id for item in view.model.items()} == {ALEX, CARL}


def test_headings_cannot_be_selected_and_rows_know_their_plan(view: ThisWeekView, book: PlanBook) -> None:
    view.set_book(book)
    model = view.model
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags
    assert view.ui.table.columnSpan(0, 0) == model.columnCount()
    assert model.flags(model.index(1, 2)) & Qt.ItemFlag.ItemIsSelectable
    assert model.data(model.index(1, 2), PLAN_ID_ROLE) == CARL


def test_double_click_or_enter_opens_the_plan(qtbot: QtBot, view: ThisWeekView, book: PlanBook, clock: Clock) -> None:
    clock.day = BUSY_MONDAY
    view.set_book(book)
    table = view.ui.table
    row = next(
        r for r, item in enumerate(view.model.rows) if isinstance(item, DueItem) and item.employee == "Alex Moreno"
    )
    rect = table.visualRect(view.model.index(row, ThisWeekModel.WHAT))
    with qtbot.waitSignal(view.plan_activated) as opened:
        # QTest's double-click is only a press and a double-click event; a person's starts with a click.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [ALEX]

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row, not its heading
    with qtbot.waitSignal(view.plan_activated) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [CARL]


def test_refresh_sees_a_check_in_logged_and_a_new_day(view: ThisWeekView, book: PlanBook, clock: Clock) -> None:
    clock.day = BUSY_MONDAY
    view.set_book(book)
    plan = book.get(ALEX)
    for milestone in plan.milestones:
        if milestone.title in ("Weekly check-in 9", "Weekly check-in 10"):
            milestone.done = True
    book.save(ALEX, plan)
    view.refresh()
    alex_items = [i.what for i in view.model.items() if i.plan_id == ALEX and i.kind is not DueKind.SUPPORT_UNDATED]
    assert alex_items == ["Delivery predictability"]
    clock.day = dt.date(2026, 12, 22)
    view.refresh()
    assert view.ui.headingLabel.text() == "This week · Tuesday 22 December 2026"
    kinds = {(i.plan_id, i.kind) for i in view.model.items()}
    assert (ALEX, DueKind.OVERDUE) in kinds and (ALEX, DueKind.OUTCOME_MISSING) in kinds


def test_without_a_plan_book_or_anything_due_it_says_so(view: ThisWeekView, book: PlanBook, clock: Clock) -> None:
    view.set_book(None)
    assert view.model.rowCount() == 0 and view.overdue_count() == 0
    assert view.ui.emptyLabel.isVisible() and not view.ui.table.isVisible()
    assert view.ui.emptyLabel.text() == "Open a plan book to see what is due."
    clock.day = dt.date(2027, 6, 1)
    for plan_id in (ALEX, CARL):
        book.delete(plan_id)
    view.set_book(book)
    assert view.ui.emptyLabel.text() == "Nothing is due or overdue this week."
    assert view.ui.summaryLabel.text() == ""


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        (DueKind.OVERDUE, TODAY - dt.timedelta(days=1), "Since yesterday"),
        (DueKind.SUPPORT_OVERDUE, TODAY - dt.timedelta(days=3), "Overdue by 3 days"),
        (DueKind.DUE_TODAY, TODAY, "Today"),
        (DueKind.DUE_THIS_WEEK, TODAY + dt.timedelta(days=1), "Tomorrow"),
        (DueKind.DUE_THIS_WEEK, TODAY + dt.timedelta(days=3), "Thursday"),
        (DueKind.ENDING_SOON, TODAY, "Ends today"),
        (DueKind.ENDING_SOON, TODAY + dt.timedelta(days=1), "Ends tomorrow"),
        (DueKind.OUTCOME_MISSING, TODAY - dt.timedelta(days=1), "Review was yesterday"),
    ],
)
def test_when_is_said_in_words(kind: DueKind, day: dt.date, expected: str) -> None:
    assert when_text(DueItem(1, kind, day, "A", "x"), TODAY) == expected


def test_groups_sort_by_date_then_employee_whatever_the_accents() -> None:
    def late(plan_id: int, days: int, name: str) -> DueItem:
        return DueItem(plan_id, DueKind.OVERDUE, TODAY - dt.timedelta(days=days), name, "x", 0)

    rows = grouped_rows([late(1, 1, "zoë"), late(2, 1, "Ángel"), late(3, 5, "Yusuf")])
    assert rows[0] == "Overdue (3)"
    assert [row.plan_id for row in rows[1:] if isinstance(row, DueItem)] == [3, 2, 1]


def test_each_group_is_in_the_order_of_date_employee_plan_and_position_on_a_generated_book(tmp_path: Path) -> None:
    """The groups are sorted key by key (stable sorts): the same order as one sort by the whole key, in every
    group of a generated book's items (one employee with several plans, one plan with several items a day)."""
    from pipdesk.services.samples import add_generated_plans

    with PlanBook.open(tmp_path / "plans.pipdesk") as book:
        add_generated_plans(book, 300, seed=5, today=TODAY)
        checked = 0
        for week in range(-4, 8):
            today = TODAY + dt.timedelta(days=7 * week + week % 7)
            items = [*book.due_items(today), *book.past_retention_items(1, today)]
            rows = grouped_rows(list(reversed(items)))  # whatever order they come in
            headings = [number for number, row in enumerate(rows) if isinstance(row, str)]
            for start, end in zip(headings, [*headings[1:], len(rows)], strict=True):
                group = rows[start + 1 : end]
                assert rows[start].endswith(f" ({len(group)})")
                key = lambda item: (item.date, name_key(item.employee), item.plan_id, item.index or 0)  # noqa: E731
                assert group == sorted(group, key=key), (today, rows[start])
                assert len({_RANK[item.kind] for item in group}) == 1
                checked += len(group)
            assert sorted(row for row in rows if not isinstance(row, str)) == sorted(items)
        assert checked > 2000
