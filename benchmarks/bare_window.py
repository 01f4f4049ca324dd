"""The reference for start-up: a bare PySide6 window with a table, launched and quit the way pipdesk is."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class FirstPaint(QObject):
    """Prints the moment of the window's first paint (``time.monotonic()``) and quits, as pipdesk does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"shown at {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(QStandardItemModel(10, 5, table))
    window.setCentralWidget(table)
    window.resize(1440, 900)
    if os.environ.get("PIPDESK_QUIT_WHEN_SHOWN"):
        window.installEventFilter(FirstPaint(window))
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
