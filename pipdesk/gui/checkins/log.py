"""The Check-ins tab: the plan's check-in log with search and the full record, beside the progress charts.

Check-ins are logged through a form, one undoable step each. What was recorded stays recorded: a
check-in older than a week, or on an issued plan any check-in a later one follows, is amended only
with a reason, and every changed field is kept in the plan's history. A closed plan is read only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QSplitter, QVBoxLayout, QWidget

from pipdesk.domain import Checkin, Plan
from pipdesk.domain.rules import amendment_reason_needed, plan_problems
from pipdesk.domain.schedule import mark_done_for_checkin, unmark_for_deleted_checkin
from pipdesk.gui.checkins.models import (
    CHECKIN_INDEX_ROLE,
    KIND_LABELS,
    TEXT_FIELDS,
    CheckinFilterProxy,
    CheckinLogModel,
    one_line_summary,
    quantity,
    rating_colour,
)
from pipdesk.gui.common.prompts import Prompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_checkin_log_view import Ui_CheckinLogView

if TYPE_CHECKING:
    from pipdesk.gui.checkins.form_dialog import FieldChange
    from pipdesk.gui.checkins.progress_view import ProgressView

#: From this width the tab shows the log beside the charts; below it, above them.
WIDE_LAYOUT_WIDTH = 1100


def _short(text: str | None, limit: int = 70) -> str:
    if not text:
        return "(empty)"
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _describe(heading: str, changes: list[FieldChange], shown: int = 6) -> str:
    lines = [heading] + [f"• {c.label}: {_short(c.old)} → {_short(c.new)}" for c in changes[:shown]]
    if len(changes) > shown:
        lines.append(f"… and {len(changes) - shown} more changes")
    return "\n".join(lines)


_NEW_PLAN, _CHANGED = "new plan", "changed"


def _by_date(plan: Plan) -> None:
    plan.checkins.sort(key=lambda c: c.date)  # stable: a second check-in on a day stays after the first


class CheckinLogView(QWidget):
    """The log of one plan's check-ins: search, the full record of the selected one, and its actions."""

    def __init__(self, prompter: Prompter, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CheckinLogView()
        self.ui.setupUi(self)
        self.prompter = prompter
        self.today = today
        self.session: PlanSession | None = None
        self._stale: str | None = None  # _NEW_PLAN or _CHANGED while the log shows an older state
        self._quiet = False
        self.model = CheckinLogModel(self)
        self.proxy = CheckinFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.proxy)
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
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.searchEdit.textChanged.connect(self._search)
        self.ui.newButton.clicked.connect(self.new_checkin)
        self.ui.amendButton.clicked.connect(lambda: self.amend_checkin())
        self.ui.deleteButton.clicked.connect(lambda: self.delete_checkin())
        self._update_actions()

    # Showing a plan
    #
    # While the log is hidden (another tab is shown) a new plan or a change only marks it stale; it
    # is brought up to date when it is shown, or when a command needs it.

    def set_session(self, session: PlanSession | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self.refresh)
        self.session = session
        if session is not None:
            session.changed.connect(self.refresh)
        self._stale = _NEW_PLAN
        if self.isVisible():
            self._bring_up_to_date()

    def refresh(self) -> None:
        """Show the plan as it is now, keeping the selected check-in (or its neighbour) selected."""
        self._stale = self._stale or _CHANGED
        if self.isVisible():
            self._bring_up_to_date()

    def showEvent(self, event: QShowEvent) -> None:
        self._bring_up_to_date()
        super().showEvent(event)

    def _bring_up_to_date(self) -> None:
        stale, self._stale = self._stale, None
        if stale is None:
            return
        plan = self.session.plan if self.session is not None else None
        self._quiet = True  # the record below the list is written once, at the end, not at each step
        try:
            if stale == _NEW_PLAN:
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
        self._bring_up_to_date()
        return self._selected_index()

    def _selected_index(self) -> int | None:
        current = self.ui.table.currentIndex()
        if not current.isValid():
            return None
        value = current.data(CHECKIN_INDEX_ROLE)
        return int(value) if value is not None else None

    def open_checkin(self, index: int) -> None:
        """Select the plan's check-in number ``index`` (counted from 0) and show it in full."""
        self._bring_up_to_date()
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
            text = f"{shown} of {total} check-ins match." if shown else f"None of the {total} check-ins match."
        else:
            latest = max(c.date for c in plan.checkins).isoformat()
            text = f"{total} check-in{'s' if total != 1 else ''}, the latest on {latest}."
        if self.session.closed:
            text += " The plan is closed: its check-ins can be read, not changed."
        self.ui.statusLabel.setText(text)

    def _show_detail(self) -> None:
        document = self.ui.detail.document()
        index = self._selected_index()
        if self.session is None or index is None or index >= len(self.session.plan.checkins):
            document.clear()
            return
        plan = self.session.plan
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
        if self.session is None:
            return None
        if self.session.closed:
            self.prompter.info("The plan is closed", "A closed plan's check-ins can be read, not changed.")
            return None
        return self.session

    def new_checkin(self) -> None:
        """Log a check-in through the form; it also marks the scheduled meeting it fulfils as held."""
        session = self._writable()
        if session is None:
            return
        from pipdesk.gui.checkins.form_dialog import CheckinFormDialog  # loads on first use, not at start-up

        dialog = CheckinFormDialog(session.plan, self.today(), parent=self)
        if not self.prompter.run_dialog(dialog):
            return
        checkin = dialog.checkin()

        def log(plan: Plan) -> None:
            plan.checkins.append(checkin.model_copy(deep=True))
            _by_date(plan)
            plan.milestones = mark_done_for_checkin(
                plan.milestones, checkin.date, checkin.kind, plan.checkin_every_days
            )

        problems = session.change(f"Log the check-in of {checkin.date.isoformat()}", log)
        if problems:
            self.prompter.warning("The check-in was not saved", "\n".join(p.message for p in problems))
            return
        self._select_equal(checkin)

    def amend_checkin(self, index: int | None = None) -> None:
        """Change a logged check-in; when :func:`reason_needed` says so, ask why and keep each change."""
        session = self._writable()
        index = self.current_index() if index is None else index
        if session is None or index is None:
            return
        from pipdesk.gui.checkins.form_dialog import CheckinFormDialog, checkin_changes

        plan = session.plan
        why = amendment_reason_needed(plan, index, self.today())
        dialog = CheckinFormDialog(plan, self.today(), index, amend_note=why or "", parent=self)
        if not self.prompter.run_dialog(dialog):
            return
        old, new = plan.checkins[index], dialog.checkin()
        changes = checkin_changes(old, new, plan)
        if not changes:
            return

        def replace(edited: Plan) -> None:
            edited.checkins[index] = new.model_copy(deep=True)
            _by_date(edited)

        text = f"Amend the check-in of {old.date.isoformat()}"
        candidate = plan.model_copy(deep=True)
        replace(candidate)
        problems = [p.message for p in plan_problems(candidate)]
        if problems:
            self.prompter.warning("The check-in was not changed", "\n".join(problems))
            return
        if why is None:
            session.change(text, replace)
        else:
            reason = self._ask_reason(_describe(f"The check-in of {old.date.isoformat()}:", changes))
            if reason is None:
                return
            # One undo step, one revision per changed field (each with the session's own timestamp).
            session.undo_stack.beginMacro(text)
            try:
                first = changes[0]
                session.change(text, replace, revision=(first.field, first.old, first.new, reason))
                for change in changes[1:]:
                    session.change(text, lambda _plan: None, revision=(change.field, change.old, change.new, reason))
            finally:
                session.undo_stack.endMacro()
        self._select_equal(new)

    def delete_checkin(self, index: int | None = None) -> None:
        """Delete a check-in after confirmation; on an issued plan also ask why, for the plan's history."""
        session = self._writable()
        index = self.current_index() if index is None else index
        if session is None or index is None:
            return
        checkin = session.plan.checkins[index]
        day = checkin.date.isoformat()
        what = f"{KIND_LABELS[checkin.kind]} of {day}"
        if not self.prompter.confirm(
            "Delete check-in",
            f"Delete the {what.lower()}? Its notes and measured values leave the plan.",
            "Delete check-in",
        ):
            return
        revision = None
        if session.issued:
            summary = one_line_summary(checkin)
            reason = self._ask_reason(f"Delete the {what.lower()}: {_short(summary)}")
            if reason is None:
                return
            revision = (f"checkins.{day}", f"{what}: {summary}" if summary else what, None, reason)

        def delete(plan: Plan) -> None:
            deleted = plan.checkins.pop(index)
            # The meeting it recorded is not held any more, as far as the plan shows: undone again.
            plan.milestones = unmark_for_deleted_checkin(
                plan.milestones, deleted, plan.checkins, plan.checkin_every_days
            )

        session.change(f"Delete the check-in of {day}", delete, revision=revision)

    def _select_equal(self, checkin: Checkin) -> None:
        if self.session is None:
            return
        found = next((i for i, c in enumerate(self.session.plan.checkins) if c == checkin), None)
        if found is not None:
            self.open_checkin(found)

    def _ask_reason(self, change: str) -> str | None:
        from pipdesk.gui.common.reason import ReasonDialog

        dialog = ReasonDialog(change, self)
        if not self.prompter.run_dialog(dialog):
            return None
        return dialog.reason()


def render_checkin(document: QTextDocument, plan: Plan, checkin: Checkin, note: str, palette: QPalette) -> None:
    """Write the full record into ``document``. Every text of the plan goes in as plain text, never as markup."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # laid out once, at the end, not after each insertion
    try:
        _write_checkin(cursor, document, plan, checkin, note, palette)
    finally:
        cursor.endEditBlock()


def _write_checkin(
    cursor: QTextCursor, document: QTextDocument, plan: Plan, checkin: Checkin, note: str, palette: QPalette
) -> None:
    base = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    title = QTextCharFormat(bold)
    title.setFontPointSize(document.defaultFont().pointSizeF() * 1.3)
    muted = QTextCharFormat()
    muted.setForeground(QBrush(palette.color(QPalette.ColorRole.PlaceholderText)))
    muted.setFontItalic(True)

    cursor.insertText(f"{KIND_LABELS[checkin.kind]} on {checkin.date.isoformat()}", title)
    cursor.insertBlock()
    cursor.insertText(note, muted)
    texts = [(name, label) for name, label in TEXT_FIELDS if name != "private_notes"]
    for name, label in texts:
        text: str = getattr(checkin, name)
        if not text.strip():
            continue
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText(label, bold)
        cursor.insertBlock()
        cursor.insertText(text, base)

    if checkin.progress:
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText("Progress on the objectives", bold)
        table_format = QTextTableFormat()
        table_format.setCellPadding(3)
        table_format.setCellSpacing(0)
        table_format.setBorder(0.5)
        table_format.setBorderBrush(QBrush(palette.color(QPalette.ColorRole.Mid)))
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setHeaderRowCount(1)
        table = cursor.insertTable(len(checkin.progress) + 1, 4, table_format)
        for column, heading in enumerate(("Objective", "Measured", "Rating", "Comment")):
            table.cellAt(0, column).firstCursorPosition().insertText(heading, bold)
        for row, progress in enumerate(checkin.progress, start=1):
            objective = plan.objective(progress.objective)
            unit = objective.unit if objective is not None else ""
            rating = QTextCharFormat()
            colour = rating_colour(progress.rating, palette)
            if colour is not None:
                rating.setForeground(QBrush(colour))
            cells = (
                (objective.title if objective is not None else progress.objective, base),
                (quantity(progress.value, unit) if progress.value is not None else "—", base),
                (progress.rating.label if progress.rating is not None else "—", rating),
                (progress.comment, base),
            )
            for column, (text, text_format) in enumerate(cells):
                table.cellAt(row, column).firstCursorPosition().insertText(text, text_format)
        cursor.movePosition(QTextCursor.MoveOperation.End)

    if checkin.private_notes.strip():
        cursor.insertBlock()
        frame_format = QTextFrameFormat()
        frame_format.setBorder(1)
        frame_format.setBorderBrush(QBrush(_private_colour(palette, border=True)))
        frame_format.setBackground(QBrush(_private_colour(palette, border=False)))
        frame_format.setPadding(8)
        frame_format.setTopMargin(10)
        cursor.insertFrame(frame_format)
        cursor.insertText("Private: your own notes as manager, left out of copies for the employee", bold)
        cursor.insertBlock()
        cursor.insertText(checkin.private_notes, base)
        cursor.movePosition(QTextCursor.MoveOperation.End)


def _private_colour(palette: QPalette, border: bool) -> QColor:
    light = palette.color(QPalette.ColorRole.Base).lightness() > 128
    if border:
        return QColor("#c9a227") if light else QColor("#8a7020")
    return QColor("#fff8e1") if light else QColor("#3a3220")


class CheckinsTab(QWidget):
    """The Check-ins tab: the log on the left, the progress charts on the right.

    The charts (and with them QtCharts, a heavy import) are made the first time the tab is shown.
    """

    def __init__(self, prompter: Prompter, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.session: PlanSession | None = None
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

    def set_session(self, session: PlanSession | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self._plan_changed)
        self.session = session
        if session is not None:
            session.changed.connect(self._plan_changed)
        self.log.set_session(session)
        self._plan_changed()

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
        self.ensure_progress()
        self._arrange()
        super().showEvent(event)

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

    def _plan_changed(self) -> None:
        if self.progress is not None:
            self.progress.set_plan(self.session.plan if self.session is not None else None)
