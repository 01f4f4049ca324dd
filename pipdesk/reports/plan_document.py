"""The plan document: what the employee receives, discusses and signs for when the plan is issued."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Table

from pipdesk.domain import ResponseTo, Status, vocabulary
from pipdesk.domain.attachments import every_attachment
from pipdesk.domain.copies import for_the_employee
from pipdesk.domain.fair_process import FAIRNESS_FIELD, receipt_text
from pipdesk.reports import attachments, fair_process, fonts, layout, text
from pipdesk.reports.common import (
    Section,
    Settings,
    build,
    concerns_in_brief,
    name,
    numbered,
    people,
    when,
)
from pipdesk.reports.layout import (
    BODY,
    CELL,
    CELL_BOLD,
    CELL_MUTED,
    NOTE,
    Cell,
    Signatory,
    body,
    cell_text,
    details,
    field,
    heading,
    para,
    rich,
)

if TYPE_CHECKING:
    from pipdesk.domain import Objective, Plan, Revision

DOCUMENT = "Performance Improvement Plan"

RECEIPT_NOT_AGREEMENT = (
    "By signing below, the employee confirms that they have received this plan and that it has been "
    "discussed with them. The signature confirms receipt only: it does not mean that the employee agrees "
    "with the plan. The employee may add comments, which are kept with the plan."
)


def render(plan: Plan, settings: Settings) -> bytes:
    return build(
        plan, DOCUMENT, story(plan, employee_copy=settings.employee_copy), settings, may_hold_private_notes=False
    )


def story(plan: Plan, *, employee_copy: bool = False) -> list[Flowable]:
    flowables: list[Flowable] = [para(DOCUMENT, layout.TITLE), para(plan.title, layout.SUBTITLE)]
    if plan.status is Status.DRAFT:
        flowables.append(layout.banner("Draft: this plan has not been issued yet and may still change."))
    flowables.append(details(people(plan) + when(plan)))
    commitments = [
        *field("The manager commits to", plan.manager_commitments),
        *field("The employee commits to", plan.employee_commitments),
    ]
    sections: list[Section] = [
        ("Purpose of this plan", concerns_in_brief(plan)),
        ("Earlier discussions", _prior_discussions(plan)),
        ("Performance concerns", _concerns(plan)),
        *_evidence_files(plan, employee_copy=employee_copy),
        ("Objectives", _objectives(plan)),
        ("Support and resources", _support(plan)),
        ("Reasonable adjustments", fair_process.adjustments(plan)),
        ("Commitments", commitments),
        ("Check-in schedule", _schedule(plan)),
        ("If the objectives are not met", body(plan.consequences)),
    ]
    if plan.pauses:
        sections.append(("Pauses", fair_process.pauses(plan)))
    if any(c.is_formal for c in plan.checkins):
        sections.append(("Formal meetings and the right to be accompanied", fair_process.formal_meetings(plan)))
    if plan.hr_review is not None:
        sections.append(("HR review before issue", fair_process.hr_review(plan)))
    if changes(plan):
        sections.append(("Changes since the plan was issued", [revisions_table(plan)]))
    since = fair_process.changes_since_acknowledgement(plan)
    if since:
        sections.append(("Changes since the last acknowledgement", since))
    if any(r.to is ResponseTo.PLAN for r in plan.responses):
        sections.append(("The employee's response to the plan", fair_process.responses(plan, ResponseTo.PLAN)))
    if plan.appeal is not None:
        sections.append(("Appeal against the outcome", fair_process.appeal(plan)))
    return [*flowables, *numbered(sections), *acknowledgement(plan, len(sections) + 1)]


def _evidence_files(plan: Plan, *, employee_copy: bool) -> list[Section]:
    """The files kept with the plan and its concerns, as a section when this copy lists any."""
    placed = (p for p in every_attachment(plan) if p.owner in {"plan", "concern"})
    table = attachments.files_table(placed, employee_copy=employee_copy, where=True)
    return [("Evidence files", table)] if table else []


def _prior_discussions(plan: Plan) -> list[Flowable]:
    if not plan.prior_discussions:
        return body("", empty="No earlier discussions recorded.")
    rows: list[list[Cell]] = [
        [vocabulary.short_date(item.date), cell_text(item.note)]
        for item in sorted(plan.prior_discussions, key=lambda item: item.date)
    ]
    return [layout.table(["Date", "What was discussed"], rows, [20, 80])]


def _concerns(plan: Plan) -> list[Flowable]:
    if not plan.concerns:
        return body("", empty="No concerns recorded.")
    flowables: list[Flowable] = []
    for i, concern in enumerate(plan.concerns, start=1):
        category = vocabulary.concern_category(concern.category)
        suffix = f' <font name="{fonts.REGULAR}" color="#5f6b7a">·  {text.escape(category)}</font>' if category else ""
        flowables += layout.subheading(f"3.{i}  {text.markup(concern.area)}{suffix}")
        flowables += body(concern.description, BODY, empty="")
        if concern.evidence:
            rows: list[list[Cell]] = [
                [vocabulary.short_date(item.date), cell_text(item.note)]
                for item in sorted(concern.evidence, key=lambda item: item.date)
            ]
            flowables.append(layout.table(["Date", "Evidence"], rows, [20, 80]))
            flowables.append(layout.gap(4))
        else:
            flowables.append(para("No dated evidence recorded.", layout.EMPTY))
    return flowables


def objective_cell(objective: Objective, number: int) -> list[Flowable]:
    """Title, description and kind of an objective, for a table cell."""
    flowables: list[Flowable] = [rich(f"{number}. {text.markup(objective.title)}", CELL_BOLD)]
    if not text.is_blank(objective.description):
        flowables += text.paragraphs(objective.description, CELL_MUTED)
    category = vocabulary.objective_category(objective.category)
    if category:
        flowables.append(para(category, CELL_MUTED))
    return flowables


def _objectives(plan: Plan) -> list[Flowable]:
    if not plan.objectives:
        return body("", empty="No objectives recorded.")
    rows: list[list[Cell]] = []
    for i, objective in enumerate(plan.objectives, start=1):
        concern = plan.concern(objective.concern) if objective.concern else None
        concern_text = concern.area if concern is not None else (objective.concern or vocabulary.DASH)
        unset = objective.baseline is None and objective.target is None
        target: list[Flowable] = [para(vocabulary.baseline_to_target(objective), CELL_MUTED if unset else CELL)]
        if objective.direction is not None:
            target.append(para(vocabulary.direction(objective.direction), CELL_MUTED))
        rows.append(
            [
                objective_cell(objective, i),
                cell_text(concern_text),
                cell_text(objective.metric, empty="Not set yet"),
                target,
                vocabulary.short_date(objective.due_date) if objective.due_date else para("Not set yet", CELL_MUTED),
            ]
        )
    return [
        layout.table(
            ["Objective", "Answers the concern", "Measure", "Baseline → target", "Due by"],
            rows,
            [30, 18, 19, 18, 15],
        )
    ]


def _support(plan: Plan) -> list[Flowable]:
    if not plan.support:
        return body("", empty="No support recorded.")
    rows: list[list[Cell]] = []
    for action in plan.support:
        rows.append(
            [
                [para(vocabulary.support_kind(action.kind), CELL_MUTED), *cell_text(action.description)],
                cell_text(action.owner),
                vocabulary.short_date(action.due_date) if action.due_date else "Ongoing",
                "Done" if action.done else "Planned",
            ]
        )
    return [layout.table(["Support", "Owner", "By", "Status"], rows, [54, 20, 14, 12])]


def _schedule(plan: Plan) -> list[Flowable]:
    flowables: list[Flowable] = []
    if plan.checkin_every_days:
        flowables.append(para(f"Check-ins are held every {plan.checkin_every_days} days.", BODY))
    if not plan.milestones:
        return [*flowables, *body("", empty="No meetings scheduled yet.")]
    rows: list[list[Cell]] = [
        [vocabulary.short_date(m.date), cell_text(m.title), vocabulary.milestone_kind(m.kind)]
        for m in sorted(plan.milestones, key=lambda m: m.date)
    ]
    flowables.append(layout.table(["Date", "Meeting", "Type"], rows, [18, 60, 22]))
    return flowables


#: An old or new value longer than this is cut short in "Changes to the plan" (the plan's history keeps
#: it whole): a changed commitment or a reopened outcome must not fill pages of a table cell.
SHORT_VALUE = 200


def changes(plan: Plan) -> list[Revision]:
    """The revisions that changed the plan: the fairness confirmation is printed beside the gaps instead."""
    return [revision for revision in plan.revisions if revision.field != FAIRNESS_FIELD]


def revisions_table(plan: Plan, employee_copy: bool = True) -> Table:
    """One row for each change made in one go (the same moment, the same reason), in the manager's words.

    In the employee's copy (the plan document always is one) a private note's words are left out.
    """
    rows: list[list[Cell]] = []
    shown = [for_the_employee(r) for r in changes(plan)] if employee_copy else changes(plan)
    for number, group in enumerate(vocabulary.revision_groups(shown), start=1):
        what: list[Flowable] = []
        for revision in group:
            what.append(rich(f"<b>{text.markup(vocabulary.revision_field(plan, revision.field))}</b>", CELL))
            what.append(para(_old_to_new(revision), CELL_MUTED))
        rows.append(
            [
                [para(str(number), CELL_BOLD), para(vocabulary.date_time(group[0].at), CELL_MUTED)],
                what,
                cell_text(group[0].reason),
            ]
        )
    return layout.table(["Revision", "What changed", "Why"], rows, [16, 50, 34])


def _old_to_new(revision: Revision) -> str:
    old, new = (vocabulary.shortened(vocabulary.revision_value(v), SHORT_VALUE) for v in (revision.old, revision.new))
    if not old and not new:
        return vocabulary.DASH
    if not old:
        return f"Added: {new}"
    if not new:
        return f"Removed: {old}" if revision.field in _LISTS else f"Was: {old}"
    return f"{old} → {new}"


_LISTS = {"objectives", "support", "concerns", "milestones"}


#: An employee comment longer than this is printed before the signature block instead of inside it,
#: so a long comment does not push the whole block to a new page.
_SHORT_COMMENT = 600


def acknowledgement(plan: Plan, number: int) -> list[Flowable]:
    employee = name(plan.employee)
    block: list[Flowable] = [*heading(number, "Acknowledgement of receipt"), para(RECEIPT_NOT_AGREEMENT, BODY)]
    ack = plan.acknowledgement
    if ack is not None:
        block.append(para(f"Recorded: {receipt_text(ack, employee)}", NOTE))
        if not text.is_blank(ack.employee_comment):
            block += field("Employee's comment", ack.employee_comment)
        block += fair_process.reacknowledgements(plan, employee)
        comments = [ack.employee_comment, *(again.employee_comment for again in plan.reacknowledgements)]
        if sum(len(comment) for comment in comments) > _SHORT_COMMENT:
            return [*block, *layout.keep(_signatures(plan, employee))]
    else:
        block += [para("Employee's comments (optional)", layout.LABEL), layout.writing_lines(3)]
    return layout.keep(*block, _signatures(plan, employee))


def _signatures(plan: Plan, employee: str) -> Table:
    ack = plan.acknowledgement
    witness_name = ack.witness if ack is not None and ack.witness else ""
    return layout.signatures(
        [
            Signatory("Employee", employee),
            Signatory("Manager", name(plan.manager)),
            Signatory("HR partner", plan.hr_partner.name if plan.hr_partner else ""),
            Signatory("Witness (only if the employee declines to sign)", witness_name),
        ]
    )
