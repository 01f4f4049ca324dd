# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_ExtendPlanDialog(object):
    def setupUi(self, ExtendPlanDialog):
        if not ExtendPlanDialog.objectName():
            ExtendPlanDialog.setObjectName(u"ExtendPlanDialog")
        ExtendPlanDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(ExtendPlanDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(ExtendPlanDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.reopenLabel = QLabel(ExtendPlanDialog)
        self.reopenLabel.setObjectName(u"reopenLabel")
        self.reopenLabel.setWordWrap(True)
        self.reopenLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.reopenLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.periodHeading = QLabel(ExtendPlanDialog)
        self.periodHeading.setObjectName(u"periodHeading")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodHeading)

        self.periodLabel = QLabel(ExtendPlanDialog)
        self.periodLabel.setObjectName(u"periodLabel")
        self.periodLabel.setWordWrap(True)
        self.periodLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodLabel)

        self.endDateLabel = QLabel(ExtendPlanDialog)
        self.endDateLabel.setObjectName(u"endDateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endDateLabel)

        self.endDateRow = QHBoxLayout()
        self.endDateRow.setObjectName(u"endDateRow")
        self.endDateEdit = QDateEdit(ExtendPlanDialog)
        self.endDateEdit.setObjectName(u"endDateEdit")
        self.endDateEdit.setCalendarPopup(True)
        self.endDateEdit.setMinimumSize(QSize(140, 0))

        self.endDateRow.addWidget(self.endDateEdit)

        self.endDateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endDateRow.addItem(self.endDateSpacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.endDateRow)

        self.previewHeading = QLabel(ExtendPlanDialog)
        self.previewHeading.setObjectName(u"previewHeading")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.previewHeading)

        self.previewLabel = QLabel(ExtendPlanDialog)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setWordWrap(True)
        self.previewLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.previewLabel)

        self.moveDueDatesCheck = QCheckBox(ExtendPlanDialog)
        self.moveDueDatesCheck.setObjectName(u"moveDueDatesCheck")
        self.moveDueDatesCheck.setChecked(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.moveDueDatesCheck)

        self.reasonLabel = QLabel(ExtendPlanDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ExtendPlanDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(ExtendPlanDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ExtendPlanDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.endDateLabel.setBuddy(self.endDateEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.endDateEdit, self.moveDueDatesCheck)
        QWidget.setTabOrder(self.moveDueDatesCheck, self.reasonEdit)

        self.retranslateUi(ExtendPlanDialog)

        QMetaObject.connectSlotsByName(ExtendPlanDialog)
    # setupUi

    def retranslateUi(self, ExtendPlanDialog):
        ExtendPlanDialog.setWindowTitle(QCoreApplication.translate("ExtendPlanDialog", u"Extend the plan", None))
        self.introLabel.setText(QCoreApplication.translate("ExtendPlanDialog", u"An extension gives more time and keeps the plan open. The new end date and your reason are kept in the plan's history, where the original end date stays visible.", None))
        self.periodHeading.setText(QCoreApplication.translate("ExtendPlanDialog", u"Current period", None))
        self.endDateLabel.setText(QCoreApplication.translate("ExtendPlanDialog", u"New &end date", None))
#if QT_CONFIG(accessibility)
        self.endDateEdit.setAccessibleName(QCoreApplication.translate("ExtendPlanDialog", u"New end date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.endDateEdit.setToolTip(QCoreApplication.translate("ExtendPlanDialog", u"The plan's new last day; check-ins are scheduled up to it", None))
#endif // QT_CONFIG(tooltip)
        self.endDateEdit.setDisplayFormat(QCoreApplication.translate("ExtendPlanDialog", u"yyyy-MM-dd", None))
        self.previewHeading.setText(QCoreApplication.translate("ExtendPlanDialog", u"What changes", None))
#if QT_CONFIG(accessibility)
        self.moveDueDatesCheck.setAccessibleName(QCoreApplication.translate("ExtendPlanDialog", u"Move objective due dates to the new end date", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("ExtendPlanDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ExtendPlanDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ExtendPlanDialog", u"Why the plan is extended, e.g. which objectives need more time", None))
    # retranslateUi

