"""A percentage is never drawn past 100 %, a count never below 0: the screen chart and the paper one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from reportlab.graphics.shapes import String

from pipdesk.domain import Checkin, Progress
from pipdesk.gui.checkins.progress_view import PROJECTION, ProgressView
from pipdesk.reports.chart import LABEL_SIZE, trend, value_axis
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY


def rising_percentage(book: PlanBook) -> None:
    """Alex's on-time share climbs 20 points a week: a straight line would pass 100 % well before the end."""
    plan = book.get(ALEX)
    plan.checkins = [
        Checkin(date=TODAY - dt.timedelta(weeks=3 - i), progress=[Progress(objective="on-time", value=v)])
        for i, v in enumerate((40.0, 60.0, 80.0))
    ]
    for objective in plan.objectives:
        if objective.key == "on-time":
            objective.due_date = plan.end_date
    book.save(ALEX, plan)


def test_a_rising_percentage_is_drawn_and_projected_within_100(qtbot: QtBot, book: PlanBook) -> None:
    rising_percentage(book)
    view = ProgressView(lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.set_plan(book.get(ALEX))
    view.show()
    qtbot.waitExposed(view)
    chart = view.charts["on-time"]
    projected = chart.lines[PROJECTION]
    assert projected.name() == "Projected 100%"
    assert max(point.y() for point in projected.points()) == 100.0
    (axis,) = chart.chart.axes(Qt.Orientation.Vertical)
    assert isinstance(axis, QValueAxis) and axis.max() == 100.0 and axis.min() >= 0.0
    chart.grab().save("/tmp/progress_bounds.png")


def test_the_paper_chart_keeps_a_percentage_within_100(book: PlanBook) -> None:
    rising_percentage(book)
    plan = book.get(ALEX)
    objective = next(o for o in plan.objectives if o.key == "on-time")
    points = [(TODAY, 98.0), (TODAY + dt.timedelta(days=7), 100.0)]
    assert value_axis(objective, [55.0, 90.0, 98.0, 100.0])[1] == 100.0
    drawing = trend(objective, points, plan.start_date, plan.end_date, 200, 80)
    tops = [shape.y for shape in drawing.contents if isinstance(shape, String)]
    assert tops and max(tops) + 0.75 * LABEL_SIZE <= 80, "every label (its capitals above its baseline) is inside"
