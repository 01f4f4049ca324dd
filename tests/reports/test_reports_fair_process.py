"""The fair process on paper: adjustments, pauses, companions, responses, HR review, acknowledgements, appeal."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from test_reports_support import EMPLOYEE_COPY, MARKUP, OPTIONS, pdf_text

from pipdesk.domain import (
    Acknowledgement,
    Adjustment,
    AdjustmentDecision,
    Appeal,
    AppealResult,
    Attendee,
    AttendeeRole,
    EmployeeResponse,
    HrReview,
    Pause,
    Plan,
    ResponseTo,
    Revision,
)
from pipdesk.reports import ReportOptions, render_checkin, render_outcome, render_plan

from conftest import load_sample

PLAN_RESPONSE = "I accept the plan's aims.\nBut the Q3 figures include the weeks I was off sick. " + "More. " * 150
OUTCOME_RESPONSE = "I disagree with the outcome: the adjustment came late."


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def on_the_record(plan: Plan) -> Plan:
    """``plan`` with every part of a fair process recorded, as plan format 2 holds it."""
    formal = [i for i, c in enumerate(plan.checkins) if c.is_formal]
    checkins = list(plan.checkins)
    checkins[formal[0]] = checkins[formal[0]].model_copy(
        update={
            "companion_offered": True,
            "attendance": [
                Attendee(name=plan.employee.name, role=AttendeeRole.EMPLOYEE),
                Attendee(name="Ngozi Adeyemi", role=AttendeeRole.REPRESENTATIVE),
                Attendee(name="Владимир Жуковский", role=AttendeeRole.NOTE_TAKER),
            ],
        }
    )
    return plan.model_copy(
        update={
            "hr_review": HrReview(
                sent_on=d(9, 21), reviewed_by="Sam Okafor", reviewed_on=d(9, 24), comments="Evidence <b>is</b> dated."
            ),
            "adjustments": [
                Adjustment(
                    requested="Screen reader licence",
                    requested_by="Employee",
                    requested_on=d(9, 30),
                    decision=AdjustmentDecision.AGREED,
                    decided_on=d(10, 2),
                    in_place_on=d(10, 5),
                    review_on=d(11, 2),
                ),
                Adjustment(
                    requested="Start at 10:00",
                    decision=AdjustmentDecision.ALTERNATIVE,
                    offered="Start at 09:30 on Mondays & Fridays",
                    in_place_on=d(10, 12),
                ),
                Adjustment(
                    requested="Work from home full time",
                    decision=AdjustmentDecision.REFUSED,
                    reason="The role is on the client's site",
                ),
            ],
            "pauses": [Pause(paused_on=d(10, 19), resumed_on=d(11, 2), reason="Sickness absence")],
            "checkins": checkins,
            "responses": [
                EmployeeResponse(to=ResponseTo.PLAN, on=d(9, 30), text=PLAN_RESPONSE),
                EmployeeResponse(to=ResponseTo.OUTCOME, on=d(12, 22), text=OUTCOME_RESPONSE),
            ],
            "reacknowledgements": [Acknowledgement(on=d(10, 6), employee_comment="Seen the new dates.")],
        }
    )


@pytest.fixture
def alex() -> Plan:
    return on_the_record(load_sample("alex-delivery-active"))


@pytest.fixture
def beth() -> Plan:
    plan = on_the_record(load_sample("beth-communication-closed"))
    assert plan.outcome is not None
    outcome = plan.outcome.model_copy(
        update={"acknowledgement": Acknowledgement(on=d(12, 23), refused=True, witness="Priya Shah (HR)")}
    )
    appeal = Appeal(
        lodged_on=d(1, 4, 2027),
        grounds="The pause was not counted.",
        heard_by="Jo Park",
        heard_on=d(1, 18, 2027),
        result=AppealResult.PARTLY_UPHELD,
        comments="Two weeks added to the monitoring.",
    )
    return plan.model_copy(update={"outcome": outcome, "appeal": appeal})


def flat(pdf: bytes) -> str:
    """The text with its line breaks and runs of spaces as one space: a sentence reads whole."""
    return " ".join(pdf_text(pdf).split())


def test_plan_pdf_prints_the_adjustments_table(alex: Plan) -> None:
    text = flat(render_plan(alex, OPTIONS))
    for expected in (
        "Reasonable adjustments",
        "Requested Decision Offered, or the reason In place on Review on",
        "Screen reader licence",
        "Requested by Employee on 30 Sep 2026",
        "Agreed",
        "5 Oct 2026",
        "2 Nov 2026",
        "Start at 09:30 on Mondays & Fridays",
        "Reason: The role is on the client's site",
    ):
        assert expected in text


def test_plan_pdf_prints_the_hr_review_pauses_and_acknowledgements(alex: Plan) -> None:
    text = flat(render_plan(alex, OPTIONS))
    assert "HR review before issue" in text
    assert "Sent to HR for review on 21 Sep 2026. Reviewed by Sam Okafor on 24 Sep 2026." in text
    assert "Evidence <b>is</b> dated." in text  # typed markup prints as typed
    assert "Pauses" in text and "19 Oct 2026 2 Nov 2026 14 days Sickness absence" in text
    assert "acknowledged receipt on" in text
    assert "Acknowledged again after changes: Alex" in text and "Seen the new dates." in text


def test_plan_pdf_prints_the_employees_response_in_full_in_both_copies(alex: Plan) -> None:
    for options in (OPTIONS, EMPLOYEE_COPY):
        text = flat(render_plan(alex, options))
        assert "The employee's response to the plan" in text
        assert " ".join(PLAN_RESPONSE.split()) in text
        assert OUTCOME_RESPONSE not in text  # the response to the outcome belongs to the outcome report


def test_plan_pdf_prints_the_changes_since_the_last_acknowledgement(alex: Plan) -> None:
    changed = alex.model_copy(
        update={
            "revisions": [
                *alex.revisions,
                Revision(
                    at=dt.datetime(2026, 11, 9, 10, tzinfo=dt.UTC),
                    field="end_date",
                    old="2026-12-21",
                    new="2027-01-11",
                    reason="Three weeks for the <i>pause</i>",
                ),
            ]
        }
    )
    text = flat(render_plan(changed, OPTIONS))
    assert "Changes since the last acknowledgement" in text
    assert "The plan changed after the employee last acknowledged it on 6 October 2026." in text
    assert "Three weeks for the <i>pause</i>" in text
    assert "Changes since the last acknowledgement" not in flat(render_plan(alex, OPTIONS))


def test_plan_pdf_prints_the_formal_meetings_and_the_appeal(beth: Plan) -> None:
    text = flat(render_plan(beth, OPTIONS))
    assert "Formal meetings and the right to be accompanied" in text
    assert "Offered" in text and "Ngozi Adeyemi (representative)" in text
    assert "Appeal against the outcome" in text
    assert "Partly upheld" in text and "The pause was not counted." in text


def test_plan_pdf_names_a_running_pause_as_not_resumed_in_the_changes(alex: Plan) -> None:
    """A pause still running has no resume day: the change reads "… → —", not an empty value."""
    assert alex.acknowledgement is not None
    at = dt.datetime.combine(alex.acknowledgement.on + dt.timedelta(days=40), dt.time(9), tzinfo=dt.UTC)
    paused = alex.model_copy(
        update={
            "pauses": [*alex.pauses, Pause(paused_on=d(11, 20), reason="Leave")],
            "revisions": [*alex.revisions, Revision(at=at, field="pause", old="2026-11-20", new=None, reason="Leave")],
        }
    )
    assert "20 Nov 2026 → — (Leave)" in flat(render_plan(paused, OPTIONS))


def test_outcome_report_prints_the_fair_process_lines(beth: Plan) -> None:
    text = flat(render_outcome(beth, OPTIONS))
    assert "3 adjustments requested: 2 in place from 5 Oct 2026, 1 refused with a reason." in text
    assert "Paused once, 14 days in all" in text
    assert "Reviewed by Sam Okafor on 24 Sep 2026" in text
    assert "The right to be accompanied was offered at 1 of 1 formal meeting" in text
    assert "Accompanied by Ngozi Adeyemi (representative)" in text
    assert "The employee responded in writing to the plan on 30 Sep 2026 and to the outcome on 22 Dec 2026." in text
    assert "Appeal lodged on 4 Jan 2027, heard by Jo Park on 18 Jan 2027: partly upheld." in text


def test_outcome_report_prints_pauses_companions_responses_and_the_appeal(beth: Plan) -> None:
    text = flat(render_outcome(beth, OPTIONS))
    assert "19 Oct 2026 2 Nov 2026 14 days Sickness absence" in text
    assert "Formal meetings and the right to be accompanied" in text
    assert "Offered" in text and "Ngozi Adeyemi (representative); Владимир Жуковский (note-taker)" in text
    assert " ".join(PLAN_RESPONSE.split()) in text and OUTCOME_RESPONSE in text
    assert "Grounds of appeal The pause was not counted." in text
    assert "Comments on the appeal Two weeks added to the monitoring." in text
    assert "Heard by Jo Park" in text


def test_outcome_report_has_its_own_acknowledgement_block(beth: Plan) -> None:
    text = flat(render_outcome(beth, OPTIONS))
    assert "Receipt of this report" in text
    assert "declined to sign on 23 December 2026 (witness: Priya Shah (HR))" in text
    assert "Witness (only if the employee declines to sign) Priya Shah (HR)" in text
    received = beth.model_copy(
        update={"outcome": beth.outcome.model_copy(update={"acknowledgement": Acknowledgement(on=d(12, 23))})}  # type: ignore[union-attr]
    )
    assert "acknowledged receipt on 23 December 2026" in flat(render_outcome(received, OPTIONS))
    unrecorded = load_sample("beth-communication-closed")
    assert "The employee's receipt of this report is not recorded yet." in flat(render_outcome(unrecorded, OPTIONS))


def test_outcome_report_without_an_appeal_says_none_was_lodged() -> None:
    text = flat(render_outcome(load_sample("beth-communication-closed"), OPTIONS))
    assert "Appeal No appeal was lodged." in text
    running = flat(render_outcome(load_sample("alex-delivery-active"), OPTIONS))
    assert "No appeal was lodged" not in running and "Appeal lodged" not in running


def test_checkin_record_prints_the_companion_offer_and_attendance_of_a_formal_meeting(alex: Plan) -> None:
    index = next(i for i, c in enumerate(alex.checkins) if c.is_formal)
    text = flat(render_checkin(alex, index, OPTIONS))
    assert "Right to be accompanied Offered" in text
    assert "Ngozi Adeyemi (representative); Владимир Жуковский (note-taker)" in text
    informal = next(i for i, c in enumerate(alex.checkins) if not c.is_formal)
    assert "Right to be accompanied" not in flat(render_checkin(alex, informal, OPTIONS))


def test_typed_markup_in_the_fair_process_prints_as_typed(alex: Plan) -> None:
    marked = alex.model_copy(
        update={
            "adjustments": [Adjustment(requested=MARKUP, decision=AdjustmentDecision.REFUSED, reason=MARKUP)],
            "pauses": [Pause(paused_on=d(10, 19), resumed_on=d(10, 20), reason=MARKUP)],
        }
    )
    text = pdf_text(render_plan(marked, OPTIONS))
    assert "<b>not bold</b> &amp; &lt;tag&gt;" in text


def test_outcome_report_explains_met_once_not_yet_sustained() -> None:
    carl = load_sample("carl-skills-extended")
    text = flat(render_outcome(carl, OPTIONS))
    assert "The evidence suggests: Partially met. Met once, not yet sustained:" in text
    assert "Met once" not in flat(render_outcome(carl, ReportOptions(printed_on=d(11, 23), sustained=1)))


def test_a_changed_private_note_never_reaches_the_employee_through_the_history() -> None:
    """The plan document is the employee's; the outcome report's employee copy too: a private note's
    words, kept in the history when the note was amended, are left out of both."""
    from pipdesk.domain.copies import PRIVATE_NOTE_LEFT_OUT

    plan = load_sample("alex-delivery-active")
    secret, earlier = "Talk to HR about dismissal options", "Seems stressed at home"
    day = plan.checkins[0].date.isoformat()
    at = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    plan = plan.model_copy(
        update={
            "revisions": [
                *plan.revisions,
                Revision(at=at, field=f"checkins.{day}.private_notes", old=earlier, new=secret, reason="Typo"),
            ]
        }
    )
    for document in (render_plan(plan, OPTIONS), render_outcome(plan, replace(OPTIONS, employee_copy=True))):
        text = flat(document)
        assert secret not in text and earlier not in text
        assert PRIVATE_NOTE_LEFT_OUT in text
    full = flat(render_outcome(plan, replace(OPTIONS, employee_copy=False)))
    assert secret in full and earlier in full  # the manager's own full copy keeps them
