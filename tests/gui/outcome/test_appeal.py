"""Recording an appeal against a closed plan's outcome, through the Plan menu and the appeal dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from pipdesk.domain import AppealResult
from pipdesk.gui.common.dates import set_date
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.outcome.appeal import NOT_CLOSED
from pipdesk.gui.outcome.appeal_dialog import AppealDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, DMITRY

LODGED, HEARD = dt.date(2026, 11, 20), dt.date(2026, 11, 27)


def accept(dialog: QDialog) -> bool:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog.result() == QDialog.DialogCode.Accepted


def test_an_appeal_is_offered_only_on_a_closed_plan_and_the_status_tip_says_why(window: MainWindow) -> None:
    action = window.ui.actionRecordAppeal
    assert action in window.ui.menuPlan.actions()
    for plan_id in (ALEX, DMITRY):
        window.select_plan(plan_id)
        assert not action.isEnabled()
        assert NOT_CLOSED in action.statusTip()
    window.select_plan(BETH)
    assert action.isEnabled()
    assert "appeal" in action.statusTip() and NOT_CLOSED not in action.statusTip()


def test_an_appeal_is_recorded_saved_and_completed_later(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    window.select_plan(BETH)

    def lodge(dialog: QDialog) -> bool:
        assert isinstance(dialog, AppealDialog) and dialog.windowTitle() == "Record appeal"
        set_date(dialog.lodged_edit, LODGED)
        dialog.grounds_edit.setPlainText("The final review <b>ignored</b> the last month & its figures")
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(AppealResult.UPHELD))
        assert not accept(dialog), "a result needs the day the appeal was heard"
        assert "heard" in dialog.error_label.text()
        dialog.result_combo.setCurrentIndex(0)  # not decided yet
        return accept(dialog)

    prompter.expect("dialog", lodge)
    window.ui.actionRecordAppeal.trigger()
    assert window.session is not None
    window.session.save_now()
    appeal = book.get(BETH).appeal
    assert appeal is not None and appeal.lodged_on == LODGED and appeal.result is None
    assert appeal.grounds.startswith("The final review <b>ignored</b>")

    def hear(dialog: QDialog) -> bool:
        assert isinstance(dialog, AppealDialog) and dialog.windowTitle() == "Edit appeal"
        assert dialog.grounds_edit.toPlainText().startswith("The final review")  # the appeal recorded, reused
        dialog.heard_by_edit.setText("Jun Takahashi")
        set_date(dialog.heard_edit, HEARD)
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(AppealResult.PARTLY_UPHELD))
        return accept(dialog)

    prompter.expect("dialog", hear)
    window.ui.actionRecordAppeal.trigger()
    window.session.save_now()
    heard = book.get(BETH).appeal
    assert heard is not None
    assert (heard.lodged_on, heard.heard_by, heard.heard_on, heard.result) == (
        LODGED,
        "Jun Takahashi",
        HEARD,
        AppealResult.PARTLY_UPHELD,
    )
    assert not prompter.warnings()
