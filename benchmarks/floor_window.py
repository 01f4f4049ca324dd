"""The floor for start-up: the least a window showing a plan book's plans can do, on pipdesk's own stack.

``python benchmarks/floor_window.py BOOK`` opens ``BOOK`` through sqlcipher3 (pipdesk's driver),
reads the plan list (employee, title, status, end date, next open milestone) in one SQL query into
a small ``QAbstractTableModel``, and shows it in a window with a search box, a splitter and two
tabs. It is what pipdesk's first screen shows with nothing else, written for this purpose: the
ratio of pipdesk's launch to this one is how much pipdesk adds to what PySide6 and SQLite cost.
Like pipdesk under ``PIPDESK_QUIT_WHEN_SHOWN``, it prints the moment its window is shown and quits.
"""

from __future__ import annotations

import sys

from first_paint import quit_when_shown
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlcipher3 import dbapi2 as sqlite3

HEADERS = ("Employee", "Plan", "Status", "Ends", "Next check-in")
QUERY = """
SELECT p.employee_name, p.title, p.status, p.end_date,
       (SELECT min(m.date) FROM milestones m WHERE m.plan_id = p.id AND m.done = 0)
  FROM plans p
 ORDER BY p.employee_name COLLATE NOCASE, p.start_date, p.id
"""


class Plans(QAbstractTableModel):
    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()] or ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None


def main() -> int:
    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(sys.argv[1])
    rows = conn.execute(QUERY).fetchall()
    window = QMainWindow()
    splitter = QSplitter(window)
    left = QWidget(splitter)
    layout = QVBoxLayout(left)
    search = QLineEdit(left)
    search.setPlaceholderText("Search plans")
    table = QTableView(left)
    table.setModel(Plans(rows))
    layout.addWidget(search)
    layout.addWidget(table)
    tabs = QTabWidget(splitter)
    tabs.addTab(QTextBrowser(tabs), "This week")
    tabs.addTab(QWidget(tabs), "Plan")
    window.setCentralWidget(splitter)
    window.resize(1440, 900)
    quit_when_shown(window)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
