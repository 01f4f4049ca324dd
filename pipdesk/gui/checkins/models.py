"""The check-in log's model: one row per check-in of a plan, searchable over all its text.

The model sorts its own rows, with keys worked out once a sort: a sorting proxy would call
``data()`` from C++ a few thousand times for a plan of 200 check-ins, on every change of the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QPalette

from pipdesk.domain import Checkin, Direction, Objective, Plan, Rating, vocabulary
from pipdesk.domain.model import FORMAL_KINDS
from pipdesk.domain.progress import RATINGS_WORST_FIRST, overall_rating
from pipdesk.gui.common.colours import rating_colour
from pipdesk.gui.common.table_model import Index, RowsModel

#: The check-in's position in ``plan.checkins`` (what edits and ``open_checkin`` use).
CHECKIN_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

# Roles as plain ints: a view asks about seven roles a cell as it paints, most never answered here.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, int(CHECKIN_INDEX_ROLE), int(SORT_ROLE)})


#: The check-in's text fields with the words the log and the form use for them, in form order.
TEXT_FIELDS = (
    ("attendees", "Attendees"),
    ("notes", "Notes"),
    ("employee_comments", "Employee's own comments"),
    ("wins", "Wins to acknowledge"),
    ("concerns", "Concerns"),
    ("next_steps", "Agreed next steps"),
    ("private_notes", "Manager's private notes"),
)

# What the one-line summary is taken from, in order of preference. Private notes never show in it.
_SUMMARY_SOURCES = ("notes", "wins", "concerns", "next_steps", "employee_comments")


def kind_text(checkin: Checkin) -> str:
    """The check-in's kind as the log shows it: a check-in marked formal says so."""
    kind = vocabulary.checkin_kind(checkin.kind)
    return f"{kind} (formal)" if checkin.formal and checkin.kind not in FORMAL_KINDS else kind


def one_line_summary(checkin: Checkin) -> str:
    """The first line of the notes (or of the wins, concerns, next steps, comments when there are none)."""
    for name in _SUMMARY_SOURCES:
        text: str = getattr(checkin, name)
        line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if line:
            return line
    return ""


def searchable_text(checkin: Checkin) -> str:
    """Everything written at the check-in, folded for a case-insensitive search."""
    parts = [getattr(checkin, name) for name, _label in TEXT_FIELDS]
    parts += [p.comment for p in checkin.progress]
    parts += [checkin.date.isoformat(), vocabulary.short_date(checkin.date), kind_text(checkin)]
    return "\n".join(parts).casefold()


def quantity(value: float, unit: str = "") -> str:
    """A measured value as people read it: ``84%``, ``16.6%``, ``0 reports`` (one decimal at most)."""
    return vocabulary.quantity(round(value, 1) + 0.0, unit)


def target_text(objective: Objective) -> str:
    """``target 90%``, or ``target at most 20%`` when lower is better."""
    if objective.target is None:
        return "no target set"
    at_most = "at most " if objective.direction is Direction.LOWER_IS_BETTER else ""
    return f"target {at_most}{quantity(objective.target, objective.unit)}"


@dataclass(frozen=True)
class CheckinRow:
    index: int
    checkin: Checkin
    rating: Rating | None
    summary: str

    @cached_property
    def search_text(self) -> str:
        """Worked out on the first search, not for every check-in each time the plan is shown."""
        return searchable_text(self.checkin)


class CheckinLogModel(RowsModel[CheckinRow]):
    """Read-only rows of the plan's check-ins, sorted by :meth:`sort` (ties in the plan's order).

    :attr:`rows` are in the order shown (before filtering).
    """

    DATE, KIND, RATING, SUMMARY = range(4)
    HEADERS: ClassVar[tuple[str, ...]] = ("Date", "Kind", "Overall", "Summary")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._in_plan_order: list[CheckinRow] = []
        self._row_by_index: dict[int, int] = {}
        self._objective_titles: dict[str, str] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Sequence[CheckinRow]) -> None:
        """Rows in the plan's order; they are shown in the order of the last :meth:`sort`."""
        self.beginResetModel()
        self._in_plan_order = list(rows)
        self._order()
        self.endResetModel()

    def set_checkins(self, checkins: Sequence[Checkin], plan: Plan | None = None) -> None:
        self._objective_titles = {o.key: o.title for o in plan.objectives} if plan is not None else {}
        self.set_rows([CheckinRow(i, c, overall_rating(c), one_line_summary(c)) for i, c in enumerate(checkins)])

    def set_plan(self, plan: Plan | None) -> None:
        self.set_checkins(plan.checkins if plan is not None else [], plan)

    def row_of(self, checkin_index: int) -> int:
        return self._row_by_index.get(checkin_index, -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column; ties keep the plan's order, either way."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = [row.index for row in self.rows]
        self._order()
        persistent = self.persistentIndexList()
        moved = [self.index(self._row_by_index[before[index.row()]], index.column()) for index in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _order(self) -> None:
        column = self._sort_column
        if 0 <= column < len(self.HEADERS):
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            self.rows = sorted(self._in_plan_order, key=lambda row: self.sort_key(row, column), reverse=descending)
        else:
            self.rows = list(self._in_plan_order)
        self._row_by_index = {row.index: i for i, row in enumerate(self.rows)}

    def sort_key(self, row: CheckinRow, column: int) -> Any:
        if column == self.DATE:
            return row.checkin.date
        if column == self.RATING:
            return RATINGS_WORST_FIRST.index(row.rating) if row.rating is not None else len(RATINGS_WORST_FIRST)
        if column == self.KIND:
            return kind_text(row.checkin).casefold()
        return row.summary.casefold()

    # Qt model interface

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == self.RATING:
            return "The worst rating given to an objective at the check-in"
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            if column == self.DATE:
                return vocabulary.short_date(row.checkin.date)
            if column == self.KIND:
                return kind_text(row.checkin)
            if column == self.RATING:
                return row.rating.label if row.rating is not None else "—"
            return row.summary
        if role == CHECKIN_INDEX_ROLE:
            return row.index
        if role == SORT_ROLE:
            key = self.sort_key(row, column)
            return f"{key.isoformat()} {row.index:06d}" if column == self.DATE else key
        if role == _FOREGROUND and column == self.RATING:
            colour = rating_colour(row.rating, QPalette())
            return QBrush(colour) if colour is not None else None
        if role == _TOOLTIP:
            if column == self.RATING:
                return self._ratings_tooltip(row.checkin)
            if column == self.SUMMARY:
                return row.summary or None
        return None

    def _ratings_tooltip(self, checkin: Checkin) -> str | None:
        lines = [
            f"{self._objective_titles.get(p.objective, p.objective)}: {p.rating.label}"
            for p in checkin.progress
            if p.rating is not None
        ]
        return "\n".join(lines) or None


class CheckinFilterProxy(QSortFilterProxyModel):
    """Keeps the check-ins whose text holds every word searched for (any case, any script).

    Sorting is the source model's (see :meth:`CheckinLogModel.sort`); the proxy keeps its order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, CheckinLogModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def searching(self) -> bool:
        return bool(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, CheckinLogModel)
        text = model.rows[source_row].search_text
        return all(word in text for word in self._words)
