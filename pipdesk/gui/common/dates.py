"""Dates between Python and Qt, and the one way a date is edited: typed in the shown format or
picked from a calendar that opens on a useful month (today, or inside the plan's period)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QWidget

if TYPE_CHECKING:
    from pipdesk.domain import Plan

DATE_EDIT_FORMAT = "yyyy-MM-dd"
NO_DATE = QDate(1900, 1, 1)  # an optional date edit at its minimum shows "Not set" and means no date
NOT_SET = "Not set"

DefaultDay = Callable[[], dt.date]


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def day_in_period(day: dt.date, plan: Plan | None) -> dt.date:
    """``day``, or the nearest day of the plan's period when it falls outside it."""
    if plan is None:
        return day
    return min(max(day, plan.start_date), plan.end_date)


def prepare_date_edit(edit: QDateEdit, default: DefaultDay = dt.date.today, *, optional: bool = False) -> QDateEdit:
    """Make ``edit`` a pipdesk date field: it shows and takes dates as ``yyyy-MM-dd``, pops up a calendar,
    and when it holds no date (``optional``: "Not set") typing starts a date and the calendar opens on
    ``default()`` (kept inside the edit's range) rather than on January 1900.

    Set an optional edit's date to :data:`NO_DATE` for no date; select all and press Delete to clear it.
    """
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_EDIT_FORMAT)
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(NOT_SET)
    behaviour = _DateEditBehaviour(edit, default, optional)
    edit.installEventFilter(behaviour)
    return edit


def is_empty(edit: QDateEdit) -> bool:
    return bool(edit.specialValueText()) and edit.date() == edit.minimumDate()


def date_of(edit: QDateEdit) -> dt.date | None:
    """The date in ``edit``, ``None`` when an optional edit holds none."""
    return None if is_empty(edit) else pydate(edit.date())


def set_date(edit: QDateEdit, day: dt.date | None) -> None:
    edit.setDate(qdate(day) if day is not None else edit.minimumDate())


class _DateEditBehaviour(QObject):
    """What a plain QDateEdit lacks: typing into an empty date, and a calendar that opens near today."""

    def __init__(self, edit: QDateEdit, default: DefaultDay, optional: bool) -> None:
        super().__init__(edit)
        self.edit = edit
        self.default = default
        self.optional = optional
        self._watching_calendar = False  # the calendar is made when first needed, not with every date field
        self._section_before_digit: QDateEdit.Section | None = None

    def _default_date(self) -> QDate:
        day = qdate(self.default())
        return min(max(day, self.edit.minimumDate()), self.edit.maximumDate())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        edit = self.edit
        # Only the edit and its calendar are watched; Qt may hand either over in a new Python wrapper.
        if isinstance(watched, QCalendarWidget):
            if event.type() == QEvent.Type.Show and is_empty(edit):
                start = self._default_date()
                watched.setCurrentPage(start.year(), start.month())
            return False
        if not self._watching_calendar and event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress):
            self._watching_calendar = True
            edit.calendarWidget().installEventFilter(self)
        if isinstance(watched, QDateEdit) and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key_pressed(event)
        return False

    def _key_pressed(self, event: QKeyEvent) -> bool:
        edit = self.edit
        text = event.text()[:1]
        before, self._section_before_digit = self._section_before_digit, None
        advanced = before is not None and before != edit.currentSection()
        if text.isdigit():
            if is_empty(edit):
                # "Not set" cannot be typed over: start from a real date.
                edit.setDate(self._default_date())
                edit.lineEdit().setCursorPosition(0)
            if edit.lineEdit().cursorPosition() == 0 and not edit.lineEdit().hasSelectedText():
                # Typing at the start replaces the first section, as typing into a selected section does.
                edit.setSelectedSection(edit.sectionAt(0))
            self._section_before_digit = edit.currentSection()
            return False
        if text and text.isprintable() and not text.isalnum() and advanced:
            # A full section moves to the next one by itself; the separator typed after it must not
            # skip another, or "2026-12-14" becomes 2026-11-12.
            return True
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and is_empty(edit):
            # "Not set" has no sections to step through, and Qt's date edit then keeps Tab for ever.
            return _leave(edit, forward=event.key() == Qt.Key.Key_Tab)
        clearing = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if self.optional and clearing and edit.lineEdit().selectedText() == edit.text() and not is_empty(edit):
            edit.setDate(edit.minimumDate())
            return True
        return False


def _leave(edit: QDateEdit, forward: bool) -> bool:
    """Move the focus from ``edit`` to the next (or previous) widget Tab reaches in its window."""
    widget: QWidget | None = edit.nextInFocusChain() if forward else edit.previousInFocusChain()
    while widget is not None and widget is not edit:
        focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and widget.isEnabled()
        if focusable and widget.window() is edit.window() and not edit.isAncestorOf(widget):
            widget.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
            return True
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
    return False
