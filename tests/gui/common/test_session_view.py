"""The base of the views of the open plan: refreshes when shown, follows one session at a time."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.session_view import SessionView
from pipdesk.store import PlanBook

from conftest import ALEX, BETH


class CountingView(SessionView):
    def __init__(self) -> None:
        super().__init__()
        self.refreshes = 0
        self.sessions: list[PlanSession | None] = []
        self.undo_moves = 0

    def session_set(self, session: PlanSession | None) -> None:
        self.sessions.append(session)
        if session is not None:
            self.track(session.undo_stack.indexChanged, self._undo_moved)

    def _undo_moved(self, _index: int) -> None:
        self.undo_moves += 1

    def refresh(self) -> None:
        self.refreshes += 1


@pytest.fixture
def view(qtbot: QtBot) -> CountingView:
    counting = CountingView()
    qtbot.addWidget(counting)
    return counting


def rename(session: PlanSession, title: str) -> None:
    assert session.change("Edit title", lambda plan: setattr(plan, "title", title)) == []


def test_a_hidden_view_is_not_refreshed_on_change_and_once_when_shown(
    view: CountingView, book: PlanBook, qtbot: QtBot
) -> None:
    session = PlanSession(book, ALEX, view)
    view.set_session(session)
    assert view.refreshes == 0 and view.sessions == [session]
    rename(session, "One")
    rename(session, "Two")
    assert view.refreshes == 0
    view.show()
    qtbot.waitExposed(view)
    assert view.refreshes == 1
    rename(session, "Three")
    assert view.refreshes == 2, "a visible view follows every change"
    view.hide()
    view.show()
    assert view.refreshes == 2, "shown again with nothing changed: nothing to do"


def test_ensure_current_brings_a_hidden_view_up_to_date_once(view: CountingView, book: PlanBook) -> None:
    session = PlanSession(book, ALEX, view)
    view.set_session(session)
    view.ensure_current()
    view.ensure_current()
    assert view.refreshes == 1


def test_set_session_drops_the_last_sessions_connections(view: CountingView, book: PlanBook, qtbot: QtBot) -> None:
    view.show()
    qtbot.waitExposed(view)
    alex = PlanSession(book, ALEX, view)
    beth = PlanSession(book, BETH, view)
    view.set_session(alex)
    view.set_session(beth)
    refreshes = view.refreshes
    rename(alex, "Changed elsewhere")
    assert (view.refreshes, view.undo_moves) == (refreshes, 0), "the last session is no longer followed"
    rename(beth, "Shown")
    assert (view.refreshes, view.undo_moves) == (refreshes + 1, 1)
    view.set_session(None)
    rename(beth, "Not shown")
    assert view.undo_moves == 1 and view.sessions == [alex, beth, None]
