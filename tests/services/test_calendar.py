"""Calendar export: a plan's coming meetings as iCalendar events with stable UIDs, written from the plan book."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from pipdesk.domain import Milestone, MilestoneKind, PipdeskError, Plan
from pipdesk.domain.schedule import extend_schedule, move_milestone
from pipdesk.services.calendar import PRODID, export_calendar, plan_calendar, plan_uid_seed
from pipdesk.store import PlanBook, PlanNotFound
from pipdesk.store.driver import sqlite3

from conftest import ALEX, BETH, CARL, SAMPLE_NAMES, TODAY, load_sample

NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
SEED = "plan-1/2026-09-20T10:00:00+00:00"


def events(data: bytes) -> list[Event]:
    return [e for e in Calendar.from_ical(data).walk("VEVENT") if isinstance(e, Event)]


def by_summary_and_day(data: bytes) -> list[tuple[str, dt.date]]:
    return [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events(data)]


def uids_by_title(plan: Plan, data: bytes) -> dict[str, str]:
    """UIDs keyed by the milestone title, matched through the event's date (unique in these tests)."""
    titles = {m.date: m.title for m in plan.milestones}
    return {titles[e.decoded("DTSTART")]: str(e["UID"]) for e in events(data)}


@pytest.fixture
def alex() -> Plan:
    return load_sample("alex-delivery-active")


def test_calendar_header(alex: Plan) -> None:
    calendar = Calendar.from_ical(plan_calendar(alex, SEED, TODAY, NOW))
    assert str(calendar["PRODID"]) == PRODID == "-//pipdesk//pipdesk//EN"
    assert str(calendar["VERSION"]) == "2.0"


def test_only_future_undone_milestones_become_events(alex: Plan) -> None:
    assert by_summary_and_day(plan_calendar(alex, SEED, TODAY, NOW)) == [
        ("Check-in with Alex Moreno", dt.date(2026, 11, 30)),
        ("Check-in with Alex Moreno", dt.date(2026, 12, 7)),
        ("Check-in with Alex Moreno", dt.date(2026, 12, 14)),
        ("Final review: Alex Moreno", dt.date(2026, 12, 21)),
    ]


def test_an_undone_milestone_today_is_included_and_yesterday_s_is_not(alex: Plan) -> None:
    alex.milestones[8].done = False  # Weekly check-in 8, today
    alex.milestones[7].done = False  # Weekly check-in 7, a week ago
    days = [day for _, day in by_summary_and_day(plan_calendar(alex, SEED, TODAY, NOW))]
    assert days[0] == TODAY
    assert dt.date(2026, 11, 16) not in days


def test_events_are_all_day_private_and_describe_the_plan(alex: Plan) -> None:
    event = events(plan_calendar(alex, SEED, TODAY, NOW))[0]
    assert event.decoded("DTSTART") == dt.date(2026, 11, 30)
    assert event.decoded("DTEND") == dt.date(2026, 12, 1)
    assert "VALUE=DATE" in event.to_ical().decode()
    assert str(event["DESCRIPTION"]) == "Delivery predictability"
    assert str(event["CLASS"]) == "PRIVATE"
    assert event.decoded("DTSTAMP") == NOW


def test_summaries_name_the_employee_and_the_kind(alex: Plan) -> None:
    alex.milestones.extend(
        [
            Milestone(title="Mid-plan catch-up", kind=MilestoneKind.MIDPOINT, date=dt.date(2026, 12, 1)),
            Milestone(title="Meet the API team", kind=MilestoneKind.CUSTOM, date=dt.date(2026, 12, 2)),
        ]
    )
    summaries = {summary for summary, _ in by_summary_and_day(plan_calendar(alex, SEED, TODAY, NOW))}
    assert summaries == {
        "Check-in with Alex Moreno",
        "Mid-plan evaluation: Alex Moreno",
        "Meet the API team: Alex Moreno",
        "Final review: Alex Moreno",
    }


def test_non_ascii_names_survive() -> None:
    dmitry = load_sample("dmitry-punctuality-draft")
    dmitry.milestones = [Milestone(title="Kick-off", kind=MilestoneKind.KICKOFF, date=dt.date(2026, 12, 1))]
    assert by_summary_and_day(plan_calendar(dmitry, SEED, TODAY, NOW)) == [
        ("Plan kick-off with Дмитрий Иванов", dt.date(2026, 12, 1))
    ]


def test_a_closed_plan_has_no_events() -> None:
    beth = load_sample("beth-communication-closed")
    beth.milestones[-1].done = False
    assert events(plan_calendar(beth, SEED, dt.date(2026, 3, 1), NOW)) == []


def test_two_exports_with_the_same_now_are_identical(alex: Plan) -> None:
    assert plan_calendar(alex, SEED, TODAY, NOW) == plan_calendar(alex, SEED, TODAY, NOW)


def test_without_now_the_stamp_is_the_current_time(alex: Plan) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = events(plan_calendar(alex, SEED, TODAY))[0].decoded("DTSTAMP")
    assert before <= stamp <= dt.datetime.now(dt.UTC)


def test_uids_are_unique_and_stable_across_exports(alex: Plan) -> None:
    first = [str(e["UID"]) for e in events(plan_calendar(alex, SEED, TODAY, NOW))]
    later = [str(e["UID"]) for e in events(plan_calendar(alex, SEED, dt.date(2026, 11, 24), NOW + dt.timedelta(1)))]
    assert len(set(first)) == len(first) == 4
    assert later == first
    assert all(uid.endswith("@pipdesk") for uid in first)


def test_uids_reveal_nothing_of_the_seed_or_the_person(alex: Plan) -> None:
    for event in events(plan_calendar(alex, SEED, TODAY, NOW)):
        assert "plan-1" not in str(event["UID"]) and "Alex" not in str(event["UID"])


def test_a_moved_milestone_keeps_its_uid(alex: Plan) -> None:
    before = uids_by_title(alex, plan_calendar(alex, SEED, TODAY, NOW))
    # Move check-in 10 past check-in 11: its date and place in date order both change.
    alex.milestones = move_milestone(alex.milestones, 10, dt.date(2026, 12, 16), alex.start_date, alex.end_date)
    after = uids_by_title(alex, plan_calendar(alex, SEED, TODAY, NOW))
    assert after == before


def test_an_extension_updates_the_final_review_and_adds_check_ins(alex: Plan) -> None:
    before = uids_by_title(alex, plan_calendar(alex, SEED, TODAY, NOW))
    new_end = dt.date(2027, 1, 18)
    alex.milestones = extend_schedule(alex.milestones, alex.end_date, new_end, 7)
    alex.end_date = new_end
    after = uids_by_title(alex, plan_calendar(alex, SEED, TODAY, NOW))
    assert {title: after[title] for title in before} == before
    assert len(set(after.values())) == len(after) == 8


def test_another_plan_gets_other_uids(alex: Plan) -> None:
    ours = {str(e["UID"]) for e in events(plan_calendar(alex, SEED, TODAY, NOW))}
    theirs = {str(e["UID"]) for e in events(plan_calendar(alex, "plan-2/2026-10-01", TODAY, NOW))}
    assert not ours & theirs


def test_milestones_sharing_kind_and_title_get_distinct_uids(alex: Plan) -> None:
    for milestone in alex.milestones:
        milestone.title = "Check-in"
    uids = [str(e["UID"]) for e in events(plan_calendar(alex, SEED, TODAY, NOW))]
    assert len(set(uids)) == len(uids) == 4


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_exports_a_readable_calendar(name: str) -> None:
    plan = load_sample(name)
    data = plan_calendar(plan, SEED, TODAY, NOW)
    assert data.startswith(b"BEGIN:VCALENDAR")
    for event in events(data):
        assert event.decoded("DTSTART") >= TODAY
        assert plan.employee.name in str(event["SUMMARY"])


# The file written for a plan of the plan book


def file_events(path: Path) -> list[Event]:
    return [e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT") if isinstance(e, Event)]


def file_uids(path: Path) -> dict[dt.date, str]:
    return {e.decoded("DTSTART"): str(e["UID"]) for e in file_events(path)}


def test_alex_coming_meetings_are_written_privately(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "alex.ics"
    assert export_calendar(book, ALEX, out, TODAY, now=NOW) == 4
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in file_events(out)] == [
        ("Check-in with Alex Moreno", dt.date(2026, 11, 30)),
        ("Check-in with Alex Moreno", dt.date(2026, 12, 7)),
        ("Check-in with Alex Moreno", dt.date(2026, 12, 14)),
        ("Final review: Alex Moreno", dt.date(2026, 12, 21)),
    ]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_exporting_again_gives_the_same_file(book: PlanBook, tmp_path: Path) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    export_calendar(book, ALEX, first, TODAY, now=NOW)
    export_calendar(book, ALEX, second, TODAY, now=NOW)
    assert first.read_bytes() == second.read_bytes()


def test_a_moved_meeting_keeps_its_uid_so_the_calendar_updates_it(book: PlanBook, tmp_path: Path) -> None:
    before, after = tmp_path / "before.ics", tmp_path / "after.ics"
    export_calendar(book, ALEX, before, TODAY, now=NOW)
    plan = book.get(ALEX)
    ninth = next(i for i, m in enumerate(plan.milestones) if m.title == "Weekly check-in 9")
    plan.milestones = move_milestone(plan.milestones, ninth, dt.date(2026, 12, 2), plan.start_date, plan.end_date)
    plan.employee.name = "Alex Moreno-Díaz"  # a corrected name does not change the UIDs either
    book.save(ALEX, plan)
    export_calendar(book, ALEX, after, TODAY, now=NOW)
    old, new = file_uids(before), file_uids(after)
    assert new[dt.date(2026, 12, 2)] == old[dt.date(2026, 11, 30)]
    assert set(new.values()) == set(old.values())


def test_the_uids_travel_with_the_plan_book_and_differ_between_plans(book: PlanBook, tmp_path: Path) -> None:
    here = tmp_path / "here.ics"
    export_calendar(book, ALEX, here, TODAY, now=NOW)
    copy_path = tmp_path / "elsewhere" / "plans.pipdesk"
    copy_path.parent.mkdir()
    target = sqlite3.connect(copy_path)
    book.db.conn.backup(target)  # a copy of the plan book file, as a backup or a move would make
    target.close()
    with PlanBook.open(copy_path) as copy:
        assert plan_uid_seed(copy, ALEX) == plan_uid_seed(book, ALEX)
        elsewhere = tmp_path / "elsewhere.ics"
        export_calendar(copy, ALEX, elsewhere, TODAY, now=NOW)
    assert file_uids(elsewhere) == file_uids(here)

    # The same plan added again is another plan: its meetings are other events.
    again = book.add(load_sample("alex-delivery-active"))
    other = tmp_path / "again.ics"
    export_calendar(book, again, other, TODAY, now=NOW)
    assert not set(file_uids(other).values()) & set(file_uids(here).values())


def test_the_uids_say_nothing_about_the_person(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "carl.ics"
    assert export_calendar(book, CARL, out, dt.date(2026, 9, 1), now=NOW) == 1
    (uid,) = file_uids(out).values()
    digest, domain = uid.split("@")
    assert domain == "pipdesk" and len(digest) == 32 and set(digest) <= set("0123456789abcdef")


def test_a_closed_plan_gives_an_empty_calendar(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "beth.ics"
    assert export_calendar(book, BETH, out, TODAY, now=NOW) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "pipdesk: Beth Ikeda-Łukasiewicz"


def test_an_unknown_plan_is_refused_and_nothing_written(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "nobody.ics"
    with pytest.raises(PlanNotFound, match="There is no plan 99 in this plan book"):
        export_calendar(book, 99, out, TODAY)
    assert not out.exists()


def test_an_unwritable_place_is_a_plain_error(book: PlanBook, tmp_path: Path) -> None:
    with pytest.raises(PipdeskError, match="is a folder"):
        export_calendar(book, ALEX, tmp_path, TODAY)
    with pytest.raises(PipdeskError, match="cannot write here"):
        export_calendar(book, ALEX, tmp_path / "missing" / "alex.ics", TODAY)
