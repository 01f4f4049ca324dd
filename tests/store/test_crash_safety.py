"""A pipdesk killed at any moment leaves a sound plan book holding every write it reported saved."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipdesk.store import PlanBook

from conftest import DATA, sample_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

WRITER = DATA / "crash_writer.py"
KILLS = 50
#: Every fifth kill lands while the writer is still starting: opening, migrating, recovering the WAL.
EARLY_EVERY = 5


class _Writer:
    """The writer process, with its stdout read as it comes."""

    def __init__(self, book_path: Path, run: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(book_path), str(run), str(sample_path("alex-delivery-active"))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parents[2],
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())
            if line.startswith("ready"):
                self.ready.set()
        self.ready.set()

    def kill(self) -> None:
        if self.process.poll() is not None:
            stderr = self.process.stderr.read() if self.process.stderr else ""
            raise AssertionError(f"the writer stopped before it was killed:\n{stderr}")
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()


def test_killing_the_writer_at_random_moments_never_loses_a_saved_write(tmp_path: Path) -> None:
    book_path = tmp_path / "plans.pipdesk"
    chance = random.Random(os.environ.get("PIPDESK_CRASH_SEED", "pipdesk"))
    plan_of_run: dict[int, int] = {}
    done: dict[int, set[str]] = {}
    added: set[str] = set()
    started = time.perf_counter()
    mid_write = 0
    for run in range(1, KILLS + 1):
        writer = _Writer(book_path, run)
        if run % EARLY_EVERY == 0:
            time.sleep(chance.uniform(0.0, 0.4))
        else:
            assert writer.ready.wait(timeout=30), "the writer did not start"
            time.sleep(chance.uniform(0.005, 0.25))
        writer.kill()
        for line in writer.lines:
            word, *numbers = line.split()
            if word == "plan":
                plan_of_run[int(numbers[0])] = int(numbers[1])
            elif word == "done":
                done.setdefault(int(numbers[0]), set()).add(f"run {numbers[0]} write {numbers[1]}")
            elif word == "added":
                added.add(f"run {numbers[0]} extra {numbers[1]}")
        mid_write += bool(writer.lines and writer.lines[-1] != "ready")

        # The next window opens it: the stale lock of the killed writer does not stand in the way.
        with PlanBook.open(book_path) as book:
            assert book.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert book.db.execute("PRAGMA foreign_key_check").fetchall() == []
            titles = {row[0] for row in book.db.execute("SELECT title FROM plans")}
            assert added <= titles, f"run {run}: added plans lost: {sorted(added - titles)}"
            for earlier, plan_id in plan_of_run.items():
                notes = {checkin.notes for checkin in book.get(plan_id).checkins}
                missing = done.get(earlier, set()) - notes
                assert not missing, f"run {run}: check-ins reported saved but lost: {sorted(missing)}"

    elapsed = time.perf_counter() - started
    writes = sum(len(notes) for notes in done.values()) + len(added)
    print(f"{KILLS} kills, {writes} writes reported saved and found, {elapsed:.1f} s")
    assert writes > KILLS, "the kills should land among writes, not only at start-up"
    assert mid_write >= KILLS // 2
