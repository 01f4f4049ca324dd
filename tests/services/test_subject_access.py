"""Subject access: a person's own plans in full, and from other plans only the sentences naming them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipdesk.domain.model import Acknowledgement, Attendee, AttendeeRole, DatedNote
from pipdesk.services.subject_access import NothingFound, Request, subject_access_zip, write_subject_access
from pipdesk.store import PlanBook

from conftest import ALEX, load_sample

AT = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
#: Texts of other employees' plans that name Alex, and the parts of them about the others alone.
CARL_NOTE = "Carl was upset about the rota. Álex Moreno, his companion, asked Carl Nguyễn for a break."
DMITRY_NOTE = "Дмитрий said alex moreno swapped the shift. Дмитрий was late 4 times."
ABOUT_OTHERS = ("upset about the rota", "late 4 times", "Nguyễn", "Дмитрий", "Ikeda", "Beth", "Carl", "Ivanov")


def add_plans_naming_alex(book: PlanBook) -> tuple[int, int, int, int]:
    """Plans of other employees naming Alex as an attendee, as a witness, in a note; and one that names
    an Alexander and an Alexis, which are not him. Their numbers."""
    carl = load_sample("carl-skills-extended")
    last = carl.checkins[-1]
    last.attendance = [*last.attendance, Attendee(name="ALEX MORENO", role=AttendeeRole.COMPANION)]
    last.private_notes = CARL_NOTE
    beth = load_sample("beth-communication-closed")
    beth.acknowledgement = Acknowledgement(on=beth.start_date, refused=True, witness="Alex Moreno")
    dmitry = load_sample("dmitry-punctuality-draft")
    dmitry.prior_discussions = [*dmitry.prior_discussions, DatedNote(date=dmitry.start_date, note=DMITRY_NOTE)]
    others = load_sample("beth-communication-closed")
    others.context = "Alexander Moreno and Alexis Moreno were not involved."
    attendee, witness, note, unrelated = book.add_many([carl, beth, dmitry, others])
    return attendee, witness, note, unrelated


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_an_export_for_alex_finds_every_plan_naming_him_and_nothing_about_anyone_else(book: PlanBook) -> None:
    attendee, witness, note, _unrelated = add_plans_naming_alex(book)
    alex = book.get(ALEX)
    alex.checkins[-1].private_notes = "Alex seemed tired; ask about workload. 私的メモ"
    book.save(ALEX, alex)

    data, found = subject_access_zip(book, Request("Alex Moreno"), AT)

    assert [(f.plan_id, f.own) for f in found] == [(ALEX, True), (attendee, False), (witness, False), (note, False)]
    files = members(data)
    own = [name for name in files if name.startswith(f"plan-{ALEX}/")]
    assert f"plan-{ALEX}/plan.pdf" in own and f"plan-{ALEX}/plan.json" in own
    assert len([name for name in own if "/checkin-" in name]) == len(alex.checkins)
    last_record = pdf_text(files[f"plan-{ALEX}/checkin-{len(alex.checkins):02d}-2026-11-23.pdf"])
    assert "Alex seemed tired; ask about workload." in last_record  # his private notes, in full
    assert "Alex seemed tired" in files[f"plan-{ALEX}/plan.json"].decode()
    assert sorted(name for name in files if name.startswith("mentioned/")) == [
        f"mentioned/plan-{n}.txt" for n in (attendee, witness, note)
    ]
    assert files[f"mentioned/plan-{attendee}.txt"].decode().count("Álex Moreno, his companion, asked") == 1
    assert "[the employee] for a break" in files[f"mentioned/plan-{attendee}.txt"].decode()
    assert "[the employee] said alex moreno swapped the shift." in files[f"mentioned/plan-{note}.txt"].decode()
    assert "named as a witness (2 March 2026)" in files[f"mentioned/plan-{witness}.txt"].decode()
    mentions_and_cover = "\n".join(
        files[name].decode() for name in files if name.startswith("mentioned/") or name == "cover.txt"
    )
    for text in ABOUT_OTHERS:
        assert text not in mentions_and_cover
    for other in (attendee, witness, note):  # nothing of the other plans' titles or people
        plan = book.get(other)
        for text in (plan.title, plan.employee.name, plan.manager.name, plan.employee.email):
            assert not text or text not in mentions_and_cover


def test_the_cover_and_manifest_say_what_was_found_when_and_from_which_plan_book(book: PlanBook) -> None:
    _attendee, witness, _note, _unrelated = add_plans_naming_alex(book)
    files = members(subject_access_zip(book, Request("Alex Moreno"), AT)[0])
    cover = files["cover.txt"].decode()
    assert "Gathered on 23 November 2026 at 09:30 UTC from the plan book" in cover
    assert str(book.path) in cover
    assert "Found: 1 plan for Alex Moreno as the employee; 3 other plans naming them." in cover
    assert f"Plan {witness}: another employee's plan" in cover
    manifest = json.loads(files["manifest.json"])
    assert manifest["gathered_at"] == "2026-11-23T09:30:00Z"
    assert manifest["plan_book"] == str(book.path)
    listed = {m["name"]: m["sha256"] for m in manifest["members"]}
    assert set(listed) == set(files) - {"manifest.json"}
    for name, digest in listed.items():
        assert hashlib.sha256(files[name]).hexdigest() == digest


def test_a_first_name_finds_only_what_names_it_as_a_whole_word(book: PlanBook) -> None:
    *_named, unrelated = add_plans_naming_alex(book)
    found = subject_access_zip(book, Request("Alexander Moreno"), AT)[1]
    assert [f.plan_id for f in found] == [unrelated]
    assert [f.plan_id for f in subject_access_zip(book, Request("Dana", ("Alexis",)), AT)[1]][-1] == unrelated


def test_nothing_found_writes_nothing(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    with pytest.raises(NothingFound, match="No plan in this plan book names Zoë Ōtsuka"):
        write_subject_access(book, Request("Zoë Ōtsuka"), out, AT)
    assert not out.exists()


def test_the_zip_is_written_private_to_the_user(book: PlanBook, tmp_path: Path) -> None:
    out = tmp_path / "alex.zip"
    write_subject_access(book, Request("alex moreno"), out, AT)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert zipfile.ZipFile(out).testzip() is None


def test_the_persons_own_attached_files_are_in_the_export_byte_exact_and_safely_named(book: PlanBook) -> None:
    from pipdesk.domain import Attachment

    alex = book.get(ALEX)
    scan = b"%PDF-1.7 signed plan \x00\xff"
    digest = book.add_attachment_content(scan)
    alex.attachments = [Attachment(name=".plan: signed?*.pdf", size=len(scan), sha256=digest, added_on=alex.start_date)]
    alex.checkins[0].attachments = [alex.attachments[0].model_copy(update={"name": "again.pdf"})]
    book.save(ALEX, alex)
    data, _found = subject_access_zip(book, Request("Alex Moreno"), AT)
    files = members(data)
    attached = sorted(name for name in files if "/attachments/" in name)
    assert attached == [
        f"plan-{ALEX}/attachments/{digest[:12]}-again.pdf",
        f"plan-{ALEX}/attachments/{digest[:12]}-plan_ signed_.pdf",
    ]
    assert all(files[name] == scan for name in attached)


def test_another_alex_going_by_alex_gets_only_the_sentences_naming_alex_not_alex_morenos_plan(book: PlanBook) -> None:
    # Alex Okafor goes by "Alex": that finds Alex Moreno's plan too, but it is not his to have in full.
    alex = book.get(ALEX)
    alex.checkins[-1].private_notes = "Alex seemed tired; ask about workload."
    book.save(ALEX, alex)

    data, found = subject_access_zip(book, Request("Alex Okafor", ("Alex",)), AT)

    assert [(f.plan_id, f.own) for f in found] == [(ALEX, False)]
    files = members(data)
    assert not any(name.startswith(f"plan-{ALEX}/") for name in files)
    assert "Moreno" not in "\n".join(data.decode() for data in files.values() if not data.startswith(b"{"))
