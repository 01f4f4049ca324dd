"""The audit trail's hash chains: one over each plan's revisions, one over every save of the plan book.

Revisions: each revision's hash covers its content and the hash before it, so a change to an
earlier revision (its date, field, values or reason) changes every hash after it.

Saves: every save of a plan appends a link covering the plan's whole content (the SHA-256 of its
plan-file form, :func:`content_hash`) and the plan book's link before it; a deleted plan gets a
link with no content. `pipdesk verify` recomputes each plan's content against its last link, so a
change made outside pipdesk to anything a plan holds shows as a broken trail, and the content hash,
printed on every PDF, identifies the content the document was printed from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipdesk.domain import plain

if TYPE_CHECKING:
    from pipdesk.domain.model import Plan, Revision

#: The hash "before" the first revision, and before a plan book's first save.
GENESIS = "0" * 64

# The envelope of a plan file (pipdesk/planfile, format 2): the content is the document
# `pipdesk export-json` writes without --stamp. tests/store/test_audit_chain.py checks they stay one.
_PLAN_FILE_FORMAT = "pipdesk-plan"
_PLAN_FILE_VERSION = 2


def revision_content(revision: Revision) -> str:
    """The revision as the text its hash covers: every field, in a fixed order."""
    return json.dumps(
        [revision.at.isoformat(), revision.field, revision.old, revision.new, revision.reason],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def link_hash(previous: str, content: str) -> str:
    return hashlib.sha256(f"{previous}\n{content}".encode()).hexdigest()


def chain(revisions: Sequence[Revision]) -> list[str]:
    """The hash of each revision, in order."""
    hashes: list[str] = []
    previous = GENESIS
    for revision in revisions:
        previous = link_hash(previous, revision_content(revision))
        hashes.append(previous)
    return hashes


def chain_hash(plan: Plan) -> str:
    """The revisions' chain hash: the last revision's, or GENESIS for a plan with none."""
    hashes = chain(plan.revisions)
    return hashes[-1] if hashes else GENESIS


def first_broken_link(contents: Sequence[str], stored: Sequence[str | None]) -> int | None:
    """The position of the first revision whose stored hash does not match its content and the chain."""
    previous = GENESIS
    for position, (content, hash_) in enumerate(zip(contents, stored, strict=True)):
        expected = link_hash(previous, content)
        if hash_ != expected:
            return position
        previous = expected
    return None


def plan_content(plan: Plan, version: int = _PLAN_FILE_VERSION) -> str:
    """The plan in its plan-file form, as compact JSON: what `pipdesk export-json` writes, without its indentation.

    The same document (``format``, ``version``, ``plan``; no ``exported_at``) with the same keys,
    values and order, on one line with no spaces between items, so the fast C encoder writes it
    (the indented form costs about ten times as long on a plan with 200 check-ins).
    ``version=1`` gives the form pipdesk hashed before format 2 (what format 2 added left out): the
    plan book's upgrade checks each plan's last save against it.
    """
    document = {"format": _PLAN_FILE_FORMAT, "version": version, "plan": _plan_data(plan, version)}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _plan_data(plan: Plan, version: int) -> dict[str, Any]:
    if isinstance(plan, plain.PlainRecord):  # a stored plan read to print (domain/plain.py): the same data
        if version != _PLAN_FILE_VERSION:
            raise ValueError(f"A plan read to print has no version {version} form")
        return plain.json_form(plan)
    from pipdesk.domain.model import FORMAT_2_ONLY

    return plan.model_dump(mode="json", exclude=FORMAT_2_ONLY if version == 1 else None)


def content_hash(plan: Plan, version: int = _PLAN_FILE_VERSION) -> str:
    """The SHA-256 of the plan's whole content (its compact plan file), as printed in every PDF's footer."""
    return hashlib.sha256(plan_content(plan, version).encode("utf-8")).hexdigest()


def save_link(previous: str, plan_id: int, at: str, content: str | None) -> str:
    """The link of one save: the plan's number, when, its content hash (``None``: deleted), the link before."""
    return link_hash(previous, json.dumps([plan_id, at, content], separators=(",", ":")))


@dataclass(frozen=True)
class SavedLink:
    """One save as the plan book stores it; ``link`` is what was stored, right or not."""

    position: int
    plan_id: int
    at: str
    content_hash: str | None
    link: str | None


@dataclass
class SaveHistory:
    """What a plan book's chain of saves says about each plan (see :func:`read_saves`)."""

    #: The content hash of each plan's last save; ``None`` for a plan pipdesk deleted.
    last_content: dict[int, str | None] = field(default_factory=dict)
    #: When each plan was last saved (or deleted).
    last_at: dict[int, str] = field(default_factory=dict)
    #: How many saves of each plan the chain holds.
    saves: dict[int, int] = field(default_factory=dict)
    #: The first save of each plan whose stored link does not match its fields and the link before.
    broken: dict[int, SavedLink] = field(default_factory=dict)


def read_saves(links: Iterable[SavedLink]) -> SaveHistory:
    """Check every link against its fields and the stored link before it, oldest first.

    Each link is checked against the link stored before it (not the one recomputed), so a changed
    save is named where it was changed: that one, or the save after it when its own link was
    recomputed too. Only rewriting every link from there to the end goes unnoticed.
    """
    history = SaveHistory()
    previous = GENESIS
    for saved in links:
        expected = save_link(previous, saved.plan_id, saved.at, saved.content_hash)
        if saved.link != expected and saved.plan_id not in history.broken:
            history.broken[saved.plan_id] = saved
        history.last_content[saved.plan_id] = saved.content_hash
        history.last_at[saved.plan_id] = saved.at
        if saved.content_hash is None:  # deleted: a plan added later may be given its number again
            history.saves[saved.plan_id] = 0
        else:
            history.saves[saved.plan_id] = history.saves.get(saved.plan_id, 0) + 1
        previous = saved.link or ""
    return history
