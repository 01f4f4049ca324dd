"""The error log: a fault goes with its traceback to a private log in the user's log folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pipdesk.system.diagnostics import log_unexpected_error


def _fault() -> ValueError:
    try:
        raise ValueError("a fault in pipdesk")
    except ValueError as error:
        return error


@pytest.mark.parametrize("run", [1, 2])
def test_a_fault_is_logged_with_its_traceback_in_this_user_s_log_folder(private_user_folders: Path, run: int) -> None:
    path = log_unexpected_error(_fault())
    assert path.is_relative_to(private_user_folders)  # each test's log folder, though the log is set up once
    text = path.read_text(encoding="utf-8")
    assert "ValueError: a fault in pipdesk" in text and "Traceback" in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
