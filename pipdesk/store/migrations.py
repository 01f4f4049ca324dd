"""Forward migrations of the plan book schema (sqlite-utils ``Migrations``), oldest first.

A released step is never edited: a schema change is a new step, and a fixture plan book of the
previous schema under ``tests/data/planbooks/`` proves the step keeps every plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "pipdesk"
#: The table where sqlite-utils' ``Migrations`` notes each step applied.
MIGRATIONS_TABLE = "_sqlite_migrations"

_PERSON = ("name", "job_title", "department", "email")


def _person_columns(prefix: str) -> str:
    return ", ".join(f"{prefix}_{field} TEXT" for field in _PERSON)


def _run_each(db: Database, script: str) -> None:
    # executescript() would commit the migration's transaction; run statement by statement instead.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _initial_schema(db: Database) -> None:
    _run_each(
        db,
        f"""
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            {_person_columns("employee")},
            {_person_columns("manager")},
            {_person_columns("hr_partner")},
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            checkin_every_days INTEGER,
            issued_on TEXT,
            ack_on TEXT,
            ack_refused INTEGER,
            ack_witness TEXT,
            ack_employee_comment TEXT,
            summary TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL DEFAULT '',
            manager_commitments TEXT NOT NULL DEFAULT '',
            employee_commitments TEXT NOT NULL DEFAULT '',
            consequences TEXT NOT NULL DEFAULT '',
            has_outcome INTEGER NOT NULL DEFAULT 0,
            outcome_decision TEXT,
            outcome_decided_on TEXT,
            outcome_follow_up TEXT,
            outcome_summary TEXT,
            outcome_monitoring TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX plans_status ON plans(status);
        CREATE INDEX plans_employee ON plans(employee_name COLLATE NOCASE);

        CREATE TABLE prior_discussions (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            date TEXT NOT NULL,
            note TEXT NOT NULL
        );
        CREATE INDEX prior_discussions_plan ON prior_discussions(plan_id, position);

        CREATE TABLE concerns (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            area TEXT NOT NULL,
            category TEXT,
            description TEXT NOT NULL
        );
        CREATE INDEX concerns_plan ON concerns(plan_id, position);

        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            concern_id INTEGER NOT NULL REFERENCES concerns(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            date TEXT NOT NULL,
            note TEXT NOT NULL
        );
        CREATE INDEX evidence_concern ON evidence(concern_id, position);

        CREATE TABLE objectives (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            category TEXT,
            concern TEXT,
            description TEXT NOT NULL,
            metric TEXT NOT NULL,
            unit TEXT NOT NULL,
            baseline REAL,
            target REAL,
            due_date TEXT
        );
        CREATE INDEX objectives_plan ON objectives(plan_id, position);

        CREATE TABLE support_actions (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT,
            description TEXT NOT NULL,
            owner TEXT NOT NULL,
            due_date TEXT,
            done INTEGER NOT NULL
        );
        CREATE INDEX support_actions_plan ON support_actions(plan_id, position);

        CREATE TABLE milestones (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            done INTEGER NOT NULL
        );
        CREATE INDEX milestones_plan ON milestones(plan_id, position);
        CREATE INDEX milestones_due ON milestones(plan_id, done, date);

        CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            date TEXT NOT NULL,
            kind TEXT NOT NULL,
            attendees TEXT NOT NULL,
            notes TEXT NOT NULL,
            employee_comments TEXT NOT NULL,
            wins TEXT NOT NULL,
            concerns TEXT NOT NULL,
            next_steps TEXT NOT NULL,
            private_notes TEXT NOT NULL
        );
        CREATE INDEX checkins_plan ON checkins(plan_id, position);

        CREATE TABLE progress (
            id INTEGER PRIMARY KEY,
            checkin_id INTEGER NOT NULL REFERENCES checkins(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            objective TEXT NOT NULL,
            value REAL,
            rating TEXT,
            comment TEXT NOT NULL
        );
        CREATE INDEX progress_checkin ON progress(checkin_id, position);

        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            at TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT,
            reason TEXT NOT NULL
        );
        CREATE INDEX revisions_plan ON revisions(plan_id, position);

        CREATE TABLE outcome_results (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            objective TEXT NOT NULL,
            result TEXT,
            comment TEXT NOT NULL
        );
        CREATE INDEX outcome_results_plan ON outcome_results(plan_id, position);
        """,
    )


def _list_and_schedule_indexes(db: Database) -> None:
    """Indexes for the reads of the plan list and the This week view on big plan books.

    The plan list is read in its order (name, start date, number) without a sort step, and the
    final reviews of running plans are found without reading every milestone.
    """
    _run_each(
        db,
        """
        CREATE INDEX plans_list_order ON plans(employee_name COLLATE NOCASE, start_date, id);
        DROP INDEX plans_employee;
        CREATE INDEX milestones_kind ON milestones(plan_id, kind);
        """,
    )


def _revision_hash_chain(db: Database) -> None:
    """Each revision keeps its link in the audit trail's hash chain; existing revisions get theirs now."""
    from pipdesk.domain import Revision
    from pipdesk.domain.audit import GENESIS, link_hash, revision_content

    db.execute("ALTER TABLE revisions ADD COLUMN hash TEXT")
    previous: dict[int, str] = {}
    rows = db.execute(
        "SELECT id, plan_id, at, field, old, new, reason FROM revisions ORDER BY plan_id, position"
    ).fetchall()
    for row_id, plan_id, at, field, old, new, reason in rows:
        revision = Revision.model_validate({"at": at, "field": field, "old": old, "new": new, "reason": reason})
        previous[plan_id] = link_hash(previous.get(plan_id, GENESIS), revision_content(revision))
        db.execute("UPDATE revisions SET hash = ? WHERE id = ?", [previous[plan_id], row_id])


def _save_chain(db: Database) -> None:
    """The chain of saves (``audit_links``), covering each plan's whole content; every plan gets its first link now.

    One row a save, in the order of saving, for the whole plan book: the plan's number, when, the
    SHA-256 of its content (NULL: the plan was deleted) and the link (``domain/audit.py``). No
    foreign key: the links of a deleted plan stay. The plans are read with the plan book's own
    reader (``store/rows.py``), so a later step that changes a column this reader needs has to keep this step working
    (the fixture of schema 0003 shows it).
    """
    import datetime as dt

    from pipdesk.domain.audit import GENESIS, content_hash, save_link
    from pipdesk.store.rows import read_plan

    _run_each(
        db,
        """
        CREATE TABLE audit_links (
            position INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            content_hash TEXT,
            link TEXT NOT NULL
        );
        CREATE INDEX audit_links_plan ON audit_links(plan_id, position);
        """,
    )
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    previous = GENESIS
    for position, (plan_id,) in enumerate(db.execute("SELECT id FROM plans ORDER BY id").fetchall()):
        plan = read_plan(db, plan_id, format_2=False)
        assert plan is not None  # its id was just read
        content = content_hash(plan, version=1)  # as this step was released: format 1
        previous = save_link(previous, plan_id, at, content)
        db.execute(
            "INSERT INTO audit_links (position, plan_id, at, content_hash, link) VALUES (?, ?, ?, ?, ?)",
            [position, plan_id, at, content, previous],
        )


def _book_identity(db: Database) -> None:
    """The plan book's identity and the epoch of its current opening, on one row every write touches.

    A write-ahead log left beside a plan book by a crash holds that row as the crashed window wrote
    it; a log from another plan book, or from before the file was replaced by hand (a backup copied
    over it), holds another book or epoch, and is refused instead of being merged in.
    """
    db.execute(
        """CREATE TABLE book_identity (
               id INTEGER PRIMARY KEY CHECK (id = 1),
               book TEXT NOT NULL,
               epoch TEXT NOT NULL,
               writes INTEGER NOT NULL DEFAULT 0
           )"""
    )
    db.execute(
        "INSERT INTO book_identity (id, book, epoch) VALUES (1, lower(hex(randomblob(16))), lower(hex(randomblob(16))))"
    )
    for event, name in (("INSERT", "added"), ("UPDATE", "saved"), ("DELETE", "deleted")):
        db.execute(
            f"CREATE TRIGGER book_identity_plan_{name} AFTER {event} ON plans "
            "BEGIN UPDATE book_identity SET writes = writes + 1; END"
        )


def _plan_format_2(db: Database) -> None:
    """What plan format 2 added: adjustments, pauses, responses, re-acknowledgements, the HR review,
    the appeal, the outcome's acknowledgement, who attended each formal meeting, and attachments
    (their files kept once by SHA-256 in ``attachment_contents``).

    A plan's content (what its save links hash) is its plan file, now of version 2, so each plan
    whose last save matches its version-1 content gets a save link of its version-2 content: it
    verifies as before. A plan whose last save did not match stays as it was, and is still reported.
    """
    import datetime as dt

    from pipdesk.domain.audit import content_hash, save_link
    from pipdesk.store.damage import is_damage
    from pipdesk.store.rows import read_plan

    acknowledgement = (
        '"on" TEXT NOT NULL, refused INTEGER NOT NULL, witness TEXT, employee_comment TEXT NOT NULL, recorded_at TEXT'
    )
    tables = {
        ("attendance", "checkin"): "name TEXT NOT NULL, role TEXT NOT NULL",
        ("adjustments", "plan"): (
            "requested TEXT NOT NULL, requested_by TEXT NOT NULL, requested_on TEXT, decision TEXT, "
            "offered TEXT NOT NULL, reason TEXT NOT NULL, decided_on TEXT, in_place_on TEXT, review_on TEXT"
        ),
        ("pauses", "plan"): "paused_on TEXT NOT NULL, resumed_on TEXT, reason TEXT NOT NULL",
        ("employee_responses", "plan"): '"to" TEXT NOT NULL, "on" TEXT NOT NULL, text TEXT NOT NULL',
        ("reacknowledgements", "plan"): acknowledgement,
        ("hr_reviews", "plan"): "sent_on TEXT, reviewed_by TEXT NOT NULL, reviewed_on TEXT, comments TEXT NOT NULL",
        ("attachments", "plan"): (
            "owner TEXT NOT NULL, owner_position INTEGER NOT NULL, name TEXT NOT NULL, media_type TEXT NOT NULL, "
            "size INTEGER NOT NULL, sha256 TEXT NOT NULL, added_on TEXT NOT NULL, evidence_for TEXT, "
            "description TEXT NOT NULL, shareable INTEGER NOT NULL"
        ),
        ("appeals", "plan"): (
            "lodged_on TEXT NOT NULL, grounds TEXT NOT NULL, heard_by TEXT NOT NULL, heard_on TEXT, "
            "result TEXT, comments TEXT NOT NULL"
        ),
    }
    statements = [
        "ALTER TABLE plans ADD COLUMN ack_recorded_at TEXT",
        *(
            f"ALTER TABLE plans ADD COLUMN outcome_ack_{name} {kind}"
            for name, kind in (
                ("on", "TEXT"),
                ("refused", "INTEGER"),
                ("witness", "TEXT"),
                ("employee_comment", "TEXT"),
                ("recorded_at", "TEXT"),
            )
        ),
        "ALTER TABLE checkins ADD COLUMN formal INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE checkins ADD COLUMN companion_offered INTEGER",
    ]
    for (name, parent), columns in tables.items():
        statements.append(
            f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, "
            f"{parent}_id INTEGER NOT NULL REFERENCES {parent}s(id) ON DELETE CASCADE, "
            f"position INTEGER NOT NULL, {columns})"
        )
        statements.append(f"CREATE INDEX {name}_{parent} ON {name}({parent}_id, position)")
    statements.append("CREATE TABLE attachment_contents (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL)")
    statements.append("CREATE INDEX attachments_sha256 ON attachments(sha256)")
    _run_each(db, ";\n".join(statements) + ";")

    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    last = db.execute("SELECT position, link FROM audit_links ORDER BY position DESC LIMIT 1").fetchone()
    if last is None:
        return
    position, previous = last[0] + 1, last[1]
    saved = db.execute(
        """SELECT a.plan_id, a.content_hash FROM audit_links a
            WHERE a.position = (SELECT max(b.position) FROM audit_links b WHERE b.plan_id = a.plan_id)
              AND a.content_hash IS NOT NULL ORDER BY a.plan_id"""
    ).fetchall()
    for plan_id, stored in saved:
        try:
            plan = read_plan(db, plan_id)
        except Exception as error:  # damage is told from a fault by is_damage
            # A plan whose rows cannot be read (text that is not UTF-8, an unknown status…) is left
            # unlinked: the plan book still opens, and reading or verifying that plan reports it.
            if not is_damage(error):
                raise
            continue
        if plan is None or stored != content_hash(plan, version=1):
            continue
        content = content_hash(plan)
        previous = save_link(previous, plan_id, at, content)
        db.execute(
            "INSERT INTO audit_links (position, plan_id, at, content_hash, link) VALUES (?, ?, ?, ?, ?)",
            [position, plan_id, at, content, previous],
        )
        position += 1


def _retention(db: Database) -> None:
    """A plan kept beyond the retention period (until a date, and why); the log of erased and anonymised plans.

    The hold is the plan book's, not the plan's: a plan file never carries it. The log keeps no
    content of a plan: its number, the employee's initials, its dates and the manager's reason.
    """
    _run_each(
        db,
        """
        CREATE TABLE retention_holds (
            plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
            keep_until TEXT NOT NULL,
            reason TEXT NOT NULL,
            set_at TEXT NOT NULL
        );
        CREATE TABLE erasure_log (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('erased', 'anonymised')),
            employee_initials TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            closed_on TEXT,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """,
    )


def _plan_facts(db: Database) -> None:
    """What the plan list and This week read of each plan, kept on its row by every save (#21): its next
    meeting not yet held, the first day of the pause it is in, its final review's day. Read from the plan's
    own rows here; from then on ``PlanBook`` writes them with the plan (``plan_book.plan_facts``)."""
    _run_each(
        db,
        """
        ALTER TABLE plans ADD COLUMN next_meeting TEXT;
        ALTER TABLE plans ADD COLUMN paused_since TEXT;
        ALTER TABLE plans ADD COLUMN final_review_on TEXT;
        UPDATE plans SET
            next_meeting = (SELECT min(m.date) FROM milestones m
                             WHERE m.plan_id = plans.id AND m.done = 0 AND m.kind != 'custom'),
            paused_since = (SELECT CASE WHEN a.resumed_on IS NULL THEN a.paused_on END FROM pauses a
                             WHERE a.plan_id = plans.id ORDER BY a.position DESC LIMIT 1),
            final_review_on = (SELECT max(m.date) FROM milestones m WHERE m.plan_id = plans.id AND m.kind = 'final');
        """,
    )


def _covering_indexes(db: Database) -> None:
    """What the window reads at launch, read from indexes alone (#21): the plan list in its order, the running
    plans This week looks at, the milestones and support not yet done, and the closed plans by the day they
    closed (for those past retention). Each index holds the columns its
    query reads, so SQLite reads neither the plans' rows (long: the summary, the concerns' texts) nor the
    tables of milestones and support. The two indexes they replace lead them: nothing that used one is slower.
    """
    _run_each(
        db,
        """
        CREATE INDEX plans_list ON plans(employee_name COLLATE NOCASE, start_date, id, title, status, end_date,
                                         updated_at, next_meeting, paused_since);
        DROP INDEX plans_list_order;
        CREATE INDEX plans_running ON plans(status, id, title, employee_name, start_date, end_date, issued_on, ack_on,
                                            paused_since, has_outcome, final_review_on);
        DROP INDEX plans_status;
        CREATE INDEX plans_closed ON plans(status, coalesce(outcome_decided_on, end_date), id, employee_name, title);
        CREATE INDEX milestones_open ON milestones(plan_id, date, title, position) WHERE done = 0;
        CREATE INDEX support_open ON support_actions(plan_id, due_date, description, position) WHERE done = 0;
        """,
    )


def _due_dates(db: Database) -> None:
    """This week's due dates kept as rows (#21): each thing a running plan has or will have due (a meeting,
    support, a reminder, its end, its outcome, its pause) with the first day This week shows it, written with
    the plan by every save (``due.write_due_dates``); This week reads what today shows along one index instead
    of joining the running plans to their milestones and support at every launch. Filled here from every plan's
    rows by the same statement a save uses. The days may be NULL: a date SQLite cannot count from (the year 9999,
    which only a plan book of before the limits on dates can hold) gives none, and a row without one never shows,
    rather than stopping the step (and the plan book's opening) there."""
    from pipdesk.store.due import ALL_DUE_DATES, DUE_DATES_COLUMNS

    _run_each(
        db,
        """
        CREATE TABLE due_dates (
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            shown_from TEXT,
            shown_until TEXT,
            day TEXT,
            kind TEXT NOT NULL,
            employee TEXT,
            what TEXT,
            position INTEGER
        );
        CREATE INDEX due_dates_shown ON due_dates(shown_from, shown_until, day, plan_id, kind, position, employee,
                                                  what);
        CREATE INDEX due_dates_plan ON due_dates(plan_id);
        """,
    )
    db.execute(f"INSERT INTO due_dates ({DUE_DATES_COLUMNS}) {ALL_DUE_DATES}")


#: Every released step, in order: (name, function). Names are stored in each plan book.
STEPS = [
    ("0001_initial", _initial_schema),
    ("0002_list_and_schedule_indexes", _list_and_schedule_indexes),
    ("0003_revision_hash_chain", _revision_hash_chain),
    ("0004_save_chain", _save_chain),
    ("0005_book_identity", _book_identity),
    ("0006_plan_format_2", _plan_format_2),
    ("0007_retention", _retention),
    ("0008_plan_facts", _plan_facts),
    ("0009_covering_indexes", _covering_indexes),
    ("0010_due_dates", _due_dates),
]


#: Every step's name, oldest first: opening a plan book that has them all applies none (sqlite-utils stays unloaded).
STEP_NAMES = tuple(name for name, _step in STEPS)


def plan_book_migrations() -> Migrations:
    """The migration set that brings any older plan book to the current schema."""
    from sqlite_utils import Migrations

    from pipdesk.store.driver import check_sqlite_utils

    check_sqlite_utils()
    migrations = Migrations(MIGRATION_SET)
    for name, step in STEPS:
        migrations(name=name)(step)
    return migrations
