"""Read and write plan files exactly as docs/plan-format.md says, reporting every problem at once."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import AwareDatetime, BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from pipdesk.domain import CheckinKind, Plan, PlanInvalid, Problem, plan_problems
from pipdesk.domain.limits import MAX_ITEMS, date_out_of_range, text_limit, too_long, too_many
from pipdesk.domain.model import FORMAT_2_ONLY, MAX_ATTACHMENT_BYTES
from pipdesk.domain.problems import PathPart

FORMAT_NAME = "pipdesk-plan"
#: The version pipdesk writes; it reads every version in READABLE_VERSIONS (a version-1 file is
#: read as a version-2 plan with none of what version 2 added).
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
_TOP_LEVEL_KEYS = ("format", "version", "exported_at", "plan")
_EXPORTED_AT = TypeAdapter(AwareDatetime)
# A plan nests six levels deep; anything far deeper is not a plan, and would overflow the parser.
_MAX_DEPTH = 16
_NOT_A_PLAN_FILE = "This is not a plan file pipdesk can import"

#: The largest plan file pipdesk reads, in bytes (8 MB). The largest plan the limits allow in
#: docs/plan-format.md fits; a bigger file is refused before it is read as JSON.
MAX_PLAN_FILE_BYTES = 8 * 1024 * 1024
#: At most this many JSON objects and lists in one file, and this many values in them all (every
#: member of an object and item of a list counts). Counted on the raw text before it is parsed: each
#: value read costs a hundred bytes or more of memory, so a file of 8 MB of ``{}`` must not be read.
MAX_JSON_CONTAINERS = 200_000
MAX_JSON_VALUES = 1_000_000
# A JSON string, escapes and all (the unrolled form, linear on any input).
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


def parse_plan_file(data: bytes | str) -> Plan:
    """The plan a file holds, or :class:`PlanInvalid` listing every problem with its JSON path.

    A file beyond pipdesk's limits (its size, how many objects and lists it holds, how long a list
    or a text is) is refused before the plan is built, with only those problems.
    """
    document = read_plan_json(data)
    problems = list(_envelope_problems(document))
    plan_data = document.get("plan") if isinstance(document, dict) else None
    plan: Plan | None = None
    if isinstance(plan_data, dict) and document.get("version") == 1 and type(document.get("version")) is int:
        version_1_problems = list(_version_2_keys(plan_data, ("plan",)))
        if version_1_problems:  # refused as version 1 always refused them, with nothing else to confuse
            raise PlanInvalid(version_1_problems, intro=_NOT_A_PLAN_FILE)
    if isinstance(plan_data, dict):
        if plan_data.get("status") is None:  # the model defaults to draft; the format wants it said
            problems.append(Problem(("plan", "status"), "Status is required: draft, active, extended or closed"))
        try:
            plan = Plan.model_validate_json(json.dumps(_without_nulls(plan_data, Plan)), strict=True)
        except ValidationError as error:
            problems.extend(_translate(error.errors(), prefix=("plan",)))
    if plan is not None:
        problems.extend(plan_problems(plan))
    if problems or plan is None:
        raise PlanInvalid(problems, intro=_NOT_A_PLAN_FILE)
    return plan


_VERSION_1_KINDS = [kind.value for kind in CheckinKind if kind is not CheckinKind.KICKOFF]


def _version_2_keys(data: dict[str, Any], at: tuple[PathPart, ...]) -> Iterator[Problem]:
    """What a version-1 file holds that only version 2 has, in document order: each refused by name."""
    for key, value in data.items():
        spec = FORMAT_2_ONLY.get(key)
        if spec is True:
            yield Problem((*at, key), _version_2_only(key))
        elif isinstance(spec, set) and isinstance(value, dict):
            yield from (Problem((*at, key, inner), _version_2_only(inner)) for inner in value if inner in spec)
        elif isinstance(spec, dict) and isinstance(value, list):  # concerns, check-ins: keys of each item
            for i, entry in enumerate(value):
                if not isinstance(entry, dict):
                    continue
                for inner, item in entry.items():
                    if inner in spec["__all__"]:
                        yield Problem((*at, key, i, inner), _version_2_only(inner))
                    elif key == "checkins" and inner == "kind" and item == CheckinKind.KICKOFF.value:
                        yield Problem(
                            (*at, key, i, inner),
                            f"Expected one of {', '.join(repr(k) for k in _VERSION_1_KINDS)}; found the text "
                            '"kickoff", which only version 2 has',
                        )


def _version_2_only(key: str) -> str:
    return f'Unknown key {key!r} in a version-1 file: plan format version 2 has it, so say "version": 2'


def read_plan_json(data: bytes | str) -> Any:
    """The JSON ``data`` holds, read by the plan file's rules before its keys are looked at.

    UTF-8 (a byte order mark is skipped), within pipdesk's limits (size, objects and lists, nesting,
    list lengths, text lengths), no key twice in one object, no NaN or number too large: otherwise
    :class:`PlanInvalid` listing every problem with its JSON path. A template file is read by it too.
    """
    _refuse_oversized(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return _load_json(data)


def dump_plan_file(plan: Plan, *, exported_at: dt.datetime | None = None) -> str:
    """The plan as format-2 JSON text: keys in a fixed order, every key written, UTF-8, a final newline.

    Without ``exported_at`` the file carries no timestamp, so exporting the same plan twice gives
    the same bytes.
    """
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if exported_at is not None:
        document["exported_at"] = _EXPORTED_AT.dump_python(exported_at.astimezone(dt.UTC), mode="json")
    document["plan"] = plan.model_dump(mode="json")
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def json_schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    """The JSON Schema of a plan file of ``version``, generated from the domain model."""
    plan_schema = Plan.model_json_schema(mode="validation")
    definitions = plan_schema.pop("$defs", {})
    definitions["Plan"] = plan_schema
    plan_schema["required"] = [key for key in plan_schema["properties"] if key in {*plan_schema["required"], "status"}]
    if version == 1:
        _without_version_2(definitions)
    for definition in definitions.values():
        _allow_null_for_optional_keys(definition)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://pipdesk.invalid/schema/plan-format-v{version}.json",
        "title": f"pipdesk plan file, format version {version}",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "plan"],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": version},
            "exported_at": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]},
            "plan": {"$ref": "#/$defs/Plan"},
        },
        "$defs": definitions,
    }


def _without_version_2(definitions: dict[str, Any]) -> None:
    """The version-1 schema: the definitions less what version 2 added (keys, kinds, the models only it uses)."""
    for model, keys in (
        ("Plan", [key for key, spec in FORMAT_2_ONLY.items() if spec is True]),
        ("Checkin", FORMAT_2_ONLY["checkins"]["__all__"]),
        ("Concern", FORMAT_2_ONLY["concerns"]["__all__"]),
        ("Acknowledgement", FORMAT_2_ONLY["acknowledgement"]),
        ("Outcome", FORMAT_2_ONLY["outcome"]),
    ):
        for key in keys:
            del definitions[model]["properties"][key]
    kinds = definitions["CheckinKind"]["enum"]
    kinds.remove(CheckinKind.KICKOFF.value)
    used = json.dumps({name: d for name, d in definitions.items()})
    for name in list(definitions):
        if name != "Plan" and f'"#/$defs/{name}"' not in used:
            del definitions[name]
            used = json.dumps(definitions)


def _allow_null_for_optional_keys(definition: dict[str, Any]) -> None:
    # The format reads null as absent for every optional key; pydantic's schema says so only where
    # the model's own type is nullable.
    required = set(definition.get("required", ()))
    properties: dict[str, dict[str, Any]] = definition.get("properties", {})
    for key, prop in properties.items():
        if key in required or any(choice.get("type") == "null" for choice in prop.get("anyOf", ())):
            continue
        notes: dict[str, Any] = {name: prop[name] for name in ("default", "title", "description") if name in prop}
        value = {name: item for name, item in prop.items() if name not in notes}
        properties[key] = {"anyOf": [value, {"type": "null"}], **notes}


def _without_nulls(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``data`` less its optional keys given as null: the format reads null as absent."""
    kept: dict[str, Any] = {}
    for key, value in data.items():
        field = model.model_fields.get(key)
        if field is None:  # unknown: kept for validation to name
            kept[key] = value
            continue
        if value is None and not field.is_required():
            continue
        inner = _model_in(field.annotation)
        if inner is not None and isinstance(value, dict):
            value = _without_nulls(value, inner)
        elif inner is not None and isinstance(value, list):
            value = [_without_nulls(item, inner) if isinstance(item, dict) else item for item in value]
        kept[key] = value
    return kept


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly, in a list or as an option: ``list[Concern]`` → ``Concern``."""
    arguments = typing.get_args(annotation)
    if not arguments:
        is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
        return annotation if is_model else None
    for argument in arguments:
        found = _model_in(argument)
        if found is not None:
            return found
    return None


class _JsonObject(dict[str, Any]):
    """A JSON object as read, remembering the keys it was given more than once."""

    duplicates: list[str]


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> _JsonObject:
    result = _JsonObject()
    result.duplicates = []
    for key, value in pairs:
        if key in result and key not in result.duplicates:
            result.duplicates.append(key)
        result[key] = value
    return result


@dataclass(frozen=True)
class _NotANumber:
    """NaN or Infinity (Python reads them; JSON has no such numbers), or a number too large to hold."""

    text: str
    too_large: bool = False


def _finite_number(text: str) -> float | _NotANumber:
    value = float(text)
    return value if math.isfinite(value) else _NotANumber(text, too_large=True)


def _whole_number(text: str) -> int | _NotANumber:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (4300)
        return _NotANumber(text, too_large=True)


def _reading_problems(document: Any) -> Iterator[Problem]:
    """What makes the JSON unfit to read as a plan before its keys are looked at, in document order."""
    pending: list[tuple[tuple[PathPart, ...], Any]] = [((), document)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, _NotANumber) and value.too_large:
            yield Problem(path, f"The number {_shorten(value.text)} is too large")
        elif isinstance(value, _NotANumber):
            yield Problem(path, f"{value.text} is not a number a JSON file may hold")
        elif isinstance(value, str) and not _encodable(value):
            yield Problem(path, "The text holds a broken character (an unpaired UTF-16 surrogate escape)")
        elif isinstance(value, str) and len(value) > text_limit(path[-1] if path else ""):
            yield Problem(path, too_long(path[-1] if path else "", len(value)))
        elif isinstance(value, (dict, list)) and len(path) > _MAX_DEPTH:
            yield Problem(path, "Lists and objects are nested here far deeper than any plan")
        elif isinstance(value, list) and path and isinstance(path[-1], str) and len(value) > _most_items(path[-1]):
            yield Problem(path, too_many(path[-1], len(value)))
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                yield Problem(
                    (*path, key), f"The key {key!r} appears twice in one object; which one is meant cannot be told"
                )
            for key in value:
                if not _encodable(key):
                    yield Problem(path, "A key holds a broken character (an unpaired UTF-16 surrogate escape)")
            pending.extend(((*path, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            pending.extend(((*path, index), item) for index, item in reversed(list(enumerate(value))))


def _most_items(key: str) -> int:
    return MAX_ITEMS.get(key, MAX_JSON_VALUES)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_oversized(data: bytes) -> None:
    """Refuse a file too big to read, cheaply: its size, then its objects and lists counted unparsed."""
    if len(data) > MAX_PLAN_FILE_BYTES:
        message = (
            f"The file is {len(data):,} bytes long; a plan file pipdesk reads is at most "
            f"{MAX_PLAN_FILE_BYTES // 1024 // 1024} MB ({MAX_PLAN_FILE_BYTES:,} bytes)"
        )
        raise PlanInvalid([Problem((), message)], intro=_NOT_A_PLAN_FILE)
    structure = _JSON_STRING.sub(b"", data)  # braces and commas inside texts do not count
    containers = structure.count(b"{") + structure.count(b"[")
    values = structure.count(b",") + containers
    if containers > MAX_JSON_CONTAINERS:
        message = f"The file holds {containers:,} objects and lists; a plan file holds at most {MAX_JSON_CONTAINERS:,}"
    elif values > MAX_JSON_VALUES:
        message = f"The file holds some {values:,} values; a plan file holds at most {MAX_JSON_VALUES:,}"
    else:
        return
    raise PlanInvalid([Problem((), message)], intro=_NOT_A_PLAN_FILE)


def _load_json(data: bytes | str) -> Any:
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise PlanInvalid(
                [Problem((), f"The file is not UTF-8 text (byte {error.start} cannot be read)")],
                intro=_NOT_A_PLAN_FILE,
            ) from None
    else:
        text = data
    try:
        document = json.loads(
            text,
            object_pairs_hook=_object_from_pairs,
            parse_constant=_NotANumber,
            parse_float=_finite_number,
            parse_int=_whole_number,
        )
    except json.JSONDecodeError as error:
        message = f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
    except RecursionError:
        message = "The file is not valid JSON: it is nested too deeply"
    else:
        problems = list(_reading_problems(document))
        if problems:
            raise PlanInvalid(problems, intro=_NOT_A_PLAN_FILE)
        return document
    raise PlanInvalid([Problem((), message)], intro=_NOT_A_PLAN_FILE)


def _envelope_problems(document: Any) -> list[Problem]:
    if not isinstance(document, dict):
        return [Problem((), f"A plan file is a JSON object; this file holds {_describe(document)}")]
    problems = []
    fmt = document.get("format")
    if "format" not in document:
        problems.append(Problem(("format",), f'The key "format" is missing; a plan file says "{FORMAT_NAME}"'))
    elif fmt != FORMAT_NAME:
        problems.append(Problem(("format",), f'Expected "{FORMAT_NAME}", found {_describe(fmt)}'))
    version = document.get("version")
    if "version" not in document:
        problems.append(Problem(("version",), 'The key "version" is missing; pipdesk reads versions 1 and 2'))
    elif type(version) is not int or version not in READABLE_VERSIONS:
        problems.append(
            Problem(("version",), f"pipdesk reads plan files of version 1 or 2; this one is {_describe(version)}")
        )
    if document.get("exported_at") is not None:
        try:
            exported_at = _EXPORTED_AT.validate_json(json.dumps(document["exported_at"]), strict=True)
            out_of_range = date_out_of_range(exported_at.date())
            if out_of_range is not None:
                problems.append(Problem(("exported_at",), out_of_range))
        except ValidationError:
            problems.append(
                Problem(
                    ("exported_at",),
                    f"Expected a date-time with a time zone, e.g. 2026-11-23T09:00:00Z; "
                    f"found {_describe(document['exported_at'])}",
                )
            )
    if "plan" not in document:
        problems.append(Problem(("plan",), 'The key "plan" is missing'))
    elif not isinstance(document["plan"], dict):
        problems.append(Problem(("plan",), f"Expected the plan as an object, found {_describe(document['plan'])}"))
    for key in document:
        if key not in _TOP_LEVEL_KEYS:
            problems.append(Problem((key,), f"Unknown key {key!r}"))
    return problems


def _describe(value: Any) -> str:
    """A JSON value as a person reads it in a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {json.dumps(_shorten(value), ensure_ascii=False)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shorten(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def _clean_path(loc: Sequence[int | str]) -> tuple[PathPart, ...]:
    # pydantic adds the member it tried ("int", "function-after[...]") to a union's path: not a JSON key.
    cleaned: list[PathPart] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in {"int", "float", "str", "bool", "constrained-int"}):
            continue
        cleaned.append(part)
    return tuple(cleaned)


def _translate(errors: Sequence[ErrorDetails], prefix: tuple[PathPart, ...]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[PathPart, ...]] = set()
    for error in errors:
        path = prefix + _clean_path(error["loc"])
        if path in seen:  # a union reports each member it tried; one message per place is enough
            continue
        seen.add(path)
        problems.append(Problem(path, _message(error, path)))
    return problems


# Keys whose name alone does not tell a person what is missing: by the list or object holding
# them (format 2 has an `on` that is not an acknowledgement's), else by the key alone.
_LABELS_IN = {
    ("responses", "on"): "The date of the response",
    ("responses", "to"): "What the response answers (plan or outcome)",
    ("responses", "text"): "The text of the response",
    ("adjustments", "requested"): "What was requested",
    ("pauses", "paused_on"): "The date the plan was paused",
    ("appeal", "lodged_on"): "The date the appeal was lodged",
}
_LABELS = {"on": "The date of the acknowledgement", "at": "The date and time of the revision"}


def _label(path: tuple[PathPart, ...]) -> str:
    last = path[-1] if path else ""
    if not isinstance(last, str):
        return "This item"
    holder = next((part for part in reversed(path[:-1]) if isinstance(part, str)), "")
    return _LABELS_IN.get((holder, last)) or _LABELS.get(last) or last.replace("_", " ").capitalize()


# The whole numbers with bounds: (lowest, highest, unit).
_BOUNDS = {"checkin_every_days": (1, 90, ""), "size": (0, MAX_ATTACHMENT_BYTES, " bytes (25 MB)")}


def _message(error: ErrorDetails, path: tuple[PathPart, ...]) -> str:
    kind = error["type"]
    found = _describe(error.get("input"))
    ctx = error.get("ctx") or {}
    last = path[-1] if path else ""
    label = _label(path)
    if kind == "missing":
        return f"{label} is required"
    if kind == "extra_forbidden":
        return f"Unknown key {last!r}"
    if kind in {"string_type", "str_type"}:
        return f"Expected text, found {found}"
    if kind in {"int_type", "int_from_float", "int_parsing"}:
        return f"Expected a whole number, found {found}"
    if kind in {"float_type", "float_parsing", "finite_number"}:
        return f"Expected a number, found {found}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"Expected true or false, found {found}"
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        return f"Expected a date as YYYY-MM-DD, found {found}"
    if kind in {"datetime_type", "datetime_parsing", "datetime_from_date_parsing", "timezone_aware"}:
        return f"Expected a date-time with a time zone, e.g. 2026-11-23T09:00:00Z; found {found}"
    if kind == "enum":
        return f"Expected one of {ctx.get('expected', '')}; found {found}"
    if kind == "list_type":
        return f"Expected a list, found {found}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"Expected an object, found {found}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        low, high, unit = _BOUNDS.get(last, (1, 90, "")) if isinstance(last, str) else (1, 90, "")
        return f"Must be a whole number from {low:,} to {high:,}{unit}, found {found}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg']} (found {found})"
