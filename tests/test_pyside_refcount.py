"""PySide6 must not leak references to None: Python 3.11 aborts the app when the count reaches zero.

PySide6 6.12.0 dropped one reference to None on every call of a Qt method that returns nothing
(``setText``, ``setObjectName``…); after some thousands of calls a long session ended in "Fatal
Python error: none_dealloc". pyproject.toml keeps that version out; this test keeps it out for good.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_returning_nothing_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label, thing = QLabel(), QObject()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("a")
        thing.setObjectName("b")
    # A few references may come or go with the interpreter's own bookkeeping; 1,000 calls may not drop 1,000.
    assert abs(sys.getrefcount(None) - before) < 50
