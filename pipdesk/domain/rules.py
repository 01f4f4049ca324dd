"""The rules every plan keeps (plan format v2), checked all at once and reported with paths."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pipdesk.domain.limits import limit_problems
from pipdesk.domain.model import AdjustmentDecision, Plan, ResponseTo, Status
from pipdesk.domain.problems import PathPart, Problem

Path = tuple[PathPart, ...]


def plan_problems(plan: Plan) -> list[Problem]:
    """Every rule the plan breaks, in document order; an empty list means the plan is sound."""
    return list(_problems(plan, ("plan",)))


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _inside(day: dt.date, plan: Plan) -> bool:
    return plan.start_date <= day <= plan.end_date


def _period(plan: Plan) -> str:
    return f"{plan.start_date.isoformat()} to {plan.end_date.isoformat()}"


def _problems(plan: Plan, at: Path) -> Iterator[Problem]:
    yield from limit_problems(plan, at)
    if _blank(plan.title):
        yield Problem((*at, "title"), "The plan needs a title")
    for role, label in (("employee", "Employee"), ("manager", "Manager"), ("hr_partner", "HR partner")):
        person = getattr(plan, role)
        if person is not None and _blank(person.name):
            yield Problem((*at, role, "name"), f"{label} name is required")

    period_ok = plan.end_date > plan.start_date
    if plan.end_date < plan.start_date:
        yield Problem(
            (*at, "end_date"),
            f"End date {plan.end_date.isoformat()} is before start date {plan.start_date.isoformat()}",
        )
    elif plan.end_date == plan.start_date:
        yield Problem(
            (*at, "end_date"),
            f"End date {plan.end_date.isoformat()} is the same as the start date; a plan needs a period",
        )

    yield from _key_problems(plan, at)
    yield from _objective_problems(plan, at, period_ok)

    for i, action in enumerate(plan.support):
        if _blank(action.description):
            yield Problem((*at, "support", i, "description"), "Each support action needs a description")

    for i, milestone in enumerate(plan.milestones):
        if _blank(milestone.title):
            yield Problem((*at, "milestones", i, "title"), "Each milestone needs a title")
        if period_ok and not _inside(milestone.date, plan):
            yield Problem(
                (*at, "milestones", i, "date"),
                f"Milestone date {milestone.date.isoformat()} is outside the plan period {_period(plan)}",
            )

    objective_keys = {o.key for o in plan.objectives}
    for i, checkin in enumerate(plan.checkins):
        if period_ok and not _inside(checkin.date, plan):
            yield Problem(
                (*at, "checkins", i, "date"),
                f"Check-in date {checkin.date.isoformat()} is outside the plan period {_period(plan)}",
            )
        seen: set[str] = set()
        for j, progress in enumerate(checkin.progress):
            where = (*at, "checkins", i, "progress", j, "objective")
            if progress.objective not in objective_keys:
                yield Problem(where, f"Progress names objective {progress.objective!r}, which the plan does not have")
            elif progress.objective in seen:
                yield Problem(where, f"Objective {progress.objective!r} has progress recorded twice in this check-in")
            seen.add(progress.objective)

    for i, revision in enumerate(plan.revisions):
        if _blank(revision.reason):
            yield Problem((*at, "revisions", i, "reason"), "Each revision needs a reason")

    if plan.status is Status.CLOSED and plan.outcome is None:
        yield Problem((*at, "outcome"), "A closed plan needs an outcome")
    elif plan.status is not Status.CLOSED and plan.outcome is not None:
        yield Problem((*at, "outcome"), f"Only a closed plan may have an outcome; this plan is {plan.status.value}")
    yield from _fair_process_problems(plan, at, period_ok)
    if plan.outcome is not None:
        seen = set()
        for i, result in enumerate(plan.outcome.results):
            where = (*at, "outcome", "results", i, "objective")
            if result.objective not in objective_keys:
                yield Problem(where, f"The outcome names objective {result.objective!r}, which the plan does not have")
            elif result.objective in seen:
                yield Problem(where, f"Objective {result.objective!r} has two results in the outcome")
            seen.add(result.objective)


def _not_before(later: dt.date | None, earlier: dt.date | None, where: Path, what: str, than: str) -> Iterator[Problem]:
    if later is not None and earlier is not None and later < earlier:
        yield Problem(where, f"{what} {later.isoformat()} is before {than} {earlier.isoformat()}")


def _fair_process_problems(plan: Plan, at: Path, period_ok: bool) -> Iterator[Problem]:
    """The rules of what format 2 added: adjustments, pauses, acknowledgements, responses, HR review, appeal."""
    for i, adjustment in enumerate(plan.adjustments):
        here = (*at, "adjustments", i)
        if _blank(adjustment.requested):
            yield Problem((*here, "requested"), "Each adjustment needs what was requested")
        if adjustment.decision is AdjustmentDecision.REFUSED:
            if _blank(adjustment.reason):
                yield Problem((*here, "reason"), "A refused adjustment needs the reason it was refused")
            if adjustment.in_place_on is not None:
                yield Problem((*here, "in_place_on"), "A refused adjustment cannot have been put in place")
        elif adjustment.decision is None and adjustment.in_place_on is not None:
            yield Problem(
                (*here, "decision"), "An adjustment put in place needs its decision: agreed or an alternative"
            )
        yield from _not_before(
            adjustment.decided_on, adjustment.requested_on, (*here, "decided_on"), "Decided on", "the request on"
        )
        yield from _not_before(
            adjustment.in_place_on, adjustment.requested_on, (*here, "in_place_on"), "Put in place on", "the request on"
        )
        yield from _not_before(
            adjustment.review_on,
            adjustment.in_place_on or adjustment.requested_on,
            (*here, "review_on"),
            "Review date",
            "the date put in place" if adjustment.in_place_on else "the request on",
        )

    previous_end: dt.date | None = None
    for i, pause in enumerate(plan.pauses):
        here = (*at, "pauses", i)
        if _blank(pause.reason):
            yield Problem((*here, "reason"), "Each pause needs its reason")
        if pause.paused_on < plan.start_date or (period_ok and pause.paused_on > plan.end_date):
            yield Problem(
                (*here, "paused_on"),
                f"Paused on {pause.paused_on.isoformat()} is outside the plan period {_period(plan)}",
            )
        if pause.resumed_on is not None and pause.resumed_on <= pause.paused_on:
            yield Problem(
                (*here, "resumed_on"),
                f"Resumed on {pause.resumed_on.isoformat()} is not after paused on {pause.paused_on.isoformat()}",
            )
        if pause.resumed_on is None and i < len(plan.pauses) - 1:
            yield Problem(
                (*here, "resumed_on"), "Only the last pause may still be running; this one needs its resume date"
            )
        if previous_end is not None and pause.paused_on < previous_end:
            yield Problem(
                (*here, "paused_on"),
                f"Paused on {pause.paused_on.isoformat()} is before the pause before it ended, "
                f"on {previous_end.isoformat()}",
            )
        previous_end = pause.resumed_on or pause.paused_on
    if plan.paused and plan.status not in (Status.ACTIVE, Status.EXTENDED):
        yield Problem(
            (*at, "pauses", len(plan.pauses) - 1, "resumed_on"),
            f"Only a running plan may be paused; this plan is {plan.status.value}, so the pause needs its resume date",
        )

    first = plan.acknowledgement
    if plan.reacknowledgements and first is None:
        yield Problem((*at, "reacknowledgements"), "A re-acknowledgement needs the first acknowledgement of the plan")
    before = first.on if first is not None else None
    for i, ack in enumerate(plan.reacknowledgements):
        yield from _not_before(
            ack.on, before, (*at, "reacknowledgements", i, "on"), "Re-acknowledged on", "the one before on"
        )
        before = ack.on

    for i, response in enumerate(plan.responses):
        here = (*at, "responses", i)
        if _blank(response.text):
            yield Problem((*here, "text"), "A response needs its text")
        if response.to is ResponseTo.PLAN:
            if first is None:
                yield Problem((*here, "to"), "A response to the plan needs the plan's acknowledgement recorded first")
            else:
                yield from _not_before(
                    response.on, first.on, (*here, "on"), "The response on", "the acknowledgement on"
                )
        elif plan.outcome is None:
            yield Problem((*here, "to"), "A response to the outcome needs the plan closed with an outcome")
        else:
            yield from _not_before(
                response.on, plan.outcome.decided_on, (*here, "on"), "The response on", "the decision on"
            )

    review = plan.hr_review
    if review is not None:
        here = (*at, "hr_review")
        yield from _not_before(review.reviewed_on, review.sent_on, (*here, "reviewed_on"), "Reviewed on", "sent on")
        if review.reviewed_on is not None and _blank(review.reviewed_by):
            yield Problem((*here, "reviewed_by"), "A review needs the name of who reviewed the plan")

    if plan.outcome is not None and plan.outcome.acknowledgement is not None:
        yield from _not_before(
            plan.outcome.acknowledgement.on,
            plan.outcome.decided_on,
            (*at, "outcome", "acknowledgement", "on"),
            "The outcome acknowledged on",
            "the decision on",
        )

    appeal = plan.appeal
    if appeal is not None:
        here = (*at, "appeal")
        if plan.status is not Status.CLOSED:
            yield Problem(here, f"Only a closed plan may be appealed; this plan is {plan.status.value}")
        elif plan.outcome is not None:
            yield from _not_before(
                appeal.lodged_on, plan.outcome.decided_on, (*here, "lodged_on"), "Lodged on", "the decision on"
            )
        yield from _not_before(appeal.heard_on, appeal.lodged_on, (*here, "heard_on"), "Heard on", "lodged on")
        if appeal.result is not None and appeal.heard_on is None:
            yield Problem((*here, "heard_on"), "An appeal with a result needs the date it was heard")


def _key_problems(plan: Plan, at: Path) -> Iterator[Problem]:
    # Keys are unique among the concerns and among the objectives; a concern and the objective
    # answering it may share one (the sample plan "beth-communication-closed" does).
    lists = (
        ("concerns", [c.key for c in plan.concerns], "concern"),
        ("objectives", [o.key for o in plan.objectives], "objective"),
    )
    for list_name, keys, noun in lists:
        first_use: dict[str, int] = {}
        for i, key in enumerate(keys):
            where = (*at, list_name, i, "key")
            if _blank(key):
                yield Problem(where, f"Each {noun} needs a key")
            elif key in first_use:
                yield Problem(where, f"Key {key!r} is already used by {noun} {first_use[key] + 1}")
            else:
                first_use[key] = i
    for i, concern in enumerate(plan.concerns):
        if _blank(concern.area):
            yield Problem((*at, "concerns", i, "area"), "Each concern needs an area")


def _objective_problems(plan: Plan, at: Path, period_ok: bool) -> Iterator[Problem]:
    concern_keys = {c.key for c in plan.concerns}
    must_be_complete = plan.status is not Status.DRAFT
    for i, objective in enumerate(plan.objectives):
        here = (*at, "objectives", i)
        if _blank(objective.title):
            yield Problem((*here, "title"), "Each objective needs a title")
        if objective.concern is not None and objective.concern not in concern_keys:
            yield Problem(
                (*here, "concern"), f"The objective answers concern {objective.concern!r}, which the plan does not have"
            )
        if objective.baseline is not None and objective.target is not None and objective.baseline == objective.target:
            yield Problem(
                (*here, "target"),
                f"Target equals baseline ({objective.baseline:g}); an objective must aim to change its measure",
            )
        if must_be_complete:
            missing = [
                name
                for name, absent in (
                    ("metric", _blank(objective.metric)),
                    ("baseline", objective.baseline is None),
                    ("target", objective.target is None),
                    ("due_date", objective.due_date is None),
                )
                if absent
            ]
            for name in missing:
                label = name.replace("_", " ").capitalize()
                yield Problem((*here, name), f"{label} is required once a plan is {plan.status.value}")
        due = objective.due_date
        if must_be_complete and period_ok and due is not None and not _inside(due, plan):
            yield Problem((*here, "due_date"), f"Due date {due.isoformat()} is outside the plan period {_period(plan)}")


#: A check-in may be corrected without a reason for this many days after it was held.
AMEND_FREELY_DAYS = 7

_REASON_KEPT = "a change asks why, and the plan's history keeps it"


def amendment_reason_needed(plan: Plan, index: int, today: dt.date) -> str | None:
    """Why amending ``plan.checkins[index]`` needs a reason, or None when it may be corrected freely.

    Evidence written at the time stays as written: a check-in more than a week old, or one on an
    issued plan with a later check-in after it, is changed only with a reason kept in the history.
    """
    checkin = plan.checkins[index]
    if (today - checkin.date).days > AMEND_FREELY_DAYS:
        return f"This check-in is more than {AMEND_FREELY_DAYS} days old: {_REASON_KEPT}."
    if plan.status is not Status.DRAFT and any(other.date > checkin.date for other in plan.checkins):
        return f"A later check-in is logged on this issued plan: {_REASON_KEPT}."
    return None
