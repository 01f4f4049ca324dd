"""The final review: the Outcome view, closing with an outcome, extending, and read-only closed plans.

Driven as a manager would: clicking the view's buttons, typing into the dialogs, choosing from combos.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pipdesk.domain import (
    Checkin,
    CheckinKind,
    Decision,
    FollowUp,
    MilestoneKind,
    ObjectiveCategory,
    Plan,
    Progress,
    Rating,
    Result,
    Status,
)
from pipdesk.domain.schedule import extend_schedule, mark_done_for_checkin
from pipdesk.gui.common.read_only import apply_read_only
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
from pipdesk.gui.outcome.commands import FinalReviewFirst, close_with_outcome, extend_plan
from pipdesk.gui.outcome.extend_dialog import ExtendPlanDialog
from pipdesk.gui.outcome.view import OutcomeView, ResultLine, ResultsModel
from pipdesk.gui.plan.editor import PlanEditor
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, DMITRY, TODAY

FINAL_DAY = dt.date(2026, 12, 21)
Fill = Callable[[QDialog], bool]


@pytest.fixture
def make_view(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter) -> Callable[..., OutcomeView]:
    def make(plan_id: int, today: dt.date = TODAY) -> OutcomeView:
        view = OutcomeView(prompter, lambda: today)
        qtbot.addWidget(view)
        view.set_session(PlanSession(book, plan_id, view))
        view.resize(1300, 800)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry by typing its first word, as a person does with the keyboard."""
    combo.setFocus()
    qtbot.keyClicks(combo, text.split()[0])
    assert combo.currentText() == text


def show(qtbot: QtBot, dialog: QDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def log_remaining_checkins(session: PlanSession) -> None:
    """Alex's last three weekly check-ins and the final review, every target met."""
    for day, kind, on_time, estimates in (
        (dt.date(2026, 11, 30), CheckinKind.CHECKIN, 87.0, 24.0),
        (dt.date(2026, 12, 7), CheckinKind.CHECKIN, 89.0, 22.0),
        (dt.date(2026, 12, 14), CheckinKind.CHECKIN, 91.0, 20.0),
        (FINAL_DAY, CheckinKind.FINAL, 92.0, 19.0),
    ):

        def log(
            plan: Plan, day: dt.date = day, kind: CheckinKind = kind, values: tuple[float, float] = (on_time, estimates)
        ) -> None:
            on_time, estimates = values
            plan.checkins.append(
                Checkin(
                    date=day,
                    kind=kind,
                    notes="Reviewed the board together.",
                    progress=[
                        Progress(objective="on-time", value=on_time, rating=Rating.ON_TRACK),
                        Progress(objective="status-reports", value=0, rating=Rating.MET),
                        Progress(objective="estimates", value=estimates, rating=Rating.ON_TRACK),
                    ],
                )
            )
            plan.milestones = mark_done_for_checkin(plan.milestones, day, kind, plan.checkin_every_days)

        assert session.change("Log check-in", log) == []


def test_results_model_shows_each_objective_with_its_result_and_comment() -> None:
    model = ResultsModel()
    model.set_results(
        [ResultLine("Raise CSAT", "3.1", "4.2", "4.4 on 25 May 2026", "Met", "Line one\nline two", "suggested: met")],
        "Result",
        "Comment",
    )
    assert (model.rowCount(), model.columnCount()) == (1, 6)
    assert model.headerData(ResultsModel.COMMENT, Qt.Orientation.Horizontal) == "Comment"
    assert model.data(model.index(0, ResultsModel.COMMENT)) == "Line one line two"
    assert model.data(model.index(0, ResultsModel.COMMENT), Qt.ItemDataRole.ToolTipRole) == "Line one\nline two"
    assert model.data(model.index(0, ResultsModel.RESULT), Qt.ItemDataRole.ToolTipRole) == "suggested: met"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_outcome_view_explains_a_draft_suggests_for_a_running_plan_and_shows_a_closed_one(
    make_view: Callable[..., OutcomeView],
) -> None:
    draft = make_view(DMITRY)
    assert draft.ui.stack.currentWidget() is draft.ui.messagePage
    assert "is a draft" in draft.ui.messageLabel.text()

    running = make_view(ALEX)
    ui = running.ui
    assert ui.stack.currentWidget() is ui.outcomePage
    assert "no outcome yet" in ui.headingLabel.text()
    technical = running.tables[ObjectiveCategory.TECHNICAL][2]
    assert [line.result for line in technical.rows] == ["Partially met", "Partially met"]
    assert technical.rows[0].last_measured == "84% on 23 Nov 2026"
    assert technical.rows[0].comment == "83% of the way from the baseline to the target"
    assert [line.result for line in running.tables[ObjectiveCategory.BEHAVIORAL][2].rows] == ["Met"]
    assert ui.decisionLabel.text() == "Partially successful"
    assert "Technical: partially successful. Behavioral: successful." in ui.dimensionsLabel.text()
    assert ui.closeButton.isVisible() and ui.extendButton.isVisible()
    assert not ui.summaryLabel.isVisible(), "nothing is recorded yet"
    assert "2 of 4 support actions were not delivered" in ui.gapsLabel.text()

    closed = make_view(BETH)
    ui = closed.ui
    assert ui.headingLabel.text() == "Closed: successful"
    assert ui.decisionLabel.text() == "Successful"
    assert ui.followUpLabel.text() == "Return to normal performance management"
    assert ui.decidedOnLabel.text() == "25 May 2026"
    assert ui.summaryLabel.text().startswith("Beth met both objectives")
    assert ui.monitoringLabel.text().startswith("Informal monthly look at CSAT")
    assert ui.summaryLabel.textFormat() is Qt.TextFormat.PlainText
    assert not ui.technicalGroup.isVisible() and ui.behavioralGroup.isVisible()
    behavioral = closed.tables[ObjectiveCategory.BEHAVIORAL][2]
    assert [(line.result, line.comment) for line in behavioral.rows] == [
        ("Met", "4.4 against a target of 4.2."),
        ("Met", "None since March."),
    ]
    assert not ui.closeButton.isVisible()
    assert ui.extendButton.text() == "Reopen by e&xtension…"
    # Plan format 2 asks more of the record than the sample, written before it, holds.
    assert ui.gapsLabel.text() == (
        "• The right to be accompanied is not recorded as offered at 1 of 1 formal meeting.\n"
        "• The plan was issued without an HR review."
    )


def go_on_without_final_review(dialog: QDialog) -> bool:
    """Answers "No final review yet": close without it."""
    assert isinstance(dialog, FinalReviewFirst)
    return dialog.answer(FinalReviewFirst.GO_ON)


def test_alex_closes_with_the_suggested_outcome_after_the_last_checkins(
    make_view: Callable[..., OutcomeView], book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    view = make_view(ALEX, FINAL_DAY)
    session = view.session
    assert session is not None
    log_remaining_checkins(session)
    assert view.ui.decisionLabel.text() == "Successful"
    steps = session.undo_stack.count()

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ClosePlanDialog)
        show(qtbot, dialog)
        ui = dialog.ui
        assert {key: row.combo.currentText() for key, row in dialog.rows.items()} == {
            "on-time": "Met",
            "status-reports": "Met",
            "estimates": "Met",
        }
        assert ui.technicalGroup.isVisible() and ui.behavioralGroup.isVisible()
        assert "Both dimensions must hold for a full success" in ui.dimensionsLabel.text()
        assert (ui.decisionCombo.currentText(), ui.followUpCombo.currentText()) == (
            "Successful",
            "Return to normal performance management",
        )
        assert dialog.decided_on() == FINAL_DAY
        assert "2 of 4 support actions delivered" in ui.supportLabel.text()
        assert "4 of 4" not in ui.checkinsLabel.text() and "held up to 21 Dec 2026" in ui.checkinsLabel.text()
        assert ui.fairnessCommentEdit.isVisible(), "a gap must be confirmed"
        qtbot.keyClicks(ui.summaryEdit, "Alex met every objective and kept them for four weeks.")
        qtbot.keyClicks(ui.monitoringEdit, "Monthly look at on-time delivery until the March review.")
        qtbot.keyClicks(ui.fairnessCommentEdit, "Estimate reviews moved into the weekly check-ins; Alex agreed.")
        click(qtbot, dialog.close_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", fill)
    click(qtbot, view.ui.closeButton)

    plan = book.get(ALEX)
    assert plan.status is Status.CLOSED
    outcome = plan.outcome
    assert outcome is not None
    assert (outcome.decision, outcome.follow_up, outcome.decided_on) == (
        Decision.SUCCESSFUL,
        FollowUp.RETURN_TO_NORMAL,
        FINAL_DAY,
    )
    assert outcome.summary == "Alex met every objective and kept them for four weeks."
    assert outcome.monitoring == "Monthly look at on-time delivery until the March review."
    assert [(r.objective, r.result, r.comment) for r in outcome.results] == [
        ("on-time", Result.MET, ""),
        ("status-reports", Result.MET, ""),
        ("estimates", Result.MET, ""),
    ]
    fairness, status = plan.revisions[-2:]
    assert (fairness.field, fairness.new) == ("fairness_check", None)
    assert fairness.old is not None and fairness.old.startswith("2 of 4 support actions were not delivered")
    assert fairness.reason == "Estimate reviews moved into the weekly check-ins; Alex agreed."
    assert (status.field, status.old, status.new, status.reason) == (
        "status",
        "active",
        "closed",
        "Closed with outcome: successful",
    )

    # The view now shows the record, and the whole close is one step of undo.
    assert view.ui.headingLabel.text() == "Closed: successful"
    assert "Estimate reviews moved into the weekly check-ins" in view.ui.confirmationLabel.text()
    assert not view.ui.closeButton.isVisible()
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    reopened = book.get(ALEX)
    assert (reopened.status, reopened.outcome, len(reopened.revisions)) == (
        Status.ACTIVE,
        None,
        len(plan.revisions) - 2,
    )


def test_closing_with_a_fairness_gap_and_no_comment_is_refused_inline(
    book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    session = PlanSession(book, ALEX)
    seen: list[str] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ClosePlanDialog)
        show(qtbot, dialog)
        ui = dialog.ui
        assert ui.decisionCombo.currentText() == "Partially successful"
        assert ui.followUpCombo.currentIndex() == -1, "a partial result has no obvious follow-up"
        choose(qtbot, ui.followUpCombo, "Further action with HR")
        qtbot.keyClicks(ui.summaryEdit, "Delivery improved but not to the agreed level.")
        click(qtbot, dialog.close_button)
        assert dialog.isVisible() and ui.errorLabel.isVisible()
        seen.append(ui.errorLabel.text())
        assert book.get(ALEX).status is Status.ACTIVE, "nothing is saved while the dialog is open"

        qtbot.keyClicks(ui.fairnessCommentEdit, "The two sessions were offered; Alex declined them in writing.")
        click(qtbot, dialog.close_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", go_on_without_final_review).expect("dialog", fill)
    assert close_with_outcome(session, prompter, lambda: TODAY)
    assert seen == ["The fairness check found gaps: confirm them with a comment before closing."]
    plan = book.get(ALEX)
    assert plan.outcome is not None
    assert (plan.status, plan.outcome.decision, plan.outcome.follow_up) == (
        Status.CLOSED,
        Decision.PARTIAL,
        FollowUp.FURTHER_ACTION,
    )
    assert plan.revisions[-2].reason == "The two sessions were offered; Alex declined them in writing."


def test_overriding_a_suggested_result_needs_a_comment(
    book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    session = PlanSession(book, ALEX)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ClosePlanDialog)
        show(qtbot, dialog)
        ui = dialog.ui
        reports = dialog.rows["status-reports"]
        assert reports.combo.currentText() == "Met"
        choose(qtbot, reports.combo, "Not met")
        assert reports.comment.placeholderText().startswith("Required")
        assert "Behavioral: not successful." in ui.dimensionsLabel.text()
        choose(qtbot, ui.followUpCombo, "Further action with HR")
        qtbot.keyClicks(ui.summaryEdit, "Reports stopped again in the last month.")
        qtbot.keyClicks(ui.fairnessCommentEdit, "Support is scheduled for January.")
        click(qtbot, dialog.close_button)
        assert dialog.isVisible()
        assert ui.errorLabel.text() == (
            "“Send a written status report every Friday” is not met where the evidence suggests met: "
            "say why in its comment."
        )

        qtbot.keyClicks(reports.comment, "No report since 30 October; the zero counts were not checked.")
        click(qtbot, dialog.close_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", go_on_without_final_review).expect("dialog", fill)
    assert close_with_outcome(session, prompter, lambda: TODAY)
    outcome = book.get(ALEX).outcome
    assert outcome is not None
    result = next(r for r in outcome.results if r.objective == "status-reports")
    assert (result.result, result.comment) == (
        Result.NOT_MET,
        "No report since 30 October; the zero counts were not checked.",
    )


def test_extend_is_not_a_closing_follow_up_and_extend_instead_leads_to_the_extension(
    book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    session = PlanSession(book, ALEX)

    def close_fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ClosePlanDialog)
        show(qtbot, dialog)
        ui = dialog.ui
        assert not ui.extendInsteadButton.isVisible()
        choose(qtbot, ui.followUpCombo, "Extend the plan to a new end date")
        assert ui.extendNoteLabel.isVisible() and "keeps the plan open" in ui.extendNoteLabel.text()
        qtbot.keyClicks(ui.summaryEdit, "More time for estimates.")
        qtbot.keyClicks(ui.fairnessCommentEdit, "Sessions rescheduled.")
        click(qtbot, dialog.close_button)
        assert dialog.isVisible() and "An extension keeps the plan open" in ui.errorLabel.text()
        click(qtbot, ui.extendInsteadButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    def extend_fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExtendPlanDialog)
        show(qtbot, dialog)
        qtbot.keyClicks(dialog.ui.reasonEdit, "Estimates need four more weeks.")
        click(qtbot, dialog.extend_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", go_on_without_final_review).expect("dialog", close_fill).expect("dialog", extend_fill)
    assert close_with_outcome(session, prompter, lambda: TODAY)
    plan = book.get(ALEX)
    assert (plan.status, plan.outcome, plan.end_date) == (Status.EXTENDED, None, FINAL_DAY + dt.timedelta(days=28))


def test_extending_carl_again_grows_the_schedule_and_keeps_the_original_end_in_the_history(
    make_view: Callable[..., OutcomeView], book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    view = make_view(CARL)
    before = book.get(CARL)
    new_end = dt.date(2026, 12, 31)
    assert "the plan was to end on 31 August 2026" in view.ui.explanationLabel.text()

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExtendPlanDialog)
        show(qtbot, dialog)
        ui = dialog.ui
        assert "(originally to 31 August 2026)" in ui.periodLabel.text()
        assert not ui.reopenLabel.isVisible()
        ui.endDateEdit.setFocus()
        ui.endDateEdit.setDate(QDate(2026, 12, 31))
        assert "6 check-ins every 14 days added" in ui.previewLabel.text()
        assert "the final review moves to 31 December 2026" in ui.previewLabel.text()
        assert ui.moveDueDatesCheck.isChecked()
        click(qtbot, dialog.extend_button)
        assert dialog.isVisible()
        assert ui.errorLabel.text() == "Give the reason for the extension; it is kept in the plan's history."
        qtbot.keyClicks(ui.reasonEdit, "Reopen rate still at 18%; three more months with the new triage.")
        click(qtbot, dialog.extend_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", fill)
    click(qtbot, view.ui.extendButton)

    plan = book.get(CARL)
    reason = "Reopen rate still at 18%; three more months with the new triage."
    assert (plan.status, plan.end_date) == (Status.EXTENDED, new_end)
    assert plan.milestones == extend_schedule(before.milestones, before.end_date, new_end, 14)
    checkins = [m.date for m in plan.milestones if m.kind is MilestoneKind.CHECKIN]
    assert checkins[0] == dt.date(2026, 10, 14) and len(checkins) == 6
    finals = [(m.date, m.done) for m in plan.milestones if m.kind is MilestoneKind.FINAL]
    assert finals == [(dt.date(2026, 8, 31), True), (new_end, False)]
    assert plan.revisions[:2] == before.revisions, "the original end date stays in the history"
    added = [(r.field, r.old, r.new, r.reason) for r in plan.revisions[2:]]
    assert added == [
        ("end_date", "2026-09-30", "2026-12-31", reason),
        ("objectives.ttr.due_date", "2026-09-30", "2026-12-31", reason),
        ("objectives.reopen.due_date", "2026-09-30", "2026-12-31", reason),
    ], "no status revision: the plan was extended already"
    assert [o.due_date for o in plan.objectives] == [dt.date(2026, 8, 15), new_end, new_end]
    assert "ends 31 December 2026" in view.ui.headingLabel.text()


def test_reopening_closed_beth_by_extension_removes_the_outcome_with_a_revision(
    make_view: Callable[..., OutcomeView], book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    view = make_view(BETH)
    apply_read_only(view, True)
    assert view.ui.extendButton.isEnabled(), "extension is the one way to reopen a closed plan"
    reason = "Escalations came back in the autumn; HR agreed to reopen the plan."

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExtendPlanDialog)
        show(qtbot, dialog)
        assert dialog.windowTitle() == "Reopen the plan by extension"
        assert dialog.ui.reopenLabel.isVisible() and "reopens it" in dialog.ui.reopenLabel.text()
        dialog.set_new_end(dt.date(2026, 12, 18))
        qtbot.keyClicks(dialog.ui.reasonEdit, reason)
        click(qtbot, dialog.extend_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", fill)
    click(qtbot, view.ui.extendButton)

    plan = book.get(BETH)
    assert (plan.status, plan.outcome, plan.end_date) == (Status.EXTENDED, None, dt.date(2026, 12, 18))
    outcome, end, *_due_dates, status = plan.revisions
    assert (outcome.field, outcome.new, outcome.reason) == ("outcome", None, reason)
    assert outcome.old == (
        "Successful; decided on 2026-05-25; follow-up: return to normal performance management; results: csat met, "
        "escalations met; summary: Beth met both objectives and sustained them over the last six weeks."
    )
    assert (end.field, end.old, end.new) == ("end_date", "2026-05-25", "2026-12-18")
    assert (status.field, status.old, status.new, status.reason) == ("status", "closed", "extended", reason)
    assert view.ui.closeButton.isVisible(), "the plan runs again and can be closed again"


def test_a_closed_plan_cannot_be_closed_again_or_a_draft_extended(book: PlanBook, prompter: ScriptedPrompter) -> None:
    assert not close_with_outcome(PlanSession(book, BETH), prompter, lambda: TODAY)
    assert not extend_plan(PlanSession(book, DMITRY), prompter, lambda: TODAY)
    assert [s.text for s in prompter.warnings()] == [
        "The plan is already closed. To reopen it, extend it.",
        "A draft has not started: change its end date in the Plan view instead.",
    ]


def test_apply_read_only_makes_a_closed_plans_editor_refuse_edits(
    book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    editor = PlanEditor(prompter)
    qtbot.addWidget(editor)
    editor.set_session(PlanSession(book, BETH, editor))
    editor.show()
    qtbot.waitExposed(editor)
    apply_read_only(editor, True)

    title = editor.ui.titleEdit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (edited)")
    assert title.text() == "Customer communication"
    assert book.get(BETH).title == "Customer communication"
    fields = [e for e in editor.findChildren(QLineEdit) if not isinstance(e.parentWidget(), QAbstractSpinBox)]
    assert fields and all(field.isReadOnly() for field in fields)
    assert all(text.isReadOnly() for text in editor.findChildren(QPlainTextEdit))
    assert not any(button.isEnabled() for button in editor.findChildren(QPushButton))
    tables = editor.findChildren(QTableView)
    assert tables and all(t.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers for t in tables)


def test_apply_read_only_locks_a_running_plans_editor_and_gives_it_back(
    book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    editor = PlanEditor(prompter)
    qtbot.addWidget(editor)
    editor.set_session(PlanSession(book, ALEX, editor))
    editor.show()
    qtbot.waitExposed(editor)
    support = editor.ui.supportList
    assert not support.remove_button.isEnabled(), "nothing selected yet"

    apply_read_only(editor, True)
    editor.refresh()  # the view unlocks its fields for a running plan; the lock holds
    support.select_row(0)  # and enables Remove and Move down for the selected row; still locked
    assert not support.remove_button.isEnabled() and not support.down_button.isEnabled()
    title = editor.ui.titleEdit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, "!")
    assert book.get(ALEX).title == "Delivery predictability"
    assert editor.ui.cadenceSpin.isReadOnly() and editor.ui.endDateEdit.isReadOnly()
    assert editor.ui.summaryEdit.isReadOnly()
    # Ticking "Done" on a support action is an edit too: the check box inside the table refuses it.
    done_column = next(i for i, c in enumerate(support.model.columns) if c.attr == "done")  # type: ignore[union-attr]
    support.table.setFocus()
    support.table.setCurrentIndex(support.model.index(3, done_column))  # type: ignore[union-attr]
    qtbot.keyClick(support.table, Qt.Key.Key_Space)
    assert not book.get(ALEX).support[3].done

    apply_read_only(editor, False)
    assert support.add_button.isEnabled() and support.remove_button.isEnabled(), "what the view asked for"
    assert support.table.editTriggers() & QAbstractItemView.EditTrigger.DoubleClicked
    assert not editor.ui.summaryEdit.isReadOnly()
    qtbot.keyClicks(title, "!")
    assert book.get(ALEX).title == "Delivery predictability!"
