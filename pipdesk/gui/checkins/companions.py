"""Formal meetings in the check-in form: whether the meeting is formal, whether the right to be accompanied
was offered, and who attended in which role; and the same, in words, for the check-in's record.

A kick-off, formal review, mid-plan evaluation or final review is formal whatever the box says; any
other check-in may be marked formal. Only a formal meeting records the offer and the attendance.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pipdesk.domain import Attendee, AttendeeRole, Checkin, CheckinKind, Plan, vocabulary
from pipdesk.domain.model import FORMAL_KINDS

#: The answers to "Right to be accompanied offered", and what each records.
OFFERED = (("Not recorded", None), ("Yes", True), ("No", False))
NAME, ROLE = range(2)
_ROLE_DATA = Qt.ItemDataRole.UserRole


def offered_text(offered: bool | None) -> str:
    return next(text for text, value in OFFERED if value is offered)


def attendance_text(attendance: list[Attendee]) -> str:
    """``Alex Moreno (employee); Dana Whitfield (manager)``."""
    return vocabulary.attendance(attendance)


def formal_lines(checkin: Checkin) -> list[str]:
    """What the check-in's record says of a formal meeting; nothing for an informal one."""
    if not checkin.is_formal:
        return []
    offer = {
        True: "The right to be accompanied was offered.",
        False: "The right to be accompanied was not offered.",
        None: "Whether the right to be accompanied was offered is not recorded.",
    }[checkin.companion_offered]
    lines = [f"A formal meeting. {offer}"]
    if checkin.attendance:
        lines.append(f"Attended by {attendance_text(checkin.attendance)}.")
    return lines


class RoleDelegate(QStyledItemDelegate):
    """The role column is edited with a list of the roles, in the vocabulary's words."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Role")
        for role, label in vocabulary.ATTENDEE_ROLES.items():
            combo.addItem(label, role.value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(_ROLE_DATA)), 0))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), _ROLE_DATA)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class FormalMeetingBox(QGroupBox):
    """The check-in form's part for formal meetings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Formal meeting and the right to be accompanied", parent)
        self.formal_check = QCheckBox("Formal &meeting", self)
        self.formal_check.setAccessibleName("Formal meeting")
        self.formal_check.setToolTip(
            "A kick-off, formal review, mid-plan evaluation or final review is always formal; "
            "mark another meeting formal when it was held as one"
        )
        self.offered_label = QLabel("Right to be accompanied &offered", self)
        self.offered_combo = QComboBox(self)
        self.offered_combo.setAccessibleName("Right to be accompanied offered")
        self.offered_combo.setToolTip("Whether the employee was told they could bring a companion or representative")
        for text, value in OFFERED:
            self.offered_combo.addItem(text, value)
        self.offered_label.setBuddy(self.offered_combo)
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName("Attendance")
        self.table.setHorizontalHeaderLabels(["Name", "Role"])
        self.table.setItemDelegateForColumn(ROLE, RoleDelegate(self.table))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(ROLE, 160)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 4 * 30 + 4)
        self.add_button = QPushButton("Add a&ttendee", self)
        self.add_button.setAccessibleName("Add attendee")
        self.remove_button = QPushButton("Remo&ve attendee", self)
        self.remove_button.setAccessibleName("Remove attendee")
        self.add_button.clicked.connect(lambda: self._add_new())
        self.remove_button.clicked.connect(self._remove_current)
        self.attendance_label = QLabel("Who attended, and in which role", self)
        grid = QGridLayout(self)
        grid.addWidget(self.formal_check, 0, 0)
        grid.addWidget(self.offered_label, 0, 1)
        grid.addWidget(self.offered_combo, 0, 2)
        grid.addWidget(self.attendance_label, 1, 0, 1, 3)
        grid.addWidget(self.table, 2, 0, 2, 3)
        grid.addWidget(self.add_button, 2, 3)
        grid.addWidget(self.remove_button, 3, 3, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        self.formal_check.toggled.connect(lambda _on: self._update())
        self._update()

    def in_tab_order(self) -> list[QWidget]:
        return [self.formal_check, self.offered_combo, self.table, self.add_button, self.remove_button]

    # Filling

    def set_kind(self, kind: CheckinKind) -> None:
        """A formal kind checks the box and fixes it; another kind leaves it to the manager."""
        fixed = kind in FORMAL_KINDS
        if fixed:
            self.formal_check.setChecked(True)
        self.formal_check.setEnabled(not fixed)
        self._update()

    def prefill(self, plan: Plan) -> None:
        """A new formal meeting starts with the employee and the manager as attendees."""
        if self.table.rowCount() == 0:
            for person, role in ((plan.employee, AttendeeRole.EMPLOYEE), (plan.manager, AttendeeRole.MANAGER)):
                if person.name.strip():
                    self.add_row(person.name, role)

    def load(self, checkin: Checkin) -> None:
        self.formal_check.setChecked(checkin.is_formal)
        self.offered_combo.setCurrentIndex(self.offered_combo.findData(checkin.companion_offered))
        self.table.setRowCount(0)
        for attendee in checkin.attendance:
            self.add_row(attendee.name, attendee.role)
        self._update()

    def add_row(self, name: str, role: AttendeeRole) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        role_item = QTableWidgetItem(vocabulary.attendee_role(role))
        role_item.setData(_ROLE_DATA, role.value)
        self.table.setItem(row, ROLE, role_item)
        return row

    def _add_new(self) -> None:
        row = self.add_row("", AttendeeRole.COMPANION)
        self.table.setCurrentCell(row, NAME)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, NAME))  # type: ignore[arg-type]  # set just above

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
        self._update()

    def _update(self) -> None:
        formal = self.formal_check.isChecked()
        for widget in (self.offered_label, self.offered_combo, self.attendance_label, self.table):
            widget.setVisible(formal)
        self.add_button.setVisible(formal)
        self.remove_button.setVisible(formal)
        self.remove_button.setEnabled(self.table.rowCount() > 0)

    # Reading

    def formal(self) -> bool:
        """Whether the meeting is marked formal (a formal kind is formal whatever this says)."""
        return self.formal_check.isChecked()

    def companion_offered(self) -> bool | None:
        offered: bool | None = self.offered_combo.currentData() if self.formal() else None
        return offered

    def attendance(self) -> list[Attendee]:
        """Who attended, in the order listed; rows left without a name are left out."""
        if not self.formal():
            return []
        attendees = []
        for row in range(self.table.rowCount()):
            name, role = self.table.item(row, NAME), self.table.item(row, ROLE)
            if name is not None and name.text().strip() and role is not None:
                attendees.append(Attendee(name=name.text().strip(), role=AttendeeRole(role.data(_ROLE_DATA))))
        return attendees
