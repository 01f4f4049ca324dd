"""The Plan view: every field of the plan, saved as it is typed, undoable, checked as you go.

On a draft every change is saved at once. Once a plan is issued, a change to its dates, cadence,
objectives, support or commitments is made when the field is left, and asks for a reason, which
is kept as a revision in the plan's history (the decisions are in :mod:`pipdesk.gui.plan.commands`).
A closed plan is shown read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTableView, QWidget

from pipdesk.domain import Concern, Plan, Problem, vocabulary
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import day_in_period, prepare_date_edit, pydate, qdate
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.read_only import apply_read_only
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.session_view import SessionView
from pipdesk.gui.common.words import show_line
from pipdesk.gui.forms.ui_plan_editor import Ui_PlanEditor
from pipdesk.gui.plan import commands
from pipdesk.gui.plan.commands import PERSON_FIELDS, ROLES
from pipdesk.gui.plan.fair_process_parts import FairProcessParts
from pipdesk.gui.plan.field_events import FieldEvents
from pipdesk.gui.plan.guidance import show_guidance
from pipdesk.gui.plan.history_model import HistoryModel
from pipdesk.gui.plan.lists import ListBinding, plan_lists, smart_check
from pipdesk.gui.plan.navigation import SectionLinks, show_blockers
from pipdesk.gui.plan.next_step import NextStepLine
from pipdesk.gui.plan.reacknowledgement import AcknowledgementParts

_TEXTS = ("summary", "context", "manager_commitments", "employee_commitments", "consequences")


class PlanEditor(SessionView):
    """Edits one plan through a :class:`PlanSession`."""

    #: The manager asked to record the employee's acknowledgement (the button beside it).
    acknowledgement_requested = Signal()

    def __init__(
        self, prompter: Prompts, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanEditor()
        self.ui.setupUi(self)
        self.prompter = prompter
        self.today = today
        self._refreshing = False
        self._read_only = False
        self._new_plan = False
        self._pending: set[QWidget] = set()
        self._errors = _error_labels(self.ui)
        for label in {*self._errors.values()}:
            _style_message(label)
            show_as_error(label)
        self._field_events = FieldEvents(self._left_field, self._undo_key, self)
        self._bind_fields()
        self._bind_lists()
        self.history = HistoryModel(self)
        _show_history(self.ui.historyTable, self.history)
        _style_message(self.ui.smartSummary)
        self.ui.objectivesList.table.activated.connect(lambda index: self._edit_objective(index.row()))
        self.voice = AcknowledgementParts(self.ui, self.acknowledgement_requested)  # the employee's voice
        self.fair_process = FairProcessParts(self.ui, prompter, lambda: self.session, today, self)
        _add_help_links(self.ui)  # after the parts made in code, which take the Tab order on from the lists
        self.sections = SectionLinks(self.ui, self)  # after the parts made in code: it links to them too
        self.ui.outerLayout.insertWidget(0, self.sections)
        self.next_step = NextStepLine.under(self.sections, self.ui.outerLayout, self.fair_process.hr_review)

    # Setup

    def _bind_fields(self) -> None:
        ui = self.ui
        ui.titleEdit.textEdited.connect(lambda text: self._set_title(text))
        ui.titleEdit.installEventFilter(self._field_events)
        for role in ROLES:
            for field in PERSON_FIELDS:
                self._person_edit(role, field).setProperty("pipdesk_person", (role, field))
        for edit in self._person_edits():
            edit.textEdited.connect(lambda _text, e=edit: self._set_person(e))
            edit.installEventFilter(self._field_events)
            edit.setMaximumWidth(320)
        for name, date_edit in (("start_date", ui.startDateEdit), ("end_date", ui.endDateEdit)):
            prepare_date_edit(date_edit, self.today).setProperty("pipdesk_field", name)
            date_edit.dateChanged.connect(lambda _d, e=date_edit: self._field_changed(e))
            date_edit.editingFinished.connect(lambda e=date_edit: self._left_field(e))
            date_edit.setMaximumWidth(160)
        ui.cadenceSpin.setProperty("pipdesk_field", "checkin_every_days")
        ui.cadenceSpin.valueChanged.connect(lambda _v: self._field_changed(ui.cadenceSpin))
        ui.cadenceSpin.editingFinished.connect(lambda: self._left_field(ui.cadenceSpin))
        ui.cadenceSpin.setMaximumWidth(160)
        for field in _TEXTS:
            text_edit = self._text_edit(field)
            text_edit.setProperty("pipdesk_field", field)
            text_edit.textChanged.connect(lambda e=text_edit: self._field_changed(e))
            text_edit.installEventFilter(self._field_events)
            text_edit.setUndoRedoEnabled(False)
            text_edit.setFixedHeight(text_edit.fontMetrics().lineSpacing() * 4 + 12)

    def _person_edit(self, role: str, field: str) -> QLineEdit:
        edit: QLineEdit = getattr(self.ui, f"{_camel(role)}{_camel(field, first_upper=True)}Edit")
        return edit

    def _person_edits(self) -> list[QLineEdit]:
        return [self._person_edit(role, field) for role in ROLES for field in PERSON_FIELDS]

    def _text_edit(self, field: str) -> QPlainTextEdit:
        text_edit: QPlainTextEdit = getattr(self.ui, f"{_camel(field)}Edit")
        return text_edit

    def _bind_lists(self) -> None:
        self.lists: dict[str, ListBinding] = {}
        for binding in plan_lists(self.ui, self._shown_plan, self._current_concern):
            self.lists[binding.attribute] = binding
            binding.editor.default_date = lambda: day_in_period(self.today(), self._shown_plan())
            binding.model.edit_requested.connect(
                lambda row, attr, value, b=binding: self._edit_item(b, row, attr, value)
            )
            binding.editor.add_requested.connect(lambda b=binding: self._add_item(b))
            binding.editor.remove_requested.connect(lambda row, b=binding: self._remove_item(b, row))
            binding.editor.move_requested.connect(lambda row, delta, b=binding: self._move_item(b, row, delta))
        self.ui.concernsList.current_row_changed.connect(lambda _row: self._refresh_evidence())

    # Showing a plan

    def session_set(self, session: PlanSession | None) -> None:
        self._pending.clear()
        self._new_plan = True
        if session is not None:
            self.track(session.undo_stack.indexChanged, self._undo_moved)

    def _undo_key(self, redo: bool) -> None:
        if self.session is not None:
            if redo:
                self.session.undo_stack.redo()
            else:
                self.session.undo_stack.undo()

    def _undo_moved(self, _index: int) -> None:
        self._pending.clear()
        for label in self._errors.values():
            label.hide()
        self.refresh()

    def refresh(self) -> None:
        if self.session is None:
            return
        plan = self.session.plan
        ui = self.ui
        self._refreshing = True
        try:
            self._set_line(ui.titleEdit, plan.title)
            for edit in self._person_edits():
                role, field = edit.property("pipdesk_person")
                person = getattr(plan, role)
                self._set_line(edit, getattr(person, field) if person is not None else "")
            for date_edit, day in ((ui.startDateEdit, plan.start_date), (ui.endDateEdit, plan.end_date)):
                if date_edit not in self._pending and pydate(date_edit.date()) != day:
                    date_edit.setDate(qdate(day))
            if ui.cadenceSpin not in self._pending:
                ui.cadenceSpin.setValue(plan.checkin_every_days or 0)
            for field in _TEXTS:
                text_edit = self._text_edit(field)
                if text_edit not in self._pending and text_edit.toPlainText() != getattr(plan, field):
                    text_edit.setPlainText(getattr(plan, field))
            show_guidance(plan, {field: self._text_edit(field) for field in _TEXTS}, self.lists["concerns"].model)
            ui.statusLabel.setText(vocabulary.status(plan.status, plan.paused))
            ui.issuedLabel.setText(vocabulary.long_date(plan.issued_on) if plan.issued_on else "Not issued yet")
            self.voice.show_plan(plan)
            self.fair_process.show_plan(plan)
            self.next_step.show_plan(plan, self.today())
            for binding in self.lists.values():
                if binding.attribute != "evidence":
                    binding.model.set_items(binding.plan_list.of(plan))
            if self._new_plan:
                self._new_plan = False
                if plan.concerns:
                    self.ui.concernsList.select_row(0)
            self._refresh_evidence()
            self._refresh_smart(plan)
            self.history.set_revisions(plan.revisions, plan)
            self.ui.historyGroup.setVisible(bool(plan.revisions) or self.session.issued)
            self._set_read_only(self.session.closed)
        finally:
            self._refreshing = False

    def _set_read_only(self, read_only: bool) -> None:
        """A closed plan is shown, not edited: one rule for every view (:func:`apply_read_only`)."""
        if read_only == self._read_only:
            return
        self._read_only = read_only
        apply_read_only(self, read_only)
        if not read_only:
            for binding in self.lists.values():
                binding.editor.update_buttons()  # as they are now, not as they were when locked

    def _set_line(self, edit: QLineEdit, text: str) -> None:
        if edit not in self._pending and edit.text() != text:
            show_line(edit, text)

    def _refresh_evidence(self) -> None:
        if self.session is None:
            return
        binding = self.lists["evidence"]
        concern = self._current_concern(self.session.plan)
        binding.model.set_items(concern.evidence if concern else [])
        binding.editor.set_read_only(concern is None)
        self.fair_process.show_concern(self.session.plan, concern)
        self.ui.evidenceHeading.setText(
            f"Evidence for “{concern.area}”, dated as it happened"
            if concern
            else "Select a concern to see its evidence"
        )

    def _shown_plan(self) -> Plan | None:
        return self.session.plan if self.session is not None else None

    def _current_concern(self, plan: Plan) -> Concern | None:
        row = self.ui.concernsList.current_row()
        return plan.concerns[row] if 0 <= row < len(plan.concerns) else None

    def _refresh_smart(self, plan: Plan) -> None:
        cells, summary = smart_check(plan)
        self.lists["objectives"].model.set_issues(cells)
        self.ui.smartSummary.setText(summary)
        self.ui.smartSummary.setVisible(True)

    # Edits of single fields

    def _set_title(self, text: str) -> None:
        if self.session is not None and not self._refreshing:
            problems = commands.edit_field(self.session, self.prompter, self, "title", text)
            self._show_problems(self.ui.titleEdit, "title", problems or [])

    def _set_person(self, edit: QLineEdit) -> None:
        if self.session is None or self._refreshing:
            return
        role, _field = edit.property("pipdesk_person")
        values = {field: self._person_edit(role, field).text().strip() for field in PERSON_FIELDS}
        self._show_problems(edit, role, commands.set_person(self.session, role, values))

    def _field_changed(self, widget: QWidget) -> None:
        if self.session is None or self._refreshing:
            return
        if commands.asks_reason(self.session, widget.property("pipdesk_field")):
            self._pending.add(widget)  # asked for a reason when the field is left
            return
        self._commit_field(widget)

    def _left_field(self, widget: QWidget) -> None:
        if self.session is None or widget not in self._pending:
            return
        if commands.asks_reason(self.session, widget.property("pipdesk_field")):
            self._commit_field(widget)

    def _commit_field(self, widget: QWidget) -> None:
        assert self.session is not None
        field = widget.property("pipdesk_field")
        value = _field_value(widget)
        if value == getattr(self.session.plan, field):
            self._pending.discard(widget)
            return
        problems = commands.edit_field(self.session, self.prompter, self, field, value)
        if problems is None:  # the reason was not given: the plan stays as it was
            self._pending.discard(widget)
            self.refresh()
            return
        self._show_problems(widget, field, problems)

    def _show_problems(self, widget: QWidget, field: str, problems: list[Problem]) -> None:
        label = self._errors.get(field)
        if problems:
            self._pending.add(widget)
            if label is not None:
                label.setText("\n".join(p.message for p in problems))
                label.show()
        else:
            self._pending.discard(widget)
            if label is not None and not any(w for w in self._pending if self._errors.get(_widget_field(w)) is label):
                label.hide()

    # Edits of lists

    def _list_changed(self, binding: ListBinding, problems: list[Problem] | None) -> bool:
        """Show what the change of a list caused; true when it was made."""
        if problems is None:  # cancelled
            self.refresh()
            return False
        binding.show_problems(problems)
        if problems:
            self.refresh()
        return not problems

    def _edit_item(self, binding: ListBinding, row: int, attr: str, value: Any) -> None:
        if self.session is not None:
            problems = commands.edit_item(self.session, self.prompter, self, binding.plan_list, row, attr, value)
            self._list_changed(binding, problems)

    def _add_item(self, binding: ListBinding) -> None:
        if self.session is None:
            return
        problems = commands.add_item(self.session, self.prompter, self, binding.plan_list, self.today())
        if self._list_changed(binding, problems):
            binding.editor.select_row(binding.model.rowCount() - 1)
            binding.editor.table.setFocus()

    def _edit_objective(self, row: int) -> None:
        if self.session is not None and not self.session.closed:
            self._list_changed(
                self.lists["objectives"], commands.edit_objective(self.session, self.prompter, self, row)
            )

    def show_blockers(self, blockers: list[Problem]) -> None:
        """Mark what stops the plan being issued, each in its list, and go to the first of them."""
        if self.session is not None:
            show_blockers(self.ui, self.lists, self.session.plan, blockers)

    def _remove_item(self, binding: ListBinding, row: int) -> None:
        if self.session is not None:
            self._list_changed(binding, commands.remove_item(self.session, self.prompter, self, binding.plan_list, row))

    def _move_item(self, binding: ListBinding, row: int, delta: int) -> None:
        if self.session is not None and self._list_changed(
            binding, commands.move_item(self.session, binding.plan_list, row, delta)
        ):
            binding.editor.select_row(row + delta)


def _show_history(table: QTableView, history: HistoryModel) -> None:
    table.setModel(history)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(120)


def _style_message(label: QLabel) -> None:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()


def _field_value(widget: QWidget) -> Any:
    if isinstance(widget, QDateEdit):
        return pydate(widget.date())
    if isinstance(widget, QSpinBox):
        return widget.value() or None
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    raise TypeError(widget)


def _camel(name: str, first_upper: bool = False) -> str:
    parts = name.split("_")
    text = parts[0] + "".join(p.capitalize() for p in parts[1:])
    return text[0].upper() + text[1:] if first_upper else text


def _widget_field(widget: QWidget) -> str:
    person = widget.property("pipdesk_person")
    return str(person[0]) if person else str(widget.property("pipdesk_field") or "title")


def _add_help_links(ui: Ui_PlanEditor) -> None:
    """The "?" of the objectives and the support, opening the user guide at their chapters."""
    ui.objectivesList.add_help("objectives", "writing SMART objectives")
    ui.supportList.add_help("support", "the support a plan offers")


def _error_labels(ui: Ui_PlanEditor) -> dict[str, QLabel]:
    """The line under each field group that says what is wrong with it, by the plan's field."""
    return {
        "title": ui.titleError,
        "employee": ui.employeeError,
        "manager": ui.managerError,
        "hr_partner": ui.hrPartnerError,
        "start_date": ui.periodError,
        "end_date": ui.periodError,
        "checkin_every_days": ui.periodError,
    }
