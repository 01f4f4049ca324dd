"""The Plan view: every field of the plan, saved as it is typed, undoable, checked as you go.

On a draft every change is saved at once. Once a plan is issued, a change to its dates, cadence,
objectives, support or commitments is made when the field is left, and asks for a reason, which
is kept as a revision in the plan's history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from pipdesk.domain import (
    Concern,
    ConcernCategory,
    DatedNote,
    Objective,
    ObjectiveCategory,
    Person,
    Plan,
    Problem,
    SupportAction,
    SupportKind,
)
from pipdesk.domain.smart import plan_smart_issues
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.list_editor import Column, ListEditor, ListTableModel, enum_choices
from pipdesk.gui.common.prompts import Prompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_plan_editor import Ui_PlanEditor
from pipdesk.gui.plan.history_model import HistoryModel

_ROLES = ("employee", "manager", "hr_partner")
_PERSON_FIELDS = ("name", "job_title", "department", "email")
_PROTECTED_TEXTS = {"manager_commitments", "employee_commitments"}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _unique_key(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}-{number}" in taken:
        number += 1
    return f"{prefix}-{number}"


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(getattr(value, "value", value))


class _FieldEvents(QObject):
    """Watches the editor's fields.

    Calls back when a field loses focus (a plain text edit has no editingFinished), and lets
    Undo and Redo reach the plan's undo stack: a text field would otherwise take the keys for its
    own undo, which the plan would not know about.
    """

    def __init__(
        self, on_focus_out: Callable[[QWidget], None], on_undo_key: Callable[[bool], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.on_focus_out = on_focus_out
        self.on_undo_key = on_undo_key

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            self.on_focus_out(watched)
        elif event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if redo or event.matches(QKeySequence.StandardKey.Undo):
                if event.type() == QEvent.Type.KeyPress:
                    self.on_undo_key(redo)
                return True  # never the field's own undo; the plan's undo stack has every change
        return False


class _ListBinding:
    """A list of the plan shown in a ListEditor: how to read it, make a new item, and name items."""

    def __init__(
        self,
        editor: ListEditor,
        attribute: str,
        noun: str,
        columns: list[Column],
        new_item: Callable[[Plan], BaseModel],
        protected: bool,
        issues_column: str | None = None,
        items: Callable[[Plan], list[Any]] | None = None,
    ) -> None:
        self.editor = editor
        self.attribute = attribute
        self.noun = noun
        self.model = ListTableModel(columns, issues_column)
        self.new_item = new_item
        self.protected = protected
        self.items = items or (lambda plan: getattr(plan, attribute))
        editor.set_model(self.model, noun)
        self.error = QLabel(editor)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        show_as_error(self.error)
        self.error.hide()
        layout = editor.layout()
        if layout is not None:
            layout.addWidget(self.error)

    def item_name(self, item: Any) -> str:
        key = getattr(item, "key", None)
        return str(key) if key else str(getattr(item, "title", None) or getattr(item, "description", None) or "")


class PlanEditor(QWidget):
    """Edits one plan through a :class:`PlanSession`."""

    smart_count_changed = Signal(int)

    def __init__(self, prompter: Prompter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanEditor()
        self.ui.setupUi(self)
        self.prompter = prompter
        self.session: PlanSession | None = None
        self._refreshing = False
        self._pending: set[QWidget] = set()
        self._errors: dict[str, QLabel] = {
            "title": self.ui.titleError,
            "employee": self.ui.employeeError,
            "manager": self.ui.managerError,
            "hr_partner": self.ui.hrPartnerError,
            "start_date": self.ui.periodError,
            "end_date": self.ui.periodError,
            "checkin_every_days": self.ui.periodError,
        }
        for label in {*self._errors.values()}:
            self._style_error(label)
        self._field_events = _FieldEvents(self._left_field, self._undo_key, self)
        self._bind_scalars()
        self._bind_lists()
        self.history = HistoryModel(self)
        self.ui.historyTable.setModel(self.history)
        self.ui.historyTable.verticalHeader().setVisible(False)
        self.ui.historyTable.horizontalHeader().setStretchLastSection(True)
        self.ui.historyTable.setMinimumHeight(120)
        self._style_error(self.ui.smartSummary, quiet=True)

    # Setup

    def _style_error(self, label: QLabel, quiet: bool = False) -> None:
        if not quiet:
            show_as_error(label)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.hide()

    def _bind_scalars(self) -> None:
        ui = self.ui
        ui.titleEdit.textEdited.connect(lambda text: self._set_scalar("title", "Title", text, ui.titleEdit))
        ui.titleEdit.installEventFilter(self._field_events)
        for role in _ROLES:
            for field in _PERSON_FIELDS:
                edit: QLineEdit = getattr(ui, f"{_camel(role)}{_camel(field, first_upper=True)}Edit")
                edit.setProperty("pipdesk_person", (role, field))
                edit.textEdited.connect(lambda _text, e=edit: self._set_person(e))
                edit.installEventFilter(self._field_events)
                edit.setMaximumWidth(320)
        for name, date_edit in (("start_date", ui.startDateEdit), ("end_date", ui.endDateEdit)):
            date_edit.setProperty("pipdesk_field", name)
            date_edit.dateChanged.connect(lambda _d, e=date_edit: self._date_changed(e))
            date_edit.editingFinished.connect(lambda e=date_edit: self._left_field(e))
            date_edit.setMaximumWidth(160)
        ui.cadenceSpin.setProperty("pipdesk_field", "checkin_every_days")
        ui.cadenceSpin.valueChanged.connect(lambda _v: self._date_changed(ui.cadenceSpin))
        ui.cadenceSpin.editingFinished.connect(lambda: self._left_field(ui.cadenceSpin))
        ui.cadenceSpin.setMaximumWidth(160)
        for field in ("summary", "context", "manager_commitments", "employee_commitments", "consequences"):
            text_edit: QPlainTextEdit = getattr(ui, f"{_camel(field)}Edit")
            text_edit.setProperty("pipdesk_field", field)
            text_edit.textChanged.connect(lambda e=text_edit: self._text_changed(e))
            text_edit.installEventFilter(self._field_events)
            text_edit.setUndoRedoEnabled(False)
            text_edit.setFixedHeight(text_edit.fontMetrics().lineSpacing() * 4 + 12)

    def _bind_lists(self) -> None:
        ui = self.ui

        def concern_choices() -> list[tuple[str, Any]]:
            concerns = self.session.plan.concerns if self.session else []
            return [("—", None)] + [(f"{c.key}: {c.area}", c.key) for c in concerns]

        self.lists: dict[str, _ListBinding] = {}
        specs = [
            _ListBinding(
                ui.priorDiscussionsList,
                "prior_discussions",
                "discussion",
                [Column("Date", "date", "date", width=110), Column("What was discussed", "note")],
                lambda plan: DatedNote(date=min(dt.date.today(), plan.start_date), note=""),
                protected=False,
            ),
            _ListBinding(
                ui.concernsList,
                "concerns",
                "concern",
                [
                    Column("Key", "key", width=120, tooltip="A short name objectives use to point at this concern"),
                    Column("Area", "area", width=220),
                    Column("Category", "category", "choice", enum_choices(ConcernCategory), width=120),
                    Column("Description", "description"),
                ],
                lambda plan: Concern(key=_unique_key("concern", {c.key for c in plan.concerns}), area="New concern"),
                protected=False,
            ),
            _ListBinding(
                ui.evidenceList,
                "evidence",
                "evidence",
                [Column("Date", "date", "date", width=110), Column("Evidence", "note")],
                lambda plan: DatedNote(date=min(dt.date.today(), plan.start_date), note=""),
                protected=False,
                items=self._evidence_of,
            ),
            _ListBinding(
                ui.objectivesList,
                "objectives",
                "objective",
                [
                    Column("Key", "key", width=100),
                    Column("Objective", "title", width=220),
                    Column("Kind", "category", "choice", enum_choices(ObjectiveCategory), width=90),
                    Column("Answers concern", "concern", "choice", concern_choices, width=140),
                    Column("Metric", "metric", width=160, tooltip="What is measured"),
                    Column("Unit", "unit", width=60),
                    Column("Baseline", "baseline", "number", width=70),
                    Column("Target", "target", "number", width=70),
                    Column("Due", "due_date", "optional_date", width=100),
                    Column("Description", "description", width=200),
                ],
                lambda plan: Objective(
                    key=_unique_key("objective", {o.key for o in plan.objectives}),
                    title="New objective",
                    due_date=plan.end_date,
                ),
                protected=True,
                issues_column="SMART check",
            ),
            _ListBinding(
                ui.supportList,
                "support",
                "support action",
                [
                    Column("Kind", "kind", "choice", enum_choices(SupportKind), width=100),
                    Column("Support", "description", width=300),
                    Column("Owner", "owner", width=110),
                    Column("Due", "due_date", "optional_date", width=100),
                    Column("Done", "done", "bool", width=50),
                ],
                lambda plan: SupportAction(description="New support action", owner="Manager"),
                protected=True,
            ),
        ]
        for binding in specs:
            self.lists[binding.attribute] = binding
            binding.model.edit_requested.connect(
                lambda row, attr, value, b=binding: self._edit_item(b, row, attr, value)
            )
            binding.editor.add_requested.connect(lambda b=binding: self._add_item(b))
            binding.editor.remove_requested.connect(lambda row, b=binding: self._remove_item(b, row))
            binding.editor.move_requested.connect(lambda row, delta, b=binding: self._move_item(b, row, delta))
        ui.concernsList.current_row_changed.connect(lambda _row: self._refresh_evidence())

    # Showing a plan

    def set_session(self, session: PlanSession | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self.refresh)
            self.session.undo_stack.indexChanged.disconnect(self._undo_moved)
        self.session = session
        self._pending.clear()
        if session is not None:
            session.changed.connect(self.refresh)
            session.undo_stack.indexChanged.connect(self._undo_moved)
            self.refresh()
            if session.plan.concerns:
                self.ui.concernsList.select_row(0)

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
            for role in _ROLES:
                person = getattr(plan, role)
                for field in _PERSON_FIELDS:
                    edit = getattr(ui, f"{_camel(role)}{_camel(field, first_upper=True)}Edit")
                    self._set_line(edit, getattr(person, field) if person is not None else "")
            for edit, day in ((ui.startDateEdit, plan.start_date), (ui.endDateEdit, plan.end_date)):
                if edit not in self._pending and _pydate(edit.date()) != day:
                    edit.setDate(_qdate(day))
            if ui.cadenceSpin not in self._pending:
                ui.cadenceSpin.setValue(plan.checkin_every_days or 0)
            for field in ("summary", "context", "manager_commitments", "employee_commitments", "consequences"):
                text_edit = getattr(ui, f"{_camel(field)}Edit")
                if text_edit not in self._pending and text_edit.toPlainText() != getattr(plan, field):
                    text_edit.setPlainText(getattr(plan, field))
            ui.statusLabel.setText(plan.status.label)
            ui.issuedLabel.setText(plan.issued_on.isoformat() if plan.issued_on else "Not issued yet")
            ui.acknowledgementLabel.setText(_acknowledgement_text(plan))
            for binding in self.lists.values():
                if binding.attribute != "evidence":
                    binding.model.set_items(binding.items(plan))
            self._refresh_evidence()
            self._refresh_smart(plan)
            self.history.set_revisions(plan.revisions)
            self.ui.historyGroup.setVisible(bool(plan.revisions) or self.session.issued)
            self._apply_read_only(self.session.closed)
        finally:
            self._refreshing = False

    def _set_line(self, edit: QLineEdit, text: str) -> None:
        if edit not in self._pending and edit.text() != text:
            edit.setText(text)

    def _refresh_evidence(self) -> None:
        if self.session is None:
            return
        binding = self.lists["evidence"]
        concern = self._current_concern(self.session.plan)
        binding.model.set_items(concern.evidence if concern else [])
        binding.editor.set_read_only(concern is None or self.session.closed)
        self.ui.evidenceHeading.setText(
            f"Evidence for “{concern.area}”, dated as it happened"
            if concern
            else "Select a concern to see its evidence"
        )

    def _evidence_of(self, plan: Plan) -> list[DatedNote]:
        concern = self._current_concern(plan)
        return concern.evidence if concern is not None else []

    def _current_concern(self, plan: Plan) -> Concern | None:
        row = self.ui.concernsList.current_row()
        return plan.concerns[row] if 0 <= row < len(plan.concerns) else None

    def _refresh_smart(self, plan: Plan) -> None:
        issues = plan_smart_issues(plan)
        cells: dict[tuple[int, str], list[str]] = {}
        for row, row_issues in issues.items():
            for issue in row_issues:
                cells.setdefault((row, issue.field), []).append(issue.message)
        self.lists["objectives"].model.set_issues(cells)
        count = len(issues)
        if not plan.objectives:
            text = "No objectives yet: add the SMART objectives the plan is about."
        elif count:
            text = (
                f"{count} of {len(plan.objectives)} objectives need work before the plan is SMART (hover ⚠ to see why)."
            )
        else:
            text = f"All {len(plan.objectives)} objectives are specific, measurable and time-bound."
        self.ui.smartSummary.setText(text)
        self.ui.smartSummary.setVisible(True)
        self.smart_count_changed.emit(count)

    def _apply_read_only(self, read_only: bool) -> None:
        ui = self.ui
        for edit in self.findChildren(QLineEdit):
            if edit.parent() is not None and not isinstance(edit.parent(), QDateEdit | QSpinBox):
                edit.setReadOnly(read_only)
        for text_edit in self.findChildren(QPlainTextEdit):
            text_edit.setReadOnly(read_only)
        for widget in (ui.startDateEdit, ui.endDateEdit, ui.cadenceSpin):
            widget.setReadOnly(read_only)
        for binding in self.lists.values():
            if binding.attribute != "evidence":
                binding.editor.set_read_only(read_only)

    # Edits of single fields

    def _protected(self, field: str) -> bool:
        return (
            self.session is not None
            and self.session.issued
            and (field in _PROTECTED_TEXTS or field in {"start_date", "end_date", "checkin_every_days"})
        )

    def _set_scalar(self, field: str, label: str, value: Any, widget: QWidget) -> None:
        if self.session is None or self._refreshing:
            return
        problems = self.session.change(
            f"Edit {label.lower()}", lambda plan: setattr(plan, field, value), merge_key=field
        )
        self._show_problems(widget, field, problems)

    def _set_person(self, edit: QLineEdit) -> None:
        if self.session is None or self._refreshing:
            return
        role, _field = edit.property("pipdesk_person")
        ui = self.ui
        values = {
            f: getattr(ui, f"{_camel(role)}{_camel(f, first_upper=True)}Edit").text().strip() for f in _PERSON_FIELDS
        }
        if role == "hr_partner" and not any(values.values()):
            person: Person | None = None
        else:
            person = Person.model_validate(values)
        label = {"employee": "employee", "manager": "manager", "hr_partner": "HR partner"}[role]
        problems = self.session.change(
            f"Edit {label}", lambda plan: setattr(plan, role, person), merge_key=f"person.{role}"
        )
        self._show_problems(edit, role, problems)

    def _date_changed(self, widget: QDateEdit | QSpinBox) -> None:
        if self.session is None or self._refreshing:
            return
        field = widget.property("pipdesk_field")
        if self._protected(field):
            self._pending.add(widget)  # asked for a reason when the field is left
            return
        self._commit_field(widget)

    def _text_changed(self, edit: QPlainTextEdit) -> None:
        if self.session is None or self._refreshing:
            return
        if self._protected(edit.property("pipdesk_field")):
            self._pending.add(edit)
            return
        self._commit_field(edit)

    def _left_field(self, widget: QWidget) -> None:
        if self.session is not None and widget in self._pending and self._protected(widget.property("pipdesk_field")):
            self._commit_field(widget)

    def _field_value(self, widget: QWidget) -> Any:
        if isinstance(widget, QDateEdit):
            return _pydate(widget.date())
        if isinstance(widget, QSpinBox):
            return widget.value() or None
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        raise TypeError(widget)

    def _commit_field(self, widget: QWidget) -> None:
        assert self.session is not None
        field = widget.property("pipdesk_field")
        value = self._field_value(widget)
        old = getattr(self.session.plan, field)
        if value == old:
            self._pending.discard(widget)
            return
        label = _label(field)
        revision = None
        if self._protected(field):
            reason = self._ask_reason(f"{label}: {_as_text(old) or '(empty)'} → {_as_text(value) or '(empty)'}")
            if reason is None:
                self._pending.discard(widget)
                self.refresh()
                return
            revision = (field, _as_text(old), _as_text(value), reason)
        problems = self.session.change(
            f"Edit {label.lower()}", lambda plan: setattr(plan, field, value), merge_key=field, revision=revision
        )
        self._show_problems(widget, field, problems)

    def _ask_reason(self, change: str) -> str | None:
        from pipdesk.gui.common.reason import ReasonDialog

        dialog = ReasonDialog(change, self)
        if not self.prompter.run_dialog(dialog):
            return None
        return dialog.reason()

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

    def _list_of(self, binding: _ListBinding, plan: Plan) -> list[Any]:
        if binding.attribute == "evidence":
            return self._evidence_of(plan)
        items: list[Any] = getattr(plan, binding.attribute)
        return items

    def _list_change(
        self,
        binding: _ListBinding,
        text: str,
        edit: Callable[[list[Any]], None],
        revision_parts: tuple[str, str | None, str | None] | None,
        merge_key: str | None = None,
    ) -> bool:
        assert self.session is not None
        revision = None
        if binding.protected and self.session.issued and revision_parts is not None:
            field, old, new = revision_parts
            reason = self._ask_reason(f"{_label(field)}: {old or '(none)'} → {new or '(none)'}")
            if reason is None:
                self.refresh()
                return False
            revision = (field, old, new, reason)
        try:
            problems = self.session.change(
                text, lambda plan: edit(self._list_of(binding, plan)), merge_key=merge_key, revision=revision
            )
        except ValidationError as error:
            problems = [Problem((), _validation_message(error))]
        binding.error.setText("\n".join(p.message for p in problems))
        binding.error.setVisible(bool(problems))
        if problems:
            self.refresh()
        return not problems

    def _edit_item(self, binding: _ListBinding, row: int, attr: str, value: Any) -> None:
        if self.session is None:
            return
        items = self._list_of(binding, self.session.plan)
        old = getattr(items[row], attr)
        name = binding.item_name(items[row])
        self._list_change(
            binding,
            f"Edit {binding.noun}",
            lambda lst: setattr(lst[row], attr, value),
            (f"{binding.attribute}.{name}.{attr}", _as_text(old), _as_text(value)),
            merge_key=None,
        )

    def _add_item(self, binding: _ListBinding) -> None:
        if self.session is None:
            return
        item = binding.new_item(self.session.plan)
        if binding.attribute == "objectives" and self.session.issued:
            # An issued plan holds complete objectives only: ask for the whole SMART objective at once.
            from pipdesk.gui.plan.objective_dialog import ObjectiveDialog

            dialog = ObjectiveDialog(self.session.plan, getattr(item, "key", "objective"), self)
            if not self.prompter.run_dialog(dialog) or dialog.problems():
                return
            item = dialog.objective()
        if self._list_change(
            binding,
            f"Add {binding.noun}",
            lambda lst: lst.append(item),
            (binding.attribute, None, binding.item_name(item)),
        ):
            binding.editor.select_row(binding.model.rowCount() - 1)
            binding.editor.table.setFocus()

    def _remove_item(self, binding: _ListBinding, row: int) -> None:
        if self.session is None:
            return
        name = binding.item_name(self._list_of(binding, self.session.plan)[row])
        self._list_change(binding, f"Remove {binding.noun}", lambda lst: lst.pop(row), (binding.attribute, name, None))

    def _move_item(self, binding: _ListBinding, row: int, delta: int) -> None:
        if self.session is None:
            return
        target = row + delta

        def move(lst: list[Any]) -> None:
            lst.insert(target, lst.pop(row))

        # Order is presentation, not substance: no reason asked, but still one undoable step.
        if self._list_change(binding, f"Move {binding.noun}", move, None):
            binding.editor.select_row(target)


def _camel(name: str, first_upper: bool = False) -> str:
    parts = name.split("_")
    text = parts[0] + "".join(p.capitalize() for p in parts[1:])
    return text[0].upper() + text[1:] if first_upper else text


def _label(field: str) -> str:
    labels = {
        "start_date": "Start date",
        "end_date": "End date",
        "checkin_every_days": "Check-in cadence (days)",
        "manager_commitments": "Manager's commitments",
        "employee_commitments": "Employee's commitments",
        "support": "Support",
        "objectives": "Objectives",
    }
    if field in labels:
        return labels[field]
    return field.replace("_", " ").replace(".", " › ").capitalize()


def _widget_field(widget: QWidget) -> str:
    person = widget.property("pipdesk_person")
    return str(person[0]) if person else str(widget.property("pipdesk_field") or "title")


def _validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    if first["type"] in {"float_type", "float_parsing"}:
        return f"Expected a number, found {first.get('input')!r}"
    return str(first["msg"])


def _acknowledgement_text(plan: Plan) -> str:
    ack = plan.acknowledgement
    if ack is None:
        return "Not recorded" if plan.issued_on else "—"
    if ack.refused:
        witness = f", witnessed by {ack.witness}" if ack.witness else ", no witness recorded"
        return f"Declined to sign on {ack.on.isoformat()}{witness}"
    return f"Signed for receipt on {ack.on.isoformat()}"
