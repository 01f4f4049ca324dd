"""Records the employee's appeal against the outcome: lodged on, grounds, heard by, heard on, result,
comments. An appeal already recorded is shown to be completed (heard, decided) rather than asked again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pipdesk.domain import Appeal, AppealResult, Plan, vocabulary
from pipdesk.domain.rules import plan_problems
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import date_of, prepare_date_edit, set_date
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog
from pipdesk.gui.common.words import show_line


class AppealDialog(QDialog):
    """Asks for every field of the plan's :class:`Appeal`, starting from the one recorded, if any."""

    def __init__(self, plan: Plan, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        current = plan.appeal
        self.setWindowTitle("Edit appeal" if current else "Record appeal")
        lodged = current.lodged_on if current else today
        self.lodged_edit = self._date("Lodged on", lodged, today, optional=False)
        self.grounds_edit = self._text("Grounds of the appeal", 4)
        self.heard_by_edit = QLineEdit(self)
        self.heard_by_edit.setAccessibleName("Heard by")
        self.heard_by_edit.setPlaceholderText("Someone not involved in the plan, where possible")
        self.heard_edit = self._date("Heard on", current.heard_on if current else None, today, optional=True)
        self.result_combo = QComboBox(self)
        self.result_combo.setAccessibleName("Result")
        self.result_combo.addItem(vocabulary.appeal_result(None), None)
        for result, label in vocabulary.APPEAL_RESULTS.items():
            self.result_combo.addItem(label, result)
        self.comments_edit = self._text("Comments on the appeal", 3)
        if current is not None:
            self.grounds_edit.setPlainText(current.grounds)
            show_line(self.heard_by_edit, current.heard_by)
            self.result_combo.setCurrentIndex(max(self.result_combo.findData(current.result), 0))
            self.comments_edit.setPlainText(current.comments)
        form = QFormLayout()
        for text, widget in (
            ("&Lodged on", self.lodged_edit),
            ("&Grounds", self.grounds_edit),
            ("Heard &by", self.heard_by_edit),
            ("Heard &on", self.heard_edit),
            ("&Result", self.result_combo),
            ("&Comments", self.comments_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        show_as_error(self.error_label)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        finish_dialog(self, buttons, "Record appeal", self._accept)

    def _date(self, name: str, day: dt.date | None, today: dt.date, optional: bool) -> QDateEdit:
        edit = prepare_date_edit(QDateEdit(self), lambda: today, optional=optional)
        edit.setAccessibleName(name)
        edit.setMaximumWidth(160)
        set_date(edit, day)
        return edit

    def _text(self, name: str, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        return edit

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
