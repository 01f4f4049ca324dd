"""Every question and message the app puts to the person goes through one Prompter.

The app uses :class:`Prompter` (real dialogs); tests give the main window a scripted one that
answers from a queue, so nothing in a tested path blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

# The dialogs' classes load when a first question is put, not with the window (#21: PySide makes each class's
# enums as it is first imported, ~1 ms for these): every method below imports what it shows.


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
        from pipdesk.gui.common.message_boxes import information_box

        information_box(title, text, self.parent).exec()

    def warning(self, title: str, text: str, details: str | None = None) -> None:
        from pipdesk.gui.common.message_boxes import warning_box

        warning_box(title, text, details, self.parent).exec()

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot be taken back; ``action`` labels the button that does it."""
        from pipdesk.gui.common.message_boxes import question_box

        box = question_box(title, text, action, self.parent)
        box.exec()
        return box.clickedButton() is box.do_it

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text, or None when the person cancels."""
        from PySide6.QtWidgets import QInputDialog

        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer if ok else None

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog of the app's own; true when the person accepted it."""
        from PySide6.QtWidgets import QDialog

        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_file(self, title: str, name_filter: str, folder: str = "") -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, name_filter)
        return Path(path) if path else None

    def save_file(self, title: str, suggested: str, name_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, name_filter)
        return Path(path) if path else None
