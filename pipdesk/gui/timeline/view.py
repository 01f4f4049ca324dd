"""The Timeline view: the plan period on a zoomable axis with its milestones, check-ins and due dates.

Dragging a milestone (or Ctrl+←/→ on the selected one) reschedules it; on an issued plan the move
asks a reason, which is kept as a revision. Milestones can also be added, renamed and removed here.
Shapes tell the kinds apart and fills tell the states, so the picture reads in dark mode and in
greyscale print as well as in colour; every colour is derived from the palette.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum, StrEnum

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QMenu,
    QSizePolicy,
    QStyleOptionGraphicsItem,
    QWidget,
)

from pipdesk.domain import CheckinKind, Milestone, MilestoneKind, PipdeskError, Plan, Problem, Rating, Status
from pipdesk.domain.limits import date_problems
from pipdesk.domain.progress import overall_rating
from pipdesk.domain.schedule import (
    FINAL_TITLE,
    KICKOFF_TITLE,
    MIDPOINT_TITLE,
    DueKind,
    due_items,
    move_milestone,
)
from pipdesk.gui.common.prompts import Prompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_timeline_view import Ui_TimelineView

_DAY = dt.timedelta(days=1)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


# What the timeline shows, as plain data (no Qt): tests and the scene both read it.


class Lane(StrEnum):
    SCHEDULE = "schedule"
    CHECKINS = "checkins"
    OBJECTIVES = "objectives"
    SUPPORT = "support"

    @property
    def label(self) -> str:
        return _LANE_LABELS[self]


_LANE_LABELS = {
    Lane.SCHEDULE: "Schedule",
    Lane.CHECKINS: "Check-ins held",
    Lane.OBJECTIVES: "Objectives due",
    Lane.SUPPORT: "Support due",
}


class MarkerState(StrEnum):
    PLANNED = "planned"  # not done yet and not late (or the plan has not started)
    DONE = "done"  # a milestone that was held, a support action that was given
    OVERDUE = "overdue"  # the plan is running, the day has passed and it is not done
    NOT_HELD = "not_held"  # the plan is closed and this never happened
    HELD = "held"  # a logged check-in
    DUE = "due"  # an objective's due date


@dataclass(frozen=True)
class Marker:
    """One thing on the timeline.

    ``kind`` is the milestone's or check-in's kind (``MilestoneKind``/``CheckinKind`` value), or
    ``"objective"``/``"support"``. ``index`` is its position in the plan's list for its lane
    (``milestones``, ``checkins``, ``objectives``, ``support``). ``rating`` is a held check-in's
    worst rating.
    """

    lane: Lane
    kind: str
    date: dt.date
    index: int
    state: MarkerState
    title: str
    rating: Rating | None = None

    @property
    def key(self) -> tuple[Lane, int]:
        return (self.lane, self.index)

    @property
    def activatable(self) -> bool:
        return self.lane in (Lane.SCHEDULE, Lane.CHECKINS)


def original_end(plan: Plan) -> dt.date | None:
    """The end date the plan was issued with, when it has changed since (the earliest end-date revision)."""
    changes = sorted((r for r in plan.revisions if r.field == "end_date" and r.old), key=lambda r: r.at)
    if not changes:
        return None
    try:
        first = dt.date.fromisoformat(str(changes[0].old))
    except ValueError:
        return None
    return first if first != plan.end_date else None


def plan_markers(plan: Plan, today: dt.date) -> list[Marker]:
    """Every marker of the plan: milestones, held check-ins, objective and support due dates."""
    late = {
        (item.kind, item.index)
        for item in due_items([(0, plan)], today)
        if item.kind in (DueKind.OVERDUE, DueKind.SUPPORT_OVERDUE)
    }
    closed = plan.status is Status.CLOSED
    markers: list[Marker] = []
    for i, milestone in enumerate(plan.milestones):
        if milestone.done:
            state = MarkerState.DONE
        elif (DueKind.OVERDUE, i) in late:
            state = MarkerState.OVERDUE
        elif closed:
            state = MarkerState.NOT_HELD
        else:
            state = MarkerState.PLANNED
        markers.append(Marker(Lane.SCHEDULE, milestone.kind.value, milestone.date, i, state, milestone.title))
    for i, checkin in enumerate(plan.checkins):
        title = _CHECKIN_NAMES[checkin.kind]
        markers.append(
            Marker(Lane.CHECKINS, checkin.kind.value, checkin.date, i, MarkerState.HELD, title, overall_rating(checkin))
        )
    for i, objective in enumerate(plan.objectives):
        if objective.due_date is not None:
            markers.append(
                Marker(Lane.OBJECTIVES, "objective", objective.due_date, i, MarkerState.DUE, objective.title)
            )
    for i, action in enumerate(plan.support):
        if action.due_date is not None:
            if action.done:
                state = MarkerState.DONE
            elif (DueKind.SUPPORT_OVERDUE, i) in late:
                state = MarkerState.OVERDUE
            elif closed:
                state = MarkerState.NOT_HELD
            else:
                state = MarkerState.PLANNED
            markers.append(Marker(Lane.SUPPORT, "support", action.due_date, i, state, action.description))
    return markers


_CHECKIN_NAMES = {
    CheckinKind.CHECKIN: "Check-in",
    CheckinKind.FORMAL_REVIEW: "Formal review",
    CheckinKind.MIDPOINT: "Mid-plan evaluation",
    CheckinKind.FINAL: "Final review",
}
_KIND_NAMES = {
    MilestoneKind.KICKOFF.value: "Kick-off",
    MilestoneKind.CHECKIN.value: "Check-in",
    MilestoneKind.MIDPOINT.value: "Mid-plan evaluation",
    MilestoneKind.FINAL.value: "Final review",
    MilestoneKind.CUSTOM.value: "Milestone",
}


def day_text(day: dt.date, year: bool = True) -> str:
    """``Mon 30 Nov 2026``: English whatever the system locale, like the rest of the app."""
    text = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1][:3]}"
    return f"{text} {day.year}" if year else text


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


# Looks: shapes for kinds, fills for states, colours from the palette


class Shape(Enum):
    CIRCLE = "circle"
    PLAY = "play"
    DIAMOND = "diamond"
    SQUARE = "square"
    TRIANGLE_UP = "triangle_up"
    TRIANGLE_DOWN = "triangle_down"
    HEXAGON = "hexagon"


class Glyph(Enum):
    NONE = "none"
    CHECK = "check"
    BANG = "bang"
    CROSS = "cross"
    DASH = "dash"


_MILESTONE_SHAPES = {
    MilestoneKind.KICKOFF.value: Shape.PLAY,
    MilestoneKind.CHECKIN.value: Shape.CIRCLE,
    MilestoneKind.MIDPOINT.value: Shape.DIAMOND,
    MilestoneKind.FINAL.value: Shape.SQUARE,
    MilestoneKind.CUSTOM.value: Shape.TRIANGLE_UP,
}
_CHECKIN_SHAPES = {
    CheckinKind.CHECKIN.value: Shape.CIRCLE,
    CheckinKind.FORMAL_REVIEW.value: Shape.CIRCLE,
    CheckinKind.MIDPOINT.value: Shape.DIAMOND,
    CheckinKind.FINAL.value: Shape.SQUARE,
}
_RATING_GLYPHS = {
    Rating.MET: Glyph.CHECK,
    Rating.ON_TRACK: Glyph.NONE,
    Rating.AT_RISK: Glyph.BANG,
    Rating.OFF_TRACK: Glyph.CROSS,
    None: Glyph.DASH,
}


@dataclass(frozen=True)
class Colours:
    """The timeline's colours for one palette: light and dark variants keep their contrast."""

    base: QColor
    window: QColor
    text: QColor
    quiet: QColor
    grid: QColor
    month: QColor
    lane: QColor
    lane_solid: QColor
    accent: QColor
    accent_text: QColor
    overdue: QColor
    ratings: dict[Rating | None, QColor] = field(default_factory=dict)

    @classmethod
    def of(cls, palette: QPalette) -> Colours:
        base = palette.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        text = palette.color(QPalette.ColorRole.Text)

        def faded(alpha: int) -> QColor:
            colour = QColor(text)
            colour.setAlpha(alpha)
            return colour

        lane = QColor(text)
        lane.setAlpha(14 if dark else 9)

        def blend(mix: float) -> QColor:
            return QColor.fromRgbF(
                base.redF() * (1 - mix) + text.redF() * mix,
                base.greenF() * (1 - mix) + text.greenF() * mix,
                base.blueF() * (1 - mix) + text.blueF() * mix,
            )

        ratings: dict[Rating | None, QColor] = {
            Rating.MET: QColor("#c8e6c9" if dark else "#1b5e20"),
            Rating.ON_TRACK: QColor("#66bb6a" if dark else "#43a047"),
            Rating.AT_RISK: QColor("#ffcc80" if dark else "#b26a00"),
            Rating.OFF_TRACK: QColor("#f2b8b5" if dark else "#b3261e"),
            None: blend(0.45),
        }
        return cls(
            base=base,
            window=palette.color(QPalette.ColorRole.Window),
            text=text,
            quiet=faded(150),
            grid=faded(26),
            month=faded(70),
            lane=lane,
            lane_solid=blend(lane.alphaF()),
            accent=palette.color(QPalette.ColorRole.Highlight),
            accent_text=palette.color(QPalette.ColorRole.HighlightedText),
            overdue=QColor("#f2b8b5" if dark else "#b3261e"),
            ratings=ratings,
        )


@dataclass(frozen=True)
class Look:
    shape: Shape
    radius: float
    fill: QColor
    outline: QColor
    width: float = 1.5
    dashed: bool = False
    glyph: Glyph = Glyph.NONE
    glyph_colour: QColor = field(default_factory=QColor)


def lane_radius(lane: Lane) -> float:
    return {Lane.SCHEDULE: 7.0, Lane.CHECKINS: 7.5}.get(lane, 6.5)


def marker_look(marker: Marker, colours: Colours) -> Look:
    radius = lane_radius(marker.lane)
    if marker.lane is Lane.CHECKINS:
        fill = colours.ratings[marker.rating]
        shape = _CHECKIN_SHAPES.get(marker.kind, Shape.CIRCLE)
        return Look(shape, radius, fill, fill, 1.0, glyph=_RATING_GLYPHS[marker.rating], glyph_colour=colours.base)
    if marker.lane is Lane.SCHEDULE:
        shape = _MILESTONE_SHAPES.get(marker.kind, Shape.TRIANGLE_UP)
    elif marker.lane is Lane.OBJECTIVES:
        shape = Shape.TRIANGLE_DOWN
    else:
        shape = Shape.HEXAGON
    return state_look(shape, radius, marker.state, colours)


def state_look(shape: Shape, radius: float, state: MarkerState, colours: Colours) -> Look:
    if state is MarkerState.DONE:
        return Look(shape, radius, colours.text, colours.text, 1.0)
    if state is MarkerState.OVERDUE:
        return Look(shape, radius, colours.base, colours.overdue, 2.0, glyph=Glyph.BANG, glyph_colour=colours.overdue)
    if state is MarkerState.NOT_HELD:
        return Look(shape, radius, colours.base, colours.quiet, 1.2, dashed=True)
    return Look(shape, radius, colours.base, colours.text, 1.5)


def shape_path(shape: Shape, r: float) -> QPainterPath:
    """The outline of ``shape`` centred on (0, 0), about ``2r`` across, optically balanced."""
    path = QPainterPath()
    if shape is Shape.CIRCLE:
        path.addEllipse(QPointF(0, 0), r, r)
        return path
    if shape is Shape.SQUARE:
        s = r * 0.86
        path.addRect(QRectF(-s, -s, 2 * s, 2 * s))
        return path
    points: list[tuple[float, float]]
    if shape is Shape.DIAMOND:
        d = r * 1.2
        points = [(0, -d), (d, 0), (0, d), (-d, 0)]
    elif shape is Shape.PLAY:
        points = [(-r * 0.8, -r), (r * 1.1, 0), (-r * 0.8, r)]
    elif shape is Shape.TRIANGLE_UP:
        points = [(0, -r * 1.1), (r * 1.05, r * 0.8), (-r * 1.05, r * 0.8)]
    elif shape is Shape.TRIANGLE_DOWN:
        points = [(-r * 1.05, -r * 0.8), (r * 1.05, -r * 0.8), (0, r * 1.1)]
    else:
        points = [(r * math.cos(math.radians(a)), r * math.sin(math.radians(a))) for a in range(30, 390, 60)]
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.closeSubpath()
    return path


def paint_look(painter: QPainter, look: Look) -> None:
    """Paint ``look`` centred on the painter's origin."""
    pen = QPen(look.outline, look.width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if look.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QBrush(look.fill))
    painter.drawPath(shape_path(look.shape, look.radius))
    if look.glyph is Glyph.NONE:
        return
    g = look.radius * 0.5
    glyph_pen = QPen(look.glyph_colour, max(1.4, look.radius / 4.2))
    glyph_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    glyph_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(glyph_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if look.glyph is Glyph.CHECK:
        path = QPainterPath(QPointF(-g, 0))
        path.lineTo(-g * 0.2, g * 0.75)
        path.lineTo(g, -g * 0.7)
        painter.drawPath(path)
    elif look.glyph is Glyph.CROSS:
        painter.drawLine(QPointF(-g * 0.8, -g * 0.8), QPointF(g * 0.8, g * 0.8))
        painter.drawLine(QPointF(-g * 0.8, g * 0.8), QPointF(g * 0.8, -g * 0.8))
    elif look.glyph is Glyph.DASH:
        painter.drawLine(QPointF(-g * 0.8, 0), QPointF(g * 0.8, 0))
    elif look.glyph is Glyph.BANG:
        painter.drawLine(QPointF(0, -g * 1.0), QPointF(0, g * 0.25))
        painter.drawPoint(QPointF(0, g * 0.95))


def look_pixmap(look: Look, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    paint_look(painter, look)
    painter.end()
    return pixmap


def _look_key(look: Look) -> tuple[object, ...]:
    colours = (look.fill.rgba(), look.outline.rgba(), look.glyph_colour.rgba())
    return (look.shape, look.radius, look.width, look.dashed, look.glyph, *colours)


#: Each look painted once a pixel ratio: a plan of 200 check-ins has a few looks and hundreds of markers.
_PIXMAPS: dict[tuple[object, ...], QPixmap] = {}


def marker_pixmap(look: Look, ratio: float) -> tuple[QPixmap, float]:
    """``look`` painted centred in a pixmap, and the pixmap's half size (where the centre is)."""
    size = math.ceil(2 * (look.radius * 1.25 + look.width + 1))
    key = (*_look_key(look), size, ratio)
    pixmap = _PIXMAPS.get(key)
    if pixmap is None:
        if len(_PIXMAPS) > 500:  # a palette change makes new colours; the old ones are not wanted
            _PIXMAPS.clear()
        pixmap = _PIXMAPS[key] = look_pixmap(look, size, ratio)
    return pixmap, size / 2


# The scene


_GUTTER = 118.0  # the lane names, fixed at the left while the dates scroll
_LANE_PAD = 5.0
_MAX_ROW = 40.0
_MAX_LABEL = 190.0
_WHOLE_LABEL = 12  # labels this short are shown whole or not at all
_LABEL_GAP = 7.0  # from a marker's edge to its label, clear of the selection ring
_MAX_TAIL = 120.0  # longer labels at the very end are shortened rather than squeeze the plan
_PAD_DAYS = 4
_RIGHT_MARGIN = 12.0
_MIN_PPD, _MAX_PPD = 1.5, 90.0
_ZOOM_STEP = 1.4
_NEAR_TODAY_DAYS = 14  # today widens the picture only when it is this close to the plan period
_OUT_OF_RANGE = "The timeline cannot draw this plan until the date is corrected."


@dataclass
class _Axis:
    first: dt.date
    last: dt.date
    ppd: float
    tail: float = 12.0

    @property
    def x0(self) -> float:
        return _GUTTER + 14.0

    def x(self, day: dt.date) -> float:
        return self.x0 + (day - self.first).days * self.ppd

    def day_at(self, x: float) -> dt.date:
        return self.first + dt.timedelta(days=round((x - self.x0) / self.ppd))

    @property
    def right(self) -> float:
        return self.x(self.last) + self.tail


def timeline_range(plan: Plan, markers: Iterable[Marker], today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day drawn: the plan period and everything on it, a few days either side."""
    days = [plan.start_date, plan.end_date, *(m.date for m in markers)]
    first, last = min(days), max(days)
    if first - dt.timedelta(days=_NEAR_TODAY_DAYS) <= today <= last + dt.timedelta(days=_NEAR_TODAY_DAYS):
        first, last = min(first, today), max(last, today)
    pad = dt.timedelta(days=_PAD_DAYS)
    return first - pad, last + pad


class _MarkerItem(QGraphicsItem):
    def __init__(
        self, marker: Marker, look: Look, colours: Colours, draggable: bool, tooltip: Callable[[], str]
    ) -> None:
        super().__init__()
        self.marker = marker
        self.look = look
        self.colours = colours
        self.draggable = draggable
        self.selected = False
        self.label: QGraphicsItem | None = None
        # Written when first wanted (see TimelineCanvas.viewportEvent): a plan has hundreds of markers.
        self._tooltip: Callable[[], str] | None = tooltip
        self.setZValue(5)
        if draggable:
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def ensure_tooltip(self) -> None:
        if self._tooltip is not None:
            self.setToolTip(self._tooltip())
            self._tooltip = None

    def toolTip(self) -> str:
        self.ensure_tooltip()
        return super().toolTip()

    def boundingRect(self) -> QRectF:
        r = self.look.radius * 1.25 + 5
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self.look.radius + 3  # a little larger than drawn: easier to hit
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            ring = self.look.radius + 3.5
            painter.setPen(QPen(self.colours.accent, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), ring, ring)
        ratio = widget.devicePixelRatioF() if widget is not None else painter.device().devicePixelRatioF()
        pixmap, half = marker_pixmap(self.look, ratio)
        painter.drawPixmap(QPointF(-half, -half), pixmap)


class _Pill(QGraphicsItem):
    """A small rounded label: today, the original end, the date while dragging."""

    def __init__(self, text: str, font: QFont, fill: QColor, colour: QColor, outline: QColor | None = None) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.fill = fill
        self.colour = colour
        self.outline = outline
        metrics = QFontMetricsF(font)
        self.rect = QRectF(0, 0, metrics.horizontalAdvance(text) + 12, metrics.height() + 4)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.outline, 1.0) if self.outline is not None else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.fill))
        radius = self.rect.height() / 2
        painter.drawRoundedRect(self.rect, radius, radius)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.text)


@dataclass
class _LaneBox:
    lane: Lane
    top: float
    rows: int
    row_height: float
    tinted: bool

    @property
    def height(self) -> float:
        return self.rows * self.row_height + 2 * _LANE_PAD

    def row_y(self, row: int) -> float:
        return self.top + _LANE_PAD + (row + 0.5) * self.row_height


class _Label(QGraphicsItem):
    """A marker's text on a patch of its lane's colour, so grid lines never run through it."""

    def __init__(self, text: str, font: QFont, colour: QColor, background: QColor) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.colour = colour
        self.background = background
        metrics = QFontMetricsF(font)
        self.rect = QRectF(0, 0, metrics.horizontalAdvance(text), metrics.height())

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, 0, 2, 0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self.boundingRect(), self.background)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        painter.drawText(self.rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.text)


@dataclass
class _Scene:
    """What was drawn for the current plan: where each marker is and how tall everything is."""

    plan: Plan
    axis: _Axis
    lanes: list[_LaneBox]
    items: dict[tuple[Lane, int], _MarkerItem]
    rows: dict[tuple[Lane, int], int]
    height: float
    editable: bool
    original_end: dt.date | None


class TimelineCanvas(QGraphicsView):
    """The drawing; the TimelineView tells it what to draw and hears back through callbacks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # The lane names are painted over the scene at a fixed place; a scroll must repaint everything.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Timeline")
        self.drawn: _Scene | None = None
        self.selected: tuple[Lane, int] | None = None
        self.on_activate: Callable[[Marker], None] = lambda _m: None
        self.on_move: Callable[[Marker, dt.date, bool], None] = lambda _m, _d, _k: None
        self.on_select: Callable[[Marker | None], None] = lambda _m: None
        self.on_menu: Callable[[Marker | None, dt.date | None, QPoint], None] = lambda _m, _d, _p: None
        self.on_zoom: Callable[[float], None] = lambda _f: None
        self.on_key: Callable[[str], None] = lambda _k: None
        self.on_resized: Callable[[], None] = lambda: None
        self.on_palette: Callable[[], None] = lambda: None
        self.empty_text = ""
        self._widths_font = ""
        self._widths: dict[str, float] = {}
        self._press: tuple[_MarkerItem, QPointF] | None = None
        self._dragging = False
        self._drag_pill: _Pill | None = None

    # Fonts, colours, sizes

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return font

    def colours(self) -> Colours:
        return Colours.of(self.palette())

    def tail(self, markers: Sequence[Marker], last: dt.date, ppd: float) -> float:
        """Room to leave after the last day so the labels of the last markers are not cut off."""
        need = _RIGHT_MARGIN
        # Only the markers near the end can need room after it: a label is at most _MAX_LABEL wide.
        reach = (_MAX_TAIL + _MAX_LABEL) / max(ppd, 1e-6)
        widths = self._label_widths()
        for marker in markers:
            if (last - marker.date).days > reach:
                continue
            text = marker_label(marker)
            if text:
                width = widths.get(text)
                if width is None:
                    width = widths[text] = min(QFontMetricsF(self.small_font()).horizontalAdvance(text), _MAX_LABEL)
                need = max(need, (marker.date - last).days * ppd + lane_radius(marker.lane) + _LABEL_GAP + 4 + width)
        return min(need, _MAX_TAIL)

    def _label_widths(self) -> dict[str, float]:
        """Widths of label texts in the small font, kept while the font stays the same."""
        font = self.small_font().key()
        if self._widths_font != font:
            self._widths_font, self._widths = font, {}
        return self._widths

    # Drawing

    def clear(self, text: str) -> None:
        self._end_drag()
        self.drawn = None
        self.selected = None
        self.empty_text = text
        self.scene().clear()
        self.scene().setSceneRect(QRectF(0, 0, 10, 10))
        self.viewport().update()

    def draw(self, plan: Plan, markers: Sequence[Marker], today: dt.date, ppd: float, editable: bool) -> None:
        self._end_drag()
        scene = self.scene()
        scene.clear()
        self.empty_text = ""
        colours = self.colours()
        font = self.small_font()
        metrics = QFontMetricsF(font)
        line = metrics.height()
        first, last = timeline_range(plan, markers, today)
        axis = _Axis(first, last, ppd, self.tail(markers, last, ppd))

        # Vertical layout: months, weeks, the period bar, the lanes (sharing the height), a footer.
        month_y, week_y = 4.0, line + 8
        bar_y = week_y + line + 6
        lanes_top = bar_y + 14
        footer_height = line + 18
        rows = self._rows(markers, axis)
        counts = [1 + max((rows[m.key] for m in markers if m.lane is lane), default=0) for lane in Lane]
        spare = self.viewport().height() - lanes_top - footer_height - 2 * _LANE_PAD * len(counts) - 2
        if axis.right > self.viewport().width() and not self.horizontalScrollBar().isVisible():
            spare -= self.horizontalScrollBar().sizeHint().height()  # it is about to appear
        row_height = min(max(line + 10, spare / sum(counts)), _MAX_ROW)
        lanes: list[_LaneBox] = []
        top = lanes_top
        for n, (lane, count) in enumerate(zip(Lane, counts, strict=True)):
            lanes.append(_LaneBox(lane, top, count, row_height, tinted=n % 2 == 0))
            top += lanes[-1].height
        lanes_bottom = top
        footer_y = lanes_bottom + 8
        height = lanes_bottom + footer_height
        width = max(axis.right, float(self.viewport().width()) - 2)

        # Lanes, alternately tinted, and the grid of weeks and months across them.
        for box in lanes:
            if box.tinted:
                tint = scene.addRect(QRectF(0, box.top, width, box.height), Qt.PenStyle.NoPen, QBrush(colours.lane))
                tint.setZValue(-10)
        grid_pen = QPen(colours.grid, 1.0)
        month_pen = QPen(colours.month, 1.0)
        label_until = -1e9
        day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        while day <= last:
            x = axis.x(day)
            # A week line a day or two from a month line only makes a double line; the tick will do.
            near_month = day.day <= 2 or (day + 2 * _DAY).month != day.month
            bottom = week_y + line + 4 if near_month else lanes_bottom
            scene.addLine(x, week_y + line - 2, x, bottom, grid_pen).setZValue(-5)
            text = f"{day.day}"
            if x + 3 >= label_until and x + 3 + metrics.horizontalAdvance(text) <= axis.right:
                label = self._text(text, font, colours.quiet)
                label.setPos(x + 3, week_y)
                label_until = x + 3 + metrics.horizontalAdvance("28") + 6
            day += dt.timedelta(days=7)
        months = [first.replace(day=1)]
        while months[-1] <= last:
            following = months[-1].replace(day=28) + dt.timedelta(days=4)
            months.append(following.replace(day=1))
        for month, following in itertools.pairwise(months):
            x_start = max(axis.x(month), axis.x0)
            x_end = min(axis.x(following), axis.right)
            if month >= first:
                scene.addLine(axis.x(month), month_y, axis.x(month), lanes_bottom, month_pen).setZValue(-4)
            room = x_end - x_start - 8
            if (min(following, last) - max(month, first)).days < 7:
                continue  # a few days of a month at either end: its name would only be clutter
            name = _MONTHS[month.month - 1]
            for text in (f"{name} {month.year}", name, name[:3]):
                if metrics.horizontalAdvance(text) <= room:
                    label = self._text(text, font, colours.text)
                    label.setPos(x_start + 4, month_y)
                    break

        # The plan period as a bar under the dates; an extension hatched, its original end marked.
        start_x, end_x = axis.x(plan.start_date), axis.x(plan.end_date)
        extended_from = original_end(plan)
        if extended_from is not None and not plan.start_date < extended_from < plan.end_date:
            extended_from = None
        solid_end = axis.x(extended_from) if extended_from else end_x
        bar = scene.addRect(QRectF(start_x, bar_y, solid_end - start_x, 6), Qt.PenStyle.NoPen, QBrush(colours.month))
        planned_end = extended_from or plan.end_date
        bar.setToolTip(
            _html(
                "Plan period",
                f"{day_text(plan.start_date)} to {day_text(planned_end)}",
                f"{_days((planned_end - plan.start_date).days)}",
            )
        )
        if extended_from is not None:
            hatch = QBrush(colours.text, Qt.BrushStyle.BDiagPattern)
            extension = scene.addRect(QRectF(solid_end, bar_y, end_x - solid_end, 6), QPen(colours.month, 1.0), hatch)
            reasons = [r.reason for r in sorted(plan.revisions, key=lambda r: r.at) if r.field == "end_date"]
            extension.setToolTip(
                _html(
                    "Extension",
                    f"From {day_text(extended_from)} to {day_text(plan.end_date)}",
                    f"{_days((plan.end_date - extended_from).days)} more",
                    *(f"Why: {_shorten(reason, 90)}" for reason in reasons[:1]),
                )
            )
            dash = QPen(colours.quiet, 1.2, Qt.PenStyle.DashLine)
            scene.addLine(solid_end, bar_y - 3, solid_end, lanes_bottom, dash).setZValue(-3)
            text = f"Original end {day_text(extended_from, year=False)}"
            self._place_pill(_Pill(text, font, colours.base, colours.text, colours.quiet), solid_end, footer_y, axis)

        # Today: a line across the lanes, or a pointer at the edge when today is far outside the plan.
        if first <= today <= last:
            today_x = axis.x(today)
            today_line = scene.addLine(today_x, bar_y - 4, today_x, lanes_bottom + 8, QPen(colours.accent, 2.0))
            today_line.setZValue(4.5)
            pill = _Pill(f"Today {day_text(today, year=False)}", font, colours.accent, colours.accent_text)
            self._place_pill(pill, today_x, footer_y, axis)
        else:
            after = today > last
            arrow = f"Today {day_text(today)} →" if after else f"← Today {day_text(today)}"
            pill = _Pill(arrow, font, colours.accent, colours.accent_text)
            scene.addItem(pill)
            pill.setPos(axis.right - pill.rect.width() if after else axis.x0, footer_y)

        # The markers, each lane's rows top-down, with labels beside them where they fit.
        boxes = {box.lane: box for box in lanes}
        items: dict[tuple[Lane, int], _MarkerItem] = {}
        for marker in markers:
            draggable = editable and marker.lane is Lane.SCHEDULE and marker.state is not MarkerState.DONE
            look = marker_look(marker, colours)
            tooltip = functools.partial(marker_tooltip, plan, marker, today, draggable)
            item = _MarkerItem(marker, look, colours, draggable, tooltip)
            scene.addItem(item)
            item.setPos(axis.x(marker.date), boxes[marker.lane].row_y(rows[marker.key]))
            items[marker.key] = item
        self._add_labels(markers, items, rows, boxes, axis, font, colours)
        if not plan.milestones:
            hint = "No milestones yet: the schedule is made when the plan is issued, or add one."
            box = boxes[Lane.SCHEDULE]
            hint_item = self._text(hint, font, colours.quiet)
            hint_item.setPos(axis.x0 + 4, box.row_y(0) - line / 2)

        scene.setSceneRect(QRectF(0, 0, width, height))
        self.drawn = _Scene(plan, axis, lanes, items, rows, height, editable, extended_from)
        if self.selected not in items:
            self.selected = None
        for key, item in items.items():
            item.set_selected(key == self.selected)
        self.viewport().update()

    def _rows(self, markers: Sequence[Marker], axis: _Axis) -> dict[tuple[Lane, int], int]:
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

    def _add_labels(
        self,
        markers: Sequence[Marker],
        items: dict[tuple[Lane, int], _MarkerItem],
        rows: dict[tuple[Lane, int], int],
        boxes: dict[Lane, _LaneBox],
        axis: _Axis,
        font: QFont,
        colours: Colours,
    ) -> None:
        metrics = QFontMetricsF(font)
        by_row: dict[tuple[Lane, int], list[Marker]] = {}
        for marker in markers:
            by_row.setdefault((marker.lane, rows[marker.key]), []).append(marker)
        for (lane, _row), row_markers in by_row.items():
            background = colours.lane_solid if boxes[lane].tinted else colours.base
            row_markers.sort(key=lambda m: (m.date, m.index))
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
                label = _Label(shown, font, colour, background)
                self.scene().addItem(label)
                label.setZValue(4)
                width = label.rect.width()
                label_x = x - r - _LABEL_GAP - width if left_side else x + r + _LABEL_GAP
                label.setPos(label_x, item.y() - label.rect.height() / 2)
                item.label = label
                taken_until = max(label_x + width, x + r) + 4

    def _text(self, text: str, font: QFont, colour: QColor) -> QGraphicsSimpleTextItem:
        item = self.scene().addSimpleText(text, font)
        item.setBrush(QBrush(colour))
        return item

    def _place_pill(self, pill: _Pill, x: float, y: float, axis: _Axis) -> None:
        self.scene().addItem(pill)
        width = pill.rect.width()
        left = min(max(x - width / 2, axis.x0 - 6), axis.right - width)
        pill.setPos(left, y)
        pill.setZValue(6)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        colours = self.colours()
        top_left = self.mapToScene(QPoint(0, 0))
        left = top_left.x()
        bottom = self.mapToScene(QPoint(0, self.viewport().height())).y()
        painter.save()
        if self.drawn is None:
            if self.empty_text:
                painter.setPen(colours.quiet)
                painter.drawText(
                    QRectF(top_left, self.viewport().size().toSizeF()), Qt.AlignmentFlag.AlignCenter, self.empty_text
                )
            painter.restore()
            return
        painter.fillRect(QRectF(left, top_left.y(), _GUTTER, bottom - top_left.y()), colours.base)
        painter.setPen(QPen(colours.grid, 1.0))
        painter.drawLine(QPointF(left + _GUTTER, top_left.y()), QPointF(left + _GUTTER, bottom))
        font = self.small_font()
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(colours.text)
        for box in self.drawn.lanes:
            if box.tinted:
                painter.fillRect(QRectF(left, box.top, _GUTTER, box.height), colours.lane)
            painter.drawText(
                QRectF(left + 10, box.top + _LANE_PAD, _GUTTER - 14, box.row_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                box.lane.label,
            )
        painter.restore()

    # Selection and navigation

    def marker_item(self, key: tuple[Lane, int]) -> _MarkerItem | None:
        return self.drawn.items.get(key) if self.drawn else None

    def select(self, key: tuple[Lane, int] | None, notify: bool = True) -> None:
        items = self.drawn.items if self.drawn is not None else {}
        if key not in items:
            key = None
        for item_key, item in items.items():
            item.set_selected(item_key == key)
        self.selected = key
        if key is not None:
            self.ensureVisible(items[key], 40, 10)
        if notify:
            self.on_select(self.selected_marker())

    def selected_marker(self) -> Marker | None:
        item = self.marker_item(self.selected) if self.selected else None
        return item.marker if item else None

    def navigation_order(self) -> list[Marker]:
        """The markers Left and Right step through: by date, the schedule before the check-ins."""
        drawn = self.drawn
        if drawn is None:
            return []
        order = list(Lane)
        markers = [item.marker for item in drawn.items.values() if item.marker.activatable]
        return sorted(markers, key=lambda m: (m.date, order.index(m.lane), drawn.rows[m.key], m.index))

    def _step(self, delta: int) -> None:
        order = self.navigation_order()
        if not order:
            return
        keys = [m.key for m in order]
        if self.selected is not None and self.selected in keys:
            position = min(max(keys.index(self.selected) + delta, 0), len(keys) - 1)
        else:
            position = 0 if delta > 0 else len(keys) - 1
        self.select(keys[position])

    # Mouse

    def _item_at(self, pos: QPoint) -> _MarkerItem | None:
        for item in self.items(pos):
            if isinstance(item, _MarkerItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        item = self._item_at(event.position().toPoint())
        if item is None:
            self.select(None)
            super().mousePressEvent(event)
            return
        self.select(item.marker.key)
        self._press = (item, event.position())
        self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or self.drawn is None:
            super().mouseMoveEvent(event)
            return
        item, origin = self._press
        if not item.draggable:
            return
        if not self._dragging:
            if (event.position() - origin).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            if item.label is not None:
                item.label.hide()
        day = self._drag_day(item, event.position().x())
        axis = self.drawn.axis
        item.setX(axis.x(day))
        self._show_drag_date(item, day)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        item, _origin = self._press
        dragged = self._dragging
        day = self._drag_day(item, event.position().x()) if dragged else None
        self._end_drag()
        event.accept()
        if dragged and day is not None:
            self.on_move(item.marker, day, False)
        elif self._item_at(event.position().toPoint()) is item:
            self.on_activate(item.marker)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # A double-click is a click that lands twice: the first one already activated the marker.
        event.accept()

    def _drag_day(self, item: _MarkerItem, view_x: float) -> dt.date:
        assert self.drawn is not None
        plan = self.drawn.plan
        scene_x = self.mapToScene(QPoint(round(view_x), 0)).x()
        day = self.drawn.axis.day_at(scene_x)
        return min(max(day, plan.start_date), plan.end_date)

    def _show_drag_date(self, item: _MarkerItem, day: dt.date) -> None:
        colours = self.colours()
        if self._drag_pill is None:
            self._drag_pill = _Pill("", self.small_font(), colours.accent, colours.accent_text)
            self.scene().addItem(self._drag_pill)
            self._drag_pill.setZValue(10)
        pill = self._drag_pill
        pill.prepareGeometryChange()
        pill.text = day_text(day)
        pill.rect = QRectF(0, 0, QFontMetricsF(pill.font).horizontalAdvance(pill.text) + 12, pill.rect.height())
        pill.setPos(item.x() + item.look.radius + 6, item.y() - pill.rect.height() / 2)
        pill.update()

    def _end_drag(self) -> None:
        if self._drag_pill is not None and self._drag_pill.scene() is not None:
            self.scene().removeItem(self._drag_pill)
        self._drag_pill = None
        self._press = None
        self._dragging = False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.drawn is None:
            return
        item = self._item_at(event.pos())
        if item is not None:
            self.select(item.marker.key)
        scene_x = self.mapToScene(event.pos()).x()
        day = self.drawn.axis.day_at(scene_x) if scene_x > self.drawn.axis.x0 else None
        self.on_menu(item.marker if item else None, day, event.globalPos())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.on_zoom(_ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self._item_at(event.pos())
            if item is not None:
                item.ensure_tooltip()
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Not the view's own palette change: the view hears of it before this child has the new palette.
        if event.type() == QEvent.Type.PaletteChange:
            self.on_palette()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.on_resized()

    # Keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = modifiers == Qt.KeyboardModifier.ControlModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and (plain or ctrl):
            delta = -1 if key == Qt.Key.Key_Left else 1
            if ctrl:
                marker = self.selected_marker()
                if marker is not None and marker.lane is Lane.SCHEDULE and self.drawn is not None:
                    item = self.marker_item(marker.key)
                    plan = self.drawn.plan
                    day = marker.date + delta * _DAY
                    if item is not None and item.draggable and plan.start_date <= day <= plan.end_date:
                        self.on_move(marker, day, True)
            else:
                self._step(delta)
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            order = self.navigation_order()
            if order:
                self.select(order[0 if key == Qt.Key.Key_Home else -1].key)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            marker = self.selected_marker()
            if marker is not None:
                self.on_activate(marker)
            event.accept()
            return
        named = {
            Qt.Key.Key_Plus: "zoom_in",
            Qt.Key.Key_Equal: "zoom_in",
            Qt.Key.Key_Minus: "zoom_out",
            Qt.Key.Key_F2: "rename",
            Qt.Key.Key_Delete: "remove",
        }
        if key in named and (plain or modifiers == Qt.KeyboardModifier.ShiftModifier):
            self.on_key(named[Qt.Key(key)])
            event.accept()
            return
        super().keyPressEvent(event)


_SHORT_TITLES = {KICKOFF_TITLE: "Kick-off", MIDPOINT_TITLE: "Mid-plan", FINAL_TITLE: "Final review"}
_SHORT_CHECKINS = {CheckinKind.FORMAL_REVIEW.value: "Formal review", CheckinKind.MIDPOINT.value: "Mid-plan",
                   CheckinKind.FINAL.value: "Final review"}  # fmt: skip


def marker_label(marker: Marker) -> str:
    """The short text beside a marker; the tooltip has the rest."""
    if marker.lane is Lane.SCHEDULE and marker.kind == MilestoneKind.CHECKIN.value:
        number = re.search(r"(\d+)\s*$", marker.title)
        return number.group(1) if number else marker.title
    if marker.lane is Lane.SCHEDULE:
        return _SHORT_TITLES.get(marker.title, marker.title)
    if marker.lane is Lane.CHECKINS:
        return _SHORT_CHECKINS.get(marker.kind, "")
    return marker.title


def _html(title: str, *lines: str) -> str:
    body = "".join(f"<br>{html.escape(line)}" for line in lines)
    return f"<p style='white-space:pre'><b>{html.escape(title)}</b>{body}</p>"


def _when(day: dt.date, today: dt.date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {_days(days)}" if days > 0 else f"{_days(-days)} ago"


def marker_tooltip(plan: Plan, marker: Marker, today: dt.date, draggable: bool) -> str:
    when = _when(marker.date, today)
    if marker.lane is Lane.SCHEDULE:
        states = {
            MarkerState.DONE: "Held",
            MarkerState.PLANNED: f"Planned, {when}",
            MarkerState.OVERDUE: f"Overdue: {when} and no check-in logged",
            MarkerState.NOT_HELD: "Not held",
        }
        lines = [f"{_KIND_NAMES.get(marker.kind, 'Milestone')} · {day_text(marker.date)}", states[marker.state]]
        lines.append("Drag to reschedule · click to open" if draggable else "Click to open")
        return _html(marker.title, *lines)
    if marker.lane is Lane.CHECKINS:
        checkin = plan.checkins[marker.index]
        overall = marker.rating.label if marker.rating else "Not rated"
        lines = [day_text(marker.date), f"Overall: {overall}"]
        for progress in checkin.progress[:6]:
            objective = plan.objective(progress.objective)
            name = objective.title if objective else progress.objective
            lines.append(f"  {_shorten(name, 48)}: {progress.rating.label if progress.rating else '—'}")
        lines.append("Click to open the check-in")
        return _html(marker.title, *lines)
    if marker.lane is Lane.OBJECTIVES:
        objective = plan.objectives[marker.index]
        lines = [f"Objective due {day_text(marker.date)} ({when})"]
        if objective.metric:
            target = f"{objective.target:g}" if objective.target is not None else "?"
            baseline = f"{objective.baseline:g}" if objective.baseline is not None else "?"
            lines.append(f"{objective.metric}: {baseline} → {target} {objective.unit}".rstrip())
        return _html(objective.title, *lines)
    action = plan.support[marker.index]
    kind = f" ({action.kind.value})" if action.kind else ""
    lines = [f"Support{kind} due {day_text(marker.date)}"]
    if action.owner:
        lines.append(f"Owner: {action.owner}")
    states = {
        MarkerState.DONE: "Given",
        MarkerState.OVERDUE: f"Past due: {when}",
        MarkerState.NOT_HELD: "Not given",
        MarkerState.PLANNED: f"Planned, {when}",
    }
    lines.append(states.get(marker.state, ""))
    return _html(action.description, *lines)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The view


class TimelineView(QWidget):
    """The plan's timeline, with zoom, a legend and milestone editing, on a :class:`PlanSession`."""

    milestone_activated = Signal(int)
    checkin_activated = Signal(int)

    def __init__(self, prompter: Prompter, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TimelineView()
        self.ui.setupUi(self)
        self.prompter = prompter
        self.today = today
        self.session: PlanSession | None = None
        self._markers: list[Marker] = []
        self._stale = False  # the canvas shows an older state of the plan than the session
        self._markers_for: Plan | None = None  # the plan self._markers were worked out for
        self._ppd = 12.0
        self._fit = True
        self.canvas = TimelineCanvas(self)
        self.ui.canvasLayout.addWidget(self.canvas)
        self.canvas.on_activate = self._activate
        self.canvas.on_move = self._moved
        self.canvas.on_select = lambda _marker: self._update_actions()
        self.canvas.on_menu = self._menu
        self.canvas.on_zoom = self.zoom
        self.canvas.on_key = self._key
        self.canvas.on_resized = self._resized
        self.canvas.on_palette = self.refresh
        ui = self.ui
        ui.zoomInButton.clicked.connect(self.zoom_in)
        ui.zoomOutButton.clicked.connect(self.zoom_out)
        ui.fitButton.clicked.connect(self.fit)
        ui.addMilestoneButton.clicked.connect(lambda: self.add_milestone())
        ui.renameMilestoneButton.clicked.connect(self._rename_selected)
        ui.removeMilestoneButton.clicked.connect(self._remove_selected)
        ui.hintLabel.setFont(self.canvas.small_font())
        ui.messageLabel.hide()
        # The hint and the legend may be clipped in a narrow window rather than widen the main window.
        for widget in (ui.hintLabel, ui.legendFrame):
            policy = widget.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            widget.setSizePolicy(policy)
        self.setFocusProxy(self.canvas)
        self._build_legend()
        self.refresh()

    # Public

    def set_session(self, session: PlanSession | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self.refresh)
        self.session = session
        self._fit = True
        self.canvas.selected = None
        self._show_message([])
        if session is not None:
            session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Draw the plan again as it is now (after a change, or when the day has moved on).

        While the view is hidden (another tab is shown) nothing is worked out yet: the markers are
        when asked for, and the drawing when the view is shown, at the size it is shown at.
        """
        if self.session is None:
            self._markers = []
            self._stale = False
            self.canvas.clear("Open a plan to see its timeline.")
            self._update_actions()
            return
        self._markers_for = None
        if self.isVisible():
            self._draw()
        else:
            self._stale = True
            self._update_actions()

    def _draw(self) -> None:
        self._stale = False
        if self.session is None:
            return
        plan = self.session.plan
        today = self.today()
        out_of_range = date_problems(plan)
        if out_of_range:  # only a plan book written by an older pipdesk holds such a date
            self._markers = []
            self.canvas.clear(f"{out_of_range[0].message}. {_OUT_OF_RANGE}")
            self._update_actions()
            return
        self._update_markers()
        if self._fit:
            self._ppd = self._fit_ppd(plan, today)
        self.canvas.draw(plan, self._markers, today, self._ppd, editable=not self.session.closed)
        self._update_actions()

    def _ensure_drawn(self) -> None:
        if self._stale:
            self._draw()

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_drawn()
        super().showEvent(event)

    def _update_markers(self) -> None:
        if self.session is not None and self._markers_for is not self.session.plan:
            self._markers = plan_markers(self.session.plan, self.today())
            self._markers_for = self.session.plan

    def markers(self) -> list[Marker]:
        self._update_markers()
        return list(self._markers)

    def selected_marker(self) -> Marker | None:
        self._ensure_drawn()
        return self.canvas.selected_marker()

    def select_marker(self, marker: Marker | None) -> None:
        self._ensure_drawn()
        self.canvas.select(marker.key if marker else None)

    def marker_point(self, marker: Marker) -> QPoint:
        """Where ``marker`` is on the canvas's viewport, scrolled into view first."""
        self._ensure_drawn()
        item = self.canvas.marker_item(marker.key)
        if item is None:
            raise KeyError(f"{marker} is not on the timeline")
        self.canvas.ensureVisible(item, 40, 10)
        return self.canvas.mapFromScene(item.scenePos())

    def day_point(self, marker: Marker, day: dt.date) -> QPoint:
        """Where ``marker`` would be on the viewport if it were on ``day``."""
        self._ensure_drawn()
        item = self.canvas.marker_item(marker.key)
        if item is None or self.canvas.drawn is None:
            raise KeyError(f"{marker} is not on the timeline")
        return self.canvas.mapFromScene(QPointF(self.canvas.drawn.axis.x(day), item.y()))

    def original_end(self) -> dt.date | None:
        """The end date marked as the original one on an extended plan's timeline."""
        self._ensure_drawn()
        return self.canvas.drawn.original_end if self.canvas.drawn else None

    @property
    def pixels_per_day(self) -> float:
        return self._ppd

    def zoom_in(self) -> None:
        self.zoom(_ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / _ZOOM_STEP)

    def zoom(self, factor: float) -> None:
        self._ensure_drawn()
        drawn = self.canvas.drawn
        if drawn is None:
            return
        viewport = self.canvas.viewport()
        centre = self.canvas.mapToScene(viewport.rect().center())
        selected = self.canvas.marker_item(self.canvas.selected) if self.canvas.selected else None
        anchor_x = selected.x() if selected is not None else centre.x()
        anchor_days = (anchor_x - drawn.axis.x0) / drawn.axis.ppd
        offset = self.canvas.mapFromScene(QPointF(anchor_x, centre.y())).x()
        self._ppd = min(max(self._ppd * factor, _MIN_PPD), _MAX_PPD)
        self._fit = False
        self.refresh()
        new_drawn = self.canvas.drawn
        if new_drawn is not None:
            new_x = new_drawn.axis.x0 + anchor_days * new_drawn.axis.ppd
            bar = self.canvas.horizontalScrollBar()
            bar.setValue(round(new_x - offset))

    def fit(self) -> None:
        """Zoom so the whole plan fits the width of the view."""
        self._fit = True
        self.refresh()
        self.canvas.horizontalScrollBar().setValue(0)

    # Milestone edits

    def move_milestone(self, index: int, new_date: dt.date, merge: bool = False) -> bool:
        """Reschedule milestone ``index``; on an issued plan a reason is asked first. True when done."""
        if self.session is None:
            return False
        plan = self.session.plan
        milestone = plan.milestones[index]
        if new_date == milestone.date:
            return False

        def edit(draft: Plan) -> None:
            draft.milestones = move_milestone(draft.milestones, index, new_date, draft.start_date, draft.end_date)

        return self._change(
            f"Move {milestone.title}",
            edit,
            (f"milestones.{milestone.title}.date", milestone.date.isoformat(), new_date.isoformat()),
            f"Move “{milestone.title}” from {day_text(milestone.date)} to {day_text(new_date)}.",
            merge_key=f"timeline.nudge.{index}" if merge else None,
        )

    def add_milestone(self, day: dt.date | None = None) -> bool:
        """Ask for a name and add a milestone of the plan's own on ``day`` (today, within the plan)."""
        if self.session is None or self.session.closed:
            return False
        plan = self.session.plan
        title = self.prompter.ask_text("Add milestone", "Name of the new milestone:")
        if title is None or not title.strip():
            return False
        title = title.strip()
        when = day or self.today()
        when = min(max(when, plan.start_date), plan.end_date)
        position = next((i for i, m in enumerate(plan.milestones) if m.date > when), len(plan.milestones))
        milestone = Milestone(title=title, kind=MilestoneKind.CUSTOM, date=when)

        def edit(draft: Plan) -> None:
            draft.milestones.insert(position, milestone)

        done = self._change(
            "Add milestone",
            edit,
            ("milestones", None, title),
            f"Add the milestone “{title}” on {day_text(when)}.",
        )
        if done:
            self.canvas.select((Lane.SCHEDULE, position))
        return done

    def rename_milestone(self, index: int) -> bool:
        if self.session is None or self.session.closed:
            return False
        old = self.session.plan.milestones[index].title
        title = self.prompter.ask_text("Rename milestone", "New name of the milestone:", old)
        if title is None or not title.strip() or title.strip() == old:
            return False
        title = title.strip()

        def edit(draft: Plan) -> None:
            draft.milestones[index].title = title

        return self._change(
            "Rename milestone",
            edit,
            (f"milestones.{old}.title", old, title),
            f"Rename the milestone “{old}” to “{title}”.",
        )

    def remove_milestone(self, index: int) -> bool:
        if self.session is None or self.session.closed:
            return False
        milestone = self.session.plan.milestones[index]

        def edit(draft: Plan) -> None:
            del draft.milestones[index]

        done = self._change(
            "Remove milestone",
            edit,
            ("milestones", milestone.title, None),
            f"Remove the milestone “{milestone.title}” of {day_text(milestone.date)}.",
        )
        if done:
            self.canvas.select(None)
        return done

    def _change(
        self,
        text: str,
        edit: Callable[[Plan], None],
        revision_parts: tuple[str, str | None, str | None],
        description: str,
        merge_key: str | None = None,
    ) -> bool:
        assert self.session is not None
        revision = None
        if self.session.issued:
            reason = self._ask_reason(description)
            if reason is None:
                self.refresh()
                return False
            revision = (*revision_parts, reason)
        try:
            problems = self.session.change(text, edit, merge_key=merge_key, revision=revision)
        except PipdeskError as error:
            problems = [Problem((), str(error))]
        self._show_message(problems)
        if problems:
            self.refresh()
        return not problems

    def _ask_reason(self, change: str) -> str | None:
        from pipdesk.gui.common.reason import ReasonDialog

        dialog = ReasonDialog(change, self)
        try:
            return dialog.reason() if self.prompter.run_dialog(dialog) else None
        finally:
            dialog.deleteLater()

    # Callbacks from the canvas and the toolbar

    def _activate(self, marker: Marker) -> None:
        if marker.lane is Lane.SCHEDULE:
            self.milestone_activated.emit(marker.index)
        elif marker.lane is Lane.CHECKINS:
            self.checkin_activated.emit(marker.index)

    def _moved(self, marker: Marker, day: dt.date, by_key: bool) -> None:
        if not self.move_milestone(marker.index, day, merge=by_key):
            self.refresh()
        self.canvas.select(marker.key)

    def _rename_selected(self) -> None:
        marker = self.selected_marker()
        if marker is not None and marker.lane is Lane.SCHEDULE:
            self.rename_milestone(marker.index)
            self.canvas.select(marker.key)

    def _remove_selected(self) -> None:
        marker = self.selected_marker()
        if marker is not None and marker.lane is Lane.SCHEDULE:
            self.remove_milestone(marker.index)

    def _key(self, action: str) -> None:
        if action == "zoom_in":
            self.zoom_in()
        elif action == "zoom_out":
            self.zoom_out()
        elif action == "rename" and self.ui.renameMilestoneButton.isEnabled():
            self._rename_selected()
        elif action == "remove" and self.ui.removeMilestoneButton.isEnabled():
            self._remove_selected()

    def _menu(self, marker: Marker | None, day: dt.date | None, where: QPoint) -> None:
        if self.session is None:
            return
        menu = QMenu(self)
        editable = not self.session.closed
        if marker is not None and marker.activatable:
            menu.addAction("Open", lambda: self._activate(marker))
        if marker is not None and marker.lane is Lane.SCHEDULE and editable:
            menu.addAction("Rename…", lambda: self.rename_milestone(marker.index))
            menu.addAction("Remove", lambda: self.remove_milestone(marker.index))
        if editable:
            plan = self.session.plan
            if day is not None and plan.start_date <= day <= plan.end_date and marker is None:
                menu.addAction(f"Add milestone on {day_text(day)}…", lambda: self.add_milestone(day))
            else:
                menu.addAction("Add milestone…", lambda: self.add_milestone())
        menu.addSeparator()
        fit: QAction = menu.addAction("Fit the whole plan", self.fit)
        fit.setEnabled(not self._fit)
        menu.exec(where)

    def _resized(self) -> None:
        if self._fit and self.session is not None:
            self.refresh()

    def _fit_ppd(self, plan: Plan, today: dt.date) -> float:
        first, last = timeline_range(plan, self._markers, today)
        width = self.canvas.viewport().width() - (_GUTTER + 14.0) - 2
        days = max(1, (last - first).days)
        ppd = width / days
        for _ in range(3):  # the room the last labels need depends on the zoom; it settles at once
            ppd = (width - self.canvas.tail(self._markers, last, ppd)) / days
        return min(max(ppd, _MIN_PPD), _MAX_PPD)

    def _update_actions(self) -> None:
        session = self.session
        editable = session is not None and not session.closed
        marker = self.canvas.selected_marker()
        on_milestone = editable and marker is not None and marker.lane is Lane.SCHEDULE
        ui = self.ui
        for button in (ui.zoomInButton, ui.zoomOutButton, ui.fitButton):
            button.setEnabled(session is not None)
        ui.addMilestoneButton.setEnabled(editable)
        ui.renameMilestoneButton.setEnabled(on_milestone)
        ui.removeMilestoneButton.setEnabled(on_milestone)
        ui.hintLabel.setVisible(editable)

    def _show_message(self, problems: list[Problem]) -> None:
        label = self.ui.messageLabel
        if not problems:
            label.hide()
            return
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, Colours.of(palette).overdue)
        label.setPalette(palette)
        label.setText("\n".join(p.message for p in problems))
        label.show()

    # Legend

    def _build_legend(self) -> None:
        layout = self.ui.legendLayout
        while layout.count():
            taken = layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        colours = Colours.of(self.palette())
        font = self.canvas.small_font()
        ratio = self.devicePixelRatioF()
        groups: list[list[tuple[Look, str]]] = [
            [
                (state_look(Shape.PLAY, 6, MarkerState.PLANNED, colours), "Kick-off"),
                (state_look(Shape.CIRCLE, 6, MarkerState.PLANNED, colours), "Check-in"),
                (state_look(Shape.DIAMOND, 6, MarkerState.PLANNED, colours), "Mid-plan"),
                (state_look(Shape.SQUARE, 6, MarkerState.PLANNED, colours), "Final review"),
                (state_look(Shape.TRIANGLE_UP, 6, MarkerState.PLANNED, colours), "Other"),
            ],
            [
                (state_look(Shape.CIRCLE, 6, MarkerState.PLANNED, colours), "Planned"),
                (state_look(Shape.CIRCLE, 6, MarkerState.DONE, colours), "Done"),
                (state_look(Shape.CIRCLE, 6, MarkerState.OVERDUE, colours), "Overdue"),
            ],
            [
                (Look(Shape.CIRCLE, 6.5, c, c, 1.0, glyph=_RATING_GLYPHS[r], glyph_colour=colours.base), text)
                for r, text in (
                    (Rating.MET, "Met"),
                    (Rating.ON_TRACK, "On track"),
                    (Rating.AT_RISK, "At risk"),
                    (Rating.OFF_TRACK, "Off track"),
                    (None, "Not rated"),
                )
                for c in (colours.ratings[r],)
            ],
        ]
        for n, group in enumerate(groups):
            if n:
                layout.addSpacing(14)
            for look, text in group:
                icon = QLabel(self.ui.legendFrame)
                icon.setPixmap(look_pixmap(look, 16, ratio))
                icon.setAccessibleName(text)
                label = QLabel(text, self.ui.legendFrame)
                label.setFont(font)
                layout.addWidget(icon)
                layout.addWidget(label)
                layout.addSpacing(6)
        layout.addStretch(1)
        # The hint is quiet text: a colour of its own, kept in step with the palette.
        hint = QPalette(self.palette())
        hint.setColor(QPalette.ColorRole.WindowText, colours.quiet)
        self.ui.hintLabel.setPalette(hint)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._build_legend()
