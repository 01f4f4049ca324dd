"""The pause commands: pause a running plan and resume it, each one undoable step kept in its history.

Plain functions over a plan session, a prompter and today's date, called by the main window's menu;
the dialogs only collect the answers and :mod:`pipdesk.domain.pauses` makes the change (the
revisions it keeps are the plan's history of the pause and of every date it moved).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from pipdesk.domain import Problem
from pipdesk.domain.pauses import pause, resume, why_not_pause, why_not_resume
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.pause.dialogs import PauseDialog, ResumeDialog

PAUSE, RESUME = "Pause the plan", "Resume the plan"


def now() -> dt.datetime:
    """The moment a revision is recorded (a timestamp in the plan's history, not "today")."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def pause_plan(
    session: PlanSession, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None = None
) -> bool:
    """Ask from when and why, and pause the session's plan; true when the plan changed."""
    why = why_not_pause(session.plan, today())
    if why is not None:
        prompter.warning(PAUSE, why)
        return False
    dialog = PauseDialog(session.plan, today(), parent)
    try:
        if not prompter.run_dialog(dialog) or dialog.problems():
            return False
        return apply_pause(session, prompter, dialog.date(), dialog.text())
    finally:
        dialog.deleteLater()


def apply_pause(session: PlanSession, prompter: Prompts, on: dt.date, reason: str) -> bool:
    """Pause the plan from ``on`` for ``reason`` in one undoable step."""
    problems = session.change(PAUSE, lambda plan: pause(plan, on, reason, now()))
    return _done(prompter, PAUSE, "The plan cannot be paused until these are put right", problems)


def resume_plan(
    session: PlanSession, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None = None
) -> bool:
    """Ask on which day the plan resumes and resume it, its dates moved by the days paused; true when it changed."""
    why = why_not_resume(session.plan, today())
    if why is not None:
        prompter.warning(RESUME, why)
        return False
    dialog = ResumeDialog(session.plan, today(), parent)
    try:
        if not prompter.run_dialog(dialog) or dialog.problems():
            return False
        return apply_resume(session, prompter, dialog.date(), dialog.text())
    finally:
        dialog.deleteLater()


def apply_resume(session: PlanSession, prompter: Prompts, on: dt.date, note: str = "") -> bool:
    """Resume the plan on ``on`` in one undoable step, every date it moves kept as a revision."""
    problems = session.change(RESUME, lambda plan: resume(plan, on, now(), note))
    return _done(prompter, RESUME, "The plan cannot be resumed until these are put right", problems)


def _done(prompter: Prompts, title: str, heading: str, problems: list[Problem]) -> bool:
    if problems:
        lines = "\n".join(f"• {p.message}" for p in problems)
        prompter.warning(title, f"{heading}:\n{lines}")
        return False
    return True
