# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout

class Ui_ExportPdfDialog(object):
    def setupUi(self, ExportPdfDialog):
        if not ExportPdfDialog.objectName():
            ExportPdfDialog.setObjectName(u"ExportPdfDialog")
        ExportPdfDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(ExportPdfDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.documentLabel = QLabel(ExportPdfDialog)
        self.documentLabel.setObjectName(u"documentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.documentLabel)

        self.documentCombo = QComboBox(ExportPdfDialog)
        self.documentCombo.setObjectName(u"documentCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.documentCombo)

        self.checkinLabel = QLabel(ExportPdfDialog)
        self.checkinLabel.setObjectName(u"checkinLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.checkinLabel)

        self.checkinCombo = QComboBox(ExportPdfDialog)
        self.checkinCombo.setObjectName(u"checkinCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.checkinCombo)

        self.copyLabel = QLabel(ExportPdfDialog)
        self.copyLabel.setObjectName(u"copyLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.copyLabel)

        self.copyLayout = QVBoxLayout()
        self.copyLayout.setObjectName(u"copyLayout")
        self.employeeCopyRadio = QRadioButton(ExportPdfDialog)
        self.employeeCopyRadio.setObjectName(u"employeeCopyRadio")
        self.employeeCopyRadio.setChecked(True)

        self.copyLayout.addWidget(self.employeeCopyRadio)

        self.fullCopyRadio = QRadioButton(ExportPdfDialog)
        self.fullCopyRadio.setObjectName(u"fullCopyRadio")

        self.copyLayout.addWidget(self.fullCopyRadio)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.copyLayout)

        self.passwordLabel = QLabel(ExportPdfDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(ExportPdfDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.repeatLabel = QLabel(ExportPdfDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(ExportPdfDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.openAfterCheck = QCheckBox(ExportPdfDialog)
        self.openAfterCheck.setObjectName(u"openAfterCheck")
        self.openAfterCheck.setChecked(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.openAfterCheck)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(ExportPdfDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ExportPdfDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.documentLabel.setBuddy(self.documentCombo)
        self.checkinLabel.setBuddy(self.checkinCombo)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportPdfDialog)

        QMetaObject.connectSlotsByName(ExportPdfDialog)
    # setupUi

    def retranslateUi(self, ExportPdfDialog):
        ExportPdfDialog.setWindowTitle(QCoreApplication.translate("ExportPdfDialog", u"Export PDF", None))
        self.documentLabel.setText(QCoreApplication.translate("ExportPdfDialog", u"&Document", None))
#if QT_CONFIG(accessibility)
        self.documentCombo.setAccessibleName(QCoreApplication.translate("ExportPdfDialog", u"Document", None))
#endif // QT_CONFIG(accessibility)
        self.checkinLabel.setText(QCoreApplication.translate("ExportPdfDialog", u"C&heck-in", None))
#if QT_CONFIG(accessibility)
        self.checkinCombo.setAccessibleName(QCoreApplication.translate("ExportPdfDialog", u"Check-in", None))
#endif // QT_CONFIG(accessibility)
        self.copyLabel.setText(QCoreApplication.translate("ExportPdfDialog", u"Copy", None))
#if QT_CONFIG(tooltip)
        self.employeeCopyRadio.setToolTip(QCoreApplication.translate("ExportPdfDialog", u"The copy to hand to the employee: the manager's private notes are left out", None))
#endif // QT_CONFIG(tooltip)
        self.employeeCopyRadio.setText(QCoreApplication.translate("ExportPdfDialog", u"&Employee copy, without your private notes", None))
#if QT_CONFIG(tooltip)
        self.fullCopyRadio.setToolTip(QCoreApplication.translate("ExportPdfDialog", u"Everything, the manager's private notes included: for you and HR", None))
#endif // QT_CONFIG(tooltip)
        self.fullCopyRadio.setText(QCoreApplication.translate("ExportPdfDialog", u"&Full copy, with your private notes (marked as such)", None))
        self.passwordLabel.setText(QCoreApplication.translate("ExportPdfDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("ExportPdfDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.passwordEdit.setToolTip(QCoreApplication.translate("ExportPdfDialog", u"Optional: the PDF opens only with this password", None))
#endif // QT_CONFIG(tooltip)
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("ExportPdfDialog", u"Optional: needed to open the PDF", None))
        self.repeatLabel.setText(QCoreApplication.translate("ExportPdfDialog", u"&Repeat password", None))
#if QT_CONFIG(accessibility)
        self.repeatEdit.setAccessibleName(QCoreApplication.translate("ExportPdfDialog", u"Repeat password", None))
#endif // QT_CONFIG(accessibility)
        self.openAfterCheck.setText(QCoreApplication.translate("ExportPdfDialog", u"&Open the PDF afterwards", None))
    # retranslateUi

