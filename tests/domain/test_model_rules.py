"""The plan's model, to the word: how a date must be written and what a refusal says, null text read as
empty, and finding an objective or a concern by its key (the one with that key, or none)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from pipdesk.domain import DatedNote, Person

from conftest import load_sample


def refusal(value: object) -> str:
    """The one problem pydantic reports for ``value`` as a dated note's date, as the manager reads it."""
    with pytest.raises(ValidationError) as raised:
        DatedNote.model_validate({"date": value})
    [error] = raised.value.errors()
    return str(error["msg"])


def test_a_date_is_read_from_its_iso_form_or_taken_as_a_date_already() -> None:
    assert DatedNote.model_validate({"date": "2026-02-28"}).date == dt.date(2026, 2, 28)
    assert DatedNote.model_validate({"date": "2028-02-29"}).date == dt.date(2028, 2, 29)  # a leap day
    assert DatedNote(date=dt.date(2026, 11, 23)).date == dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-1-5", "Value error, Expected a date as YYYY-MM-DD, found '2026-1-5'"),
        ("2026-01-05T00:00:00", "Value error, Expected a date as YYYY-MM-DD, found '2026-01-05T00:00:00'"),
        ("", "Value error, Expected a date as YYYY-MM-DD, found ''"),
        ("2026-02-29", "Value error, '2026-02-29' is not a real date"),  # 2026 is not a leap year
        ("2026-13-01", "Value error, '2026-13-01' is not a real date"),
    ],
)
def test_a_date_not_written_as_a_real_yyyy_mm_dd_is_refused_in_these_words(value: str, words: str) -> None:
    assert refusal(value) == words


def test_a_null_text_reads_as_empty_text_and_other_text_is_kept_as_it_is() -> None:
    person = Person.model_validate({"name": "Ann", "job_title": None, "department": " Sales \n"})
    assert (person.job_title, person.department, person.email) == ("", " Sales \n", "")


def test_an_objective_and_a_concern_are_found_by_their_own_key_and_an_unknown_key_finds_none() -> None:
    plan = load_sample("alex-delivery-active")
    first, second = plan.objectives[0], plan.objectives[1]
    assert plan.objective(second.key) is second
    assert plan.objective(first.key) is first
    assert plan.objective("no-such-objective") is None
    assert plan.concern(plan.concerns[1].key) is plan.concerns[1]
    assert plan.concern(plan.concerns[0].key) is plan.concerns[0]
    assert plan.concern("no-such-concern") is None
