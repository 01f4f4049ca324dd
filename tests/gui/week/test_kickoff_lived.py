"""Living the weeks after the kick-off: once the plan is handed over and acknowledged, it is never overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.domain import HrReview, MilestoneKind, Plan, Status
from pipdesk.domain.markers import Lane, MarkerState, plan_markers
from pipdesk.domain.schedule import KICKOFF_TITLE, DueKind, due_items
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.plan import commands as plan_commands
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.week.view import ThisWeekView
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY

KICKOFF_DAY = TODAY


def fresh_draft(book: PlanBook) -> PlanSession:
    """Alex's plan as a draft again, starting today: eight weeks, nothing scheduled or held yet."""
    plan = book.get(ALEX)
    length = plan.end_date - plan.start_date
    draft = plan.model_copy(
        update={
            "status": Status.DRAFT,
            "issued_on": None,
            "milestones": [],
            "start_date": KICKOFF_DAY,
            "hr_review": HrReview(sent_on=KICKOFF_DAY, reviewed_by="Priya Shah", reviewed_on=KICKOFF_DAY),
            "end_date": KICKOFF_DAY + length,
        }
    )
    draft.checkins, draft.revisions, draft.acknowledgement, draft.outcome = [], [], None, None
    for objective in draft.objectives:
        objective.due_date = draft.end_date
    for action in draft.support:
        action.due_date, action.done = None, False
    return PlanSession(book, book.add(draft))


def sign(refused: bool) -> Callable[[QDialog], bool]:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, AcknowledgementDialog)
        dialog.ui.refusedCheck.setChecked(refused)
        dialog.ui.witnessEdit.setText("Sam Okafor (HR)" if refused else "")
        return True

    return fill


def kickoff_overdue_this_week(view: ThisWeekView) -> list[str]:
    view.refresh()
    return [
        f"{item.kind.label}: {item.what}"
        for item in view.model.items()
        if item.kind is DueKind.OVERDUE and item.what == KICKOFF_TITLE
    ]


def kickoff_state(plan: Plan, today: dt.date) -> MarkerState:
    (marker,) = [m for m in plan_markers(plan, today) if m.lane is Lane.SCHEDULE and m.kind == "kickoff"]
    return marker.state


@pytest.mark.parametrize("refused", [False, True], ids=["signed", "declined-with-witness"])
def test_an_acknowledged_kickoff_is_held_two_weeks_and_81_days_on(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, refused: bool
) -> None:
    session = fresh_draft(book)
    prompter.expect("confirm", True)
    assert plan_commands.issue_plan(session, prompter, KICKOFF_DAY)
    prompter.expect("dialog", sign(refused))
    assert plan_commands.record_acknowledgement(session, prompter, KICKOFF_DAY, None)
    assert session.undo_stack.undoText() == "Record acknowledgement"

    day = KICKOFF_DAY
    view = ThisWeekView(today=lambda: day)
    qtbot.addWidget(view)
    view.set_book(book)
    for days in (0, 14, 81):
        day = KICKOFF_DAY + dt.timedelta(days=days)
        plan = book.get(session.plan_id)
        assert kickoff_overdue_this_week(view) == [], f"{days} days after the kick-off"
        assert kickoff_state(plan, day) is MarkerState.DONE
        assert [i.what for i in due_items([(session.plan_id, plan)], day) if i.what == KICKOFF_TITLE] == []


def test_without_an_acknowledgement_the_kickoff_is_still_owed(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    """Issuing alone does not hold the meeting: the overdue kick-off is the reminder to record it."""
    session = fresh_draft(book)
    prompter.expect("confirm", True)
    assert plan_commands.issue_plan(session, prompter, KICKOFF_DAY)
    two_weeks_on = KICKOFF_DAY + dt.timedelta(days=14)
    view = ThisWeekView(today=lambda: two_weeks_on)
    qtbot.addWidget(view)
    view.set_book(book)
    assert kickoff_overdue_this_week(view) == [f"Overdue: {KICKOFF_TITLE}"]
    assert kickoff_state(book.get(session.plan_id), two_weeks_on) is MarkerState.OVERDUE
    kickoffs = [m for m in book.get(session.plan_id).milestones if m.kind is MilestoneKind.KICKOFF]
    assert [m.done for m in kickoffs] == [False]
