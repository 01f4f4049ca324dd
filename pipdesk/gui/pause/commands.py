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
Today = Callable[[], dt.date]


def now() -> dt.datetime:
    """The moment a revision is recorded (a timestamp in the plan's history, not "today")."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def pause_plan(session: PlanSession, prompter: Prompts, today: Today, parent: QWidget | None = None) -> bool:
    """Ask from when and why, and pause the session's plan; true when the plan changed."""
    return _ask_then_apply(PAUSE, session, prompter, today, parent)


def resume_plan(session: PlanSession, prompter: Prompts, today: Today, parent: QWidget | None = None) -> bool:
    """Ask on which day the plan resumes (a note, if any) and resume it, its dates moved; true when it changed."""
    return _ask_then_apply(RESUME, session, prompter, today, parent)


def apply_pause(session: PlanSession, prompter: Prompts, on: dt.date, reason: str) -> bool:
    """Pause the plan from ``on`` for ``reason`` in one undoable step."""
    return _said(prompter, PAUSE, session.change(PAUSE, lambda plan: pause(plan, on, reason, now())))


def apply_resume(session: PlanSession, prompter: Prompts, on: dt.date, note: str = "") -> bool:
    """Resume the plan on ``on`` in one undoable step, every date it moves kept as a revision."""
    return _said(prompter, RESUME, session.change(RESUME, lambda plan: resume(plan, on, now(), note)))


def _ask_then_apply(title: str, session: PlanSession, prompter: Prompts, today: Today, parent: QWidget | None) -> bool:
    """Refuse with the reason why not, or ask in the dialog and make the change; true when the plan changed."""
    pausing = title == PAUSE
    why = (why_not_pause if pausing else why_not_resume)(session.plan, today())
    if why is not None:
        prompter.warning(title, why)
        return False
    dialog = (PauseDialog if pausing else ResumeDialog)(session.plan, today(), parent)
    try:
        if not prompter.run_dialog(dialog) or dialog.problems():
            return False
        return (apply_pause if pausing else apply_resume)(session, prompter, dialog.date(), dialog.text())
    finally:
        dialog.deleteLater()


def _said(prompter: Prompts, title: str, problems: list[Problem]) -> bool:
    """True when the change was made; else what stopped it, in a warning."""
    if problems:
        prompter.warning(
            title, "\n".join([f"{title} is not possible until these are put right:", *(p.message for p in problems)])
        )
    return not problems
