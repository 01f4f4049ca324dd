"""The Check-ins tab, driven as a manager would: logging, amending, searching, deleting, undoing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from pipdesk.domain import Checkin, CheckinKind, Plan, Progress, Rating, Status
from pipdesk.domain.progress import overall_rating
from pipdesk.domain.rules import amendment_reason_needed as reason_needed
from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
from pipdesk.gui.checkins.log import CheckinsTab
from pipdesk.gui.checkins.models import (
    CheckinFilterProxy,
    CheckinLogModel,
    one_line_summary,
)
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, DMITRY, TODAY, answer_reason, load_sample


@pytest.fixture
def open_tab(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter) -> Callable[[int], CheckinsTab]:
    def open_plan(plan_id: int) -> CheckinsTab:
        tab = CheckinsTab(prompter, lambda: TODAY)
        qtbot.addWidget(tab)
        tab.resize(1300, 800)
        tab.set_session(PlanSession(book, plan_id, tab))
        tab.show()
        qtbot.waitExposed(tab)
        return tab

    return open_plan


def session_of(tab: CheckinsTab) -> PlanSession:
    assert tab.session is not None
    return tab.session


def as_iso(shown: str) -> str:
    """The log shows "5 Oct 2026" (vocabulary.short_date); the tests name the day as 2026-10-05."""
    return dt.datetime.strptime(shown, "%d %b %Y").date().isoformat()


def shown_dates(tab: CheckinsTab) -> list[str]:
    proxy = tab.log.proxy
    return [as_iso(proxy.index(row, CheckinLogModel.DATE).data()) for row in range(proxy.rowCount())]


def selected_date(tab: CheckinsTab) -> str:
    return as_iso(str(tab.log.ui.table.currentIndex().siblingAtColumn(CheckinLogModel.DATE).data()))


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, as a person selecting all first would."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_a_check_in_logged_through_the_form_marks_its_milestone_held_and_undoes_in_one_step(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(ALEX)
    tab.log.today = lambda: dt.date(2026, 11, 30)  # the day of the meeting logged
    session = session_of(tab)
    steps_before = session.undo_stack.count()
    assert shown_dates(tab)[-1] == "2026-11-23"

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        # Prefilled from the next scheduled meeting, with the trend beside every input.
        assert (dialog.date(), dialog.kind()) == (dt.date(2026, 11, 30), CheckinKind.CHECKIN)
        assert "Weekly check-in 9" in dialog.ui.milestoneLabel.text()
        assert dialog.ui.attendeesEdit.text() == "Alex Moreno, Dana Whitfield"
        on_time, reports, estimates = (dialog.rows[k] for k in ("on-time", "status-reports", "estimates"))
        assert on_time.last.text() == "last: 84% on 23 Nov 2026, target 90%"
        assert estimates.last.text() == "last: 26% on 23 Nov 2026, target at most 20%"
        qtbot.keyClicks(on_time.value_edit, "88")
        assert on_time.rating() is Rating.ON_TRACK, "the rating follows the trend until the manager picks one"
        qtbot.keyClicks(reports.value_edit, "0")
        qtbot.keyClicks(estimates.value_edit, "24,5")
        estimates.rating_combo.setFocus()
        qtbot.keyClick(estimates.rating_combo, Qt.Key.Key_Down)
        qtbot.keyClicks(estimates.comment_edit, "Two estimates reviewed together")
        qtbot.keyClicks(dialog.ui.notesEdit, "Release 4.3 <b>on time</b> & documented.")
        qtbot.keyClicks(dialog.ui.winsEdit, "Freeze plan held.")
        qtbot.keyClicks(dialog.ui.privateNotesEdit, "Ask HR about extending the mentoring.")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return True

    prompter.expect("dialog", fill)
    qtbot.mouseClick(tab.log.ui.newButton, Qt.MouseButton.LeftButton)

    plan = book.get(ALEX)
    milestone = next(m for m in plan.milestones if m.title == "Weekly check-in 9")
    assert (milestone.date, milestone.done) == (dt.date(2026, 11, 30), True)
    assert [c.date for c in plan.checkins] == sorted(c.date for c in plan.checkins)
    logged = plan.checkins[-1]
    assert logged.date == dt.date(2026, 11, 30)
    assert {p.objective: (p.value, p.rating) for p in logged.progress} == {
        "on-time": (88, Rating.ON_TRACK),
        "status-reports": (0, Rating.MET),
        "estimates": (24.5, Rating.AT_RISK),
    }
    assert logged.progress[2].comment == "Two estimates reviewed together"
    assert logged.private_notes == "Ask HR about extending the mentoring."

    # In the log, selected, and its record shown as typed (never read as markup).
    assert shown_dates(tab)[-1] == "2026-11-30"
    assert selected_date(tab) == "2026-11-30"
    record = tab.log.ui.detail.toPlainText()
    assert "Release 4.3 <b>on time</b> & documented." in record
    assert "Private: your own notes as manager" in record
    assert record.index("Private:") < record.index("Ask HR about extending the mentoring.")

    # One step on the plan's undo stack takes back the check-in and the milestone.
    assert session.undo_stack.count() == steps_before + 1
    session.undo_stack.undo()
    undone = book.get(ALEX)
    assert len(undone.checkins) == 8
    assert not next(m for m in undone.milestones if m.title == "Weekly check-in 9").done
    assert shown_dates(tab)[-1] == "2026-11-23"


def test_a_date_outside_the_plan_period_is_refused_in_the_form_in_the_domains_words(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(ALEX)
    tab.log.today = lambda: dt.date(2026, 12, 21)  # the last day of the plan

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.ui.dateEdit.setDate(QDate(2027, 1, 4))
        assert dialog.ui.dateError.isVisible()
        assert dialog.ui.dateError.text() == (
            "Check-in date 2027-01-04 is outside the plan period 2026-09-28 to 2026-12-21"
        )
        assert not dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), "the form stays open while the date is outside the plan"
        dialog.ui.dateEdit.setDate(QDate(2026, 12, 21))
        assert not dialog.ui.dateError.isVisible()
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(CheckinKind.CHECKIN.value))
        assert "Final review" not in dialog.ui.milestoneLabel.text(), "a check-in does not hold the final review"
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(CheckinKind.FINAL.value))
        assert "Final review" in dialog.ui.milestoneLabel.text()
        return False

    prompter.expect("dialog", fill)
    tab.new_checkin()
    assert len(book.get(ALEX).checkins) == 8


def test_a_check_in_dated_after_today_is_refused_in_the_form(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(ALEX)
    before = len(book.get(ALEX).checkins)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.ui.dateEdit.setDate(QDate(2026, 11, 30))  # inside the plan, a week after TODAY
        assert dialog.ui.dateError.isVisible()
        assert dialog.ui.dateError.text() == (
            "Check-in date 2026-11-30 is after today (2026-11-23): log a check-in once the meeting has taken place"
        )
        assert not dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), "the form stays open while the date is in the future"
        dialog.ui.dateEdit.setDate(QDate(2026, 11, 23))
        assert not dialog.ui.dateError.isVisible() and dialog.save_button.isEnabled()
        return False

    prompter.expect("dialog", fill)
    tab.new_checkin()
    assert len(book.get(ALEX).checkins) == before


def test_a_value_that_is_not_a_number_is_named_and_keeps_the_form_open(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    tab = open_tab(ALEX)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.show()
        qtbot.keyClicks(dialog.rows["on-time"].value_edit, "about 90")
        assert dialog.ui.errorLabel.text() == (
            "Deliver milestones on the agreed date: expected a number, found 'about 90'"
        )
        assert not dialog.save_button.isEnabled()
        return False

    prompter.expect("dialog", fill)
    tab.new_checkin()


def test_amending_an_old_check_in_asks_why_and_keeps_every_changed_field_in_the_history(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(ALEX)
    session = session_of(tab)
    tab.open_checkin(0)
    assert selected_date(tab) == "2026-10-05"
    assert "more than 7 days old" in tab.log.ui.detail.toPlainText()
    old_notes = book.get(ALEX).checkins[0].notes

    def amend(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.show()
        assert dialog.windowTitle() == "Amend the check-in of 5 Oct 2026"
        assert "more than 7 days old" in dialog.ui.amendLabel.text()
        assert dialog.ui.notesEdit.toPlainText() == old_notes
        assert dialog.rows["on-time"].last.text() == "first value; baseline 55%, target 90%"
        dialog.ui.notesEdit.setFocus()
        dialog.ui.notesEdit.selectAll()
        qtbot.keyClicks(dialog.ui.notesEdit, "Reviewed the board; two milestones slipped, both on the API team.")
        type_into(qtbot, dialog.rows["on-time"].value_edit, "58")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return True

    asked: list[str] = []
    prompter.expect("dialog", amend).expect("dialog", answer_reason("Alex pointed out the API team's part.", asked))
    steps_before = session.undo_stack.count()
    qtbot.mouseClick(tab.log.ui.amendButton, Qt.MouseButton.LeftButton)

    plan = book.get(ALEX)
    assert plan.checkins[0].notes == "Reviewed the board; two milestones slipped, both on the API team."
    assert plan.checkins[0].progress[0].value == 58
    assert [(r.field, r.old, r.new, r.reason) for r in plan.revisions] == [
        (
            "checkins.2026-10-05.notes",
            old_notes,
            "Reviewed the board; two milestones slipped, both on the API team.",
            "Alex pointed out the API team's part.",
        ),
        ("checkins.2026-10-05.progress.on-time.value", "60", "58", "Alex pointed out the API team's part."),
    ]
    assert asked[0].startswith("The check-in of 2026-10-05:\n• Notes: Reviewed the new planning board;")
    assert "• Deliver milestones on the agreed date › Measured: 60 → 58" in asked[0]
    assert session.undo_stack.count() == steps_before + 1
    assert selected_date(tab) == "2026-10-05"

    session.undo_stack.undo()
    restored = book.get(ALEX)
    assert (restored.checkins[0].notes, restored.revisions) == (old_notes, [])
    assert selected_date(tab) == "2026-10-05"
    assert old_notes in tab.log.ui.detail.toPlainText()


def test_cancelling_the_reason_leaves_an_old_check_in_as_it_was(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(ALEX)
    tab.open_checkin(0)

    def amend(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        type_into(qtbot, dialog.ui.attendeesEdit, "Alex Moreno")
        return True

    prompter.expect("dialog", amend).expect("dialog", lambda _dialog: False)
    tab.log.amend_checkin()
    assert book.get(ALEX).checkins[0].attendees == "Alex Moreno, Dana Whitfield"
    assert book.get(ALEX).revisions == []


def test_the_latest_recent_check_in_of_an_issued_plan_is_corrected_without_a_reason(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(ALEX)
    assert selected_date(tab) == "2026-11-23", "the newest check-in is shown first"
    assert "without a reason" in tab.log.ui.detail.toPlainText()

    def amend(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        assert not dialog.ui.amendLabel.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.ui.employeeCommentsEdit, "Glad the freeze plan is done.")
        return True

    prompter.expect("dialog", amend)
    table = tab.log.ui.table
    where = table.visualRect(table.currentIndex()).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click starts as a click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    plan = book.get(ALEX)
    assert plan.checkins[-1].employee_comments == "Glad the freeze plan is done."
    assert plan.revisions == []


def test_searching_the_log_filters_it_by_any_text_of_a_check_in(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot
) -> None:
    tab = open_tab(ALEX)
    assert len(shown_dates(tab)) == 8
    qtbot.keyClicks(tab.log.ui.searchEdit, "API team")
    assert shown_dates(tab) == ["2026-10-05", "2026-10-12"]  # employee comments; notes and private notes
    assert tab.log.ui.statusLabel.text() == "2 of 8 check-ins match."
    tab.log.ui.searchEdit.clear()
    qtbot.keyClicks(tab.log.ui.searchEdit, "LEAD dates")
    assert shown_dates(tab) == ["2026-10-12"]  # only in the manager's private notes
    tab.log.ui.searchEdit.clear()
    qtbot.keyClicks(tab.log.ui.searchEdit, "no such words")
    assert shown_dates(tab) == []
    assert tab.log.ui.statusLabel.text() == "None of the 8 check-ins match."
    assert not tab.log.ui.amendButton.isEnabled()

    tab.open_checkin(2)  # as when the timeline is clicked: the search gives way
    assert tab.log.ui.searchEdit.text() == ""
    assert selected_date(tab) == "2026-10-19"


def test_deleting_a_check_in_of_an_issued_plan_asks_to_confirm_and_why(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(ALEX)
    tab.open_checkin(3)
    prompter.expect("confirm", False)
    qtbot.mouseClick(tab.log.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert len(book.get(ALEX).checkins) == 8

    prompter.expect("confirm", True).expect("dialog", answer_reason("Logged twice by mistake."))
    qtbot.mouseClick(tab.log.ui.deleteButton, Qt.MouseButton.LeftButton)
    plan = book.get(ALEX)
    assert dt.date(2026, 10, 26) not in [c.date for c in plan.checkins]
    revision = plan.revisions[-1]
    assert (revision.field, revision.new, revision.reason) == ("checkins.2026-10-26", None, "Logged twice by mistake.")
    assert revision.old is not None and revision.old.startswith("Check-in of 2026-10-26: Vendor delay")
    assert len(shown_dates(tab)) == 7
    assert selected_date(tab) == "2026-11-02", "the next check-in is shown"
    # The weekly meeting it recorded is no longer shown as held; the others are.
    undone = [m.title for m in plan.milestones if not m.done and m.date < dt.date(2026, 11, 30)]
    assert undone == ["Weekly check-in 4"]

    session_of(tab).undo_stack.undo()
    plan = book.get(ALEX)
    assert len(plan.checkins) == 8
    assert next(m for m in plan.milestones if m.title == "Weekly check-in 4").done
    assert selected_date(tab) == "2026-11-02"


def test_a_closed_plans_check_ins_are_read_only(
    open_tab: Callable[[int], CheckinsTab], prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(BETH)
    log = tab.log
    assert len(shown_dates(tab)) == 6
    assert not log.ui.newButton.isEnabled()
    assert not log.ui.amendButton.isEnabled()
    assert not log.ui.deleteButton.isEnabled()
    assert "The plan is closed" in log.ui.statusLabel.text()
    before = book.get(BETH)
    tab.new_checkin()
    log.amend_checkin(0)
    log.delete_checkin(0)
    assert [s.kind for s in prompter.shown] == ["info", "info", "info"]
    assert book.get(BETH) == before


def test_check_ins_on_a_draft_are_logged_and_corrected_freely(
    open_tab: Callable[[int], CheckinsTab], qtbot: QtBot, prompter: ScriptedPrompter, book: PlanBook
) -> None:
    tab = open_tab(DMITRY)
    assert tab.log.ui.statusLabel.text().startswith("No check-ins logged yet.")

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        assert dialog.date() == dt.date(2026, 12, 1), "before the plan starts, the form offers its first day"
        qtbot.keyClicks(dialog.ui.notesEdit, "Talked through the draft.")
        return True

    prompter.expect("dialog", fill)
    tab.new_checkin()
    assert book.get(DMITRY).checkins[0].notes == "Talked through the draft."

    def correct(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        qtbot.keyClick(dialog.ui.notesEdit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.ui.notesEdit, " Dates agreed.")
        return True

    prompter.expect("dialog", correct)
    tab.log.amend_checkin()
    plan = book.get(DMITRY)
    assert plan.checkins[0].notes == "Talked through the draft. Dates agreed."
    assert plan.revisions == []
    prompter.expect("confirm", True)  # no reason on a draft
    tab.log.delete_checkin()
    assert book.get(DMITRY).checkins == []


# The rule on amending, and the log's model, without widgets


def _plan(status: Status, *days: dt.date) -> Plan:
    plan = load_sample("alex-delivery-active").model_copy(update={"status": status, "checkins": []})
    plan.checkins = [Checkin(date=day) for day in days]
    return plan


@pytest.mark.parametrize(
    ("status", "index", "needs_reason"),
    [
        (Status.ACTIVE, 1, False),  # the latest, six days old
        (Status.ACTIVE, 0, True),  # a later one is logged
        (Status.DRAFT, 0, False),  # a draft: only age counts
    ],
)
def test_a_reason_is_needed_for_an_issued_check_in_a_later_one_follows(
    status: Status, index: int, needs_reason: bool
) -> None:
    plan = _plan(status, dt.date(2026, 11, 16), dt.date(2026, 11, 17))
    assert (reason_needed(plan, index, TODAY) is not None) is needs_reason


def test_a_reason_is_needed_for_any_check_in_older_than_a_week() -> None:
    plan = _plan(Status.DRAFT, dt.date(2026, 11, 15), dt.date(2026, 11, 16))
    assert reason_needed(plan, 0, TODAY) is not None
    assert reason_needed(plan, 1, TODAY) is None  # exactly seven days


def test_a_check_in_is_rated_by_its_worst_objective() -> None:
    checkin = Checkin(
        date=TODAY,
        progress=[
            Progress(objective="a", rating=Rating.MET),
            Progress(objective="b", rating=Rating.AT_RISK),
            Progress(objective="c", rating=Rating.ON_TRACK),
        ],
    )
    assert overall_rating(checkin) is Rating.AT_RISK
    assert overall_rating(Checkin(date=TODAY)) is None


def test_the_summary_is_the_first_line_written_never_the_private_notes() -> None:
    assert one_line_summary(Checkin(date=TODAY, notes="\n  First line\nSecond")) == "First line"
    assert one_line_summary(Checkin(date=TODAY, wins="A win", next_steps="Next")) == "A win"
    assert one_line_summary(Checkin(date=TODAY, private_notes="Mine only")) == ""


@pytest.mark.parametrize(
    "field",
    ["notes", "employee_comments", "wins", "concerns", "next_steps", "attendees", "private_notes"],
)
def test_the_search_reaches_every_text_of_a_check_in(field: str) -> None:
    model = CheckinLogModel()
    proxy = CheckinFilterProxy()
    proxy.setSourceModel(model)
    model.set_checkins([Checkin(date=TODAY, **{field: "Ærøskøbing workshop"}), Checkin(date=TODAY)])
    proxy.set_search("ærøskøbing")
    assert proxy.rowCount() == 1


def test_the_search_reaches_progress_comments() -> None:
    model = CheckinLogModel()
    proxy = CheckinFilterProxy()
    proxy.setSourceModel(model)
    model.set_checkins([Checkin(date=TODAY, progress=[Progress(objective="o", comment="Blocked by vendor")])])
    proxy.set_search("vendor")
    assert proxy.rowCount() == 1
    proxy.set_search("vendor holiday")
    assert proxy.rowCount() == 0


def test_a_new_check_in_between_meetings_opens_on_today_not_on_the_next_meeting(qtbot: QtBot, book: PlanBook) -> None:
    """Alex's next meeting is on 30 November; a form opened on the 23rd must not start on a date it refuses."""
    plan = book.get(ALEX)
    assert any(not m.done and m.date == dt.date(2026, 11, 30) for m in plan.milestones)
    form = CheckinFormDialog(plan, TODAY)
    qtbot.addWidget(form)
    assert form.date() == TODAY and form.problems() == []
    on_the_day = CheckinFormDialog(plan, dt.date(2026, 11, 30))
    qtbot.addWidget(on_the_day)
    assert (on_the_day.date(), on_the_day.kind()) == (dt.date(2026, 11, 30), CheckinKind.CHECKIN)
    assert "Weekly check-in 9" in on_the_day.ui.milestoneLabel.text()
