"""The dialog that records the employee's written response to the plan or to its outcome, in their words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pipdesk.domain import EmployeeResponse, Plan, ResponseTo, Status, vocabulary
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog

#: Lines of text the response box shows before it scrolls.
TEXT_LINES = 14


def earliest_response(plan: Plan, to: ResponseTo) -> tuple[dt.date, str] | None:
    """The first day a response to ``to`` may carry, and what that day is; None when none may be recorded yet."""
    if to is ResponseTo.PLAN:
        ack = plan.acknowledgement
        return (ack.on, "the employee's acknowledgement of the plan") if ack is not None else None
    outcome = plan.outcome
    if plan.status is Status.CLOSED and outcome is not None and outcome.decided_on is not None:
        return outcome.decided_on, "the decision on the outcome"
    return None


def why_not(to: ResponseTo) -> str:
    """Why a response to ``to`` cannot be recorded yet, in the manager's words."""
    if to is ResponseTo.PLAN:
        return "A response to the plan is recorded once the employee's acknowledgement of the plan is recorded."
    return "A response to the outcome is recorded once the plan is closed with an outcome."


class ResponseDialog(QDialog):
    """Records a new response (``current`` None) or corrects ``current``."""

    def __init__(
        self, plan: Plan, today: dt.date, parent: QWidget | None = None, current: EmployeeResponse | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle("Record the employee's response" if current is None else "The employee's response")
        explanation = QLabel(
            "Write the employee's response exactly as they gave it: their words, not a summary. Line breaks are kept.",
            self,
        )
        explanation.setWordWrap(True)
        self.to_combo = QComboBox(self)
        self.to_combo.setAccessibleName("Responds to")
        for subject in ResponseTo:
            self.to_combo.addItem(vocabulary.response_to(subject), subject.value)
        model = self.to_combo.model()
        assert isinstance(model, QStandardItemModel)
        for row, subject in enumerate(ResponseTo):
            item = model.item(row)
            item.setEnabled(
                earliest_response(plan, subject) is not None or (current is not None and current.to is subject)
            )
            item.setToolTip("" if item.isEnabled() else why_not(subject))
        self.date_edit = QDateEdit(self)
        self.date_edit.setAccessibleName("Date of the response")
        prepare_date_edit(self.date_edit, lambda: today)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName("The employee's response, in their words")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(self.text_edit.fontMetrics().lineSpacing() * TEXT_LINES + 12)
        self.text_edit.setMinimumWidth(560)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        show_as_error(self.error_label)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        for text, field in (("Responds &to", self.to_combo), ("&Date", self.date_edit), ("&Response", self.text_edit)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if current is not None:
            self.to_combo.setCurrentIndex(self.to_combo.findData(current.to.value))
            self.date_edit.setDate(qdate(current.on))
            self.text_edit.setPlainText(current.text)
        else:
            allowed = [s for s in ResponseTo if earliest_response(plan, s) is not None]
            # A closed plan's new response is most likely the outcome's; a running plan's, the plan's.
            subject = allowed[-1] if allowed else ResponseTo.PLAN
            self.to_combo.setCurrentIndex(self.to_combo.findData(subject.value))
            self.date_edit.setDate(qdate(today))
        self.to_combo.currentIndexChanged.connect(lambda _i: self._show_problems())
        self.date_edit.dateChanged.connect(lambda _d: self._show_problems())
        finish_dialog(self, self.buttons, "Record", self._accept)
        self.text_edit.setFocus()
        self._show_problems()

    def response(self) -> EmployeeResponse:
        """The response as written: the text exactly as typed, line breaks and all."""
        return EmployeeResponse(
            to=ResponseTo(self.to_combo.currentData()),
            on=pydate(self.date_edit.date()),
            text=self.text_edit.toPlainText(),
        )

    def _date_problems(self) -> list[str]:
        response = self.response()
        earliest = earliest_response(self.plan, response.to)
        if earliest is None:
            return [why_not(response.to)]
        day, what = earliest
        if response.on < day:
            return [f"The date {vocabulary.short_date(response.on)} is before {what} ({vocabulary.short_date(day)})."]
        return []

    def problems(self) -> list[str]:
        """What keeps the response from being recorded."""
        blank = [] if self.text_edit.toPlainText().strip() else ["The response needs the employee's words."]
        return self._date_problems() + blank

    def _show_problems(self) -> None:
        """A date too early is said at once, before the manager presses Record."""
        problems = self._date_problems()
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems))

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.error_label)
