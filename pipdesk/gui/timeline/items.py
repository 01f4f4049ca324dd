"""The things drawn on the timeline's scene: a marker, a marker's label, a pill of text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from pipdesk.domain.markers import Marker
from pipdesk.gui.timeline.looks import Colours, Look, marker_pixmap


class MarkerItem(QGraphicsItem):
    def __init__(
        self, marker: Marker, look: Look, colours: Colours, draggable: bool, tooltip: Callable[[], str]
    ) -> None:
        super().__init__()
        self.marker = marker
        self.look = look
        self.colours = colours
        self.draggable = draggable
        self.selected = False
        self.label: QGraphicsItem | None = None
        # Written when first wanted (see TimelineCanvas.viewportEvent): a plan has hundreds of markers.
        self._tooltip: Callable[[], str] | None = tooltip
        self.setZValue(5)
        if draggable:
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def ensure_tooltip(self) -> None:
        if self._tooltip is not None:
            self.setToolTip(self._tooltip())
            self._tooltip = None

    def toolTip(self) -> str:
        self.ensure_tooltip()
        return super().toolTip()

    def boundingRect(self) -> QRectF:
        r = self.look.radius * 1.25 + 5
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self.look.radius + 3  # a little larger than drawn: easier to hit
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            ring = self.look.radius + 3.5
            painter.setPen(QPen(self.colours.accent, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), ring, ring)
        ratio = widget.devicePixelRatioF() if widget is not None else painter.device().devicePixelRatioF()
        pixmap, half = marker_pixmap(self.look, ratio)
        painter.drawPixmap(QPointF(-half, -half), pixmap)


class Pill(QGraphicsItem):
    """A small rounded label: today, the original end, the date while dragging."""

    def __init__(self, text: str, font: QFont, fill: QColor, colour: QColor, outline: QColor | None = None) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.fill = fill
        self.colour = colour
        self.outline = outline
        metrics = QFontMetricsF(font)
        self.rect = QRectF(0, 0, metrics.horizontalAdvance(text) + 12, metrics.height() + 4)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.outline, 1.0) if self.outline is not None else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.fill))
        radius = self.rect.height() / 2
        painter.drawRoundedRect(self.rect, radius, radius)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.text)


class Label(QGraphicsItem):
    """A marker's text on a patch of its lane's colour, so grid lines never run through it."""

    def __init__(self, text: str, font: QFont, colour: QColor, background: QColor) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.colour = colour
        self.background = background
        metrics = QFontMetricsF(font)
        self.rect = QRectF(0, 0, metrics.horizontalAdvance(text), metrics.height())

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, 0, 2, 0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self.boundingRect(), self.background)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        painter.drawText(self.rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.text)
