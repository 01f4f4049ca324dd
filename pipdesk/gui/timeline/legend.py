"""The legend under the timeline: what each shape, fill and colour stands for."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from pipdesk.domain import MilestoneKind, Rating
from pipdesk.domain.markers import MarkerState
from pipdesk.domain.vocabulary import MILESTONE_KINDS, rating
from pipdesk.gui.timeline.looks import Colours, Look, Shape, look_pixmap, rating_look, state_look
from pipdesk.gui.timeline.texts import MIDPLAN


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
    ]


def fill_legend(layout: QBoxLayout, frame: QWidget, colours: Colours, font: QFont, ratio: float) -> None:
    """Put the legend in ``layout`` (of ``frame``) afresh, in ``colours``: an icon and its words for each look."""
    while layout.count():
        taken = layout.takeAt(0)
        widget = taken.widget() if taken is not None else None
        if widget is not None:
            widget.deleteLater()
    for n, group in enumerate(legend_groups(colours)):
        if n:
            layout.addSpacing(14)
        for look, text in group:
            icon = QLabel(frame)
            icon.setPixmap(look_pixmap(look, 16, ratio))
            icon.setAccessibleName(text)
            label = QLabel(text, frame)
            label.setFont(font)
            layout.addWidget(icon)
            layout.addWidget(label)
            layout.addSpacing(6)
    layout.addStretch(1)
