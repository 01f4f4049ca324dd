"""Meeting guides for the manager's side: the delivery meeting, a check-in's preparation sheet, the reviews.

Each guide is built from the plan's own data for one meeting (a milestone, chosen by
:mod:`pipdesk.domain.meetings`): what to say, what the figures show, what to ask, and ruled space for notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from pipdesk.domain import CheckinKind, MilestoneKind, vocabulary
from pipdesk.domain.kinds import FORMAL_KINDS
from pipdesk.domain.meetings import (
    CHECKIN_QUESTIONS,
    Guide,
    guide_for,
    guide_title,
    is_late,
    last_checkin_before,
    meeting_after,
    meetings,
    support_due,
    trend,
)
from pipdesk.domain.outcome import evidence, fairness_check
from pipdesk.domain.progress import series
from pipdesk.reports import common, layout, text
from pipdesk.reports.layout import BODY, CELL_MUTED, NOTE, Cell, body, bullet, cell_text, field, para, rich

if TYPE_CHECKING:
    from pipdesk.domain import Milestone, Objective, Plan

NOTES_LINES = 8
ANSWER_LINES = 3


def render(plan: Plan, meeting: Milestone, settings: common.Settings) -> bytes:
    title = guide_title(meeting)
    return common.build(plan, title, story(plan, meeting, settings), settings, may_hold_private_notes=False)


def story(plan: Plan, meeting: Milestone, settings: common.Settings) -> list[Flowable]:
    title = guide_title(meeting)
    flowables: list[Flowable] = [para(title, layout.TITLE), para(plan.title, layout.SUBTITLE)]
    flowables.append(para("For the manager: a guide to the meeting, not a record of it.", NOTE))
    following = meeting_after(plan, meeting)
    details = [
        ("Meeting", meeting.title),
        ("Date", vocabulary.long_date(meeting.date)),
        ("Employee", common.name(plan.employee)),
        ("Manager", common.name(plan.manager)),
        ("Period", vocabulary.period(plan.start_date, plan.end_date)),
        ("Next meeting", _meeting_line(following)),
    ]
    flowables.append(layout.details(details))
    guide = guide_for(meeting)
    if guide is Guide.DELIVERY:
        sections = _delivery(plan, meeting)
    elif guide is Guide.PREPARATION:
        sections = _preparation(plan, meeting, following)
    else:
        sections = _review(plan, meeting, settings)
    sections.append(("Notes", [layout.writing_lines(NOTES_LINES)]))
    return [*flowables, *_numbered(sections)]


def _numbered(sections: list[common.Section]) -> list[Flowable]:
    """The sections headed "1. …", each heading kept on a page with what starts its section."""
    flowables: list[Flowable] = []
    for number, (title, content) in enumerate(sections, start=1):
        flowables += [*layout.keep(*layout.heading(number, title), *content[:2]), *content[2:]]
    return flowables


def _meeting_line(meeting: Milestone | None) -> str:
    if meeting is None:
        return "None scheduled after this one"
    return f"{vocabulary.short_date(meeting.date)} · {meeting.title}"


def _points(*lines: str) -> list[Flowable]:
    return [bullet(line) for line in lines]


def _write_here(label: str, count: int = ANSWER_LINES) -> list[Flowable]:
    return layout.keep(para(label, layout.LABEL), layout.writing_lines(count))


# --- The delivery meeting (the kick-off) ------------------------------------------------------------


def _delivery(plan: Plan, meeting: Milestone) -> list[common.Section]:
    employee = common.name(plan.employee, "the employee")
    why = [
        *_points(
            f"Thank {employee} for coming and say what the meeting is for: to go through the plan together, "
            "so that the concerns, what good looks like and the support are clear to both of you.",
            "Say that the plan is there to help them succeed: its aim is that the objectives are met.",
        ),
        *field("The plan's summary of the concerns", plan.summary),
    ]
    strengths = [
        *_points(
            "Start with what they do well: two or three specific strengths, with examples.",
            "Say what they can build on during the plan.",
        ),
        *_write_here("Strengths to name"),
    ]
    concerns = [
        para("Keep to the facts and the dates; ask for their view of each.", NOTE),
        *_concerns(plan),
    ]
    objectives = [
        para("For each objective: what is measured, where it stands now and what is expected by when.", NOTE),
        *_objectives(plan),
    ]
    support = [para("Say who provides each kind of support, and ask what else would help.", NOTE), *_support(plan)]
    running = _how_it_runs(plan, meeting)
    questions = [
        *_points(
            "What questions do you have about the plan?",
            "Is anything unclear or, in your view, unfair in the concerns or the objectives?",
            "What would help you meet the objectives? Do you need any adjustment?",
            "Is there anything you would like to add to the plan?",
        ),
        *_write_here("Their questions and ideas", 5),
    ]
    rights = _points(
        f"{employee} may respond to the plan in writing; the response is kept with the plan and printed with it.",
        "They sign to confirm they have received the plan; the signature does not mean that they agree.",
    )
    if CheckinKind.KICKOFF in FORMAL_KINDS:  # the kick-off is formal: the right to be accompanied applies
        rights += _points(
            "This is a formal meeting: they have the right to be accompanied by a colleague or a trade union "
            "representative. Check that this was offered before the meeting and note who attends."
        )
    return [
        ("Why we are here", why),
        ("Strengths first", strengths),
        ("The concerns and their evidence", concerns),
        ("The objectives", objectives),
        ("The support offered", support),
        ("How the plan runs", running),
        ("The employee's questions and ideas", questions),
        ("Their right to respond and to be accompanied", rights),
    ]


def _concerns(plan: Plan) -> list[Flowable]:
    if not plan.concerns:
        return body("", empty="No concerns recorded.")
    rows: list[list[Cell]] = []
    for concern in plan.concerns:
        what: list[Flowable] = [rich(f"<b>{text.markup(concern.area)}</b>", layout.CELL)]
        what += text.paragraphs(concern.description, CELL_MUTED)
        dated = sorted(concern.evidence, key=lambda item: item.date)
        when: list[Flowable] = []
        for item in dated:
            when.append(rich(f"<b>{text.escape(vocabulary.short_date(item.date))}</b>", layout.CELL))
            when += cell_text(item.note)
        rows.append([what, when or [para("No dated evidence recorded.", CELL_MUTED)]])
    return [layout.table(["Concern", "Dated evidence"], rows, [38, 62])]


def _objective_table(
    plan: Plan, header: list[str], widths: list[float], columns: Callable[[Objective], list[Cell]]
) -> list[Flowable]:
    """One row an objective: its number and title, then ``columns``; the due date last."""
    rows: list[list[Cell]] = [
        [
            [rich(f"{number}. {text.markup(objective.title)}", layout.CELL_BOLD)],
            *columns(objective),
            vocabulary.short_date(objective.due_date) if objective.due_date else "Not set yet",
        ]
        for number, objective in enumerate(plan.objectives, start=1)
    ]
    return (
        [layout.table(["Objective", *header, "Due by"], rows, widths)]
        if rows
        else body("", empty="No objectives recorded.")
    )


def _objectives(plan: Plan) -> list[Flowable]:
    def columns(objective: Objective) -> list[Cell]:
        return [
            cell_text(objective.metric, empty="Not set yet"),
            vocabulary.quantity(objective.baseline, objective.unit),
            vocabulary.quantity(objective.target, objective.unit),
        ]

    return _objective_table(plan, ["Measure", "Baseline", "Target"], [32, 28, 13, 13, 14], columns)


def _support(plan: Plan) -> list[Flowable]:
    if not plan.support:
        return body("", empty="No support recorded.")
    rows: list[list[Cell]] = [
        [
            [para(vocabulary.support_kind(action.kind), CELL_MUTED), *cell_text(action.description)],
            cell_text(action.owner, empty="Not named"),
            vocabulary.short_date(action.due_date) if action.due_date else "Ongoing",
        ]
        for action in plan.support
    ]
    return [layout.table(["Support", "Who provides it", "By"], rows, [58, 26, 16])]


def _how_it_runs(plan: Plan, meeting: Milestone) -> list[Flowable]:
    ahead = [m for m in meetings(plan) if m.date > meeting.date]
    checkins = [m for m in ahead if m.kind is MilestoneKind.CHECKIN]
    flowables = _points(
        "At each check-in: we look at each objective's latest figure, whether the support is happening, "
        "and agree the next steps; the notes are written up for both of us to sign.",
        "At the mid-plan evaluation: we review the progress so far and whether the support should change.",
        "At the final review: we look at the evidence for each objective and decide the outcome, "
        "which is confirmed in writing.",
    )
    if checkins:
        dates = ", ".join(vocabulary.short_date(m.date) for m in checkins)
        flowables.append(para(f"Check-ins: {vocabulary.count(len(checkins), 'meeting')}, on {dates}.", BODY))
    for kind in (MilestoneKind.MIDPOINT, MilestoneKind.FINAL):
        for item in (m for m in ahead if m.kind is kind):
            flowables.append(rich(f"{text.markup(item.title)}: {text.escape(vocabulary.long_date(item.date))}.", BODY))
    flowables += field("If the objectives are not met", plan.consequences)
    return flowables


# --- A check-in's preparation sheet -----------------------------------------------------------------


def _standing(plan: Plan) -> list[Flowable]:
    def columns(objective: Objective) -> list[Cell]:
        points = series(plan, objective.key)
        last = (
            f"{vocabulary.quantity(points[-1][1], objective.unit)} on {vocabulary.short_date(points[-1][0])}"
            if points
            else "Not measured yet"
        )
        return [vocabulary.baseline_to_target(objective), last, trend(objective, points)]

    return _objective_table(plan, ["Baseline → target", "Last value", "Trend"], [28, 16, 16, 28, 12], columns)


def _support_due(plan: Plan, day: dt.date) -> list[Flowable]:
    due = support_due(plan, day)
    if not due:
        return body("", empty="No support action is due or late.")
    rows: list[list[Cell]] = [
        [
            cell_text(action.description),
            cell_text(action.owner, empty="Not named"),
            vocabulary.short_date(action.due_date),
            "Late" if is_late(action, day) else "Due",
        ]
        for action in due
    ]
    return [layout.table(["Support", "Who provides it", "Due by", "Status"], rows, [52, 22, 14, 12])]


def _preparation(plan: Plan, meeting: Milestone, following: Milestone | None) -> list[common.Section]:
    last = last_checkin_before(plan, meeting.date)
    agreed = (
        field(f"Next steps agreed on {vocabulary.long_date(last.date)}", last.next_steps, empty="None recorded.")
        if last is not None
        else body("", empty="No check-in held before this one.")
    )
    questions = [*_points(*CHECKIN_QUESTIONS), *_worsening(plan)]
    nxt = (
        [para(f"{vocabulary.long_date(following.date)}: {following.title}", BODY)]
        if following is not None
        else body("", empty="No meeting is scheduled after this one.")
    )
    return [
        ("Where each objective stands", _standing(plan)),
        ("Support due or late", _support_due(plan, meeting.date)),
        ("What was agreed last time", agreed),
        ("Questions to ask", questions),
        ("The next meeting", nxt),
    ]


def _worsening(plan: Plan) -> list[Flowable]:
    """A question for each objective whose last value moved away from its target."""
    flowables: list[Flowable] = []
    for objective in plan.objectives:
        points = series(plan, objective.key)
        if trend(objective, points).startswith("Worse"):
            flowables.append(bullet(f"{objective.title}: the last value was worse than the one before. What changed?"))
    return flowables


# --- The mid-plan evaluation and the final review ---------------------------------------------------


def _review(plan: Plan, meeting: Milestone, settings: common.Settings) -> list[common.Section]:
    kind = CheckinKind.FINAL if meeting.kind is MilestoneKind.FINAL else CheckinKind.MIDPOINT
    asked = {key: value for key, value in vocabulary.checkin_questions(kind).items() if key != "guidance"}
    questions: list[Flowable] = []
    for question in asked.values():
        questions += layout.keep(bullet(question), layout.writing_lines(2))
    check = fairness_check(plan, min(meeting.date, settings.printed_on))
    support = [
        para(f"{check.support_delivered} of {check.support_promised} support actions delivered so far.", BODY),
        *_support_due(plan, meeting.date),
    ]
    sections: list[common.Section] = [
        ("The evidence so far", _evidence(plan, settings.sustained)),
        ("The support", support),
        ("Questions the outcome needs answered", questions),
    ]
    if meeting.kind is MilestoneKind.FINAL:
        sections.append(("If the objectives are not met", body(plan.consequences)))
    sections.append(("Their right to respond and to be accompanied", _review_rights(plan)))
    return sections


def _evidence(plan: Plan, sustained: int) -> list[Flowable]:
    found = evidence(plan, sustained)
    if not found:
        return body("", empty="No objectives recorded.")
    rows: list[list[Cell]] = []
    for number, item in enumerate(found, start=1):
        suggested = vocabulary.result(item.suggested) if item.suggested is not None else "No suggestion"
        rows.append(
            [
                [rich(f"{number}. {text.markup(item.objective.title)}", layout.CELL_BOLD)],
                f"{item.baseline} → {item.target}",
                item.last_measured,
                [rich(f"<b>{text.escape(suggested)}</b>", layout.CELL), para(item.why, CELL_MUTED)],
            ]
        )
    rule = "Suggested results follow the figures only; the decision is yours, with the whole picture."
    return [
        para(rule, NOTE),
        layout.table(["Objective", "Baseline → target", "Last measured", "Suggested result"], rows, [30, 18, 20, 32]),
    ]


def _review_rights(plan: Plan) -> list[Flowable]:
    employee = common.name(plan.employee, "the employee")
    return _points(
        "This is a formal meeting: check that the right to be accompanied by a colleague or a trade union "
        "representative was offered, and note who attends.",
        f"{employee} may respond in writing to what is decided; the response is kept with the plan.",
    )
