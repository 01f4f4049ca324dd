"""The main window and plan editor, driven as a manager would: typing, clicking, shortcuts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from pipdesk.domain import HrReview, Person, Status
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plan.objective_dialog import ObjectiveDialog
from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.services.templates import list_templates, plan_from_template
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, DMITRY, SAMPLE_NAMES, TODAY, answer_reason, load_sample

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(path: Path, samples: bool = False) -> MainWindow:
        book = PlanBook.open(path)
        if samples and book.count() == 0:
            book.add_many(load_sample(name) for name in SAMPLE_NAMES)
        window = MainWindow(
            book,
            prompter=prompter,
            today=lambda: TODAY,
            templates_folder=tmp_path / "own-templates",
            samples_path=tmp_path / "samples.pipdesk",
        )
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def open_cell_editor(table: QTableView) -> QLineEdit:
    """The line edit the table's delegate opened for the current cell."""
    assert table.state() == QAbstractItemView.State.EditingState
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


def stored(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.book is not None and window.session is not None
    return window.book.get(window.session.plan_id)


def test_first_run_on_an_empty_plan_book_shows_the_welcome(make_window: WindowFactory, book_path: Path) -> None:
    window = make_window(book_path)
    assert window.ui.stack.currentWidget() is window.ui.welcomePage
    assert window.welcome.ui.newFromTemplateButton.isVisible()
    assert not window.ui.actionIssuePlan.isEnabled()


def test_open_sample_plans_opens_them_in_a_plan_book_of_their_own(
    make_window: WindowFactory, book_path: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(book_path)
    qtbot.mouseClick(window.welcome.ui.openSamplesButton, Qt.MouseButton.LeftButton)
    assert window.book is not None and window.book.path == tmp_path / "samples.pipdesk"
    assert window.proxy.rowCount() == 4
    with PlanBook.open(book_path) as own:
        assert own.count() == 0


def test_a_plan_from_a_template_is_edited_undone_issued_amended_and_kept(
    make_window: WindowFactory, book_path: Path, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window = make_window(book_path)
    editor = window.editor

    def new_plan(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewPlanDialog)
        names = [t.name for t in dialog.templates]
        row = next(i for i, name in enumerate(names) if "unctual" in name)
        dialog.ui.startDateEdit.setDate(QDate(2026, 11, 30))
        dialog.fill(
            "Zoë Ångström-Đặng", "Punctuality at the shift handover", manager="Dana Whitfield", template_row=row
        )
        return True

    prompter.expect("dialog", new_plan)
    qtbot.mouseClick(window.welcome.ui.newFromTemplateButton, Qt.MouseButton.LeftButton)
    assert window.ui.stack.currentWidget() is window.ui.planPage
    plan = stored(window)
    assert (plan.employee.name, plan.status, plan.start_date) == (
        "Zoë Ångström-Đặng",
        Status.DRAFT,
        dt.date(2026, 11, 30),
    )
    assert plan.objectives, "the template brings its objectives"
    assert editor.ui.smartSummary.text().startswith(f"All {len(plan.objectives)} objectives")

    # Typing saves at once; Ctrl+Z and Ctrl+Shift+Z (the platform's undo and redo) step through it.
    editor.ui.titleEdit.setFocus()
    editor.ui.titleEdit.end(False)
    qtbot.keyClicks(editor.ui.titleEdit, " <b>&")
    assert stored(window).title == "Punctuality at the shift handover <b>&"
    qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).title == "Punctuality at the shift handover"
    assert editor.ui.titleEdit.text() == "Punctuality at the shift handover"
    window.redo_action.trigger()
    assert stored(window).title == "Punctuality at the shift handover <b>&"

    # A new objective is added in the objective dialog: a draft takes it as far as it goes, and the
    # SMART check flags what is missing; Enter on its row edits it in the dialog, and the flag clears.
    objectives = editor.ui.objectivesList

    def only_a_title(dialog: QDialog) -> bool:
        assert isinstance(dialog, ObjectiveDialog) and not dialog.complete
        dialog.ui.titleEdit.setText("Arrive by 07:55 for every handover")
        dialog.ui.dueDateEdit.setDate(QDate(2026, 12, 18))
        return not dialog.problems()

    prompter.expect("dialog", only_a_title)
    qtbot.mouseClick(objectives.add_button, Qt.MouseButton.LeftButton)
    row = len(plan.objectives)
    model = objectives.model
    assert model is not None
    assert model.columnCount() <= 6  # a few key columns, no sideways scrolling
    smart_cell = model.index(row, len(model.columns))
    assert model.data(smart_cell).startswith("⚠")
    assert "1 of" in editor.ui.smartSummary.text()
    assert objectives.current_row() == row and window.focusWidget() is objectives.table

    def complete_it(dialog: QDialog) -> bool:
        assert isinstance(dialog, ObjectiveDialog)
        assert dialog.ui.titleEdit.text() == "Arrive by 07:55 for every handover"
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("behavioral"))
        dialog.ui.metricEdit.setText("late arrivals per month")
        dialog.ui.unitEdit.setText("arrivals")
        dialog.ui.baselineEdit.setText("7")
        dialog.ui.targetEdit.setText("0")
        return not dialog.problems()

    prompter.expect("dialog", complete_it)
    qtbot.keyClick(objectives.table, Qt.Key.Key_Return)
    assert model.data(smart_cell) == "✓"
    assert editor.ui.smartSummary.text().startswith("All ")
    added = stored(window).objectives[row]
    assert (added.metric, added.baseline, added.target, added.due_date, added.category) == (
        "late arrivals per month",
        7,
        0,
        dt.date(2026, 12, 18),
        "behavioral",
    )

    # Issue: the plan becomes active, with a schedule. HR has not reviewed it: the manager says why.
    prompter.expect("confirm", True).expect("dialog", answer_reason("HR agreed by phone; written review to follow"))
    prompter.expect("confirm", False)  # print it later
    window.ui.actionIssuePlan.trigger()
    issued = stored(window)
    assert (issued.status, issued.issued_on) == (Status.ACTIVE, TODAY)
    assert [m.kind.value for m in issued.milestones][:2] == ["kickoff", "checkin"]
    assert editor.ui.statusLabel.text() == "Active"

    # Amend: moving the end date of an issued plan asks why, and History shows it.
    window.windowHandle().requestActivate()  # offscreen, the scripted new plan dialog took the activation
    qtbot.waitUntil(window.isActiveWindow)
    prompter.expect("dialog", answer_reason("Two weeks of leave agreed with HR."))
    end_edit = editor.ui.endDateEdit
    old_end = issued.end_date
    end_edit.setFocus()
    qtbot.keyClick(end_edit, Qt.Key.Key_End)
    qtbot.keyClick(end_edit, Qt.Key.Key_Up)
    editor.ui.titleEdit.setFocus()
    amended = stored(window)
    assert amended.end_date == old_end + dt.timedelta(days=1)
    revision = amended.revisions[-1]
    assert (revision.field, revision.old, revision.new) == (
        "end_date",
        old_end.isoformat(),
        amended.end_date.isoformat(),
    )
    assert revision.reason == "Two weeks of leave agreed with HR."
    history = editor.history
    assert history.rowCount() == 2  # newest first, after issuing without an HR review
    assert history.data(history.index(0, history.WHY)) == "Two weeks of leave agreed with HR."
    assert history.data(history.index(1, history.WHY)) == "HR agreed by phone; written review to follow"

    # Commitments of an issued plan too; cancelling the reason keeps the plan as it was.
    prompter.expect("dialog", lambda dialog: False)
    commitments = editor.ui.managerCommitmentsEdit
    commitments.setFocus()
    qtbot.keyClicks(commitments, " Extra coaching.")
    editor.ui.titleEdit.setFocus()
    assert stored(window).manager_commitments == amended.manager_commitments
    assert commitments.toPlainText() == amended.manager_commitments

    # Reopen the plan book: everything is as it was left.
    final = stored(window)
    window.close()
    reopened = make_window(book_path)
    assert reopened.session is not None
    assert reopened.session.plan == final
    assert reopened.editor.ui.titleEdit.text() == final.title
    assert reopened.editor.history.rowCount() == 2  # the end date moved; issued without an HR review


def test_an_end_date_before_the_start_is_shown_next_to_the_field_and_not_saved(
    make_window: WindowFactory, book_path: Path
) -> None:
    window = make_window(book_path, samples=True)
    assert window.select_plan(DMITRY)  # the draft
    editor = window.editor
    editor.ui.endDateEdit.setDate(QDate(2026, 11, 1))
    assert editor.ui.periodError.isVisible()
    assert editor.ui.periodError.text() == "End date 2026-11-01 is before start date 2026-12-01"
    assert stored(window).end_date == dt.date(2027, 1, 29)
    editor.ui.endDateEdit.setDate(QDate(2027, 2, 5))
    assert not editor.ui.periodError.isVisible()
    assert stored(window).end_date == dt.date(2027, 2, 5)


def test_a_blank_employee_name_is_refused_inline(make_window: WindowFactory, book_path: Path, qtbot: QtBot) -> None:
    window = make_window(book_path, samples=True)
    window.select_plan(ALEX)
    name = window.editor.ui.employeeNameEdit
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    assert window.editor.ui.employeeError.text() == "Employee name is required"
    assert stored(window).employee.name == "Alex Moreno"


def test_issuing_a_vague_draft_lists_what_blocks_it(
    make_window: WindowFactory, book_path: Path, prompter: ScriptedPrompter
) -> None:
    window = make_window(book_path, samples=True)
    window.select_plan(DMITRY)
    assert "need work" in window.editor.ui.smartSummary.text()
    window.ui.actionIssuePlan.trigger()
    warning = prompter.warnings()[-1]
    assert warning.title == "The plan cannot be issued yet"
    assert "with no number" in warning.text
    assert "• Objective 1 “Be on time more”, metric: No metric" in warning.text
    assert stored(window).status is Status.DRAFT


def test_acknowledgement_refusal_needs_a_witness(
    make_window: WindowFactory, book_path: Path, prompter: ScriptedPrompter
) -> None:
    window = make_window(book_path, samples=True)
    window.select_plan(ALEX)

    def refuse(dialog: QDialog) -> bool:
        assert isinstance(dialog, AcknowledgementDialog)
        dialog.ui.refusedCheck.setChecked(True)
        assert dialog.problem() == "A refusal to sign needs a witness: name who saw the plan handed over"
        dialog.ui.witnessEdit.setText("Sam Okafor (HR)")
        assert dialog.problem() is None
        return True

    prompter.expect("dialog", refuse)
    window.ui.actionRecordAcknowledgement.trigger()
    ack = stored(window).acknowledgement
    assert ack is not None and (ack.refused, ack.witness) == (True, "Sam Okafor (HR)")
    assert "witnessed by Sam Okafor (HR)" in window.editor.ui.acknowledgementLabel.text()


def test_sidebar_filters_as_you_type_by_status_and_sorts(
    make_window: WindowFactory, book_path: Path, qtbot: QtBot
) -> None:
    window = make_window(book_path, samples=True)
    proxy = window.proxy
    window.ui.searchEdit.insert("нов")  # Иванов, in Cyrillic (QTest types ASCII only)
    assert proxy.rowCount() == 1
    window.ui.searchEdit.clear()
    window.ui.statusFilter.setCurrentIndex(window.ui.statusFilter.findData(Status.CLOSED))
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Beth Ikeda-Łukasiewicz"]
    window.ui.statusFilter.setCurrentIndex(0)
    window.ui.planTable.sortByColumn(window.plans.DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "Carl Nguyễn"  # ended 54 days ago, still open
    # Carl's final review passed on 2026-09-30 without being held, and no outcome is recorded.
    assert window.this_week.overdue_count() == 2
    assert window.ui.overdueBadge.text() == "2 items overdue"


def test_delete_names_what_will_be_lost_and_can_be_declined(
    make_window: WindowFactory, book_path: Path, prompter: ScriptedPrompter
) -> None:
    window = make_window(book_path, samples=True)
    window.select_plan(ALEX)
    prompter.expect("confirm", False)
    window.ui.actionDeletePlan.trigger()
    assert "3 objectives, 8 check-ins" in prompter.shown[-1].text
    assert window.book is not None and window.book.count() == 4
    prompter.expect("confirm", True)
    window.ui.actionDeletePlan.trigger()
    assert window.book.count() == 3
    assert window.proxy.rowCount() == 3


def test_a_bad_plan_file_is_not_imported_and_the_problems_are_shown(
    make_window: WindowFactory, book_path: Path, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    window = make_window(book_path, samples=True)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "pipdesk-plan", "version": 1, "plan": {"title": "x"}}')
    prompter.expect("open_file", bad)
    window.ui.actionImportPlan.trigger()
    warning = prompter.warnings()[-1]
    assert warning.title == "The plan file cannot be imported"
    assert warning.details is not None and "plan.employee: Employee is required" in warning.details
    assert window.book is not None and window.book.count() == 4


def test_window_layout_and_last_plan_are_remembered(make_window: WindowFactory, book_path: Path) -> None:
    window = make_window(book_path, samples=True)
    window.select_plan(CARL)
    window.ui.splitter.setSizes([300, 1000])
    sizes = window.ui.splitter.sizes()
    window.close()
    again = make_window(book_path)
    assert again.session is not None and again.session.plan_id == CARL
    assert again.ui.splitter.sizes() == sizes


def test_save_as_template_then_start_a_plan_from_it(
    make_window: WindowFactory, book_path: Path, prompter: ScriptedPrompter
) -> None:
    window = make_window(book_path, samples=True)
    window.select_plan(ALEX)
    prompter.expect("ask_text", "Delivery — my version")
    window.ui.actionSaveAsTemplate.trigger()

    def from_mine(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewPlanDialog)
        row = [t.name for t in dialog.templates].index("Delivery — my version")
        dialog.fill("Priya Raman", "Delivery predictability", manager="Dana Whitfield", template_row=row)
        return True

    prompter.expect("dialog", from_mine)
    window.ui.actionNewFromTemplate.trigger()
    plan = stored(window)
    assert plan.employee.name == "Priya Raman"
    assert [o.key for o in plan.objectives] == ["on-time", "status-reports", "estimates"]
    assert plan.checkins == [] and plan.status is Status.DRAFT


def test_an_objective_added_to_an_issued_plan_is_complete_and_needs_a_reason(
    make_window: WindowFactory, book_path: Path, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    from pipdesk.gui.plan.objective_dialog import ObjectiveDialog

    window = make_window(book_path, samples=True)
    window.select_plan(ALEX)

    def vague_then_smart(dialog: QDialog) -> bool:
        assert isinstance(dialog, ObjectiveDialog)
        dialog.fill("Improve code reviews", "", "", "", "")
        assert "Give the objective a title" not in dialog.problems() and dialog.problems()
        dialog.fill("Review pull requests within one working day", "reviews later than a day", "reviews", "6", "0")
        assert dialog.problems() == []
        return True

    prompter.expect("dialog", vague_then_smart)
    prompter.expect("dialog", answer_reason("Code reviews were raised at the mid-plan evaluation."))
    qtbot.mouseClick(window.editor.ui.objectivesList.add_button, Qt.MouseButton.LeftButton)
    plan = stored(window)
    added = plan.objectives[-1]
    assert (added.title, added.baseline, added.target, added.due_date) == (
        "Review pull requests within one working day",
        6,
        0,
        dt.date(2026, 12, 21),
    )
    assert plan.revisions[-1].field == "objectives"
    assert plan.revisions[-1].reason == "Code reviews were raised at the mid-plan evaluation."


def test_a_closed_plan_is_shown_read_only_and_the_next_plan_is_editable_again(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.plan.editor import PlanEditor

    editor = PlanEditor(prompter, today=lambda: TODAY)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_session(PlanSession(book, BETH, editor))
    support = editor.ui.supportList
    assert editor.ui.titleEdit.isReadOnly() and editor.ui.endDateEdit.isReadOnly()
    assert not support.add_button.isEnabled()
    assert support.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers

    editor.set_session(PlanSession(book, ALEX, editor))
    assert not editor.ui.titleEdit.isReadOnly() and not editor.ui.summaryEdit.isReadOnly()
    assert support.add_button.isEnabled()
    assert not support.remove_button.isEnabled(), "nothing selected in the new plan's support"
    assert editor.ui.concernsList.remove_button.isEnabled(), "its first concern is selected"
    assert support.table.editTriggers() & QAbstractItemView.EditTrigger.DoubleClicked


def _template_plan(book: PlanBook, **changes: str) -> int:
    """A draft made from the missed-deadlines template, with ``changes``; its number in the book."""
    template = next(t for t in list_templates().templates if t.path.stem == "missed-deadlines")
    plan = plan_from_template(
        template, Person(name="Jo Marsh"), Person(name="Sam Okafor"), TODAY, TODAY + dt.timedelta(days=56)
    )
    return book.add(plan.model_copy(update=changes))


def test_issuing_a_plan_that_still_holds_template_guidance_warns_and_does_not_issue(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.plan import commands
    from pipdesk.services.templates import read_template

    guidance = read_template(list_templates().templates[0].path).guidance
    old = _template_plan(book, summary="Late work in May. " + next(iter(guidance.values())), context="Workload.")
    session = PlanSession(book, old)
    assert commands.issue_plan(session, prompter, TODAY) is False
    (warning,) = prompter.warnings()
    assert "template" in warning.title and "Summary of the concerns" in warning.text
    assert book.get(old).status.value == "draft"


def test_empty_fields_of_a_plan_from_a_template_show_its_guidance_as_placeholders(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.plan.editor import PlanEditor

    editor = PlanEditor(prompter, today=lambda: TODAY)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_session(PlanSession(book, _template_plan(book), editor))
    assert editor.ui.summaryEdit.toPlainText() == ""
    assert editor.ui.summaryEdit.placeholderText().startswith("Describe the missed deadlines")
    assert editor.ui.contextEdit.placeholderText().startswith("Note what may have contributed")
    editor.ui.summaryEdit.grab().save("/tmp/guidance-placeholder.png")


def test_history_names_fields_in_the_managers_words_and_one_change_is_one_row(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    from pipdesk.domain import Revision
    from pipdesk.gui.plan.history_model import HistoryModel

    plan = book.get(ALEX)
    at = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
    why = "Four more weeks to show it holds."
    plan.revisions += [
        Revision(at=at, field="end_date", old="2026-12-21", new="2027-01-18", reason=why),
        Revision(
            at=at, field=f"objectives.{plan.objectives[0].key}.due_date", old="2026-12-21", new="2027-01-18", reason=why
        ),
        Revision(at=at, field="milestones.Mid-plan evaluation.date", old="2026-11-09", new="2026-11-23", reason=why),
    ]
    history = HistoryModel()
    history.set_revisions(plan.revisions, plan)
    what = history.data(history.index(0, history.WHAT))
    assert what.splitlines()[0] == "End date" and "Mid-plan evaluation: date" in what
    assert what.splitlines()[1].startswith("Objective 1 “") and "." not in what.splitlines()[1].split(":")[-1]
    assert history.data(history.index(0, history.CHANGE)).splitlines()[0] == "21 Dec 2026 → 18 Jan 2027"
    assert history.data(history.index(0, history.WHY)) == why
    assert history.rowCount() == len(plan.revisions) - 2


def open_sound_draft(window: MainWindow) -> int:
    """A draft ready to issue (Alex's plan before issue, reviewed by HR), shown in the window; its number."""
    assert window.book is not None
    reviewed = HrReview(sent_on=dt.date(2026, 9, 21), reviewed_by="Priya Shah", reviewed_on=dt.date(2026, 9, 23))
    draft = window.book.get(ALEX).model_copy(
        update={"status": Status.DRAFT, "issued_on": None, "milestones": [], "hr_review": reviewed}
    )
    draft.checkins, draft.revisions, draft.acknowledgement = [], [], None
    plan_id = window.book.add(draft)
    window.refresh_plans()
    window.select_plan(plan_id)
    return plan_id


def test_a_refused_issue_takes_the_manager_to_the_objective_without_a_kind(
    window: MainWindow, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    open_sound_draft(window)
    assert window.session is not None
    window.session.change(
        "Add objective",
        lambda plan: plan.objectives.append(plan.objectives[0].model_copy(update={"key": "no-kind", "category": None})),
    )
    window.ui.viewTabs.setCurrentWidget(window.ui.timelineTab)
    window.ui.actionIssuePlan.trigger()
    [warning] = prompter.warnings()
    assert warning.text.count("•") == 1 and "kind: No kind" in warning.text
    assert window.session.plan.status is Status.DRAFT
    objectives = window.editor.ui.objectivesList
    assert window.ui.viewTabs.currentWidget() is window.ui.planTab
    assert objectives.current_row() == len(window.session.plan.objectives) - 1
    assert window.focusWidget() is objectives.table
    error = window.editor.lists["objectives"].error
    assert not error.isHidden() and "technical or behavioral" in error.text()  # the problem stays marked


def test_after_issue_the_manager_is_offered_to_print_and_then_to_record_the_acknowledgement(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    open_sound_draft(window)
    button = window.editor.ui.recordAcknowledgementButton
    assert not button.isVisibleTo(window)
    printed: list[QDialog] = []
    prompter.expect("confirm", True).expect("confirm", True).expect("dialog", lambda d: printed.append(d) and False)
    window.ui.actionIssuePlan.trigger()
    assert window.session is not None and window.session.plan.status is Status.ACTIVE
    offer = prompter.shown[1]
    assert offer.title == "Plan issued" and "Print the plan now?" in offer.text and "acknowledgement" in offer.text
    assert printed, "the print dialog was opened"
    assert button.isVisibleTo(window)

    def sign(dialog: QDialog) -> bool:
        assert isinstance(dialog, AcknowledgementDialog)
        return True

    prompter.expect("dialog", sign)
    button.click()
    assert window.session.plan.acknowledgement is not None
    assert not button.isVisibleTo(window)


def test_the_section_links_take_the_manager_to_each_section_of_the_plan(window: MainWindow, qtbot: QtBot) -> None:
    window.select_plan(ALEX)
    editor = window.editor
    bar = editor.ui.scrollArea.verticalScrollBar()
    assert bar.value() == 0
    qtbot.mouseClick(editor.sections.links["objectivesGroup"], Qt.MouseButton.LeftButton)
    assert bar.value() > 0
    group = editor.ui.objectivesGroup
    top = group.mapTo(editor.ui.scrollArea.viewport(), group.rect().topLeft()).y()
    assert 0 <= top < 20
    assert window.focusWidget() is not None and group.isAncestorOf(window.focusWidget())
    assert all(link.focusPolicy() & Qt.FocusPolicy.TabFocus for link in editor.sections.links.values())


def test_an_objective_of_a_draft_is_edited_in_the_dialog_as_one_undoable_step(
    window: MainWindow, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    window.select_plan(DMITRY)
    assert window.session is not None
    table = window.editor.ui.objectivesList.table
    assert all(not (table.model().flags(table.model().index(0, c)) & Qt.ItemFlag.ItemIsEditable) for c in range(5))

    def retarget(dialog: QDialog) -> bool:
        assert isinstance(dialog, ObjectiveDialog) and dialog.windowTitle() == "Edit objective"
        dialog.ui.targetEdit.setText("1")
        return True

    prompter.expect("dialog", retarget)
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.session.plan.objectives[0].target == 1
    window.undo_action.trigger()
    assert window.session.plan.objectives[0].target != 1


def test_empty_concern_descriptions_show_their_template_guidance_but_edit_and_save_empty(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyleOptionViewItem

    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.plan.editor import PlanEditor

    editor = PlanEditor(prompter, today=lambda: TODAY)
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    qtbot.waitExposed(editor)
    number = _template_plan(book)
    editor.set_session(PlanSession(book, number, editor))
    table = editor.ui.concernsList.table
    model = editor.ui.concernsList.model
    assert model is not None and model.rowCount() > 0
    column = next(n for n, c in enumerate(model.columns) if c.attr == "description")
    index = model.index(0, column)
    guidance = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert guidance and guidance.startswith("Describe the pattern")
    assert model.data(index, Qt.ItemDataRole.EditRole) == ""
    option = QStyleOptionViewItem()
    table.itemDelegate().initStyleOption(option, index)
    assert option.text == guidance
    assert option.palette.color(QPalette.ColorRole.Text) == option.palette.color(QPalette.ColorRole.PlaceholderText)
    cell_editor = table.itemDelegate().createEditor(table.viewport(), option, index)
    table.itemDelegate().setEditorData(cell_editor, index)
    assert isinstance(cell_editor, QLineEdit)
    assert cell_editor.text() == "" and cell_editor.placeholderText() == guidance
    editor.ui.concernsList.grab().save("/tmp/concern-guidance.png")
    assert book.get(number).concerns[0].description == ""
