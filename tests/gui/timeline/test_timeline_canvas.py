"""The timeline's canvas on its own: it draws what it is given and says what the person does, by signals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pipdesk.domain import Plan
from pipdesk.domain.markers import Lane, Marker, plan_markers
from pipdesk.gui.timeline.canvas import TimelineCanvas

from conftest import TODAY, load_sample

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def plan() -> Plan:
    return load_sample("alex-delivery-active")


@pytest.fixture
def canvas(qtbot: QtBot, plan: Plan) -> Iterator[TimelineCanvas]:
    drawing = TimelineCanvas()
    qtbot.addWidget(drawing)
    drawing.resize(1100, 360)
    drawing.show()
    qtbot.waitExposed(drawing)
    drawing.draw(plan, plan_markers(plan, TODAY), TODAY, 6.0, editable=True)
    yield drawing
    drawing.close()


def marker_named(plan: Plan, title: str) -> Marker:
    return next(m for m in plan_markers(plan, TODAY) if m.lane is Lane.SCHEDULE and m.title == title)


def point_of(canvas: TimelineCanvas, marker: Marker) -> QPoint:
    item = canvas.marker_item(marker.key)
    assert item is not None
    canvas.ensureVisible(item, 40, 10)
    return canvas.mapFromScene(item.scenePos())


def test_a_click_on_a_marker_selects_it_and_asks_to_open_it(qtbot: QtBot, canvas: TimelineCanvas, plan: Plan) -> None:
    final = marker_named(plan, "Final review")
    heard: list[tuple[str, Marker | None]] = []
    canvas.selection_changed.connect(lambda marker: heard.append(("selected", marker)))
    canvas.activated.connect(lambda marker: heard.append(("activated", marker)))
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=point_of(canvas, final))
    assert heard == [("selected", final), ("activated", final)]
    assert canvas.selected == final.key
    with qtbot.waitSignal(canvas.selection_changed) as cleared:
        canvas.select(None)
    assert cleared.args == [None]


def test_dragging_a_milestone_asks_to_move_it_to_the_day_let_go_on(
    qtbot: QtBot, canvas: TimelineCanvas, plan: Plan
) -> None:
    ninth = marker_named(plan, "Weekly check-in 9")
    start = point_of(canvas, ninth)
    assert canvas.drawn is not None
    end = canvas.mapFromScene(QPointF(canvas.drawn.axis.x(ninth.date + dt.timedelta(days=2)), 0))
    end.setY(start.y())
    viewport = canvas.viewport()
    with qtbot.waitSignal(canvas.move_requested) as moved, qtbot.assertNotEmitted(canvas.activated):
        qtbot.mousePress(viewport, LEFT, pos=start)
        qtbot.mouseMove(viewport, pos=start + QPoint(0, 1))
        qtbot.mouseMove(viewport, pos=QPoint((start.x() + end.x()) // 2, start.y()))
        qtbot.mouseMove(viewport, pos=end)
        qtbot.mouseRelease(viewport, LEFT, pos=end)
    assert moved.args == [ninth, ninth.date + dt.timedelta(days=2), False]


def test_keys_ask_for_a_move_by_a_day_a_command_and_opening(qtbot: QtBot, canvas: TimelineCanvas, plan: Plan) -> None:
    ninth = marker_named(plan, "Weekly check-in 9")
    canvas.select(ninth.key, notify=False)
    canvas.setFocus()
    with qtbot.waitSignal(canvas.move_requested) as moved:
        qtbot.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert moved.args == [ninth, ninth.date - dt.timedelta(days=1), True]
    with qtbot.waitSignal(canvas.key_command) as command:
        qtbot.keyClick(canvas, Qt.Key.Key_F2)
    assert command.args == ["rename"]
    with qtbot.waitSignal(canvas.activated) as opened:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert opened.args == [ninth]


def test_ctrl_wheel_asks_to_zoom_and_a_right_click_asks_for_a_menu(
    qtbot: QtBot, canvas: TimelineCanvas, plan: Plan
) -> None:
    viewport = canvas.viewport()
    where = QPointF(viewport.width() / 2, 20)
    wheel = QWheelEvent(
        where,
        QPointF(viewport.mapToGlobal(where.toPoint())),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.waitSignal(canvas.zoom_requested) as zoom:
        QApplication.sendEvent(viewport, wheel)
    assert zoom.args == [pytest.approx(1.4)]
    final = marker_named(plan, "Final review")
    at = point_of(canvas, final)
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at))
    with qtbot.waitSignal(canvas.menu_requested) as asked:
        QApplication.sendEvent(viewport, menu)
    assert asked.args[:2] == [final, final.date]


def test_a_new_width_and_a_new_palette_are_told(qtbot: QtBot, canvas: TimelineCanvas) -> None:
    with qtbot.waitSignal(canvas.width_changed):
        canvas.resize(900, 360)
    with qtbot.waitSignal(canvas.palette_changed):
        canvas.setPalette(QPalette(QColor("#303030")))
