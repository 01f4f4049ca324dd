"""Every word a person reads for a plan's kinds, statuses, ratings, decisions, follow-ups, units and dates.

Declared once, and used by the screen, the PDFs and the command line alike, so they never disagree
(tests/gui/test_vocabulary.py finds each label on screen and in a PDF).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipdesk.domain.kinds import (
    AdjustmentDecision,
    AppealResult,
    AttendeeRole,
    CheckinKind,
    ConcernCategory,
    Decision,
    Direction,
    FollowUp,
    MilestoneKind,
    ObjectiveCategory,
    Rating,
    ResponseTo,
    Result,
    Status,
    SupportKind,
    compact_number,
)

if TYPE_CHECKING:
    from pipdesk.domain.model import Attendee, Objective, Plan, Revision

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DASH = "—"


def long_date(day: dt.date | None) -> str:
    """``28 September 2026``: never ambiguous between day and month, whatever the reader's country."""
    return DASH if day is None else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date | None) -> str:
    """``28 Sep 2026``, for tables."""
    return DASH if day is None else f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def weekday(day: dt.date) -> str:
    """``Monday``."""
    return WEEKDAYS[day.weekday()]


def day_and_date(day: dt.date) -> str:
    """``Monday 28 September 2026``."""
    return f"{weekday(day)} {long_date(day)}"


def date_time(moment: dt.datetime) -> str:
    """``1 Oct 2026 09:05 UTC``, ``1 Oct 2026 10:05 +01:00``; with no time zone, ``1 Oct 2026 09:05``."""
    return f"{short_date(moment.date())} {moment:%H:%M} {utc_offset(moment)}".rstrip()


def utc_offset(moment: dt.datetime) -> str:
    """``UTC``, or the offset from it (``+01:00``, ``-05:30``); empty with no time zone. From the offset, not
    the zone's name: a moment reads the same however it was made (pydantic names an offset ``+01:00``,
    the standard library ``UTC+01:00``, the local zone ``CET``)."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    if not offset:
        return "UTC"
    minutes = abs(offset) // dt.timedelta(minutes=1)
    return f"{'-' if offset < dt.timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"


def period(start: dt.date, end: dt.date) -> str:
    return f"{long_date(start)} to {long_date(end)}"


def length(days: int) -> str:
    """``84 days (12 weeks)``."""
    if days <= 0:
        return f"{days} days"
    weeks, rest = divmod(days, 7)
    if weeks == 0:
        return count(days, "day")
    about = "" if rest == 0 else "about "
    weeks = weeks if rest < 4 else weeks + 1
    return f"{count(days, 'day')} ({about}{count(weeks, 'week')})"


def ago(day: dt.date, today: dt.date) -> str:
    """``today``, ``yesterday``, ``5 days ago``, ``6 weeks ago`` (whole weeks from two weeks on)."""
    days = (today - day).days
    if days <= 0:
        return "today" if days == 0 else f"in {count(-days, 'day')}"
    if days == 1:
        return "yesterday"
    return f"{days // 7} weeks ago" if days >= 14 else f"{days} days ago"


def number(value: float | None) -> str:
    if value is None:
        return DASH
    if not math.isfinite(value):
        return str(value)
    return str(compact_number(float(value)))  # an int too: int.is_integer() is Python 3.12+


def quantity(value: float | None, unit: str) -> str:
    """``55%``, ``3 reports``, ``4.2 points of 5``."""
    if value is None:
        return DASH
    unit = " ".join(unit.split())
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit == "%" else count(value, unit)


def count(n: float, noun: str, plural: str | None = None) -> str:
    """``1 complaint``, ``3 complaints``, ``1 late reply a week``: the number and its noun in agreement.

    Without ``plural``, ``noun`` may be written singular or plural (units are typed by the manager):
    the word it is about is made to agree, and the rest (``per month``, ``of 5``) is left as written.
    """
    return f"{number(n)} {agreeing(n, noun, plural)}"


def agreeing(n: float, noun: str, plural: str | None = None) -> str:
    """``noun`` in the form that agrees with ``n``: singular for one (or minus one), plural otherwise."""
    one = abs(n) == 1
    if plural is not None:
        return noun if one else plural
    words = noun.split(" ")
    head = next((i for i, word in enumerate(words) if word.lower() in _CONNECTORS and i > 0), len(words))
    plural_at = [i for i in range(head) if _looks_plural(words[i])]
    if one and plural_at:
        words[plural_at[-1]] = _singular(words[plural_at[-1]])
    elif not one and not plural_at and head > 0 and _is_word(words[head - 1]):
        words[head - 1] = _plural(words[head - 1])
    return " ".join(words)


# Words after the noun a unit counts: "complaints per month", "points of 5", "replies a week".
_CONNECTORS = {"per", "a", "an", "of", "in", "on", "at", "each", "every", "for", "from", "to", "by", "with", "/"}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s")


def _is_word(word: str) -> bool:
    """Letters, or words joined by hyphens (``check-in``): the last one takes the plural."""
    return all(part.isalpha() for part in word.split("-"))


def _looks_plural(word: str) -> bool:
    return (
        len(word) > 2
        and _is_word(word)
        and word.lower().endswith("s")
        and not word.lower().endswith(_NOT_PLURAL_ENDINGS)
    )


def _singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def _plural(word: str) -> str:
    lower = word.lower()
    if lower.endswith("y") and len(word) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("ch", "sh", "x", "s", "z")):
        return word + "es"
    return word + "s"


def percent(value: float) -> str:
    """``84%``: a share of the way, a projection; rounded to a whole number."""
    return f"{round(value)}%"


def baseline_to_target(objective: Objective) -> str:
    """``55% → 90%``; what is not set yet says so."""
    if objective.baseline is None and objective.target is None:
        return "Not set yet"
    return f"{quantity(objective.baseline, objective.unit)} → {quantity(objective.target, objective.unit)}"


DIRECTIONS = {Direction.HIGHER_IS_BETTER: "higher is better", Direction.LOWER_IS_BETTER: "lower is better"}


def direction(value: Direction) -> str:
    """``higher is better``: said after an objective's target."""
    return DIRECTIONS[value]


def status(value: Status, paused: bool = False) -> str:
    """``Active``; a plan whose clock is stopped: ``Active, paused``."""
    return f"{value.label}, {PAUSED.lower()}" if paused else value.label


#: A plan whose clock is stopped (plan format 2's pauses), and the band of the days paused.
PAUSED = "Paused"


CHECKIN_KINDS = {
    CheckinKind.CHECKIN: "Check-in",
    CheckinKind.FORMAL_REVIEW: "Formal review",
    CheckinKind.MIDPOINT: "Mid-plan evaluation",
    CheckinKind.FINAL: "Final review",
    CheckinKind.KICKOFF: "Kick-off",
}
MILESTONE_KINDS = {
    MilestoneKind.KICKOFF: "Kick-off",
    MilestoneKind.CHECKIN: "Check-in",
    MilestoneKind.MIDPOINT: "Mid-plan evaluation",
    MilestoneKind.FINAL: "Final review",
    MilestoneKind.CUSTOM: "Milestone",
}


def checkin_kind(kind: CheckinKind) -> str:
    return CHECKIN_KINDS[kind]


#: What each kind of meeting asks, in the check-in form: "guidance" for a line above the form, and a
#: question for each text box, keyed by the check-in's field it stands in. They are shown as
#: placeholder text and never saved; an ordinary check-in or a formal review asks nothing.
CHECKIN_QUESTIONS: dict[CheckinKind, dict[str, str]] = {
    CheckinKind.MIDPOINT: {
        "guidance": (
            "Halfway through: is each objective on track, should the support change, should the plan be "
            "extended? The grey questions are not saved."
        ),
        "notes": "Is each objective on track to be met by its due date? Which are at risk, and why?",
        "employee_comments": "How does the employee see their progress so far? Is the support helping?",
        "wins": "What has improved since the plan started?",
        "concerns": "What still falls short of what the plan expects? Anything new?",
        "next_steps": (
            "Should the support change (more coaching, training, time)? Should the plan be extended? "
            "What must happen before the final review?"
        ),
        "private_notes": "Your own view: is the plan still fair and achievable? Anything to raise with HR?",
    },
    CheckinKind.FINAL: {
        "guidance": (
            "The end of the plan: was each objective met, was the support delivered, and what follows? "
            "The grey questions are not saved."
        ),
        "notes": "Was each objective met by its due date? What does the evidence show?",
        "employee_comments": "How does the employee see the plan's outcome? Did they get the support agreed?",
        "wins": "What improved over the whole plan?",
        "concerns": "What still falls short, if anything?",
        "next_steps": (
            "What follows: a return to normal performance management, an extension, another role, "
            "or further action with HR?"
        ),
        "private_notes": "Your own notes for the outcome: was the plan applied fairly and the support delivered?",
    },
}


def checkin_questions(kind: CheckinKind) -> dict[str, str]:
    """What the check-in form asks for ``kind`` (see :data:`CHECKIN_QUESTIONS`); empty when nothing."""
    return CHECKIN_QUESTIONS.get(kind, {})


def milestone_kind(kind: MilestoneKind) -> str:
    return MILESTONE_KINDS[kind]


def support_kind(kind: SupportKind | None) -> str:
    return "Support" if kind is None else kind.value.capitalize()


def concern_category(category: ConcernCategory | None) -> str:
    return "" if category is None else category.value.capitalize()


def objective_category(category: ObjectiveCategory | None) -> str:
    return "" if category is None else category.value.capitalize()


def rating(value: Rating | None) -> str:
    return "Not rated" if value is None else value.label


RESULTS = {Result.MET: "Met", Result.PARTIALLY_MET: "Partially met", Result.NOT_MET: "Not met"}
DECISIONS = {
    Decision.SUCCESSFUL: "Successful",
    Decision.PARTIAL: "Partially successful",
    Decision.INSUFFICIENT: "Not successful",
}
FOLLOW_UPS = {
    FollowUp.RETURN_TO_NORMAL: "Return to normal performance management",
    FollowUp.EXTEND: "Extend the plan to a new end date",
    FollowUp.REASSIGN: "Reassign to another role",
    FollowUp.FURTHER_ACTION: "Further action with HR",
}


ADJUSTMENT_DECISIONS = {
    AdjustmentDecision.AGREED: "Agreed as requested",
    AdjustmentDecision.ALTERNATIVE: "Alternative offered",
    AdjustmentDecision.REFUSED: "Refused",
}
ATTENDEE_ROLES = {
    AttendeeRole.EMPLOYEE: "Employee",
    AttendeeRole.MANAGER: "Manager",
    AttendeeRole.HR: "HR",
    AttendeeRole.COMPANION: "Companion",
    AttendeeRole.REPRESENTATIVE: "Representative",
    AttendeeRole.NOTE_TAKER: "Note-taker",
}
RESPONSES_TO = {ResponseTo.PLAN: "Response to the plan", ResponseTo.OUTCOME: "Response to the outcome"}
APPEAL_RESULTS = {
    AppealResult.UPHELD: "Upheld",
    AppealResult.NOT_UPHELD: "Not upheld",
    AppealResult.PARTLY_UPHELD: "Partly upheld",
}


def adjustment_decision(value: AdjustmentDecision | None) -> str:
    return "Not decided yet" if value is None else ADJUSTMENT_DECISIONS[value]


def attendee_role(value: AttendeeRole) -> str:
    return ATTENDEE_ROLES[value]


def attendee(name: str, role: AttendeeRole) -> str:
    """``Sam Okafor (HR)``, ``Tom Reyes (companion)``: a name and its role inside a sentence."""
    label = ATTENDEE_ROLES[role]
    return f"{' '.join(name.split())} ({label if label.isupper() else label.lower()})"


def attendance(attendees: Sequence[Attendee]) -> str:
    """Who attended a meeting, in one line: ``Alex Moreno (employee); Sam Okafor (HR)``."""
    return "; ".join(attendee(a.name, a.role) for a in attendees)


def times(n: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def response_to(value: ResponseTo) -> str:
    return RESPONSES_TO[value]


def appeal_result(value: AppealResult | None) -> str:
    return "Not decided yet" if value is None else APPEAL_RESULTS[value]


def result(value: Result | None) -> str:
    return "Not assessed" if value is None else RESULTS[value]


def decision(value: Decision | None) -> str:
    return "Not decided yet" if value is None else DECISIONS[value]


def follow_up(value: FollowUp | None) -> str:
    return "Not decided yet" if value is None else FOLLOW_UPS[value]


# The plan's history: what a revision changed, in the manager's words, never a field path

PLAN_FIELDS = {
    "title": "Title",
    "summary": "Summary of the concerns",
    "context": "Context and barriers",
    "start_date": "Start date",
    "end_date": "End date",
    "checkin_every_days": "Check-in cadence (days)",
    "manager_commitments": "Manager's commitments",
    "employee_commitments": "Employee's commitments",
    "consequences": "If the objectives are not met",
    "status": "Status",
    "outcome": "Outcome",
    "objectives": "Objectives",
    "support": "Support",
    "concerns": "Concerns",
    "milestones": "Meetings",
    "fairness_check": "Fairness check",  # domain.fair_process.FAIRNESS_FIELD (it imports this module)
    "pause": "Pause (first day → day resumed)",  # domain.fair_process.PAUSE_FIELD
    "hr_review": "HR review",  # domain.fair_process.HR_REVIEW_FIELD
    "adjustments": "Adjustments",
    "attachments": "Evidence files",  # gui.common.attachment_commands.ATTACHMENTS_FIELD
    "appeal": "Appeal",
}
#: A name quoted in a revision's label is cut to this many characters.
_QUOTED = 40


def _quoted(name: str) -> str:
    name = " ".join(name.split())
    return f"“{name if len(name) <= _QUOTED else name[: _QUOTED - 1].rstrip() + '…'}”"


def _item(plan: Plan, kind: str, name: str) -> str:
    """``Objective 2 “Send a status report”`` for ``objectives``/``objective-2``: numbered as printed."""
    if kind == "objectives":
        for number, objective in enumerate(plan.objectives, start=1):
            if objective.key == name:
                return f"Objective {number} {_quoted(objective.title)}"
        return f"Objective {_quoted(name)}"
    if kind == "concerns":
        for number, concern in enumerate(plan.concerns, start=1):
            if concern.key == name:
                return f"Concern {number} {_quoted(concern.area)}"
        return f"Concern {_quoted(name)}"
    if kind == "support":
        return f"Support {_quoted(name)}"
    return " ".join(name.split())  # a meeting by its title


def revision_field(plan: Plan, field: str) -> str:
    """What a revision (or a template's guidance) is about, as the manager reads it on screen and paper:
    ``milestones.Mid-plan evaluation.date`` → ``Mid-plan evaluation: date``,
    ``objectives.objective-1.due_date`` → ``Objective 1 “Reply within a day”: due date``."""
    if field in PLAN_FIELDS:
        return PLAN_FIELDS[field]
    kind, _, rest = field.partition(".")
    if kind == "checkins" and rest:
        try:
            return f"Check-in of {short_date(dt.date.fromisoformat(rest))}"
        except ValueError:
            return f"Check-in {rest}"
    if kind in ("objectives", "concerns", "support", "milestones") and "." in rest:
        name, _, attr = rest.rpartition(".")
        return f"{_item(plan, kind, name)}: {attr.replace('_', ' ')}"
    return field.replace("_", " ").replace(".", " › ").capitalize()


def revision_value(value: str | None) -> str:
    """A revision's old or new value as read: dates as printed, statuses by their label; empty when none."""
    if value is None:
        return ""
    if len(value) == 10:
        try:
            return short_date(dt.date.fromisoformat(value))
        except ValueError:
            pass
    try:
        return Status(value).label
    except ValueError:
        return value


def shortened(text: str, limit: int) -> str:
    """The text on one line, cut at a word to at most ``limit`` characters with "…" when longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut).rstrip(" ,;:.") + "…"


def revision_groups(revisions: list[Revision]) -> list[list[Revision]]:
    """The revisions made in one go (the same moment, the same reason) together, in order: an
    extension that moved the end date and three due dates is one change with one reason."""
    groups: list[list[Revision]] = []
    for revision in revisions:
        last = groups[-1][-1] if groups else None
        if last is not None and (last.at, last.reason) == (revision.at, revision.reason):
            groups[-1].append(revision)
        else:
            groups.append([revision])
    return groups


# What a chart or the timeline shows, in words, for a screen reader (a widget's accessible description).


def progress_description(title: str, last: str | None, target: str, projected: str | None, status: str) -> str:
    """``Reopened tickets: 6% on 17 Nov 2026, target at most 5%, projected 3.4% by 21 Dec 2026. On track.``"""
    figures = [last or "no value measured yet", target, *([projected] if projected else [])]
    return f"{title}: {', '.join(figures)}. {status}."


# The next step of a plan's process (pipdesk/domain/process.py): what to do, in the manager's words.
# ``{due}`` is a date as ``short_date`` writes it; ``{title}`` a milestone's own title; ``{since}`` a date.

#: The title of the "Next step" line, and the word that marks an overdue step beside its colour.
NEXT_STEP = "Next step"
OVERDUE = "Overdue"
NEXT_STEPS = {
    "send_for_hr_review": "Send the plan to HR for review before it is issued",
    "record_hr_review": "Record HR's review of the plan (sent to HR on {since})",
    "issue": "Issue the plan and print it for the meeting with the employee",
    "record_acknowledgement": "Record the employee's acknowledgement of the plan (issued on {since})",
    "record_reacknowledgement": "Record a new acknowledgement: the plan changed after it was acknowledged on {since}",
    "resume": "Resume the plan when the pause ends (paused since {since}: {title})",
    "kickoff": "Log the kick-off meeting due on {due}",
    "checkin": "Log the check-in due on {due}",
    "midpoint": "Log the mid-plan evaluation due on {due}",
    "final": "Log the final review due on {due}",
    "custom": "Log “{title}” due on {due}",
    "close": "Close the plan with an outcome",
    "monitoring": "Monitoring after the plan: {title}",
    "closed": "Closed: nothing more to do",
}
#: What This week says of a step left undone, with ``{ago}`` as :func:`ago` writes it.
LATE_STEPS = {
    "record_hr_review": "HR review requested {ago}, not recorded",
    "record_acknowledgement": "Acknowledgement not recorded, issued {ago}",
    "record_reacknowledgement": "New acknowledgement not recorded, changed {ago}",
    "issue": "Plan not issued, due to start {ago}",
    "send_for_hr_review": "Not sent for HR review, due to start {ago}",
}


def overdue_by(days: int) -> str:
    """``overdue by 1 day``, ``overdue by 54 days``."""
    return f"overdue by {count(days, 'day')}"
