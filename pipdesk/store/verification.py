"""What checking a plan book's records finds: one plan's audit trail as ``pipdesk verify`` reports it, and the
saves of a printed PDF's content (``PlanBook.verify_audit_trails``, ``PlanBook.saves_of_content``).

Apart from :mod:`.plan_book` so that the window's launch does not make these classes (#21).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrintedSave:
    """A save of a plan whose content a PDF printed, and how many saves of the plan came after it."""

    plan_id: int
    at: str
    later_saves: int


@dataclass(frozen=True)
class AuditTrail:
    """One plan's audit trail as `pipdesk verify` reports it.

    ``broken_at``: the first revision whose stored hash does not match (``None``: the revisions'
    chain is intact); ``problem``: what does not match in the chain of saves (``None``: the plan is
    what pipdesk last saved).
    """

    plan_id: int
    title: str
    employee: str
    revisions: int
    broken_at: int | None = None
    broken_revision: str | None = None
    saves: int = 0
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.broken_at is None and self.problem is None
