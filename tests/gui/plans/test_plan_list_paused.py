"""The plan list and the plan book's slim reads know a paused plan: its status says so, its days left
stand still, and nothing of it is late."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pipdesk.domain.pauses import pause
from pipdesk.domain.schedule import DueKind, due_items
from pipdesk.gui.plans.model import PlanListModel
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY

PAUSED_ON = TODAY - dt.timedelta(days=10)  # Fri 13 Nov 2026


def pause_alex(book: PlanBook) -> None:
    plan = book.get(ALEX)
    pause(plan, PAUSED_ON, "Sickness absence", dt.datetime(2026, 11, 13, 9, tzinfo=dt.UTC))
    book.save(ALEX, plan)


def cell(model: PlanListModel, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    return model.index(model.row_of(ALEX), column).data(role)


def test_a_paused_plan_shows_paused_with_its_days_left_standing_still(qapp: object, book: PlanBook) -> None:
    model = PlanListModel(today=lambda: TODAY + dt.timedelta(days=20))  # 10 Dec: check-ins 9 and 10 past
    pause_alex(book)
    model.set_rows(book.summaries())
    assert cell(model, PlanListModel.STATUS) == "Paused"
    assert cell(model, PlanListModel.DAYS_LEFT) == "38"  # 21 Dec from 13 Nov, however long the pause lasts
    assert cell(model, PlanListModel.NEXT_CHECKIN) == "Paused"  # not "30 Nov 2026 ⚠": it moves when resumed
    assert "Active, paused since 13 Nov 2026" in str(cell(model, PlanListModel.STATUS, Qt.ItemDataRole.ToolTipRole))
    assert "move by the days paused" in str(cell(model, PlanListModel.NEXT_CHECKIN, Qt.ItemDataRole.ToolTipRole))


def test_a_running_plan_shows_its_status_alone(book: PlanBook) -> None:
    model = PlanListModel(today=lambda: TODAY)
    model.set_rows(book.summaries())
    assert cell(model, PlanListModel.STATUS) == "Active"
    assert cell(model, PlanListModel.DAYS_LEFT) == "28"


def test_the_slim_read_for_this_week_gives_a_paused_plan_its_one_line(book: PlanBook) -> None:
    pause_alex(book)
    today = TODAY + dt.timedelta(days=10)
    whole = [(s.id, book.get(s.id)) for s in book.summaries() if s.status.value in ("active", "extended")]
    slim = book.due_items(today)
    assert slim == due_items(whole, today)
    assert [item.kind for item in slim if item.plan_id == ALEX] == [DueKind.PAUSED]
