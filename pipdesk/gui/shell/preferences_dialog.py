"""The app's preferences: how many backups of each plan book are kept, and where; the colours shown;
how many measured check-ins in a row must reach an objective's target for the suggested result "met";
how long a closed plan is kept (the retention period); the organisation every document is printed for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from pipdesk.domain.retention import RETENTION_YEARS_RANGE
from pipdesk.domain.vocabulary import agreeing
from pipdesk.gui.common.dialogs import finish_dialog
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.theme import Theme
from pipdesk.gui.forms.ui_preferences_dialog import Ui_PreferencesDialog
from pipdesk.gui.shell import settings
from pipdesk.gui.shell.appearance import show_chosen_theme


class PreferencesDialog(QDialog):
    def __init__(
        self, keep_backups: int, backups_folder: Path, parent: QWidget | None = None, prompter: Prompts | None = None
    ) -> None:
        super().__init__(parent)
        self.prompter = prompter
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self.ui.keepSpin.setValue(keep_backups)
        self.ui.folderPath.setText(str(backups_folder))
        for theme in Theme:
            self.ui.themeCombo.addItem(theme.label, theme.value)
        self.ui.themeCombo.setCurrentIndex(self.ui.themeCombo.findData(settings.THEME.read()))
        self.sustained_spin = self._add_sustained()
        self.retention_spin = self._add_retention()
        self.logo = bytes(settings.ORGANISATION_LOGO.read().data())
        self._add_organisation()
        finish_dialog(self, self.ui.buttonBox, "Save", self.accept)  # the default button names the action

    def _add_sustained(self) -> QSpinBox:
        """The Outcome section, under Colours: N, for "met" only when the last N measured values reach the target."""
        spin = QSpinBox(self)
        spin.setObjectName("sustainedSpin")
        spin.setAccessibleName("Measured check-ins in a row for met")
        spin.setRange(1, settings.MAX_SUSTAINED)
        spin.setSuffix(" measured check-ins")
        spin.setValue(settings.sustained_checkins())
        self._add_section(
            "Outcome",
            "A single good week is not enough: the outcome suggests “met” for an objective only when its "
            "target was reached at each of its last measured check-ins. Reached at fewer, it is “met once, "
            "not yet sustained”.",
            [("&Met when reached at the last:", spin)],
        )
        QWidget.setTabOrder(self.ui.themeCombo, spin)
        QWidget.setTabOrder(spin, self.ui.buttonBox)
        return spin

    def _add_retention(self) -> QSpinBox:
        """The Retention section, last: the years a closed plan is kept before This week lists it."""
        spin = QSpinBox(self)
        spin.setObjectName("retentionSpin")
        spin.setAccessibleName("Years a closed plan is kept")
        spin.setRange(*RETENTION_YEARS_RANGE)
        spin.valueChanged.connect(lambda years: spin.setSuffix(f" {agreeing(years, 'year')} after it closed"))
        spin.setValue(settings.retention_years())
        spin.setSuffix(f" {agreeing(spin.value(), 'year')} after it closed")
        self._add_section(
            "Retention",
            "Personal data is kept only as long as it is needed. When a closed plan has been kept this long, "
            "This week lists it to erase or anonymise (Plan › Retention hold… keeps one plan longer, with a reason).",
            [("Kee&p closed plans for:", spin)],
        )
        QWidget.setTabOrder(self.sustained_spin, spin)
        QWidget.setTabOrder(spin, self.ui.buttonBox)
        return spin

    def _add_organisation(self) -> None:
        """The Organisation section, last: the name, logo and footer line every document prints."""
        self.organisation_name = QLineEdit(settings.ORGANISATION_NAME.read(), self)
        self.organisation_name.setObjectName("organisationNameEdit")
        self.organisation_name.setAccessibleName("Organisation's name")
        self.logo_preview = QLabel(self)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setAccessibleName("Organisation's logo")
        self.choose_logo_button = QPushButton("C&hoose…", self)
        self.choose_logo_button.setObjectName("chooseLogoButton")
        self.choose_logo_button.setAccessibleName("Choose the organisation's logo")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton("Remo&ve", self)
        self.remove_logo_button.setObjectName("removeLogoButton")
        self.remove_logo_button.setAccessibleName("Remove the organisation's logo")
        self.remove_logo_button.clicked.connect(lambda: self._show_logo(b""))
        logo_row = QWidget(self)
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.logo_preview, self.choose_logo_button, self.remove_logo_button):
            row.addWidget(widget)
        row.addStretch()
        self.organisation_footer = QLineEdit(settings.ORGANISATION_FOOTER.read(), self)
        self.organisation_footer.setObjectName("organisationFooterEdit")
        self.organisation_footer.setAccessibleName("Footer line")
        self.organisation_footer.setPlaceholderText("An address, or the company's registration")
        self._add_section(
            "Organisation",
            "Printed on every page of the documents you print or export here, as on a letter: the name and logo at "
            "the top, the footer line at the bottom. Left empty, documents carry no letterhead.",
            [
                ("Or&ganisation:", self.organisation_name),
                ("Logo:", logo_row),
                ("&Footer line:", self.organisation_footer),
            ],
        )
        order = [self.retention_spin, self.organisation_name, self.choose_logo_button, self.remove_logo_button]
        for first, second in zip(
            [*order, self.organisation_footer], [*order[1:], self.organisation_footer, self.ui.buttonBox], strict=True
        ):
            QWidget.setTabOrder(first, second)
        self._show_logo(self.logo)

    def _show_logo(self, logo: bytes) -> None:
        self.logo = logo
        pixmap = QPixmap()
        if logo and pixmap.loadFromData(logo):
            self.logo_preview.setPixmap(pixmap.scaledToHeight(32, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("No logo")
        self.remove_logo_button.setEnabled(bool(logo))

    def choose_logo(self) -> None:
        """A PNG, SVG or JPEG file, copied into the settings as a PNG scaled to fit a header."""
        if self.prompter is None:
            return
        path = self.prompter.open_file("Choose the organisation's logo", "Images (*.png *.svg *.jpg *.jpeg)")
        if path is None:
            return
        try:
            self._show_logo(settings.logo_png(path))
        except ValueError as error:
            self.prompter.warning("Logo not read", str(error))

    def _add_section(self, title: str, text: str, rows: list[tuple[str, QWidget]]) -> None:
        """A heading, a paragraph and labelled fields, above the buttons."""
        heading = QLabel(f"<b>{title}</b>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        for label_text, field in rows:
            label = QLabel(label_text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        at = self.ui.layout.indexOf(self.ui.buttonBox)
        self.ui.layout.insertWidget(at, heading)
        self.ui.layout.insertWidget(at + 1, explanation)
        self.ui.layout.insertLayout(at + 2, form)

    def retention(self) -> int:
        return self.retention_spin.value()

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
        if self.retention() != settings.retention_years():
            settings.RETENTION_YEARS.write(self.retention())
        settings.ORGANISATION_NAME.write(self.organisation_name.text().strip())
        settings.ORGANISATION_FOOTER.write(self.organisation_footer.text().strip())
        settings.ORGANISATION_LOGO.write(QByteArray(self.logo))
        if self.theme().value != settings.THEME.read():
            settings.THEME.write(self.theme().value)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                show_chosen_theme(app)
