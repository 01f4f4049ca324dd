"""Calendar export from the plan book: the file, its events, and UIDs that survive re-export."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from pipdesk.domain import PipdeskError
from pipdesk.domain.schedule import move_milestone
from pipdesk.services.calendar import export_calendar, plan_uid_seed
from pipdesk.store import PlanBook, PlanNotFound
from pipdesk.store.driver import sqlite3

from conftest import load_sample

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
ALEX, BETH, CARL, DMITRY = 1, 2, 3, 4


def events(path: Path) -> list[Event]:
    return [e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT") if isinstance(e, Event)]


def uids(path: Path) -> dict[dt.date, str]:
    return {e.decoded("DTSTART"): str(e["UID"]) for e in events(path)}


def test_alex_coming_meetings_are_written_privately(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "alex.ics"
    assert export_calendar(book, ALEX, out, TODAY, now=NOW) == 4
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events(out)] == [
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
    old, new = uids(before), uids(after)
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
    assert uids(elsewhere) == uids(here)

    # The same plan added again is another plan: its meetings are other events.
    again = book.add(load_sample("alex-delivery-active"))
    other = tmp_path / "again.ics"
    export_calendar(book, again, other, TODAY, now=NOW)
    assert not set(uids(other).values()) & set(uids(here).values())


def test_the_uids_say_nothing_about_the_person(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "carl.ics"
    assert export_calendar(book, CARL, out, dt.date(2026, 9, 1), now=NOW) == 1
    (uid,) = uids(out).values()
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
