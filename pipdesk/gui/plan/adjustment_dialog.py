"""Records one reasonable adjustment: what was asked for, by whom and when, what was decided and why,
when it was put in place and when it is to be reviewed.

Fields that do not apply to the decision are disabled and left out of what is recorded: nothing is
put in place or reviewed for a refused adjustment, and nothing is offered instead of one agreed as
requested. A refusal is not accepted without its reason.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from pipdesk.domain import Adjustment, AdjustmentDecision, Plan, vocabulary
from pipdesk.domain.rules import plan_problems
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import date_of, set_date
from pipdesk.gui.common.dialogs import accept_if_sound, date_field, finish_form_dialog, form_rows, text_field
from pipdesk.gui.common.words import show_line

#: Said under the decision while "Refused" is chosen, before the manager tries to record it.
REFUSAL_NEEDS_REASON = "A refusal needs its reason: HR and the employee will read why it was refused."
_DECIDED = (AdjustmentDecision.AGREED, AdjustmentDecision.ALTERNATIVE)


class AdjustmentDialog(QDialog):
    """Asks for every field of an :class:`Adjustment`; ``adjustment`` is the one edited, if any."""

    def __init__(
        self, plan: Plan, row: int, today: dt.date, adjustment: Adjustment | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.row = row  # where the adjustment is (or goes) in the plan's list, for the plan's rules
        self.setWindowTitle("Edit adjustment" if adjustment else "Add adjustment")
        self.requested_edit = text_field(self, "What was requested", 3)
        self.requested_by_edit = QLineEdit(self)
        self.requested_by_edit.setAccessibleName("Requested by")
        self.requested_by_edit.setPlaceholderText(f"For example {plan.employee.name}, or their doctor")
        self.decision_combo = QComboBox(self)
        self.decision_combo.setAccessibleName("Decision")
        self.decision_combo.addItem(vocabulary.adjustment_decision(None), None)
        for decision, label in vocabulary.ADJUSTMENT_DECISIONS.items():
            self.decision_combo.addItem(label, decision)
        self.refusal_note = QLabel(REFUSAL_NEEDS_REASON, self)
        self.refusal_note.setWordWrap(True)
        show_as_error(self.refusal_note)
        self.offered_edit = text_field(self, "What was offered instead", 2)
        self.reason_edit = text_field(self, "Reason for the decision", 2)
        self.dates = {
            field: date_field(self, name, None, today)
            for field, name in (
                ("requested_on", "Requested on"),
                ("decided_on", "Decided on"),
                ("in_place_on", "Put in place on"),
                ("review_on", "Review on"),
            )
        }
        self.form = form_rows(
            self,
            [
                ("What was &requested", self.requested_edit),
                ("Requested &by", self.requested_by_edit),
                ("Requested o&n", self.dates["requested_on"]),
                ("&Decision", self.decision_combo),
                ("What was &offered instead", self.offered_edit),
                ("Rea&son", self.reason_edit),
                ("De&cided on", self.dates["decided_on"]),
                ("Put in &place on", self.dates["in_place_on"]),
                ("Re&view on", self.dates["review_on"]),
            ],
        )
        self.form.insertRow(4, "", self.refusal_note)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        fields = [self.requested_edit, self.requested_by_edit, self.dates["requested_on"], self.decision_combo]
        fields += [
            self.offered_edit,
            self.reason_edit,
            *(self.dates[f] for f in ("decided_on", "in_place_on", "review_on")),
        ]
        for before, after in itertools.pairwise(fields):  # Tab in reading order
            QWidget.setTabOrder(before, after)
        self.setMinimumWidth(520)
        if adjustment is not None:
            self._show(adjustment)
        self.decision_combo.currentIndexChanged.connect(lambda _i: self._update())
        self._update()
        self.error_label = finish_form_dialog(self, self.form, "Record adjustment", self._accept)

    def _show(self, adjustment: Adjustment) -> None:
        self.requested_edit.setPlainText(adjustment.requested)
        show_line(self.requested_by_edit, adjustment.requested_by)
        self.decision_combo.setCurrentIndex(max(self.decision_combo.findData(adjustment.decision), 0))
        self.offered_edit.setPlainText(adjustment.offered)
        self.reason_edit.setPlainText(adjustment.reason)
        for field, edit in self.dates.items():
            set_date(edit, getattr(adjustment, field))

    def decision(self) -> AdjustmentDecision | None:
        value = self.decision_combo.currentData()
        return AdjustmentDecision(value) if value is not None else None

    def _update(self) -> None:
        """Enable what applies to the decision chosen."""
        decision = self.decision()
        self.refusal_note.setVisible(decision is AdjustmentDecision.REFUSED)
        applies = {
            self.offered_edit: decision is AdjustmentDecision.ALTERNATIVE,
            self.reason_edit: decision is not None,
            self.dates["decided_on"]: decision is not None,
            self.dates["in_place_on"]: decision in _DECIDED,
            self.dates["review_on"]: decision in _DECIDED,
        }
        for widget, enabled in applies.items():
            widget.setEnabled(enabled)
            if (label := self.form.labelForField(widget)) is not None:
                label.setEnabled(enabled)

    def adjustment(self) -> Adjustment:
        """The adjustment as filled in; fields that do not apply to the decision are left empty."""

        def day(field: str) -> dt.date | None:
            edit = self.dates[field]
            return date_of(edit) if edit.isEnabled() else None

        def text(edit: QPlainTextEdit) -> str:
            return edit.toPlainText().strip() if edit.isEnabled() else ""

        return Adjustment(
            requested=self.requested_edit.toPlainText().strip(),
            requested_by=self.requested_by_edit.text().strip(),
            requested_on=day("requested_on"),
            decision=self.decision(),
            offered=text(self.offered_edit),
            reason=text(self.reason_edit),
            decided_on=day("decided_on"),
            in_place_on=day("in_place_on"),
            review_on=day("review_on"),
        )

    def problems(self) -> list[str]:
        """What stops the adjustment being recorded, in the plan's own rules."""
        adjustment = self.adjustment()
        if not adjustment.requested:
            return ["Say what was requested."]
        plan = self.plan.model_copy(deep=True)
        plan.adjustments[self.row : self.row + 1] = [adjustment]
        here = ("plan", "adjustments", self.row)
        return [p.message for p in plan_problems(plan) if tuple(p.path[:3]) == here]

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.error_label)
