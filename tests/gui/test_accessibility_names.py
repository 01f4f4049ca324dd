"""Every interactive widget of the main window and of each dialog is named for a screen reader; the
charts and the timeline say in words what they show; the toolbar's actions and the fields whose
meaning is not plain from their label have tooltips.

"Named" means an accessible name set on the widget itself (in its form, or in code for widgets
built in code). Qt's fallbacks (a buddy label's text, a neighbouring label) are not counted: they
differ between platforms and miss tables, lists, charts and the search box. The one exception is a
button, whose own text is its name on every platform.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_screen_fit import DIALOGS, dialogs

from pipdesk.domain.markers import Lane, MarkerState, plan_markers
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
    QGraphicsView,
)
#: Parts of another widget that a screen reader meets as that widget (a spin box's line edit…).
PARTS_OF = (QHeaderView, QScrollBar, QAbstractSpinBox, QComboBox)
MAIN_VIEWS = ("thisWeek", "planTab", "timelineTab", "checkinsTab", "outcomeTab")


def interactive(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if isinstance(widget, (QHeaderView, QScrollBar)) or isinstance(parent, PARTS_OF):
            continue
        if isinstance(widget, INTERACTIVE) and widget.isVisibleTo(root):
            yield widget


def unnamed(root: QWidget) -> list[str]:
    def named(widget: QWidget) -> bool:
        own_text = isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip()
        return bool(widget.accessibleName().strip() or own_text)

    return [f"{type(w).__name__} {w.objectName()!r}" for w in interactive(root) if not named(w)]


def show_view(window: MainWindow, qtbot: QtBot, view: str) -> None:
    if view == "thisWeek":
        window.show_this_week()
    else:
        window.select_plan(ALEX)
        window.ui.viewTabs.setCurrentWidget(getattr(window.ui, view))
    qtbot.wait(1)


@pytest.mark.parametrize("view", MAIN_VIEWS)
def test_every_interactive_widget_of_the_main_window_is_named(window: MainWindow, qtbot: QtBot, view: str) -> None:
    show_view(window, qtbot, view)
    assert unnamed(window) == []


@pytest.mark.parametrize("name", DIALOGS)
def test_every_interactive_widget_of_each_dialog_is_named(qtbot: QtBot, book: PlanBook, name: str) -> None:
    dialog = dialogs(book)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []


def test_each_progress_chart_says_what_it_shows(window: MainWindow, qtbot: QtBot) -> None:
    show_view(window, qtbot, "checkinsTab")
    progress = window.checkins.ensure_progress()
    qtbot.waitUntil(lambda: bool(progress.charts))
    plan = window.book.get(ALEX) if window.book else None
    assert plan is not None
    views = [chart.chart_view for chart in progress.charts.values()]
    assert len(views) == len(plan.objectives) == len(window.findChildren(QChartView))
    for objective, view in zip(plan.objectives, views, strict=True):
        assert view.accessibleName() == f"Progress of {objective.title}"
        assert view.accessibleDescription().startswith(f"{objective.title}: ")
    # Alex's first objective, in the words of its chart (the figures issue #17 read off it).
    assert views[0].accessibleDescription() == (
        "Deliver milestones on the agreed date: 84% on 23 Nov 2026, target 90%, projected 93.8% by 21 Dec 2026. "
        "On track."
    )
    assert progress.accessibleDescription() == (
        "Objectives: 1 met, 2 on track, 0 at risk, 0 off track, 0 no data yet. "
        "Check-ins held: 8 of 8 scheduled so far. Support: 2 of 4 actions done."
    )


def test_the_timeline_says_what_it_shows_and_which_marker_is_selected(window: MainWindow, qtbot: QtBot) -> None:
    show_view(window, qtbot, "timelineTab")
    canvas = window.timeline.canvas
    plan = window.book.get(ALEX) if window.book else None
    assert plan is not None
    schedule = [m for m in plan_markers(plan, TODAY) if m.lane is Lane.SCHEDULE]
    held = sum(m.state is MarkerState.DONE for m in schedule)
    upcoming = min((m for m in schedule if m.date >= TODAY and m.state is not MarkerState.DONE), key=lambda m: m.date)
    assert canvas.accessibleName() == "Timeline"
    summary = f"{len(schedule)} milestones, {held} held, next: {upcoming.title} on "
    assert summary in canvas.accessibleDescription()
    window.timeline.select_marker(schedule[0])
    assert canvas.accessibleDescription().startswith(f"Selected: {schedule[0].title}, ")
    assert summary in canvas.accessibleDescription()


def test_every_toolbar_action_has_a_tooltip_and_a_status_tip(window: MainWindow) -> None:
    actions = [a for a in window.ui.toolBar.actions() if not a.isSeparator()]
    assert len(actions) == 7
    for action in actions:
        plain = action.text().replace("&", "").rstrip("…")
        assert action.toolTip() and action.toolTip() != plain and action.toolTip() != action.text(), action.text()
        assert action.statusTip() == action.toolTip()


#: Fields whose meaning is not plain from their label, by dialog (or view) and objectName.
EXPLAINED = {
    "objective": ("kindCombo", "unitEdit", "baselineEdit", "targetEdit", "metricEdit"),
    "new plan": ("cadenceSpin", "lengthSpin"),
    "check-in form": ("kindCombo", "attendeesEdit", "privateNotesEdit"),
    "export PDF": ("employeeCopyRadio", "fullCopyRadio"),
}


@pytest.mark.parametrize("name", list(EXPLAINED))
def test_fields_whose_meaning_is_not_plain_have_tooltips(qtbot: QtBot, book: PlanBook, name: str) -> None:
    dialog = dialogs(book)[name]()
    qtbot.addWidget(dialog)
    for field in EXPLAINED[name]:
        widget = dialog.findChild(QWidget, field)
        assert widget is not None, field
        assert widget.toolTip(), field
