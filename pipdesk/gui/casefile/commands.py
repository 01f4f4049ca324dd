"""Export a plan's case file for HR: a plain function over the plan book, a plan's number and a prompter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from pipdesk.gui.casefile.dialog import CaseFileDialog
from pipdesk.gui.common.dialogs import answer_of
from pipdesk.gui.common.prompts import Prompts
from pipdesk.services.case_file import CaseFileMade, write_case_file
from pipdesk.store import PlanBook


def export_case_file(
    book: PlanBook, plan_id: int, prompter: Prompts, parent: QWidget | None = None
) -> tuple[Path, CaseFileMade] | None:
    """The plan's case file as stored in the plan book, written where the person says (``.zip`` added);
    ``None`` when cancelled."""
    plan = book.get(plan_id)
    dialog = CaseFileDialog(plan, parent)
    options = answer_of(prompter, dialog, dialog.problems, dialog.options)
    if options is None:
        return None
    copy = " (employee copy)" if options.employee_copy else ""
    suggested = f"{plan.employee.name} - case file{copy}.zip".replace("/", "-")
    path = prompter.save_file("Export case file", suggested, "Case files (*.zip)")
    if path is None:
        return None
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    return path, write_case_file(book, plan_id, path, options)
