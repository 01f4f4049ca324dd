"""Small rules a manager reads the result of: where an attachment is and the name it is archived
under, a file's size in words, what the employee's copy leaves out, and the words of a limit refused."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pydantic import BaseModel

from pipdesk.domain import Attachment, Checkin, Plan, Revision
from pipdesk.domain.attachments import Placed, archive_name, attachment_hashes, every_attachment, size_text
from pipdesk.domain.copies import PRIVATE_NOTE_LEFT_OUT, employee_copy_of, for_the_employee, is_private_note
from pipdesk.domain.limits import date_problems, limit_problems, too_long, too_many
from pipdesk.services.samples import generate_plans

from conftest import SAMPLE_NAMES, load_sample

AT = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)


def attachment(name: str = "notes.pdf", sha: str = "3f2a9c1d0b7e" + "a" * 52, shareable: bool = False) -> Attachment:
    return Attachment(
        name=name, media_type="application/pdf", size=10, sha256=sha, added_on=AT.date(), shareable=shareable
    )


# Attachments


def test_an_archive_name_is_the_hash_start_and_the_name_made_safe() -> None:
    assert archive_name(attachment("Plan signed.pdf")) == "3f2a9c1d0b7e-Plan signed.pdf"
    assert archive_name(attachment("X-ray: scan?.pdf")) == "3f2a9c1d0b7e-X-ray_ scan_.pdf"
    assert archive_name(attachment('a<>|b"c.pdf')) == "3f2a9c1d0b7e-a_b_c.pdf"
    assert archive_name(attachment(" ..hidden. ")) == "3f2a9c1d0b7e-hidden"
    assert archive_name(attachment("...")) == "3f2a9c1d0b7e-file"
    assert archive_name(attachment("e\u0301te\u0301.txt")) == "3f2a9c1d0b7e-\u00e9t\u00e9.txt"


def test_an_archive_name_keeps_the_last_80_characters_of_a_long_name() -> None:
    name = "b" + "a" * 75 + ".pdf"
    assert len(name) == 80
    assert archive_name(attachment(name)) == f"3f2a9c1d0b7e-{name}"
    assert archive_name(attachment("c" + name)) == f"3f2a9c1d0b7e-{name}"


def test_a_size_reads_in_bytes_then_kilobytes_then_megabytes_of_a_thousand() -> None:
    assert size_text(1) == "1 byte"
    assert size_text(999) == "999 bytes"
    assert size_text(1000) == "1.0 kB"
    assert size_text(4_250) == "4.2 kB"
    assert size_text(999_999) == "1000.0 kB"
    assert size_text(1_000_000) == "1.0 MB"
    assert size_text(1_050_000) == "1.1 MB"
    assert size_text(3_140_000) == "3.1 MB"


def test_every_attachment_is_placed_in_document_order_and_named_where_it_is() -> None:
    plan = load_sample("beth-communication-closed")
    assert plan.outcome is not None
    files = [attachment(f"{n}.pdf", sha=str(n) * 64) for n in range(1, 6)]
    plan.outcome.attachments = [files[4]]
    plan.checkins[1].attachments = [files[2], files[3]]
    plan.concerns[0].attachments = [files[1]]
    plan.attachments = [files[0]]
    placed = list(every_attachment(plan))
    checkin_day = plan.checkins[1].date
    assert placed == [
        Placed(files[0], "plan", 0, "The plan"),
        Placed(files[1], "concern", 0, "Concern 1 “Customer satisfaction”"),
        Placed(files[2], "checkin", 1, f"Check-in of {checkin_day.day} {checkin_day:%b %Y}"),
        Placed(files[3], "checkin", 1, f"Check-in of {checkin_day.day} {checkin_day:%b %Y}"),
        Placed(files[4], "outcome", 0, "The outcome"),
    ]
    assert attachment_hashes(plan) == {str(n) * 64 for n in range(1, 6)}


def test_a_long_concern_area_is_shortened_where_an_attachment_is_named() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.concerns[0].area = "Shift handover attendance on weekdays and at weekends alike"
    plan.concerns[0].attachments = [attachment()]
    assert [p.where for p in every_attachment(plan)] == ["Concern 1 “Shift handover attendance on weekdays…”"]
    plan.concerns[0].area = "Shift handover on weekdays, 41 characters"
    assert len(plan.concerns[0].area) == 41
    assert [p.where for p in every_attachment(plan)] == ["Concern 1 “Shift handover on weekdays, 41…”"]
    plan.concerns[0].area = plan.concerns[0].area[:-1]
    assert [p.where for p in every_attachment(plan)] == ["Concern 1 “Shift handover on weekdays, 41 character”"]


# The employee's copy


def test_the_employee_copy_blanks_private_notes_and_keeps_only_shareable_attachments() -> None:
    plan = load_sample("beth-communication-closed")
    assert plan.outcome is not None
    shared, kept_back = attachment("shared.pdf", "1" * 64, shareable=True), attachment("mine.pdf", "2" * 64)
    plan.checkins[0].private_notes = "Seemed tired"
    plan.checkins[0].attachments = [kept_back, shared]
    plan.outcome.attachments = [shared, kept_back]
    plan.concerns[0].attachments = [kept_back]
    plan.attachments = [kept_back, shared]
    plan.revisions = [
        Revision(at=AT, field="title", old="Delivery", new="Communication", reason="Typo"),
        Revision(at=AT, field="checkins.2026-03-16.private_notes", old="", new="Seemed tired", reason="Note"),
    ]
    copy = employee_copy_of(plan)
    assert [(r.field, r.old, r.new) for r in copy.revisions] == [
        ("title", "Delivery", "Communication"),
        ("checkins.2026-03-16.private_notes", None, PRIVATE_NOTE_LEFT_OUT),
    ]
    assert [c.private_notes for c in copy.checkins] == [""] * len(plan.checkins)
    assert copy.checkins[0].attachments == [shared]
    assert copy.outcome is not None and copy.outcome.attachments == [shared]
    assert copy.concerns[0].attachments == []
    assert copy.attachments == [shared]
    assert plan.checkins[0].private_notes == "Seemed tired"  # the manager's record is untouched
    assert employee_copy_of(load_sample("dmitry-punctuality-draft")).outcome is None


def test_only_a_checkins_private_notes_are_left_out_of_the_history() -> None:
    assert is_private_note("checkins.2026-11-02.private_notes")
    assert not is_private_note("checkins.2026-11-02.notes")
    assert not is_private_note("outcome.private_notes")
    changed = Revision(at=AT, field="checkins.2026-11-02.private_notes", old="", new="Seemed tired", reason="r")
    assert for_the_employee(changed).model_dump() == {**changed.model_dump(), "old": None, "new": PRIVATE_NOTE_LEFT_OUT}
    cleared = changed.model_copy(update={"old": "Seemed tired", "new": None})
    assert (for_the_employee(cleared).old, for_the_employee(cleared).new) == (PRIVATE_NOTE_LEFT_OUT, None)
    other = Revision(at=AT, field="checkins.2026-11-02.notes", old="a", new="b", reason="r")
    assert for_the_employee(other) is other


# Limits


def test_a_list_too_long_is_named_in_words_with_thousands_separated() -> None:
    assert too_many("prior_discussions", 201) == (
        "This list holds 201 items; pipdesk reads at most 200 prior discussions"
    )
    assert too_many("revisions", 10_001) == "This list holds 10,001 items; pipdesk reads at most 10,000 revisions"


def test_a_text_too_long_names_the_limit_of_its_kind() -> None:
    assert too_long("title", 1_001) == "This text is 1,001 characters long; pipdesk keeps at most 1,000 here"
    assert (
        too_long("notes", 1_000_001) == "This text is 1,000,001 characters long; pipdesk keeps at most 1,000,000 here"
    )


def test_a_list_too_long_is_refused_once_without_its_items_and_date_problems_ignore_it() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.pauses = []
    checkins = [Checkin(date=dt.date(1850, 1, 1), notes="x" * 1_000_001)] * 1_001
    plan.checkins = checkins
    problems = limit_problems(plan)
    assert [(p.path, p.message) for p in problems] == [
        (("plan", "checkins"), "This list holds 1,001 items; pipdesk reads at most 1,000 checkins")
    ]
    plan.checkins = checkins[:1]
    assert [p.path for p in limit_problems(plan)] == [("plan", "checkins", 0, "date"), ("plan", "checkins", 0, "notes")]
    assert [p.path for p in date_problems(plan)] == [("plan", "checkins", 0, "date")]


def test_a_date_time_out_of_range_is_refused_by_its_day() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.revisions = [Revision(at=dt.datetime(2200, 1, 1, tzinfo=dt.UTC), field="title", reason="r")]
    assert [(p.path, p.message) for p in date_problems(plan)] == [
        (
            ("plan", "revisions", 0, "at"),
            "The date 2200-01-01 is outside the years pipdesk accepts, 1900 to 2199",
        )
    ]


def test_a_list_too_long_does_not_stop_the_check_of_the_fields_after_it() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.checkins = [Checkin(date=dt.date(2026, 11, 2))] * 1_001
    plan.revisions = [Revision(at=AT, field="title", reason="r" * 1_000_001)]
    assert [p.path for p in limit_problems(plan)] == [("plan", "checkins"), ("plan", "revisions", 0, "reason")]


def test_date_problems_name_dates_only_inside_a_record_too() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.employee.name = "n" * 1_001
    plan.employee.email = "e" * 1_001
    assert [p.path for p in limit_problems(plan)] == [("plan", "employee", "name"), ("plan", "employee", "email")]
    assert date_problems(plan) == []


def test_a_plan_too_long_is_named_at_its_end_date_and_only_when_both_dates_are_in_range() -> None:
    plan = load_sample("dmitry-punctuality-draft")
    plan.start_date = dt.date(2026, 1, 1)
    plan.end_date = dt.date(2029, 1, 2)
    assert [p.path for p in limit_problems(plan, at=("book", 4))] == [("book", 4, "end_date")]
    plan.start_date = dt.date(1899, 12, 31)
    assert [p.path for p in limit_problems(plan)] == [("plan", "start_date")]
    plan.start_date, plan.end_date = dt.date(2026, 1, 1), dt.date(2200, 1, 1)
    assert [p.path for p in limit_problems(plan)] == [("plan", "end_date")]
    assert "outside the years" in limit_problems(plan)[0].message


def _every_date(record: BaseModel, at: tuple[object, ...]) -> Iterator[tuple[object, ...]]:
    """Where each date and date-time of ``record`` is, every field of every record looked at."""
    for key in type(record).model_fields:
        value = getattr(record, key)
        if isinstance(value, dt.date):
            yield (*at, key)
        elif isinstance(value, BaseModel):
            yield from _every_date(value, (*at, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _every_date(item, (*at, key, i))


def test_date_problems_name_every_date_out_of_range_though_they_look_only_at_fields_that_can_hold_one() -> None:
    """The samples and 40 generated plans, every date and date-time moved two hundred years back (2026 → 1826):
    each one is named, in document order, as a walk through every field of every record finds them."""
    plans = [load_sample(name) for name in SAMPLE_NAMES] + list(generate_plans(40, seed=3))
    named = 0
    for plan in plans:
        moved = Plan.model_validate_json(re.sub(r'"20(\d\d)-', r'"18\1-', plan.model_dump_json()))
        expected = list(_every_date(moved, ("plan",)))
        assert [problem.path for problem in date_problems(moved)] == expected
        assert date_problems(plan) == []
        named += len(expected)
    assert named > 1_000
