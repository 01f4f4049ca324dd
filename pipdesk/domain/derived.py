"""What a plan's records tell beyond their fields, written once for both of their forms.

The validated models (``domain/model.py``, pydantic) and the plain records a document is printed from
(``domain/plain.py``, no pydantic) both take these as mixins, so a plan's length or an objective's
direction cannot differ between the window and a PDF. Only fields are read here: no pydantic. The
fields each mixin reads are declared for the type checker only: at run time pydantic would take
them for fields of the models, placed first (the order of a plan's fields is its plan file's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from pipdesk.domain.kinds import FORMAL_KINDS, CheckinKind, Direction


class ObjectiveFacts:
    __slots__ = ()
    if TYPE_CHECKING:
        baseline: float | None
        target: float | None

    @property
    def direction(self) -> Direction | None:
        """Higher is better when the target is above the baseline; unknown until both are set."""
        if self.baseline is None or self.target is None or self.baseline == self.target:
            return None
        if self.target > self.baseline:
            return Direction.HIGHER_IS_BETTER
        return Direction.LOWER_IS_BETTER


class CheckinFacts:
    __slots__ = ()
    if TYPE_CHECKING:
        formal: bool
        kind: CheckinKind

    @property
    def is_formal(self) -> bool:
        """A kick-off, formal review, mid-plan evaluation or final review, or a check-in marked formal."""
        return self.formal or self.kind in FORMAL_KINDS


class PauseFacts:
    __slots__ = ()
    if TYPE_CHECKING:
        paused_on: dt.date
        resumed_on: dt.date | None

    @property
    def days(self) -> int | None:
        """The days the clock stood still; None while the plan is still paused."""
        return None if self.resumed_on is None else (self.resumed_on - self.paused_on).days


class Keyed(Protocol):
    @property
    def key(self) -> str: ...


# Generic in the records it returns, which this module cannot import: the models import it.
_Acknowledgement = TypeVar("_Acknowledgement")
_Objective = TypeVar("_Objective", bound=Keyed)
_Concern = TypeVar("_Concern", bound=Keyed)


class PlanFacts(Generic[_Acknowledgement, _Objective, _Concern]):
    __slots__ = ()
    if TYPE_CHECKING:
        start_date: dt.date
        end_date: dt.date
        pauses: Sequence[PauseFacts]
        acknowledgement: _Acknowledgement | None
        reacknowledgements: Sequence[_Acknowledgement]
        objectives: Sequence[_Objective]
        concerns: Sequence[_Concern]

    @property
    def length_days(self) -> int:
        return (self.end_date - self.start_date).days

    @property
    def paused(self) -> bool:
        """Whether the plan's clock is stopped now: its last pause has not been resumed."""
        return bool(self.pauses) and self.pauses[-1].resumed_on is None

    @property
    def latest_acknowledgement(self) -> _Acknowledgement | None:
        """The employee's most recent acknowledgement of the plan: the last re-acknowledgement, or the first."""
        return self.reacknowledgements[-1] if self.reacknowledgements else self.acknowledgement

    def objective(self, key: str) -> _Objective | None:
        return next((o for o in self.objectives if o.key == key), None)

    def concern(self, key: str) -> _Concern | None:
        return next((c for c in self.concerns if c.key == key), None)
