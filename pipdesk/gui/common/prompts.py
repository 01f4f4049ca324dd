"""Every question and message the app puts to the person goes through one Prompter.

The app uses :class:`Prompter` (real dialogs); tests give the main window a scripted one that
answers from a queue, so nothing in a tested path blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QPushButton, QWidget


class Prompts(Protocol):
    """What a view, a dialog or a command may ask of the person; views are given one, never make one."""

    def info(self, title: str, text: str) -> None: ...

    def warning(self, title: str, text: str, details: str | None = None) -> None: ...

    def confirm(self, title: str, text: str, action: str) -> bool: ...

    def ask_text(self, title: str, label: str, text: str = "") -> str | None: ...

    def run_dialog(self, dialog: QDialog) -> bool: ...

    def open_file(self, title: str, name_filter: str, folder: str = "") -> Path | None: ...

    def save_file(self, title: str, suggested: str, name_filter: str) -> Path | None: ...


class Prompter:
    """Real dialogs, parented to ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def warning(self, title: str, text: str, details: str | None = None) -> None:
        warning_box(title, text, details, self.parent).exec()

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot be taken back; ``action`` labels the button that does it."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self.parent)
        do_it = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is do_it

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text, or None when the person cancels."""
        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer if ok else None

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog of the app's own; true when the person accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_file(self, title: str, name_filter: str, folder: str = "") -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, name_filter)
        return Path(path) if path else None

    def save_file(self, title: str, suggested: str, name_filter: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, name_filter)
        return Path(path) if path else None


class _DetailsBox(QMessageBox):
    """A message box whose "Copy details" button copies and leaves the box open."""

    copy_button: QPushButton | None = None

    def done(self, result: int) -> None:
        if self.copy_button is not None and self.clickedButton() is self.copy_button:
            QGuiApplication.clipboard().setText(self.detailedText())
            self.copy_button.setText("Copied")
            return
        super().done(result)


def warning_box(title: str, text: str, details: str | None = None, parent: QWidget | None = None) -> QMessageBox:
    """A warning; with ``details`` (a traceback, say), "Show Details…" and "Copy details" for a report."""
    box = _DetailsBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
        box.copy_button = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    return box
