"""The window opens a plan book before the check of every page has read it (docs/performance.md): the
check runs on a worker thread, a damaged book is then closed with the message and never backed up,
and no write reaches it meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook
from pipdesk.store.connection import PlanBookDamaged, integrity_of

from conftest import SAMPLE_NAMES, load_sample, overwrite_root_page

PAGE = 4096


@pytest.fixture
def damaged_book(book_path: Path) -> Path:
    """The four samples, then the first page of the audit links (read only by a write or verify) overwritten."""
    with PlanBook.open(book_path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    overwrite_root_page(book_path, "audit_links")
    return book_path


def test_a_book_damaged_past_what_the_first_screen_reads_is_refused_when_opened_for_a_command(
    damaged_book: Path,
) -> None:
    with pytest.raises(PlanBookDamaged, match="is damaged"):
        PlanBook.open(damaged_book)


def test_opened_to_be_checked_later_it_refuses_its_first_write(damaged_book: Path) -> None:
    before = damaged_book.read_bytes()
    book = PlanBook.open(damaged_book, check_later=True)
    try:
        assert len(book.summaries()) == 4  # what the first screen shows reads
        with pytest.raises(PlanBookDamaged, match="is damaged"):
            book.add(load_sample("alex-delivery-active"))
        with pytest.raises(PlanBookDamaged, match="is damaged"):
            book.add(load_sample("alex-delivery-active"))  # and every write after it
    finally:
        book.close()
    assert damaged_book.read_bytes() == before


def test_a_sound_book_checked_later_writes_once_the_check_passed(book_path: Path) -> None:
    with PlanBook.open(book_path) as book:
        book.add(load_sample("alex-delivery-active"))
    book = PlanBook.open(book_path, check_later=True)
    try:
        assert integrity_of(book.db.conn) is not None
        book.add(load_sample("beth-communication-closed"))
        assert integrity_of(book.db.conn) is None  # awaited once, before the first write
        assert book.count() == 2
    finally:
        book.close()


def test_the_window_closes_a_book_the_check_finds_damaged_says_so_and_backs_nothing_up(
    qtbot: QtBot, damaged_book: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    window = MainWindow(
        prompter=ScriptedPrompter(),
        today=lambda: load_sample("alex-delivery-active").start_date,
        backups_folder=backups,
    )
    qtbot.addWidget(window)
    assert window.open_plan_book(damaged_book) is True  # the list shows while the check reads on
    assert window.plans.rowCount() == 4
    qtbot.waitUntil(lambda: window.book is None, timeout=5000)
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    [warning] = prompter.warnings()
    title, message = warning.title, warning.text
    assert title == "The plan book cannot be opened"
    assert str(damaged_book) in message and "is damaged" in message and "restore it from a backup" in message
    assert window.plans.rowCount() == 0
    assert not backups.exists() or not any(backups.rglob("*.pipdesk"))


def test_the_window_backs_up_a_sound_book_once_the_check_passed(qtbot: QtBot, book: PlanBook, tmp_path: Path) -> None:
    path = book.path
    assert path is not None
    book.close()
    backups = tmp_path / "backups"
    window = MainWindow(prompter=ScriptedPrompter(), backups_folder=backups)
    qtbot.addWidget(window)
    assert window.open_plan_book(path) is True
    qtbot.waitUntil(lambda: backups.exists() and any(backups.rglob("*.pipdesk")), timeout=10000)
    assert window.book is not None
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    assert prompter.warnings() == []
