"""The ``pipdesk`` command as scripts call it: outputs, exit codes, and files left untouched."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipdesk import __version__
from pipdesk.cli import main
from pipdesk.store.driver import sqlite3

from conftest import SAMPLE_NAMES, sample_path


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a script outside the repository calls it."""
    return subprocess.run(
        [sys.executable, "-m", "pipdesk", *map(str, args)], capture_output=True, text=True, timeout=60, check=False
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_prints_the_package_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"pipdesk {__version__}")


def test_samples_import_and_list_json_shows_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "book.pipdesk"
    for expected_id, name in enumerate(SAMPLE_NAMES, start=1):
        assert main(["import", str(sample_path(name)), "--db", str(db)]) == 0
        assert capsys.readouterr().out.strip() == str(expected_id)
    assert main(["list", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in listed] == [1, 2, 3, 4]
    assert {"id", "employee", "title", "status", "start_date", "end_date"} <= set(listed[0])
    assert {(p["employee"], p["status"]) for p in listed} == {
        ("Alex Moreno", "active"),
        ("Beth Ikeda-Łukasiewicz", "closed"),
        ("Carl Nguyễn", "extended"),
        ("Дмитрий Иванов", "draft"),
    }


def test_list_prints_a_table_with_period_and_next_checkin(tmp_path: Path) -> None:
    db = tmp_path / "demo.pipdesk"
    assert run("demo", "--db", db).returncode == 0
    result = run("list", "--db", db)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "EMPLOYEE", "TITLE", "STATUS", "PERIOD", "NEXT", "CHECK-IN"]
    cells = [re.split(r"\s{2,}", line) for line in lines[1:]]
    assert cells[0] == [
        "1",
        "Alex Moreno",
        "Delivery predictability",
        "Active",
        "28 Sep 2026 – 21 Dec 2026",
        "30 Nov 2026",
    ]
    assert [row[3] for row in cells] == ["Active", "Closed", "Extended", "Draft"]
    assert cells[3][-2:] == ["1 Dec 2026 – 29 Jan 2027", "—"]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_export_import_export_is_byte_identical(tmp_path: Path, name: str) -> None:
    db = tmp_path / "book.pipdesk"
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["import", str(sample_path(name)), "--db", str(db)]) == 0
    assert main(["export-json", "1", "--db", str(db), "-o", str(first)]) == 0
    assert main(["import", str(first), "--db", str(db)]) == 0
    assert main(["export-json", "2", "--db", str(db), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600


def test_export_with_stamp_records_the_time_in_utc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "book.pipdesk"
    main(["import", str(sample_path("alex-delivery-active")), "--db", str(db)])
    capsys.readouterr()
    assert main(["export-json", "1", "--db", str(db), "-o", "-", "--stamp"]) == 0
    assert json.loads(capsys.readouterr().out)["exported_at"].endswith("Z")


def test_demo_twice_adds_the_samples_once(tmp_path: Path) -> None:
    db = tmp_path / "demo.pipdesk"
    assert run("demo", "--db", db).returncode == 0
    again = run("demo", "--db", db)
    assert (again.returncode, "already holds" in again.stdout) == (0, True)
    assert len(json.loads(run("list", "--db", db, "--json").stdout)) == 4


def test_bad_plan_file_lists_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "book.pipdesk"
    assert run("demo", "--db", db).returncode == 0
    before = sha256(db)
    plan = json.loads(sample_path("alex-delivery-active").read_text())
    plan["plan"]["end_date"] = "2026-09-01"
    plan["plan"]["objectives"][0]["colour"] = "blue"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(plan))
    result = run("import", bad, "--db", db)
    assert result.returncode == 2
    assert "plan.objectives[0].colour: Unknown key 'colour'" in result.stderr
    assert "Traceback" not in result.stderr
    assert sha256(db) == before


def _newer_version_book(path: Path) -> None:
    assert main(["demo", "--db", str(path)]) == 0
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('pipdesk', '9000_future', 'x')"
    )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _truncated_book(path: Path) -> None:
    source = path.with_name("whole.pipdesk")
    assert main(["demo", "--db", str(source)]) == 0
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    path.write_bytes(source.read_bytes()[:8192])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"PK\x03\x04 not a plan book at all" * 100), "not an SQLite database"),
        (lambda p: p.write_text("SQLite format 3"), "not an SQLite database"),
        (lambda p: p.write_bytes(b""), "empty file"),
        (_truncated_book, "cut short"),
        (_newer_version_book, "newer version of pipdesk"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(), "not a plan book"),
    ],
    ids=["not-sqlite", "sqlite-lookalike", "empty", "truncated", "newer-version", "other-sqlite"],
)
@pytest.mark.parametrize("command", ["list", "import", "export-json"])
def test_files_that_are_not_current_plan_books_are_refused_untouched(
    tmp_path: Path,
    make,
    message: str,
    command: str,  # type: ignore[no-untyped-def]
) -> None:
    db = tmp_path / "book.pipdesk"
    make(db)
    before = sha256(db)
    args = {
        "list": ["list", "--db", db],
        "import": ["import", sample_path("alex-delivery-active"), "--db", db],
        "export-json": ["export-json", "1", "--db", db, "-o", tmp_path / "out.json"],
    }[command]
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sha256(db) == before
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["import", "/no/such/file.json"],
        ["export-json", "99", "-o", "out.json"],
        ["export-json", "one", "-o", "out.json"],
        ["frobnicate"],
        ["list", "--bogus"],
    ],
)
def test_bad_command_lines_exit_2_with_a_short_message(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "demo.pipdesk"
    assert main(["demo", "--db", str(db)]) == 0
    result = run(*args, "--db", db)
    assert result.returncode == 2
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr


def test_a_folder_given_as_plan_file_is_refused(tmp_path: Path) -> None:
    result = run("import", tmp_path, "--db", tmp_path / "book.pipdesk")
    assert result.returncode == 2
    assert "is a folder" in result.stderr


def _pdf_text(path: Path, password: str | None = None) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    if password is not None:
        assert reader.is_encrypted
        reader.decrypt(password)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.mark.parametrize("document", ["plan", "outcome", "checkin"])
def test_pdf_writes_each_document(tmp_path: Path, document: str) -> None:
    db, out = tmp_path / "demo.pipdesk", tmp_path / f"{document}.pdf"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["pdf", document, "1", "--db", str(db), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert "Alex Moreno" in _pdf_text(out)


def test_pdf_checkin_by_date_employee_copy_with_password_from_a_file(tmp_path: Path) -> None:
    db, out, secret = tmp_path / "demo.pipdesk", tmp_path / "checkin.pdf", tmp_path / "secret.txt"
    assert main(["demo", "--db", str(db)]) == 0
    secret.write_text("correct horse battery\nsecond line is ignored\n")
    args = ["pdf", "checkin", "1", "--db", str(db), "-o", str(out), "--date", "2026-10-12"]
    assert main([*args, "--employee-copy", "--password-file", str(secret)]) == 0
    text = _pdf_text(out, "correct horse battery")
    assert "Trello board in daily use" in text  # the notes of the 2026-10-12 check-in
    assert "Check with the API team lead" not in text  # the manager's private note of that day
    assert main([*args]) == 0
    assert "Check with the API team lead" in _pdf_text(out)


def test_pdf_outcome_follows_the_sustained_rule_given(tmp_path: Path) -> None:
    """Carl reached one target at his only measurement: met at N = 1, "met once, not yet sustained" at N = 2."""
    db, out = tmp_path / "demo.pipdesk", tmp_path / "outcome.pdf"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["pdf", "outcome", "3", "--db", str(db), "-o", str(out), "--sustained", "1"]) == 0
    once = " ".join(_pdf_text(out).split())
    assert "The evidence suggests: Met. The target was reached." in once
    assert "not yet sustained" not in once
    assert main(["pdf", "outcome", "3", "--db", str(db), "-o", str(out)]) == 0
    assert "The evidence suggests: Partially met. Met once, not yet sustained" in " ".join(_pdf_text(out).split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pdf", "checkin", "1", "--date", "2026-10-13"], "no check-in on 2026-10-13"),
        (["pdf", "outcome", "3", "--sustained", "0"], "expected a whole number from 1 to 10, found '0'"),
        (["pdf", "outcome", "3", "--sustained", "two"], "expected a whole number from 1 to 10, found 'two'"),
        (["pdf", "checkin", "4"], "no check-ins yet"),
        (["pdf", "plan", "1", "--date", "2026-10-12"], "--date goes with `pdf checkin` and `pdf agenda` only"),
        (["pdf", "plan", "1", "--password-file", "/no/such/file"], "no such file"),
        (["pdf", "plan", "9"], "There is no plan 9"),
        (["pdf", "letter", "1"], "invalid choice"),
        (["pdf", "checkin", "1", "--date", "12/10/2026"], "expected a date as YYYY-MM-DD"),
    ],
)
def test_pdf_refuses_bad_requests_with_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    db = tmp_path / "demo.pipdesk"
    assert main(["demo", "--db", str(db)]) == 0
    result = run(*args, "--db", db, "-o", tmp_path / "out.pdf")
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_ics_writes_the_upcoming_milestones_with_stable_uids(tmp_path: Path) -> None:
    import icalendar

    db, first, second = tmp_path / "demo.pipdesk", tmp_path / "a.ics", tmp_path / "b.ics"
    assert main(["demo", "--db", str(db)]) == 0
    assert run("ics", "1", "--db", db, "-o", first).returncode == 0
    assert run("ics", "1", "--db", db, "-o", second).returncode == 0
    events = [c for c in icalendar.Calendar.from_ical(first.read_bytes()).walk("VEVENT")]
    again = [c for c in icalendar.Calendar.from_ical(second.read_bytes()).walk("VEVENT")]
    assert events and [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again]
    assert all("Alex Moreno" in str(e["SUMMARY"]) for e in events)
    missing = run("ics", "9", "--db", db, "-o", tmp_path / "c.ics")
    assert missing.returncode == 2 and "There is no plan 9" in missing.stderr


def test_demo_with_plans_writes_that_many_generated_plans_of_every_status(tmp_path: Path) -> None:
    db = tmp_path / "big.pipdesk"
    result = run("demo", "--db", db, "--plans", "120", "--seed", "7")
    assert (result.returncode, result.stdout.strip()) == (0, f"Wrote 120 generated plans to {db}")
    listed = json.loads(run("list", "--db", db, "--json").stdout)
    assert len(listed) == 120
    assert {p["status"] for p in listed} == {"draft", "active", "extended", "closed"}


def test_list_json_says_which_plans_are_paused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "book.pipdesk"
    files = [sample_path("alex-delivery-active"), *sorted((sample_path("x").parent / "v2").glob("*.json"))]
    for path in files:  # version 1 and version 2 files alike
        assert main(["import", str(path), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["title"], p["status"], p["paused"]) for p in listed] == [
        ("Delivery predictability", "active", False),
        ("Delivery predictability", "active", True),
        ("Customer communication", "closed", False),
        ("Cloud platform skills", "closed", False),
    ]
    assert list(listed[0]) == ["id", "employee", "title", "status", "start_date", "end_date", "next_checkin", "paused"]


def test_list_table_shows_paused_after_the_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "book.pipdesk"
    for name in ("alex-delivery-paused", "beth-communication-resumed"):
        assert main(["import", str(sample_path("x").parent / "v2" / f"{name}.json"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db)]) == 0
    cells = [re.split(r"\s{2,}", line) for line in capsys.readouterr().out.splitlines()[1:]]
    assert [row[3] for row in cells] == ["Active, paused", "Closed"]


def test_export_json_writes_version_2_of_a_version_1_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "book.pipdesk"
    assert main(["import", str(sample_path("carl-skills-extended")), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["export-json", "1", "--db", str(db), "-o", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["version"], document["plan"]["pauses"], document["plan"]["appeal"]) == (2, [], None)


def test_pdf_agenda_prints_the_guide_of_the_next_meeting_on_or_after_the_date(tmp_path: Path) -> None:
    db, out = tmp_path / "demo.pipdesk", tmp_path / "agenda.pdf"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["pdf", "agenda", "1", "--db", str(db), "-o", str(out), "--date", "2026-11-24"]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    text = " ".join(_pdf_text(out).split())
    assert "Check-in preparation sheet" in text and "30 November 2026" in text
    assert main(["pdf", "agenda", "1", "--db", str(db), "-o", str(out), "--date", "2026-12-21"]) == 0
    assert "Final review guide" in _pdf_text(out)


def test_pdf_agenda_with_no_meeting_ahead_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    db, out = tmp_path / "demo.pipdesk", tmp_path / "agenda.pdf"
    assert main(["demo", "--db", str(db)]) == 0
    result = run("pdf", "agenda", "1", "--db", db, "-o", out, "--date", "2026-12-22")
    assert result.returncode == 2
    assert "This plan has no meeting scheduled on or after 22 December 2026" in result.stderr
    assert not out.exists()
