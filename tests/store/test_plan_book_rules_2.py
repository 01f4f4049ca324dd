"""The plan book's audit trail: a save refuses a plan changed outside pipdesk (and says so in the manager's
words), a plan saved again by the connection that saved it is not read back first, and what `pipdesk verify`
says of a broken revision, a plan with no record of saves, one deleted outside pipdesk or by pipdesk and its
record changed after, and attached files gone.

Every change "outside pipdesk" is made with a plain SQLite connection on the real file, as anyone with
the file could.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipdesk.domain import Plan, audit
from pipdesk.store import PlanBook
from pipdesk.store.plan_book import PlanChangedOutsidePipdesk
from pipdesk.store.verification import AuditTrail

from conftest import ALEX, BETH, CARL, DMITRY, edit_outside_pipdesk, read_outside_pipdesk, stored_attachment


def _last_saved_on(path: Path, plan_id: int) -> str:
    """The day of the plan's last save, as its record of saves holds it."""
    at = str(
        read_outside_pipdesk(
            path, f"SELECT at FROM audit_links WHERE plan_id = {plan_id} ORDER BY position DESC LIMIT 1"
        )
    )
    assert len(at) > 10 and at[10] == "T", at
    return at[:10]


def _trail(book: PlanBook, plan_id: int) -> AuditTrail:
    [trail] = [t for t in book.verify_audit_trails() if t.plan_id == plan_id]
    return trail


def _save_alex(book: PlanBook) -> None:
    plan = book.get(ALEX)
    plan.summary += " Reviewed."
    book.save(ALEX, plan)


# Saving over a plan


def test_a_plan_saved_again_by_the_connection_that_saved_it_is_not_read_back_first(
    book: PlanBook, book_path: Path
) -> None:
    """The check that nothing changed it outside pipdesk reads the plan back only when it may have: at the
    first save of an opening, or after another connection wrote the file (even leaving the plan as it was)."""
    book.close()
    statements: list[str] = []

    def saves(book: PlanBook, plan: Plan) -> list[str]:
        statements.clear()
        plan.summary += " Reviewed."
        book.save(ALEX, plan)
        return [s for s in statements if s.startswith("SELECT * FROM plans")]

    with PlanBook.open(book_path) as again:
        plan = again.get(ALEX)
        again.db._tracer = lambda sql, _params: statements.append(" ".join(str(sql).split()))
        read_back = ["SELECT * FROM plans WHERE id = ?"]
        assert saves(again, plan) == read_back  # the first save of the opening
        assert saves(again, plan) == []
        edit_outside_pipdesk(book_path, f"UPDATE plans SET updated_at = updated_at WHERE id = {ALEX}")
        assert saves(again, plan) == read_back  # another connection wrote the file since
        # The trace names each statement, those writing many rows at once too (the check-ins' progress).
        assert (
            statements.count(
                'INSERT INTO progress ("checkin_id", "position", "objective", "value", "rating", '
                '"comment") VALUES (?, ?, ?, ?, ?, ?)'
            )
            == len(plan.checkins)
            > 0
        )


def test_a_save_over_a_revision_whose_stored_hash_was_changed_is_refused_saying_when_it_was_last_saved(
    book: PlanBook, book_path: Path
) -> None:
    """Only the hash of a revision changed (the plan's content is as saved): the revisions' chain is
    checked too, and the refusal names the day of the last save."""
    book.close()
    edit_outside_pipdesk(book_path, f"UPDATE revisions SET hash = '{'f' * 64}' WHERE plan_id = {CARL} AND position = 1")
    day = _last_saved_on(book_path, CARL)
    with PlanBook.open(book_path) as again:
        plan = again.get(CARL)
        employee = plan.employee.name if plan.employee else ""
        plan.summary += "x"
        with pytest.raises(PlanChangedOutsidePipdesk) as refused:
            again.save(CARL, plan)
        assert again.get(CARL).summary == plan.summary[:-1]
    assert str(refused.value) == (
        f"Plan {CARL} ({employee}) was changed outside pipdesk since it was last saved on {day}, "
        "so your change was not saved. Run `pipdesk verify` to see what no longer matches, "
        "and restore a backup from before the change."
    )


def test_a_plan_with_no_record_of_saves_is_not_saved_over_and_verify_says_it_was_added_outside_pipdesk(
    book: PlanBook, book_path: Path
) -> None:
    """Its record of saves removed (the last in the chain, so no other plan's breaks): the refusal has no
    day to name, and verify counts 0 saves."""
    book.close()
    edit_outside_pipdesk(book_path, f"DELETE FROM audit_links WHERE plan_id = {DMITRY}")
    with PlanBook.open(book_path) as again:
        plan = again.get(DMITRY)
        employee = plan.employee.name if plan.employee else ""
        plan.summary += "x"
        with pytest.raises(PlanChangedOutsidePipdesk) as refused:
            again.save(DMITRY, plan)
        trail = _trail(again, DMITRY)
        assert _trail(again, ALEX).intact
    assert str(refused.value) == (
        f"Plan {DMITRY} ({employee}) was changed outside pipdesk since it was last saved, "
        "so your change was not saved. Run `pipdesk verify` to see what no longer matches, "
        "and restore a backup from before the change."
    )
    assert (trail.saves, trail.problem) == (0, "pipdesk has no record of saving it; it was added outside pipdesk")


# What verify says


def test_verify_names_the_first_revision_that_no_longer_matches_by_its_time_and_field(
    book: PlanBook, book_path: Path
) -> None:
    book.close()
    at = str(read_outside_pipdesk(book_path, f"SELECT at FROM revisions WHERE plan_id = {CARL} AND position = 1"))
    field = str(read_outside_pipdesk(book_path, f"SELECT field FROM revisions WHERE plan_id = {CARL} AND position = 1"))
    edit_outside_pipdesk(
        book_path, f"UPDATE revisions SET reason = 'Nobody asked.' WHERE plan_id = {CARL} AND position = 1"
    )
    with PlanBook.open(book_path) as again:
        trail = _trail(again, CARL)
    assert (trail.broken_at, trail.broken_revision) == (1, f"{at} {field}")
    assert field and at.startswith("20")


def test_a_revision_that_no_longer_reads_is_hashed_over_what_its_row_holds(book: PlanBook, book_path: Path) -> None:
    """A revision row pipdesk could not have written (its time is not a time) matches no hash made for a
    stand-in: the chain breaks at that row, not at the one after it."""
    book.close()
    placeholder = audit.link_hash(audit.GENESIS, repr(None))
    edit_outside_pipdesk(
        book_path,
        f"UPDATE revisions SET at = 'not a time', hash = '{placeholder}' WHERE plan_id = {CARL} AND position = 0",
    )
    field = str(read_outside_pipdesk(book_path, f"SELECT field FROM revisions WHERE plan_id = {CARL} AND position = 0"))
    with PlanBook.open(book_path) as again:
        trail = _trail(again, CARL)
    assert (trail.broken_at, trail.broken_revision) == (0, f"not a time {field}")


def test_verify_lists_a_plan_deleted_outside_pipdesk_with_its_saves_and_the_day_of_the_last(
    book: PlanBook, book_path: Path
) -> None:
    _save_alex(book)
    book.close()
    day = _last_saved_on(book_path, ALEX)
    edit_outside_pipdesk(book_path, f"DELETE FROM plans WHERE id = {ALEX}")
    with PlanBook.open(book_path) as again:
        trail = _trail(again, ALEX)
    assert trail == AuditTrail(
        plan_id=ALEX,
        title="",
        employee="",
        revisions=0,
        saves=2,
        problem=(
            f"it is missing from the plan book, but pipdesk never deleted it (last saved on {day}); "
            "it was deleted outside pipdesk"
        ),
    )


def test_verify_lists_a_plan_pipdesk_deleted_whose_record_of_saves_was_changed_after(
    book: PlanBook, book_path: Path
) -> None:
    book.delete(DMITRY)
    book.close()
    edit_outside_pipdesk(
        book_path,
        f"UPDATE audit_links SET at = '2026-01-01T00:00:00+00:00'"
        f" WHERE position = (SELECT max(position) FROM audit_links) AND plan_id = {DMITRY}",
    )
    with PlanBook.open(book_path) as again:
        trail = _trail(again, DMITRY)
    assert trail == AuditTrail(
        plan_id=DMITRY,
        title="",
        employee="",
        revisions=0,
        saves=0,
        problem="its record of saves was changed outside pipdesk after pipdesk deleted it",
    )


def test_verify_names_every_attached_file_gone_in_one_sentence(book: PlanBook, book_path: Path) -> None:
    plan = book.get(ALEX)
    plan.attachments = [
        stored_attachment(book, b"signed plan", "signed plan.pdf"),
        stored_attachment(book, b"ticket export", "tickets.pdf"),
    ]
    book.save(ALEX, plan)
    book.close()
    edit_outside_pipdesk(book_path, "DELETE FROM attachment_contents")
    with PlanBook.open(book_path) as again:
        trail = _trail(again, ALEX)
    assert trail.problem == (
        "the file of its attachment “signed plan.pdf” (the plan) is missing; it was removed outside pipdesk"
        "; and the file of its attachment “tickets.pdf” (the plan) is missing; it was removed outside pipdesk"
    )


def test_verify_says_what_no_longer_matches_in_a_plans_record_of_saves_with_its_day(
    book: PlanBook, book_path: Path
) -> None:
    """A plan changed since its last save, a save whose time was changed, a plan that no longer reads."""
    book.close()
    day = _last_saved_on(book_path, ALEX)
    edit_outside_pipdesk(
        book_path,
        f"UPDATE objectives SET title = 'Something easier' WHERE plan_id = {ALEX} AND position = 0",
        f"UPDATE audit_links SET at = '2026-01-02T03:04:05+00:00' WHERE plan_id = {BETH}",
        f"UPDATE plans SET status = 'finished' WHERE id = {CARL}",
    )
    with PlanBook.open(book_path) as again:
        problems = {trail.plan_id: trail.problem for trail in again.verify_audit_trails()}
    assert problems == {
        ALEX: f"it no longer matches what pipdesk saved on {day}; it was changed outside pipdesk since",
        BETH: "its record of saves (the save on 2026-01-02) was changed outside pipdesk",
        CARL: "it cannot be read as a plan any more; it was changed outside pipdesk, or the file is damaged",
        DMITRY: None,
    }
