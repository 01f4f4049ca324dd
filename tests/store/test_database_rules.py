"""The store's connection: beyond execute, query, atomic and close, it is sqlite-utils' own, on the same connection."""

from __future__ import annotations

from pipdesk.store import PlanBook


def test_the_table_api_of_sqlite_utils_reads_the_same_plan_book(book: PlanBook) -> None:
    """``table_names`` and ``book.db[...]`` are sqlite-utils', made on the plan book's own connection."""
    names = book.db.table_names()
    assert {"plans", "objectives", "checkins"} <= set(names)
    assert book.db["plans"].count == book.db.execute("SELECT count(*) FROM plans").fetchone()[0] == 4
    assert book.db.conn is book.db.full().conn


def test_query_gives_each_row_as_a_dict_of_its_columns_in_order(book: PlanBook) -> None:
    rows = list(book.db.query("SELECT id, status AS state FROM plans WHERE id <= ? ORDER BY id", [2]))
    assert rows == [{"id": 1, "state": "active"}, {"id": 2, "state": "closed"}]
    assert [list(row) for row in rows] == [["id", "state"], ["id", "state"]]
