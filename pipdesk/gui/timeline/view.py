"""The Timeline view: the plan period on a zoomable axis with its milestones, check-ins and due dates.

Dragging a milestone (or Ctrl+←/→ on the selected one, a day; Ctrl+Shift+←/→, a week) reschedules
it; on an issued plan the move asks a reason, which is kept as a revision. Milestones can also be
added, renamed, removed and marked held or not held (H) here (the commands are in :mod:`pipdesk.gui.timeline.commands`).
Shapes tell the kinds apart and fills tell the states, so the picture reads in dark mode and in
greyscale print as well as in colour; every colour is derived from the palette.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from pipdesk.domain import Plan, Problem
from pipdesk.domain.limits import date_problems
from pipdesk.domain.markers import Lane, Marker, paused_spans, plan_markers
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.session_view import SessionView
from pipdesk.gui.forms.ui_timeline_view import Ui_TimelineView
from pipdesk.gui.timeline import commands
from pipdesk.gui.timeline.canvas import ZOOM_STEP, TimelineCanvas, announce
from pipdesk.gui.timeline.drawing import fitting_ppd, within_zoom
from pipdesk.gui.timeline.legend import fill_legend
from pipdesk.gui.timeline.looks import Colours
from pipdesk.gui.timeline.texts import day_text, timeline_description

_OUT_OF_RANGE = "The timeline cannot draw this plan until the date is corrected."

#: The timeline's own keys (keys, what they do), for Help › Keyboard shortcuts; the hint under it names the most used.
TIMELINE_KEYS = (
    ("← →", "select the previous or next milestone"),
    ("Enter", "open the selected milestone"),
    ("Ctrl+← →", "move the selected milestone a day"),
    ("Ctrl+Shift+← →", "move the selected milestone a week"),
    ("H", "mark the selected milestone held or not held"),
    ("F2", "rename the selected milestone"),
    ("Delete", "remove the selected milestone"),
    ("+ −", "zoom in or out"),
)


class TimelineView(SessionView):
    """The plan's timeline, with zoom, a legend and milestone editing, on a :class:`PlanSession`."""

    checkin_activated = Signal(int)

    def __init__(self, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TimelineView()
        self.ui.setupUi(self)
        self.prompter = prompter
        self.today = today
        self._markers: list[Marker] = []
        self._markers_for: tuple[Plan, dt.date] | None = None  # the plan and day self._markers were worked out for
        self._ppd = 12.0
        self._fit = True
        self.canvas = TimelineCanvas(self)
        self.ui.canvasLayout.addWidget(self.canvas)
        self.canvas.activated.connect(self.activate)
        self.canvas.move_requested.connect(self._moved)
        self.canvas.selection_changed.connect(lambda _marker: self._update_actions())
        self.canvas.menu_requested.connect(self._menu)
        self.canvas.zoom_requested.connect(self.zoom)
        self.canvas.key_command.connect(self._key)
        self.canvas.width_changed.connect(self._resized)
        self.canvas.palette_changed.connect(self.redraw)
        ui = self.ui
        ui.zoomInButton.clicked.connect(self.zoom_in)
        ui.zoomOutButton.clicked.connect(self.zoom_out)
        ui.fitButton.clicked.connect(self.fit)
        ui.addMilestoneButton.clicked.connect(lambda: self.add_milestone())
        ui.renameMilestoneButton.clicked.connect(self._rename_selected)
        ui.removeMilestoneButton.clicked.connect(self._remove_selected)
        ui.hintLabel.setFont(self.canvas.small_font())
        ui.messageLabel.hide()
        # The hint may be clipped, and the legend wraps, in a narrow window rather than widen the main window.
        for widget in (ui.hintLabel, ui.legendFrame):
            policy = widget.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            widget.setSizePolicy(policy)
        # Tab goes along the toolbar, then into the timeline, as they read (a focus proxy on the view made
        # Tab skip the toolbar).
        buttons = (ui.zoomOutButton, ui.zoomInButton, ui.fitButton, ui.addMilestoneButton)
        for first, second in itertools.pairwise(
            (*buttons, ui.renameMilestoneButton, ui.removeMilestoneButton, self.canvas)
        ):
            QWidget.setTabOrder(first, second)
        _build_legend(self)
        self.set_session(None)

    # The session and the drawing

    def session_set(self, session: PlanSession | None) -> None:
        self._fit = True
        self.canvas.selected = None
        self._show_message([])

    def plan_changed(self) -> None:
        """The plan changed, or the day moved on: the markers are worked out again, when wanted."""
        self._markers_for = None
        self.redraw()

    def redraw(self) -> None:
        """Draw again now if the view is shown (a zoom, a new width or palette), else when it is shown.

        While the view is hidden (another tab is shown) nothing is worked out yet: the markers are
        when asked for, and the drawing when the view is shown, at the size it is shown at.
        """
        super().plan_changed()
        self._update_actions()

    def refresh(self) -> None:
        """Draw the plan as it is now."""
        session = self.session
        out_of_range = date_problems(session.plan) if session is not None else []
        if session is None:
            self._update_markers()
            self.canvas.clear("Open a plan to see its timeline.")
        elif out_of_range:  # only a plan book written by an older pipdesk holds such a date
            self.canvas.clear(f"{out_of_range[0].message}. {_OUT_OF_RANGE}")
        else:
            markers, today = self._update_markers(), self.today()
            if self._fit:
                self._ppd = fitting_ppd(session.plan, markers, today, self.canvas.viewport().width(), self.canvas.tail)
            self.canvas.draw(session.plan, markers, today, self._ppd, editable=not session.closed)
        self._update_actions()

    def _update_markers(self) -> list[Marker]:
        """The markers of the plan as it is today, worked out again only when the plan or the day changed."""
        if self.session is None:
            self._markers, self._markers_for = [], None
        else:
            plan, today = self.session.plan, self.today()
            if self._markers_for is None or self._markers_for[0] is not plan or self._markers_for[1] != today:
                self._markers, self._markers_for = plan_markers(plan, today), (plan, today)
        return self._markers

    def markers(self) -> list[Marker]:
        return list(self._update_markers())

    def selected_marker(self) -> Marker | None:
        self.ensure_current()
        return self.canvas.selected_marker()

    def select_marker(self, marker: Marker | None) -> None:
        self.ensure_current()
        self.canvas.select(marker.key if marker else None)

    def marker_point(self, marker: Marker) -> QPoint:
        """Where ``marker`` is on the canvas's viewport, scrolled into view first."""
        self.ensure_current()
        item = self.canvas.marker_item(marker.key)
        if item is None:
            raise KeyError(f"{marker} is not on the timeline")
        self.canvas.ensureVisible(item, 40, 10)
        return self.canvas.mapFromScene(item.scenePos())

    def day_point(self, marker: Marker, day: dt.date) -> QPoint:
        """Where ``marker`` would be on the viewport if it were on ``day``."""
        self.ensure_current()
        item = self.canvas.marker_item(marker.key)
        if item is None or self.canvas.drawn is None:
            raise KeyError(f"{marker} is not on the timeline")
        return self.canvas.mapFromScene(QPointF(self.canvas.drawn.axis.x(day), item.y()))

    def original_end(self) -> dt.date | None:
        """The end date marked as the original one on an extended plan's timeline."""
        self.ensure_current()
        return self.canvas.drawn.original_end if self.canvas.drawn else None

    # Zoom

    @property
    def pixels_per_day(self) -> float:
        return self._ppd

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    def zoom(self, factor: float) -> None:
        self.ensure_current()
        drawn = self.canvas.drawn
        if drawn is None:
            return
        viewport = self.canvas.viewport()
        centre = self.canvas.mapToScene(viewport.rect().center())
        selected = self.canvas.marker_item(self.canvas.selected) if self.canvas.selected else None
        anchor_x = selected.x() if selected is not None else centre.x()
        anchor_days = (anchor_x - drawn.axis.x0) / drawn.axis.ppd
        offset = self.canvas.mapFromScene(QPointF(anchor_x, centre.y())).x()
        self._ppd = within_zoom(self._ppd * factor)
        self._fit = False
        self.redraw()
        new_drawn = self.canvas.drawn
        if new_drawn is not None:
            new_x = new_drawn.axis.x0 + anchor_days * new_drawn.axis.ppd
            bar = self.canvas.horizontalScrollBar()
            bar.setValue(round(new_x - offset))

    def fit(self) -> None:
        """Zoom so the whole plan fits the width of the view."""
        self._fit = True
        self.redraw()
        self.canvas.horizontalScrollBar().setValue(0)

    def _resized(self) -> None:
        if self._fit and self.session is not None:
            self.redraw()

    # Milestone edits: the commands, and what the view shows after them

    def move_milestone(self, index: int, new_date: dt.date, merge: bool = False) -> bool:
        """Reschedule milestone ``index``; on an issued plan a reason is asked first. True when done."""
        if self.session is None:
            return False
        outcome = commands.move_milestone(self.session, self.prompter, index, new_date, merge=merge, parent=self)
        return self._after(outcome)

    def add_milestone(self, day: dt.date | None = None) -> bool:
        """Ask for a name and add a milestone of the plan's own on ``day`` (today, within the plan)."""
        if self.session is None:
            return False
        outcome = commands.add_milestone(self.session, self.prompter, self.today(), day, parent=self)
        if self._after(outcome) and outcome.index is not None:
            self.canvas.select((Lane.SCHEDULE, outcome.index))
        return outcome.changed

    def rename_milestone(self, index: int) -> bool:
        if self.session is None:
            return False
        return self._after(commands.rename_milestone(self.session, self.prompter, index, parent=self))

    def remove_milestone(self, index: int) -> bool:
        if self.session is None:
            return False
        done = self._after(commands.remove_milestone(self.session, self.prompter, index, parent=self))
        if done:
            self.canvas.select(None)
        return done

    def mark_held(self, index: int, held: bool) -> bool:
        """Mark milestone ``index`` held or not held by hand; on an issued plan a reason is asked first."""
        if self.session is None:
            return False
        done = self._after(commands.mark_held(self.session, self.prompter, index, held, parent=self))
        if done:
            self.canvas.select((Lane.SCHEDULE, index))
        return done

    def _after(self, outcome: commands.Outcome) -> bool:
        """Say why a change was refused; a drag that changed nothing is put back."""
        if outcome.changed or outcome.problems:
            self._show_message(outcome.problems)
        if not outcome.changed:
            self.redraw()
        return outcome.changed

    # What the canvas and the toolbar ask for

    def activate(self, marker: Marker) -> None:
        """Open what ``marker`` stands for: a held check-in opens in the check-in log."""
        if marker.lane is Lane.CHECKINS:
            self.checkin_activated.emit(marker.index)

    def _moved(self, marker: Marker, day: dt.date, by_key: bool) -> None:
        self.move_milestone(marker.index, day, merge=by_key)
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
        elif action == "toggle_held" and self.ui.renameMilestoneButton.isEnabled():
            marker = self.selected_marker()
            if marker is not None and marker.lane is Lane.SCHEDULE and self.session is not None:
                self.mark_held(marker.index, not self.session.plan.milestones[marker.index].done)

    def _menu(self, marker: Marker | None, day: dt.date | None, where: QPoint) -> None:
        if self.session is not None:
            _context_menu(self, self.session, marker, day, fitted=self._fit).exec(where)

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
        described = session is not None and self.canvas.drawn is not None
        announce(
            self.canvas,
            timeline_description(self._markers, marker, self.today(), paused_spans(session.plan, self.today()))
            if described and session is not None
            else self.canvas.empty_text,
        )

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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            _build_legend(self)


def _build_legend(view: TimelineView) -> None:
    """The legend in the colours of the palette now; the hint is quiet text, kept in step with it."""
    colours = Colours.of(view.palette())
    fill_legend(view.ui.legendFrame, colours, view.canvas.small_font(), view.devicePixelRatioF())
    hint = QPalette(view.palette())
    hint.setColor(QPalette.ColorRole.WindowText, colours.quiet)
    view.ui.hintLabel.setPalette(hint)


def _context_menu(
    view: TimelineView, session: PlanSession, marker: Marker | None, day: dt.date | None, *, fitted: bool
) -> QMenu:
    """The timeline's context menu on ``marker`` (or on empty ground at ``day``)."""
    menu = QMenu(view)
    editable = not session.closed
    if marker is not None and marker.activatable:
        menu.addAction("Open", lambda: view.activate(marker))
    if marker is not None and marker.lane is Lane.SCHEDULE and editable:
        menu.addAction("Rename…", lambda: view.rename_milestone(marker.index))
        menu.addAction("Remove", lambda: view.remove_milestone(marker.index))
        held = session.plan.milestones[marker.index].done
        toggle = menu.addAction("Mark as not held" if held else "Mark as held")
        toggle.setShortcut("H")
        toggle.triggered.connect(lambda: view.mark_held(marker.index, not held))
    if editable:
        plan = session.plan
        if day is not None and plan.start_date <= day <= plan.end_date and marker is None:
            menu.addAction(f"Add milestone on {day_text(day)}…", lambda: view.add_milestone(day))
        else:
            menu.addAction("Add milestone…", lambda: view.add_milestone())
    menu.addSeparator()
    fit: QAction = menu.addAction("Fit the whole plan", view.fit)
    fit.setEnabled(not fitted)
    return menu
