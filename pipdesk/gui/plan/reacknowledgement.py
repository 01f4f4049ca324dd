"""The banner the Plan view shows while a running plan has changed since the employee last acknowledged it.

It says when the employee last acknowledged the plan and how many changes followed, lists them on
request (and in its tooltip), and offers to record a new acknowledgement; once one is recorded it goes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayoutItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pipdesk.domain import Plan, Status, fair_process, vocabulary
from pipdesk.gui.common.colours import keep_coloured, warning_colour
from pipdesk.gui.forms.ui_plan_editor import Ui_PlanEditor
from pipdesk.gui.plan.acknowledgements import acknowledgement_text, awaits_acknowledgement
from pipdesk.gui.plan.responses import ResponsesPanel


def banner_text(plan: Plan) -> str:
    """``Changed since the employee acknowledged it on 29 Sep 2026: 2 changes.``; empty when it has not."""
    changes = fair_process.changes_since_acknowledged(plan)
    last = plan.latest_acknowledgement
    if not changes or last is None or plan.status not in (Status.ACTIVE, Status.EXTENDED):
        return ""
    return (
        f"⚠ Changed since the employee acknowledged it on {vocabulary.short_date(last.on)}: "
        f"{vocabulary.count(len(changes), 'change')}."
    )


class ReacknowledgementBanner(QFrame):
    """Shown above the plan's acknowledgement while the plan needs acknowledging again."""

    #: The manager asked to record a new acknowledgement.
    acknowledgement_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reacknowledgementBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        keep_coloured(self, lambda palette: {self.backgroundRole(): warning_colour(palette)})
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.changes_button = QPushButton("Show the changes", self)
        self.changes_button.setCheckable(True)
        self.changes_button.setAccessibleName("Show the changes since the last acknowledgement")
        self.record_button = QPushButton("Record a new acknowledgement…", self)
        self.record_button.setAccessibleName("Record a new acknowledgement")
        self.record_button.setToolTip("The employee signs for the plan as it stands now, or declines with a witness")
        self.changes = QLabel(self)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.changes.setWordWrap(True)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.hide()
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.changes_button)
        row.addWidget(self.record_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.addLayout(row)
        column.addWidget(self.changes)
        self.changes_button.toggled.connect(self._show_changes)
        self.record_button.clicked.connect(self.acknowledgement_requested)
        self.hide()

    def show_plan(self, plan: Plan | None) -> None:
        """Shown, with the plan's changes, when ``plan`` needs acknowledging again; hidden otherwise."""
        text = banner_text(plan) if plan is not None else ""
        self.setVisible(bool(text))
        if plan is None or not text:
            self.changes_button.setChecked(False)
            return
        changes = fair_process.changes_since_acknowledged(plan)
        listed = "\n".join(f"• {line}" for line in fair_process.revisions_text(plan, changes))
        self.message.setText(text)
        self.message.setToolTip(listed)
        self.message.setAccessibleName("Changed since acknowledged")
        self.message.setAccessibleDescription(f"{text} {listed}")
        self.changes.setText(listed)
        self._show_changes(self.changes_button.isChecked())

    def in_tab_order(self) -> list[QWidget]:
        return [self.changes_button, self.record_button]

    def _show_changes(self, shown: bool) -> None:
        self.changes.setVisible(shown)
        self.changes_button.setText("Hide the changes" if shown else "Show the changes")


class AcknowledgementParts:
    """The Plan view's record of the employee's voice: the acknowledgement and its button, the banner
    under it while the plan needs acknowledging again, and the employee's responses."""

    def __init__(self, ui: Ui_PlanEditor, acknowledgement_requested: SignalInstance) -> None:
        """Placed in the period form under the acknowledgement, and after its button when tabbing; the
        buttons ask for the acknowledgement through ``acknowledgement_requested``."""
        self.ui = ui
        form, after = ui.periodForm, ui.recordAcknowledgementButton
        parent = after.parentWidget()
        self.banner = ReacknowledgementBanner(parent)
        self.responses = ResponsesPanel(parent)
        row = next(
            (r for r in range(form.rowCount()) if _holds(form.itemAt(r, QFormLayout.ItemRole.FieldRole), after)),
            form.rowCount() - 1,
        )
        form.insertRow(row + 1, self.banner)
        form.insertRow(row + 2, QLabel("Employee's responses", parent), self.responses)
        previous: QWidget = after
        for widget in (*self.banner.in_tab_order(), *self.responses.in_tab_order()):
            QWidget.setTabOrder(previous, widget)
            previous = widget
        after.clicked.connect(acknowledgement_requested)
        self.banner.acknowledgement_requested.connect(acknowledgement_requested)

    def show_plan(self, plan: Plan) -> None:
        self.ui.acknowledgementLabel.setText(acknowledgement_text(plan))
        self.ui.recordAcknowledgementButton.setVisible(awaits_acknowledgement(plan))
        self.banner.show_plan(plan)
        self.responses.show_plan(plan)


def _holds(item: QLayoutItem | None, widget: QWidget) -> bool:
    layout = item.layout() if item is not None else None
    return layout is not None and layout.indexOf(widget) >= 0
