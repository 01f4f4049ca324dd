"""Every rule of the plan file format (docs/plan-format.md): a broken file is refused, named by its JSON path."""

from __future__ import annotations

import copy
import json
import re
from enum import StrEnum
from typing import Any

import pytest

from pipdesk.domain import (
    CheckinKind,
    ConcernCategory,
    Decision,
    FollowUp,
    MilestoneKind,
    ObjectiveCategory,
    Plan,
    PlanInvalid,
    Problem,
    Rating,
    Result,
    Status,
    SupportKind,
    format_path,
)
from pipdesk.domain.limits import MAX_SHORT_TEXT
from pipdesk.planfile import dump_plan_file, parse_plan_file

from conftest import sample_path

ALEX = "alex-delivery-active"  # active: every objective complete, weekly check-ins with progress
BETH = "beth-communication-closed"  # closed with an outcome; a concern and an objective share the key "csat"
CARL = "carl-skills-extended"  # extended, with revisions
DMITRY = "dmitry-punctuality-draft"  # draft: an objective with no metric, baseline, target or due date

Document = dict[str, Any]

# ---------------------------------------------------------------------------------------------- helpers


def sample(name: str = ALEX) -> Document:
    document: Document = json.loads(sample_path(name).read_text(encoding="utf-8"))
    return document


def _parts(path: str) -> list[str | int]:
    """``plan.objectives[0].target`` → ``["plan", "objectives", 0, "target"]``."""
    return [int(part[1:-1]) if part.startswith("[") else part for part in re.findall(r"\[\d+\]|[^.\[\]]+", path)]


def _parent(document: Any, path: str) -> tuple[Any, str | int]:
    *parents, last = _parts(path)
    for part in parents:
        document = document[part]
    return document, last


def changed(document: Document, path: str, value: Any) -> Document:
    """A copy of ``document`` with the value at ``path`` set (or added)."""
    document = copy.deepcopy(document)
    parent, last = _parent(document, path)
    parent[last] = value
    return document


def without(document: Document, path: str) -> Document:
    """A copy of ``document`` with the key at ``path`` removed."""
    document = copy.deepcopy(document)
    parent, last = _parent(document, path)
    del parent[last]
    return document


def file_bytes(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def assert_readable(problem: Problem) -> None:
    """A message a manager can read: plain words, no Python or pydantic showing through."""
    message = problem.message
    assert message.strip() == message and message, problem
    assert not message[0].islower() or message.startswith("pipdesk "), problem
    for leak in (r"\bNone\b", "Traceback", "pydantic", "Input should", "<class", r"\bdict\b", r"\bstr\b", "loc="):
        assert not re.search(leak, message), problem


def problems_in(data: Document | bytes | str) -> list[Problem]:
    """Every problem reported for a file that must be refused."""
    with pytest.raises(PlanInvalid) as refused:
        parse_plan_file(data if isinstance(data, (bytes, str)) else file_bytes(data))
    problems = refused.value.problems
    assert problems, "refused without saying why"
    for problem in problems:
        assert_readable(problem)
    return problems


def only_problem(data: Document | bytes | str) -> tuple[str, str]:
    """The single problem of a file broken in one place, as (JSON path, message)."""
    problems = problems_in(data)
    assert len(problems) == 1, [str(p) for p in problems]
    return format_path(problems[0].path), problems[0].message


def problem_at(data: Document | bytes | str, path: str) -> str:
    """The message reported at ``path``, among perhaps others that follow from the same break."""
    found = {format_path(p.path): p.message for p in problems_in(data)}
    assert path in found, found
    return found[path]


def accepted(data: Document | bytes | str) -> Plan:
    return parse_plan_file(data if isinstance(data, (bytes, str)) else file_bytes(data))


def read_at(plan: Plan, path: str) -> Any:
    """The value the plan read holds at ``path`` (``plan.objectives[0].target``), as its plan file writes it."""
    parent, last = _parent({"plan": plan.model_dump(mode="json")}, path)
    return parent[last]


# ---------------------------------------------------------------------------------------------- the envelope


@pytest.mark.parametrize(
    ("found", "described"),
    [
        ("pipdesk-plans", '"pipdesk-plans"'),
        ("PIPDESK-PLAN", '"PIPDESK-PLAN"'),
        ("", '""'),
        (1, "the number 1"),
        (None, "null"),
    ],
)
def test_file_of_another_format_is_refused_naming_what_was_found(found: Any, described: str) -> None:
    path, message = only_problem(changed(sample(), "format", found))
    assert path == "format"
    assert "pipdesk-plan" in message
    assert described in message


def test_file_without_format_is_refused() -> None:
    path, message = only_problem(without(sample(), "format"))
    assert path == "format"
    assert "missing" in message


@pytest.mark.parametrize(
    ("found", "described"),
    [
        (3, "the number 3"),
        (0, "the number 0"),
        ("1", 'the text "1"'),
        (1.0, "the number 1.0"),
        (True, "true"),
        (None, "null"),
    ],
    ids=["3", "0", "text-1", "1.0", "true", "null"],
)
def test_version_other_than_whole_number_1_or_2_is_refused_naming_what_was_found(found: Any, described: str) -> None:
    # Format 2: pipdesk reads versions 1 and 2, so 3 is now the first version it does not know.
    path, message = only_problem(changed(sample(), "version", found))
    assert path == "version"
    assert "version 1 or 2" in message
    assert message.endswith(described)


def test_file_without_version_is_refused() -> None:
    path, message = only_problem(without(sample(), "version"))
    assert path == "version"
    assert "missing" in message


@pytest.mark.parametrize(
    ("top_level", "described"),
    [([], "a list"), ("plan", "the text"), (1, "the number 1"), (None, "null"), (True, "true")],
)
def test_file_whose_top_level_is_not_an_object_is_refused(top_level: Any, described: str) -> None:
    path, message = only_problem(json.dumps(top_level))
    assert path == "(top level)"
    assert "JSON object" in message
    assert described in message


def test_file_without_plan_is_refused() -> None:
    assert only_problem(without(sample(), "plan")) == ("plan", 'The key "plan" is missing')


@pytest.mark.parametrize("plan", [[], "Delivery predictability", 1, None])
def test_plan_that_is_not_an_object_is_refused(plan: Any) -> None:
    path, message = only_problem(changed(sample(), "plan", plan))
    assert path == "plan"
    assert "Expected the plan as an object" in message


@pytest.mark.parametrize(
    "text",
    [
        "",
        '{"format": "pipdesk-plan", "version": 1, "plan": {',
        '{"format": "pipdesk-plan", "version": 1,}',
        "{'format': 'pipdesk-plan'}",
        '{"format": "pipdesk-plan"} trailing',
    ],
    ids=["empty", "cut-short", "trailing-comma", "single-quotes", "trailing-text"],
)
def test_file_that_is_not_json_is_refused_with_line_and_column(text: str) -> None:
    path, message = only_problem(text.encode("utf-8"))
    assert path == "(top level)"
    assert message.startswith("The file is not valid JSON")
    assert re.search(r"line \d+, column \d+", message)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "cp1251"])
def test_file_that_is_not_utf8_is_refused(encoding: str) -> None:
    document = changed(sample(DMITRY), "plan.summary", "Опоздания — 7 раз, café")
    path, message = only_problem(json.dumps(document, ensure_ascii=False).encode(encoding, errors="replace"))
    assert path == "(top level)"
    assert "not UTF-8" in message


def test_file_starting_with_a_utf8_byte_order_mark_is_accepted() -> None:
    assert accepted(b"\xef\xbb\xbf" + sample_path(ALEX).read_bytes()).title == "Delivery predictability"


@pytest.mark.parametrize(
    ("original", "doubled", "path"),
    [
        ('"version": 1,', '"version": 1, "version": 2,', "version"),
        ('"title": "Delivery predictability",', '"title": "A", "title": "B",', "plan.title"),
        ('"name": "Sam Okafor",', '"name": "Sam Okafor", "name": "Sam O.",', "plan.hr_partner.name"),
        ('"value": 60,', '"value": 60, "value": 65,', "plan.checkins[0].progress[0].value"),
    ],
    ids=["top-level", "plan", "person", "progress-item"],
)
def test_key_given_twice_in_one_object_is_refused_naming_where(original: str, doubled: str, path: str) -> None:
    text = sample_path(ALEX).read_text(encoding="utf-8")
    assert original in text
    found_path, message = only_problem(text.replace(original, doubled, 1))
    assert found_path == path
    assert "appears twice" in message


def test_keys_given_twice_are_all_reported() -> None:
    text = sample_path(ALEX).read_text(encoding="utf-8")
    text = text.replace('"format": "pipdesk-plan",', '"format": "pipdesk-plan", "format": "pipdesk-plan",', 1)
    text = text.replace('"on": "2026-09-29",', '"on": "2026-09-29", "on": "2026-09-30",', 1)
    assert [format_path(p.path) for p in problems_in(text)] == ["format", "plan.acknowledgement.on"]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("NaN", "NaN is not a number"),
        ("Infinity", "Infinity is not a number"),
        ("-Infinity", "-Infinity is not a number"),
        ("1e400", "The number 1e400 is too large"),
        ("1" + "0" * 5000, "is too large"),
    ],
    ids=["NaN", "Infinity", "-Infinity", "1e400", "5001-digits"],
)
def test_number_json_cannot_hold_is_refused_naming_where(number: str, words: str) -> None:
    text = sample_path(ALEX).read_text(encoding="utf-8").replace('"baseline": 55', f'"baseline": {number}', 1)
    path, message = only_problem(text)
    assert path == "plan.objectives[0].baseline"
    assert words in message
    assert len(message) < 120


def test_text_with_an_unpaired_surrogate_escape_is_refused_naming_where() -> None:
    text = sample_path(ALEX).read_text(encoding="utf-8").replace('"summary": "', '"summary": "\\ud800', 1)
    path, message = only_problem(text)
    assert path == "plan.summary"
    assert "broken character" in message


def test_lists_nested_far_deeper_than_any_plan_are_refused_without_a_crash() -> None:
    for depth in (100, 900, 100_000):
        nested = "[" * depth + "]" * depth
        text = sample_path(ALEX).read_text(encoding="utf-8").replace('"summary": "', f'"summary": {nested}, "x": "', 1)
        problems = problems_in(text)
        assert len(problems) == 1
        assert "nested" in problems[0].message


# ---------------------------------------------------------------------------------------------- unknown keys


@pytest.mark.parametrize(
    "path",
    [
        "exporter",
        "plan.titel",
        "plan.employee.phone",
        "plan.hr_partner.Name",
        "plan.acknowledgement.signed",
        "plan.prior_discussions[0].by",
        "plan.concerns[0].evidence[1].link",
        "plan.objectives[2].direction",
        "plan.support[0].cost",
        "plan.milestones[3].owner",
        "plan.checkins[2].progress[1].note",
    ],
)
def test_unknown_key_is_refused_naming_its_path(path: str) -> None:
    key = _parts(path)[-1]
    assert only_problem(changed(sample(), path, "x")) == (path, f"Unknown key {key!r}")


@pytest.mark.parametrize(
    ("name", "path"),
    [
        (CARL, "plan.revisions[0].by"),
        (BETH, "plan.outcome.reviewer"),
        (BETH, "plan.outcome.results[1].score"),
    ],
)
def test_unknown_key_in_revision_or_outcome_is_refused_naming_its_path(name: str, path: str) -> None:
    assert only_problem(changed(sample(name), path, 1))[0] == path


def test_several_unknown_keys_are_each_named() -> None:
    document = changed(sample(), "plan.titel", "x")
    document = changed(document, "plan.employee.phone", "x")
    document = changed(document, "notes", "x")
    paths = {format_path(p.path) for p in problems_in(document)}
    assert paths == {"notes", "plan.titel", "plan.employee.phone"}


# ---------------------------------------------------------------------------------------------- dates and times


@pytest.mark.parametrize("value", ["2026-11-23T09:00:00", "2026-11-23", "yesterday", "", 1795424400], ids=str)
def test_exported_at_that_is_not_a_date_time_with_a_zone_is_refused(value: Any) -> None:
    path, message = only_problem(changed(sample(), "exported_at", value))
    assert path == "exported_at"
    assert "date-time with a time zone" in message


@pytest.mark.parametrize("value", ["2026-11-23T09:00:00Z", "2026-11-23T10:00:00+01:00", "2026-11-23T09:00:00.5Z", None])
def test_exported_at_with_a_zone_or_null_is_accepted(value: str | None) -> None:
    assert accepted(changed(sample(), "exported_at", value)) == accepted(sample())


def test_exported_at_may_be_absent() -> None:
    assert accepted(without(sample(), "exported_at")) == accepted(sample())


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-1-5", "YYYY-MM-DD"),
        ("2026-01-5", "YYYY-MM-DD"),
        ("05/01/2026", "YYYY-MM-DD"),
        ("20260105", "YYYY-MM-DD"),
        ("2026-02-30", "not a real date"),
        ("2026-13-01", "not a real date"),
        (20260105, "YYYY-MM-DD"),
        ("2026-01-05T00:00:00", "YYYY-MM-DD"),
        ("2026-01-05T00:00:00Z", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
    ],
    ids=str,
)
@pytest.mark.parametrize(
    ("name", "path"),
    [
        (ALEX, "plan.start_date"),
        (ALEX, "plan.issued_on"),
        (ALEX, "plan.acknowledgement.on"),
        (ALEX, "plan.prior_discussions[1].date"),
        (ALEX, "plan.concerns[0].evidence[0].date"),
        (ALEX, "plan.objectives[1].due_date"),
        (ALEX, "plan.support[0].due_date"),
        (ALEX, "plan.milestones[4].date"),
        (ALEX, "plan.checkins[3].date"),
        (BETH, "plan.outcome.decided_on"),
    ],
)
def test_date_not_written_as_yyyy_mm_dd_is_refused(name: str, path: str, value: Any, words: str) -> None:
    found_path, message = only_problem(changed(sample(name), path, value))
    assert found_path == path
    assert words in message


@pytest.mark.parametrize(
    "value", ["2026-08-31T15:30:00", "2026-08-31", "last Monday", 1788190200, "2026-08-31T25:30:00+02:00"], ids=str
)
def test_revision_time_that_is_not_a_date_time_with_a_zone_is_refused(value: Any) -> None:
    path, message = only_problem(changed(sample(CARL), "plan.revisions[0].at", value))
    assert path == "plan.revisions[0].at"
    assert "date-time with a time zone" in message


# ---------------------------------------------------------------------------------------------- value types


@pytest.mark.parametrize(
    ("name", "path", "value", "words"),
    [
        (ALEX, "plan.objectives[0].baseline", "55", 'Expected a number, found the text "55"'),
        (ALEX, "plan.objectives[0].target", "90%", 'Expected a number, found the text "90%"'),
        (ALEX, "plan.checkins[0].progress[0].value", "60", 'Expected a number, found the text "60"'),
        (ALEX, "plan.checkin_every_days", "7", 'Expected a whole number, found the text "7"'),
        (ALEX, "plan.objectives[0].baseline", True, "Expected a number, found true"),
        (ALEX, "plan.checkins[0].progress[0].value", [60], "Expected a number, found a list"),
    ],
    ids=["baseline-text", "target-text", "progress-text", "cadence-text", "baseline-bool", "progress-list"],
)
def test_number_given_as_anything_else_is_refused(name: str, path: str, value: Any, words: str) -> None:
    assert only_problem(changed(sample(name), path, value)) == (path, words)


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        (ALEX, "plan.support[0].done", 1),
        (ALEX, "plan.support[2].done", 0),
        (ALEX, "plan.milestones[0].done", "true"),
        (ALEX, "plan.acknowledgement.refused", 0),
        (ALEX, "plan.acknowledgement.refused", "no"),
    ],
    ids=["done-1", "done-0", "done-text", "refused-0", "refused-text"],
)
def test_true_or_false_given_as_anything_else_is_refused(name: str, path: str, value: Any) -> None:
    found_path, message = only_problem(changed(sample(name), path, value))
    assert found_path == path
    assert message.startswith("Expected true or false, found")


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("plan.title", 5, "Expected text, found the number 5"),
        ("plan.summary", ["a", "b"], "Expected text, found a list"),
        ("plan.employee.email", False, "Expected text, found false"),
        ("plan.objectives[0].concern", 1, "Expected text, found the number 1"),
        ("plan.employee", "Alex Moreno", 'Expected an object, found the text "Alex Moreno"'),
        ("plan.acknowledgement", [], "Expected an object, found a list"),
        ("plan.objectives", {}, "Expected a list, found an object"),
        ("plan.checkins[0].progress", "on track", 'Expected a list, found the text "on track"'),
        ("plan.concerns[0].evidence[0]", "late", 'Expected an object, found the text "late"'),
    ],
)
def test_value_of_the_wrong_kind_is_refused_saying_what_was_expected(path: str, value: Any, words: str) -> None:
    assert only_problem(changed(sample(), path, value)) == (path, words)


def test_very_long_text_in_the_wrong_place_is_shortened_in_the_message() -> None:
    path, message = only_problem(changed(sample(), "plan.checkin_every_days", "x" * 10_000))
    assert path == "plan.checkin_every_days"
    assert len(message) < 120


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "from 1 to 90, found the number 0"),
        (91, "from 1 to 90, found the number 91"),
        (-7, "from 1 to 90, found the number -7"),
        (7.5, "Expected a whole number, found the number 7.5"),
        (7.0, "Expected a whole number, found the number 7.0"),
    ],
    ids=["0", "91", "-7", "7.5", "7.0"],
)
def test_checkin_cadence_outside_1_to_90_whole_days_is_refused(value: Any, words: str) -> None:
    path, message = only_problem(changed(sample(), "plan.checkin_every_days", value))
    assert path == "plan.checkin_every_days"
    assert words in message


@pytest.mark.parametrize("days", [1, 90])
def test_checkin_cadence_of_1_or_90_days_is_accepted(days: int) -> None:
    assert accepted(changed(sample(), "plan.checkin_every_days", days)).checkin_every_days == days


# ---------------------------------------------------------------------------------------------- enumerations

ENUMS: list[tuple[str, str, type[StrEnum]]] = [
    (ALEX, "plan.status", Status),
    (ALEX, "plan.concerns[1].category", ConcernCategory),
    (ALEX, "plan.objectives[0].category", ObjectiveCategory),
    (ALEX, "plan.support[3].kind", SupportKind),
    (ALEX, "plan.milestones[0].kind", MilestoneKind),
    (ALEX, "plan.checkins[5].kind", CheckinKind),
    (ALEX, "plan.checkins[0].progress[2].rating", Rating),
    (BETH, "plan.outcome.decision", Decision),
    (BETH, "plan.outcome.follow_up", FollowUp),
    (BETH, "plan.outcome.results[0].result", Result),
]


@pytest.mark.parametrize("bad", ["Active", "on track", "", "other-thing", 1], ids=str)
@pytest.mark.parametrize(("name", "path", "allowed"), ENUMS, ids=[path for _, path, _ in ENUMS])
def test_value_outside_its_set_is_refused_listing_the_allowed_values(
    name: str, path: str, allowed: type[StrEnum], bad: Any
) -> None:
    found_path, message = only_problem(changed(sample(name), path, bad))
    assert found_path == path
    assert message.startswith("Expected one of")
    for member in allowed:
        assert f"'{member.value}'" in message


@pytest.mark.parametrize(("name", "path", "allowed"), ENUMS, ids=[path for _, path, _ in ENUMS])
def test_every_value_of_a_set_is_accepted(name: str, path: str, allowed: type[StrEnum]) -> None:
    for member in allowed:
        document = changed(sample(name), path, member.value)
        if member is CheckinKind.KICKOFF:  # only version 2 has the kick-off meeting
            document = changed(document, "version", 2)
        if path == "plan.status" and member is Status.CLOSED:
            document = changed(document, "plan.outcome", {})
        assert read_at(accepted(document), path) == member.value


# ---------------------------------------------------------------------------------------------- required keys

REQUIRED = [
    (ALEX, "plan.title", "Title is required"),
    (ALEX, "plan.status", "Status is required"),
    (ALEX, "plan.employee", "Employee is required"),
    (ALEX, "plan.employee.name", "Name is required"),
    (ALEX, "plan.manager", "Manager is required"),
    (ALEX, "plan.manager.name", "Name is required"),
    (ALEX, "plan.hr_partner.name", "Name is required"),
    (ALEX, "plan.start_date", "Start date is required"),
    (ALEX, "plan.end_date", "End date is required"),
    (ALEX, "plan.prior_discussions[0].date", "Date is required"),
    (ALEX, "plan.concerns[1].key", "Key is required"),
    (ALEX, "plan.concerns[1].area", "Area is required"),
    (ALEX, "plan.concerns[0].evidence[1].date", "Date is required"),
    (ALEX, "plan.objectives[1].key", "Key is required"),
    (ALEX, "plan.objectives[1].title", "Title is required"),
    (ALEX, "plan.support[1].description", "Description is required"),
    (ALEX, "plan.milestones[2].title", "Title is required"),
    (ALEX, "plan.milestones[2].date", "Date is required"),
    (ALEX, "plan.checkins[1].date", "Date is required"),
    (ALEX, "plan.checkins[1].progress[0].objective", "Objective is required"),
    (ALEX, "plan.acknowledgement.on", "The date of the acknowledgement is required"),
    (CARL, "plan.revisions[1].at", "The date and time of the revision is required"),
    (CARL, "plan.revisions[1].reason", "Reason is required"),
    (BETH, "plan.outcome.results[0].objective", "Objective is required"),
]


@pytest.mark.parametrize(("name", "path", "words"), REQUIRED, ids=[path for _, path, _ in REQUIRED])
def test_missing_required_key_is_refused_naming_it(name: str, path: str, words: str) -> None:
    found_path, message = only_problem(without(sample(name), path))
    assert found_path == path
    assert message.startswith(words)


def test_status_given_as_null_is_refused_rather_than_read_as_draft() -> None:
    problems = problems_in(changed(sample(), "plan.status", None))
    assert [format_path(p.path) for p in problems] == ["plan.status"]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("plan.title", "The plan needs a title"),
        ("plan.employee.name", "Employee name is required"),
        ("plan.manager.name", "Manager name is required"),
        ("plan.hr_partner.name", "HR partner name is required"),
        ("plan.concerns[1].area", "Each concern needs an area"),
        ("plan.objectives[1].title", "Each objective needs a title"),
        ("plan.support[2].description", "Each support action needs a description"),
        ("plan.milestones[5].title", "Each milestone needs a title"),
    ],
)
@pytest.mark.parametrize("blank", ["", "   ", "\n\t "], ids=["empty", "spaces", "line-breaks"])
def test_blank_required_text_is_refused(path: str, words: str, blank: str) -> None:
    assert only_problem(changed(sample(), path, blank)) == (path, words)


@pytest.mark.parametrize("blank", ["", "  \n"], ids=["empty", "spaces"])
def test_blank_revision_reason_is_refused(blank: str) -> None:
    path = "plan.revisions[0].reason"
    assert only_problem(changed(sample(CARL), path, blank)) == (path, "Each revision needs a reason")


@pytest.mark.parametrize(
    ("path", "words"),
    [("plan.concerns[0].key", "Each concern needs a key"), ("plan.objectives[0].key", "Each objective needs a key")],
)
def test_blank_key_is_refused(path: str, words: str) -> None:
    # Whatever named the old key is reported too: it now names nothing.
    assert problem_at(changed(sample(), path, " "), path) == words


# ---------------------------------------------------------------------------------------------- keys and references


def test_two_concerns_with_one_key_are_refused() -> None:
    document = sample()
    document["plan"]["concerns"].append(copy.deepcopy(document["plan"]["concerns"][0]))
    assert only_problem(document) == ("plan.concerns[2].key", "Key 'late-delivery' is already used by concern 1")


def test_two_objectives_with_one_key_are_refused() -> None:
    document = sample()
    document["plan"]["objectives"].append(copy.deepcopy(document["plan"]["objectives"][1]))
    path, message = only_problem(document)
    assert (path, message) == ("plan.objectives[3].key", "Key 'status-reports' is already used by objective 2")


def test_a_concern_and_an_objective_may_share_a_key() -> None:
    plan = accepted(sample(BETH))
    assert plan.concerns[0].key == plan.objectives[0].key == "csat"


def test_objective_naming_an_unknown_concern_is_refused() -> None:
    path = "plan.objectives[2].concern"
    assert only_problem(changed(sample(), path, "late-deliveries")) == (
        path,
        "The objective answers concern 'late-deliveries', which the plan does not have",
    )


def test_objective_naming_no_concern_is_accepted() -> None:
    assert accepted(changed(sample(), "plan.objectives[2].concern", None)).objectives[2].concern is None


def test_objective_may_not_name_an_objective_key_as_its_concern() -> None:
    path = "plan.objectives[2].concern"
    assert only_problem(changed(sample(), path, "on-time"))[0] == path


def test_progress_naming_an_unknown_objective_is_refused() -> None:
    path = "plan.checkins[4].progress[1].objective"
    assert only_problem(changed(sample(), path, "status-report")) == (
        path,
        "Progress names objective 'status-report', which the plan does not have",
    )


def test_progress_naming_a_concern_key_is_refused() -> None:
    path = "plan.checkins[0].progress[0].objective"
    assert only_problem(changed(sample(), path, "late-delivery"))[0] == path


def test_progress_for_one_objective_twice_in_a_checkin_is_refused() -> None:
    path = "plan.checkins[2].progress[2].objective"
    assert only_problem(changed(sample(), path, "on-time")) == (
        path,
        "Objective 'on-time' has progress recorded twice in this check-in",
    )


def test_progress_for_one_objective_in_several_checkins_is_accepted() -> None:
    plan = accepted(sample())
    assert sum(p.objective == "on-time" for c in plan.checkins for p in c.progress) == len(plan.checkins)


def test_outcome_result_naming_an_unknown_objective_is_refused() -> None:
    path = "plan.outcome.results[1].objective"
    assert only_problem(changed(sample(BETH), path, "escalation")) == (
        path,
        "The outcome names objective 'escalation', which the plan does not have",
    )


def test_outcome_with_two_results_for_one_objective_is_refused() -> None:
    path = "plan.outcome.results[1].objective"
    assert only_problem(changed(sample(BETH), path, "csat")) == (
        path,
        "Objective 'csat' has two results in the outcome",
    )


# ---------------------------------------------------------------------------------------------- objectives


@pytest.mark.parametrize(
    ("name", "index", "value", "shown"),
    [(ALEX, 0, 55, "55"), (ALEX, 1, 0, "0"), (BETH, 0, 3.1, "3.1"), (DMITRY, 0, 7, "7")],
    ids=["active-55", "active-0", "closed-3.1", "draft-7"],
)
def test_target_equal_to_baseline_is_refused(name: str, index: int, value: float, shown: str) -> None:
    document = changed(sample(name), f"plan.objectives[{index}].baseline", value)
    document = changed(document, f"plan.objectives[{index}].target", value)
    path, message = only_problem(document)
    assert path == f"plan.objectives[{index}].target"
    assert message.startswith(f"Target equals baseline ({shown})")


def test_target_equal_to_baseline_written_differently_is_refused() -> None:
    document = changed(sample(), "plan.objectives[0].target", 55.0)
    assert only_problem(document)[0] == "plan.objectives[0].target"


@pytest.mark.parametrize(("baseline", "target"), [(55, 90), (3, 0), (-1.5, 2), (0.1, 0.2)])
def test_target_above_or_below_baseline_is_accepted(baseline: float, target: float) -> None:
    document = changed(sample(), "plan.objectives[0].baseline", baseline)
    document = changed(document, "plan.objectives[0].target", target)
    assert accepted(document).objectives[0].target == target


@pytest.mark.parametrize("field", ["metric", "baseline", "target", "due_date"])
@pytest.mark.parametrize(("name", "status"), [(ALEX, "active"), (CARL, "extended"), (BETH, "closed")])
def test_objective_incomplete_on_a_plan_past_draft_is_refused(name: str, status: str, field: str) -> None:
    path = f"plan.objectives[1].{field}"
    label = field.replace("_", " ").capitalize()
    for broken in (without(sample(name), path), changed(sample(name), path, None)):
        assert only_problem(broken) == (path, f"{label} is required once a plan is {status}")


def test_objective_with_a_blank_metric_on_an_active_plan_is_refused() -> None:
    path = "plan.objectives[0].metric"
    assert only_problem(changed(sample(), path, "  ")) == (path, "Metric is required once a plan is active")


def test_incomplete_objective_on_a_draft_is_accepted() -> None:
    objective = accepted(sample(DMITRY)).objectives[0]
    assert (objective.metric, objective.baseline, objective.target, objective.due_date) == ("", None, None, None)


def test_issuing_a_draft_with_an_incomplete_objective_is_refused_for_each_missing_part() -> None:
    problems = problems_in(changed(sample(DMITRY), "plan.status", "active"))
    assert [format_path(p.path) for p in problems] == [
        "plan.objectives[0].metric",
        "plan.objectives[0].baseline",
        "plan.objectives[0].target",
        "plan.objectives[0].due_date",
    ]


@pytest.mark.parametrize(
    ("name", "due", "period"),
    [
        (ALEX, "2027-01-15", "2026-09-28 to 2026-12-21"),
        (ALEX, "2026-09-27", "2026-09-28 to 2026-12-21"),
        (CARL, "2026-10-01", "2026-06-01 to 2026-09-30"),
    ],
)
def test_objective_due_outside_the_period_of_an_issued_plan_is_refused(name: str, due: str, period: str) -> None:
    path = "plan.objectives[1].due_date"
    assert only_problem(changed(sample(name), path, due)) == (
        path,
        f"Due date {due} is outside the plan period {period}",
    )


def test_objective_due_outside_the_period_of_a_draft_is_accepted() -> None:
    document = changed(sample(DMITRY), "plan.objectives[0].due_date", "2027-06-30")
    assert str(accepted(document).objectives[0].due_date) == "2027-06-30"


@pytest.mark.parametrize("due", ["2026-09-28", "2026-12-21"], ids=["start", "end"])
def test_objective_due_on_the_first_or_last_day_is_accepted(due: str) -> None:
    assert accepted(changed(sample(), "plan.objectives[1].due_date", due))


# ---------------------------------------------------------------------------------------------- the plan period


def test_end_date_before_start_date_is_refused() -> None:
    document = changed(sample(DMITRY), "plan.start_date", "2026-02-01")
    document = changed(document, "plan.end_date", "2026-01-10")
    assert only_problem(document) == ("plan.end_date", "End date 2026-01-10 is before start date 2026-02-01")


def test_end_date_equal_to_start_date_is_refused() -> None:
    document = changed(sample(DMITRY), "plan.end_date", "2026-12-01")
    path, message = only_problem(document)
    assert path == "plan.end_date"
    assert message.startswith("End date 2026-12-01 is the same as the start date")


def test_dates_of_an_issued_plan_with_a_reversed_period_report_only_the_period() -> None:
    # With no period, "outside the period" means nothing: only the period itself is reported.
    document = changed(sample(), "plan.end_date", "2026-09-01")
    assert only_problem(document) == ("plan.end_date", "End date 2026-09-01 is before start date 2026-09-28")


@pytest.mark.parametrize(
    ("path", "day", "noun"),
    [
        ("plan.checkins[0].date", "2026-09-27", "Check-in"),
        ("plan.checkins[7].date", "2026-12-22", "Check-in"),
        ("plan.milestones[0].date", "2026-09-01", "Milestone"),
        ("plan.milestones[13].date", "2027-01-04", "Milestone"),
    ],
    ids=["checkin-before", "checkin-after", "milestone-before", "milestone-after"],
)
def test_checkin_or_milestone_outside_the_period_is_refused(path: str, day: str, noun: str) -> None:
    assert only_problem(changed(sample(), path, day)) == (
        path,
        f"{noun} date {day} is outside the plan period 2026-09-28 to 2026-12-21",
    )


@pytest.mark.parametrize("day", ["2026-09-28", "2026-12-21"], ids=["start", "end"])
@pytest.mark.parametrize("path", ["plan.checkins[0].date", "plan.milestones[1].date"])
def test_checkin_or_milestone_on_the_first_or_last_day_is_accepted(path: str, day: str) -> None:
    assert accepted(changed(sample(), path, day))


def test_dates_outside_the_period_that_no_rule_bounds_are_accepted() -> None:
    # Evidence and prior discussions come before the plan; an acknowledgement or action may fall after it.
    document = changed(sample(), "plan.concerns[0].evidence[0].date", "2025-01-01")
    document = changed(document, "plan.prior_discussions[0].date", "2025-01-01")
    document = changed(document, "plan.support[2].due_date", "2027-03-01")
    assert accepted(document)


# ---------------------------------------------------------------------------------------------- the outcome


@pytest.mark.parametrize("how", ["null", "absent"])
def test_closed_plan_without_an_outcome_is_refused(how: str) -> None:
    document = sample(BETH)
    document = changed(document, "plan.outcome", None) if how == "null" else without(document, "plan.outcome")
    assert only_problem(document) == ("plan.outcome", "A closed plan needs an outcome")


@pytest.mark.parametrize(("name", "status"), [(ALEX, "active"), (CARL, "extended"), (DMITRY, "draft")])
def test_outcome_on_a_plan_that_is_not_closed_is_refused(name: str, status: str) -> None:
    document = changed(sample(name), "plan.outcome", {"decision": "partial", "summary": "Too early."})
    assert only_problem(document) == ("plan.outcome", f"Only a closed plan may have an outcome; this plan is {status}")


def test_closed_plan_with_an_empty_outcome_is_accepted() -> None:
    outcome = accepted(changed(sample(BETH), "plan.outcome", {})).outcome
    assert outcome is not None
    assert outcome.results == []


# ---------------------------------------------------------------------------------------------- all at once


def test_every_problem_of_the_structure_is_reported_at_once() -> None:
    document = changed(sample(), "version", 3)  # 2 is read since format 2; 3 is not
    document = changed(document, "plan.titel", "Delivery")
    document = without(document, "plan.title")
    document = changed(document, "plan.start_date", "2026-9-28")
    document = changed(document, "plan.objectives[1].baseline", "3")
    document = changed(document, "plan.support[0].kind", "course")
    document = changed(document, "plan.checkins[3].progress[0].rating", "green")
    error_paths = [format_path(p.path) for p in problems_in(document)]
    assert sorted(error_paths) == sorted(
        [
            "version",
            "plan.title",
            "plan.titel",
            "plan.start_date",
            "plan.objectives[1].baseline",
            "plan.support[0].kind",
            "plan.checkins[3].progress[0].rating",
        ]
    )


def test_every_broken_rule_is_reported_at_once_in_document_order() -> None:
    document = changed(sample(), "plan.objectives[0].target", 55)
    document = changed(document, "plan.objectives[1].concern", "comms")
    document = changed(document, "plan.objectives[2].due_date", "2027-01-10")
    document = changed(document, "plan.milestones[0].date", "2026-09-01")
    document = changed(document, "plan.checkins[1].date", "2027-01-01")
    document = changed(document, "plan.checkins[2].progress[1].objective", "reports")
    document = changed(document, "plan.outcome", {})
    assert [format_path(p.path) for p in problems_in(document)] == [
        "plan.objectives[0].target",
        "plan.objectives[1].concern",
        "plan.objectives[2].due_date",
        "plan.milestones[0].date",
        "plan.checkins[1].date",
        "plan.checkins[2].progress[1].objective",
        "plan.outcome",
    ]


def test_refusal_text_lists_each_problem_with_its_path() -> None:
    document = changed(changed(sample(), "plan.titel", "x"), "plan.employee.phone", "x")
    with pytest.raises(PlanInvalid) as refused:
        parse_plan_file(file_bytes(document))
    assert str(refused.value) == (
        "This is not a plan file pipdesk can import:\n"
        "  plan.employee.phone: Unknown key 'phone'\n"
        "  plan.titel: Unknown key 'titel'"
    )


# ---------------------------------------------------------------------------------------------- what is accepted

OPTIONAL_NULLS = [
    "exported_at",
    "plan.hr_partner",
    "plan.checkin_every_days",
    "plan.issued_on",
    "plan.acknowledgement",
    "plan.summary",
    "plan.context",
    "plan.manager_commitments",
    "plan.employee_commitments",
    "plan.consequences",
    "plan.prior_discussions",
    "plan.concerns",
    "plan.objectives",
    "plan.support",
    "plan.milestones",
    "plan.checkins",
    "plan.revisions",
    "plan.outcome",
    "plan.employee.job_title",
    "plan.employee.department",
    "plan.employee.email",
    "plan.prior_discussions[0].note",
    "plan.concerns[0].category",
    "plan.concerns[0].description",
    "plan.concerns[0].evidence",
    "plan.objectives[0].category",
    "plan.objectives[0].concern",
    "plan.objectives[0].description",
    "plan.objectives[0].unit",
    "plan.support[0].kind",
    "plan.support[0].owner",
    "plan.support[0].due_date",
    "plan.support[0].done",
    "plan.milestones[0].kind",
    "plan.milestones[0].done",
    "plan.checkins[0].kind",
    "plan.checkins[0].attendees",
    "plan.checkins[0].notes",
    "plan.checkins[0].employee_comments",
    "plan.checkins[0].wins",
    "plan.checkins[0].concerns",
    "plan.checkins[0].next_steps",
    "plan.checkins[0].private_notes",
    "plan.checkins[0].progress",
    "plan.checkins[0].progress[0].value",
    "plan.checkins[0].progress[0].rating",
    "plan.checkins[0].progress[0].comment",
    "plan.acknowledgement.refused",
    "plan.acknowledgement.witness",
    "plan.acknowledgement.employee_comment",
]
OPTIONAL_NULLS_ELSEWHERE = [
    (CARL, "plan.revisions[0].field"),
    (CARL, "plan.revisions[0].old"),
    (CARL, "plan.revisions[0].new"),
    (BETH, "plan.outcome.decision"),
    (BETH, "plan.outcome.decided_on"),
    (BETH, "plan.outcome.follow_up"),
    (BETH, "plan.outcome.summary"),
    (BETH, "plan.outcome.monitoring"),
    (BETH, "plan.outcome.results"),
    (BETH, "plan.outcome.results[0].result"),
    (BETH, "plan.outcome.results[0].comment"),
]
# Without its concerns or objectives, what names them would name nothing: those two are nulled only all at once.
OPTIONAL = [
    (ALEX, path) for path in OPTIONAL_NULLS if path not in {"plan.concerns", "plan.objectives"}
] + OPTIONAL_NULLS_ELSEWHERE


@pytest.mark.parametrize(("name", "path"), OPTIONAL, ids=[path for _, path in OPTIONAL])
def test_optional_key_given_as_null_reads_as_absent(name: str, path: str) -> None:
    as_null = accepted(changed(sample(name), path, None))
    absent = accepted(without(sample(name), path))
    assert as_null == absent


def test_every_optional_key_null_at_once_is_accepted() -> None:
    document = sample()
    for path in sorted(OPTIONAL_NULLS, key=lambda path: len(_parts(path)), reverse=True):  # innermost first
        document = changed(document, path, None)
    plan = accepted(document)
    assert (plan.hr_partner, plan.objectives, plan.checkins, plan.summary) == (None, [], [], "")


def test_empty_lists_are_accepted() -> None:
    document = sample(BETH)
    for key in ("prior_discussions", "concerns", "objectives", "support", "milestones", "checkins", "revisions"):
        document = changed(document, f"plan.{key}", [])
    document = changed(document, "plan.outcome.results", [])
    plan = accepted(document)
    assert (plan.concerns, plan.objectives, plan.checkins, plan.revisions) == ([], [], [], [])


def test_empty_nested_lists_are_accepted() -> None:
    document = changed(sample(), "plan.concerns[0].evidence", [])
    document = changed(document, "plan.checkins[0].progress", [])
    assert accepted(document).checkins[0].progress == []


def test_plan_with_only_its_required_keys_is_accepted() -> None:
    minimal = {
        "format": "pipdesk-plan",
        "version": 1,
        "plan": {
            "title": "Punctuality",
            "status": "draft",
            "employee": {"name": "Dmitry"},
            "manager": {"name": "Dana"},
            "start_date": "2026-12-01",
            "end_date": "2027-01-29",
        },
    }
    plan = accepted(minimal)
    assert (plan.hr_partner, plan.checkin_every_days, plan.outcome, plan.objectives) == (None, None, None, [])
    assert plan.employee.email == ""


def test_items_with_only_their_required_keys_are_accepted() -> None:
    document = sample(BETH)
    plan_data = document["plan"]
    plan_data["concerns"].append({"key": "tone", "area": "Tone in tickets"})
    plan_data["objectives"].append(
        {
            "key": "tone",
            "title": "Polite tone",
            "metric": "complaints",
            "baseline": 2,
            "target": 0,
            "due_date": "2026-05-25",
        }
    )
    plan_data["support"].append({"description": "Read the style guide"})
    plan_data["milestones"].append({"title": "Review", "date": "2026-04-01"})
    plan_data["checkins"].append({"date": "2026-04-02", "progress": [{"objective": "tone"}]})
    plan_data["prior_discussions"].append({"date": "2026-01-02"})
    plan_data["revisions"].append({"at": "2026-04-02T10:00:00Z", "reason": "Added the tone objective."})
    plan_data["acknowledgement"] = {"on": "2026-03-02"}
    plan_data["outcome"]["results"].append({"objective": "tone"})
    plan = accepted(document)
    assert plan.milestones[-1].kind is MilestoneKind.CUSTOM
    assert plan.support[-1].done is False


TEXTS = [
    "Дмитрий — Ελληνικά — 日本語 — العربية — עברית — 🙂👍🏽 — e\u0301 — ﬁ",
    "first line\nsecond line\r\nthird line\rfourth\n\n\ttabbed\n",
    "\u2028line separator\u2029paragraph separator\u0000nul\u001fcontrol\u00a0nbsp\ufeffbom",
    '"quoted" \\backslash\\ /slash/ <b>html</b> {"json": [1]} ${var} %s',
    "   leading and trailing spaces   ",
    ("A very long note. " * 40 + "\n") * 500,
]


@pytest.mark.parametrize("text", TEXTS, ids=["scripts", "line-breaks", "odd-characters", "markup", "spaces", "long"])
def test_any_unicode_and_any_length_of_text_within_the_limits_is_kept_exactly(text: str) -> None:
    name = ("Name: " + text)[:MAX_SHORT_TEXT]  # a name is short text; notes and summaries long
    document = changed(sample(), "plan.summary", text)
    document = changed(document, "plan.checkins[0].private_notes", text)
    document = changed(document, "plan.employee.name", name)
    plan = accepted(document)
    assert plan.summary == text
    assert plan.checkins[0].private_notes == text
    assert plan.employee.name == name
    assert parse_plan_file(dump_plan_file(plan).encode("utf-8")) == plan


def test_keys_in_any_unicode_link_objectives_to_concerns_and_progress() -> None:
    document = changed(sample(), "plan.concerns[0].key", "задержки 🚚")
    for index in (0, 2):
        document = changed(document, f"plan.objectives[{index}].concern", "задержки 🚚")
    document = changed(document, "plan.objectives[0].key", "в срок ✓")
    for index in range(len(document["plan"]["checkins"])):
        document = changed(document, f"plan.checkins[{index}].progress[0].objective", "в срок ✓")
    plan = accepted(document)
    assert plan.objective("в срок ✓") is not None
    assert plan.concern("задержки 🚚") is not None


@pytest.mark.parametrize(("length", "shown"), [(59, "é" * 59), (60, "é" * 60), (61, "é" * 57 + "…")])
def test_a_wrong_value_is_quoted_whole_up_to_60_characters_and_cut_short_after(length: int, shown: str) -> None:
    # Written as typed (not as \u00e9), in the message a manager reads.
    assert only_problem(changed(sample(), "plan.status", "é" * length)) == (
        "plan.status",
        f"Expected one of 'draft', 'active', 'extended' or 'closed'; found the text \"{shown}\"",
    )
