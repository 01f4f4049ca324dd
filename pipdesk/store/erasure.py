"""Retention in the plan book: holds, erasing a plan and anonymising one, in the plan book and every backup of it.

Erasing deletes the plan with ``PRAGMA secure_delete = ON`` (freed pages are overwritten with
zeros) and then runs ``VACUUM`` and truncates the write-ahead log, so the file keeps no page the
plan was on; each backup of the plan book is rewritten the same way, whole or not at all. The
plan book's erasure log keeps that it happened (the plan's number, the employee's initials, its
dates, the reason) and nothing of what the plan said.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipdesk.domain import PipdeskError, Plan
from pipdesk.domain.retention import RetentionHold, anonymised, employee_initials
from pipdesk.store.attachments import forget_unused
from pipdesk.store.backups import backups_of, rewrite_backup
from pipdesk.store.connection import PlanBookError, begin_epoch, passphrase_of
from pipdesk.store.database import Database
from pipdesk.store.due import ANONYMISED
from pipdesk.store.plan_book import PlanBook, PlanNotFound, _now

ERASED = "erased"


class ReasonMissing(PipdeskError):
    """An erasure or anonymisation asked for without a reason."""


@dataclass(frozen=True)
class ErasureEntry:
    """One line of the plan book's erasure log: what was done to which plan, when and why; no content."""

    plan_id: int
    action: str
    employee_initials: str
    start_date: dt.date
    end_date: dt.date
    closed_on: dt.date | None
    reason: str
    at: str


@dataclass
class ErasureResult:
    """What an erasure or anonymisation reached: the plan book, and which backups were rewritten or not."""

    entry: ErasureEntry
    backups_rewritten: list[Path] = field(default_factory=list)
    #: Backups that still hold the plan, each with why it could not be rewritten.
    backups_left: list[tuple[Path, str]] = field(default_factory=list)


def retention_holds(book: PlanBook) -> dict[int, RetentionHold]:
    """Every plan kept until a date of its own, by plan number."""
    return {
        plan_id: RetentionHold(dt.date.fromisoformat(until), reason)
        for plan_id, until, reason in book.db.execute("SELECT plan_id, keep_until, reason FROM retention_holds")
    }


def set_retention_hold(book: PlanBook, plan_id: int, hold: RetentionHold | None) -> None:
    """Keep the plan until ``hold.keep_until`` (with its reason), or, with ``None``, by the retention period again."""
    if book.db.execute("SELECT 1 FROM plans WHERE id = ?", [plan_id]).fetchone() is None:
        raise PlanNotFound(f"There is no plan {plan_id} in this plan book")
    begin_epoch(book.db.conn)
    with book.db.atomic():
        book.db.execute("DELETE FROM retention_holds WHERE plan_id = ?", [plan_id])
        if hold is not None:
            book.db.execute(
                "INSERT INTO retention_holds (plan_id, keep_until, reason, set_at) VALUES (?, ?, ?, ?)",
                [plan_id, hold.keep_until.isoformat(), _required(hold.reason), _now()],
            )


def erasure_log(book: PlanBook) -> list[ErasureEntry]:
    """The plan book's erasure log, oldest first."""
    rows = book.db.execute(
        "SELECT plan_id, action, employee_initials, start_date, end_date, closed_on, reason, at FROM erasure_log"
        " ORDER BY id"
    ).fetchall()
    return [
        ErasureEntry(number, action, initials, _day(start), _day(end), _day(closed) if closed else None, why, at)
        for number, action, initials, start, end, closed, why, at in rows
    ]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def anonymised_plan_ids(book: PlanBook) -> set[int]:
    """The plans of the book that were anonymised (kept for statistics: never past retention again)."""
    return {
        row[0]
        for row in book.db.execute(
            "SELECT l.plan_id FROM erasure_log l JOIN plans p ON p.id = l.plan_id WHERE l.action = ?", [ANONYMISED]
        )
    }


def closed_on(plan: Plan) -> dt.date | None:
    """The day a closed plan closed: its outcome's decision date, else its end date; ``None`` while not closed."""
    if plan.outcome is None or plan.status.value != "closed":
        return None
    return plan.outcome.decided_on or plan.end_date


def erase_plan(book: PlanBook, plan_id: int, reason: str, backups_folder: Path | None = None) -> ErasureResult:
    """Remove the plan from the plan book and from every backup of it in ``backups_folder``; log that it was done.

    Its attachments go with it, and every attached file no other plan names (the plan's earlier
    attachments, kept for undo until the plan book is next opened, too: so are other plans'). Nothing
    of the plan stays in the file: the rows go with ``secure_delete`` on, then ``VACUUM``
    rebuilds the file and the write-ahead log is truncated. The chain of saves gets the deletion's
    link, as any deletion does, so `pipdesk verify` stays green.
    """

    def erase(target: PlanBook, _plan: Plan | None) -> None:
        target.delete(plan_id)
        forget_unused(target.db)

    return _take_out(book, plan_id, reason, backups_folder, ERASED, erase)


def anonymise_plan(book: PlanBook, plan_id: int, reason: str, backups_folder: Path | None = None) -> ErasureResult:
    """Replace the plan's names, emails and free text and remove its attachments (see :func:`anonymised`),
    here and in every backup; the files no other plan names go as an erasure's do.

    The plan is saved anonymised, so its revisions' chain is written again over the anonymised
    revisions and the chain of saves gets a new link for it ("anonymised" in the erasure log says
    when and why); the old text is then cleared from the file as an erasure clears a plan. A backup
    whose copy of the plan cannot be saved anonymised (changed outside pipdesk) loses the plan instead.
    """

    def anonymise(target: PlanBook, plan: Plan | None) -> None:
        if plan is not None:  # the plan book's own: saved, or nothing is
            target.save(plan_id, anonymised(plan))
        else:
            try:
                target.save(plan_id, anonymised(target.get(plan_id)))
            except PipdeskError:
                target.delete(plan_id)
        target.db.execute("DELETE FROM retention_holds WHERE plan_id = ?", [plan_id])
        forget_unused(target.db)

    return _take_out(book, plan_id, reason, backups_folder, ANONYMISED, anonymise)


def _take_out(
    book: PlanBook,
    plan_id: int,
    reason: str,
    folder: Path | None,
    action: str,
    change: Callable[[PlanBook, Plan | None], None],
) -> ErasureResult:
    """Log ``action`` and ``change`` the plan book (given the plan) and each backup holding the plan (given none),
    with ``secure_delete`` on and ``VACUUM`` after, so no freed page keeps what was there."""
    reason = _required(reason)
    plan = book.get(plan_id)
    first_link = _first_link(book.db, plan_id)

    def change_copy(backup: PlanBook) -> bool:
        if not _same_plan(backup.db, plan_id, first_link, plan):
            return False
        with _secure_delete(backup.db):
            change(backup, None)
        return True

    begin_epoch(book.db.conn)
    # The plan book's change is committed only after every backup was rewritten: stopped part way
    # (killed, a power cut), the plan book still holds the plan, so doing it again reaches the backups left.
    with _secure_delete(book.db), book.db.atomic():
        result = ErasureResult(_log(book, plan_id, plan, action, reason))
        change(book, plan)
        _rewrite_backups(book, folder, change_copy, result)
    scrub(book.db)
    return result


def scrub(db: Database) -> None:
    """Rebuild the file without free pages (``VACUUM``) and empty its write-ahead log into it."""
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _rewrite_backups(
    book: PlanBook, folder: Path | None, change: Callable[[PlanBook], bool], result: ErasureResult
) -> None:
    if folder is None or book.path is None:
        return
    passphrase = passphrase_of(book.db.conn)
    for path in backups_of(Path(folder), book.path.stem):
        try:
            if rewrite_backup(path, passphrase, change, then=scrub):
                result.backups_rewritten.append(path)
        except PlanBookError as error:
            result.backups_left.append((path, str(error)))


@contextlib.contextmanager
def _secure_delete(db: Database) -> Iterator[None]:
    """``PRAGMA secure_delete = ON`` for the statements inside (freed content is overwritten), as it was after."""
    before = int(db.execute("PRAGMA secure_delete").fetchone()[0])
    db.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        db.execute(f"PRAGMA secure_delete = {before}")


def _required(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ReasonMissing("Give the reason: the erasure log keeps it")
    return reason


def _log(book: PlanBook, plan_id: int, plan: Plan, action: str, reason: str) -> ErasureEntry:
    entry = ErasureEntry(
        plan_id=plan_id,
        action=action,
        employee_initials=employee_initials(plan.employee.name),
        start_date=plan.start_date,
        end_date=plan.end_date,
        closed_on=closed_on(plan),
        reason=reason,
        at=_now(),
    )
    book.db.execute(
        "INSERT INTO erasure_log (plan_id, action, employee_initials, start_date, end_date, closed_on, reason, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            entry.plan_id,
            entry.action,
            entry.employee_initials,
            entry.start_date.isoformat(),
            entry.end_date.isoformat(),
            entry.closed_on.isoformat() if entry.closed_on else None,
            entry.reason,
            entry.at,
        ],
    )
    return entry


def _first_link(db: Database, plan_id: int) -> str | None:
    """The link of the plan's first save since its number was last freed: the same in every backup holding it."""
    row = db.execute(
        """SELECT link FROM audit_links WHERE plan_id = ? AND position > coalesce(
               (SELECT max(position) FROM audit_links WHERE plan_id = ? AND content_hash IS NULL), -1)
           ORDER BY position LIMIT 1""",
        [plan_id, plan_id],
    ).fetchone()
    return str(row[0]) if row is not None else None


def _same_plan(db: Database, plan_id: int, first_link: str | None, plan: Plan) -> bool:
    """Whether a backup's plan ``plan_id`` is this plan, not another given its number after a deletion.

    The first save's link tells; a backup from before the chain of saves falls back to the employee and start date.
    """
    row = db.execute("SELECT employee_name, start_date FROM plans WHERE id = ?", [plan_id]).fetchone()
    if row is None:
        return False
    if first_link is not None and _first_link(db, plan_id) == first_link:
        return True
    return (row[0], row[1]) == (plan.employee.name, plan.start_date.isoformat())
