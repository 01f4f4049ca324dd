"""Which document to export or print (plan, outcome report, check-in record, meeting guide), whose copy, a password."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QDateEdit, QDialog, QLabel, QWidget

from pipdesk.domain import Plan, Status, vocabulary
from pipdesk.domain.meetings import guide_title, meetings, next_meeting
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog
from pipdesk.gui.forms.ui_export_pdf_dialog import Ui_ExportPdfDialog
from pipdesk.reports import DocumentKind, ReportOptions


@dataclass(frozen=True)
class DocumentChoice:
    kind: DocumentKind
    checkin_index: int | None
    options: ReportOptions
    open_after: bool
    #: A meeting guide: the next meeting on or after this day.
    on: dt.date | None = None

    def file_name(self, plan: Plan) -> str:
        what = {
            DocumentKind.PLAN: "plan",
            DocumentKind.OUTCOME: "outcome report",
            DocumentKind.CHECKIN: "check-in",
            DocumentKind.AGENDA: "meeting guide",
        }
        suffix = ""
        if self.kind is DocumentKind.CHECKIN and self.checkin_index is not None:
            suffix = f" {plan.checkins[self.checkin_index].date.isoformat()}"
        meeting = next_meeting(plan, self.on) if self.kind is DocumentKind.AGENDA and self.on else None
        if meeting is not None:
            suffix = f" {meeting.date.isoformat()}"
        copy = " (employee copy)" if self.options.employee_copy else ""
        return f"{plan.employee.name} - {what[self.kind]}{suffix}{copy}.pdf".replace("/", "-")


class ExportPdfDialog(QDialog):
    """``for_print`` hides what a printout has no use for: the password and opening the file."""

    def __init__(
        self, plan: Plan, for_print: bool = False, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportPdfDialog()
        self.ui.setupUi(self)
        self.plan = plan
        ui = self.ui
        if for_print:
            self.setWindowTitle("Print")
            for widget in (ui.passwordLabel, ui.passwordEdit, ui.repeatLabel, ui.repeatEdit, ui.openAfterCheck):
                widget.hide()
        ui.documentCombo.addItem("The plan, for the review meeting", DocumentKind.PLAN.value)
        ui.documentCombo.addItem(
            "Outcome report" if plan.status is Status.CLOSED else "Outcome report (not decided yet)",
            DocumentKind.OUTCOME.value,
        )
        if plan.checkins:
            ui.documentCombo.addItem("Check-in record, for both to sign", DocumentKind.CHECKIN.value)
        if meetings(plan):
            ui.documentCombo.addItem("Meeting guide, for the next meeting", DocumentKind.AGENDA.value)
        self._add_meeting_date(today or dt.date.today())
        for index, checkin in sorted(enumerate(plan.checkins), key=lambda item: item[1].date, reverse=True):
            ui.checkinCombo.addItem(f"{checkin.date.isoformat()} · {checkin.kind.value.replace('_', ' ')}", index)
        if plan.status is Status.CLOSED:
            ui.documentCombo.setCurrentIndex(1)
        ui.documentCombo.currentIndexChanged.connect(self._update)
        ui.errorLabel.hide()
        finish_dialog(self, ui.buttonBox, "Export", self._accept)  # the default button names the action
        self._update()

    def _add_meeting_date(self, today: dt.date) -> None:
        """The day from which the next meeting is found, and which meeting and guide that is."""
        self.meetingLabel = QLabel("Next meeting on or &after", self)
        self.meetingDateEdit = prepare_date_edit(QDateEdit(self), lambda: today)
        self.meetingDateEdit.setAccessibleName("Next meeting on or after")
        self.meetingDateEdit.setToolTip("The guide is for the plan's first meeting on or after this day")
        self.meetingDateEdit.setDate(qdate(today))
        self.meetingLabel.setBuddy(self.meetingDateEdit)
        self.meetingFound = QLabel(self)
        self.meetingFound.setWordWrap(True)
        self.ui.form.insertRow(2, self.meetingLabel, self.meetingDateEdit)
        self.ui.form.insertRow(3, "", self.meetingFound)
        QWidget.setTabOrder(self.ui.checkinCombo, self.meetingDateEdit)
        QWidget.setTabOrder(self.meetingDateEdit, self.ui.employeeCopyRadio)
        self.meetingDateEdit.dateChanged.connect(self._update)

    def _meeting_text(self) -> str:
        meeting = next_meeting(self.plan, pydate(self.meetingDateEdit.date()))
        if meeting is None:
            return "No meeting is scheduled on or after this day"
        return f"{guide_title(meeting)} for {meeting.title}, {vocabulary.long_date(meeting.date)}"

    def _kind(self) -> DocumentKind:
        return DocumentKind(self.ui.documentCombo.currentData())

    def _update(self) -> None:
        is_checkin = self._kind() is DocumentKind.CHECKIN
        self.ui.checkinCombo.setVisible(is_checkin)
        self.ui.checkinLabel.setVisible(is_checkin)
        is_agenda = self._kind() is DocumentKind.AGENDA
        for widget in (self.meetingLabel, self.meetingDateEdit, self.meetingFound):
            widget.setVisible(is_agenda)
        self.meetingFound.setText(self._meeting_text())

    def choose(
        self,
        kind: DocumentKind,
        employee_copy: bool,
        password: str = "",
        checkin_index: int | None = None,
        on: dt.date | None = None,
    ) -> None:
        """Answer the dialog as a person would (used by tests and the selftest)."""
        self.ui.documentCombo.setCurrentIndex(self.ui.documentCombo.findData(kind.value))
        if checkin_index is not None:
            self.ui.checkinCombo.setCurrentIndex(self.ui.checkinCombo.findData(checkin_index))
        if on is not None:
            self.meetingDateEdit.setDate(qdate(on))
        (self.ui.employeeCopyRadio if employee_copy else self.ui.fullCopyRadio).setChecked(True)
        self.ui.passwordEdit.setText(password)
        self.ui.repeatEdit.setText(password)
        self.ui.openAfterCheck.setChecked(False)

    def choice(self) -> DocumentChoice:
        kind = self._kind()
        password = (
            self.ui.passwordEdit.text() if self.ui.passwordEdit.isVisible() or self.ui.passwordEdit.text() else ""
        )
        return DocumentChoice(
            kind=kind,
            checkin_index=self.ui.checkinCombo.currentData() if kind is DocumentKind.CHECKIN else None,
            options=ReportOptions(employee_copy=self.ui.employeeCopyRadio.isChecked(), password=password or None),
            open_after=self.ui.openAfterCheck.isChecked() and not self.ui.openAfterCheck.isHidden(),
            on=pydate(self.meetingDateEdit.date()) if kind is DocumentKind.AGENDA else None,
        )

    def problem(self) -> str | None:
        if self._kind() is DocumentKind.AGENDA and next_meeting(self.plan, pydate(self.meetingDateEdit.date())) is None:
            return "No meeting is scheduled on or after this day; choose an earlier day"
        if self.ui.passwordEdit.text() != self.ui.repeatEdit.text():
            return "The two passwords differ; type the same password twice"
        return None

    def _accept(self) -> None:
        problem = self.problem()
        accept_if_sound(self, [problem] if problem else [], self.ui.errorLabel)
