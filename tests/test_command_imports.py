"""Each command imports only what it needs (#21): ``list`` and ``verify`` neither Qt nor ReportLab nor the
GUI, ``pdf`` neither Qt nor pydantic (it prints the stored plan read as plain records), no command the
layers it does not use, and ``--version`` and ``--help`` not even the plan book. Checked on the real
process, under ``python -X importtime``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

QT = ("PySide6", "shiboken6", "pipdesk.gui")
REPORTS = ("reportlab", "pipdesk.reports")
#: What opening a plan book costs: a command that opens none imports none of it.
PLAN_BOOK = ("sqlite_utils", "pydantic", "pipdesk.store.plan_book")
#: What validating a plan costs: a document prints the plan the plan book wrote, read as plain records.
MODELS = ("pydantic", "pipdesk.domain.model")


def imported(*args: str) -> set[str]:
    """Every module the command ``pipdesk ARGS`` imported (it must succeed)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pipdesk", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    names = set()
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def forbidden(names: set[str], banned: tuple[str, ...]) -> list[str]:
    """The modules of ``names`` that are, or are inside, one of ``banned``."""
    return sorted(name for name in names if any(name == ban or name.startswith(f"{ban}.") for ban in banned))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo plan book, a plan file exported from it and a case file of its first plan; a folder for output."""
    folder = tmp_path_factory.mktemp("commands")
    made = {
        "book": folder / "demo.pipdesk",
        "plan_file": folder / "plan.json",
        "case_file": folder / "case.zip",
        "out": folder / "out",
    }
    made["out"].mkdir()
    for args in (
        ["demo", "--db", str(made["book"])],
        ["export-json", "1", "--db", str(made["book"]), "-o", str(made["plan_file"])],
        ["bundle", "1", "--db", str(made["book"]), "-o", str(made["case_file"])],
    ):
        subprocess.run(
            [sys.executable, "-m", "pipdesk", *args],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
        )
    return made


Command = Callable[[dict[str, Path]], list[str]]

#: (command line, what it must not import): every command a script calls, each run for real.
COMMANDS: dict[str, tuple[Command, tuple[str, ...]]] = {
    "list": (lambda f: ["list", "--db", str(f["book"])], (*QT, *REPORTS, "pipdesk.services", "pipdesk.planfile")),
    "list --json": (
        lambda f: ["list", "--json", "--db", str(f["book"])],
        (*QT, *REPORTS, "pipdesk.services", "pipdesk.planfile"),
    ),
    "verify": (lambda f: ["verify", "--db", str(f["book"])], (*QT, *REPORTS, "pipdesk.services", "pipdesk.planfile")),
    "verify --bundle": (lambda f: ["verify", "--bundle", str(f["case_file"])], (*QT, "reportlab")),
    "pdf plan": (
        lambda f: ["pdf", "plan", "1", "--db", str(f["book"]), "-o", str(f["out"] / "plan.pdf")],
        (*QT, *MODELS),
    ),
    "pdf outcome": (
        lambda f: ["pdf", "outcome", "2", "--db", str(f["book"]), "-o", str(f["out"] / "outcome.pdf")],
        (*QT, *MODELS),
    ),
    "pdf checkin": (
        lambda f: ["pdf", "checkin", "1", "--db", str(f["book"]), "-o", str(f["out"] / "checkin.pdf")],
        (*QT, *MODELS),
    ),
    "pdf agenda": (
        lambda f: ["pdf", "agenda", "1", "--db", str(f["book"]), "-o", str(f["out"] / "agenda.pdf")],
        (*QT, *MODELS),
    ),
    "export-json": (
        lambda f: ["export-json", "1", "--db", str(f["book"]), "-o", str(f["out"] / "plan.json")],
        (*QT, *REPORTS),
    ),
    "import": (
        lambda f: ["import", str(f["plan_file"]), "--db", str(f["out"] / "imported.pipdesk")],
        (*QT, *REPORTS),
    ),
    "ics": (
        lambda f: ["ics", "1", "--db", str(f["book"]), "-o", str(f["out"] / "plan.ics")],
        (*QT, *REPORTS, "pipdesk.planfile"),
    ),
    "bundle": (lambda f: ["bundle", "1", "--db", str(f["book"]), "-o", str(f["out"] / "case.zip")], QT),
    "subject-access": (
        lambda f: ["subject-access", "Alex Moreno", "--db", str(f["book"]), "-o", str(f["out"] / "sar.zip")],
        QT,
    ),
    "demo": (lambda f: ["demo", "--db", str(f["out"] / "demo.pipdesk")], (*QT, *REPORTS)),
    "--version": (lambda f: ["--version"], (*QT, *REPORTS, *PLAN_BOOK, "pipdesk.services", "pipdesk.planfile")),
    "--help": (lambda f: ["--help"], (*QT, *REPORTS, *PLAN_BOOK, "pipdesk.services", "pipdesk.planfile")),
    "pdf --help": (lambda f: ["pdf", "--help"], (*QT, *REPORTS, *PLAN_BOOK, "pipdesk.services", "pipdesk.planfile")),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_imports_only_what_it_needs(files: dict[str, Path], name: str) -> None:
    args, banned = COMMANDS[name]
    names = imported(*args(files))
    assert "pipdesk.cli" in names, "the check sees what a command imports"
    assert forbidden(names, banned) == []


def test_the_check_sees_the_heavy_imports_of_the_commands_that_need_them(files: dict[str, Path]) -> None:
    names = imported("pdf", "plan", "1", "--db", str(files["book"]), "-o", str(files["out"] / "seen.pdf"))
    assert forbidden(names, ("reportlab.platypus",)) != []
    names = imported("export-json", "1", "--db", str(files["book"]), "-o", str(files["out"] / "seen.json"))
    assert forbidden(names, ("pydantic",)) != []
    assert (files["out"] / "seen.pdf").read_bytes().startswith(b"%PDF")


def test_forbidden_finds_a_banned_package_and_its_modules_only() -> None:
    names = {"reportlab", "reportlab.platypus", "reportlabs", "pipdesk.gui.shell.app", "pipdesk.guide"}
    assert forbidden(names, ("reportlab", "pipdesk.gui")) == [
        "pipdesk.gui.shell.app",
        "reportlab",
        "reportlab.platypus",
    ]


def test_the_window_s_modules_are_not_read_as_source_by_pyside_at_launch() -> None:
    """PySide6's import hook reads the source of every module imported with it loaded, to look for its
    optional features (PYSIDE-2029); pipdesk uses none, so the window's launch reads no source
    (pipdesk/gui/__init__.py): not its own modules, not those the command line loaded before Qt."""

    def sources_read(first: str) -> list[str]:
        probe = (
            f"import linecache, sys, {first}\n"
            "import pipdesk.cli, pipdesk.gui.shell.app, pipdesk.gui.shell.main_window, json\n"
            "print('\\n'.join(name for name in linecache.cache if 'pipdesk' in name or 'json' in name))\n"
        )
        environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        run = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, timeout=120
        )
        assert run.returncode == 0, run.stderr[-2000:]
        return run.stdout.split()

    assert sources_read("pipdesk.gui") == []
    # PySide6 loaded first: the hook reads what is imported until pipdesk/gui/__init__.py stops it.
    read = sources_read("PySide6.QtWidgets")
    assert any(name.endswith("pipdesk/store/driver.py") for name in read), read
    assert not any(name.endswith(("main_window.py", "json/__init__.py")) for name in read), read
