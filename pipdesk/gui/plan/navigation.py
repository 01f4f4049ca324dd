"""Finding one's way in the Plan view: a row of links to its sections, and going to a problem the plan has.

The Plan view is one long form; the links take the manager (mouse or keyboard) to a section, and a
problem found on issue (its path in the plan) is shown by scrolling to its field, or its list's row,
and putting the focus there.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QScrollArea, QSizePolicy, QToolButton, QWidget

from pipdesk.domain import Plan, Problem
from pipdesk.domain.problems import PathPart
from pipdesk.gui.common.flow_layout import FlowLayout
from pipdesk.gui.common.list_editor import ListEditor
from pipdesk.gui.common.read_only import keep_enabled_when_read_only
from pipdesk.gui.common.words import where
from pipdesk.gui.forms.ui_plan_editor import Ui_PlanEditor
from pipdesk.gui.plan.lists import ListBinding

#: The sections of the Plan view, in the order they read: the link's words and the section's group.
SECTIONS = (
    ("Plan", "planGroup"),
    ("People", "peopleGroup"),
    ("Period", "periodGroup"),
    ("Why", "whyGroup"),
    ("Discussions", "priorGroup"),
    ("Concerns", "concernsGroup"),
    ("Files", "evidenceFilesGroup"),
    ("Objectives", "objectivesGroup"),
    ("Support", "supportGroup"),
    ("Adjustments", "adjustmentsGroup"),
    ("Commitments", "commitmentsGroup"),
    ("History", "historyGroup"),
)

#: A field of the plan and the widget that edits it (people are ``<role><Field>Edit``).
_FIELD_WIDGETS = {
    "title": "titleEdit",
    "start_date": "startDateEdit",
    "end_date": "endDateEdit",
    "checkin_every_days": "cadenceSpin",
    "summary": "summaryEdit",
    "context": "contextEdit",
    "manager_commitments": "managerCommitmentsEdit",
    "employee_commitments": "employeeCommitmentsEdit",
    "consequences": "consequencesEdit",
}
_LISTS = {
    "prior_discussions": "priorDiscussionsList",
    "concerns": "concernsList",
    "objectives": "objectivesList",
    "support": "supportList",
}
_GROUPS = {
    "employee": "peopleGroup",
    "manager": "peopleGroup",
    "hr_partner": "peopleGroup",
    "acknowledgement": "periodGroup",
}


class SectionLinks(QWidget):
    """A row of links, one a section of the Plan view: each scrolls its section to the top and focuses it."""

    def __init__(self, ui: Ui_PlanEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setAccessibleName("Sections of the plan")
        layout = FlowLayout(self)  # the links wrap onto a second row rather than being cut short
        layout.setSpacing(0)
        layout.setContentsMargins(6, 0, 6, 0)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.links: dict[str, QToolButton] = {}
        for words, group_name in SECTIONS:
            link = QToolButton(self)  # as wide as its word
            link.setText(words)
            link.setAutoRaise(True)
            link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setAccessibleName(f"Go to {words}")
            keep_enabled_when_read_only(link)  # reading a closed plan needs them as much
            link.setToolTip(f"Go to the section {getattr(ui, group_name).title()}")
            link.clicked.connect(lambda _checked=False, name=group_name: self.go_to(name))
            layout.addWidget(link)
            self.links[group_name] = link
        # They sit above the sections, so Tab reaches them first: the sections' fields move after them.
        for first, second in itertools.pairwise((*self.links.values(), *_focus_chain(ui.scrollArea))):
            QWidget.setTabOrder(first, second)

    def go_to(self, group_name: str) -> None:
        group: QGroupBox = getattr(self.ui, group_name)
        if not group.isVisible():
            return
        scroll_to_top(self.ui.scrollArea, group)
        first = _first_focusable(group)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


def scroll_to_top(area: QScrollArea, widget: QWidget) -> None:
    """Scroll ``area`` so that ``widget`` starts at its top (as far as the scroll bar goes)."""
    content = area.widget()
    if content is not None:
        area.verticalScrollBar().setValue(widget.mapTo(content, widget.rect().topLeft()).y() - 6)


def _focus_chain(area: QWidget) -> list[QWidget]:
    """``area`` and the widgets in it that Tab stops at, in their Tab order."""
    chain, widget = [area], area.nextInFocusChain()
    while widget is not None and area.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _first_focusable(group: QWidget) -> QWidget | None:
    for child in group.findChildren(QWidget):
        if child.isVisible() and child.isEnabled() and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return child
    return None


def go_to_problem(ui: Ui_PlanEditor, path: Sequence[PathPart]) -> QWidget | None:
    """Show the field or list row at ``path`` (``("plan", "objectives", 0, "category")``) and focus it.

    Returns the widget focused, or None when the path names nothing shown.
    """
    field = path[1] if len(path) > 1 else None
    target: QWidget | None = None
    if isinstance(field, str) and field in _LISTS:
        editor: ListEditor = getattr(ui, _LISTS[field])
        row = path[2] if len(path) > 2 and isinstance(path[2], int) else -1
        if row >= 0:
            editor.select_row(row)
        target = editor.table if editor.model is not None and editor.model.rowCount() else editor.add_button
    elif isinstance(field, str) and field in _FIELD_WIDGETS:
        target = getattr(ui, _FIELD_WIDGETS[field])
    elif isinstance(field, str) and field in _GROUPS:
        inner = path[2] if len(path) > 2 and isinstance(path[2], str) else "name"
        role = "".join(part.capitalize() if i else part for i, part in enumerate(field.split("_")))
        target = getattr(ui, f"{role}{inner[:1].upper()}{_camel_rest(inner)}Edit", None) or getattr(ui, _GROUPS[field])
    if target is None:
        return None
    ui.scrollArea.ensureWidgetVisible(target, 50, 80)
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    return target


def _camel_rest(name: str) -> str:
    parts = name.split("_")
    return parts[0][1:] + "".join(p.capitalize() for p in parts[1:])


def show_blockers(ui: Ui_PlanEditor, lists: Mapping[str, ListBinding], plan: Plan, blockers: Sequence[Problem]) -> None:
    """Mark each problem of a list under its list (they stay until the list changes) and go to the first."""
    if not blockers:
        return
    for attribute, binding in lists.items():
        mine = [p for p in blockers if len(p.path) > 1 and p.path[1] == attribute]
        if mine:
            binding.show_problems([Problem(p.path, f"{where(plan, p.path)}: {p.message}") for p in mine])
    go_to_problem(ui, blockers[0].path)
