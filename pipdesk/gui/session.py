"""One open plan: its current state, the store it is saved to, and the undo stack of its changes.

Every change is a whole-plan snapshot pair in a QUndoCommand whose redo() and undo() write the
plan book at once, so nothing typed is lost on close, crash or power cut, and undo and redo work
across the whole plan. A change that would break a rule of the plan is not made; the problems are
returned for the view to show next to the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from pipdesk.domain import Plan, Problem, Revision, Status, plan_problems
from pipdesk.store import PlanBook

_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str) -> int:
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


class PlanChange(QUndoCommand):
    def __init__(self, session: PlanSession, before: Plan, after: Plan, text: str, merge_key: str | None) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def id(self) -> int:
        return _merge_id(self.merge_key) if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, PlanChange) or other.merge_key != self.merge_key or other.session is not self.session:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.session._store(self.after)

    def undo(self) -> None:
        self.session._store(self.before)


class PlanSession(QObject):
    """The plan being edited; views read :attr:`plan` and change it only through :meth:`change`."""

    changed = Signal()

    def __init__(self, book: PlanBook, plan_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.plan_id = plan_id
        self.plan = book.get(plan_id)
        self.undo_stack = QUndoStack(self)

    @property
    def issued(self) -> bool:
        return self.plan.status is not Status.DRAFT

    @property
    def closed(self) -> bool:
        return self.plan.status is Status.CLOSED

    def change(
        self,
        text: str,
        edit: Callable[[Plan], None],
        *,
        merge_key: str | None = None,
        revision: tuple[str, str | None, str | None, str] | None = None,
    ) -> list[Problem]:
        """Apply ``edit`` to a copy of the plan and save it as one undoable step.

        ``revision`` is (field, old, new, reason) for a change to an issued plan; it is kept in the
        plan's history. Returns the problems the change would cause; when there are any, nothing
        is saved.
        """
        after = self.plan.model_copy(deep=True)
        edit(after)
        if revision is not None:
            field, old, new, reason = revision
            after.revisions.append(
                Revision(
                    at=dt.datetime.now(dt.UTC).replace(microsecond=0), field=field, old=old, new=new, reason=reason
                )
            )
        problems = plan_problems(after)
        if problems:
            return problems
        if after == self.plan:
            return []
        self.undo_stack.push(PlanChange(self, self.plan, after, text, None if revision else merge_key))
        return []

    def reload(self) -> None:
        """Read the plan again from the plan book (after a change made elsewhere, e.g. a dialog)."""
        self.plan = self.book.get(self.plan_id)
        self.changed.emit()

    def _store(self, plan: Plan) -> None:
        self.book.save(self.plan_id, plan)
        self.plan = plan
        self.changed.emit()
