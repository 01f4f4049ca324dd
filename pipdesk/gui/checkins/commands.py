"""The check-in commands: log, amend and delete a check-in, each one undoable step.

Plain functions over a plan session, a prompter and today's date; the check-in log calls them and
the form only collects the answers. What was recorded stays recorded: a check-in older than a week,
or on an issued plan any check-in a later one follows, is amended only with a reason, and every
changed field is kept in the plan's history; deleting one from an issued plan also asks why. A
closed plan's check-ins are read only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from pipdesk.domain import Checkin, CheckinKind, Plan, Progress, Rating, vocabulary
from pipdesk.domain.model import compact_number
from pipdesk.domain.progress import overall_rating
from pipdesk.domain.rules import amendment_reason_needed, plan_problems
from pipdesk.domain.schedule import mark_done_for_checkin, unmark_for_deleted_checkin
from pipdesk.gui.checkins.companions import attendance_text, offered_text
from pipdesk.gui.checkins.models import TEXT_FIELDS, one_line_summary
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.reason import ask_reason, change_with_reason
from pipdesk.gui.common.session import PlanSession

if TYPE_CHECKING:
    from pipdesk.gui.checkins.form_dialog import CheckinFormDialog


@dataclass(frozen=True)
class FieldChange:
    """One field of a check-in changed by an amendment, worded for the plan's history."""

    field: str
    label: str
    old: str | None
    new: str | None


def checkin_changes(old: Checkin, new: Checkin, plan: Plan) -> list[FieldChange]:
    """The fields an amendment changes, named ``checkins.<date>.<field>`` as the plan's history keeps them."""
    prefix = f"checkins.{old.date.isoformat()}"
    changes: list[FieldChange] = []

    def compare(field: str, label: str, before: str | None, after: str | None) -> None:
        if (before or None) != (after or None):
            changes.append(FieldChange(f"{prefix}.{field}", label, before or None, after or None))

    compare("date", "Date", old.date.isoformat(), new.date.isoformat())
    compare("kind", "Kind", vocabulary.checkin_kind(old.kind), vocabulary.checkin_kind(new.kind))
    for name, label in TEXT_FIELDS:
        compare(name, label, getattr(old, name), getattr(new, name))
    compare("formal", "Formal meeting", _yes_no(old.is_formal), _yes_no(new.is_formal))
    compare(
        "companion_offered",
        "Right to be accompanied offered",
        offered_text(old.companion_offered) if old.is_formal else None,
        offered_text(new.companion_offered) if new.is_formal else None,
    )
    compare("attendance", "Attendance", attendance_text(old.attendance), attendance_text(new.attendance))
    before = {p.objective: p for p in old.progress}
    after = {p.objective: p for p in new.progress}
    for objective in plan.objectives:
        was, now = before.get(objective.key), after.get(objective.key)
        field = f"progress.{objective.key}"
        compare(f"{field}.value", f"{objective.title} › Measured", _value_text(was), _value_text(now))
        compare(f"{field}.rating", f"{objective.title} › Rating", _rating_text(was), _rating_text(now))
        compare(
            f"{field}.comment",
            f"{objective.title} › Comment",
            was.comment if was else None,
            now.comment if now else None,
        )
    return changes


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def _value_text(progress: Progress | None) -> str | None:
    return str(compact_number(progress.value)) if progress is not None and progress.value is not None else None


def _rating_text(progress: Progress | None) -> str | None:
    return progress.rating.label if progress is not None and progress.rating is not None else None


def short(text: str | None, limit: int = 70) -> str:
    """``text`` on one line of at most ``limit`` characters, for a reason dialog."""
    if not text:
        return "(empty)"
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def describe(heading: str, changes: list[FieldChange], shown: int = 6) -> str:
    """What an amendment changes, a line a field (the first ``shown`` of them), under ``heading``."""
    lines = [heading] + [f"• {c.label}: {short(c.old)} → {short(c.new)}" for c in changes[:shown]]
    if len(changes) > shown:
        lines.append(f"… and {len(changes) - shown} more changes")
    return "\n".join(lines)


def _by_date(plan: Plan) -> None:
    plan.checkins.sort(key=lambda c: c.date)  # stable: a second check-in on a day stays after the first


def writable(session: PlanSession, prompter: Prompts) -> bool:
    """Whether the plan's check-ins may change; a closed plan's may not, and the person is told so."""
    if session.closed:
        prompter.info("The plan is closed", "A closed plan's check-ins can be read, not changed.")
        return False
    return True


# Logging


def new_checkin(
    session: PlanSession, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None = None
) -> Checkin | None:
    """Log a check-in through the form; it also marks the scheduled meeting it fulfils as held.

    Returns the check-in logged, or None when nothing was.
    """
    if not writable(session, prompter):
        return None
    from pipdesk.gui.checkins.form_dialog import CheckinFormDialog  # loads on first use, not at start-up

    checkin = _filled_in(prompter, CheckinFormDialog(session.plan, today(), parent=parent))
    return checkin if checkin is not None and log_checkin(session, prompter, checkin) else None


def log_checkin(session: PlanSession, prompter: Prompts, checkin: Checkin) -> bool:
    """Add ``checkin`` to the plan in date order, marking the meeting it fulfils as held; true when saved."""

    def log(plan: Plan) -> None:
        plan.checkins.append(checkin.model_copy(deep=True))
        _by_date(plan)
        plan.milestones = mark_done_for_checkin(plan.milestones, checkin.date, checkin.kind, plan.checkin_every_days)

    problems = session.change(f"Log the check-in of {checkin.date.isoformat()}", log)
    if problems:
        prompter.warning("The check-in was not saved", "\n".join(p.message for p in problems))
        return False
    suggestion = evaluation_suggestion(session.plan, checkin)
    if suggestion is not None:
        prompter.info("The plan is not on track at its mid-point", suggestion)
    return True


_BEHIND = (Rating.AT_RISK, Rating.OFF_TRACK)


def evaluation_suggestion(plan: Plan, checkin: Checkin) -> str | None:
    """After a mid-plan evaluation rated at risk or off track: the objectives behind, and what to weigh.

    None for any other check-in, or an evaluation on track: nothing to suggest then.
    """
    if checkin.kind is not CheckinKind.MIDPOINT or overall_rating(checkin) not in _BEHIND:
        return None
    ratings = {p.objective: p.rating for p in checkin.progress}
    behind = [
        f"• Objective {number} “{objective.title}”: {vocabulary.rating(ratings[objective.key]).lower()}"
        for number, objective in enumerate(plan.objectives, start=1)
        if ratings.get(objective.key) in _BEHIND
    ]
    return "\n".join(
        [
            "The mid-plan evaluation finds these objectives behind:",
            *behind,
            "",
            "Consider with the employee whether the support should change (more coaching, training or "
            "time: Support and resources on the Plan tab), or whether to extend the plan (Plan › Extend…).",
        ]
    )


def _filled_in(prompter: Prompts, dialog: CheckinFormDialog) -> Checkin | None:
    """The check-in as the form holds it once the person saves it; None when they cancel."""
    try:
        return dialog.checkin() if prompter.run_dialog(dialog) else None
    finally:
        dialog.deleteLater()


# Amending


def amend_checkin(
    session: PlanSession, prompter: Prompts, today: Callable[[], dt.date], index: int, parent: QWidget | None = None
) -> Checkin | None:
    """Change the plan's check-in number ``index`` through the form; returns it as amended, or None."""
    if not writable(session, prompter):
        return None
    from pipdesk.gui.checkins.form_dialog import CheckinFormDialog

    plan = session.plan
    why = amendment_reason_needed(plan, index, today())
    new = _filled_in(prompter, CheckinFormDialog(plan, today(), index, amend_note=why or "", parent=parent))
    return new if new is not None and apply_amendment(session, prompter, index, new, why is not None, parent) else None


def apply_amendment(
    session: PlanSession, prompter: Prompts, index: int, new: Checkin, with_reason: bool, parent: QWidget | None = None
) -> bool:
    """Replace check-in number ``index`` by ``new``; true when the plan changed.

    ``with_reason``: ask why first, and keep one revision per changed field, all in one undo step.
    """
    plan = session.plan
    old = plan.checkins[index]
    changes = checkin_changes(old, new, plan)
    if not changes:
        return False

    def replace(edited: Plan) -> None:
        edited.checkins[index] = new.model_copy(deep=True)
        _by_date(edited)

    text = f"Amend the check-in of {old.date.isoformat()}"
    candidate = plan.model_copy(deep=True)
    replace(candidate)
    problems = [p.message for p in plan_problems(candidate)]
    if problems:
        prompter.warning("The check-in was not changed", "\n".join(problems))
        return False
    if not with_reason:
        session.change(text, replace)
        return True
    reason = ask_reason(prompter, describe(f"The check-in of {old.date.isoformat()}:", changes), parent)
    if reason is None:
        return False
    # One undo step, one revision per changed field (each with the session's own timestamp).
    session.undo_stack.beginMacro(text)
    try:
        first = changes[0]
        session.change(text, replace, revision=(first.field, first.old, first.new, reason))
        for change in changes[1:]:
            session.change(text, lambda _plan: None, revision=(change.field, change.old, change.new, reason))
    finally:
        session.undo_stack.endMacro()
    return True


# Deleting


def delete_checkin(session: PlanSession, prompter: Prompts, index: int, parent: QWidget | None = None) -> bool:
    """Delete a check-in after confirmation; on an issued plan also ask why, for the plan's history."""
    if not writable(session, prompter):
        return False
    checkin = session.plan.checkins[index]
    day = checkin.date.isoformat()
    what = f"{vocabulary.checkin_kind(checkin.kind)} of {day}"
    if not prompter.confirm(
        "Delete check-in",
        f"Delete the {what.lower()}? Its notes and measured values leave the plan.",
        "Delete check-in",
    ):
        return False
    summary = one_line_summary(checkin)

    def delete(plan: Plan) -> None:
        deleted = plan.checkins.pop(index)
        # The meeting it recorded is not held any more, as far as the plan shows: undone again.
        plan.milestones = unmark_for_deleted_checkin(plan.milestones, deleted, plan.checkins, plan.checkin_every_days)

    problems = change_with_reason(
        session,
        prompter,
        parent,
        f"Delete the check-in of {day}",
        delete,
        field=f"checkins.{day}",
        old=f"{what}: {summary}" if summary else what,
        new=None,
        change=f"Delete the {what.lower()}: {short(summary)}",
    )
    return problems == []
