"""What the app's dialogs share: their buttons wired one way, and problems shown in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pipdesk.gui.common.colours import show_as_error
from pipdesk.gui.common.dates import prepare_date_edit, set_date
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


def form_rows(dialog: QDialog, rows: Sequence[tuple[str, QWidget]]) -> QFormLayout:
    """A form of ``rows`` (a label with its mnemonic, and its field, which the label names for Alt+letter)."""
    form = QFormLayout()
    for text, field in rows:
        caption = QLabel(text, dialog)
        caption.setBuddy(field)
        form.addRow(caption, field)
    return form


def finish_form_dialog(dialog: QDialog, form: QFormLayout, action: str, accept: Callable[[], object]) -> QLabel:
    """Lay ``dialog`` out as ``form``, a line for its problems (hidden until there are some) and OK and
    Cancel (see :func:`finish_dialog`); the problems' line."""
    error = QLabel(dialog)
    error.setWordWrap(True)
    error.setTextFormat(Qt.TextFormat.PlainText)
    show_as_error(error)
    error.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    finish_dialog(dialog, buttons, action, accept)
    return error


def date_field(parent: QWidget, name: str, day: dt.date | None, today: dt.date, optional: bool = True) -> QDateEdit:
    """A date field of a form, named for screen readers, holding ``day`` (optional: "Not set" for none)."""
    edit = prepare_date_edit(QDateEdit(parent), lambda: today, optional=optional)
    edit.setAccessibleName(name)
    edit.setMaximumWidth(160)
    set_date(edit, day)
    return edit


def text_field(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    """A few lines of text in a form, named for screen readers; Tab goes on to the next field."""
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


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
