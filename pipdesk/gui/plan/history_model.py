"""The History panel's model: the revisions of an issued plan, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from pipdesk.domain import Revision

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    WHEN, WHAT, CHANGE, WHY = range(4)
    HEADERS = ("When", "What", "Old → new", "Why")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Revision] = []

    def set_revisions(self, revisions: Sequence[Revision]) -> None:
        self.beginResetModel()
        self.rows = list(reversed(revisions))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        revision = self.rows[index.row()]
        column = index.column()
        if column == self.WHEN:
            return revision.at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == self.WHAT:
            return revision.field
        if column == self.CHANGE:
            old = revision.old if revision.old is not None else "—"
            new = revision.new if revision.new is not None else "—"
            return f"{old} → {new}"
        return revision.reason
