"""Every question and message the app puts to the person goes through one Prompter.

The app uses :class:`Prompter` (real dialogs); tests give the main window a scripted one that
answers from a queue, so nothing in a tested path blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QPushButton, QWidget

from pipdesk.domain import vocabulary
from pipdesk.gui.common import screen


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
        message_box(QMessageBox.Icon.Information, title, text, self.parent).exec()

    def warning(self, title: str, text: str, details: str | None = None) -> None:
        warning_box(title, text, details, self.parent).exec()

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot be taken back; ``action`` labels the button that does it."""
        box = question_box(title, text, action, self.parent)
        box.exec()
        return box.clickedButton() is box.do_it

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


class _FittingBox(QMessageBox):
    """A message box that keeps to the screen, and whose "Copy details" button copies and leaves it open.

    Qt sizes a message box to its text, however long: a list of twenty problems would put its
    buttons below a laptop's screen. When shown, a text too tall for the screen is cut to the lines
    that fit, and the whole of it goes under "Show Details…", which scrolls.
    """

    copy_button: QPushButton | None = None
    do_it: QPushButton | None = None

    def done(self, result: int) -> None:
        if self.copy_button is not None and self.clickedButton() is self.copy_button:
            QGuiApplication.clipboard().setText(self.detailedText())
            self.copy_button.setText("Copied")
            return
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)


def keep_on_screen(box: QMessageBox) -> None:
    """Cut the text of a shown ``box`` to what the screen holds; the whole text goes to its details."""
    room = screen.available_geometry(box.parentWidget() or box).height() - screen.FRAME_HEIGHT
    lines = box.text().splitlines()
    shown = len(lines)
    while box.height() > room and shown > 1:
        shown = max(1, shown - max(1, shown // 8))
        rest = vocabulary.count(len(lines) - shown, "more line")
        box.setText("\n".join([*lines[:shown], f"… {rest} under Show Details."]))
        box.adjustSize()
    if shown < len(lines):
        whole = "\n".join(lines)
        box.setDetailedText(f"{whole}\n\n{box.detailedText()}" if box.detailedText() else whole)
        box.adjustSize()
    available = screen.available_geometry(box.parentWidget() or box)
    frame = box.frameGeometry()
    if not available.contains(frame):  # a frame pos is where move() puts it
        box.move(
            max(available.left(), min(frame.left(), available.right() + 1 - frame.width())),
            max(available.top(), min(frame.top(), available.bottom() + 1 - frame.height())),
        )


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None) -> _FittingBox:
    box = _FittingBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    return box


def question_box(title: str, text: str, action: str, parent: QWidget | None = None) -> _FittingBox:
    """A question before something that cannot be taken back; Cancel is the default, ``action`` does it."""
    box = _FittingBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    box.do_it = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def warning_box(title: str, text: str, details: str | None = None, parent: QWidget | None = None) -> QMessageBox:
    """A warning; with ``details`` (a traceback, say), "Show Details…" and "Copy details" for a report."""
    box = message_box(QMessageBox.Icon.Warning, title, text, parent)
    if details:
        box.setDetailedText(details)
        box.copy_button = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    return box
