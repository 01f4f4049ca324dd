"""The outcome commands as plain functions: a plan session and a prompter in, the plan changed or not out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.domain import (
    Checkin,
    CheckinKind,
    Decision,
    FollowUp,
    MilestoneKind,
    ObjectiveResult,
    Outcome,
    Result,
    Status,
)
from pipdesk.domain.fair_process import FAIRNESS_FIELD
from pipdesk.domain.outcome import fairness_check, outcome_line
from pipdesk.domain.schedule import original_end
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.outcome.commands import (
    FinalReviewFirst,
    apply_extension,
    apply_outcome,
    close_with_outcome,
    extend_plan,
    why_not_close,
    why_not_extend,
)
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, DMITRY, TODAY

NEW_END = dt.date(2027, 1, 18)


def outcome() -> Outcome:
    return Outcome(
        decision=Decision.SUCCESSFUL,
        decided_on=TODAY,
        follow_up=FollowUp.RETURN_TO_NORMAL,
        summary="Every target met.",
        results=[ObjectiveResult(objective="on-time", result=Result.MET)],
    )


def test_apply_outcome_closes_the_plan_with_the_fairness_confirmation_and_the_status_revision(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    check = fairness_check(session.plan, TODAY)
    assert apply_outcome(session, prompter, outcome(), check, "The missed check-in was a public holiday.")
    plan = book.get(ALEX)
    assert plan.status is Status.CLOSED and plan.outcome == outcome()
    fairness, status = plan.revisions[-2:]
    assert (fairness.field, fairness.reason) == (FAIRNESS_FIELD, "The missed check-in was a public holiday.")
    assert (status.field, status.old, status.new) == ("status", "active", "closed")
    assert status.reason == "Closed with outcome: successful"
    assert fairness.at == status.at
    assert prompter.shown == []
    session.undo_stack.undo()  # one step
    assert book.get(ALEX).status is Status.ACTIVE and book.get(ALEX).outcome is None


def test_apply_outcome_without_a_comment_says_there_was_nothing_to_confirm(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    assert apply_outcome(session, prompter, outcome(), fairness_check(session.plan, TODAY), "")
    assert book.get(ALEX).revisions[-2].reason == "Checked when closing the plan: nothing to confirm."


def test_apply_extension_moves_the_end_date_and_grows_the_schedule(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    before = session.plan
    assert apply_extension(session, prompter, NEW_END, "More time for the estimates.", move_due_dates=True)
    plan = book.get(ALEX)
    assert (plan.end_date, plan.status) == (NEW_END, Status.EXTENDED)
    checkins = [m for m in plan.milestones if m.kind is MilestoneKind.CHECKIN]
    assert len(checkins) > len([m for m in before.milestones if m.kind is MilestoneKind.CHECKIN])
    assert [m.date for m in plan.milestones if m.kind is MilestoneKind.FINAL] == [NEW_END]
    assert {o.key: o.due_date for o in plan.objectives}["estimates"] == NEW_END
    assert original_end(plan) == before.end_date
    fields = [r.field for r in plan.revisions[len(before.revisions) :]]
    assert fields == [
        "end_date",
        "objectives.on-time.due_date",
        "objectives.estimates.due_date",
        "status",
    ]
    assert {r.reason for r in plan.revisions[len(before.revisions) :]} == {"More time for the estimates."}


def test_apply_extension_can_leave_the_due_dates_where_they_are(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    due = {o.key: o.due_date for o in session.plan.objectives}
    assert apply_extension(session, prompter, NEW_END, "More time.", move_due_dates=False)
    assert {o.key: o.due_date for o in book.get(ALEX).objectives} == due


def test_extending_a_closed_plan_reopens_it_and_keeps_its_outcome_in_the_history(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, BETH)
    closed = session.plan
    assert closed.outcome is not None
    assert apply_extension(session, prompter, dt.date(2026, 12, 14), "Reopened after the appeal.")
    plan = book.get(BETH)
    assert plan.status is Status.EXTENDED and plan.outcome is None
    kept = next(r for r in plan.revisions if r.field == "outcome")
    assert (kept.old, kept.new, kept.reason) == (outcome_line(closed.outcome), None, "Reopened after the appeal.")
    assert session.undo_stack.undoText() == "Reopen the plan by extension"


def test_an_extension_of_an_extended_plan_keeps_its_status_and_adds_no_status_revision(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, CARL)
    count = len(session.plan.revisions)
    assert apply_extension(session, prompter, dt.date(2026, 10, 30), "Another month.", move_due_dates=False)
    assert [r.field for r in book.get(CARL).revisions[count:]] == ["end_date"]
    assert original_end(book.get(CARL)) == dt.date(2026, 8, 31)


def test_what_cannot_be_closed_or_extended_is_said_without_a_dialog(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    assert why_not_close(book.get(ALEX)) is None and why_not_extend(book.get(ALEX)) is None
    assert why_not_extend(book.get(BETH)) is None  # a closed plan reopens by extension
    assert not close_with_outcome(PlanSession(book, DMITRY), prompter, lambda: TODAY)
    assert not extend_plan(PlanSession(book, DMITRY), prompter, lambda: TODAY)
    assert [w.text for w in prompter.warnings()] == [why_not_close(book.get(DMITRY)), why_not_extend(book.get(DMITRY))]
    assert book.get(DMITRY).status is Status.DRAFT


def test_closing_without_a_final_review_asks_for_it_first(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    """Alex's last values are from check-in 8; with no final review the manager is asked before deciding."""
    session = PlanSession(book, ALEX)
    asked: list[str] = []
    logged: list[bool] = []

    def answer(choice: str | None) -> Callable[[QDialog], bool]:
        def fill(dialog: QDialog) -> bool:
            assert isinstance(dialog, FinalReviewFirst)
            asked.append(dialog.text())
            if choice is None:
                return False
            return dialog.answer(choice)

        return fill

    def log_final_review() -> None:
        logged.append(True)  # the person cancels the check-in form

    prompter.expect("dialog", answer(None))
    assert not close_with_outcome(session, prompter, lambda: TODAY + dt.timedelta(weeks=6), None, log_final_review)
    assert "has no final review logged" in asked[0] and "6 weeks ago" in asked[0]
    prompter.expect("dialog", answer(FinalReviewFirst.LOG))
    assert not close_with_outcome(session, prompter, lambda: TODAY, None, log_final_review)
    assert logged == [True], "the check-in form was offered"
    prompter.expect("dialog", answer(FinalReviewFirst.GO_ON)).expect("dialog", lambda dialog: False)
    assert not close_with_outcome(session, prompter, lambda: TODAY, None, log_final_review)
    assert [s.title for s in prompter.shown][-2:] == ["No final review yet", "Close with outcome"]
    assert book.get(ALEX).status is Status.ACTIVE


def test_a_logged_final_review_goes_straight_to_the_outcome(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)

    def log_final_review() -> None:
        final = Checkin(date=TODAY, kind=CheckinKind.FINAL)
        session.change("Log the final review", lambda plan: plan.checkins.append(final))

    prompter.expect("dialog", lambda dialog: isinstance(dialog, FinalReviewFirst) and dialog.answer("log"))
    prompter.expect("dialog", lambda dialog: False)  # the close dialog follows at once
    assert not close_with_outcome(session, prompter, lambda: TODAY, None, log_final_review)
    assert [s.title for s in prompter.shown] == ["No final review yet", "Close with outcome"]
    prompter.expect("dialog", lambda dialog: False)  # now straight to the close dialog
    close_with_outcome(session, prompter, lambda: TODAY, None, log_final_review)
    assert prompter.shown[-1].title == "Close with outcome"
