"""PDF documents of a plan: the plan itself, a check-in record and the outcome report. No Qt, no SQL.

Domain objects in, PDF bytes out::

    pdf = render_plan(plan, ReportOptions(employee_copy=True, password="s3cret"))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from pipdesk.domain import vocabulary
from pipdesk.domain.defaults import DEFAULT_SUSTAINED
from pipdesk.reports.errors import ReportError

if TYPE_CHECKING:
    from pipdesk.domain import Plan
    from pipdesk.reports.common import Settings

# The document modules import ReportLab (a heavy import): they load on the first document, so the
# window, which takes its words from ``pipdesk.domain.vocabulary``, starts without them.

__all__ = [
    "DocumentKind",
    "Organisation",
    "ReportError",
    "ReportOptions",
    "render",
    "render_agenda",
    "render_checkin",
    "render_outcome",
    "render_plan",
]


class DocumentKind(StrEnum):
    PLAN = "plan"
    OUTCOME = "outcome"
    CHECKIN = "checkin"
    AGENDA = "agenda"


@dataclass(frozen=True)
class Organisation:
    """Whose letterhead a document is printed on (Preferences › Organisation): every page shows the name and
    logo at the top and the footer line (an address, say) at the bottom. Empty: no letterhead."""

    name: str = ""
    #: A PNG or JPEG image, scaled to fit the header; ``None``: no logo.
    logo: bytes | None = None
    footer: str = ""

    def __bool__(self) -> bool:
        return bool(self.name.strip() or self.logo or self.footer.strip())


@dataclass(frozen=True)
class ReportOptions:
    """How to print: whose copy, a password to open it, the print date, and byte-for-byte repeatability."""

    #: Leave out the manager's private notes (check-in record and outcome report).
    employee_copy: bool = False
    #: Encrypt the PDF (RC4 128-bit, or AES-256 when pyaes is installed); empty or ``None``: no password.
    password: str | None = None
    #: The date printed in the footer; ``None``: today.
    printed_on: dt.date | None = None
    #: Same input, same bytes (fixed creation date and document id): for tests and archives.
    reproducible: bool = False
    #: How many of the last measured values must reach the target for the outcome report's "met".
    sustained: int = DEFAULT_SUSTAINED
    #: The letterhead on every page; ``None`` (or an empty one): none, the document as without it.
    organisation: Organisation | None = None


def _settings(options: ReportOptions) -> Settings:
    from pipdesk.reports.common import Settings

    return Settings(
        employee_copy=options.employee_copy,
        printed_on=options.printed_on or dt.date.today(),
        password=options.password,
        reproducible=options.reproducible,
        sustained=options.sustained,
        organisation=options.organisation if options.organisation else None,
    )


def render_plan(plan: Plan, options: ReportOptions = ReportOptions()) -> bytes:
    """The plan as issued to the employee, with the acknowledgement of receipt to sign."""
    from pipdesk.reports import plan_document

    return plan_document.render(plan, _settings(options))


def render_outcome(plan: Plan, options: ReportOptions = ReportOptions()) -> bytes:
    """How the plan ended: results, check-in history, fairness check, decision; marked when not decided yet."""
    from pipdesk.reports import outcome_report

    return outcome_report.render(plan, _settings(options))


def render_checkin(plan: Plan, checkin_index: int, options: ReportOptions = ReportOptions()) -> bytes:
    """The minutes of ``plan.checkins[checkin_index]`` for both to sign."""
    from pipdesk.reports import checkin_record

    return checkin_record.render(plan, checkin_index, _settings(options))


def render_agenda(plan: Plan, options: ReportOptions = ReportOptions(), on: dt.date | None = None) -> bytes:
    """The guide to the plan's next meeting on or after ``on`` (``None``: today), chosen by the meeting.

    The kick-off gets the delivery meeting guide, a check-in the preparation sheet, the mid-plan
    evaluation and the final review the review guide. No meeting ahead: ``ReportError``.
    """
    from pipdesk.domain.meetings import next_meeting
    from pipdesk.reports import meeting_guides

    day = on or dt.date.today()
    meeting = next_meeting(plan, day)
    if meeting is None:
        raise ReportError(f"This plan has no meeting scheduled on or after {vocabulary.long_date(day)}")
    return meeting_guides.render(plan, meeting, _settings(options))


def render(
    kind: DocumentKind,
    plan: Plan,
    options: ReportOptions,
    checkin_index: int | None = None,
    on: dt.date | None = None,
) -> bytes:
    """Any of the documents; a check-in record needs ``checkin_index``; a meeting guide is for the meeting ``on``."""
    kind = DocumentKind(kind)
    if kind is DocumentKind.AGENDA:
        return render_agenda(plan, options, on)
    if kind is DocumentKind.PLAN:
        return render_plan(plan, options)
    if kind is DocumentKind.OUTCOME:
        return render_outcome(plan, options)
    if checkin_index is None:
        raise ReportError("Choose which check-in to print")
    return render_checkin(plan, checkin_index, options)
