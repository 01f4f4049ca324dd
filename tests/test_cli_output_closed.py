"""A command whose reader closes its output early (``pipdesk list | head``) stops quietly with exit 141, as a
Unix tool stopped by SIGPIPE does: no "unexpected error" on stderr, nothing written to pipdesk's log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipdesk.cli import EXIT_OUTPUT_CLOSED
from pipdesk.store import PlanBook

from conftest import SAMPLE_NAMES, load_sample


@pytest.mark.parametrize("args", [["list"], ["list", "--json"]])
def test_a_reader_that_closes_the_output_ends_the_command_quietly(
    tmp_path: Path, book_path: Path, args: list[str]
) -> None:
    with PlanBook.open(book_path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    process = subprocess.Popen(
        [sys.executable, "-m", "pipdesk", *args, "--db", str(book_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == EXIT_OUTPUT_CLOSED == 141
    assert stderr == ""
    assert not (tmp_path / "state" / "pipdesk" / "log" / "pipdesk.log").exists()
