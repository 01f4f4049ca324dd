"""The sidebar's model: every plan of the plan book, filtered by text and status, sortable.

Made for plan books of ten thousand plans: the model sorts its own rows in Python, once a sort
(a proxy sorting would call ``data()`` from C++ a few hundred thousand times), and the search text of
each plan is folded once, when the rows are set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette

from pipdesk.domain import Status
from pipdesk.gui.colours import alert_colour
from pipdesk.store import PlanSummary

Index = QModelIndex | QPersistentModelIndex
PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


_STATUS_ORDER = {status: i for i, status in enumerate(Status)}


class PlanListModel(QAbstractTableModel):
    EMPLOYEE, TITLE, STATUS, DAYS_LEFT, NEXT_CHECKIN = range(5)
    HEADERS = ("Employee", "Title", "Status", "Days left", "Next check-in")

    def __init__(self, today: Callable[[], dt.date] = dt.date.today, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The plans in the order shown (before filtering).
        self.rows: list[PlanSummary] = []
        self.today = today
        #: Each plan's employee and title, case-folded for search, by plan id.
        self.search_text: dict[int, str] = {}
        self._loaded: list[PlanSummary] = []
        self._row_by_id: dict[int, int] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        #: Counts the changes of :attr:`rows` (new rows or a new order).
        self.generation = 0

    def set_rows(self, rows: Sequence[PlanSummary]) -> None:
        self.beginResetModel()
        self._loaded = list(rows)
        self.search_text = {row.id: f"{row.employee} {row.title}".casefold() for row in self._loaded}
        self._order()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column; ties keep the plan book's order (employee, start date), either way."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = [row.id for row in self.rows]
        self._order()
        persistent = self.persistentIndexList()
        moved = [self.index(self._row_by_id[before[index.row()]], index.column()) for index in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _order(self) -> None:
        if 0 <= self._sort_column < len(self.HEADERS):
            today, column = self.today(), self._sort_column
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            self.rows = sorted(self._loaded, key=lambda row: self.sort_key(row, column, today), reverse=descending)
        else:
            self.rows = list(self._loaded)
        self.generation += 1
        self._row_by_id = {row.id: i for i, row in enumerate(self.rows)}

    def sort_key(self, row: PlanSummary, column: int, today: dt.date) -> Any:
        if column == self.DAYS_LEFT:
            return row.days_left(today) if row.status in (Status.ACTIVE, Status.EXTENDED) else 10**6
        if column == self.NEXT_CHECKIN:
            return row.next_checkin.isoformat() if row.next_checkin else "9999"
        if column == self.STATUS:
            return _STATUS_ORDER[row.status]
        return (row.employee if column == self.EMPLOYEE else row.title).casefold()

    def row_of(self, plan_id: int) -> int:
        return self._row_by_id.get(plan_id, -1)

    def overdue_count(self) -> int:
        today = self.today()
        return sum(1 for row in self.rows if self._overdue(row, today))

    @staticmethod
    def _overdue(row: PlanSummary, today: dt.date) -> bool:
        return row.next_checkin is not None and row.next_checkin < today

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        today = self.today()
        running = row.status in (Status.ACTIVE, Status.EXTENDED)
        if role == PLAN_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.EMPLOYEE:
                return row.employee
            if column == self.TITLE:
                return row.title
            if column == self.STATUS:
                return row.status.label
            if column == self.DAYS_LEFT:
                if not running:
                    return "—"
                days = row.days_left(today)
                return f"{days}" if days >= 0 else f"{-days} over"
            if column == self.NEXT_CHECKIN:
                if row.next_checkin is None:
                    return "—"
                overdue = self._overdue(row, today)
                return f"⚠ {row.next_checkin.isoformat()}" if overdue else row.next_checkin.isoformat()
        if role == SORT_ROLE:
            return self.sort_key(row, column, today)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NEXT_CHECKIN and self._overdue(row, today):
            return QBrush(alert_colour(QPalette()))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NEXT_CHECKIN and self._overdue(row, today):
            return "This check-in is past its date and not logged"
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.EMPLOYEE, self.TITLE):
            return f"{row.employee} — {row.title}"
        return None


class PlanFilterProxy(QSortFilterProxyModel):
    """Filters by search text (employee or title, any case, any script) and by status.

    Sorting is the source model's (see :meth:`PlanListModel.sort`); the proxy keeps its order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: Status | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._words: list[str] = []
        # Whether each source row passes, worked out in one pass of Python for the source's current
        # rows (its generation), so the filter's call per row, from C++, is a lookup.
        self._accepted: list[bool] = []
        self._accepted_for = -1

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self._accepted_for = -1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _match_all(self, model: PlanListModel) -> list[bool]:
        texts = model.search_text
        return [
            (self.status is None or row.status is self.status) and all(word in texts[row.id] for word in self._words)
            for row in model.rows
        ]

    def set_status(self, status: Status | str | None) -> None:
        """Show plans of one status only (a combo box hands the enum back as its text)."""
        self.beginFilterChange()
        self.status = Status(status) if status else None
        self._accepted_for = -1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, PlanListModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, PlanListModel)
        if self._accepted_for != model.generation:
            self._accepted = self._match_all(model)
            self._accepted_for = model.generation
        return self._accepted[source_row]
