"""The files attached to plans, kept inside the plan book: an encrypted book encrypts them too.

Each file's bytes are stored once, keyed by their SHA-256 (``attachment_contents``); each attachment
of a plan is a row of ``attachments`` naming its owner (the plan, a concern, a check-in, the
outcome) by position. A plan's content hash covers every attachment's SHA-256, so `pipdesk verify`
finds a changed or swapped file by hashing the stored bytes again, and a removed one by its absence.

A file no plan names any more (an attachment removed, a plan deleted) stays until the plan book is
next opened, so that undoing the removal finds it again; then it is forgotten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from pipdesk.domain import Attachment, PipdeskError, Plan
from pipdesk.domain.attachments import Placed, every_attachment, size_text
from pipdesk.domain.model import MAX_ATTACHMENT_BYTES
from pipdesk.store.database import Database
from pipdesk.store.rows import column_value, scalar_fields

_FIELDS = scalar_fields(Attachment)
_INSERT = (
    "INSERT INTO attachments (plan_id, owner, owner_position, position, "
    f"{', '.join(_FIELDS)}) VALUES ({', '.join('?' for _ in range(4 + len(_FIELDS)))})"
)


class AttachmentMissing(PipdeskError):
    """The plan book holds no file with that SHA-256."""


class AttachmentTooLarge(PipdeskError):
    """A file larger than :data:`~pipdesk.domain.model.MAX_ATTACHMENT_BYTES`: refused, nothing written."""


def too_large(size: int) -> str | None:
    """Why a file of ``size`` bytes cannot be attached, or None."""
    if size <= MAX_ATTACHMENT_BYTES:
        return None
    return (
        f"The file is {size_text(size)} ({size:,} bytes); pipdesk keeps files of at most "
        f"{MAX_ATTACHMENT_BYTES // 1_000_000} MB ({MAX_ATTACHMENT_BYTES:,} bytes)"
    )


def add_content(db: Database, data: bytes) -> str:
    """Keep ``data`` (once, however often it is attached) and return its SHA-256."""
    refused = too_large(len(data))
    if refused is not None:
        raise AttachmentTooLarge(refused)
    digest = hashlib.sha256(data).hexdigest()
    db.execute("INSERT OR IGNORE INTO attachment_contents (sha256, content) VALUES (?, ?)", [digest, data])
    return digest


def content(db: Database, digest: str) -> bytes:
    row = db.execute("SELECT content FROM attachment_contents WHERE sha256 = ?", [digest]).fetchone()
    if row is None:
        raise AttachmentMissing(f"The plan book holds no attached file with SHA-256 {digest}")
    return bytes(row[0])


def missing(db: Database, digests: Iterable[str]) -> list[str]:
    """The SHA-256s among ``digests`` the plan book holds no file for."""
    return [
        digest
        for digest in sorted(set(digests))
        if db.execute("SELECT 1 FROM attachment_contents WHERE sha256 = ?", [digest]).fetchone() is None
    ]


def damage(db: Database, plan: Plan) -> list[str]:
    """Each attachment of ``plan`` whose file is missing or no longer matches its SHA-256, in words."""
    found = []
    for placed in every_attachment(plan):
        row = db.execute(
            "SELECT content FROM attachment_contents WHERE sha256 = ?", [placed.attachment.sha256]
        ).fetchone()
        if row is None:
            found.append(f"the file of its attachment {_named(placed)} is missing; it was removed outside pipdesk")
        elif hashlib.sha256(bytes(row[0])).hexdigest() != placed.attachment.sha256:
            found.append(
                f"the file of its attachment {_named(placed)} no longer matches its SHA-256; "
                "it was changed outside pipdesk"
            )
    return found


def _named(placed: Placed) -> str:
    return f"“{placed.attachment.name}” ({placed.where.lower() if placed.owner != 'concern' else placed.where})"


def write_rows(db: Database, plan_id: int, plan: Plan) -> None:
    """The plan's attachments as rows (the plan's other rows were just written)."""
    rows = [
        (plan_id, placed.owner, placed.index, position, *(column_value(getattr(placed.attachment, f)) for f in _FIELDS))
        for position, placed in enumerate(every_attachment(plan))
    ]
    if rows:
        db.conn.executemany(_INSERT, rows)


def forget_unused(db: Database) -> int:
    """Remove the files no attachment names any more; how many were removed."""
    cursor = db.execute("DELETE FROM attachment_contents WHERE sha256 NOT IN (SELECT sha256 FROM attachments)")
    return cursor.rowcount
