"""The Check-ins tab: the plan's check-in log with search and the full record, beside the progress charts.

Check-ins are logged, amended and deleted through :mod:`.commands`, one undoable step each; a
closed plan is read only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QSplitter, QVBoxLayout, QWidget

from pipdesk.domain import Checkin, vocabulary
from pipdesk.domain.rules import amendment_reason_needed
from pipdesk.gui.checkins import commands
from pipdesk.gui.checkins.evidence_files import checkin_files
from pipdesk.gui.checkins.models import CHECKIN_INDEX_ROLE, CheckinFilterProxy, CheckinLogModel
from pipdesk.gui.checkins.record import render_checkin
from pipdesk.gui.common.attachments import AttachmentsList, TitledAttachments
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.session_view import SessionView
from pipdesk.gui.forms.ui_checkin_log_view import Ui_CheckinLogView

if TYPE_CHECKING:
    from pipdesk.gui.checkins.progress_view import ProgressView

__all__ = ["CHECKIN_INDEX_ROLE", "CheckinLogView", "CheckinsTab", "render_checkin"]

#: From this width the tab shows the log beside the charts; below it, above them.
WIDE_LAYOUT_WIDTH = 1100


class CheckinLogView(SessionView):
    """The log of one plan's check-ins: search, the full record of the selected one, and its actions."""

    def __init__(self, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CheckinLogView()
        self.ui.setupUi(self)
        self.prompter = prompter
        self.today = today
        self._new_plan = True  # the next refresh shows another plan (or none), not a change to this one
        self._quiet = False
        self.model = CheckinLogModel(self)
        self.proxy = CheckinFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.proxy)
        table.setTabKeyNavigation(False)  # Tab leaves the log; the arrow keys move in it
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((CheckinLogModel.DATE, 92), (CheckinLogModel.KIND, 128), (CheckinLogModel.RATING, 80)):
            header.resizeSection(column, width)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.sortByColumn(CheckinLogModel.DATE, Qt.SortOrder.AscendingOrder)
        table.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._selection_moved())
        table.doubleClicked.connect(lambda _index: self.amend_checkin())
        self.ui.detail.setPlaceholderText("Select a check-in to read it in full.")
        self.ui.detail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ui.detail.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        files = AttachmentsList(prompter, lambda: self.session, today)
        self.files = TitledAttachments(files, "Evidence files of the check-in", self)
        record = QSplitter(Qt.Orientation.Vertical)  # the record, and its files under it
        self.ui.splitter.insertWidget(1, record)
        record.addWidget(self.ui.detail)
        record.addWidget(self.files)
        record.setStretchFactor(0, 3)
        record.setStretchFactor(1, 1)
        # The record is what is read: never squeezed to a line or two by its files' list.
        record.setChildrenCollapsible(False)
        self.ui.detail.setMinimumHeight(self.ui.detail.fontMetrics().lineSpacing() * 8)
        files.table.setMinimumHeight(files.table.fontMetrics().lineSpacing() * 4)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.searchEdit.textChanged.connect(self._search)
        self.ui.newButton.clicked.connect(self.new_checkin)
        self.ui.amendButton.clicked.connect(lambda: self.amend_checkin())
        self.ui.deleteButton.clicked.connect(lambda: self.delete_checkin())
        self._update_actions()

    # Showing a plan
    #
    # While the log is hidden (another tab is shown) a new plan or a change only marks it stale (see
    # SessionView); it is brought up to date when it is shown, or when a command needs it.

    def session_set(self, session: PlanSession | None) -> None:
        self._new_plan = True

    def refresh(self) -> None:
        """Show the plan as it is now, keeping the selected check-in (or its neighbour) selected."""
        new_plan, self._new_plan = self._new_plan, False
        plan = self.session.plan if self.session is not None else None
        self._quiet = True  # the record below the list is written once, at the end, not at each step
        try:
            if new_plan:
                self.ui.searchEdit.clear()
                self.model.set_plan(plan)
                if plan is not None and plan.checkins:
                    self.open_checkin(max(range(len(plan.checkins)), key=lambda i: plan.checkins[i].date))
            else:
                kept, position = self._current_checkin(), self._selected_index()
                self.model.set_plan(plan)
                if plan is not None and plan.checkins and position is not None:
                    # The same check-in if it is still there, else its neighbour (after a delete or an undo).
                    again = next((i for i, c in enumerate(plan.checkins) if c == kept), None)
                    self._select(again if again is not None else min(position, len(plan.checkins) - 1))
        finally:
            self._quiet = False
        self._selection_moved()

    def _current_checkin(self) -> Checkin | None:
        """The selected check-in as the log shows it (the plan may have changed since)."""
        index = self._selected_index()
        row = self.model.row_of(index) if index is not None else -1
        return self.model.rows[row].checkin if row >= 0 else None

    def current_index(self) -> int | None:
        """The selected check-in's position in the plan's check-ins, if one is selected."""
        self.ensure_current()
        return self._selected_index()

    def _selected_index(self) -> int | None:
        current = self.ui.table.currentIndex()
        if not current.isValid():
            return None
        value = current.data(CHECKIN_INDEX_ROLE)
        return int(value) if value is not None else None

    def open_checkin(self, index: int) -> None:
        """Select the plan's check-in number ``index`` (counted from 0) and show it in full."""
        self.ensure_current()
        if self.model.row_of(index) < 0:
            return
        if self.proxy.mapFromSource(self.model.index(self.model.row_of(index), 0)).row() < 0:
            self.ui.searchEdit.clear()  # the search hid it
        self._select(index)

    def _select(self, index: int) -> None:
        source = self.model.index(self.model.row_of(index), 0)
        row = self.proxy.mapFromSource(source)
        if row.isValid():
            self.ui.table.setCurrentIndex(row)
            self.ui.table.scrollTo(row)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        if not self.ui.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.ui.table.setCurrentIndex(self.proxy.index(0, 0))
        self._selection_moved()

    def _selection_moved(self) -> None:
        if self._quiet:
            return
        self._show_detail()
        self._update_actions()
        self._update_status()

    def _update_actions(self) -> None:
        writable = self.session is not None and not self.session.closed
        selected = self._selected_index() is not None
        self.ui.newButton.setEnabled(writable)
        self.ui.amendButton.setEnabled(writable and selected)
        self.ui.deleteButton.setEnabled(writable and selected)

    def _update_status(self) -> None:
        if self.session is None:
            self.ui.statusLabel.setText("")
            return
        plan = self.session.plan
        total = len(plan.checkins)
        if total == 0:
            text = "No check-ins logged yet. “New check-in…” starts one from the next scheduled meeting."
        elif self.proxy.searching():
            shown = self.proxy.rowCount()
            of_total = vocabulary.count(total, "check-in")
            match = vocabulary.agreeing(shown, "matches", "match")
            text = f"{shown} of {of_total} {match}." if shown else f"None of the {of_total} match."
        else:
            latest = vocabulary.short_date(max(c.date for c in plan.checkins))
            text = f"{vocabulary.count(total, 'check-in')}, the latest on {latest}."
        if self.session.closed:
            text += " The plan is closed: its check-ins can be read, not changed."
        self.ui.statusLabel.setText(text)

    def _show_detail(self) -> None:
        document = self.ui.detail.document()
        index = self._selected_index()
        if self.session is None or index is None or index >= len(self.session.plan.checkins):
            document.clear()
            self.files.show_place(None, None, False, "Select a check-in to see its files")
            return
        plan = self.session.plan
        self.files.show_place(checkin_files(plan, index), plan, not self.session.closed, "")
        if self.session.closed:
            note = "The plan is closed: this record can no longer change."
        else:
            note = (
                amendment_reason_needed(plan, index, self.today())
                or "Recent: it can still be corrected without a reason."
            )
        render_checkin(document, plan, plan.checkins[index], note, self.palette())
        self.ui.detail.verticalScrollBar().setValue(0)

    # Changing check-ins

    def _writable(self) -> PlanSession | None:
        if self.session is None or not commands.writable(self.session, self.prompter):
            return None
        return self.session

    def new_checkin(self) -> None:
        """Log a check-in through the form (see :func:`commands.new_checkin`) and select it."""
        session = self._writable()
        if session is not None:
            self._select_equal(commands.new_checkin(session, self.prompter, self.today, self))

    def amend_checkin(self, index: int | None = None) -> None:
        """Change a logged check-in; when the domain says so, ask why and keep each change."""
        session = self._writable()
        index = self.current_index() if index is None else index
        if session is not None and index is not None:
            self._select_equal(commands.amend_checkin(session, self.prompter, self.today, index, self))

    def delete_checkin(self, index: int | None = None) -> None:
        """Delete a check-in after confirmation; on an issued plan also ask why, for the plan's history."""
        session = self._writable()
        index = self.current_index() if index is None else index
        if session is not None and index is not None:
            commands.delete_checkin(session, self.prompter, index, self)

    def _select_equal(self, checkin: Checkin | None) -> None:
        if self.session is None or checkin is None:
            return
        found = next((i for i, c in enumerate(self.session.plan.checkins) if c == checkin), None)
        if found is not None:
            self.open_checkin(found)


class CheckinsTab(SessionView):
    """The Check-ins tab: the log on the left, the progress charts on the right.

    The charts (and with them QtCharts, a heavy import) are made the first time the tab is shown.
    """

    def __init__(self, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.log = CheckinLogView(prompter, today, self)
        self.progress: ProgressView | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.log)
        self._progress_holder = QWidget(self.splitter)
        self._progress_layout = QVBoxLayout(self._progress_holder)
        self._progress_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self._progress_holder)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._sized = False

    def session_set(self, session: PlanSession | None) -> None:
        self.log.set_session(session)

    def plan_changed(self) -> None:
        self.refresh()  # at once, shown or not: the charts wait to be shown to draw, on their own

    def refresh(self) -> None:
        """The charts follow the plan; the log follows the session itself."""
        if self.progress is not None:
            self.progress.set_plan(self.session.plan if self.session is not None else None)

    def open_checkin(self, index: int) -> None:
        """Select the plan's check-in number ``index`` (counted from 0), e.g. when the timeline is clicked."""
        self.log.open_checkin(index)

    def new_checkin(self) -> None:
        self.log.new_checkin()

    def ensure_progress(self) -> ProgressView:
        """The progress view, made on first use."""
        if self.progress is None:
            from pipdesk.gui.checkins.progress_view import ProgressView

            self.progress = ProgressView(self.today, self._progress_holder)
            self._progress_layout.addWidget(self.progress)
            self.progress.set_plan(self.session.plan if self.session is not None else None)
            self.progress.show()  # at once: a layout would show it only once the event loop runs
        return self.progress

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # catches up first: charts made next are drawn once, with the plan as it is
        self.ensure_progress()
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Log beside the charts when the tab is wide; above them, with the record beside the list, when not."""
        wide = self.width() >= WIDE_LAYOUT_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self._sized and self.splitter.orientation() == orientation:
            return
        self._sized = True
        self.splitter.setOrientation(orientation)
        self.log.ui.splitter.setOrientation(Qt.Orientation.Vertical if wide else Qt.Orientation.Horizontal)
        if wide:
            self.splitter.setSizes([self.width() * 4 // 9, self.width() * 5 // 9])
        else:
            self.splitter.setSizes([self.height() * 9 // 20, self.height() * 11 // 20])
            self.log.ui.splitter.setSizes([self.width() // 2, self.width() // 2])
