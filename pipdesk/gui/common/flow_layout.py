"""A layout that lays its widgets out in a row and wraps them onto the next row when the row is full.

For a row of short items (links, a legend's entries) that must never be cut short, whatever the
window's width or the screen's scaling: Qt has none built in (this follows its "Flow Layout" example).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, onto the next line when the width runs out; the height follows the width."""

    def __init__(self, parent: QWidget | None = None, gap: int = 0) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.gap = gap
        self.gaps: list[int] = []  # the space before each item on its line (``gap`` unless changed)
        # The height at each width asked for since the items last changed: Qt asks again and again while it
        # lays a window out (~60 times for the same few widths when a plan is opened), as QBoxLayout caches it.
        self._heights: dict[int, int] = {}

    def invalidate(self) -> None:
        """An item was added, taken or changed its size (Qt calls this): the heights are worked out again."""
        self._heights.clear()
        super().invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.gaps.append(self.gap)
        self.invalidate()

    def set_gap(self, index: int, gap: int) -> None:
        """The space before item ``index`` on its line."""
        self.gaps[index] = gap
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self.gaps.pop(index)
        self.invalidate()
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item, gap in zip(self._items, self.gaps, strict=True):
            hint = item.sizeHint()
            if x > area.x():
                x += gap
                if x + hint.width() > area.right() + 1:
                    x, y, line_height = area.x(), y + line_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width()
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
