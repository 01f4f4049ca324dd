"""Export PDF and Print: the same document, chosen in one dialog; the commands, and the menu actions."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from pipdesk.domain import Plan
from pipdesk.gui.documents.commands import export_pdf, print_document
from pipdesk.gui.documents.export_dialog import ExportPdfDialog
from pipdesk.gui.plans.commands import export_plan_file
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.reports import DocumentKind

from conftest import ALEX, prompter_of

PRIVATE_NOTE = "Check with the API team lead that dates are shared earlier."


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The shared main window, on Alex's running plan."""
    window.select_plan(ALEX)
    return window


def plan_of(window: MainWindow) -> Plan:
    assert window.session is not None
    return window.session.plan


def choose(kind: DocumentKind, employee_copy: bool, password: str = "", checkin_index: int | None = None):  # type: ignore[no-untyped-def]
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportPdfDialog)
        dialog.choose(kind, employee_copy, password, checkin_index)
        return True

    return fill


def text_of(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password:
        reader.decrypt(password)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_export_pdf_writes_the_chosen_document_privately(window: MainWindow, tmp_path: Path) -> None:
    prompter = prompter_of(window)
    prompter.expect("dialog", choose(DocumentKind.CHECKIN, employee_copy=True, checkin_index=1))
    prompter.expect("save_file", tmp_path / "alex-checkin")
    path = export_pdf(plan_of(window), prompter, window)
    assert path == tmp_path / "alex-checkin.pdf"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = text_of(path)
    assert "Trello board in daily use" in text and PRIVATE_NOTE.split()[0] + " with" not in text


def test_export_pdf_with_a_password_and_mismatched_repeat_is_refused(window: MainWindow, tmp_path: Path) -> None:
    prompter = prompter_of(window)

    def mistyped(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportPdfDialog)
        dialog.choose(DocumentKind.PLAN, employee_copy=True, password="s3cret")
        dialog.ui.repeatEdit.setText("s3cre")
        assert dialog.problem() == "The two passwords differ; type the same password twice"
        dialog.ui.repeatEdit.setText("s3cret")
        return dialog.problem() is None

    prompter.expect("dialog", mistyped)
    prompter.expect("save_file", tmp_path / "plan.pdf")
    path = export_pdf(plan_of(window), prompter, window)
    assert path is not None and PdfReader(path).is_encrypted
    assert "Delivery predictability" in text_of(path, "s3cret")


@pytest.mark.skipif(sys.platform == "win32", reason="prints to a PDF file through Qt's PDF printer")
def test_print_renders_the_same_pages_as_the_pdf(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from pipdesk.reports import ReportOptions, render

    prompter = prompter_of(window)
    printed = tmp_path / "printed.pdf"

    def to_file(dialog: QDialog) -> bool:
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return True

    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("dialog", to_file)
    assert print_document(plan_of(window), prompter, preview=False, parent=window)
    assert window.session is not None
    exported = render(DocumentKind.PLAN, window.session.plan, ReportOptions(employee_copy=True))
    from io import BytesIO

    assert len(PdfReader(printed).pages) == len(PdfReader(BytesIO(exported)).pages)


def test_the_windows_exports_never_replace_the_open_plan_book_a_folder_or_a_device(
    window: MainWindow, book_path: Path, tmp_path: Path
) -> None:
    import hashlib

    from pipdesk.domain import PipdeskError

    prompter = prompter_of(window)
    before = hashlib.sha256(book_path.read_bytes()).hexdigest()
    prompter.expect("save_file", book_path)
    with pytest.raises(PipdeskError, match="is the open plan book"):
        export_plan_file(plan_of(window), prompter, window.book.attachment_content)
    assert hashlib.sha256(book_path.read_bytes()).hexdigest() == before
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("save_file", folder)
    with pytest.raises(PipdeskError, match="is a folder"):
        export_pdf(plan_of(window), prompter, window)
    assert folder.is_dir() and not any(folder.iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_the_windows_pdf_export_into_a_fifo_sends_the_document_and_keeps_the_fifo(
    window: MainWindow, tmp_path: Path
) -> None:
    import threading

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    prompter = prompter_of(window)
    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("save_file", fifo)
    export_pdf(plan_of(window), prompter, window)
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"%PDF-")


def test_export_pdf_from_the_file_menu_says_where_it_wrote(window: MainWindow, tmp_path: Path) -> None:
    prompter = prompter_of(window)
    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("save_file", tmp_path / "plan")
    window.ui.actionExportPdf.trigger()
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    assert window.statusBar().currentMessage() == "Exported plan.pdf"
    assert prompter.warnings() == []


def test_a_refused_export_from_the_menu_is_said_as_a_warning(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    prompter = prompter_of(window)
    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("save_file", folder)
    window.ui.actionExportPdf.trigger()
    assert "is a folder" in prompter.warnings()[-1].text
    assert not any(folder.iterdir())


def test_cancelling_the_document_choice_exports_and_prints_nothing(window: MainWindow) -> None:
    prompter = prompter_of(window)
    for _ in range(3):
        prompter.expect("dialog", lambda _dialog: False)
    assert export_pdf(plan_of(window), prompter, window) is None
    assert print_document(plan_of(window), prompter, preview=False, parent=window) is None
    assert print_document(plan_of(window), prompter, preview=True, parent=window) is None
    assert not prompter.answers


def test_export_pdf_writes_the_guide_of_the_next_meeting_from_the_day_chosen(
    window: MainWindow, tmp_path: Path
) -> None:
    prompter = prompter_of(window)
    chosen: list[str] = []

    def meeting_guide(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportPdfDialog)
        dialog.choose(DocumentKind.AGENDA, employee_copy=False, on=dt.date(2026, 12, 22))
        assert dialog.meetingDateEdit.isVisibleTo(dialog) and not dialog.ui.checkinCombo.isVisibleTo(dialog)
        assert dialog.problem() == "No meeting is scheduled on or after this day; choose an earlier day"
        dialog.choose(DocumentKind.AGENDA, employee_copy=False, on=dt.date(2026, 11, 24))
        chosen.append(dialog.meetingFound.text())
        chosen.append(dialog.choice().file_name(plan_of(window)))
        return dialog.problem() is None

    prompter.expect("dialog", meeting_guide)
    prompter.expect("save_file", tmp_path / "guide")
    path = export_pdf(plan_of(window), prompter, window, today=dt.date(2026, 11, 23))
    assert chosen == [
        "Check-in preparation sheet for Weekly check-in 9, 30 November 2026",
        "Alex Moreno - meeting guide 2026-11-30.pdf",
    ]
    assert path == tmp_path / "guide.pdf" and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "Check-in preparation sheet" in text_of(path)


def test_the_meeting_date_starts_on_the_windows_today(window: MainWindow) -> None:
    dialog = ExportPdfDialog(plan_of(window), today=dt.date(2026, 11, 23))
    assert dialog.meetingDateEdit.date().toPython() == dt.date(2026, 11, 23)
    assert not dialog.meetingDateEdit.isVisibleTo(dialog)  # the plan document is chosen first
    dialog.deleteLater()
