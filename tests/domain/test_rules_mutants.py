"""Details of the plan's rules (pipdesk/domain/rules.py) that mutation testing found no test for.

Each test pins what a manager reads: when correcting a check-in needs a reason kept in the
plan's history (its age, a day either side of a week; a later check-in on an issued plan), and
the exact words of the rules the plan breaks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipdesk.domain import Checkin, Plan, Status
from pipdesk.domain.rules import AMEND_FREELY_DAYS, amendment_reason_needed

from conftest import TODAY, load_sample

TOO_OLD = "This check-in is more than 7 days old: a change asks why, and the plan's history keeps it."
LATER_ONE = "A later check-in is logged on this issued plan: a change asks why, and the plan's history keeps it."


def with_checkins(status: Status, *days: dt.date) -> Plan:
    plan = load_sample("alex-delivery-active").model_copy(update={"status": status, "checkins": []})
    plan.checkins = [Checkin(date=day) for day in days]
    return plan


# Amending a check-in


def test_a_check_in_may_be_corrected_freely_for_seven_days_and_not_on_the_eighth() -> None:
    assert AMEND_FREELY_DAYS == 7
    for status in (Status.DRAFT, Status.ACTIVE):
        seven, eight = TODAY - dt.timedelta(days=7), TODAY - dt.timedelta(days=8)
        assert amendment_reason_needed(with_checkins(status, seven), 0, TODAY) is None
        assert amendment_reason_needed(with_checkins(status, eight), 0, TODAY) == TOO_OLD
        assert amendment_reason_needed(with_checkins(status, TODAY), 0, TODAY) is None


@pytest.mark.parametrize("status", [Status.ACTIVE, Status.EXTENDED, Status.CLOSED])
def test_on_an_issued_plan_only_a_check_in_with_a_later_one_after_it_needs_a_reason(status: Status) -> None:
    plan = with_checkins(status, dt.date(2026, 11, 18), dt.date(2026, 11, 20), dt.date(2026, 11, 20))
    assert amendment_reason_needed(plan, 0, TODAY) == LATER_ONE
    # The latest: another on the same day is not a later one.
    assert amendment_reason_needed(plan, 1, TODAY) is None
    assert amendment_reason_needed(plan, 2, TODAY) is None


def test_on_a_draft_a_later_check_in_needs_no_reason() -> None:
    plan = with_checkins(Status.DRAFT, dt.date(2026, 11, 18), dt.date(2026, 11, 20))
    assert amendment_reason_needed(plan, 0, TODAY) is None
    assert amendment_reason_needed(plan, 1, TODAY) is None
