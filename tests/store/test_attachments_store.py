"""Attached files in the plan book: kept byte-exact (plain, encrypted, backed up), verified, refused over 25 MB."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from pipdesk.domain import Attachment, Plan
from pipdesk.domain.model import MAX_ATTACHMENT_BYTES
from pipdesk.store import AttachmentMissing, AttachmentTooLarge, PlanBook
from pipdesk.store.backups import backup_plan_book, restore_backup

from conftest import load_sample

#: Every byte value, and a NUL-heavy run: what a PDF or a scan holds.
DATA = bytes(range(256)) * 40 + b"\x00" * 1000 + "signé ✓".encode()
PASSPHRASE = "correct horse battery staple"


def attached(book: PlanBook, data: bytes = DATA, name: str = "signed plan.pdf") -> Attachment:
    digest = book.add_attachment_content(data)
    assert digest == hashlib.sha256(data).hexdigest()
    return Attachment(
        name=name, media_type="application/pdf", size=len(data), sha256=digest, added_on=dt.date(2026, 9, 29)
    )


def with_attachments(book: PlanBook) -> Plan:
    """Alex's plan with a file on the plan, a concern, a check-in; Beth's outcome too (see the closed test)."""
    plan = load_sample("alex-delivery-active")
    plan.attachments = [attached(book)]
    plan.concerns[0].attachments = [attached(book, b"ticket export", "tickets.csv")]
    plan.checkins[1].attachments = [attached(book, DATA, "same bytes, another name.pdf")]
    return plan


def test_an_attachment_round_trips_byte_exact_wherever_it_is_attached(tmp_path: Path) -> None:
    path = tmp_path / "book.pipdesk"
    with PlanBook.open(path) as book:
        plan = with_attachments(book)
        plan_id = book.add(plan)
    with PlanBook.open(path) as book:
        again = book.get(plan_id)
        assert again == plan
        assert book.attachment_content(again.attachments[0].sha256) == DATA
        assert book.attachment_content(again.concerns[0].attachments[0].sha256) == b"ticket export"
        # The same bytes attached twice are kept once.
        assert book.db.execute("SELECT count(*) FROM attachment_contents").fetchone()[0] == 2
        assert all(trail.intact for trail in book.verify_audit_trails())


def test_the_outcome_holds_attachments_too(tmp_path: Path) -> None:
    with PlanBook.open(tmp_path / "book.pipdesk") as book:
        plan = load_sample("beth-communication-closed")
        assert plan.outcome is not None
        plan.outcome.attachments = [attached(book)]
        plan_id = book.add(plan)
        saved = book.get(plan_id).outcome
        assert saved is not None and [a.sha256 for a in saved.attachments] == [hashlib.sha256(DATA).hexdigest()]


def test_an_encrypted_book_keeps_the_file_encrypted_and_byte_exact(tmp_path: Path) -> None:
    path = tmp_path / "secret.pipdesk"
    with PlanBook.open(path, passphrase=PASSPHRASE) as book:
        plan_id = book.add(with_attachments(book))
    raw = path.read_bytes()
    assert DATA[:512] not in raw and b"ticket export" not in raw  # nothing of the file in the clear
    with PlanBook.open(path, passphrase=PASSPHRASE) as book:
        assert book.attachment_content(book.get(plan_id).attachments[0].sha256) == DATA


def test_a_backup_and_its_restore_keep_the_file(tmp_path: Path) -> None:
    path = tmp_path / "book.pipdesk"
    with PlanBook.open(path) as book:
        plan_id = book.add(with_attachments(book))
        backup = backup_plan_book(book, tmp_path / "backups", keep=5)
    restored = restore_backup(backup, tmp_path / "restored.pipdesk")
    with PlanBook.open(restored) as book:
        assert book.attachment_content(book.get(plan_id).attachments[0].sha256) == DATA


def test_a_file_over_25_mb_is_refused_with_its_size_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "book.pipdesk"
    with PlanBook.open(path) as book:
        before = path.stat().st_size
        refused = r"26\.0 MB \(26,000,000 bytes\); pipdesk keeps files of at most 25 MB \(25,000,000 bytes\)"
        with pytest.raises(AttachmentTooLarge, match=refused):
            book.add_attachment_content(b"x" * 26_000_000)
        assert book.db.execute("SELECT count(*) FROM attachment_contents").fetchone()[0] == 0
        assert path.stat().st_size == before
        assert len(book.add_attachment_content(b"y" * MAX_ATTACHMENT_BYTES)) == 64  # 25 MB itself is kept


def test_a_plan_naming_a_file_the_book_does_not_hold_is_refused(tmp_path: Path) -> None:
    with PlanBook.open(tmp_path / "book.pipdesk") as book:
        plan = load_sample("alex-delivery-active")
        plan.attachments = [attached(book).model_copy(update={"sha256": "ab" * 32})]
        with pytest.raises(AttachmentMissing, match="names 1 attached file this plan book does not hold"):
            book.add(plan)
        with pytest.raises(AttachmentMissing):
            book.attachment_content("ab" * 32)


@pytest.mark.parametrize("tamper", ["changed", "removed", "swapped"])
def test_verify_finds_a_file_changed_removed_or_swapped_outside_pipdesk(tmp_path: Path, tamper: str) -> None:
    path = tmp_path / "book.pipdesk"
    with PlanBook.open(path) as book:
        plan = with_attachments(book)
        plan_id = book.add(plan)
        digest = plan.attachments[0].sha256
        other = plan.concerns[0].attachments[0].sha256
    with sqlite3.connect(path) as conn:
        if tamper == "changed":  # one byte
            conn.execute("UPDATE attachment_contents SET content = ? WHERE sha256 = ?", [b"X" + DATA[1:], digest])
        elif tamper == "removed":
            conn.execute("DELETE FROM attachment_contents WHERE sha256 = ?", [digest])
        else:  # another file's bytes under this file's hash
            conn.execute(
                "UPDATE attachment_contents SET content = (SELECT content FROM attachment_contents WHERE sha256 = ?)"
                " WHERE sha256 = ?",
                [other, digest],
            )
    conn.close()
    with PlanBook.open(path) as book:
        [trail] = [t for t in book.verify_audit_trails() if t.plan_id == plan_id]
    assert not trail.intact
    assert trail.problem is not None and "“signed plan.pdf” (the plan)" in trail.problem
    assert ("is missing" if tamper == "removed" else "no longer matches its SHA-256") in trail.problem


def test_a_file_no_plan_names_is_forgotten_when_asked_not_before(tmp_path: Path) -> None:
    with PlanBook.open(tmp_path / "book.pipdesk") as book:
        plan = with_attachments(book)
        plan_id = book.add(plan)
        plan.attachments = []
        plan.checkins[1].attachments = []
        book.save(plan_id, plan)
        assert book.attachment_content(hashlib.sha256(DATA).hexdigest()) == DATA  # an undo may want it back
        assert book.forget_unused_attachments() == 1
        with pytest.raises(AttachmentMissing):
            book.attachment_content(hashlib.sha256(DATA).hexdigest())
        assert book.attachment_content(plan.concerns[0].attachments[0].sha256) == b"ticket export"
