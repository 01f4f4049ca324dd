"""The HR review before issue: when the plan went to HR, who reviewed it, when, and what they said.

Shown in the Plan view under the HR partner, with "Sent to HR for review…" and "Record HR review…";
issuing a plan without a recorded review asks first (:func:`pipdesk.gui.plan.commands.issue_plan`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from pipdesk.domain import HrReview, Plan, PlanInvalid
from pipdesk.domain.fair_process import hr_review_line
from pipdesk.domain.rules import plan_problems
from pipdesk.gui.common.dates import date_of
from pipdesk.gui.common.dialogs import accept_if_sound, answer_of, date_field, finish_form_dialog, form_rows, text_field
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.words import show_line
from pipdesk.gui.plan.part_context import PartContext


class HrReviewDialog(QDialog):
    """Asks the day the plan was sent to HR (``sent_only``), or the review itself: by whom, when, comments."""

    def __init__(self, plan: Plan, today: dt.date, sent_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.sent_only = sent_only
        self.current = plan.hr_review or HrReview()
        self.setWindowTitle("Sent to HR for review" if sent_only else "Record HR review")
        self.sent_edit = date_field(
            self, "Sent to HR on", self.current.sent_on or (today if sent_only else None), today
        )
        self.reviewer_edit = QLineEdit(self)
        self.reviewer_edit.setAccessibleName("Reviewed by")
        show_line(self.reviewer_edit, self.current.reviewed_by or (plan.hr_partner.name if plan.hr_partner else ""))
        self.reviewed_edit = date_field(self, "Reviewed on", self.current.reviewed_on or today, today)
        self.comments_edit = text_field(self, "HR's comments", 4)
        self.comments_edit.setPlainText(self.current.comments)
        rows: list[tuple[str, QWidget]] = [("&Sent to HR on", self.sent_edit)]
        if not sent_only:
            rows += [
                ("Reviewed &by", self.reviewer_edit),
                ("Reviewed &on", self.reviewed_edit),
                ("&Comments", self.comments_edit),
            ]
        else:
            for widget in (self.reviewer_edit, self.reviewed_edit, self.comments_edit):
                widget.hide()
        self.setMinimumWidth(420)
        action = "Record sent" if sent_only else "Record review"
        self.error_label = finish_form_dialog(self, form_rows(self, rows), action, self._accept)

    def review(self) -> HrReview:
        if self.sent_only:
            return self.current.model_copy(update={"sent_on": date_of(self.sent_edit)})
        return HrReview(
            sent_on=date_of(self.sent_edit),
            reviewed_by=self.reviewer_edit.text().strip(),
            reviewed_on=date_of(self.reviewed_edit),
            comments=self.comments_edit.toPlainText().strip(),
        )

    def problems(self) -> list[str]:
        review = self.review()
        if self.sent_only and review.sent_on is None:
            return ["Give the day the plan was sent to HR."]
        if not self.sent_only and review.reviewed_on is None:
            return ["Give the day HR reviewed the plan."]
        plan = self.plan.model_copy(update={"hr_review": review})
        return [p.message for p in plan_problems(plan) if tuple(p.path[:2]) == ("plan", "hr_review")]

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.error_label)


def record_hr_review(
    session: PlanSession, prompter: Prompts, today: dt.date, parent: QWidget | None, sent_only: bool
) -> bool:
    """Record that the plan was sent to HR (``sent_only``) or HR's review of it; true when recorded.

    The review is a record of the process, not a change to the plan's terms: no reason is asked.
    """
    dialog = HrReviewDialog(session.plan, today, sent_only, parent)
    review = answer_of(prompter, dialog, dialog.problems, dialog.review)
    if review is None:
        return False
    text = "Record sent to HR" if sent_only else "Record HR review"
    problems = session.change(text, lambda plan: setattr(plan, "hr_review", review))
    if problems:
        raise PlanInvalid(problems, intro="The HR review was not recorded")
    return True


class HrReviewRow(QWidget):
    """The HR review in a line, with its two buttons: under the HR partner in the Plan view."""

    def __init__(self, context: PartContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompter, self.session, self.today = context.prompter, context.session, context.today
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.sent_button = QPushButton("Sent to HR for review…", self)
        self.sent_button.setAccessibleName("Sent to HR for review")
        self.sent_button.setToolTip("Record the day the plan was sent to HR to review before it is issued")
        self.review_button = QPushButton("Record HR review…", self)
        self.review_button.setAccessibleName("Record HR review")
        self.review_button.setToolTip("Record who in HR reviewed the plan, when, and their comments")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("HR review:", self)
        row.addWidget(caption)
        row.addWidget(self.label, 1)
        row.addWidget(self.sent_button)
        row.addWidget(self.review_button)
        self.sent_button.clicked.connect(lambda: self._record(sent_only=True))
        self.review_button.clicked.connect(lambda: self._record(sent_only=False))

    def show_plan(self, plan: Plan) -> None:
        self.label.setText(hr_review_line(plan))
        review = plan.hr_review
        self.sent_button.setVisible(review is None or (review.sent_on is None and review.reviewed_on is None))
        verb = "Edit" if review and review.reviewed_on else "Record"
        self.review_button.setText(f"{verb} HR review…")
        self.review_button.setAccessibleName(f"{verb} HR review")

    def _record(self, sent_only: bool) -> None:
        session = self.session()
        if session is None:
            return
        try:
            record_hr_review(session, self.prompter, self.today(), self.window(), sent_only)
        except PlanInvalid as error:
            self.prompter.warning("The HR review was not recorded", str(error))
