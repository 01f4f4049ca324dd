# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_PassphraseDialog(object):
    def setupUi(self, PassphraseDialog):
        if not PassphraseDialog.objectName():
            PassphraseDialog.setObjectName(u"PassphraseDialog")
        PassphraseDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(PassphraseDialog)
        self.layout.setObjectName(u"layout")
        self.messageLabel = QLabel(PassphraseDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.messageLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.currentLabel = QLabel(PassphraseDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentEdit = QLineEdit(PassphraseDialog)
        self.currentEdit.setObjectName(u"currentEdit")
        self.currentEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentEdit)

        self.newLabel = QLabel(PassphraseDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newEdit = QLineEdit(PassphraseDialog)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.confirmLabel = QLabel(PassphraseDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(PassphraseDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.showCheck = QCheckBox(PassphraseDialog)
        self.showCheck.setObjectName(u"showCheck")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.showCheck)


        self.layout.addLayout(self.form)

        self.warningLabel = QLabel(PassphraseDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.warningLabel)

        self.errorLabel = QLabel(PassphraseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PassphraseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.currentEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.currentEdit, self.newEdit)
        QWidget.setTabOrder(self.newEdit, self.confirmEdit)
        QWidget.setTabOrder(self.confirmEdit, self.showCheck)

        self.retranslateUi(PassphraseDialog)

        QMetaObject.connectSlotsByName(PassphraseDialog)
    # setupUi

    def retranslateUi(self, PassphraseDialog):
        PassphraseDialog.setWindowTitle(QCoreApplication.translate("PassphraseDialog", u"Passphrase", None))
        self.currentLabel.setText(QCoreApplication.translate("PassphraseDialog", u"&Current passphrase:", None))
#if QT_CONFIG(accessibility)
        self.currentEdit.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"Current passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.newLabel.setText(QCoreApplication.translate("PassphraseDialog", u"&New passphrase:", None))
#if QT_CONFIG(accessibility)
        self.newEdit.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("PassphraseDialog", u"Type it &again:", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"Type it again", None))
#endif // QT_CONFIG(accessibility)
        self.showCheck.setText(QCoreApplication.translate("PassphraseDialog", u"&Show what I type", None))
        self.warningLabel.setText(QCoreApplication.translate("PassphraseDialog", u"If the passphrase is forgotten, the plans cannot be opened again, by you, by pipdesk or by anyone else. Keep it somewhere safe, such as a password manager.", None))
    # retranslateUi

