"""The plan book's own rules: what `pipdesk list --json` prints of a plan and what its row keeps for the list,
which writes mark an opening in the file, how a plan that breaks a rule, names files the book does not hold or
is not in the book is refused (in what words), the times a save records, and how a plan book is opened.
The audit trail's rules (a save refusing a plan changed outside pipdesk, what `pipdesk verify` says) are in
test_plan_book_rules_2.py.

Every change "outside pipdesk" is made with a plain SQLite connection on the real file, as anyone with
the file could.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pipdesk.domain import PlanInvalid, Status, rules
from pipdesk.store import AttachmentMissing, PlanBook, PlanNotFound
from pipdesk.store.connection import IntegrityCheck, PlanBookDamaged, integrity_of
from pipdesk.store.plan_book import PlanSummary, plan_facts

from conftest import (
    ALEX,
    BETH,
    CARL,
    DMITRY,
    edit_outside_pipdesk,
    load_sample,
    read_outside_pipdesk,
    running_plan,
    stored_attachment,
)


def _epoch(path: Path) -> str:
    return str(read_outside_pipdesk(path, "SELECT epoch FROM book_identity WHERE id = 1"))


# `pipdesk list --json`


def test_a_plan_summary_as_json_has_each_key_the_list_prints() -> None:
    """A plan with a next check-in and a pause gives both; one without gives null and false."""
    summary = PlanSummary(
        id=7,
        title="Delivery predictability",
        status=Status.ACTIVE,
        employee="Alex Moreno",
        start_date=dt.date(2026, 9, 1),
        end_date=dt.date(2026, 11, 30),
        next_checkin=dt.date(2026, 10, 6),
        updated_at="2026-09-29T10:00:00+00:00",
        search_text="not printed",
        paused_since=dt.date(2026, 10, 1),
    )
    assert summary.to_json() == {
        "id": 7,
        "employee": "Alex Moreno",
        "title": "Delivery predictability",
        "status": "active",
        "start_date": "2026-09-01",
        "end_date": "2026-11-30",
        "next_checkin": "2026-10-06",
        "paused": True,
    }
    running = PlanSummary(
        7, "T", Status.DRAFT, "E", dt.date(2026, 9, 1), dt.date(2026, 11, 30), None, "2026-09-29T10:00:00+00:00"
    )
    assert running.to_json()["next_checkin"] is None
    assert running.to_json()["paused"] is False


# What the plan list and This week read on a plan's row


def test_the_facts_kept_on_a_plans_row_are_its_next_open_meeting_its_current_pause_and_its_final_review(
    book: PlanBook,
) -> None:
    """An open custom milestone is no meeting, a meeting held is not next; the pause the plan is in is its
    last of several; the final review is the latest final milestone."""
    milestones = [
        {"title": "Training day", "kind": "custom", "date": dt.date(2026, 10, 1)},
        {"title": "Kick-off", "kind": "kickoff", "date": dt.date(2026, 10, 2), "done": True},
        {"title": "Check-in", "kind": "checkin", "date": dt.date(2026, 10, 19)},
        {"title": "Check-in", "kind": "checkin", "date": dt.date(2026, 10, 12)},
        {"title": "Final review", "kind": "final", "date": dt.date(2026, 12, 14)},
        {"title": "Final review (extended)", "kind": "final", "date": dt.date(2026, 12, 21)},
        {"title": "Midpoint", "kind": "midpoint", "date": dt.date(2026, 11, 9), "done": True},
    ]
    pauses = [
        {"paused_on": dt.date(2026, 10, 5), "resumed_on": dt.date(2026, 10, 6), "reason": "Leave"},
        {"paused_on": dt.date(2026, 10, 7), "resumed_on": dt.date(2026, 10, 8), "reason": "Leave"},
        {"paused_on": dt.date(2026, 10, 9), "reason": "Sickness absence"},
    ]
    paused = running_plan(milestones=milestones, pauses=pauses)
    assert plan_facts(paused) == {
        "next_meeting": "2026-10-12",
        "paused_since": "2026-10-09",
        "final_review_on": "2026-12-21",
    }
    resumed = running_plan(milestones=milestones[:2], pauses=pauses[:2])
    assert plan_facts(resumed) == {"next_meeting": None, "paused_since": None, "final_review_on": None}

    plan_id = book.add(paused)
    summary = next(s for s in book.summaries() if s.id == plan_id)
    assert (summary.next_checkin, summary.paused_since) == (dt.date(2026, 10, 12), dt.date(2026, 10, 9))


# The first write of an opening


def _save_alex(book: PlanBook) -> None:
    plan = book.get(ALEX)
    plan.summary += " Reviewed."
    book.save(ALEX, plan)


def _forget_unused(book: PlanBook) -> None:
    assert book.forget_unused_attachments() == 1


def _add_file(book: PlanBook) -> None:
    book.add_attachment_content(b"minutes of the meeting")


def _add_plan(book: PlanBook) -> None:
    book.add(load_sample("alex-delivery-active"))


def _add_plans(book: PlanBook) -> None:
    book.add_many([load_sample("alex-delivery-active")])


def _delete(book: PlanBook) -> None:
    book.delete(DMITRY)


@pytest.mark.parametrize(
    "write",
    [_save_alex, _add_plan, _add_plans, _delete, _forget_unused, _add_file],
    ids=["save", "add", "add many", "delete", "forget file", "add file"],
)
def test_each_write_of_plans_or_files_as_an_openings_first_write_marks_the_opening_in_the_file(
    book: PlanBook, book_path: Path, write: Callable[[PlanBook], None]
) -> None:
    book.add_attachment_content(b"a file no plan names")
    book.close()
    before = _epoch(book_path)
    with PlanBook.open(book_path) as again:
        write(again)
        after = _epoch(book_path)
    assert len(after) == 32 and after != before


def test_forgetting_unused_files_when_there_is_none_says_0_and_writes_nothing(book: PlanBook, book_path: Path) -> None:
    book.close()
    before = _epoch(book_path)
    with PlanBook.open(book_path) as again:
        assert again.forget_unused_attachments() == 0
        assert _epoch(book_path) == before


# Adding, saving and deleting plans


def test_a_plan_that_breaks_a_rule_is_refused_whole_listing_each_problem(book: PlanBook) -> None:
    plan = load_sample("alex-delivery-active")
    plan.end_date = plan.start_date - dt.timedelta(days=1)
    problems = rules.plan_problems(plan)
    assert problems
    expected = "The plan was not saved:\n" + "\n".join(f"  {problem}" for problem in problems)
    with pytest.raises(PlanInvalid) as refused:
        book.add(plan)
    assert (str(refused.value), refused.value.problems) == (expected, problems)
    with pytest.raises(PlanInvalid) as refused:
        book.save(ALEX, plan)
    assert str(refused.value) == expected
    assert book.count() == 4 and book.get(ALEX).end_date != plan.end_date


def test_a_plan_naming_files_the_book_does_not_hold_is_refused_naming_the_start_of_each(book: PlanBook) -> None:
    plan = load_sample("alex-delivery-active")
    kept = stored_attachment(book, b"signed plan", "signed plan.pdf")
    plan.attachments = [
        kept,
        kept.model_copy(update={"sha256": "cd" * 32, "name": "b.pdf"}),
        kept.model_copy(update={"sha256": "ab" * 32, "name": "a.pdf"}),
    ]
    with pytest.raises(AttachmentMissing) as refused:
        book.add(plan)
    assert str(refused.value) == (
        "The plan names 2 attached files this plan book does not hold "
        "(SHA-256 abababababab…, cdcdcdcdcdcd…); add the files first"
    )
    assert book.count() == 4


def test_deleting_a_plan_the_book_does_not_hold_is_refused_by_its_number_and_records_nothing(
    book: PlanBook, book_path: Path
) -> None:
    saves = book.save_history().saves
    with pytest.raises(PlanNotFound, match=r"^There is no plan 99 in this plan book$"):
        book.delete(99)
    assert book.save_history().saves == saves
    book.delete(DMITRY)
    assert book.plan_ids() == [ALEX, BETH, CARL]
    assert book.save_history().last_content[DMITRY] is None


def test_saving_a_plan_the_book_does_not_hold_is_refused_by_its_number(book: PlanBook) -> None:
    with pytest.raises(PlanNotFound, match=r"^There is no plan 99 in this plan book$"):
        book.save(99, load_sample("alex-delivery-active"))


def test_the_number_sqlite_gives_a_new_row_is_used_as_given_even_0(book: PlanBook, book_path: Path) -> None:
    """A book whose plans, concerns and check-ins were renumbered below 1 outside pipdesk (the highest now -1):
    SQLite gives the next of each the number 0, and the plan's rows hang from those numbers."""
    book.close()
    edit_outside_pipdesk(
        book_path,
        f"DELETE FROM plans WHERE id <> {ALEX}",
        "UPDATE plans SET id = -1",
        "UPDATE concerns SET id = -id",
        "UPDATE evidence SET concern_id = -concern_id",
        "UPDATE checkins SET id = -id",
        "UPDATE progress SET checkin_id = -checkin_id",
    )
    plan = load_sample("alex-delivery-active")
    assert plan.concerns[0].evidence and plan.checkins[0].progress
    with PlanBook.open(book_path) as again:
        assert again.add(plan) == 0
        assert again.get(0) == plan


def test_the_times_a_save_records_are_utc_to_the_second(book: PlanBook, book_path: Path) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _save_alex(book)
    after = dt.datetime.now(dt.UTC)
    book.close()
    at = str(
        read_outside_pipdesk(
            book_path, f"SELECT at FROM audit_links WHERE plan_id = {ALEX} ORDER BY position DESC LIMIT 1"
        )
    )
    updated = str(read_outside_pipdesk(book_path, f"SELECT updated_at FROM plans WHERE id = {ALEX}"))
    assert at == updated
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", at), at
    assert before <= dt.datetime.fromisoformat(at) <= after


# Opening a plan book


def test_a_plan_book_is_checked_whole_as_it_opens_unless_the_check_is_asked_for_later(book: PlanBook) -> None:
    path = book.path
    assert path is not None
    book.close()
    with PlanBook.open(path) as now:
        assert integrity_of(now.db.conn) is None  # nothing left to check
    with PlanBook.open(path, check_later=True) as later:
        check = integrity_of(later.db.conn)
        assert isinstance(check, IntegrityCheck)
        assert check.verdict() is None


def test_rows_that_do_not_make_a_plan_are_said_to_be_damage_of_the_plan_book_named_by_its_file(
    book: PlanBook, book_path: Path
) -> None:
    book.close()
    edit_outside_pipdesk(book_path, f"UPDATE plans SET status = 'finished' WHERE id = {CARL}")
    after = "; it is damaged or was changed outside pipdesk; restore it from a backup"
    with PlanBook.open(book_path) as again:
        assert again.path == book_path
        with pytest.raises(PlanBookDamaged) as damaged:
            again.summaries()
        assert str(damaged.value) == f"{book_path}: holds data pipdesk cannot read ('finished'){after}"
        unnamed = PlanBook(again.db)  # a plan book given no file name (as a test may make one)
        with pytest.raises(PlanBookDamaged) as damaged:
            unnamed.summaries()
        assert str(damaged.value) == f"the plan book: holds data pipdesk cannot read ('finished'){after}"
