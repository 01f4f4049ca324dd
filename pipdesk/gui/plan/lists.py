"""The Plan view's lists (prior discussions, concerns, evidence, objectives, support): their columns and tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pipdesk.domain import Concern, ConcernCategory, ObjectiveCategory, Plan, Problem, SupportKind
from pipdesk.domain.smart import plan_smart_issues
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.list_editor import Column, ListEditor, ListTableModel, enum_choices
from pipdesk.gui.forms.ui_plan_editor import Ui_PlanEditor
from pipdesk.gui.plan import commands
from pipdesk.gui.plan.commands import PlanList


class ListBinding:
    """One list of the plan shown in a :class:`ListEditor`, with a line under it for what went wrong."""

    def __init__(
        self, editor: ListEditor, plan_list: PlanList, columns: Sequence[Column], issues_column: str | None = None
    ) -> None:
        self.editor = editor
        self.plan_list = plan_list
        self.model = ListTableModel(columns, issues_column)
        editor.set_model(self.model, plan_list.noun)
        self.error = QLabel(editor)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        show_as_error(self.error)
        self.error.hide()
        layout = editor.layout()
        if layout is not None:
            layout.addWidget(self.error)

    @property
    def attribute(self) -> str:
        return self.plan_list.attribute

    def show_problems(self, problems: list[Problem]) -> None:
        self.error.setText("\n".join(p.message for p in problems))
        self.error.setVisible(bool(problems))


def _dated_notes(editor: ListEditor, plan_list: PlanList, what: str) -> ListBinding:
    return ListBinding(editor, plan_list, [Column("Date", "date", "date", width=110), Column(what, "note")])


def plan_lists(
    ui: Ui_PlanEditor, shown: Callable[[], Plan | None], current_concern: Callable[[Plan], Concern | None]
) -> list[ListBinding]:
    """The lists of the Plan view showing the plan ``shown``, each bound to its table.

    The evidence list shows the evidence of ``current_concern`` (the concern selected).
    """

    def concern_choices() -> list[tuple[str, Any]]:
        plan = shown()
        return [("—", None)] + [(f"{c.key}: {c.area}", c.key) for c in (plan.concerns if plan else [])]

    objectives = ListBinding(
        ui.objectivesList,
        commands.OBJECTIVES,
        [
            Column("Key", "key", width=100),
            Column("Objective", "title", width=220),
            Column("Kind", "category", "choice", enum_choices(ObjectiveCategory), width=90),
            Column("Answers concern", "concern", "choice", concern_choices, width=140),
            Column("Metric", "metric", width=160, tooltip="What is measured"),
            Column("Unit", "unit", width=60),
            Column("Baseline", "baseline", "number", width=70),
            Column("Target", "target", "number", width=70),
            Column("Due", "due_date", "optional_date", width=100),
            Column("Description", "description", width=200),
        ],
        issues_column="SMART check",
    )
    return [
        _dated_notes(ui.priorDiscussionsList, commands.PRIOR_DISCUSSIONS, "What was discussed"),
        ListBinding(
            ui.concernsList,
            commands.CONCERNS,
            [
                Column("Key", "key", width=120, tooltip="A short name objectives use to point at this concern"),
                Column("Area", "area", width=220),
                Column("Category", "category", "choice", enum_choices(ConcernCategory), width=120),
                Column("Description", "description"),
            ],
        ),
        _dated_notes(ui.evidenceList, commands.evidence_list(current_concern), "Evidence"),
        objectives,
        ListBinding(
            ui.supportList,
            commands.SUPPORT,
            [
                Column("Kind", "kind", "choice", enum_choices(SupportKind), width=100),
                Column("Support", "description", width=300),
                Column("Owner", "owner", width=110),
                Column("Due", "due_date", "optional_date", width=100),
                Column("Done", "done", "bool", width=50),
            ],
        ),
    ]


def smart_check(plan: Plan) -> tuple[dict[tuple[int, str], list[str]], str]:
    """The SMART check of the plan's objectives: what it says of each cell of the objectives table
    ((row, attribute) → messages), and in one sentence under the table."""
    issues = plan_smart_issues(plan)
    cells: dict[tuple[int, str], list[str]] = {}
    for row, row_issues in issues.items():
        for issue in row_issues:
            cells.setdefault((row, issue.field), []).append(issue.message)
    if not plan.objectives:
        return cells, "No objectives yet: add the SMART objectives the plan is about."
    if issues:
        return cells, (
            f"{len(issues)} of {len(plan.objectives)} objectives need work before the plan is SMART "
            "(hover ⚠ to see why)."
        )
    return cells, f"All {len(plan.objectives)} objectives are specific, measurable and time-bound."
