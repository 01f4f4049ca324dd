"""The sample plans shipped in the package, and synthetic plan books of every status, sound and repeatable."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

from pipdesk.domain import Status, plan_problems
from pipdesk.services.samples import DEMO_PLAN_NAMES, add_demo_plans, add_generated_plans, demo_plan, generate_plans
from pipdesk.store import PlanBook

from conftest import SAMPLE_NAMES, TODAY, load_sample


def test_the_shipped_samples_are_the_test_samples() -> None:
    assert list(DEMO_PLAN_NAMES) == SAMPLE_NAMES
    assert [demo_plan(name) for name in DEMO_PLAN_NAMES] == [load_sample(name) for name in SAMPLE_NAMES]


def test_the_samples_are_added_once(tmp_path: Path) -> None:
    with PlanBook.open(tmp_path / "demo.pipdesk") as book:
        assert add_demo_plans(book) == [1, 2, 3, 4]
        assert add_demo_plans(book) == []
        assert sorted(summary.employee for summary in book.summaries()) == sorted(
            demo_plan(name).employee.name for name in DEMO_PLAN_NAMES
        )


def test_every_generated_plan_is_sound_and_every_status_comes_in_sensible_shares() -> None:
    plans = list(generate_plans(600, seed=3, today=TODAY))
    assert [problem for plan in plans for problem in plan_problems(plan)] == []
    shares = Counter(plan.status for plan in plans)
    assert 0.05 < shares[Status.DRAFT] / 600 < 0.16
    assert 0.18 < shares[Status.ACTIVE] / 600 < 0.33
    assert 0.02 < shares[Status.EXTENDED] / 600 < 0.11
    assert 0.50 < shares[Status.CLOSED] / 600 < 0.68


def test_the_same_seed_gives_the_same_plans_and_another_seed_others() -> None:
    assert list(generate_plans(40, seed=7, today=TODAY)) == list(generate_plans(40, seed=7, today=TODAY))
    assert list(generate_plans(10, seed=7, today=TODAY)) == list(generate_plans(40, seed=7, today=TODAY))[:10]
    assert list(generate_plans(10, seed=8, today=TODAY)) != list(generate_plans(10, seed=7, today=TODAY))


def test_plans_run_on_today_and_log_up_to_24_check_ins_with_progress() -> None:
    plans = list(generate_plans(400, seed=1, today=TODAY))
    running = [plan for plan in plans if plan.status in (Status.ACTIVE, Status.EXTENDED)]
    assert all(plan.start_date <= TODAY for plan in running)
    assert sum(plan.end_date >= TODAY for plan in running) > 0.9 * len(running)
    assert all(plan.start_date > TODAY and not plan.checkins for plan in plans if plan.status is Status.DRAFT)
    assert all(plan.outcome is not None for plan in plans if plan.status is Status.CLOSED)
    assert max(len(plan.checkins) for plan in plans) == 24
    checkins = [checkin for plan in plans for checkin in plan.checkins]
    assert all(len(checkin.progress) >= 1 for checkin in checkins)


def test_names_come_in_several_scripts() -> None:
    scripts = {unicodedata.name(plan.employee.name[0]).split()[0] for plan in generate_plans(300, seed=0, today=TODAY)}
    assert {"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "CJK", "HANGUL", "DEVANAGARI"} <= scripts


def test_generated_plans_are_written_in_chunks_and_read_back_whole(tmp_path: Path) -> None:
    with PlanBook.open(tmp_path / "big.pipdesk") as book:
        assert add_generated_plans(book, 120, seed=5, chunk=50) == 120
        assert book.count() == 120
        first = book.get(book.plan_ids()[0])
    expected = next(iter(generate_plans(1, seed=5)))
    assert first == expected
