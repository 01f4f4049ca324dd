"""The fair-process record in full, read-only, for the Outcome view: each part as recorded, not summed up.

The HR review with its comments, each adjustment, each pause, each formal meeting with the right to be
accompanied and who attended, the employee's written responses in full, and for a closed plan the
outcome's acknowledgement and the appeal. The fairness check above it says the same in one line a part.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from pipdesk.domain import Adjustment, Plan, Status, vocabulary
from pipdesk.domain.fair_process import attendance_text, companion_offer, receipt_text, review_summary

NONE = "None recorded."


def _day(day: dt.date | None) -> str:
    return vocabulary.short_date(day) if day is not None else ""


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def adjustment_text(item: Adjustment) -> str:
    """One adjustment: requested (by, on), the decision, what was offered or why not, in place, review."""
    by = " ".join(item.requested_by.split())
    requested = _joined(
        f"“{item.requested}”, requested",
        f"by {by}" if by else "",
        f"on {_day(item.requested_on)}" if item.requested_on else "",
    )
    decided = vocabulary.adjustment_decision(item.decision) + (
        f" on {_day(item.decided_on)}" if item.decided_on else ""
    )
    parts = [f"{requested}.", f"{decided}."]
    if item.offered.strip():
        parts.append(f"Offered: {item.offered.strip()}.")
    if item.reason.strip():
        parts.append(f"Reason: {item.reason.strip()}.")
    if item.in_place_on:
        parts.append(f"In place on {_day(item.in_place_on)}.")
    if item.review_on:
        parts.append(f"Review on {_day(item.review_on)}.")
    return " ".join(parts)


def record_rows(plan: Plan) -> list[tuple[str, str]]:
    """Each part of the record as (heading, text), in the order the panel shows them."""
    review = plan.hr_review
    hr = review_summary(plan)
    if review is not None and review.comments.strip():
        hr += f"\nHR's comments: {review.comments.strip()}"
    rows = [("HR review", hr)]
    rows.append(("Adjustments", "\n".join(f"• {adjustment_text(a)}" for a in plan.adjustments) or NONE))
    pauses = [
        f"• {_day(p.paused_on)} to {_day(p.resumed_on)} ({vocabulary.count(p.days or 0, 'day')}): {p.reason.strip()}"
        if p.resumed_on is not None
        else f"• Since {_day(p.paused_on)}, not yet resumed: {p.reason.strip()}"
        for p in plan.pauses
    ]
    rows.append(("Pauses", "\n".join(pauses) or NONE))
    meetings = [
        f"• {vocabulary.checkin_kind(c.kind)} on {_day(c.date)}: right to be accompanied "
        f"{companion_offer(c).lower()}; "
        + (f"attended: {attendance_text(c)}" if c.attendance else "who attended is not recorded")
        for c in sorted(plan.checkins, key=lambda c: c.date)
        if c.is_formal
    ]
    rows.append(("Formal meetings", "\n".join(meetings) or "No formal meeting is recorded yet."))
    for response in plan.responses:
        heading = f"{vocabulary.response_to(response.to)}, {_day(response.on)}"
        rows.append((heading, response.text))
    if not plan.responses:
        rows.append(("Employee's responses", "The employee has not responded in writing."))
    if plan.status is Status.CLOSED and plan.outcome is not None:
        ack = plan.outcome.acknowledgement
        text = "Not recorded yet." if ack is None else receipt_text(ack, plan.employee.name)
        if ack is not None and ack.employee_comment.strip():
            text += f"\nEmployee's comment: {ack.employee_comment.strip()}"
        rows.append(("Outcome received", text))
        rows.append(("Appeal", _appeal_text(plan)))
    return rows


def _appeal_text(plan: Plan) -> str:
    appeal = plan.appeal
    if appeal is None:
        return "No appeal was lodged."
    heard_by = " ".join(appeal.heard_by.split())
    heard = (
        _joined("Heard", f"by {heard_by}" if heard_by else "", f"on {_day(appeal.heard_on)}.")
        if appeal.heard_on
        else "Not yet heard."
    )
    lines = [f"Lodged on {_day(appeal.lodged_on)}. {heard} Result: {vocabulary.appeal_result(appeal.result).lower()}."]
    if appeal.grounds.strip():
        lines.append(f"Grounds: {appeal.grounds.strip()}")
    if appeal.comments.strip():
        lines.append(f"Comments: {appeal.comments.strip()}")
    return "\n".join(lines)


class RecordPanel(QGroupBox):
    """A read-only form of the record, rebuilt for each plan shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("The fair process on the record", parent)
        self.setObjectName("recordPanel")
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def show_plan(self, plan: Plan) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for heading, text in record_rows(plan):
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(heading, label)

    def texts(self) -> dict[str, str]:
        """What the panel shows, heading by heading (for tests and the self-test)."""
        shown: dict[str, str] = {}
        for row in range(self.form.rowCount()):
            heading = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if heading is not None and field is not None:
                title, value = heading.widget(), field.widget()
                if isinstance(title, QLabel) and isinstance(value, QLabel):
                    shown[title.text()] = value.text()
        return shown
