"""What the schema steps leave in an upgraded plan book: the names of its tables, columns and triggers
as the plan book's reader (``store/rows.py``, which keys each row by its declared column names) expects
them, and the save links the steps add: numbered one after another, stamped in UTC, one for every plan
that can be read."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipdesk.store import PlanBook
from pipdesk.store.driver import sqlite3

from conftest import BETH, DATA, SAMPLE_NAMES

PLAN_BOOK_FIXTURES = DATA / "planbooks"

#: The tables step 0006 adds, each with its columns (name, declared type) as the reader expects them.
_PLAN_ID = [("id", "INTEGER"), ("plan_id", "INTEGER"), ("position", "INTEGER")]
_ACK = [
    ("on", "TEXT"),
    ("refused", "INTEGER"),
    ("witness", "TEXT"),
    ("employee_comment", "TEXT"),
    ("recorded_at", "TEXT"),
]
FORMAT_2_TABLES = {
    "attendance": [
        ("id", "INTEGER"),
        ("checkin_id", "INTEGER"),
        ("position", "INTEGER"),
        ("name", "TEXT"),
        ("role", "TEXT"),
    ],
    "adjustments": [
        *_PLAN_ID,
        ("requested", "TEXT"),
        ("requested_by", "TEXT"),
        ("requested_on", "TEXT"),
        ("decision", "TEXT"),
        ("offered", "TEXT"),
        ("reason", "TEXT"),
        ("decided_on", "TEXT"),
        ("in_place_on", "TEXT"),
        ("review_on", "TEXT"),
    ],
    "pauses": [*_PLAN_ID, ("paused_on", "TEXT"), ("resumed_on", "TEXT"), ("reason", "TEXT")],
    "employee_responses": [*_PLAN_ID, ("to", "TEXT"), ("on", "TEXT"), ("text", "TEXT")],
    "reacknowledgements": _PLAN_ID + _ACK,
    "hr_reviews": [
        *_PLAN_ID,
        ("sent_on", "TEXT"),
        ("reviewed_by", "TEXT"),
        ("reviewed_on", "TEXT"),
        ("comments", "TEXT"),
    ],
    "attachments": [
        *_PLAN_ID,
        ("owner", "TEXT"),
        ("owner_position", "INTEGER"),
        ("name", "TEXT"),
        ("media_type", "TEXT"),
        ("size", "INTEGER"),
        ("sha256", "TEXT"),
        ("added_on", "TEXT"),
        ("evidence_for", "TEXT"),
        ("description", "TEXT"),
        ("shareable", "INTEGER"),
    ],
    "appeals": [
        *_PLAN_ID,
        ("lodged_on", "TEXT"),
        ("grounds", "TEXT"),
        ("heard_by", "TEXT"),
        ("heard_on", "TEXT"),
        ("result", "TEXT"),
        ("comments", "TEXT"),
    ],
    "attachment_contents": [("sha256", "TEXT"), ("content", "BLOB")],
}


def _copy(tmp_path: Path, fixture: str) -> Path:
    path = tmp_path / fixture
    shutil.copy(PLAN_BOOK_FIXTURES / fixture, path)
    return path


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    # Declared types compared without regard to case (SQLite reads them so);
    # names exactly, as rows.py keys each row by them.
    return [(row[1], row[2].upper()) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def test_an_upgraded_plan_book_names_its_tables_columns_indexes_and_triggers_as_the_reader_expects(
    tmp_path: Path,
) -> None:
    path = _copy(tmp_path, "schema-0004.pipdesk")  # before steps 0005 (the triggers) and 0006
    PlanBook.open(path).close()
    conn = sqlite3.connect(path)
    try:
        names = {(kind, name) for kind, name in conn.execute("SELECT type, name FROM sqlite_master")}
        assert {("table", table) for table in FORMAT_2_TABLES} <= names
        for table, columns in FORMAT_2_TABLES.items():
            assert _columns(conn, table) == columns, table
        indexes = [
            "attendance_checkin",
            *(f"{table}_plan" for table in FORMAT_2_TABLES if table not in {"attendance", "attachment_contents"}),
            "attachments_sha256",
        ]
        assert {("index", index) for index in indexes} <= names
        added = [(c, t) for c, t in _columns(conn, "plans") if c == "ack_recorded_at" or c.startswith("outcome_ack_")]
        assert added == [("ack_recorded_at", "TEXT")] + [(f"outcome_ack_{field}", kind) for field, kind in _ACK]
        assert ("formal", "INTEGER") in _columns(conn, "checkins")
        assert ("companion_offered", "INTEGER") in _columns(conn, "checkins")
        triggers = sorted(name for kind, name in names if kind == "trigger")
        assert triggers == ["book_identity_plan_added", "book_identity_plan_deleted", "book_identity_plan_saved"]
    finally:
        conn.close()


def test_the_save_links_the_steps_add_are_numbered_one_after_another_and_stamped_in_utc(tmp_path: Path) -> None:
    """Steps 0004 and 0006 each add a link for every plan of a schema-0003 book, after the last one."""
    path = _copy(tmp_path, "schema-0003.pipdesk")
    PlanBook.open(path).close()
    conn = sqlite3.connect(path)
    try:
        links = conn.execute("SELECT position, at FROM audit_links ORDER BY position").fetchall()
    finally:
        conn.close()
    assert [position for position, _at in links] == list(range(2 * len(SAMPLE_NAMES)))
    assert all(at.endswith("+00:00") for _position, at in links), links


def test_a_plan_that_cannot_be_read_does_not_stop_step_0006_linking_the_plans_after_it(tmp_path: Path) -> None:
    path = _copy(tmp_path, "schema-0005.pipdesk")
    conn = sqlite3.connect(path, isolation_level=None)
    assert conn.execute(f"UPDATE plans SET summary = CAST(x'ff41' AS TEXT) WHERE id = {BETH}").rowcount == 1
    later = [row[0] for row in conn.execute(f"SELECT id FROM plans WHERE id > {BETH} ORDER BY id")]
    conn.close()
    assert later  # the fixture holds plans after the damaged one
    PlanBook.open(path).close()
    conn = sqlite3.connect(path)
    try:
        saves = dict(conn.execute("SELECT plan_id, count(*) FROM audit_links GROUP BY plan_id").fetchall())
    finally:
        conn.close()
    assert saves[BETH] == 1
    assert [saves[plan_id] for plan_id in later] == [2] * len(later)
