"""The window's action table: every action once, its key, and when it is enabled in each state of the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from pipdesk.domain import Status
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.action_states import State
from pipdesk.gui.shell.actions import ACTIONS, action_map
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, DMITRY, TODAY

ALWAYS = {
    "actionNewPlanBook",
    "actionOpen",
    "actionQuit",
    "actionPreferences",
    "actionUserGuide",
    "actionKeyboardShortcuts",
    "actionAbout",
}
WITH_A_BOOK = {
    "actionSaveCopy",
    "actionRestoreBackup",
    "actionImportPlan",
    "actionNewPlan",
    "actionNewFromTemplate",
    "actionSubjectAccess",
}
UNENCRYPTED_BOOK = {"actionSetPassphrase"}
WITH_A_PLAN = {
    "actionExportPlan",
    "actionSaveAsTemplate",
    "actionDeletePlan",
    "actionRetentionHold",
    "actionAnonymisePlan",
    "actionErasePlan",
    "actionExportPdf",
    "actionExportCaseFile",
    "actionPrint",
    "actionPrintPreview",
}
DRAFT = {"actionIssuePlan"}
RUNNING = {
    "actionRecordAcknowledgement",
    "actionNewCheckin",
    "actionCloseWithOutcome",
    "actionExportCalendar",
    "actionExtend",
    "actionRecordResponse",
}
# A closed plan is reopened only by an extension with a reason; the employee's voice on its outcome is
# recorded, and an appeal against it.
CLOSED = {"actionExtend", "actionRecordResponse", "actionRecordOutcomeAcknowledgement", "actionRecordAppeal"}


def shortcuts() -> dict[str, QKeySequence]:
    """The keys of the actions that have one (made once Qt is up: a standard key needs the application)."""
    return {
        "actionNewPlanBook": QKeySequence("Ctrl+Shift+N"),
        "actionOpen": QKeySequence(QKeySequence.StandardKey.Open),
        "actionSaveCopy": QKeySequence(QKeySequence.StandardKey.SaveAs),
        "actionImportPlan": QKeySequence("Ctrl+I"),
        "actionExportPlan": QKeySequence("Ctrl+E"),
        "actionExportPdf": QKeySequence("Ctrl+Shift+E"),
        "actionPrint": QKeySequence(QKeySequence.StandardKey.Print),
        "actionQuit": QKeySequence(QKeySequence.StandardKey.Quit),
        "actionNewPlan": QKeySequence(QKeySequence.StandardKey.New),
        "actionUserGuide": QKeySequence(QKeySequence.StandardKey.HelpContents),
        "actionKeyboardShortcuts": QKeySequence("Ctrl+F1"),
        "actionDeletePlan": QKeySequence("Ctrl+Shift+Del"),
        "actionNewCheckin": QKeySequence("Ctrl+K"),
    }


def enabled(window: MainWindow) -> set[str]:
    return {name for name, action in action_map(window.ui).items() if action.isEnabled()}


def test_every_action_of_the_window_is_in_the_table_once(window: MainWindow) -> None:
    names = [spec.name for spec in ACTIONS]
    assert len(names) == len(set(names))
    assert set(names) == {name for name in vars(window.ui) if name.startswith("action")}


def test_each_action_has_its_key(window: MainWindow) -> None:
    keys = shortcuts()
    for name, action in action_map(window.ui).items():
        assert action.shortcut() == keys.get(name, QKeySequence()), name
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert [a.text() for a in window.ui.menuEdit.actions() if a.text()] == ["&Undo", "&Redo", "&Preferences…"]


def test_with_no_plan_book_only_what_needs_none_is_enabled(qtbot: QtBot, prompter: ScriptedPrompter) -> None:
    window = MainWindow(prompter=prompter, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert enabled(window) == ALWAYS
    window.close()


def test_a_plan_book_with_no_plan_shown_enables_the_plan_book_actions(
    qtbot: QtBot, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    window = MainWindow(PlanBook.open(tmp_path / "empty.pipdesk"), prompter=prompter, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.session is None
    assert enabled(window) == ALWAYS | WITH_A_BOOK | UNENCRYPTED_BOOK
    window.close()


@pytest.mark.parametrize(
    ("plan_id", "status", "by_status"),
    [
        (DMITRY, Status.DRAFT, DRAFT),
        (ALEX, Status.ACTIVE, RUNNING | {"actionPausePlan"}),
        (CARL, Status.EXTENDED, RUNNING),  # past its end date: extend or close it, not pause it
        (BETH, Status.CLOSED, CLOSED),
    ],
)
def test_a_plan_shown_enables_what_its_status_allows(
    window: MainWindow, plan_id: int, status: Status, by_status: set[str]
) -> None:
    assert window.select_plan(plan_id)
    assert window.session is not None and window.session.plan.status is status
    assert enabled(window) == ALWAYS | WITH_A_BOOK | UNENCRYPTED_BOOK | WITH_A_PLAN | by_status


def test_the_state_of_an_encrypted_plan_book_enables_change_and_remove_passphrase() -> None:
    by_name = {spec.name: spec.enabled for spec in ACTIONS}
    encrypted = State(book=True, encrypted=True)
    assert not by_name["actionSetPassphrase"](encrypted)
    assert by_name["actionChangePassphrase"](encrypted) and by_name["actionRemovePassphrase"](encrypted)
    assert not by_name["actionChangePassphrase"](State(book=True))
    assert not any(by_name[name](State()) for name in WITH_A_BOOK | WITH_A_PLAN | RUNNING | DRAFT)


def test_the_forms_own_states_are_a_window_s_with_a_plan_book_and_no_plan_shown(qtbot: QtBot, tmp_path: Path) -> None:
    """At launch the actions are installed once the first screen is painted (#21): until then the toolbar shows
    the form's own states, which must be what the table gives a window with a plan book and no plan open."""
    from PySide6.QtWidgets import QMainWindow

    from pipdesk.gui.forms.ui_main_window import Ui_MainWindow

    bare = QMainWindow()
    qtbot.addWidget(bare)
    form = Ui_MainWindow()
    form.setupUi(bare)
    window = MainWindow(PlanBook.open(tmp_path / "plans.pipdesk"), prompter=ScriptedPrompter(), today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.session is None and window.book is not None
    in_the_form = [spec.name for spec in ACTIONS if hasattr(form, spec.name)]
    assert len(in_the_form) == 28
    assert {name: getattr(form, name).isEnabled() for name in in_the_form} == {
        name: getattr(window.ui, name).isEnabled() for name in in_the_form
    }


def test_at_launch_the_actions_are_installed_once_the_window_is_painted(qtbot: QtBot, tmp_path: Path) -> None:
    from pipdesk.gui.shell.main_window import start_window

    from conftest import SAMPLE_NAMES, load_sample

    path = tmp_path / "plans.pipdesk"
    with PlanBook.open(path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    day = load_sample("alex-delivery-active").start_date  # things due: This week in front, a plan opens once painted
    window = start_window(path, prompter=ScriptedPrompter(), today=lambda: day, backups_folder=tmp_path / "b")
    qtbot.addWidget(window)
    assert window.session is None
    assert window.ui.actionNewPlan.shortcut().isEmpty(), "no key before the paint"
    assert window.ui.actionNewPlan.isEnabled() and not window.ui.actionNewCheckin.isEnabled()
    window.window_painted()
    assert window.ui.actionNewPlan.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.session is not None and window.ui.actionNewCheckin.isEnabled()
    assert window.undo_action in window.ui.menuEdit.actions()
