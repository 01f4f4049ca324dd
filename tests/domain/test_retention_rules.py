"""The retention rules at their edges, and what an anonymised plan reads: its title, its people's
placeholders, its numbered items, and a revision's values kept only when they are not words."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import Attachment, Checkin, Objective, Revision, Status
from pipdesk.domain.model import Milestone, Person
from pipdesk.domain.retention import (
    REMOVED,
    RetentionHold,
    _record_type,
    anonymised,
    latest_close_past_retention,
    past_retention_since,
    retention_ends,
    years_after,
)

from conftest import load_sample

AT = dt.datetime(2026, 6, 2, 9, tzinfo=dt.UTC)


def test_29_february_stays_29_february_in_a_leap_year_and_other_days_keep_their_date() -> None:
    assert years_after(dt.date(2028, 2, 29), 4) == dt.date(2032, 2, 29)
    assert years_after(dt.date(2028, 2, 29), -1) == dt.date(2027, 2, 28)
    assert years_after(dt.date(2026, 3, 31), 2) == dt.date(2028, 3, 31)


def test_the_last_day_kept_is_the_holds_date_whatever_the_period() -> None:
    hold = RetentionHold(dt.date(2027, 1, 31), "Employee asked for erasure")
    closed = dt.date(2026, 5, 25)
    assert retention_ends(closed, 3, hold) == dt.date(2027, 1, 31)
    assert retention_ends(closed, 3, None) == dt.date(2029, 5, 25)
    assert past_retention_since(Status.CLOSED, closed, 3, hold, dt.date(2027, 2, 1)) == dt.date(2027, 2, 1)
    assert past_retention_since(Status.CLOSED, closed, 3, hold, dt.date(2027, 1, 31)) is None


def test_a_closed_plan_with_no_day_to_count_from_is_kept() -> None:
    assert past_retention_since(Status.CLOSED, None, 1, None, dt.date(2040, 1, 1)) is None


def test_the_latest_close_read_for_retention_is_two_days_after_the_exact_day() -> None:
    today = dt.date(2029, 5, 26)
    assert latest_close_past_retention(3, today) == dt.date(2026, 5, 28)
    # The exact day a plan must have closed by is within it.
    assert past_retention_since(Status.CLOSED, dt.date(2026, 5, 25), 3, None, today) == today
    assert past_retention_since(Status.CLOSED, dt.date(2026, 5, 26), 3, None, today) is None
    assert latest_close_past_retention(1, dt.date(2029, 3, 1)) == dt.date(2028, 3, 3)


def test_an_anonymised_plan_is_titled_anonymised_plan_and_its_people_read_as_roles() -> None:
    result = anonymised(load_sample("carl-skills-extended"))
    assert result.title == "Anonymised plan"
    assert (result.employee.name, result.manager.name) == ("Employee A", "Manager A")
    assert result.hr_partner is not None and result.hr_partner.name == "HR partner A"
    assert anonymised(load_sample("beth-communication-closed")).hr_partner is None


def test_anonymised_milestones_and_concern_areas_are_numbered_and_other_text_removed() -> None:
    plan = load_sample("alex-delivery-active")
    result = anonymised(plan)
    assert [m.title for m in result.milestones] == [f"Milestone {i}" for i in range(1, len(plan.milestones) + 1)]
    assert [c.area for c in result.concerns] == ["Area 1", "Area 2"]
    assert [c.key for c in result.concerns] == [c.key for c in plan.concerns]
    assert [s.description for s in result.support] == [REMOVED] * len(plan.support)
    assert result.acknowledgement is not None
    assert result.acknowledgement.employee_comment == REMOVED
    assert result.employee.job_title == REMOVED


def test_an_anonymised_plan_keeps_no_attachment() -> None:
    plan = load_sample("alex-delivery-active")
    file = Attachment(name="notes.pdf", media_type="application/pdf", size=10, sha256="0" * 64, added_on=AT.date())
    plan.attachments = [file]
    plan.concerns[0].attachments = [file]
    plan.checkins[0].attachments = [file]
    result = anonymised(plan)
    assert result.attachments == [] and result.concerns[0].attachments == [] and result.checkins[0].attachments == []


def test_a_revision_keeps_numbers_and_dates_written_with_spaces_and_removes_names_in_its_path() -> None:
    plan = load_sample("beth-communication-closed")
    plan.revisions = [
        Revision(at=AT, field="objectives.csat.target", old="-3.5", new=" 12 ", reason="Agreed"),
        Revision(at=AT, field="objectives.csat.unit", old="12 reports", new="2026-04-01x", reason="Agreed"),
        Revision(at=AT, field="checkins.2026-04-01.Notes", old=" 2026-04-01", new=None, reason="Typo"),
        Revision(at=AT, field="status", old="active", new="Closed early", reason="Ended"),
    ]
    result = anonymised(plan)
    assert [(r.field, r.old, r.new) for r in result.revisions] == [
        ("objectives.csat.target", "-3.5", " 12 "),
        ("objectives.csat.unit", REMOVED, REMOVED),
        ("checkins.2026-04-01.[removed]", " 2026-04-01", None),
        ("status", "active", "Closed early"),
    ]


def test_the_record_type_of_a_field_is_found_alone_in_a_list_optional_or_an_optional_list() -> None:
    assert _record_type(Objective) is Objective
    assert _record_type(list[Checkin]) is Checkin
    assert _record_type(Person | None) is Person
    assert _record_type(list[Milestone] | None) is Milestone
    assert _record_type(str | None) is None
    assert _record_type(list[str]) is None
