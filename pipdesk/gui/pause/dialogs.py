"""Asks when a plan is paused and why, and when it resumes, showing how far its dates will move.

The rules (which days may be chosen, and what resuming moves) are :mod:`pipdesk.domain.pauses`;
:mod:`.commands` makes the change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pipdesk.domain import Plan, vocabulary
from pipdesk.domain.pauses import resumed_end, why_not_pause, why_not_resume
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound, finish_dialog


class _PauseForm(QDialog):
    """A date, a text, a line of what the change does and a line of what is wrong: both dialogs' shape."""

    def __init__(
        self, plan: Plan, today: dt.date, title: str, date_label: str, text_label: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.plan, self.today = plan, today
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.date_edit = prepare_date_edit(QDateEdit(self), lambda: today)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setAccessibleName(date_label.replace("&", ""))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("textEdit")
        self.text_edit.setAccessibleName(text_label.replace("&", "").rstrip(":"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.text_edit.fontMetrics().lineSpacing() * 4 + 14)
        for label, field in ((date_label, self.date_edit), (text_label, self.text_edit)):
            buddy = QLabel(label, self)
            buddy.setBuddy(field)
            form.addRow(buddy, field)
        layout.addLayout(form)
        self.preview = QLabel(self)
        self.preview.setObjectName("previewLabel")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        show_as_error(self.error_label)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)

    def set_date(self, day: dt.date) -> None:
        self.date_edit.setDate(qdate(day))

    def date(self) -> dt.date:
        return pydate(self.date_edit.date())

    def set_text(self, text: str) -> None:
        self.text_edit.setPlainText(text)

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def problems(self) -> list[str]:
        raise NotImplementedError

    def _accept(self) -> None:
        accept_if_sound(super(), self.problems(), self.error_label)


class PauseDialog(_PauseForm):
    """Asks from which day the plan is paused (today unless said) and why."""

    def __init__(self, plan: Plan, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(plan, today, "Pause the plan", "&Paused from:", "&Reason:", parent)
        self.intro.setText(
            f"Pausing stops the clock of “{plan.title}” for {plan.employee.name}: nothing of the plan is due "
            "while it is paused, and when it resumes its end date, the meetings still to come and the due dates "
            "move by the days paused. The plan cannot be closed or extended while it is paused."
        )
        self.text_edit.setPlaceholderText("For example: sickness absence; leave; an adjustment being put in place")
        self.date_edit.setMaximumDate(qdate(today))
        self.date_edit.setMinimumDate(qdate(plan.start_date))
        self.set_date(today)
        self.preview.hide()
        finish_dialog(self, self.buttons, "Pause plan", self._accept)
        self.text_edit.setFocus()

    def problems(self) -> list[str]:
        found = [why] if (why := why_not_pause(self.plan, self.today, self.date())) else []
        if not self.text():
            found.append("Give the reason for the pause; it is kept in the plan's history.")
        return found


class ResumeDialog(_PauseForm):
    """Asks on which day the plan resumes (today unless said), with a note, and shows how its dates move."""

    def __init__(self, plan: Plan, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(plan, today, "Resume the plan", "&Resumed on:", "&Note (optional):", parent)
        pause = plan.pauses[-1]
        self.intro.setText(
            f"“{plan.title}” for {plan.employee.name} is paused since {vocabulary.long_date(pause.paused_on)} "
            f"({' '.join(pause.reason.split())})."
        )
        self.text_edit.setPlaceholderText("Anything to add to the pause's reason in the plan's history")
        self.date_edit.setMinimumDate(qdate(pause.paused_on + dt.timedelta(days=1)))
        self.date_edit.setMaximumDate(qdate(max(today, pause.paused_on + dt.timedelta(days=1))))
        self.set_date(today)
        self.date_edit.dateChanged.connect(lambda _d: self._show_preview())
        finish_dialog(self, self.buttons, "Resume plan", self._accept)
        self._show_preview()
        self.date_edit.setFocus()

    def _show_preview(self) -> None:
        self.preview.setText(resume_preview(self.plan, self.date()))

    def problems(self) -> list[str]:
        why = why_not_resume(self.plan, self.today, self.date())
        return [why] if why else []


def resume_preview(plan: Plan, on: dt.date) -> str:
    """``The end date moves from 30 Nov 2026 to 14 Dec 2026 (14 days), with the meetings and due dates still ahead.``"""
    days = (on - plan.pauses[-1].paused_on).days
    if days <= 0:
        return "Choose a day after the day the plan was paused."
    new_end = resumed_end(plan, on)
    return (
        f"The end date moves from {vocabulary.long_date(plan.end_date)} to {vocabulary.long_date(new_end)} "
        f"({vocabulary.count(days, 'day')}), and so do the meetings not yet held and the due dates from the "
        "pause's first day on."
    )
