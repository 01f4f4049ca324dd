"""The open plan's four views (the plan, its timeline, its check-ins, its outcome), made when first wanted.

At launch the window shows the plan list and This week; these views, and the editor, charts and
timeline modules behind them, are made (and imported) when a plan is first shown or a command
asks for one (``window.editor`` and the others are properties that make them), so the first
screen paints without them (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipdesk.gui.checkins.log import CheckinsTab
from pipdesk.gui.outcome.view import OutcomeView
from pipdesk.gui.plan.editor import PlanEditor
from pipdesk.gui.shell import actions, settings
from pipdesk.gui.timeline.view import TimelineView

if TYPE_CHECKING:
    from pipdesk.gui.shell.main_window import MainWindow


class PlanViews:
    """The four views, placed in the window's tabs and wired to its actions."""

    def __init__(self, window: MainWindow) -> None:
        ui, prompter, today = window.ui, window.prompter, window.today
        self.editor = PlanEditor(prompter, window, today=today)
        ui.planTabLayout.addWidget(self.editor)
        self.timeline = TimelineView(prompter, today, window)
        ui.timelineTabLayout.addWidget(self.timeline)
        self.checkins = CheckinsTab(prompter, today, window)
        ui.checkinsTabLayout.addWidget(self.checkins)
        self.outcome = OutcomeView(prompter, today, window, sustained=settings.sustained_checkins)
        ui.outcomeTabLayout.addWidget(self.outcome)
        self.timeline.checkin_activated.connect(window.open_checkin)
        self.editor.voice.responses.response_requested.connect(ui.actionRecordResponse.trigger)
        self.editor.voice.responses.response_opened.connect(window.open_response)
        actions.connect_editor(window, self.editor)

    def all(self) -> tuple[PlanEditor, TimelineView, CheckinsTab, OutcomeView]:
        return self.editor, self.timeline, self.checkins, self.outcome
