"""The sections of a fair process the plan PDF, the outcome report and the check-in record share.

Adjustments, pauses, the HR review, the employee's written responses, acknowledgements (of the plan
and of the outcome), the right to be accompanied at formal meetings and the appeal, in the words of
:mod:`pipdesk.domain.fair_process`. Everything a person typed is escaped by the layout helpers.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from pipdesk.domain import ResponseTo, vocabulary
from pipdesk.domain.fair_process import (
    appeal_line,
    attendance_text,
    changes_since_acknowledged,
    companion_offer,
    receipt_text,
    review_summary,
    revisions_text,
)
from pipdesk.reports import layout
from pipdesk.reports.layout import CELL_MUTED, Cell, body, cell_text, field, para

if TYPE_CHECKING:
    from pipdesk.domain import Plan

DASH = vocabulary.DASH


def _date(day: dt.date | None) -> str:
    return vocabulary.short_date(day) if day is not None else DASH


def _stacked(*parts: tuple[str, bool]) -> list[Flowable]:
    """A cell of lines (text, muted?), the empty ones left out."""
    lines = [(value, muted) for value, muted in parts if value.strip()]
    if not lines:
        return [para(DASH, CELL_MUTED)]
    flowables: list[Flowable] = []
    for value, muted in lines:
        flowables += cell_text(value, CELL_MUTED if muted else layout.CELL)
    return flowables


def adjustments(plan: Plan, empty: str = "No adjustments were requested.") -> list[Flowable]:
    """Each adjustment: what was requested (by whom, when), the decision, what was offered or why not, dates."""
    if not plan.adjustments:
        return body("", empty=empty)
    rows: list[list[Cell]] = []
    for item in plan.adjustments:
        requested_by = " ".join(item.requested_by.split())
        when = f"on {_date(item.requested_on)}" if item.requested_on else ""
        asked = " ".join(part for part in (f"by {requested_by}" if requested_by else "", when) if part)
        decision = vocabulary.adjustment_decision(item.decision)
        rows.append(
            [
                _stacked((item.requested, False), (f"Requested {asked}" if asked else "", True)),
                _stacked((decision, False), (f"on {_date(item.decided_on)}" if item.decided_on else "", True)),
                _stacked(
                    (item.offered, False),
                    (f"Reason: {item.reason}" if item.reason.strip() else "", False),
                ),
                _date(item.in_place_on),
                _date(item.review_on),
            ]
        )
    return [
        layout.table(
            ["Requested", "Decision", "Offered, or the reason", "In place on", "Review on"], rows, [27, 15, 32, 13, 13]
        )
    ]


def pauses(plan: Plan) -> list[Flowable]:
    """Each pause: from, to, days, reason; the dates of the plan moved by the days paused."""
    if not plan.pauses:
        return body("", empty="The plan was never paused.")
    rows: list[list[Cell]] = []
    for pause in plan.pauses:
        days = vocabulary.count(pause.days, "day") if pause.days is not None else "Still paused"
        rows.append([_date(pause.paused_on), _date(pause.resumed_on), days, cell_text(pause.reason)])
    note = para("The plan's clock stopped while paused: its dates moved by the days paused.", layout.NOTE)
    return [note, layout.table(["Paused on", "Resumed on", "Days", "Reason"], rows, [16, 16, 14, 54])]


def hr_review(plan: Plan) -> list[Flowable]:
    """Sent to HR on, reviewed by, on, and HR's comments in full."""
    review = plan.hr_review
    flowables: list[Flowable] = [para(review_summary(plan), layout.BODY)]
    if review is not None and review.comments.strip():
        flowables += field("HR's comments", review.comments)
    return flowables


def responses(plan: Plan, to: ResponseTo) -> list[Flowable]:
    """The employee's written responses to the plan or to the outcome, each in full, dated."""
    found = [r for r in plan.responses if r.to is to]
    if not found:
        return body("", empty=f"The employee has not responded in writing to the {to.value}.")
    flowables: list[Flowable] = []
    for response in found:
        flowables += field(f"The employee's response of {vocabulary.long_date(response.on)}", response.text)
    return flowables


def reacknowledgements(plan: Plan, employee: str) -> list[Flowable]:
    """Each acknowledgement after a change, with its comment."""
    flowables: list[Flowable] = []
    for ack in plan.reacknowledgements:
        flowables.append(para(f"Acknowledged again after changes: {receipt_text(ack, employee)}", layout.NOTE))
        if ack.employee_comment.strip():
            flowables += field("Employee's comment", ack.employee_comment)
    return flowables


def changes_since_acknowledgement(plan: Plan) -> list[Flowable]:
    """The material changes after the latest acknowledgement; empty when there are none."""
    changed = changes_since_acknowledged(plan)
    if not changed:
        return []
    ack = plan.latest_acknowledgement
    assert ack is not None
    intro = (
        f"The plan changed after the employee last acknowledged it on {vocabulary.long_date(ack.on)}. "
        "The employee is asked to acknowledge it again."
    )
    return [para(intro, layout.BODY), *(layout.bullet(line) for line in revisions_text(plan, changed))]


def outcome_acknowledgement(plan: Plan, employee: str) -> list[Flowable]:
    """Whether the employee received the outcome report: received on, or refused with a witness."""
    ack = plan.outcome.acknowledgement if plan.outcome is not None else None
    if ack is None:
        return [para("The employee's receipt of this report is not recorded yet.", layout.EMPTY)]
    flowables: list[Flowable] = [para(f"Recorded: {receipt_text(ack, employee)}", layout.NOTE)]
    if ack.employee_comment.strip():
        flowables += field("Employee's comment", ack.employee_comment)
    return flowables


def formal_meetings(plan: Plan) -> list[Flowable]:
    """Each formal meeting: date, kind, the right to be accompanied, who attended in which role."""
    formal = sorted((c for c in plan.checkins if c.is_formal), key=lambda c: c.date)
    if not formal:
        return body("", empty="No formal meeting is recorded yet.")
    rows: list[list[Cell]] = [
        [_date(c.date), vocabulary.checkin_kind(c.kind), companion_offer(c), cell_text(attendance_text(c))]
        for c in formal
    ]
    return [layout.table(["Date", "Meeting", "Right to be accompanied", "Attended"], rows, [14, 18, 20, 48])]


def appeal(plan: Plan) -> list[Flowable]:
    """The appeal: lodged, grounds, heard by and on, result and comments."""
    lodged = plan.appeal
    if lodged is None:
        return body("", empty=appeal_line(plan))
    result = vocabulary.appeal_result(lodged.result)
    flowables: list[Flowable] = [
        layout.details(
            [
                ("Lodged on", vocabulary.long_date(lodged.lodged_on)),
                ("Result", result),
                ("Heard by", " ".join(lodged.heard_by.split()) or DASH),
                ("Heard on", vocabulary.long_date(lodged.heard_on) if lodged.heard_on else "Not yet heard"),
            ]
        ),
        layout.gap(6),
    ]
    flowables += field("Grounds of appeal", lodged.grounds)
    flowables += field("Comments on the appeal", lodged.comments)
    return flowables
