"""Evidence files of a check-in, under its record in the check-in log, and of the outcome, in the Outcome view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog

from pipdesk.gui.common.attachment_dialog import AttachmentDialog
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, answer_reason

CONTENT = b"%PDF-1.4 minutes\x00\xff" * 100


def describe(text: str, shareable: bool) -> Callable[[QDialog], bool]:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, AttachmentDialog)
        dialog.description_edit.setPlainText(text)
        dialog.shareable_box.setChecked(shareable)
        return True

    return fill


def test_a_file_attached_to_the_selected_check_in_is_kept_with_that_check_in(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_bytes(CONTENT)
    window.select_plan(ALEX)
    window.ui.viewTabs.setCurrentWidget(window.ui.checkinsTab)
    log = window.checkins.log
    index = log.current_index()
    assert index is not None
    checkin = book.get(ALEX).checkins[index]
    seen: list[str] = []
    prompter.expect("open_file", minutes).expect("dialog", describe("Minutes", True))
    prompter.expect("dialog", answer_reason("The minutes were typed up", seen))
    log.files.files.add_button.click()
    assert seen[0].startswith("Attach file to the ") and "minutes.txt" in seen[0]
    saved = book.get(ALEX).checkins[index]
    assert [a.name for a in saved.attachments] == ["minutes.txt"] and saved.date == checkin.date
    assert book.attachment_content(saved.attachments[0].sha256) == CONTENT
    assert log.files.heading.text().startswith("Files of the ")
    assert log.files.files.model.rowCount() == 1


def test_a_file_attached_to_a_closed_plans_outcome_asks_a_reason(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    letter = tmp_path / "outcome letter.pdf"
    letter.write_bytes(CONTENT)
    window.select_plan(BETH)
    window.ui.viewTabs.setCurrentWidget(window.ui.outcomeTab)
    files = window.outcome.files
    assert files.isVisible() and files.files.add_button.isEnabled()
    prompter.expect("open_file", letter).expect("dialog", describe("The letter", True))
    prompter.expect("dialog", answer_reason("The letter was sent"))
    files.files.add_button.click()
    assert prompter.warnings() == []
    outcome = book.get(BETH).outcome
    assert outcome is not None and [a.name for a in outcome.attachments] == ["outcome letter.pdf"]


def test_the_outcome_files_are_hidden_while_the_plan_runs(window: MainWindow) -> None:
    window.select_plan(ALEX)
    window.ui.viewTabs.setCurrentWidget(window.ui.outcomeTab)
    assert not window.outcome.files.isVisible()
