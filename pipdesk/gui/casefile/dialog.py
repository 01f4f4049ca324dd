"""Asks what goes into a plan's case file: the full copy or the employee's copy, and an optional password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from pipdesk.domain import Plan, Status
from pipdesk.gui.common.dialogs import accept_if_sound, finish_form_dialog
from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.services.case_file import CaseFileOptions


class CaseFileDialog(QDialog):
    """Full copy or employee copy, and a password typed twice (none: the ZIP is not encrypted)."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export case file")
        outcome = "the outcome report, " if plan.status is Status.CLOSED else ""
        intro = QLabel(
            f"One ZIP file for HR holding the case of {plan.employee.name}: the plan, every check-in record, "
            f"{outcome}the plan file, the history of changes, and a manifest with the SHA-256 of each file, by "
            "which anyone can check that nothing in it was changed since.",
            self,
        )
        intro.setWordWrap(True)
        self.full_radio = QRadioButton("&Full copy, with the manager's private notes (for HR)", self)
        self.employee_radio = QRadioButton("&Employee copy, without the private notes", self)
        self.full_radio.setChecked(True)
        self.password_edit = self._password_field("Password")
        self.repeat_edit = self._password_field("Repeat password")
        note = QLabel(
            "With a password the ZIP is encrypted (AES-256): the files' contents are, their names and sizes are "
            "not. Give the password to HR another way than the file.",
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.full_radio)
        form.addRow(self.employee_radio)
        for text, field in (("&Password (optional):", self.password_edit), ("&Repeat password:", self.repeat_edit)):
            caption = QLabel(text, self)
            caption.setBuddy(field)
            form.addRow(caption, field)
        self.error_label = finish_form_dialog(self, form, "Export", self._accept)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, intro)  # a box layout, not the form, gives wrapped text the lines it needs
        layout.insertWidget(2, note)
        fit_to_screen(self)  # again, with the intro and the note

    def _password_field(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def choose(self, employee_copy: bool, password: str = "") -> None:
        """Answer the dialog as a person would (used by tests)."""
        (self.employee_radio if employee_copy else self.full_radio).setChecked(True)
        self.password_edit.setText(password)
        self.repeat_edit.setText(password)

    def options(self) -> CaseFileOptions:
        return CaseFileOptions(
            employee_copy=self.employee_radio.isChecked(), password=self.password_edit.text() or None
        )

    def problems(self) -> list[str]:
        if self.password_edit.text() != self.repeat_edit.text():
            return ["The two passwords differ; type the same password twice"]
        return []

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.error_label)
