"""The fair-process lines of the fairness check as rows of a form: the Outcome view and the close dialog share them.

HR review, adjustments, pauses, the right to be accompanied, the employee's responses and, once the
plan is closed, the appeal (``domain.fair_process``), each a read-only row under support, check-ins
and the acknowledgement.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from pipdesk.domain.fair_process import Line


class ProcessRows:
    """Rows inserted into ``form`` at ``row``; :meth:`show` fills them, adding a row for a label first seen."""

    def __init__(self, form: QFormLayout, row: int, parent: QWidget) -> None:
        self.form = form
        self.row = row
        self.parent = parent
        self.labels: dict[str, QLabel] = {}

    def show(self, lines: Sequence[Line]) -> None:
        shown = {line.label for line in lines}
        for line in lines:
            label = self.labels.get(line.label)
            if label is None:
                label = self._add(line.label)
            label.setText(line.text)
            self.form.setRowVisible(label, True)
        for name, label in self.labels.items():
            if name not in shown:
                self.form.setRowVisible(label, False)

    def _add(self, heading: str) -> QLabel:
        label = QLabel(self.parent)
        label.setObjectName("process_" + "".join(c for c in heading.title() if c.isalnum()))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.insertRow(self.row + len(self.labels), heading, label)
        self.labels[heading] = label
        return label
