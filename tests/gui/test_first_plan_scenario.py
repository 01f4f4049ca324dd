"""A manager's first plan, start to finish (issue #16), in the real window, with the date moved between meetings.

Template → three objectives (one vague, made measurable) → support and commitments → issue →
acknowledgement → the plan's PDF → three check-ins → the mid-plan evaluation → an extension → the
final review → close → the outcome report. At each step the test looks at what the manager would:
This week, the timeline's markers and the two PDFs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from pipdesk.domain import CheckinKind, MilestoneKind, Status, vocabulary
from pipdesk.domain.markers import Lane, MarkerState, plan_markers
from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.documents.export_dialog import ExportPdfDialog
from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
from pipdesk.gui.outcome.extend_dialog import ExtendPlanDialog
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plan.hr_review import HrReviewDialog
from pipdesk.gui.plan.objective_dialog import ObjectiveDialog
from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.reports import DocumentKind
from pipdesk.store import PlanBook
from pipdesk.system.resources import resource_path

TEMPLATE = "missed-deadlines.json"
EMPLOYEE = "Jo Ṣàngó-Lindqvist"
FIRST_DAY = dt.date(2027, 1, 4)  # a Monday


class Clock:
    """The window's "today", moved on between meetings."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(unicodedata.normalize("NFC", text.replace("\u00a0", " ")).split())


def template_guidance() -> list[str]:
    """Every instruction a template offers the manager: none may end up in a plan."""
    template = json.loads(resource_path("templates", TEMPLATE).read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 20:
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(template.get("guidance", {}))
    return found


def this_week(window: MainWindow) -> list[str]:
    """The This week list as the manager reads it: one line a row."""
    window.this_week.refresh()
    model = window.this_week.model
    return [
        " | ".join(str(model.index(row, column).data() or "") for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def export_pdf(window: MainWindow, prompter: ScriptedPrompter, kind: DocumentKind, path: Path, copy: bool) -> str:
    def choose(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportPdfDialog)
        dialog.choose(kind, employee_copy=copy)
        return True

    prompter.expect("dialog", choose).expect("save_file", path)
    window.ui.actionExportPdf.trigger()
    assert not prompter.warnings(), prompter.warnings()
    return pdf_text(path.read_bytes())


def log_checkin(
    window: MainWindow,
    prompter: ScriptedPrompter,
    qtbot: QtBot,
    values: dict[str, str],
    kind: CheckinKind = CheckinKind.CHECKIN,
    notes: str = "Went through the week's deliveries.",
) -> None:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(kind.value))
        for key, value in values.items():
            qtbot.keyClicks(dialog.rows[key].value_edit, value)
        qtbot.keyClicks(dialog.ui.notesEdit, notes)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", fill)
    window.ui.actionNewCheckin.trigger()
    assert not prompter.warnings(), prompter.warnings()


def type_text(qtbot: QtBot, window: MainWindow, edit: QPlainTextEdit, text: str) -> None:
    """Type into a field of the Plan tab and leave it, as a person would; the change is saved on leaving."""
    window.ui.viewTabs.setCurrentWidget(window.ui.planTab)
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    window.editor.ui.titleEdit.setFocus()


def edit_objective(window: MainWindow, prompter: ScriptedPrompter, qtbot: QtBot, row: int, *fields: str) -> None:
    """Open an objective of the Plan tab in its dialog (Enter on its row) and write ``fields`` into it."""

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ObjectiveDialog)
        dialog.fill(*fields)
        return True

    window.ui.viewTabs.setCurrentWidget(window.ui.planTab)
    table = window.editor.ui.objectivesList.table
    table.setCurrentIndex(table.model().index(row, 1))
    prompter.expect("dialog", fill)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not prompter.warnings(), prompter.warnings()


def kickoff_state(window: MainWindow, today: dt.date) -> MarkerState:
    assert window.session is not None
    plan = window.session.plan
    return next(
        m.state for m in plan_markers(plan, today) if m.lane is Lane.SCHEDULE and m.kind == MilestoneKind.KICKOFF.value
    )


def test_a_first_plan_from_template_to_outcome_report(qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter) -> None:
    clock = Clock(dt.date(2026, 12, 30))
    book = PlanBook.open(tmp_path / "mine.pipdesk")
    window = MainWindow(
        book,
        prompter=prompter,
        today=clock,
        templates_folder=tmp_path / "own-templates",
        samples_path=tmp_path / "samples.pipdesk",
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    step: Callable[[str], None] = lambda _what: None  # noqa: E731 - a label for reading the steps below

    step("A new plan from the template")

    def new_plan(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewPlanDialog)
        row = next(i for i, t in enumerate(dialog.templates) if t.path.name == TEMPLATE)
        dialog.fill(EMPLOYEE, "Delivery on time", manager="Dana Whitfield", job_title="Analyst", template_row=row)
        return True

    prompter.expect("dialog", new_plan)
    window.ui.actionNewFromTemplate.trigger()
    assert window.session is not None
    plan = window.session.plan
    assert (plan.status, plan.start_date, plan.employee.name) == (Status.DRAFT, FIRST_DAY, EMPLOYEE)
    assert len(plan.objectives) == 3
    # No template instruction became plan content.
    guidance = template_guidance()
    plan_text = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False)
    assert [g for g in guidance if g in plan_text] == []

    step("Why this plan, and what each side commits to, typed into the Plan tab")
    editor = window.editor.ui
    type_text(qtbot, window, editor.summaryEdit, "Six of the last ten deliveries slipped past the agreed date.")
    type_text(qtbot, window, editor.contextEdit, "Two projects were handed over mid-flight in November.")
    type_text(qtbot, window, editor.managerCommitmentsEdit, "A weekly 1:1 and a planning session each Monday.")
    type_text(qtbot, window, editor.employeeCommitmentsEdit, "Flag a risk to a date as soon as it is seen.")
    plan = window.session.plan
    assert plan.summary.startswith("Six of the last ten") and plan.employee_commitments.startswith("Flag a risk")

    step("The third objective written vaguely: the plan cannot be issued, and the window goes to it")
    measurable = plan.objectives[2]
    edit_objective(window, prompter, qtbot, 2, "Plan the week better", "", "", "", "")
    assert window.session.plan.objectives[2].metric == ""
    clock.day = FIRST_DAY
    window.ui.actionIssuePlan.trigger()
    (refused,) = prompter.warnings()
    assert refused.title == "The plan cannot be issued yet" and "Objective 3 “Plan the week better”" in refused.text
    assert window.session.plan.status is Status.DRAFT
    objectives = window.editor.ui.objectivesList.table
    assert objectives.currentIndex().row() == 2 and window.focusWidget() is objectives
    prompter.shown.clear()
    edit_objective(
        window,
        prompter,
        qtbot,
        2,
        measurable.title,
        measurable.metric,
        measurable.unit,
        vocabulary.number(measurable.baseline),
        vocabulary.number(measurable.target),
    )
    assert window.session.plan.objectives[2] == measurable

    step("HR reviews the plan before it is issued: sent to HR, then their review recorded")
    hr_review = window.editor.fair_process.hr_review
    prompter.expect("dialog", lambda dialog: accept_hr_review(dialog, ""))  # sent today
    hr_review.sent_button.click()
    prompter.expect("dialog", lambda dialog: accept_hr_review(dialog, "Fair and specific; dates agreed."))
    hr_review.review_button.click()
    assert not prompter.warnings(), prompter.warnings()
    review = window.session.plan.hr_review
    assert review is not None and review.reviewed_on == FIRST_DAY and review.reviewed_by

    step("Issue on the first day, then the acknowledgement at the kick-off meeting")
    prompter.expect("confirm", True)  # issue it
    prompter.expect("confirm", False)  # the next step offered: print the plan now (it is exported below)
    window.ui.actionIssuePlan.trigger()
    assert not prompter.warnings(), prompter.warnings()
    assert [shown.title for shown in prompter.shown[-2:]] == ["Issue plan", "Plan issued"]
    plan = window.session.plan
    assert (plan.status, plan.issued_on) == (Status.ACTIVE, FIRST_DAY)
    assert any(m.kind is MilestoneKind.MIDPOINT for m in plan.milestones)

    def acknowledge(dialog: QDialog) -> bool:
        assert isinstance(dialog, AcknowledgementDialog)
        return True  # signed for receipt today

    prompter.expect("dialog", acknowledge)
    window.ui.actionRecordAcknowledgement.trigger()
    assert window.session.plan.acknowledgement is not None
    assert kickoff_state(window, FIRST_DAY) is MarkerState.DONE

    step("The plan printed for the employee")
    text = export_pdf(window, prompter, DocumentKind.PLAN, tmp_path / "plan.pdf", copy=True)
    assert EMPLOYEE in text and "Delivery on time" in text
    assert all(objective.title in text for objective in plan.objectives)
    assert [g for g in guidance if g in text] == []
    assert "0" * 16 not in text

    step("Three weekly check-ins; two weeks on, the kick-off is not overdue")
    keys = [objective.key for objective in plan.objectives]
    for week, values in enumerate((("65", "2", "2"), ("72", "1", "3"), ("80", "1", "4")), start=1):
        clock.day = FIRST_DAY + dt.timedelta(weeks=week)
        log_checkin(window, prompter, qtbot, dict(zip(keys, values, strict=True)))
        if week == 2:
            lines = this_week(window)
            assert not [line for line in lines if "Plan issued and discussed" in line], lines
            assert kickoff_state(window, clock.day) is MarkerState.DONE
    assert len(window.session.plan.checkins) == 3

    step("The mid-plan evaluation, on its scheduled day")
    midpoint = next(m.date for m in window.session.plan.milestones if m.kind is MilestoneKind.MIDPOINT)
    clock.day = midpoint
    # Every target reached at the mid-plan evaluation: met once; the final review must show it sustained.
    log_checkin(window, prompter, qtbot, dict(zip(keys, ("90", "0", "4"), strict=True)), kind=CheckinKind.MIDPOINT)
    assert window.session.plan.checkins[-1].kind is CheckinKind.MIDPOINT

    step("Two weeks more, agreed a week before the end")
    old_end = window.session.plan.end_date
    clock.day = old_end - dt.timedelta(days=7)
    new_end = old_end + dt.timedelta(days=14)

    def extend(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExtendPlanDialog)
        dialog.set_new_end(new_end)
        dialog.ui.reasonEdit.setPlainText("Two more weeks to show the Monday plans hold up.")
        return not dialog.problems()

    prompter.expect("dialog", extend)
    window.ui.actionExtend.trigger()
    plan = window.session.plan
    assert (plan.status, plan.end_date) == (Status.EXTENDED, new_end)

    step("The final review on the new end date, then the outcome")
    clock.day = new_end
    log_checkin(window, prompter, qtbot, dict(zip(keys, ("92", "0", "4"), strict=True)), kind=CheckinKind.FINAL)

    def close(dialog: QDialog) -> bool:
        assert isinstance(dialog, ClosePlanDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        ui = dialog.ui
        qtbot.keyClicks(ui.summaryEdit, "Deliveries on time for six weeks; risks raised early.")
        qtbot.keyClicks(ui.monitoringEdit, "A monthly look at on-time delivery until the June review.")
        if ui.fairnessCommentEdit.isVisible():
            qtbot.keyClicks(ui.fairnessCommentEdit, "The planning sessions ran every Monday; agreed with Jo.")
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", close)
    window.ui.actionCloseWithOutcome.trigger()
    assert not prompter.warnings(), prompter.warnings()
    plan = window.session.plan
    assert plan.status is Status.CLOSED and plan.outcome is not None
    decision = vocabulary.decision(plan.outcome.decision)

    step("The outcome report: the decision in the vocabulary's words, the changes in the manager's")
    text = export_pdf(window, prompter, DocumentKind.OUTCOME, tmp_path / "outcome.pdf", copy=False)
    assert decision in text and EMPLOYEE in text
    assert "Two more weeks to show the Monday plans hold up." in text
    assert text.count("Two more weeks to show the Monday plans hold up.") == 1, "one extension, one row"
    assert "milestones." not in text and "objectives." not in text and "fairness_check" not in text
    assert [g for g in guidance if g in text] == []
    assert not [line for line in this_week(window) if EMPLOYEE in line], "a closed plan has nothing due"


def accept_hr_review(dialog: QDialog, comments: str) -> bool:
    """The HR review dialog answered as a manager would: the reviewer as proposed (or the HR partner named)."""
    assert isinstance(dialog, HrReviewDialog)
    if not dialog.sent_only:
        if not dialog.reviewer_edit.text():
            dialog.reviewer_edit.setText("Priya Shah")
        dialog.comments_edit.setPlainText(comments)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog.result() == QDialog.DialogCode.Accepted
