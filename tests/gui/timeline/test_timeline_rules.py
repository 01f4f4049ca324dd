"""The lines of the weeks and months: drawn opaque, in the colour the see-through line shows on what is under it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem

from pipdesk.domain import Pause
from pipdesk.gui.common.theme import dark_palette, high_contrast_palette, light_palette
from pipdesk.gui.timeline.looks import Colours
from pipdesk.gui.timeline.rules import seen_colour
from pipdesk.gui.timeline.view import TimelineView
from pipdesk.store import PlanBook

from conftest import ALEX, open_session


def _painted(colours: Colours, colour: QColor, on_lane: bool) -> QColor:
    """What Qt paints: ``colour`` see-through on the base, over the lane's tint or not."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colours.base)
    painter = QPainter(image)
    if on_lane:
        painter.fillRect(QRectF(0, 0, 4, 4), colours.lane)
    painter.fillRect(QRectF(0, 0, 4, 4), colour)
    painter.end()
    return image.pixelColor(1, 1)


@pytest.mark.parametrize("palette", [light_palette, dark_palette, high_contrast_palette])
def test_each_line_is_the_colour_the_see_through_one_shows_on_the_base_and_on_a_tinted_lane(
    palette: type[QPalette],
) -> None:
    colours = Colours.of(palette())
    for colour in (colours.grid, colours.month):
        for on_lane in (False, True):
            seen, painted = seen_colour(colours, colour, on_lane), _painted(colours, colour, on_lane)
            assert seen.alpha() == 255
            assert max(abs(a - b) for a, b in zip(seen.getRgb()[:3], painted.getRgb()[:3], strict=True)) <= 1


def test_only_lines_over_a_pause_stay_see_through(timeline_view: TimelineView, book: PlanBook) -> None:
    plan = book.get(ALEX)
    paused_on = plan.start_date + dt.timedelta(days=9)
    plan.pauses.append(Pause(paused_on=paused_on, resumed_on=paused_on + dt.timedelta(days=15), reason="Leave"))
    book.save(ALEX, plan)
    open_session(timeline_view, book, ALEX)
    drawn = timeline_view.canvas.drawn
    assert drawn is not None
    band = (drawn.axis.x(paused_on) - 1, drawn.axis.x(paused_on + dt.timedelta(days=15)) + 1)
    scene = timeline_view.canvas.scene()
    rules = [item for item in scene.items() if item.zValue() in (-5.0, -4.0)]
    opaque = [item for item in rules if isinstance(item, QGraphicsPathItem)]
    see_through = [item for item in rules if isinstance(item, QGraphicsLineItem)]
    assert opaque and all(item.pen().color().alpha() == 255 for item in opaque)
    assert len({item.pen().color().rgba() for item in opaque}) >= 3  # weeks and months, on the base and on a lane
    assert see_through and all(band[0] <= item.line().x1() <= band[1] for item in see_through)
    assert all(item.pen().color().alpha() < 255 for item in see_through)
    # The opaque lines are where the weeks are: one at each Monday in the picture, outside the pause.
    xs = {round(element.x, 1) for item in opaque for element in _elements(item)}
    monday = drawn.axis.first + dt.timedelta(days=(7 - drawn.axis.first.weekday()) % 7)
    assert round(drawn.axis.x(monday), 1) in xs or band[0] <= drawn.axis.x(monday) <= band[1]
    assert not any(band[0] <= x <= band[1] for x in xs)


def _elements(item: QGraphicsPathItem) -> list[object]:
    path = item.path()
    return [path.elementAt(i) for i in range(path.elementCount())]
