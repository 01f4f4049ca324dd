"""Schema migrations run forward, keep every plan, and a newer plan book is refused untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.planfile import parse_plan_file
from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.connection import PlanBookDamaged
from pipdesk.store.driver import sqlite3
from pipdesk.store.migrations import MIGRATION_SET, STEPS, plan_book_migrations
from pipdesk.store.plan_book import plan_facts

from conftest import ALEX, BETH, DATA, SAMPLE_NAMES, SAMPLES, load_sample

PLAN_BOOK_FIXTURES = DATA / "planbooks"


def _facts_on_row(book: PlanBook, plan_id: int) -> dict[str, str | None]:
    row = book.db.execute(
        "SELECT next_meeting, paused_since, final_review_on FROM plans WHERE id = ?", [plan_id]
    ).fetchone()
    return dict(zip(("next_meeting", "paused_since", "final_review_on"), row, strict=True))


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
        # of its format-2 content (step 0006): every plan verifies. A book of schema 0006 or later was
        # saved in format 2 from the start: one link.
        saves = 1 if fixture >= "schema-0006" else 2
        assert [(t.intact, t.saves) for t in book.verify_audit_trails()] == [(True, saves)] * len(SAMPLE_NAMES)
        # Step 0008: what the plan list and This week read of each plan is on its row (as a save writes it).
        assert [book.get(plan_id) for plan_id in book.plan_ids()] and all(
            _facts_on_row(book, plan_id) == plan_facts(book.get(plan_id)) for plan_id in book.plan_ids()
        )


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


def _schema_0005_copy(tmp_path: Path) -> Path:
    path = tmp_path / "schema-0005.pipdesk"
    shutil.copy(PLAN_BOOK_FIXTURES / "schema-0005.pipdesk", path)
    return path


def test_a_plan_changed_outside_pipdesk_before_the_upgrade_is_still_reported_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Step 0006 re-links only plans that match their last save: it never papers over an outside change."""
    path = _schema_0005_copy(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    edit = f"UPDATE checkins SET notes = 'It went badly.' WHERE plan_id = {ALEX} AND position = 0"
    assert conn.execute(edit).rowcount == 1
    conn.close()
    with PlanBook.open(path) as book:
        assert [m.name for m in plan_book_migrations().applied(book.db)][-1] == STEPS[-1][0]
        trails = {t.plan_id: t for t in book.verify_audit_trails()}
    assert trails[ALEX].problem is not None and "changed outside pipdesk" in trails[ALEX].problem
    assert trails[ALEX].saves == 1  # no save of the changed content was added
    assert [(t.intact, t.saves) for i, t in sorted(trails.items()) if i != ALEX] == [(True, 2)] * 3
    assert main(["verify", "--db", str(path)]) != 0
    assert "Alex Moreno" in capsys.readouterr().out


def test_migrated_plans_save_and_reopen_with_the_parts_of_format_2(tmp_path: Path) -> None:
    path = _schema_0005_copy(tmp_path)
    parts = parse_plan_file((SAMPLES / "v2" / "beth-communication-resumed.json").read_bytes())
    with PlanBook.open(path) as book:
        plan = book.get(BETH)
        plan.hr_review = parts.hr_review
        plan.adjustments = parts.adjustments
        plan.responses = parts.responses
        plan.reacknowledgements = parts.reacknowledgements
        plan.checkins[-1].formal = True
        plan.checkins[-1].companion_offered = True
        plan.checkins[-1].attendance = parts.checkins[-1].attendance
        assert plan.outcome is not None and parts.outcome is not None
        plan.outcome.acknowledgement = parts.outcome.acknowledgement
        book.save(BETH, plan)
        running = book.get(ALEX)
        running.pauses = parse_plan_file((SAMPLES / "v2" / "alex-delivery-paused.json").read_bytes()).pauses
        book.save(ALEX, running)
    with PlanBook.open(path) as reopened:
        assert reopened.get(BETH) == plan
        assert reopened.get(ALEX) == running
        assert [s.paused for s in reopened.summaries()] == [True, False, False, False]
        assert all(t.intact for t in reopened.verify_audit_trails())


def test_a_plan_book_with_a_damaged_plan_still_upgrades_and_opens_with_that_plan_reported(tmp_path: Path) -> None:
    # Step 0006 reads each plan to re-link it; one it cannot read must not stop the whole book opening.
    path = _schema_0005_copy(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    assert conn.execute(f"UPDATE plans SET summary = CAST(x'ff41' AS TEXT) WHERE id = {BETH}").rowcount == 1
    conn.close()
    with PlanBook.open(path) as book:
        assert [m.name for m in plan_book_migrations().applied(book.db)][-1] == STEPS[-1][0]
        assert book.get(ALEX) == load_sample("alex-delivery-active")
        with pytest.raises(PlanBookDamaged, match="holds data pipdesk cannot read"):
            book.get(BETH)


def test_step_0008_reads_each_plans_facts_as_a_save_writes_them(tmp_path: Path) -> None:
    """On every plan of a generated book (paused, resumed, ended, drafts...): the facts step 0008 reads from
    a plan's rows are those ``PlanBook`` writes with it, and what the list and This week show of them."""
    import datetime as dt

    from pipdesk.domain.model import Pause
    from pipdesk.services.samples import add_generated_plans

    today = dt.date(2026, 11, 23)
    path = tmp_path / "generated.pipdesk"
    with PlanBook.open(path) as book:
        add_generated_plans(book, 150, seed=11, today=today)
        running = [s.id for s in book.summaries() if s.status.value in ("active", "extended")]
        for plan_id, resumed in ((running[0], None), (running[1], today), (running[2], None)):
            plan = book.get(plan_id)
            plan.pauses.append(Pause(paused_on=plan.start_date, resumed_on=resumed, reason="Leave"))
            book.save(plan_id, plan)
        plan = book.get(running[2])  # paused, resumed, paused again: the pause it is in is the last
        plan.pauses[-1].resumed_on = plan.start_date + dt.timedelta(days=2)
        plan.pauses.append(Pause(paused_on=plan.start_date + dt.timedelta(days=5), reason="Leave again"))
        book.save(running[2], plan)
        written = {plan_id: _facts_on_row(book, plan_id) for plan_id in book.plan_ids()}
        listed = {s.id: (s.next_checkin, s.paused_since) for s in book.summaries()}
        due = book.due_items(today)
        # As a plan book of schema 0007 holds them: without the columns, steps 0008 and 0009 not applied.
        _undo_covering_indexes(book)
        for column in ("next_meeting", "paused_since", "final_review_on"):
            book.db.execute(f"ALTER TABLE plans DROP COLUMN {column}")
        book.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0008_plan_facts'")
    with PlanBook.open(path) as book:
        assert {plan_id: _facts_on_row(book, plan_id) for plan_id in book.plan_ids()} == written
        assert {s.id: (s.next_checkin, s.paused_since) for s in book.summaries()} == listed
        assert book.due_items(today) == due
    assert sum(1 for facts in written.values() if facts["paused_since"]) == 2
    assert sum(1 for facts in written.values() if facts["final_review_on"]) > 100
    assert sum(1 for facts in written.values() if facts["next_meeting"]) > 40
    assert written[running[2]]["paused_since"] == (plan.start_date + dt.timedelta(days=5)).isoformat()


def _undo_covering_indexes(book: PlanBook) -> None:
    """The plan book as it was before step 0009: its two indexes back, the covering ones gone."""
    for index in ("plans_list", "plans_running", "plans_closed", "milestones_open", "support_open"):
        book.db.execute(f"DROP INDEX {index}")
    book.db.execute("CREATE INDEX plans_list_order ON plans(employee_name COLLATE NOCASE, start_date, id)")
    book.db.execute("CREATE INDEX plans_status ON plans(status)")
    book.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0009_covering_indexes'")


def test_step_0009_lets_the_list_and_this_week_read_indexes_alone(tmp_path: Path) -> None:
    """What the window reads at launch comes from covering indexes (no plan row read), before and after a save;
    a plan book of schema 0008 gets them, and reads the same plans in the same order."""
    import datetime as dt

    path = tmp_path / "schema-0008.pipdesk"
    shutil.copy(PLAN_BOOK_FIXTURES / "schema-0008.pipdesk", path)
    with PlanBook.open(path) as book:
        before = ([s.id for s in book.summaries()], book.due_items(dt.date(2026, 3, 2)))
        _undo_covering_indexes(book)
    with PlanBook.open(path) as book:
        assert ([s.id for s in book.summaries()], book.due_items(dt.date(2026, 3, 2))) == before
        statements: list[str] = []  # the queries as the window sends them (its parameters in them)
        book.db.conn.set_trace_callback(statements.append)
        book.summaries(search_text=False)
        book.due_items(dt.date(2026, 3, 2))
        book.past_retention_items(3, dt.date(2026, 3, 2))
        book.db.conn.set_trace_callback(None)
        steps = dict(
            zip(
                ("list", "due", "retention"),
                (" / ".join(row[3] for row in book.db.execute(f"EXPLAIN QUERY PLAN {sql}")) for sql in statements),
                strict=True,
            )
        )
    assert "SCAN p USING COVERING INDEX plans_list" in steps["list"]
    assert steps["due"] == "SEARCH due_dates USING COVERING INDEX due_dates_shown (shown_from<?)"  # step 0010
    assert "SEARCH p USING COVERING INDEX plans_closed (status=? AND <expr><?)" in steps["retention"]
    assert not any("SCAN p " in step and "COVERING" not in step for step in steps.values()), steps


def test_step_0010_writes_the_due_dates_a_save_writes_and_this_week_reads_them_alone(tmp_path: Path) -> None:
    """On every plan of a generated book (paused, resumed, unacknowledged, support with no date, an early final
    review): the due dates step 0010 reads from the plans' rows are those every save writes, This week shows the
    same before and after the step, and a plan deleted takes its due dates with it."""
    import datetime as dt

    from pipdesk.domain.model import MilestoneKind, Pause, SupportAction
    from pipdesk.services.samples import add_generated_plans

    today = dt.date(2026, 11, 23)
    path = tmp_path / "generated.pipdesk"
    with PlanBook.open(path) as book:
        add_generated_plans(book, 150, seed=5, today=today)
        running = [s.id for s in book.summaries() if s.status.value in ("active", "extended")]
        for plan_id, resumed in ((running[0], None), (running[1], today)):
            plan = book.get(plan_id)
            plan.pauses.append(Pause(paused_on=plan.start_date, resumed_on=resumed, reason="Leave"))
            book.save(plan_id, plan)
        plan = book.get(running[2])
        plan.issued_on, plan.acknowledgement, plan.checkins = plan.start_date, None, []
        plan.support.append(SupportAction(description="A mentor"))
        final = next(m for m in plan.milestones if m.kind is MilestoneKind.FINAL)
        final.date = plan.end_date - dt.timedelta(days=3)
        book.save(running[2], plan)
        written = _due_dates(book)
        weeks = [today + dt.timedelta(days=days) for days in range(-70, 90, 3)]
        shown = [book.due_items(day) for day in weeks]
        book.db.execute("DROP TABLE due_dates")  # as a plan book of schema 0009 is
        book.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_due_dates'")
        # A date SQLite cannot count a week from, as only a book of before the limits on dates can hold.
        late = running[3]
        book.db.execute("UPDATE plans SET final_review_on = '9999-12-31' WHERE id = ?", [late])  # its day after: none
    with PlanBook.open(path) as book:
        assert {k: v for k, v in _due_dates(book).items() if k != late} == {
            k: v for k, v in written.items() if k != late
        }
        assert [
            [item for item in items if item.plan_id != late] for items in (book.due_items(day) for day in weeks)
        ] == [[item for item in items if item.plan_id != late] for items in shown]
        assert any(row[1] is None and row[3] == "9999-12-31" for row in _due_dates(book)[late])
        book.delete(running[0])
        assert not book.db.execute("SELECT 1 FROM due_dates WHERE plan_id = ?", [running[0]]).fetchall()
    kinds = {row[4] for rows in written.values() for row in rows}
    assert {"paused", "acknowledgement_missing", "milestone", "ending_soon", "outcome_missing"} <= kinds
    assert {"support", "support_undated"} <= kinds
    assert sum(len(items) for items in shown) > 500


def _due_dates(book: PlanBook) -> dict[int, list[tuple[object, ...]]]:
    rows: dict[int, list[tuple[object, ...]]] = {}
    for row in book.db.execute("SELECT * FROM due_dates ORDER BY plan_id, kind, position, day, what"):
        rows.setdefault(row[0], []).append(tuple(row))
    return rows
