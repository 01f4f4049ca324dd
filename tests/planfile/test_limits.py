"""Input size: limits a manager never meets, refused with their place, cheaply; PDFs linear in a text."""

from __future__ import annotations

import io
import time

import pytest
from pypdf import PdfReader
from test_planfile_rules import accepted, changed, file_bytes, only_problem, sample

from pipdesk.domain import Objective, format_path, plan_problems
from pipdesk.domain.limits import MAX_ITEMS, MAX_SHORT_TEXT, MAX_TEXT
from pipdesk.planfile.format import MAX_JSON_CONTAINERS, MAX_PLAN_FILE_BYTES
from pipdesk.reports import ReportOptions, render_plan

from conftest import load_sample


def _refused_quickly(data: bytes, seconds: float = 2.0) -> tuple[str, str]:
    started = time.perf_counter()
    path, message = only_problem(data)
    assert time.perf_counter() - started < seconds
    return path, message


def _checkins_of(item: str, size: int) -> bytes:
    """A plan file whose check-ins are ``item`` over and over, ``size`` bytes in all."""
    head, tail = '{"format": "pipdesk-plan", "version": 1, "plan": {"checkins": [', "]}}"
    count = (size - len(head) - len(tail)) // (len(item) + 1)
    return (head + ",".join([item] * count) + tail).encode()


def test_a_file_over_8_mb_is_refused_before_it_is_read() -> None:
    path, message = _refused_quickly(b" " * MAX_PLAN_FILE_BYTES + b"{}", seconds=0.5)
    assert path == "(top level)"
    assert "at most 8 MB" in message


def test_a_file_of_millions_of_empty_objects_is_refused_in_a_moment() -> None:
    # 63 MB of {} took 63 s and 11.6 GB before; 8 MB of them 52 s and 7 GB.
    path, message = _refused_quickly(_checkins_of("{}", MAX_PLAN_FILE_BYTES - 1))
    assert path == "(top level)"
    assert f"at most {MAX_JSON_CONTAINERS:,}" in message


def test_a_file_of_hundreds_of_thousands_of_small_objects_is_refused_in_a_moment() -> None:
    path, message = _refused_quickly(_checkins_of('{"date": "2026-10-01"}', MAX_PLAN_FILE_BYTES - 1))
    assert path == "(top level)"
    assert "objects and lists" in message


def test_a_file_of_millions_of_numbers_is_refused_in_a_moment() -> None:
    head = '{"format": "pipdesk-plan", "version": 1, "plan": {"title": ['
    data = (head + ",".join(["1"] * 3_000_000) + "]}}").encode()
    path, message = _refused_quickly(data)
    assert path == "(top level)"
    assert "values" in message


def test_braces_and_commas_in_texts_are_not_counted_as_objects() -> None:
    text = "{[,]} " * 100_000
    plan = accepted(changed(sample(), "plan.summary", text))
    assert plan.summary == text


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("plan.objectives", "objectives"),
        ("plan.checkins", "checkins"),
        ("plan.milestones", "milestones"),
        ("plan.revisions", "revisions"),
        ("plan.concerns[0].evidence", "evidence"),
        ("plan.checkins[0].progress", "progress"),
    ],
)
def test_a_list_longer_than_its_limit_is_refused_with_its_path(path: str, key: str) -> None:
    document = sample()
    document["plan"]["revisions"] = [{"at": "2026-10-01T09:00:00Z", "field": "title", "reason": "Clearer"}]
    parent = document
    for part in path.replace("[0]", ".0").split(".")[:-1]:
        parent = parent[int(part)] if part.isdigit() else parent[part]
    items = parent[path.rsplit(".", 1)[-1]]
    grown = changed(document, path, [items[0]] * (MAX_ITEMS[key] + 1))
    found, message = only_problem(grown)
    assert found == path
    assert f"at most {MAX_ITEMS[key]:,}" in message


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("plan.summary", MAX_TEXT),
        ("plan.checkins[0].private_notes", MAX_TEXT),
        ("plan.concerns[0].evidence[0].note", MAX_TEXT),
        ("plan.title", MAX_SHORT_TEXT),
        ("plan.employee.name", MAX_SHORT_TEXT),
        ("plan.objectives[0].metric", MAX_SHORT_TEXT),
    ],
)
def test_a_text_at_its_limit_is_kept_and_one_character_more_is_refused_with_its_path(path: str, limit: int) -> None:
    assert accepted(changed(sample(), path, "é" * limit))
    found, message = only_problem(changed(sample(), path, "é" * (limit + 1)))
    assert found == path
    assert f"at most {limit:,}" in message


def test_the_rules_refuse_an_edit_beyond_the_limits_with_its_path() -> None:
    plan = load_sample("alex-delivery-active")
    plan.checkins[0].private_notes = "x" * (MAX_TEXT + 1)
    plan.objectives = [Objective(key=f"o{i}", title="T") for i in range(MAX_ITEMS["objectives"] + 1)]
    paths = [format_path(p.path) for p in plan_problems(plan)]
    assert "plan.checkins[0].private_notes" in paths
    assert "plan.objectives" in paths


def test_a_plan_at_several_limits_at_once_is_read_in_seconds() -> None:
    document = sample()
    document["plan"]["checkins"] = [document["plan"]["checkins"][0]] * MAX_ITEMS["checkins"]
    document["plan"]["summary"] = "A long account. " * (MAX_TEXT // 16)
    data = file_bytes(document)
    assert len(data) <= MAX_PLAN_FILE_BYTES
    started = time.perf_counter()
    plan = accepted(data)
    assert time.perf_counter() - started < 10
    assert len(plan.checkins) == MAX_ITEMS["checkins"]


def test_a_plan_pdf_with_a_text_at_the_limit_is_made_in_seconds_and_holds_the_text() -> None:
    # One summary of a million characters took 108 s before (300,000: 8 s); the time grew with the square.
    words = " ".join(f"w{i:06d}" for i in range(MAX_TEXT // 8))
    plan = load_sample("alex-delivery-active").model_copy(update={"summary": words})
    started = time.perf_counter()
    pdf = render_plan(plan, ReportOptions())
    assert time.perf_counter() - started < 10
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for sample_word in ("w000000", "w050000", f"w{MAX_TEXT // 8 - 1:06d}"):
        assert sample_word in text
    assert len(text) > MAX_TEXT // 2
