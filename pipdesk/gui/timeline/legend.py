"""The legend under the timeline: what each shape, fill and colour stands for, wrapped as the width needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pipdesk.domain import MilestoneKind, Rating
from pipdesk.domain.markers import ADJUSTMENT_IN_PLACE, ADJUSTMENT_REVIEW, MarkerState
from pipdesk.domain.vocabulary import MILESTONE_KINDS, PAUSED, rating
from pipdesk.gui.common.flow_layout import FlowLayout
from pipdesk.gui.timeline.looks import Colours, Look, Shape, adjustment_look, look_pixmap, rating_look, state_look
from pipdesk.gui.timeline.texts import ADJUSTMENT_KINDS, MIDPLAN

#: Space between two entries, and the extra space before the first entry of a group.
_ENTRY_GAP = 10
_GROUP_GAP = 14


def adjustment_legend(colours: Colours) -> list[tuple[Look, str]]:
    """The adjustments lane's two kinds of marker, with their words."""
    return [
        (adjustment_look(kind, colours), ADJUSTMENT_KINDS[kind]) for kind in (ADJUSTMENT_IN_PLACE, ADJUSTMENT_REVIEW)
    ]


def legend_groups(colours: Colours) -> list[list[tuple[Look, str]]]:
    """The kinds of milestone, the states, and the ratings of a held check-in, each look with its words."""

    def planned(shape: Shape, state: MarkerState = MarkerState.PLANNED) -> Look:
        return state_look(shape, 6, state, colours)

    return [
        [
            (planned(Shape.PLAY), MILESTONE_KINDS[MilestoneKind.KICKOFF]),
            (planned(Shape.CIRCLE), MILESTONE_KINDS[MilestoneKind.CHECKIN]),
            (planned(Shape.DIAMOND), MIDPLAN),
            (planned(Shape.SQUARE), MILESTONE_KINDS[MilestoneKind.FINAL]),
            (planned(Shape.TRIANGLE_UP), "Other"),
        ],
        [
            (planned(Shape.CIRCLE), "Planned"),
            (planned(Shape.CIRCLE, MarkerState.DONE), "Done"),
            (planned(Shape.CIRCLE, MarkerState.OVERDUE), "Overdue"),
        ],
        [
            (rating_look(Shape.CIRCLE, 6.5, r, colours), rating(r))
            for r in (Rating.MET, Rating.ON_TRACK, Rating.AT_RISK, Rating.OFF_TRACK, None)
        ],
        adjustment_legend(colours),
    ]


def paused_pixmap(colours: Colours, size: int, ratio: float) -> QPixmap:
    """A swatch of the band a pause is drawn as: tinted, hatched, edged."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(colours.base)
    painter = QPainter(pixmap)
    tint = QColor(colours.paused)
    tint.setAlpha(28)
    painter.fillRect(1, 1, size - 2, size - 2, tint)
    painter.fillRect(1, 1, size - 2, size - 2, QBrush(colours.paused, Qt.BrushStyle.FDiagPattern))
    painter.setPen(QPen(colours.paused, 1.2))
    painter.drawLine(1, 1, 1, size - 1)
    painter.drawLine(size - 1, 1, size - 1, size - 1)
    painter.end()
    return pixmap


def _entry(parent: QWidget, look: Look | QPixmap, text: str, font: QFont, ratio: float) -> QWidget:
    """One entry: the look's icon (or a swatch) and its words, kept together on one line."""
    entry = QWidget(parent)
    row = QHBoxLayout(entry)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    icon = QLabel(entry)
    icon.setPixmap(look if isinstance(look, QPixmap) else look_pixmap(look, 16, ratio))
    icon.setAccessibleName(text)
    label = QLabel(text, entry)
    label.setFont(font)
    row.addWidget(icon)
    row.addWidget(label)
    return entry


def fill_legend(frame: QWidget, colours: Colours, font: QFont, ratio: float) -> None:
    """Give ``frame`` the legend afresh, in ``colours``: an icon and its words for each look, wrapped as needed."""
    layout = frame.layout()
    if not isinstance(layout, FlowLayout):
        layout = FlowLayout(frame, gap=_ENTRY_GAP)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.setSpacing(2)
    while layout.count():
        taken = layout.takeAt(0)
        widget = taken.widget() if taken is not None else None
        if widget is not None:
            widget.deleteLater()
    for group in legend_groups(colours):
        for n, (look, text) in enumerate(group):
            layout.addWidget(_entry(frame, look, text, font, ratio))
            layout.set_gap(-1, _ENTRY_GAP + (_GROUP_GAP if n == 0 else 0))
    layout.addWidget(_entry(frame, paused_pixmap(colours, 16, ratio), PAUSED, font, ratio))
    layout.set_gap(-1, _ENTRY_GAP + _GROUP_GAP)
