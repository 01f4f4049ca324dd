"""Calendar export: the plan's coming meetings as iCalendar events with stable UIDs."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar, Event

from pipdesk.domain import Milestone, MilestoneKind, Plan
from pipdesk.domain.schedule import extend_schedule, move_milestone
from pipdesk.services.ics import PRODID, plan_calendar

from conftest import SAMPLE_NAMES, load_sample

TODAY = dt.date(2026, 11, 23)
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
