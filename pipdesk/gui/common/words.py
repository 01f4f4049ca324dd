"""Words on screen about a plan that views and commands share: where in a plan a problem sits, and
how a line of the plan is put into a field."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from pipdesk.domain import Plan

_NOUNS = {"objectives": "Objective", "concerns": "Concern", "support": "Support action", "milestones": "Milestone"}


#: A field whose name on screen is not its name in the plan.
_FIELD_WORDS: dict[tuple[str, str | int], str] = {("objectives", "category"): "kind"}


def where(plan: Plan, path: tuple[str | int, ...]) -> str:
    """Where a problem is, as the manager sees it: "Objective 2 “Send a status report”, metric"."""
    parts = [p for p in path if p != "plan"]
    if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int) and parts[0] in _NOUNS:
        items = getattr(plan, parts[0])
        item = items[parts[1]] if parts[1] < len(items) else None
        name = getattr(item, "title", None) or getattr(item, "area", None) or getattr(item, "description", "")
        place = f"{_NOUNS[parts[0]]} {parts[1] + 1} “{name}”"
        rest = [_FIELD_WORDS.get((parts[0], p), str(p).replace("_", " ")) for p in parts[2:]]
        return ", ".join([place, *rest])
    return " ".join(str(p).replace("_", " ") for p in parts).capitalize() or "Plan"


def show_line(edit: QLineEdit, text: str) -> None:
    """Fill ``edit`` with ``text`` showing its start: after setText the cursor sits at the end, so a
    long job title showed as "r Service Representative"."""
    edit.setText(text)
    edit.setCursorPosition(0)
