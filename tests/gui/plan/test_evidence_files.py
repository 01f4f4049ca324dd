"""Evidence files in the Plan view: attached by dialog or dropped, refused over 25 MB, opened from a
private copy, saved elsewhere, removed with a reason and brought back by undo."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from pipdesk.gui.common.attachment_dialog import AttachmentDialog
from pipdesk.gui.common.attachments import AttachmentsList
from pipdesk.gui.common.dates import set_date
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, DMITRY, answer_reason

CONTENT = bytes(range(256)) * 40 + b"\x00end"
EVIDENCE_DAY = dt.date(2026, 11, 9)
LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def describe(text: str, shareable: bool, day: dt.date | None = EVIDENCE_DAY) -> Callable[[QDialog], bool]:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, AttachmentDialog)
        dialog.description_edit.setPlainText(text)
        set_date(dialog.evidence_for_edit, day)
        dialog.shareable_box.setChecked(shareable)
        return True

    return fill


def plan_files(window: MainWindow) -> AttachmentsList:
    return window.editor.fair_process.evidence_files.files


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "Ticket export <b>&amp; 報告>.pdf"
    path.write_bytes(CONTENT)
    return path


def test_a_file_attached_to_a_draft_is_kept_byte_exact_in_the_plan_book(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter, report: Path
) -> None:
    window.select_plan(DMITRY)
    files = plan_files(window)
    prompter.expect("open_file", report).expect("dialog", describe("The ticket export of October", True))
    files.add_button.click()
    assert prompter.warnings() == []
    attachment = book.get(DMITRY).attachments[0]
    assert (attachment.name, attachment.size, attachment.evidence_for) == (report.name, len(CONTENT), EVIDENCE_DAY)
    assert (attachment.media_type, attachment.shareable) == ("application/pdf", True)
    assert attachment.description == "The ticket export of October"
    assert book.attachment_content(attachment.sha256) == CONTENT
    assert files.model.rowCount() == 1
    assert files.model.index(0, 4).data() == "✓ Yes"


def test_a_file_over_25_mb_is_refused_with_its_size_before_anything_is_asked_or_written(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    big = tmp_path / "recording.mp4"
    with big.open("wb") as file:
        file.truncate(26_000_000)
    window.select_plan(DMITRY)
    prompter.expect("open_file", big)
    plan_files(window).add_button.click()
    (warning,) = prompter.warnings()
    assert "26.0 MB (26,000,000 bytes)" in warning.text and "at most 25 MB" in warning.text
    assert [s.kind for s in prompter.shown] == ["warning"]  # no description asked
    assert book.get(DMITRY).attachments == []
    count = book.db.execute("SELECT COUNT(*) FROM attachment_contents").fetchone()[0]
    assert count == 0


def test_a_file_dropped_from_the_file_manager_is_attached(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter, report: Path
) -> None:
    window.select_plan(DMITRY)
    files = plan_files(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    prompter.expect("dialog", describe("Dropped", False, None))
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, LEFT, NO_KEYS)
    files.dragEnterEvent(enter)
    assert enter.isAccepted()  # the pointer shows the file may be dropped
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, LEFT, NO_KEYS)
    files.dropEvent(drop)
    assert drop.isAccepted()
    (attachment,) = book.get(DMITRY).attachments
    assert (attachment.name, attachment.evidence_for, attachment.shareable) == (report.name, None, False)
    assert files.model.index(0, 1).data() == "—"


def attach_to_draft(window: MainWindow, prompter: ScriptedPrompter, path: Path) -> AttachmentsList:
    window.select_plan(DMITRY)
    files = plan_files(window)
    prompter.expect("open_file", path).expect("dialog", describe("Evidence", False))
    files.add_button.click()
    files.select_row(0)
    return files


def test_open_writes_a_private_copy_removed_when_pipdesk_quits(
    window: MainWindow, prompter: ScriptedPrompter, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    files = attach_to_draft(window, prompter, report)
    files.open_button.click()
    (url,) = opened
    copy = Path(url.toLocalFile())
    assert copy.read_bytes() == CONTENT
    assert copy.name == "Ticket export _b_&amp; 報告_.pdf"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    for folder in (copy.parent, copy.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    QApplication.instance().aboutToQuit.emit()  # type: ignore[union-attr]
    assert not copy.exists() and not copy.parent.parent.exists()


def test_save_as_writes_the_exact_bytes(
    window: MainWindow, prompter: ScriptedPrompter, report: Path, tmp_path: Path
) -> None:
    files = attach_to_draft(window, prompter, report)
    target = tmp_path / "saved" / "copy.pdf"
    target.parent.mkdir()
    prompter.expect("save_file", target)
    files.save_button.click()
    assert prompter.warnings() == []
    assert target.read_bytes() == CONTENT


def test_removing_a_file_of_an_issued_plan_asks_a_reason_and_undo_brings_it_back(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter, report: Path
) -> None:
    window.select_plan(ALEX)
    files = plan_files(window)
    seen: list[str] = []
    prompter.expect("open_file", report).expect("dialog", describe("Signed plan", True))
    prompter.expect("dialog", answer_reason("The signed copy arrived", seen))
    files.add_button.click()
    assert seen == [f"Attach file to the plan: “{report.name}” (1 file)"]
    attachment = book.get(ALEX).attachments[-1]
    files.select_row(files.model.rowCount() - 1)
    prompter.expect("dialog", answer_reason("Attached to the wrong plan", seen))
    files.remove_button.click()
    assert seen[-1] == f"Remove from the plan: “{report.name}”"
    assert attachment not in book.get(ALEX).attachments
    revision = book.get(ALEX).revisions[-1]
    assert (revision.field, revision.old, revision.reason) == (
        "attachments",
        f"“{report.name}”",
        "Attached to the wrong plan",
    )
    assert window.session is not None
    window.session.undo_stack.undo()
    assert book.get(ALEX).attachments[-1] == attachment
    assert book.attachment_content(attachment.sha256) == CONTENT
    assert files.model.rows[-1] == attachment
