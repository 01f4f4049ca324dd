"""The History panel's model: the revisions of an issued plan, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from pipdesk.domain import Revision
from pipdesk.gui.common.table_model import Index, RowsModel


class HistoryModel(RowsModel[Revision]):
    WHEN, WHAT, CHANGE, WHY = range(4)
    HEADERS = ("When", "What", "Old → new", "Why")

    def set_revisions(self, revisions: Sequence[Revision]) -> None:
        self.set_rows(list(reversed(revisions)))

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
