"""The check-in form: when and who, what was said, and a measured value and rating for each objective.

A new check-in starts from the next scheduled milestone. Beside each objective's input stands the
last value measured before this check-in and the target, so the trend shows while typing; the
rating follows the domain's judgement of the trend until the manager picks one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from pipdesk.domain import Checkin, CheckinKind, Milestone, MilestoneKind, Objective, Plan, Progress, Rating, vocabulary
from pipdesk.domain.model import FORMAL_KINDS, compact_number
from pipdesk.domain.progress import Point, objective_status, series
from pipdesk.domain.rules import plan_problems
from pipdesk.domain.schedule import milestone_fulfilled_by
from pipdesk.gui.checkins.companions import FormalMeetingBox
from pipdesk.gui.checkins.models import quantity, target_text
from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, pydate, qdate
from pipdesk.gui.common.help_link import open_guide
from pipdesk.gui.common.list_editor import parse_number
from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.gui.common.words import show_line
from pipdesk.gui.forms.ui_checkin_form_dialog import Ui_CheckinFormDialog

_KIND_FOR_MILESTONE = {
    MilestoneKind.KICKOFF: CheckinKind.KICKOFF,
    MilestoneKind.MIDPOINT: CheckinKind.MIDPOINT,
    MilestoneKind.FINAL: CheckinKind.FINAL,
}
#: The kinds in the order the form lists them: the usual one first, then the formal meetings in plan order.
KIND_ORDER = (
    CheckinKind.CHECKIN,
    CheckinKind.KICKOFF,
    CheckinKind.FORMAL_REVIEW,
    CheckinKind.MIDPOINT,
    CheckinKind.FINAL,
)
_RATINGS = (Rating.ON_TRACK, Rating.AT_RISK, Rating.OFF_TRACK, Rating.MET)
#: The check-in's text fields and the boxes that hold them.
TEXT_EDITS = {
    "notes": "notesEdit",
    "employee_comments": "employeeCommentsEdit",
    "wins": "winsEdit",
    "concerns": "concernsEdit",
    "next_steps": "nextStepsEdit",
    "private_notes": "privateNotesEdit",
}


def prefill_milestone(plan: Plan, today: dt.date) -> Milestone | None:
    """The milestone a new check-in starts from: the latest one not held by today, if any.

    Never one still ahead: a check-in records a meeting that took place, and a form that opened on
    next week's date would start by refusing it. Without one, the form starts on today.
    """
    held_by_now = [m for m in plan.milestones if not m.done and m.date <= today]
    return max(held_by_now, key=lambda m: m.date) if held_by_now else None


@dataclass
class ObjectiveRow:
    """The inputs of one objective in the form."""

    objective: Objective
    title: QLabel
    value_edit: QLineEdit
    unit: QLabel
    last: QLabel
    rating_combo: QComboBox
    comment_edit: QLineEdit
    rating_chosen: bool = False  # once the manager picks a rating, the suggestion leaves it alone

    def value(self) -> float | str | None:
        return parse_number(self.value_edit.text())

    def rating(self) -> Rating | None:
        data = self.rating_combo.currentData()
        return Rating(data) if data else None

    def set_rating(self, rating: Rating | None) -> None:
        self.rating_combo.setCurrentIndex(max(self.rating_combo.findData(rating.value if rating else None), 0))


def future_checkin_problem(day: dt.date, today: dt.date) -> str | None:
    """A check-in records a meeting that took place, so it cannot be dated after today."""
    if day <= today:
        return None
    return (
        f"Check-in date {day.isoformat()} is after today ({today.isoformat()}): "
        "log a check-in once the meeting has taken place"
    )


class CheckinFormDialog(QDialog):
    """Logs a new check-in (``checkin_index`` None) or amends ``plan.checkins[checkin_index]``."""

    def __init__(
        self,
        plan: Plan,
        today: dt.date,
        checkin_index: int | None = None,
        amend_note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CheckinFormDialog()
        self.ui.setupUi(self)
        self.plan = plan
        self.today = today
        self.checkin_index = checkin_index
        self.original = plan.checkins[checkin_index] if checkin_index is not None else None
        self._others = plan.model_copy(deep=True)
        if checkin_index is not None:
            self._others.checkins.pop(checkin_index)
        prepare_date_edit(self.ui.dateEdit, lambda: today)
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        for label in (self.ui.dateError, self.ui.errorLabel):
            show_as_error(label)
            label.hide()
        for kind in KIND_ORDER:
            self.ui.kindCombo.addItem(vocabulary.checkin_kind(kind), kind.value)
        self.formal_box = FormalMeetingBox(self.ui.content)
        self.ui.contentLayout.insertWidget(0, self.formal_box)
        for name in TEXT_EDITS.values():
            edit: QPlainTextEdit = getattr(self.ui, name)
            # Four lines each keep the whole form on screen; longer text scrolls inside its box.
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 14)
        self.ui.contentLayout.addStretch(1)  # room to spare goes below the form, not between label and box
        self.rows: dict[str, ObjectiveRow] = {}
        self._build_progress_rows()

        self.milestone: Milestone | None = None
        if self.original is None:
            self.setWindowTitle("New check-in")
            self._prefill_new()
            self.ui.amendLabel.hide()
        else:
            self.setWindowTitle(f"Amend the check-in of {vocabulary.short_date(self.original.date)}")
            self._prefill(self.original)
            self.ui.milestoneLabel.hide()
            self.ui.amendLabel.setText(amend_note)
            self.ui.amendLabel.setVisible(bool(amend_note))

        self.ui.dateEdit.dateChanged.connect(lambda _d: self._update())
        self.ui.kindCombo.currentIndexChanged.connect(lambda _i: self._update())
        self.ui.kindCombo.currentIndexChanged.connect(lambda _i: self._ask_questions())
        self.ui.kindCombo.currentIndexChanged.connect(lambda _i: self._kind_chosen())
        self.formal_box.formal_check.toggled.connect(lambda _on: self._kind_chosen())
        self.ui.buttonBox.addButton(QDialogButtonBox.StandardButton.Help)
        self.ui.buttonBox.helpRequested.connect(lambda: open_guide("check-ins"))  # the user guide's chapter
        self.ui.buttonBox.accepted.connect(self._accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._update()
        self._ask_questions()
        self._kind_chosen()
        fit_to_screen(self, QSize(960, max(640, self.sizeHint().height())))
        self.ui.notesEdit.setFocus()

    # Building and filling the form

    def _build_progress_rows(self) -> None:
        grid = self.ui.progressGrid
        group = self.ui.progressGroup
        if not self.plan.objectives:
            empty = QLabel("The plan has no objectives yet, so there is nothing to measure.", group)
            grid.addWidget(empty, 0, 0)
            return
        for column, text in enumerate(("Objective", "Measured", "", "Trend so far", "Rating", "Comment")):
            header = QLabel(text, group)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        QWidget.setTabOrder(self.ui.attendeesEdit, self.ui.scrollArea)  # the header, then what scrolls below it
        previous: QWidget = self.ui.scrollArea
        for widget in self.formal_box.in_tab_order():
            QWidget.setTabOrder(previous, widget)
            previous = widget
        for number, objective in enumerate(self.plan.objectives, start=1):
            title = QLabel(objective.title, group)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            title.setMinimumWidth(200)
            title.setToolTip(objective.metric)
            value_edit = QLineEdit(group)
            value_edit.setFixedWidth(80)
            value_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            value_edit.setAccessibleName(f"Measured value: {objective.title}")
            value_edit.setPlaceholderText("value")
            title.setBuddy(value_edit)
            unit = QLabel(objective.unit, group)
            unit.setTextFormat(Qt.TextFormat.PlainText)
            last = QLabel(group)
            last.setTextFormat(Qt.TextFormat.PlainText)
            last.setWordWrap(True)
            last.setMinimumWidth(240)
            palette = last.palette()
            palette.setColor(QPalette.ColorRole.WindowText, muted)
            last.setPalette(palette)
            rating_combo = QComboBox(group)
            rating_combo.addItem("—", None)
            for rating in _RATINGS:
                rating_combo.addItem(rating.label, rating.value)
            rating_combo.setAccessibleName(f"Rating: {objective.title}")
            rating_combo.setToolTip("Suggested from the trend until you choose one yourself")
            comment_edit = QLineEdit(group)
            comment_edit.setAccessibleName(f"Comment: {objective.title}")
            comment_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            comment_edit.setMinimumWidth(160)
            for column, widget in enumerate((title, value_edit, unit, last, rating_combo, comment_edit)):
                grid.addWidget(widget, number, column)
            row = ObjectiveRow(objective, title, value_edit, unit, last, rating_combo, comment_edit)
            self.rows[objective.key] = row
            value_edit.textChanged.connect(lambda _text, r=row: self._value_typed(r))
            rating_combo.activated.connect(lambda _i, r=row: setattr(r, "rating_chosen", True))
            for widget in (value_edit, rating_combo, comment_edit):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        grid.setColumnStretch(5, 1)
        QWidget.setTabOrder(previous, self.ui.notesEdit)

    def _prefill_new(self) -> None:
        plan = self.plan
        self.milestone = prefill_milestone(plan, self.today)
        if self.milestone is not None:
            day = self.milestone.date
            kind = _KIND_FOR_MILESTONE.get(self.milestone.kind, CheckinKind.CHECKIN)
        else:
            day = min(max(self.today, plan.start_date), plan.end_date)
            kind = CheckinKind.CHECKIN
        self.ui.dateEdit.setDate(qdate(day))
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(kind.value))
        show_line(self.ui.attendeesEdit, ", ".join(p.name for p in (plan.employee, plan.manager) if p.name.strip()))

    def _prefill(self, checkin: Checkin) -> None:
        self.ui.dateEdit.setDate(qdate(checkin.date))
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(checkin.kind.value))
        show_line(self.ui.attendeesEdit, checkin.attendees)
        self.formal_box.load(checkin)
        for name, widget in TEXT_EDITS.items():
            getattr(self.ui, widget).setPlainText(getattr(checkin, name))
        for progress in checkin.progress:
            row = self.rows.get(progress.objective)
            if row is None:
                continue
            row.value_edit.setText(str(compact_number(progress.value)) if progress.value is not None else "")
            row.set_rating(progress.rating)
            row.rating_chosen = True
            show_line(row.comment_edit, progress.comment)

    # Reading the form

    def date(self) -> dt.date:
        return pydate(self.ui.dateEdit.date())

    def kind(self) -> CheckinKind:
        return CheckinKind(self.ui.kindCombo.currentData())

    def checkin(self) -> Checkin:
        """The check-in as filled in; a value that is not a number is left out (see :meth:`problems`)."""
        progress = []
        for row in self.rows.values():
            value = row.value()
            number = value if isinstance(value, float) else None
            comment = row.comment_edit.text().strip()
            if number is None and row.rating() is None and not comment:
                continue
            progress.append(Progress(objective=row.objective.key, value=number, rating=row.rating(), comment=comment))
        texts = {name: getattr(self.ui, widget).toPlainText().strip() for name, widget in TEXT_EDITS.items()}
        box = self.formal_box
        attendance = box.attendance()
        # A formal meeting's attendees are its attendance; the line is kept for an older record without one.
        attendees = ", ".join(a.name for a in attendance) or self.ui.attendeesEdit.text().strip()
        return Checkin(
            date=self.date(),
            kind=self.kind(),
            attendees=attendees,
            progress=progress,
            formal=box.formal() and self.kind() not in FORMAL_KINDS,
            companion_offered=box.companion_offered(),
            attendance=attendance,
            **texts,
        )

    def problems(self) -> list[str]:
        """What keeps the check-in from being saved, in the domain's words."""
        return self._date_problems() + self._value_problems()

    def _date_problems(self) -> list[str]:
        checkin = self.checkin()
        candidate = self._others.model_copy(deep=True)
        candidate.checkins.append(checkin)
        position = len(candidate.checkins) - 1
        problems = [
            p.message
            for p in plan_problems(candidate)
            if p.path[:3] == ("plan", "checkins", position) and p.path[3:4] == ("date",)
        ]
        future = future_checkin_problem(checkin.date, self.today)
        return problems or ([future] if future else [])

    def _value_problems(self) -> list[str]:
        return [
            f"{row.objective.title}: expected a number, found {row.value_edit.text().strip()!r}"
            for row in self.rows.values()
            if isinstance(row.value(), str)
        ]

    # Reacting to input

    def _points_before(self, objective: Objective, day: dt.date) -> list[Point]:
        return [point for point in series(self._others, objective.key) if point[0] <= day]

    def _update(self) -> None:
        day = self.date()
        for row in self.rows.values():
            row.last.setText(self._trend_text(row.objective, day))
            row.last.setToolTip(row.last.text())
            self._suggest_rating(row)
        self._update_milestone(day)
        self._show_problems()

    def _trend_text(self, objective: Objective, day: dt.date) -> str:
        points = self._points_before(objective, day)
        target = target_text(objective)
        if points:
            last_day, last_value = points[-1]
            return f"last: {quantity(last_value, objective.unit)} on {vocabulary.short_date(last_day)}, {target}"
        if objective.baseline is not None:
            return f"first value; baseline {quantity(objective.baseline, objective.unit)}, {target}"
        return f"first value; {target}"

    def _ask_questions(self) -> None:
        """The kind's questions where the manager writes: placeholders only, so they are never saved."""
        questions = vocabulary.checkin_questions(self.kind())
        self.ui.guidanceLabel.setText(questions.get("guidance", ""))
        self.ui.guidanceLabel.setVisible("guidance" in questions)
        for name, widget in TEXT_EDITS.items():
            getattr(self.ui, widget).setPlaceholderText(questions.get(name, ""))

    def _kind_chosen(self) -> None:
        """A formal kind is a formal meeting; a new one lists the employee and the manager as attendees."""
        self.formal_box.set_kind(self.kind())
        formal = self.formal_box.formal()
        if formal and self.original is None:
            self.formal_box.prefill(self.plan)
        # A formal meeting lists who attended in its table; the line is for the others.
        self.ui.attendeesEdit.setVisible(not formal)
        self.ui.attendeesLabel.setVisible(not formal)

    def _update_milestone(self, day: dt.date) -> None:
        if self.original is not None:
            return
        index = milestone_fulfilled_by(self.plan.milestones, day, self.kind(), self.plan.checkin_every_days)
        if index is None:
            text = "No scheduled milestone matches this date and kind; the check-in is logged on its own."
        else:
            milestone = self.plan.milestones[index]
            scheduled = vocabulary.short_date(milestone.date)
            text = f"Logs “{milestone.title}”, scheduled for {scheduled}; saving marks it held."
        self.ui.milestoneLabel.setText(text)

    def _value_typed(self, row: ObjectiveRow) -> None:
        self._suggest_rating(row)
        self._show_problems()

    def _suggest_rating(self, row: ObjectiveRow) -> None:
        if row.rating_chosen:
            return
        value = row.value()
        if not isinstance(value, float):
            row.set_rating(None)
            return
        day = self.date()
        points = [*self._points_before(row.objective, day), (day, value)]
        row.set_rating(objective_status(row.objective, points, day).rating)

    def _show_problems(self) -> list[str]:
        dates = self._date_problems()
        values = self._value_problems()
        self.ui.dateError.setText("\n".join(dates))
        self.ui.dateError.setVisible(bool(dates))
        self.ui.errorLabel.setText("\n".join(values))
        self.ui.errorLabel.setVisible(bool(values))
        self.save_button.setEnabled(not dates and not values)
        return dates + values

    def _accept(self) -> None:
        if not self._show_problems():
            self.accept()
