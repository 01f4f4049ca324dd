"""The app's preferences: how many backups of each plan book are kept, and where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.gui.forms.ui_preferences_dialog import Ui_PreferencesDialog


class PreferencesDialog(QDialog):
    def __init__(self, keep_backups: int, backups_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self.ui.keepSpin.setValue(keep_backups)
        self.ui.folderPath.setText(str(backups_folder))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Save"
        )  # the default button names the action
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        fit_to_screen(self)

    def keep_backups(self) -> int:
        return self.ui.keepSpin.value()
