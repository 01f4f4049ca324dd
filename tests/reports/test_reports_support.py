"""Support for the report tests (no tests here): fixed options, reading a PDF back, plans built to break layouts."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import unicodedata

from pypdf import PdfReader

from pipdesk.domain import (
    Checkin,
    DatedNote,
    Decision,
    FollowUp,
    Objective,
    ObjectiveResult,
    Outcome,
    Person,
    Plan,
    Progress,
    Rating,
    Result,
    Revision,
    SupportAction,
)
from pipdesk.reports import ReportOptions

from conftest import load_sample

PRINTED = dt.date(2026, 11, 23)
OPTIONS = ReportOptions(printed_on=PRINTED, reproducible=True)
EMPLOYEE_COPY = ReportOptions(printed_on=PRINTED, reproducible=True, employee_copy=True)

#: Text that would be markup, an entity, a link or an image if it were not escaped.
MARKUP = (
    '<b>not bold</b> &amp; &lt;tag&gt; <img src="/etc/passwd"/> <link href="http://example.com/x">link</link> '
    '<font size="40" color="red">big</font> <para>para</para> <br/> &#65; ]]> <a href="file:///etc">a</a>'
)
NAMES = "Zoë Ångström-Núñez, Γιώργος Παπαδόπουλος, Владимир Жуковский, Nguyễn Thị Phương Thảo"
LONG_WORD = "Pneumonoultramicroscopic" * 300  # 7,200 characters without a space
#: About 50 KB in one paragraph.
LONG_PARAGRAPH = " ".join(f"Sentence {i} of a very long note that a manager pasted in." for i in range(900))


def read(pdf: bytes, password: str | None = None) -> PdfReader:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    return reader


def pdf_text(pdf: bytes, password: str | None = None) -> str:
    """All the text, pages joined, no-break spaces as spaces, NFC as typed."""
    text = "\n".join(page.extract_text() for page in read(pdf, password).pages)
    return unicodedata.normalize("NFC", text.replace("\u00a0", " "))


def body_text(pdf: bytes, password: str | None = None) -> str:
    """The text without each page's header and footer, so text running across pages reads on."""
    pages = []
    for page in read(pdf, password).pages:
        lines = page.extract_text().splitlines()
        # The header and the footer's left part are drawn first, "Page X of Y" last.
        start = next(i for i, line in enumerate(lines) if "  ·  Printed " in line) + 1
        if lines[start].startswith("Audit trail "):  # the footer's second line, drawn next
            start += 1
        assert re.fullmatch(r"Page \d+ of \d+", lines[-1].strip())
        pages.append("\n".join(lines[start:-1]))
    return unicodedata.normalize("NFC", "\n".join(pages).replace("\u00a0", " "))


def squash(text: str) -> str:
    """Text without any white space: line wrapping (even inside a long word) no longer matters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text.replace("\u00a0", " ")))


@functools.lru_cache(maxsize=8)
def _squashed_body(pdf: bytes, password: str | None) -> str:
    return squash(body_text(pdf, password))


def missing(expected: list[str], pdf: bytes, password: str | None = None, table_header: str = "") -> list[str]:
    """The expected texts the PDF does not print, compared without white space, header and footer.

    ``table_header``: the header row of a table the text may run across pages in (it repeats there).
    """
    haystack = _squashed_body(pdf, password)
    if table_header:
        haystack = haystack.replace(squash(table_header), "")
    return [text for text in expected if squash(text) not in haystack]


def tortured_plan(*, long_text: bool = True) -> Plan:
    """The alex sample with every free text made hostile: markup, scripts and (``long_text``) huge texts."""
    checkins, objectives = 4, 3
    paragraph = LONG_PARAGRAPH if long_text else "A short paragraph."
    word = LONG_WORD if long_text else "Shortword"
    plan = load_sample("alex-delivery-active")
    plan.title = f"Plan for {NAMES} {MARKUP}"
    plan.employee = Person(name=NAMES, job_title=MARKUP, department="Δοκιμή / Тест / Thử nghiệm")
    plan.summary = paragraph
    plan.context = f"First line\nSecond line\n\n{MARKUP}\n{word}"
    plan.manager_commitments = MARKUP
    plan.employee_commitments = ""
    plan.consequences = f"{MARKUP}\n{word}"
    plan.prior_discussions = [DatedNote(date=dt.date(2026, 7, 1), note=paragraph)]
    plan.concerns[0].area = MARKUP
    plan.concerns[0].evidence = [DatedNote(date=dt.date(2026, 6, 1), note=word)]
    plan.objectives = [
        Objective(
            key=f"o{i}",
            title=f"Objective {i}: {MARKUP}" + (word if i == 0 else ""),
            concern="late-delivery",
            description=paragraph if i == 1 else MARKUP,
            metric=MARKUP,
            unit="%" if i % 2 else MARKUP,
            baseline=10,
            target=90,
            due_date=dt.date(2026, 12, 1),
        )
        for i in range(objectives)
    ]
    plan.support = [
        SupportAction(description=paragraph, owner=word),
        SupportAction(description=MARKUP, owner=NAMES, due_date=dt.date(2026, 10, 1), done=True),
    ]
    plan.checkins = [
        Checkin(
            date=plan.start_date + dt.timedelta(days=i % plan.length_days),
            attendees=NAMES,
            notes=f"Check-in {i} notes. {MARKUP}\nA second line.",
            employee_comments=MARKUP,
            wins=word if i == 0 else "",
            private_notes=f"PRIVATE NOTE {i} {MARKUP}",
            progress=[
                Progress(objective=f"o{j}", value=10 + i % 80, rating=Rating.AT_RISK, comment=MARKUP)
                for j in range(min(objectives, 3))
            ],
        )
        for i in range(checkins)
    ]
    plan.revisions = [
        Revision(
            at=dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC),
            field="objectives.o1.target",
            old=MARKUP,
            new=word,
            reason=paragraph,
        )
    ]
    plan.outcome = Outcome(
        decision=Decision.PARTIAL,
        decided_on=dt.date(2026, 12, 21),
        follow_up=FollowUp.EXTEND,
        summary=MARKUP,
        monitoring=paragraph,
        results=[
            ObjectiveResult(objective=f"o{i}", result=Result.PARTIALLY_MET, comment=MARKUP) for i in range(objectives)
        ],
    )
    return plan


def minimal_plan() -> Plan:
    """Only what a plan must have: every optional field empty."""
    return Plan(
        title="Minimal",
        employee=Person(name="E"),
        manager=Person(name="M"),
        start_date=dt.date(2026, 1, 5),
        end_date=dt.date(2026, 3, 2),
        objectives=[Objective(key="k", title="Something")],
        checkins=[Checkin(date=dt.date(2026, 1, 12), progress=[Progress(objective="k")])],
    )
