"""This week reminds of an acknowledgement not recorded a week after issue, until the first check-in."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain.schedule import DueKind, due_items
from pipdesk.gui.week.model import when_text
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY


def unacknowledged(book: PlanBook, checkins: bool) -> None:
    plan = book.get(ALEX)
    plan.acknowledgement = None
    if not checkins:
        plan.checkins = []
    plan.milestones = [m.model_copy(update={"done": False}) for m in plan.milestones]
    book.save(ALEX, plan)


def reminders(book: PlanBook, today: dt.date, slim: bool = True) -> list[str]:
    items = book.due_items(today) if slim else due_items([(i, book.get(i)) for i in book.plan_ids()], today)
    return [when_text(i, today) for i in items if i.kind is DueKind.ACKNOWLEDGEMENT_MISSING]


def test_an_acknowledgement_not_recorded_a_week_after_issue_is_a_reminder(book: PlanBook) -> None:
    unacknowledged(book, checkins=False)
    issued = book.get(ALEX).issued_on
    assert issued == dt.date(2026, 9, 28)
    assert reminders(book, issued + dt.timedelta(days=7)) == []  # a week is given
    assert reminders(book, issued + dt.timedelta(days=8)) == ["Issued 8 days ago"]
    assert reminders(book, TODAY) == reminders(book, TODAY, slim=False) == ["Issued 56 days ago"]


def test_once_a_check_in_is_logged_the_fairness_check_reports_it_instead(book: PlanBook) -> None:
    unacknowledged(book, checkins=True)
    assert reminders(book, TODAY) == reminders(book, TODAY, slim=False) == []
