"""A small trend chart of one objective: its measured values against the baseline and the target."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from pipdesk.domain import vocabulary
from pipdesk.domain.progress import Point, values_range
from pipdesk.reports import fonts, text
from pipdesk.reports.layout import ACCENT, MUTED, PANEL, RULE

if TYPE_CHECKING:
    from pipdesk.domain import Objective

TARGET = colors.HexColor("#2f855a")
BASELINE = colors.HexColor("#8a96a3")
LABEL_SIZE = 6.5


def trend(
    objective: Objective,
    points: Sequence[Point],
    start: dt.date,
    end: dt.date,
    width: float,
    height: float,
) -> Drawing:
    """The values over the plan period, with dashed baseline and target lines; says so when there is no value."""
    drawing = Drawing(width, height)
    # Without these the renderer selects (unembedded) Helvetica before the first label.
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = LABEL_SIZE
    left, right, bottom, top = 4.0, width - 4.0, 12.0, height - 4.0
    drawing.add(Rect(0, 0, width, height, fillColor=PANEL, strokeColor=None))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=RULE, strokeWidth=0.6))
    values = [(day, value) for day, value in points if math.isfinite(value)]
    first = min([start, *(day for day, _ in values)])
    last = max([end, *(day for day, _ in values)])
    _label(drawing, left, 3, vocabulary.short_date(first), MUTED, anchor="start")
    _label(drawing, right, 3, vocabulary.short_date(last), MUTED, anchor="end")
    references = [
        (value, colour, name)
        for value, colour, name in ((objective.baseline, BASELINE, "Baseline"), (objective.target, TARGET, "Target"))
        if value is not None and math.isfinite(value)
    ]
    numbers = [value for _, value in values] + [value for value, _, _ in references]
    if not numbers:
        _label(drawing, width / 2, height / 2, "No measurements yet", MUTED, anchor="middle")
        return drawing
    low, high = value_axis(objective, numbers)
    days = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / days

    def y(value: float) -> float:
        return bottom + 3 + (top - bottom - 3) * (value - low) / (high - low)

    for value, colour, name in references:
        drawing.add(Line(left, y(value), right, y(value), strokeColor=colour, strokeWidth=0.7, strokeDashArray=[3, 2]))
        # Above its line, or below it when the line runs along the top (a target of 100 %).
        label_y = y(value) + 2 if y(value) + 2 + LABEL_SIZE <= height else y(value) - LABEL_SIZE - 1
        label = f"{name} {vocabulary.quantity(value, objective.unit)}"
        _label(drawing, left + 2, label_y, label, colour, width / 2)
    if not values:
        _label(drawing, width / 2, (bottom + top) / 2, "No measurements yet", MUTED, anchor="middle")
        return drawing
    coordinates = [coordinate for day, value in values for coordinate in (x(day), y(value))]
    if len(values) > 1:
        drawing.add(PolyLine(coordinates, strokeColor=ACCENT, strokeWidth=1.4))
    for day, value in values:
        drawing.add(Circle(x(day), y(value), 1.8, fillColor=ACCENT, strokeColor=None))
    last_day, last_value = values[-1]
    # The last value beside its point: to the right when there is room, else to the left.
    value_label = text.fit(vocabulary.quantity(last_value, objective.unit), LABEL_SIZE, width / 3)
    room = right - x(last_day) - 5
    if _width(value_label) <= room:
        _label(drawing, x(last_day) + 4, y(last_value) - 2, value_label, ACCENT)
    else:
        _label(drawing, x(last_day) - 4, y(last_value) - 2, value_label, ACCENT, anchor="end")
    return drawing


def value_axis(objective: Objective, numbers: Sequence[float]) -> tuple[float, float]:
    """The chart's value range: the numbers with room for labels, never past what the metric can be."""
    return values_range(objective, numbers, below=0.15, above=0.25)


def _label(
    drawing: Drawing,
    x: float,
    y: float,
    value: str,
    colour: colors.Color,
    max_width: float = 200,
    anchor: str = "start",
) -> None:
    """A short label in whichever fonts its characters need, cut to ``max_width``."""
    value = text.fit(value, LABEL_SIZE, max_width)
    runs = text.segments(value)
    total = _width(value)
    if anchor == "end":
        x -= total
    elif anchor == "middle":
        x -= total / 2
    x = max(x, 1.0)
    for font, run in runs:
        drawing.add(String(x, y, run, fontName=font, fontSize=LABEL_SIZE, fillColor=colour))
        x += stringWidth(run, font, LABEL_SIZE)


def _width(value: str) -> float:
    return sum(float(stringWidth(run, font, LABEL_SIZE)) for font, run in text.segments(value))
