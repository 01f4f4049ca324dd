"""The lines of the weeks and months across the timeline's lanes, drawn opaque (:class:`Rules`)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsScene

from pipdesk.gui.timeline.looks import Colours


class Lanes(Protocol):
    """A lane's box on the scene (``drawing.LaneBox``)."""

    top: float
    tinted: bool

    @property
    def height(self) -> float: ...


def seen_colour(colours: Colours, colour: QColor, on_lane: bool) -> QColor:
    """``colour`` (the text's, see-through) as it shows on the base, or on a tinted lane (the lane's own tint
    of the text under it), as one opaque colour."""
    mix = colour.alphaF()
    if on_lane:
        mix = 1 - (1 - mix) * (1 - colours.lane.alphaF())
    base, text = colours.base, colours.text
    return QColor.fromRgbF(
        base.redF() + (text.redF() - base.redF()) * mix,
        base.greenF() + (text.greenF() - base.greenF()) * mix,
        base.blueF() + (text.blueF() - base.blueF()) * mix,
    )


class Rules:
    """The vertical lines of the weeks and months, drawn opaque in the colour each part of them shows on what is
    under it (the base, a tinted lane): Qt's raster engine blends a see-through line a pixel row at a time, and a
    plan's ~40 see-through lines took ~8 ms of every paint of the timeline (opaque: ~0.3). Where a pause's band is
    under it, a line stays see-through, so the band shows through as before."""

    def __init__(
        self, scene: QGraphicsScene, colours: Colours, lanes: Sequence[Lanes], paused: list[tuple[float, float]]
    ):
        self.scene = scene
        self.colours = colours
        self.lanes = lanes
        self.paused = paused  # the x ranges of the pauses' bands
        self.paths: dict[tuple[int, float], QPainterPath] = {}  # (opaque colour's rgba, z) -> its segments
        self._seen: dict[tuple[int, bool], int] = {}  # (see-through colour's rgba, on a lane) -> the opaque one's

    def add(self, x: float, top: float, bottom: float, colour: QColor, z: float) -> None:
        if any(left - 1 <= x <= right + 1 for left, right in self.paused):
            self.scene.addLine(x, top, x, bottom, QPen(colour, 1.0)).setZValue(z)
            return
        edges = [top]
        for box in self.lanes:  # the lanes lie one under the other from the first one's top down
            for edge in (box.top, box.top + box.height):
                if top < edge < bottom:
                    edges.append(edge)
        edges.append(bottom)
        for upper, lower in itertools.pairwise(edges):
            middle = (upper + lower) / 2
            on_lane = any(box.tinted and box.top <= middle < box.top + box.height for box in self.lanes)
            seen = self._seen.get((colour.rgba(), on_lane))
            if seen is None:
                seen = self._seen[colour.rgba(), on_lane] = seen_colour(self.colours, colour, on_lane).rgba()
            key = (seen, z)
            path = self.paths.setdefault(key, QPainterPath())
            path.moveTo(x, upper)
            path.lineTo(x, lower)

    def draw(self) -> None:
        for (rgba, z), path in self.paths.items():
            self.scene.addPath(path, QPen(QColor.fromRgba(rgba), 1.0)).setZValue(z)
