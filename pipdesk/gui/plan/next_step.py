"""The "Next step" line at the top of the Plan view: where the plan stands and a button that does the step.

The step is :func:`pipdesk.domain.process.next_step`'s; the button emits the step's action key, and
the window (gui/shell) runs the action it names, but for the HR review's two steps: the Plan view's
own HR review buttons do those. An overdue step says "Overdue" in the alert
colour, beside words that say by how many days: never colour alone.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from pipdesk.domain import Plan, vocabulary
from pipdesk.domain.process import Action, NextStep, next_step
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.plan.hr_review import HrReviewRow
from pipdesk.gui.plan.navigation import SectionLinks

#: The button's words for each action (its accessible name drops the ellipsis).
BUTTONS = {
    Action.SEND_FOR_HR_REVIEW: "Sent to HR for review…",
    Action.RECORD_HR_REVIEW: "Record HR review…",
    Action.ISSUE: "Issue plan…",
    Action.RECORD_ACKNOWLEDGEMENT: "Record acknowledgement…",
    Action.NEW_CHECKIN: "Log check-in…",
    Action.CLOSE: "Close with outcome…",
    Action.RESUME: "Resume plan…",
}


class NextStepLine(QWidget):
    """``Next step: Log the check-in due on 30 Nov 2026 [Log check-in…]``."""

    #: The manager asked to do a step the window does: its action key (:class:`pipdesk.domain.process.Action`).
    step_requested = Signal(str)

    def __init__(self, hr_review: HrReviewRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hr_review = hr_review
        self.step: NextStep | None = None
        self.setAccessibleName(vocabulary.NEXT_STEP)
        caption = QLabel(f"<b>{vocabulary.NEXT_STEP}:</b>", self)
        caption.setTextFormat(Qt.TextFormat.RichText)
        self.overdue = QLabel(f"⚠ {vocabulary.OVERDUE}:", self)
        self.overdue.setAccessibleName(vocabulary.OVERDUE)
        show_as_error(self.overdue)
        self.words = QLabel(self)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self.button.clicked.connect(self._requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(caption)
        row.addWidget(self.overdue)
        row.addWidget(self.words, 1)
        row.addWidget(self.button)

    @classmethod
    def under(cls, links: SectionLinks, layout: QBoxLayout, hr_review: HrReviewRow) -> NextStepLine:
        """The line made and placed under the section links, its button next after them when tabbing."""
        line = cls(hr_review, links.parentWidget())
        layout.insertWidget(layout.indexOf(links) + 1, line)
        QWidget.setTabOrder([*links.links.values()][-1], line.button)
        return line

    def show_plan(self, plan: Plan, today: dt.date) -> None:
        step = self.step = next_step(plan, today)
        self.words.setText(step.words)
        self.words.setAccessibleName(f"{vocabulary.NEXT_STEP}: {step.words}")
        self.overdue.setVisible(step.overdue)
        self.button.setVisible(step.action is not None)
        if step.action is not None:
            text = BUTTONS[step.action]
            self.button.setText(text)
            self.button.setAccessibleName(text.rstrip("…"))
            self.button.setToolTip(step.words)

    def _requested(self) -> None:
        action = self.step.action if self.step is not None else None
        if action is Action.SEND_FOR_HR_REVIEW:
            self.hr_review.sent_button.click()
        elif action is Action.RECORD_HR_REVIEW:
            self.hr_review.review_button.click()
        elif action is not None:
            self.step_requested.emit(action.value)
