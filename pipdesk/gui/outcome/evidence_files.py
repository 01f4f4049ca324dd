"""The files kept as evidence with a closed plan's outcome (the outcome letter, HR's notes), in the
Outcome view under the fair-process record."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from pipdesk.domain import Attachment, Plan
from pipdesk.gui.common.attachment_commands import Place
from pipdesk.gui.common.attachments import AttachmentsList


def _outcome_files(plan: Plan) -> list[Attachment] | None:
    return plan.outcome.attachments if plan.outcome is not None else None


OUTCOME_FILES = Place(_outcome_files, "the outcome")


class OutcomeFiles(QGroupBox):
    """The outcome's files: attached, opened, saved and removed here (with a reason: the plan is closed)."""

    def __init__(self, files: AttachmentsList, parent: QWidget | None = None) -> None:
        super().__init__("Evidence files of the outcome", parent)
        intro = QLabel(
            "The outcome letter and anything else kept with the decision. The outcome report lists every "
            "file of the plan, wherever it is kept.",
            self,
        )
        intro.setWordWrap(True)
        self.files = files
        files.setParent(self)
        files.table.setAccessibleName("Evidence files of the outcome")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files)

    def show_plan(self, plan: Plan | None) -> None:
        """Shown for a plan with its outcome recorded; hidden otherwise."""
        has_outcome = plan is not None and plan.outcome is not None
        self.setVisible(has_outcome)
        self.files.set_place(OUTCOME_FILES if has_outcome else None, plan, has_outcome)
