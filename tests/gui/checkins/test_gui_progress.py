"""The progress charts and the plan summary: what is drawn and said comes from the domain's numbers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pipdesk.domain import Checkin, Progress
from pipdesk.domain.progress import ObjectiveStatus, series
from pipdesk.gui.checkins.log import CheckinsTab
from pipdesk.gui.checkins.progress_view import BASELINE, DUE, MEASURED, PROJECTION, TARGET, ProgressView, date_of
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.store import PlanBook

from conftest import ALEX, CARL, DMITRY, TODAY

DUE_DATE = dt.date(2026, 12, 21)


@pytest.fixture
def show_plan(qtbot: QtBot, book: PlanBook) -> Callable[[int], ProgressView]:
    def show(plan_id: int) -> ProgressView:
        view = ProgressView(lambda: TODAY)
        qtbot.addWidget(view)
        view.resize(1300, 800)
        view.set_plan(book.get(plan_id))
        view.show()
        qtbot.waitExposed(view)
        return view

    return show


def drawn(line: QLineSeries) -> list[tuple[dt.date, float]]:
    return [(date_of(point.x()), round(point.y(), 6)) for point in line.points()]


def test_the_chart_draws_the_measured_values_against_baseline_target_and_due_date(
    show_plan: Callable[[int], ProgressView], book: PlanBook
) -> None:
    view = show_plan(ALEX)
    chart = view.charts["on-time"]
    lines = chart.lines
    assert set(lines) == {MEASURED, BASELINE, TARGET, DUE, PROJECTION}
    assert {s.name() for s in chart.chart.series()} == {
        "Measured",
        "Baseline 55%",
        "Target 90%",
        "Due Dec 21",
        "Projected 93.8%",
    }
    assert drawn(lines[MEASURED]) == series(book.get(ALEX), "on-time")
    assert lines[MEASURED].pointsVisible()
    assert {value for _, value in drawn(lines[BASELINE])} == {55}
    assert {value for _, value in drawn(lines[TARGET])} == {90}
    due = drawn(lines[DUE])
    assert {day for day, _ in due} == {DUE_DATE}, "the due date is a vertical line"
    low, high = (value for _, value in due)
    assert low <= 55 and high >= 93.8, "from the bottom of the chart to its top"
    trend = drawn(lines[PROJECTION])
    assert [day for day, _ in trend] == [dt.date(2026, 11, 23), DUE_DATE]
    assert trend[-1][1] == pytest.approx(93.8)
    assert lines[PROJECTION].pen().style() == Qt.PenStyle.DashLine


def test_verdicts_read_each_objective_in_its_own_direction(show_plan: Callable[[int], ProgressView]) -> None:
    view = show_plan(ALEX)
    verdicts = {key: chart.verdict.text() for key, chart in view.charts.items()}
    assert verdicts == {
        "on-time": "On track: projected 93.8% by 21 Dec 2026, target 90%",
        "status-reports": "Met: 0 reports on 23 Nov 2026, target at most 0 reports",
        "estimates": "On track: projected 16.6% by 21 Dec 2026, target at most 20%",
    }
    assert view.charts["estimates"].lines[TARGET].name() == "Target at most 20%"
    estimate_trend = drawn(view.charts["estimates"].lines[PROJECTION])
    assert estimate_trend[0][1] > estimate_trend[-1][1], "lower is better: the trend falls toward the target"
    assert view.statuses == {
        "on-time": ObjectiveStatus.ON_TRACK,
        "status-reports": ObjectiveStatus.MET,
        "estimates": ObjectiveStatus.ON_TRACK,
    }


def test_the_summary_counts_objectives_check_ins_and_support(show_plan: Callable[[int], ProgressView]) -> None:
    view = show_plan(ALEX)
    assert view.heading.text() == "Progress as of 23 November 2026"
    assert view.objectives_summary.text() == (
        "Objectives: 1 met · 2 on track · 0 at risk · 0 off track · 0 no data yet"
    )
    assert view.delivery_summary.text() == (
        "Check-ins held: 8 of 8 scheduled so far   ·   Support: 2 of 4 actions done"
    )


def test_past_the_due_date_only_the_last_value_is_judged(show_plan: Callable[[int], ProgressView]) -> None:
    view = show_plan(CARL)
    assert view.charts["ttr"].verdict.text() == (
        "At risk: 9 hours on 31 Aug 2026, due date 30 Sep 2026 passed, target at most 8 hours"
    )
    assert view.objectives_summary.text().startswith("Objectives: 1 met · 0 on track · 2 at risk")


def test_an_objective_without_baseline_and_target_has_no_data_and_no_reference_lines(
    show_plan: Callable[[int], ProgressView],
) -> None:
    view = show_plan(DMITRY)
    chart = view.charts["punctual"]
    assert chart.verdict.text() == "No data yet: the objective needs a baseline and a target to be judged"
    assert set(chart.lines) <= {MEASURED, DUE}
    assert chart.lines[MEASURED].count() == 0


def test_an_off_track_trend_says_so(show_plan: Callable[[int], ProgressView], book: PlanBook) -> None:
    view = show_plan(ALEX)
    plan = book.get(ALEX)
    plan.checkins.append(Checkin(date=dt.date(2026, 11, 30), progress=[Progress(objective="on-time", value=60)]))
    view.set_plan(plan)
    assert view.charts["on-time"].verdict.text().startswith("Off track: projected ")
    assert view.objectives_summary.text().startswith("Objectives: 1 met · 1 on track · 0 at risk · 1 off track")


def test_the_charts_are_made_when_the_tab_is_first_shown_and_follow_new_check_ins(qtbot: QtBot, book: PlanBook) -> None:
    tab = CheckinsTab(ScriptedPrompter(), lambda: TODAY)
    qtbot.addWidget(tab)
    session = PlanSession(book, ALEX, tab)
    tab.set_session(session)
    assert tab.progress is None
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.progress is not None
    assert len(tab.progress.charts["on-time"].lines[MEASURED].points()) == 8

    session.change(
        "Log check-in",
        lambda plan: plan.checkins.append(
            Checkin(date=dt.date(2026, 11, 30), progress=[Progress(objective="on-time", value=91)])
        ),
    )
    assert len(tab.progress.charts["on-time"].lines[MEASURED].points()) == 9
    assert tab.progress.charts["on-time"].verdict.text() == "Met: 91% on 30 Nov 2026, target 90%"


def test_the_check_in_log_does_not_load_qtcharts_until_the_charts_are_shown() -> None:
    code = (
        "import sys, pipdesk.gui.checkins.log, pipdesk.gui.checkins.form_dialog;"
        "assert 'PySide6.QtCharts' not in sys.modules, 'QtCharts loaded at import'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_summary_never_says_held_and_none_at_once() -> None:
    """A check-in logged for a day after today (before the form refused them) is named, not lost."""
    from pipdesk.domain.progress import plan_summary
    from pipdesk.gui.checkins.progress_view import summary_lines

    from conftest import load_sample

    plan = load_sample("dmitry-punctuality-draft")
    plan.checkins = [Checkin(date=plan.start_date + dt.timedelta(days=3), notes="Talked")]
    _, delivery = summary_lines(plan_summary(plan, plan.start_date))
    assert delivery.startswith("Check-ins held: 0 of 0 scheduled so far, and 1 check-in dated after today")
    _, delivery = summary_lines(plan_summary(plan, plan.start_date + dt.timedelta(days=4)))
    assert delivery.startswith("Check-ins held: 1 (0 scheduled meetings so far)")
