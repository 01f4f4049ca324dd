"""Every question and message the app puts to the person goes through one Prompter.

The app uses :class:`Prompter` (real dialogs); tests give the main window a scripted one that
answers from a queue, so nothing in a tested path blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget


class Prompter:
    """Real dialogs, parented to ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def warning(self, title: str, text: str, details: str | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()

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
