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
