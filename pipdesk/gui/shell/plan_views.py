"""The open plan's four views (the plan, its timeline, its check-ins, its outcome), made when first wanted.

At launch the window shows the plan list and This week; these views, and the editor, charts and
timeline modules behind them, are made (and imported) when a plan is first shown or a command
asks for one (``window.editor`` and the others are properties that make them), so the first
screen paints without them (docs/performance.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from pipdesk.gui.checkins.log import CheckinsTab
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.forms.ui_main_window import Ui_MainWindow
from pipdesk.gui.outcome.view import OutcomeView
from pipdesk.gui.plan.editor import PlanEditor
from pipdesk.gui.shell import actions, settings
from pipdesk.gui.timeline.view import TimelineView


class Host(Protocol):
    """What the views need of the main window that holds them."""

    ui: Ui_MainWindow
    prompter: Prompts
    today: Callable[[], dt.date]

    def window(self) -> QWidget: ...

    def open_checkin(self, index: int) -> None: ...

    def open_response(self, index: int) -> None: ...


class PlanViews:
    """The four views, placed in the window's tabs and wired to its actions."""

    def __init__(self, host: Host) -> None:
        ui, prompter, today, window = host.ui, host.prompter, host.today, host.window()
        self.editor = PlanEditor(prompter, window, today=today)
        ui.planTabLayout.addWidget(self.editor)
        self.timeline = TimelineView(prompter, today, window)
        ui.timelineTabLayout.addWidget(self.timeline)
        self.checkins = CheckinsTab(prompter, today, window)
        ui.checkinsTabLayout.addWidget(self.checkins)
        self.outcome = OutcomeView(prompter, today, window, sustained=settings.sustained_checkins)
        ui.outcomeTabLayout.addWidget(self.outcome)
        self.timeline.checkin_activated.connect(host.open_checkin)
        self.editor.voice.responses.response_requested.connect(ui.actionRecordResponse.trigger)
        self.editor.voice.responses.response_opened.connect(host.open_response)
        actions.connect_editor(ui, self.editor)

    def all(self) -> tuple[PlanEditor, TimelineView, CheckinsTab, OutcomeView]:
        return self.editor, self.timeline, self.checkins, self.outcome
