"""Reasonable adjustments and the HR review in the Plan view, driven through the window and its dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from test_gui_plan_editor import open_sound_draft

from pipdesk.domain import AdjustmentDecision, HrReview, Status
from pipdesk.domain.fair_process import HR_REVIEW_FIELD
from pipdesk.domain.markers import ADJUSTMENT_IN_PLACE, ADJUSTMENT_REVIEW, Lane, plan_markers
from pipdesk.gui.common.dates import set_date
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.plan.adjustment_dialog import REFUSAL_NEEDS_REASON, AdjustmentDialog
from pipdesk.gui.plan.hr_review import HrReviewDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY, answer_reason

IN_PLACE, REVIEW = dt.date(2026, 11, 16), dt.date(2026, 12, 14)


def click_ok(dialog: QDialog) -> bool:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog.result() == QDialog.DialogCode.Accepted


def fill_adjustment(
    requested: str,
    decision: AdjustmentDecision | None,
    reason: str = "",
    in_place: dt.date | None = None,
    review: dt.date | None = None,
) -> Callable[[QDialog], bool]:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, AdjustmentDialog)
        dialog.requested_edit.setPlainText(requested)
        dialog.requested_by_edit.setText("Alex Moreno")
        dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData(decision))
        dialog.reason_edit.setPlainText(reason)
        set_date(dialog.dates["in_place_on"], in_place)
        set_date(dialog.dates["review_on"], review)
        return click_ok(dialog)

    return fill


def test_an_adjustment_added_to_an_issued_plan_asks_one_reason_is_saved_and_shown_on_the_timeline(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    window.select_plan(ALEX)
    section = window.editor.fair_process.adjustments
    seen: list[str] = []
    prompter.expect(
        "dialog", fill_adjustment("Screen reader software", AdjustmentDecision.AGREED, "", IN_PLACE, REVIEW)
    )
    prompter.expect("dialog", answer_reason("Alex asked for it at the check-in", seen))
    section.list.add_button.click()
    assert [s.kind for s in prompter.shown] == ["dialog", "dialog"]  # the adjustment, then one reason
    assert "Screen reader software (Agreed as requested, in place on 16 Nov 2026" in seen[0]
    assert section.model.rowCount() == 1
    assert section.summary.text() == "1 adjustment requested: 1 in place from 16 Nov 2026."
    assert window.session is not None
    window.session.save_now()
    saved = book.get(ALEX)  # read back from the plan book
    [adjustment] = saved.adjustments
    assert (adjustment.requested, adjustment.requested_by, adjustment.decision) == (
        "Screen reader software",
        "Alex Moreno",
        AdjustmentDecision.AGREED,
    )
    assert (adjustment.in_place_on, adjustment.review_on) == (IN_PLACE, REVIEW)
    revision = saved.revisions[-1]
    assert (revision.field, revision.old, revision.reason) == ("adjustments", None, "Alex asked for it at the check-in")
    markers = [m for m in plan_markers(saved, TODAY) if m.lane is Lane.ADJUSTMENTS]
    assert [(m.kind, m.date) for m in markers] == [(ADJUSTMENT_IN_PLACE, IN_PLACE), (ADJUSTMENT_REVIEW, REVIEW)]
    window.ui.viewTabs.setCurrentWidget(window.ui.timelineTab)
    drawn = window.timeline.canvas.drawn
    assert drawn is not None
    assert {key for key in drawn.items if key[0] is Lane.ADJUSTMENTS} == {(Lane.ADJUSTMENTS, 0), (Lane.ADJUSTMENTS, 1)}
    assert drawn.lanes[-1].lane is Lane.ADJUSTMENTS


def test_a_refusal_without_its_reason_is_refused_by_the_dialog(window: MainWindow, prompter: ScriptedPrompter) -> None:
    window.select_plan(ALEX)
    checked: list[str] = []

    def refuse(dialog: QDialog) -> bool:
        assert isinstance(dialog, AdjustmentDialog)
        dialog.requested_edit.setPlainText("Working from home every day")
        dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData(AdjustmentDecision.REFUSED))
        assert not dialog.refusal_note.isHidden() and dialog.refusal_note.text() == REFUSAL_NEEDS_REASON
        assert not dialog.dates["in_place_on"].isEnabled() and not dialog.dates["review_on"].isEnabled()
        assert not click_ok(dialog), "a refusal without a reason is not accepted"
        checked.append(dialog.error_label.text())
        dialog.reason_edit.setPlainText("The lab work cannot be done from home; two days offered instead")
        return click_ok(dialog)

    prompter.expect("dialog", refuse).expect("dialog", answer_reason("Decided with HR"))
    window.editor.fair_process.adjustments.list.add_button.click()
    assert checked == ["A refused adjustment needs the reason it was refused"]
    assert window.session is not None
    [refused] = window.session.plan.adjustments
    assert refused.decision is AdjustmentDecision.REFUSED and refused.reason.startswith("The lab work")
    assert refused.in_place_on is None


def test_editing_an_adjustment_opens_it_filled_and_keeps_what_changed(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    window.select_plan(ALEX)
    section = window.editor.fair_process.adjustments
    prompter.expect("dialog", fill_adjustment("A quieter desk", None)).expect("dialog", answer_reason("Asked today"))
    section.list.add_button.click()
    assert not section.edit_button.isEnabled() or section.list.current_row() == 0

    def decide(dialog: QDialog) -> bool:
        assert isinstance(dialog, AdjustmentDialog)
        assert dialog.requested_edit.toPlainText() == "A quieter desk"
        assert not dialog.dates["in_place_on"].isEnabled()  # not decided yet: nothing is in place
        dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData(AdjustmentDecision.ALTERNATIVE))
        assert dialog.offered_edit.isEnabled() and dialog.dates["in_place_on"].isEnabled()
        dialog.offered_edit.setPlainText("Noise-cancelling headphones")
        set_date(dialog.dates["in_place_on"], IN_PLACE)
        return click_ok(dialog)

    prompter.expect("dialog", decide).expect("dialog", answer_reason("Facilities had no free desk"))
    section.list.select_row(0)
    section.edit_button.click()
    assert window.session is not None
    [adjustment] = window.session.plan.adjustments
    assert (adjustment.decision, adjustment.offered) == (AdjustmentDecision.ALTERNATIVE, "Noise-cancelling headphones")
    revision = window.session.plan.revisions[-1]
    assert revision.old == "A quieter desk (Not decided yet)"
    assert revision.new == "A quieter desk (Alternative offered, in place on 16 Nov 2026)"


def test_the_hr_review_is_recorded_with_the_hr_partner_as_reviewer(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    draft_id = open_draft(window)
    row = window.editor.fair_process.hr_review
    assert row.label.text() == "Not yet sent to HR for review."
    prompter.expect("dialog", click_ok)
    row.sent_button.click()
    assert window.session is not None and window.session.plan.hr_review == HrReview(sent_on=TODAY)
    assert row.sent_button.isHidden()

    def review(dialog: QDialog) -> bool:
        assert isinstance(dialog, HrReviewDialog)
        plan = window.session.plan if window.session else None
        assert plan is not None and plan.hr_partner is not None
        assert dialog.reviewer_edit.text() == plan.hr_partner.name
        dialog.comments_edit.setPlainText("Objectives are fair; <b>support</b> & dates fine.")
        return click_ok(dialog)

    prompter.expect("dialog", review)
    row.review_button.click()
    assert window.book is not None
    saved = window.book.get(draft_id).hr_review
    assert saved is not None and saved.reviewed_on == TODAY and saved.comments.endswith("& dates fine.")
    assert row.label.text().startswith("Reviewed by ")
    assert row.review_button.text() == "Edit HR review…"


def test_issuing_without_an_hr_review_asks_and_keeps_the_answer_in_the_history(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    open_draft(window)
    prompter.expect("confirm", False)  # the manager thinks again
    window.ui.actionIssuePlan.trigger()
    assert window.session is not None and window.session.plan.status is Status.DRAFT
    assert prompter.shown[-1].title == "Issue without an HR review?"
    assert "not yet sent to HR for review" in prompter.shown[-1].text
    prompter.expect("confirm", True).expect("dialog", answer_reason("HR partner on leave; Alex asked to start now"))
    prompter.expect("confirm", False)  # print later
    window.ui.actionIssuePlan.trigger()
    plan = window.session.plan
    assert plan.status is Status.ACTIVE
    revision = plan.revisions[-1]
    assert (revision.field, revision.new, revision.reason) == (
        HR_REVIEW_FIELD,
        "Issued without an HR review",
        "HR partner on leave; Alex asked to start now",
    )
    history = window.editor.history
    texts = [
        str(history.index(row, column).data())
        for row in range(history.rowCount())
        for column in range(history.columnCount())
    ]
    assert "HR review" in texts and "Issued without an HR review" in " ".join(texts)


def test_issuing_a_reviewed_plan_does_not_ask_about_the_review(window: MainWindow, prompter: ScriptedPrompter) -> None:
    open_draft(
        window, HrReview(sent_on=dt.date(2026, 9, 20), reviewed_by="Priya Shah", reviewed_on=dt.date(2026, 9, 22))
    )
    prompter.expect("confirm", True).expect("confirm", False)
    window.ui.actionIssuePlan.trigger()
    assert [s.title for s in prompter.shown] == ["Issue plan", "Plan issued"]
    assert window.session is not None and window.session.plan.status is Status.ACTIVE
    assert not [r for r in window.session.plan.revisions if r.field == HR_REVIEW_FIELD]


def open_draft(window: MainWindow, review: HrReview | None = None) -> int:
    """A draft ready to issue, with ``review`` as its HR review, shown in the window; its number."""
    plan_id = open_sound_draft(window)
    assert window.session is not None
    window.session.change("Set the review", lambda plan: setattr(plan, "hr_review", review))
    return plan_id


def test_an_undecided_adjustment_reads_not_decided_yet_and_the_section_has_its_link(
    window: MainWindow, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window.select_plan(ALEX)
    prompter.expect("dialog", fill_adjustment("Written agenda the day before", None))
    prompter.expect("dialog", answer_reason("The employee asked at the 1:1"))
    section = window.editor.fair_process.adjustments
    section.list.add_button.click()
    assert section.model.index(0, 1).data() == "Not decided yet"
    link = window.editor.sections.links["adjustmentsGroup"]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    top = section.mapTo(window.editor.ui.scrollArea.viewport(), section.rect().topLeft()).y()
    assert 0 <= top < 20
