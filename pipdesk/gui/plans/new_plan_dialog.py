"""Starts a plan: who it is for, its title and period, and (from a template) which common case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from pipdesk.gui.common.dates import prepare_date_edit, qdate
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog
from pipdesk.gui.common.words import show_line
from pipdesk.gui.forms.ui_new_plan_dialog import Ui_NewPlanDialog


@dataclass(frozen=True)
class NewPlanAnswers:
    employee: str
    job_title: str
    manager: str
    title: str
    start: dt.date
    end: dt.date
    every_days: int
    template: Any | None


class NewPlanDialog(QDialog):
    """``templates`` (objects with ``name`` and ``description``) adds a template list to choose from."""

    def __init__(
        self, today: dt.date, manager: str = "", templates: Sequence[Any] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewPlanDialog()
        self.ui.setupUi(self)
        self.templates = list(templates or [])
        self.ui.templateGroup.setVisible(templates is not None)
        if templates is not None:
            self.setWindowTitle("New plan from template")
            for template in self.templates:
                item = QListWidgetItem(template.name)
                item.setData(Qt.ItemDataRole.UserRole, template)
                item.setToolTip(template.description)
                self.ui.templateList.addItem(item)
            self.ui.templateList.currentRowChanged.connect(self._template_chosen)
            if self.templates:
                self.ui.templateList.setCurrentRow(0)
        start = today + dt.timedelta(days=(7 - today.weekday()) % 7)  # the next Monday, or today if it is one
        prepare_date_edit(self.ui.startDateEdit, lambda: today).setDate(qdate(start))
        show_line(self.ui.managerEdit, manager)
        self.ui.errorLabel.hide()
        finish_dialog(self, self.ui.buttonBox, "Create plan", self._accept)  # the default button names the action
        self.ui.employeeEdit.setFocus()

    def _template_chosen(self, row: int) -> None:
        template = self.templates[row] if 0 <= row < len(self.templates) else None
        self.ui.templateDescription.setText(template.description if template else "")
        if template is not None and not self.ui.titleEdit.isModified():
            show_line(self.ui.titleEdit, template.name)

    def fill(self, employee: str, title: str, manager: str = "", job_title: str = "", template_row: int = 0) -> None:
        """Answer the dialog as a person would type it (used by tests and the selftest)."""
        show_line(self.ui.employeeEdit, employee)
        show_line(self.ui.jobTitleEdit, job_title)
        if manager:
            show_line(self.ui.managerEdit, manager)
        if self.templates:
            self.ui.templateList.setCurrentRow(template_row)
        show_line(self.ui.titleEdit, title)
        self.ui.titleEdit.setModified(True)

    def answers(self) -> NewPlanAnswers:
        day = self.ui.startDateEdit.date()
        start = dt.date(day.year(), day.month(), day.day())
        item = self.ui.templateList.currentItem()
        return NewPlanAnswers(
            employee=self.ui.employeeEdit.text().strip(),
            job_title=self.ui.jobTitleEdit.text().strip(),
            manager=self.ui.managerEdit.text().strip(),
            title=self.ui.titleEdit.text().strip(),
            start=start,
            end=start + dt.timedelta(days=self.ui.lengthSpin.value()),
            every_days=self.ui.cadenceSpin.value(),
            template=item.data(Qt.ItemDataRole.UserRole) if item is not None and self.templates else None,
        )

    def problems(self) -> list[str]:
        answers = self.answers()
        missing = [
            label
            for label, value in (("the employee's name", answers.employee), ("your name as manager", answers.manager))
            if not value
        ]
        problems = [f"Enter {label}" for label in missing]
        if not answers.title:
            problems.append("Give the plan a title")
        if self.templates and answers.template is None:
            problems.append("Choose a template")
        return problems

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.ui.errorLabel)
