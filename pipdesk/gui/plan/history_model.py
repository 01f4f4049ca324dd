"""The History panel's model: the changes to an issued plan, newest first, worded as on paper.

Revisions made in one go (the same moment, the same reason) are one row, as in the PDFs' "Changes to
the plan"; each field is named in the manager's words (:func:`vocabulary.revision_field`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from pipdesk.domain import Plan, Revision, vocabulary
from pipdesk.gui.common.table_model import Index, RowsModel

#: Old and new values longer than this are cut short in the table; the tooltip holds them whole.
SHORT_VALUE = 80


class HistoryModel(RowsModel[list[Revision]]):
    WHEN, WHAT, CHANGE, WHY = range(4)
    HEADERS = ("When", "What", "Old → new", "Why")

    _plan: Plan | None = None

    def set_revisions(self, revisions: Sequence[Revision], plan: Plan) -> None:
        self._plan = plan
        self.set_rows(list(reversed(vocabulary.revision_groups(list(revisions)))))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        group = self.rows[index.row()]
        whole = role == Qt.ItemDataRole.ToolTipRole
        column = index.column()
        if column == self.WHEN:
            return group[0].at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == self.WHAT:
            return "\n".join(self._field(revision) for revision in group)
        if column == self.CHANGE:
            return "\n".join(_change(revision, whole) for revision in group)
        return group[0].reason

    def _field(self, revision: Revision) -> str:
        plan = self._plan
        return vocabulary.revision_field(plan, revision.field) if plan is not None else revision.field


def _change(revision: Revision, whole: bool) -> str:
    values = [vocabulary.revision_value(value) or vocabulary.DASH for value in (revision.old, revision.new)]
    if not whole:
        values = [vocabulary.shortened(value, SHORT_VALUE) for value in values]
    return " → ".join(values)
