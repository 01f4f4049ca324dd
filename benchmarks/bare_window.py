"""The reference for start-up: a bare PySide6 window with a table, launched and quit the way pipdesk is."""

from __future__ import annotations

import sys

from first_paint import quit_when_shown
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(QStandardItemModel(10, 5, table))
    window.setCentralWidget(table)
    window.resize(1440, 900)
    quit_when_shown(window)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
