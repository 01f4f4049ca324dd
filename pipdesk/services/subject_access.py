"""Subject access: everything a plan book holds that names a person, gathered into one ZIP to review
and send; the same steps for ``pipdesk subject-access`` and File › Subject access export….

For a plan whose employee the person is: full copies, private notes included: the plan document,
every check-in record and the outcome report (PDFs), the plan file, and the plan's attachments. For
another employee's plan that only names the person (as manager, HR partner, witness, attendee,
reviewer or anywhere in its text): only the sentences that name them, where and when, with the names
of the plan's other people replaced by their roles; never that plan's title, dates or other records.
A cover sheet lists what was found and a manifest gives the SHA-256 of every member. Why these
choices: docs/records.md, "Subject access".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from pipdesk import __version__
from pipdesk.domain import PipdeskError, Plan, vocabulary
from pipdesk.domain.attachments import archive_name, every_attachment
from pipdesk.domain.model import Attendee, AttendeeRole
from pipdesk.planfile import dump_plan_file
from pipdesk.reports import DocumentKind, ReportError, ReportOptions, render
from pipdesk.services.name_search import NameMatcher, name_words, replace_names, sentences_naming
from pipdesk.store import PlanBook
from pipdesk.system.safe_write import write_private_file

COVER = "cover.txt"
MANIFEST = "manifest.json"


class NothingFound(PipdeskError):
    """No plan of the plan book names the person: nothing was written."""


@dataclass(frozen=True)
class Place:
    """One place a plan names the person: what (``where``), the day it is of, and the sentences naming them."""

    where: str
    on: dt.date | None
    excerpt: str


@dataclass
class Found:
    """A plan that names the person: their own plan (they are its employee) or another's."""

    plan_id: int
    own: bool
    places: list[Place]
    plan: Plan
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    """Whom to look for: the name, and any other names they go by (a first name alone, an earlier surname)."""

    name: str
    also: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, *self.also) if n.strip())


# Where a text stands in a plan, in words: a list's items, parts, and fields.
_ITEMS = {
    "checkins": "check-in",
    "concerns": "concern",
    "evidence": "evidence",
    "prior_discussions": "earlier discussion",
    "objectives": "objective",
    "support": "support action",
    "adjustments": "reasonable adjustment",
    "milestones": "milestone",
    "pauses": "pause",
    "responses": "written response",
    "revisions": "change in the history",
    "reacknowledgements": "acknowledgement again",
    "attendance": "attendance",
    "progress": "progress",
    "results": "objective result",
    "attachments": "attachment",
}
_PARTS = {
    "hr_review": "HR review",
    "hr_partner": "the HR partner",
    "employee": "the employee",
    "manager": "the manager",
}
_FIELDS = {
    "private_notes": "private notes",
    "email": "e-mail address",
    "employee_comments": "employee's comments",
    "employee_comment": "employee's comment",
    "old": "earlier value",
    "new": "new value",
    "requested_by": "requested by",
    "reviewed_by": "reviewed by",
    "heard_by": "heard by",
}
#: The fields that hold a person's name, by their path without list positions: the role it gives.
_ROLES = {
    ("employee", "name"): "the employee",
    ("manager", "name"): "the manager",
    ("hr_partner", "name"): "the HR partner",
    ("acknowledgement", "witness"): "a witness",
    ("reacknowledgements", "witness"): "a witness",
    ("outcome", "acknowledgement", "witness"): "a witness",
    ("checkins", "attendance", "name"): "another person",
    ("hr_review", "reviewed_by"): "the HR reviewer",
    ("appeal", "heard_by"): "the person who heard the appeal",
}
_DAY_FIELDS = ("date", "on", "requested_on", "paused_on", "lodged_on", "sent_on", "added_on", "at")


def _day(item: BaseModel) -> dt.date | None:
    for name in _DAY_FIELDS:
        value = getattr(item, name, None)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
    return None


def _role(role: AttendeeRole) -> str:
    label = vocabulary.attendee_role(role)
    return label if label.isupper() else label.lower()


def _texts(
    item: BaseModel, path: tuple[str, ...] = (), words: str = "", on: dt.date | None = None
) -> Iterator[tuple[tuple[str, ...], str, dt.date | None, str]]:
    """Every text of ``item``: its path (list positions left out), where it is in words, its day, the text."""
    for name in type(item).model_fields:
        value = getattr(item, name)
        here = (*path, name)
        if isinstance(value, str):
            label = _FIELDS.get(name, name.replace("_", " "))
            yield here, f"{words}: {label}" if words else f"the plan's {label}", on, value
        elif isinstance(value, BaseModel):
            part = _PARTS.get(name, name.replace("_", " "))
            yield from _texts(value, here, f"{words}, {part}" if words else part, _day(value) or on)
        elif isinstance(value, list):
            noun = _ITEMS.get(name, name.replace("_", " "))
            for number, element in enumerate(value, start=1):
                if isinstance(element, Attendee):
                    yield (*here, "name"), f"{words}: attended as {_role(element.role)}", on, element.name
                elif isinstance(element, BaseModel):
                    day = _day(element)
                    label = f"{noun} of {vocabulary.long_date(day)}" if day else f"{noun} {number}"
                    yield from _texts(element, here, f"{words}, {label}" if words else label, day or on)


def find_places(plan: Plan, matcher: NameMatcher) -> list[Place]:
    """Every place ``plan`` names someone ``matcher`` finds."""
    places = []
    for path, where, on, text in _texts(plan):
        if not matcher.found_in(text):
            continue
        role = _ROLES.get(path)
        if role is not None and path != ("checkins", "attendance", "name"):
            where = f"named as {role}" + (f" ({vocabulary.long_date(on)})" if on and path[0] != "employee" else "")
        places.append(Place(where, on, " … ".join(sentences_naming(matcher, text))))
    return places


def _other_people(plan: Plan, keep: NameMatcher) -> list[tuple[NameMatcher, str]]:
    """The plan's other named people, each as a matcher of their full name and of each word of it, with the
    words that replace them: "[the employee]"; of a name the person asking shares a word with, only the other
    words are replaced ("Alex [the employee]")."""
    people: list[tuple[str, str]] = []
    for path, _where, _on, text in _texts(plan):
        role = _ROLES.get(path)
        if role is not None and text.strip():
            people.append((text, role))
    people.append((plan.employee.email, "the employee's e-mail"))
    others: list[tuple[NameMatcher, str]] = []
    for name, role in people:
        if name.strip() and not keep.found_in(name):
            others.append((NameMatcher([name]), f"[{role}]"))
    for name, role in people:
        for word in name.split():
            if len(word) > 1 and not keep.found_in(word):
                others.append((NameMatcher([word]), f"[{role}]"))
    return others


def _is_the_employee(plan: Plan, request: Request) -> bool:
    """Whether the person is the plan's employee: one of their names is the employee's whole name (not just a
    part of it: another Alex who goes by "Alex" is not Alex Moreno)."""
    employee = name_words(plan.employee.name)
    return bool(employee) and any(name_words(name) == employee for name in request.names)


def find_person(book: PlanBook, request: Request) -> list[Found]:
    """Every plan of ``book`` naming the person, in the order of their numbers."""
    matcher = NameMatcher(request.names)
    found = []
    for plan_id in book.plan_ids():
        plan = book.get(plan_id)
        places = find_places(plan, matcher)
        if not places:
            continue
        own = _is_the_employee(plan, request)
        if not own:
            others = _other_people(plan, matcher)
            places = [Place(p.where, p.on, replace_names(p.excerpt, others, matcher)) for p in places]
        found.append(Found(plan_id, own, places, plan))
    return found


# The ZIP


def _own_plan_members(
    found: Found, options: ReportOptions, content: Callable[[str], bytes]
) -> Iterator[tuple[str, bytes]]:
    plan, folder = found.plan, f"plan-{found.plan_id}"
    try:
        yield f"{folder}/plan.pdf", render(DocumentKind.PLAN, plan, options)
        for index, checkin in enumerate(plan.checkins):
            name = f"{folder}/checkin-{index + 1:02d}-{checkin.date.isoformat()}.pdf"
            yield name, render(DocumentKind.CHECKIN, plan, options, checkin_index=index)
        if plan.outcome is not None:
            yield f"{folder}/outcome.pdf", render(DocumentKind.OUTCOME, plan, options)
    except ReportError as error:
        raise PipdeskError(f"Plan {found.plan_id} could not be printed, so nothing was written: {error}") from None
    yield f"{folder}/plan.json", dump_plan_file(plan).encode("utf-8")
    written: set[str] = set()
    for placed in every_attachment(plan):
        name = f"{folder}/attachments/{archive_name(placed.attachment)}"
        if name not in written:
            written.add(name)
            yield name, content(placed.attachment.sha256)


def _mentions_text(request: Request, found: Found) -> str:
    lines = [
        f"Plan {found.plan_id}: another employee's plan that names {request.name}",
        "",
        "Only the sentences naming you are given; the names of the plan's other people are replaced by",
        "their roles in square brackets.",
        "",
    ]
    for place in found.places:
        lines += [f"- {place.where}", f"    {place.excerpt}", ""]
    return "\n".join(lines)


def _cover_text(request: Request, found: Sequence[Found], gathered_at: dt.datetime, book_path: str) -> str:
    own = [f for f in found if f.own]
    named = [f for f in found if not f.own]
    also = f" (also as: {', '.join(request.also)})" if request.also else ""
    lines = [
        f"Subject access: the records naming {request.name}",
        "",
        f"Gathered on {vocabulary.long_date(gathered_at.date())} at {gathered_at:%H:%M} UTC from the plan book "
        f"{book_path}, by pipdesk {__version__}.",
        f"Searched every plan for {request.name}{also}: as whole words, whatever the case, accents or form of "
        "the characters.",
        f"Found: {vocabulary.count(len(own), 'plan')} for {request.name} as the employee; "
        f"{vocabulary.count(len(named), 'other plan')} naming them.",
        "",
    ]
    for item in found:
        if item.own:
            plan = item.plan
            lines.append(
                f"Plan {item.plan_id}: the plan for {plan.employee.name}, "
                f"{vocabulary.period(plan.start_date, plan.end_date)} "
                f"({vocabulary.status(plan.status, plan.paused)}); full copies, private notes included."
            )
        else:
            lines.append(f"Plan {item.plan_id}: another employee's plan; the sentences naming {request.name}.")
        lines.append("  Files:")
        lines += [f"    {name}" for name in item.files]
        lines.append("  Where the name appears:")
        lines += [f"    - {place.where}" for place in item.places]
        lines.append("")
    lines.append(f"{MANIFEST} gives the SHA-256 of every file.")
    return "\n".join(lines) + "\n"


def _zip(members: Sequence[tuple[str, bytes]], gathered_at: dt.datetime) -> bytes:
    buffer = io.BytesIO()
    stamp = gathered_at.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def subject_access_zip(
    book: PlanBook, request: Request, gathered_at: dt.datetime | None = None
) -> tuple[bytes, list[Found]]:
    """The ZIP of everything ``book`` holds naming the person, and what was found.

    Raises :class:`NothingFound` when no plan names them.
    """
    if not request.names:
        raise PipdeskError("Give the name of the person who asked")
    found = find_person(book, request)
    if not found:
        raise NothingFound(f"No plan in this plan book names {request.name}; nothing was written.")
    gathered_at = (gathered_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    options = ReportOptions(printed_on=gathered_at.date())
    members: list[tuple[str, bytes]] = []
    for item in found:
        if item.own:
            parts = list(_own_plan_members(item, options, book.attachment_content))
        else:
            parts = [(f"mentioned/plan-{item.plan_id}.txt", _mentions_text(request, item).encode("utf-8"))]
        item.files = [name for name, _data in parts]
        members += parts
    book_path = str(book.path) if book.path is not None else "(in memory)"
    cover = _cover_text(request, found, gathered_at, book_path).encode("utf-8")
    members.insert(0, (COVER, cover))
    manifest = {
        "format": "pipdesk-subject-access",
        "version": 1,
        "gathered_at": gathered_at.isoformat().replace("+00:00", "Z"),
        "plan_book": book_path,
        "pipdesk": __version__,
        "searched_for": list(request.names),
        "members": [
            {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()} for name, data in members
        ],
    }
    members.append((MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")))
    return _zip(members, gathered_at), found


def write_subject_access(
    book: PlanBook, request: Request, path: Path, gathered_at: dt.datetime | None = None
) -> list[Found]:
    """Write the subject access ZIP to ``path`` (whole or not at all, private to the user); what was found."""
    data, found = subject_access_zip(book, request, gathered_at)
    write_private_file(path, data)
    return found
