"""The employee's written responses: recording and correcting them (plain functions), and their list in the Plan view.

A response is the employee's own words to the plan (once they acknowledged it) or to the outcome
(once the plan is closed), kept exactly as given. Correcting one asks why, and the history keeps the
old and new wording.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from pipdesk.domain import EmployeeResponse, PipdeskError, Plan, PlanInvalid, ResponseTo, vocabulary
from pipdesk.gui.common.dialogs import answer_of
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.read_only import keep_enabled_when_read_only
from pipdesk.gui.common.reason import change_with_reason
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.table_model import Index, RowsModel
from pipdesk.gui.plan.response_dialog import ResponseDialog, earliest_response, why_not

# Commands


def record_response(session: PlanSession, prompter: Prompts, today: dt.date, parent: QWidget | None) -> bool:
    """Record a response of the employee's, in their words; true when recorded.

    Refused with a message before the dialog opens when nothing can be responded to yet.
    """
    plan = session.plan
    if not any(earliest_response(plan, subject) for subject in ResponseTo):
        raise PipdeskError(why_not(ResponseTo.PLAN))
    response = _ask(prompter, ResponseDialog(plan, today, parent))
    if response is None:
        return False
    problems = session.change(
        f"Record the employee's {vocabulary.response_to(response.to).lower()}",
        lambda p: p.responses.append(response),
    )
    if problems:
        raise PlanInvalid(problems, intro="The response was not recorded")
    return True


def edit_response(session: PlanSession, prompter: Prompts, today: dt.date, index: int, parent: QWidget | None) -> bool:
    """Read response number ``index`` in full, and correct it with a reason; true when it changed."""
    old = session.plan.responses[index]
    new = _ask(prompter, ResponseDialog(session.plan, today, parent, current=old))
    if new is None or new == old:
        return False

    def replace(plan: Plan) -> None:
        plan.responses[index] = new

    problems = change_with_reason(
        session,
        prompter,
        parent,
        "Correct the employee's response",
        replace,
        field=f"responses.{old.on.isoformat()}",
        old=_whole(old),
        new=_whole(new),
        change=f"The employee's {vocabulary.response_to(old.to).lower()} of {vocabulary.short_date(old.on)} "
        "is corrected.",
    )
    if problems:
        raise PlanInvalid(problems, intro="The response was not corrected")
    return problems is not None


def _ask(prompter: Prompts, dialog: ResponseDialog) -> EmployeeResponse | None:
    return answer_of(prompter, dialog, dialog.problems, dialog.response)


def _whole(response: EmployeeResponse) -> str:
    return f"{vocabulary.response_to(response.to)}, {response.on.isoformat()}:\n{response.text}"


def first_line(text: str) -> str:
    """The first line of the response that holds any words, cut short for the list."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    return vocabulary.shortened(line, 90)


# The list in the Plan view


class ResponsesModel(RowsModel[EmployeeResponse]):
    DATE, TO, TEXT = range(3)
    HEADERS = ("Date", "To", "The employee's words")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        response = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return response.text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.DATE:
            return vocabulary.short_date(response.on)
        if column == self.TO:
            return vocabulary.response_to(response.to).removeprefix("Response to the ").capitalize()
        return first_line(response.text)


class ResponsesPanel(QWidget):
    """The employee's responses, oldest first; opening one (double-click or Enter) reads it in full, to correct it."""

    #: The manager asked to record a new response.
    response_requested = Signal()
    #: The manager opened response number ``index``.
    response_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResponsesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("The employee's responses")
        self.table.setAccessibleDescription("Press Enter on a response to read it in full")
        self.table.setToolTip(
            "Double-click a response, or press Enter on it, to read it in full; correct it, with a reason"
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.response_opened.emit(index.row()))
        self.record_button = QPushButton("Record a response…", self)
        self.record_button.setAccessibleName("Record the employee's response")
        self.record_button.setToolTip("Record the employee's written response to the plan or to the outcome")
        self.record_button.clicked.connect(self.response_requested)
        keep_enabled_when_read_only(self.table)  # a closed plan's responses are read (a correction asks why)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_plan(self, plan: Plan | None) -> None:
        self.model.set_rows(plan.responses if plan is not None else [])
        self.table.setVisible(self.model.rowCount() > 0)
        rows = min(max(self.model.rowCount(), 1), 4)  # up to four at once; more scroll
        header = self.table.horizontalHeader().sizeHint().height()
        frame = self.table.frameWidth() * 2
        self.table.setFixedHeight(header + rows * self.table.verticalHeader().defaultSectionSize() + frame)
        able = plan is not None and any(earliest_response(plan, subject) for subject in ResponseTo)
        self.record_button.setEnabled(able)
        self.record_button.setToolTip(
            "Record the employee's written response to the plan or to the outcome" if able else why_not(ResponseTo.PLAN)
        )

    def in_tab_order(self) -> list[QWidget]:
        return [self.table, self.record_button]
