"""Every direct edit of the plan book's SQLite file, made outside pipdesk, is found by `pipdesk verify`.

Each case edits a plain plan book holding the four samples (ids 1–4) with Python's own sqlite3,
as anyone with the file could, and expects `pipdesk verify` to exit 1.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.store import PlanBook
from pipdesk.store.plan_book import PlanChangedOutsidePipdesk

from conftest import ALEX, BETH, CARL, DMITRY

# (what the editor changes, the SQL it runs): one case a kind of data a plan holds.
DIRECT_EDITS: dict[str, list[str]] = {
    "revision date": [f"UPDATE revisions SET at = '2026-08-01T09:00:00+02:00' WHERE plan_id = {CARL} AND position = 0"],
    "revision field": [f"UPDATE revisions SET field = 'status' WHERE plan_id = {CARL} AND position = 0"],
    "revision old value": [f"UPDATE revisions SET old = '2026-07-31' WHERE plan_id = {CARL} AND position = 0"],
    "revision new value": [f"UPDATE revisions SET new = '2026-12-31' WHERE plan_id = {CARL} AND position = 1"],
    "objective title": [f"UPDATE objectives SET title = 'Something easier' WHERE plan_id = {ALEX} AND position = 0"],
    "objective target": [f"UPDATE objectives SET target = 99 WHERE plan_id = {ALEX} AND position = 0"],
    "objective baseline": [f"UPDATE objectives SET baseline = 10 WHERE plan_id = {ALEX} AND position = 0"],
    "objective metric": [f"UPDATE objectives SET metric = 'anything' WHERE plan_id = {ALEX} AND position = 0"],
    "concern text": [f"UPDATE concerns SET description = 'Worse than said.' WHERE plan_id = {ALEX} AND position = 0"],
    "evidence note": [
        "UPDATE evidence SET note = 'Invented.'"
        f" WHERE concern_id = (SELECT min(id) FROM concerns WHERE plan_id = {ALEX})"
    ],
    "support action": [f"UPDATE support_actions SET description = 'Nothing.' WHERE plan_id = {ALEX} AND position = 0"],
    "support action done": [f"UPDATE support_actions SET done = 1 - done WHERE plan_id = {ALEX} AND position = 0"],
    "manager's commitments": [f"UPDATE plans SET manager_commitments = 'None.' WHERE id = {ALEX}"],
    "milestone date": [f"UPDATE milestones SET date = '2026-10-01' WHERE plan_id = {ALEX} AND position = 0"],
    "milestone done flag": [f"UPDATE milestones SET done = 1 - done WHERE plan_id = {ALEX} AND position = 1"],
    "check-in date": [f"UPDATE checkins SET date = '2026-10-06' WHERE plan_id = {ALEX} AND position = 0"],
    "check-in notes": [f"UPDATE checkins SET notes = 'It went badly.' WHERE plan_id = {ALEX} AND position = 0"],
    "check-in private notes": [f"UPDATE checkins SET private_notes = 'Hm.' WHERE plan_id = {ALEX} AND position = 1"],
    "progress value": [
        f"UPDATE progress SET value = 1 WHERE checkin_id = (SELECT min(id) FROM checkins WHERE plan_id = {ALEX})"
    ],
    "progress rating": [
        "UPDATE progress SET rating = 'off_track'"
        f" WHERE checkin_id = (SELECT min(id) FROM checkins WHERE plan_id = {ALEX}) AND position = 0"
    ],
    "outcome decision": [f"UPDATE plans SET outcome_decision = 'unsuccessful' WHERE id = {BETH}"],
    "outcome result": [f"UPDATE outcome_results SET result = 'not_met' WHERE plan_id = {BETH} AND position = 0"],
    "plan end date": [f"UPDATE plans SET end_date = '2026-11-30' WHERE id = {ALEX}"],
    "plan status": [f"UPDATE plans SET status = 'closed' WHERE id = {ALEX}"],
    "employee name": [f"UPDATE plans SET employee_name = 'Someone Else' WHERE id = {ALEX}"],
    "acknowledgement refused": [f"UPDATE plans SET ack_refused = 1 WHERE id = {ALEX}"],
    "deleted check-in": [f"DELETE FROM checkins WHERE plan_id = {ALEX} AND position = 7"],
    "deleted objective": [f"DELETE FROM objectives WHERE plan_id = {ALEX} AND position = 2"],
    "deleted revision": [f"DELETE FROM revisions WHERE plan_id = {CARL} AND position = 1"],
    "deleted plan": [f"DELETE FROM plans WHERE id = {DMITRY}"],
}


def edit_outside_pipdesk(path: Path, statements: list[str]) -> None:
    """Run ``statements`` on the file with plain sqlite3 (foreign keys off, as the sqlite3 shell has them)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        assert conn.execute(statement).rowcount >= 1, statement
    conn.close()


def verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["verify", "--db", str(path)])
    return code, capsys.readouterr().out


def test_verify_finds_the_sample_plan_book_intact(book: PlanBook, book_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    book.close()
    code, out = verify(book_path, capsys)
    assert (code, out.splitlines()[-1]) == (0, "4 of 4 audit trails intact")


@pytest.mark.parametrize("edit", list(DIRECT_EDITS))
def test_verify_exits_1_after_a_direct_edit_of_the_file(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str], edit: str
) -> None:
    book.close()
    edit_outside_pipdesk(book_path, DIRECT_EDITS[edit])
    code, out = verify(book_path, capsys)
    assert code == 1, out


@pytest.mark.parametrize("position", [0, 1])
def test_a_revision_edited_and_its_hash_nulled_is_refused_by_the_next_save_not_laundered(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str], position: int
) -> None:
    book.close()
    edit_outside_pipdesk(
        book_path,
        [
            "UPDATE revisions SET reason = 'Nobody asked.', hash = NULL"
            f" WHERE plan_id = {CARL} AND position = {position}"
        ],
    )
    with PlanBook.open(book_path) as reopened:
        plan = reopened.get(CARL)
        plan.summary += "x"  # one character typed in the window, which saves
        with pytest.raises(PlanChangedOutsidePipdesk, match=r"Plan 3 \(Carl .*\) was changed outside pipdesk"):
            reopened.save(CARL, plan)
        assert reopened.get(CARL).summary == plan.summary[:-1]
    code, out = verify(book_path, capsys)
    assert code == 1, out
