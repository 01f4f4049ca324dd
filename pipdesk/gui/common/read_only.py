"""Makes every input under a widget refuse edits (a closed plan), and gives them back afterwards.

What each kind of input does while read-only: line edits, text edits and spin and date boxes become
read-only (the text can still be selected and copied); combo boxes, check boxes, radio buttons and
buttons are disabled; item views take no edits and no clicks or key presses on their check boxes.
A button that does not edit the plan (Export, Print, Extend… which reopens a closed plan by its own
rules) is marked with :func:`keep_enabled_when_read_only` and stays as it is.

The lock holds while the view refreshes itself: a view that enables a button or unlocks a field
meanwhile (a selection changed, the plan was reloaded) does not reopen it; what it asked for is
remembered and becomes the field's state when the lock is lifted. A field that was read-only or
disabled for another reason before the lock stays so afterwards.

One thing cannot be seen: Qt sends no event when a view disables a button that is disabled already,
so a button the view first enabled and then disabled while locked comes back enabled. Views set
their buttons on every refresh, so the next refresh after the plan reopens puts it right.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: Dynamic property: a widget with it set to true keeps working while its view is read-only.
KEEP_ENABLED = "pipdesk_keep_enabled_when_read_only"

_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
_SWITCHES = (QComboBox, QAbstractButton)
# The inner parts of these widgets (a spin box's line edit, a tab bar's scroll buttons, a cell editor)
# belong to them; the outer widget is what is made read-only.
_COMPOSITES = (QAbstractSpinBox, QComboBox, QTabBar, QScrollBar, QCalendarWidget, QAbstractItemView)


def keep_enabled_when_read_only(widget: QWidget) -> None:
    """Mark a button that does not edit the plan, so :func:`apply_read_only` leaves it alone."""
    widget.setProperty(KEEP_ENABLED, True)


def apply_read_only(widget: QWidget, read_only: bool) -> None:
    """Make every input under ``widget`` (itself included) refuse edits, or give back what it had."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if child is not widget and _inside_composite(child, widget):
            continue
        if child.property(KEEP_ENABLED) or not isinstance(child, (*_TEXT_INPUTS, *_SWITCHES, QAbstractItemView)):
            continue
        lock = _Lock.of(child)
        if read_only and lock is None:
            _Lock(child)
        elif not read_only and lock is not None:
            lock.lift()


def _inside_composite(child: QWidget, root: QWidget) -> bool:
    parent = child.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _state(widget: QWidget) -> Any:
    """What the lock changes: read-only, enabled, or the edit triggers of an item view."""
    if isinstance(widget, _TEXT_INPUTS):
        return widget.isReadOnly()
    if isinstance(widget, _SWITCHES):
        return widget.isEnabled()
    assert isinstance(widget, QAbstractItemView)
    return widget.editTriggers()


def _set_state(widget: QWidget, state: Any) -> None:
    if isinstance(widget, _TEXT_INPUTS):
        widget.setReadOnly(bool(state))
    elif isinstance(widget, _SWITCHES):
        widget.setEnabled(bool(state))
    elif isinstance(widget, QAbstractItemView):
        widget.setEditTriggers(state)


def _locked_state(widget: QWidget) -> Any:
    if isinstance(widget, _TEXT_INPUTS):
        return True
    if isinstance(widget, _SWITCHES):
        return False
    return QAbstractItemView.EditTrigger.NoEditTriggers


class _Lock(QObject):
    """Holds one input read-only; a child of it, so it goes when the input goes.

    Watches the input: when its view unlocks it (``setEnabled(True)``, ``setReadOnly(False)``), the
    lock records that as the state to give back and locks it again. In an item view it also swallows
    the clicks and Space presses that would tick a check box: the view's delegate toggles those
    whatever the edit triggers say. Selecting rows and scrolling still work.
    """

    NAME = "pipdesk_read_only_lock"

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.setObjectName(self.NAME)
        self.widget = widget
        self.wanted = _state(widget)
        self._locking = False
        widget.installEventFilter(self)
        if isinstance(widget, QAbstractItemView):
            widget.viewport().installEventFilter(self)
        self._lock()

    @classmethod
    def of(cls, widget: QWidget) -> _Lock | None:
        found = widget.findChild(QObject, cls.NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, _Lock) else None

    def lift(self) -> None:
        self.widget.removeEventFilter(self)
        if isinstance(self.widget, QAbstractItemView):
            self.widget.viewport().removeEventFilter(self)
        self._locking = True
        _set_state(self.widget, self.wanted)
        self.setParent(None)
        self.deleteLater()

    def _lock(self) -> None:
        self._locking = True
        try:
            _set_state(self.widget, _locked_state(self.widget))
        finally:
            self._locking = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        widget = self.widget
        if kind in (QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange) and watched is widget:
            if not self._locking and _state(widget) != _locked_state(widget):
                self.wanted = _state(widget)
                self._lock()
            return False
        if not isinstance(widget, QAbstractItemView):
            return False
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick) and isinstance(event, QMouseEvent):
            return watched is widget.viewport() and _checkable(widget, widget.indexAt(event.position().toPoint()))
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and watched is widget:
            return event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and _checkable(widget, widget.currentIndex())
        return False


def _checkable(view: QAbstractItemView, index: QModelIndex) -> bool:
    model = view.model()
    return bool(model is not None and index.isValid() and model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable)
