"""Each command imports only what it needs (#21): ``list`` and ``verify`` neither Qt nor ReportLab nor the
GUI, ``pdf`` no Qt. Checked on the real process, under ``python -X importtime``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def imported(*args: str) -> set[str]:
    """The top two parts of every module the command ``pipdesk ARGS`` imported."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pipdesk", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=120,
    )
    names = set()
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            names.add(".".join(name.split(".")[:2]))
    return names


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("commands") / "demo.pipdesk"
    subprocess.run(
        [sys.executable, "-m", "pipdesk", "demo", "--db", str(path)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    return path


def forbidden(names: set[str], banned: tuple[str, ...]) -> list[str]:
    return sorted(name for name in names if name.split(".")[0] in banned or name.startswith("pipdesk.gui"))


@pytest.mark.parametrize("command", [["list", "--json"], ["list"], ["verify"]], ids=" ".join)
def test_reading_commands_import_no_qt_no_reportlab_no_gui(demo_book: Path, command: list[str]) -> None:
    names = imported(*command, "--db", str(demo_book))
    assert "pipdesk.store" in names, "the command ran"
    assert forbidden(names, ("PySide6", "shiboken6", "reportlab")) == []


def test_the_pdf_command_imports_reportlab_but_no_qt(demo_book: Path, tmp_path: Path) -> None:
    names = imported("pdf", "plan", "1", "-o", str(tmp_path / "plan.pdf"), "--db", str(demo_book))
    assert "reportlab.pdfgen" in names or "reportlab.platypus" in names, "the check sees what a command imports"
    assert forbidden(names, ("PySide6", "shiboken6")) == []
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
