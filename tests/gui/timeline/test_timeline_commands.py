"""The timeline's milestone commands as plain functions: a plan session and a prompter in, an outcome out."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from pipdesk.domain import MilestoneKind
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.timeline import commands
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, DMITRY, TODAY, answer_reason


def session_of(book: PlanBook, plan_id: int) -> PlanSession:
    return PlanSession(book, plan_id)


def test_adding_to_a_draft_asks_a_name_and_keeps_the_milestone_in_date_order(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = session_of(book, DMITRY)
    prompter.expect("ask_text", "  Meet HR  ")
    outcome = commands.add_milestone(session, prompter, TODAY, dt.date(2000, 1, 1))
    plan = book.get(DMITRY)
    assert outcome == commands.Outcome(True, [], 0)
    added = plan.milestones[0]
    assert (added.title, added.kind, added.date) == ("Meet HR", MilestoneKind.CUSTOM, plan.start_date)
    assert plan.revisions == []


def test_adding_to_an_issued_plan_asks_why_and_lands_among_the_milestones(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = session_of(book, ALEX)
    seen: list[str] = []
    prompter.expect("ask_text", "Meet HR").expect("dialog", answer_reason("HR asked for a meeting.", seen))
    outcome = commands.add_milestone(session, prompter, TODAY)
    plan = book.get(ALEX)
    assert outcome.changed and outcome.index is not None
    assert (plan.milestones[outcome.index].title, plan.milestones[outcome.index].date) == ("Meet HR", TODAY)
    assert all(m.date <= TODAY for m in plan.milestones[: outcome.index])
    assert seen == ["Add the milestone “Meet HR” on Mon 23 Nov 2026."]
    revision = plan.revisions[-1]
    assert (revision.field, revision.old, revision.new, revision.reason) == (
        "milestones",
        None,
        "Meet HR",
        "HR asked for a meeting.",
    )


def test_a_blank_name_or_a_cancelled_reason_changes_nothing(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = session_of(book, ALEX)
    before = book.get(ALEX)
    prompter.expect("ask_text", "   ").expect("ask_text", None).expect("ask_text", "Final review")
    assert commands.add_milestone(session, prompter, TODAY) == commands.Outcome(False)
    assert commands.rename_milestone(session, prompter, 0) == commands.Outcome(False)
    last = len(before.milestones) - 1
    assert commands.rename_milestone(session, prompter, last) == commands.Outcome(False), "the same name"
    prompter.expect("dialog", lambda _dialog: False)
    assert commands.remove_milestone(session, prompter, last) == commands.Outcome(False)
    assert book.get(ALEX) == before and not prompter.answers


def test_moving_records_the_old_and_new_dates_and_nudges_merge_into_one_undo_step(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = session_of(book, DMITRY)
    prompter.expect("ask_text", "Meet HR")
    commands.add_milestone(session, prompter, TODAY)
    day = book.get(DMITRY).milestones[0].date
    steps = session.undo_stack.count()
    for shift in (1, 2):
        outcome = commands.move_milestone(session, prompter, 0, day + dt.timedelta(days=shift), merge=True)
        assert outcome == commands.Outcome(True, [], 0)
    assert book.get(DMITRY).milestones[0].date == day + dt.timedelta(days=2)
    assert session.undo_stack.count() == steps + 1
    assert commands.move_milestone(session, prompter, 0, day + dt.timedelta(days=2)) == commands.Outcome(False)


def test_renaming_and_removing_on_an_issued_plan_keep_a_revision(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = session_of(book, ALEX)
    last = len(book.get(ALEX).milestones) - 1
    prompter.expect("ask_text", " Closing review ").expect("dialog", answer_reason("Clearer."))
    assert commands.rename_milestone(session, prompter, last) == commands.Outcome(True, [], last)
    revision = book.get(ALEX).revisions[-1]
    assert (revision.field, revision.old, revision.new) == (
        "milestones.Final review.title",
        "Final review",
        "Closing review",
    )
    prompter.expect("dialog", answer_reason("Not wanted."))
    assert commands.remove_milestone(session, prompter, last).changed
    assert "Closing review" not in [m.title for m in book.get(ALEX).milestones]
    assert book.get(ALEX).revisions[-1].old == "Closing review"


def test_a_closed_plan_is_not_edited(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter) -> None:
    session = session_of(book, BETH)
    before = book.get(BETH)
    assert commands.add_milestone(session, prompter, TODAY) == commands.Outcome(False)
    assert commands.rename_milestone(session, prompter, 0) == commands.Outcome(False)
    assert commands.remove_milestone(session, prompter, 0) == commands.Outcome(False)
    assert book.get(BETH) == before and prompter.shown == []


def test_a_name_past_the_limit_is_refused_in_the_managers_words(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = session_of(book, DMITRY)
    before = book.get(DMITRY)
    prompter.expect("ask_text", "x" * 5_000)
    outcome = commands.add_milestone(session, prompter, TODAY)
    assert not outcome.changed and outcome.index is None
    assert [p.message for p in outcome.problems] and all("x" * 100 not in p.message for p in outcome.problems)
    assert book.get(DMITRY) == before


def test_marking_a_missed_kickoff_held_asks_why_and_keeps_it_as_a_revision(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    plan = book.get(ALEX)
    plan.milestones[0].done = False  # the kick-off was never marked held
    book.save(ALEX, plan)
    session = session_of(book, ALEX)
    kickoff = session.plan.milestones[0]
    assert kickoff.kind is MilestoneKind.KICKOFF
    seen: list[str] = []
    prompter.expect("dialog", answer_reason("The meeting took place; the acknowledgement comes later.", seen))
    assert commands.mark_held(session, prompter, 0, True) == commands.Outcome(True, [], 0)
    saved = book.get(ALEX)
    assert saved.milestones[0].done
    assert seen == ["Mark “Plan issued and discussed” of Mon 28 Sep 2026 as held."]
    revision = saved.revisions[-1]
    assert (revision.field, revision.old, revision.new) == (f"milestones.{kickoff.title}.done", "Not held", "Held")
    assert session.undo_stack.undoText() == "Mark as held"
    shown = len(prompter.shown)
    assert commands.mark_held(session, prompter, 0, True) == commands.Outcome(False)  # already held: nothing asked
    assert len(prompter.shown) == shown
    prompter.expect("dialog", answer_reason("Logged by mistake.", seen))
    assert commands.mark_held(session, prompter, 0, False).changed
    assert not book.get(ALEX).milestones[0].done and session.undo_stack.undoText() == "Mark as not held"


def test_marking_held_on_a_draft_asks_nothing_and_a_closed_plan_is_left_alone(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    draft = session_of(book, DMITRY)
    prompter.expect("ask_text", "Meet HR")
    assert commands.add_milestone(draft, prompter, TODAY).changed
    shown = len(prompter.shown)
    assert commands.mark_held(draft, prompter, 0, True).changed
    assert len(prompter.shown) == shown and book.get(DMITRY).milestones[0].done
    closed = session_of(book, BETH)
    assert commands.mark_held(closed, prompter, 0, not closed.plan.milestones[0].done) == commands.Outcome(False)
