"""The timeline's canvas: draws what the view gives it, and tells the view what the person does, by signals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsScene, QGraphicsView, QWidget

from pipdesk.domain import Plan
from pipdesk.domain.markers import Lane, Marker
from pipdesk.gui.timeline.drawing import (
    GUTTER,
    Axis,
    DrawnScene,
    LabelWidths,
    PlanDrawing,
    paint_gutter,
    timeline_range,
)
from pipdesk.gui.timeline.items import MarkerItem, Pill
from pipdesk.gui.timeline.looks import Colours
from pipdesk.gui.timeline.texts import day_text, marker_announcement

ZOOM_STEP = 1.4
_DAY = dt.timedelta(days=1)
_CTRL = Qt.KeyboardModifier.ControlModifier
#: Ctrl+←/→ moves the selected milestone a day, Ctrl+Shift+←/→ a week.
_MOVE_STEPS = {_CTRL: _DAY, _CTRL | Qt.KeyboardModifier.ShiftModifier: 7 * _DAY}
_KEY_COMMANDS = {
    Qt.Key.Key_Plus: "zoom_in",
    Qt.Key.Key_Equal: "zoom_in",
    Qt.Key.Key_Minus: "zoom_out",
    Qt.Key.Key_F2: "rename",
    Qt.Key.Key_Delete: "remove",
    Qt.Key.Key_H: "toggle_held",
}


class TimelineCanvas(QGraphicsView):
    """The drawing; the TimelineView tells it what to draw and hears back through its signals."""

    #: A marker is clicked, or Enter is pressed on the selected one: open it.
    activated = Signal(object)  # Marker
    #: A milestone is dragged to a day, or moved by Ctrl(+Shift)+arrow (then ``True``: one undo step for them all).
    move_requested = Signal(object, object, bool)  # Marker, dt.date, by key
    #: Another marker (or none: ``None``) is selected.
    selection_changed = Signal(object)  # Marker | None
    #: A context menu is asked for on a marker (or ``None``), at a day of the plan (or ``None``), at a place on screen.
    menu_requested = Signal(object, object, QPoint)  # Marker | None, dt.date | None, global position
    #: Ctrl+wheel: zoom by this factor.
    zoom_requested = Signal(float)
    #: A key for a command of the view: "zoom_in", "zoom_out", "rename", "remove" or "toggle_held".
    key_command = Signal(str)
    #: The canvas is now narrower or wider.
    width_changed = Signal()
    #: The canvas has a new palette (the view hears of its own before this child has it).
    palette_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # The lane names are painted over the scene at a fixed place; a scroll must repaint everything.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(marker_announcement(None))
        self.drawn: DrawnScene | None = None
        self.selected: tuple[Lane, int] | None = None
        self.empty_text = ""
        self._widths = LabelWidths()
        self._press: tuple[MarkerItem, QPointF] | None = None
        self._dragging = False
        self._drag_pill: Pill | None = None

    # Fonts, colours, sizes

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return font

    def colours(self) -> Colours:
        return Colours.of(self.palette())

    def tail(self, markers: Sequence[Marker], last: dt.date, ppd: float) -> float:
        """Room to leave after the last day so the labels of the last markers are not cut off."""
        return self._widths.tail(markers, last, ppd, self.small_font())

    # Drawing

    def clear(self, text: str) -> None:
        self._end_drag()
        self.drawn = None
        self.selected = None
        self.empty_text = text
        self.scene().clear()
        self.scene().setSceneRect(QRectF(0, 0, 10, 10))
        self.viewport().update()
        announce(self, text)

    def draw(self, plan: Plan, markers: Sequence[Marker], today: dt.date, ppd: float, editable: bool) -> None:
        self._end_drag()
        self.scene().clear()
        self.empty_text = ""
        first, last = timeline_range(plan, markers, today)
        axis = Axis(first, last, ppd, self.tail(markers, last, ppd))
        room = QSizeF(self.viewport().size())
        if axis.right > room.width() and not self.horizontalScrollBar().isVisible():
            room.setHeight(room.height() - self.horizontalScrollBar().sizeHint().height())  # it is about to appear
        drawing = PlanDrawing(self.scene(), plan, markers, today, axis, self.small_font(), self.colours())
        self.drawn = drawn = drawing.draw(room, editable)
        if self.selected not in drawn.items:
            self.selected = None
        for key, item in drawn.items.items():
            item.set_selected(key == self.selected)
        self.viewport().update()
        announce(self, marker_announcement(self.selected_marker()))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        colours = self.colours()
        top_left = self.mapToScene(QPoint(0, 0))
        left = top_left.x()
        bottom = self.mapToScene(QPoint(0, self.viewport().height())).y()
        painter.save()
        if self.drawn is None:
            if self.empty_text:
                painter.setPen(colours.quiet)
                painter.drawText(
                    QRectF(top_left, self.viewport().size().toSizeF()), Qt.AlignmentFlag.AlignCenter, self.empty_text
                )
            painter.restore()
            return
        font = self.small_font()
        font.setWeight(QFont.Weight.DemiBold)
        paint_gutter(painter, self.drawn, QRectF(left, top_left.y(), GUTTER, bottom - top_left.y()), font, colours)
        painter.restore()

    # Selection and navigation

    def marker_item(self, key: tuple[Lane, int]) -> MarkerItem | None:
        return self.drawn.items.get(key) if self.drawn else None

    def select(self, key: tuple[Lane, int] | None, notify: bool = True) -> None:
        items = self.drawn.items if self.drawn is not None else {}
        if key not in items:
            key = None
        for item_key, item in items.items():
            item.set_selected(item_key == key)
        self.selected = key
        if key is not None:
            self.ensureVisible(items[key], 40, 10)
        announce(self, marker_announcement(self.selected_marker()))
        if notify:
            self.selection_changed.emit(self.selected_marker())

    def selected_marker(self) -> Marker | None:
        item = self.marker_item(self.selected) if self.selected else None
        return item.marker if item else None

    def navigation_order(self) -> list[Marker]:
        """The markers Left and Right step through: by date, the schedule before the check-ins."""
        return self.drawn.navigation_order() if self.drawn is not None else []

    def _step(self, delta: int) -> None:
        order = self.navigation_order()
        if not order:
            return
        keys = [m.key for m in order]
        if self.selected is not None and self.selected in keys:
            position = min(max(keys.index(self.selected) + delta, 0), len(keys) - 1)
        else:
            position = 0 if delta > 0 else len(keys) - 1
        self.select(keys[position])

    # Mouse

    def _item_at(self, pos: QPoint) -> MarkerItem | None:
        for item in self.items(pos):
            if isinstance(item, MarkerItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        item = self._item_at(event.position().toPoint())
        if item is None:
            self.select(None)
            super().mousePressEvent(event)
            return
        self.select(item.marker.key)
        self._press = (item, event.position())
        self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or self.drawn is None:
            super().mouseMoveEvent(event)
            return
        item, origin = self._press
        if not item.draggable:
            return
        if not self._dragging:
            if (event.position() - origin).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            if item.label is not None:
                item.label.hide()
        day = self._drag_day(item, event.position().x())
        axis = self.drawn.axis
        item.setX(axis.x(day))
        self._show_drag_date(item, day)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        item, _origin = self._press
        dragged = self._dragging
        day = self._drag_day(item, event.position().x()) if dragged else None
        self._end_drag()
        event.accept()
        if dragged and day is not None:
            self.move_requested.emit(item.marker, day, False)
        elif self._item_at(event.position().toPoint()) is item:
            self.activated.emit(item.marker)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # A double-click is a click that lands twice: the first one already activated the marker.
        event.accept()

    def _drag_day(self, item: MarkerItem, view_x: float) -> dt.date:
        assert self.drawn is not None
        return self.drawn.plan_day_at(self.mapToScene(QPoint(round(view_x), 0)).x())

    def _show_drag_date(self, item: MarkerItem, day: dt.date) -> None:
        colours = self.colours()
        if self._drag_pill is None:
            self._drag_pill = Pill("", self.small_font(), colours.accent, colours.accent_text)
            self.scene().addItem(self._drag_pill)
            self._drag_pill.setZValue(10)
        pill = self._drag_pill
        pill.prepareGeometryChange()
        pill.text = day_text(day)
        pill.rect = QRectF(0, 0, QFontMetricsF(pill.font).horizontalAdvance(pill.text) + 12, pill.rect.height())
        pill.setPos(item.x() + item.look.radius + 6, item.y() - pill.rect.height() / 2)
        pill.update()

    def _end_drag(self) -> None:
        if self._drag_pill is not None and self._drag_pill.scene() is not None:
            self.scene().removeItem(self._drag_pill)
        self._drag_pill = None
        self._press = None
        self._dragging = False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.drawn is None:
            return
        item = self._item_at(event.pos())
        if item is not None:
            self.select(item.marker.key)
        scene_x = self.mapToScene(event.pos()).x()
        day = self.drawn.axis.day_at(scene_x) if scene_x > self.drawn.axis.x0 else None
        self.menu_requested.emit(item.marker if item else None, day, event.globalPos())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_requested.emit(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self._item_at(event.pos())
            if item is not None:
                item.ensure_tooltip()
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Not the view's own palette change: the view hears of it before this child has the new palette.
        if event.type() == QEvent.Type.PaletteChange:
            self.palette_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.width_changed.emit()

    # Keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        step = _MOVE_STEPS.get(modifiers)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and (plain or step is not None):
            delta = -1 if key == Qt.Key.Key_Left else 1
            if step is not None:
                _move_selected(self, delta * step)
            else:
                self._step(delta)
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            order = self.navigation_order()
            if order:
                self.select(order[0 if key == Qt.Key.Key_Home else -1].key)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            marker = self.selected_marker()
            if marker is not None:
                self.activated.emit(marker)
            event.accept()
            return
        if key in _KEY_COMMANDS and (plain or modifiers == Qt.KeyboardModifier.ShiftModifier):
            self.key_command.emit(_KEY_COMMANDS[Qt.Key(key)])
            event.accept()
            return
        super().keyPressEvent(event)


def announce(canvas: TimelineCanvas, text: str) -> None:
    """Tell a screen reader what the canvas shows selected now: its description, and an event saying so."""
    if text != canvas.accessibleDescription():
        canvas.setAccessibleDescription(text)
        QAccessible.updateAccessibility(QAccessibleEvent(canvas, QAccessible.Event.DescriptionChanged))


def _move_selected(canvas: TimelineCanvas, by: dt.timedelta) -> None:
    """Ask to move the selected milestone ``by`` days, if it can move and stays within the plan period."""
    marker = canvas.selected_marker()
    if marker is None or marker.lane is not Lane.SCHEDULE or canvas.drawn is None:
        return
    item = canvas.marker_item(marker.key)
    plan = canvas.drawn.plan
    day = marker.date + by
    if item is not None and item.draggable and plan.start_date <= day <= plan.end_date:
        canvas.move_requested.emit(marker, day, True)
