"""What the app's dialogs share: their buttons wired one way, and problems shown in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.screen import fit_to_screen

T = TypeVar("T")


def accept_if_sound(dialog: object, problems: list[str], error_label: QLabel) -> None:
    """Accept ``dialog`` when there are no problems; otherwise show them in its error label, in place."""
    error_label.setText("\n".join(problems))
    error_label.setVisible(bool(problems))
    if not problems:
        dialog.accept()  # type: ignore[attr-defined]


def finish_dialog(dialog: QDialog, buttons: QDialogButtonBox, action: str, accept: Callable[[], object]) -> None:
    """The default button names what the dialog does (``action``), OK runs ``accept``, Cancel rejects;
    then the dialog is fitted to the screen."""
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    fit_to_screen(dialog)


def answer_of(prompter: Prompts, dialog: QDialog, problems: Callable[[], object], answer: Callable[[], T]) -> T | None:
    """Run ``dialog`` through the prompter: its ``answer()`` once accepted with no ``problems()``, else None.

    The dialog is deleted afterwards either way.
    """
    try:
        if not prompter.run_dialog(dialog) or problems():
            return None
        return answer()
    finally:
        dialog.deleteLater()
