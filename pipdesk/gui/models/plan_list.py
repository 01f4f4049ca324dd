"""The sidebar's model: every plan of the plan book, filtered by text and status, sortable."""

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
from PySide6.QtGui import QBrush, QColor, QPalette

from pipdesk.domain import Status
from pipdesk.store import PlanSummary

Index = QModelIndex | QPersistentModelIndex
PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def overdue_colour(palette: QPalette) -> QColor:
    return QColor("#b3261e") if palette.color(QPalette.ColorRole.Base).lightness() > 128 else QColor("#f2b8b5")


class PlanListModel(QAbstractTableModel):
    EMPLOYEE, TITLE, STATUS, DAYS_LEFT, NEXT_CHECKIN = range(5)
    HEADERS = ("Employee", "Title", "Status", "Days left", "Next check-in")

    def __init__(self, today: Callable[[], dt.date] = dt.date.today, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PlanSummary] = []
        self.today = today

    def set_rows(self, rows: Sequence[PlanSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, plan_id: int) -> int:
        return next((i for i, row in enumerate(self.rows) if row.id == plan_id), -1)

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
            if column == self.DAYS_LEFT:
                return row.days_left(today) if running else 10**6
            if column == self.NEXT_CHECKIN:
                return row.next_checkin.isoformat() if row.next_checkin else "9999"
            if column == self.STATUS:
                return list(Status).index(row.status)
            return self.data(index, Qt.ItemDataRole.DisplayRole).casefold()
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NEXT_CHECKIN and self._overdue(row, today):
            return QBrush(overdue_colour(QPalette()))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NEXT_CHECKIN and self._overdue(row, today):
            return "This check-in is past its date and not logged"
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.EMPLOYEE, self.TITLE):
            return f"{row.employee} — {row.title}"
        return None


class PlanFilterProxy(QSortFilterProxyModel):
    """Filters by search text (employee or title, any case, any script) and by status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: Status | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: Status | str | None) -> None:
        """Show plans of one status only (a combo box hands the enum back as its text)."""
        self.beginFilterChange()
        self.status = Status(status) if status else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, PlanListModel)
        row = model.rows[source_row]
        if self.status is not None and row.status is not self.status:
            return False
        if not self._needle:
            return True
        return all(word in f"{row.employee} {row.title}".casefold() for word in self._needle.split())
