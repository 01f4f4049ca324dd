# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

class Ui_PreferencesDialog(object):
    def setupUi(self, PreferencesDialog):
        if not PreferencesDialog.objectName():
            PreferencesDialog.setObjectName(u"PreferencesDialog")
        PreferencesDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(PreferencesDialog)
        self.layout.setObjectName(u"layout")
        self.backupsHeading = QLabel(PreferencesDialog)
        self.backupsHeading.setObjectName(u"backupsHeading")
        self.backupsHeading.setTextFormat(Qt.TextFormat.RichText)

        self.layout.addWidget(self.backupsHeading)

        self.backupsExplanation = QLabel(PreferencesDialog)
        self.backupsExplanation.setObjectName(u"backupsExplanation")
        self.backupsExplanation.setWordWrap(True)
        self.backupsExplanation.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.backupsExplanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.keepLabel = QLabel(PreferencesDialog)
        self.keepLabel.setObjectName(u"keepLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keepLabel)

        self.keepSpin = QSpinBox(PreferencesDialog)
        self.keepSpin.setObjectName(u"keepSpin")
        self.keepSpin.setMinimum(1)
        self.keepSpin.setMaximum(100)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.keepSpin)

        self.folderLabel = QLabel(PreferencesDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderPath = QLabel(PreferencesDialog)
        self.folderPath.setObjectName(u"folderPath")
        self.folderPath.setWordWrap(True)
        self.folderPath.setTextFormat(Qt.TextFormat.PlainText)
        self.folderPath.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.folderPath)


        self.layout.addLayout(self.form)

        self.coloursHeading = QLabel(PreferencesDialog)
        self.coloursHeading.setObjectName(u"coloursHeading")
        self.coloursHeading.setTextFormat(Qt.TextFormat.RichText)

        self.layout.addWidget(self.coloursHeading)

        self.coloursForm = QFormLayout()
        self.coloursForm.setObjectName(u"coloursForm")
        self.themeLabel = QLabel(PreferencesDialog)
        self.themeLabel.setObjectName(u"themeLabel")

        self.coloursForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(PreferencesDialog)
        self.themeCombo.setObjectName(u"themeCombo")

        self.coloursForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.themeCombo)


        self.layout.addLayout(self.coloursForm)

        self.buttonBox = QDialogButtonBox(PreferencesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.keepLabel.setBuddy(self.keepSpin)
        self.themeLabel.setBuddy(self.themeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PreferencesDialog)

        QMetaObject.connectSlotsByName(PreferencesDialog)
    # setupUi

    def retranslateUi(self, PreferencesDialog):
        PreferencesDialog.setWindowTitle(QCoreApplication.translate("PreferencesDialog", u"Preferences", None))
        self.backupsHeading.setText(QCoreApplication.translate("PreferencesDialog", u"<b>Backups</b>", None))
        self.backupsExplanation.setText(QCoreApplication.translate("PreferencesDialog", u"pipdesk copies the plan book each time it is opened, and again on closing if anything changed. The newest copies of each plan book are kept; older ones are deleted.", None))
        self.keepLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Keep the newest:", None))
#if QT_CONFIG(accessibility)
        self.keepSpin.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Keep the newest", None))
#endif // QT_CONFIG(accessibility)
        self.keepSpin.setSuffix(QCoreApplication.translate("PreferencesDialog", u" backups", None))
        self.folderLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Kept in:", None))
        self.coloursHeading.setText(QCoreApplication.translate("PreferencesDialog", u"<b>Colours</b>", None))
        self.themeLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Theme:", None))
#if QT_CONFIG(accessibility)
        self.themeCombo.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Theme", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.themeCombo.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Follow the system's light or dark colours, or always show light, dark or high-contrast colours", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

