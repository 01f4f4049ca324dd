"""Where a plan's attachments are (the plan, a concern's evidence, a check-in, the outcome), in words.

The files themselves live in the plan book, found by their SHA-256 (see ``PlanBook.attachment_content``);
the plan holds what is known of each: its name, type, size, hash, dates and description.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipdesk.domain import vocabulary

if TYPE_CHECKING:
    from pipdesk.domain.model import Attachment, Plan


@dataclass(frozen=True)
class Placed:
    """An attachment and where it is: ``owner`` (plan, concern, checkin, outcome), its index, and in words."""

    attachment: Attachment
    owner: str
    index: int
    where: str


def every_attachment(plan: Plan) -> Iterator[Placed]:
    """Every attachment of the plan in document order: the plan's, each concern's, each check-in's, the outcome's."""
    for attachment in plan.attachments:
        yield Placed(attachment, "plan", 0, "The plan")
    for i, concern in enumerate(plan.concerns):
        where = f"Concern {i + 1} “{vocabulary.shortened(concern.area, 40)}”"
        for attachment in concern.attachments:
            yield Placed(attachment, "concern", i, where)
    for i, checkin in enumerate(plan.checkins):
        where = f"{vocabulary.checkin_kind(checkin.kind)} of {vocabulary.short_date(checkin.date)}"
        for attachment in checkin.attachments:
            yield Placed(attachment, "checkin", i, where)
    if plan.outcome is not None:
        for attachment in plan.outcome.attachments:
            yield Placed(attachment, "outcome", 0, "The outcome")


def attachment_hashes(plan: Plan) -> set[str]:
    """The SHA-256 of every file the plan's attachments name."""
    return {placed.attachment.sha256 for placed in every_attachment(plan)}


def size_text(size: int) -> str:
    """``512 bytes``, ``4.2 kB``, ``3.1 MB``: a file's size as people read it (1 kB = 1,000 bytes), for any file."""
    if size < 1000:
        return vocabulary.count(size, "byte")
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


_UNSAFE = re.compile(r"[^\w.\- ]+")


def archive_name(attachment: Attachment) -> str:
    """A name to store the file under in an archive or a folder: safe on every system, never a path.

    ``3f2a9c1d0b7e-Plan signed.pdf``: the start of its SHA-256 (two files of one name stay apart),
    then its name with anything but letters, digits, spaces, dots and dashes made ``_``, cut to 80
    characters, never starting with a dot.
    """
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", attachment.name)).strip(" .") or "file"
    return f"{attachment.sha256[:12]}-{name[-80:]}"
