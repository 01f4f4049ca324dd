"""How a part of a plan becomes a row: its scalar fields as column values; its lists are rows of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from pipdesk.domain import Concern, DatedNote, Milestone
from pipdesk.domain.kinds import MilestoneKind
from pipdesk.store.rows import row_of, scalar_fields


@pytest.fixture
def fields_read_afresh() -> Iterator[None]:
    """``scalar_fields`` is cached per model: these tests read each model's fields as if for the first time."""
    scalar_fields.cache_clear()
    yield
    scalar_fields.cache_clear()


@pytest.mark.usefixtures("fields_read_afresh")
def test_a_concern_keeps_its_scalars_as_columns_and_not_its_evidence_or_attachments() -> None:
    assert scalar_fields(Concern) == ("key", "area", "category", "description")
    assert scalar_fields(DatedNote) == ("date", "note")


@pytest.mark.usefixtures("fields_read_afresh")
def test_a_milestone_row_holds_its_values_as_sqlite_keeps_them() -> None:
    """An enum by its value, a date in ISO form, a flag as 0 or 1."""
    milestone = Milestone(title="Midpoint review", kind=MilestoneKind.MIDPOINT, date=dt.date(2026, 12, 7), done=True)
    assert row_of(milestone) == {"title": "Midpoint review", "kind": "midpoint", "date": "2026-12-07", "done": 1}


@pytest.mark.usefixtures("fields_read_afresh")
def test_a_concern_row_leaves_its_evidence_to_rows_of_its_own() -> None:
    concern = Concern(key="c1", area="Punctuality", evidence=[DatedNote(date=dt.date(2026, 10, 1), note="Late")])
    assert row_of(concern) == {"key": "c1", "area": "Punctuality", "category": None, "description": ""}
