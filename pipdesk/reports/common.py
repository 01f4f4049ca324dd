"""Parts every document shares: who and when, the page furniture, the metadata, the signature people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from pipdesk.domain import Status, vocabulary
from pipdesk.domain.audit import content_hash
from pipdesk.domain.defaults import DEFAULT_SUSTAINED
from pipdesk.reports import Organisation, layout
from pipdesk.reports.layout import BODY, Furniture, Letterhead, Metadata, Signatory, field, heading, para

if TYPE_CHECKING:
    from pipdesk.domain import Person, Plan

#: A numbered section of a document: its title and what stands under it.
Section = tuple[str, list[Flowable]]

FULL_COPY = "Full copy — contains the manager's private notes"
EMPLOYEE_COPY = "Employee copy"


@dataclass(frozen=True)
class Settings:
    """The options as one document needs them: the print date decided, the copy known."""

    employee_copy: bool
    printed_on: dt.date
    password: str | None
    reproducible: bool
    #: How many of the last measured values must reach the target for "met" (Preferences).
    sustained: int = DEFAULT_SUSTAINED
    #: The organisation's letterhead (Preferences); ``None``: none.
    organisation: Organisation | None = None


def letterhead(organisation: Organisation | None) -> Letterhead | None:
    """The organisation's name and logo at the top of every page and its footer line at the bottom."""
    if not organisation:
        return None
    return Letterhead(name=organisation.name.strip(), logo=organisation.logo, footer=organisation.footer.strip())


def name(person: Person | None, missing: str = "None named") -> str:
    if person is None or not person.name.strip():
        return missing
    return person.name


def people(plan: Plan) -> list[tuple[str, str]]:
    """Employee, manager and HR partner, as label/value pairs read left to right, two to a row."""
    hr = plan.hr_partner
    return [
        ("Employee", name(plan.employee)),
        ("Manager", name(plan.manager)),
        ("Job title", plan.employee.job_title or vocabulary.DASH),
        ("Manager's role", plan.manager.job_title or vocabulary.DASH),
        ("Department", plan.employee.department or vocabulary.DASH),
        ("HR partner", name(hr) + (f", {hr.job_title}" if hr is not None and hr.job_title.strip() else "")),
    ]


def when(plan: Plan) -> list[tuple[str, str]]:
    """Issue date, period and length, check-in cadence and status."""
    pairs = [
        ("Issued on", vocabulary.long_date(plan.issued_on) if plan.issued_on else "Not issued yet"),
        ("Period", vocabulary.period(plan.start_date, plan.end_date)),
        ("Length", vocabulary.length(plan.length_days)),
        ("Check-ins", f"Every {plan.checkin_every_days} days" if plan.checkin_every_days else "As scheduled below"),
        ("Status", vocabulary.status(plan.status)),
    ]
    if plan.revisions:
        pairs.append(
            ("Revision", f"{len(plan.revisions)} (last changed {vocabulary.long_date(plan.revisions[-1].at.date())})")
        )
    return pairs


def furniture(plan: Plan, document: str, settings: Settings, *, may_hold_private_notes: bool) -> Furniture:
    """The header and footer. Only documents that can hold private notes carry the full-copy mark."""
    if settings.employee_copy:
        mark, warning = EMPLOYEE_COPY, False
    elif may_hold_private_notes:
        mark, warning = FULL_COPY, True
    else:
        mark, warning = "", False
    if plan.status is Status.DRAFT:
        mark = "Draft" + (f"  ·  {mark}" if mark else "")
    return Furniture(
        document=document,
        plan_title=plan.title,
        printed_on=settings.printed_on,
        revision=len(plan.revisions),
        copy_mark=mark,
        copy_mark_is_warning=warning,
        audit_hash=content_hash(plan),
        letterhead=letterhead(settings.organisation),
    )


def metadata(plan: Plan, document: str) -> Metadata:
    return Metadata(
        title=f"{document}: {plan.title}",
        author=plan.manager.name,
        subject=f"{document} for {plan.employee.name}, {vocabulary.period(plan.start_date, plan.end_date)}",
    )


def build(
    plan: Plan, document: str, story: list[Flowable], settings: Settings, *, may_hold_private_notes: bool
) -> bytes:
    """The document's PDF: its story with the page furniture and metadata every document has."""
    return layout.build(
        story,
        furniture(plan, document, settings, may_hold_private_notes=may_hold_private_notes),
        metadata(plan, document),
        password=settings.password,
        reproducible=settings.reproducible,
    )


def numbered(sections: Sequence[Section]) -> list[Flowable]:
    """The sections in order, headed "1. …", "2. …"."""
    flowables: list[Flowable] = []
    for number, (title, content) in enumerate(sections, start=1):
        flowables += [*heading(number, title), *content]
    return flowables


def concerns_in_brief(plan: Plan) -> list[Flowable]:
    """The summary of the concerns and the context, as the plan states them."""
    return [*field("Summary of the concerns", plan.summary), *field("Context and barriers found", plan.context)]


def signing(meaning: str, signatories: Sequence[Signatory]) -> list[Flowable]:
    """The closing signature block, kept on one page with what a signature means."""
    return layout.keep(*heading(None, "Signatures"), para(meaning, BODY), layout.signatures(signatories))
