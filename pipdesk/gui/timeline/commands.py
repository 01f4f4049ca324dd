"""The milestone commands of the timeline: add, move, rename, remove and mark held, as plain functions.

The timeline's buttons, keys, drags and context menu all call these. Each asks what it needs
through the prompter (a name; on an issued plan, the reason, kept as a revision) and makes the
change as one undoable step of the plan session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from pipdesk.domain import Milestone, MilestoneKind, Plan, Problem
from pipdesk.domain.schedule import mark_held as marked_held
from pipdesk.domain.schedule import move_milestone as moved_schedule
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.reason import change_with_reason
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.timeline.texts import day_text


@dataclass(frozen=True)
class Outcome:
    """What a command did.

    ``changed`` when the plan was changed. Otherwise ``problems`` says why the change was refused,
    or is empty when there was nothing to do or the person cancelled. ``index`` is the milestone's
    place in the plan after a change.
    """

    changed: bool
    problems: list[Problem] = field(default_factory=list)
    index: int | None = None


_NOTHING = Outcome(False)


def _outcome(problems: list[Problem] | None, index: int | None) -> Outcome:
    if problems is None:  # the reason was not given
        return _NOTHING
    return Outcome(not problems, problems, index if not problems else None)


def move_milestone(
    session: PlanSession,
    prompter: Prompts,
    index: int,
    new_date: dt.date,
    *,
    merge: bool = False,
    parent: QWidget | None = None,
) -> Outcome:
    """Reschedule milestone ``index``; ``merge`` makes the moves of one milestone one undo step (Ctrl+arrows)."""
    milestone = session.plan.milestones[index]
    if new_date == milestone.date:
        return _NOTHING

    def edit(draft: Plan) -> None:
        draft.milestones = moved_schedule(draft.milestones, index, new_date, draft.start_date, draft.end_date)

    problems = change_with_reason(
        session,
        prompter,
        parent,
        f"Move {milestone.title}",
        edit,
        field=f"milestones.{milestone.title}.date",
        old=milestone.date.isoformat(),
        new=new_date.isoformat(),
        change=f"Move “{milestone.title}” from {day_text(milestone.date)} to {day_text(new_date)}.",
        merge_key=f"timeline.nudge.{index}" if merge else None,
    )
    return _outcome(problems, index)


def add_milestone(
    session: PlanSession,
    prompter: Prompts,
    today: dt.date,
    day: dt.date | None = None,
    *,
    parent: QWidget | None = None,
) -> Outcome:
    """Ask for a name and add a milestone of the plan's own on ``day`` (else today), kept within the plan."""
    if session.closed:
        return _NOTHING
    plan = session.plan
    title = prompter.ask_text("Add milestone", "Name of the new milestone:")
    if title is None or not title.strip():
        return _NOTHING
    title = title.strip()
    when = min(max(day or today, plan.start_date), plan.end_date)
    position = next((i for i, m in enumerate(plan.milestones) if m.date > when), len(plan.milestones))
    milestone = Milestone(title=title, kind=MilestoneKind.CUSTOM, date=when)

    def edit(draft: Plan) -> None:
        draft.milestones.insert(position, milestone)

    problems = change_with_reason(
        session,
        prompter,
        parent,
        "Add milestone",
        edit,
        field="milestones",
        old=None,
        new=title,
        change=f"Add the milestone “{title}” on {day_text(when)}.",
    )
    return _outcome(problems, position)


def rename_milestone(session: PlanSession, prompter: Prompts, index: int, *, parent: QWidget | None = None) -> Outcome:
    """Ask for a new name of milestone ``index``; a blank or unchanged name changes nothing."""
    if session.closed:
        return _NOTHING
    old = session.plan.milestones[index].title
    title = prompter.ask_text("Rename milestone", "New name of the milestone:", old)
    if title is None or not title.strip() or title.strip() == old:
        return _NOTHING
    title = title.strip()

    def edit(draft: Plan) -> None:
        draft.milestones[index].title = title

    problems = change_with_reason(
        session,
        prompter,
        parent,
        "Rename milestone",
        edit,
        field=f"milestones.{old}.title",
        old=old,
        new=title,
        change=f"Rename the milestone “{old}” to “{title}”.",
    )
    return _outcome(problems, index)


def remove_milestone(session: PlanSession, prompter: Prompts, index: int, *, parent: QWidget | None = None) -> Outcome:
    """Remove milestone ``index`` from the schedule."""
    if session.closed:
        return _NOTHING
    milestone = session.plan.milestones[index]

    def edit(draft: Plan) -> None:
        del draft.milestones[index]

    problems = change_with_reason(
        session,
        prompter,
        parent,
        "Remove milestone",
        edit,
        field="milestones",
        old=milestone.title,
        new=None,
        change=f"Remove the milestone “{milestone.title}” of {day_text(milestone.date)}.",
    )
    return _outcome(problems, None)


def mark_held(
    session: PlanSession, prompter: Prompts, index: int, held: bool, *, parent: QWidget | None = None
) -> Outcome:
    """Mark milestone ``index`` held (or not held) by hand: a meeting logged nowhere else, or marked by mistake."""
    if session.closed:
        return _NOTHING
    milestone = session.plan.milestones[index]
    if milestone.done == held:
        return _NOTHING
    words = {True: "Held", False: "Not held"}

    def edit(draft: Plan) -> None:
        draft.milestones = marked_held(draft.milestones, index, held)

    problems = change_with_reason(
        session,
        prompter,
        parent,
        "Mark as held" if held else "Mark as not held",
        edit,
        field=f"milestones.{milestone.title}.done",
        old=words[milestone.done],
        new=words[held],
        change=f"Mark “{milestone.title}” of {day_text(milestone.date)} as {words[held].lower()}.",
    )
    return _outcome(problems, index)
