"""Backups from the main window: one on opening, one on closing after a change, and restoring them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.gui.shell.restore_dialog import RestoreBackupDialog
from pipdesk.gui.shell.settings import keep_backups
from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.backups import list_backups

from conftest import SAMPLE_NAMES, TODAY, load_sample


def open_window(qtbot: QtBot, path: Path, backups: Path, prompter: ScriptedPrompter) -> MainWindow:
    window = MainWindow(
        PlanBook.open(path),
        prompter=prompter,
        today=lambda: TODAY,
        backups_folder=backups,
    )
    qtbot.addWidget(window)
    return window


def test_a_backup_on_opening_and_one_on_closing_only_after_a_change(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = tmp_path / "plans.pipdesk", tmp_path / "backups"
    with PlanBook.open(path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    window = open_window(qtbot, path, backups, ScriptedPrompter())
    qtbot.waitUntil(lambda: len(list_backups(backups, "plans")) == 1)
    assert [b.plan_count for b in list_backups(backups, "plans")] == [4]
    window.close()
    assert len(list_backups(backups, "plans")) == 1, "nothing changed: no backup on closing"

    window = open_window(qtbot, path, backups, ScriptedPrompter())
    qtbot.waitUntil(lambda: len(list_backups(backups, "plans")) == 2)
    window.select_plan(1)
    assert window.session is not None
    window.session.change("Rename", lambda plan: setattr(plan, "title", "Delivery predictability (revised)"))
    window.close()
    assert len(list_backups(backups, "plans")) == 3


def test_restore_from_backup_makes_a_new_plan_book_and_opens_it(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = tmp_path / "plans.pipdesk", tmp_path / "backups"
    with PlanBook.open(path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    prompter = ScriptedPrompter()
    window = open_window(qtbot, path, backups, prompter)
    qtbot.waitUntil(lambda: len(list_backups(backups, "plans")) == 1)
    assert window.book is not None
    window.book.delete(1)  # the mistake the backup undoes
    window.refresh_plans()

    def choose_latest(dialog: QDialog) -> bool:
        assert isinstance(dialog, RestoreBackupDialog)
        assert [b.plan_count for b in dialog.backups] == [4]
        dialog.choose(0)
        return True

    restored_path = tmp_path / "restored.pipdesk"
    prompter.expect("dialog", choose_latest).expect("save_file", restored_path).expect("confirm", True)
    window.ui.actionRestoreBackup.trigger()
    assert window.book is not None and window.book.path == restored_path
    assert window.book.count() == 4
    with PlanBook.open(path) as original:
        assert original.count() == 3, "the plan book that was open is not changed"
    window.close()


def test_the_backup_on_opening_runs_on_a_worker_thread_and_a_failure_is_said(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import pipdesk.store.backups as backups_module

    path, backups = tmp_path / "plans.pipdesk", tmp_path / "backups"
    with PlanBook.open(path) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    threads: list[threading.Thread] = []

    def fails(*_args: object) -> Path:
        threads.append(threading.current_thread())
        raise PlanBookError("the disk is full; free some space and try again")

    monkeypatch.setattr(backups_module, "backup_plan_book_file", fails)
    window = open_window(qtbot, path, backups, ScriptedPrompter())
    qtbot.waitUntil(lambda: "No backup was taken on opening" in window.statusBar().currentMessage())
    assert "the disk is full" in window.statusBar().currentMessage()
    assert threads and threads[0] is not threading.main_thread()
    assert window.book is not None and window.book.count() == 1  # the window goes on


def test_preferences_set_how_many_backups_are_kept(qtbot: QtBot, tmp_path: Path) -> None:
    from pipdesk.gui.shell.preferences_dialog import PreferencesDialog

    path, backups = tmp_path / "plans.pipdesk", tmp_path / "backups"
    with PlanBook.open(path) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    prompter = ScriptedPrompter()
    window = open_window(qtbot, path, backups, prompter)
    qtbot.waitUntil(lambda: len(list_backups(backups, "plans")) == 1)
    assert keep_backups() == 10

    def cancel(dialog: QDialog) -> bool:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.ui.keepSpin.value() == 10 and dialog.ui.folderPath.text() == str(backups)
        dialog.ui.keepSpin.setValue(3)
        return False

    prompter.expect("dialog", cancel)
    window.ui.actionPreferences.trigger()
    assert keep_backups() == 10

    def keep_two(dialog: QDialog) -> bool:
        assert isinstance(dialog, PreferencesDialog)
        dialog.ui.keepSpin.setValue(2)
        return True

    prompter.expect("dialog", keep_two)
    window.ui.actionPreferences.trigger()
    assert keep_backups() == 2
    assert window.ui.actionPreferences in window.ui.menuEdit.actions()
    for _ in range(3):
        window.books.back_up("now")
    assert len(list_backups(backups, "plans")) == 2  # the newest two
    assert prompter.warnings() == []
