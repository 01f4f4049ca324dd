"""The records commands: a plan's retention hold, erasing a plan and anonymising one, in the plan book and its backups.

Plain functions over the plan book, a prompter and the plan's number, called by the Plan menu;
the work is :mod:`pipdesk.store.erasure`. Erasing and anonymising ask the reason (kept in the
plan book's erasure log) and then confirm, naming the plan; ``let_go`` runs first, so the
window's session of the plan, with its undo steps, goes before the plan does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pipdesk.domain import vocabulary
from pipdesk.gui.common.dialogs import answer_of
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.reason import ReasonDialog
from pipdesk.gui.records.dialogs import RetentionDialog
from pipdesk.store import PlanBook
from pipdesk.store.erasure import (
    ErasureResult,
    anonymise_plan,
    closed_on,
    erase_plan,
    retention_holds,
    set_retention_hold,
)

ERASE, ANONYMISE = "Erase plan", "Anonymise plan"


def set_retention(
    book: PlanBook, plan_id: int, prompter: Prompts, years: int, today: dt.date, parent: QWidget | None = None
) -> bool:
    """Ask until when the plan is kept, and why (or by the retention period again); true when it changed."""
    plan = book.get(plan_id)
    before = retention_holds(book).get(plan_id)
    name = f"Plan {plan_id}, “{plan.title}” for {plan.employee.name}"
    dialog = RetentionDialog(name, closed_on(plan), years, before, today, parent)
    answer = answer_of(prompter, dialog, dialog.problems, lambda: (dialog.hold(),))
    if answer is None or answer[0] == before:
        return False
    set_retention_hold(book, plan_id, answer[0])
    return True


#: What each asks before it is done: the headline naming the plan, and what it does.
_QUESTIONS = {
    ERASE: (
        "Erase {named} for good?",
        "The plan, with its {checkins} and its history, is removed from this plan book and from every backup of it "
        "in {backups}; the erasure log keeps only its number, the employee's initials, its dates and your reason. "
        "This cannot be undone. Copies made outside pipdesk (exported files, PDFs, printouts) are not reached.",
    ),
    ANONYMISE: (
        "Anonymise {named}?",
        "Every name, email and written text in the plan and its history is replaced (“Employee A”, “[removed]”), "
        "in this plan book and in every backup of it in {backups}; its dates, the objectives' numbers, its status "
        "and outcome stay for statistics. This cannot be undone.",
    ),
}


def take_out(
    action: str,
    book: PlanBook,
    plan_id: int,
    prompter: Prompts,
    backups_folder: Path,
    let_go: Callable[[], None] = lambda: None,
    parent: QWidget | None = None,
) -> bool:
    """Erase (``ERASE``) or anonymise (``ANONYMISE``) the plan, in the plan book and its backups, once the person
    gives the reason and confirms naming the plan; ``let_go`` runs just before. True when done."""
    plan = book.get(plan_id)
    named = f"“{plan.title}” for {plan.employee.name} (plan {plan_id}, {plan.status.label.lower()})"
    reason = _ask_why(prompter, action, named, parent)
    headline, text = _QUESTIONS[action]
    checkins = vocabulary.count(len(plan.checkins), "check-in")
    question = f"{headline.format(named=named)}\n\n{text.format(checkins=checkins, backups=backups_folder)}"
    if reason is None or not prompter.confirm(action, question, action):
        return False
    let_go()
    if action == ERASE:
        _say(prompter, action, erase_plan(book, plan_id, reason, backups_folder), "Erased", "from")
    else:
        _say(prompter, action, anonymise_plan(book, plan_id, reason, backups_folder), "Anonymised", "in")
    return True


def _ask_why(prompter: Prompts, action: str, named: str, parent: QWidget | None) -> str | None:
    """The reason dialog, in this action's words: the reason goes to the erasure log, not the plan's history."""
    dialog = ReasonDialog(f"{action} {named}", parent)
    dialog.setWindowTitle(f"{action}: the reason")
    why = "&Why? The plan book's erasure log keeps it; nothing else of the plan is kept there."
    dialog.ui.reasonLabel.setText(why)
    dialog.ui.reasonEdit.setAccessibleName(why.replace("&", ""))
    dialog.ok.setText("Continue")
    try:
        return dialog.reason() if prompter.run_dialog(dialog) else None
    finally:
        dialog.deleteLater()


def _say(prompter: Prompts, title: str, result: ErasureResult, done: str, where: str) -> None:
    entry = result.entry
    backups = vocabulary.count(len(result.backups_rewritten), "backup")
    text = f"{done} plan {entry.plan_id} ({entry.employee_initials}) {where} this plan book and {backups}."
    if not result.backups_left:
        prompter.info(title, text)
        return
    left = "\n".join(f"• {path}: {why}" for path, why in result.backups_left)
    prompter.warning(
        title, f"{text}\n\nThese backups could not be rewritten and may still hold the plan; delete them:\n{left}"
    )
