"""Every rule and value type format 2 added (docs/plan-format.md rules 10 to 16): refused, named by its path."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import pytest
from test_planfile_rules import accepted, changed, only_problem, problems_in, read_at, without

from pipdesk.domain import format_path
from pipdesk.domain.limits import MAX_ITEMS, MAX_SHORT_TEXT
from pipdesk.domain.model import AdjustmentDecision, AppealResult, AttendeeRole, ResponseTo, Status
from pipdesk.planfile import dump_plan_file

from conftest import SAMPLES, sample_path

Document = dict[str, Any]

# The version-2 samples (tests/data/samples/v2): what each holds is in its name.
ALEX = "alex-delivery-paused"  # active, paused since 2026-11-24; adjustments[1] undecided (requested 2026-11-16)
BETH = "beth-communication-resumed"  # closed; paused 2026-04-20 to 2026-05-04; period 2026-03-02 to 2026-06-08
CARL = "carl-skills-appealed"  # closed on 2026-09-30; appeal lodged 2026-10-05, heard 2026-10-19, partly upheld


def v2(name: str) -> Document:
    document: Document = json.loads((SAMPLES / "v2" / f"{name}.json").read_text(encoding="utf-8"))
    return document


def v1(name: str) -> Document:
    document: Document = json.loads(sample_path(name).read_text(encoding="utf-8"))
    return document


def changed_or_added(document: Document, path: str, value: Any) -> Document:
    """``changed``, or for a path ending ``[n]`` one past the end of its list, the item appended."""
    head, _, index = path.rpartition("[")
    if index.endswith("]") and "." not in index:
        items = json.loads(json.dumps(document))
        holder = items
        for part in head.split("."):
            holder = holder[part]
        if int(index[:-1]) == len(holder):
            holder.append(value)
            return items
    return changed(document, path, value)


def test_the_samples_break_no_rule() -> None:
    for name in (ALEX, BETH, CARL):
        # Read whole: written back, the plan is the sample's, key for key.
        assert json.loads(dump_plan_file(accepted(v2(name))))["plan"] == v2(name)["plan"]


# ---------------------------------------------------------------------------------------------- the rules

RULES: list[tuple[str, str, Any, str, str]] = [
    # adjustments (rule 10)
    (
        BETH,
        "plan.adjustments[0].requested",
        " \n",
        "plan.adjustments[0].requested",
        "Each adjustment needs what was requested",
    ),
    (
        BETH,
        "plan.adjustments[1].reason",
        "",
        "plan.adjustments[1].reason",
        "A refused adjustment needs the reason it was refused",
    ),
    (
        BETH,
        "plan.adjustments[1].in_place_on",
        "2026-03-09",
        "plan.adjustments[1].in_place_on",
        "A refused adjustment cannot have been put in place",
    ),
    (
        BETH,
        "plan.adjustments[0].decision",
        None,
        "plan.adjustments[0].decision",
        "An adjustment put in place needs its decision: agreed or an alternative",
    ),
    (
        BETH,
        "plan.adjustments[0].decided_on",
        "2026-02-20",
        "plan.adjustments[0].decided_on",
        "Decided on 2026-02-20 is before the request on 2026-02-24",
    ),
    (
        BETH,
        "plan.adjustments[0].in_place_on",
        "2026-02-23",
        "plan.adjustments[0].in_place_on",
        "Put in place on 2026-02-23 is before the request on 2026-02-24",
    ),
    (
        BETH,
        "plan.adjustments[0].review_on",
        "2026-03-01",
        "plan.adjustments[0].review_on",
        "Review date 2026-03-01 is before the date put in place 2026-03-02",
    ),
    (
        ALEX,
        "plan.adjustments[1].review_on",
        "2026-11-10",
        "plan.adjustments[1].review_on",
        "Review date 2026-11-10 is before the request on 2026-11-16",
    ),
    # pauses (rule 11)
    (BETH, "plan.pauses[0].reason", "  ", "plan.pauses[0].reason", "Each pause needs its reason"),
    (
        BETH,
        "plan.pauses[0].paused_on",
        "2026-02-20",
        "plan.pauses[0].paused_on",
        "Paused on 2026-02-20 is outside the plan period 2026-03-02 to 2026-06-08",
    ),
    (
        ALEX,
        "plan.pauses[0].paused_on",
        "2026-12-22",
        "plan.pauses[0].paused_on",
        "Paused on 2026-12-22 is outside the plan period 2026-09-28 to 2026-12-21",
    ),
    (
        BETH,
        "plan.pauses[0].resumed_on",
        "2026-04-20",
        "plan.pauses[0].resumed_on",
        "Resumed on 2026-04-20 is not after paused on 2026-04-20",
    ),
    (
        BETH,
        "plan.pauses[1]",
        {"paused_on": "2026-05-01", "resumed_on": "2026-05-03", "reason": "Leave."},
        "plan.pauses[1].paused_on",
        "Paused on 2026-05-01 is before the pause before it ended, on 2026-05-04",
    ),
    (
        BETH,
        "plan.pauses[0].resumed_on",
        None,
        "plan.pauses[0].resumed_on",
        "Only a running plan may be paused; this plan is closed, so the pause needs its resume date",
    ),
    (
        ALEX,
        "plan.status",
        "draft",
        "plan.pauses[0].resumed_on",
        "Only a running plan may be paused; this plan is draft, so the pause needs its resume date",
    ),
    # acknowledgements (rule 12)
    (
        CARL,
        "plan.acknowledgement",
        None,
        "plan.reacknowledgements",
        "A re-acknowledgement needs the first acknowledgement of the plan",
    ),
    (
        BETH,
        "plan.reacknowledgements[0].on",
        "2026-03-01",
        "plan.reacknowledgements[0].on",
        "Re-acknowledged on 2026-03-01 is before the one before on 2026-03-02",
    ),
    (
        BETH,
        "plan.outcome.acknowledgement.on",
        "2026-06-07",
        "plan.outcome.acknowledgement.on",
        "The outcome acknowledged on 2026-06-07 is before the decision on 2026-06-08",
    ),
    # responses (rule 13)
    (BETH, "plan.responses[0].text", "\n", "plan.responses[0].text", "A response needs its text"),
    (
        ALEX,
        "plan.acknowledgement",
        None,
        "plan.responses[0].to",
        "A response to the plan needs the plan's acknowledgement recorded first",
    ),
    (
        BETH,
        "plan.responses[0].on",
        "2026-03-01",
        "plan.responses[0].on",
        "The response on 2026-03-01 is before the acknowledgement on 2026-03-02",
    ),
    (
        ALEX,
        "plan.responses[1]",
        {"to": "outcome", "on": "2026-11-20", "text": "I disagree."},
        "plan.responses[1].to",
        "A response to the outcome needs the plan closed with an outcome",
    ),
    (
        BETH,
        "plan.responses[1].on",
        "2026-06-07",
        "plan.responses[1].on",
        "The response on 2026-06-07 is before the decision on 2026-06-08",
    ),
    # HR review (rule 14)
    (
        BETH,
        "plan.hr_review.reviewed_on",
        "2026-02-24",
        "plan.hr_review.reviewed_on",
        "Reviewed on 2026-02-24 is before sent on 2026-02-25",
    ),
    (
        BETH,
        "plan.hr_review.reviewed_by",
        " ",
        "plan.hr_review.reviewed_by",
        "A review needs the name of who reviewed the plan",
    ),
    # appeal (rule 15)
    (
        ALEX,
        "plan.appeal",
        {"lodged_on": "2026-11-20"},
        "plan.appeal",
        "Only a closed plan may be appealed; this plan is active",
    ),
    (
        CARL,
        "plan.appeal.lodged_on",
        "2026-09-29",
        "plan.appeal.lodged_on",
        "Lodged on 2026-09-29 is before the decision on 2026-09-30",
    ),
    (
        CARL,
        "plan.appeal.heard_on",
        "2026-10-04",
        "plan.appeal.heard_on",
        "Heard on 2026-10-04 is before lodged on 2026-10-05",
    ),
    (CARL, "plan.appeal.heard_on", None, "plan.appeal.heard_on", "An appeal with a result needs the date it was heard"),
]


@pytest.mark.parametrize(("name", "change", "value", "path", "message"), RULES, ids=[f"{r[1]}={r[2]!r}" for r in RULES])
def test_each_rule_of_format_2_is_refused_with_its_path(
    name: str, change: str, value: Any, path: str, message: str
) -> None:
    assert only_problem(changed_or_added(v2(name), change, value)) == (path, message)


def test_an_appeal_on_a_closed_plan_heard_without_a_result_is_accepted() -> None:
    document = changed(v2(CARL), "plan.appeal.result", None)
    appeal = accepted(changed(document, "plan.appeal.heard_on", None)).appeal
    assert appeal is not None and appeal.heard_on is None


def test_pauses_may_follow_one_another_on_the_day_the_last_ended() -> None:
    second = {"paused_on": "2026-05-04", "resumed_on": "2026-05-06", "reason": "Leave."}
    assert len(accepted(changed_or_added(v2(BETH), "plan.pauses[1]", second)).pauses) == 2


# ---------------------------------------------------------------------------------------------- value types

ENUMS: list[tuple[str, str, type[StrEnum]]] = [
    (BETH, "plan.adjustments[0].decision", AdjustmentDecision),
    (BETH, "plan.checkins[0].attendance[0].role", AttendeeRole),
    (BETH, "plan.responses[0].to", ResponseTo),
    (CARL, "plan.appeal.result", AppealResult),
]


@pytest.mark.parametrize(("name", "path", "allowed"), ENUMS, ids=[e[1] for e in ENUMS])
def test_a_new_value_outside_its_set_is_refused_listing_the_allowed_values(
    name: str, path: str, allowed: type[StrEnum]
) -> None:
    listed = ", ".join(repr(member.value) for member in allowed)
    listed = listed.rsplit(", ", 1)[0] + " or " + listed.rsplit(", ", 1)[1]
    assert only_problem(changed(v2(name), path, "maybe")) == (path, f'Expected one of {listed}; found the text "maybe"')


TYPES: list[tuple[str, str, Any, str]] = [
    (BETH, "plan.checkins[3].formal", "yes", 'Expected true or false, found the text "yes"'),
    (BETH, "plan.checkins[0].companion_offered", 1, "Expected true or false, found the number 1"),
    (
        BETH,
        "plan.acknowledgement.recorded_at",
        "2026-03-02T11:20:00",
        'Expected a date-time with a time zone, e.g. 2026-11-23T09:00:00Z; found the text "2026-03-02T11:20:00"',
    ),
    (BETH, "plan.pauses[0].paused_on", "2026-4-20", "Expected a date as YYYY-MM-DD, found '2026-4-20'"),
    (BETH, "plan.adjustments[0].review_on", "2026-02-30", "'2026-02-30' is not a real date"),
    (BETH, "plan.checkins[0].attendance", "Beth, Renée", 'Expected a list, found the text "Beth, Renée"'),
    (BETH, "plan.checkins[0].attendance[1]", "Renée Fournier", 'Expected an object, found the text "Renée Fournier"'),
    (BETH, "plan.hr_review", "yes", 'Expected an object, found the text "yes"'),
    (BETH, "plan.pauses", {}, "Expected a list, found an object"),
    (BETH, "plan.responses[0].text", 42, "Expected text, found the number 42"),
    (CARL, "plan.appeal.lodged_on", 20261005, "Expected a date as YYYY-MM-DD, found the number 20261005"),
    (BETH, "plan.pauses[0].days", 14, "Unknown key 'days'"),
]


@pytest.mark.parametrize(("name", "path", "value", "message"), TYPES, ids=[t[1] for t in TYPES])
def test_a_new_value_of_the_wrong_type_is_refused_with_its_path(name: str, path: str, value: Any, message: str) -> None:
    assert only_problem(changed(v2(name), path, value)) == (path, message)


REQUIRED: list[tuple[str, str, str]] = [
    (BETH, "plan.adjustments[0].requested", "What was requested is required"),
    (BETH, "plan.pauses[0].paused_on", "The date the plan was paused is required"),
    (BETH, "plan.pauses[0].reason", "Reason is required"),
    (BETH, "plan.responses[0].to", "What the response answers (plan or outcome) is required"),
    (BETH, "plan.responses[0].on", "The date of the response is required"),
    (BETH, "plan.responses[0].text", "The text of the response is required"),
    (BETH, "plan.reacknowledgements[0].on", "The date of the acknowledgement is required"),
    (BETH, "plan.outcome.acknowledgement.on", "The date of the acknowledgement is required"),
    (BETH, "plan.checkins[0].attendance[0].name", "Name is required"),
    (BETH, "plan.checkins[0].attendance[0].role", "Role is required"),
    (CARL, "plan.appeal.lodged_on", "The date the appeal was lodged is required"),
]


@pytest.mark.parametrize(("name", "path", "message"), REQUIRED, ids=[r[1] for r in REQUIRED])
def test_a_missing_required_key_of_a_new_part_is_refused_naming_it(name: str, path: str, message: str) -> None:
    assert only_problem(without(v2(name), path)) == (path, message)


@pytest.mark.parametrize("key", ["adjustments", "pauses", "responses", "reacknowledgements"])
def test_a_new_list_beyond_its_limit_is_refused(key: str) -> None:
    document = v2(BETH)
    document["plan"][key] = [document["plan"][key][0]] * (MAX_ITEMS[key] + 1)
    assert only_problem(document) == (
        f"plan.{key}",
        f"This list holds {MAX_ITEMS[key] + 1:,} items; pipdesk reads at most {MAX_ITEMS[key]:,} {key}",
    )


def test_attendance_beyond_its_limit_is_refused() -> None:
    path = "plan.checkins[0].attendance"
    document = changed(v2(BETH), path, [{"name": "Tom Reyes", "role": "companion"}] * (MAX_ITEMS["attendance"] + 1))
    assert only_problem(document) == (path, "This list holds 51 items; pipdesk reads at most 50 attendance")


@pytest.mark.parametrize(
    ("name", "path"),
    [(BETH, "plan.adjustments[0].requested_by"), (BETH, "plan.hr_review.reviewed_by"), (CARL, "plan.appeal.heard_by")],
)
def test_a_new_short_text_beyond_its_limit_is_refused(name: str, path: str) -> None:
    document = changed(v2(name), path, "x" * (MAX_SHORT_TEXT + 1))
    assert only_problem(document) == (path, "This text is 1,001 characters long; pipdesk keeps at most 1,000 here")


# ---------------------------------------------------------------------------------------------- version 1 (rule 16)

_V2_KEY = 'Unknown key {!r} in a version-1 file: plan format version 2 has it, so say "version": 2'

VERSION_2_KEYS: list[tuple[str, str, Any]] = [
    ("alex-delivery-active", "plan.hr_review", {"sent_on": "2026-09-23"}),
    ("alex-delivery-active", "plan.reacknowledgements", []),
    ("alex-delivery-active", "plan.adjustments", []),
    ("alex-delivery-active", "plan.pauses", None),
    ("alex-delivery-active", "plan.responses", []),
    ("beth-communication-closed", "plan.appeal", {"lodged_on": "2026-06-01"}),
    ("alex-delivery-active", "plan.acknowledgement.recorded_at", "2026-09-29T10:05:00+02:00"),
    ("alex-delivery-active", "plan.checkins[2].formal", True),
    ("alex-delivery-active", "plan.checkins[5].companion_offered", True),
    ("alex-delivery-active", "plan.checkins[5].attendance", []),
    ("beth-communication-closed", "plan.outcome.acknowledgement", {"on": "2026-05-26"}),
]


@pytest.mark.parametrize(("name", "path", "value"), VERSION_2_KEYS, ids=[k[1] for k in VERSION_2_KEYS])
def test_a_version_1_file_holding_a_version_2_key_is_refused_naming_it(name: str, path: str, value: Any) -> None:
    document = changed(v1(name), path, value)
    assert only_problem(document) == (path, _V2_KEY.format(path.rsplit(".", 1)[1]))
    # The same file saying version 2 is read, the key's value with it (null for a list: an empty one).
    found = read_at(accepted(changed(document, "version", 2)), path)
    if isinstance(value, dict):
        assert found.items() >= value.items()
    else:
        assert found == ([] if value is None else value)


def test_a_version_1_file_holding_a_kickoff_check_in_is_refused_naming_it() -> None:
    document = changed(v1("alex-delivery-active"), "plan.checkins[0].kind", "kickoff")
    assert only_problem(document) == (
        "plan.checkins[0].kind",
        "Expected one of 'checkin', 'formal_review', 'midpoint', 'final'; "
        'found the text "kickoff", which only version 2 has',
    )
    assert accepted(changed(document, "version", 2)).checkins[0].kind.value == "kickoff"


def test_a_version_1_file_holding_several_version_2_keys_is_refused_for_each_alone_in_document_order() -> None:
    document = changed(v1("alex-delivery-active"), "plan.pauses", [])
    document = changed(document, "plan.hr_review", None)
    document = changed(document, "plan.checkins[1].attendance", [])
    document = changed(document, "plan.objectives[0].target", 55)  # a broken rule is not reported with them
    assert [format_path(p.path) for p in problems_in(document)] == [
        "plan.checkins[1].attendance",
        "plan.pauses",
        "plan.hr_review",
    ]


def test_a_version_2_sample_saying_version_1_is_refused_for_what_only_version_2_has() -> None:
    paths = [format_path(p.path) for p in problems_in(changed(v2(BETH), "version", 1))]
    assert "plan.pauses" in paths and "plan.checkins[0].kind" in paths and "plan.outcome.acknowledgement" in paths


def test_a_running_pause_needs_a_running_plan_for_every_status_but_active_and_extended() -> None:
    for status in Status:
        document = changed(v2(ALEX), "plan.status", status.value)
        if status is Status.CLOSED:
            document = changed(document, "plan.outcome", {})
        found = (
            {format_path(p.path) for p in problems_in(document)} if status in (Status.DRAFT, Status.CLOSED) else set()
        )
        assert ("plan.pauses[0].resumed_on" in found) is (status in (Status.DRAFT, Status.CLOSED)), status
        if not found:
            assert accepted(document).paused
