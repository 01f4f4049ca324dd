"""The files kept as evidence in the Plan view: the plan's own, in a section "Evidence files" after the
concerns, and those of the concern selected, under its dated evidence."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from pipdesk.domain import Attachment, Plan, Status, vocabulary
from pipdesk.gui.common.attachment_commands import Place
from pipdesk.gui.common.attachments import AttachmentsList, TitledAttachments
from pipdesk.gui.plan.part_context import PartContext

#: The plan's own files.
PLAN_FILES = Place(lambda plan: plan.attachments, "the plan")


def concern_files(plan: Plan, key: str) -> Place:
    """The files of the concern with ``key``, found by its key wherever it is moved."""
    number = next((i for i, c in enumerate(plan.concerns, start=1) if c.key == key), 0)
    area = next((c.area for c in plan.concerns if c.key == key), "")

    def locate(shown: Plan) -> list[Attachment] | None:
        return next((c.attachments for c in shown.concerns if c.key == key), None)

    return Place(locate, f"concern {number} “{vocabulary.shortened(area, 40)}”")


class EvidenceFilesSection(QGroupBox):
    """The plan's own files (a signed plan, a policy, a job description…)."""

    def __init__(self, context: PartContext, parent: QWidget | None = None) -> None:
        super().__init__("Evidence files", parent)
        self.setObjectName("evidenceFilesGroup")
        intro = QLabel(
            "Files kept with the plan inside the plan book: the signed plan, emails, reports. "
            "Files about one concern go with that concern, above.",
            self,
        )
        intro.setWordWrap(True)
        self.files = AttachmentsList(context.prompter, context.session, context.today, parent=self)
        self.files.table.setAccessibleName("Evidence files of the plan")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files)

    def show_plan(self, plan: Plan) -> None:
        self.files.set_place(PLAN_FILES, plan, plan.status is not Status.CLOSED)


class ConcernFiles(TitledAttachments):
    """The files of the concern selected, under its evidence."""

    def __init__(self, context: PartContext, parent: QWidget | None = None) -> None:
        files = AttachmentsList(context.prompter, context.session, context.today)
        super().__init__(files, "Evidence files of the concern", parent)

    def show_concern(self, plan: Plan, key: str | None) -> None:
        place = concern_files(plan, key) if key is not None else None
        self.show_place(place, plan, plan.status is not Status.CLOSED, "Select a concern to see its files")
