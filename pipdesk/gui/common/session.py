"""One open plan: its current state, the store it is saved to, and the undo stack of its changes.

Every change is a whole-plan snapshot pair in a QUndoCommand whose redo() and undo() write the
plan book at once, so nothing typed is lost on close, crash or power cut, and undo and redo work
across the whole plan. A change that would break a rule of the plan is not made; the problems are
returned for the view to show next to the field.

A write that fails (a full disk, a plan book another program holds) never raises out of redo()
or undo(): an exception escaping a Python override of a Qt virtual can crash the app. The change
stays on screen and in the undo stack, the session says it is not saved (:attr:`PlanSession.problem`),
and it writes the plan as it is on screen again on a timer and on the next change, until it is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from pipdesk.domain.kinds import Status
from pipdesk.domain.problems import PipdeskError, Problem
from pipdesk.store import PlanBook, PlanNotFound
from pipdesk.store.connection import explain_database_error
from pipdesk.store.driver import sqlite3
from pipdesk.system.diagnostics import logger
from pipdesk.system.lazy import lazy_module

if TYPE_CHECKING:
    from pipdesk.domain import model, rules
    from pipdesk.domain.model import Plan
else:  # the plan's models load with the first plan opened, not with the window
    model = lazy_module("pipdesk.domain.model")
    rules = lazy_module("pipdesk.domain.rules")

#: How long after a failed save the plan is written again (the next change tries at once).
RETRY_INTERVAL_MS = 5000

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

    # Never raise from these two: the session keeps a failed write and retries it.
    def redo(self) -> None:
        self.session._show_and_save(self.after)

    def undo(self) -> None:
        self.session._show_and_save(self.before)


class PlanSession(QObject):
    """The plan being edited; views read :attr:`plan` and change it only through :meth:`change`."""

    changed = Signal()
    #: The plan went from saved to not saved, or back, or the reason it is not saved changed.
    save_state_changed = Signal()

    def __init__(self, book: PlanBook, plan_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.plan_id = plan_id
        self.plan = book.get(plan_id)
        self.undo_stack = QUndoStack(self)
        #: Why the plan on screen is not in the plan book, in the manager's words; ``None`` when it is saved.
        self.problem: str | None = None
        self._closed = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.save_now)

    @property
    def saved(self) -> bool:
        """Whether the plan book holds the plan as it is on screen."""
        return self.problem is None

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
        is saved. A change the plan book cannot take now is made all the same and saved later
        (see :attr:`problem`).
        """
        after = self.plan.model_copy(deep=True)
        edit(after)
        if revision is not None:
            field, old, new, reason = revision
            after.revisions.append(
                model.Revision(
                    at=dt.datetime.now(dt.UTC).replace(microsecond=0), field=field, old=old, new=new, reason=reason
                )
            )
        problems = rules.plan_problems(after)
        if problems:
            return problems
        if after == self.plan:
            return []
        self.undo_stack.push(PlanChange(self, self.plan, after, text, None if revision else merge_key))
        return []

    def save_now(self) -> bool:
        """Write the plan as it is on screen; true when the plan book holds it (also when it already did)."""
        if self.saved or self._closed:
            return self.saved
        self._save()
        return self.saved

    def close(self) -> None:
        """Stop saving: the plan book is being closed, or the plan was deleted."""
        self._closed = True
        self._retry.stop()

    def _show_and_save(self, plan: Plan) -> None:
        self.plan = plan
        self._save()
        self.changed.emit()

    def _save(self) -> None:
        if self._closed:
            return
        try:
            self.book.save(self.plan_id, self.plan)
        except sqlite3.Error as error:
            self._not_saved(explain_database_error(error), error)
        except PlanNotFound:
            self.close()  # deleted meanwhile: there is nothing left to save it to
            self._not_saved("the plan is no longer in the plan book", None)
        except PipdeskError as error:  # refused in the manager's words (changed outside pipdesk, a limit): said so
            logger().warning("plan %s not saved: %s", self.plan_id, error)
            self._not_saved(str(error), None)
        except Exception as error:  # a fault in pipdesk: logged in full, said plainly, tried again
            logger().error("saving plan %s failed", self.plan_id, exc_info=error)
            self._not_saved(f"pipdesk hit an unexpected error ({type(error).__name__}: {error})", None)
        else:
            self._retry.stop()
            if self.problem is not None:
                logger().info("plan %s is saved again", self.plan_id)
                self.problem = None
                self.save_state_changed.emit()

    def _not_saved(self, problem: str, error: sqlite3.Error | None) -> None:
        if not self._closed:
            self._retry.start(RETRY_INTERVAL_MS)
        if problem != self.problem:
            if error is not None:
                logger().warning("plan %s not saved: %s (%s)", self.plan_id, problem, error)
            self.problem = problem
            self.save_state_changed.emit()
