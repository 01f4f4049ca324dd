"""When each of the window's actions is enabled: a predicate over what the window shows (the action table
is in :mod:`.actions`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from pipdesk.domain.kinds import Status

if TYPE_CHECKING:
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.store import PlanBook


class Shows(Protocol):
    """What the predicates read of the window."""

    @property
    def book(self) -> PlanBook | None: ...

    @property
    def session(self) -> PlanSession | None: ...


@dataclass(frozen=True)
class State:
    """What the window shows: a plan book (encrypted or not) and the status of the plan shown, if any."""

    book: bool = False
    encrypted: bool = False
    status: Status | None = None

    @classmethod
    def of(cls, window: Shows) -> State:
        book = window.book
        return cls(
            book=book is not None,
            encrypted=book is not None and book.encrypted,
            status=window.session.plan.status if window.session else None,
        )


def always(_state: State) -> bool:
    return True


def book_open(state: State) -> bool:
    return state.book


def book_unencrypted(state: State) -> bool:
    return state.book and not state.encrypted


def book_encrypted(state: State) -> bool:
    return state.encrypted


def plan_shown(state: State) -> bool:
    return state.status is not None


def draft(state: State) -> bool:
    return state.status is Status.DRAFT


def running(state: State) -> bool:
    return state.status in (Status.ACTIVE, Status.EXTENDED)


def closed(state: State) -> bool:
    return state.status is Status.CLOSED


def running_or_closed(state: State) -> bool:
    """A closed plan is reopened only by an extension with a reason."""
    return running(state) or state.status is Status.CLOSED
