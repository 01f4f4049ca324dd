"""The window's actions, in one table: each action once, with its shortcut, when it is enabled and the
command it runs; and the one runner that shows what a command raises.

The actions themselves (their menus, texts and mnemonics) are in ``ui/main_window.ui``; a row here
names one by its objectName. Commands are plain functions of the window; the work they do lives in
the features' ``commands.py`` and in :mod:`pipdesk.gui.shell.book`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QStatusBar, QWidget

from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.shell import action_states as when
from pipdesk.gui.shell import file_menu_extras, help_menu, settings
from pipdesk.gui.shell import plan_menu_extras as extras
from pipdesk.gui.shell.passphrase_task import PassphraseTask
from pipdesk.gui.shell.runner import run_command
from pipdesk.gui.shell.tips import TIPS
from pipdesk.gui.subjectaccess import commands as subject_access
from pipdesk.store.connection import default_plan_book_path
from pipdesk.system.lazy import lazy_module

if TYPE_CHECKING:
    from pipdesk.domain import Plan, pauses, smart
    from pipdesk.gui.checkins.log import CheckinsTab
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.documents import commands as documents
    from pipdesk.gui.forms.ui_main_window import Ui_MainWindow
    from pipdesk.gui.forms.ui_welcome import Ui_WelcomeView
    from pipdesk.gui.outcome import commands as outcome
    from pipdesk.gui.plan import acknowledgements, responses
    from pipdesk.gui.plan import commands as plan_commands
    from pipdesk.gui.plan.editor import PlanEditor
    from pipdesk.gui.plans import commands as plans
    from pipdesk.gui.shell import passphrase_change as passphrases
    from pipdesk.gui.shell.book import PlanBooks
    from pipdesk.store import PlanBook
else:  # loaded when an action first runs, not with the window (docs/performance.md)
    pauses = lazy_module("pipdesk.domain.pauses")
    smart = lazy_module("pipdesk.domain.smart")
    documents = lazy_module("pipdesk.gui.documents.commands")
    outcome = lazy_module("pipdesk.gui.outcome.commands")
    acknowledgements = lazy_module("pipdesk.gui.plan.acknowledgements")
    responses = lazy_module("pipdesk.gui.plan.responses")
    plan_commands = lazy_module("pipdesk.gui.plan.commands")
    plans = lazy_module("pipdesk.gui.plans.commands")
    passphrases = lazy_module("pipdesk.gui.shell.passphrase_change")


class Shell(Protocol):
    """What the commands use of the main window."""

    ui: Ui_MainWindow
    prompter: Prompts
    today: Callable[[], dt.date]
    book: PlanBook | None
    session: PlanSession | None
    books: PlanBooks
    templates_folder: Path
    samples_path: Path

    @property
    def checkins(self) -> CheckinsTab: ...

    @property
    def editor(self) -> PlanEditor: ...

    def window(self) -> QWidget: ...

    def statusBar(self) -> QStatusBar: ...

    def close(self) -> bool: ...

    def refresh_plans(self) -> None: ...

    def select_plan(self, plan_id: int) -> bool: ...

    def show_plan_page(self) -> None: ...

    def forget_session(self, plan_id: int) -> None: ...


# The commands: what an action runs, given the window.


def _say(window: Shell, message: str, timeout: int = 5000) -> None:
    window.statusBar().showMessage(message, timeout)


def _session(window: Shell) -> PlanSession:
    assert window.session is not None
    return window.session


def _book(window: Shell) -> PlanBook:
    assert window.book is not None
    return window.book


def _show_added(window: Shell, plan_id: int | None) -> None:
    if plan_id is not None:
        window.refresh_plans()
        window.select_plan(plan_id)


def new_plan(window: Shell) -> None:
    if window.book is None:
        return
    added = plans.new_plan(window.book, window.prompter, window.today(), settings.MANAGER_NAME.read(), window.window())
    if added is not None:
        settings.MANAGER_NAME.write(added.manager)
        _show_added(window, added.plan_id)


def new_plan_from_template(window: Shell) -> None:
    if window.book is None:
        return
    added = plans.new_plan_from_template(
        window.book,
        window.prompter,
        window.today(),
        window.templates_folder,
        settings.MANAGER_NAME.read(),
        window.window(),
    )
    if added is not None:
        settings.MANAGER_NAME.write(added.manager)
        _show_added(window, added.plan_id)


def open_sample_plans(window: Shell) -> None:
    """The sample plans in a plan book of their own, so they never mix with real plans."""
    if window.books.is_open(window.samples_path):
        plans.add_sample_plans(_book(window))
        window.refresh_plans()
    else:
        window.books.open(plans.make_sample_plan_book(window.samples_path))


def open_own_plans(window: Shell) -> None:
    """From the sample plans back to the manager's own plan book: the one used last, else the default one."""
    last = settings.last_plan_book()
    window.books.open(last if last is not None and last.exists() else default_plan_book_path(), create=True)


def _save_as_template(window: Shell) -> None:
    saved = plans.save_plan_as_template(_session(window).plan, window.prompter, window.templates_folder)
    if saved is not None:
        name, path = saved
        _say(window, f"Saved the template “{name}” ({path.name})")


def _import_plan_file(window: Shell) -> None:
    _show_added(window, plans.import_plan_file(_book(window), window.prompter))


def _export_plan_file(window: Shell) -> None:
    path = plans.export_plan_file(_session(window).plan, window.prompter, _book(window).attachment_content)
    if path is not None:
        _say(window, f"Exported to {path}")


def _issue_plan(window: Shell) -> None:
    session, today = _session(window), window.today()
    if not plan_commands.issue_plan(session, window.prompter, today):
        if blockers := smart.issue_blockers(session.plan):  # refused: the Plan tab, at the first problem
            window.show_plan_page()
            window.ui.viewTabs.setCurrentWidget(window.ui.planTab)
            window.editor.show_blockers(blockers)
        return
    _say(window, f"Issued “{session.plan.title}” on {today.isoformat()}")
    plan = session.plan
    if window.prompter.confirm(
        "Plan issued",
        f"Next: print the plan for your meeting with {plan.employee.name} and go through it together; then "
        "record the acknowledgement (Record acknowledgement… beside Acknowledgement in the Plan tab, or the "
        "Plan menu).\n\nPrint the plan now?",
        "Print plan",
    ):
        _print(window)


def _plan_dialog(
    command: Callable[[], Callable[[PlanSession, Prompts, dt.date, QWidget | None], object]],
) -> Callable[[Shell], object]:
    """An action that records something of the open plan through a dialog of ``command()``'s (its module
    loads when the action first runs)."""
    return lambda window: command()(_session(window), window.prompter, window.today(), window.window())


def _passphrase(task: PassphraseTask) -> Callable[[Shell], object]:
    return lambda window: passphrases.change_passphrase(window.books, task)


def _pause_rule(name: str) -> Callable[[Plan, dt.date], str | None]:
    return lambda plan, today: getattr(pauses, name)(plan, today)  # domain/pauses.py loads on first use


def _delete_plan(window: Shell) -> None:
    plan_id = _session(window).plan_id
    if plans.delete_plan(_book(window), plan_id, window.prompter, lambda: window.forget_session(plan_id)):
        window.refresh_plans()
        if window.ui.planTable.model().rowCount():
            window.ui.planTable.selectRow(0)


def _new_checkin(window: Shell) -> None:
    _session(window)
    window.show_plan_page()
    window.ui.viewTabs.setCurrentWidget(window.ui.checkinsTab)
    window.checkins.new_checkin()


def _export_calendar(window: Shell) -> None:
    from pipdesk.services.calendar import export_calendar

    session, book = _session(window), _book(window)
    plan = session.plan
    suggested = f"{plan.employee.name} - {plan.title}.ics".replace("/", "-")
    path = window.prompter.save_file("Export calendar", suggested, "Calendar files (*.ics)")
    if path is not None:
        events = export_calendar(book, session.plan_id, path, window.today())
        _say(window, f"Wrote {events} upcoming milestones to {path.name}")


def _extend(window: Shell) -> None:
    session = _session(window)
    window.show_plan_page()
    outcome.extend_plan(session, window.prompter, window.today, window.window())


def _close_with_outcome(window: Shell) -> None:
    session = _session(window)
    window.show_plan_page()
    if outcome.close_with_outcome(
        session,
        window.prompter,
        window.today,
        window.window(),
        window.checkins.new_checkin,
        sustained=settings.sustained_checkins(),
    ):
        window.ui.viewTabs.setCurrentWidget(window.ui.outcomeTab)


def _printing(window: Shell) -> dict[str, Any]:
    """How the window prints a document: its parent, Preferences (met, the organisation) and its today."""
    return {
        "parent": window.window(),
        "sustained": settings.sustained_checkins(),
        "today": window.today(),
        "organisation": settings.organisation(),
    }


def _export_pdf(window: Shell) -> None:
    path = documents.export_pdf(_session(window).plan, window.prompter, **_printing(window))
    if path is not None:
        _say(window, f"Exported {path.name}")


def _print(window: Shell) -> None:
    pages = documents.print_document(_session(window).plan, window.prompter, preview=False, **_printing(window))
    if pages is not None:
        _say(window, f"Sent {pages} pages to the printer")


def _print_preview(window: Shell) -> None:
    documents.print_document(_session(window).plan, window.prompter, preview=True, **_printing(window))


# The table


@dataclass(frozen=True)
class ActionSpec:
    """One action of the window: its objectName in ui/main_window.ui, its command, when it is enabled, its key,
    and why the plan shown refuses it (None: it does not), said in its tips."""

    name: str
    run: Callable[[Shell], object]
    enabled: Callable[[when.State], bool] = when.always
    shortcut: QKeySequence.StandardKey | str | None = None
    why_not: Callable[[Plan, dt.date], str | None] | None = None


Key = QKeySequence.StandardKey

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("actionNewPlanBook", lambda w: w.books.new_plan_book(), shortcut="Ctrl+Shift+N"),
    ActionSpec("actionOpen", lambda w: w.books.open_dialog(), shortcut=Key.Open),
    ActionSpec("actionSaveCopy", lambda w: w.books.save_copy(), when.book_open, Key.SaveAs),
    ActionSpec("actionRestoreBackup", lambda w: w.books.restore_from_backup(), when.book_open),
    ActionSpec("actionSetPassphrase", _passphrase(PassphraseTask.SET), when.book_unencrypted),
    ActionSpec("actionChangePassphrase", _passphrase(PassphraseTask.CHANGE), when.book_encrypted),
    ActionSpec("actionRemovePassphrase", _passphrase(PassphraseTask.REMOVE), when.book_encrypted),
    ActionSpec("actionImportPlan", _import_plan_file, when.book_open, "Ctrl+I"),
    ActionSpec("actionExportPlan", _export_plan_file, when.plan_shown, "Ctrl+E"),
    ActionSpec("actionExportPdf", _export_pdf, when.plan_shown, "Ctrl+Shift+E"),
    ActionSpec("actionExportCaseFile", file_menu_extras.export_case_file, when.plan_shown),
    ActionSpec("actionPrintPreview", _print_preview, when.plan_shown),
    ActionSpec("actionPrint", _print, when.plan_shown, Key.Print),
    ActionSpec(subject_access.ACTION_NAME, subject_access.export_from_window, when.book_open),
    ActionSpec("actionQuit", lambda w: w.close(), shortcut=Key.Quit),
    # Edit (Undo and Redo come from the undo group)
    ActionSpec("actionPreferences", lambda w: w.books.preferences()),
    # Plan
    ActionSpec("actionNewPlan", new_plan, when.book_open, Key.New),
    ActionSpec("actionNewFromTemplate", new_plan_from_template, when.book_open),
    ActionSpec("actionSaveAsTemplate", _save_as_template, when.plan_shown),
    ActionSpec("actionIssuePlan", _issue_plan, when.draft),
    ActionSpec(
        "actionRecordAcknowledgement",
        _plan_dialog(lambda: acknowledgements.record_acknowledgement),
        when.running,
    ),
    ActionSpec("actionRecordResponse", _plan_dialog(lambda: responses.record_response), when.running_or_closed),
    ActionSpec("actionNewCheckin", _new_checkin, when.running, "Ctrl+K"),
    ActionSpec("actionExportCalendar", _export_calendar, when.running),
    ActionSpec("actionExtend", _extend, when.running_or_closed, why_not=extras.extending_refused),
    ActionSpec(
        "actionPausePlan", extras.pause, when.running, why_not=lambda plan, today: pauses.why_not_pause(plan, today)
    ),
    ActionSpec(
        "actionResumePlan", extras.resume, when.running, why_not=lambda plan, today: pauses.why_not_resume(plan, today)
    ),
    ActionSpec("actionCloseWithOutcome", _close_with_outcome, when.running, why_not=extras.closing_refused),
    ActionSpec(
        "actionRecordOutcomeAcknowledgement",
        _plan_dialog(lambda: acknowledgements.record_outcome_acknowledgement),
        when.closed,
    ),
    ActionSpec("actionRecordAppeal", extras.appeal, when.plan_shown, why_not=extras.appeal_refused),
    *(ActionSpec(name, run, when.plan_shown) for name, run in extras.RECORDS_COMMANDS),
    ActionSpec("actionDeletePlan", _delete_plan, when.plan_shown, "Ctrl+Shift+Del"),
    # Help
    ActionSpec(help_menu.ACTION_NAME, help_menu.user_guide, shortcut=Key.HelpContents),
    ActionSpec("actionKeyboardShortcuts", help_menu.keyboard_shortcuts, shortcut="Ctrl+F1"),
    ActionSpec("actionAbout", help_menu.about),
)

#: The welcome page's buttons and what they run.
WELCOME_BUTTONS: tuple[tuple[str, Callable[[Shell], object]], ...] = (
    ("newPlanButton", new_plan),
    ("newFromTemplateButton", new_plan_from_template),
    ("openSamplesButton", open_sample_plans),
)


#: The action that does each next step the Plan view's "Next step" button asks for (the HR review's
#: two steps are the Plan view's own buttons: gui/plan/next_step.py).
NEXT_STEP_ACTIONS = {
    "issue": "actionIssuePlan",
    "record_acknowledgement": "actionRecordAcknowledgement",
    "new_checkin": "actionNewCheckin",
    "close": "actionCloseWithOutcome",
    "resume": "actionResumePlan",
}


def action_map(ui: Ui_MainWindow) -> dict[str, QAction]:
    """Every action of the table by its name."""
    return {spec.name: getattr(ui, spec.name) for spec in ACTIONS}


def install(window: Shell, welcome: Ui_WelcomeView, undo_group: QUndoGroup) -> tuple[QAction, QAction]:
    """Give every action of the table its key and command; Undo and Redo join the Edit menu. Returns them."""
    ui = window.ui
    undo = undo_group.createUndoAction(window.window(), "&Undo")
    redo = undo_group.createRedoAction(window.window(), "&Redo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    ui.menuEdit.addAction(undo)
    ui.menuEdit.addAction(redo)
    ui.menuEdit.addSeparator()
    ui.menuEdit.addAction(ui.actionPreferences)
    extras.add_plan_menu_extras(ui, window.window())
    subject_access.add_file_menu_action(ui, window.window())
    help_menu.add_user_guide_action(ui, window.window())
    actions = action_map(ui)
    for spec in ACTIONS:
        action = actions[spec.name]
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setToolTip(TIPS[spec.name])
        action.setStatusTip(TIPS[spec.name])
        action.triggered.connect(lambda _checked=False, run=spec.run: run_command(window.prompter, lambda: run(window)))
    for name, run in WELCOME_BUTTONS:
        getattr(welcome, name).clicked.connect(
            lambda _checked=False, run=run: run_command(window.prompter, lambda: run(window))
        )
    ui.ownPlansButton.clicked.connect(lambda: run_command(window.prompter, lambda: open_own_plans(window)))
    ui.menuOpenRecent.aboutToShow.connect(lambda: window.books.fill_recent_menu(ui.menuOpenRecent))
    install_tab_keys(window)
    return undo, redo


def connect_editor(ui: Ui_MainWindow, editor: PlanEditor) -> None:
    """The plan view's buttons (acknowledgement, next step) run the window's actions; once it is made."""
    actions = action_map(ui)
    editor.acknowledgement_requested.connect(ui.actionRecordAcknowledgement.trigger)
    editor.next_step.step_requested.connect(lambda key: actions[NEXT_STEP_ACTIONS[key]].trigger())


#: The keys that switch the plan's tabs from anywhere in the window, the plan list included.
NEXT_TAB_KEYS = ("Ctrl+Tab", "Ctrl+PgDown")
PREVIOUS_TAB_KEYS = ("Ctrl+Shift+Tab", "Ctrl+PgUp")


def _switch_tab(window: Shell, step: int) -> None:
    if window.session is None:
        return
    window.show_plan_page()
    tabs = window.ui.viewTabs
    tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())


def install_tab_keys(window: Shell) -> None:
    """Tab and Shift+Tab leave the plan list; Ctrl+Tab and Ctrl+Page Down (with Shift, Page Up) go to the next tab."""
    window.ui.planTable.setTabKeyNavigation(False)  # the arrow keys move in the list
    for text, keys, step in (("Next tab", NEXT_TAB_KEYS, 1), ("Previous tab", PREVIOUS_TAB_KEYS, -1)):
        action = QAction(window.window())  # not QAction(text, parent): PySide6 would load QIcon for it (#21)
        action.setText(text)
        action.setObjectName(f"action{text.replace(' ', '')}")
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, step=step: _switch_tab(window, step))
        window.window().addAction(action)


def update(window: Shell) -> None:
    """Enable each action of the table as what the window shows allows."""
    state, actions = when.State.of(window), action_map(window.ui)
    plan, today = (window.session.plan, window.today()) if window.session else (None, None)
    for spec in ACTIONS:
        why = spec.why_not(plan, today) if spec.why_not and plan and today else None
        extras.show_enabled(actions[spec.name], spec.enabled(state), TIPS[spec.name], why)
