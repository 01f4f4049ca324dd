"""Read and write plan files exactly as docs/plan-format.md says, reporting every problem at once."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from pydantic import AwareDatetime, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from pipdesk.domain import Plan, PlanInvalid, Problem, plan_problems
from pipdesk.domain.problems import PathPart

FORMAT_NAME = "pipdesk-plan"
FORMAT_VERSION = 1
_TOP_LEVEL_KEYS = ("format", "version", "exported_at", "plan")
_EXPORTED_AT = TypeAdapter(AwareDatetime)


def parse_plan_file(data: bytes | str) -> Plan:
    """The plan a file holds, or :class:`PlanInvalid` listing every problem with its JSON path."""
    document = _load_json(data)
    problems = list(_envelope_problems(document))
    plan_data = document.get("plan") if isinstance(document, dict) else None
    plan: Plan | None = None
    if isinstance(plan_data, dict):
        try:
            plan = Plan.model_validate_json(json.dumps(plan_data), strict=True)
        except ValidationError as error:
            problems.extend(_translate(error.errors(), prefix=("plan",)))
    if plan is not None:
        problems.extend(plan_problems(plan))
    if problems or plan is None:
        raise PlanInvalid(problems, intro="This is not a plan file pipdesk can import")
    return plan


def dump_plan_file(plan: Plan, *, exported_at: dt.datetime | None = None) -> str:
    """The plan as format-1 JSON text: keys in a fixed order, every key written, UTF-8, a final newline.

    Without ``exported_at`` the file carries no timestamp, so exporting the same plan twice gives
    the same bytes.
    """
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if exported_at is not None:
        document["exported_at"] = _EXPORTED_AT.dump_python(exported_at.astimezone(dt.UTC), mode="json")
    document["plan"] = plan.model_dump(mode="json")
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, generated from the domain model."""
    plan_schema = Plan.model_json_schema(mode="validation")
    definitions = plan_schema.pop("$defs", {})
    definitions["Plan"] = plan_schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://pipdesk.invalid/schema/plan-format-v1.json",
        "title": "pipdesk plan file, format version 1",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "plan"],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": FORMAT_VERSION},
            "exported_at": {"type": "string", "format": "date-time"},
            "plan": {"$ref": "#/$defs/Plan"},
        },
        "$defs": definitions,
    }


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class _DuplicateKey(ValueError):
    pass


def _load_json(data: bytes | str) -> Any:
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise PlanInvalid(
                [Problem((), f"The file is not UTF-8 text (byte {error.start} cannot be read)")],
                intro="This is not a plan file pipdesk can import",
            ) from None
    else:
        text = data
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except _DuplicateKey as error:
        message = f"The key {error.args[0]!r} appears twice in one object; which one is meant cannot be told"
    except json.JSONDecodeError as error:
        message = f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
    except RecursionError:
        message = "The file is not valid JSON: it is nested too deeply"
    raise PlanInvalid([Problem((), message)], intro="This is not a plan file pipdesk can import")


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
        problems.append(Problem(("version",), "The key \"version\" is missing; pipdesk reads version 1"))
    elif type(version) is not int or version != FORMAT_VERSION:
        problems.append(Problem(("version",), f"pipdesk reads plan files of version 1; this one is {_describe(version)}"))
    if document.get("exported_at") is not None:
        try:
            _EXPORTED_AT.validate_json(json.dumps(document["exported_at"]), strict=True)
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
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"the text {json.dumps(shown, ensure_ascii=False)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


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


def _message(error: ErrorDetails, path: tuple[PathPart, ...]) -> str:
    kind = error["type"]
    found = _describe(error.get("input"))
    ctx = error.get("ctx") or {}
    last = path[-1] if path else ""
    label = str(last).replace("_", " ").capitalize() if isinstance(last, str) else "This item"
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
        return f"Must be a whole number from 1 to 90, found {found}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg']} (found {found})"
