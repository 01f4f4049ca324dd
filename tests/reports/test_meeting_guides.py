"""The meeting guides of the alex sample: the delivery meeting, a check-in's preparation sheet, the reviews."""

from __future__ import annotations

import datetime as dt

import pytest
from test_reports_fair_process import flat
from test_reports_support import MARKUP, NAMES, OPTIONS, read

from pipdesk.domain import DatedNote, Plan, SupportAction, vocabulary
from pipdesk.domain.outcome import evidence
from pipdesk.reports import DocumentKind, ReportError, render, render_agenda

from conftest import load_sample

KICKOFF_DAY = dt.date(2026, 9, 1)
CHECKIN_DAY = dt.date(2026, 11, 30)
MIDPOINT_DAY = dt.date(2026, 11, 9)
FINAL_DAY = dt.date(2026, 12, 21)


@pytest.fixture
def alex() -> Plan:
    return load_sample("alex-delivery-active")


@pytest.mark.parametrize(
    ("on", "title"),
    [
        (KICKOFF_DAY, "Delivery meeting guide"),
        (CHECKIN_DAY, "Check-in preparation sheet"),
        (MIDPOINT_DAY, "Mid-plan evaluation guide"),
        (FINAL_DAY, "Final review guide"),
    ],
)
def test_each_meeting_gets_its_guide(alex: Plan, on: dt.date, title: str) -> None:
    pdf = render_agenda(alex, OPTIONS, on)
    assert read(pdf).metadata.title.startswith(f"{title}: ")
    text = flat(pdf)
    assert f"{title} Delivery predictability" in text
    assert "Notes" in text


def test_render_with_the_agenda_kind_is_the_same_guide(alex: Plan) -> None:
    assert render(DocumentKind.AGENDA, alex, OPTIONS, on=CHECKIN_DAY) == render_agenda(alex, OPTIONS, CHECKIN_DAY)


def test_no_meeting_ahead_is_a_report_error(alex: Plan) -> None:
    with pytest.raises(ReportError, match="no meeting scheduled on or after 22 December 2026"):
        render_agenda(alex, OPTIONS, dt.date(2026, 12, 22))


def test_preparation_sheet_shows_last_values_late_support_and_last_times_next_steps(alex: Plan) -> None:
    late = SupportAction(
        description="Book the estimation course", owner="Dana Whitfield", due_date=dt.date(2026, 11, 20)
    )
    due = SupportAction(description="Pair with a senior planner", owner="HR", due_date=CHECKIN_DAY)
    alex.support += [late, due]
    alex.checkins[-1].next_steps = "Send the Friday report by noon; bring the revised estimates."
    text = flat(render_agenda(alex, OPTIONS, CHECKIN_DAY))
    for expected in ("84% on 23 Nov 2026", "0 reports on 23 Nov 2026", "26% on 23 Nov 2026"):
        assert expected in text
    assert "Book the estimation course Dana Whitfield 20 Nov 2026 Late" in text
    assert "Pair with a senior planner HR 30 Nov 2026 Due" in text
    assert "Next steps agreed on 23 November 2026" in text
    assert "Send the Friday report by noon; bring the revised estimates." in text
    assert "7 December 2026: Weekly check-in 10" in text  # the meeting after this one
    assert "Deliver milestones on the agreed date: the last value was worse than the one before" in text


def test_preparation_sheet_without_late_support_says_so(alex: Plan) -> None:
    assert "No support action is due or late." in flat(render_agenda(alex, OPTIONS, CHECKIN_DAY))


def test_delivery_guide_names_each_concerns_dated_evidence_and_each_objectives_target(alex: Plan) -> None:
    text = flat(render_agenda(alex, OPTIONS, KICKOFF_DAY))
    for concern in alex.concerns:
        assert concern.area in text
        for item in concern.evidence:
            assert f"{vocabulary.short_date(item.date)} {item.note}" in text
    for objective in alex.objectives:
        assert objective.title in text
        assert vocabulary.quantity(objective.target, objective.unit) in text
    for good_practice in ("Why we are here", "Strengths first", "The support offered", "How the plan runs"):
        assert good_practice in text
    assert "may respond to the plan in writing" in text
    assert "right to be accompanied" in text


def test_final_review_guide_lists_the_suggested_results_and_the_questions(alex: Plan) -> None:
    text = flat(render_agenda(alex, OPTIONS, FINAL_DAY))
    for item in evidence(alex):
        assert item.suggested is not None
        assert f"{vocabulary.result(item.suggested)} {item.why}" in text
    assert "Was each objective met by its due date? What does the evidence show?" in text
    assert "If the objectives are not met" in text


def test_midpoint_guide_asks_the_midpoint_questions(alex: Plan) -> None:
    text = flat(render_agenda(alex, OPTIONS, MIDPOINT_DAY))
    assert "Should the plan be extended?" in text
    assert "The evidence so far" in text


def test_user_text_prints_as_typed_in_every_guide(alex: Plan) -> None:
    alex.employee.name = NAMES
    alex.objectives[0].title = MARKUP
    alex.concerns[0].evidence.append(DatedNote(date=dt.date(2026, 9, 1), note=MARKUP))
    alex.checkins[-1].next_steps = MARKUP
    for day in (KICKOFF_DAY, CHECKIN_DAY, FINAL_DAY):
        text = flat(render_agenda(alex, OPTIONS, day))
        assert "<b>not bold</b> &amp; &lt;tag&gt;" in text
        assert "Γιώργος Παπαδόπουλος" in text
