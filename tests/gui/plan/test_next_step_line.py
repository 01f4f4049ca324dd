"""The Plan view's "Next step" line: what it says for each sample, and that its button does the step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from test_adjustments_and_hr_review import click_ok

from pipdesk.domain import HrReview
from pipdesk.domain.process import Action
from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
from pipdesk.gui.common.dates import qdate
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.actions import NEXT_STEP_ACTIONS
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, DMITRY


def test_every_step_the_window_does_has_an_action() -> None:
    hr_steps = {Action.SEND_FOR_HR_REVIEW, Action.RECORD_HR_REVIEW}
    assert set(NEXT_STEP_ACTIONS) == {a.value for a in Action} - hr_steps


def test_alex_button_logs_the_check_in_due_and_the_line_moves_on(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    window = MainWindow(book, prompter=prompter, today=lambda: dt.date(2026, 11, 30))  # the check-in's day
    qtbot.addWidget(window)
    window.show()
    window.select_plan(ALEX)
    line = window.editor.next_step
    assert line.words.text() == "Log the check-in due on 30 Nov 2026"
    assert line.button.text() == "Log check-in…" and not line.button.isHidden()
    assert line.overdue.isHidden()

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.ui.dateEdit.setDate(qdate(dt.date(2026, 11, 30)))
        return not dialog.problems()

    prompter.expect("dialog", fill)
    line.button.click()
    assert any(c.date == dt.date(2026, 11, 30) for c in book.get(ALEX).checkins)
    assert line.words.text() == "Log the check-in due on 7 Dec 2026"


def test_dmitry_button_records_the_plan_sent_for_hr_review(
    window: MainWindow, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    window.select_plan(DMITRY)
    line = window.editor.next_step
    assert line.words.text() == "Send the plan to HR for review before it is issued"
    prompter.expect("dialog", click_ok)
    line.button.click()
    assert book.get(DMITRY).hr_review == HrReview(sent_on=dt.date(2026, 11, 23))
    assert line.words.text() == "Record HR's review of the plan (sent to HR on 23 Nov 2026)"
    assert line.button.text() == "Record HR review…"


def test_carl_missed_final_review_is_marked_overdue_in_words_too(window: MainWindow) -> None:
    window.select_plan(CARL)
    line = window.editor.next_step
    assert not line.overdue.isHidden()
    assert line.overdue.text() == "⚠ Overdue:"
    assert line.words.text().endswith("overdue by 54 days")
    window.editor.grab().save("/tmp/next_step_carl.png")


def test_beth_closed_plan_shows_monitoring_without_a_button(window: MainWindow) -> None:
    window.select_plan(BETH)
    line = window.editor.next_step
    assert line.words.text().startswith("Monitoring after the plan: Informal monthly look at CSAT")
    assert line.button.isHidden()
