"""Help › Keyboard shortcuts: each command with a key, then each view's own keys, in a table whose columns
size to their text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pipdesk.gui.common.screen import fit_to_screen


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(keys, command) for each action with a key and a name, in the order of the commands' names."""
    rows = {
        (action.text().replace("&", ""), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        for action in actions
        if not action.shortcut().isEmpty() and action.text()
    }
    return [(keys, command) for command, keys in sorted(rows, key=lambda row: row[0].casefold())]


class ShortcutsDialog(QDialog):
    """The keys of the window's commands, two columns that never run into each other."""

    def __init__(
        self,
        actions: Sequence[QAction],
        parent: QWidget | None = None,
        *,
        view_keys: Sequence[tuple[str, str]] = (),
        view: str = "Timeline",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = shortcut_rows(actions) + [(keys, f"{view}: {what}") for keys, what in view_keys]
        table = QTableWidget(len(self.rows), 2, self)
        table.setObjectName("shortcutsTable")
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Command", "Keys"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        for row, (keys, command) in enumerate(self.rows):
            table.setItem(row, 0, QTableWidgetItem(command))
            table.setItem(row, 1, QTableWidgetItem(keys))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        table.resizeColumnsToContents()
        # Every row in view when the screen has room; the table scrolls when it has not.
        width = table.columnWidth(0) + table.columnWidth(1) + 80
        height = table.verticalHeader().length() + header.sizeHint().height() + buttons.sizeHint().height() + 50
        fit_to_screen(self, QSize(max(width, 420), height))
