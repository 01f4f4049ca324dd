"""Export a plan's documents as PDF and print them: plain functions over a plan and a prompter.

ReportLab and Qt's printing load on first use only, so the window starts without them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from pipdesk.domain import Plan
from pipdesk.domain.outcome import DEFAULT_SUSTAINED
from pipdesk.gui.common.prompts import Prompts
from pipdesk.system.safe_write import write_private_file

if TYPE_CHECKING:
    from pipdesk.gui.documents.export_dialog import DocumentChoice
    from pipdesk.reports import Organisation


def choose_document(
    plan: Plan, prompter: Prompts, for_print: bool, parent: QWidget | None = None, today: dt.date | None = None
) -> DocumentChoice | None:
    """Which document of the plan, for whom and how, as the person chooses it; ``None`` when cancelled.

    ``today``: where a meeting guide's date starts (``None``: the computer's today).
    """
    from pipdesk.gui.documents.export_dialog import ExportPdfDialog

    dialog = ExportPdfDialog(plan, for_print=for_print, parent=parent, today=today)
    return dialog.choice() if prompter.run_dialog(dialog) else None


def _render(plan: Plan, choice: DocumentChoice, sustained: int, organisation: Organisation | None) -> bytes:
    from pipdesk.reports import render

    options = dataclasses.replace(choice.options, sustained=sustained, organisation=organisation)
    return render(choice.kind, plan, options, choice.checkin_index, on=choice.on)


def export_pdf(
    plan: Plan,
    prompter: Prompts,
    parent: QWidget | None = None,
    sustained: int = DEFAULT_SUSTAINED,
    today: dt.date | None = None,
    organisation: Organisation | None = None,
) -> Path | None:
    """The chosen document written where the person says (``.pdf`` added), opened after when asked.

    ``sustained``: the check-ins in a row that make an objective "met" (Preferences), as the Outcome view uses;
    ``organisation``: the letterhead on every page (Preferences › Organisation), ``None`` for none.
    """
    choice = choose_document(plan, prompter, for_print=False, parent=parent, today=today)
    if choice is None:
        return None
    path = prompter.save_file("Export PDF", choice.file_name(plan), "PDF documents (*.pdf)")
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    write_private_file(path, _render(plan, choice, sustained, organisation))
    if choice.open_after:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def print_document(
    plan: Plan,
    prompter: Prompts,
    preview: bool,
    parent: QWidget | None = None,
    sustained: int = DEFAULT_SUSTAINED,
    today: dt.date | None = None,
    organisation: Organisation | None = None,
) -> int | None:
    """Print (or preview) the pages Export PDF writes: the pages printed (0: a preview), ``None`` when cancelled."""
    choice = choose_document(plan, prompter, for_print=True, parent=parent, today=today)
    if choice is None:
        return None
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from pipdesk.gui.documents.printing import preview_dialog, print_pdf

    data = _render(plan, choice, sustained, organisation)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(choice.file_name(plan).removesuffix(".pdf"))
    if preview:
        return 0 if prompter.run_dialog(preview_dialog(printer, data, parent)) else None
    if not prompter.run_dialog(QPrintDialog(printer, parent)):
        return None
    return print_pdf(data, printer)
