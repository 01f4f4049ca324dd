"""The app's dialogs, one module per ``ui/*_dialog.ui`` form."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def accept_if_sound(dialog: object, problems: list[str], error_label: QLabel) -> None:
    """Accept ``dialog`` when there are no problems; otherwise show them in its error label, in place."""
    error_label.setText("\n".join(problems))
    error_label.setVisible(bool(problems))
    if not problems:
        dialog.accept()  # type: ignore[attr-defined]
