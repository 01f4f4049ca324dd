"""The plan list's read without its search text (for ``pipdesk list``): the same summaries, search text empty."""

from __future__ import annotations

import dataclasses

from pipdesk.store import PlanBook


def test_summaries_without_search_text_are_the_same_summaries_with_it_empty(book: PlanBook) -> None:
    searched = book.summaries()
    assert any(summary.search_text for summary in searched), "the samples have summaries and concerns to search"
    listed = book.summaries(search_text=False)
    assert listed == [dataclasses.replace(summary, search_text="") for summary in searched]
