"""A full disk: the window says so in the manager's words, keeps every edit, never crashes, and saves once it can.

The plan book sits on a small tmpfs (8 MB) mounted for the test; a filler file takes the last free
byte while the manager types. Mounting needs root (as on CI); without it these tests are skipped.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import pipdesk.gui.common.session as session_module
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.plans.model import PlanListModel
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import SAMPLE_NAMES, TODAY, fill, load_sample

DRAFT = 4  # Дмитрий Иванов's draft plan: every field can be edited without a reason
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def book_on_disk(small_disk: Path) -> Path:
    path = small_disk / "plans.pipdesk"
    with PlanBook.open(path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    return path


@pytest.fixture
def make_window(
    qtbot: QtBot, small_disk: Path, book_on_disk: Path, prompter: ScriptedPrompter, monkeypatch: pytest.MonkeyPatch
) -> Iterator[WindowFactory]:
    monkeypatch.setattr(session_module, "RETRY_INTERVAL_MS", 200)  # the manager waits 5 s; a test need not
    windows: list[MainWindow] = []

    def make(fill_after_opening: bool = False) -> MainWindow:
        """The window on the plan book; ``fill_after_opening``: the disk fills before its backup on opening."""
        window = MainWindow(
            PlanBook.open(book_on_disk),
            prompter=prompter,
            today=lambda: TODAY,
            templates_folder=small_disk / "templates",
            samples_path=small_disk / "samples.pipdesk",
            backups_folder=small_disk / "backups",
        )
        # Closed below rather than by qtbot.addWidget: pytest-qt closes its widgets before fixtures end,
        # and a window left not saved by a failing test would ask about it then.
        if fill_after_opening:
            fill(small_disk)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        window.books.wait_for_backups()
        windows.append(window)
        return window

    yield make
    (small_disk / "filler").unlink(missing_ok=True)  # a failed test leaves nothing unsaved to ask about
    for window in windows:
        window.close()
        window.deleteLater()


def stored_plan(path: Path, plan_id: int = DRAFT) -> object:
    with PlanBook.open(path) as book:
        return book.get(plan_id)


def stored_plan_now(window: MainWindow) -> object:
    """The plan as the window's own connection reads it from the file."""
    assert window.book is not None
    return window.book.get(DRAFT)


def type_into_title(window: MainWindow, qtbot: QtBot, text: str) -> None:
    title = window.editor.ui.titleEdit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, text)


def type_into_summary(window: MainWindow, qtbot: QtBot, text: str) -> None:
    summary = window.editor.ui.summaryEdit
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(summary, text)


def test_a_full_disk_keeps_the_edits_says_so_and_saves_them_once_space_returns(
    make_window: WindowFactory,
    book_on_disk: Path,
    small_disk: Path,
    qtbot: QtBot,
    prompter: ScriptedPrompter,
    private_user_folders: Path,
) -> None:
    window = make_window()
    window.select_plan(DRAFT)
    session = window.session
    assert session is not None
    type_into_title(window, qtbot, " A")  # saved: the disk has room
    assert window.book is not None and window.book.get(DRAFT).title == "Punctuality (draft) A"

    filler = fill(small_disk)
    type_into_title(window, qtbot, "BC")
    type_into_summary(window, qtbot, " Agreed on Monday.")
    window.editor.ui.cadenceSpin.setValue(14)

    # What the manager sees: the edits, and one clear, lasting message; no dialog, no crash.
    assert window.editor.ui.titleEdit.text() == "Punctuality (draft) ABC"
    assert session.plan.title == "Punctuality (draft) ABC"
    assert session.plan.summary.endswith("Agreed on Monday.")
    assert session.plan.checkin_every_days == 14
    assert [session.undo_stack.text(i) for i in range(session.undo_stack.count())] == [
        "Edit title",
        "Edit summary",
        "Edit check-in cadence (days)",
    ]
    assert not session.saved and session.problem == "the disk is full; free some space and try again"
    banner = window.save_status
    assert banner.isVisible()
    assert banner.message.text().startswith("⚠ Not saved: the disk is full; free some space and try again.")
    assert "“Punctuality (draft) ABC” for Дмитрий Иванов stay on screen" in banner.message.text()
    assert prompter.shown == []
    assert window.book.get(DRAFT).title == "Punctuality (draft) A", "the plan book still holds the last save"
    window.grab().save(str(small_disk.parent / "full-disk.png"))

    filler.unlink()  # the manager frees some space, and only waits
    qtbot.waitUntil(lambda: session.saved, timeout=5000)
    assert not banner.isVisible()
    assert window.statusBar().currentMessage() == "Saved: the plan book holds all your changes again."
    title_cell = window.plans.index(window.plans.row_of(DRAFT), PlanListModel.TITLE)
    qtbot.waitUntil(lambda: title_cell.data() == "Punctuality (draft) ABC")  # the plan list reads it again
    on_screen = session.plan
    window.close()
    assert stored_plan(book_on_disk) == on_screen
    assert prompter.shown == []
    log = next(private_user_folders.rglob("pipdesk.log")).read_text()
    assert f"plan {DRAFT} not saved: the disk is full" in log and f"plan {DRAFT} is saved again" in log


def test_a_failed_write_in_undo_and_in_redo_keeps_the_stack_and_the_file_in_step(
    make_window: WindowFactory, book_on_disk: Path, small_disk: Path, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window = make_window()
    window.select_plan(DRAFT)
    session = window.session
    assert session is not None
    original = session.plan
    type_into_title(window, qtbot, " A")
    type_into_summary(window, qtbot, " B")
    edited = session.plan
    assert session.saved and session.undo_stack.index() == 2

    filler = fill(small_disk)
    for _round in range(3):  # the third failure crashed the app (exit 139) before
        window.undo_action.trigger()
        window.undo_action.trigger()
        assert session.plan == original and session.undo_stack.index() == 0
        assert window.editor.ui.titleEdit.text() == original.title
        window.redo_action.trigger()
        assert session.plan.title == edited.title and session.plan.summary == original.summary
        assert session.undo_stack.index() == 1
        assert not session.saved and window.save_status.isVisible()
    assert prompter.shown == []

    # The next edit tries at once: still full, still said, still kept. It replaces the summary's redo.
    type_into_title(window, qtbot, "!")
    assert session.undo_stack.count() == 1 and session.undo_stack.index() == 1
    assert session.plan.title == "Punctuality (draft) A!" and session.plan.summary == original.summary
    assert not session.saved

    filler.unlink()
    window.undo_action.trigger()  # the next change (here an undo) saves without waiting for the retry
    assert session.saved and not window.save_status.isVisible()
    assert stored_plan_now(window) == original
    window.redo_action.trigger()
    on_screen = session.plan
    assert on_screen.title == "Punctuality (draft) A!"
    window.close()
    assert stored_plan(book_on_disk) == on_screen


def test_closing_while_not_saved_asks_and_keeps_the_window_when_cancelled(
    make_window: WindowFactory, book_on_disk: Path, small_disk: Path, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window = make_window()
    window.select_plan(DRAFT)
    session = window.session
    assert session is not None
    filler = fill(small_disk)
    type_into_title(window, qtbot, " kept")

    prompter.expect("confirm", False)  # Cancel
    window.close()
    asked = prompter.shown[-1]
    assert (asked.kind, asked.title) == ("confirm", "Changes not saved")
    assert "are not saved: the disk is full" in asked.text and "these changes are lost" in asked.text
    assert window.isVisible() and window.session is session and session.plan.title.endswith(" kept")

    prompter.expect("confirm", False)  # opening another plan book asks the same
    assert not window.open_plan_book(small_disk.parent / "other.pipdesk", create=True)
    assert window.book is not None and window.session is session

    filler.unlink()
    window.close()  # saves first: nothing to ask
    assert not window.isVisible()
    assert not prompter.answers
    assert stored_plan(book_on_disk).title == "Punctuality (draft) kept"  # type: ignore[attr-defined]


def test_closing_without_saving_when_the_manager_says_so_loses_only_the_unsaved_edit(
    make_window: WindowFactory, book_on_disk: Path, small_disk: Path, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window = make_window()
    window.select_plan(DRAFT)
    type_into_title(window, qtbot, " saved")
    fill(small_disk)
    type_into_title(window, qtbot, " lost")
    prompter.expect("confirm", True)  # Close without saving
    window.close()
    assert not window.isVisible()
    assert stored_plan(book_on_disk).title == "Punctuality (draft) saved"  # type: ignore[attr-defined]


def test_a_backup_on_a_full_disk_is_refused_in_words_and_leaves_no_partial_file(
    make_window: WindowFactory, small_disk: Path, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window = make_window(fill_after_opening=True)  # the backup on opening, on a worker thread, fails
    filler = small_disk / "filler"
    qtbot.waitUntil(lambda: "No backup was taken on opening" in window.statusBar().currentMessage())
    assert "the disk is full; free some space and try again" in window.statusBar().currentMessage()
    backups = small_disk / "backups"
    assert not backups.exists() or list(backups.iterdir()) == []
    assert window.book is not None and window.book.count() == len(SAMPLE_NAMES)

    filler.unlink()
    window.select_plan(DRAFT)
    type_into_title(window, qtbot, " X")  # a change: closing takes a backup
    fill(small_disk)
    assert window.books.back_up("on closing") is None
    assert "No backup was taken on closing" in window.statusBar().currentMessage()
    assert not backups.exists() or list(backups.iterdir()) == []
    assert [s for s in prompter.shown if s.kind == "warning"] == []


def test_many_failed_saves_in_a_row_never_crash_the_app(tmp_path: Path, small_disk: Path, book_on_disk: Path) -> None:
    """Run apart: before, the third failed save ended the process with a segmentation fault (exit 139)."""
    script = textwrap.dedent(
        f"""
        import json, os, sys
        from pathlib import Path
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pipdesk.gui.shell.app import application
        app = application()
        import pipdesk.gui.common.session as session_module
        from pipdesk.gui.shell.main_window import MainWindow
        from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
        from pipdesk.store import PlanBook
        session_module.RETRY_INTERVAL_MS = 50
        errors = []
        sys.excepthook = lambda kind, error, trace: errors.append(f"{{kind.__name__}}: {{error}}")
        disk = Path({str(small_disk)!r})
        prompter = ScriptedPrompter()
        window = MainWindow(PlanBook.open(disk / "plans.pipdesk"), prompter=prompter, backups_folder=disk / "backups")
        window.show()
        app.processEvents()
        window.books.wait_for_backups()
        window.select_plan({DRAFT})
        session = window.session
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        for chunk in (b"\\0" * 65536, b"\\0"):
            try:
                while True:
                    os.write(fd, chunk)
            except OSError:
                pass
        os.close(fd)
        title = window.editor.ui.titleEdit
        for n in range(10):
            title.setText(title.text() + str(n))
            title.textEdited.emit(title.text())
            window.editor.ui.summaryEdit.appendPlainText(str(n))
            window.undo_action.trigger()
            window.redo_action.trigger()
            app.processEvents()
        unsaved = {{"saved": session.saved, "title": session.plan.title, "steps": session.undo_stack.count()}}
        filler.unlink()
        while not session.saved:
            app.processEvents()
        on_screen = session.plan
        window.close()
        with PlanBook.open(disk / "plans.pipdesk") as book:
            in_file = book.get({DRAFT}) == on_screen
        print(json.dumps({{**unsaved, "errors": errors, "shown": len(prompter.shown), "in_file": in_file}}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[3],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {
        "saved": False,
        "title": "Punctuality (draft)0123456789",
        "steps": 20,
        "errors": [],
        "shown": 0,
        "in_file": True,
    }


def test_the_banner_names_each_plan_not_saved_and_save_now_saves_them(
    make_window: WindowFactory, small_disk: Path, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window = make_window()
    filler = fill(small_disk)
    for plan_id in (1, DRAFT):
        window.select_plan(plan_id)
        type_into_title(window, qtbot, "?")
    text = window.save_status.message.text()
    assert text.startswith("⚠ Not saved: the disk is full") and "2 plans" in text
    assert "“Delivery predictability?” for Alex Moreno" in text and "for Дмитрий Иванов" in text
    filler.unlink()
    qtbot.mouseClick(window.save_status.save_button, Qt.MouseButton.LeftButton)
    assert not window.save_status.unsaved() and not window.save_status.isVisible()
    assert prompter.shown == []


def test_a_copy_or_a_restore_onto_a_full_disk_says_the_disk_is_full_and_leaves_nothing(
    small_disk: Path, book_on_disk: Path, tmp_path: Path
) -> None:
    from pipdesk.store.backups import backup_plan_book_file, restore_backup, save_copy
    from pipdesk.store.connection import PlanBookError

    backup = backup_plan_book_file(book_on_disk, tmp_path / "backups", keep=3)  # taken elsewhere, with room
    fill(small_disk)
    with PlanBook.open(book_on_disk) as book, pytest.raises(PlanBookError, match="the disk is full; free some space"):
        save_copy(book, small_disk / "copy.pipdesk")
    with pytest.raises(PlanBookError, match=re.escape("restored.pipdesk: cannot be written (the disk is full")):
        restore_backup(backup, small_disk / "restored.pipdesk")  # not "the backup is damaged"
    assert [p.name for p in small_disk.iterdir() if "copy" in p.name or "restored" in p.name] == []
