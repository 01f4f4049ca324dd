"""The timeline from the keyboard and for a screen reader: select, move by a day or a week, hear what is selected."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from pytestqt.qtbot import QtBot

from pipdesk.domain.markers import Lane, Marker
from pipdesk.domain.schedule import generate_schedule
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.timeline.view import TIMELINE_KEYS, TimelineView
from pipdesk.store import PlanBook

from conftest import ALEX, DMITRY, answer_reason, open_session

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WEEK = dt.timedelta(days=7)


@pytest.fixture
def view(timeline_view: TimelineView) -> TimelineView:
    return timeline_view


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, QAccessible.Event]]:
    """Every accessibility event pipdesk sends: (the object it is about, its type)."""
    sent: list[tuple[object, QAccessible.Event]] = []

    def record(event: QAccessibleEvent) -> None:
        sent.append((event.object(), event.type()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return sent


def open_plan(view: TimelineView, book: PlanBook, plan_id: int) -> PlanSession:
    return open_session(view, book, plan_id)


def milestone(view: TimelineView, title: str) -> Marker:
    return next(m for m in view.markers() if m.lane is Lane.SCHEDULE and m.title == title)


def walk_to(qtbot: QtBot, view: TimelineView, title: str) -> Marker:
    """Select the milestone ``title`` with Home and → only, as a person with no mouse would."""
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Home)
    for _ in range(60):
        selected = view.selected_marker()
        if selected is not None and selected.lane is Lane.SCHEDULE and selected.title == title:
            return selected
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    raise AssertionError(f"→ never reached {title}")


def test_the_selected_milestone_is_told_to_a_screen_reader(
    qtbot: QtBot, view: TimelineView, book: PlanBook, announced: list[tuple[object, QAccessible.Event]]
) -> None:
    open_plan(view, book, ALEX)
    canvas = view.canvas
    walk_to(qtbot, view, "Weekly check-in 9")
    assert canvas.accessibleName() == "Timeline"
    assert canvas.accessibleDescription().startswith("Selected: Weekly check-in 9, Mon 30 Nov 2026, planned. ")
    assert (canvas, QAccessible.Event.DescriptionChanged) in announced
    announced.clear()
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # the check-in logged on 23 Nov comes after that day's milestone
    selected = view.selected_marker()
    assert selected is not None and selected.lane is Lane.CHECKINS
    assert canvas.accessibleDescription().startswith("Selected: Check-in held, Mon 23 Nov 2026, overall: On track. ")
    assert announced and all(what is canvas for what, _type in announced)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.accessibleDescription().startswith("Selected: Weekly check-in 8, Mon 23 Nov 2026, held. ")


def test_with_nothing_selected_the_description_says_how_to_select(
    qtbot: QtBot, view: TimelineView, book: PlanBook
) -> None:
    open_plan(view, book, ALEX)
    view.select_marker(milestone(view, "Final review"))
    assert view.canvas.accessibleDescription().startswith("Selected: Final review, Mon 21 Dec 2026, planned. ")
    view.select_marker(None)
    assert "No milestone selected" in view.canvas.accessibleDescription()
    assert "→" in view.canvas.accessibleDescription()


def test_ctrl_shift_arrows_move_the_selected_milestone_by_a_week(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    plan = book.get(DMITRY)
    plan.milestones = generate_schedule(plan.start_date, plan.end_date, plan.checkin_every_days or 7)
    book.save(DMITRY, plan)
    session = open_plan(view, book, DMITRY)
    second = walk_to(qtbot, view, "Weekly check-in 2")
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, CTRL_SHIFT)
    assert book.get(DMITRY).milestones[second.index].date == second.date + WEEK
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, CTRL)
    assert book.get(DMITRY).milestones[second.index].date == second.date + WEEK + dt.timedelta(days=1)
    selected = view.selected_marker()
    assert selected is not None and selected.key == second.key
    assert view.canvas.accessibleDescription().startswith("Selected: Weekly check-in 2, ")
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left, CTRL_SHIFT)
    assert book.get(DMITRY).milestones[second.index].date == second.date + dt.timedelta(days=1)
    session.undo_stack.undo()  # the moves of one milestone by key are one step
    assert book.get(DMITRY).milestones[second.index].date == second.date
    assert prompter.shown == []


def test_a_week_that_would_leave_the_plan_period_does_not_move(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    final = walk_to(qtbot, view, "Final review")
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, CTRL_SHIFT)  # past the end date: nothing asked, nothing moved
    assert book.get(ALEX).milestones[final.index].date == final.date
    assert prompter.shown == []


def test_ctrl_shift_arrow_on_an_issued_plan_asks_why(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    walk_to(qtbot, view, "Weekly check-in 10")
    seen: list[str] = []
    prompter.expect("dialog", answer_reason("Team offsite all week.", seen))
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left, CTRL_SHIFT)
    revision = book.get(ALEX).revisions[-1]
    assert (revision.field, revision.old, revision.new) == (
        "milestones.Weekly check-in 10.date",
        "2026-12-07",
        "2026-11-30",
    )
    assert revision.reason == "Team offsite all week."
    assert seen == ["Move “Weekly check-in 10” from Mon 7 Dec 2026 to Mon 30 Nov 2026."]


def test_the_shortcuts_list_names_the_week_move() -> None:
    assert ("Ctrl+Shift+← →", "move the selected milestone a week") in TIMELINE_KEYS
