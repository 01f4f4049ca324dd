"""The plan book: typed reads and writes of whole plans; every write is one transaction.

What a plan is made of (its pydantic models, the rows it is stored in, its audit chain) loads when a
plan is first read or written: the window's first screen reads only the plan list and This week.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from pipdesk.domain import vocabulary
from pipdesk.domain.kinds import MilestoneKind, Status
from pipdesk.domain.problems import PipdeskError, PlanInvalid
from pipdesk.store.connection import PlanBookDamaged, begin_epoch, open_database, passphrase_of
from pipdesk.store.damage import is_damage
from pipdesk.store.database import Database
from pipdesk.system.lazy import lazy_module

if TYPE_CHECKING:
    from pydantic import BaseModel
    from sqlite_utils import Migrations

    from pipdesk.domain import attachments as plan_attachments
    from pipdesk.domain import audit, model, rules, schedule
    from pipdesk.domain.model import Plan, Revision
    from pipdesk.domain.schedule import DueItem
    from pipdesk.store import attachments, due
    from pipdesk.store import rows as stored_rows
    from pipdesk.store.read_ahead import ReadAhead
    from pipdesk.store.verification import AuditTrail, PrintedSave
else:
    audit = lazy_module("pipdesk.domain.audit")
    due = lazy_module("pipdesk.store.due")  # This week's: not for a command reading one plan
    schedule = lazy_module("pipdesk.domain.schedule")
    model = lazy_module("pipdesk.domain.model")
    rules = lazy_module("pipdesk.domain.rules")
    plan_attachments = lazy_module("pipdesk.domain.attachments")
    attachments = lazy_module("pipdesk.store.attachments")
    stored_rows = lazy_module("pipdesk.store.rows")


class PlanNotFound(PipdeskError):
    """No plan with that number in this plan book."""


class PlanChangedOutsidePipdesk(PipdeskError):
    """The stored plan no longer matches its last save: a change made outside pipdesk; nothing is saved over it."""


@dataclass(slots=True)  # not frozen: 10,000 made at each load of the list, five times faster so
class PlanSummary:
    """What the plan list shows of a plan, read without loading the whole plan. Read only: never changed."""

    id: int
    title: str
    status: Status
    employee: str
    start_date: dt.date
    end_date: dt.date
    next_checkin: dt.date | None
    updated_at: str
    #: Words the plan search finds besides the employee and title: its summary and its concerns.
    search_text: str = ""
    #: The first day of the pause the plan is in now (its clock stands still); None when running.
    paused_since: dt.date | None = None

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    def days_left(self, today: dt.date) -> int:
        """Days to the end date; a paused plan's stand still from the day it was paused."""
        return (self.end_date - min(today, self.paused_since or today)).days

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "employee": self.employee,
            "title": self.title,
            "status": self.status.value,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat(),
            "next_checkin": self.next_checkin.isoformat() if self.next_checkin else None,
            "paused": self.paused,
        }


#: The words of a plan the search finds besides its employee and title (``p`` is the plan's row).
_SEARCH_TEXT = """p.summary || (SELECT coalesce(group_concat(' ' || c.area || ' ' || c.description, ''), '')
                                FROM concerns c WHERE c.plan_id = p.id)"""
_STATUSES = {status.value: status for status in Status}
#: The plan list, one row a plan in the plan book's order; ``{words}``: what the search finds besides the
#: employee and title (:data:`_SEARCH_TEXT`, or ``''``).
#: The plan list's order: by employee (case aside), then start date and number, as its index holds them.
SUMMARY_ORDER = "employee_name COLLATE NOCASE, start_date, id"
SUMMARIES = f"""
SELECT p.id, p.title, p.status, p.employee_name, p.start_date, p.end_date, p.updated_at,
       p.next_meeting, {{words}} AS search_text, p.paused_since
  FROM plans p
 ORDER BY {SUMMARY_ORDER}
"""
SUMMARY_COLUMNS = (
    "id",
    "title",
    "status",
    "employee_name",
    "start_date",
    "end_date",
    "updated_at",
    "next_meeting",
    "search_text",
    "paused_since",
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _reads_stored_plans(read: Callable[Concatenate[PlanBook, _P], _R]) -> Callable[Concatenate[PlanBook, _P], _R]:
    """A read whose rows do not make a plan (text that is not UTF-8, an unknown status, an impossible
    date) raises :class:`PlanBookDamaged` with the manager's words, never a fault of pipdesk's own."""

    @functools.wraps(read)
    def checked(book: PlanBook, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return read(book, *args, **kwargs)
        except Exception as error:
            if not is_damage(error):
                raise
            what = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise PlanBookDamaged(
                f"{book.path or 'the plan book'}: holds data pipdesk cannot read ({what}); it is damaged or was "
                "changed outside pipdesk; restore it from a backup"
            ) from None

    return checked


class PlanBook:
    """One manager's plans in one SQLite file."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        # plan number → (SQLite's data_version, content hash) as this connection last saved it:
        # while no other connection has written the file since, the stored plan is what was saved.
        self._saved_here: dict[int, tuple[int, str]] = {}
        self._ahead: ReadAhead | None = None  # what the window's first screen reads, being read (read_ahead)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        migrations: Migrations | None = None,
        passphrase: str | None = None,
        check_later: bool = False,
    ) -> PlanBook:
        """The plan book at ``path``; an encrypted one needs its ``passphrase`` (see :func:`open_database`,
        also for ``check_later``)."""
        path = Path(path)
        database = open_database(
            path, create=create, migrations=migrations, passphrase=passphrase, check_later=check_later
        )
        return cls(database, path)

    @property
    def encrypted(self) -> bool:
        """Whether the plan book is encrypted with a passphrase (SQLCipher)."""
        return passphrase_of(self.db.conn) is not None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PlanBook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # Reads

    def change_mark(self) -> tuple[int, int]:
        """A value that differs after any change to the plan book, by this connection or another.

        A view compares it with the one it last read at, to skip reading again what has not changed.
        """
        data_version = self.db.execute("PRAGMA data_version").fetchone()[0]
        return self.db.conn.total_changes, int(data_version)

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM plans").fetchone()[0])

    @_reads_stored_plans
    def summaries(self, *, search_text: bool = True) -> list[PlanSummary]:
        """Every plan, as the plan list shows it, in one query.

        ``search_text=False``: without the words the search finds besides the employee and title
        (the window reads them with :meth:`search_texts` at its first search)."""
        rows = None if search_text else self._taken_ahead("summaries")
        if rows is None:
            rows = self.db.execute(SUMMARIES.format(words=_SEARCH_TEXT if search_text else "''")).fetchall()
        statuses, day, closed = _STATUSES, dt.date.fromisoformat, Status.CLOSED
        summaries = []
        for plan_id, title, status_text, employee, start, end, updated_at, next_checkin, text, paused in rows:
            status = statuses[status_text]  # an unknown status: KeyError, said as damage
            summaries.append(
                PlanSummary(
                    plan_id,
                    title,
                    status,
                    employee,
                    day(start),
                    day(end),
                    day(next_checkin) if next_checkin and status is not closed else None,
                    updated_at,
                    text,
                    day(paused) if paused else None,
                )
            )
        return summaries

    @_reads_stored_plans
    def search_texts(self) -> dict[int, str]:
        """What the search finds of each plan besides its employee and title: its summary and concerns."""
        return dict(self.db.execute(f"SELECT p.id, {_SEARCH_TEXT} FROM plans p").fetchall())

    def plan_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM plans ORDER BY id")]

    @_reads_stored_plans
    def get(self, plan_id: int) -> Plan:
        """The whole plan, read with one query a table."""
        plan = stored_rows.read_plan(self.db, plan_id)
        if plan is None:
            raise PlanNotFound(f"There is no plan {plan_id} in this plan book")
        return plan

    @_reads_stored_plans
    def get_to_print(self, plan_id: int) -> Plan:
        """The whole plan as plain records, for documents only: the plan book wrote it, so it is not
        validated again and no pydantic is loaded (:mod:`pipdesk.domain.plain`). It reads as :meth:`get`'s
        plan and prints the same; never edit or save it (it checks nothing)."""
        from pipdesk.domain import plain

        plan = stored_rows.read_plan(self.db, plan_id, make=plain.make)
        if plan is None:
            raise PlanNotFound(f"There is no plan {plan_id} in this plan book")
        return plan

    @_reads_stored_plans
    def due_items(self, today: dt.date) -> list[DueItem]:
        """Everything due or overdue on ``today`` in the running plans, by ``schedule.due_items``'s rules,
        read in one query whatever their number (:mod:`pipdesk.store.due`): no plan is loaded."""
        rows = self._taken_ahead("due", today)
        return due.due_items(self.db.conn, today) if rows is None else due.due_items_of(rows)

    @_reads_stored_plans
    def past_retention_items(self, years: int, today: dt.date) -> list[DueItem]:
        """The closed plans past retention on ``today``, ``years`` after they closed or at their own date
        (``retention.past_retention_since``'s rule, in one query: :mod:`pipdesk.store.due`)."""
        rows = self._taken_ahead("retention", years, today)
        return due.past_retention_items(self.db.conn, years, today) if rows is None else due.retention_items_of(rows)

    def read_ahead(self, today: dt.date, retention_years: int) -> None:
        """Begin reading the plan list and This week (on ``today``, with ``retention_years``) on a worker thread,
        which :meth:`summaries` (without search words), :meth:`due_items` and :meth:`past_retention_items` then
        take if asked the same and nothing changed the plan book since (:mod:`pipdesk.store.read_ahead`): the
        window, at launch, reads them while it makes itself. Not for an encrypted plan book."""
        if self.path is not None and not self.encrypted:
            from pipdesk.store.read_ahead import ReadAhead

            plans = SUMMARIES.format(words="''")
            self._ahead = ReadAhead(
                self.path, today, retention_years, self.change_mark(), plans, SUMMARY_COLUMNS, SUMMARY_ORDER
            )

    def _taken_ahead(self, what: str, *asked: object) -> list[Any] | None:
        ahead = self._ahead
        if ahead is None:
            return None
        rows = ahead.take(what, asked, self.change_mark())
        if ahead.done():
            self._ahead = None
        return rows

    # Writes

    # Attached files

    def add_attachment_content(self, data: bytes) -> str:
        """Keep a file's bytes (refused over 25 MB, nothing written) and return the SHA-256 an attachment names."""
        begin_epoch(self.db.conn)
        with self.db.atomic():
            return attachments.add_content(self.db, data)

    def attachment_content(self, sha256: str) -> bytes:
        """The bytes of the attached file with this SHA-256; :class:`AttachmentMissing` when there is none."""
        return attachments.content(self.db, sha256)

    def forget_unused_attachments(self) -> int:
        """Remove the files no plan's attachment names any more (an attachment removed, a plan deleted).

        Nothing is written when there is none (the usual case, at every opening)."""
        unused = "SELECT 1 FROM attachment_contents WHERE sha256 NOT IN (SELECT sha256 FROM attachments) LIMIT 1"
        if self.db.execute(unused).fetchone() is None:
            return 0
        begin_epoch(self.db.conn)
        with self.db.atomic():
            return attachments.forget_unused(self.db)

    def _require_files(self, plan: Plan) -> None:
        absent = attachments.missing(self.db, plan_attachments.attachment_hashes(plan))
        if absent:
            raise attachments.AttachmentMissing(
                f"The plan names {vocabulary.count(len(absent), 'attached file')} this plan book does not hold "
                f"(SHA-256 {', '.join(a[:12] + '…' for a in absent)}); add the files first"
            )

    def add(self, plan: Plan) -> int:
        """Store a new plan and return its number; a plan that breaks a rule is refused whole."""
        _require_sound(plan)
        self._require_files(plan)
        now = _now()
        begin_epoch(self.db.conn)
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO plans (title, status, start_date, end_date, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [plan.title, plan.status.value, plan.start_date.isoformat(), plan.end_date.isoformat(), now, now],
            )
            plan_id = int(cursor.lastrowid or 0)
            self._write(plan_id, plan, now)
            self._append_link(plan_id, now, audit.content_hash(plan))
        return plan_id

    def add_many(self, plans: Iterable[Plan]) -> list[int]:
        """Store several plans in one transaction: all of them or none."""
        begin_epoch(self.db.conn)
        with self.db.atomic():
            return [self.add(plan) for plan in plans]

    def save(self, plan_id: int, plan: Plan) -> None:
        """Replace a stored plan with ``plan``; a plan that breaks a rule is refused whole."""
        _require_sound(plan)
        self._require_files(plan)
        begin_epoch(self.db.conn)
        with self.db.atomic():
            if self.db.execute("SELECT 1 FROM plans WHERE id = ?", [plan_id]).fetchone() is None:
                raise PlanNotFound(f"There is no plan {plan_id} in this plan book")
            last_content = self._require_unchanged_since_saved(plan_id)
            for table in stored_rows.PLAN_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE plan_id = ?", [plan_id])
            now = _now()
            self._write(plan_id, plan, now)
            content = audit.content_hash(plan)
            if content != last_content:
                self._append_link(plan_id, now, content)
            self._saved_here[plan_id] = (self._data_version(), content)

    def delete(self, plan_id: int) -> None:
        begin_epoch(self.db.conn)
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM plans WHERE id = ?", [plan_id])
            if cursor.rowcount == 0:
                raise PlanNotFound(f"There is no plan {plan_id} in this plan book")
            self._append_link(plan_id, _now(), None)

    # The audit trail

    def _append_link(self, plan_id: int, at: str, content: str | None) -> None:
        """Add one save (``content``: the plan's content hash; ``None``: deleted) to the chain of saves."""
        last = self.db.execute("SELECT position, link FROM audit_links ORDER BY position DESC LIMIT 1").fetchone()
        position, previous = (last[0] + 1, last[1]) if last is not None else (0, audit.GENESIS)
        self.db.execute(
            "INSERT INTO audit_links (position, plan_id, at, content_hash, link) VALUES (?, ?, ?, ?, ?)",
            [position, plan_id, at, content, audit.save_link(previous, plan_id, at, content)],
        )

    def _require_unchanged_since_saved(self, plan_id: int) -> str:
        """The content hash of the plan's last save, after checking the file still holds exactly that.

        Raises :class:`PlanChangedOutsidePipdesk` when it does not: a plan, a revision's hash or the
        last save's link changed outside pipdesk is never saved over, so the change stays visible.
        """
        last = self.db.execute(
            "SELECT position, at, content_hash, link FROM audit_links WHERE plan_id = ? ORDER BY position DESC LIMIT 1",
            [plan_id],
        ).fetchone()
        before = (
            self.db.execute(
                "SELECT link FROM audit_links WHERE position < ? ORDER BY position DESC LIMIT 1", [last[0]]
            ).fetchone()
            if last is not None
            else None
        )
        if last is not None and self._saved_here.get(plan_id) == (self._data_version(), last[2]):
            stored = last[2]  # saved by this connection, and no other has written since: no need to read it
        else:
            stored = self._stored_content_hash(plan_id)
        revisions = self._stored_revisions(plan_id)
        sound = (
            last is not None
            and stored is not None
            and last[2] == stored
            and last[3]
            == audit.save_link(before[0] if before is not None else audit.GENESIS, plan_id, last[1], last[2])
            and audit.first_broken_link([content for content, _ in revisions], [hash_ for _, hash_ in revisions])
            is None
        )
        if not sound:
            employee = self.db.execute("SELECT employee_name FROM plans WHERE id = ?", [plan_id]).fetchone()[0]
            when = f" on {last[1][:10]}" if last is not None else ""
            raise PlanChangedOutsidePipdesk(
                f"Plan {plan_id} ({employee}) was changed outside pipdesk since it was last saved{when}, "
                "so your change was not saved. Run `pipdesk verify` to see what no longer matches, "
                "and restore a backup from before the change."
            )
        assert last is not None
        return str(last[2])

    def _data_version(self) -> int:
        """A number that changes when another connection (another program) commits a change to the file."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def _stored_content_hash(self, plan_id: int) -> str | None:
        """The content hash of the plan as the file holds it now; ``None`` when it can no longer be read as a plan."""
        try:
            return audit.content_hash(self.get(plan_id))
        except (ValueError, TypeError, KeyError):  # pydantic's ValidationError is a ValueError
            return None

    def _stored_revisions(self, plan_id: int) -> list[tuple[str, str | None]]:
        """(content, stored hash) of the plan's revisions as they are in the file now."""
        return [
            (_revision_content_of(row), row["hash"])
            for row in self.db.query(
                "SELECT at, field, old, new, reason, hash FROM revisions WHERE plan_id = ? ORDER BY position", [plan_id]
            )
        ]

    def _write_chain(self, plan_id: int, revisions: Sequence[Revision]) -> None:
        # Only ever over a plan whose stored revisions matched their hashes (see save), so each
        # unchanged revision gets the hash it had, and the new ones extend the chain.
        previous = audit.GENESIS
        for position, revision in enumerate(revisions):
            previous = audit.link_hash(previous, audit.revision_content(revision))
            self.db.execute(
                "UPDATE revisions SET hash = ? WHERE plan_id = ? AND position = ?", [previous, plan_id, position]
            )

    def save_history(self) -> audit.SaveHistory:
        """The chain of saves, every link checked."""
        rows = self.db.execute("SELECT position, plan_id, at, content_hash, link FROM audit_links ORDER BY position")
        return audit.read_saves(audit.SavedLink(*row) for row in rows)

    def saves_of_content(self, content: str) -> list[PrintedSave]:
        """The saves whose content hash is ``content`` (the hash a PDF prints), oldest first."""
        from pipdesk.store.verification import PrintedSave

        rows = self.db.execute(
            """SELECT a.plan_id, a.at,
                      (SELECT count(*) FROM audit_links b WHERE b.plan_id = a.plan_id AND b.position > a.position)
                 FROM audit_links a WHERE a.content_hash = ? ORDER BY a.position""",
            [content],
        ).fetchall()
        return [PrintedSave(plan_id=row[0], at=row[1], later_saves=row[2]) for row in rows]

    def verify_audit_trails(self) -> list[AuditTrail]:
        """Every plan checked: its content against its last save, the chain of saves, and its revisions' chain.

        A plan the chain of saves holds but the plan book does not (deleted outside pipdesk) is
        listed too, without title or employee.
        """
        from pipdesk.store.verification import AuditTrail

        history = self.save_history()
        trails: dict[int, AuditTrail] = {}
        revision_rows: dict[int, list[dict[str, Any]]] = {}
        for row in self.db.query(
            "SELECT plan_id, at, field, old, new, reason, hash FROM revisions ORDER BY plan_id, position"
        ):
            revision_rows.setdefault(row["plan_id"], []).append(row)
        for plan_id, title, employee in self.db.execute("SELECT id, title, employee_name FROM plans ORDER BY id"):
            rows = revision_rows.get(plan_id, [])
            broken = audit.first_broken_link([_revision_content_of(r) for r in rows], [r["hash"] for r in rows])
            trails[plan_id] = AuditTrail(
                plan_id=plan_id,
                title=title,
                employee=employee,
                revisions=len(rows),
                broken_at=broken,
                broken_revision=f"{rows[broken]['at']} {rows[broken]['field']}" if broken is not None else None,
                saves=history.saves.get(plan_id, 0),
                problem=self._save_problem(plan_id, history) or self._files_problem(plan_id),
            )
        for plan_id, last in history.last_content.items():
            if plan_id not in trails and (last is not None or plan_id in history.broken):
                trails[plan_id] = AuditTrail(
                    plan_id=plan_id,
                    title="",
                    employee="",
                    revisions=0,
                    saves=history.saves.get(plan_id, 0),
                    problem=(
                        f"it is missing from the plan book, but pipdesk never deleted it (last saved on "
                        f"{history.last_at[plan_id][:10]}); it was deleted outside pipdesk"
                        if last is not None
                        else "its record of saves was changed outside pipdesk after pipdesk deleted it"
                    ),
                )
        return [trails[plan_id] for plan_id in sorted(trails)]

    def _files_problem(self, plan_id: int) -> str | None:
        """What no longer matches among the plan's attached files; ``None``: each is as attached."""
        if self.db.execute("SELECT 1 FROM attachments WHERE plan_id = ? LIMIT 1", [plan_id]).fetchone() is None:
            return None  # most plans attach nothing: not read a second time for it
        try:
            damage = attachments.damage(self.db, self.get(plan_id))
        except (PlanBookDamaged, ValueError):
            return None  # the plan itself does not read: its record of saves already says so
        return "; and ".join(damage) or None

    def _save_problem(self, plan_id: int, history: audit.SaveHistory) -> str | None:
        """What is wrong with the plan's record of saves, in the manager's words; ``None``: it matches."""
        if plan_id in history.broken:
            return f"its record of saves (the save on {history.broken[plan_id].at[:10]}) was changed outside pipdesk"
        last = history.last_content.get(plan_id)
        if last is None:
            return "pipdesk has no record of saving it; it was added outside pipdesk"
        try:
            stored = self._stored_content_hash(plan_id)
        except PlanBookDamaged:
            return "it cannot be read as a plan any more; it was changed outside pipdesk, or the file is damaged"
        if stored != last:
            return (
                f"it no longer matches what pipdesk saved on {history.last_at[plan_id][:10]}; "
                "it was changed outside pipdesk since"
            )
        return None

    def _write(self, plan_id: int, plan: Plan, now: str) -> None:
        value = stored_rows.column_value
        columns: dict[str, Any] = {name: value(getattr(plan, name)) for name in stored_rows.PLAN_SCALARS}
        for role in ("employee", "manager", "hr_partner"):
            person = getattr(plan, role)
            for field in stored_rows.PERSON_FIELDS:
                columns[f"{role}_{field}"] = getattr(person, field) if person is not None else None
        ack = plan.acknowledgement
        for field in stored_rows.ACK_FIELDS:
            columns[f"ack_{field}"] = value(getattr(ack, field)) if ack is not None else None
        outcome = plan.outcome
        columns["has_outcome"] = int(outcome is not None)
        for field in stored_rows.OUTCOME_FIELDS:
            columns[f"outcome_{field}"] = value(getattr(outcome, field)) if outcome is not None else None
        outcome_ack = outcome.acknowledgement if outcome is not None else None
        for field in stored_rows.ACK_FIELDS:
            columns[f"outcome_ack_{field}"] = value(getattr(outcome_ack, field)) if outcome_ack else None
        columns.update(plan_facts(plan))
        columns["updated_at"] = now
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.db.execute(f"UPDATE plans SET {assignments} WHERE id = ?", [*columns.values(), plan_id])

        for table, _model, attribute in (*stored_rows.PLAN_LISTS, *stored_rows.FORMAT_2_LISTS):
            self._insert_rows(table, plan_id, getattr(plan, attribute))
        for table, _model, attribute in stored_rows.FORMAT_2_SINGLES:
            single = getattr(plan, attribute)
            self._insert_rows(table, plan_id, [single] if single is not None else [])
        self._write_chain(plan_id, plan.revisions)
        for position, concern in enumerate(plan.concerns):
            concern_id = self._insert_row("concerns", plan_id, position, concern)
            self._insert_children("evidence", "concern_id", concern_id, concern.evidence)
        attachments.write_rows(self.db, plan_id, plan)
        for position, checkin in enumerate(plan.checkins):
            checkin_id = self._insert_row("checkins", plan_id, position, checkin)
            self._insert_children("progress", "checkin_id", checkin_id, checkin.progress)
            self._insert_children("attendance", "checkin_id", checkin_id, checkin.attendance)
        if outcome is not None:
            self._insert_rows("outcome_results", plan_id, outcome.results)
        due.write_due_dates(self.db.conn, plan_id)  # from the rows just written

    def _insert_rows(self, table: str, plan_id: int, items: Sequence[BaseModel]) -> None:
        self._insert_children(table, "plan_id", plan_id, items)

    def _insert_children(self, table: str, parent: str, parent_id: int, items: Sequence[BaseModel]) -> None:
        """One prepared statement for all the items (``add_many`` of thousands of plans stays quick)."""
        if not items:
            return
        fields = stored_rows.scalar_fields(type(items[0]))
        sql = stored_rows.insert_statement(table, parent, type(items[0]))
        rows = [
            (parent_id, position, *(stored_rows.column_value(getattr(item, name)) for name in fields))
            for position, item in enumerate(items)
        ]
        if self.db._tracer is not None:
            self.db._tracer(sql, None)
        self.db.conn.executemany(sql, rows)

    def _insert_row(self, table: str, plan_id: int, position: int, item: BaseModel) -> int:
        fields = stored_rows.scalar_fields(type(item))
        values = [plan_id, position, *(stored_rows.column_value(getattr(item, name)) for name in fields)]
        cursor = self.db.execute(stored_rows.insert_statement(table, "plan_id", type(item)), values)
        return int(cursor.lastrowid or 0)


def _revision_content_of(row: dict[str, Any]) -> str:
    values = {key: row[key] for key in ("at", "field", "old", "new", "reason")}
    try:
        return audit.revision_content(model.Revision.model_validate(values))
    except ValueError:  # no longer a revision pipdesk could have written: it matches no hash
        return repr(values)


def _require_sound(plan: Plan) -> None:
    problems = rules.plan_problems(plan)
    if problems:
        raise PlanInvalid(problems, intro="The plan was not saved")


def _now() -> str:
    # Not datetime.now(): tests that stand a clock in for the backups' times (test_backups) replace it
    # for every module, and a save or deletion would take one of their moments.
    return dt.datetime.fromtimestamp(time.time(), dt.UTC).isoformat(timespec="seconds")


def plan_facts(plan: Plan) -> dict[str, str | None]:
    """What the plan list and This week read of a plan without reading its rows, kept on the plan's row by
    every save (migration 0008 filled them in the plan books of before): the day of its next meeting not yet
    held (a custom milestone is no meeting), of the first day of the pause it is in, of its final review."""
    meetings = [m.date for m in plan.milestones if not m.done and m.kind is not MilestoneKind.CUSTOM]
    final = schedule.final_review_day(plan)
    return {
        "next_meeting": min(meetings).isoformat() if meetings else None,
        "paused_since": plan.pauses[-1].paused_on.isoformat() if plan.paused else None,
        "final_review_on": final.isoformat() if final else None,
    }
