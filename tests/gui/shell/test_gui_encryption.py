"""Encryption at rest from the main window: setting, changing and removing a passphrase, opening, backups, copies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

import pipdesk.gui.shell.main_window as main_window_module
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow, start_window
from pipdesk.gui.shell.passphrase_dialog import PassphraseDialog, PassphraseTask
from pipdesk.gui.shell.restore_dialog import RestoreBackupDialog
from pipdesk.store import PlanBook
from pipdesk.store.backups import backup_plan_book, list_backups
from pipdesk.store.connection import SQLITE_MAGIC, PassphraseNeeded, WrongPassphrase, passphrase_of
from pipdesk.store.encryption import change_passphrase

from conftest import SAMPLE_NAMES, TODAY, load_sample

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "staple orbit lantern"
WRONG_PASSPHRASE = "not the right one at all"

Filler = Callable[[QDialog], bool]


# Setting the scene


def plain_book(folder: Path, name: str = "plans.pipdesk") -> Path:
    path = folder / name
    with PlanBook.open(path) as book:
        book.add_many(load_sample(sample) for sample in SAMPLE_NAMES)
    return path


def encrypted_book(folder: Path, passphrase: str = PASSPHRASE, name: str = "plans.pipdesk") -> Path:
    path = plain_book(folder, name)
    change_passphrase(path, None, passphrase)
    return path


def open_window(
    qtbot: QtBot, path: Path, backups: Path, prompter: ScriptedPrompter, passphrase: str | None = None
) -> MainWindow:
    """The window on ``path``, once its backup on opening is taken, so the backups seen later are known."""
    window = MainWindow(
        PlanBook.open(path, passphrase=passphrase),
        prompter=prompter,
        today=lambda: TODAY,
        backups_folder=backups,
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(list_backups(backups, path.stem)) == 1)
    return window


def is_plain_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def plan_count(path: Path, passphrase: str | None) -> int:
    with PlanBook.open(path, passphrase=passphrase) as book:
        return book.count()


def all_answered(prompter: ScriptedPrompter) -> None:
    """Every scripted answer was asked for, and nothing went wrong (a fault in a command becomes a warning)."""
    assert not prompter.answers, f"not asked: {list(prompter.answers)}"
    assert prompter.warnings() == []


def ui_passphrase_actions(window: MainWindow) -> tuple[bool, bool, bool]:
    """Whether Set, Change and Remove passphrase are enabled."""
    ui = window.ui
    return (
        ui.actionSetPassphrase.isEnabled(),
        ui.actionChangePassphrase.isEnabled(),
        ui.actionRemovePassphrase.isEnabled(),
    )


# Answering the passphrase dialog as a person would: type, then click OK


def click_ok(dialog: PassphraseDialog) -> bool:
    dialog.setResult(QDialog.DialogCode.Rejected)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog.result() == QDialog.DialogCode.Accepted


def error_shown(dialog: PassphraseDialog) -> str:
    """The error the dialog shows, or "" when it shows none."""
    return dialog.ui.errorLabel.text() if dialog.ui.errorLabel.isVisibleTo(dialog) else ""


class Answers:
    """Passphrase dialog answers for a ScriptedPrompter; each notes the error the dialog showed when it was asked."""

    def __init__(self) -> None:
        self.errors_seen: list[str] = []
        self.messages_seen: list[str] = []
        self.tasks_seen: list[PassphraseTask] = []

    def typing(self, current: str = "", new: str = "", confirm: str | None = None) -> Filler:
        def fill(dialog: QDialog) -> bool:
            assert isinstance(dialog, PassphraseDialog)
            self.errors_seen.append(error_shown(dialog))
            self.messages_seen.append(dialog.ui.messageLabel.text())
            self.tasks_seen.append(dialog.task)
            dialog.fill(current=current, new=new, confirm=confirm)
            accepted = click_ok(dialog)
            assert accepted, f"the dialog refused it: {error_shown(dialog)}"
            return accepted

        return fill

    def cancel(self) -> Filler:
        def fill(dialog: QDialog) -> bool:
            assert isinstance(dialog, PassphraseDialog)
            self.errors_seen.append(error_shown(dialog))
            self.tasks_seen.append(dialog.task)
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
            return dialog.result() == QDialog.DialogCode.Accepted

        return fill


# Setting a passphrase


def test_set_passphrase_encrypts_the_plan_book_and_reopens_it_on_the_same_plan(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = plain_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter)
    ui = window.ui
    assert window.select_plan(2)
    assert "encrypted" not in window.windowTitle()
    assert ui.actionSetPassphrase.isEnabled()
    assert not ui.actionChangePassphrase.isEnabled() and not ui.actionRemovePassphrase.isEnabled()

    prompter.expect("dialog", answers.typing(new=PASSPHRASE)).expect("confirm", False)
    ui.actionSetPassphrase.trigger()

    all_answered(prompter)
    assert answers.tasks_seen == [PassphraseTask.SET]
    assert not is_plain_sqlite(path)
    assert window.book is not None and window.book.path == path and window.book.encrypted
    assert window.book.count() == 4 and window.plans.rowCount() == 4
    assert window.session is not None and window.session.plan_id == 2
    assert window.windowTitle().startswith("plans.pipdesk (encrypted)")
    assert not ui.actionSetPassphrase.isEnabled()
    assert ui.actionChangePassphrase.isEnabled() and ui.actionRemovePassphrase.isEnabled()
    assert "encrypted now" in window.statusBar().currentMessage()
    kept = list_backups(backups, "plans", PASSPHRASE)
    assert [(b.encrypted, b.plan_count) for b in kept] == [(True, 4), (False, 4)], "answered no: the plain one stays"

    window.close()
    with pytest.raises(PassphraseNeeded):
        PlanBook.open(path)
    assert plan_count(path, PASSPHRASE) == 4


# The dialog itself


@pytest.mark.parametrize(
    ("task", "current", "new", "confirm", "error"),
    [
        (PassphraseTask.SET, "", "short", None, "at least 8 characters"),
        (PassphraseTask.SET, "", "        ", None, "Type a passphrase"),
        (PassphraseTask.SET, "", PASSPHRASE, PASSPHRASE + "!", "differ"),
        (PassphraseTask.CHANGE, PASSPHRASE, PASSPHRASE, None, "is the current one"),
        (PassphraseTask.CHANGE, "", NEW_PASSPHRASE, None, "Type the current passphrase"),
        (PassphraseTask.CHANGE, PASSPHRASE, "tiny", None, "at least 8 characters"),
        (PassphraseTask.REMOVE, "", "", None, "Type the current passphrase"),
        (PassphraseTask.OPEN, "", "", None, "Type it"),
    ],
)
def test_the_passphrase_dialog_refuses_and_says_why(
    qtbot: QtBot, task: PassphraseTask, current: str, new: str, confirm: str | None, error: str
) -> None:
    dialog = PassphraseDialog(task, "plans.pipdesk")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.errorLabel.isVisible()
    dialog.fill(current=current, new=new, confirm=confirm)
    assert not click_ok(dialog)
    assert dialog.isVisible(), "the dialog stays open for another try"
    assert dialog.ui.errorLabel.isVisible()
    assert error in dialog.ui.errorLabel.text()

    # Put right, it is accepted and the error goes.
    good_new = NEW_PASSPHRASE if task in (PassphraseTask.SET, PassphraseTask.CHANGE) else ""
    dialog.fill(current=PASSPHRASE, new=good_new)
    assert click_ok(dialog)
    assert not dialog.ui.errorLabel.isVisible()


def test_the_same_passphrase_typed_on_another_keyboard_is_not_a_new_one(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(PassphraseTask.CHANGE, "plans.pipdesk")
    qtbot.addWidget(dialog)
    dialog.fill(current="caf\u00e9 au lait", new="cafe\u0301 au lait")  # é precomposed, then e + combining accent
    assert not click_ok(dialog)
    assert "is the current one" in error_shown(dialog)


@pytest.mark.parametrize(
    ("task", "asks_current", "asks_new"),
    [
        (PassphraseTask.OPEN, True, False),
        (PassphraseTask.SET, False, True),
        (PassphraseTask.CHANGE, True, True),
        (PassphraseTask.REMOVE, True, False),
    ],
)
def test_the_passphrase_dialog_asks_what_its_task_needs(
    qtbot: QtBot, task: PassphraseTask, asks_current: bool, asks_new: bool
) -> None:
    dialog = PassphraseDialog(task, "plans.pipdesk")
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert ui.currentEdit.isVisible() is asks_current
    assert ui.newEdit.isVisible() is asks_new and ui.confirmEdit.isVisible() is asks_new
    assert ui.warningLabel.isVisible() is asks_new, "the warning about a forgotten passphrase goes with a new one"
    assert "plans.pipdesk" in ui.messageLabel.text()
    dialog.fill(current=PASSPHRASE, new=NEW_PASSPHRASE)
    assert click_ok(dialog)
    assert dialog.current() == (PASSPHRASE if asks_current else None)
    assert dialog.new() == (NEW_PASSPHRASE if asks_new else None)


def test_the_passphrase_dialog_shows_what_is_typed_on_request(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(PassphraseTask.CHANGE, "plans.pipdesk")
    qtbot.addWidget(dialog)
    edits = (dialog.ui.currentEdit, dialog.ui.newEdit, dialog.ui.confirmEdit)
    assert all(edit.echoMode() == edit.EchoMode.Password for edit in edits)
    dialog.ui.showCheck.setChecked(True)
    assert all(edit.echoMode() == edit.EchoMode.Normal for edit in edits)
    dialog.ui.showCheck.setChecked(False)
    assert all(edit.echoMode() == edit.EchoMode.Password for edit in edits)


# Opening an encrypted plan book


def test_opening_an_encrypted_plan_book_asks_again_after_a_wrong_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    first, backups = plain_book(tmp_path, "first.pipdesk"), tmp_path / "backups"
    locked = encrypted_book(tmp_path)
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, first, backups, prompter)

    prompter.expect("open_file", locked)
    prompter.expect("dialog", answers.typing(current=WRONG_PASSPHRASE))
    prompter.expect("dialog", answers.typing(current=PASSPHRASE))
    window.ui.actionOpen.trigger()

    all_answered(prompter)
    assert answers.tasks_seen == [PassphraseTask.OPEN, PassphraseTask.OPEN]
    assert answers.errors_seen[0] == "", "the first time, nothing was wrong yet"
    assert "does not open" in answers.errors_seen[1]
    assert window.book is not None and window.book.path == locked and window.book.encrypted
    assert passphrase_of(window.book.db.conn) == PASSPHRASE
    assert window.plans.rowCount() == 4
    assert window.windowTitle().startswith("plans.pipdesk (encrypted)")
    assert ui_passphrase_actions(window) == (False, True, True)
    window.close()


def test_cancelling_the_passphrase_keeps_the_plan_book_that_was_open(qtbot: QtBot, tmp_path: Path) -> None:
    first, backups = plain_book(tmp_path, "first.pipdesk"), tmp_path / "backups"
    locked = encrypted_book(tmp_path)
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, first, backups, prompter)
    window.select_plan(3)

    prompter.expect("open_file", locked).expect("dialog", answers.cancel())
    window.ui.actionOpen.trigger()

    all_answered(prompter)
    assert window.book is not None and window.book.path == first and not window.book.encrypted
    assert window.session is not None and window.session.plan_id == 3
    assert window.windowTitle().startswith("first.pipdesk —")
    assert ui_passphrase_actions(window) == (True, False, False)
    window.close()
    assert plan_count(locked, PASSPHRASE) == 4, "the encrypted plan book is not held open or locked"


def test_cancelling_the_passphrase_with_no_plan_book_open_leaves_the_window_empty(qtbot: QtBot, tmp_path: Path) -> None:
    locked = encrypted_book(tmp_path)
    prompter, answers = ScriptedPrompter(), Answers()
    window = MainWindow(prompter=prompter, backups_folder=tmp_path / "backups")
    qtbot.addWidget(window)

    prompter.expect("dialog", answers.cancel())
    assert not window.open_plan_book(locked)

    all_answered(prompter)
    assert window.book is None and window.plans.rowCount() == 0
    assert window.ui.stack.currentWidget() is window.ui.welcomePage
    assert ui_passphrase_actions(window) == (False, False, False)
    assert not window.ui.actionSaveCopy.isEnabled()
    window.close()


def test_a_wrong_passphrase_given_at_start_is_said_wrong_before_asking(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = encrypted_book(tmp_path)
    prompter, answers = ScriptedPrompter(), Answers()
    monkeypatch.setattr(main_window_module, "Prompter", lambda _parent: prompter)

    prompter.expect("dialog", answers.typing(current=PASSPHRASE))
    window = start_window(locked, passphrase=WRONG_PASSPHRASE)
    qtbot.addWidget(window)

    all_answered(prompter)
    assert "does not open" in answers.errors_seen[0]
    assert window.book is not None and window.book.path == locked and window.book.encrypted
    window.close()


# Changing and removing the passphrase


def test_change_passphrase_asks_again_after_a_wrong_current_one(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)
    window.select_plan(4)

    prompter.expect("dialog", answers.typing(current=WRONG_PASSPHRASE, new=NEW_PASSPHRASE))
    prompter.expect("dialog", answers.typing(current=PASSPHRASE, new=NEW_PASSPHRASE))
    window.ui.actionChangePassphrase.trigger()

    all_answered(prompter)
    assert answers.tasks_seen == [PassphraseTask.CHANGE, PassphraseTask.CHANGE]
    assert answers.errors_seen[0] == ""
    assert "does not open" in answers.errors_seen[1]
    assert window.book is not None and window.book.encrypted
    assert passphrase_of(window.book.db.conn) == NEW_PASSPHRASE
    assert window.session is not None and window.session.plan_id == 4
    assert "new passphrase" in window.statusBar().currentMessage()
    assert [b.encrypted for b in list_backups(backups, "plans")] == [True, True]
    assert [b.plan_count for b in list_backups(backups, "plans", NEW_PASSPHRASE)] == [4, None], (
        "a backup with the new passphrase; the one before keeps the old"
    )
    window.close()

    with pytest.raises(WrongPassphrase):
        PlanBook.open(path, passphrase=PASSPHRASE)
    assert plan_count(path, NEW_PASSPHRASE) == 4


def test_cancelling_change_passphrase_leaves_the_plan_book_as_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)
    before = path.read_bytes()

    prompter.expect("dialog", answers.typing(current=WRONG_PASSPHRASE, new=NEW_PASSPHRASE))
    prompter.expect("dialog", answers.cancel())
    window.ui.actionChangePassphrase.trigger()

    all_answered(prompter)
    assert "does not open" in answers.errors_seen[1]
    assert window.book is not None and passphrase_of(window.book.db.conn) == PASSPHRASE
    assert len(list_backups(backups, "plans")) == 1
    window.close()
    assert path.read_bytes()[:4096] == before[:4096], "not rewritten"
    assert plan_count(path, PASSPHRASE) == 4


def test_remove_passphrase_makes_the_plan_book_plain_sqlite_again(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)
    window.select_plan(1)

    prompter.expect("dialog", answers.typing(current=WRONG_PASSPHRASE))
    prompter.expect("dialog", answers.typing(current=PASSPHRASE))
    window.ui.actionRemovePassphrase.trigger()

    all_answered(prompter)
    assert answers.tasks_seen == [PassphraseTask.REMOVE, PassphraseTask.REMOVE]
    assert "does not open" in answers.errors_seen[1]
    assert is_plain_sqlite(path)
    assert window.book is not None and not window.book.encrypted
    assert window.session is not None and window.session.plan_id == 1
    assert "encrypted" not in window.windowTitle()
    assert ui_passphrase_actions(window) == (True, False, False)
    assert "no longer encrypted" in window.statusBar().currentMessage()
    assert [b.encrypted for b in list_backups(backups, "plans")] == [False, True], "new backups are plain"
    window.close()
    assert plan_count(path, None) == 4


# Backups


def test_set_passphrase_offers_to_delete_the_unencrypted_backups(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = plain_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter)
    assert window.book is not None
    backup_plan_book(window.book, backups, keep=10)  # a second plain one
    assert [b.encrypted for b in list_backups(backups, "plans")] == [False, False]

    prompter.expect("dialog", answers.typing(new=PASSPHRASE)).expect("confirm", True)
    window.ui.actionSetPassphrase.trigger()

    all_answered(prompter)
    offer = prompter.shown[-1]
    assert offer.kind == "confirm" and offer.title == "Unencrypted backups"
    assert "2 backups of plans.pipdesk were taken" in offer.text
    remaining = list_backups(backups, "plans", PASSPHRASE)
    assert [(b.encrypted, b.plan_count) for b in remaining] == [(True, 4)]
    assert not is_plain_sqlite(remaining[0].path)
    assert "Deleted 2 unencrypted backups" in window.statusBar().currentMessage()
    window.close()


def choose_backup(row: int, expected: list[tuple[int | None, bool]]) -> Filler:
    def choose(dialog: QDialog) -> bool:
        assert isinstance(dialog, RestoreBackupDialog)
        assert [(b.plan_count, b.encrypted) for b in dialog.backups] == expected
        dialog.choose(row)
        return True

    return choose


def test_restore_from_an_encrypted_backup_uses_the_current_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter = ScriptedPrompter()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)
    assert window.book is not None
    window.book.delete(1)  # the mistake the backup undoes
    window.refresh_plans()

    restored = tmp_path / "restored.pipdesk"
    prompter.expect("dialog", choose_backup(0, [(4, True)]))
    prompter.expect("save_file", restored).expect("confirm", True)
    window.ui.actionRestoreBackup.trigger()

    all_answered(prompter)
    assert not is_plain_sqlite(restored)
    assert window.book is not None and window.book.path == restored and window.book.encrypted
    assert window.book.count() == 4 and window.plans.rowCount() == 4
    window.close()
    assert plan_count(path, PASSPHRASE) == 3, "the plan book that was open is not changed"


def change_from_menu(window: MainWindow, prompter: ScriptedPrompter, old: str, new: str) -> None:
    prompter.expect("dialog", Answers().typing(current=old, new=new))
    window.ui.actionChangePassphrase.trigger()
    all_answered(prompter)


def test_a_backup_taken_with_an_older_passphrase_asks_for_that_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)  # a backup with the old passphrase
    change_from_menu(window, prompter, PASSPHRASE, NEW_PASSPHRASE)  # and one with the new

    restored = tmp_path / "restored.pipdesk"
    prompter.expect("dialog", choose_backup(1, [(4, True), (None, True)]))
    prompter.expect("save_file", restored)
    prompter.expect("dialog", answers.typing(current=WRONG_PASSPHRASE))
    prompter.expect("dialog", answers.typing(current=PASSPHRASE))
    prompter.expect("confirm", False)
    window.ui.actionRestoreBackup.trigger()

    all_answered(prompter)
    assert answers.tasks_seen == [PassphraseTask.OPEN, PassphraseTask.OPEN]
    assert "another passphrase" in answers.messages_seen[0]
    assert answers.errors_seen[0] == ""
    assert "does not open" in answers.errors_seen[1]
    assert window.book is not None and window.book.path == path, "not opened: the answer was no"
    window.close()
    with pytest.raises(WrongPassphrase):
        PlanBook.open(restored, passphrase=NEW_PASSPHRASE)
    assert plan_count(restored, PASSPHRASE) == 4, "the restored plan book keeps the backup's passphrase"


def test_a_backup_taken_before_the_passphrase_was_removed_asks_for_it(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)  # an encrypted backup
    prompter.expect("dialog", Answers().typing(current=PASSPHRASE))
    window.ui.actionRemovePassphrase.trigger()  # and a plain one

    restored = tmp_path / "restored.pipdesk"
    prompter.expect("dialog", choose_backup(1, [(4, False), (None, True)]))
    prompter.expect("save_file", restored)
    prompter.expect("dialog", answers.typing(current=PASSPHRASE))
    prompter.expect("confirm", False)
    window.ui.actionRestoreBackup.trigger()

    all_answered(prompter)
    assert answers.errors_seen == [""]
    assert window.book is not None and window.book.path == path and not window.book.encrypted
    window.close()
    assert not is_plain_sqlite(restored)
    assert plan_count(restored, PASSPHRASE) == 4


def test_opening_a_backup_restored_with_an_older_passphrase_does_not_ask_again(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter, answers = ScriptedPrompter(), Answers()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)
    change_from_menu(window, prompter, PASSPHRASE, NEW_PASSPHRASE)

    restored = tmp_path / "restored.pipdesk"
    prompter.expect("dialog", choose_backup(1, [(4, True), (None, True)]))
    prompter.expect("save_file", restored)
    prompter.expect("dialog", answers.typing(current=PASSPHRASE))
    prompter.expect("confirm", True)
    window.ui.actionRestoreBackup.trigger()

    all_answered(prompter)
    assert window.book is not None and window.book.path == restored
    assert passphrase_of(window.book.db.conn) == PASSPHRASE
    window.close()


# Copies


def test_a_copy_of_an_encrypted_plan_book_has_the_same_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    path, backups = encrypted_book(tmp_path), tmp_path / "backups"
    prompter = ScriptedPrompter()
    window = open_window(qtbot, path, backups, prompter, PASSPHRASE)

    copy = tmp_path / "elsewhere" / "plans-copy.pipdesk"
    prompter.expect("save_file", copy)
    window.ui.actionSaveCopy.trigger()

    all_answered(prompter)
    assert "same passphrase" in window.statusBar().currentMessage()
    assert window.book is not None and window.book.path == path, "the copy is not opened in place of the plan book"
    assert not is_plain_sqlite(copy)
    with pytest.raises(PassphraseNeeded):
        PlanBook.open(copy)
    assert plan_count(copy, PASSPHRASE) == 4
    window.close()
