"""File › Subject access export…: the dialog prefilled from the plan shown, and the ZIP it writes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pipdesk.domain.model import Acknowledgement
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.gui.subjectaccess.dialog import SubjectAccessDialog

from conftest import ALEX, load_sample, prompter_of


def test_the_window_exports_through_the_dialog(window: MainWindow, tmp_path: Path) -> None:
    assert window.book is not None
    beth = load_sample("beth-communication-closed")
    beth.acknowledgement = Acknowledgement(on=beth.start_date, refused=True, witness="Alex Moreno")
    witnessed = window.book.add(beth)
    window.select_plan(ALEX)
    out = tmp_path / "chosen"
    seen: list[str] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, SubjectAccessDialog)
        seen.append(dialog.name_edit.text())
        dialog.browse.click()  # answered by the save_file below
        dialog.show()
        dialog.grab().save(str(Path("/tmp") / "subject_access_dialog.png"))
        return not dialog.problems()

    prompter = prompter_of(window)
    prompter.expect("dialog", fill).expect("save_file", out)
    menu_texts = [a.text() for a in window.ui.menuFile.actions()]
    assert menu_texts.index("&Subject access export…") == menu_texts.index("Prin&t…") + 1
    window.ui.actionSubjectAccess.trigger()

    assert seen == ["Alex Moreno"]
    written = out.with_suffix(".zip")
    names = zipfile.ZipFile(written).namelist()
    assert f"plan-{ALEX}/plan.pdf" in names and f"mentioned/plan-{witnessed}.txt" in names
    said = prompter.shown[-1]
    assert said.kind == "info" and said.text.startswith("Wrote chosen.zip: 1 plan for Alex Moreno as the employee")


def test_the_dialog_refuses_an_empty_name_in_place(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = SubjectAccessDialog("", tmp_path, prompter_of(window), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.isVisible() and dialog.error_label.text() == "Give the name of the person who asked."
    assert dialog.path_edit.text() == str(tmp_path / "Subject access - person.zip")
    dialog.name_edit.setText("Дмитрий  Иванов")
    assert dialog.path_edit.text() == str(tmp_path / "Subject access - Дмитрий Иванов.zip")
    assert dialog.request().name == "Дмитрий Иванов"
