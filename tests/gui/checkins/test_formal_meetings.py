"""Formal meetings through the window: the check-in form records the right to be accompanied and who
attended, the plan book keeps them, and the log and the record show them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from pipdesk.domain import AttendeeRole, CheckinKind
from pipdesk.gui.checkins.companions import ROLE
from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
from pipdesk.gui.checkins.models import CheckinLogModel
from pipdesk.gui.common.dates import qdate
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY, load_sample, prompter_of


def choose_kind(dialog: CheckinFormDialog, kind: CheckinKind) -> None:
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(kind.value))


def test_a_formal_review_with_a_companion_offered_and_two_attendees_is_kept(window: MainWindow, book: PlanBook) -> None:
    prompter = prompter_of(window)
    window.select_plan(ALEX)
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        box = dialog.formal_box
        seen["informal"] = (box.formal_check.isEnabled(), box.formal(), box.table.isHidden())
        dialog.ui.dateEdit.setDate(qdate(dt.date(2026, 11, 20)))
        choose_kind(dialog, CheckinKind.FORMAL_REVIEW)
        seen["formal"] = (box.formal_check.isEnabled(), box.formal(), box.table.isHidden())
        # A new formal meeting starts with the employee and the manager; the manager leaves, a companion came.
        seen["prefilled"] = [(a.name, a.role) for a in box.attendance()]
        box.table.setCurrentCell(1, 0)
        box.remove_button.click()
        row = box.add_row("Łukasz <b>Nowak</b>", AttendeeRole.COMPANION)
        assert box.table.item(row, ROLE).text() == "Companion"
        box.offered_combo.setCurrentIndex(box.offered_combo.findData(True))
        dialog.ui.notesEdit.setPlainText("Formal review of progress.")
        return not dialog.problems()

    prompter.expect("dialog", fill)
    window.ui.actionNewCheckin.trigger()
    assert seen["informal"] == (True, False, True)
    assert seen["formal"] == (False, True, False)
    assert seen["prefilled"] == [("Alex Moreno", AttendeeRole.EMPLOYEE), ("Dana Whitfield", AttendeeRole.MANAGER)]

    (kept,) = [c for c in book.get(ALEX).checkins if c.kind is CheckinKind.FORMAL_REVIEW]
    assert kept.is_formal and kept.companion_offered is True
    assert [(a.name, a.role) for a in kept.attendance] == [
        ("Alex Moreno", AttendeeRole.EMPLOYEE),
        ("Łukasz <b>Nowak</b>", AttendeeRole.COMPANION),
    ]
    record = window.checkins.log.ui.detail.toPlainText()
    assert "A formal meeting. The right to be accompanied was offered." in record
    assert "Attended by Alex Moreno (employee); Łukasz <b>Nowak</b> (companion)." in record


def test_a_check_in_marked_formal_shows_as_formal_in_the_log(window: MainWindow, book: PlanBook) -> None:
    prompter = prompter_of(window)
    window.select_plan(ALEX)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.ui.dateEdit.setDate(qdate(dt.date(2026, 11, 21)))
        choose_kind(dialog, CheckinKind.CHECKIN)
        dialog.formal_box.formal_check.setChecked(True)
        assert dialog.ui.attendeesEdit.isHidden()  # a formal meeting lists its attendance instead
        dialog.formal_box.offered_combo.setCurrentIndex(dialog.formal_box.offered_combo.findData(False))
        return not dialog.problems()

    prompter.expect("dialog", fill)
    window.ui.actionNewCheckin.trigger()
    kept = next(c for c in book.get(ALEX).checkins if c.date == dt.date(2026, 11, 21))
    assert (kept.formal, kept.companion_offered, kept.attendees) == (True, False, "Alex Moreno, Dana Whitfield")
    log = window.checkins.log
    kinds = [log.proxy.index(r, CheckinLogModel.KIND).data() for r in range(log.proxy.rowCount())]
    assert "Check-in (formal)" in kinds
    assert "The right to be accompanied was not offered." in log.ui.detail.toPlainText()


def test_kick_off_is_a_kind_to_choose_and_fulfils_the_kick_off_meeting(qtbot, book: PlanBook) -> None:  # type: ignore[no-untyped-def]
    plan = load_sample("alex-delivery-active")
    for milestone in plan.milestones:
        if milestone.kind.value == "kickoff":
            milestone.done = False
    dialog = CheckinFormDialog(plan, TODAY)
    qtbot.addWidget(dialog)
    kinds = [dialog.ui.kindCombo.itemData(i) for i in range(dialog.ui.kindCombo.count())]
    assert CheckinKind.KICKOFF.value in kinds
    assert dialog.ui.kindCombo.itemText(kinds.index("kickoff")) == "Kick-off"
    dialog.ui.dateEdit.setDate(qdate(plan.start_date))
    choose_kind(dialog, CheckinKind.KICKOFF)
    assert dialog.formal_box.formal() and not dialog.formal_box.formal_check.isEnabled()
    assert "Plan issued and discussed" in dialog.ui.milestoneLabel.text()
    checkin = dialog.checkin()
    assert checkin.kind is CheckinKind.KICKOFF and checkin.is_formal and not checkin.formal
