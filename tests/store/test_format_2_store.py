"""What plan format 2 added is kept by the plan book exactly, saved again, and verified."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipdesk.domain import (
    Acknowledgement,
    Adjustment,
    AdjustmentDecision,
    Appeal,
    AppealResult,
    Attendee,
    AttendeeRole,
    CheckinKind,
    EmployeeResponse,
    HrReview,
    Pause,
    Plan,
    ResponseTo,
)
from pipdesk.store import PlanBook

from conftest import load_sample

AT = dt.datetime(2026, 10, 2, 9, 30, tzinfo=dt.UTC)


def every_part_of_format_2() -> Plan:
    """The closed sample with one of everything format 2 added."""
    plan = load_sample("beth-communication-closed")
    assert plan.acknowledgement is not None and plan.outcome is not None and plan.outcome.decided_on is not None
    ack_on = plan.acknowledgement.on
    plan.acknowledgement.recorded_at = AT
    plan.hr_review = HrReview(
        sent_on=plan.start_date - dt.timedelta(days=5),
        reviewed_by="Priya Shah",
        reviewed_on=plan.start_date - dt.timedelta(days=3),
        comments="Fair; <b>objectives</b> & support clear.\nSecond line.",
    )
    plan.reacknowledgements = [Acknowledgement(on=ack_on + dt.timedelta(days=20), refused=True, witness="Ana Ruiz")]
    plan.adjustments = [
        Adjustment(
            requested="Screen reader licence",
            requested_by="Employee",
            requested_on=ack_on,
            decision=AdjustmentDecision.AGREED,
            offered="JAWS licence",
            decided_on=ack_on + dt.timedelta(days=1),
            in_place_on=ack_on + dt.timedelta(days=4),
            review_on=ack_on + dt.timedelta(days=30),
        ),
        Adjustment(requested="Work from home every day", decision=AdjustmentDecision.REFUSED, reason="Role on site"),
        Adjustment(requested="Later start on Mondays"),
    ]
    plan.pauses = [
        Pause(paused_on=ack_on + dt.timedelta(days=7), resumed_on=ack_on + dt.timedelta(days=12), reason="Sick")
    ]
    formal = next(c for c in plan.checkins if c.is_formal)
    formal.companion_offered = True
    formal.attendance = [
        Attendee(name="Beth", role=AttendeeRole.EMPLOYEE),
        Attendee(name="Tomás Ó Briain", role=AttendeeRole.COMPANION),
        Attendee(name="山田 花子", role=AttendeeRole.NOTE_TAKER),
    ]
    plain = next(c for c in plan.checkins if not c.is_formal)
    plain.formal, plain.companion_offered = True, False
    plan.checkins[0].kind = CheckinKind.KICKOFF
    plan.responses = [
        EmployeeResponse(to=ResponseTo.PLAN, on=ack_on, text="I sign for receipt.\n\nI do not agree with objective 2."),
        EmployeeResponse(to=ResponseTo.OUTCOME, on=plan.outcome.decided_on, text="Accepted."),
    ]
    plan.outcome.acknowledgement = Acknowledgement(on=plan.outcome.decided_on, employee_comment="Received")
    plan.appeal = Appeal(
        lodged_on=plan.outcome.decided_on + dt.timedelta(days=3),
        grounds="Support late",
        heard_by="Regional director",
        heard_on=plan.outcome.decided_on + dt.timedelta(days=10),
        result=AppealResult.PARTLY_UPHELD,
        comments="Two weeks' support added.",
    )
    return Plan.model_validate(plan.model_dump())


def test_every_part_of_format_2_is_kept_and_read_back_the_same(tmp_path: Path) -> None:
    plan = every_part_of_format_2()
    path = tmp_path / "book.pipdesk"
    with PlanBook.open(path) as book:
        plan_id = book.add(plan)
    with PlanBook.open(path) as book:
        assert book.get(plan_id) == plan
        assert all(trail.intact for trail in book.verify_audit_trails())


def test_saving_again_with_fewer_parts_leaves_none_behind(tmp_path: Path) -> None:
    plan = every_part_of_format_2()
    path = tmp_path / "book.pipdesk"
    with PlanBook.open(path) as book:
        plan_id = book.add(plan)
        smaller = plan.model_copy(deep=True)
        smaller.adjustments = smaller.adjustments[:1]
        smaller.pauses = []
        smaller.appeal = None
        smaller.hr_review = None
        smaller.reacknowledgements = []
        smaller.responses = smaller.responses[1:]
        for checkin in smaller.checkins:
            checkin.attendance = checkin.attendance[:1]
        assert smaller.outcome is not None
        smaller.outcome.acknowledgement = None
        book.save(plan_id, smaller)
    with PlanBook.open(path) as book:
        assert book.get(plan_id) == smaller
        for table in ("adjustments", "employee_responses", "attendance"):
            assert book.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1
        for table in ("pauses", "appeals", "hr_reviews", "reacknowledgements"):
            assert book.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
