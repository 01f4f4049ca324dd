"""Schema migrations run forward, keep every plan, and a newer plan book is refused untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.driver import sqlite3
from pipdesk.store.migrations import MIGRATION_SET, STEPS, plan_book_migrations

from conftest import DATA, SAMPLE_NAMES, load_sample

PLAN_BOOK_FIXTURES = DATA / "planbooks"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_plan_book_records_every_step(book_path: Path) -> None:
    with PlanBook.open(book_path) as book:
        applied = [m.name for m in plan_book_migrations().applied(book.db)]
    assert applied == [name for name, _ in STEPS]


def test_a_later_step_migrates_an_older_plan_book_and_keeps_every_plan(tmp_path: Path) -> None:
    """The mechanism, with a test-only step on a copy of the schema-0001 fixture."""
    path = tmp_path / "v0001.pipdesk"
    shutil.copy(PLAN_BOOK_FIXTURES / "schema-0001.pipdesk", path)

    migrations = plan_book_migrations()

    @migrations(name="9999_test_add_plan_tags")
    def add_tags(db):  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE plans ADD COLUMN test_tags TEXT NOT NULL DEFAULT ''")

    with PlanBook.open(path, migrations=migrations) as book:
        assert "test_tags" in book.db["plans"].columns_dict
        assert [book.get(plan_id) for plan_id in book.plan_ids()] == [load_sample(n) for n in SAMPLE_NAMES]
        assert [m.name for m in migrations.applied(book.db)][-1] == "9999_test_add_plan_tags"


@pytest.mark.parametrize("fixture", sorted(p.name for p in PLAN_BOOK_FIXTURES.glob("schema-*.pipdesk")))
def test_every_released_schema_migrates_to_the_current_one_with_nothing_lost(tmp_path: Path, fixture: str) -> None:
    path = tmp_path / fixture
    shutil.copy(PLAN_BOOK_FIXTURES / fixture, path)
    with PlanBook.open(path) as book:
        assert [book.get(plan_id) for plan_id in book.plan_ids()] == [load_sample(n) for n in SAMPLE_NAMES]
        assert [m.name for m in plan_book_migrations().applied(book.db)] == [name for name, _ in STEPS]
        # Each plan's content gets its first save link (step 0004, of its format-1 content) and one
        # of its format-2 content (step 0006): every plan verifies.
        assert [(t.intact, t.saves) for t in book.verify_audit_trails()] == [(True, 2)] * len(SAMPLE_NAMES)


def test_a_plan_book_from_a_newer_pipdesk_is_refused_and_left_untouched(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    with sqlite3.connect(book_path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATION_SET, "9000_from_the_future", "2030-01-01 00:00:00+00:00"],
        )
    conn.close()
    before = _sha256(book_path)
    with pytest.raises(PlanBookError, match="newer version of pipdesk"):
        PlanBook.open(book_path)
    assert _sha256(book_path) == before


def test_a_failing_step_leaves_the_plan_book_at_the_previous_schema(book: PlanBook, book_path: Path) -> None:
    book.close()
    migrations = plan_book_migrations()

    @migrations(name="9999_test_broken")
    def broken(db):  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE plans ADD COLUMN half_done TEXT")
        raise RuntimeError("step failed half-way")

    with pytest.raises(RuntimeError):
        PlanBook.open(book_path, migrations=migrations)
    with PlanBook.open(book_path) as reopened:
        assert "half_done" not in reopened.db["plans"].columns_dict
        assert reopened.count() == len(SAMPLE_NAMES)
