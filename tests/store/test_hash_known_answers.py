"""Every hash pipdesk computes, against a known answer; and each hashed field, changed outside pipdesk, is found.

The SHA-256s written here were computed with ``sha256sum`` over the bytes shown in each comment,
never with pipdesk, so a hash that leaves out a field, reorders it or changes its encoding fails.
The tamper cases change one hashed column of the file with plain sqlite3, as anyone holding the
file could, and run `pipdesk verify`, which must exit 1 and say which trail broke and why.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.domain import Attachment, Milestone, MilestoneKind, Plan, Revision
from pipdesk.domain.audit import GENESIS, chain, chain_hash, link_hash, revision_content
from pipdesk.services.calendar import milestone_uids
from pipdesk.services.case_file import MANIFEST, CaseFileOptions, build_case_file
from pipdesk.store import PlanBook

from conftest import ALEX, CARL

#: sha256 of the three bytes "abc" (FIPS 180-2's first example).
ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

FIRST = Revision(
    at=dt.datetime(2026, 8, 31, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    field="end_date",
    old="2026-08-31",
    new="2026-09-30",
    reason="Agreed at the review.",
)
SECOND = Revision(
    at=dt.datetime(2026, 9, 30, 9, 0, tzinfo=dt.UTC),
    field="end_date",
    old="2026-09-30",
    new="2026-10-31",
    reason="Extended: sick leave, 2 weeks — agreed “in writing”.",
)
FIRST_CONTENT = '["2026-08-31T15:30:00+02:00","end_date","2026-08-31","2026-09-30","Agreed at the review."]'
# printf '%s\n%s' 0000…0000 "$FIRST_CONTENT" | sha256sum
FIRST_HASH = "a7bff148abbeb74c000428a9c4b71628fca37b5d8e19ad410b2510649ddf262c"
# printf '%s\n%s' "$FIRST_HASH" '["2026-09-30T09:00:00+00:00",…,"Extended: … “in writing”."]' | sha256sum (UTF-8)
SECOND_HASH = "144afa8582e48a8f5f95690eaa249ffec5257ffd9528ea98a62bb162a3becd0b"


def punctuality(**parts: object) -> Plan:
    """A small plan of Ann's, with ``parts`` (its revisions, its milestones)."""
    fields: dict[str, object] = {
        "title": "Punctuality",
        "employee": {"name": "Ann"},
        "manager": {"name": "Bo"},
        "start_date": "2026-01-05",
        "end_date": "2026-03-02",
    }
    return Plan.model_validate({**fields, **parts})


# The chain of revisions


def test_a_revision_hashes_as_its_five_fields_in_compact_json_utf8_unescaped() -> None:
    assert revision_content(FIRST) == FIRST_CONTENT
    assert revision_content(SECOND).endswith('"2026-10-31","Extended: sick leave, 2 weeks — agreed “in writing”."]')


def test_the_revision_chain_has_its_known_sha256_link_by_link() -> None:
    assert GENESIS == "0" * 64
    assert link_hash(GENESIS, FIRST_CONTENT) == FIRST_HASH
    assert chain([FIRST, SECOND]) == [FIRST_HASH, SECOND_HASH]


def test_the_chain_hash_of_a_plan_is_its_last_revisions_hash() -> None:
    plan = punctuality(revisions=[FIRST, SECOND])
    assert chain_hash(plan) == SECOND_HASH


@pytest.mark.parametrize("field", ["at", "field", "old", "new", "reason"])
def test_each_field_of_a_revision_is_in_its_hash(field: str) -> None:
    changed = FIRST.model_copy(
        update={field: dt.datetime(2026, 8, 31, 15, 31, tzinfo=dt.UTC) if field == "at" else "x"}
    )
    assert chain([changed]) != chain([FIRST])


# Attached files


def test_an_attached_file_is_kept_under_its_sha256(tmp_path: Path) -> None:
    with PlanBook.open(tmp_path / "book.pipdesk") as book:
        assert book.add_attachment_content(b"abc") == ABC
        assert book.attachment_content(ABC) == b"abc"


# The case file's manifest


def test_the_case_file_manifest_lists_each_member_with_its_known_sha256(book: PlanBook) -> None:
    plan = book.get(ALEX)
    plan.attachments.append(
        Attachment(name="abc.txt", size=3, sha256=book.add_attachment_content(b"abc"), added_on=dt.date(2026, 10, 1))
    )
    book.save(ALEX, plan)
    made = build_case_file(book, ALEX, CaseFileOptions(created_at=dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)))
    with zipfile.ZipFile(io.BytesIO(made.data)) as archive:
        listed = {entry["name"]: entry for entry in json.loads(archive.read(MANIFEST))["members"]}
        history = archive.read("history.csv")
    [attached] = [entry for name, entry in listed.items() if name.startswith("attachments/")]
    assert (attached["sha256"], attached["size"]) == (ABC, 3)
    # Alex has no revision: the history is its header row alone, after a byte-order mark.
    assert history == "\ufeffWhen,What changed,Old,New,Reason\r\n".encode()
    # printf '\xef\xbb\xbfWhen,What changed,Old,New,Reason\r\n' | sha256sum
    assert listed["history.csv"]["sha256"] == "dc3a8b3f534837f2666bc7927d26974f804a984dc26fb0fb444bf98b01129817"


# The calendar's event identities


def test_a_milestones_calendar_uid_is_the_sha256_of_seed_kind_title_and_occurrence() -> None:
    plan = punctuality(
        milestones=[
            Milestone(title="Check-in", kind=MilestoneKind.CHECKIN, date=dt.date(2026, 1, 12)),
            Milestone(title="  CHECK-IN ", kind=MilestoneKind.CHECKIN, date=dt.date(2026, 1, 19)),
        ],
    )
    # printf 'seed\x1fcheckin\x1fcheck-in\x1f1' | sha256sum | cut -c1-32 (and …\x1f2 for the second)
    assert milestone_uids(plan, "seed") == [
        "fbfeb43ee421cbcb16b60b4fe7a83ffc@pipdesk",
        "89b3bf1dc71d4337a43c4d197bb130c6@pipdesk",
    ]


# Each hashed field changed outside pipdesk, found by `pipdesk verify`

#: Carl's sample has two revisions; each hashed column of the first changed as an editor would.
REVISION_EDITS = {
    "at": "'2026-08-01T09:00:00+02:00'",
    "field": "'status'",
    "old": "'2026-07-31'",
    "new": "'2026-12-31'",
    "reason": "'Nobody asked.'",
    "hash": "'" + "0" * 64 + "'",
}

#: The first save in the plan book (Alex's, position 0): each column of its link changed.
SAVE_EDITS = {
    "plan_id": "plan_id + 10",
    "at": "'2026-01-01T00:00:00+00:00'",
    "content_hash": f"'{ABC}'",
    "link": "'" + "0" * 64 + "'",
}


def _edit(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    assert conn.execute(statement).rowcount == 1, statement
    conn.close()


def _verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["verify", "--db", str(path)])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("column", REVISION_EDITS)
def test_a_revision_column_changed_outside_pipdesk_breaks_its_chain_at_that_revision(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    book.close()
    _edit(
        book_path, f"UPDATE revisions SET {column} = {REVISION_EDITS[column]} WHERE plan_id = {CARL} AND position = 0"
    )
    code, lines = _verify(book_path, capsys)
    assert code == 1
    [carl] = [line for line in lines if line.startswith(f"BROKEN  plan {CARL} ")]
    assert "revision 1 of 2 (" in carl and "does not match its recorded hash" in carl, carl
    assert lines[-1] == "3 of 4 audit trails intact"


@pytest.mark.parametrize("column", SAVE_EDITS)
def test_a_save_link_column_changed_outside_pipdesk_is_named_by_verify(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    book.close()
    _edit(book_path, f"UPDATE audit_links SET {column} = {SAVE_EDITS[column]} WHERE position = 0")
    code, lines = _verify(book_path, capsys)
    assert code == 1
    # A save given another plan's number reads as that plan deleted and this one added, outside pipdesk.
    assert any(line.startswith("BROKEN  plan ") and "outside pipdesk" in line for line in lines), lines
    assert not lines[-1].startswith("4 of 4 "), lines[-1]


def test_an_attached_files_bytes_changed_outside_pipdesk_are_named_by_verify(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = book.get(ALEX)
    plan.attachments.append(
        Attachment(name="abc.txt", size=3, sha256=book.add_attachment_content(b"abc"), added_on=dt.date(2026, 10, 1))
    )
    book.save(ALEX, plan)
    book.close()
    _edit(book_path, f"UPDATE attachment_contents SET content = x'616263ff' WHERE sha256 = '{ABC}'")
    code, lines = _verify(book_path, capsys)
    assert code == 1
    [alex] = [line for line in lines if line.startswith(f"BROKEN  plan {ALEX} ")]
    assert "the file of its attachment “abc.txt” (" in alex, alex
    assert alex.endswith(") no longer matches its SHA-256; it was changed outside pipdesk"), alex
