"""The Plan view's parts of a fair process (plan format 2), placed and shown together: the HR review
under the HR partner, the files of the concern selected under its evidence, the plan's evidence files
after the concerns, and the reasonable adjustments after the support, each in reading order."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from pipdesk.domain import Concern, Plan
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_plan_editor import Ui_PlanEditor
from pipdesk.gui.plan.adjustments import AdjustmentsSection
from pipdesk.gui.plan.evidence_files import ConcernFiles, EvidenceFilesSection
from pipdesk.gui.plan.hr_review import HrReviewRow
from pipdesk.gui.plan.part_context import PartContext


class FairProcessParts:
    """Adds the HR review, the evidence files and the adjustments to the Plan view's form ``ui``, in ``parent``."""

    def __init__(
        self,
        ui: Ui_PlanEditor,
        prompter: Prompts,
        session: Callable[[], PlanSession | None],
        today: Callable[[], dt.date],
        parent: QWidget,
    ) -> None:
        context = PartContext(prompter, session, today)
        self.hr_review = HrReviewRow(context, parent)
        ui.peopleGrid.addWidget(self.hr_review, 7, 0, 1, 5)
        self.adjustments = AdjustmentsSection(context, parent)
        ui.adjustmentsGroup = self.adjustments  # type: ignore[attr-defined]  # a section as the form's own
        layout = ui.contentLayout
        layout.insertWidget(layout.indexOf(ui.supportGroup) + 1, self.adjustments)
        self.concern_files = ConcernFiles(context, parent)
        ui.concernsLayout.addWidget(self.concern_files)
        self.evidence_files = EvidenceFilesSection(context, parent)
        ui.evidenceFilesGroup = self.evidence_files  # type: ignore[attr-defined]
        layout.insertWidget(layout.indexOf(ui.concernsGroup) + 1, self.evidence_files)
        concern_files, plan_files = self.concern_files.files, self.evidence_files.files
        # Tab goes on from the HR partner to the review's buttons, from a concern's evidence to its files
        # and the plan's, and from the support to the adjustments.
        adjustments = self.adjustments.list
        chain = [
            (ui.hrPartnerEmailEdit, self.hr_review.sent_button, self.hr_review.review_button),
            (ui.evidenceList.down_button, *concern_files.focus_chain(), *plan_files.focus_chain()),
            (
                ui.supportList.down_button,
                adjustments.table,
                adjustments.add_button,
                self.adjustments.edit_button,
                adjustments.remove_button,
            ),
        ]
        for widgets in chain:
            for before, after in itertools.pairwise(widgets):
                QWidget.setTabOrder(before, after)

    def show_plan(self, plan: Plan) -> None:
        self.hr_review.show_plan(plan)
        self.adjustments.show_plan(plan)
        self.evidence_files.show_plan(plan)

    def show_concern(self, plan: Plan, concern: Concern | None) -> None:
        self.concern_files.show_concern(plan, concern.key if concern is not None else None)
