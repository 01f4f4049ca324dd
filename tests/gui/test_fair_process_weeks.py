"""A manager lives a plan's weeks after its close: an appeal and the employee's response to the outcome,
then the plan reopened by extension, and the record of both kept."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from pipdesk.domain import Appeal, AppealResult, EmployeeResponse, Plan, ResponseTo, Status, vocabulary
from pipdesk.domain.rules import plan_problems
from pipdesk.gui.common.dates import qdate
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.outcome.commands import apply_extension
from pipdesk.gui.plan.response_dialog import ResponseDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, TODAY

DECIDED = dt.date(2026, 5, 25)  # Beth's plan was closed that day


def test_an_upheld_appeal_reopens_the_plan_by_extension_and_the_record_keeps_appeal_and_response(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    assert window.select_plan(BETH)
    session = window.session
    assert session is not None and session.plan.status is Status.CLOSED
    appeal = Appeal(
        lodged_on=DECIDED + dt.timedelta(days=3),
        grounds="The targets moved <b>&amp;</b> late",
        heard_by="Dana Ólafsdóttir",
        heard_on=DECIDED + dt.timedelta(days=10),
        result=AppealResult.UPHELD,
        comments="Extend the plan by four weeks.",
    )
    response = EmployeeResponse(to=ResponseTo.OUTCOME, on=DECIDED + dt.timedelta(days=1), text="I disagree.")

    def record(plan: Plan) -> None:
        plan.appeal = appeal
        plan.responses.append(response)

    assert session.change("Record appeal", record) == []

    # The appeal is upheld: the manager reopens the plan by extension.
    assert apply_extension(session, prompter, TODAY + dt.timedelta(days=28), "Appeal upheld: four more weeks")
    assert prompter.warnings() == []
    plan = session.plan
    assert plan.status is Status.EXTENDED and plan.outcome is None
    assert plan_problems(plan) == []
    # Nothing of the appeal or of the employee's words is lost: the history keeps them.
    kept = " ".join(f"{r.field} {r.old}" for r in plan.revisions)
    assert "Dana Ólafsdóttir" in kept and "I disagree." in kept
    assert plan.appeal is None and [r for r in plan.responses if r.to is ResponseTo.OUTCOME] == []

    # Undo brings the closed plan back whole, appeal and response with it.
    session.undo_stack.undo()
    plan = session.plan
    assert plan.status is Status.CLOSED and plan.appeal == appeal and response in plan.responses


def test_a_response_dated_before_the_acknowledgement_is_refused_in_the_dates_the_window_shows(
    qtbot: QtBot, book: PlanBook
) -> None:
    plan = book.get(ALEX)
    assert plan.acknowledgement is not None
    signed = plan.acknowledgement.on
    dialog = ResponseDialog(plan, TODAY)
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(qdate(signed - dt.timedelta(days=1)))
    dialog.text_edit.setPlainText("I was not told.")
    assert dialog.problems() == [
        f"The date {vocabulary.short_date(signed - dt.timedelta(days=1))} is before the employee's acknowledgement "
        f"of the plan ({vocabulary.short_date(signed)})."
    ]
