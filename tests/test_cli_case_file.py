"""`pipdesk bundle` and `pipdesk verify --bundle`: the case file for HR as scripts call it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.store import PlanBook

from conftest import ALEX


def bundle(book: PlanBook, out: Path, *extra: str) -> int:
    return main(["bundle", str(ALEX), "--db", str(book.path), "-o", str(out), *extra])


@pytest.fixture
def closed_book(book: PlanBook) -> PlanBook:
    book.close()  # the command opens it as another process would
    return book


def test_bundle_writes_a_case_file_that_verify_says_is_intact(
    closed_book: PlanBook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case.zip"
    assert bundle(closed_book, out) == 0
    assert capsys.readouterr().out == (
        f"Wrote the case file of plan 1 (Alex Moreno) to {out}: 11 files and the manifest, full copy\n"
    )
    assert main(["verify", "--bundle", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("case file of plan 1 (Alex Moreno, Delivery predictability), full copy, made ")
    assert lines[-1] == "intact: all 11 files match the manifest"


def test_verify_bundle_exits_1_naming_each_member_that_differs(
    closed_book: PlanBook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case.zip"
    assert bundle(closed_book, out) == 0
    with zipfile.ZipFile(out) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["plan.json"] = members["plan.json"].replace(b"Alex Moreno", b"Alex Morena")
    del members["history.csv"]
    members["extra.pdf"] = b"%PDF-1.4"
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    out.write_bytes(changed.getvalue())
    capsys.readouterr()
    assert main(["verify", "--bundle", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[2:-1]] == [
        "CHANGED  plan.json",
        "MISSING  history.csv",
        "EXTRA    extra.pdf",
    ]
    assert lines[-1] == "NOT INTACT: 3 files of the case file differ from its manifest"


def test_a_case_file_with_a_password_verifies_with_it_and_is_refused_without_it(
    closed_book: PlanBook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, password, wrong = tmp_path / "case.zip", tmp_path / "password.txt", tmp_path / "wrong.txt"
    password.write_text("kestrel-42\n", encoding="utf-8")
    wrong.write_text("falcon\n", encoding="utf-8")
    assert bundle(closed_book, out, "--employee-copy", "--password-file", str(password)) == 0
    assert capsys.readouterr().out.endswith("11 files and the manifest, employee copy, encrypted\n")
    assert main(["verify", "--bundle", str(out), "--password-file", str(password)]) == 0
    assert "employee copy" in capsys.readouterr().out
    assert main(["verify", "--bundle", str(out), "--password-file", str(wrong)]) == 2
    assert capsys.readouterr().err == f"pipdesk: {out}: the password does not open it\n"
    assert main(["verify", "--bundle", str(out)]) == 2
    assert capsys.readouterr().err == f"pipdesk: {out}: is encrypted; its password is needed to check it\n"


def test_verify_bundle_exits_2_for_a_file_that_is_not_a_case_file(
    closed_book: PlanBook, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", "--bundle", str(closed_book.path)]) == 2
    assert capsys.readouterr().err == f"pipdesk: {closed_book.path}: is not a case file (it is not a ZIP file)\n"


def test_bundle_of_a_plan_the_book_has_not_exits_2_writing_nothing(
    closed_book: PlanBook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case.zip"
    assert main(["bundle", "99", "--db", str(closed_book.path), "-o", str(out)]) == 2
    assert "99" in capsys.readouterr().err
    assert not out.exists()


def test_verify_without_bundle_refuses_a_password_file(
    closed_book: PlanBook, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", "--db", str(closed_book.path), "--password-file", str(closed_book.path)]) == 2
    assert capsys.readouterr().err == "pipdesk: --password-file goes with --bundle (a case file's password)\n"
