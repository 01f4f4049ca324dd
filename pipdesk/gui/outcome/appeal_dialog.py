"""Records the employee's appeal against the outcome: lodged on, grounds, heard by, heard on, result,
comments. An appeal already recorded is shown to be completed (heard, decided) rather than asked again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from pipdesk.domain import Appeal, AppealResult, Plan, vocabulary
from pipdesk.domain.rules import plan_problems
from pipdesk.gui.common.dates import date_of
from pipdesk.gui.common.dialogs import accept_if_sound, date_field, finish_form_dialog, form_rows, text_field
from pipdesk.gui.common.words import show_line


class AppealDialog(QDialog):
    """Asks for every field of the plan's :class:`Appeal`, starting from the one recorded, if any."""

    def __init__(self, plan: Plan, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        current = plan.appeal
        self.setWindowTitle("Edit appeal" if current else "Record appeal")
        self.lodged_edit = date_field(self, "Lodged on", current.lodged_on if current else today, today, optional=False)
        self.grounds_edit = text_field(self, "Grounds of the appeal", 4)
        self.heard_by_edit = QLineEdit(self)
        self.heard_by_edit.setAccessibleName("Heard by")
        self.heard_by_edit.setPlaceholderText("Someone not involved in the plan, where possible")
        self.heard_edit = date_field(self, "Heard on", current.heard_on if current else None, today)
        self.result_combo = QComboBox(self)
        self.result_combo.setAccessibleName("Result")
        self.result_combo.addItem(vocabulary.appeal_result(None), None)
        for result, label in vocabulary.APPEAL_RESULTS.items():
            self.result_combo.addItem(label, result)
        self.comments_edit = text_field(self, "Comments on the appeal", 3)
        if current is not None:
            self.grounds_edit.setPlainText(current.grounds)
            show_line(self.heard_by_edit, current.heard_by)
            self.result_combo.setCurrentIndex(max(self.result_combo.findData(current.result), 0))
            self.comments_edit.setPlainText(current.comments)
        labels = ("&Lodged on", "&Grounds", "Heard &by", "Heard &on", "&Result", "&Comments")
        fields = (self.lodged_edit, self.grounds_edit, self.heard_by_edit, self.heard_edit, self.result_combo)
        form = form_rows(self, list(zip(labels, (*fields, self.comments_edit), strict=True)))
        self.setMinimumWidth(480)
        self.error_label = finish_form_dialog(self, form, "Record appeal", self._accept)

    def appeal(self) -> Appeal:
        lodged = date_of(self.lodged_edit)
        assert lodged is not None  # the lodged-on date is not optional
        result = self.result_combo.currentData()
        return Appeal(
            lodged_on=lodged,
            grounds=self.grounds_edit.toPlainText().strip(),
            heard_by=self.heard_by_edit.text().strip(),
            heard_on=date_of(self.heard_edit),
            result=AppealResult(result) if result is not None else None,
            comments=self.comments_edit.toPlainText().strip(),
        )

    def problems(self) -> list[str]:
        """What the plan's rules say of this appeal (heard before it was lodged, a result never heard…)."""
        plan = self.plan.model_copy(update={"appeal": self.appeal()})
        return [p.message for p in plan_problems(plan) if tuple(p.path[:2]) == ("plan", "appeal")]

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.error_label)
