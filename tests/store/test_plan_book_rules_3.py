"""How `PlanBook.open` passes the caller's choices on (whether a missing book is made, the schema steps), and
the chain of saves as the file holds it: one row a save, numbered one after another from 0, as the upgrade
steps number the rows they add (test_migrations_rules.py).

The rows are read with a plain SQLite connection on the real file, as anyone with the file could.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.migrations import plan_book_migrations

from conftest import SAMPLE_NAMES, load_sample, read_outside_pipdesk


def test_a_plan_book_opens_with_the_schema_steps_given_and_a_missing_one_is_made_only_when_asked(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "missing.pipdesk"
    with pytest.raises(PlanBookError) as refused:
        PlanBook.open(missing, create=False)
    assert str(refused.value) == f"{missing}: there is no plan book at this path"
    assert sorted(tmp_path.iterdir()) == []

    migrations = plan_book_migrations()

    @migrations(name="9999_test_add_plan_tags")
    def add_tags(db):  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE plans ADD COLUMN test_tags TEXT NOT NULL DEFAULT ''")

    made = tmp_path / "made.pipdesk"
    PlanBook.open(made, migrations=migrations).close()
    assert read_outside_pipdesk(made, "SELECT type FROM pragma_table_info('plans') WHERE name = 'test_tags'") == "TEXT"


def _saves(path: Path) -> str:
    """Each row of the chain of saves, in its order: ``position:plan``, separated by spaces."""
    return str(
        read_outside_pipdesk(
            path,
            "SELECT group_concat(save, ' ') FROM"
            " (SELECT position || ':' || plan_id AS save FROM audit_links ORDER BY position)",
        )
    )


def test_the_saves_of_a_new_plan_book_are_numbered_one_after_another_from_0(book_path: Path) -> None:
    """Adding, saving (a save that changes nothing adds no row) and deleting each add the next number."""
    with PlanBook.open(book_path) as book:
        first = book.add(load_sample(SAMPLE_NAMES[0]))
        second = book.add(load_sample(SAMPLE_NAMES[1]))
        assert _saves(book_path) == f"0:{first} 1:{second}"
        plan = book.get(first)
        plan.summary += " Reviewed."
        book.save(first, plan)
        book.save(first, plan)
        book.delete(second)
        assert _saves(book_path) == f"0:{first} 1:{second} 2:{first} 3:{second}"
        assert [trail.problem for trail in book.verify_audit_trails()] == [None]
