"""A plan book damaged on the disk or changed outside pipdesk: every command says so (exit 2) and writes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pipdesk.cli import main
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook
from pipdesk.store.driver import sqlite3

from conftest import SAMPLE_NAMES, load_sample, sample_path

READERS = {
    "list": ["list"],
    "list --json": ["list", "--json"],
    "export-json": ["export-json", "1", "-o", "{out}/plan.json"],
    "pdf plan": ["pdf", "plan", "1", "-o", "{out}/plan.pdf"],
    "pdf checkin": ["pdf", "checkin", "1", "-o", "{out}/checkin.pdf"],
    "ics": ["ics", "1", "-o", "{out}/plan.ics"],
    "import": ["import", str(sample_path("beth-communication-closed"))],
}

DAMAGE = {
    "unknown status": "UPDATE plans SET status = 'on fire' WHERE id = 1",
    "impossible check-in date": "UPDATE checkins SET date = '2026-02-31' WHERE plan_id = 1",
    "text that is not UTF-8": "UPDATE plans SET title = CAST(x'50ff4950' AS TEXT) WHERE id = 1",
    "objective text that is not UTF-8": "UPDATE objectives SET title = CAST(x'c328' AS TEXT) WHERE plan_id = 1",
}
#: The plan list reads only the plans table; every other reader reads the whole plan.
LIST_READS = {"unknown status", "text that is not UTF-8"}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled_book(book_path: Path) -> Path:
    with PlanBook.open(book_path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    return book_path


def _damage(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()


def _run(command: str, book: Path, out: Path) -> int:
    args = [a.format(out=out) for a in READERS[command]]
    return main([*args, "--db", str(book)])


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("command", READERS)
def test_every_command_refuses_a_plan_book_with_unreadable_rows_with_exit_2(
    command: str, damage: str, filled_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damage(filled_book, DAMAGE[damage])
    before = _sha256(filled_book)
    out = tmp_path / "out"
    out.mkdir()
    code = _run(command, filled_book, out)
    err = capsys.readouterr().err
    if command == "import" or (command.startswith("list") and damage not in LIST_READS):
        # What a command does not read it cannot find damaged: importing adds a new plan beside the damaged
        # one, which stays as it was for a restore; the list reads no check-in or objective.
        assert code == 0, err
        return
    assert code == 2, err
    assert "damaged" in err and "restore it from a backup" in err
    assert "Traceback" not in err and "unexpected error" not in err
    assert list(out.iterdir()) == []
    assert _sha256(filled_book) == before


def _flip_in_table(path: Path, old: bytes, new: bytes) -> None:
    """Change the bytes of a text cell on its table page only, as a failing disk would (its index keeps the old)."""
    data = bytearray(path.read_bytes())
    at = data.find(old)
    assert at >= 0
    data[at : at + len(old)] = new
    path.write_bytes(bytes(data))


def test_import_writes_nothing_into_a_plan_book_whose_pages_disagree_with_its_indexes(
    filled_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Alex Moreno" sits in the plans table and in the employee index; flipping the table's copy passes quick_check.
    _flip_in_table(filled_book, b"Alex Moreno", b"Alex Morenx")
    before = _sha256(filled_book)
    assert main(["import", str(sample_path("beth-communication-closed")), "--db", str(filled_book)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "nothing was written" in err
    assert _sha256(filled_book) == before


def test_the_window_says_a_plan_book_with_unreadable_rows_is_damaged_and_stays_usable(
    qtbot: QtBot, filled_book: Path
) -> None:
    _damage(filled_book, DAMAGE["unknown status"])
    window = MainWindow(prompter=ScriptedPrompter(), today=lambda: load_sample("alex-delivery-active").start_date)
    qtbot.addWidget(window)
    assert window.open_plan_book(filled_book) is False
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    [warning] = prompter.warnings()
    assert "damaged" in warning.text and "restore it from a backup" in warning.text
    assert window.book is None
    with pytest.raises(Exception, match="on fire"):  # the book was let go: it opens again, rows and all
        PlanBook.open(filled_book).summaries()
