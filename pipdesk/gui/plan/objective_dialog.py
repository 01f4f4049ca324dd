"""An objective, added or edited in a dialog: in a draft as far as the manager has got (issuing asks for the rest),
in an issued plan complete and SMART at once, since the plan is already in force."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QWidget

from pipdesk.domain import Objective, ObjectiveCategory, Plan
from pipdesk.domain.smart import smart_issues
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog
from pipdesk.gui.common.list_editor import parse_number
from pipdesk.gui.common.words import show_line
from pipdesk.gui.forms.ui_objective_dialog import Ui_ObjectiveDialog


class ObjectiveDialog(QDialog):
    def __init__(
        self,
        plan: Plan,
        key: str,
        parent: QWidget | None = None,
        objective: Objective | None = None,
        complete: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ObjectiveDialog()
        self.ui.setupUi(self)
        self.plan = plan
        self.key = key
        #: Whether the objective must be SMART before the dialog accepts it (an issued plan's).
        self.complete = complete
        ui = self.ui
        if objective is not None:
            self.setWindowTitle("Edit objective")
        if not complete:
            ui.explanation.setText(
                "Fill in what you know now; the SMART check marks what is missing, and the plan is issued "
                "only once every objective has a kind, a metric, a baseline, a target and a due date."
            )
        ui.kindCombo.addItem("—", None)
        for category in ObjectiveCategory:
            ui.kindCombo.addItem(category.value.capitalize(), category.value)
        ui.concernCombo.addItem("—", None)
        for concern in plan.concerns:
            ui.concernCombo.addItem(f"{concern.key}: {concern.area}", concern.key)
        prepare_date_edit(ui.dueDateEdit, lambda: plan.end_date).setDate(qdate(plan.end_date))
        ui.dueDateEdit.setDateRange(qdate(plan.start_date), qdate(plan.end_date))
        show_as_error(ui.errorLabel)
        ui.errorLabel.hide()
        if objective is not None:
            self._show(objective)
        finish_dialog(self, ui.buttonBox, "Save", self._accept)  # the default button names the action

    def fill(self, title: str, metric: str, unit: str, baseline: str, target: str, due: dt.date | None = None) -> None:
        """Answer the dialog as a person would type it (used by tests)."""
        ui = self.ui
        show_line(ui.titleEdit, title)
        show_line(ui.metricEdit, metric)
        show_line(ui.unitEdit, unit)
        ui.baselineEdit.setText(baseline)
        ui.targetEdit.setText(target)
        if due is not None:
            ui.dueDateEdit.setDate(qdate(due))

    def _show(self, objective: Objective) -> None:
        ui = self.ui
        kind = objective.category.value if objective.category else None
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(kind)) if kind else 0)
        ui.concernCombo.setCurrentIndex(max(0, ui.concernCombo.findData(objective.concern) if objective.concern else 0))
        ui.descriptionEdit.setPlainText(objective.description)
        self.fill(
            objective.title,
            objective.metric,
            objective.unit,
            "" if objective.baseline is None else f"{objective.baseline:g}",
            "" if objective.target is None else f"{objective.target:g}",
            objective.due_date,
        )

    def problems(self) -> list[str]:
        ui = self.ui
        problems = []
        numbers = {}
        for label, edit in (("Baseline", ui.baselineEdit), ("Target", ui.targetEdit)):
            value = parse_number(edit.text())
            if not isinstance(value, float) and (self.complete or value is not None):
                problems.append(f"{label}: enter a number" + (f", not {edit.text()!r}" if edit.text().strip() else ""))
            numbers[label] = value
        if not ui.titleEdit.text().strip():
            problems.insert(0, "Give the objective a title")
        if problems or not self.complete:
            return problems
        objective = self.objective()
        return [issue.message for issue in smart_issues(objective, self.plan.start_date, self.plan.end_date)]

    def objective(self) -> Objective:
        ui = self.ui
        baseline = parse_number(ui.baselineEdit.text())
        target = parse_number(ui.targetEdit.text())
        return Objective(
            key=self.key,
            title=ui.titleEdit.text().strip(),
            category=ui.kindCombo.currentData(),
            concern=ui.concernCombo.currentData(),
            description=ui.descriptionEdit.toPlainText(),
            metric=ui.metricEdit.text().strip(),
            unit=ui.unitEdit.text().strip(),
            baseline=baseline if isinstance(baseline, float) else None,
            target=target if isinstance(target, float) else None,
            due_date=pydate(ui.dueDateEdit.date()),
        )

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.ui.errorLabel)
