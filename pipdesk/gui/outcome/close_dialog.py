"""Asks for a running plan's outcome: results confirmed or overridden, decision, follow-up, fairness.

The suggestions come from the domain (``suggest_result``, ``suggest_decision``); the manager
decides; a result is "met" only when the target was reached at the last N measured check-ins (N from
Preferences), and the dialog says so. A result other than the suggested one needs a comment. The
fairness check shows the fair-process record too (HR review, adjustments, pauses, companions,
responses); gaps it finds do not block closing, but the manager confirms them with a comment. An
extension keeps the plan open, so "extend" is not a way to close: the dialog offers Extend instead.
:mod:`.commands` closes the plan.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
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

from pipdesk.domain import Decision, FollowUp, ObjectiveCategory, ObjectiveResult, Outcome, Plan, Result, vocabulary
from pipdesk.domain.outcome import (
    BOTH_DIMENSIONS,
    DEFAULT_SUSTAINED,
    ObjectiveEvidence,
    default_decided_on,
    dimension_text,
    evidence,
    fairness_check,
    fairness_lines,
    process_lines,
    suggest_decision,
    suggestion_rule,
)
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.dialogs import accept_if_sound
from pipdesk.gui.common.help_link import open_guide
from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.gui.forms.ui_close_plan_dialog import Ui_ClosePlanDialog
from pipdesk.gui.outcome.fair_process_rows import ProcessRows

#: The follow-up that goes without saying for a decision; a partial result needs the manager's choice.
_USUAL_FOLLOW_UP = {Decision.SUCCESSFUL: FollowUp.RETURN_TO_NORMAL, Decision.INSUFFICIENT: FollowUp.FURTHER_ACTION}
_TITLE_WIDTH = 170  # the title wraps: the table fits a 911-pixel screen without scrolling sideways


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
            f"“{title}” is {vocabulary.RESULTS[result].lower()} where the evidence suggests "
            f"{vocabulary.RESULTS[suggested].lower()}: say why in its comment."
        )


class ClosePlanDialog(QDialog):
    """Shows the evidence and suggestions; :meth:`outcome` is what the manager decided."""

    def __init__(
        self, plan: Plan, today: dt.date, parent: QWidget | None = None, *, sustained: int = DEFAULT_SUSTAINED
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ClosePlanDialog()
        self.ui.setupUi(self)
        self.plan = plan
        self.today = today
        self.sustained = sustained
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
        for decision, text in vocabulary.DECISIONS.items():
            ui.decisionCombo.addItem(text, decision.value)
        ui.followUpCombo.setPlaceholderText("Choose a follow-up")
        for follow_up, text in vocabulary.FOLLOW_UPS.items():
            ui.followUpCombo.addItem(text, follow_up.value)
        ui.decisionCombo.setCurrentIndex(-1)
        ui.followUpCombo.setCurrentIndex(-1)
        ui.decisionCombo.activated.connect(self._decision_picked)
        ui.followUpCombo.activated.connect(self._follow_up_picked)
        ui.followUpCombo.currentIndexChanged.connect(self._show_extend_note)
        ui.extendInsteadButton.clicked.connect(self._extend_instead)

        day = default_decided_on(plan, today)
        prepare_date_edit(ui.decidedOnEdit, lambda: today).setMinimumDate(qdate(plan.start_date))
        ui.decidedOnEdit.setDate(qdate(day))
        for edit in (ui.summaryEdit, ui.monitoringEdit):
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
        ui.fairnessCommentEdit.setFixedHeight(ui.fairnessCommentEdit.fontMetrics().lineSpacing() * 3 + 14)
        self._show_fairness()

        for label in (ui.errorLabel, ui.gapsLabel):
            show_as_error(label)
        ui.errorLabel.hide()
        ui.buttonBox.addButton(QDialogButtonBox.StandardButton.Help)
        ui.buttonBox.helpRequested.connect(lambda: open_guide("closing-or-extending"))  # the user guide's chapter
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._results_changed()
        self._show_extend_note()
        fit_to_screen(self, QSize(1000, 760))

    # Building

    def _build_rows(self) -> None:
        ui = self.ui
        groups: dict[ObjectiveCategory | None, tuple[QGroupBox, QGridLayout]] = {
            ObjectiveCategory.TECHNICAL: (ui.technicalGroup, ui.technicalGrid),
            ObjectiveCategory.BEHAVIORAL: (ui.behavioralGroup, ui.behavioralGrid),
            None: (ui.otherGroup, ui.otherGrid),
        }
        found = evidence(self.plan, self.sustained)
        ui.resultsHint.setText(
            f"{suggestion_rule(self.sustained)} Confirm it or choose another; a result other than the "
            "suggested one needs a comment."
        )
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
        chain = [ui.scrollArea, *focus_chain, ui.decisionCombo, ui.followUpCombo]  # as they read, top to bottom
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
        # How old the last measurement is: a decision on values of weeks ago should be a conscious one.
        # On a line of its own, so the table still fits a 911-pixel screen without scrolling sideways.
        measured = (
            f"{item.last_measured}\n{vocabulary.ago(item.last[0], self.today)}" if item.last else item.last_measured
        )
        for text in (item.baseline, item.target, measured):
            cell = QLabel(text, group)
            cell.setTextFormat(Qt.TextFormat.PlainText)
            cells.append(cell)
        suggestion = vocabulary.RESULTS[item.suggested] if item.suggested else "No suggestion"
        suggested = QLabel(f"{suggestion}\n(met once, not yet sustained)" if item.met_once else suggestion, group)
        suggested.setToolTip(item.why)
        cells.append(suggested)
        for column, cell in enumerate(cells):
            grid.addWidget(cell, row, column)

        combo = QComboBox(group)
        combo.setObjectName(f"result_{key}")
        combo.setAccessibleName(f"Result of {item.objective.title}")
        combo.setPlaceholderText("Choose a result")
        for result, text in vocabulary.RESULTS.items():
            combo.addItem(text, result.value)
        combo.setCurrentIndex(combo.findData(item.suggested.value) if item.suggested else -1)
        comment = QLineEdit(group)
        comment.setObjectName(f"comment_{key}")
        comment.setAccessibleName(f"Comment on the result of {item.objective.title}")
        comment.setMinimumWidth(120)
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
        ProcessRows(ui.fairnessForm, ui.fairnessForm.rowCount(), self).show(process_lines(check))
        if check.has_gaps:
            ui.gapsLabel.setText("Gaps found:\n" + "\n".join(f"• {gap}" for gap in check.gaps))
        else:
            ui.gapsLabel.setText(
                "No gaps found: the support promised was delivered, the scheduled check-ins were held, "
                "the acknowledgement and the HR review are recorded and the right to be accompanied was "
                "offered at every formal meeting."
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
            ui.suggestedDecisionLabel.setText(f"Suggested by the results: {vocabulary.DECISIONS[suggested].lower()}.")
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
        return pydate(self.ui.decidedOnEdit.date())

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
        accept_if_sound(super(), self.problems(), self.ui.errorLabel)
