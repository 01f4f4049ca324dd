"""Every date field takes a date typed in the shown format, and an empty one opens its calendar near today."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QWidget
from pytestqt.qtbot import QtBot

from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
from pipdesk.gui.common.dates import NO_DATE, date_of, prepare_date_edit
from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
from pipdesk.gui.outcome.extend_dialog import ExtendPlanDialog
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plan.objective_dialog import ObjectiveDialog
from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog
from pipdesk.gui.shell.main_window import MainWindow

from conftest import DMITRY, TODAY, load_sample


def open_cell_editor(qtbot: QtBot, window: MainWindow) -> QDateEdit:
    """Plan tab › Add support action › double-click Due: the date editor of the new, empty cell."""
    assert window.select_plan(DMITRY)
    support = window.editor.ui.supportList
    support.table.scrollTo(support.table.model().index(0, 0))
    qtbot.mouseClick(support.add_button, Qt.MouseButton.LeftButton)
    model = support.model
    assert model is not None
    row = model.rowCount() - 1
    due = next(n for n, c in enumerate(model.columns) if c.attr == "due_date")
    index = model.index(row, due)
    assert model.data(index) == ""
    support.table.scrollTo(index)
    support.table.setCurrentIndex(index)
    support.table.edit(index)
    editor = support.table.indexWidget(index) or support.table.focusWidget()
    assert isinstance(editor, QDateEdit)
    return editor


def test_a_date_typed_into_an_empty_cell_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_cell_editor(qtbot, window)
    assert editor.text() == "Not set"
    qtbot.keyClicks(editor, "2026-12-14")
    assert editor.text() == "2026-12-14"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.editor.lists["support"].error.isHidden(), window.editor.lists["support"].error.text()
    session = window.editor.session
    assert session is not None
    qtbot.waitUntil(lambda: session.plan.support[-1].due_date is not None)  # the delegate commits when idle
    assert session.plan.support[-1].due_date == dt.date(2026, 12, 14)
    assert window.editor.ui.supportList.model.data(window.editor.ui.supportList.table.currentIndex()) == "2026-12-14"


# The offscreen platform cannot raise a pop-up or give it the keyboard; a screen can.
popup_on_offscreen = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def open_calendar(qtbot: QtBot, edit: QDateEdit) -> None:
    """Click the date field's arrow, as a person opens its calendar."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))
    qtbot.waitUntil(edit.calendarWidget().isVisible)


@popup_on_offscreen
def test_an_empty_cells_calendar_opens_inside_the_plans_period(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_cell_editor(qtbot, window)
    open_calendar(qtbot, editor)
    calendar = editor.calendarWidget()
    # Today is 23 Nov 2026; the draft runs from 1 Dec 2026.
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 12)
    calendar.window().hide()


def test_an_empty_date_field_takes_a_typed_date_and_can_be_cleared(qtbot: QtBot) -> None:
    edit = prepare_date_edit(QDateEdit(), lambda: TODAY, optional=True)
    qtbot.addWidget(edit)
    edit.setDate(NO_DATE)
    assert date_of(edit) is None
    qtbot.keyClicks(edit, "2027-01-05")
    assert date_of(edit) == dt.date(2027, 1, 5)
    edit.lineEdit().selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert date_of(edit) is None and edit.text() == "Not set"


@popup_on_offscreen
def test_an_empty_date_field_opens_its_calendar_inside_its_range(qtbot: QtBot) -> None:
    edit = prepare_date_edit(QDateEdit(), lambda: dt.date(2030, 6, 1), optional=True)
    qtbot.addWidget(edit)
    edit.setMaximumDate(QDate(2027, 2, 28))
    edit.setDate(NO_DATE)
    edit.show()
    open_calendar(qtbot, edit)
    calendar = edit.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 2)
    calendar.window().hide()


def _dialogs() -> list[tuple[str, QDialog, str]]:
    alex = load_sample("alex-delivery-active")
    return [
        ("new plan", NewPlanDialog(TODAY), "startDateEdit"),
        ("acknowledgement", AcknowledgementDialog(alex, TODAY), "dateEdit"),
        ("objective", ObjectiveDialog(alex, "new-objective"), "dueDateEdit"),
        ("check-in", CheckinFormDialog(alex, TODAY), "dateEdit"),
        ("extend", ExtendPlanDialog(alex, TODAY), "endDateEdit"),
        ("close", ClosePlanDialog(alex, TODAY), "decidedOnEdit"),
    ]


@pytest.mark.parametrize("which", range(6))
def test_every_dialogs_date_field_takes_a_typed_date(qtbot: QtBot, which: int) -> None:
    name, dialog, field = _dialogs()[which]
    qtbot.addWidget(dialog)
    edit: QDateEdit = getattr(dialog.ui, field)
    shown = date_of(edit)
    assert shown is not None
    # Another year where the field allows it (the objective's due date stays inside the plan's 2026 period).
    days = {"objective": -67, "acknowledgement": -365, "check-in": -365}.get(name, 365)
    day = shown + dt.timedelta(days=days)
    assert day.year != shown.year or name == "objective"
    assert edit.displayFormat() == "yyyy-MM-dd" and edit.calendarPopup(), name
    qtbot.keyClicks(edit, day.isoformat())
    assert edit.text() == day.isoformat(), name
    assert date_of(edit) == day, name


def test_the_plan_editors_date_fields_are_prepared(qtbot: QtBot, window: MainWindow) -> None:
    window.select_plan(DMITRY)
    for edit in window.editor.findChildren(QDateEdit):
        assert isinstance(edit.parent(), QWidget)
        assert edit.displayFormat() == "yyyy-MM-dd" and edit.calendarPopup()
