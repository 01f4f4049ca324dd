"""The Outcome view: a closed plan's recorded outcome, or what the evidence suggests for a running one.

Read-only. A closed plan shows its decision, follow-up, summary, monitoring, each objective's result
and comment (technical and behavioral apart) and the fairness check with the manager's confirmation
kept in the plan's history. The fairness check has a line for each part of the fair process, and
under it the record in full (:mod:`.record_panel`): HR review, adjustments, pauses, formal meetings,
the employee's responses, the outcome's acknowledgement and the appeal. A result is "met" only
when the target was reached at the last N measured check-ins (N from Preferences); the view says so.
A running plan shows the results its check-ins suggest so far and the buttons to close it with an
outcome or extend it. A draft has nothing to show yet and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from pipdesk.domain import ObjectiveCategory, Plan, Result, Revision, Status, vocabulary
from pipdesk.domain.fair_process import FAIRNESS_FIELD
from pipdesk.domain.outcome import (
    BOTH_DIMENSIONS,
    DEFAULT_SUSTAINED,
    NO_GAPS,
    ObjectiveEvidence,
    dimension_text,
    evidence,
    fairness_check,
    fairness_lines,
    process_lines,
    suggest_decision,
    suggestion_rule,
)
from pipdesk.domain.schedule import original_end
from pipdesk.gui.common.attachments import AttachmentsList
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.read_only import keep_enabled_when_read_only
from pipdesk.gui.common.session_view import SessionView
from pipdesk.gui.common.table_model import Index, RowsModel
from pipdesk.gui.forms.ui_outcome_view import Ui_OutcomeView
from pipdesk.gui.outcome.commands import close_with_outcome, extend_plan
from pipdesk.gui.outcome.evidence_files import OutcomeFiles
from pipdesk.gui.outcome.fair_process_rows import ProcessRows
from pipdesk.gui.outcome.record_panel import RecordPanel

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP})


@dataclass(frozen=True)
class ResultLine:
    """One objective's line in a results table, as shown."""

    objective: str
    baseline: str
    target: str
    last_measured: str
    result: str
    comment: str
    tooltip: str = ""


class ResultsModel(RowsModel[ResultLine]):
    """Read-only: each objective's baseline, target, last measured value, result and comment."""

    OBJECTIVE, BASELINE, TARGET, LAST, RESULT, COMMENT = range(6)
    HEADERS: ClassVar[tuple[str, ...]] = ("Objective", "Baseline", "Target", "Last measured", "Result", "Comment")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._named: dict[int, str] = {}

    def set_results(self, rows: Sequence[ResultLine], result_header: str, comment_header: str) -> None:
        """Show ``rows`` under the headings a closed plan (recorded) or a running one (suggested) needs."""
        self._named = {self.RESULT: result_header, self.COMMENT: comment_header}
        self.set_rows(rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section in self._named:
            return self._named[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks about seven roles a cell, again on each resize to contents: the others go at once.
        if role not in _ANSWERED or not index.isValid():
            return None
        line = self.rows[index.row()]
        text = (line.objective, line.baseline, line.target, line.last_measured, line.result, line.comment)[
            index.column()
        ]
        if role == _DISPLAY:
            return " ".join(text.split())  # one line in the table; the tooltip keeps the line breaks
        if role == _TOOLTIP:
            if index.column() == self.RESULT and line.tooltip:
                return line.tooltip
            return text or None
        return None


def _running_line(item: ObjectiveEvidence) -> ResultLine:
    return ResultLine(
        objective=item.objective.title,
        baseline=item.baseline,
        target=item.target,
        last_measured=item.last_measured,
        result=vocabulary.RESULTS[item.suggested] if item.suggested else "No suggestion yet",
        comment=item.why,
    )


def _closed_line(item: ObjectiveEvidence, result: Result | None, comment: str) -> ResultLine:
    suggested = vocabulary.RESULTS[item.suggested] if item.suggested else "no suggestion"
    return ResultLine(
        objective=item.objective.title,
        baseline=item.baseline,
        target=item.target,
        last_measured=item.last_measured,
        result=vocabulary.result(result),
        comment=comment,
        tooltip=f"The evidence suggested: {suggested.lower()} ({item.why.lower()})",
    )


class OutcomeView(SessionView):
    """Shows the outcome of the session's plan; the buttons close or extend it through the dialogs."""

    def __init__(
        self,
        prompter: Prompts,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        *,
        sustained: Callable[[], int] = lambda: DEFAULT_SUSTAINED,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OutcomeView()
        self.ui.setupUi(self)
        self.prompter = prompter
        self.today = today
        self.sustained = sustained
        ui = self.ui
        self.process_rows = ProcessRows(ui.fairnessForm, 3, ui.fairnessGroup)  # after the acknowledgement
        self.record = RecordPanel(ui.content)
        ui.contentLayout.insertWidget(ui.contentLayout.indexOf(ui.fairnessGroup) + 1, self.record)
        self.files = OutcomeFiles(AttachmentsList(prompter, lambda: self.session, today), ui.content)
        ui.contentLayout.insertWidget(ui.contentLayout.indexOf(self.record) + 1, self.files)
        font = ui.headingLabel.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        ui.headingLabel.setFont(font)
        self.tables: dict[ObjectiveCategory | None, tuple[QWidget, QTableView, ResultsModel]] = {}
        for category, group, table in (
            (ObjectiveCategory.TECHNICAL, ui.technicalGroup, ui.technicalTable),
            (ObjectiveCategory.BEHAVIORAL, ui.behavioralGroup, ui.behavioralTable),
            (None, ui.otherGroup, ui.otherTable),
        ):
            model = ResultsModel(self)
            self._set_up_table(table, model)
            self.tables[category] = (group, table, model)
        for label in (ui.headingLabel, ui.explanationLabel, ui.dimensionsLabel):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keep_enabled_when_read_only(ui.extendButton)  # on a closed plan it is the one way to reopen it
        ui.closeButton.clicked.connect(self._close_with_outcome)
        ui.extendButton.clicked.connect(self._extend)
        self.refresh()

    def _set_up_table(self, table: QTableView, model: ResultsModel) -> None:
        table.setModel(model)
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As tall as its rows (see _fit_height): the page scrolls, and the group box does not stretch.
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ResultsModel.OBJECTIVE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ResultsModel.COMMENT, QHeaderView.ResizeMode.Stretch)
        # A long comment wraps: rows grow with the columns' widths, and the table with its rows
        # (once the resizing is over, so the table never shows half a row).
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setMinimumSectionSize(table.fontMetrics().height() + 12)
        refit = QTimer(table)
        refit.setSingleShot(True)
        refit.setInterval(0)
        refit.timeout.connect(lambda: _fit_height(table))
        table.verticalHeader().sectionResized.connect(lambda *_args: refit.start())

    # Showing a plan (SessionView calls refresh when the plan is shown or changes)

    def refresh(self) -> None:
        ui = self.ui
        plan = self.session.plan if self.session is not None else None
        self.files.show_plan(plan)
        if plan is None:
            self._message("Choose a plan to see its final review and outcome.")
        elif plan.status is Status.DRAFT:
            self._message(
                f"“{plan.title}” is a draft. A plan's outcome is decided at its final review: once the plan is "
                "issued, this page shows the results its check-ins suggest so far, and this is where you close "
                "it with its outcome or extend it."
            )
        else:
            ui.stack.setCurrentWidget(ui.outcomePage)
            if plan.status is Status.CLOSED and plan.outcome is not None:
                self._show_closed(plan)
            else:
                self._show_running(plan)

    def _message(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.stack.setCurrentWidget(self.ui.messagePage)

    def _show_running(self, plan: Plan) -> None:
        ui = self.ui
        today = self.today()
        found = evidence(plan, self.sustained())
        ui.headingLabel.setText(f"{plan.status.label}, ends {vocabulary.long_date(plan.end_date)}: no outcome yet")
        explanation = (
            f"The results below are what the evidence suggests so far. {suggestion_rule(self.sustained())} "
            "Nothing is recorded until you close the plan with its outcome."
        )
        first_end = original_end(plan)
        if first_end is not None:
            explanation = f"Extended: the plan was to end on {vocabulary.long_date(first_end)}. {explanation}"
        ui.explanationLabel.setText(explanation)
        ui.closeButton.show()
        ui.extendButton.setText("E&xtend…")

        results = {item.objective.key: item.suggested for item in found}
        suggested = suggest_decision(results, plan.objectives)
        ui.decisionGroup.setTitle("Decision suggested so far")
        ui.decisionLabel.setText(
            vocabulary.DECISIONS[suggested]
            if suggested
            else "No suggestion yet: every objective needs a measured value with a baseline and target."
        )
        self._show_decision_details(False)
        self._fill_tables(plan, [_running_line(item) for item in found], found, "Suggested so far", "Why")
        ui.dimensionsLabel.setText(f"{BOTH_DIMENSIONS} {dimension_text(results, plan.objectives)}".strip())
        self._show_fairness(plan, today, so_far=True)
        ui.confirmationHeading.hide()
        ui.confirmationLabel.hide()

    def _show_closed(self, plan: Plan) -> None:
        ui = self.ui
        outcome = plan.outcome
        assert outcome is not None
        decision = vocabulary.DECISIONS[outcome.decision] if outcome.decision else "No decision recorded"
        ui.headingLabel.setText(f"Closed: {decision.lower() if outcome.decision else decision}")
        decided = f"Decided on {vocabulary.long_date(outcome.decided_on)}. " if outcome.decided_on else ""
        ui.explanationLabel.setText(
            f"{decided}The plan is closed and read-only; only an extension, with a reason, can reopen it."
        )
        ui.closeButton.hide()
        ui.extendButton.setText("Reopen by e&xtension…")

        ui.decisionGroup.setTitle("Outcome")
        ui.decisionLabel.setText(vocabulary.decision(outcome.decision))
        ui.followUpLabel.setText(vocabulary.FOLLOW_UPS[outcome.follow_up] if outcome.follow_up else "None recorded")
        ui.decidedOnLabel.setText(vocabulary.long_date(outcome.decided_on))
        ui.summaryLabel.setText(outcome.summary.strip() or "No summary written")
        ui.monitoringLabel.setText(outcome.monitoring.strip() or "None agreed")
        self._show_decision_details(True)

        found = evidence(plan, self.sustained())
        recorded = {r.objective: r for r in outcome.results}
        lines = []
        for item in found:
            result = recorded.get(item.objective.key)
            lines.append(_closed_line(item, result.result if result else None, result.comment if result else ""))
        self._fill_tables(plan, lines, found, "Result", "Comment")
        results = {key: r.result for key, r in recorded.items()}
        ui.dimensionsLabel.setText(f"{BOTH_DIMENSIONS} {dimension_text(results, plan.objectives)}".strip())

        self._show_fairness(plan, outcome.decided_on or plan.end_date, so_far=False)
        ui.confirmationHeading.show()
        ui.confirmationLabel.show()
        ui.confirmationLabel.setText(_confirmation_text(plan.revisions))

    def _show_decision_details(self, visible: bool) -> None:
        form = self.ui.decisionForm
        for field in (self.ui.followUpLabel, self.ui.decidedOnLabel, self.ui.summaryLabel, self.ui.monitoringLabel):
            form.setRowVisible(field, visible)

    def _fill_tables(
        self,
        plan: Plan,
        lines: Sequence[ResultLine],
        found: Sequence[ObjectiveEvidence],
        result_header: str,
        comment_header: str,
    ) -> None:
        for category, (group, table, model) in self.tables.items():
            mine = [line for line, item in zip(lines, found, strict=True) if item.objective.category == category]
            model.set_results(mine, result_header, comment_header)
            group.setVisible(bool(mine))
            _fit_height(table)

    def _show_fairness(self, plan: Plan, until: dt.date, *, so_far: bool) -> None:
        ui = self.ui
        check = fairness_check(plan, until)
        support, checkins, acknowledgement = fairness_lines(check, plan, until)
        ui.fairnessGroup.setTitle("Fairness check so far" if so_far else "Fairness check")
        ui.supportLabel.setText(support)
        ui.checkinsLabel.setText(checkins)
        ui.acknowledgementLabel.setText(acknowledgement)
        self.process_rows.show(process_lines(check))
        self.record.show_plan(plan)
        ui.gapsLabel.setText("\n".join(f"• {gap}" for gap in check.gaps) if check.gaps else NO_GAPS)

    # Commands

    def _close_with_outcome(self) -> None:
        if self.session is not None:
            close_with_outcome(self.session, self.prompter, self.today, self, sustained=self.sustained())

    def _extend(self) -> None:
        if self.session is not None:
            extend_plan(self.session, self.prompter, self.today, self)


def _confirmation_text(revisions: Sequence[Revision]) -> str:
    """The fairness confirmation kept in the plan's history when it was last closed."""
    kept = [r for r in revisions if r.field == FAIRNESS_FIELD]
    if not kept:
        return "No fairness confirmation was recorded when this plan was closed."
    last = kept[-1]
    found = last.old or NO_GAPS
    return f"{found}\nManager's comment ({vocabulary.short_date(last.at.date())}): {last.reason}"


def _fit_height(table: QTableView) -> None:
    """As tall as its rows, so the page scrolls rather than each table."""
    header = table.horizontalHeader().sizeHint().height()
    rows = sum(table.rowHeight(row) for row in range(table.model().rowCount()))
    table.setFixedHeight(header + max(rows, table.verticalHeader().defaultSectionSize()) + 2 * table.frameWidth())
