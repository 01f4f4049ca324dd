"""The Plan view's commands as plain functions: a plan session and a scripted prompter, no view."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.domain import HrReview, Plan, Status
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.plan import commands
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plan.objective_dialog import ObjectiveDialog
from pipdesk.store import PlanBook

from conftest import ALEX, DMITRY, TODAY, answer_reason


@pytest.fixture
def alex(qtbot: QtBot, book: PlanBook) -> PlanSession:
    """Alex's plan: issued and running."""
    return PlanSession(book, ALEX)


@pytest.fixture
def dmitry(qtbot: QtBot, book: PlanBook) -> PlanSession:
    """Dmitry's plan: a draft."""
    return PlanSession(book, DMITRY)


def test_a_drafts_end_date_changes_without_a_reason(dmitry: PlanSession, prompter: ScriptedPrompter) -> None:
    assert commands.edit_field(dmitry, prompter, None, "end_date", dt.date(2027, 2, 5)) == []
    assert dmitry.book.get(DMITRY).end_date == dt.date(2027, 2, 5)
    assert dmitry.plan.revisions == [] and prompter.shown == []
    assert dmitry.undo_stack.undoText() == "Edit end date"


def test_an_issued_plans_end_date_asks_why_and_keeps_the_answer(alex: PlanSession, prompter: ScriptedPrompter) -> None:
    seen: list[str] = []
    prompter.expect("dialog", answer_reason("Two weeks of leave agreed with HR.", seen))
    assert commands.edit_field(alex, prompter, None, "end_date", dt.date(2027, 1, 4)) == []
    assert seen == ["End date: 2026-12-21 → 2027-01-04"]
    revision = alex.book.get(ALEX).revisions[-1]
    assert (revision.field, revision.old, revision.new, revision.reason) == (
        "end_date",
        "2026-12-21",
        "2027-01-04",
        "Two weeks of leave agreed with HR.",
    )


def test_cancelling_the_reason_changes_nothing(alex: PlanSession, prompter: ScriptedPrompter) -> None:
    before = alex.plan
    prompter.expect("dialog", lambda _dialog: False)
    assert commands.edit_field(alex, prompter, None, "manager_commitments", "Extra coaching.") is None
    assert alex.plan == before and alex.book.get(ALEX) == before
    assert alex.undo_stack.count() == 0


def test_an_issued_plans_summary_and_title_need_no_reason(alex: PlanSession, prompter: ScriptedPrompter) -> None:
    assert not commands.asks_reason(alex, "summary") and commands.asks_reason(alex, "checkin_every_days")
    assert commands.edit_field(alex, prompter, None, "summary", "Shorter.") == []
    assert commands.edit_field(alex, prompter, None, "title", "Delivery") == []
    assert (alex.plan.summary, alex.plan.title) == ("Shorter.", "Delivery")
    assert prompter.shown == []


def test_an_end_before_the_start_is_refused_and_not_saved(dmitry: PlanSession, prompter: ScriptedPrompter) -> None:
    problems = commands.edit_field(dmitry, prompter, None, "end_date", dt.date(2026, 11, 1))
    assert problems and problems[0].message == "End date 2026-11-01 is before start date 2026-12-01"
    assert dmitry.book.get(DMITRY).end_date == dt.date(2027, 1, 29)


def test_people_blank_hr_partner_is_none_and_a_blank_employee_is_refused(alex: PlanSession) -> None:
    blank = dict.fromkeys(commands.PERSON_FIELDS, "")
    assert commands.set_person(alex, "hr_partner", blank) == []
    assert alex.plan.hr_partner is None
    assert alex.undo_stack.undoText() == "Edit HR partner"
    problems = commands.set_person(alex, "employee", blank)
    assert [p.message for p in problems] == ["Employee name is required"]
    assert alex.book.get(ALEX).employee.name == "Alex Moreno"


def test_new_items_get_a_free_key_and_sensible_dates(dmitry: PlanSession) -> None:
    plan = dmitry.plan
    assert commands.new_concern(plan, TODAY).key == "concern-1"
    objective = commands.new_objective(plan, TODAY)
    assert (objective.key, objective.due_date) == ("objective-1", plan.end_date)
    assert commands.new_dated_note(plan, TODAY).date == TODAY, "before the start: today"
    assert commands.new_dated_note(plan, dt.date(2027, 1, 1)).date == plan.start_date
    assert commands.unique_key("objective", {"objective-1", "objective-2"}) == "objective-3"


def test_adding_a_concern_to_a_draft_is_one_undoable_step(dmitry: PlanSession, prompter: ScriptedPrompter) -> None:
    count = len(dmitry.plan.concerns)
    assert commands.add_item(dmitry, prompter, None, commands.CONCERNS, TODAY) == []
    assert [c.key for c in dmitry.book.get(DMITRY).concerns][count:] == ["concern-1"]
    dmitry.undo_stack.undo()
    assert len(dmitry.book.get(DMITRY).concerns) == count


def test_an_objective_added_to_an_issued_plan_is_asked_for_whole_then_why(
    alex: PlanSession, prompter: ScriptedPrompter
) -> None:
    def smart(dialog: QDialog) -> bool:
        assert isinstance(dialog, ObjectiveDialog)
        dialog.fill("Review pull requests within one working day", "reviews later than a day", "reviews", "6", "0")
        return True

    prompter.expect("dialog", smart).expect("dialog", answer_reason("Raised at the mid-plan evaluation."))
    assert commands.add_item(alex, prompter, None, commands.OBJECTIVES, TODAY) == []
    plan = alex.book.get(ALEX)
    assert plan.objectives[-1].title == "Review pull requests within one working day"
    assert (plan.revisions[-1].field, plan.revisions[-1].old, plan.revisions[-1].new) == (
        "objectives",
        None,
        "objective-1",
    )


def test_a_vague_objective_for_an_issued_plan_is_not_added(alex: PlanSession, prompter: ScriptedPrompter) -> None:
    def vague(dialog: QDialog) -> bool:
        assert isinstance(dialog, ObjectiveDialog)
        dialog.fill("Improve code reviews", "", "", "", "")
        return True

    prompter.expect("dialog", vague)
    assert commands.add_item(alex, prompter, None, commands.OBJECTIVES, TODAY) is None
    assert len(alex.book.get(ALEX).objectives) == 3


def test_removing_support_from_an_issued_plan_names_it_in_the_revision(
    alex: PlanSession, prompter: ScriptedPrompter
) -> None:
    seen: list[str] = []
    prompter.expect("dialog", answer_reason("The workshop was cancelled.", seen))
    assert commands.remove_item(alex, prompter, None, commands.SUPPORT, 0) == []
    workshop = "Time-management and planning workshop (2 days)"
    assert seen == [f"Support: {workshop} → (none)"]
    plan = alex.book.get(ALEX)
    assert len(plan.support) == 3
    assert (plan.revisions[-1].field, plan.revisions[-1].old, plan.revisions[-1].new) == ("support", workshop, None)


def test_editing_an_objectives_target_asks_why_naming_the_objective(
    alex: PlanSession, prompter: ScriptedPrompter
) -> None:
    old = alex.plan.objectives[0].target
    prompter.expect("dialog", answer_reason("Agreed a stretch target."))
    assert commands.edit_item(alex, prompter, None, commands.OBJECTIVES, 0, "target", 99.0) == []
    revision = alex.book.get(ALEX).revisions[-1]
    assert (revision.field, revision.old, revision.new) == ("objectives.on-time.target", f"{old:g}", "99")


def test_a_word_typed_for_a_number_is_refused_in_words(dmitry: PlanSession, prompter: ScriptedPrompter) -> None:
    problems = commands.edit_item(dmitry, prompter, None, commands.OBJECTIVES, 0, "baseline", "lots")
    assert problems is not None and [p.message for p in problems] == ["Expected a number, found 'lots'"]


def test_moving_an_item_asks_nothing_even_on_an_issued_plan(alex: PlanSession) -> None:
    keys = [o.key for o in alex.plan.objectives]
    assert commands.move_item(alex, commands.OBJECTIVES, 0, 1) == []
    assert [o.key for o in alex.book.get(ALEX).objectives] == [keys[1], keys[0], keys[2]]
    assert alex.undo_stack.undoText() == "Move objective" and alex.plan.revisions == alex.book.get(ALEX).revisions


def test_evidence_goes_to_the_concern_picked(alex: PlanSession, prompter: ScriptedPrompter) -> None:
    evidence = commands.evidence_list(lambda plan: plan.concerns[1])
    count = len(alex.plan.concerns[1].evidence)
    assert commands.add_item(alex, prompter, None, evidence, TODAY) == []
    plan = alex.book.get(ALEX)
    assert len(plan.concerns[1].evidence) == count + 1 and plan.concerns[1].evidence[-1].date == plan.start_date
    assert commands.evidence_list(lambda _plan: None).of(plan) == []


def test_issuing_a_vague_draft_says_what_blocks_it(dmitry: PlanSession, prompter: ScriptedPrompter) -> None:
    assert not commands.issue_plan(dmitry, prompter, TODAY)
    warning = prompter.warnings()[-1]
    assert warning.title == "The plan cannot be issued yet"
    assert "• Objective 1 “Be on time more”, metric: No metric" in warning.text
    assert dmitry.book.get(DMITRY).status is Status.DRAFT


def test_issuing_a_sound_draft_asks_then_sets_the_schedule(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    draft = book.get(ALEX).model_copy(update={"status": Status.DRAFT, "issued_on": None, "milestones": []})
    draft.checkins, draft.revisions, draft.acknowledgement = [], [], None
    draft.hr_review = HrReview(sent_on=dt.date(2026, 9, 21), reviewed_by="Priya Shah", reviewed_on=dt.date(2026, 9, 23))
    session = PlanSession(book, book.add(draft))
    prompter.expect("confirm", False)
    assert not commands.issue_plan(session, prompter, TODAY)
    assert session.plan.status is Status.DRAFT
    prompter.expect("confirm", True)
    assert commands.issue_plan(session, prompter, TODAY)
    issued: Plan = book.get(session.plan_id)
    assert (issued.status, issued.issued_on) == (Status.ACTIVE, TODAY)
    assert [m.kind.value for m in issued.milestones][:2] == ["kickoff", "checkin"]


def test_recording_an_acknowledgement(alex: PlanSession, prompter: ScriptedPrompter) -> None:
    def refuse(dialog: QDialog) -> bool:
        assert isinstance(dialog, AcknowledgementDialog)
        dialog.ui.refusedCheck.setChecked(True)
        dialog.ui.witnessEdit.setText("Sam Okafor (HR)")
        return True

    prompter.expect("dialog", lambda _dialog: False)
    assert not commands.record_acknowledgement(alex, prompter, TODAY, None)
    prompter.expect("dialog", refuse)
    assert commands.record_acknowledgement(alex, prompter, TODAY, None)
    ack = alex.book.get(ALEX).acknowledgement
    assert ack is not None and (ack.refused, ack.witness) == (True, "Sam Okafor (HR)")
    assert commands.acknowledgement_text(alex.plan).endswith(", witnessed by Sam Okafor (HR)")


def test_labels_and_places_in_the_managers_words(alex: PlanSession) -> None:
    assert commands.field_label("checkin_every_days") == "Check-in cadence (days)"
    assert commands.field_label("objectives.on-time.due_date") == "Objectives › on-time › due date"
    assert commands.as_text(55.0) == "55" and commands.as_text(dt.date(2026, 1, 2)) == "2026-01-02"
    assert commands.where(alex.plan, ("plan", "objectives", 1, "metric")) == (
        f"Objective 2 “{alex.plan.objectives[1].title}”, metric"
    )
    assert commands.where(alex.plan, ("plan", "end_date")) == "End date"
