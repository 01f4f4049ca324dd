"""Closes a running plan with its outcome: results confirmed or overridden, decision, follow-up, fairness.

The suggestions come from the domain (``suggest_result``, ``suggest_decision``); the manager
decides. A result other than the suggested one needs a comment. Gaps the fairness check finds do
not block closing, but the manager confirms them with a comment, which is kept in the plan's
history (the plan format has no field for it) next to the status change, in one undoable step.
An extension keeps the plan open, so "extend" is not a way to close: the dialog offers Extend instead.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from pipdesk.domain import (
    Acknowledgement,
    Decision,
    FollowUp,
    Objective,
    ObjectiveCategory,
    ObjectiveResult,
    Outcome,
    Plan,
    Result,
    Revision,
    Status,
    vocabulary,
)
from pipdesk.domain.outcome import FairnessCheck, dimension_decisions, fairness_check, suggest_decision, suggest_result
from pipdesk.domain.progress import Point, series, share_of_the_way
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.prompts import Prompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_close_plan_dialog import Ui_ClosePlanDialog

RESULT_LABELS = vocabulary.RESULTS
DECISION_LABELS = vocabulary.DECISIONS
FOLLOW_UP_LABELS = vocabulary.FOLLOW_UPS
#: The follow-up that goes without saying for a decision; a partial result needs the manager's choice.
_USUAL_FOLLOW_UP = {Decision.SUCCESSFUL: FollowUp.RETURN_TO_NORMAL, Decision.INSUFFICIENT: FollowUp.FURTHER_ACTION}
DIMENSIONS: tuple[tuple[ObjectiveCategory | None, str], ...] = (
    (ObjectiveCategory.TECHNICAL, "Technical"),
    (ObjectiveCategory.BEHAVIORAL, "Behavioral"),
    (None, "Without a kind"),
)
BOTH_DIMENSIONS = (
    "Both dimensions must hold for a full success: the plan is successful only when the technical "
    "and the behavioral objectives are all met."
)
FAIRNESS_FIELD = "fairness_check"
_TITLE_WIDTH = 240
NO_GAPS = "No gaps found."


# What the evidence says, shared with the Outcome view


@dataclass(frozen=True)
class ObjectiveEvidence:
    """An objective, its last measured value and the result that value suggests."""

    objective: Objective
    last: Point | None
    suggested: Result | None

    @property
    def baseline(self) -> str:
        return vocabulary.quantity(self.objective.baseline, self.objective.unit)

    @property
    def target(self) -> str:
        return vocabulary.quantity(self.objective.target, self.objective.unit)

    @property
    def last_measured(self) -> str:
        if self.last is None:
            return "Not measured"
        return f"{vocabulary.quantity(self.last[1], self.objective.unit)} on {vocabulary.short_date(self.last[0])}"

    @property
    def why(self) -> str:
        """Why the evidence suggests what it does, in a few words."""
        if self.last is None:
            return "No value measured yet"
        if self.suggested is Result.MET:
            return "The target was reached"
        share = share_of_the_way(self.objective, self.last[1])
        if share is None:
            return "No baseline and target to judge against"
        return f"{round(share * 100)}% of the way from the baseline to the target"


def evidence(plan: Plan) -> list[ObjectiveEvidence]:
    """Every objective of the plan with its last measured value and suggested result, in plan order."""
    found = []
    for objective in plan.objectives:
        points = series(plan, objective.key)
        found.append(ObjectiveEvidence(objective, points[-1] if points else None, suggest_result(objective, points)))
    return found


def dimension_text(results: dict[str, Result | None], objectives: Sequence[Objective]) -> str:
    """``Technical: successful. Behavioral: partially successful.``; empty until every result is known."""
    by_dimension = dimension_decisions(results, objectives)
    if by_dimension is None:
        return ""
    parts = [
        f"{name}: {DECISION_LABELS[by_dimension[category]].lower()}."
        for category, name in DIMENSIONS
        if category in by_dimension
    ]
    return " ".join(parts)


def acknowledgement_text(ack: Acknowledgement | None) -> str:
    if ack is None:
        return "Not recorded."
    if ack.refused:
        witness = ack.witness.strip() if ack.witness and ack.witness.strip() else "no witness recorded"
        return f"Declined to sign on {vocabulary.short_date(ack.on)} (witness: {witness})."
    return f"Signed for receipt on {vocabulary.short_date(ack.on)}."


def fairness_lines(check: FairnessCheck, plan: Plan, until: dt.date) -> tuple[str, str, str]:
    """Support, check-ins and acknowledgement, one line each, as the manager reads them."""
    support = f"{check.support_delivered} of {check.support_promised} support actions delivered."
    if check.undelivered_support:
        support += " Not delivered: " + "; ".join(check.undelivered_support) + "."
    checkins = (
        f"{check.checkins_held} of {check.checkins_scheduled} scheduled check-ins held "
        f"up to {vocabulary.short_date(min(until, plan.end_date))}."
    )
    return support, checkins, acknowledgement_text(plan.acknowledgement)


def gaps_text(check: FairnessCheck) -> str:
    return " ".join(check.gaps) if check.gaps else NO_GAPS


def outcome_line(outcome: Outcome) -> str:
    """The whole outcome on one line, for the revision that keeps it when a closed plan is reopened."""
    parts = [
        DECISION_LABELS[outcome.decision] if outcome.decision else "No decision",
        f"decided on {outcome.decided_on.isoformat()}" if outcome.decided_on else "no decision date",
        f"follow-up: {FOLLOW_UP_LABELS[outcome.follow_up].lower()}" if outcome.follow_up else "no follow-up",
    ]
    if outcome.results:
        results = ", ".join(
            f"{r.objective} {RESULT_LABELS[r.result].lower() if r.result else 'not assessed'}" for r in outcome.results
        )
        parts.append(f"results: {results}")
    if outcome.summary.strip():
        parts.append(f"summary: {' '.join(outcome.summary.split())}")
    return "; ".join(parts)


def default_decided_on(plan: Plan, today: dt.date) -> dt.date:
    return min(max(today, plan.start_date), plan.end_date)


def now() -> dt.datetime:
    """The moment a revision is recorded (a timestamp in the plan's history, not "today")."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


# The dialog


@dataclass
class ResultRow:
    """One objective's line in the dialog: the evidence, the manager's result and comment."""

    evidence: ObjectiveEvidence
    combo: QComboBox
    comment: QLineEdit

    @property
    def result(self) -> Result | None:
        value = self.combo.currentData()
        return Result(value) if value else None

    @property
    def overridden(self) -> bool:
        return self.result is not None and self.result is not self.evidence.suggested

    def problem(self) -> str | None:
        title = self.evidence.objective.title
        result = self.result
        if result is None:
            return f"Choose a result for “{title}”."
        if not self.overridden or self.comment.text().strip():
            return None
        suggested = self.evidence.suggested
        if suggested is None:
            return f"“{title}” has no measured value: say in its comment what the result is based on."
        return (
            f"“{title}” is {RESULT_LABELS[result].lower()} where the evidence suggests "
            f"{RESULT_LABELS[suggested].lower()}: say why in its comment."
        )


class ClosePlanDialog(QDialog):
    """Shows the evidence and suggestions; :meth:`outcome` is what the manager decided."""

    def __init__(self, plan: Plan, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ClosePlanDialog()
        self.ui.setupUi(self)
        self.plan = plan
        self.today = today
        self.fairness = fairness_check(plan, today)
        self.extend_instead = False
        self._decision_chosen = False
        self._follow_up_chosen = False
        ui = self.ui
        self.close_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.close_button.setText("Close plan")
        ui.introLabel.setText(
            f"The final review of “{plan.title}” for {plan.employee.name} "
            f"({vocabulary.period(plan.start_date, plan.end_date)}). Closing records the outcome and makes "
            "the plan read-only; only an extension, with a reason, can reopen it."
        )
        self.rows: dict[str, ResultRow] = {}
        self._build_rows()
        ui.dimensionsLabel.setText(BOTH_DIMENSIONS)

        ui.decisionCombo.setPlaceholderText("Choose a decision")
        for decision, text in DECISION_LABELS.items():
            ui.decisionCombo.addItem(text, decision.value)
        ui.followUpCombo.setPlaceholderText("Choose a follow-up")
        for follow_up, text in FOLLOW_UP_LABELS.items():
            ui.followUpCombo.addItem(text, follow_up.value)
        ui.decisionCombo.setCurrentIndex(-1)
        ui.followUpCombo.setCurrentIndex(-1)
        ui.decisionCombo.activated.connect(self._decision_picked)
        ui.followUpCombo.activated.connect(self._follow_up_picked)
        ui.followUpCombo.currentIndexChanged.connect(self._show_extend_note)
        ui.extendInsteadButton.clicked.connect(self._extend_instead)

        day = default_decided_on(plan, today)
        ui.decidedOnEdit.setMinimumDate(QDate(plan.start_date.year, plan.start_date.month, plan.start_date.day))
        ui.decidedOnEdit.setDate(QDate(day.year, day.month, day.day))
        for edit in (ui.summaryEdit, ui.monitoringEdit):
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
        ui.fairnessCommentEdit.setFixedHeight(ui.fairnessCommentEdit.fontMetrics().lineSpacing() * 3 + 14)
        self._show_fairness()

        for label in (ui.errorLabel, ui.gapsLabel):
            show_as_error(label)
        ui.errorLabel.hide()
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._results_changed()
        self._show_extend_note()
        self.resize(1000, 760)

    # Building

    def _build_rows(self) -> None:
        ui = self.ui
        groups: dict[ObjectiveCategory | None, tuple[QGroupBox, QGridLayout]] = {
            ObjectiveCategory.TECHNICAL: (ui.technicalGroup, ui.technicalGrid),
            ObjectiveCategory.BEHAVIORAL: (ui.behavioralGroup, ui.behavioralGrid),
            None: (ui.otherGroup, ui.otherGrid),
        }
        found = evidence(self.plan)
        focus_chain: list[QWidget] = []
        for category, (group, grid) in groups.items():
            mine = [e for e in found if e.objective.category == category]
            group.setVisible(bool(mine))
            if not mine:
                continue
            for column, heading in enumerate(
                ("Objective", "Baseline", "Target", "Last measured", "Suggested", "Result", "Comment")
            ):
                label = QLabel(heading, group)
                font = QFont(label.font())
                font.setBold(True)
                label.setFont(font)
                grid.addWidget(label, 0, column)
            for row, item in enumerate(mine, start=1):
                focus_chain += self._add_row(group, grid, row, item)
            grid.setColumnStretch(6, 1)
        self._align_columns([grid for group, grid in groups.values() if group.isVisibleTo(self)])
        if not found:
            ui.resultsHint.setText("The plan has no objectives to assess.")
        chain = [*focus_chain, ui.decisionCombo]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _align_columns(self, grids: list[QGridLayout]) -> None:
        """The same column widths in every dimension's table, so the two read as one."""
        for column in range(6):
            width = max(
                (
                    item.sizeHint().width()
                    for grid in grids
                    for row in range(grid.rowCount())
                    if (item := grid.itemAtPosition(row, column)) is not None
                ),
                default=0,
            )
            for grid in grids:
                grid.setColumnMinimumWidth(column, width)

    def _add_row(self, group: QGroupBox, grid: QGridLayout, row: int, item: ObjectiveEvidence) -> list[QWidget]:
        key = item.objective.key
        title = QLabel(item.objective.title, group)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        title.setFixedWidth(_TITLE_WIDTH)
        cells = [title]
        for text in (item.baseline, item.target, item.last_measured):
            cell = QLabel(text, group)
            cell.setTextFormat(Qt.TextFormat.PlainText)
            cells.append(cell)
        suggested = QLabel(RESULT_LABELS[item.suggested] if item.suggested else "No suggestion", group)
        suggested.setToolTip(item.why)
        cells.append(suggested)
        for column, cell in enumerate(cells):
            grid.addWidget(cell, row, column)

        combo = QComboBox(group)
        combo.setObjectName(f"result_{key}")
        combo.setAccessibleName(f"Result of {item.objective.title}")
        combo.setPlaceholderText("Choose a result")
        for result, text in RESULT_LABELS.items():
            combo.addItem(text, result.value)
        combo.setCurrentIndex(combo.findData(item.suggested.value) if item.suggested else -1)
        comment = QLineEdit(group)
        comment.setObjectName(f"comment_{key}")
        comment.setAccessibleName(f"Comment on the result of {item.objective.title}")
        comment.setMinimumWidth(200)
        grid.addWidget(combo, row, 5)
        grid.addWidget(comment, row, 6)
        self.rows[key] = ResultRow(item, combo, comment)
        combo.currentIndexChanged.connect(lambda _i: self._results_changed())
        return [combo, comment]

    def _show_fairness(self) -> None:
        ui = self.ui
        check = self.fairness
        support, checkins, acknowledgement = fairness_lines(check, self.plan, self.today)
        ui.supportLabel.setText(support)
        ui.checkinsLabel.setText(checkins)
        ui.acknowledgementLabel.setText(acknowledgement)
        if check.has_gaps:
            ui.gapsLabel.setText("Gaps found:\n" + "\n".join(f"• {gap}" for gap in check.gaps))
        else:
            ui.gapsLabel.setText(
                "No gaps found: the support promised was delivered, the scheduled check-ins were held "
                "and the acknowledgement is recorded."
            )
            palette = ui.gapsLabel.palette()
            palette.setColor(QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.WindowText))
            ui.gapsLabel.setPalette(palette)
        ui.fairnessCommentLabel.setVisible(check.has_gaps)
        ui.fairnessCommentEdit.setVisible(check.has_gaps)

    # Reacting to choices

    def _results_changed(self) -> None:
        ui = self.ui
        results = self.results()
        for row in self.rows.values():
            row.comment.setPlaceholderText(
                "Required: why this result?" if row.overridden else "Optional comment on the result"
            )
        dimensions = dimension_text(results, self.plan.objectives)
        ui.dimensionsLabel.setText(f"{BOTH_DIMENSIONS} {dimensions}".strip())
        suggested = suggest_decision(results, self.plan.objectives)
        if suggested is None:
            ui.suggestedDecisionLabel.setText("No suggestion until every objective has a result.")
        else:
            ui.suggestedDecisionLabel.setText(f"Suggested by the results: {DECISION_LABELS[suggested].lower()}.")
        if not self._decision_chosen:
            ui.decisionCombo.setCurrentIndex(ui.decisionCombo.findData(suggested.value) if suggested else -1)
            self._follow_decision()

    def _decision_picked(self, _index: int) -> None:
        self._decision_chosen = True
        self._follow_decision()

    def _follow_up_picked(self, _index: int) -> None:
        self._follow_up_chosen = True

    def _follow_decision(self) -> None:
        if self._follow_up_chosen:
            return
        decision = self.decision()
        usual = _USUAL_FOLLOW_UP.get(decision) if decision else None
        combo = self.ui.followUpCombo
        combo.setCurrentIndex(combo.findData(usual.value) if usual else -1)

    def _show_extend_note(self) -> None:
        extend = self.follow_up() is FollowUp.EXTEND
        self.ui.decisionForm.setRowVisible(self.ui.extendNoteLabel, extend)
        self.ui.decisionForm.setRowVisible(self.ui.extendInsteadButton, extend)

    def _extend_instead(self) -> None:
        self.extend_instead = True
        self.reject()

    # What was decided

    def results(self) -> dict[str, Result | None]:
        return {key: row.result for key, row in self.rows.items()}

    def decision(self) -> Decision | None:
        value = self.ui.decisionCombo.currentData()
        return Decision(value) if value else None

    def follow_up(self) -> FollowUp | None:
        value = self.ui.followUpCombo.currentData()
        return FollowUp(value) if value else None

    def decided_on(self) -> dt.date:
        day = self.ui.decidedOnEdit.date()
        return dt.date(day.year(), day.month(), day.day())

    def fairness_comment(self) -> str:
        return self.ui.fairnessCommentEdit.toPlainText().strip()

    def outcome(self) -> Outcome:
        return Outcome(
            decision=self.decision(),
            decided_on=self.decided_on(),
            follow_up=self.follow_up(),
            summary=self.ui.summaryEdit.toPlainText().strip(),
            monitoring=self.ui.monitoringEdit.toPlainText().strip(),
            results=[
                ObjectiveResult(objective=o.key, result=row.result, comment=row.comment.text().strip())
                for o in self.plan.objectives
                if (row := self.rows.get(o.key)) is not None
            ],
        )

    def problems(self) -> list[str]:
        """What stops the plan closing, in the manager's words; empty when it can close."""
        found = [problem for row in self.rows.values() if (problem := row.problem()) is not None]
        follow_up = self.follow_up()
        if self.decision() is None:
            found.append("Choose a decision.")
        if follow_up is None:
            found.append("Choose a follow-up.")
        elif follow_up is FollowUp.EXTEND:
            found.append(
                "An extension keeps the plan open, so it cannot be how the plan closes: "
                "choose Extend instead… to set the new end date, or choose another follow-up."
            )
        if not self.ui.summaryEdit.toPlainText().strip():
            found.append("Write a summary of the outcome.")
        if self.fairness.has_gaps and not self.fairness_comment():
            found.append("The fairness check found gaps: confirm them with a comment before closing.")
        return found

    def accept(self) -> None:
        problems = self.problems()
        self.ui.errorLabel.setText("\n".join(problems))
        self.ui.errorLabel.setVisible(bool(problems))
        if not problems:
            super().accept()


# Applying it


def close_with_outcome(
    session: PlanSession, prompter: Prompter, today: Callable[[], dt.date], parent: QWidget | None = None
) -> bool:
    """Ask for the outcome of the session's plan and close it; true when the plan changed.

    Choosing "Extend instead…" in the dialog goes on to :func:`extend_plan`.
    """
    plan = session.plan
    if plan.status is Status.DRAFT:
        prompter.warning("Close with outcome", "A draft has not started: issue the plan before closing it.")
        return False
    if plan.status is Status.CLOSED:
        prompter.warning("Close with outcome", "The plan is already closed. To reopen it, extend it.")
        return False
    dialog = ClosePlanDialog(plan, today(), parent)
    try:
        if not prompter.run_dialog(dialog):
            if dialog.extend_instead:
                from pipdesk.gui.outcome.extend_dialog import extend_plan

                return extend_plan(session, prompter, today, parent)
            return False
        if dialog.problems():
            return False
        return apply_outcome(session, prompter, dialog.outcome(), dialog.fairness, dialog.fairness_comment())
    finally:
        dialog.deleteLater()


def apply_outcome(
    session: PlanSession, prompter: Prompter, outcome: Outcome, check: FairnessCheck, comment: str
) -> bool:
    """Close the plan with ``outcome`` in one undoable step, keeping the fairness confirmation."""
    decision = DECISION_LABELS[outcome.decision].lower() if outcome.decision else "no decision"
    reason = comment or "Checked when closing the plan: nothing to confirm."
    before = session.plan.status

    def close(plan: Plan) -> None:
        at = now()
        plan.outcome = outcome
        plan.status = Status.CLOSED
        plan.revisions.append(Revision(at=at, field=FAIRNESS_FIELD, old=gaps_text(check), new=None, reason=reason))
        plan.revisions.append(
            Revision(
                at=at,
                field="status",
                old=before.value,
                new=Status.CLOSED.value,
                reason=f"Closed with outcome: {decision}",
            )
        )

    problems = session.change("Close with outcome", close)
    if problems:
        lines = "\n".join(f"• {p.message}" for p in problems)
        prompter.warning("Close with outcome", f"The plan cannot be closed until these are put right:\n{lines}")
        return False
    return True
