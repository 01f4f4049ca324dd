"""pipdesk(1) is written from the command's parser: it names every command and option, and reads without warnings."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipdesk.cli import build_parser
from pipdesk.services.manpage import manual_page, option_strings, roff

DAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def page() -> str:
    return manual_page(build_parser(), "9.8.7", DAY)


def test_every_command_and_option_of_the_parser_is_in_the_page(page: str) -> None:
    names = option_strings(build_parser())
    assert {"import", "passphrase set", "passphrase remove", "--employee-copy", "--new-passphrase-file"} <= names
    unescaped = page.replace("\\-", "-")
    assert [name for name in sorted(names) if name not in unescaped] == []
    assert '.TH PIPDESK 1 "2026-11-30" "pipdesk 9.8.7" "User Commands"' in page


def test_a_new_option_appears_without_editing_the_page() -> None:
    parser = build_parser()
    parser.add_argument("--brand-new", help="an option added later")
    assert "\\-\\-brand\\-new" in manual_page(parser, "1", DAY)


def test_text_that_would_read_as_roff_is_escaped() -> None:
    assert roff("a\\b -x\n.TH\n'quoted") == "a\\eb \\-x\n\\&.TH\n\\&'quoted"
    parser = argparse.ArgumentParser(prog="pipdesk", description=".SH NOT A SECTION")
    assert "\n.SH NOT A SECTION" not in manual_page(parser, "1", DAY)


@pytest.mark.skipif(shutil.which("man") is None or shutil.which("groff") is None, reason="man-db is not installed")
def test_man_reads_it_without_warnings(page: str, tmp_path: Path) -> None:
    source = tmp_path / "pipdesk.1"
    source.write_text(page, encoding="utf-8")
    env = {**os.environ, "MANWIDTH": "80", "LC_ALL": "C.UTF-8"}
    result = subprocess.run(
        ["man", "--warnings", "-l", str(source)], capture_output=True, text=True, env=env, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "pipdesk passphrase change [-h] [--db DB] --passphrase-file F" in result.stdout
    assert "   subject-access\n" in result.stdout
