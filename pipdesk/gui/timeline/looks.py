"""How a marker looks: shapes tell the kinds apart and fills tell the states; colours come from gui/common/colours.

So the picture reads in dark mode and in greyscale print as well as in colour. Each look is painted
once into a pixmap per pixel ratio and kept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen, QPixmap

from pipdesk.domain import CheckinKind, MilestoneKind, Rating
from pipdesk.domain.markers import ADJUSTMENT_IN_PLACE, Lane, Marker, MarkerState
from pipdesk.gui.common.colours import (
    accent_colours,
    alert_colour,
    muted_colour,
    paused_colour,
    rating_fill,
    readable,
)


class Shape(Enum):
    CIRCLE = "circle"
    PLAY = "play"
    DIAMOND = "diamond"
    SQUARE = "square"
    TRIANGLE_UP = "triangle_up"
    TRIANGLE_DOWN = "triangle_down"
    HEXAGON = "hexagon"
    PENTAGON = "pentagon"  # an adjustment


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
    paused: QColor
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

        ratings: dict[Rating | None, QColor] = {rating: rating_fill(rating, palette) for rating in [*Rating, None]}
        lane_solid = blend(lane.alphaF())
        accent, accent_text = accent_colours(palette)
        quiet = QPalette(palette)
        quiet.setColor(QPalette.ColorRole.AlternateBase, lane_solid)  # read on the tinted lanes too
        return cls(
            base=base,
            window=palette.color(QPalette.ColorRole.Window),
            text=text,
            quiet=muted_colour(quiet),
            grid=faded(26),
            month=faded(70),
            lane=lane,
            lane_solid=lane_solid,
            accent=accent,
            accent_text=accent_text,
            overdue=readable(alert_colour(palette), quiet),
            paused=readable(paused_colour(palette), quiet),
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
        return rating_look(_CHECKIN_SHAPES.get(marker.kind, Shape.CIRCLE), radius, marker.rating, colours)
    if marker.lane is Lane.SCHEDULE:
        shape = _MILESTONE_SHAPES.get(marker.kind, Shape.TRIANGLE_UP)
    elif marker.lane is Lane.OBJECTIVES:
        shape = Shape.TRIANGLE_DOWN
    elif marker.lane is Lane.ADJUSTMENTS:
        return adjustment_look(marker.kind, colours)
    else:
        shape = Shape.HEXAGON
    return state_look(shape, radius, marker.state, colours)


def adjustment_look(kind: str, colours: Colours) -> Look:
    """An adjustment put in place: a filled pentagon; its review date: a pentagon's outline, as planned."""
    state = MarkerState.DONE if kind == ADJUSTMENT_IN_PLACE else MarkerState.PLANNED
    return state_look(Shape.PENTAGON, 6.5, state, colours)


def state_look(shape: Shape, radius: float, state: MarkerState, colours: Colours) -> Look:
    if state is MarkerState.DONE:
        return Look(shape, radius, colours.text, colours.text, 1.0)
    if state is MarkerState.OVERDUE:
        return Look(shape, radius, colours.base, colours.overdue, 2.0, glyph=Glyph.BANG, glyph_colour=colours.overdue)
    if state is MarkerState.NOT_HELD:
        return Look(shape, radius, colours.base, colours.quiet, 1.2, dashed=True)
    return Look(shape, radius, colours.base, colours.text, 1.5)


def rating_look(shape: Shape, radius: float, rating: Rating | None, colours: Colours) -> Look:
    """A held check-in: filled with its rating's colour, with the rating's glyph on it."""
    fill = colours.ratings[rating]
    return Look(shape, radius, fill, fill, 1.0, glyph=_RATING_GLYPHS[rating], glyph_colour=colours.base)


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
    elif shape is Shape.PENTAGON:
        points = [
            (r * 1.05 * math.cos(math.radians(a)), r * 1.05 * math.sin(math.radians(a))) for a in range(-90, 270, 72)
        ]
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
