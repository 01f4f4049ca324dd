# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

class Ui_AcknowledgementDialog(object):
    def setupUi(self, AcknowledgementDialog):
        if not AcknowledgementDialog.objectName():
            AcknowledgementDialog.setObjectName(u"AcknowledgementDialog")
        AcknowledgementDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(AcknowledgementDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(AcknowledgementDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.dateLabel = QLabel(AcknowledgementDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(AcknowledgementDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.refusedCheck = QCheckBox(AcknowledgementDialog)
        self.refusedCheck.setObjectName(u"refusedCheck")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.refusedCheck)

        self.witnessLabel = QLabel(AcknowledgementDialog)
        self.witnessLabel.setObjectName(u"witnessLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.witnessLabel)

        self.witnessEdit = QLineEdit(AcknowledgementDialog)
        self.witnessEdit.setObjectName(u"witnessEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.witnessEdit)

        self.commentLabel = QLabel(AcknowledgementDialog)
        self.commentLabel.setObjectName(u"commentLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.commentLabel)

        self.commentEdit = QPlainTextEdit(AcknowledgementDialog)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setTabChangesFocus(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.commentEdit)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(AcknowledgementDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AcknowledgementDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.witnessLabel.setBuddy(self.witnessEdit)
        self.commentLabel.setBuddy(self.commentEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AcknowledgementDialog)

        QMetaObject.connectSlotsByName(AcknowledgementDialog)
    # setupUi

    def retranslateUi(self, AcknowledgementDialog):
        AcknowledgementDialog.setWindowTitle(QCoreApplication.translate("AcknowledgementDialog", u"Record acknowledgement", None))
        self.explanation.setText(QCoreApplication.translate("AcknowledgementDialog", u"The employee signs to confirm they received the plan, not that they agree with it. If they decline to sign, record the refusal and who witnessed it.", None))
        self.dateLabel.setText(QCoreApplication.translate("AcknowledgementDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("AcknowledgementDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("AcknowledgementDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.refusedCheck.setToolTip(QCoreApplication.translate("AcknowledgementDialog", u"The employee was given the plan but declined to sign; a witness should be named", None))
#endif // QT_CONFIG(tooltip)
        self.refusedCheck.setText(QCoreApplication.translate("AcknowledgementDialog", u"The employee decli&ned to sign", None))
        self.witnessLabel.setText(QCoreApplication.translate("AcknowledgementDialog", u"&Witness", None))
#if QT_CONFIG(accessibility)
        self.witnessEdit.setAccessibleName(QCoreApplication.translate("AcknowledgementDialog", u"Witness", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.witnessEdit.setToolTip(QCoreApplication.translate("AcknowledgementDialog", u"Who saw the plan handed over, when the employee refused to sign", None))
#endif // QT_CONFIG(tooltip)
        self.witnessEdit.setPlaceholderText(QCoreApplication.translate("AcknowledgementDialog", u"Who witnessed the refusal", None))
        self.commentLabel.setText(QCoreApplication.translate("AcknowledgementDialog", u"Employee's &comment", None))
#if QT_CONFIG(accessibility)
        self.commentEdit.setAccessibleName(QCoreApplication.translate("AcknowledgementDialog", u"Employee's comment", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

