"""The plan's reasonable adjustments in the Plan view: a list with Add, Edit and Remove, each through
:class:`AdjustmentDialog`, and the commands that make the change.

On an issued plan each change keeps a revision with its reason (one question, asked after the
dialog); adding an adjustment while the plan runs is the usual case, so nothing more is asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from pipdesk.domain import Adjustment, Plan, Problem, vocabulary
from pipdesk.domain.fair_process import adjustments_line
from pipdesk.gui.common.dialogs import answer_of
from pipdesk.gui.common.list_editor import Column, ListEditor, ListTableModel
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.reason import change_with_reason
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.plan.adjustment_dialog import AdjustmentDialog
from pipdesk.gui.plan.part_context import PartContext

#: The revision field of a change to the adjustments.
ADJUSTMENTS_FIELD = "adjustments"


def adjustment_text(adjustment: Adjustment) -> str:
    """One adjustment in a line, as a revision keeps it: ``Screen reader (Agreed as requested, in place on …)``."""
    parts = [vocabulary.adjustment_decision(adjustment.decision)]
    if adjustment.in_place_on is not None:
        parts.append(f"in place on {vocabulary.short_date(adjustment.in_place_on)}")
    if adjustment.review_on is not None:
        parts.append(f"review on {vocabulary.short_date(adjustment.review_on)}")
    return f"{' '.join(adjustment.requested.split())} ({', '.join(parts)})"


def _ask(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, today: dt.date, row: int
) -> Adjustment | None:
    adjustments = session.plan.adjustments
    shown = adjustments[row] if row < len(adjustments) else None
    dialog = AdjustmentDialog(session.plan, row, today, shown, parent)
    return answer_of(prompter, dialog, dialog.problems, dialog.adjustment)


def _change(
    session: PlanSession,
    prompter: Prompts,
    parent: QWidget | None,
    text: str,
    edit: Callable[[list[Adjustment]], object],
    old: Adjustment | None,
    new: Adjustment | None,
) -> list[Problem] | None:
    before, after = (adjustment_text(a) if a is not None else None for a in (old, new))
    change = f"{text}: {after or before}" if old is None or new is None else f"{text}: {before} → {after}"

    def apply(plan: Plan) -> None:
        edit(plan.adjustments)

    return change_with_reason(
        session,
        prompter,
        parent,
        text,
        apply,
        field=ADJUSTMENTS_FIELD,
        old=before,
        new=after,
        change=change,
    )


def add_adjustment(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, today: dt.date
) -> list[Problem] | None:
    """Ask for a new adjustment and add it; None when the person cancelled."""
    added = _ask(session, prompter, parent, today, len(session.plan.adjustments))
    if added is None:
        return None
    return _change(session, prompter, parent, "Add adjustment", lambda items: items.append(added), None, added)


def edit_adjustment(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, today: dt.date, row: int
) -> list[Problem] | None:
    """Edit the adjustment at ``row`` in the dialog; ``[]`` when nothing changed, None when cancelled."""
    before = session.plan.adjustments[row]
    after = _ask(session, prompter, parent, today, row)
    if after is None:
        return None
    if after == before:
        return []

    def replace(items: list[Adjustment]) -> None:
        items[row] = after

    return _change(session, prompter, parent, "Edit adjustment", replace, before, after)


def remove_adjustment(
    session: PlanSession, prompter: Prompts, parent: QWidget | None, row: int
) -> list[Problem] | None:
    """Remove the adjustment at ``row`` (undoable; on an issued plan, with a reason)."""
    before = session.plan.adjustments[row]
    return _change(session, prompter, parent, "Remove adjustment", lambda items: items.pop(row), before, None)


_COLUMNS = [
    Column("What was requested", "requested", width=260, editable=False),
    Column(
        "Decision",
        "decision",
        "choice",
        lambda: [
            (vocabulary.adjustment_decision(None), None),
            *((v, k) for k, v in vocabulary.ADJUSTMENT_DECISIONS.items()),
        ],
        width=150,
        editable=False,
    ),
    Column("In place on", "in_place_on", "optional_date", width=100, editable=False),
    Column("Review on", "review_on", "optional_date", width=100, editable=False),
]


class AdjustmentsSection(QGroupBox):
    """The plan's adjustments: a table, and Add, Edit and Remove (Enter or a double-click edits)."""

    def __init__(self, context: PartContext, parent: QWidget | None = None) -> None:
        super().__init__("Reasonable adjustments", parent)
        self.setObjectName("adjustmentsGroup")
        self.prompter, self.session, self.today = context.prompter, context.session, context.today
        self.list = ListEditor(self)
        self.list.setAccessibleName("Adjustments")
        self.model = ListTableModel(_COLUMNS)
        self.list.set_model(self.model, "adjustment")
        self.list.add_button.setText("Add adjustment…")
        self.list.up_button.hide()
        self.list.down_button.hide()
        self.edit_button = QPushButton("Edit adjustment…", self)
        self.edit_button.setAccessibleName("Edit adjustment")
        column = self.list.layout()
        item = column.itemAt(1) if column is not None else None  # the list's row of buttons, under its table
        buttons = item.layout() if item is not None else None
        if isinstance(buttons, QHBoxLayout):
            buttons.insertWidget(1, self.edit_button)
        self.list.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.table.horizontalHeader().setStretchLastSection(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.add_requested.connect(self._add)
        self.edit_button.clicked.connect(lambda: self._edit(self.list.current_row()))
        self.list.table.activated.connect(lambda index: self._edit(index.row()))
        self.list.remove_requested.connect(self._remove)
        self.list.current_row_changed.connect(lambda _row: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def show_plan(self, plan: Plan) -> None:
        self.model.set_items(plan.adjustments)
        self.summary.setText(_summary(plan))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.list.update_buttons()
        self.edit_button.setEnabled(not self.model.read_only and self.list.current_row() >= 0)

    def _run(self, change: Callable[[PlanSession], list[Problem] | None], select: Callable[[], int]) -> None:
        session = self.session()
        if session is None:
            return
        problems = change(session)
        if problems:
            self.prompter.warning("The adjustment was not recorded", "\n".join(p.message for p in problems))
        elif problems is not None:
            self.list.select_row(select())
            self.list.table.setFocus()

    def _add(self) -> None:
        self._run(lambda s: add_adjustment(s, self.prompter, self, self.today()), lambda: self.model.rowCount() - 1)

    def _edit(self, row: int) -> None:
        session = self.session()
        if row >= 0 and session is not None and not session.closed:
            self._run(lambda s: edit_adjustment(s, self.prompter, self, self.today(), row), lambda: row)

    def _remove(self, row: int) -> None:
        self._run(lambda s: remove_adjustment(s, self.prompter, self, row), lambda: min(row, self.model.rowCount() - 1))


def _summary(plan: Plan) -> str:
    """A line over the table, as the fairness check says it; for a plan without adjustments, how to add one."""
    if not plan.adjustments:
        return "No adjustments recorded. Record each one the employee asks for, whatever is decided."
    return adjustments_line(plan)
