"""Plan files read back exactly as written, and the published JSON Schemas agree with the samples.

Since format 2, pipdesk reads versions 1 and 2 and writes version 2: a version-1 file is upgraded
on the way in (every part version 2 added left empty), and its export is a version-2 file.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import runpy
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel

from pipdesk.domain import Plan, PlanInvalid
from pipdesk.domain.limits import MAX_ITEMS, SHORT_TEXT_KEYS
from pipdesk.domain.model import FORMAT_2_ONLY
from pipdesk.planfile import READABLE_VERSIONS, dump_plan_file, json_schema, parse_plan_file

from conftest import SAMPLE_NAMES, SAMPLES, sample_path

DOCS = Path(__file__).parents[2] / "docs"
ALEX = "alex-delivery-active"
#: A version-2 sample with a check-in, progress, objectives and support where the version-1 ALEX has them.
ALEX_V2 = SAMPLES / "v2" / "alex-delivery-paused.json"


def schema_file(version: int) -> Path:
    return DOCS / f"plan-format-v{version}.schema.json"


def export(plan: Plan, *, exported_at: dt.datetime | None = None) -> bytes:
    return dump_plan_file(plan, exported_at=exported_at).encode("utf-8")


def schema_validator(version: int = 2) -> jsonschema.protocols.Validator:
    schema = json_schema(version)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def sample_document(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(sample_path(name).read_text(encoding="utf-8"))
    return document


def v2_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(ALEX_V2.read_text(encoding="utf-8"))
    return document


def as_version_1(exported: bytes) -> bytes:
    """A version-2 export written as pipdesk wrote version 1: what version 2 added left out."""
    document = json.loads(exported)
    assert document["version"] == 2
    document["version"] = 1
    plan = document["plan"]
    for key, spec in FORMAT_2_ONLY.items():
        if spec is True:
            del plan[key]
    for part in ("acknowledgement", "outcome"):
        if plan[part] is not None:
            for key in FORMAT_2_ONLY[part]:
                del plan[part][key]
    for part in ("checkins", "concerns"):
        for item in plan[part]:
            for key in FORMAT_2_ONLY[part]["__all__"]:
                del item[key]
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def test_the_four_samples_are_there() -> None:
    assert SAMPLE_NAMES == [
        "alex-delivery-active",
        "beth-communication-closed",
        "carl-skills-extended",
        "dmitry-punctuality-draft",
    ]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_imports(name: str) -> None:
    plan = parse_plan_file(sample_path(name).read_bytes())
    assert plan.title
    assert plan.status.value in name


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_export_import_export_is_byte_identical(name: str) -> None:
    # A version-1 sample is upgraded: its export is version 2, and reads back to the same bytes.
    first = export(parse_plan_file(sample_path(name).read_bytes()))
    assert json.loads(first)["version"] == 2
    second = export(parse_plan_file(first))
    assert second == first


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_version_1_sample_is_upgraded_with_every_version_2_part_empty(name: str) -> None:
    plan = parse_plan_file(sample_path(name).read_bytes())
    assert (plan.hr_review, plan.appeal) == (None, None)
    assert (plan.reacknowledgements, plan.adjustments, plan.pauses, plan.responses) == ([], [], [], [])
    assert plan.acknowledgement is None or plan.acknowledgement.recorded_at is None
    assert plan.outcome is None or plan.outcome.acknowledgement is None
    assert all(not c.formal and c.companion_offered is None and c.attendance == [] for c in plan.checkins)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_import_of_an_export_gives_the_same_plan(name: str) -> None:
    plan = parse_plan_file(sample_path(name).read_bytes())
    assert parse_plan_file(export(plan)) == plan


def test_exporting_an_imported_sample_gives_its_bytes_without_the_export_time() -> None:
    # Format 2: the export of a version-1 file is version 2; less what version 2 added, it is the
    # file's own bytes: the upgrade loses and changes nothing.
    original = sample_path(ALEX).read_bytes()
    export_time_line = b'  "exported_at": "2026-11-23T09:00:00Z",\n'
    assert original.count(export_time_line) == 1
    assert as_version_1(export(parse_plan_file(original))) == original.replace(export_time_line, b"")


def test_exporting_an_imported_sample_with_its_export_time_gives_its_bytes() -> None:
    original = sample_path(ALEX).read_bytes()
    exported_at = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    assert as_version_1(export(parse_plan_file(original), exported_at=exported_at)) == original


def test_exporting_an_imported_version_2_file_gives_its_bytes() -> None:
    original = ALEX_V2.read_bytes()
    assert export(parse_plan_file(original)) == original


@pytest.mark.parametrize(
    "exported_at",
    [
        dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
        dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC),
    ],
    ids=["+01:00", "-08:00", "UTC"],
)
def test_export_time_is_written_in_utc(exported_at: dt.datetime) -> None:
    text = dump_plan_file(parse_plan_file(sample_path(ALEX).read_bytes()), exported_at=exported_at)
    assert json.loads(text)["exported_at"] == "2026-11-23T09:00:00Z"


def test_export_time_comes_after_the_version_and_before_the_plan() -> None:
    text = dump_plan_file(parse_plan_file(sample_path(ALEX).read_bytes()), exported_at=dt.datetime.now(dt.UTC))
    assert list(json.loads(text)) == ["format", "version", "exported_at", "plan"]


def test_export_without_an_export_time_writes_none() -> None:
    text = dump_plan_file(parse_plan_file(sample_path(ALEX).read_bytes()))
    assert list(json.loads(text)) == ["format", "version", "plan"]


@pytest.mark.parametrize(
    ("written", "read_back"),
    [
        ("55", "55"),
        ("4.2", "4.2"),
        ("3.1", "3.1"),
        ("0", "0"),
        ("-0.5", "-0.5"),
        ("12.75", "12.75"),
        ("1000000", "1000000"),
        ("0.1", "0.1"),
        ("55.0", "55"),
    ],
)
def test_numbers_keep_their_form(written: str, read_back: str) -> None:
    text = sample_path(ALEX).read_text(encoding="utf-8").replace('"baseline": 55,', f'"baseline": {written},', 1)
    text = text.replace('"value": 60,', f'"value": {written},', 1)
    exported = dump_plan_file(parse_plan_file(text))
    assert f'"baseline": {read_back},' in exported
    assert f'"value": {read_back},' in exported


def test_export_writes_every_key_in_a_fixed_order() -> None:
    minimal = {
        "format": "pipdesk-plan",
        "version": 1,
        "plan": {
            "end_date": "2027-01-29",
            "start_date": "2026-12-01",
            "manager": {"name": "Dana"},
            "employee": {"name": "Dmitry"},
            "status": "draft",
            "title": "Punctuality",
        },
    }
    document = json.loads(dump_plan_file(parse_plan_file(json.dumps(minimal))))
    # Format 2: a version-1 file gains every key version 2 added, in the order of a version-2 file.
    assert list(document["plan"]) == list(v2_document()["plan"])
    assert document["plan"]["employee"] == {"name": "Dmitry", "job_title": "", "department": "", "email": ""}
    assert document["plan"]["hr_partner"] is None
    assert document["plan"]["objectives"] == []
    assert document["plan"]["hr_review"] is None
    assert document["plan"]["pauses"] == []


def test_export_is_utf8_without_escapes_with_two_space_indent_and_a_final_newline() -> None:
    plan = parse_plan_file(sample_path("dmitry-punctuality-draft").read_bytes())
    text = dump_plan_file(plan)
    assert '"name": "Дмитрий Иванов"' in text
    assert "\\u" not in text
    assert text.startswith('{\n  "format": "pipdesk-plan",\n  "version": 2,\n  "plan": {\n    "title": ')
    assert text.endswith("\n}\n")
    assert "\r" not in text


def test_line_breaks_in_text_survive_export_and_import() -> None:
    plan = parse_plan_file(sample_path(ALEX).read_bytes())
    notes = "Line one\nLine two\r\nLine three\n"
    plan.checkins[0].notes = notes
    assert parse_plan_file(export(plan)).checkins[0].notes == notes


# ---------------------------------------------------------------------------------------------- JSON Schema


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_json_schema_accepts_the_sample(name: str) -> None:
    # The version-1 samples are version-1 files: the version-1 schema accepts them, the version-2 one not.
    errors = [error.message for error in schema_validator(1).iter_errors(sample_document(name))]
    assert errors == []
    assert list(schema_validator(2).iter_errors(sample_document(name))) != []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_json_schema_accepts_the_export_of_the_sample(name: str) -> None:
    exported = json.loads(
        dump_plan_file(parse_plan_file(sample_path(name).read_bytes()), exported_at=dt.datetime.now(dt.UTC))
    )
    assert list(schema_validator().iter_errors(exported)) == []


def _with(document: dict[str, Any], *path_and_value: Any) -> dict[str, Any]:
    *path, key, value = path_and_value
    document = copy.deepcopy(document)
    target = document
    for part in path:
        target = target[part]
    target[key] = value
    return document


SCHEMA_REFUSALS = {
    "version-1-with-a-pause": ("version", 1),
    "kickoff-in-version-1": ("plan", "checkins", 0, "kind", "kickoff"),
    "unknown-top-level-key": ("exporter", "HR tool"),
    "unknown-plan-key": ("plan", "titel", "Delivery"),
    "unknown-person-key": ("plan", "employee", "phone", "555"),
    "unknown-progress-key": ("plan", "checkins", 0, "progress", 0, "note", "x"),
    "version-3": ("version", 3),
    "other-format": ("format", "pipdesk"),
    "status-outside-its-set": ("plan", "status", "open"),
    "number-as-text": ("plan", "objectives", 0, "baseline", "55"),
    "boolean-as-number": ("plan", "support", 0, "done", 1),
    "cadence-91": ("plan", "checkin_every_days", 91),
    "status-null": ("plan", "status", None),
}


@pytest.mark.parametrize("change", SCHEMA_REFUSALS.values(), ids=SCHEMA_REFUSALS.keys())
def test_json_schema_and_importer_both_refuse_a_broken_file(change: tuple[Any, ...]) -> None:
    # A version-2 file broken in one place; the v1 schema is asked of a file saying version 1.
    document = _with(v2_document(), *change)
    if change[-2] == "kind":
        document = _with(sample_document(ALEX), *change)
    version = document["version"] if document["version"] in READABLE_VERSIONS else 2
    assert list(schema_validator(version).iter_errors(document)) != []
    with pytest.raises(PlanInvalid):
        parse_plan_file(json.dumps(document))


@pytest.mark.parametrize("version", READABLE_VERSIONS)
def test_json_schema_refuses_a_missing_required_key(version: int) -> None:
    document = sample_document(ALEX) if version == 1 else v2_document()
    del document["plan"]["status"]
    assert list(schema_validator(version).iter_errors(document)) != []


def test_json_schema_allows_null_for_optional_keys_as_the_importer_does() -> None:
    document = _with(sample_document(ALEX), "plan", "milestones", 0, "kind", None)
    document = _with(document, "plan", "checkins", 0, "progress", None)
    document = _with(document, "exported_at", None)
    assert list(schema_validator(1).iter_errors(document)) == []
    assert parse_plan_file(json.dumps(document))


def test_json_schema_of_version_2_allows_null_for_its_new_optional_keys_as_the_importer_does() -> None:
    document = v2_document()
    for key in ("hr_review", "reacknowledgements", "adjustments", "pauses", "responses", "appeal"):
        document = _with(document, "plan", key, None)
    document = _with(document, "plan", "acknowledgement", "recorded_at", None)
    document = _with(document, "plan", "checkins", 5, "companion_offered", None)
    document = _with(document, "plan", "checkins", 5, "attendance", None)
    document = _with(document, "plan", "checkins", 5, "formal", None)
    assert list(schema_validator(2).iter_errors(document)) == []
    plan = parse_plan_file(json.dumps(document))
    assert (plan.pauses, plan.checkins[5].attendance, plan.checkins[5].formal) == ([], [], False)


@pytest.mark.parametrize("version", READABLE_VERSIONS)
def test_committed_json_schema_matches_the_model(version: int) -> None:
    generator = runpy.run_path(str(DOCS / "generate_schema.py"))
    expected: str = generator["schema_text"](version)
    assert expected == json.dumps(json_schema(version), indent=2, ensure_ascii=False) + "\n"
    committed = schema_file(version).read_text(encoding="utf-8") if schema_file(version).exists() else ""
    assert committed == expected, (
        f"docs/plan-format-v{version}.schema.json is out of date with the plan model; "
        "regenerate it with: .venv/bin/python docs/generate_schema.py"
    )


# ---------------------------------------------------------------------------------------------- published format


def _documented_example() -> str:
    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    example = text.split("## Example", 1)[1]
    return example.split("```json\n", 1)[1].split("```", 1)[0]


def test_example_in_the_published_format_is_what_pipdesk_writes() -> None:
    example = _documented_example()
    exported_at = dt.datetime.fromisoformat(json.loads(example)["exported_at"])
    assert dump_plan_file(parse_plan_file(example), exported_at=exported_at) == example
    assert json.loads(example)["version"] == 2  # the example is of the version pipdesk writes
    assert list(schema_validator(2).iter_errors(json.loads(example))) == []


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    yield model
    for field in model.model_fields.values():
        for argument in (field.annotation, *typing.get_args(field.annotation)):
            if isinstance(argument, type) and issubclass(argument, BaseModel):
                yield from _models(argument)


def test_published_format_has_a_row_for_every_key() -> None:
    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    missing = {
        f"{model.__name__}.{key}" for model in _models(Plan) for key in model.model_fields if f"| `{key}` |" not in text
    }
    assert missing == set()


def test_published_format_states_every_limit_of_lists_and_short_texts() -> None:
    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    limits = text.split("## Limits", 1)[1].split("\n## ", 1)[0]
    for key, most in MAX_ITEMS.items():
        assert re.search(rf"\| `{key}`[^|]* \| at most {most:,} \|", limits), key
    short_row = next(line for line in limits.splitlines() if line.startswith("| a name or title"))
    assert {key for key in SHORT_TEXT_KEYS if f"`{key}`" not in short_row} == set()


def test_published_format_links_files_that_exist() -> None:
    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    targets = set(re.findall(r"\]\(((?!https?:|#)[^)#]+)\)", text))
    assert {"plan-format-v1.schema.json", "plan-format-v2.schema.json", "samples/"} <= targets
    assert [target for target in targets if not (DOCS / target).exists()] == []
