"""A manager's whole plan without the mouse (issue #17): key events only, in the real window.

New plan from a template → issue → acknowledgement → a check-in → close with an outcome → the outcome
PDF. Menus open with Alt+letter, actions by their shortcuts; each dialog (answered through the
ScriptedPrompter) is shown and driven with Tab, typing, Enter and Space. No mouse click, no widget
method that changes a value, no ``QAction.trigger()``. The same flow with the mouse is
``test_first_plan_scenario.py``.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog, QWidget
from pytestqt.qtbot import QtBot

from pipdesk.domain import CheckinKind, Status, vocabulary
from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
from pipdesk.gui.common.reason import ReasonDialog
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.documents.export_dialog import ExportPdfDialog
from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
FIRST_DAY = dt.date(2027, 1, 4)  # a Monday
EMPLOYEE = "Jo Sango"


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one, as the window manager does when it opens.

    The offscreen platform does not activate a second window on ``activateWindow()``; key events
    go to the focus widget of the active window, so the test activates it itself.
    """
    widget.show()
    qtbot.waitExposed(widget)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(widget.window())
    qtbot.waitUntil(lambda: widget.window().isActiveWindow())


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on whatever has the focus (a menu that is open takes it)."""
    qtbot.keyClick(QApplication.activePopupWidget() or focused(), key, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 40, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has the focus; fail naming where the focus went instead."""
    path: list[str] = []
    for _ in range(limit):
        if focused() is target:
            return
        path.append(focused().objectName() or type(focused()).__name__)
        press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, SHIFT if backwards else NONE)
    raise AssertionError(f"Tab never reached {target.objectName()}: {' → '.join(path)}")


def menu(qtbot: QtBot, window: MainWindow, menu_letter: Qt.Key, item_letter: Qt.Key) -> None:
    """Alt+letter opens a menu of the window; a letter picks its item."""
    qtbot.keyClick(focused(), menu_letter, ALT)
    popup = QApplication.activePopupWidget()
    assert popup is not None, f"Alt+{menu_letter.name[-1]} opened no menu"
    qtbot.keyClick(popup, item_letter)


def in_dialog(qtbot: QtBot, kind: type[QDialog], drive: Callable[[QDialog], None]) -> Callable[[QDialog], bool]:
    """A scripted answer to a dialog: show it, make it active, drive it with keys; true when it was accepted."""

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, kind)
        activate(qtbot, dialog)
        drive(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    return fill


# The offscreen platform says so each time a menu pops up; a real screen does neither either way.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_a_plan_from_template_to_outcome_report_with_the_keyboard_only(
    qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    clock = [FIRST_DAY]
    book = PlanBook.open(tmp_path / "mine.pipdesk")
    window = MainWindow(
        book,
        prompter=prompter,
        today=lambda: clock[0],
        templates_folder=tmp_path / "own-templates",
        samples_path=tmp_path / "samples.pipdesk",
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    activate(qtbot, window)

    # A new plan from a template: Plan › New from template (Alt+P, T); type the people and the title.
    def new_plan(dialog: QDialog) -> None:
        assert isinstance(dialog, NewPlanDialog)
        ui = dialog.ui
        assert focused() is ui.employeeEdit, "the dialog opens in its first field"
        type_text(qtbot, EMPLOYEE)
        tab_to(qtbot, ui.jobTitleEdit)
        type_text(qtbot, "Analyst")
        tab_to(qtbot, ui.managerEdit)
        type_text(qtbot, "Dana Whitfield")
        tab_to(qtbot, ui.titleEdit)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "Delivery on time")
        press(qtbot, Qt.Key.Key_Return)  # the dialog's default button: the first template is chosen

    prompter.expect("dialog", in_dialog(qtbot, NewPlanDialog, new_plan))
    menu(qtbot, window, Qt.Key.Key_P, Qt.Key.Key_T)
    assert not prompter.warnings(), prompter.warnings()
    assert window.session is not None
    plan = window.session.plan
    assert (plan.status, plan.employee.name, plan.title) == (Status.DRAFT, EMPLOYEE, "Delivery on time")
    assert plan.objectives, "the template's objectives came with it"

    # Issue it (Alt+P, I): HR has not reviewed it, so confirm, say why, and decline printing now.
    def give_reason(dialog: QDialog) -> None:
        type_text(qtbot, "HR review booked for Friday; the employee asked to start now")
        tab_to(qtbot, dialog.ok)  # type: ignore[attr-defined]
        press(qtbot, Qt.Key.Key_Space)

    activate(qtbot, window)
    prompter.expect("confirm", True).expect("dialog", in_dialog(qtbot, ReasonDialog, give_reason))
    prompter.expect("confirm", False)
    menu(qtbot, window, Qt.Key.Key_P, Qt.Key.Key_I)
    assert not prompter.warnings(), prompter.warnings()
    assert window.session.plan.status is Status.ACTIVE
    assert window.session.plan.revisions[-1].reason.startswith("HR review booked for Friday")

    # The acknowledgement at the kick-off meeting (Alt+P, A): signed today, Enter records it.
    def acknowledge(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_Return)

    prompter.expect("dialog", in_dialog(qtbot, AcknowledgementDialog, acknowledge))
    activate(qtbot, window)
    menu(qtbot, window, Qt.Key.Key_P, Qt.Key.Key_A)
    assert not prompter.warnings(), prompter.warnings()
    assert window.session.plan.acknowledgement is not None

    # A week on, a check-in (Ctrl+K): a value for each objective and a note, then Save.
    objectives = window.session.plan.objectives

    def checkin(dialog: QDialog) -> None:
        assert isinstance(dialog, CheckinFormDialog)
        for objective in objectives:
            tab_to(qtbot, dialog.rows[objective.key].value_edit)
            type_text(qtbot, vocabulary.number(objective.target or 1))
        tab_to(qtbot, dialog.ui.notesEdit)
        type_text(qtbot, "Went through the week's deliveries.")
        tab_to(qtbot, dialog.save_button)
        press(qtbot, Qt.Key.Key_Space)

    for day in (FIRST_DAY + dt.timedelta(weeks=1), window.session.plan.end_date):  # then the final review
        clock[0] = day
        prompter.expect("dialog", in_dialog(qtbot, CheckinFormDialog, checkin))
        activate(qtbot, window)
        press(qtbot, Qt.Key.Key_K, CTRL)
        assert not prompter.warnings(), prompter.warnings()
    assert [c.kind for c in window.session.plan.checkins] == [CheckinKind.CHECKIN, CheckinKind.FINAL]

    # Close with an outcome (Alt+P, C): the summary and monitoring typed, then Close plan.

    def close(dialog: QDialog) -> None:
        assert isinstance(dialog, ClosePlanDialog)
        ui = dialog.ui
        tab_to(qtbot, ui.summaryEdit)
        type_text(qtbot, "Deliveries on time; risks raised early.")
        tab_to(qtbot, ui.followUpCombo)
        press(qtbot, Qt.Key.Key_Down)  # the first follow-up: back to normal performance management
        tab_to(qtbot, ui.monitoringEdit)
        type_text(qtbot, "A monthly look at on-time delivery.")
        if ui.fairnessCommentEdit.isVisible():
            tab_to(qtbot, ui.fairnessCommentEdit)
            type_text(qtbot, "The planning sessions ran every Monday.")
        tab_to(qtbot, dialog.close_button)
        press(qtbot, Qt.Key.Key_Space)

    prompter.expect("dialog", in_dialog(qtbot, ClosePlanDialog, close))
    activate(qtbot, window)
    menu(qtbot, window, Qt.Key.Key_P, Qt.Key.Key_C)
    assert not prompter.answers, "Alt+P, C opens Close with outcome (no other entry of the Plan menu has C)"
    assert not prompter.warnings(), prompter.warnings()
    plan = window.session.plan
    assert plan.status is Status.CLOSED and plan.outcome is not None

    # The outcome report (Ctrl+Shift+E): the outcome report picked with the keys, Enter, a file name.
    def export(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportPdfDialog)
        ui = dialog.ui
        tab_to(qtbot, ui.documentCombo)
        assert ui.documentCombo.currentText() == "Outcome report", "a closed plan's outcome report comes first"
        tab_to(qtbot, ui.openAfterCheck)
        if ui.openAfterCheck.isChecked():
            press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Return)

    target = tmp_path / "outcome.pdf"
    prompter.expect("dialog", in_dialog(qtbot, ExportPdfDialog, export)).expect("save_file", target)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert not prompter.warnings(), prompter.warnings()
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert EMPLOYEE in text and vocabulary.decision(plan.outcome.decision) in text


def test_tab_and_enter_leave_a_date_field(qtbot: QtBot) -> None:
    """A date field let neither Tab nor Enter through (they were taken for a separator typed after a section)."""
    from pipdesk.gui.common.dates import prepare_date_edit

    dialog = QDialog()
    qtbot.addWidget(dialog)
    edit = prepare_date_edit(QDateEdit(dialog), lambda: FIRST_DAY)
    after = QDateEdit(dialog)
    activate(qtbot, dialog)
    edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is after
    edit.setFocus()
    with qtbot.waitSignal(edit.editingFinished):
        press(qtbot, Qt.Key.Key_Return)
