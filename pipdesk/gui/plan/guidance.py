"""A template's guidance as the placeholder of the Plan view's empty fields and concern descriptions:
read while writing, never saved."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtWidgets import QPlainTextEdit

from pipdesk.domain import Plan
from pipdesk.gui.common.list_editor import ListTableModel
from pipdesk.services.templates import PlanTemplate, guidance_for, list_templates


@functools.cache
def _built_in() -> tuple[PlanTemplate, ...]:
    return list_templates().templates


def show_guidance(plan: Plan, edits: Mapping[str, QPlainTextEdit], concerns: ListTableModel) -> None:
    """Each empty text field (``summary``, ``context``…) shows its template's guidance, greyed, as it
    is typed over; a field no template guides keeps the placeholder of its form. So does each empty
    cell of the concerns table (``concerns.<key>.description``, ``….area``), and its cell editor."""
    guidance = guidance_for(plan, _built_in())
    concerns.set_placeholders(
        {
            (row, attr): guidance[path]
            for row, concern in enumerate(plan.concerns)
            for attr in ("area", "description")
            if (path := f"concerns.{concern.key}.{attr}") in guidance
        }
    )
    for field, edit in edits.items():
        if edit.property("pipdesk_placeholder") is None:
            edit.setProperty("pipdesk_placeholder", edit.placeholderText())
        edit.setPlaceholderText(guidance.get(field) or str(edit.property("pipdesk_placeholder")))
