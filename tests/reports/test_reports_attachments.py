"""Evidence files on paper: each document lists the files it covers with name, date, size and the whole
SHA-256; the employee's copy lists only the files shared with the employee."""

from __future__ import annotations

import datetime as dt
import hashlib

from test_reports_support import EMPLOYEE_COPY, MARKUP, OPTIONS, pdf_text

from pipdesk.domain import Attachment, Plan
from pipdesk.reports import render_checkin, render_outcome, render_plan

from conftest import load_sample


def attachment(name: str, shareable: bool, day: dt.date | None = None, description: str = "") -> Attachment:
    return Attachment(
        name=name,
        media_type="application/pdf",
        size=1_234_567,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        added_on=dt.date(2026, 11, 20),
        evidence_for=day,
        description=description,
        shareable=shareable,
    )


SIGNED = attachment("Подписано.pdf", True, dt.date(2026, 10, 1), MARKUP)
TICKETS = attachment("Ticket export.csv", True, dt.date(2026, 10, 14))
PRIVATE = attachment("Manager's notes.docx", False)
MINUTES = attachment("Minutes of the meeting.pdf", True, dt.date(2026, 11, 9))
RECORDING = attachment("Recording.m4a", False)
OUTCOME_LETTER = attachment("Outcome letter.pdf", True)


def with_files() -> Plan:
    plan = load_sample("beth-communication-closed")
    plan.attachments = [SIGNED, PRIVATE]
    plan.concerns[0].attachments = [TICKETS]
    plan.checkins[0].attachments = [MINUTES, RECORDING]
    assert plan.outcome is not None
    plan.outcome.attachments = [OUTCOME_LETTER]
    return plan


def hash_in(text: str, sha256: str) -> bool:
    """The SHA-256 is printed whole (in two lines of 32 digits)."""
    return f"{sha256[:32]}\n{sha256[32:]}" in text


def test_the_plan_document_lists_the_files_of_the_plan_and_its_concerns_with_their_hashes() -> None:
    text = pdf_text(render_plan(with_files(), OPTIONS))
    assert "Evidence files" in text
    for listed in (SIGNED, PRIVATE, TICKETS):
        assert listed.name in text and hash_in(text, listed.sha256)
    assert "1 Oct 2026" in text and "1.2 MB" in text and "Kept with" in text
    assert "<b>not bold</b>" in text  # a description is printed as written, never as markup
    for elsewhere in (MINUTES, RECORDING, OUTCOME_LETTER):
        assert elsewhere.name not in text


def test_the_employee_copy_lists_only_the_files_shared_with_the_employee() -> None:
    plan = with_files()
    documents = (
        render_plan(plan, EMPLOYEE_COPY),
        render_checkin(plan, 0, EMPLOYEE_COPY),
        render_outcome(plan, EMPLOYEE_COPY),
    )
    texts = [pdf_text(pdf) for pdf in documents]
    for text in texts:
        assert PRIVATE.name not in text and RECORDING.name not in text
        assert PRIVATE.sha256[:32] not in text and RECORDING.sha256[:32] not in text
    assert SIGNED.name in texts[0] and MINUTES.name in texts[1] and OUTCOME_LETTER.name in texts[2]


def test_the_check_in_record_lists_its_own_files_and_the_outcome_report_all_with_where_each_is() -> None:
    plan = with_files()
    record = pdf_text(render_checkin(plan, 0, OPTIONS))
    assert MINUTES.name in record and RECORDING.name in record and hash_in(record, RECORDING.sha256)
    assert SIGNED.name not in record
    report = pdf_text(render_outcome(plan, OPTIONS))
    for listed in (SIGNED, PRIVATE, TICKETS, MINUTES, RECORDING, OUTCOME_LETTER):
        assert listed.name in report and hash_in(report, listed.sha256)
    assert "The outcome" in report and "Concern 1" in report


def test_a_document_without_files_has_no_evidence_files_section() -> None:
    plan = load_sample("beth-communication-closed")
    assert "Evidence files" not in pdf_text(render_outcome(plan, OPTIONS))
    plan.attachments = [PRIVATE]
    assert "Evidence files" not in pdf_text(render_plan(plan, EMPLOYEE_COPY))
