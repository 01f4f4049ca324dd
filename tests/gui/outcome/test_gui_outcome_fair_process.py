"""The fair process in the Outcome view and the close dialog, and "met" sustained over N check-ins (Preferences)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from pipdesk.domain import (
    Acknowledgement,
    Adjustment,
    AdjustmentDecision,
    Appeal,
    AppealResult,
    Attendee,
    AttendeeRole,
    EmployeeResponse,
    HrReview,
    ObjectiveCategory,
    Pause,
    Plan,
    ResponseTo,
)
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
from pipdesk.gui.outcome.view import OutcomeView
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, TODAY

RESPONSE = "I do not accept the outcome.\nThe pause in October was not counted <b>at all</b>."


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def on_the_record(plan: Plan) -> Plan:
    """Every part of a fair process recorded on ``plan`` (its first formal meeting accompanied)."""
    checkins = list(plan.checkins)
    first = next(i for i, c in enumerate(checkins) if c.is_formal)
    checkins[first] = checkins[first].model_copy(
        update={
            "companion_offered": True,
            "attendance": [Attendee(name="Ngozi Adeyemi", role=AttendeeRole.COMPANION)],
        }
    )
    update: dict[str, object] = {
        "hr_review": HrReview(sent_on=d(1, 5), reviewed_by="Sam Okafor", reviewed_on=d(1, 7), comments="Fair."),
        "adjustments": [
            Adjustment(requested="Quiet room", decision=AdjustmentDecision.AGREED, in_place_on=d(3, 16)),
            Adjustment(requested="Four-day week", decision=AdjustmentDecision.REFUSED, reason="Cover needed"),
        ],
        "pauses": [Pause(paused_on=d(4, 1), resumed_on=d(4, 8), reason="Annual leave")],
        "checkins": checkins,
        "responses": [EmployeeResponse(to=ResponseTo.OUTCOME, on=d(5, 27), text=RESPONSE)],
    }
    if plan.outcome is not None:
        ack = Acknowledgement(on=d(5, 26), refused=True, witness="Priya Shah (HR)")
        update["outcome"] = plan.outcome.model_copy(update={"acknowledgement": ack})
        update["appeal"] = Appeal(
            lodged_on=d(6, 1), heard_by="Jo Park", heard_on=d(6, 15), result=AppealResult.NOT_UPHELD, grounds="Pause"
        )
    return plan.model_copy(update=update)


@pytest.fixture
def view_of(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter) -> Callable[..., OutcomeView]:
    def make(plan_id: int, sustained: int = 2) -> OutcomeView:
        view = OutcomeView(prompter, lambda: TODAY, sustained=lambda: sustained)
        qtbot.addWidget(view)
        view.set_session(PlanSession(book, plan_id, view))
        view.resize(1300, 800)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def fairness_rows(view_or_dialog: OutcomeView | ClosePlanDialog) -> dict[str, str]:
    form = view_or_dialog.ui.fairnessForm
    rows: dict[str, str] = {}
    for row in range(form.rowCount()):
        heading = form.itemAt(row, form.ItemRole.LabelRole)
        field = form.itemAt(row, form.ItemRole.FieldRole)
        if heading is None or field is None:
            continue
        title, value = heading.widget(), field.widget()
        if isinstance(title, QLabel) and isinstance(value, QLabel) and value.isVisibleTo(view_or_dialog):
            rows[title.text()] = value.text()
    return rows


def test_the_outcome_view_shows_each_part_of_the_fair_process(
    view_of: Callable[..., OutcomeView], book: PlanBook
) -> None:
    book.save(BETH, on_the_record(book.get(BETH)))
    view = view_of(BETH)
    rows = fairness_rows(view)
    assert rows["Adjustments"] == "2 adjustments requested: 1 in place from 16 Mar 2026, 1 refused with a reason."
    assert rows["Pauses"].startswith("Paused once, 7 days in all")
    assert rows["Right to be accompanied"].endswith("Accompanied by Ngozi Adeyemi (companion).")
    assert rows["HR review"] == "Reviewed by Sam Okafor on 7 Jan 2026: Fair."
    assert rows["Appeal"] == "Appeal lodged on 1 Jun 2026, heard by Jo Park on 15 Jun 2026: not upheld."
    assert rows["Acknowledgement"].startswith("Signed for receipt on")

    record = view.record.texts()
    assert record["HR review"] == (
        "Sent to HR for review on 5 Jan 2026. Reviewed by Sam Okafor on 7 Jan 2026.\nHR's comments: Fair."
    )
    assert "“Four-day week”, requested. Refused. Reason: Cover needed." in record["Adjustments"]
    assert record["Pauses"] == "• 1 Apr 2026 to 8 Apr 2026 (7 days): Annual leave"
    assert "right to be accompanied offered; attended: Ngozi Adeyemi (companion)" in record["Formal meetings"]
    assert record["Response to the outcome, 27 May 2026"] == RESPONSE  # in full, markup as typed
    assert record["Outcome received"] == (
        "Beth Ikeda-Łukasiewicz declined to sign on 26 May 2026 (witness: Priya Shah (HR))."
    )
    assert record["Appeal"].startswith("Lodged on 1 Jun 2026. Heard by Jo Park on 15 Jun 2026. Result: not upheld.")
    assert "Grounds: Pause" in record["Appeal"]
    assert view.record.isVisible()


def test_a_running_plan_shows_no_appeal_and_says_what_is_not_recorded(view_of: Callable[..., OutcomeView]) -> None:
    view = view_of(ALEX)
    assert "Appeal" not in fairness_rows(view)
    record = view.record.texts()
    assert record["Adjustments"] == "None recorded."
    assert record["HR review"] == "Issued without an HR review."
    assert record["Employee's responses"] == "The employee has not responded in writing."
    assert "Outcome received" not in record and "Appeal" not in record
    assert record["Formal meetings"] == (
        "• Mid-plan evaluation on 9 Nov 2026: right to be accompanied not recorded; who attended is not recorded"
    )
    assert "The plan was issued without an HR review." in view.ui.gapsLabel.text()


def test_the_view_explains_met_once_not_yet_sustained_with_n_from_preferences(
    view_of: Callable[..., OutcomeView],
) -> None:
    view = view_of(CARL)
    technical = {line.objective: line for line in view.tables[ObjectiveCategory.TECHNICAL][2].rows}
    certificate = next(line for title, line in technical.items() if "certif" in title.lower())
    assert certificate.result == "Partially met"
    assert certificate.comment.startswith("Met once, not yet sustained: the target was reached at the only")
    assert "each of the last 2 measured check-ins" in view.ui.explanationLabel.text()

    one = view_of(CARL, sustained=1)
    technical = {line.objective: line for line in one.tables[ObjectiveCategory.TECHNICAL][2].rows}
    certificate = next(line for title, line in technical.items() if "certif" in title.lower())
    assert (certificate.result, certificate.comment) == ("Met", "The target was reached")


def test_the_close_dialog_shows_the_fair_process_and_asks_a_comment_for_its_gaps(qtbot: QtBot, book: PlanBook) -> None:
    dialog = ClosePlanDialog(book.get(ALEX), TODAY)
    qtbot.addWidget(dialog)
    rows = fairness_rows(dialog)
    assert rows["HR review"] == "Issued without an HR review."
    assert rows["Adjustments"] == "No adjustments were requested."
    assert "The plan was issued without an HR review." in dialog.ui.gapsLabel.text()
    assert dialog.ui.fairnessCommentEdit.isVisibleTo(dialog)
    assert "The fairness check found gaps: confirm them with a comment before closing." in dialog.problems()


def test_a_plan_with_its_whole_record_closes_without_a_comment(qtbot: QtBot, book: PlanBook) -> None:
    beth = on_the_record(book.get(BETH))
    dialog = ClosePlanDialog(beth.model_copy(update={"status": "extended", "appeal": None}), d(5, 25))
    qtbot.addWidget(dialog)
    assert not dialog.fairness.has_gaps
    assert dialog.ui.gapsLabel.text().startswith("No gaps found")
    assert not dialog.ui.fairnessCommentEdit.isVisibleTo(dialog)


def test_the_close_dialog_says_a_result_met_once_is_not_yet_sustained(qtbot: QtBot, book: PlanBook) -> None:
    dialog = ClosePlanDialog(book.get(CARL), TODAY, sustained=3)
    qtbot.addWidget(dialog)
    assert "each of the last 3 measured check-ins" in dialog.ui.resultsHint.text()
    suggested = [label.text() for label in dialog.findChildren(QLabel) if label.text().endswith("not yet sustained)")]
    assert suggested == ["Partially met\n(met once, not yet sustained)"]
    cert = next(row for key, row in dialog.rows.items() if key == "cert")
    assert cert.result is not None and cert.result.value == "partially_met"


def test_preferences_keep_the_number_of_check_ins_for_met_and_the_window_uses_it(
    window: object, prompter: ScriptedPrompter
) -> None:
    from pipdesk.gui.shell import settings
    from pipdesk.gui.shell.main_window import MainWindow
    from pipdesk.gui.shell.preferences_dialog import PreferencesDialog

    assert isinstance(window, MainWindow)
    assert settings.sustained_checkins() == 2

    def three(dialog: QDialog) -> bool:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.sustained_spin.value() == 2 and dialog.sustained_spin.accessibleName()
        dialog.sustained_spin.setValue(3)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return True

    prompter.expect("dialog", three)
    window.ui.actionPreferences.trigger()
    assert settings.sustained_checkins() == 3
    assert window.select_plan(CARL)
    window.ui.viewTabs.setCurrentWidget(window.ui.outcomeTab)
    assert "each of the last 3 measured check-ins" in window.outcome.ui.explanationLabel.text()
