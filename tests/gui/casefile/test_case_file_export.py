"""File › Export case file… through the real dialog: the case file written verifies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pipdesk.gui.casefile.dialog import CaseFileDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.services.case_file import check_case_file

from conftest import ALEX, prompter_of


def answer(qtbot: QtBot, employee_copy: bool, password: str, repeat: str | None = None) -> Callable[[QDialog], bool]:
    """Fill the dialog as a person does: click a copy, type the password twice, press Export."""

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CaseFileDialog)
        qtbot.mouseClick(dialog.employee_radio if employee_copy else dialog.full_radio, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.password_edit, password)
        qtbot.keyClicks(dialog.repeat_edit, password if repeat is None else repeat)
        buttons = dialog.findChild(QDialogButtonBox)
        export = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert export.text() == "Export"
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    return fill


def test_export_case_file_writes_an_encrypted_employee_copy_that_verifies(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.select_plan(ALEX)
    action = window.ui.actionExportCaseFile
    assert action in window.ui.menuFile.actions() and action.isEnabled()
    prompter_of(window).expect("dialog", answer(qtbot, True, "kestrel-42")).expect("save_file", tmp_path / "alex")
    action.trigger()
    written = tmp_path / "alex.zip"
    check = check_case_file(written, "kestrel-42")
    assert check.intact and check.manifest["copy"] == "employee" and check.manifest["plan_id"] == ALEX
    assert prompter_of(window).warnings() == []
    assert "alex.zip" in window.statusBar().currentMessage()


def test_passwords_that_differ_are_said_in_the_dialog_and_nothing_is_written(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.select_plan(ALEX)
    seen: list[str] = []

    def fill(dialog: QDialog) -> bool:
        accepted = answer(qtbot, False, "kestrel-42", "kestrel-43")(dialog)
        assert isinstance(dialog, CaseFileDialog)
        seen.append(dialog.error_label.text() if dialog.error_label.isVisibleTo(dialog) else "")
        return accepted

    prompter_of(window).expect("dialog", fill)
    window.ui.actionExportCaseFile.trigger()
    assert seen == ["The two passwords differ; type the same password twice"]
    assert not prompter_of(window).answers  # no file name was asked: nothing is written
    assert not list(tmp_path.glob("*.zip"))
