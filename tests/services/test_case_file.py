"""The case file for HR: what it holds, and that any change to it is found and named."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import stat
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from pipdesk.domain import Revision
from pipdesk.domain.audit import chain_hash, content_hash
from pipdesk.domain.copies import PRIVATE_NOTE_LEFT_OUT
from pipdesk.domain.model import Attachment
from pipdesk.planfile import MAX_PLAN_FILE_BYTES, parse_plan_file
from pipdesk.services import case_file
from pipdesk.services.case_file import (
    HISTORY_COLUMNS,
    MANIFEST,
    CaseFileOptions,
    NotACaseFile,
    build_case_file,
    check_case_file,
    history_csv,
    write_case_file,
)
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL

MADE = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
#: A private note of Alex's sample plan (the check-in of 12 Oct 2026).
PRIVATE_NOTE = "Check with the API team lead that dates are shared earlier."


#: Two files attached to Alex's plan: a signed scan (shareable) and a manager's note (not shareable).
SCAN, NOTE = b"%PDF-1.4 signed plan \x00\x01\x02", b"Ticket export: 14 late, 3 on time\n"


@pytest.fixture
def attached(book: PlanBook) -> PlanBook:
    """The sample plan book with Alex's plan holding a shareable attachment and one that is not."""
    plan = book.get(ALEX)
    for data, name, shareable, owner in (
        (SCAN, "..Signed: plan <b>&amp;?.pdf", True, plan.attachments),
        (NOTE, "Заявка «тикеты».csv", False, plan.checkins[1].attachments),
    ):
        sha256 = book.add_attachment_content(data)
        owner.append(
            Attachment(name=name, size=len(data), sha256=sha256, added_on=dt.date(2026, 10, 12), shareable=shareable)
        )
    book.save(ALEX, plan)
    return book


def attachment_members(members: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in members.items() if name.startswith("attachments/")}


def made(book: PlanBook, plan_id: int = ALEX, **options: object) -> bytes:
    return build_case_file(book, plan_id, CaseFileOptions(created_at=MADE, **options)).data  # type: ignore[arg-type]


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(path: Path, members: dict[str, bytes]) -> None:
    """Write ``members`` as a ZIP at ``path``, as someone changing a case file with a ZIP tool would."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def problems(path: Path, password: str | None = None) -> list[tuple[str, str]]:
    return [(problem.kind, problem.name) for problem in check_case_file(path, password).problems]


def test_a_case_file_of_alex_holds_his_documents_plan_file_history_and_manifest(book: PlanBook) -> None:
    members = members_of(made(book))
    plan = book.get(ALEX)
    checkins = [f"checkins/{n:02d} {c.date.isoformat()}.pdf" for n, c in enumerate(plan.checkins, start=1)]
    assert list(members) == ["plan.pdf", *checkins, "plan.json", "history.csv", MANIFEST]
    assert parse_plan_file(members["plan.json"]) == plan
    manifest = json.loads(members[MANIFEST])
    assert manifest["format"] == "pipdesk-case-file" and manifest["version"] == 1
    assert (manifest["plan_id"], manifest["employee"], manifest["title"]) == (ALEX, "Alex Moreno", plan.title)
    assert (manifest["created_at"], manifest["copy"]) == ("2026-11-23T09:30:00+00:00", "full")
    assert manifest["audit"] == {"content_hash": content_hash(plan), "revisions_chain_hash": chain_hash(plan)}
    assert manifest["plan_file"]["content_hash"] == content_hash(plan)
    assert [m["name"] for m in manifest["members"]] == list(members)[:-1]
    assert all(m["size"] == len(members[m["name"]]) for m in manifest["members"])


def test_an_open_plan_has_no_outcome_report_and_a_closed_one_has(book: PlanBook) -> None:
    assert "outcome-report.pdf" not in members_of(made(book, ALEX))
    report = members_of(made(book, BETH))["outcome-report.pdf"]
    assert "not decided" not in pdf_text(report).lower()


def test_a_case_file_of_alex_verifies_and_is_private_to_the_user(book: PlanBook, tmp_path: Path) -> None:
    path = tmp_path / "case.zip"
    write_case_file(book, ALEX, path)
    check = check_case_file(path)
    assert check.intact and check.members == 11
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_changing_one_byte_of_any_member_names_that_member(book: PlanBook, tmp_path: Path) -> None:
    members = members_of(made(book, BETH))
    path = tmp_path / "changed.zip"
    for name in members:
        if name == MANIFEST:
            continue
        changed = dict(members)
        data = bytearray(changed[name])
        data[len(data) // 2] ^= 0x01
        changed[name] = bytes(data)
        rezip(path, changed)
        assert problems(path) == [("changed", name)], name


def test_a_hash_changed_in_the_manifest_names_its_member(book: PlanBook, tmp_path: Path) -> None:
    members = members_of(made(book))
    manifest = json.loads(members[MANIFEST])
    manifest["members"][0]["sha256"] = "0" * 64
    members[MANIFEST] = json.dumps(manifest).encode()
    rezip(tmp_path / "case.zip", members)
    assert problems(tmp_path / "case.zip") == [("changed", "plan.pdf")]


def test_a_changed_byte_in_the_zip_itself_names_the_member(book: PlanBook, tmp_path: Path) -> None:
    data = bytearray(made(book))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("plan.json")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    (tmp_path / "case.zip").write_bytes(bytes(data))
    assert problems(tmp_path / "case.zip") == [("changed", "plan.json")]


def test_a_removed_member_and_an_added_one_are_named(book: PlanBook, tmp_path: Path) -> None:
    members = members_of(made(book))
    del members["history.csv"]
    members["notes.txt"] = b"added later"
    rezip(tmp_path / "case.zip", members)
    assert problems(tmp_path / "case.zip") == [("missing", "history.csv"), ("extra", "notes.txt")]


def test_the_employee_copy_leaves_out_the_private_notes(book: PlanBook) -> None:
    full, employee = members_of(made(book)), members_of(made(book, employee_copy=True))
    assert PRIVATE_NOTE in pdf_text(full["checkins/02 2026-10-12.pdf"])
    for name, data in employee.items():
        text = pdf_text(data) if name.endswith(".pdf") else data.decode("utf-8")
        assert PRIVATE_NOTE not in text, name
    plan = parse_plan_file(employee["plan.json"])
    assert all(checkin.private_notes == "" for checkin in plan.checkins)
    manifest = json.loads(employee[MANIFEST])
    assert manifest["copy"] == "employee"
    assert manifest["audit"]["content_hash"] == content_hash(book.get(ALEX))  # the plan book's, as the PDFs print
    assert manifest["plan_file"]["content_hash"] == content_hash(plan)


def test_the_employee_copy_of_the_history_leaves_out_a_changed_private_note(book: PlanBook, tmp_path: Path) -> None:
    plan = book.get(ALEX)
    plan.revisions.append(
        Revision(at=MADE, field="checkins.2026-10-12.private_notes", old=PRIVATE_NOTE, new="Ask again", reason="x")
    )
    book.save(ALEX, plan)
    path = tmp_path / "employee.zip"
    write_case_file(book, ALEX, path, CaseFileOptions(employee_copy=True))
    history = members_of(path.read_bytes())["history.csv"].decode("utf-8-sig")
    assert PRIVATE_NOTE not in history and "Ask again" not in history
    assert history.count(PRIVATE_NOTE_LEFT_OUT) == 2
    assert check_case_file(path).intact


def test_the_history_is_a_csv_with_a_byte_order_mark_one_row_a_revision(book: PlanBook) -> None:
    plan = book.get(CARL)
    plan.revisions.append(Revision(at=MADE, field="summary", old="=1+1", new="@SUM(A1)", reason="-typo"))
    data = history_csv(plan)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == HISTORY_COLUMNS
    assert len(rows) == 1 + len(plan.revisions)
    assert rows[1][0] == plan.revisions[0].at.isoformat()
    assert rows[-1][2:] == ["'=1+1", "'@SUM(A1)", "'-typo"]  # a spreadsheet shows them, never runs them


def test_a_case_file_with_a_password_is_encrypted_and_opens_with_it_only(book: PlanBook, tmp_path: Path) -> None:
    path = tmp_path / "secret.zip"
    write_case_file(book, ALEX, path, CaseFileOptions(password="kestrel-42"))
    with zipfile.ZipFile(path) as archive:
        assert all(info.flag_bits & 0x1 for info in archive.infolist())
        assert MANIFEST in archive.namelist()  # names are not encrypted
    assert b"Alex Moreno" not in path.read_bytes()
    assert check_case_file(path, "kestrel-42").intact
    with pytest.raises(NotACaseFile, match="the password does not open it"):
        check_case_file(path, "wrong")
    with pytest.raises(NotACaseFile, match="is encrypted; its password is needed"):
        check_case_file(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "it is not a ZIP file"),
        (None, "it has no manifest.json"),
        (b"{}", "is not a case file's manifest"),
    ],
)
def test_a_file_that_is_not_a_case_file_is_refused(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "other.zip"
    if content == b"not a zip at all":
        path.write_bytes(content)
    else:
        rezip(path, {"readme.txt": b"hello", **({MANIFEST: content} if content else {})})
    with pytest.raises(NotACaseFile, match=message):
        check_case_file(path)


def test_a_password_for_a_case_file_without_one_is_refused(book: PlanBook, tmp_path: Path) -> None:
    write_case_file(book, ALEX, tmp_path / "case.zip")
    with pytest.raises(NotACaseFile, match="is not encrypted"):
        check_case_file(tmp_path / "case.zip", "kestrel-42")


def test_the_attached_files_are_in_the_case_file_byte_exact_under_safe_names(
    attached: PlanBook, tmp_path: Path
) -> None:
    members = members_of(made(attached))
    files = attachment_members(members)
    assert sorted(files.values()) == sorted([SCAN, NOTE])
    assert all(name.count("/") == 1 and not name.split("/")[1].startswith(".") for name in files), list(files)
    assert not any(set(name) & set(':<>&?"|*\\') for name in files), list(files)
    path = tmp_path / "case.zip"
    write_case_file(attached, ALEX, path)
    assert check_case_file(path).intact


def test_changing_one_byte_of_an_attached_file_names_it(attached: PlanBook, tmp_path: Path) -> None:
    members = members_of(made(attached))
    for name in attachment_members(members):
        changed = dict(members)
        changed[name] = bytes([changed[name][0] ^ 0x01]) + changed[name][1:]
        rezip(tmp_path / "case.zip", changed)
        assert problems(tmp_path / "case.zip") == [("changed", name)]


def test_an_attached_file_taken_out_with_its_manifest_line_is_still_named(attached: PlanBook, tmp_path: Path) -> None:
    members = members_of(made(attached))
    name = next(iter(attachment_members(members)))
    del members[name]
    manifest = json.loads(members[MANIFEST])
    manifest["members"] = [entry for entry in manifest["members"] if entry["name"] != name]
    members[MANIFEST] = json.dumps(manifest).encode()
    rezip(tmp_path / "case.zip", members)
    assert problems(tmp_path / "case.zip") == [("missing", name)]


def test_the_employee_copy_holds_only_the_shareable_attachments(attached: PlanBook, tmp_path: Path) -> None:
    members = members_of(made(attached, employee_copy=True))
    assert list(attachment_members(members).values()) == [SCAN]
    plan = parse_plan_file(members["plan.json"])
    assert [a.name for a in plan.attachments] == ["..Signed: plan <b>&amp;?.pdf"]
    assert all(not checkin.attachments for checkin in plan.checkins)
    path = tmp_path / "employee.zip"
    write_case_file(attached, ALEX, path, CaseFileOptions(employee_copy=True))
    assert check_case_file(path).intact


class _CountingSha256:
    """hashlib.sha256 that counts the bytes it is given (how much of a member the check read)."""

    read = 0

    def __init__(self) -> None:
        self.digest = hashlib.sha256()

    def update(self, data: bytes) -> None:
        _CountingSha256.read += len(data)
        self.digest.update(data)

    def hexdigest(self) -> str:
        return self.digest.hexdigest()


def test_a_member_far_larger_than_the_manifest_says_is_named_without_reading_it_all(
    book: PlanBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = members_of(made(book))
    members["history.csv"] = bytes(64 * 1024 * 1024)  # a zip bomb: 64 MB of zeros, some 64 KB compressed
    rezip(tmp_path / "bomb.zip", members)
    monkeypatch.setattr(case_file, "hashlib", SimpleNamespace(sha256=_CountingSha256))
    check = check_case_file(tmp_path / "bomb.zip")
    assert [(p.kind, p.name) for p in check.problems] == [("changed", "history.csv")]
    assert "larger than the manifest says" in check.problems[0].detail
    assert _CountingSha256.read < 16 * 1024 * 1024


def test_a_manifest_listing_a_member_larger_than_a_case_file_holds_is_refused(book: PlanBook, tmp_path: Path) -> None:
    members = members_of(made(book))
    manifest = json.loads(members[MANIFEST])
    manifest["members"][0]["size"] = 1 << 40
    members[MANIFEST] = json.dumps(manifest).encode()
    rezip(tmp_path / "case.zip", members)
    with pytest.raises(NotACaseFile, match="lists more than a case file holds"):
        check_case_file(tmp_path / "case.zip")


def test_a_plan_file_the_manifest_names_elsewhere_is_not_read_whole(
    book: PlanBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = members_of(made(book))
    members["padding.bin"] = bytes(64 * 1024 * 1024)
    manifest = json.loads(members[MANIFEST])
    manifest["plan_file"]["name"] = "padding.bin"
    members[MANIFEST] = json.dumps(manifest).encode()
    rezip(tmp_path / "case.zip", members)
    read: list[int] = []
    real_parse = case_file.parse_plan_file
    monkeypatch.setattr(case_file, "parse_plan_file", lambda data: read.append(len(data)) or real_parse(data))
    check = check_case_file(tmp_path / "case.zip")
    assert ("extra", "padding.bin") in [(p.kind, p.name) for p in check.problems]
    assert not check.intact and all(size <= MAX_PLAN_FILE_BYTES + 1 for size in read)


def test_a_member_named_to_climb_out_of_the_folder_is_named_and_nothing_is_written(
    book: PlanBook, tmp_path: Path
) -> None:
    members = members_of(made(book))
    members["../../escaped.txt"] = b"zip slip"
    inside = tmp_path / "a" / "b"
    inside.mkdir(parents=True)
    rezip(inside / "case.zip", members)
    assert problems(inside / "case.zip") == [("extra", "../../escaped.txt")]
    assert sorted(p.name for p in (tmp_path / "a").rglob("*")) == ["b", "case.zip"]
