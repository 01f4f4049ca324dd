"""Progress charts: each objective's measured values against its baseline, target and due date.

The view only draws: the series, the projection, the status and the plan summary all come from
:mod:`pipdesk.domain.progress`. This module imports QtCharts (a heavy import), so the app loads it
only when the charts are first shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLegend, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QLocale, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from pipdesk.domain import Objective, Plan, vocabulary
from pipdesk.domain.progress import (
    ObjectiveStatus,
    PlanProgress,
    Point,
    Projection,
    objective_status,
    plan_summary,
    projection,
    series,
    value_bounds,
    values_range,
    within,
)
from pipdesk.gui.checkins.models import quantity, target_text
from pipdesk.gui.common.colours import chart_colours, muted_colour, rating_colour

#: Charts narrower than this would squeeze their date labels; the grid adds columns above it.
CHART_MIN_WIDTH = 440
CHART_HEIGHT = 250
DATE_AXIS_FORMAT = "MMM d"

MEASURED, BASELINE, TARGET, DUE, PROJECTION = "measured", "baseline", "target", "due", "projection"


def verdict(
    objective: Objective, points: Sequence[Point], status: ObjectiveStatus, line: Projection | None, today: dt.date
) -> str:
    """One line on where the objective stands, e.g. ``On track: projected 92% by 2026-12-21, target 90%``."""
    unit = objective.unit
    target = target_text(objective)
    if status is ObjectiveStatus.NO_DATA:
        if objective.direction is None:
            return "No data yet: the objective needs a baseline and a target to be judged"
        return f"No data yet: no value measured at a check-in so far, {target}"
    last_day, last_value = points[-1]
    last = f"{quantity(last_value, unit)} on {vocabulary.short_date(last_day)}"
    if status is ObjectiveStatus.MET:
        return f"{status.label}: {last}, {target}"
    if objective.due_date is not None and today > objective.due_date:
        return f"{status.label}: {last}, due date {vocabulary.short_date(objective.due_date)} passed, {target}"
    if line is not None:
        projected = quantity(line.value_at_due, unit)
        return f"{status.label}: projected {projected} by {vocabulary.short_date(line.due_date)}, {target}"
    return f"{status.label}: only one value so far, {last}, {target}"


def description(objective: Objective, points: Sequence[Point], status: ObjectiveStatus, line: Projection | None) -> str:
    """What the chart shows, in words, from the same figures it draws (its accessible description)."""
    last = f"{quantity(points[-1][1], objective.unit)} on {vocabulary.short_date(points[-1][0])}" if points else None
    projected = (
        f"projected {quantity(line.value_at_due, objective.unit)} by {vocabulary.short_date(line.due_date)}"
        if line is not None and points and line.due_date > points[-1][0] and status is not ObjectiveStatus.MET
        else None
    )
    return vocabulary.progress_description(objective.title, last, target_text(objective), projected, status.label)


def summary_lines(summary: PlanProgress) -> tuple[str, str]:
    objectives = (
        f"Objectives: {summary.met} met · {summary.on_track} on track · {summary.at_risk} at risk · "
        f"{summary.off_track} off track · {summary.no_data} no data yet"
    )
    held, scheduled = summary.checkins_held, summary.checkins_scheduled
    checkins = (
        f"Check-ins held: {held} of {scheduled} scheduled so far"
        if held <= scheduled
        else f"Check-ins held: {held} ({vocabulary.count(scheduled, 'scheduled meeting')} so far)"
    )
    if summary.checkins_ahead:
        checkins += f", and {vocabulary.count(summary.checkins_ahead, 'check-in')} dated after today"
    delivery = (
        f"{checkins}   ·   "
        f"Support: {summary.support_done} of {vocabulary.count(summary.support_promised, 'action')} done"
    )
    return objectives, delivery


def _x(day: dt.date) -> float:
    # Noon local time, so a daylight-saving change never moves a point to the day before. Python's
    # local time (the C library's) rather than a QDateTime: ~1 µs a day instead of ~50–90 µs, and a
    # plan of 200 check-ins has a few hundred points.
    try:
        return dt.datetime(day.year, day.month, day.day, 12).timestamp() * 1000.0
    except (OverflowError, OSError, ValueError):  # before 1970 on Windows; years the C library cannot take
        return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


def _short_date(day: dt.date) -> str:
    """``Dec 21``, as the date axis writes it."""
    return QLocale().toString(QDate(day.year, day.month, day.day), DATE_AXIS_FORMAT)


def date_of(x: float) -> dt.date:
    """The day a chart's x value stands for."""
    day = QDateTime.fromMSecsSinceEpoch(round(x)).date()
    return dt.date(day.year(), day.month(), day.day())


def _line(
    name: str, colour: QColor, width: float, style: Qt.PenStyle, points: list[tuple[dt.date, float]]
) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    pen = QPen(colour)
    pen.setWidthF(width)
    pen.setStyle(style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    line.setPen(pen)
    line.append([QPointF(_x(day), value) for day, value in points])  # one call for all the points
    return line


def _column(parent: QWidget, margins: QMargins, widgets: Sequence[QWidget], stretch_last: bool = False) -> None:
    """Lay ``widgets`` out one under the other in ``parent``; the last takes the room to spare if ``stretch_last``."""
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(margins)
    layout.setSpacing(2)
    for number, widget in enumerate(widgets, start=1):
        layout.addWidget(widget, 1 if stretch_last and number == len(widgets) else 0)


class ObjectiveChart(QFrame):
    """One objective: its title and metric, the chart, and the verdict under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.metric_label = QLabel(self)
        self.metric_label.setTextFormat(Qt.TextFormat.PlainText)
        self.metric_label.setWordWrap(True)
        self.verdict = QLabel(self)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.chart = QChart()
        self.chart.setMargins(QMargins(2, 10, 12, 2))
        self.chart.setBackgroundRoundness(0)
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(CHART_HEIGHT)
        self.chart_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        _column(self, QMargins(8, 6, 8, 6), [self.title, self.metric_label, self.chart_view, self.verdict])
        self.lines: dict[str, QLineSeries] = {}

    def show_objective(self, plan: Plan, objective: Objective, today: dt.date) -> ObjectiveStatus:
        points = series(plan, objective.key)
        status = objective_status(objective, points, today)
        line = projection(objective, points)
        palette = self.palette()
        self.title.setText(objective.title)
        metric = objective.metric or "No metric set"
        self.metric_label.setText(f"{metric} ({objective.unit})" if objective.unit else metric)
        muted = QPalette(self.metric_label.palette())
        muted.setColor(QPalette.ColorRole.WindowText, muted_colour(palette))
        self.metric_label.setPalette(muted)
        self.verdict.setText(verdict(objective, points, status, line, today))
        self.setAccessibleName(objective.title)
        self.chart_view.setAccessibleName(f"Progress of {objective.title}")
        self.chart_view.setAccessibleDescription(description(objective, points, status, line))
        coloured = QPalette(self.verdict.palette())
        colour = rating_colour(status.rating, palette)
        coloured.setColor(QPalette.ColorRole.WindowText, colour or muted_colour(palette))
        self.verdict.setPalette(coloured)
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        self._draw(plan, objective, points, line, status)
        return status

    def _draw(
        self, plan: Plan, objective: Objective, points: list[Point], line: Projection | None, status: ObjectiveStatus
    ) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.lines = {}
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() <= 128
        theme = QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        if chart.theme() != theme:
            chart.setTheme(theme)  # resets fonts and colours, so they are set after it
        legend_font = QFont(self.font())
        legend_font.setPointSizeF(max(7.0, legend_font.pointSizeF() * 0.8))
        chart.legend().setFont(legend_font)
        chart.setBackgroundVisible(False)
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.WindowText))

        first = min([plan.start_date, *(day for day, _ in points)])
        last = max([plan.end_date, *(day for day, _ in points)] + ([objective.due_date] if objective.due_date else []))
        values = [value for _, value in points]
        values += [v for v in (objective.baseline, objective.target) if v is not None]
        draw_projection = line is not None and bool(points) and line.due_date > points[-1][0]
        trend = line.path(points[-1][0]) if draw_projection and line is not None else []
        values += [value for _, value in trend]
        low, high = values_range(objective, values, below=0.12, above=0.12)

        y_axis = QValueAxis()
        y_axis.setRange(low, high)
        y_axis.applyNiceNumbers()
        # Nice numbers may round past what the metric can be (110 % on a percentage): keep the bound,
        # with ticks at the nice step from the bottom.
        floor, ceiling = value_bounds(objective)
        step = (y_axis.max() - y_axis.min()) / max(1, y_axis.tickCount() - 1)
        low, high = within((floor, ceiling), y_axis.min()), within((floor, ceiling), y_axis.max())
        if (low, high) != (y_axis.min(), y_axis.max()):
            y_axis.setRange(low, high)
            y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
            y_axis.setTickAnchor(low)
            y_axis.setTickInterval(step)
        y_axis.setLabelFormat("%.0f" if abs(step - round(step)) < 1e-9 else "%.1f")

        text_colour = palette.color(QPalette.ColorRole.WindowText)
        muted = muted_colour(palette)
        green, blue = chart_colours(palette)
        unit = objective.unit
        if objective.baseline is not None:
            baseline = [(first, objective.baseline), (last, objective.baseline)]
            name = f"Baseline {quantity(objective.baseline, unit)}"
            self._add(BASELINE, _line(name, muted, 1.5, Qt.PenStyle.DashDotLine, baseline))
        if objective.target is not None:
            target = [(first, objective.target), (last, objective.target)]
            name = target_text(objective).capitalize()
            self._add(TARGET, _line(name, green, 2.0, Qt.PenStyle.DashLine, target))
        if objective.due_date is not None:
            due = [(objective.due_date, low), (objective.due_date, high)]
            name = f"Due {_short_date(objective.due_date)}"
            self._add(DUE, _line(name, text_colour, 1.5, Qt.PenStyle.DotLine, due))
        if trend and line is not None:
            name = f"Projected {quantity(line.value_at_due, unit)}"
            self._add(PROJECTION, _line(name, blue, 2.0, Qt.PenStyle.DashLine, trend))
        measured = _line("Measured", blue, 2.5, Qt.PenStyle.SolidLine, points)
        measured.setPointsVisible(True)
        measured.setMarkerSize(7)
        self._add(MEASURED, measured)

        x_axis = QDateTimeAxis()
        x_axis.setFormat(DATE_AXIS_FORMAT)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(round(_x(first - dt.timedelta(days=2)))),
            QDateTime.fromMSecsSinceEpoch(round(_x(last + dt.timedelta(days=2)))),
        )
        for axis, alignment in ((x_axis, Qt.AlignmentFlag.AlignBottom), (y_axis, Qt.AlignmentFlag.AlignLeft)):
            axis.setLabelsColor(text_colour)
            axis.setGridLineColor(palette.color(QPalette.ColorRole.Midlight))
            chart.addAxis(axis, alignment)
            for drawn in self.lines.values():
                drawn.attachAxis(axis)
        self._fit_ticks()

    def _add(self, role: str, line: QLineSeries) -> None:
        self.chart.addSeries(line)
        self.lines[role] = line

    def _fit_ticks(self) -> None:
        for axis in self.chart.axes(Qt.Orientation.Horizontal):
            if isinstance(axis, QDateTimeAxis):
                axis.setTickCount(max(3, min(9, self.chart_view.width() // 90)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_ticks()


class ProgressView(QWidget):
    """The plan at a glance on top, then one chart per objective, in as many columns as fit."""

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.plan: Plan | None = None
        self.charts: dict[str, ObjectiveChart] = {}
        self.statuses: dict[str, ObjectiveStatus] = {}
        self._dirty = False
        self._columns = 0
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.objectives_summary = QLabel(self)
        self.delivery_summary = QLabel(self)
        for label in (self.heading, self.objectives_summary, self.delivery_summary):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.setAccessibleName("Progress charts")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.grid.setSpacing(8)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self.grid)
        content_layout.addStretch(1)
        self.scroll_area.setWidget(self.content)
        column = [self.heading, self.objectives_summary, self.delivery_summary, self.scroll_area]
        _column(self, QMargins(0, 0, 0, 0), column, stretch_last=True)

    def set_plan(self, plan: Plan | None) -> None:
        """Show ``plan``; drawn now when visible, else the next time the view is shown."""
        self.plan = plan
        if self.isVisible():
            self.redraw()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.redraw()
        super().showEvent(event)

    def redraw(self) -> None:
        self._dirty = False
        plan = self.plan
        today = self.today()
        if plan is None:
            self.heading.setText("No plan selected")
            self.objectives_summary.setText("")
            self.delivery_summary.setText("")
            self._set_charts([])
            return
        self.heading.setText(f"Progress as of {vocabulary.long_date(today)}")
        objectives_line, delivery_line = summary_lines(plan_summary(plan, today))
        self.objectives_summary.setText(
            objectives_line if plan.objectives else "The plan has no objectives yet, so there is nothing to chart."
        )
        self.delivery_summary.setText(delivery_line)
        spoken = [self.objectives_summary.text(), *delivery_line.split("   ·   ")]
        self.setAccessibleDescription(" ".join(f"{part.replace(' · ', ', ')}." for part in spoken))
        self._set_charts(plan.objectives)
        self.statuses = {
            objective.key: self.charts[objective.key].show_objective(plan, objective, today)
            for objective in plan.objectives
        }

    def _set_charts(self, objectives: Sequence[Objective]) -> None:
        """One chart an objective; the charts there are reused (made afresh, each costs a few ms)."""
        keys = [o.key for o in objectives]
        charts = list(self.charts.values())
        if len(keys) == len(charts):
            self.charts = dict(zip(keys, charts, strict=True))
            return
        for chart in charts:
            self.grid.removeWidget(chart)
        for chart in charts[len(keys) :]:
            chart.deleteLater()
        charts = charts[: len(keys)] + [ObjectiveChart(self.content) for _ in range(len(keys) - len(charts))]
        self.charts = dict(zip(keys, charts, strict=True))
        self._columns = 0
        self._reflow()

    def _reflow(self) -> None:
        width = self.scroll_area.viewport().width()
        columns = max(1, min(len(self.charts) or 1, width // CHART_MIN_WIDTH))
        if columns == self._columns:
            return
        self._columns = columns
        for chart in self.charts.values():
            self.grid.removeWidget(chart)
        for number, chart in enumerate(self.charts.values()):
            self.grid.addWidget(chart, number // columns, number % columns)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()
