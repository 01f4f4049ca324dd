"""`pipdesk selftest`, as the packaged app's smoke test runs it: its own process, exit code, lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_selftest_passes_every_step_and_touches_no_user_folder(tmp_path: Path, private_user_folders: Path) -> None:
    before = sorted(p.relative_to(private_user_folders) for p in private_user_folders.rglob("*"))
    result = subprocess.run(
        [sys.executable, "-m", "pipdesk", "selftest"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == ["ok"] * 10
    assert lines[-1].startswith("all 10 steps passed")
    assert any(line.startswith("ok      open the user guide: ") for line in lines)
    assert result.stderr == ""
    after = sorted(p.relative_to(private_user_folders) for p in private_user_folders.rglob("*"))
    assert after == before
