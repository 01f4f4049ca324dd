"""Opening a plan stays quick with hundreds of check-ins: a tab is built when it is shown, once."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QEvent, QModelIndex, Qt, QTime
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem
from pytestqt.qtbot import QtBot

from pipdesk.domain import Checkin, Plan, Progress, Rating, vocabulary
from pipdesk.domain.markers import Lane
from pipdesk.gui.checkins import log as checkin_log
from pipdesk.gui.checkins.models import CheckinFilterProxy, CheckinLogModel, Index
from pipdesk.gui.checkins.progress_view import _x, date_of
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, SAMPLE_NAMES, TODAY, load_sample

RATINGS = (Rating.ON_TRACK, Rating.AT_RISK)
DAYS_AROUND_CLOCK_CHANGES = (dt.date(2026, 3, 29), dt.date(2026, 10, 25), dt.date(2026, 11, 23), dt.date(2027, 1, 1))


def with_checkins(plan: Plan, count: int) -> Plan:
    """``plan`` with ``count`` check-ins, one a day up to today, each rating every objective."""
    first = TODAY - dt.timedelta(days=count - 1)
    plan.start_date = min(plan.start_date, first - dt.timedelta(days=1))
    plan.checkins = [
        Checkin(
            date=first + dt.timedelta(days=n),
            notes=f"Check-in {n + 1}: went through the numbers.",
            progress=[
                Progress(objective=o.key, value=(o.baseline or 0) + n % 5, rating=RATINGS[n % 2])
                for o in plan.objectives
            ],
        )
        for n in range(count)
    ]
    return plan


@pytest.fixture
def window(qtbot: QtBot, book_path: Path) -> Iterator[MainWindow]:
    book = PlanBook.open(book_path)
    book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    many = load_sample("alex-delivery-active")
    for number, objective in enumerate(many.objectives, start=1):
        objective.key = f"goal-{number}"  # keys of its own: no chart is kept by its key
    book.add(with_checkins(many, 120))  # id 5
    window = MainWindow(book, prompter=ScriptedPrompter(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Counts the calls of ``owner.name`` made from Python (a list, one entry a call)."""
    calls: list[int] = []
    original = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_opening_a_plan_builds_only_the_tab_in_front(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tabs = window.ui.viewTabs
    tabs.setCurrentWidget(window.ui.planTab)
    window.select_plan(ALEX)
    drawn = count_calls(monkeypatch, window.timeline.canvas, "draw")
    logged = count_calls(monkeypatch, window.checkins.log.model, "set_plan")
    outcome = count_calls(monkeypatch, window.outcome, "refresh")
    window.select_plan(5)
    assert (drawn, logged, outcome) == ([], [], [])
    assert window.editor.ui.titleEdit.text() == window.book.get(5).title  # type: ignore[union-attr]
    tabs.setCurrentWidget(window.ui.timelineTab)
    tabs.setCurrentWidget(window.ui.checkinsTab)
    tabs.setCurrentWidget(window.ui.outcomeTab)
    assert (len(drawn), len(logged), len(outcome)) == (1, 1, 1)
    tabs.setCurrentWidget(window.ui.planTab)
    tabs.setCurrentWidget(window.ui.timelineTab)  # shown again, nothing changed: nothing built again
    assert len(drawn) == 1


def test_a_change_made_while_a_tab_is_hidden_shows_when_it_is_shown(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tabs = window.ui.viewTabs
    window.select_plan(ALEX)
    tabs.setCurrentWidget(window.ui.timelineTab)
    tabs.setCurrentWidget(window.ui.planTab)
    drawn = count_calls(monkeypatch, window.timeline.canvas, "draw")
    assert window.session is not None
    window.session.change("Rename", lambda plan: setattr(plan.milestones[-1], "title", "Closing review"))
    window.session.change("Rename", lambda plan: setattr(plan.milestones[-2], "title", "Last weekly"))
    assert drawn == []
    # What the view tells is up to date all the same.
    assert {"Closing review", "Last weekly"} <= {m.title for m in window.timeline.markers()}
    tabs.setCurrentWidget(window.ui.timelineTab)
    assert len(drawn) == 1
    canvas = window.timeline.canvas
    assert canvas.drawn is not None
    titles = {item.marker.title for item in canvas.drawn.items.values()}
    assert {"Closing review", "Last weekly"} <= titles


def test_a_plan_of_many_check_ins_writes_the_record_once(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    rendered = count_calls(monkeypatch, checkin_log, "render_checkin")
    window.ui.viewTabs.setCurrentWidget(window.ui.checkinsTab)
    window.select_plan(5)
    assert len(rendered) == 1
    log = window.checkins.log
    assert log.current_index() == 119  # the latest check-in
    assert "Check-in 120" in log.ui.detail.toPlainText()
    window.select_plan(ALEX)
    assert len(rendered) == 2


def test_commands_on_a_hidden_log_see_the_plan_shown(window: MainWindow) -> None:
    window.ui.viewTabs.setCurrentWidget(window.ui.planTab)
    window.select_plan(5)
    log = window.checkins.log
    assert log.current_index() == 119
    log.open_checkin(3)
    assert log.current_index() == 3


class CountingLogModel(CheckinLogModel):
    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked += 1
        return super().data(index, role)


def test_the_log_sorts_without_asking_each_row(qtbot: QtBot) -> None:
    plan = with_checkins(load_sample("alex-delivery-active"), 200)
    model = CountingLogModel()
    proxy = CheckinFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(CheckinLogModel.DATE, Qt.SortOrder.DescendingOrder)
    model.set_plan(plan)
    proxy.sort(CheckinLogModel.RATING, Qt.SortOrder.AscendingOrder)
    assert model.asked == 0  # a sorting proxy asked data() some thousands of times
    # Worst first; ties in the plan's order.
    shown = [int(proxy.index(row, 0).data(checkin_log.CHECKIN_INDEX_ROLE)) for row in range(proxy.rowCount())]
    assert shown == [n for n in range(200) if n % 2] + [n for n in range(200) if not n % 2]
    proxy.sort(CheckinLogModel.DATE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, CheckinLogModel.DATE).data() == vocabulary.short_date(TODAY)
    proxy.set_search("check-in 137:")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(checkin_log.CHECKIN_INDEX_ROLE) == 136
    assert proxy.parent(proxy.index(0, 0)) == QModelIndex()
    proxy.setSourceModel(None)
    del proxy, model


def test_sorting_the_log_by_a_header_keeps_the_selected_check_in(window: MainWindow) -> None:
    window.ui.viewTabs.setCurrentWidget(window.ui.checkinsTab)
    window.select_plan(5)
    log = window.checkins.log
    log.open_checkin(40)
    for column in (CheckinLogModel.RATING, CheckinLogModel.SUMMARY, CheckinLogModel.DATE):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            log.ui.table.sortByColumn(column, order)
            assert log.current_index() == 40


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip shown, offscreen
def test_timeline_tooltips_are_written_when_first_wanted(window: MainWindow, qtbot: QtBot) -> None:
    window.ui.viewTabs.setCurrentWidget(window.ui.timelineTab)
    window.select_plan(5)
    timeline = window.timeline
    held = [m for m in timeline.markers() if m.lane is Lane.CHECKINS][-1]
    item = timeline.canvas.marker_item(held.key)
    assert item is not None
    assert QGraphicsItem.toolTip(item) == ""  # not written for each of the 120 markers
    viewport = timeline.canvas.viewport()
    where = timeline.marker_point(held)
    event = QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where))
    QApplication.sendEvent(viewport, event)
    assert "Overall: At risk" in QGraphicsItem.toolTip(item)
    other = timeline.canvas.marker_item(next(m for m in timeline.markers() if m.lane is Lane.CHECKINS).key)
    assert other is not None and "Click to open the check-in" in other.toolTip()  # asked from Python: written too


@pytest.mark.parametrize("day", DAYS_AROUND_CLOCK_CHANGES)
def test_chart_days_are_local_noon_as_qt_reads_them(day: dt.date) -> None:
    noon = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
    assert _x(day) == float(noon.toMSecsSinceEpoch())
    assert date_of(_x(day)) == day


def test_charts_are_reused_from_plan_to_plan(window: MainWindow) -> None:
    window.ui.viewTabs.setCurrentWidget(window.ui.checkinsTab)
    window.select_plan(ALEX)
    progress = window.checkins.progress
    assert progress is not None
    before = set(map(id, progress.charts.values()))
    window.select_plan(5)  # as many objectives, other keys
    assert list(progress.charts) == ["goal-1", "goal-2", "goal-3"]
    assert set(map(id, progress.charts.values())) == before
    assert all(chart.lines for chart in progress.charts.values())


def test_the_main_window_loads_the_check_in_form_on_first_use() -> None:
    script = (
        "import json, sys\n"
        "import pipdesk.gui.shell.main_window\n"
        "print(json.dumps('pipdesk.gui.checkins.form_dialog' in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) is False
