"""The audit trail's rules at their edges: the chain hash of one, two and three revisions, revisions and
stored hashes that do not pair up, and what the chain of saves counts and names around a deleted plan
and a link blanked outside pipdesk."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import Revision
from pipdesk.domain.audit import (
    GENESIS,
    SavedLink,
    chain,
    chain_hash,
    first_broken_link,
    link_hash,
    read_saves,
    revision_content,
    save_link,
)

from conftest import load_sample

AT = "2026-11-23T09:00:00+00:00"


def revision(day: int, reason: str) -> Revision:
    return Revision(
        at=dt.datetime(2026, 10, day, 9, 0, tzinfo=dt.UTC), field="end_date", old=None, new=None, reason=reason
    )


REVISIONS = [revision(1, "First."), revision(2, "Second."), revision(3, "Third.")]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_the_chain_hash_is_the_last_revisions_hash_however_many_there_are(count: int) -> None:
    plan = load_sample("alex-delivery-active")
    plan.revisions = REVISIONS[:count]
    hashes = chain(REVISIONS)
    assert chain_hash(plan) == hashes[count - 1]
    assert hashes[0] == link_hash(GENESIS, revision_content(REVISIONS[0]))
    assert len(set(hashes)) == 3


def test_revisions_and_stored_hashes_that_do_not_pair_up_are_an_error_not_an_intact_chain() -> None:
    contents = [revision_content(r) for r in REVISIONS]
    hashes: list[str | None] = list(chain(REVISIONS))
    assert first_broken_link(contents, hashes) is None
    with pytest.raises(ValueError, match="zip"):
        first_broken_link(contents, hashes[:2])  # a revision with no stored hash
    with pytest.raises(ValueError, match="zip"):
        first_broken_link(contents[:2], hashes)  # a stored hash with no revision


def links_of(*saves: tuple[int, str | None]) -> list[SavedLink]:
    """The chain of saves pipdesk writes for ``saves`` (plan number, content hash; ``None``: deleted)."""
    links, previous = [], GENESIS
    for position, (plan_id, content) in enumerate(saves):
        previous = save_link(previous, plan_id, AT, content)
        links.append(SavedLink(position, plan_id, AT, content, previous))
    return links


def test_deleting_a_plan_counts_its_saves_from_nothing_again_for_a_plan_given_its_number_later() -> None:
    deleted = read_saves(links_of((1, "a"), (2, "b"), (1, "c"), (1, None)))
    assert deleted.saves == {1: 0, 2: 1}
    assert deleted.last_content == {1: None, 2: "b"} and deleted.broken == {}
    again = read_saves(links_of((1, "a"), (1, "c"), (1, None), (1, "d"), (1, "e")))
    assert again.saves == {1: 2} and again.last_content == {1: "e"}


def test_a_blanked_link_names_its_own_save_and_a_save_linked_after_it_is_checked_against_the_blank() -> None:
    """An editor blanks the last link (''); pipdesk then saves plan 2 over it, its link made from ''."""
    first, second = links_of((1, "a"), (2, "b"))
    blanked = SavedLink(1, 2, AT, "b", "")
    after = SavedLink(2, 3, AT, "c", save_link("", 3, AT, "c"))
    history = read_saves([first, blanked, after])
    assert history.broken == {2: blanked}
    assert history.saves == {1: 1, 2: 1, 3: 1}
    assert read_saves([first, second, SavedLink(2, 3, AT, "c", save_link(second.link or "", 3, AT, "c"))]).broken == {}
