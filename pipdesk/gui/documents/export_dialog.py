"""Which document to export or print: plan, outcome report or a check-in record; whose copy; a password."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from pipdesk.domain import Plan, Status
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog
from pipdesk.gui.forms.ui_export_pdf_dialog import Ui_ExportPdfDialog
from pipdesk.reports import DocumentKind, ReportOptions


@dataclass(frozen=True)
class DocumentChoice:
    kind: DocumentKind
    checkin_index: int | None
    options: ReportOptions
    open_after: bool

    def file_name(self, plan: Plan) -> str:
        what = {DocumentKind.PLAN: "plan", DocumentKind.OUTCOME: "outcome report", DocumentKind.CHECKIN: "check-in"}
        suffix = ""
        if self.kind is DocumentKind.CHECKIN and self.checkin_index is not None:
            suffix = f" {plan.checkins[self.checkin_index].date.isoformat()}"
        copy = " (employee copy)" if self.options.employee_copy else ""
        return f"{plan.employee.name} - {what[self.kind]}{suffix}{copy}.pdf".replace("/", "-")


class ExportPdfDialog(QDialog):
    """``for_print`` hides what a printout has no use for: the password and opening the file."""

    def __init__(self, plan: Plan, for_print: bool = False, parent: QWidget | None = None) -> None:
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
        for index, checkin in sorted(enumerate(plan.checkins), key=lambda item: item[1].date, reverse=True):
            ui.checkinCombo.addItem(f"{checkin.date.isoformat()} · {checkin.kind.value.replace('_', ' ')}", index)
        if plan.status is Status.CLOSED:
            ui.documentCombo.setCurrentIndex(1)
        ui.documentCombo.currentIndexChanged.connect(self._update)
        ui.errorLabel.hide()
        finish_dialog(self, ui.buttonBox, "Export", self._accept)  # the default button names the action
        self._update()

    def _kind(self) -> DocumentKind:
        return DocumentKind(self.ui.documentCombo.currentData())

    def _update(self) -> None:
        is_checkin = self._kind() is DocumentKind.CHECKIN
        self.ui.checkinCombo.setVisible(is_checkin)
        self.ui.checkinLabel.setVisible(is_checkin)

    def choose(
        self, kind: DocumentKind, employee_copy: bool, password: str = "", checkin_index: int | None = None
    ) -> None:
        """Answer the dialog as a person would (used by tests and the selftest)."""
        self.ui.documentCombo.setCurrentIndex(self.ui.documentCombo.findData(kind.value))
        if checkin_index is not None:
            self.ui.checkinCombo.setCurrentIndex(self.ui.checkinCombo.findData(checkin_index))
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
        )

    def problem(self) -> str | None:
        if self.ui.passwordEdit.text() != self.ui.repeatEdit.text():
            return "The two passwords differ; type the same password twice"
        return None

    def _accept(self) -> None:
        problem = self.problem()
        accept_if_sound(self, [problem] if problem else [], self.ui.errorLabel)
