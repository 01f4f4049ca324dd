"""The timeline's H key (mark a milestone held or not held) is named where a person looks for keys."""

from __future__ import annotations

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.gui.shell.shortcuts_dialog import ShortcutsDialog
from pipdesk.gui.timeline.view import TIMELINE_KEYS, TimelineView


def test_the_timeline_hint_and_the_shortcuts_dialog_name_the_held_key(qtbot: QtBot, window: MainWindow) -> None:
    timeline = window.findChild(TimelineView)
    assert timeline is not None
    hint = timeline.ui.hintLabel.text()
    assert "H marks held" in hint
    dialog = ShortcutsDialog(window.findChildren(QAction), window, view_keys=TIMELINE_KEYS)
    qtbot.addWidget(dialog)
    assert ("H", "Timeline: mark the selected milestone held or not held") in dialog.rows
    dialog.grab().save("/tmp/shortcuts.png")
