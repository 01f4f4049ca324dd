"""``pipdesk subject-access``: the ZIP written, what it says, and its exit codes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.store import PlanBook


def test_subject_access_writes_the_zip_and_says_what_it_found(
    book: PlanBook, book_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    out = tmp_path / "alex.zip"
    assert main(["subject-access", "ALEX MORENO", "--db", str(book_path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out}: 1 plan for ALEX MORENO as the employee, 0 other plans")
    names = zipfile.ZipFile(out).namelist()
    assert names[0] == "cover.txt" and names[-1] == "manifest.json" and "plan-1/plan.pdf" in names


def test_no_plan_naming_the_person_exits_1_and_writes_nothing(
    book: PlanBook, book_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    out = tmp_path / "nobody.zip"
    assert main(["subject-access", "Alex", "--also", "Alexander", "--db", str(book_path), "-o", str(out)]) == 0
    assert main(["subject-access", "Alexandra", "--db", str(book_path), "-o", str(out.with_name("x.zip"))]) == 1
    assert "No plan in this plan book names Alexandra; nothing was written." in capsys.readouterr().out
    assert not out.with_name("x.zip").exists()


def test_an_empty_name_is_refused_with_exit_2(book_path: Path, tmp_path: Path) -> None:
    assert main(["subject-access", "  ", "--db", str(book_path), "-o", str(tmp_path / "x.zip")]) == 2
