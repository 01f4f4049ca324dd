"""Dialogs refuse OK while something is missing, saying what in place, and accept once it is fixed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plan.objective_dialog import ObjectiveDialog
from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog

from conftest import TODAY, load_sample


def press_ok(dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_new_plan_dialog_names_what_is_missing_then_accepts(qtbot: QtBot) -> None:
    dialog = NewPlanDialog(TODAY)
    qtbot.addWidget(dialog)
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ui.errorLabel.text().splitlines() == [
        "Enter the employee's name",
        "Enter your name as manager",
        "Give the plan a title",
    ]
    dialog.fill("Priya Raman", "Delivery predictability", manager="Dana Whitfield")
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_acknowledgement_refusal_without_a_witness_is_not_accepted(qtbot: QtBot) -> None:
    dialog = AcknowledgementDialog(load_sample("alex-delivery-active"), TODAY)
    qtbot.addWidget(dialog)
    dialog.ui.refusedCheck.setChecked(True)
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "needs a witness" in dialog.ui.errorLabel.text()


def test_objective_dialog_refuses_a_target_equal_to_the_baseline(qtbot: QtBot) -> None:
    dialog = ObjectiveDialog(load_sample("alex-delivery-active"), "new-objective")
    qtbot.addWidget(dialog)
    dialog.fill("Reply to every customer e-mail within a day", "late replies a week", "replies", "4", "4")
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ui.errorLabel.text()
    dialog.fill("Reply to every customer e-mail within a day", "late replies a week", "replies", "4", "0")
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
