"""A plan book open in one pipdesk window is refused to every other one, and never corrupted."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.connection import PlanBookInUse, lock_path_of

from conftest import HeldPlanBook, load_sample, sample_path

ROOT = Path(__file__).parents[2]

# Opens, adds a plan, closes, again and again; prints "saved N" for each plan added, "busy" when refused.
CONTENDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pipdesk.planfile import parse_plan_file
    from pipdesk.store import PlanBook
    from pipdesk.store.connection import PlanBookInUse
    plan = parse_plan_file(Path(sys.argv[3]).read_bytes())
    for attempt in range(int(sys.argv[2])):
        try:
            book = PlanBook.open(sys.argv[1])
        except PlanBookInUse:
            print("busy", flush=True)
            continue
        try:
            plan.title = f"{sys.argv[4]} {attempt}"
            book.add(plan)
            print(f"saved {plan.title}", flush=True)
        finally:
            book.close()
    """
)


def _in_use(path: Path, pid: int) -> str:
    return f"{path}: is open in another pipdesk window (pid {pid} on {socket.gethostname()}); close it there first"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipdesk", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


@pytest.fixture
def filled_book(book_path: Path) -> Path:
    with PlanBook.open(book_path) as book:
        book.add(load_sample("alex-delivery-active"))
    return book_path


def test_a_plan_book_open_in_another_process_is_refused_until_it_is_closed(
    filled_book: Path, hold_plan_book: Callable[..., HeldPlanBook]
) -> None:
    holder = hold_plan_book(filled_book)
    with pytest.raises(PlanBookInUse) as refused:
        PlanBook.open(filled_book)
    assert str(refused.value) == _in_use(filled_book, holder.pid)
    assert isinstance(refused.value, PlanBookError)
    holder.close()
    with PlanBook.open(filled_book) as book:
        assert book.count() == 1


def test_the_command_line_says_the_plan_book_is_in_use_and_exits_2(
    filled_book: Path, tmp_path: Path, hold_plan_book: Callable[..., HeldPlanBook]
) -> None:
    holder = hold_plan_book(filled_book)
    before = _sha256(filled_book)
    for args in (
        ["list", "--db", filled_book],
        ["import", sample_path("beth-communication-closed"), "--db", filled_book],
        ["export-json", "1", "--db", filled_book, "-o", tmp_path / "out.json"],
    ):
        result = _cli(*args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip() == f"pipdesk: {_in_use(filled_book, holder.pid)}"
    assert _sha256(filled_book) == before
    assert not (tmp_path / "out.json").exists()


def test_a_window_that_crashed_does_not_lock_the_plan_book_out(
    filled_book: Path, hold_plan_book: Callable[..., HeldPlanBook]
) -> None:
    hold_plan_book(filled_book).crash()
    assert lock_path_of(filled_book).exists()  # left behind by the crash; the operating system dropped the lock
    with PlanBook.open(filled_book) as book:
        assert book.count() == 1
    assert not lock_path_of(filled_book).exists()


def test_a_second_window_of_the_same_pipdesk_is_refused_too(filled_book: Path) -> None:
    first = PlanBook.open(filled_book)
    try:
        with pytest.raises(PlanBookInUse, match="is open in another pipdesk window"):
            PlanBook.open(filled_book)
        assert first.count() == 1  # the refused window changed nothing for the first
    finally:
        first.close()
    PlanBook.open(filled_book).close()


def test_the_lock_file_names_its_holder_is_private_and_goes_with_the_window(filled_book: Path) -> None:
    lock = lock_path_of(filled_book)
    assert lock.name == "plans.pipdesk.lock"
    with PlanBook.open(filled_book):
        assert lock.read_text() == f"a pipdesk command, pid {os.getpid()} on {socket.gethostname()}\n"
        if os.name == "posix":
            assert lock.stat().st_mode & 0o777 == 0o600
    assert not lock.exists()


def test_closing_twice_and_a_failed_open_leave_no_lock_behind(book_path: Path) -> None:
    book = PlanBook.open(book_path)
    book.close()
    book.close()
    book_path.write_bytes(b"not a plan book")
    with pytest.raises(PlanBookError):
        PlanBook.open(book_path)
    assert not lock_path_of(book_path).exists()


def test_two_processes_opening_and_writing_at_once_never_corrupt_the_plan_book(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    attempts = 25
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CONTENDER, str(book_path), str(attempts), sample_path("alex-delivery-active"), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for name in ("first", "second")
    ]
    saved: set[str] = set()
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        lines = out.splitlines()
        assert len(lines) == attempts
        saved |= {line.removeprefix("saved ") for line in lines if line.startswith("saved ")}
    with PlanBook.open(book_path) as book:
        assert book.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        titles = {row[0] for row in book.db.execute("SELECT title FROM plans")}
    assert titles == saved
