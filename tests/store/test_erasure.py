"""Erasing and anonymising a plan reach every byte of the plan book and of its backups; the audit trail stays whole."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipdesk.domain import Attachment, Revision
from pipdesk.domain.retention import RetentionHold
from pipdesk.store import PlanBook, PlanNotFound, erasure
from pipdesk.store.backups import backup_plan_book, restore_backup
from pipdesk.store.encryption import change_passphrase
from pipdesk.store.erasure import (
    ReasonMissing,
    anonymise_plan,
    anonymised_plan_ids,
    erase_plan,
    erasure_log,
    retention_holds,
    set_retention_hold,
)

from conftest import ALEX, BETH, CARL

# Beth's plan (closed): her name, her manager's, and a note only her plan holds.
BETH_STRINGS = ("Beth Ikeda", "Renée Fournier", "Escalation #4471", "beth@example.com")
SECRET_REASON = "Zanzibar-quokka reason for the extension"


def _raw_bytes(book_path: Path, backups: Path) -> dict[Path, bytes]:
    """Every file of the plan book (its -wal and -shm too, if any) and of its backups, as bytes on the disk."""
    files = [p for p in book_path.parent.glob(book_path.name + "*") if p.is_file()]
    files += [p for p in backups.glob("*") if p.is_file()]
    return {path: path.read_bytes() for path in files}


def _holding(files: dict[Path, bytes], texts: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (path.name, text)
        for path, data in files.items()
        for text in texts
        for encoded in (text.encode("utf-8"), text.encode("utf-16-le"))
        if encoded in data
    ]


def _with_revision(book: PlanBook, plan_id: int, reason: str) -> None:
    plan = book.get(plan_id)
    plan.revisions.append(
        Revision(
            at=dt.datetime(2026, 6, 2, 9, tzinfo=dt.UTC),
            field="end_date",
            old="2026-05-25",
            new="2026-06-08",
            reason=reason,
        )
    )
    book.save(plan_id, plan)


def test_after_erase_no_file_of_the_book_or_its_backups_holds_any_string_of_the_plan(
    book: PlanBook, book_path: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    _with_revision(book, BETH, SECRET_REASON)
    backup_plan_book(book, backups, keep=5)
    plan = book.get(BETH)
    plan.summary += " A later word: Xylophone-heron."
    book.save(BETH, plan)  # the latest save lives in the write-ahead log; older pages hold the earlier text
    backup_plan_book(book, backups, keep=5)
    before = _raw_bytes(book_path, backups)
    assert _holding(before, (*BETH_STRINGS, SECRET_REASON))  # the test can see them while they are there

    result = erase_plan(book, BETH, "Past retention: closed in May 2026", backups)

    assert len(result.backups_rewritten) == 2 and result.backups_left == []
    after = _raw_bytes(book_path, backups)
    assert _holding(after, (*BETH_STRINGS, SECRET_REASON, "Xylophone-heron")) == []
    with pytest.raises(PlanNotFound):
        book.get(BETH)
    assert book.get(ALEX).employee.name == "Alex Moreno"  # the others stay


def test_erase_leaves_a_log_entry_without_content_and_verify_stays_green(book: PlanBook, tmp_path: Path) -> None:
    erase_plan(book, BETH, "Past retention", tmp_path / "backups")

    [entry] = erasure_log(book)
    assert (entry.plan_id, entry.action, entry.employee_initials, entry.reason) == (
        BETH,
        "erased",
        "B.I.Ł.",
        "Past retention",
    )
    assert (entry.start_date, entry.end_date, entry.closed_on) == (
        dt.date(2026, 3, 2),
        dt.date(2026, 5, 25),
        dt.date(2026, 5, 25),
    )
    assert all(trail.intact for trail in book.verify_audit_trails())
    assert book.save_history().last_content[BETH] is None  # the deletion's link


def test_a_backup_restored_after_an_erase_has_no_plan_and_verifies(book: PlanBook, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backup = backup_plan_book(book, backups, keep=5)
    erase_plan(book, BETH, "Past retention", backups)

    with PlanBook.open(restore_backup(backup, tmp_path / "restored.pipdesk")) as restored:
        assert restored.plan_ids() == [1, 3, 4]
        assert all(trail.intact for trail in restored.verify_audit_trails())


def test_a_backup_whose_plan_of_that_number_is_another_plan_is_left_alone(book: PlanBook, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    book.delete(4)
    plan = book.get(CARL)
    number = book.add(plan)  # gets number 4 again
    assert number == 4
    backup_plan_book(book, backups, keep=5)
    book.delete(number)
    number = book.add(book.get(ALEX))  # number 4 once more, another plan
    assert number == 4

    result = erase_plan(book, number, "Entered by mistake", backups)

    assert result.backups_rewritten == []


def test_an_erasure_needs_a_reason(book: PlanBook) -> None:
    with pytest.raises(ReasonMissing):
        erase_plan(book, BETH, "  ")
    assert book.get(BETH)


def test_a_backup_encrypted_with_another_passphrase_is_named_as_not_rewritten(book: PlanBook, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    book_path = book.path
    assert book_path is not None
    book.close()
    change_passphrase(book_path, None, "correct horse battery")
    with PlanBook.open(book_path, passphrase="correct horse battery") as locked:
        backup_plan_book(locked, backups, keep=5)
    with PlanBook.open(book_path, passphrase="correct horse battery") as locked:
        locked_plan = locked.get(BETH)
    assert locked_plan
    change_passphrase(book_path, "correct horse battery", None)  # decrypted again: its backup keeps the passphrase
    with PlanBook.open(book_path) as plain:
        result = erase_plan(plain, BETH, "Past retention", backups)
    assert result.backups_rewritten == []
    assert [path.parent for path, _why in result.backups_left] == [backups]


def test_an_encrypted_book_and_its_backups_lose_the_plan(book: PlanBook, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    book_path = book.path
    assert book_path is not None
    book.close()
    change_passphrase(book_path, None, "correct horse battery")
    with PlanBook.open(book_path, passphrase="correct horse battery") as locked:
        backup = backup_plan_book(locked, backups, keep=5)
        result = erase_plan(locked, BETH, "Past retention", backups)
    assert result.backups_rewritten == [backup]
    for path in (book_path, backup):
        with PlanBook.open(path, passphrase="correct horse battery", create=False) as reopened:
            assert BETH not in reopened.plan_ids()
            assert all(trail.intact for trail in reopened.verify_audit_trails())


def test_anonymise_keeps_numbers_and_dates_and_removes_every_name_and_text(
    book: PlanBook, book_path: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    _with_revision(book, BETH, SECRET_REASON)
    backup_plan_book(book, backups, keep=5)
    original = book.get(BETH)

    result = anonymise_plan(book, BETH, "Kept for statistics", backups)

    assert len(result.backups_rewritten) == 1
    plan = book.get(BETH)
    assert (plan.employee.name, plan.status, plan.start_date, plan.outcome and plan.outcome.decision) == (
        "Employee A",
        original.status,
        original.start_date,
        original.outcome and original.outcome.decision,
    )
    assert [(o.baseline, o.target) for o in plan.objectives] == [(o.baseline, o.target) for o in original.objectives]
    assert [r.new for r in plan.revisions] == ["2026-06-08"] and plan.revisions[0].reason == "[removed]"
    assert _holding(_raw_bytes(book_path, backups), (*BETH_STRINGS, SECRET_REASON)) == []
    assert all(trail.intact for trail in book.verify_audit_trails())
    assert anonymised_plan_ids(book) == {BETH}
    assert erasure_log(book)[0].action == "anonymised"


def test_a_retention_hold_is_kept_until_changed_and_goes_with_an_anonymised_plan(book: PlanBook) -> None:
    hold = RetentionHold(dt.date(2031, 1, 1), "Tribunal claim pending")
    set_retention_hold(book, BETH, hold)
    assert retention_holds(book) == {BETH: hold}
    anonymise_plan(book, BETH, "Kept for statistics")
    assert retention_holds(book) == {}
    with pytest.raises(ReasonMissing):
        set_retention_hold(book, ALEX, RetentionHold(dt.date(2031, 1, 1), ""))


# Attachments: a scan only Beth's plan holds, and a file Beth's and Alex's plans both hold.
BETH_SCAN = b"%PDF-1.7 scan of Beth's signed plan \x00\x01\x02 Quetzal-marmalade-7731 " * 50
SHARED = b"team rota shared by two plans: Okapi-lantern-5520 " * 20


def _attach(book: PlanBook, plan_id: int, data: bytes, name: str, on_evidence: bool = False) -> None:
    digest = book.add_attachment_content(data)
    attachment = Attachment(name=name, size=len(data), sha256=digest, added_on=dt.date(2026, 3, 3), description=name)
    plan = book.get(plan_id)
    if on_evidence:
        plan.concerns[0].attachments.append(attachment)
    else:
        plan.attachments.append(attachment)
    book.save(plan_id, plan)


def test_after_erase_no_file_holds_the_bytes_of_its_attachments_but_a_file_another_plan_holds_stays(
    book: PlanBook, book_path: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    _attach(book, BETH, BETH_SCAN, "Beth signed plan.pdf", on_evidence=True)
    _attach(book, BETH, SHARED, "rota.pdf")
    _attach(book, ALEX, SHARED, "rota.pdf")
    backup_plan_book(book, backups, keep=5)
    before = _raw_bytes(book_path, backups)
    assert any(BETH_SCAN[:60] in data for data in before.values())

    result = erase_plan(book, BETH, "Past retention", backups)

    assert len(result.backups_rewritten) == 1
    after = _raw_bytes(book_path, backups)
    assert [path.name for path, data in after.items() if b"Quetzal-marmalade-7731" in data] == []
    assert book.attachment_content(hashlib.sha256(SHARED).hexdigest()) == SHARED  # Alex's plan still names it
    assert all(trail.intact for trail in book.verify_audit_trails())


def test_anonymise_removes_the_attachments_and_their_files(book: PlanBook, book_path: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    _attach(book, BETH, BETH_SCAN, "Beth signed plan.pdf", on_evidence=True)
    backup_plan_book(book, backups, keep=5)

    anonymise_plan(book, BETH, "Statistics", backups)

    plan = book.get(BETH)
    assert plan.attachments == [] and all(concern.attachments == [] for concern in plan.concerns)
    after = _raw_bytes(book_path, backups)
    assert [path.name for path, data in after.items() if b"Quetzal-marmalade-7731" in data] == []
    assert _holding(after, ("Beth signed plan",)) == []
    assert all(trail.intact for trail in book.verify_audit_trails())


class _Killed(BaseException):
    """Stands in for the program being stopped (power cut, killed) part way through an erasure."""


def test_an_erase_stopped_part_way_through_the_backups_can_be_done_again_and_reaches_every_backup(
    book: PlanBook, book_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = tmp_path / "backups"
    for _ in range(3):
        backup_plan_book(book, backups, keep=5)
    real = erasure.rewrite_backup
    calls: list[Path] = []

    def killed_after_the_first(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(path)
        if len(calls) == 2:
            raise _Killed
        return real(path, *args, **kwargs)

    monkeypatch.setattr(erasure, "rewrite_backup", killed_after_the_first)
    with pytest.raises(_Killed):
        erase_plan(book, BETH, "Past retention", backups)
    book.close()
    monkeypatch.setattr(erasure, "rewrite_backup", real)

    with PlanBook.open(book_path) as again:
        erase_plan(again, BETH, "Past retention", backups)
        assert [entry.action for entry in erasure_log(again)] == ["erased"]
    assert _holding(_raw_bytes(book_path, backups), BETH_STRINGS) == []
