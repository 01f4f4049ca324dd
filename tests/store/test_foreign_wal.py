"""A write-ahead log that does not belong to the plan book beside it is refused, never merged in."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.store import PlanBook, PlanBookError

from conftest import SAMPLE_NAMES, load_sample, sample_path

ROOT = Path(__file__).parents[2]

# Adds a plan, says so, and waits to be killed: the plan is in the write-ahead log only.
CRASHING_WINDOW = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pipdesk.planfile import parse_plan_file
    from pipdesk.store import PlanBook
    book = PlanBook.open(sys.argv[1])
    book.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    plan = parse_plan_file(Path(sys.argv[2]).read_bytes())
    plan.title = "Written just before the crash"
    book.add(plan)
    print("saved", flush=True)
    sys.stdin.readline()
    """
)


def _crash_after_a_save(path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", CRASHING_WINDOW, str(path), str(sample_path("alex-delivery-active"))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "saved"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _book(path: Path, plans: int) -> Path:
    with PlanBook.open(path) as book:
        book.add_many(load_sample(SAMPLE_NAMES[i % len(SAMPLE_NAMES)]) for i in range(plans))
    return path


def test_a_crash_leaves_a_log_that_is_merged_in_at_the_next_start(tmp_path: Path) -> None:
    book = _book(tmp_path / "a.pipdesk", 4)
    _crash_after_a_save(book)
    with PlanBook.open(book) as reopened:
        assert reopened.count() == 5
        assert "Written just before the crash" in {s.title for s in reopened.summaries()}


def test_a_log_from_another_plan_book_is_refused_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _book(tmp_path / "a" / "a.pipdesk", 4)
    _crash_after_a_save(other)
    book = _book(tmp_path / "o.pipdesk", 8)
    wal = book.with_name(book.name + "-wal")
    shutil.copy(other.with_name(other.name + "-wal"), wal)
    before = (_sha256(book), _sha256(wal))
    for command in (["list"], ["export-json", "1", "-o", str(tmp_path / "out.json")], ["verify"]):
        assert main([*command, "--db", str(book)]) == 2
        err = capsys.readouterr().err
        assert "o.pipdesk-wal" in err and "was written by another plan book" in err
    with pytest.raises(PlanBookError, match="another plan book"):
        PlanBook.open(book)
    assert (_sha256(book), _sha256(wal)) == before
    assert not (tmp_path / "out.json").exists()
    wal.rename(tmp_path / "moved-away-wal")  # as the message says: then the plan book opens as it is
    with PlanBook.open(book) as reopened:
        assert reopened.count() == 8


def test_a_stale_log_does_not_undo_a_backup_copied_over_the_plan_book_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _book(tmp_path / "plans.pipdesk", 4)
    backup = tmp_path / "backup-copy.pipdesk"
    shutil.copy(book, backup)  # a copy taken while no pipdesk had the book open
    with PlanBook.open(book) as opened:  # later work, then a crash
        opened.add(load_sample("beth-communication-closed"))
    _crash_after_a_save(book)
    shutil.copy(backup, book)  # the manager restores the copy by hand; the crash's log is still there
    before = _sha256(book)
    assert main(["list", "--db", str(book)]) == 2
    assert "an earlier opening of this plan book" in capsys.readouterr().err
    assert _sha256(book) == before
