"""The Plan view's lists (prior discussions, concerns, evidence, objectives, support): their columns and tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel

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

    # A few key columns, read-only: the objective dialog edits an objective whole (Enter or a double-click).
    objectives = ListBinding(
        ui.objectivesList,
        commands.OBJECTIVES,
        [
            Column("Objective", "title", editable=False),
            Column("Kind", "category", "choice", enum_choices(ObjectiveCategory), width=90, editable=False),
            Column("Baseline", "baseline", "number", width=70, editable=False),
            Column("Target", "target", "number", width=70, editable=False),
            Column("Due", "due_date", "optional_date", width=100, editable=False),
        ],
        issues_column="SMART check",
    )
    header = ui.objectivesList.table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    ui.objectivesList.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
