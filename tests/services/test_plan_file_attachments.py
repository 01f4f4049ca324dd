"""A plan's attached files travel beside its plan file, and come back byte-exact or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import stat
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.domain import Attachment, Plan, PlanInvalid
from pipdesk.services.plan_files import attachments_folder, import_plan_file, read_attachment_files, read_plan_file
from pipdesk.store import PlanBook

from conftest import load_sample

DATA = bytes(range(256)) * 40 + "signé ✓".encode()


def attached(book: PlanBook, data: bytes, name: str) -> Attachment:
    digest = book.add_attachment_content(data)
    return Attachment(name=name, size=len(data), sha256=digest, added_on=dt.date(2026, 9, 29))


def with_attachments(book: PlanBook) -> Plan:
    """Alex's plan with the same file on the plan and a check-in, and another on a concern."""
    plan = load_sample("alex-delivery-active")
    plan.attachments = [attached(book, DATA, "signed plan.pdf")]
    plan.concerns[0].attachments = [attached(book, b"ticket export", "tickets.csv")]
    plan.checkins[1].attachments = [attached(book, DATA, "same bytes, another name.pdf")]
    return plan


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """Alex's plan with three attachments (two files), exported with `pipdesk export-json`."""
    db = tmp_path / "book.pipdesk"
    with PlanBook.open(db) as book:
        plan_id = book.add(with_attachments(book))
    out = tmp_path / "out" / "Alex.json"
    out.parent.mkdir()
    assert main(["export-json", str(plan_id), "--db", str(db), "-o", str(out)]) == 0
    return out


def test_export_writes_each_file_once_beside_the_plan_file_named_by_its_hash(exported: Path) -> None:
    folder = exported.parent / "Alex.attachments"
    assert attachments_folder(exported) == folder
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted({hashlib.sha256(DATA).hexdigest(), hashlib.sha256(b"ticket export").hexdigest()})
    assert (folder / hashlib.sha256(DATA).hexdigest()).read_bytes() == DATA
    assert all(stat.S_IMODE(os.stat(folder / name).st_mode) == 0o600 for name in names)


def test_import_brings_the_files_back_byte_exact_into_another_book(exported: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.pipdesk"
    assert main(["import", str(exported), "--db", str(other)]) == 0
    with PlanBook.open(other) as book:
        [plan_id] = book.plan_ids()
        plan = book.get(plan_id)
        assert plan == read_plan_file(exported)
        assert book.attachment_content(plan.attachments[0].sha256) == DATA
    # export → import → export: the same plan file and the same files
    again = tmp_path / "again.json"
    assert main(["export-json", str(plan_id), "--db", str(other), "-o", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes()
    assert sorted(p.name for p in attachments_folder(again).iterdir()) == sorted(
        p.name for p in attachments_folder(exported).iterdir()
    )


@pytest.mark.parametrize("damage", ["changed", "removed", "truncated"])
def test_a_file_changed_or_missing_beside_the_plan_file_refuses_the_import(
    exported: Path, tmp_path: Path, damage: str
) -> None:
    file = attachments_folder(exported) / hashlib.sha256(DATA).hexdigest()
    if damage == "changed":
        file.write_bytes(b"X" + DATA[1:])
    elif damage == "removed":
        file.unlink()
    else:
        file.write_bytes(DATA[:-1])
    plan = read_plan_file(exported)
    with pytest.raises(PlanInvalid) as refused:
        read_attachment_files(exported, plan)
    paths = {".".join(map(str, p.path)) for p in refused.value.problems}
    expected = {"changed": "plan.attachments.0.sha256", "removed": "plan.attachments.0.sha256"}
    assert expected.get(damage, "plan.attachments.0.size") in paths
    other = tmp_path / "other.pipdesk"
    with PlanBook.open(other) as book, pytest.raises(PlanInvalid):
        import_plan_file(book, exported)
    with PlanBook.open(other) as book:
        assert book.count() == 0  # nothing imported


def test_a_plan_with_attachments_is_not_written_to_standard_output(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export-json", "1", "--db", str(tmp_path / "book.pipdesk"), "-o", "-"]) == 2
    assert "not to standard output" in capsys.readouterr().err


def _replace_sidecar(exported: Path, make) -> Path:  # type: ignore[no-untyped-def]
    file = exported.parent / "Alex.attachments" / hashlib.sha256(b"ticket export").hexdigest()
    file.unlink()
    make(file)
    return file


def _refuse_to_wait(_signal: int, _frame: object) -> None:
    raise AssertionError("the import waited on the file instead of refusing it")


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda file: os.mkfifo(file), id="fifo"),
        pytest.param(lambda file: file.symlink_to("/etc/passwd"), id="symlink"),
        pytest.param(lambda file: os.truncate(file.touch() or file, 2 * 1024**3), id="sparse-2GB"),
    ],
)
def test_a_sidecar_that_is_not_a_plain_file_of_its_size_is_refused_unread(exported: Path, make) -> None:  # type: ignore[no-untyped-def]
    file = _replace_sidecar(exported, make)
    before = signal.signal(signal.SIGALRM, _refuse_to_wait)
    signal.alarm(5)
    try:
        with pytest.raises(PlanInvalid) as refused:
            read_attachment_files(exported, read_plan_file(exported))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert str(file) in str(refused.value)
    assert "tickets.csv" in str(refused.value)


def test_a_sidecar_linking_to_a_file_with_the_named_bytes_is_still_refused(exported: Path, tmp_path: Path) -> None:
    """A link could bring in any file of the reader's whose bytes the plan file's writer knows."""
    elsewhere = tmp_path / "private.txt"
    elsewhere.write_bytes(b"ticket export")
    _replace_sidecar(exported, lambda file: file.symlink_to(elsewhere))
    with pytest.raises(PlanInvalid, match="not a plain file"):
        read_attachment_files(exported, read_plan_file(exported))


def test_an_export_over_an_earlier_one_leaves_no_file_of_the_earlier_plan_beside_it(
    exported: Path, tmp_path: Path
) -> None:
    """The folder goes with the plan file (to HR, to a tribunal): an earlier export's files must not ride along."""
    folder = attachments_folder(exported)
    (folder / "notes of mine.txt").write_text("kept")
    with PlanBook.open(tmp_path / "book.pipdesk") as book:
        plan = load_sample("beth-communication-closed")
        plan.attachments = [attached(book, b"only this", "letter.pdf")]
        plan_id = book.add(plan)
    assert main(["export-json", str(plan_id), "--db", str(tmp_path / "book.pipdesk"), "-o", str(exported)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [hashlib.sha256(b"only this").hexdigest(), "notes of mine.txt"]
    )
    assert main(["export-json", "1", "--db", str(tmp_path / "book.pipdesk"), "-o", str(exported)]) == 0
    read_attachment_files(exported, read_plan_file(exported))
    with PlanBook.open(tmp_path / "book.pipdesk") as book:
        no_files = book.add(load_sample("carl-skills-extended"))
    assert main(["export-json", str(no_files), "--db", str(tmp_path / "book.pipdesk"), "-o", str(exported)]) == 0
    assert [p.name for p in folder.iterdir()] == ["notes of mine.txt"]
