"""The question a plan file opened from outside puts: into which plan book does it go?"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from pipdesk.gui.common.dialogs import finish_dialog
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.shell.book import PLAN_BOOK_FILTER


class ChooseBookDialog(QDialog):
    """Which plan book a plan file opened with pipdesk goes into: the one open now, one used before, or another."""

    def __init__(
        self,
        file_name: str,
        books: list[Path],
        prompter: Prompts,
        parent: QWidget | None = None,
        open_now: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import plan file")
        self.prompter = prompter
        self.books = list(books)
        question = QLabel(f"Import the plan file {file_name} into which plan book?", self)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Plan books")
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(520)
        self.open_now = open_now
        for book in self.books:
            self._add(book)
        self.another = QPushButton("&Another plan book…", self)
        self.another.setAccessibleName("Choose another plan book")
        self.another.clicked.connect(self.choose_another)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        for widget in (question, self.list, self.another, self.buttons):
            layout.addWidget(widget)
        layout.setAlignment(self.another, Qt.AlignmentFlag.AlignLeft)
        self.list.currentRowChanged.connect(self._enable)
        finish_dialog(self, self.buttons, "Import", self.accept)
        if self.books:
            self.list.setCurrentRow(0)
        self._enable()

    def choose_another(self) -> None:
        path = self.prompter.open_file("Choose the plan book", PLAN_BOOK_FILTER)
        if path is None:
            return
        if path in self.books:
            self.list.setCurrentRow(self.books.index(path))
            return
        self.books.append(path)
        self._add(path)
        self.list.setCurrentRow(len(self.books) - 1)

    def _add(self, book: Path) -> None:
        self.list.addItem(f"{book.name}{' (open now)' if book == self.open_now else ''}, in {book.parent}")
        self.list.item(self.list.count() - 1).setToolTip(str(book))

    def choose(self, path: Path) -> None:
        self.list.setCurrentRow(self.books.index(path))

    def chosen(self) -> Path | None:
        row = self.list.currentRow()
        return self.books[row] if 0 <= row < len(self.books) else None

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)
