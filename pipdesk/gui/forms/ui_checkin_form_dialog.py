# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QFrame, QGridLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

class Ui_CheckinFormDialog(object):
    def setupUi(self, CheckinFormDialog):
        if not CheckinFormDialog.objectName():
            CheckinFormDialog.setObjectName(u"CheckinFormDialog")
        self.layout = QVBoxLayout(CheckinFormDialog)
        self.layout.setObjectName(u"layout")
        self.guidanceLabel = QLabel(CheckinFormDialog)
        self.guidanceLabel.setObjectName(u"guidanceLabel")
        self.guidanceLabel.setWordWrap(True)
        self.guidanceLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.guidanceLabel)

        self.milestoneLabel = QLabel(CheckinFormDialog)
        self.milestoneLabel.setObjectName(u"milestoneLabel")
        self.milestoneLabel.setWordWrap(True)
        self.milestoneLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.milestoneLabel)

        self.amendLabel = QLabel(CheckinFormDialog)
        self.amendLabel.setObjectName(u"amendLabel")
        self.amendLabel.setWordWrap(True)
        self.amendLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.amendLabel)

        self.headerGrid = QGridLayout()
        self.headerGrid.setObjectName(u"headerGrid")
        self.dateLabel = QLabel(CheckinFormDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.headerGrid.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.dateEdit = QDateEdit(CheckinFormDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setMinimumSize(QSize(130, 0))

        self.headerGrid.addWidget(self.dateEdit, 0, 1, 1, 1)

        self.kindLabel = QLabel(CheckinFormDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.headerGrid.addWidget(self.kindLabel, 0, 2, 1, 1)

        self.kindCombo = QComboBox(CheckinFormDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.headerGrid.addWidget(self.kindCombo, 0, 3, 1, 1)

        self.attendeesLabel = QLabel(CheckinFormDialog)
        self.attendeesLabel.setObjectName(u"attendeesLabel")

        self.headerGrid.addWidget(self.attendeesLabel, 0, 4, 1, 1)

        self.attendeesEdit = QLineEdit(CheckinFormDialog)
        self.attendeesEdit.setObjectName(u"attendeesEdit")

        self.headerGrid.addWidget(self.attendeesEdit, 0, 5, 1, 1)

        self.dateError = QLabel(CheckinFormDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)
        self.dateError.setTextFormat(Qt.TextFormat.PlainText)

        self.headerGrid.addWidget(self.dateError, 1, 1, 1, 5)

        self.headerGrid.setColumnStretch(5, 1)

        self.layout.addLayout(self.headerGrid)

        self.scrollArea = QScrollArea(CheckinFormDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.contentLayout = QVBoxLayout(self.content)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(0, -1, 0, -1)
        self.progressGroup = QGroupBox(self.content)
        self.progressGroup.setObjectName(u"progressGroup")
        self.progressGrid = QGridLayout(self.progressGroup)
        self.progressGrid.setObjectName(u"progressGrid")
        self.progressGrid.setHorizontalSpacing(10)

        self.contentLayout.addWidget(self.progressGroup)

        self.textGrid = QGridLayout()
        self.textGrid.setObjectName(u"textGrid")
        self.textGrid.setHorizontalSpacing(12)
        self.notesLabel = QLabel(self.content)
        self.notesLabel.setObjectName(u"notesLabel")

        self.textGrid.addWidget(self.notesLabel, 0, 0, 1, 1)

        self.notesEdit = QPlainTextEdit(self.content)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.notesEdit, 1, 0, 1, 1)

        self.employeeCommentsLabel = QLabel(self.content)
        self.employeeCommentsLabel.setObjectName(u"employeeCommentsLabel")

        self.textGrid.addWidget(self.employeeCommentsLabel, 0, 1, 1, 1)

        self.employeeCommentsEdit = QPlainTextEdit(self.content)
        self.employeeCommentsEdit.setObjectName(u"employeeCommentsEdit")
        self.employeeCommentsEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.employeeCommentsEdit, 1, 1, 1, 1)

        self.winsLabel = QLabel(self.content)
        self.winsLabel.setObjectName(u"winsLabel")

        self.textGrid.addWidget(self.winsLabel, 2, 0, 1, 1)

        self.winsEdit = QPlainTextEdit(self.content)
        self.winsEdit.setObjectName(u"winsEdit")
        self.winsEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.winsEdit, 3, 0, 1, 1)

        self.concernsLabel = QLabel(self.content)
        self.concernsLabel.setObjectName(u"concernsLabel")

        self.textGrid.addWidget(self.concernsLabel, 2, 1, 1, 1)

        self.concernsEdit = QPlainTextEdit(self.content)
        self.concernsEdit.setObjectName(u"concernsEdit")
        self.concernsEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.concernsEdit, 3, 1, 1, 1)

        self.nextStepsLabel = QLabel(self.content)
        self.nextStepsLabel.setObjectName(u"nextStepsLabel")

        self.textGrid.addWidget(self.nextStepsLabel, 4, 0, 1, 1)

        self.nextStepsEdit = QPlainTextEdit(self.content)
        self.nextStepsEdit.setObjectName(u"nextStepsEdit")
        self.nextStepsEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.nextStepsEdit, 5, 0, 1, 1)

        self.privateNotesLabel = QLabel(self.content)
        self.privateNotesLabel.setObjectName(u"privateNotesLabel")

        self.textGrid.addWidget(self.privateNotesLabel, 4, 1, 1, 1)

        self.privateNotesEdit = QPlainTextEdit(self.content)
        self.privateNotesEdit.setObjectName(u"privateNotesEdit")
        self.privateNotesEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.privateNotesEdit, 5, 1, 1, 1)


        self.contentLayout.addLayout(self.textGrid)

        self.scrollArea.setWidget(self.content)

        self.layout.addWidget(self.scrollArea)

        self.errorLabel = QLabel(CheckinFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CheckinFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.attendeesLabel.setBuddy(self.attendeesEdit)
        self.notesLabel.setBuddy(self.notesEdit)
        self.employeeCommentsLabel.setBuddy(self.employeeCommentsEdit)
        self.winsLabel.setBuddy(self.winsEdit)
        self.concernsLabel.setBuddy(self.concernsEdit)
        self.nextStepsLabel.setBuddy(self.nextStepsEdit)
        self.privateNotesLabel.setBuddy(self.privateNotesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.attendeesEdit)
        QWidget.setTabOrder(self.attendeesEdit, self.scrollArea)
        QWidget.setTabOrder(self.scrollArea, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.employeeCommentsEdit)
        QWidget.setTabOrder(self.employeeCommentsEdit, self.winsEdit)
        QWidget.setTabOrder(self.winsEdit, self.concernsEdit)
        QWidget.setTabOrder(self.concernsEdit, self.nextStepsEdit)
        QWidget.setTabOrder(self.nextStepsEdit, self.privateNotesEdit)

        self.retranslateUi(CheckinFormDialog)

        QMetaObject.connectSlotsByName(CheckinFormDialog)
    # setupUi

    def retranslateUi(self, CheckinFormDialog):
        CheckinFormDialog.setWindowTitle(QCoreApplication.translate("CheckinFormDialog", u"New check-in", None))
        self.dateLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("CheckinFormDialog", u"yyyy-MM-dd", None))
        self.kindLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"&Kind", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Kind", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.kindCombo.setToolTip(QCoreApplication.translate("CheckinFormDialog", u"A regular check-in, the kick-off, a formal review, the mid-plan evaluation or the final review; all but a regular check-in are formal meetings", None))
#endif // QT_CONFIG(tooltip)
        self.attendeesLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"&Attendees", None))
#if QT_CONFIG(accessibility)
        self.attendeesEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Attendees", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.attendeesEdit.setToolTip(QCoreApplication.translate("CheckinFormDialog", u"Who was in the meeting, separated by commas", None))
#endif // QT_CONFIG(tooltip)
        self.attendeesEdit.setPlaceholderText(QCoreApplication.translate("CheckinFormDialog", u"Who took part, e.g. the employee, you, HR", None))
        self.progressGroup.setTitle(QCoreApplication.translate("CheckinFormDialog", u"Progress on each objective", None))
        self.notesLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"&Notes: what was discussed", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Notes: what was discussed", None))
#endif // QT_CONFIG(accessibility)
        self.employeeCommentsLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"The &employee's own comments", None))
#if QT_CONFIG(accessibility)
        self.employeeCommentsEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"The employee's own comments", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.employeeCommentsEdit.setToolTip(QCoreApplication.translate("CheckinFormDialog", u"What the employee said, in their words", None))
#endif // QT_CONFIG(tooltip)
        self.winsLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"&Wins to acknowledge", None))
#if QT_CONFIG(accessibility)
        self.winsEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Wins to acknowledge", None))
#endif // QT_CONFIG(accessibility)
        self.concernsLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"&Concerns", None))
#if QT_CONFIG(accessibility)
        self.concernsEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Concerns", None))
#endif // QT_CONFIG(accessibility)
        self.nextStepsLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"Agreed ne&xt steps", None))
#if QT_CONFIG(accessibility)
        self.nextStepsEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Agreed next steps", None))
#endif // QT_CONFIG(accessibility)
        self.privateNotesLabel.setText(QCoreApplication.translate("CheckinFormDialog", u"Your &private notes (the manager's own; left out of copies for the employee)", None))
#if QT_CONFIG(accessibility)
        self.privateNotesEdit.setAccessibleName(QCoreApplication.translate("CheckinFormDialog", u"Your private notes (the manager's own; left out of copies for the employee)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.privateNotesEdit.setToolTip(QCoreApplication.translate("CheckinFormDialog", u"Your own notes: never printed on the employee's copy", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

