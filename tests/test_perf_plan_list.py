"""The plan list stays quick on a large plan book: a keystroke is one pass of Python, never a call a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from pipdesk.domain import Status
from pipdesk.gui.plans.model import PLAN_ID_ROLE, Index, PlanFilterProxy, PlanListModel
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanSummary

from conftest import TODAY

NAMES = ("Alex Moreno", "Beth Ikeda", "Carl Nguyễn", "Dmitry Иванов", "Eleni Παπαδοπούλου", "Fang 王")
STATUSES = (Status.DRAFT, Status.ACTIVE, Status.EXTENDED, Status.CLOSED)


def summaries(count: int) -> list[PlanSummary]:
    """``count`` plans in plan-book order (by employee), with every status and a title each."""
    plans = [
        PlanSummary(
            id=n + 1,
            title=f"Plan {n} {'punctuality' if n % 3 == 0 else 'delivery'}",
            status=STATUSES[n % len(STATUSES)],
            employee=f"{NAMES[n % len(NAMES)]} {n:05d}",
            start_date=TODAY - dt.timedelta(days=n % 90),
            end_date=TODAY + dt.timedelta(days=n % 60 - 20),
            next_checkin=TODAY + dt.timedelta(days=n % 11 - 5) if n % 4 else None,
            updated_at="2026-11-01T00:00:00Z",
        )
        for n in range(count)
    ]
    return sorted(plans, key=lambda plan: plan.employee.casefold())


def shown_ids(proxy: PlanFilterProxy) -> list[int]:
    return [int(proxy.index(row, 0).data(PLAN_ID_ROLE)) for row in range(proxy.rowCount())]


def expected_ids(model: PlanListModel, words: str = "", status: Status | None = None) -> list[int]:
    folded = words.casefold().split()
    return [
        row.id
        for row in model.rows
        if (status is None or row.status is status)
        and all(word in f"{row.employee} {row.title}".casefold() for word in folded)
    ]


class CountingModel(PlanListModel):
    """Counts what Qt asks of the model, from C++, a call into Python each."""

    def __init__(self, calls: dict[str, int]) -> None:
        super().__init__(today=lambda: TODAY)
        self.calls = calls

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.calls["model.data"] = self.calls.get("model.data", 0) + 1
        return super().data(index, role)

    def cell(self, row: PlanSummary, column: int, role: int) -> Any:
        self.calls["cell"] = self.calls.get("cell", 0) + 1
        return super().cell(row, column, role)


class CountingProxy(PlanFilterProxy):
    def __init__(self, calls: dict[str, int]) -> None:
        super().__init__()
        self.calls = calls

    def _count(self, name: str) -> None:
        self.calls[name] = self.calls.get(name, 0) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self._count("data")
        return super().data(index, role)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        self._count("index")
        return super().index(row, column, parent)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        self._count("mapToSource")
        return super().mapToSource(proxy_index)

    def flags(self, index: Index) -> Qt.ItemFlag:
        self._count("flags")
        return super().flags(index)


@pytest.fixture
def listed(qtbot: QtBot) -> Iterator[tuple[PlanListModel, PlanFilterProxy]]:
    owner = QTableView()  # owns the models, so they go with it
    qtbot.addWidget(owner)
    model = PlanListModel(today=lambda: TODAY, parent=owner)
    proxy = PlanFilterProxy(owner)
    proxy.setSourceModel(model)
    model.set_rows(summaries(3000))
    yield model, proxy


def test_a_keystroke_calls_no_python_per_plan(qtbot: QtBot) -> None:
    calls: dict[str, int] = {}
    view = QTableView()
    qtbot.addWidget(view)
    model = CountingModel(calls)
    proxy = CountingProxy(calls)
    model.setParent(view)
    proxy.setParent(view)
    proxy.setSourceModel(model)
    model.set_rows(summaries(3000))
    view.setModel(proxy)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    searches = ("a", "al", "ale", "alex", "alex 0", "")
    calls.clear()
    for text in searches:
        proxy.set_search(text)
        qtbot.wait(1)  # the view lays out and paints what it shows
    # Only the cells the view paints (a dozen rows, a few roles each) are asked for; 3,000 plans are
    # not (a QSortFilterProxyModel called Python once a plan, every keystroke).
    from_cpp = sum(count for name, count in calls.items() if name != "cell")
    assert 0 < from_cpp / len(searches) < 3000 / 4, calls
    # The proxy asks the model straight, with no source index made for it, and only for roles it answers.
    assert 0 < calls["cell"] < calls["data"]
    assert calls.get("model.data", 0) == 0


def test_search_and_status_filter_like_before(listed: tuple[PlanListModel, PlanFilterProxy]) -> None:
    model, proxy = listed
    for words in ("", "moreno", "MORENO 001", "иванов", "ΠΑΠΑ", "王", "punctuality", "nobody at all"):
        proxy.set_search(words)
        assert shown_ids(proxy) == expected_ids(model, words), words
    proxy.set_search("delivery")
    proxy.set_status(Status.CLOSED)
    assert shown_ids(proxy) == expected_ids(model, "delivery", Status.CLOSED)
    proxy.set_status("active")  # as the status combo box hands it back
    assert shown_ids(proxy) == expected_ids(model, "delivery", Status.ACTIVE)
    proxy.set_search("")
    proxy.set_status(None)
    assert shown_ids(proxy) == [row.id for row in model.rows]


def test_typing_narrows_and_deleting_widens_again(listed: tuple[PlanListModel, PlanFilterProxy]) -> None:
    model, proxy = listed
    for words in ("b", "be", "bet", "beth 0", "beth 01", "beth 0", "beth", "be", "b", "beth punct", "punct beth", ""):
        proxy.set_search(words)
        assert shown_ids(proxy) == expected_ids(model, words), words


def test_sorting_keeps_the_filter_and_the_source_mapping(listed: tuple[PlanListModel, PlanFilterProxy]) -> None:
    model, proxy = listed
    proxy.set_search("carl")
    proxy.sort(PlanListModel.DAYS_LEFT, Qt.SortOrder.DescendingOrder)
    assert shown_ids(proxy) == expected_ids(model, "carl")
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 2)
        source = proxy.mapToSource(index)
        assert proxy.mapFromSource(source) == index
        assert source.data() == index.data()
    hidden = model.row_of(next(row.id for row in model.rows if "carl" not in row.employee.casefold()))
    assert not proxy.mapFromSource(model.index(hidden, 0)).isValid()
    assert not proxy.index(proxy.rowCount(), 0).isValid()
    assert proxy.rowCount(proxy.index(0, 0)) == 0 and proxy.parent(proxy.index(0, 0)) == QModelIndex()


def selected_plan(window: MainWindow) -> int | None:
    current = window.ui.planTable.currentIndex()
    return int(current.data(PLAN_ID_ROLE)) if current.isValid() else None


def test_the_selected_plan_stays_selected_while_the_search_shows_it(window: MainWindow) -> None:
    window.select_plan(3)  # Carl Nguyễn
    assert window.session is not None
    session = window.session
    window.ui.searchEdit.setText("c")
    assert selected_plan(window) == 3 and window.session is session
    window.ui.searchEdit.setText("carl")
    assert window.proxy.rowCount() == 1 and selected_plan(window) == 3


def test_a_search_that_hides_the_open_plan_opens_no_other_plan(window: MainWindow) -> None:
    window.select_plan(3)
    session = window.session
    window.ui.searchEdit.setText("beth")
    assert window.proxy.rowCount() == 1
    assert window.session is session and selected_plan(window) is None
    window.ui.searchEdit.setText("")  # shown again: selected again
    assert window.session is session and selected_plan(window) == 3


def test_sorting_by_a_header_keeps_the_selected_plan(window: MainWindow) -> None:
    window.select_plan(2)
    for column in (PlanListModel.DAYS_LEFT, PlanListModel.TITLE, PlanListModel.STATUS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            window.ui.planTable.sortByColumn(column, order)
            assert selected_plan(window) == 2


def test_the_search_also_finds_words_of_the_plans_summary_and_concerns(window: MainWindow) -> None:
    assert window.book is not None
    found = {s.id for s in window.book.summaries() if "tone" in s.search_text.casefold()}
    assert found  # a word only in a plan's summary or concerns, never in its employee or title
    window.ui.searchEdit.setText("tone")
    assert set(shown_ids(window.proxy)) == found


def test_a_search_that_matches_nothing_says_so(window: MainWindow) -> None:
    window.ui.searchEdit.setText("zzzz nobody")
    assert window.proxy.rowCount() == 0
    assert window.ui.noMatchLabel.isVisible()
    assert window.ui.noMatchLabel.text() == "No plan matches “zzzz nobody”"
    window.ui.searchEdit.clear()
    assert not window.ui.noMatchLabel.isVisible()


def test_the_right_pane_says_when_the_filter_hides_the_plan_shown(window: MainWindow) -> None:
    window.select_plan(1)
    assert "hidden" not in window.ui.planHeading.text().casefold()
    window.ui.searchEdit.setText("Nguyễn")
    assert window.ui.planHeading.text().startswith("Hidden by the search")
    window.ui.searchEdit.clear()
    assert "hidden" not in window.ui.planHeading.text().casefold()
