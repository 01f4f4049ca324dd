"""The app's message boxes: information, warnings with details to copy, questions before what cannot be undone.

Each keeps to the screen (a long text is cut to what fits; the whole of it goes under "Show Details…").
:class:`~pipdesk.gui.common.prompts.Prompter` shows them; tests answer through their own prompter.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from pipdesk.domain import vocabulary
from pipdesk.gui.common import screen


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


def information_box(title: str, text: str, parent: QWidget | None = None) -> _FittingBox:
    return message_box(QMessageBox.Icon.Information, title, text, parent)


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
