"""The check-in commands as plain functions: log, amend and delete, each one undo step, with a reason where due."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from pipdesk.domain import Checkin, CheckinKind, Progress, Rating
from pipdesk.gui.checkins.commands import (
    apply_amendment,
    checkin_changes,
    delete_checkin,
    describe,
    log_checkin,
    writable,
)
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, DMITRY, answer_reason

NEXT_MEETING = dt.date(2026, 11, 30)


def test_logging_a_check_in_keeps_date_order_and_marks_the_meeting_held(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    checkin = Checkin(date=NEXT_MEETING, notes="On track.", progress=[Progress(objective="on-time", value=87)])
    assert log_checkin(session, prompter, checkin)
    plan = book.get(ALEX)
    assert plan.checkins[-1] == checkin
    assert [c.date for c in plan.checkins] == sorted(c.date for c in plan.checkins)
    assert next(m for m in plan.milestones if m.date == NEXT_MEETING).done
    session.undo_stack.undo()
    assert NEXT_MEETING not in {c.date for c in book.get(ALEX).checkins}
    assert not next(m for m in book.get(ALEX).milestones if m.date == NEXT_MEETING).done


def test_a_check_in_the_plan_refuses_is_not_logged_and_the_person_is_told(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    assert not log_checkin(session, prompter, Checkin(date=dt.date(2025, 1, 6)))  # before the plan started
    assert [w.title for w in prompter.warnings()] == ["The check-in was not saved"]
    assert book.get(ALEX).checkins == session.plan.checkins


def test_an_amendment_with_a_reason_keeps_one_revision_a_changed_field_in_one_undo_step(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    old = session.plan.checkins[0]
    new = old.model_copy(deep=True)
    new.notes = "Corrected notes."
    new.progress[0].rating = Rating.OFF_TRACK
    seen: list[str] = []
    prompter.expect("dialog", answer_reason("The first notes were another meeting's.", seen))
    assert apply_amendment(session, prompter, 0, new, with_reason=True)
    assert seen == [describe("The check-in of 2026-10-05:", checkin_changes(old, new, session.plan))]
    plan = book.get(ALEX)
    assert plan.checkins[0] == new
    fields = [r.field for r in plan.revisions[-2:]]
    assert fields == ["checkins.2026-10-05.notes", "checkins.2026-10-05.progress.on-time.rating"]
    assert {r.reason for r in plan.revisions[-2:]} == {"The first notes were another meeting's."}
    session.undo_stack.undo()
    assert book.get(ALEX).checkins[0] == old
    assert len(book.get(ALEX).revisions) == len(plan.revisions) - 2


def test_an_amendment_whose_reason_is_cancelled_changes_nothing(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    new = session.plan.checkins[0].model_copy(update={"notes": "Other notes."})
    prompter.expect("dialog", lambda _dialog: False)
    assert not apply_amendment(session, prompter, 0, new, with_reason=True)
    assert book.get(ALEX) == session.plan and session.undo_stack.count() == 0


def test_an_amendment_that_changes_nothing_is_not_a_step(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    assert not apply_amendment(session, prompter, 0, session.plan.checkins[0], with_reason=True)
    assert session.undo_stack.count() == 0


def test_deleting_from_an_issued_plan_confirms_asks_why_and_keeps_what_was_deleted(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    count = len(session.plan.checkins)
    prompter.expect("confirm", True).expect("dialog", answer_reason("Logged twice."))
    assert delete_checkin(session, prompter, 0)
    plan = book.get(ALEX)
    assert len(plan.checkins) == count - 1
    kept = plan.revisions[-1]
    assert (kept.field, kept.new, kept.reason) == ("checkins.2026-10-05", None, "Logged twice.")
    assert kept.old is not None and kept.old.startswith("Check-in of 2026-10-05: ")


def test_deleting_from_a_draft_needs_no_reason_and_a_no_deletes_nothing(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, DMITRY)
    assert log_checkin(session, prompter, Checkin(date=dt.date(2026, 12, 7), kind=CheckinKind.CHECKIN))
    prompter.expect("confirm", False)
    assert not delete_checkin(session, prompter, 0)
    prompter.expect("confirm", True)
    assert delete_checkin(session, prompter, 0)
    assert book.get(DMITRY).checkins == [] and book.get(DMITRY).revisions == []


def test_a_closed_plans_check_ins_are_not_changed(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter) -> None:
    session = PlanSession(book, BETH)
    assert not writable(session, prompter)
    assert not delete_checkin(session, prompter, 0)
    assert [s.title for s in prompter.shown] == ["The plan is closed", "The plan is closed"]
    assert book.get(BETH) == session.plan
