"""The audit trail's hash chain: each revision's hash covers its content and the hash before it.

A change to any earlier revision (its date, field, values or reason) changes every hash after it,
so an edit made outside pipdesk shows as a broken link (`pipdesk verify`), and the chain's last hash,
printed on every PDF, identifies the audit trail the document was printed with.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from pipdesk.domain.model import Plan, Revision

#: The hash "before" the first revision.
GENESIS = "0" * 64


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
    """The audit trail's current hash: the last revision's, or GENESIS for a plan with none."""
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
