"""The app's preferences: how many backups of each plan book are kept, and where; the colours shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pipdesk.gui.common.dialogs import finish_dialog
from pipdesk.gui.common.theme import Theme, apply_theme
from pipdesk.gui.forms.ui_preferences_dialog import Ui_PreferencesDialog
from pipdesk.gui.shell import settings


def show_chosen_theme(app: QApplication) -> None:
    """The colours chosen in Preferences, or the system's; shown again when the system's scheme changes."""
    apply_theme(app, Theme(settings.THEME.read()))
    if app.property("pipdeskFollowsScheme"):
        return
    app.setProperty("pipdeskFollowsScheme", True)

    def system_changed(*_: object) -> None:
        if settings.THEME.read() == Theme.SYSTEM.value:
            apply_theme(app, Theme.SYSTEM)

    hints = app.styleHints()
    hints.colorSchemeChanged.connect(system_changed)
    hints.accessibility().contrastPreferenceChanged.connect(system_changed)


class PreferencesDialog(QDialog):
    def __init__(self, keep_backups: int, backups_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self.ui.keepSpin.setValue(keep_backups)
        self.ui.folderPath.setText(str(backups_folder))
        for theme in Theme:
            self.ui.themeCombo.addItem(theme.label, theme.value)
        self.ui.themeCombo.setCurrentIndex(self.ui.themeCombo.findData(settings.THEME.read()))
        finish_dialog(self, self.ui.buttonBox, "Save", self.accept)  # the default button names the action

    def keep_backups(self) -> int:
        return self.ui.keepSpin.value()

    def theme(self) -> Theme:
        return Theme(self.ui.themeCombo.currentData())

    def accept(self) -> None:
        """The theme is shown at once, and kept for the next start."""
        super().accept()
        if self.theme().value != settings.THEME.read():
            settings.THEME.write(self.theme().value)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                show_chosen_theme(app)
