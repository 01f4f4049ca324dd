"""The timeline's words: dates as it writes them, the short text beside a marker and its tooltip."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence

from pipdesk.domain import CheckinKind, MilestoneKind, Plan
from pipdesk.domain.markers import ADJUSTMENT_IN_PLACE, ADJUSTMENT_REVIEW, Lane, Marker, MarkerState, PausedSpan
from pipdesk.domain.schedule import FINAL_TITLE, KICKOFF_TITLE, MIDPOINT_TITLE
from pipdesk.domain.vocabulary import (
    CHECKIN_KINDS,
    MILESTONE_KINDS,
    MONTHS,
    WEEKDAYS,
    adjustment_decision,
    count,
    rating,
    short_date,
)

LANE_NAMES = {
    Lane.SCHEDULE: "Schedule",
    Lane.CHECKINS: "Check-ins held",
    Lane.OBJECTIVES: "Objectives due",
    Lane.SUPPORT: "Support due",
    Lane.ADJUSTMENTS: "Adjustments",
}
#: The adjustments lane's markers, in the legend and as a screen reader says them.
ADJUSTMENT_KINDS = {ADJUSTMENT_IN_PLACE: "Adjustment in place", ADJUSTMENT_REVIEW: "Adjustment review"}
#: The mid-plan evaluation, where there is room for a word or two only (a label, the legend).
MIDPLAN = "Mid-plan"

_SHORT_TITLES = {
    KICKOFF_TITLE: MILESTONE_KINDS[MilestoneKind.KICKOFF],
    MIDPOINT_TITLE: MIDPLAN,
    FINAL_TITLE: MILESTONE_KINDS[MilestoneKind.FINAL],
}
_SHORT_CHECKINS = {
    CheckinKind.FORMAL_REVIEW.value: CHECKIN_KINDS[CheckinKind.FORMAL_REVIEW],
    CheckinKind.MIDPOINT.value: MIDPLAN,
    CheckinKind.FINAL.value: CHECKIN_KINDS[CheckinKind.FINAL],
}


def day_text(day: dt.date, year: bool = True) -> str:
    """``Mon 30 Nov 2026``: English whatever the system locale, like the rest of the app."""
    text = f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"
    return f"{text} {day.year}" if year else text


def days(n: int) -> str:
    return count(n, "day")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tooltip_html(title: str, *lines: str) -> str:
    body = "".join(f"<br>{html.escape(line)}" for line in lines)
    return f"<p style='white-space:pre'><b>{html.escape(title)}</b>{body}</p>"


def marker_label(marker: Marker) -> str:
    """The short text beside a marker; the tooltip has the rest."""
    if marker.lane is Lane.SCHEDULE and marker.kind == MilestoneKind.CHECKIN.value:
        number = re.search(r"(\d+)\s*$", marker.title)
        return number.group(1) if number else marker.title
    if marker.lane is Lane.SCHEDULE:
        return _SHORT_TITLES.get(marker.title, marker.title)
    if marker.lane is Lane.CHECKINS:
        return _SHORT_CHECKINS.get(marker.kind, "")
    if marker.kind == ADJUSTMENT_REVIEW:
        return f"Review: {marker.title}"
    return marker.title


def _when(day: dt.date, today: dt.date) -> str:
    n = (day - today).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    if n == -1:
        return "yesterday"
    return f"in {days(n)}" if n > 0 else f"{days(-n)} ago"


def marker_tooltip(plan: Plan, marker: Marker, today: dt.date, draggable: bool) -> str:
    when = _when(marker.date, today)
    if marker.lane is Lane.ADJUSTMENTS:
        return adjustment_tooltip(plan, marker, when)
    if marker.lane is Lane.SCHEDULE:
        states = {
            MarkerState.DONE: "Held",
            MarkerState.PLANNED: f"Planned, {when}",
            MarkerState.OVERDUE: f"Overdue: {when} and no check-in logged",
            MarkerState.NOT_HELD: "Not held",
        }
        kind = MILESTONE_KINDS[MilestoneKind(marker.kind)]
        lines = [f"{kind} · {day_text(marker.date)}", states[marker.state]]
        lines.append("Drag to reschedule · click to open" if draggable else "Click to open")
        return tooltip_html(marker.title, *lines)
    if marker.lane is Lane.CHECKINS:
        checkin = plan.checkins[marker.index]
        lines = [day_text(marker.date), f"Overall: {rating(marker.rating)}"]
        for progress in checkin.progress[:6]:
            objective = plan.objective(progress.objective)
            name = objective.title if objective else progress.objective
            lines.append(f"  {shorten(name, 48)}: {progress.rating.label if progress.rating else '—'}")
        lines.append("Click to open the check-in")
        return tooltip_html(marker.title, *lines)
    if marker.lane is Lane.OBJECTIVES:
        objective = plan.objectives[marker.index]
        lines = [f"Objective due {day_text(marker.date)} ({when})"]
        if objective.metric:
            target = f"{objective.target:g}" if objective.target is not None else "?"
            baseline = f"{objective.baseline:g}" if objective.baseline is not None else "?"
            lines.append(f"{objective.metric}: {baseline} → {target} {objective.unit}".rstrip())
        return tooltip_html(objective.title, *lines)
    action = plan.support[marker.index]
    kind = f" ({action.kind.value})" if action.kind else ""
    lines = [f"Support{kind} due {day_text(marker.date)}"]
    if action.owner:
        lines.append(f"Owner: {action.owner}")
    states = {
        MarkerState.DONE: "Given",
        MarkerState.OVERDUE: f"Past due: {when}",
        MarkerState.NOT_HELD: "Not given",
        MarkerState.PLANNED: f"Planned, {when}",
    }
    lines.append(states.get(marker.state, ""))
    return tooltip_html(action.description, *lines)


def adjustment_tooltip(plan: Plan, marker: Marker, when: str) -> str:
    """An adjustment put in place, or its review: what was requested, decided, and when."""
    adjustment = plan.adjustments[marker.index // 2]
    lines = [f"{ADJUSTMENT_KINDS[marker.kind]} · {day_text(marker.date)} ({when})"]
    lines.append(adjustment_decision(adjustment.decision))
    if adjustment.requested_by or adjustment.requested_on:
        by = f" by {shorten(adjustment.requested_by, 48)}" if adjustment.requested_by else ""
        on = f" on {short_date(adjustment.requested_on)}" if adjustment.requested_on else ""
        lines.append(f"Requested{by}{on}")
    if adjustment.offered:
        lines.append(f"Offered: {shorten(' '.join(adjustment.offered.split()), 80)}")
    return tooltip_html(shorten(marker.title, 80), *lines)


def timeline_description(
    markers: Sequence[Marker], selected: Marker | None, today: dt.date, pauses: Sequence[PausedSpan] = ()
) -> str:
    """What the timeline shows, for a screen reader: the selected marker, then the schedule in brief, and
    the pauses.

    ``Selected: Weekly check-in 3, Mon 9 Nov 2026, held. 12 milestones, 8 held, next: Weekly check-in 9 on
    Mon 30 Nov 2026. Paused from 24 Nov 2026 to 8 Dec 2026 (14 days): sickness absence.``
    """
    schedule = [marker for marker in markers if marker.lane is Lane.SCHEDULE]
    held = sum(marker.state is MarkerState.DONE for marker in schedule)
    ahead = [m for m in schedule if m.date >= today and m.state is not MarkerState.DONE]
    upcoming = min(ahead, key=lambda marker: marker.date) if ahead else None
    summary = f"{count(len(schedule), 'milestone')}, {held} held"
    summary += f", next: {upcoming.title} on {day_text(upcoming.date)}." if upcoming else ", none ahead."
    summary = " ".join([summary, *(span.description for span in pauses)])
    if selected is None:
        return f"{NOTHING_SELECTED} {summary}"
    return f"Selected: {marker_announcement(selected)}. {summary}"


#: What a screen reader hears of the timeline while no marker is selected.
NOTHING_SELECTED = "No milestone selected. Press → or Home to select the first, Enter to open it."


def marker_announcement(marker: Marker | None) -> str:
    """The selected marker as a screen reader says it: ``Weekly check-in 9, Mon 30 Nov 2026, planned``."""
    if marker is None:
        return NOTHING_SELECTED
    when = day_text(marker.date)
    if marker.lane is Lane.SCHEDULE:
        return f"{marker.title}, {when}, {_spoken(marker.state, 'held')}"
    if marker.lane is Lane.CHECKINS:
        return f"{marker.title} held, {when}, overall: {rating(marker.rating)}"
    if marker.lane is Lane.OBJECTIVES:
        return f"Objective due: {marker.title}, {when}"
    if marker.lane is Lane.ADJUSTMENTS:
        return f"{ADJUSTMENT_KINDS[marker.kind]}: {marker.title}, {when}"
    return f"Support due: {marker.title}, {when}, {_spoken(marker.state, 'given')}"


def _spoken(state: MarkerState, done: str) -> str:
    """A marker's state in a word or two: ``done`` is "held" for a milestone, "given" for support."""
    return done if state is MarkerState.DONE else state.value.replace("_", " ").replace("held", done)
