"""Leftovers of a pipdesk stopped mid-task: recognised for what they are, removed when no one still writes them."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

import pipdesk.store.backups as backups_module
import pipdesk.store.encryption as encryption_module
import pipdesk.store.leftovers as leftovers_module
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.gui.shell.passphrase_dialog import PassphraseDialog
from pipdesk.store import PlanBook
from pipdesk.store.backups import backup_plan_book, list_backups
from pipdesk.store.encryption import change_passphrase
from pipdesk.store.leftovers import (
    Content,
    LeftoverKind,
    backup_being_written,
    clean_up_leftovers,
    find_leftovers,
    remove_leftovers,
    say_removed,
)

from conftest import SAMPLE_NAMES, load_sample

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "staple orbit lantern"


def plain_book(folder: Path, name: str = "plans.pipdesk") -> Path:
    path = folder / name
    with PlanBook.open(path) as book:
        book.add_many(load_sample(sample) for sample in SAMPLE_NAMES)
    return path


def encrypted_book(folder: Path, name: str = "plans.pipdesk") -> Path:
    path = plain_book(folder, name)
    change_passphrase(path, None, PASSPHRASE)
    return path


def as_written_first_page_last(source: Path, target: Path) -> Path:
    """A copy as an online backup leaves it when killed: every page but the first (header) written."""
    data = bytearray(source.read_bytes())
    data[:4096] = bytes(4096)
    target.write_bytes(bytes(data))
    return target


def leave_everything(book: Path, backups: Path) -> dict[str, Path]:
    """One of each leftover a crash can leave, with the plan book's own (unencrypted) bytes in the staging copies."""
    folder, name = book.parent, book.name
    backups.mkdir(exist_ok=True)
    left = {
        "passphrase": folder / f".{name}.passphrase-ab12cd_3",
        "legacy": folder / f".{name}.k2j4h5g6",
        "restore": folder / f".{name}.restoring-zz99yy88",
        "creating": folder / f".{name}.creating-q1w2e3r4",
        "save": folder / f".{name}.a1b2c3d4",
        "partial": backups / f".{book.stem}-20260102-030405.pipdesk.x1y2z3w4.partial",
    }
    for key in ("passphrase", "legacy", "restore"):
        left[key].mkdir()
        shutil.copyfile(book, left[key] / name)
    (left["legacy"] / f"{name}-journal").write_bytes(b"\xd9\xd5\x05\xf9 \xa1c\xd7" + bytes(504))
    shutil.copyfile(book, left["creating"])
    left["save"].write_bytes(b'{"plan": "half of a plan file"}')
    as_written_first_page_last(book, left["partial"])
    (backups / (left["partial"].name + "-journal")).write_bytes(bytes(512))
    return left


def hidden(*folders: Path) -> list[str]:
    return sorted(entry.name for folder in folders for entry in folder.iterdir() if entry.name.startswith("."))


# Finding


def test_every_leftover_is_found_and_said_for_what_it_is(tmp_path: Path) -> None:
    book, backups = plain_book(tmp_path), tmp_path / "backups"
    left = leave_everything(book, backups)

    found = {leftover.path: leftover for leftover in find_leftovers(book, backups)}

    assert set(found) == set(left.values())
    kinds = {key: found[path].kind for key, path in left.items()}
    assert kinds == {
        "passphrase": LeftoverKind.PASSPHRASE_CHANGE,
        "legacy": LeftoverKind.PASSPHRASE_CHANGE_OR_RESTORE,
        "restore": LeftoverKind.RESTORE,
        "creating": LeftoverKind.CREATION,
        "save": LeftoverKind.SAVE,
        "partial": LeftoverKind.BACKUP,
    }
    assert all(leftover.content is Content.UNENCRYPTED for leftover in found.values())
    partial = found[left["partial"]]
    assert partial.companions == (backups / (left["partial"].name + "-journal"),)
    assert partial.size == book.stat().st_size + 512
    described = partial.describe()
    assert described.startswith(f"an unfinished backup from {dt.date.today():%Y-%m-%d} ")
    assert ", unencrypted, " in described and " kB (" in described
    assert say_removed([partial]).startswith("Removed 1 file left by a pipdesk stopped mid-task: an unfinished backup")


def test_what_is_not_pipdesks_is_not_a_leftover(tmp_path: Path) -> None:
    book, backups = plain_book(tmp_path), tmp_path / "backups"
    backups.mkdir()
    with PlanBook.open(book) as opened:
        backup_plan_book(opened, backups, keep=3)  # a finished backup is no leftover
    others = [
        tmp_path / ".plans.pipdesk.notes",  # not eight random characters
        tmp_path / ".other.pipdesk.a1b2c3d4",  # another plan book's
        tmp_path / ".plans.pipdesk.passphrase-tooshort",
        backups / ".other-20260102-030405.pipdesk.x1y2z3w4.partial",  # another plan book's backup
        backups / "plans-20260102-030405.pipdesk.partial",
    ]
    for path in others:
        path.write_bytes(b"someone else's")
    foreign = tmp_path / ".plans.pipdesk.k2j4h5g6"  # a staging folder's name, holding what pipdesk never puts there
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"photo")

    assert find_leftovers(book, backups) == []


def test_encrypted_staging_copies_are_said_to_be_encrypted(tmp_path: Path) -> None:
    book, backups = encrypted_book(tmp_path), tmp_path / "backups"
    backups.mkdir()
    staging = tmp_path / ".plans.pipdesk.passphrase-ab12cd_3"
    staging.mkdir()
    shutil.copyfile(book, staging / book.name)
    as_written_first_page_last(book, backups / ".plans-20260102-030405.pipdesk.x1y2z3w4.partial")
    empty = backups / ".plans-20260102-030406.pipdesk.x1y2z3w5.partial"
    empty.write_bytes(bytes(8192))

    contents = {leftover.path.name: leftover.content for leftover in find_leftovers(book, backups)}

    assert contents == {
        staging.name: Content.ENCRYPTED,
        ".plans-20260102-030405.pipdesk.x1y2z3w4.partial": Content.ENCRYPTED,
        empty.name: Content.EMPTY,
    }


# Removing


def test_leftovers_are_removed_and_the_plan_book_and_its_backups_kept(tmp_path: Path) -> None:
    book, backups = plain_book(tmp_path), tmp_path / "backups"
    with PlanBook.open(book) as opened:
        finished = backup_plan_book(opened, backups, keep=3)
    left = leave_everything(book, backups)

    removed = remove_leftovers(book, find_leftovers(book, backups))

    assert {leftover.path for leftover in removed} == set(left.values())
    assert hidden(tmp_path, backups) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "plans.pipdesk"]
    assert [b.path for b in list_backups(backups, "plans")] == [finished]
    assert [b.plan_count for b in list_backups(backups, "plans")] == [4]


def test_a_plan_book_open_elsewhere_keeps_the_leftovers_beside_it(tmp_path: Path) -> None:
    book, backups = plain_book(tmp_path), tmp_path / "backups"
    left = leave_everything(book, backups)

    with PlanBook.open(book):  # as another window would hold it: its writer may still be at work
        removed = remove_leftovers(book, find_leftovers(book, backups))

    assert [leftover.path for leftover in removed] == [left["partial"]]
    assert all(path.exists() for key, path in left.items() if key != "partial")


def test_a_backup_being_written_is_not_removed(tmp_path: Path) -> None:
    book, backups = plain_book(tmp_path), tmp_path / "backups"
    left = leave_everything(book, backups)

    with backup_being_written(backups), PlanBook.open(book) as opened:
        removed = clean_up_leftovers(opened, backups)
    assert left["partial"] not in {leftover.path for leftover in removed}
    assert left["partial"].exists()

    with PlanBook.open(book) as opened:
        assert [leftover.path for leftover in clean_up_leftovers(opened, backups)] == [left["partial"]]
    assert hidden(backups) == []


def test_an_unencrypted_leftover_is_overwritten_before_it_is_unlinked(tmp_path: Path) -> None:
    book = plain_book(tmp_path)
    staging = tmp_path / ".plans.pipdesk.passphrase-ab12cd_3"
    staging.mkdir()
    copy = staging / book.name
    shutil.copyfile(book, copy)
    handle = copy.open("rb")  # still reads the file's bytes after it is unlinked
    try:
        assert remove_leftovers(book, find_leftovers(book))
        handle.seek(0)
        assert handle.read().strip(b"\x00") == b""
    finally:
        handle.close()
    assert not staging.exists()


def test_a_partial_backup_linked_to_its_finished_backup_is_unlinked_not_wiped(tmp_path: Path) -> None:
    """Killed between the link to its final name and the unlink of its temporary name: the backup is whole."""
    book, backups = plain_book(tmp_path), tmp_path / "backups"
    with PlanBook.open(book) as opened:
        finished = backup_plan_book(opened, backups, keep=3)
    partial = backups / f".{finished.name}.x1y2z3w4.partial"
    os.link(finished, partial)

    assert [leftover.path for leftover in remove_leftovers(book, find_leftovers(book, backups))] == [partial]
    assert [b.plan_count for b in list_backups(backups, "plans")] == [4]


# Writing: staging files of an encrypted plan book are encrypted


def staged_contents(monkeypatch: pytest.MonkeyPatch, module: object, name: str, book: Path) -> list[Content]:
    """What the leftovers of ``book`` would be, looked at each time ``module.name`` is called mid-task."""
    seen: list[Content] = []
    original = getattr(module, name)

    def spy(*args: object, **kwargs: object) -> object:
        seen.extend(leftover.content for leftover in find_leftovers(book, book.parent / "backups"))
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return seen


@pytest.mark.parametrize(("old", "new"), [(None, PASSPHRASE), (PASSPHRASE, NEW_PASSPHRASE)])
def test_setting_or_changing_a_passphrase_stages_an_encrypted_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, old: str | None, new: str
) -> None:
    book = encrypted_book(tmp_path) if old else plain_book(tmp_path)
    seen = staged_contents(monkeypatch, encryption_module, "fsync_file", book)

    change_passphrase(book, old, new)

    assert seen == [Content.ENCRYPTED]
    assert hidden(tmp_path) == []


def test_removing_a_passphrase_stages_the_unencrypted_copy_it_is_to_be(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book = encrypted_book(tmp_path)
    seen = staged_contents(monkeypatch, encryption_module, "fsync_file", book)

    change_passphrase(book, PASSPHRASE, None)

    assert seen == [Content.UNENCRYPTED]  # unavoidable: found and removed at the next start if left
    assert hidden(tmp_path) == []


def test_the_backup_of_an_encrypted_plan_book_is_encrypted_while_it_is_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book, backups = encrypted_book(tmp_path), tmp_path / "backups"
    seen = staged_contents(monkeypatch, backups_module, "fsync_file", book)

    with PlanBook.open(book, passphrase=PASSPHRASE) as opened:
        backup_plan_book(opened, backups, keep=3)

    assert seen == [Content.ENCRYPTED]
    assert hidden(backups) == []


def test_a_passphrase_change_removes_what_an_earlier_one_left_first(tmp_path: Path) -> None:
    book = encrypted_book(tmp_path)
    staging = tmp_path / ".plans.pipdesk.k2j4h5g6"
    staging.mkdir()
    shutil.copyfile(book, staging / book.name)

    removed = change_passphrase(book, PASSPHRASE, NEW_PASSPHRASE)

    assert [leftover.kind for leftover in removed] == [LeftoverKind.PASSPHRASE_CHANGE_OR_RESTORE]
    assert hidden(tmp_path) == []


# At the start: the command line and the window


def test_a_command_says_on_stderr_what_it_removed(tmp_path: Path) -> None:
    book = encrypted_book(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n")
    staging = tmp_path / ".plans.pipdesk.passphrase-ab12cd_3"
    staging.mkdir()
    shutil.copyfile(plain_book(tmp_path, "other.pipdesk"), staging / book.name)

    done = subprocess.run(
        [sys.executable, "-m", "pipdesk", "list", "--db", str(book), "--passphrase-file", str(secret)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("pipdesk: Removed 1 file left by a pipdesk stopped mid-task: ")
    assert "an unfinished passphrase change from " in done.stderr and ", unencrypted, " in done.stderr
    assert not staging.exists()


def open_window(
    qtbot: QtBot, book: Path, backups: Path, prompter: ScriptedPrompter, passphrase: str | None
) -> MainWindow:
    window = MainWindow(
        PlanBook.open(book, passphrase=passphrase),
        prompter=prompter,
        today=lambda: dt.date(2026, 11, 23),
        backups_folder=backups,
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(list_backups(backups, book.stem)) == 1)
    return window


def test_the_window_removes_what_a_killed_window_left_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    book, backups = encrypted_book(tmp_path), tmp_path / "backups"
    left = leave_everything(book, backups)
    prompter = ScriptedPrompter()

    window = open_window(qtbot, book, backups, prompter, PASSPHRASE)
    window.books.wait_for_backups()  # the window's own backup in flight is not a leftover

    message = window.statusBar().currentMessage()
    assert message.startswith("Removed 6 files left by a pipdesk stopped mid-task: ")
    assert "an unfinished backup from " in message and "an unfinished passphrase change from " in message
    assert not any(path.exists() for path in left.values())
    assert hidden(tmp_path, backups) == []
    assert prompter.shown == []
    window.close()


def test_at_launch_the_leftovers_go_once_the_window_is_painted_before_its_backup(qtbot: QtBot, tmp_path: Path) -> None:
    from pipdesk.gui.shell.main_window import start_window

    book, backups = plain_book(tmp_path), tmp_path / "backups"
    left = leave_everything(book, backups)
    window = start_window(
        book, prompter=ScriptedPrompter(), today=lambda: dt.date(2026, 11, 23), backups_folder=backups
    )
    qtbot.addWidget(window)
    assert window.plans.rowCount() == len(SAMPLE_NAMES)
    assert all(path.exists() for path in left.values()), "the first screen is painted before the clean-up"
    window.window_painted()
    assert not any(path.exists() for path in left.values())
    assert window.statusBar().currentMessage().startswith("Removed 6 files left by a pipdesk stopped mid-task: ")
    qtbot.waitUntil(lambda: len(list_backups(backups, book.stem)) == 1)  # the backup after it, not removed by it
    window.books.wait_for_backups()
    assert hidden(tmp_path, backups) == []
    window.close()


def test_set_passphrase_offers_to_delete_unencrypted_leftovers_with_the_backups(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book, backups = plain_book(tmp_path), tmp_path / "backups"
    prompter = ScriptedPrompter()
    window = open_window(qtbot, book, backups, prompter, None)
    # One an earlier start could not remove (its writer was still at work then).
    monkeypatch.setattr(leftovers_module, "clean_up_leftovers", lambda *_args: [])
    partial = as_written_first_page_last(book, backups / ".plans-20260102-030405.pipdesk.x1y2z3w4.partial")

    def type_new_passphrase(dialog: QDialog) -> bool:
        assert isinstance(dialog, PassphraseDialog)
        dialog.fill(current="", new=PASSPHRASE, confirm=None)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", type_new_passphrase).expect("confirm", True)
    window.ui.actionSetPassphrase.trigger()

    offer = prompter.shown[-1]
    assert offer.kind == "confirm" and offer.title == "Unencrypted backups"
    assert "1 backup of plans.pipdesk was taken" in offer.text
    assert "Also left unencrypted by a pipdesk stopped mid-task:\n• an unfinished backup from " in offer.text
    assert not partial.exists()
    assert window.statusBar().currentMessage() == (
        "Deleted 1 unencrypted backup and 1 unencrypted leftover of plans.pipdesk"
    )
    assert [b.encrypted for b in list_backups(backups, "plans")] == [True]
    window.close()
