"""Closing a plan: suggested results and decision, and a check that the plan was run fairly.

Suggestions only; the manager decides. The rules:

- An objective is **met** when each of its last N measured values reached the target (values past it
  count): improvement must be sustained, not a single good week. N is the manager's choice in
  Preferences (``DEFAULT_SUSTAINED``, 2, by default), passed in by the caller. When one of the last N
  values (or the only ones measured, fewer than N) reached the target but not all, it is **met once,
  not yet sustained**, and suggested as **partially met**. Otherwise it is **partially met** when the
  last value moved at least half of the way from the baseline toward the target (``PARTIAL_SHARE``;
  a small move is within ordinary week-to-week noise and is not an achievement), and **not met**
  otherwise. No measurement, no suggestion.
- The fairness check counts support delivered and check-ins held, and adds the record of the fair
  process (:mod:`pipdesk.domain.fair_process`): its lines and its gaps. Gaps never block closing.
- The decision is judged per dimension (technical, behavioral; objectives without a category form
  their own group): a dimension is successful when all its objectives are met, insufficient when
  none is met or partially met, partial otherwise. The plan is **successful** only when every
  dimension is, **insufficient** when every dimension is, and **partial** otherwise. No suggestion
  until every objective has a result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipdesk.domain import fair_process, vocabulary
from pipdesk.domain.defaults import DEFAULT_SUSTAINED as DEFAULT_SUSTAINED
from pipdesk.domain.fair_process import (
    ACKNOWLEDGEMENT,
    Line,
    acknowledgement_line,
    fair_process_gaps,
    fair_process_lines,
)
from pipdesk.domain.kinds import Decision, ObjectiveCategory, ResponseTo, Result
from pipdesk.domain.progress import (
    Point,
    held_meeting_days,
    reaches_target,
    scheduled_meeting_days,
    series,
    share_of_the_way,
)

if TYPE_CHECKING:
    from pipdesk.domain.model import Acknowledgement, Objective, Outcome, Plan


#: The words that begin the explanation of an objective met once but not yet at N measured check-ins in a row.
MET_ONCE = "Met once, not yet sustained"

#: Share of the way from baseline to target that makes an objective "partially met".
PARTIAL_SHARE = 0.5

_TOLERANCE = 1e-9

NO_GAPS = "No gaps found."
DIMENSIONS: tuple[tuple[ObjectiveCategory | None, str], ...] = (
    (ObjectiveCategory.TECHNICAL, "Technical"),
    (ObjectiveCategory.BEHAVIORAL, "Behavioral"),
    (None, "Without a kind"),
)
BOTH_DIMENSIONS = (
    "Both dimensions must hold for a full success: the plan is successful only when the technical "
    "and the behavioral objectives are all met."
)


@dataclass(frozen=True)
class FairnessCheck:
    """Did the plan give the employee what it promised? Gaps are reported, they do not block closing."""

    support_promised: int
    support_delivered: int
    undelivered_support: list[str]
    checkins_scheduled: int
    checkins_held: int
    acknowledgement_recorded: bool
    acknowledgement_refused: bool
    refusal_witnessed: bool
    gaps: list[str]
    #: The record of the fair process, one line each (HR review, acknowledgement, adjustments, ...).
    process: list[Line]

    @property
    def has_gaps(self) -> bool:
        return bool(self.gaps)


def suggest_result(objective: Objective, points: Sequence[Point], sustained: int = DEFAULT_SUSTAINED) -> Result | None:
    """The result the last ``sustained`` measured values suggest; ``None`` with no measurement or no target."""
    if not points or objective.direction is None:
        return None
    last = points[-1][1]
    reached = times_reached(objective, points, sustained)
    if reached == sustained:
        return Result.MET
    if reached:
        return Result.PARTIALLY_MET  # met once, not yet sustained
    share = share_of_the_way(objective, last)
    if share is not None and share >= PARTIAL_SHARE - _TOLERANCE:
        return Result.PARTIALLY_MET
    return Result.NOT_MET


def times_reached(objective: Objective, points: Sequence[Point], sustained: int) -> int:
    """How many of the last ``sustained`` measured values reached the target."""
    return sum(1 for _day, value in points[-max(1, sustained) :] if reaches_target(objective, value))


def dimension_decisions(
    results: Mapping[str, Result | None], objectives: Sequence[Objective]
) -> dict[ObjectiveCategory | None, Decision] | None:
    """The decision each dimension (technical, behavioral, uncategorised) suggests on its own.

    ``None`` when there is no objective or any objective has no result yet.
    """
    groups: dict[ObjectiveCategory | None, list[Result]] = {}
    for objective in objectives:
        result = results.get(objective.key)
        if result is None:
            return None
        groups.setdefault(objective.category, []).append(result)
    if not groups:
        return None
    return {category: _decision(group) for category, group in groups.items()}


def suggest_decision(results: Mapping[str, Result | None], objectives: Sequence[Objective]) -> Decision | None:
    """Successful when every dimension holds, insufficient when none moved, partial otherwise."""
    by_dimension = dimension_decisions(results, objectives)
    if by_dimension is None:
        return None
    decisions = set(by_dimension.values())
    if decisions == {Decision.SUCCESSFUL}:
        return Decision.SUCCESSFUL
    if decisions == {Decision.INSUFFICIENT}:
        return Decision.INSUFFICIENT
    return Decision.PARTIAL


def _decision(results: Sequence[Result]) -> Decision:
    if all(r is Result.MET for r in results):
        return Decision.SUCCESSFUL
    if all(r is Result.NOT_MET for r in results):
        return Decision.INSUFFICIENT
    return Decision.PARTIAL


def fairness_check(plan: Plan, today: dt.date) -> FairnessCheck:
    """Support promised against delivered, check-ins scheduled against held, the acknowledgement."""
    until = min(today, plan.end_date)
    undelivered = [action.description for action in plan.support if not action.done]
    scheduled = len(scheduled_meeting_days(plan, until))
    held = len(held_meeting_days(plan, until))
    ack = plan.acknowledgement
    refused = ack is not None and ack.refused
    witnessed = refused and ack is not None and bool((ack.witness or "").strip())

    gaps: list[str] = []
    if undelivered:
        gaps.append(
            f"{_count(len(undelivered), len(plan.support), 'support action')} "
            f"{_was(len(undelivered))} not delivered: {'; '.join(undelivered)}."
        )
    if held < scheduled:
        missed = scheduled - held
        gaps.append(
            f"{_count(missed, scheduled, 'check-in')} scheduled up to {until.isoformat()} {_was(missed)} not held."
        )
    if ack is None:
        gaps.append("The employee's acknowledgement of the plan is not recorded.")
    elif refused and not witnessed:
        gaps.append("The employee refused to sign the plan, and no witness to the refusal is recorded.")

    return FairnessCheck(
        support_promised=len(plan.support),
        support_delivered=len(plan.support) - len(undelivered),
        undelivered_support=undelivered,
        checkins_scheduled=scheduled,
        checkins_held=held,
        acknowledgement_recorded=ack is not None,
        acknowledgement_refused=refused,
        refusal_witnessed=witnessed,
        gaps=gaps + fair_process_gaps(plan),
        process=fair_process_lines(plan, today),
    )


def _count(part: int, whole: int, noun: str) -> str:
    """``2 of 4 support actions``, ``1 of 1 support action``."""
    return f"{part} of {vocabulary.count(whole, noun)}"


def _was(count: int) -> str:
    return vocabulary.agreeing(count, "was", "were")


# What the evidence says, as the close dialog and the Outcome view show it


@dataclass(frozen=True)
class ObjectiveEvidence:
    """An objective, its measured values and the result the last ``sustained`` of them suggest."""

    objective: Objective
    last: Point | None
    suggested: Result | None
    points: tuple[Point, ...] = ()
    sustained: int = DEFAULT_SUSTAINED

    @property
    def met_once(self) -> bool:
        """The target was reached at one or more of the last measured check-ins, but not at N in a row."""
        return 0 < times_reached(self.objective, self.points, self.sustained) < self.sustained

    @property
    def baseline(self) -> str:
        return vocabulary.quantity(self.objective.baseline, self.objective.unit)

    @property
    def target(self) -> str:
        return vocabulary.quantity(self.objective.target, self.objective.unit)

    @property
    def last_measured(self) -> str:
        if self.last is None:
            return "Not measured"
        return f"{vocabulary.quantity(self.last[1], self.objective.unit)} on {vocabulary.short_date(self.last[0])}"

    @property
    def why(self) -> str:
        """Why the evidence suggests what it does, in a few words."""
        if self.last is None:
            return "No value measured yet"
        if self.met_once:
            return f"{MET_ONCE}: {self._reached_text()}"
        if self.suggested is Result.MET:
            if self.sustained == 1:
                return "The target was reached"
            return f"The target was reached at each of the last {self.sustained} measured check-ins"
        share = share_of_the_way(self.objective, self.last[1])
        if share is None:
            return "No baseline and target to judge against"
        return f"{vocabulary.percent(share * 100)} of the way from the baseline to the target"

    def _reached_text(self) -> str:
        recent = self.points[-self.sustained :]
        reached = times_reached(self.objective, self.points, self.sustained)
        where = (
            "at the only measured check-in"
            if len(recent) == 1
            else f"at {reached} of the {'last ' if len(self.points) > len(recent) else ''}"
            f"{len(recent)} measured check-ins"
        )
        return f"the target was reached {where}; it must be reached at {self.sustained} in a row"


def evidence(plan: Plan, sustained: int = DEFAULT_SUSTAINED) -> list[ObjectiveEvidence]:
    """Every objective of the plan with its measured values and suggested result, in plan order."""
    found = []
    for objective in plan.objectives:
        points = series(plan, objective.key)
        found.append(
            ObjectiveEvidence(
                objective,
                points[-1] if points else None,
                suggest_result(objective, points, sustained),
                tuple(points),
                sustained,
            )
        )
    return found


def dimension_text(results: Mapping[str, Result | None], objectives: Sequence[Objective]) -> str:
    """``Technical: successful. Behavioral: partially successful.``; empty until every result is known."""
    by_dimension = dimension_decisions(results, objectives)
    if by_dimension is None:
        return ""
    parts = [
        f"{name}: {vocabulary.decision(by_dimension[category]).lower()}."
        for category, name in DIMENSIONS
        if category in by_dimension
    ]
    return " ".join(parts)


def acknowledgement_text(ack: Acknowledgement | None) -> str:
    if ack is None:
        return "Not recorded."
    if ack.refused:
        witness = ack.witness.strip() if ack.witness and ack.witness.strip() else "no witness recorded"
        return f"Declined to sign on {vocabulary.short_date(ack.on)} (witness: {witness})."
    return f"Signed for receipt on {vocabulary.short_date(ack.on)}."


def fairness_lines(check: FairnessCheck, plan: Plan, until: dt.date) -> tuple[str, str, str]:
    """Support, check-ins and acknowledgement, one line each, as the manager reads them."""
    support = f"{check.support_delivered} of {check.support_promised} support actions delivered."
    if check.undelivered_support:
        support += " Not delivered: " + "; ".join(check.undelivered_support) + "."
    up_to = vocabulary.short_date(min(until, plan.end_date))
    if check.checkins_held > check.checkins_scheduled:  # more held than the schedule asked: never "4 of 3"
        checkins = (
            f"{vocabulary.count(check.checkins_held, 'check-in')} held, "
            f"{check.checkins_scheduled} scheduled, up to {up_to}."
        )
    else:
        checkins = f"{check.checkins_held} of {check.checkins_scheduled} scheduled check-ins held up to {up_to}."
    return support, checkins, acknowledgement_line(plan)


def process_lines(check: FairnessCheck) -> list[Line]:
    """The fair-process lines shown under support, check-ins and acknowledgement (that one is already said)."""
    return [line for line in check.process if line.label != ACKNOWLEDGEMENT]


def gaps_text(check: FairnessCheck) -> str:
    return " ".join(check.gaps) if check.gaps else NO_GAPS


def _in_a_sentence(label: str) -> str:
    """A label as it reads inside a sentence: its first letter small, a name in it as written ("with HR")."""
    return label[:1].lower() + label[1:]


def outcome_line(outcome: Outcome) -> str:
    """The whole outcome on one line, for the revision that keeps it when a closed plan is reopened."""
    parts = [
        vocabulary.DECISIONS[outcome.decision] if outcome.decision else "No decision",
        f"decided on {outcome.decided_on.isoformat()}" if outcome.decided_on else "no decision date",
        f"follow-up: {_in_a_sentence(vocabulary.FOLLOW_UPS[outcome.follow_up])}"
        if outcome.follow_up
        else "no follow-up",
    ]
    if outcome.results:
        results = ", ".join(
            f"{r.objective} {vocabulary.RESULTS[r.result].lower() if r.result else 'not assessed'}"
            for r in outcome.results
        )
        parts.append(f"results: {results}")
    if outcome.summary.strip():
        parts.append(f"summary: {' '.join(outcome.summary.split())}")
    return "; ".join(parts)


def set_aside_outcome(plan: Plan, reason: str, at: dt.datetime) -> None:
    """Take the outcome off a plan being reopened (in place), with what answered it: the appeal and the
    employee's responses to the outcome. Each is kept whole in a revision at ``at``, so nothing is lost
    and the reopened plan holds nothing that needs a closed one."""
    from pipdesk.domain.model import Revision

    if plan.outcome is not None:
        plan.revisions.append(Revision(at=at, field="outcome", old=outcome_line(plan.outcome), new=None, reason=reason))
        plan.outcome = None
    appeal = plan.appeal
    if appeal is not None:
        parts = [fair_process.appeal_line(plan).removesuffix("."), f"grounds: {appeal.grounds}"]
        if appeal.comments.strip():
            parts.append(f"comments: {appeal.comments}")
        plan.revisions.append(Revision(at=at, field="appeal", old="; ".join(parts), new=None, reason=reason))
        plan.appeal = None
    for response in [r for r in plan.responses if r.to is ResponseTo.OUTCOME]:
        plan.revisions.append(
            Revision(
                at=at,
                field=f"responses.{response.on.isoformat()}",
                old=f"{vocabulary.response_to(response.to)}, {response.on.isoformat()}:\n{response.text}",
                new=None,
                reason=reason,
            )
        )
        plan.responses.remove(response)


def default_decided_on(plan: Plan, today: dt.date) -> dt.date:
    """The day a decision is proposed for: today, within the plan's period."""
    return min(max(today, plan.start_date), plan.end_date)


# The record in full, part by part: what the Outcome view and the PDFs show under the fairness check


def suggestion_rule(sustained: int) -> str:
    """How a result is suggested, in the manager's words, with N (``sustained``) from Preferences."""
    if sustained == 1:
        met = "met when the last value measured at a check-in reached the target"
    else:
        met = (
            f"met when the target was reached at each of the last {sustained} measured check-ins; "
            f"reached at fewer, it is met once, not yet sustained, and suggested as partially met"
        )
    return (
        f"Each result is suggested by the values measured at check-ins: {met}; partially met also when the "
        "last value moved at least half of the way from the baseline to the target."
    )
