"""Any value in any text, number or date field goes domain → store → plan file → import → PDF, or is refused clearly."""

from __future__ import annotations

import datetime as dt
import json
import math
import tempfile
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from pipdesk.domain import Plan, PlanInvalid
from pipdesk.planfile import dump_plan_file, parse_plan_file
from pipdesk.reports import ReportError, ReportOptions, render_plan
from pipdesk.store import PlanBook

from conftest import SAMPLE_NAMES, load_sample

FieldPath = tuple[str | int, ...]
OPTIONS = ReportOptions(printed_on=dt.date(2026, 1, 1), reproducible=True)


def _leaves(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text, number and date field the samples fill in, with its kind (enums are not free text)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    elif isinstance(value, Enum | bool):
        return
    elif isinstance(value, str):
        yield path, "text"
    elif isinstance(value, int | float):
        yield path, "number"
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        yield path, "date"


SAMPLES = {name: load_sample(name) for name in SAMPLE_NAMES}
FIELDS = sorted(
    {(name, path, kind) for name, plan in SAMPLES.items() for path, kind in _leaves(plan.model_dump())},
    key=lambda item: (item[0], [str(part) for part in item[1]]),
)

control_text = st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), max_size=20)
long_text = st.builds(lambda word, times: word * times, st.text(min_size=1, max_size=12), st.integers(500, 1500))
# Every code point but a lone surrogate, which a plan refuses (see the surrogate tests below).
any_text = st.one_of(st.text(max_size=60), control_text, long_text, st.just(""), st.just("   "))
numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([-0.0, 0.0, 5e-324, 1e308, -1e308, 2**53 + 1, 2**63, -(2**63)]),
)
VALUES = {"text": any_text, "number": numbers, "date": st.dates()}


@st.composite
def changed_plans(draw: st.DrawFn) -> tuple[str, FieldPath, Any, dict[str, Any]]:
    name, path, kind = draw(st.sampled_from(FIELDS))
    value = draw(VALUES[kind])
    data = SAMPLES[name].model_dump()
    holder: Any = data
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = value
    return name, path, value, data


@pytest.fixture(scope="module")
def shared_book() -> Iterator[PlanBook]:
    with tempfile.TemporaryDirectory() as folder, PlanBook.open(Path(folder) / "property.pipdesk") as book:
        yield book


def _through_everything(book: PlanBook, data: dict[str, Any]) -> None:
    try:
        plan = Plan.model_validate(data)
    except ValidationError:
        event("refused by the domain model")
        return  # the domain refuses it as typed (the editor's fields say why)
    try:
        plan_id = book.add(plan)
    except PlanInvalid as refused:
        assert refused.problems and str(refused).startswith("The plan was not saved:")
        event("refused by the rules")
        return
    stored = book.get(plan_id)
    book.delete(plan_id)
    assert stored == plan, "the plan read back from the plan book differs from the plan saved"
    text = dump_plan_file(stored)
    assert parse_plan_file(text) == plan, "export → import changed the plan"
    try:
        pdf = render_plan(stored, OPTIONS)
    except ReportError:
        event("stored and exported; the PDF refused it")
        return
    assert pdf.startswith(b"%PDF-")
    event("stored, exported, imported and printed")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changed=changed_plans())
def test_any_value_in_any_field_round_trips_or_is_refused_clearly(
    shared_book: PlanBook, changed: tuple[str, FieldPath, Any, dict[str, Any]]
) -> None:
    _through_everything(shared_book, changed[3])


@settings(max_examples=60, deadline=None)
@given(
    field=st.sampled_from([(n, p) for n, p, kind in FIELDS if kind == "text"]),
    text=st.characters(categories=["Cs"]),  # one alone: two may pair into a real character
)
def test_a_plan_file_with_a_lone_surrogate_escape_is_refused_with_where_it_is(
    field: tuple[str, FieldPath], text: str
) -> None:
    """JSON may spell a lone surrogate (``"\\ud800"``); pipdesk refuses it on import with the path."""
    name, path = field
    document = json.loads(dump_plan_file(SAMPLES[name]))
    holder: Any = document["plan"]
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = f"before {text} after"
    with pytest.raises(PlanInvalid, match="broken character"):
        parse_plan_file(json.dumps(document, ensure_ascii=True))


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
def test_a_number_json_cannot_hold_is_refused_on_import(number: float) -> None:
    document = json.loads(dump_plan_file(SAMPLES["alex-delivery-active"]))
    document["plan"]["objectives"][0]["target"] = number
    with pytest.raises(PlanInvalid, match=r"a JSON file may hold|too large"):
        parse_plan_file(json.dumps(document))


# The domain refuses what the store or the plan file could not keep, as soon as it is set.
@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
def test_a_non_finite_number_is_refused_when_it_is_set(number: float, shared_book: PlanBook) -> None:
    plan = SAMPLES["alex-delivery-active"].model_copy(deep=True)
    with pytest.raises(ValidationError, match="Expected a finite number"):
        plan.objectives[0].target = number
    assert shared_book.get(shared_book.add(plan)) == plan


def test_text_with_a_lone_surrogate_is_refused_when_it_is_set(shared_book: PlanBook) -> None:
    plan = SAMPLES["alex-delivery-active"].model_copy(deep=True)
    with pytest.raises(ValidationError, match="lone surrogate"):
        plan.summary = "broken \ud800 text"
    assert shared_book.get(shared_book.add(plan)) == plan
