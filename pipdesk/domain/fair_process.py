"""What plan format 2 records of a fair process, in the words every view and PDF uses.

Adjustments, pauses, the right to be accompanied, the employee's written responses, the HR review
before issue, re-acknowledgement after a change, and the appeal: one line each for the fairness
check, the outcome view, the outcome report and the plan PDF, and the gaps among them that the
fairness check reports (gaps never block closing; the manager confirms them with a comment).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipdesk.domain import vocabulary
from pipdesk.domain.kinds import AdjustmentDecision, ResponseTo, Status

if TYPE_CHECKING:
    from pipdesk.domain.model import Acknowledgement, Checkin, Plan, Revision

#: The revision that keeps the fairness check and the manager's confirmation when a plan is closed.
FAIRNESS_FIELD = "fairness_check"


#: The revision field of a pause and of a resume (old: the pause's first day, new: the day resumed).
PAUSE_FIELD = "pause"
#: The revision field that keeps the manager's confirmation of issuing without an HR review.
HR_REVIEW_FIELD = "hr_review"
#: The revision field of a new acknowledgement after a change (new: the date it was signed).
REACKNOWLEDGED_FIELD = "acknowledgement"

#: The label of the acknowledgement's line: the fairness check shows it beside support and check-ins.
ACKNOWLEDGEMENT = "Acknowledgement"

#: A change to these (the first part of a revision's field) is material: the employee is asked to
#: acknowledge the plan again. Status, outcome and check-in corrections are not changes to the plan.
MATERIAL_FIELDS = frozenset(
    {"start_date", "end_date", "checkin_every_days", "objectives", "support", "milestones", "concerns", PAUSE_FIELD}
)


@dataclass(frozen=True)
class Line:
    """One part of the fair process: a label ("Adjustments") and what the record says of it."""

    label: str
    text: str


def days_paused(plan: Plan, today: dt.date) -> int:
    """Days the plan's clock stood still, counting a running pause up to ``today``."""
    total = 0
    for pause in plan.pauses:
        end = pause.resumed_on if pause.resumed_on is not None else max(today, pause.paused_on)
        total += (end - pause.paused_on).days
    return total


def changes_since_acknowledged(plan: Plan) -> list[Revision]:
    """The material changes made to the plan after the employee last acknowledged it, oldest first.

    Empty for a draft, or a plan never acknowledged (the acknowledgement itself is then what is
    missing). An acknowledgement recorded with its time is compared to the minute; one without is
    compared by day: a change on the day it was signed counts as before.
    """
    ack = plan.latest_acknowledgement
    if ack is None or plan.status is Status.DRAFT:
        return []
    material = [r for r in plan.revisions if r.field.split(".")[0] in MATERIAL_FIELDS]
    if ack.recorded_at is not None:
        return [r for r in material if r.at > ack.recorded_at]
    return [r for r in material if r.at.date() > ack.on]


def changed_since_acknowledged(plan: Plan) -> bool:
    return bool(changes_since_acknowledged(plan))


def adjustments_line(plan: Plan) -> str:
    """``3 adjustments requested: 2 in place from 5 Oct 2026, 1 refused with a reason.``"""
    adjustments = plan.adjustments
    if not adjustments:
        return "No adjustments were requested."
    parts: list[str] = []
    in_place = sorted(a.in_place_on for a in adjustments if a.in_place_on is not None)
    if in_place:
        parts.append(f"{len(in_place)} in place from {vocabulary.short_date(in_place[0])}")
    agreed = [a for a in adjustments if a.decision not in (None, AdjustmentDecision.REFUSED) and a.in_place_on is None]
    if agreed:
        parts.append(f"{len(agreed)} agreed, not yet in place")
    refused = sum(1 for a in adjustments if a.decision is AdjustmentDecision.REFUSED)
    if refused:
        parts.append(f"{refused} refused with a reason")
    undecided = sum(1 for a in adjustments if a.decision is None)
    if undecided:
        parts.append(f"{undecided} not decided yet")
    return f"{vocabulary.count(len(adjustments), 'adjustment')} requested: {', '.join(parts)}."


def pauses_line(plan: Plan, today: dt.date) -> str:
    """``Paused once, 14 days in all: 5 Oct 2026 to 19 Oct 2026 (sickness absence).``"""
    if not plan.pauses:
        return "The plan was never paused."
    spans = []
    for pause in plan.pauses:
        reason = " ".join(pause.reason.split())
        if pause.resumed_on is None:
            spans.append(f"since {vocabulary.short_date(pause.paused_on)}, not yet resumed ({reason})")
        else:
            spans.append(
                f"{vocabulary.short_date(pause.paused_on)} to {vocabulary.short_date(pause.resumed_on)} "
                f"({vocabulary.count(pause.days or 0, 'day')}; {reason})"
            )
    times = vocabulary.times(len(plan.pauses))
    total = vocabulary.count(days_paused(plan, today), "day")
    return f"Paused {times}, {total} in all; the dates moved by the days paused: {'; '.join(spans)}."


def companions_line(plan: Plan) -> str:
    """``The right to be accompanied was offered at 2 of 3 formal meetings; not recorded for …``"""
    formal = [c for c in plan.checkins if c.is_formal]
    if not formal:
        return "No formal meeting is recorded yet."
    offered = [c for c in formal if c.companion_offered is True]
    meetings = vocabulary.count(len(formal), "formal meeting")
    text = f"The right to be accompanied was offered at {len(offered)} of {meetings}"
    missing = [c for c in formal if c.companion_offered is not True]
    if missing:
        names = ", ".join(
            f"{vocabulary.checkin_kind(c.kind).lower()} on {vocabulary.short_date(c.date)}"
            + (" (not offered)" if c.companion_offered is False else "")
            for c in missing
        )
        text += f"; not recorded as offered at the {names}"
    companions = sorted(
        {
            vocabulary.attendee(a.name, a.role)
            for c in formal
            for a in c.attendance
            if a.role.value in ("companion", "representative")
        }
    )
    if companions:
        text += f". Accompanied by {', '.join(companions)}"
    return text + "."


def responses_line(plan: Plan) -> str:
    """``The employee responded in writing to the plan on 5 Oct 2026.``"""
    if not plan.responses:
        return "The employee has not responded in writing."
    parts = []
    for subject in ResponseTo:
        days = [r.on for r in plan.responses if r.to is subject]
        if days:
            parts.append(f"to the {subject.value} on {', '.join(vocabulary.short_date(d) for d in days)}")
    return f"The employee responded in writing {' and '.join(parts)}."


def hr_review_line(plan: Plan) -> str:
    """``Reviewed by Priya Shah on 28 Sep 2026: "…"``, or what is missing."""
    review = plan.hr_review
    issued = plan.issued_on is not None
    if review is None or (review.sent_on is None and review.reviewed_on is None):
        return "Issued without an HR review." if issued else "Not yet sent to HR for review."
    if review.reviewed_on is None:
        assert review.sent_on is not None
        text = f"Sent to HR for review on {vocabulary.short_date(review.sent_on)}; not yet reviewed"
        return text + (", and issued before the review." if issued else ".")
    text = f"Reviewed by {' '.join(review.reviewed_by.split())} on {vocabulary.short_date(review.reviewed_on)}"
    if issued and plan.issued_on is not None and plan.issued_on < review.reviewed_on:
        text += ", after the plan was issued"
    comments = " ".join(review.comments.split())
    return text + (f": {comments}" if comments else ".")


def acknowledgement_line(plan: Plan) -> str:
    """Whether the employee acknowledged the plan as it stands."""
    ack = plan.latest_acknowledgement
    if ack is None:
        return "The employee's acknowledgement of the plan is not recorded."
    count = len(plan.reacknowledgements)
    again = f"; acknowledged again {vocabulary.times(count)} after changes" if count else ""
    first = plan.acknowledgement
    assert first is not None
    if first.refused:
        witness = " ".join((first.witness or "").split()) or "no witness recorded"
        text = f"Declined to sign on {vocabulary.short_date(first.on)} (witness: {witness}){again}"
    else:
        text = f"Signed for receipt on {vocabulary.short_date(first.on)}{again}"
    changes = changes_since_acknowledged(plan)
    if changes:
        text += (
            f"; changed since it was last acknowledged on {vocabulary.short_date(ack.on)} "
            f"({vocabulary.count(len(changes), 'change')}), so it needs acknowledging again"
        )
    return text + "."


def appeal_line(plan: Plan) -> str:
    """``Appeal lodged on 2 Jan 2027, heard by … on …: not upheld.``"""
    appeal = plan.appeal
    if appeal is None:
        return "No appeal was lodged." if plan.status is Status.CLOSED else "An appeal may follow the outcome."
    text = f"Appeal lodged on {vocabulary.short_date(appeal.lodged_on)}"
    if appeal.heard_on is not None:
        by = " ".join(appeal.heard_by.split())
        text += f", heard{f' by {by}' if by else ''} on {vocabulary.short_date(appeal.heard_on)}"
    else:
        text += ", not yet heard"
    if appeal.result is not None:
        text += f": {vocabulary.appeal_result(appeal.result).lower()}"
    return text + "."


def fair_process_lines(plan: Plan, today: dt.date) -> list[Line]:
    """Every part of the fair process, one line each, in the order the fairness check shows them."""
    lines = [
        Line("HR review", hr_review_line(plan)),
        Line(ACKNOWLEDGEMENT, acknowledgement_line(plan)),
        Line("Adjustments", adjustments_line(plan)),
        Line("Pauses", pauses_line(plan, today)),
        Line("Right to be accompanied", companions_line(plan)),
        Line("Employee's responses", responses_line(plan)),
    ]
    if plan.status is Status.CLOSED:
        lines.append(Line("Appeal", appeal_line(plan)))
    return lines


def fair_process_gaps(plan: Plan) -> list[str]:
    """What the record of the fair process lacks, for the fairness check; empty when nothing."""
    gaps: list[str] = []
    undecided = [a for a in plan.adjustments if a.decision is None]
    if undecided:
        gaps.append(f"{vocabulary.count(len(undecided), 'requested adjustment')} {_has(len(undecided))} no decision.")
    waiting = [
        a for a in plan.adjustments if a.decision not in (None, AdjustmentDecision.REFUSED) and a.in_place_on is None
    ]
    if waiting:
        gaps.append(f"{vocabulary.count(len(waiting), 'agreed adjustment')} {_was(len(waiting))} never put in place.")
    formal = [c for c in plan.checkins if c.is_formal]
    not_offered = [c for c in formal if c.companion_offered is not True]
    if not_offered:
        gaps.append(
            f"The right to be accompanied is not recorded as offered at {len(not_offered)} of "
            f"{vocabulary.count(len(formal), 'formal meeting')}."
        )
    review = plan.hr_review
    if plan.status is not Status.DRAFT and (review is None or review.reviewed_on is None):
        gaps.append("The plan was issued without an HR review.")
    changes = changes_since_acknowledged(plan)
    if changes:
        gaps.append(
            f"The plan changed after the employee last acknowledged it ({vocabulary.count(len(changes), 'change')}) "
            "and was not acknowledged again."
        )
    if plan.paused:
        gaps.append("The plan is paused.")
    return gaps


def revisions_text(plan: Plan, revisions: Sequence[Revision]) -> list[str]:
    """Each change as the plan PDF prints it under "Changes since the last acknowledgement"."""
    dash = vocabulary.DASH
    return [
        f"{vocabulary.short_date(r.at.date())}: {vocabulary.revision_field(plan, r.field)}: "
        f"{vocabulary.revision_value(r.old) or dash} → {vocabulary.revision_value(r.new) or dash} "
        f"({' '.join(r.reason.split())})"
        for r in revisions
    ]


def _has(count: int) -> str:
    return vocabulary.agreeing(count, "has", "have")


def _was(count: int) -> str:
    return vocabulary.agreeing(count, "was", "were")


def companion_offer(checkin: Checkin) -> str:
    """Whether the right to be accompanied was offered at a formal meeting."""
    if checkin.companion_offered is None:
        return "Not recorded"
    return "Offered" if checkin.companion_offered else "Not offered"


def attendance_text(checkin: Checkin) -> str:
    """``Dana Lee (manager); Sam Okafor (companion)``, or a dash when nobody is recorded."""
    return vocabulary.attendance(checkin.attendance) or vocabulary.DASH


def receipt_text(ack: Acknowledgement, employee: str) -> str:
    """``Alex acknowledged receipt on 29 September 2026.``, or the refusal to sign and its witness."""
    if ack.refused:
        witness = " ".join((ack.witness or "").split()) or "no witness recorded"
        return f"{employee} declined to sign on {vocabulary.long_date(ack.on)} (witness: {witness})."
    return f"{employee} acknowledged receipt on {vocabulary.long_date(ack.on)}."


def review_summary(plan: Plan) -> str:
    """The HR review before issue: sent on, reviewed by and on (HR's comments are shown apart)."""
    review = plan.hr_review
    if review is None:
        return hr_review_line(plan)
    parts = [f"Sent to HR for review on {vocabulary.short_date(review.sent_on)}." if review.sent_on else ""]
    if review.reviewed_on is not None:
        by = " ".join(review.reviewed_by.split())
        parts.append(f"Reviewed{f' by {by}' if by else ''} on {vocabulary.short_date(review.reviewed_on)}.")
        if plan.issued_on is not None and plan.issued_on < review.reviewed_on:
            parts.append("The review came after the plan was issued.")
    else:
        parts.append("Not yet reviewed.")
    return " ".join(part for part in parts if part)
