"""The record of a fair process in words: each line's exact wording, the gaps the fairness check reports,
the days paused, and which changes since the last acknowledgement ask for a new one."""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import (
    Acknowledgement,
    Adjustment,
    AdjustmentDecision,
    Appeal,
    AppealResult,
    Attendee,
    AttendeeRole,
    Checkin,
    CheckinKind,
    EmployeeResponse,
    HrReview,
    Objective,
    Pause,
    ResponseTo,
    Revision,
)
from pipdesk.domain.fair_process import (
    MATERIAL_FIELDS,
    acknowledgement_line,
    adjustments_line,
    appeal_line,
    changed_since_acknowledged,
    changes_since_acknowledged,
    companions_line,
    days_paused,
    fair_process_gaps,
    fair_process_lines,
    hr_review_line,
    pauses_line,
    responses_line,
    revisions_text,
)

from conftest import running_plan

AGREED, ALTERNATIVE, REFUSED = AdjustmentDecision.AGREED, AdjustmentDecision.ALTERNATIVE, AdjustmentDecision.REFUSED


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def at(month: int, day: int, hour: int = 9, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, second, tzinfo=dt.UTC)


plan = running_plan


def change(when: dt.datetime, field: str = "end_date", reason: str = "Moved") -> Revision:
    return Revision(at=when, field=field, old="2026-12-21", new="2027-01-04", reason=reason)


# Days paused


def test_the_days_paused_add_up_every_pause_and_count_a_running_one_up_to_today() -> None:
    paused = plan(
        pauses=[
            Pause(paused_on=d(10, 5), resumed_on=d(10, 12), reason="Sickness absence"),
            Pause(paused_on=d(10, 19), reason="Bereavement leave"),
        ]
    )
    assert days_paused(paused, d(10, 25)) == 7 + 6
    assert days_paused(paused, d(10, 19)) == 7 + 0


def test_a_pause_that_begins_after_today_counts_no_days_not_fewer() -> None:
    ahead = plan(pauses=[Pause(paused_on=d(10, 19), reason="Leave")])
    assert days_paused(ahead, d(10, 15)) == 0
    assert days_paused(plan(), d(10, 15)) == 0


# Changes since the last acknowledgement


@pytest.mark.parametrize("field", sorted(MATERIAL_FIELDS))
def test_a_change_to_a_part_of_the_plan_asks_for_a_new_acknowledgement(field: str) -> None:
    changed = plan(revisions=[change(at(10, 5), field=f"{field}.x.y")])
    assert changes_since_acknowledged(changed) == changed.revisions
    assert changed_since_acknowledged(changed)


@pytest.mark.parametrize("field", ["status", "outcome", "checkins.2026-10-05", "fairness_check", "hr_review", "title"])
def test_status_outcome_and_check_in_corrections_are_not_changes_to_the_plan(field: str) -> None:
    corrected = plan(revisions=[change(at(10, 5), field=field)])
    assert changes_since_acknowledged(corrected) == []
    assert not changed_since_acknowledged(corrected)


def test_changes_are_listed_oldest_first_from_after_the_latest_acknowledgement() -> None:
    before, first, second = change(at(10, 1)), change(at(10, 21), "objectives.a.target"), change(at(11, 2), "pause")
    again = plan(
        reacknowledgements=[Acknowledgement(on=d(10, 20))],
        revisions=[before, first, change(at(10, 22), "status"), second],
    )
    assert changes_since_acknowledged(again) == [first, second]


def test_an_acknowledgement_without_its_time_counts_a_change_that_day_as_before_it() -> None:
    same_day, next_day = change(at(9, 29, 23, 59)), change(at(9, 30, 0, 1))
    assert changes_since_acknowledged(plan(revisions=[same_day])) == []
    assert changes_since_acknowledged(plan(revisions=[same_day, next_day])) == [next_day]


def test_an_acknowledgement_with_its_time_is_compared_to_the_moment() -> None:
    signed = Acknowledgement(on=d(9, 29), recorded_at=at(9, 29, 14, 30))
    at_signing, just_after, before = change(at(9, 29, 14, 30)), change(at(9, 29, 14, 30, 1)), change(at(9, 29, 9))
    assert changes_since_acknowledged(plan(acknowledgement=signed, revisions=[before, at_signing, just_after])) == [
        just_after
    ]


def test_a_draft_or_a_plan_never_acknowledged_has_no_changes_since() -> None:
    revisions = [change(at(10, 5))]
    assert changes_since_acknowledged(plan(status="draft", revisions=revisions)) == []
    assert changes_since_acknowledged(plan(acknowledgement=None, revisions=revisions)) == []
    assert not changed_since_acknowledged(plan(acknowledgement=None, revisions=revisions))


# Adjustments


def test_the_adjustments_line_counts_each_state_and_names_the_first_day_one_was_in_place() -> None:
    adjustments = [
        Adjustment(requested="Screen reader", decision=AGREED, in_place_on=d(10, 12)),
        Adjustment(requested="Later start", decision=ALTERNATIVE, in_place_on=d(10, 5)),
        Adjustment(requested="Quiet room", decision=AGREED),
        Adjustment(requested="Part-time", decision=ALTERNATIVE),
        Adjustment(requested="Desk", decision=AGREED),
        Adjustment(requested="Home working", decision=REFUSED, reason="Client site role"),
        Adjustment(requested="Parking"),
    ]
    assert adjustments_line(plan(adjustments=adjustments)) == (
        "7 adjustments requested: 2 in place from 5 Oct 2026, 3 agreed, not yet in place, "
        "1 refused with a reason, 1 not decided yet."
    )


def test_the_adjustments_line_says_only_what_applies_and_agrees_in_number() -> None:
    assert adjustments_line(plan()) == "No adjustments were requested."
    assert adjustments_line(plan(adjustments=[Adjustment(requested="Parking")])) == (
        "1 adjustment requested: 1 not decided yet."
    )
    refused = [Adjustment(requested=r, decision=REFUSED) for r in ("Home working", "Four-day week")]
    assert adjustments_line(plan(adjustments=refused)) == "2 adjustments requested: 2 refused with a reason."
    undecided = [Adjustment(requested=r) for r in ("Parking", "Desk")]
    assert adjustments_line(plan(adjustments=undecided)) == "2 adjustments requested: 2 not decided yet."
    one_in_place = [Adjustment(requested="Desk", decision=AGREED, in_place_on=d(10, 5))]
    assert adjustments_line(plan(adjustments=one_in_place)) == "1 adjustment requested: 1 in place from 5 Oct 2026."


# Pauses


def test_the_pauses_line_gives_each_pause_its_days_and_reason_and_the_days_in_all() -> None:
    paused = plan(
        pauses=[
            Pause(paused_on=d(10, 5), resumed_on=d(10, 12), reason="Sickness\n  absence"),
            Pause(paused_on=d(10, 19), resumed_on=d(10, 20), reason="Jury service"),
            Pause(paused_on=d(11, 2), reason=" Bereavement   leave "),
        ]
    )
    assert pauses_line(paused, d(11, 16)) == (
        "Paused 3 times, 22 days in all; the dates moved by the days paused: "
        "5 Oct 2026 to 12 Oct 2026 (7 days; Sickness absence); "
        "19 Oct 2026 to 20 Oct 2026 (1 day; Jury service); "
        "since 2 Nov 2026, not yet resumed (Bereavement leave)."
    )


def test_a_pause_resumed_the_day_it_began_is_said_to_have_lasted_no_day() -> None:
    """The plan file's rules refuse such a pause; the line still counts the days it holds, not one more."""
    same_day = plan(pauses=[Pause(paused_on=d(10, 19), resumed_on=d(10, 19), reason="Entered in error")])
    assert pauses_line(same_day, d(11, 16)) == (
        "Paused once, 0 days in all; the dates moved by the days paused: "
        "19 Oct 2026 to 19 Oct 2026 (0 days; Entered in error)."
    )


def test_the_pauses_line_of_a_plan_paused_once_or_twice_or_never() -> None:
    assert pauses_line(plan(), d(11, 16)) == "The plan was never paused."
    once = plan(pauses=[Pause(paused_on=d(10, 19), resumed_on=d(11, 2), reason="Sickness absence")])
    assert pauses_line(once, d(11, 16)) == (
        "Paused once, 14 days in all; the dates moved by the days paused: "
        "19 Oct 2026 to 2 Nov 2026 (14 days; Sickness absence)."
    )
    twice = plan(
        pauses=[
            Pause(paused_on=d(10, 5), resumed_on=d(10, 6), reason="Leave"),
            Pause(paused_on=d(11, 15), reason="Leave"),
        ]
    )
    assert pauses_line(twice, d(11, 16)) == (
        "Paused twice, 2 days in all; the dates moved by the days paused: "
        "5 Oct 2026 to 6 Oct 2026 (1 day; Leave); since 15 Nov 2026, not yet resumed (Leave)."
    )


# The right to be accompanied


def test_the_companions_line_counts_the_offers_names_the_meetings_without_one_and_who_accompanied() -> None:
    checkins = [
        Checkin(
            date=d(9, 28),
            kind=CheckinKind.KICKOFF,
            companion_offered=True,
            attendance=[
                Attendee(name="Tom  Reyes", role=AttendeeRole.COMPANION),
                Attendee(name="Sam Okafor", role=AttendeeRole.HR),
                Attendee(name="Alex Moreno", role=AttendeeRole.EMPLOYEE),
            ],
        ),
        Checkin(date=d(10, 5), companion_offered=False),  # an ordinary check-in: not formal
        Checkin(date=d(11, 9), kind=CheckinKind.MIDPOINT, companion_offered=False),
        Checkin(
            date=d(11, 16),
            formal=True,
            attendance=[
                Attendee(name="Ann Bell", role=AttendeeRole.REPRESENTATIVE),
                Attendee(name="Tom Reyes", role=AttendeeRole.COMPANION),
                Attendee(name="Noor Ali", role=AttendeeRole.NOTE_TAKER),
            ],
        ),
    ]
    assert companions_line(plan(checkins=checkins)) == (
        "The right to be accompanied was offered at 1 of 3 formal meetings; not recorded as offered at the "
        "mid-plan evaluation on 9 Nov 2026 (not offered), check-in on 16 Nov 2026. "
        "Accompanied by Ann Bell (representative), Tom Reyes (companion)."
    )


def test_the_companions_line_with_every_offer_made_or_no_formal_meeting_yet() -> None:
    assert companions_line(plan(checkins=[Checkin(date=d(10, 5))])) == "No formal meeting is recorded yet."
    offered = [Checkin(date=d(9, 28), kind=CheckinKind.KICKOFF, companion_offered=True)]
    assert (
        companions_line(plan(checkins=offered)) == "The right to be accompanied was offered at 1 of 1 formal meeting."
    )


# The employee's written responses


def test_the_responses_line_lists_the_days_of_each_response_plan_first() -> None:
    responses = [
        EmployeeResponse(to=ResponseTo.OUTCOME, on=d(1, 4, 2027), text="I disagree."),
        EmployeeResponse(to=ResponseTo.PLAN, on=d(10, 5), text="My view."),
        EmployeeResponse(to=ResponseTo.PLAN, on=d(10, 12), text="More."),
    ]
    assert responses_line(plan(responses=responses)) == (
        "The employee responded in writing to the plan on 5 Oct 2026, 12 Oct 2026 and to the outcome on 4 Jan 2027."
    )
    assert (
        responses_line(plan(responses=responses[:1]))
        == "The employee responded in writing to the outcome on 4 Jan 2027."
    )
    assert responses_line(plan()) == "The employee has not responded in writing."


# The HR review


def test_the_hr_review_line_before_the_plan_is_sent_or_issued_without_one() -> None:
    assert hr_review_line(plan(hr_review=None)) == "Not yet sent to HR for review."
    assert hr_review_line(plan(hr_review=None, issued_on=d(9, 28))) == "Issued without an HR review."
    assert hr_review_line(plan(hr_review=HrReview(reviewed_by="Priya Shah"), issued_on=d(9, 28))) == (
        "Issued without an HR review."
    )


def test_the_hr_review_line_of_a_plan_sent_and_not_yet_reviewed() -> None:
    sent = HrReview(sent_on=d(9, 21))
    assert hr_review_line(plan(hr_review=sent)) == "Sent to HR for review on 21 Sep 2026; not yet reviewed."
    assert hr_review_line(plan(hr_review=sent, issued_on=d(9, 28))) == (
        "Sent to HR for review on 21 Sep 2026; not yet reviewed, and issued before the review."
    )


def test_the_hr_review_line_names_the_reviewer_and_a_review_that_came_after_issue() -> None:
    review = HrReview(sent_on=d(9, 21), reviewed_by=" Priya \n Shah ", reviewed_on=d(9, 28), comments="Looks\n fair. ")
    assert hr_review_line(plan(hr_review=review)) == "Reviewed by Priya Shah on 28 Sep 2026: Looks fair."
    assert hr_review_line(plan(hr_review=review, issued_on=d(9, 28))) == (
        "Reviewed by Priya Shah on 28 Sep 2026: Looks fair."
    )
    assert hr_review_line(plan(hr_review=review, issued_on=d(9, 27))) == (
        "Reviewed by Priya Shah on 28 Sep 2026, after the plan was issued: Looks fair."
    )
    # Reviewed with no sending recorded, and no comments.
    unsent = HrReview(reviewed_by="Priya Shah", reviewed_on=d(9, 24))
    assert hr_review_line(plan(hr_review=unsent, issued_on=d(9, 28))) == "Reviewed by Priya Shah on 24 Sep 2026."


# The acknowledgement


def test_the_acknowledgement_line_of_a_signed_a_declined_and_a_missing_acknowledgement() -> None:
    assert acknowledgement_line(plan(acknowledgement=None)) == (
        "The employee's acknowledgement of the plan is not recorded."
    )
    assert acknowledgement_line(plan()) == "Signed for receipt on 29 Sep 2026."
    declined = Acknowledgement(on=d(9, 29), refused=True, witness=" Sam \n Okafor (HR) ")
    assert acknowledgement_line(plan(acknowledgement=declined)) == (
        "Declined to sign on 29 Sep 2026 (witness: Sam Okafor (HR))."
    )
    for witness in (None, "  "):
        unwitnessed = Acknowledgement(on=d(9, 29), refused=True, witness=witness)
        assert acknowledgement_line(plan(acknowledgement=unwitnessed)) == (
            "Declined to sign on 29 Sep 2026 (witness: no witness recorded)."
        )


def test_the_acknowledgement_line_counts_acknowledgements_again_and_the_changes_since_the_last() -> None:
    again = plan(
        reacknowledgements=[Acknowledgement(on=d(10, 20)), Acknowledgement(on=d(11, 3))],
        revisions=[change(at(11, 4)), change(at(11, 5), "milestones.Final review.date")],
    )
    assert acknowledgement_line(again) == (
        "Signed for receipt on 29 Sep 2026; acknowledged again twice after changes; changed since it was "
        "last acknowledged on 3 Nov 2026 (2 changes), so it needs acknowledging again."
    )
    once = plan(revisions=[change(at(10, 5))])
    assert acknowledgement_line(once) == (
        "Signed for receipt on 29 Sep 2026; changed since it was last acknowledged on 29 Sep 2026 (1 change), "
        "so it needs acknowledging again."
    )


# The appeal


def test_the_appeal_line_from_lodged_to_heard_and_decided() -> None:
    assert appeal_line(plan(status="closed")) == "No appeal was lodged."
    assert appeal_line(plan()) == "An appeal may follow the outcome."
    lodged = Appeal(lodged_on=d(12, 28))
    assert appeal_line(plan(status="closed", appeal=lodged)) == "Appeal lodged on 28 Dec 2026, not yet heard."
    heard = Appeal(
        lodged_on=d(12, 28), heard_by=" Jo \n Park", heard_on=d(1, 4, 2027), result=AppealResult.PARTLY_UPHELD
    )
    assert appeal_line(plan(status="closed", appeal=heard)) == (
        "Appeal lodged on 28 Dec 2026, heard by Jo Park on 4 Jan 2027: partly upheld."
    )
    anonymous = Appeal(lodged_on=d(12, 28), heard_on=d(1, 4, 2027))
    assert appeal_line(plan(status="closed", appeal=anonymous)) == "Appeal lodged on 28 Dec 2026, heard on 4 Jan 2027."
    decided_unheard = Appeal(lodged_on=d(12, 28), result=AppealResult.UPHELD)
    assert appeal_line(plan(status="closed", appeal=decided_unheard)) == (
        "Appeal lodged on 28 Dec 2026, not yet heard: upheld."
    )


# Every line, in order


def test_the_fair_process_lines_come_in_the_fairness_checks_order_with_the_appeal_once_closed() -> None:
    running = plan(pauses=[Pause(paused_on=d(10, 19), reason="Leave")])
    lines = fair_process_lines(running, d(10, 26))
    assert [(line.label, line.text) for line in lines] == [
        ("HR review", hr_review_line(running)),
        ("Acknowledgement", acknowledgement_line(running)),
        ("Adjustments", "No adjustments were requested."),
        ("Pauses", pauses_line(running, d(10, 26))),
        ("Right to be accompanied", "No formal meeting is recorded yet."),
        ("Employee's responses", "The employee has not responded in writing."),
    ]
    assert "7 days in all" in lines[3].text
    closed = plan(status="closed")
    assert [line.label for line in fair_process_lines(closed, d(12, 28))][-2:] == ["Employee's responses", "Appeal"]
    assert fair_process_lines(closed, d(12, 28))[-1].text == "No appeal was lodged."


# The gaps


def test_every_gap_of_the_fair_process_in_the_fairness_checks_order() -> None:
    gappy = plan(
        hr_review=HrReview(sent_on=d(9, 21)),
        adjustments=[
            Adjustment(requested="Parking"),
            Adjustment(requested="Desk"),
            Adjustment(requested="Screen reader", decision=AGREED),
            Adjustment(requested="Later start", decision=ALTERNATIVE),
            Adjustment(requested="Quiet room", decision=AGREED, in_place_on=d(10, 5)),
            Adjustment(requested="Home working", decision=REFUSED),
        ],
        checkins=[
            Checkin(date=d(9, 28), kind=CheckinKind.KICKOFF, companion_offered=True),
            Checkin(date=d(10, 5), companion_offered=False),
            Checkin(date=d(11, 9), kind=CheckinKind.MIDPOINT, companion_offered=False),
            Checkin(date=d(11, 16), formal=True),
        ],
        revisions=[change(at(10, 5)), change(at(10, 6), "support.0.done"), change(at(10, 7), "status")],
        pauses=[Pause(paused_on=d(11, 20), reason="Leave")],
    )
    assert fair_process_gaps(gappy) == [
        "2 requested adjustments have no decision.",
        "2 agreed adjustments were never put in place.",
        "The right to be accompanied is not recorded as offered at 2 of 3 formal meetings.",
        "The plan was issued without an HR review.",
        "The plan changed after the employee last acknowledged it (2 changes) and was not acknowledged again.",
        "The plan is paused.",
    ]


def test_a_single_gap_of_each_kind_reads_in_the_singular() -> None:
    single = plan(
        hr_review=None,
        adjustments=[Adjustment(requested="Parking"), Adjustment(requested="Desk", decision=AGREED)],
        checkins=[Checkin(date=d(11, 9), kind=CheckinKind.FINAL)],
        revisions=[change(at(10, 5))],
    )
    assert fair_process_gaps(single) == [
        "1 requested adjustment has no decision.",
        "1 agreed adjustment was never put in place.",
        "The right to be accompanied is not recorded as offered at 1 of 1 formal meeting.",
        "The plan was issued without an HR review.",
        "The plan changed after the employee last acknowledged it (1 change) and was not acknowledged again.",
    ]


def test_a_reviewed_plan_resumed_and_acknowledged_since_its_changes_has_no_gap() -> None:
    sound = plan(
        adjustments=[Adjustment(requested="Desk", decision=REFUSED)],
        checkins=[Checkin(date=d(9, 28), kind=CheckinKind.KICKOFF, companion_offered=True)],
        revisions=[change(at(10, 5))],
        reacknowledgements=[Acknowledgement(on=d(10, 6))],
        pauses=[Pause(paused_on=d(10, 19), resumed_on=d(11, 2), reason="Leave")],
    )
    assert fair_process_gaps(sound) == []
    assert fair_process_gaps(plan(status="draft", hr_review=None)) == []


# The changes printed on the plan PDF


def test_each_change_reads_its_day_its_field_and_its_values_and_reason() -> None:
    revisions = [
        Revision(at=at(10, 5), field="end_date", old="2026-12-21", new="2027-01-04", reason="Two  weeks\nof leave"),
        Revision(at=at(10, 6), field="summary", old=None, new="Replies late", reason="Typo"),
        Revision(at=at(10, 7), field="summary", old="Replies late", new=None, reason="Not needed"),
        Revision(at=at(10, 8), field="objectives.replies.target", old="4", new="2", reason="Agreed"),
    ]
    objectives = [Objective(key="speed", title="Speed"), Objective(key="replies", title="Reply within a day")]
    assert revisions_text(plan(objectives=objectives), revisions) == [
        "5 Oct 2026: End date: 21 Dec 2026 → 4 Jan 2027 (Two weeks of leave)",
        "6 Oct 2026: Summary of the concerns: — → Replies late (Typo)",
        "7 Oct 2026: Summary of the concerns: Replies late → — (Not needed)",
        "8 Oct 2026: Objective 2 “Reply within a day”: target: 4 → 2 (Agreed)",
    ]
