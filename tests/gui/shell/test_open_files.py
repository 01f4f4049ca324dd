"""``pipdesk FILE`` and the second launch: a plan book opens in the running window, which comes to the front;
a plan file is imported into the plan book the person chooses. Two processes, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell import open_files, settings
from pipdesk.gui.shell.choose_book import ChooseBookDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.gui.shell.open_files import book_to_start_on, is_plan_file, open_path
from pipdesk.gui.shell.single_instance import SingleInstance
from pipdesk.store import PlanBook

from conftest import sample_path

ROOT = Path(__file__).parents[3]

# The offscreen platform has no window stack to raise the window in; on a desktop raise() works.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def other_book(tmp_path: Path) -> Path:
    path = tmp_path / "other" / "team-b.pipdesk"
    path.parent.mkdir()
    PlanBook.open(path).close()
    return path


@pytest.fixture
def listening(window: MainWindow, runtime_folder: Path) -> SingleInstance:
    instance = SingleInstance(lambda handed: open_path(window, handed), window)
    assert instance.listening
    return instance


def launch(*args: str | Path) -> subprocess.Popen[str]:
    """``pipdesk ARGS`` in a process of its own, as the file manager starts it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "pipdesk", *map(str, args)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(qtbot: QtBot, process: subprocess.Popen[str]) -> str:
    """Wait for ``process`` while this window serves it; what it said on stderr."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    _out, err = process.communicate()
    assert process.returncode == 0, err
    return err


def choose_another_book(path: Path, prompter: ScriptedPrompter, seen: list[str]) -> None:
    """Script the "Import plan file" dialog: "Another plan book…", ``path``, Import."""

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ChooseBookDialog)
        seen.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        dialog.another.click()
        return dialog.chosen() == path

    prompter.expect("dialog", fill).expect("open_file", path)


def test_a_second_launch_on_a_plan_book_raises_the_running_window_and_opens_it(
    qtbot: QtBot, window: MainWindow, listening: SingleInstance, other_book: Path
) -> None:
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert finished(qtbot, launch(other_book)) == ""
    qtbot.waitUntil(lambda: window.book is not None and window.book.path == other_book.resolve())
    assert not window.isMinimized()
    assert window.isVisible()
    assert window.windowTitle().startswith("team-b.pipdesk")


def test_a_launch_on_a_plan_file_imports_it_into_the_book_the_person_chooses(
    qtbot: QtBot, window: MainWindow, listening: SingleInstance, other_book: Path, book_path: Path
) -> None:
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    seen: list[str] = []
    choose_another_book(other_book, prompter, seen)
    finished(qtbot, launch(sample_path("carl-skills-extended")))
    qtbot.waitUntil(lambda: window.book is not None and window.book.path == other_book.resolve())
    assert seen == [f"plans.pipdesk (open now), in {book_path.parent}"]
    assert [s.employee for s in window.book.summaries()] == ["Carl Nguyễn"]
    assert window.session is not None and window.session.plan.employee.name == "Carl Nguyễn"
    assert window.statusBar().currentMessage() == "Imported carl-skills-extended.json into team-b.pipdesk as plan 1"
    assert not prompter.answers and not prompter.warnings()


def test_importing_into_the_open_plan_book_adds_the_plan_there(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    plan_file = tmp_path / "from HR.pipdesk.json"
    plan_file.write_bytes(b"\xef\xbb\xbf  \n" + sample_path("alex-delivery-active").read_bytes())  # as Notepad saves it
    prompter.expect("dialog", lambda dialog: True)  # the plan book open now is chosen first
    plan_id = open_path(window, plan_file)
    assert plan_id is None  # open_path says nothing; the plan is shown
    assert len(window.book.summaries()) == 5
    assert window.session is not None and window.session.plan_id == 5


def test_cancelling_the_choice_imports_nothing(window: MainWindow, prompter: ScriptedPrompter) -> None:
    prompter.expect("dialog", lambda dialog: False)
    assert open_files.import_into_chosen_book(window, sample_path("alex-delivery-active")) is None
    assert len(window.book.summaries()) == 4


def test_a_plan_file_with_problems_is_named_and_nothing_is_imported(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format_version": 2, "employee": {}}', encoding="utf-8")
    prompter.expect("dialog", lambda dialog: True)
    assert open_files.import_into_chosen_book(window, broken) is None
    assert [w.title for w in prompter.warnings()] == ["The plan file cannot be imported"]
    assert len(window.book.summaries()) == 4


def test_the_dialog_offers_the_open_book_then_those_used_before(
    qtbot: QtBot, window: MainWindow, prompter: ScriptedPrompter, other_book: Path, book_path: Path, tmp_path: Path
) -> None:
    settings.remember_plan_book(other_book)
    settings.remember_plan_book(tmp_path / "gone.pipdesk")  # deleted since: not offered
    settings.remember_plan_book(book_path)
    offered: list[str] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ChooseBookDialog)
        qtbot.addWidget(dialog)
        offered.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        dialog.choose(other_book.resolve())
        return True

    prompter.expect("dialog", fill)
    assert open_files.import_into_chosen_book(window, sample_path("beth-communication-closed")) == 1
    assert offered == [f"plans.pipdesk (open now), in {book_path.parent}", f"team-b.pipdesk, in {other_book.parent}"]


def test_the_dialog_names_the_file_and_imports_only_once_a_book_is_chosen(
    qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    dialog = ChooseBookDialog("Plan <b>&amp;</b> — Łukasiewicz.json", [], prompter)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.buttons()[0]
    assert (ok.text(), ok.isEnabled()) == ("Import", False)
    prompter.expect("open_file", None)
    dialog.another.click()
    assert not ok.isEnabled()
    prompter.expect("open_file", Path("/tmp/plans/team.pipdesk"))
    dialog.another.click()
    assert ok.isEnabled() and dialog.chosen() == Path("/tmp/plans/team.pipdesk")


def test_plan_files_are_told_from_plan_books_by_their_content(tmp_path: Path, book_path: Path) -> None:
    # A plan file, whatever its name:
    (tmp_path / "plan.pipdesk").write_bytes(sample_path("dmitry-punctuality-draft").read_bytes())
    assert is_plan_file(tmp_path / "plan.pipdesk")
    assert not is_plan_file(book_path)
    assert not is_plan_file(tmp_path / "missing.json")  # its opening says it is missing
    assert book_to_start_on(None, book_path) == book_path
    assert book_to_start_on(None, sample_path("alex-delivery-active")) is None
    assert book_to_start_on(book_path, sample_path("alex-delivery-active")) == book_path


def test_the_window_takes_the_plan_file_it_started_with_then_the_finders_files(
    qtbot: QtBot, window: MainWindow, runtime_folder: Path, other_book: Path
) -> None:
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.expect("dialog", lambda dialog: True)
    open_files.take_files(window, QApplication.instance(), sample_path("beth-communication-closed"))
    qtbot.waitUntil(lambda: len(window.book.summaries()) == 5)
    assert not (runtime_folder / "pipdesk.socket").exists()  # listening waits for the first paint
    open_files.listen_for_launches(window)
    assert (runtime_folder / "pipdesk.socket").is_socket()
    open_files.take_finder_files(window, QApplication.instance())  # as take_files does on macOS
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other_book)))  # as the macOS Finder
    qtbot.waitUntil(lambda: window.book is not None and window.book.path == other_book.resolve())


def test_a_file_handed_over_while_a_dialog_is_open_waits_until_it_is_closed(
    qtbot: QtBot, window: MainWindow, other_book: Path, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(open_files, "WAIT_FOR_DIALOG_MS", 20)
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    open_path(window, other_book)
    qtbot.wait(100)
    assert window.book is not None and window.book.path == book_path.resolve()  # the dialog's plan book stays
    dialog.close()
    qtbot.waitUntil(lambda: window.book is not None and window.book.path == other_book.resolve())
