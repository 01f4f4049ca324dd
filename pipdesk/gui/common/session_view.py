"""A view of the open plan: follows one plan session, and catches up when shown if the plan changed while hidden."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from pipdesk.gui.common.session import PlanSession


class SessionView(QWidget):
    """Base of the views that show the open plan (Vorta's ``BaseTab`` is the model).

    :meth:`set_session` drops every connection made to the last session through :meth:`track` and
    makes the view's own to the new one; a change while the view is hidden (another tab in front)
    only marks it stale, and :meth:`refresh` runs when it is shown again. Subclasses implement
    :meth:`refresh`, and may override :meth:`session_set` to reset what belongs to one plan and to
    track more of the session's signals.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: PlanSession | None = None
        self._stale = True
        self._connections: list[tuple[SignalInstance, Callable[..., Any]]] = []

    def set_session(self, session: PlanSession | None) -> None:
        self.untrack()
        self.session = session
        if session is not None:
            self.track(session.changed, self.plan_changed)
        self.session_set(session)
        self.plan_changed()

    def session_set(self, session: PlanSession | None) -> None:
        """A new plan (or none) is shown: reset what belonged to the last one, track more signals."""

    def track(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect ``signal`` to ``slot`` until the next :meth:`set_session`."""
        signal.connect(slot)
        self._connections.append((signal, slot))

    def untrack(self) -> None:
        while self._connections:
            signal, slot = self._connections.pop()
            signal.disconnect(slot)

    def plan_changed(self) -> None:
        """Shown now when the view is visible; else the next time it is shown."""
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def ensure_current(self) -> None:
        """Bring the view up to date now, shown or not (a command needs what it shows)."""
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_current()
        super().showEvent(event)

    def refresh(self) -> None:
        """Show the session's plan as it is now."""
        raise NotImplementedError
