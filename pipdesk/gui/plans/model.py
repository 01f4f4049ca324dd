"""The sidebar's model: every plan of the plan book, filtered by text and status, sortable.

Made for plan books of ten thousand plans, where each call from C++ into Python counts: the model
sorts its own rows in Python, once a sort (a proxy sorting would call ``data()`` a few hundred
thousand times); each plan's search text is folded once, when the rows are set; and the filter is a
proxy of our own that keeps the visible rows as a Python list, worked out in one pass a keystroke and
handed to the view in one reset (``QSortFilterProxyModel`` would call Python once a row).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QTableView

from pipdesk.domain import Status, vocabulary
from pipdesk.gui.common.colours import alert_colour
from pipdesk.gui.common.table_model import Index, RowsModel
from pipdesk.store import PlanSummary

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


_STATUS_ORDER = {status: i for i, status in enumerate(Status)}
# Roles as plain ints: Qt hands data() an int, and a view asks about seven roles a cell as it paints,
# most of which the list never answers; comparing with the enum members costs ~0.5 µs each.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, int(PLAN_ID_ROLE), int(SORT_ROLE)})
_RUNNING = (Status.ACTIVE, Status.EXTENDED)
_ROW_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


class PlanListModel(RowsModel[PlanSummary]):
    """Every plan of the plan book, in the order shown; sorted here, filtered by :class:`PlanFilterProxy`."""

    EMPLOYEE, TITLE, STATUS, DAYS_LEFT, NEXT_CHECKIN = range(5)
    HEADERS = ("Employee", "Title", "Status", "Days left", "Next check-in")

    def __init__(self, today: Callable[[], dt.date] = dt.date.today, parent: QObject | None = None) -> None:
        super().__init__(parent)  # self.rows: the plans in the order shown (before filtering)
        self.today = today
        #: What the search reads of each plan besides its employee and title (its summary and concerns), by
        #: plan id, asked for at the first search after a load; None: the rows' own ``search_text``.
        self.more_text: Callable[[], dict[int, str]] | None = None
        self._search_text: dict[int, str] | None = {}
        self._loaded: list[PlanSummary] = []
        self._row_by_id: dict[int, int] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Sequence[PlanSummary]) -> None:
        self.beginResetModel()
        self._loaded = list(rows)
        self._search_text = None  # worked out at the first search (plan_list_search_text)
        self._order()
        self.endResetModel()

    @property
    def search_text(self) -> dict[int, str]:
        """Each plan's employee, title, summary and concerns, case-folded for search, by plan id."""
        if self._search_text is None:
            more = self.more_text() if self.more_text is not None else {}
            self._search_text = {
                row.id: f"{row.employee} {row.title} {more.get(row.id, row.search_text)}".casefold()
                for row in self._loaded
            }
        return self._search_text

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
            if column in (self.EMPLOYEE, self.TITLE):  # the usual sort, on every load: no call a row for its key
                employee = column == self.EMPLOYEE
                keys = [(row.employee if employee else row.title).casefold() for row in self._loaded]
                order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
                self.rows = [self._loaded[i] for i in order]
            else:
                self.rows = sorted(self._loaded, key=lambda row: self.sort_key(row, column, today), reverse=descending)
        else:
            self.rows = list(self._loaded)
        self._row_by_id = {row.id: i for i, row in enumerate(self.rows)}

    def sort_key(self, row: PlanSummary, column: int, today: dt.date) -> Any:
        if column == self.DAYS_LEFT:
            return row.days_left(today) if row.status in _RUNNING else 10**6
        if column == self.NEXT_CHECKIN:
            return row.next_checkin.isoformat() if row.next_checkin else "9999"
        if column == self.STATUS:
            return _STATUS_ORDER[row.status]
        return (row.employee if column == self.EMPLOYEE else row.title).casefold()

    def row_of(self, plan_id: int) -> int:
        return self._row_by_id.get(plan_id, -1)

    @staticmethod
    def _overdue(row: PlanSummary, today: dt.date) -> bool:
        """A paused plan's meetings are not late: its clock stands still until it resumes."""
        return row.next_checkin is not None and row.next_checkin < today and not row.paused

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row: PlanSummary, column: int, role: int) -> Any:
        """What ``data()`` gives for a plan's cell (the proxy asks it straight, one call from C++ a cell)."""
        if role == _DISPLAY:
            if column == self.EMPLOYEE:
                return row.employee
            if column == self.TITLE:
                return row.title
            if column == self.STATUS:  # "Paused" alone fits the column; the tooltip says the rest
                return vocabulary.PAUSED if row.paused else vocabulary.status(row.status)
            if column == self.DAYS_LEFT:
                if row.status not in _RUNNING:
                    return "—"
                days = row.days_left(self.today())
                return f"{days}" if days >= 0 else f"{-days} over"
            if column == self.NEXT_CHECKIN:
                if row.next_checkin is None:
                    return "—"
                if row.paused:  # its date moves by the days paused: none is due until it resumes
                    return vocabulary.PAUSED
                overdue = self._overdue(row, self.today())
                day = vocabulary.short_date(row.next_checkin)
                return f"⚠ {day}" if overdue else day
            return None
        if role == PLAN_ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return self.sort_key(row, column, self.today())
        if column == self.NEXT_CHECKIN and row.next_checkin is not None and self._overdue(row, self.today()):
            if role == _FOREGROUND:
                return QBrush(alert_colour(QPalette()))
            if role == _TOOLTIP:
                return "This check-in is past its date and not logged"
        if role == _TOOLTIP and row.paused_since is not None and column in (self.STATUS, self.DAYS_LEFT):
            since = vocabulary.short_date(row.paused_since)
            status = vocabulary.status(row.status, paused=True)
            return f"{status} since {since}: the days left stand still until the plan resumes"
        if role == _TOOLTIP and row.paused_since is not None and column == self.NEXT_CHECKIN:
            return "Paused: the check-ins move by the days paused when the plan resumes"
        if role == _TOOLTIP and column in (self.EMPLOYEE, self.TITLE):
            return f"{row.employee} — {row.title}"
        return None


class PlanFilterProxy(QAbstractProxyModel):
    """Filters a :class:`PlanListModel` by search text (employee, title, summary, concerns; any case, any script)
    and by status.

    The visible rows are a list of the source's rows, in the source's order; a new search or status
    works the list out again in one pass of Python over the folded texts and, when it changed,
    resets the proxy (the view then asks only for the rows it paints). Typing one more letter only
    narrows the list, so only the rows still shown are searched. Sorting is the source model's
    (see :meth:`PlanListModel.sort`); the proxy keeps its order, and its persistent indexes (the
    view's selection) move with their plans.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: Status | None = None
        self._model: PlanListModel | None = None
        self._words: list[str] = []
        # Per source row: its folded search text (filled at the first search after the source's rows
        # change) and status (filled when they change).
        self._texts: list[str] | None = []
        self._statuses: list[Status] = []
        #: The source rows shown, ascending.
        self._visible: list[int] = []
        self._moving: list[tuple[QModelIndex, int]] = []

    # The source

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, PlanListModel):
            raise TypeError("PlanFilterProxy filters a PlanListModel")
        self.beginResetModel()
        if self._model is not None:
            for signal, slot in self._connections(self._model):
                signal.disconnect(slot)
        super().setSourceModel(model)
        self._model = model
        for signal, slot in self._connections(model):
            signal.connect(slot)
        self._source_rows_changed()
        self.endResetModel()

    def _connections(self, model: PlanListModel) -> list[tuple[Any, Callable[..., None]]]:
        return [
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._source_reset),
            (model.layoutAboutToBeChanged, self._source_layout_about_to_change),
            (model.layoutChanged, self._source_layout_changed),
        ]

    def _source_rows_changed(self) -> None:
        model = self._model
        rows = model.rows if model is not None else []
        self._texts = None
        self._statuses = [row.status for row in rows]
        self._visible = self._match(range(len(rows)))

    def _source_reset(self) -> None:
        self._source_rows_changed()
        self.endResetModel()

    def _source_layout_about_to_change(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        self._moving = [(index, self._plan_id(index.row())) for index in self.persistentIndexList()]

    def _source_layout_changed(self, *_args: object) -> None:
        self._source_rows_changed()
        moving, self._moving = self._moving, []
        old = [index for index, _plan in moving]
        new = [self._index_of_plan(plan_id, index.column()) for index, plan_id in moving]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # Filtering

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        # Every plan holding the new words holds the old ones: only the plans shown need a look.
        narrower = all(any(old in new for new in words) for old in self._words)
        self._words = words
        self._refilter(self._visible if narrower else None)

    def set_status(self, status: Status | str | None) -> None:
        """Show plans of one status only (a combo box hands the enum back as its text)."""
        self.status = Status(status) if status else None
        self._refilter(None)

    def _refilter(self, candidates: Sequence[int] | None) -> None:
        visible = self._match(range(len(self._statuses)) if candidates is None else candidates)
        if visible == self._visible:
            return
        self.beginResetModel()
        self._visible = visible
        self.endResetModel()

    def _match(self, candidates: Iterable[int]) -> list[int]:
        if self.status is not None:
            status, statuses = self.status, self._statuses
            candidates = [i for i in candidates if statuses[i] is status]
        words = self._words
        if not words:
            return list(candidates)
        texts = self._search_texts()
        if len(words) == 1:
            word = words[0]
            return [i for i in candidates if word in texts[i]]
        return [i for i in candidates if all(word in texts[i] for word in words)]

    def prepare_search(self) -> None:
        """Read and fold the search words now (the window does it once idle after a load), so the first
        keystroke does not wait for them (~0.1 s on 10,000 plans)."""
        self._search_texts()

    def _search_texts(self) -> list[str]:
        if self._texts is None:
            model = self._model
            texts = model.search_text if model is not None else {}
            self._texts = [texts[row.id] for row in model.rows] if model is not None else []
        return self._texts

    # Plans

    def row_of(self, plan_id: int) -> int:
        """The row showing the plan, or -1 when it is filtered out or not in the plan book."""
        if self._model is None:
            return -1
        return self._proxy_row(self._model.row_of(plan_id))

    def _proxy_row(self, source_row: int) -> int:
        position = bisect.bisect_left(self._visible, source_row)
        return position if position < len(self._visible) and self._visible[position] == source_row else -1

    def _plan_id(self, row: int) -> int:
        assert self._model is not None
        return self._model.rows[self._visible[row]].id

    def _index_of_plan(self, plan_id: int, column: int) -> QModelIndex:
        row = self.row_of(plan_id)
        return self.index(row, column) if row >= 0 else QModelIndex()

    # The proxy model interface

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if self._model is None or not proxy_index.isValid():
            return QModelIndex()
        return self._model.index(self._visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_row(source_index.row())
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._visible) and 0 <= column < len(PlanListModel.HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index | None = None) -> Any:
        if child is None:
            return QObject.parent(self)  # the QObject's parent, for a call without an index
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlanListModel.HEADERS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._visible)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._model.headerData(section, orientation, role) if self._model is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or self._model is None or not index.isValid():
            return None
        return self._model.cell(self._model.rows[self._visible[index.row()]], index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is not None:
            self._model.sort(column, order)


def show_plans(table: QTableView, proxy: PlanFilterProxy) -> None:
    """``table`` shows the plan list through ``proxy``: by employee, each column as wide as its usual text."""
    table.setModel(proxy)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    table.sortByColumn(PlanListModel.EMPLOYEE, Qt.SortOrder.AscendingOrder)
    for column, width in ((0, 150), (1, 170), (2, 66), (3, 66), (4, 96)):
        header.resizeSection(column, width)


def keep_plan_selected(table: QAbstractItemView, proxy: PlanFilterProxy, plan_id: Callable[[], int | None]) -> None:
    """After each reset of ``proxy`` (a new search, status or list), select the plan ``plan_id()`` again if shown.

    A plan the filter hides stays open and is selected again when the filter shows it; the list
    never moves the selection to another plan by itself.
    """

    def select_again() -> None:
        wanted = plan_id()
        row = proxy.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            table.selectionModel().setCurrentIndex(proxy.index(row, 0), flags)

    proxy.modelReset.connect(select_again)
