"""The audit trail is tamper-evident: revisions are hash-chained, `pipdesk verify` names a broken link."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipdesk.domain import Revision
from pipdesk.domain.audit import GENESIS, chain, chain_hash, content_hash, first_broken_link, revision_content
from pipdesk.reports import ReportOptions, render_plan
from pipdesk.store import PlanBook
from pipdesk.store.driver import sqlite3
from pipdesk.store.plan_book import PlanChangedOutsidePipdesk

from conftest import load_sample

CARL = 3  # the sample with two revisions, in the `book` fixture


def revision(reason: str = "Agreed at the review.", field: str = "end_date") -> Revision:
    at = dt.datetime(2026, 8, 31, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    return Revision(at=at, field=field, old="2026-08-31", new="2026-09-30", reason=reason)


def test_every_field_of_a_revision_is_covered_by_its_hash() -> None:
    base = chain([revision()])[0]
    assert chain([revision(reason="Agreed at the review!")])[0] != base
    assert chain([revision(field="status")])[0] != base
    assert chain([]) == [] and len(base) == 64


def test_a_change_to_an_earlier_revision_changes_every_later_hash() -> None:
    first = chain([revision(), revision("Second.")])
    second = chain([revision("Changed."), revision("Second.")])
    assert first[0] != second[0] and first[1] != second[1]


def test_first_broken_link_names_the_changed_revision() -> None:
    revisions = [revision("One."), revision("Two."), revision("Three.")]
    hashes: list[str | None] = list(chain(revisions))
    contents = [revision_content(r) for r in revisions]
    assert first_broken_link(contents, hashes) is None
    contents[1] = revision_content(revision("Two, edited."))
    assert first_broken_link(contents, hashes) == 1
    assert first_broken_link(contents[:1], [None]) == 0


def test_a_plan_without_revisions_has_the_genesis_hash() -> None:
    assert chain_hash(load_sample("alex-delivery-active")) == GENESIS


def _tamper(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE revisions SET reason = 'Nobody asked.' WHERE plan_id = ? AND position = 0", [CARL])
    conn.close()


def test_verify_finds_every_chain_intact_then_names_a_revision_changed_outside_pipdesk(
    book: PlanBook, book_path: Path
) -> None:
    assert [t.broken_at for t in book.verify_audit_trails()] == [None, None, None, None]
    book.close()
    _tamper(book_path)
    with PlanBook.open(book_path) as reopened:
        carl = next(t for t in reopened.verify_audit_trails() if t.plan_id == CARL)
        assert (carl.revisions, carl.broken_at) == (2, 0)
        assert carl.broken_revision is not None and "end_date" in carl.broken_revision
        # Saving the plan again (as the app does after any edit) is refused: the link stays broken.
        plan = reopened.get(CARL)
        plan.summary += " More context."
        with pytest.raises(PlanChangedOutsidePipdesk):
            reopened.save(CARL, plan)
        assert next(t for t in reopened.verify_audit_trails() if t.plan_id == CARL).broken_at == 0


def test_new_revisions_extend_the_chain(book: PlanBook) -> None:
    plan = book.get(CARL)
    plan.revisions.append(revision("A third change."))
    book.save(CARL, plan)
    carl = next(t for t in book.verify_audit_trails() if t.plan_id == CARL)
    assert (carl.revisions, carl.broken_at) == (3, None)


def test_pipdesk_verify_exits_1_and_names_the_broken_link(book: PlanBook, book_path: Path) -> None:
    book.close()

    def verify() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pipdesk", "verify", "--db", str(book_path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    intact = verify()
    assert intact.returncode == 0 and intact.stdout.splitlines()[-1] == "4 of 4 audit trails intact"
    _tamper(book_path)
    broken = verify()
    assert broken.returncode == 1
    assert "BROKEN  plan 3 (Carl Nguyễn, Cloud platform skills): revision 1 of 2" in broken.stdout
    assert broken.stdout.splitlines()[-1] == "3 of 4 audit trails intact"


def test_the_pdf_footer_prints_the_hash_of_the_plans_whole_content() -> None:
    plan = load_sample("carl-skills-extended")
    text = PdfReader(BytesIO(render_plan(plan, ReportOptions(reproducible=True)))).pages[0].extract_text()
    assert f"Audit trail {content_hash(plan)}" in text
