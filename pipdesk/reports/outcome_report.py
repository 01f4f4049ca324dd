"""The outcome report: how the plan ended, objective by objective, and whether it was run fairly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from pipdesk.domain import ResponseTo, Result, Status, vocabulary
from pipdesk.domain.attachments import every_attachment
from pipdesk.domain.fair_process import FAIRNESS_FIELD
from pipdesk.domain.outcome import NO_GAPS, ObjectiveEvidence, evidence, fairness_check
from pipdesk.domain.progress import Point, series
from pipdesk.reports import attachments, chart, common, fair_process, layout, text
from pipdesk.reports.layout import (
    BODY,
    CELL,
    CELL_MUTED,
    Cell,
    body,
    cell_text,
    field,
    para,
    rich,
)
from pipdesk.reports.plan_document import changes, revisions_table

if TYPE_CHECKING:
    from pipdesk.domain import Checkin, Plan, Revision

DOCUMENT = "Outcome report"
NO_OUTCOME = "No outcome recorded yet"

SIGNING = (
    "The manager and the HR partner sign to confirm the decision. The employee signs to confirm that they "
    "have received this report; the signature does not mean that they agree with it."
)


def render(plan: Plan, settings: common.Settings) -> bytes:
    return common.build(plan, DOCUMENT, story(plan, settings), settings, may_hold_private_notes=True)


def story(plan: Plan, settings: common.Settings) -> list[Flowable]:
    outcome = plan.outcome
    flowables: list[Flowable] = [para(DOCUMENT, layout.TITLE), para(plan.title, layout.SUBTITLE)]
    if outcome is None:
        flowables.append(layout.banner(f"{NO_OUTCOME}: this report shows the plan as it stands today."))
    decision = [
        ("Decision", vocabulary.decision(outcome.decision) if outcome else NO_OUTCOME),
        ("Decided on", vocabulary.long_date(outcome.decided_on) if outcome and outcome.decided_on else vocabulary.DASH),
    ]
    flowables.append(layout.details(common.people(plan) + common.when(plan) + decision))
    changed = (
        [revisions_table(plan, employee_copy=settings.employee_copy)]
        if changes(plan)
        else body("", empty="No changes since the plan was issued.")
    )
    sections: list[common.Section] = [
        ("The plan in brief", common.concerns_in_brief(plan)),
        ("Results by objective", _objectives(plan, settings.sustained)),
        ("Check-in history", _history(plan, employee_copy=settings.employee_copy)),
        ("Fairness check", _fairness(plan, settings)),
        ("Reasonable adjustments", fair_process.adjustments(plan)),
        ("Pauses", fair_process.pauses(plan)),
        ("Formal meetings and the right to be accompanied", fair_process.formal_meetings(plan)),
        ("The employee's responses", _responses(plan)),
        ("Changes to the plan", changed),
        ("Decision and follow-up", _decision(plan)),
    ]
    files = attachments.files_table(every_attachment(plan), employee_copy=settings.employee_copy, where=True)
    if files:
        sections.append(("Evidence files", files))
    if plan.status is Status.CLOSED or plan.appeal is not None:
        sections.append(("Appeal", fair_process.appeal(plan)))
    employee = common.name(plan.employee)
    sections.append(("Receipt of this report", fair_process.outcome_acknowledgement(plan, employee)))
    ack = plan.outcome.acknowledgement if plan.outcome is not None else None
    signatories = [
        layout.Signatory("Manager", common.name(plan.manager)),
        layout.Signatory("HR partner", plan.hr_partner.name if plan.hr_partner else ""),
        layout.Signatory("Employee (receipt)", employee),
        layout.Signatory("Witness (only if the employee declines to sign)", (ack.witness or "") if ack else ""),
    ]
    return [*flowables, *common.numbered(sections), *common.signing(SIGNING, signatories)]


def _responses(plan: Plan) -> list[Flowable]:
    """The employee's written responses, to the plan and to the outcome, each in full."""
    return [*fair_process.responses(plan, ResponseTo.PLAN), *fair_process.responses(plan, ResponseTo.OUTCOME)]


def _objectives(plan: Plan, sustained: int) -> list[Flowable]:
    if not plan.objectives:
        return body("", empty="No objectives recorded.")
    recorded = {r.objective: r for r in plan.outcome.results} if plan.outcome else {}
    flowables: list[Flowable] = []
    chart_width, chart_height = layout.WIDTH * 0.5, 40 * mm
    found = {item.objective.key: item for item in evidence(plan, sustained)}
    for number, objective in enumerate(plan.objectives, start=1):
        points = series(plan, objective.key)
        result = recorded.get(objective.key)
        figures = _figures(found[objective.key], points, result.result if result else None)
        drawing = chart.trend(objective, points, plan.start_date, plan.end_date, chart_width, chart_height)
        row = layout.SplittingTable(
            [[figures, drawing]],
            colWidths=[layout.WIDTH - chart_width, chart_width],
            splitByRow=1,
            splitInRow=24,
            hAlign="LEFT",
        )
        row.setStyle(
            layout.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 10),
                    ("RIGHTPADDING", (1, 0), (1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        flowables += layout.keep(layout.subheading(f"2.{number}  {text.markup(objective.title)}"), row)
        if result is not None and not text.is_blank(result.comment):
            flowables.append(layout.gap(4))
            flowables += field("Comment on the result", result.comment)
        flowables.append(layout.gap(6))
    return flowables


def _figures(item: ObjectiveEvidence, points: Sequence[Point], result: Result | None) -> list[Flowable]:
    objective = item.objective
    unit = objective.unit
    final = (
        f"{vocabulary.quantity(points[-1][1], unit)} ({vocabulary.short_date(points[-1][0])})"
        if points
        else "Not measured"
    )
    flowables: list[Flowable] = []
    if not text.is_blank(objective.metric):
        flowables += [para("Measure", layout.LABEL), *cell_text(objective.metric)]
    for label, value in (
        ("Baseline", vocabulary.quantity(objective.baseline, unit)),
        ("Target", vocabulary.quantity(objective.target, unit)),
        ("Due by", vocabulary.short_date(objective.due_date)),
        ("Final value", final),
    ):
        flowables.append(rich(f"<b>{text.escape(label)}:</b>  {text.markup(value)}", CELL))
    flowables.append(rich(f"<b>Result:  {text.escape(vocabulary.result(result))}</b>", CELL))
    if item.suggested is not None:
        suggests = f"The evidence suggests: {vocabulary.result(item.suggested)}. {item.why}."
        flowables.append(para(suggests, CELL_MUTED))
    return flowables


def _history(plan: Plan, *, employee_copy: bool) -> list[Flowable]:
    if not plan.checkins:
        return body("", empty="No check-ins held yet.")
    numbers = {objective.key: i for i, objective in enumerate(plan.objectives, start=1)}
    rows: list[list[Cell]] = []
    for checkin in sorted(plan.checkins, key=lambda c: c.date):
        rows.append(
            [
                vocabulary.short_date(checkin.date),
                vocabulary.checkin_kind(checkin.kind),
                _notes(checkin, employee_copy=employee_copy),
                _ratings(plan, checkin, numbers),
            ]
        )
    legend = "Ratings name the objectives by their number in section 2."
    return [para(legend, layout.NOTE), layout.table(["Date", "Type", "Key notes", "Ratings"], rows, [14, 13, 47, 26])]


def _notes(checkin: Checkin, *, employee_copy: bool) -> list[Flowable]:
    flowables = cell_text(checkin.notes)
    if not employee_copy and not text.is_blank(checkin.private_notes):
        flowables.append(para("Manager's private note:", layout.CELL_MUTED))
        flowables += text.paragraphs(checkin.private_notes, layout.CELL_PRIVATE)
    return flowables


def _ratings(plan: Plan, checkin: Checkin, numbers: dict[str, int]) -> list[Flowable]:
    if not checkin.progress:
        return [para("None recorded", CELL_MUTED)]
    flowables: list[Flowable] = []
    for progress in checkin.progress:
        objective = plan.objective(progress.objective)
        who = str(numbers[objective.key]) if objective is not None else progress.objective
        value = ""
        if progress.value is not None:
            value = " · " + vocabulary.quantity(progress.value, objective.unit if objective else "")
        flowables.append(para(f"{who}: {vocabulary.rating(progress.rating)}{value}", CELL))
    return flowables


def _fairness(plan: Plan, settings: common.Settings) -> list[Flowable]:
    check = fairness_check(plan, settings.printed_on)
    until = min(settings.printed_on, plan.end_date)
    rows: list[list[Cell]] = [
        ["Support", f"{check.support_delivered} of {check.support_promised} support actions delivered"],
        [
            "Check-ins",
            f"{check.checkins_held} held of {check.checkins_scheduled} scheduled up to {vocabulary.long_date(until)}",
        ],
        *([line.label, cell_text(line.text)] for line in check.process),
    ]
    flowables: list[Flowable] = [layout.table(["Check", "Found"], rows, [22, 78]), layout.gap(6)]
    if check.gaps:
        flowables.append(para("Gaps found", layout.LABEL))
        flowables += [layout.bullet(gap) for gap in check.gaps]
    else:
        flowables.append(para("No gaps found: the support promised was delivered and the check-ins were held.", BODY))
    for confirmation in _confirmations(plan):
        flowables.append(layout.gap(4))
        when = vocabulary.long_date(confirmation.at.date())
        flowables += field(
            f"The manager's explanation of the gaps (when closing the plan on {when})", confirmation.reason
        )
    return flowables


def _confirmations(plan: Plan) -> list[Revision]:
    """The manager's explanations of the fairness gaps, kept when the plan was closed (where there were gaps)."""
    return [
        revision
        for revision in plan.revisions
        if revision.field == FAIRNESS_FIELD and revision.old and revision.old != NO_GAPS
    ]


def _decision(plan: Plan) -> list[Flowable]:
    outcome = plan.outcome
    if outcome is None:
        return [para(f"{NO_OUTCOME}. The decision is recorded when the plan closes.", layout.EMPTY)]
    return [
        layout.details(
            [
                ("Decision", vocabulary.decision(outcome.decision)),
                ("Decided on", vocabulary.long_date(outcome.decided_on) if outcome.decided_on else vocabulary.DASH),
                ("Follow-up", vocabulary.follow_up(outcome.follow_up)),
            ]
        ),
        layout.gap(8),
        *field("Summary", outcome.summary),
        *field("Monitoring after the plan", outcome.monitoring),
    ]
