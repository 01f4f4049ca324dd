"""Lays one plan out on the timeline's scene: the dates, the plan period, today, the lanes and their markers.

The canvas decides how wide a day is and how much room there is; this draws into its scene and
says where everything went (:class:`DrawnScene`).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from pipdesk.domain import Plan
from pipdesk.domain.markers import Lane, Marker, MarkerState, PausedSpan, paused_spans
from pipdesk.domain.schedule import original_end
from pipdesk.domain.vocabulary import MONTHS
from pipdesk.gui.timeline.items import Label, MarkerItem, Pill
from pipdesk.gui.timeline.looks import Colours, lane_radius, marker_look
from pipdesk.gui.timeline.rules import Rules
from pipdesk.gui.timeline.texts import LANE_NAMES, day_text, days, marker_label, marker_tooltip, shorten, tooltip_html

GUTTER = 118.0  # the lane names, fixed at the left while the dates scroll
LANE_PAD = 5.0
_MAX_LABEL = 190.0
_LABEL_GAP = 7.0  # from a marker's edge to its label, clear of the selection ring
_DAY = dt.timedelta(days=1)
_MIN_PPD, _MAX_PPD = 1.5, 90.0
_MAX_TAIL = 120.0  # longer labels at the very end are shortened rather than squeeze the plan
_RIGHT_MARGIN = 12.0
_MAX_ROW = 40.0
_WHOLE_LABEL = 12  # labels this short are shown whole or not at all
_PAD_DAYS = 4
_NEAR_TODAY_DAYS = 14  # today widens the picture only when it is this close to the plan period
_NO_MILESTONES = "No milestones yet: the schedule is made when the plan is issued, or add one."


@dataclass
class Axis:
    first: dt.date
    last: dt.date
    ppd: float
    tail: float = 12.0

    @property
    def x0(self) -> float:
        return GUTTER + 14.0

    def x(self, day: dt.date) -> float:
        return self.x0 + (day - self.first).days * self.ppd

    def day_at(self, x: float) -> dt.date:
        return self.first + dt.timedelta(days=round((x - self.x0) / self.ppd))

    @property
    def right(self) -> float:
        return self.x(self.last) + self.tail


@dataclass
class LaneBox:
    lane: Lane
    top: float
    rows: int
    row_height: float
    tinted: bool

    @property
    def height(self) -> float:
        return self.rows * self.row_height + 2 * LANE_PAD

    def row_y(self, row: int) -> float:
        return self.top + LANE_PAD + (row + 0.5) * self.row_height


@dataclass
class DrawnScene:
    """What was drawn for the current plan: where each marker is and how tall everything is."""

    plan: Plan
    axis: Axis
    lanes: list[LaneBox]
    items: dict[tuple[Lane, int], MarkerItem]
    rows: dict[tuple[Lane, int], int]
    height: float
    editable: bool
    original_end: dt.date | None

    def navigation_order(self) -> list[Marker]:
        """The markers Left and Right step through: by date, the schedule before the check-ins."""
        order = list(Lane)
        markers = [item.marker for item in self.items.values() if item.marker.activatable]
        return sorted(markers, key=lambda m: (m.date, order.index(m.lane), self.rows[m.key], m.index))

    def plan_day_at(self, x: float) -> dt.date:
        """The day at ``x`` on the scene, kept within the plan period (where a milestone may go)."""
        return min(max(self.axis.day_at(x), self.plan.start_date), self.plan.end_date)


def paint_gutter(painter: QPainter, drawn: DrawnScene, gutter: QRectF, font: QFont, colours: Colours) -> None:
    """The lane names in ``gutter``, at the left of the view, over the dates scrolled under them."""
    left = gutter.left()
    painter.fillRect(gutter, colours.base)
    painter.setPen(QPen(colours.grid, 1.0))
    painter.drawLine(gutter.topRight(), gutter.bottomRight())
    painter.setFont(font)
    painter.setPen(colours.text)
    for box in drawn.lanes:
        if box.tinted:
            painter.fillRect(QRectF(left, box.top, GUTTER, box.height), colours.lane)
        painter.drawText(
            QRectF(left + 10, box.top + LANE_PAD, GUTTER - 14, box.row_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            LANE_NAMES[box.lane],
        )


def timeline_range(plan: Plan, markers: Iterable[Marker], today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day drawn: the plan period and everything on it, a few days either side."""
    all_days = [plan.start_date, plan.end_date, *(m.date for m in markers)]
    first, last = min(all_days), max(all_days)
    if first - dt.timedelta(days=_NEAR_TODAY_DAYS) <= today <= last + dt.timedelta(days=_NEAR_TODAY_DAYS):
        first, last = min(first, today), max(last, today)
    pad = dt.timedelta(days=_PAD_DAYS)
    return first - pad, last + pad


def within_zoom(ppd: float) -> float:
    """``ppd`` (pixels a day) kept between the widest and the narrowest zoom."""
    return min(max(ppd, _MIN_PPD), _MAX_PPD)


def fitting_ppd(
    plan: Plan,
    markers: Sequence[Marker],
    today: dt.date,
    view_width: float,
    tail: Callable[[Sequence[Marker], dt.date, float], float],
) -> float:
    """The zoom at which the whole plan fits ``view_width``, with ``tail`` the room its last labels need."""
    first, last = timeline_range(plan, markers, today)
    width = view_width - (GUTTER + 14.0) - 2
    n = max(1, (last - first).days)
    ppd = width / n
    for _ in range(3):  # the room the last labels need depends on the zoom; it settles at once
        ppd = (width - tail(markers, last, ppd)) / n
    return within_zoom(ppd)


def shown_lanes(markers: Sequence[Marker]) -> list[Lane]:
    """The lanes drawn: every lane, but the adjustments only on a plan that has some on the timeline."""
    return [lane for lane in Lane if lane is not Lane.ADJUSTMENTS or any(m.lane is lane for m in markers)]


def marker_rows(markers: Sequence[Marker], axis: Axis) -> dict[tuple[Lane, int], int]:
    """Which row of its lane each marker goes on: markers too close to each other stack."""
    rows: dict[tuple[Lane, int], int] = {}
    for lane in Lane:
        ends: list[float] = []
        gap = 2 * lane_radius(lane) + 6
        for marker in sorted((m for m in markers if m.lane is lane), key=lambda m: (m.date, m.index)):
            x = axis.x(marker.date)
            row = next((n for n, end in enumerate(ends) if x - end >= gap), len(ends))
            if row == len(ends):
                ends.append(x)
            ends[row] = x
            rows[marker.key] = row
    return rows


class LabelWidths:
    """The widths of label texts, kept while the font stays the same: a plan has hundreds of markers."""

    def __init__(self) -> None:
        self._font = ""
        self._widths: dict[str, float] = {}

    def tail(self, markers: Sequence[Marker], last: dt.date, ppd: float, font: QFont) -> float:
        """Room to leave after the last day so the labels of the last markers are not cut off."""
        if self._font != font.key():
            self._font, self._widths = font.key(), {}
        widths = self._widths
        need = _RIGHT_MARGIN
        # Only the markers near the end can need room after it: a label is at most _MAX_LABEL wide.
        reach = (_MAX_TAIL + _MAX_LABEL) / max(ppd, 1e-6)
        for marker in markers:
            if (last - marker.date).days > reach:
                continue
            text = marker_label(marker)
            if text:
                width = widths.get(text)
                if width is None:
                    width = widths[text] = min(QFontMetricsF(font).horizontalAdvance(text), _MAX_LABEL)
                need = max(need, (marker.date - last).days * ppd + lane_radius(marker.lane) + _LABEL_GAP + 4 + width)
        return min(need, _MAX_TAIL)


class PlanDrawing:
    """Draws one plan into ``scene``, which the caller has cleared; :meth:`draw` says where it all went."""

    def __init__(
        self,
        scene: QGraphicsScene,
        plan: Plan,
        markers: Sequence[Marker],
        today: dt.date,
        axis: Axis,
        font: QFont,
        colours: Colours,
    ) -> None:
        self.scene = scene
        self.plan = plan
        self.markers = markers
        self.today = today
        self.axis = axis
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.colours = colours
        self.line = self.metrics.height()
        # Vertical layout: months, weeks, the period bar, the lanes (sharing the height), a footer.
        self.month_y, self.week_y = 4.0, self.line + 8
        self.bar_y = self.week_y + self.line + 6
        self.lanes_top = self.bar_y + 14
        self.footer_height = self.line + 18
        self.pills: list[QRectF] = []  # the footer's pills placed so far: a later one goes below, never over

    def draw(self, room: QSizeF, editable: bool) -> DrawnScene:
        """Draw in ``room`` (the viewport's size less any scroll bar about to appear)."""
        axis, colours = self.axis, self.colours
        rows = marker_rows(self.markers, axis)
        lanes = self._lanes(rows, room.height())
        lanes_bottom = lanes[-1].top + lanes[-1].height
        footer_y = lanes_bottom + 8
        height = lanes_bottom + self.footer_height
        width = max(axis.right, room.width() - 2)
        # Lanes, alternately tinted, and the grid of weeks and months across them.
        for box in lanes:
            if box.tinted:
                tint = self.scene.addRect(
                    QRectF(0, box.top, width, box.height), Qt.PenStyle.NoPen, QBrush(colours.lane)
                )
                tint.setZValue(-10)
        pauses = paused_spans(self.plan, self.today)
        self.rules = Rules(self.scene, colours, lanes, [(axis.x(span.first), axis.x(span.until)) for span in pauses])
        self._weeks(lanes_bottom)
        self._months(lanes_bottom)
        self.rules.draw()
        self._pauses(lanes_bottom, pauses)
        extended_from = self._period(lanes_bottom, footer_y)
        self._today(lanes_bottom, footer_y)
        height = max(height, *(pill.bottom() + 6 for pill in self.pills))
        boxes = {box.lane: box for box in lanes}
        items = self._markers(boxes, rows, editable)
        if not self.plan.milestones:
            hint = self._text(_NO_MILESTONES, colours.quiet)
            hint.setPos(axis.x0 + 4, boxes[Lane.SCHEDULE].row_y(0) - self.line / 2)
        self.scene.setSceneRect(QRectF(0, 0, width, height))
        return DrawnScene(self.plan, axis, lanes, items, rows, height, editable, extended_from)

    def _lanes(self, rows: dict[tuple[Lane, int], int], room_height: float) -> list[LaneBox]:
        shown = shown_lanes(self.markers)
        counts = [1 + max((rows[m.key] for m in self.markers if m.lane is lane), default=0) for lane in shown]
        spare = room_height - self.lanes_top - self.footer_height - 2 * LANE_PAD * len(counts) - 2
        row_height = min(max(self.line + 10, spare / sum(counts)), _MAX_ROW)
        lanes: list[LaneBox] = []
        top = self.lanes_top
        for n, (lane, count) in enumerate(zip(shown, counts, strict=True)):
            lanes.append(LaneBox(lane, top, count, row_height, tinted=n % 2 == 0))
            top += lanes[-1].height
        return lanes

    def _weeks(self, lanes_bottom: float) -> None:
        axis, line, week_y = self.axis, self.line, self.week_y
        label_until = -1e9
        day = axis.first + dt.timedelta(days=(7 - axis.first.weekday()) % 7)
        while day <= axis.last:
            x = axis.x(day)
            # A week line a day or two from a month line only makes a double line; the tick will do.
            near_month = day.day <= 2 or (day + 2 * _DAY).month != day.month
            bottom = week_y + line + 4 if near_month else lanes_bottom
            self.rules.add(x, week_y + line - 2, bottom, self.colours.grid, -5)
            text = f"{day.day}"
            if x + 3 >= label_until and x + 3 + self.metrics.horizontalAdvance(text) <= axis.right:
                self._text(text, self.colours.quiet).setPos(x + 3, week_y)
                label_until = x + 3 + self.metrics.horizontalAdvance("28") + 6
            day += dt.timedelta(days=7)

    def _months(self, lanes_bottom: float) -> None:
        axis = self.axis
        first, last = axis.first, axis.last
        months = [first.replace(day=1)]
        while months[-1] <= last:
            following = months[-1].replace(day=28) + dt.timedelta(days=4)
            months.append(following.replace(day=1))
        for month, following in itertools.pairwise(months):
            x_start = max(axis.x(month), axis.x0)
            x_end = min(axis.x(following), axis.right)
            if month >= first:
                self.rules.add(axis.x(month), self.month_y, lanes_bottom, self.colours.month, -4)
            room = x_end - x_start - 8
            if (min(following, last) - max(month, first)).days < 7:
                continue  # a few days of a month at either end: its name would only be clutter
            name = MONTHS[month.month - 1]
            for text in (f"{name} {month.year}", name, name[:3]):
                if self.metrics.horizontalAdvance(text) <= room:
                    self._text(text, self.colours.text).setPos(x_start + 4, self.month_y)
                    break

    def _period(self, lanes_bottom: float, footer_y: float) -> dt.date | None:
        """The plan period as a bar under the dates; an extension hatched, its original end marked."""
        plan, axis, colours, bar_y = self.plan, self.axis, self.colours, self.bar_y
        start_x, end_x = axis.x(plan.start_date), axis.x(plan.end_date)
        extended_from = original_end(plan)
        if extended_from is not None and not plan.start_date < extended_from < plan.end_date:
            extended_from = None
        solid_end = axis.x(extended_from) if extended_from else end_x
        bar = self.scene.addRect(
            QRectF(start_x, bar_y, solid_end - start_x, 6), Qt.PenStyle.NoPen, QBrush(colours.month)
        )
        planned_end = extended_from or plan.end_date
        bar.setToolTip(
            tooltip_html(
                "Plan period",
                f"{day_text(plan.start_date)} to {day_text(planned_end)}",
                f"{days((planned_end - plan.start_date).days)}",
            )
        )
        if extended_from is None:
            return None
        hatch = QBrush(colours.text, Qt.BrushStyle.BDiagPattern)
        extension = self.scene.addRect(QRectF(solid_end, bar_y, end_x - solid_end, 6), QPen(colours.month, 1.0), hatch)
        reasons = [r.reason for r in sorted(plan.revisions, key=lambda r: r.at) if r.field == "end_date"]
        extension.setToolTip(
            tooltip_html(
                "Extension",
                f"From {day_text(extended_from)} to {day_text(plan.end_date)}",
                f"{days((plan.end_date - extended_from).days)} more",
                *(f"Why: {shorten(reason, 90)}" for reason in reasons[:1]),
            )
        )
        dash = QPen(colours.quiet, 1.2, Qt.PenStyle.DashLine)
        self.scene.addLine(solid_end, bar_y - 3, solid_end, lanes_bottom, dash).setZValue(-3)
        text = f"Original end {day_text(extended_from, year=False)}"
        self._place_pill(Pill(text, self.font, colours.base, colours.text, colours.quiet), solid_end, footer_y)
        return extended_from

    def _pauses(self, lanes_bottom: float, spans: Sequence[PausedSpan]) -> None:
        """Each pause as a hatched band across the lanes, a running one up to today, with its words at its foot."""
        axis, colours = self.axis, self.colours
        edge = QPen(colours.paused, 1.2)
        tint = QColor(colours.paused)
        tint.setAlpha(28)
        for span in spans:
            left = axis.x(span.first)
            width = max(axis.x(span.until) - left, 2.0)
            area = QRectF(left, self.bar_y - 2, width, lanes_bottom - self.bar_y + 2)
            for brush in (QBrush(tint), QBrush(colours.paused, Qt.BrushStyle.FDiagPattern)):
                band = self.scene.addRect(area, Qt.PenStyle.NoPen, brush)
                band.setZValue(-6)
                band.setToolTip(tooltip_html(span.label, span.description))
            for x in (left, left + width):
                self.scene.addLine(x, area.top(), x, area.bottom(), edge).setZValue(-6)
            # Its words along the foot of the lanes, under the markers: past a short band's end if need be.
            shown = self.metrics.elidedText(span.label, Qt.TextElideMode.ElideRight, max(width - 6, _MAX_LABEL))
            label = Label(shown, self.font, colours.paused, colours.base)
            self.scene.addItem(label)
            label.setZValue(-2)
            label.setToolTip(tooltip_html(span.label, span.description))
            label.setPos(left + 3, lanes_bottom - label.rect.height() - 3)

    def _today(self, lanes_bottom: float, footer_y: float) -> None:
        """A line across the lanes, or a pointer at the edge when today is far outside the plan."""
        axis, colours, today = self.axis, self.colours, self.today
        if axis.first <= today <= axis.last:
            today_x = axis.x(today)
            pen = QPen(colours.accent, 2.0)
            self.scene.addLine(today_x, self.bar_y - 4, today_x, lanes_bottom + 8, pen).setZValue(4.5)
            pill = Pill(f"Today {day_text(today, year=False)}", self.font, colours.accent, colours.accent_text)
            self._place_pill(pill, today_x, footer_y)
        else:
            after = today > axis.last
            arrow = f"Today {day_text(today)} →" if after else f"← Today {day_text(today)}"
            pill = Pill(arrow, self.font, colours.accent, colours.accent_text)
            self._put_pill(pill, axis.right - pill.rect.width() if after else axis.x0, footer_y)

    def _markers(
        self, boxes: dict[Lane, LaneBox], rows: dict[tuple[Lane, int], int], editable: bool
    ) -> dict[tuple[Lane, int], MarkerItem]:
        """The markers, each lane's rows top-down, with labels beside them where they fit."""
        items: dict[tuple[Lane, int], MarkerItem] = {}
        for marker in self.markers:
            draggable = editable and marker.lane is Lane.SCHEDULE and marker.state is not MarkerState.DONE
            look = marker_look(marker, self.colours)
            tooltip = functools.partial(marker_tooltip, self.plan, marker, self.today, draggable)
            item = MarkerItem(marker, look, self.colours, draggable, tooltip)
            self.scene.addItem(item)
            item.setPos(self.axis.x(marker.date), boxes[marker.lane].row_y(rows[marker.key]))
            items[marker.key] = item
        by_row: dict[tuple[Lane, int], list[Marker]] = {}
        for marker in self.markers:
            by_row.setdefault((marker.lane, rows[marker.key]), []).append(marker)
        for (lane, _row), row_markers in by_row.items():
            background = self.colours.lane_solid if boxes[lane].tinted else self.colours.base
            self._label_row(sorted(row_markers, key=lambda m: (m.date, m.index)), items, background)
        return items

    def _label_row(
        self, row_markers: list[Marker], items: dict[tuple[Lane, int], MarkerItem], background: QColor
    ) -> None:
        axis, metrics, colours = self.axis, self.metrics, self.colours
        taken_until = axis.x0 - 10
        for n, marker in enumerate(row_markers):
            text = marker_label(marker)
            item = items[marker.key]
            x, r = item.x(), item.look.radius
            following = row_markers[n + 1] if n + 1 < len(row_markers) else None
            if not text:
                taken_until = x + r + 4
                continue
            limit = axis.x(following.date) - items[following.key].look.radius - 8 if following else axis.right
            room = min(limit - (x + r + _LABEL_GAP), _MAX_LABEL)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) if room > 0 else ""
            left_side = False
            room_before = x - r - _LABEL_GAP - 2 - taken_until
            if shown != text and following is None and metrics.horizontalAdvance(text) <= room_before:
                # The last one in its row: it fits before the marker, so it goes there whole.
                shown, left_side = text, True
            if not shown or (shown != text and len(text) <= _WHOLE_LABEL):
                taken_until = x + r + 4  # a cut short name ("Mid-…") says less than none
                continue
            colour = colours.text
            if marker.state in (MarkerState.DONE, MarkerState.HELD, MarkerState.NOT_HELD):
                colour = colours.quiet
            elif marker.state is MarkerState.OVERDUE:
                colour = colours.overdue
            label = Label(shown, self.font, colour, background)
            self.scene.addItem(label)
            label.setZValue(4)
            width = label.rect.width()
            label_x = x - r - _LABEL_GAP - width if left_side else x + r + _LABEL_GAP
            label.setPos(label_x, item.y() - label.rect.height() / 2)
            item.label = label
            taken_until = max(label_x + width, x + r) + 4

    def _text(self, text: str, colour: QColor) -> QGraphicsSimpleTextItem:
        item = self.scene.addSimpleText(text, self.font)
        item.setBrush(QBrush(colour))
        return item

    def _place_pill(self, pill: Pill, x: float, y: float) -> None:
        """``pill`` centred on ``x`` in the footer, inside the axis."""
        width = pill.rect.width()
        self._put_pill(pill, min(max(x - width / 2, self.axis.x0 - 6), self.axis.right - width), y)

    def _put_pill(self, pill: Pill, left: float, y: float) -> None:
        """``pill`` at ``left``, on the footer's first row it overlaps no other pill on."""
        self.scene.addItem(pill)
        place = pill.rect.translated(left, y)
        while any(place.adjusted(-3, 0, 3, 0).intersects(other) for other in self.pills):
            place.translate(0, pill.rect.height() + 3)
        self.pills.append(place)
        pill.setPos(place.topLeft())
        pill.setZValue(6)
