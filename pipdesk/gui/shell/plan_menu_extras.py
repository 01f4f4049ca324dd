"""The Plan menu's actions made in code rather than in ui/main_window.ui (the window's one form, shared
by every feature): pausing and resuming a plan, recording an appeal, the plan's retention hold,
anonymising and erasing it; and how an action the plan shown refuses says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.shell import settings
from pipdesk.system.lazy import lazy_module

if TYPE_CHECKING:
    from pipdesk.domain import Plan
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.forms.ui_main_window import Ui_MainWindow
    from pipdesk.gui.outcome import appeal as appeals
    from pipdesk.gui.outcome import commands as outcome
    from pipdesk.gui.pause import commands as pause_commands
    from pipdesk.gui.records import commands as records
    from pipdesk.gui.shell.book import PlanBooks
    from pipdesk.store import PlanBook
else:  # loaded when an action first runs or its tip is first worked out, not with the window
    appeals = lazy_module("pipdesk.gui.outcome.appeal")
    outcome = lazy_module("pipdesk.gui.outcome.commands")
    pause_commands = lazy_module("pipdesk.gui.pause.commands")
    records = lazy_module("pipdesk.gui.records.commands")

#: Name, menu text, and the Plan menu action each goes before.
PLAN_MENU_EXTRAS = (
    ("actionPausePlan", "&Pause plan…", "actionCloseWithOutcome"),
    ("actionResumePlan", "Resu&me plan…", "actionCloseWithOutcome"),
    ("actionRecordAppeal", "Record app&eal…", "actionDeletePlan"),
    ("actionRetentionHold", "Retention &hold…", "actionDeletePlan"),
    ("actionAnonymisePlan", "Anon&ymise plan…", "actionDeletePlan"),
    ("actionErasePlan", "Erase plan for &good…", "actionDeletePlan"),
)


class Window(Protocol):
    """What the pause commands use of the main window."""

    prompter: Prompts
    today: Callable[[], dt.date]
    session: PlanSession | None

    def window(self) -> QWidget: ...

    def show_plan_page(self) -> None: ...


def add_plan_menu_extras(ui: Ui_MainWindow, parent: QWidget) -> None:
    """Make the actions of :data:`PLAN_MENU_EXTRAS`, held by the form like its own, in the Plan menu."""
    add_menu_extras(ui, ui.menuPlan, PLAN_MENU_EXTRAS, parent)


def add_menu_extras(ui: Ui_MainWindow, menu: QMenu, extras: tuple[tuple[str, str, str], ...], parent: QWidget) -> None:
    """Make each action of ``extras`` (name, text, the action it goes before), held by the form like its own."""
    for name, text, before in extras:
        action = QAction(parent)  # not QAction(text, parent): PySide6 would load QIcon for that overload (#21)
        action.setText(text)
        action.setObjectName(name)
        setattr(ui, name, action)
        menu.insertAction(getattr(ui, before), action)


def pause(window: Window) -> None:
    assert window.session is not None
    window.show_plan_page()
    pause_commands.pause_plan(window.session, window.prompter, window.today, window.window())


def resume(window: Window) -> None:
    assert window.session is not None
    window.show_plan_page()
    pause_commands.resume_plan(window.session, window.prompter, window.today, window.window())


def appeal(window: Window) -> None:
    assert window.session is not None
    appeals.record_appeal(window.session, window.prompter, window.today, window.window())


class RecordsWindow(Window, Protocol):
    """What the records commands use of the main window besides: the plan book, its backups' folder, the plan list."""

    book: PlanBook | None
    books: PlanBooks

    def forget_session(self, plan_id: int) -> None: ...

    def refresh_plans(self) -> None: ...

    def select_plan(self, plan_id: int) -> bool: ...


def retention_hold(window: RecordsWindow) -> None:
    assert window.session is not None and window.book is not None
    records.set_retention(
        window.book,
        window.session.plan_id,
        window.prompter,
        settings.retention_years(),
        window.today(),
        window.window(),
    )
    window.refresh_plans()


def anonymise_plan(window: RecordsWindow) -> None:
    _erase_or_anonymise(window, records.ANONYMISE, reopen=True)


def erase_plan(window: RecordsWindow) -> None:
    _erase_or_anonymise(window, records.ERASE, reopen=False)


def _erase_or_anonymise(window: RecordsWindow, action: str, reopen: bool) -> None:
    """The plan's session (and its undo steps, which hold what is being removed) goes first; no backup is
    being taken meanwhile, so none is made of the plan as it was."""
    assert window.session is not None and window.book is not None
    plan_id = window.session.plan_id
    window.books.wait_for_backups()
    folder = window.books.backups_folder

    def let_go() -> None:
        window.forget_session(plan_id)

    try:
        done = records.take_out(action, window.book, plan_id, window.prompter, folder, let_go, window.window())
    except BaseException:  # refused (the plan changed outside pipdesk): shown again as it is, the error said
        window.refresh_plans()
        window.select_plan(plan_id)
        raise
    if done:
        window.refresh_plans()
        if reopen:
            window.select_plan(plan_id)


#: The records actions (Plan menu) and what they run; each is enabled while a plan is shown.
RECORDS_COMMANDS: tuple[tuple[str, Callable[[RecordsWindow], None]], ...] = (
    ("actionRetentionHold", retention_hold),
    ("actionAnonymisePlan", anonymise_plan),
    ("actionErasePlan", erase_plan),
)


def appeal_refused(plan: Plan, _today: dt.date) -> str | None:
    return appeals.why_not_appeal(plan)


def closing_refused(plan: Plan, _today: dt.date) -> str | None:
    return outcome.why_not_close(plan)


def extending_refused(plan: Plan, _today: dt.date) -> str | None:
    return outcome.why_not_extend(plan)


def show_enabled(action: QAction, enabled: bool, tip: str, why: str | None) -> None:
    """Enable ``action`` when ``enabled`` and nothing refuses it; a refused one's tips say ``why`` not."""
    action.setEnabled(enabled and why is None)
    tip = f"{tip}. Not now: {why}" if enabled and why is not None else tip
    action.setStatusTip(tip)
    action.setToolTip(tip)
