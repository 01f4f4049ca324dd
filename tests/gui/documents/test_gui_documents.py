"""Export PDF and Print from the main window: the same document, chosen in one dialog."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.documents.export_dialog import ExportPdfDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.reports import DocumentKind
from pipdesk.store import PlanBook

from conftest import SAMPLE_NAMES, load_sample

PRIVATE_NOTE = "Check with the API team lead that dates are shared earlier."


@pytest.fixture
def window(qtbot: QtBot, book_path: Path, tmp_path: Path) -> MainWindow:
    book = PlanBook.open(book_path)
    book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    window = MainWindow(book, prompter=ScriptedPrompter(), today=lambda: dt.date(2026, 11, 23))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.select_plan(1)
    return window


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
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.expect("dialog", choose(DocumentKind.CHECKIN, employee_copy=True, checkin_index=1))
    prompter.expect("save_file", tmp_path / "alex-checkin")
    path = window.export_pdf()
    assert path == tmp_path / "alex-checkin.pdf"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = text_of(path)
    assert "Trello board in daily use" in text and PRIVATE_NOTE.split()[0] + " with" not in text


def test_export_pdf_with_a_password_and_mismatched_repeat_is_refused(window: MainWindow, tmp_path: Path) -> None:
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)

    def mistyped(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportPdfDialog)
        dialog.choose(DocumentKind.PLAN, employee_copy=True, password="s3cret")
        dialog.ui.repeatEdit.setText("s3cre")
        assert dialog.problem() == "The two passwords differ; type the same password twice"
        dialog.ui.repeatEdit.setText("s3cret")
        return dialog.problem() is None

    prompter.expect("dialog", mistyped)
    prompter.expect("save_file", tmp_path / "plan.pdf")
    path = window.export_pdf()
    assert path is not None and PdfReader(path).is_encrypted
    assert "Delivery predictability" in text_of(path, "s3cret")


@pytest.mark.skipif(sys.platform == "win32", reason="prints to a PDF file through Qt's PDF printer")
def test_print_renders_the_same_pages_as_the_pdf(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from pipdesk.reports import ReportOptions, render

    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    printed = tmp_path / "printed.pdf"

    def to_file(dialog: QDialog) -> bool:
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return True

    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("dialog", to_file)
    assert window.print_document(preview=False)
    assert window.session is not None
    exported = render(DocumentKind.PLAN, window.session.plan, ReportOptions(employee_copy=True))
    from io import BytesIO

    assert len(PdfReader(printed).pages) == len(PdfReader(BytesIO(exported)).pages)


def test_the_windows_exports_never_replace_the_open_plan_book_a_folder_or_a_device(
    window: MainWindow, book_path: Path, tmp_path: Path
) -> None:
    import hashlib

    from pipdesk.domain import PipdeskError

    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    before = hashlib.sha256(book_path.read_bytes()).hexdigest()
    prompter.expect("save_file", book_path)
    with pytest.raises(PipdeskError, match="is the open plan book"):
        window.export_plan_file()
    assert hashlib.sha256(book_path.read_bytes()).hexdigest() == before
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("save_file", folder)
    with pytest.raises(PipdeskError, match="is a folder"):
        window.export_pdf()
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
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.expect("dialog", choose(DocumentKind.PLAN, employee_copy=True))
    prompter.expect("save_file", fifo)
    window.export_pdf()
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"%PDF-")
