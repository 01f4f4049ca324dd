"""The check-in record: one meeting's minutes, progress and next steps, for employee and manager to sign."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Table

from pipdesk.domain import vocabulary
from pipdesk.domain.attachments import every_attachment
from pipdesk.domain.fair_process import attendance_text, companion_offer
from pipdesk.reports import attachments, layout
from pipdesk.reports.common import Section, Settings, build, name, numbered, people, signing
from pipdesk.reports.errors import ReportError
from pipdesk.reports.layout import BODY, CELL_MUTED, Cell, Signatory, cell_text, details, field, para, rich
from pipdesk.reports.plan_document import objective_cell

if TYPE_CHECKING:
    from pipdesk.domain import Checkin, Plan

DOCUMENT = "Check-in record"

SIGNING = (
    "Signing confirms that this meeting took place and these notes were shared; "
    "the employee's signature does not mean agreement."
)


def render(plan: Plan, index: int, settings: Settings) -> bytes:
    if not 0 <= index < len(plan.checkins):
        held = len(plan.checkins)
        raise ReportError(f"This plan has no check-in number {index + 1}; it has {vocabulary.count(held, 'check-in')}.")
    return build(
        plan, DOCUMENT, story(plan, index, employee_copy=settings.employee_copy), settings, may_hold_private_notes=True
    )


def position(plan: Plan, index: int) -> int:
    """Which check-in this is, counted in date order from 1."""
    order = sorted(range(len(plan.checkins)), key=lambda i: (plan.checkins[i].date, i))
    return order.index(index) + 1


def story(plan: Plan, index: int, *, employee_copy: bool) -> list[Flowable]:
    checkin = plan.checkins[index]
    pairs = [
        *people(plan)[:2],
        ("Date", vocabulary.long_date(checkin.date)),
        ("Type", vocabulary.checkin_kind(checkin.kind)),
        ("Meeting", f"{position(plan, index)} of {len(plan.checkins)} held"),
        ("Plan period", vocabulary.period(plan.start_date, plan.end_date)),
        ("Attendees", checkin.attendees or vocabulary.DASH),
    ]
    if checkin.is_formal:
        pairs += [
            ("Right to be accompanied", companion_offer(checkin)),
            ("Attended, by role", attendance_text(checkin)),
        ]
    flowables: list[Flowable] = [
        para(DOCUMENT, layout.TITLE),
        para(
            f"{plan.title} — {vocabulary.checkin_kind(checkin.kind).lower()} of {vocabulary.long_date(checkin.date)}",
            layout.SUBTITLE,
        ),
        details(pairs),
    ]
    sections: list[Section] = [
        (
            "Discussion",
            [*field("Notes", checkin.notes), *field("Wins", checkin.wins), *field("Concerns raised", checkin.concerns)],
        ),
        ("Progress against the objectives", progress_table(plan, checkin)),
        ("Employee's comments", layout.body(checkin.employee_comments)),
        ("Next steps", layout.body(checkin.next_steps)),
    ]
    placed = (p for p in every_attachment(plan) if p.owner == "checkin" and p.index == index)
    files = attachments.files_table(placed, employee_copy=employee_copy, where=False)
    if files:
        sections.append(("Evidence files", files))
    if not employee_copy:
        sections.append(("Manager's private notes", [private_notes(checkin.private_notes)]))
    signatories = [Signatory("Employee", name(plan.employee)), Signatory("Manager", name(plan.manager))]
    return [*flowables, *numbered(sections), *signing(SIGNING, signatories)]


def progress_table(plan: Plan, checkin: Checkin) -> list[Flowable]:
    if not checkin.progress:
        return layout.body("", empty="No progress recorded at this check-in.")
    numbers = {objective.key: i for i, objective in enumerate(plan.objectives, start=1)}
    rows: list[list[Cell]] = []
    for progress in checkin.progress:
        objective = plan.objective(progress.objective)
        if objective is None:
            described: Cell = cell_text(progress.objective)
            measured = vocabulary.number(progress.value) if progress.value is not None else "Not measured"
            target: Cell = vocabulary.DASH
        else:
            described = objective_cell(objective, numbers[objective.key])[:1]
            measured = (
                vocabulary.quantity(progress.value, objective.unit) if progress.value is not None else "Not measured"
            )
            target = [para(vocabulary.quantity(objective.target, objective.unit), layout.CELL)]
            if objective.due_date is not None:
                target.append(para(f"by {vocabulary.short_date(objective.due_date)}", CELL_MUTED))
        rows.append(
            [described, cell_text(measured), target, vocabulary.rating(progress.rating), cell_text(progress.comment)]
        )
    return [layout.table(["Objective", "Measured", "Target", "Rating", "Comment"], rows, [31, 15, 17, 12, 25])]


def private_notes(notes: str) -> Table:
    """The manager's own notes, shaded and labelled so nobody hands them over by mistake."""
    content: list[Flowable] = [
        rich("<b>Private to the manager.</b> Left out of the employee's copy.", layout.NOTE),
        *layout.body(notes, BODY),
    ]
    box = layout.SplittingTable([[content]], colWidths=[layout.WIDTH], splitByRow=1, splitInRow=24, hAlign="LEFT")
    box.setStyle(
        layout.table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), layout.PRIVATE_FILL),
                ("LINEBEFORE", (0, 0), (0, -1), 2, layout.WARNING),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return box
