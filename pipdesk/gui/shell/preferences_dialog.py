"""The app's preferences: how many backups of each plan book are kept, and where; the colours shown;
how many measured check-ins in a row must reach an objective's target for the suggested result "met"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QSpinBox, QWidget

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
        self.sustained_spin = self._add_sustained()
        finish_dialog(self, self.ui.buttonBox, "Save", self.accept)  # the default button names the action

    def _add_sustained(self) -> QSpinBox:
        """The Outcome section, under Colours: N, for "met" only when the last N measured values reach the target."""
        heading = QLabel("<b>Outcome</b>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        explanation = QLabel(
            "A single good week is not enough: the outcome suggests “met” for an objective only when its "
            "target was reached at each of its last measured check-ins. Reached at fewer, it is “met once, "
            "not yet sustained”.",
            self,
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        spin = QSpinBox(self)
        spin.setObjectName("sustainedSpin")
        spin.setAccessibleName("Measured check-ins in a row for met")
        spin.setRange(1, settings.MAX_SUSTAINED)
        spin.setSuffix(" measured check-ins")
        spin.setValue(settings.sustained_checkins())
        label = QLabel("&Met when reached at the last:", self)
        label.setBuddy(spin)
        form = QFormLayout()
        form.addRow(label, spin)
        at = self.ui.layout.indexOf(self.ui.buttonBox)
        self.ui.layout.insertWidget(at, heading)
        self.ui.layout.insertWidget(at + 1, explanation)
        self.ui.layout.insertLayout(at + 2, form)
        QWidget.setTabOrder(self.ui.themeCombo, spin)
        QWidget.setTabOrder(spin, self.ui.buttonBox)
        return spin

    def sustained(self) -> int:
        return self.sustained_spin.value()

    def keep_backups(self) -> int:
        return self.ui.keepSpin.value()

    def theme(self) -> Theme:
        return Theme(self.ui.themeCombo.currentData())

    def accept(self) -> None:
        """The theme is shown at once, and kept for the next start; so is the number of check-ins for "met"."""
        super().accept()
        if self.sustained() != settings.sustained_checkins():
            settings.SUSTAINED_CHECKINS.write(self.sustained())
        if self.theme().value != settings.THEME.read():
            settings.THEME.write(self.theme().value)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                show_chosen_theme(app)
