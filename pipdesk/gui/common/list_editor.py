"""A table of one list of a plan (objectives, support, …) with add, remove and reorder.

The model never changes the plan itself: it reports the edit a person made as a signal, and the
view turns it into an undoable change of the plan session. Cells a rule or the SMART check flags
are shaded and carry the message as a tooltip. An empty cell may have a placeholder (a template's
guidance): drawn greyed and given as its tooltip and its editor's placeholder, never its value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pipdesk.domain.model import compact_number
from pipdesk.gui.common.colours import warning_colour
from pipdesk.gui.common.dates import DefaultDay, date_of, prepare_date_edit, set_date
from pipdesk.gui.common.help_link import help_button
from pipdesk.gui.common.read_only import keep_enabled_when_read_only

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: which field of the item it shows and how it is edited."""

    header: str
    attr: str
    kind: str = "text"  # text | number | date | optional_date | choice | bool
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None  # (label, value) for "choice"
    width: int = 0
    tooltip: str = ""
    editable: bool = True


def enum_choices(enum: type[Enum], optional: bool = True) -> Callable[[], list[tuple[str, Any]]]:
    def choices() -> list[tuple[str, Any]]:
        values: list[tuple[str, Any]] = [("—", None)] if optional else []
        return values + [(member.value.replace("_", " ").capitalize(), member) for member in enum]

    return choices


@dataclass
class _Issues:
    cells: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    rows: dict[int, list[str]] = field(default_factory=dict)


class ListTableModel(QAbstractTableModel):
    """Read-only view of a list of plan items; edits come out as :attr:`edit_requested`."""

    edit_requested = Signal(int, str, object)  # row, attribute, new value

    def __init__(self, columns: Sequence[Column], issues_column: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.issues_column = issues_column
        self.items: list[BaseModel] = []
        self.read_only = False
        self._issues = _Issues()
        self._placeholders: dict[tuple[int, str], str] = {}

    def set_items(self, items: Sequence[BaseModel]) -> None:
        if len(items) == len(self.items):
            self.items = list(items)
            if self.items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self.items = list(items)
            self.endResetModel()

    def set_issues(self, cells: dict[tuple[int, str], list[str]]) -> None:
        self._issues = _Issues(cells=cells, rows={})
        for (row, _attr), messages in cells.items():
            self._issues.rows.setdefault(row, []).extend(messages)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, self.columnCount() - 1))

    def set_placeholders(self, cells: dict[tuple[int, str], str]) -> None:
        """What an empty cell ((row, attribute) → text) shows greyed until something is written in it."""
        if cells == self._placeholders:
            return
        self._placeholders = dict(cells)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, self.columnCount() - 1))

    def placeholder(self, index: Index) -> str:
        """The placeholder of the cell at ``index`` while it is empty, else ``""``."""
        if not index.isValid() or index.column() >= len(self.columns) or index.row() >= len(self.items):
            return ""
        attr = self.columns[index.column()].attr
        if getattr(self.items[index.row()], attr) not in (None, ""):
            return ""
        return self._placeholders.get((index.row(), attr), "")

    def row_issues(self, row: int) -> list[str]:
        return self._issues.rows.get(row, [])

    # Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + (1 if self.issues_column else 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header if section < len(self.columns) else self.issues_column
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.columns):
            return self.columns[section].tooltip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= len(self.columns) or self.read_only:
            return flags
        column = self.columns[index.column()]
        if not column.editable:
            return flags
        if column.kind == "bool":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if index.column() >= len(self.columns):
            messages = self.row_issues(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"⚠ {len(messages)} to fix" if messages else "✓"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(messages) if messages else "Specific, measurable and time-bound"
            if role == Qt.ItemDataRole.BackgroundRole and messages:
                return QBrush(warning_colour(QPalette()))
            return None
        column = self.columns[index.column()]
        value = getattr(self.items[row], column.attr)
        cell_issues = self._issues.cells.get((row, column.attr))
        if role == Qt.ItemDataRole.DisplayRole:
            return None if column.kind == "bool" else display_text(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                "\n".join(cell_issues)
                if cell_issues
                else (display_text(column, value) or self.placeholder(index) or None)
            )
        if role == Qt.ItemDataRole.BackgroundRole and cell_issues:
            return QBrush(warning_colour(QPalette()))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() >= len(self.columns) or self.read_only:
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if value == getattr(self.items[index.row()], column.attr):
            return False
        self.edit_requested.emit(index.row(), column.attr, value)
        return True


def display_text(column: Column, value: Any) -> str:
    if column.kind == "choice" and column.choices is not None:  # None too: "—", "Not decided yet"
        found = next((label for label, choice in column.choices() if choice == value), None)
        return found if found is not None else ("" if value is None else str(value))
    if value is None:
        return ""
    if isinstance(value, float):
        return str(compact_number(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text.replace("\n", " ⏎ ")


class ColumnDelegate(QStyledItemDelegate):
    """Editors by column kind: a date field (typed or picked, opening on ``default_date()`` when empty),
    a choice list, or a line of text."""

    def __init__(self, model: ListTableModel, default_date: DefaultDay, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.default_date = default_date

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        placeholder = self.model.placeholder(index)
        if placeholder and not option.text:
            option.text = placeholder
            # Greyed and slanted, also on a selected row, so guidance never reads as what was written.
            palette = option.palette
            palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.PlaceholderText))
            option.font.setItalic(True)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.model.columns[index.column()]
        if column.kind in {"date", "optional_date"}:
            return prepare_date_edit(QDateEdit(parent), self.default_date, optional=column.kind == "optional_date")
        if column.kind == "choice":
            combo = QComboBox(parent)
            for label, value in column.choices() if column.choices else []:
                combo.addItem(label, value)
            return combo
        line = QLineEdit(parent)
        line.setPlaceholderText(self.model.placeholder(index))
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        column = self.model.columns[index.column()]
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            set_date(editor, value or None)
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(display_text(column, value).replace(" ⏎ ", "\n") if value is not None else "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        column = self.model.columns[index.column()]
        value: Any
        if isinstance(editor, QDateEdit):
            value = date_of(editor)
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QLineEdit):
            text = editor.text()
            value = parse_number(text) if column.kind == "number" else text
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)


def parse_number(text: str) -> float | str | None:
    """A typed number (``55``, ``4,2``, ``1 000``); empty is no value; anything else is returned as typed."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return text


class ListEditor(QWidget):
    """A table with Add, Remove, Move up and Move down, for one list of the plan."""

    add_requested = Signal()
    remove_requested = Signal(int)
    move_requested = Signal(int, int)  # row, +1 or -1
    current_row_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for its buttons; the arrow keys move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton("Add", self)
        self.remove_button = QPushButton("Remove", self)
        self.up_button = QPushButton("Move up", self)
        self.down_button = QPushButton("Move down", self)
        self.remove_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_button.setShortcutEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.remove_requested.emit))
        self.up_button.clicked.connect(lambda: self._emit_for_current(lambda row: self.move_requested.emit(row, -1)))
        self.down_button.clicked.connect(lambda: self._emit_for_current(lambda row: self.move_requested.emit(row, 1)))
        self.model: ListTableModel | None = None

    def add_help(self, anchor: str, topic: str) -> QWidget:
        """A "?" at the end of the buttons, opening the user guide at ``anchor``."""
        button = help_button(anchor, topic, self)
        keep_enabled_when_read_only(button)
        self._buttons.addWidget(button)
        QWidget.setTabOrder(self.down_button, button)  # read last in its row, so Tab reaches it last
        return button
        self.default_date: DefaultDay = dt.date.today  # where an empty date cell's calendar opens

    def set_model(self, model: ListTableModel, noun: str) -> None:
        self.model = model
        self.table.setModel(model)
        self.table.setItemDelegate(ColumnDelegate(model, lambda: self.default_date(), self.table))
        self.add_button.setText(f"Add {noun}")
        self.add_button.setAccessibleName(f"Add {noun}")
        # The form names the editor ("Concerns"); its table and buttons say which list they work on.
        self.table.setAccessibleName(self.accessibleName() or noun.capitalize())
        verbs = {self.remove_button: "Remove", self.up_button: "Move up", self.down_button: "Move down"}
        for button, verb in verbs.items():
            button.setAccessibleName(f"{verb} {noun}")
        header = self.table.horizontalHeader()
        for number, column in enumerate(model.columns):
            if column.width:
                header.resizeSection(number, column.width)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
        if model.issues_column:
            # The check's verdict comes first, where the eye starts, not past the table's right edge.
            header.moveSection(len(model.columns), 0)
            header.resizeSection(len(model.columns), 100)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._row_changed(current.row()))
        model.modelReset.connect(self.update_buttons)
        self.update_buttons()
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 28)

    def set_read_only(self, read_only: bool) -> None:
        if self.model is not None:
            self.model.read_only = read_only
        self.update_buttons()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if self.model is not None and 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _row_changed(self, row: int) -> None:
        self.update_buttons()
        self.current_row_changed.emit(row)

    def _emit_for_current(self, emit: Callable[[int], None]) -> None:
        row = self.current_row()
        if row >= 0:
            emit(row)

    def update_buttons(self) -> None:
        """Enable the buttons that apply to the row selected."""
        read_only = self.model is None or self.model.read_only
        row = self.current_row()
        count = self.model.rowCount() if self.model is not None else 0
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and row >= 0)
        self.up_button.setEnabled(not read_only and row > 0)
        self.down_button.setEnabled(not read_only and 0 <= row < count - 1)
