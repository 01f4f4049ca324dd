"""A plan read to print (``PlanBook.get_to_print``: plain records, no pydantic, no validation) is the plan
the plan book holds: the models' fields, kinds and defaults; the values (and their types) the validated
read gives, for every plan of a generated plan book and one with every part; the same content hash; and
every document printed from it the same, byte for byte (#21)."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import AwareDatetime, BaseModel
from pydantic.fields import FieldInfo
from test_format_2_store import every_part_of_format_2

from pipdesk.domain import Attachment, Plan, Revision, audit, model, plain
from pipdesk.reports import DocumentKind, ReportError, ReportOptions, render
from pipdesk.services.samples import generate_plans
from pipdesk.store import PlanBook
from pipdesk.store.connection import PlanBookDamaged
from pipdesk.store.plan_book import PlanNotFound

from conftest import SAMPLE_NAMES, load_sample, stored_attachment

MODELS = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and issubclass(cls, model.Record) and cls is not model.Record
]
TODAY = dt.date(2026, 11, 30)
GENERATED = 60


def kind_of(info: FieldInfo) -> tuple[str, bool]:
    """The plain records' kind of a model's field (``domain/plain.py``), and whether it may be None."""
    annotation: Any = info.annotation
    metadata = list(info.metadata)
    optional = typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in typing.get_args(
        annotation
    )
    if optional:
        (annotation,) = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        metadata += more
    if typing.get_origin(annotation) is list:
        return f"[{typing.get_args(annotation)[0].__name__}]", optional
    if annotation in (AwareDatetime, dt.datetime):
        return "datetime", optional
    if annotation is float:
        assert any(getattr(m, "func", None) is model.compact_number for m in metadata), "a number is written compact"
        return "number", optional
    if annotation is str:
        text = any(getattr(m, "func", None) is model._null_text_is_empty for m in metadata)
        return ("text" if text else "str"), optional
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum | BaseModel):
        return annotation.__name__, optional
    names = {dt.date: "date", bool: "bool", int: "int"}
    return names[annotation], optional


def test_every_model_has_plain_records_with_its_fields_in_its_order() -> None:
    assert sorted(plain.FIELDS) == sorted(cls.__name__ for cls in MODELS)
    for cls in MODELS:
        assert [field.name for field in plain.RECORDS[cls.__name__].FIELDS] == list(cls.model_fields), cls.__name__


def test_each_plain_field_has_its_model_field_s_kind_and_default() -> None:
    for cls in MODELS:
        for field in plain.RECORDS[cls.__name__].FIELDS:
            info = cls.model_fields[field.name]
            where = f"{cls.__name__}.{field.name}"
            assert (field.kind, field.optional) == kind_of(info), where
            if info.default_factory is not None:
                assert field.list_of is not None and info.default_factory() == [], where  # type: ignore[call-arg]
            elif info.is_required():
                assert field.default is plain.REQUIRED, where
            else:
                assert field.default == info.default and type(field.default) is type(info.default), where


def test_the_kind_check_tells_text_from_a_name_and_a_date_from_a_date_time() -> None:
    assert kind_of(model.Person.model_fields["name"]) == ("str", False)
    assert kind_of(model.Person.model_fields["email"]) == ("text", False)
    assert kind_of(model.Revision.model_fields["at"]) == ("datetime", False)
    assert kind_of(model.Acknowledgement.model_fields["recorded_at"]) == ("datetime", True)
    assert kind_of(model.Plan.model_fields["issued_on"]) == ("date", True)
    assert kind_of(model.Plan.model_fields["checkin_every_days"]) == ("int", True)
    assert kind_of(model.Plan.model_fields["checkins"]) == ("[Checkin]", False)
    assert kind_of(model.Objective.model_fields["baseline"]) == ("number", True)


def assert_same(printed: Any, stored: Any, where: str = "plan") -> None:
    """``printed`` (plain records) holds what ``stored`` (the validated models) holds: each value equal and
    of the same type (a date-time with the same offset), record for record."""
    if isinstance(stored, BaseModel):
        assert isinstance(printed, plain.PlainRecord) and type(printed).__name__ == type(stored).__name__, where
        for name in type(stored).model_fields:
            assert_same(getattr(printed, name), getattr(stored, name), f"{where}.{name}")
    elif isinstance(stored, list):
        assert isinstance(printed, list) and len(printed) == len(stored), where
        for index, (one, other) in enumerate(zip(printed, stored, strict=True)):
            assert_same(one, other, f"{where}[{index}]")
    else:
        assert printed == stored, where
        assert type(printed) is type(stored), where
        if isinstance(stored, dt.datetime):
            assert printed.utcoffset() == stored.utcoffset(), where


def assert_same_facts(printed: Plan, stored: Plan) -> None:
    assert (printed.length_days, printed.paused) == (stored.length_days, stored.paused)
    assert_same(printed.latest_acknowledgement, stored.latest_acknowledgement)
    assert [o.direction for o in printed.objectives] == [o.direction for o in stored.objectives]
    assert [c.is_formal for c in printed.checkins] == [c.is_formal for c in stored.checkins]
    assert [p.days for p in printed.pauses] == [p.days for p in stored.pauses]
    for objective in stored.objectives:
        assert_same(printed.objective(objective.key), objective)
    for concern in stored.concerns:
        assert_same(printed.concern(concern.key), concern)
    assert printed.objective("no such key") is None and printed.concern("no such key") is None


def with_attachments(book: PlanBook, plan: Plan) -> Plan:
    """``plan`` with an attachment on the plan, its first concern, its first check-in and its outcome, and a
    change made at a time west of UTC."""
    west = dt.timezone(-dt.timedelta(hours=5, minutes=30))
    plan.revisions.append(
        Revision(at=dt.datetime(2026, 3, 5, 15, 30, 7, 250, tzinfo=west), field="summary", old="a", new="b", reason="x")
    )
    for number, owner in enumerate(["plan", "concern", "checkin", "outcome"]):
        attachment = stored_attachment(book, f"%PDF-1.4 {owner}".encode(), f"{owner} évidence.pdf")
        attachment.shareable = number % 2 == 0
        attachment.description = f"Filed <b>{owner}</b> & kept"
        if owner == "plan":
            attachment.evidence_for = plan.start_date
            plan.attachments.append(attachment)
        elif owner == "concern" and plan.concerns:
            plan.concerns[0].attachments.append(attachment)
        elif owner == "checkin" and plan.checkins:
            plan.checkins[0].attachments.append(attachment)
        elif owner == "outcome" and plan.outcome is not None:
            plan.outcome.attachments.append(attachment)
    return plan


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlanBook]:
    """A plan book of the samples, one plan with every part of format 2 and attachments everywhere, and
    ``GENERATED`` generated plans of every status."""
    path = tmp_path_factory.mktemp("plain") / "book.pipdesk"
    with PlanBook.open(path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
        book.add(with_attachments(book, every_part_of_format_2()))
        book.add_many(generate_plans(GENERATED, seed=7, today=TODAY))
        yield book


def test_every_plan_reads_to_print_as_the_plan_book_holds_it(stored: PlanBook) -> None:
    ids = stored.plan_ids()
    assert len(ids) == len(SAMPLE_NAMES) + 1 + GENERATED
    for plan_id in ids:
        printed, kept = stored.get_to_print(plan_id), stored.get(plan_id)
        assert_same(printed, kept, f"plan {plan_id}")
        assert_same_facts(printed, kept)
        assert audit.content_hash(printed) == audit.content_hash(kept)


def test_the_plan_with_every_part_reads_every_part(stored: PlanBook) -> None:
    """The equality above means something: the plan it checks has one of each list and record filled."""
    printed = stored.get_to_print(len(SAMPLE_NAMES) + 1)
    assert printed.hr_review and printed.appeal and printed.outcome and printed.outcome.acknowledgement
    assert printed.reacknowledgements and printed.adjustments and printed.pauses and printed.responses
    assert printed.acknowledgement and printed.acknowledgement.recorded_at == dt.datetime(
        2026, 10, 2, 9, 30, tzinfo=dt.UTC
    )
    assert any(c.attendance for c in printed.checkins) and any(c.companion_offered is False for c in printed.checkins)
    owners = [printed.attachments, printed.concerns[0].attachments, printed.checkins[0].attachments]
    assert all(len(found) == 1 for found in [*owners, printed.outcome.attachments])
    assert printed.attachments[0].evidence_for == printed.start_date
    assert printed.revisions[-1].at.utcoffset() == -dt.timedelta(hours=5, minutes=30)


DOCUMENTS = [DocumentKind.PLAN, DocumentKind.OUTCOME, DocumentKind.CHECKIN, DocumentKind.AGENDA]


def printed_bytes(plan: Plan, kind: DocumentKind, employee_copy: bool) -> bytes | str:
    options = ReportOptions(employee_copy=employee_copy, printed_on=TODAY, reproducible=True)
    try:
        return render(kind, plan, options, checkin_index=0 if plan.checkins else None, on=plan.start_date)
    except ReportError as error:
        return f"refused: {error}"


@pytest.mark.parametrize("employee_copy", [False, True], ids=["full copy", "employee copy"])
@pytest.mark.parametrize("kind", DOCUMENTS, ids=[kind.value for kind in DOCUMENTS])
def test_every_document_printed_from_the_plan_read_to_print_is_the_same_byte_for_byte(
    stored: PlanBook, kind: DocumentKind, employee_copy: bool
) -> None:
    plan_ids = [*range(1, len(SAMPLE_NAMES) + 2), len(SAMPLE_NAMES) + 2, stored.plan_ids()[-1]]
    made = []
    for plan_id in plan_ids:
        printed = printed_bytes(stored.get_to_print(plan_id), kind, employee_copy)
        assert printed == printed_bytes(stored.get(plan_id), kind, employee_copy), f"plan {plan_id}"
        made.append(printed)
    assert any(isinstance(document, bytes) and document.startswith(b"%PDF") for document in made)


def test_an_employee_copy_of_a_plan_read_to_print_leaves_the_stored_plan_as_it_was(stored: PlanBook) -> None:
    from pipdesk.domain.copies import employee_copy_of

    printed = stored.get_to_print(len(SAMPLE_NAMES) + 1)
    before = audit.content_hash(printed)
    copy = employee_copy_of(printed)
    assert all(not checkin.private_notes for checkin in copy.checkins)
    assert [a.shareable for a in copy.attachments] == [True]
    assert audit.content_hash(printed) == before != audit.content_hash(copy)


def test_a_plan_read_to_print_has_no_version_1_form(stored: PlanBook) -> None:
    with pytest.raises(ValueError, match="no version 1 form"):
        audit.content_hash(stored.get_to_print(1), version=1)


def test_reading_a_plan_to_print_loads_no_pydantic(book_path: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    with PlanBook.open(book_path) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    script = (
        "import sys; from pathlib import Path; from pipdesk.store import PlanBook\n"
        f"book = PlanBook.open(Path({str(book_path)!r}))\n"
        "plan = book.get_to_print(1)\n"
        "print(plan.title, plan.length_days, sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    sample = load_sample(SAMPLE_NAMES[0])
    assert run.stdout.strip() == f"{sample.title} {sample.length_days} []"


def test_a_plan_not_there_is_not_found_and_a_damaged_one_is_damaged(book: PlanBook) -> None:
    with pytest.raises(PlanNotFound):
        book.get_to_print(99)
    book.db.execute("UPDATE plans SET status = 'bogus' WHERE id = 1")
    with pytest.raises(PlanBookDamaged, match="damaged"):
        book.get_to_print(1)
    book.db.execute("UPDATE plans SET status = 'active', start_date = '2026-02-30' WHERE id = 1")
    with pytest.raises(PlanBookDamaged, match="damaged"):
        book.get_to_print(1)


def test_a_plain_record_has_its_model_s_defaults_and_refuses_a_field_the_model_does_not_have() -> None:
    milestone = plain.RECORDS["Milestone"](title="Final review", date="2026-12-01")
    assert milestone.kind is model.MilestoneKind.CUSTOM and milestone.done is False
    assert milestone.date == dt.date(2026, 12, 1)
    assert plain.RECORDS["Checkin"](date="2026-12-01").progress == []
    assert plain.RECORDS["Person"](name="Ana", email=None).email == ""
    with pytest.raises(KeyError, match="title"):
        plain.RECORDS["Milestone"](date="2026-12-01")
    with pytest.raises(TypeError, match="'colour'"):
        plain.RECORDS["Milestone"](title="x", date="2026-12-01", colour="red")


def test_plain_records_compare_by_their_fields_and_kind() -> None:
    one = plain.make("Attendee", {"name": "Ana", "role": "employee", "checkin_id": 4})
    assert one == plain.make("Attendee", {"name": "Ana", "role": "employee"})
    assert one != plain.make("Attendee", {"name": "Ana", "role": "companion"})
    assert one != plain.make("Person", {"name": "Ana"})
    assert repr(one) == "Attendee(name='Ana', role=<AttendeeRole.EMPLOYEE: 'employee'>)"


def test_an_attachment_read_to_print_keeps_its_size_as_a_whole_number(stored: PlanBook) -> None:
    attachment: Attachment = stored.get_to_print(len(SAMPLE_NAMES) + 1).attachments[0]
    assert type(attachment.size) is int and attachment.shareable is True
