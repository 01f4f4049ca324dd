"""Pausing and resuming a plan through the window, living the days before, during and after the pause."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.domain.fair_process import PAUSE_FIELD
from pipdesk.domain.schedule import DueKind, original_end
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.outcome.commands import close_with_outcome, extend_plan
from pipdesk.gui.pause.dialogs import PauseDialog, ResumeDialog
from pipdesk.gui.plans.model import PlanListModel
from pipdesk.gui.shell.actions import action_map
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.gui.timeline.items import Label
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY

#: Alex's plan (28 Sep to 21 Dec 2026) is paused on TODAY (Mon 23 Nov) and resumed two weeks later.
PAUSED_ON, RESUMED_ON = TODAY, TODAY + dt.timedelta(days=14)
REASON = "Sickness absence <b>&amp; fit note</b>"


class Clock:
    """Today as the window sees it, moved by the test: ``clock.day = ...``."""

    day = TODAY

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lived(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, clock: Clock) -> MainWindow:
    """The main window over the samples on a clock the test moves, Alex's plan shown."""
    main = MainWindow(book, prompter=prompter, today=clock)
    qtbot.addWidget(main)
    main.resize(1300, 850)
    main.show()
    qtbot.waitExposed(main)
    assert main.select_plan(ALEX)
    return main


def pause_with(reason: str, on: dt.date | None = None) -> object:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, PauseDialog)
        if on is not None:
            dialog.set_date(on)
        dialog.set_text(reason)
        return True

    return fill


def resume_seen(seen: list[str]) -> object:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ResumeDialog)
        seen.append(dialog.preview.text())
        return True

    return fill


def alex_this_week(window: MainWindow, clock: Clock, day: dt.date) -> list[DueKind]:
    clock.day = day
    window.refresh_plans()
    return [item.kind for item in window.this_week.model.items() if item.plan_id == ALEX]


def alex_status(window: MainWindow) -> str:
    row = window.plans.row_of(ALEX)
    return str(window.plans.index(row, PlanListModel.STATUS).data())


def test_pause_and_resume_through_the_window_moves_the_schedule_and_this_week_is_silent_meanwhile(
    lived: MainWindow, prompter: ScriptedPrompter, clock: Clock, qtbot: QtBot
) -> None:
    actions = action_map(lived.ui)
    plan = lived.book.get(ALEX) if lived.book else None
    assert plan is not None
    before = plan.model_copy(deep=True)
    # Before: something of Alex's is due, and in two weeks check-in 9 (30 Nov) would be overdue.
    assert alex_this_week(lived, clock, TODAY)
    assert DueKind.OVERDUE in alex_this_week(lived, clock, dt.date(2026, 12, 3))
    clock.day = TODAY
    lived.refresh_plans()
    assert actions["actionPausePlan"].isEnabled() and not actions["actionResumePlan"].isEnabled()
    assert "The plan is not paused." in actions["actionResumePlan"].statusTip()

    prompter.expect("dialog", pause_with(REASON))
    actions["actionPausePlan"].trigger()
    assert lived.session is not None and lived.session.plan.paused
    assert not actions["actionPausePlan"].isEnabled() and actions["actionResumePlan"].isEnabled()
    assert not actions["actionCloseWithOutcome"].isEnabled() and not actions["actionExtend"].isEnabled()
    assert (
        actions["actionCloseWithOutcome"]
        .statusTip()
        .endswith("Not now: The plan is paused since 23 Nov 2026: resume the plan before closing it.")
    )

    # During: nothing of Alex's plan is due or overdue, only the line saying since when it is paused.
    for day in (TODAY, dt.date(2026, 12, 1), dt.date(2026, 12, 3)):
        assert alex_this_week(lived, clock, day) == [DueKind.PAUSED], day
    assert alex_status(lived) == "Paused"
    assert lived.editor.ui.statusLabel.text() == "Active, paused"  # the Plan view says it too
    lived.show_this_week()
    whens = [lived.this_week.model.index(r, 0).data() for r in range(lived.this_week.model.rowCount())]
    assert "Paused for 10 days" in whens  # 23 Nov to 3 Dec

    # Resume two weeks after the pause began: the dialog says how far the end date moves.
    clock.day = RESUMED_ON
    lived.refresh_plans()
    seen: list[str] = []
    prompter.expect("dialog", resume_seen(seen))
    actions["actionResumePlan"].trigger()
    assert seen == [
        "The end date moves from 21 December 2026 to 4 January 2027 (14 days), and so do the meetings not yet "
        "held and the due dates from the pause's first day on."
    ]
    plan = lived.book.get(ALEX) if lived.book else None
    assert plan is not None and not plan.paused
    shift = dt.timedelta(days=14)
    assert plan.end_date == before.end_date + shift
    assert original_end(plan) == before.end_date
    for old, new in zip(before.milestones, plan.milestones, strict=True):
        assert new.date == (old.date + shift if not old.done and old.date >= PAUSED_ON else old.date), old.title
    qtbot.waitUntil(lambda: alex_status(lived) == "Active")  # the list follows the change once typing pauses
    assert actions["actionCloseWithOutcome"].isEnabled() and actions["actionPausePlan"].isEnabled()

    # After: check-in 9, moved from 30 Nov to 14 Dec, is due that day and nothing is overdue.
    after = alex_this_week(lived, clock, dt.date(2026, 12, 14))
    assert DueKind.DUE_TODAY in after and DueKind.OVERDUE not in after and DueKind.PAUSED not in after
    assert prompter.warnings() == []


def test_a_paused_plan_refuses_closing_and_extending_and_says_why(
    lived: MainWindow, prompter: ScriptedPrompter, clock: Clock
) -> None:
    prompter.expect("dialog", pause_with("Annual leave", on=TODAY - dt.timedelta(days=2)))
    action_map(lived.ui)["actionPausePlan"].trigger()
    session = lived.session
    assert session is not None and session.plan.pauses[-1].paused_on == TODAY - dt.timedelta(days=2)
    assert not close_with_outcome(session, prompter, clock)
    assert not extend_plan(session, prompter, clock)
    assert [w.text for w in prompter.warnings()] == [
        "The plan is paused since 21 Nov 2026: resume the plan before closing it.",
        "The plan is paused since 21 Nov 2026: resume the plan before extending it.",
    ]


def test_the_pause_dialog_refuses_a_day_to_come_and_a_missing_reason(qtbot: QtBot, book: PlanBook) -> None:
    dialog = PauseDialog(book.get(ALEX), TODAY)
    qtbot.addWidget(dialog)
    dialog.set_text("")
    assert dialog.problems() == ["Give the reason for the pause; it is kept in the plan's history."]
    dialog.date_edit.setMaximumDate(dialog.date_edit.maximumDate().addDays(5))  # as if typed past the limit
    dialog.set_date(TODAY + dt.timedelta(days=3))
    dialog.set_text("Leave")
    assert dialog.problems() == ["A pause is recorded once it has begun: 26 Nov 2026 is after today."]


def test_the_history_names_the_pause_and_each_date_resuming_moved(
    lived: MainWindow, prompter: ScriptedPrompter, clock: Clock
) -> None:
    prompter.expect("dialog", pause_with("Sickness absence"))
    action_map(lived.ui)["actionPausePlan"].trigger()
    clock.day = RESUMED_ON
    prompter.expect("dialog", resume_seen([]))
    action_map(lived.ui)["actionResumePlan"].trigger()
    history = lived.editor.history
    rows = [
        [str(history.index(row, column).data()) for column in range(history.columnCount())]
        for row in range(history.rowCount())
    ]
    resumed, paused = rows[0], rows[1]
    assert resumed[1].splitlines()[:3] == ["Pause (first day → day resumed)", "End date", "Weekly check-in 9: date"]
    assert resumed[2].splitlines()[:2] == ["23 Nov 2026 → 7 Dec 2026", "21 Dec 2026 → 4 Jan 2027"]
    assert resumed[3] == "Resumed after a pause of 14 days: Sickness absence"
    assert (paused[1], paused[2], paused[3]) == (
        "Pause (first day → day resumed)",
        "23 Nov 2026 → —",
        "Sickness absence",
    )
    assert any(r.field == PAUSE_FIELD for r in lived.session.plan.revisions) if lived.session else False


def test_the_timeline_draws_the_pause_up_to_today_and_says_so(
    lived: MainWindow, prompter: ScriptedPrompter, clock: Clock, qtbot: QtBot
) -> None:
    lived.ui.viewTabs.setCurrentWidget(lived.ui.timelineTab)
    canvas = lived.timeline.canvas

    def band_labels() -> list[str]:
        lived.timeline.ensure_current()
        return [item.text for item in canvas.scene().items() if isinstance(item, Label) and "Paused" in item.text]

    assert band_labels() == [] and "Paused" not in canvas.accessibleDescription()
    prompter.expect("dialog", pause_with(REASON, on=TODAY - dt.timedelta(days=7)))
    action_map(lived.ui)["actionPausePlan"].trigger()
    lived.timeline.refresh()
    assert band_labels() and band_labels()[0].startswith("Paused")
    description = canvas.accessibleDescription()
    assert f"Paused since 16 Nov 2026, not yet resumed (7 days so far): {REASON}." in description
    legend = [label.text() for label in lived.timeline.ui.legendFrame.findChildren(type(lived.ui.planHeading))]
    assert "Paused" in legend
    lived.grab().save("/tmp/pause-timeline.png")
