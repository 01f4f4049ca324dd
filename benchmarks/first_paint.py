"""The moment a benchmark window is first painted, printed as pipdesk prints it, then the window quits."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstPaint(QObject):
    """Prints the moment of the window's first paint (``time.monotonic()``) and quits, as pipdesk does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"shown at {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def quit_when_shown(window: QWidget) -> None:
    """Under ``PIPDESK_QUIT_WHEN_SHOWN``, as for pipdesk: say when ``window`` is painted, then quit."""
    if os.environ.get("PIPDESK_QUIT_WHEN_SHOWN"):
        window.installEventFilter(FirstPaint(window))
