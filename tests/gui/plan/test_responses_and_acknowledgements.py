"""The employee's voice through the window: written responses, a new acknowledgement after a change, and
the outcome's acknowledgement, each recorded through its dialog and read back from the plan book."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from pipdesk.domain import ResponseTo, fair_process
from pipdesk.gui.common.dates import qdate
from pipdesk.gui.outcome.extend_dialog import ExtendPlanDialog
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plan.response_dialog import ResponseDialog
from pipdesk.gui.shell.main_window import MainWindow

from conftest import ALEX, BETH, CARL, TODAY, answer_reason, prompter_of

WORDS = "I do not agree with objective 2.\n\nThe targets were set without me & <b>my team</b> — Łukasz agrees.\n"


def write_response(to: ResponseTo, on: dt.date, text: str, seen: list[str] | None = None):  # type: ignore[no-untyped-def]
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ResponseDialog)
        dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(to.value))
        dialog.date_edit.setDate(qdate(on))
        if seen is not None:
            seen.append(dialog.error_label.text() if not dialog.error_label.isHidden() else "")
        dialog.text_edit.setPlainText(text)
        return not dialog.problems()

    return fill


def test_a_response_to_the_plan_is_refused_before_the_acknowledgement(window: MainWindow) -> None:
    prompter = prompter_of(window)
    window.select_plan(CARL)  # extended, never acknowledged
    window.ui.actionRecordResponse.trigger()
    assert prompter.warnings()[-1].text == (
        "A response to the plan is recorded once the employee's acknowledgement of the plan is recorded."
    )
    assert window.book is not None and window.book.get(CARL).responses == []
    assert not window.editor.voice.responses.record_button.isEnabled()


def test_a_response_to_the_plan_is_kept_in_the_employees_words(window: MainWindow) -> None:
    prompter = prompter_of(window)
    window.select_plan(ALEX)  # acknowledged on 2026-09-29
    seen: list[str] = []
    # A date before the acknowledgement is said in the dialog before Record is pressed, and not accepted.
    prompter.expect("dialog", write_response(ResponseTo.PLAN, dt.date(2026, 9, 28), WORDS, seen))
    window.ui.actionRecordResponse.trigger()
    assert seen == ["The date 28 Sep 2026 is before the employee's acknowledgement of the plan (29 Sep 2026)."]
    assert window.session is not None and window.session.plan.responses == []
    # Blank words are refused too.
    prompter.expect("dialog", write_response(ResponseTo.PLAN, TODAY, "  \n "))
    window.ui.actionRecordResponse.trigger()
    assert window.session.plan.responses == []

    prompter.expect("dialog", write_response(ResponseTo.PLAN, dt.date(2026, 10, 2), WORDS))
    window.editor.voice.responses.record_button.click()
    assert window.book is not None
    (kept,) = window.book.get(ALEX).responses
    assert (kept.to, kept.on, kept.text) == (ResponseTo.PLAN, dt.date(2026, 10, 2), WORDS)  # line breaks kept
    table = window.editor.voice.responses.model
    assert [table.index(0, c).data() for c in range(3)] == ["2 Oct 2026", "Plan", "I do not agree with objective 2."]

    # Opened again, it reads in full; a correction asks why and keeps both wordings in the history.
    reasons: list[str] = []
    prompter.expect("dialog", write_response(ResponseTo.PLAN, dt.date(2026, 10, 2), WORDS + "Signed, Alex"))
    prompter.expect("dialog", answer_reason("The employee's second page was left out", reasons))
    panel = window.editor.voice.responses
    panel.table.activated.emit(panel.model.index(0, 0))
    (corrected,) = window.book.get(ALEX).responses
    assert corrected.text.endswith("Signed, Alex")
    revision = window.book.get(ALEX).revisions[-1]
    assert revision.field == "responses.2026-10-02" and revision.reason == "The employee's second page was left out"
    assert WORDS in (revision.old or "") and "Signed, Alex" in (revision.new or "")
    assert "response to the plan of 2 Oct 2026" in reasons[0]


def test_a_response_to_the_outcome_on_a_closed_plan(window: MainWindow) -> None:
    prompter = prompter_of(window)
    window.select_plan(BETH)  # closed, decided on 2026-05-25
    assert window.ui.actionRecordResponse.isEnabled()

    def outcome_only(dialog: QDialog) -> bool:
        assert isinstance(dialog, ResponseDialog)
        assert ResponseTo(dialog.to_combo.currentData()) is ResponseTo.OUTCOME  # a closed plan's likely subject
        return write_response(ResponseTo.OUTCOME, dt.date(2026, 5, 27), "I accept the outcome.")(dialog)

    prompter.expect("dialog", outcome_only)
    window.ui.actionRecordResponse.trigger()
    assert window.book is not None
    (kept,) = window.book.get(BETH).responses
    assert (kept.to, kept.on, kept.text) == (ResponseTo.OUTCOME, dt.date(2026, 5, 27), "I accept the outcome.")
    assert window.editor.voice.responses.table.isVisibleTo(window.editor)


def test_a_change_after_the_acknowledgement_asks_for_a_new_one_and_the_banner_goes(window: MainWindow) -> None:
    prompter = prompter_of(window)
    window.select_plan(ALEX)
    banner = window.editor.voice.banner
    assert banner.isHidden()

    def extend(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExtendPlanDialog)
        dialog.set_new_end(dt.date(2027, 1, 11))
        dialog.ui.reasonEdit.setPlainText("Two weeks of leave in December")
        return True

    prompter.expect("dialog", extend)
    window.ui.actionExtend.trigger()
    window.ui.viewTabs.setCurrentWidget(window.ui.planTab)
    assert not banner.isHidden()
    assert banner.message.text().startswith("⚠ Changed since the employee acknowledged it on 29 Sep 2026: ")
    assert "End date: 21 Dec 2026 → 11 Jan 2027 (Two weeks of leave in December)" in banner.message.toolTip()
    banner.changes_button.click()
    assert "Two weeks of leave in December" in banner.changes.text() and not banner.changes.isHidden()

    seen: list[str] = []

    def sign_again(dialog: QDialog) -> bool:
        assert isinstance(dialog, AcknowledgementDialog)
        seen.append(dialog.windowTitle())
        dialog.ui.dateEdit.setDate(qdate(dt.date(2026, 9, 1)))
        seen.append(dialog.ui.errorLabel.text())  # too early, said at once
        dialog.ui.dateEdit.setDate(qdate(TODAY))
        dialog.ui.commentEdit.setPlainText("Received the extended plan.")
        return dialog.problem() is None

    prompter.expect("dialog", sign_again)
    banner.record_button.click()
    assert seen == [
        "Record a new acknowledgement",
        "The date 2026-09-01 is before the last acknowledgement (2026-09-29)",
    ]
    assert banner.isHidden()
    assert window.book is not None
    stored = window.book.get(ALEX)
    (again,) = stored.reacknowledgements
    assert (again.on, again.employee_comment) == (TODAY, "Received the extended plan.")
    assert again.recorded_at is not None and again.recorded_at.tzinfo is not None
    assert stored.acknowledgement is not None and stored.acknowledgement.on == dt.date(2026, 9, 29)  # the first kept
    revision = stored.revisions[-1]
    assert (revision.field, revision.old, revision.new) == (
        fair_process.REACKNOWLEDGED_FIELD,
        "2026-09-29",
        TODAY.isoformat(),
    )
    assert fair_process.changes_since_acknowledged(stored) == []
    assert "signed again after changes on 23 November 2026" in window.editor.ui.acknowledgementLabel.text()


def test_the_first_acknowledgement_records_when_it_was_recorded(window: MainWindow) -> None:
    prompter = prompter_of(window)
    window.select_plan(CARL)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    prompter.expect("dialog", lambda dialog: True)
    window.editor.ui.recordAcknowledgementButton.click()
    assert window.book is not None
    ack = window.book.get(CARL).acknowledgement
    assert ack is not None and ack.recorded_at is not None and ack.recorded_at >= before
    assert ack.recorded_at.microsecond == 0


def test_the_outcomes_acknowledgement_on_a_closed_plan(window: MainWindow) -> None:
    prompter = prompter_of(window)
    window.select_plan(ALEX)
    assert not window.ui.actionRecordOutcomeAcknowledgement.isEnabled()
    window.select_plan(BETH)
    assert window.ui.actionRecordOutcomeAcknowledgement.isEnabled()
    seen: list[str] = []

    def refuse(dialog: QDialog) -> bool:
        assert isinstance(dialog, AcknowledgementDialog)
        seen.append(dialog.windowTitle())
        dialog.ui.dateEdit.setDate(qdate(dt.date(2026, 5, 20)))
        seen.append(dialog.problem() or "")
        dialog.ui.dateEdit.setDate(qdate(dt.date(2026, 5, 26)))
        dialog.ui.refusedCheck.setChecked(True)
        seen.append(dialog.problem() or "")
        dialog.ui.witnessEdit.setText("Sam Okafor (HR)")
        return dialog.problem() is None

    prompter.expect("dialog", refuse)
    window.ui.actionRecordOutcomeAcknowledgement.trigger()
    assert seen == [
        "Record the outcome's acknowledgement",
        "The date 2026-05-20 is before the decision (2026-05-25)",
        "A refusal to sign needs a witness: name who saw the plan handed over",
    ]
    assert window.book is not None
    outcome = window.book.get(BETH).outcome
    assert outcome is not None and outcome.acknowledgement is not None
    ack = outcome.acknowledgement
    assert (ack.on, ack.refused, ack.witness) == (dt.date(2026, 5, 26), True, "Sam Okafor (HR)")
    assert ack.recorded_at is not None
