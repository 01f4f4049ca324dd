"""The chain of saves links each plan's whole content to the save before; no save links over an outside change."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader
from test_property_roundtrip import changed_plans

from pipdesk.cli import main
from pipdesk.domain import Person, Plan, PlanInvalid
from pipdesk.domain.audit import GENESIS, SavedLink, content_hash, plan_content, read_saves, save_link
from pipdesk.planfile import dump_plan_file
from pipdesk.reports import ReportOptions, render_plan
from pipdesk.store import PlanBook
from pipdesk.store.plan_book import PlanChangedOutsidePipdesk

from conftest import ALEX, SAMPLE_NAMES, load_sample

AT = "2026-11-23T09:00:00+00:00"
BAD_NOTES = f"UPDATE checkins SET notes = 'It went badly.' WHERE plan_id = {ALEX} AND position = 0"


def minimal_plan() -> Plan:
    return Plan(
        title="Punctuality",
        employee=Person(name="Ann"),
        manager=Person(name="Bo"),
        start_date=dt.date(2026, 1, 5),
        end_date=dt.date(2026, 3, 2),
    )


# Known answers: the hashes below were computed with `sha256sum`, not with pipdesk.


def test_the_content_hash_of_a_small_plan_is_the_sha256_of_its_compact_plan_file() -> None:
    # pipdesk export-json … > ann.json; jq -j -c . ann.json | sha256sum
    # Format 2: export writes version 2 with its (empty) new parts, so the hash is that file's.
    assert content_hash(minimal_plan()) == "e2e424d4022f6e589325bebf9f11f7c7f2f624c8456116ad6ff6ac625a78fc36"


def test_the_version_1_content_hash_is_the_one_pipdesk_computed_before_format_2() -> None:
    # The hash of the version-1 file an older pipdesk exported (the plan book's upgrade checks it).
    assert content_hash(minimal_plan(), 1) == "c96ebf563dd2880014b3dd69f6c63e62fd5cfef12240647769c205ea9157845b"


def test_a_save_link_is_the_sha256_of_the_link_before_and_the_save() -> None:
    # printf '%s\n%s' 000…000 '[1,"2026-11-23T09:00:00+00:00","ba78…15ad"]' | sha256sum
    abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # sha256 of "abc"
    assert save_link(GENESIS, 1, AT, abc) == "077cc80233428047c38b4a1ac8295b79f0c031ed90bd8c2e748b249fcd377e49"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_content_is_the_plan_file_pipdesk_exports_written_compactly(name: str) -> None:
    plan = load_sample(name)
    exported = json.loads(dump_plan_file(plan))
    assert plan_content(plan) == json.dumps(exported, ensure_ascii=False, separators=(",", ":"))


def test_any_change_to_the_plan_changes_its_content_hash() -> None:
    plan = load_sample("alex-delivery-active")
    changed = plan.model_copy(deep=True)
    changed.checkins[3].private_notes += " "
    assert content_hash(changed) != content_hash(plan)


def test_read_saves_names_the_save_changed_and_the_one_after_a_recomputed_link() -> None:
    links, previous = [], GENESIS
    for position, plan_id in enumerate([1, 2, 1]):
        previous = save_link(previous, plan_id, AT, str(position))
        links.append(SavedLink(position, plan_id, AT, str(position), previous))
    assert read_saves(links).broken == {}
    edited = [links[0], SavedLink(1, 2, AT, "edited", links[1].link), links[2]]
    assert list(read_saves(edited).broken) == [2]
    relinked = [links[0], SavedLink(1, 2, AT, "edited", save_link(links[0].link or "", 2, AT, "edited")), links[2]]
    assert list(read_saves(relinked).broken) == [1]


# The plan book


def edit_outside_pipdesk(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    assert conn.execute(statement).rowcount == 1
    conn.close()


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def verify(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["verify", "--db", str(path), *extra])
    return code, capsys.readouterr().out.splitlines()


def printed_hash(plan: Plan) -> str:
    text = PdfReader(BytesIO(render_plan(plan, ReportOptions(reproducible=True)))).pages[0].extract_text()
    found = re.search(r"Audit trail ([0-9a-f]{64})", text)
    assert found is not None
    return found[1]


def test_a_save_after_an_outside_edit_is_refused_and_nothing_is_written(book: PlanBook, book_path: Path) -> None:
    book.close()
    edit_outside_pipdesk(
        book_path, f"UPDATE checkins SET notes = 'It went badly.' WHERE plan_id = {ALEX} AND position = 0"
    )
    before = rows(book_path, "SELECT * FROM plans"), rows(book_path, "SELECT * FROM audit_links")
    with PlanBook.open(book_path) as reopened:
        plan = reopened.get(ALEX)
        plan.summary += " One more line."
        with pytest.raises(PlanChangedOutsidePipdesk) as refused:
            reopened.save(ALEX, plan)
        assert str(refused.value).startswith("Plan 1 (Alex Moreno) was changed outside pipdesk since it was last saved")
        assert "your change was not saved" in str(refused.value)
    assert (rows(book_path, "SELECT * FROM plans"), rows(book_path, "SELECT * FROM audit_links")) == before


def test_an_outside_edit_while_the_plan_book_is_open_is_refused_by_the_next_save(
    book: PlanBook, book_path: Path
) -> None:
    plan = book.get(ALEX)
    plan.summary += " Saved here first."
    book.save(ALEX, plan)  # this connection now knows what it saved
    edit_outside_pipdesk(book_path, BAD_NOTES)
    plan.summary += " Then again."
    with pytest.raises(PlanChangedOutsidePipdesk):
        book.save(ALEX, plan)
    assert book.get(ALEX).checkins[0].notes == "It went badly."


def test_edits_undo_new_and_deleted_plans_all_keep_verifying(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = book.get(ALEX)
    edited = original.model_copy(deep=True)
    edited.checkins[0].notes += " Follow-up agreed."
    book.save(ALEX, edited)
    book.save(ALEX, original)  # undo, as the window's undo stack does it
    book.save(ALEX, original)  # nothing changed: no new link
    new_id = book.add(load_sample("carl-skills-extended"))
    book.delete(2)
    assert {t.plan_id: (t.intact, t.saves) for t in book.verify_audit_trails()} == {
        1: (True, 3),
        3: (True, 1),
        4: (True, 1),
        new_id: (True, 1),
    }
    book.close()
    code, out = verify(book_path, capsys)
    assert code == 0 and out[-1] == "4 of 4 audit trails intact"
    assert out[0] == "ok      plan 1 (Alex Moreno, Delivery predictability): 0 revisions, 3 saves, chain intact"


def test_a_plan_deleted_outside_pipdesk_is_named_by_verify(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    edit_outside_pipdesk(book_path, "DELETE FROM plans WHERE id = 4")
    code, out = verify(book_path, capsys)
    assert code == 1 and out[-1] == "3 of 4 audit trails intact"
    assert out[3].startswith("BROKEN  plan 4: it is missing from the plan book, but pipdesk never deleted it")


def test_a_plan_added_outside_pipdesk_is_named_by_verify(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    edit_outside_pipdesk(
        book_path,
        "INSERT INTO plans (title, status, employee_name, manager_name, start_date, end_date, created_at, updated_at)"
        " VALUES ('Backdated', 'closed', 'Eve', 'Bo', '2025-01-01', '2025-03-01', '2025-01-01', '2025-01-01')",
    )
    code, out = verify(book_path, capsys)
    assert code == 1
    assert out[4] == "BROKEN  plan 5 (Eve, Backdated): pipdesk has no record of saving it; it was added outside pipdesk"


def test_verify_finds_the_save_a_pdf_was_printed_from(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = printed_hash(book.get(ALEX))
    plan = book.get(ALEX)
    plan.summary += " More."
    book.save(ALEX, plan)
    book.close()
    code, out = verify(book_path, capsys, "--printed", printed)
    assert code == 0
    assert re.fullmatch(rf"printed {printed}: plan 1 as saved on \d{{4}}-\d\d-\d\d; 1 later save", out[-1])


def recompute_every_link(path: Path) -> None:
    """What a determined editor of the raw file does: rewrite the whole chain of saves with pipdesk's own code."""
    with PlanBook.open(path) as book, book.db.atomic():
        book.db.execute("DELETE FROM audit_links")
        for plan_id in book.plan_ids():
            book._append_link(plan_id, "2026-01-05T09:00:00+00:00", content_hash(book.get(plan_id)))


def test_an_editor_who_recomputes_the_whole_chain_verifies_clean_but_an_earlier_pdf_exposes_it(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The one edit verify cannot see (docs/security.md): the printed hash of an earlier PDF shows it."""
    printed = printed_hash(book.get(ALEX))
    book.close()
    edit_outside_pipdesk(
        book_path, f"UPDATE checkins SET notes = 'It went badly.' WHERE plan_id = {ALEX} AND position = 0"
    )
    recompute_every_link(book_path)
    code, out = verify(book_path, capsys)
    assert (code, out[-1]) == (0, "4 of 4 audit trails intact")
    code, out = verify(book_path, capsys, "--printed", printed)
    assert code == 1
    assert out[-1].startswith(f"NOT FOUND  printed {printed}: no save in this plan book had that content")
    with PlanBook.open(book_path) as book:
        assert printed_hash(book.get(ALEX)) != printed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changed=changed_plans())
def test_a_plan_read_back_has_the_content_hash_it_was_saved_with(tmp_path: Path, changed) -> None:  # type: ignore[no-untyped-def]
    try:
        plan = Plan.model_validate(changed[3])
    except ValueError:
        return
    with PlanBook.open(tmp_path / "hash.pipdesk") as book:
        try:
            plan_id = book.add(plan)
        except PlanInvalid:
            return
        assert content_hash(book.get(plan_id)) == content_hash(plan)
        book.delete(plan_id)
