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


def test_sqlite_utils_made_on_first_use_leaves_the_connections_settings_as_they_are(book: PlanBook) -> None:
    """sqlite-utils would turn recursive triggers on as it starts: on a connection already open, it must not."""
    book.db.execute("PRAGMA recursive_triggers = off")
    assert book.db.table_names()
    assert book.db.execute("PRAGMA recursive_triggers").fetchone()[0] == 0


def test_the_tracer_sees_each_statement_with_its_parameters(book: PlanBook) -> None:
    seen: list[tuple[str, object]] = []
    book.db._tracer = lambda sql, parameters: seen.append((sql, parameters))
    try:
        book.db.execute("SELECT title FROM plans WHERE id = ?", [2]).fetchall()
        book.db.execute("SELECT count(*) FROM plans").fetchall()
    finally:
        book.db._tracer = None
    assert seen == [("SELECT title FROM plans WHERE id = ?", [2]), ("SELECT count(*) FROM plans", None)]
