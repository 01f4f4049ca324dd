"""The evidence files of one place of a plan (the plan, a concern, a check-in, the outcome), as a list:
Attach…, Open, Save as…, Remove, and files dropped on it from the file manager.

The list follows the open plan's session; what it does is in :mod:`pipdesk.gui.common.attachment_commands`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pipdesk.domain import Attachment, Plan, Problem, vocabulary
from pipdesk.domain.attachments import size_text
from pipdesk.gui.common import attachment_commands as commands
from pipdesk.gui.common.attachment_commands import Place
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.read_only import keep_enabled_when_read_only
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.table_model import Index, RowsModel

#: Said under an empty list.
EMPTY = "No files attached. Attach a file, or drop it here from your file manager."


class AttachmentsModel(RowsModel[Attachment]):
    """The files of one place: name, the date each is evidence for, size, date added, shared or not."""

    NAME, EVIDENCE_FOR, SIZE, ADDED_ON, SHARED = range(5)
    HEADERS = ("Name", "Evidence for", "Size", "Added on", "Shared")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        attachment = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(attachment, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [attachment.name, attachment.description, f"SHA-256 {attachment.sha256}"]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _cell(attachment: Attachment, column: int) -> str:
    if column == AttachmentsModel.NAME:
        return attachment.name
    if column == AttachmentsModel.EVIDENCE_FOR:
        return vocabulary.short_date(attachment.evidence_for) if attachment.evidence_for else "—"
    if column == AttachmentsModel.SIZE:
        return size_text(attachment.size)
    if column == AttachmentsModel.ADDED_ON:
        return vocabulary.short_date(attachment.added_on)
    return "✓ Yes" if attachment.shareable else "No"  # with the employee: their copy lists it


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files named by a drop (links to web pages and text are not files)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class AttachmentsList(QWidget):
    """A table of the files at :meth:`set_place`, with its buttons; files may be dropped on it."""

    def __init__(
        self,
        prompter: Prompts,
        session: Callable[[], PlanSession | None],
        today: Callable[[], dt.date],
        noun: str = "evidence file",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prompter, self.session, self.today = prompter, session, today
        self.place: Place | None = None
        self.editable = True
        self.model = AttachmentsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(f"{noun.capitalize()}s")
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AttachmentsModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(AttachmentsModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3 + 28)
        self.empty_label = QLabel(EMPTY, self)
        self.empty_label.setWordWrap(True)
        self.add_button = self._button("Attach file…", f"Attach {noun}")
        self.open_button = self._button("Open", f"Open {noun}")
        self.save_button = self._button("Save as…", f"Save {noun} as")
        self.remove_button = self._button("Remove", f"Remove {noun}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        for button in self.focus_chain()[1:]:
            buttons.addWidget(button)
        buttons.addStretch(1)
        for first, second in itertools.pairwise(self.focus_chain()):
            QWidget.setTabOrder(first, second)
        self.add_button.clicked.connect(self.attach)
        self.open_button.clicked.connect(self.open_current)
        self.save_button.clicked.connect(self.save_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        self.model.modelReset.connect(self.update_buttons)
        for button in (self.open_button, self.save_button):
            keep_enabled_when_read_only(button)  # a closed plan's files are still read and saved
        self.setAcceptDrops(True)
        self.update_buttons()

    def focus_chain(self) -> tuple[QWidget, ...]:
        """Its widgets in the order Tab reaches them."""
        return (self.table, self.add_button, self.open_button, self.save_button, self.remove_button)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        return button

    # What it shows

    def set_place(self, place: Place | None, plan: Plan | None, editable: bool = True) -> None:
        """Show the files at ``place`` of ``plan`` (none when either is None); ``editable``: may add and remove."""
        self.place, self.editable = place, editable
        files = place.locate(plan) if place is not None and plan is not None else None
        current = self.current_row()
        self.model.set_rows(files or [])
        self.select_row(min(current, self.model.rowCount() - 1))
        self.empty_label.setVisible(place is not None and not files)
        self.update_buttons()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))

    def current(self) -> Attachment | None:
        row = self.current_row()
        return self.model.rows[row] if row >= 0 else None

    def update_buttons(self) -> None:
        can_change = self.place is not None and self.editable
        selected = self.current_row() >= 0
        self.add_button.setEnabled(can_change)
        self.remove_button.setEnabled(can_change and selected)
        self.open_button.setEnabled(selected)
        self.save_button.setEnabled(selected)

    # What it does

    def attach(self) -> None:
        """Ask for a file and attach it."""
        path = self.prompter.open_file("Attach evidence file", "All files (*)")
        if path is not None:
            self.attach_paths([path])

    def attach_paths(self, paths: Sequence[Path]) -> None:
        session = self.session()
        if session is None or self.place is None or not self.editable or not paths:
            return
        place = self.place
        self._report(commands.attach_files(session, self.prompter, self, self.today(), place, paths), "attached")
        self.select_row(self.model.rowCount() - 1)

    def remove_current(self) -> None:
        session, row = self.session(), self.current_row()
        if session is None or self.place is None or row < 0 or not self.editable:
            return
        self._report(commands.remove_file(session, self.prompter, self, self.place, row), "removed")

    def open_current(self) -> None:
        session, attachment = self.session(), self.current()
        if session is not None and attachment is not None:
            commands.open_file(session, self.prompter, attachment)

    def save_current(self) -> None:
        session, attachment = self.session(), self.current()
        if session is not None and attachment is not None:
            commands.save_file_as(session, self.prompter, attachment)

    def _report(self, problems: list[Problem] | None, done: str) -> None:
        if problems:
            self.prompter.warning(f"The file was not {done}", "\n".join(p.message for p in problems))
        self.table.setFocus()

    # Files dropped from the file manager

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._consider(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._consider(event)

    def _consider(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if self.add_button.isEnabled() and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if not self.add_button.isEnabled() or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_paths(paths)


class TitledAttachments(QWidget):
    """A list of files under a heading saying whose they are (the selected concern's, check-in's…)."""

    def __init__(self, files: AttachmentsList, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.files = files
        files.setParent(self)
        files.table.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.files)

    def show_place(self, place: Place | None, plan: Plan | None, editable: bool, none_selected: str) -> None:
        """The files at ``place`` under "Files of …"; ``none_selected`` when there is no place."""
        self.heading.setText(f"Files of {place.words}" if place is not None else none_selected)
        self.files.set_place(place, plan, editable)
