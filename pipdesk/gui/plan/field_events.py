"""Watches the Plan view's fields: leaving one commits it, and Undo and Redo reach the plan's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget


class FieldEvents(QObject):
    """Watches the editor's fields.

    Calls back when a field loses focus (a plain text edit has no editingFinished), and lets
    Undo and Redo reach the plan's undo stack: a text field would otherwise take the keys for its
    own undo, which the plan would not know about.
    """

    def __init__(
        self, on_focus_out: Callable[[QWidget], None], on_undo_key: Callable[[bool], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.on_focus_out = on_focus_out
        self.on_undo_key = on_undo_key

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            self.on_focus_out(watched)
        elif event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if redo or event.matches(QKeySequence.StandardKey.Undo):
                if event.type() == QEvent.Type.KeyPress:
                    self.on_undo_key(redo)
                return True  # never the field's own undo; the plan's undo stack has every change
        return False
