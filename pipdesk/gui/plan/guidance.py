"""A template's guidance as the placeholder of the Plan view's empty fields: read while writing, never saved."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtWidgets import QPlainTextEdit

from pipdesk.domain import Plan
from pipdesk.services.templates import PlanTemplate, guidance_for, list_templates


@functools.cache
def _built_in() -> tuple[PlanTemplate, ...]:
    return list_templates().templates


def show_guidance(plan: Plan, edits: Mapping[str, QPlainTextEdit]) -> None:
    """Each empty text field (``summary``, ``context``…) shows its template's guidance, greyed, as it
    is typed over; a field no template guides keeps the placeholder of its form."""
    guidance = guidance_for(plan, _built_in())
    for field, edit in edits.items():
        if edit.property("pipdesk_placeholder") is None:
            edit.setProperty("pipdesk_placeholder", edit.placeholderText())
        edit.setPlaceholderText(guidance.get(field) or str(edit.property("pipdesk_placeholder")))
