# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_ClosePlanDialog(object):
    def setupUi(self, ClosePlanDialog):
        if not ClosePlanDialog.objectName():
            ClosePlanDialog.setObjectName(u"ClosePlanDialog")
        self.layout = QVBoxLayout(ClosePlanDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(ClosePlanDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.introLabel)

        self.scrollArea = QScrollArea(ClosePlanDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.contentLayout = QVBoxLayout(self.content)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(0, -1, 6, -1)
        self.resultsGroup = QGroupBox(self.content)
        self.resultsGroup.setObjectName(u"resultsGroup")
        self.resultsLayout = QVBoxLayout(self.resultsGroup)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsHint = QLabel(self.resultsGroup)
        self.resultsHint.setObjectName(u"resultsHint")
        self.resultsHint.setWordWrap(True)

        self.resultsLayout.addWidget(self.resultsHint)

        self.technicalGroup = QGroupBox(self.resultsGroup)
        self.technicalGroup.setObjectName(u"technicalGroup")
        self.technicalGrid = QGridLayout(self.technicalGroup)
        self.technicalGrid.setObjectName(u"technicalGrid")

        self.resultsLayout.addWidget(self.technicalGroup)

        self.behavioralGroup = QGroupBox(self.resultsGroup)
        self.behavioralGroup.setObjectName(u"behavioralGroup")
        self.behavioralGrid = QGridLayout(self.behavioralGroup)
        self.behavioralGrid.setObjectName(u"behavioralGrid")

        self.resultsLayout.addWidget(self.behavioralGroup)

        self.otherGroup = QGroupBox(self.resultsGroup)
        self.otherGroup.setObjectName(u"otherGroup")
        self.otherGrid = QGridLayout(self.otherGroup)
        self.otherGrid.setObjectName(u"otherGrid")

        self.resultsLayout.addWidget(self.otherGroup)

        self.dimensionsLabel = QLabel(self.resultsGroup)
        self.dimensionsLabel.setObjectName(u"dimensionsLabel")
        self.dimensionsLabel.setWordWrap(True)
        self.dimensionsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.resultsLayout.addWidget(self.dimensionsLabel)


        self.contentLayout.addWidget(self.resultsGroup)

        self.decisionGroup = QGroupBox(self.content)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionForm = QFormLayout(self.decisionGroup)
        self.decisionForm.setObjectName(u"decisionForm")
        self.decisionLabel = QLabel(self.decisionGroup)
        self.decisionLabel.setObjectName(u"decisionLabel")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionLabel)

        self.decisionRow = QHBoxLayout()
        self.decisionRow.setObjectName(u"decisionRow")
        self.decisionCombo = QComboBox(self.decisionGroup)
        self.decisionCombo.setObjectName(u"decisionCombo")
        self.decisionCombo.setMinimumSize(QSize(220, 0))

        self.decisionRow.addWidget(self.decisionCombo)

        self.suggestedDecisionLabel = QLabel(self.decisionGroup)
        self.suggestedDecisionLabel.setObjectName(u"suggestedDecisionLabel")
        self.suggestedDecisionLabel.setWordWrap(True)
        self.suggestedDecisionLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.suggestedDecisionLabel.sizePolicy().hasHeightForWidth())
        self.suggestedDecisionLabel.setSizePolicy(sizePolicy)

        self.decisionRow.addWidget(self.suggestedDecisionLabel)


        self.decisionForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.decisionRow)

        self.followUpLabel = QLabel(self.decisionGroup)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpRow = QHBoxLayout()
        self.followUpRow.setObjectName(u"followUpRow")
        self.followUpCombo = QComboBox(self.decisionGroup)
        self.followUpCombo.setObjectName(u"followUpCombo")
        self.followUpCombo.setMinimumSize(QSize(220, 0))

        self.followUpRow.addWidget(self.followUpCombo)

        self.followUpSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.followUpRow.addItem(self.followUpSpacer)


        self.decisionForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.followUpRow)

        self.extendNoteLabel = QLabel(self.decisionGroup)
        self.extendNoteLabel.setObjectName(u"extendNoteLabel")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.extendNoteLabel)

        self.extendInsteadButton = QPushButton(self.decisionGroup)
        self.extendInsteadButton.setObjectName(u"extendInsteadButton")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.extendInsteadButton.sizePolicy().hasHeightForWidth())
        self.extendInsteadButton.setSizePolicy(sizePolicy1)

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.extendInsteadButton)

        self.decidedOnLabel = QLabel(self.decisionGroup)
        self.decidedOnLabel.setObjectName(u"decidedOnLabel")

        self.decisionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.decidedOnLabel)

        self.decidedOnRow = QHBoxLayout()
        self.decidedOnRow.setObjectName(u"decidedOnRow")
        self.decidedOnEdit = QDateEdit(self.decisionGroup)
        self.decidedOnEdit.setObjectName(u"decidedOnEdit")
        self.decidedOnEdit.setCalendarPopup(True)
        self.decidedOnEdit.setMinimumSize(QSize(140, 0))

        self.decidedOnRow.addWidget(self.decidedOnEdit)

        self.decidedOnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decidedOnRow.addItem(self.decidedOnSpacer)


        self.decisionForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.decidedOnRow)

        self.summaryLabel = QLabel(self.decisionGroup)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.decisionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.decisionGroup)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.decisionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.monitoringLabel = QLabel(self.decisionGroup)
        self.monitoringLabel.setObjectName(u"monitoringLabel")

        self.decisionForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.monitoringLabel)

        self.monitoringEdit = QPlainTextEdit(self.decisionGroup)
        self.monitoringEdit.setObjectName(u"monitoringEdit")
        self.monitoringEdit.setTabChangesFocus(True)

        self.decisionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.monitoringEdit)


        self.contentLayout.addWidget(self.decisionGroup)

        self.fairnessGroup = QGroupBox(self.content)
        self.fairnessGroup.setObjectName(u"fairnessGroup")
        self.fairnessLayout = QVBoxLayout(self.fairnessGroup)
        self.fairnessLayout.setObjectName(u"fairnessLayout")
        self.fairnessForm = QFormLayout()
        self.fairnessForm.setObjectName(u"fairnessForm")
        self.supportHeading = QLabel(self.fairnessGroup)
        self.supportHeading.setObjectName(u"supportHeading")

        self.fairnessForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supportHeading)

        self.supportLabel = QLabel(self.fairnessGroup)
        self.supportLabel.setObjectName(u"supportLabel")
        self.supportLabel.setWordWrap(True)
        self.supportLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fairnessForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supportLabel)

        self.checkinsHeading = QLabel(self.fairnessGroup)
        self.checkinsHeading.setObjectName(u"checkinsHeading")

        self.fairnessForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.checkinsHeading)

        self.checkinsLabel = QLabel(self.fairnessGroup)
        self.checkinsLabel.setObjectName(u"checkinsLabel")
        self.checkinsLabel.setWordWrap(True)
        self.checkinsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fairnessForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.checkinsLabel)

        self.acknowledgementHeading = QLabel(self.fairnessGroup)
        self.acknowledgementHeading.setObjectName(u"acknowledgementHeading")

        self.fairnessForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.acknowledgementHeading)

        self.acknowledgementLabel = QLabel(self.fairnessGroup)
        self.acknowledgementLabel.setObjectName(u"acknowledgementLabel")
        self.acknowledgementLabel.setWordWrap(True)
        self.acknowledgementLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fairnessForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.acknowledgementLabel)


        self.fairnessLayout.addLayout(self.fairnessForm)

        self.gapsLabel = QLabel(self.fairnessGroup)
        self.gapsLabel.setObjectName(u"gapsLabel")
        self.gapsLabel.setWordWrap(True)
        self.gapsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fairnessLayout.addWidget(self.gapsLabel)

        self.fairnessCommentLabel = QLabel(self.fairnessGroup)
        self.fairnessCommentLabel.setObjectName(u"fairnessCommentLabel")
        self.fairnessCommentLabel.setWordWrap(True)

        self.fairnessLayout.addWidget(self.fairnessCommentLabel)

        self.fairnessCommentEdit = QPlainTextEdit(self.fairnessGroup)
        self.fairnessCommentEdit.setObjectName(u"fairnessCommentEdit")
        self.fairnessCommentEdit.setTabChangesFocus(True)

        self.fairnessLayout.addWidget(self.fairnessCommentEdit)


        self.contentLayout.addWidget(self.fairnessGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.content)

        self.layout.addWidget(self.scrollArea)

        self.errorLabel = QLabel(ClosePlanDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ClosePlanDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.decisionLabel.setBuddy(self.decisionCombo)
        self.followUpLabel.setBuddy(self.followUpCombo)
        self.decidedOnLabel.setBuddy(self.decidedOnEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.monitoringLabel.setBuddy(self.monitoringEdit)
        self.fairnessCommentLabel.setBuddy(self.fairnessCommentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scrollArea, self.decisionCombo)
        QWidget.setTabOrder(self.decisionCombo, self.followUpCombo)
        QWidget.setTabOrder(self.followUpCombo, self.extendInsteadButton)
        QWidget.setTabOrder(self.extendInsteadButton, self.decidedOnEdit)
        QWidget.setTabOrder(self.decidedOnEdit, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.monitoringEdit)
        QWidget.setTabOrder(self.monitoringEdit, self.fairnessCommentEdit)

        self.retranslateUi(ClosePlanDialog)

        QMetaObject.connectSlotsByName(ClosePlanDialog)
    # setupUi

    def retranslateUi(self, ClosePlanDialog):
        ClosePlanDialog.setWindowTitle(QCoreApplication.translate("ClosePlanDialog", u"Close with outcome", None))
        self.resultsGroup.setTitle(QCoreApplication.translate("ClosePlanDialog", u"Results of the objectives", None))
        self.resultsHint.setText(QCoreApplication.translate("ClosePlanDialog", u"Each result is suggested by the last value measured at a check-in: met when it reached the target, partially met when it moved at least half of the way from the baseline. Confirm it or choose another; a result other than the suggested one needs a comment.", None))
        self.technicalGroup.setTitle(QCoreApplication.translate("ClosePlanDialog", u"Technical objectives", None))
        self.behavioralGroup.setTitle(QCoreApplication.translate("ClosePlanDialog", u"Behavioral objectives", None))
        self.otherGroup.setTitle(QCoreApplication.translate("ClosePlanDialog", u"Objectives without a kind", None))
        self.decisionGroup.setTitle(QCoreApplication.translate("ClosePlanDialog", u"Decision", None))
        self.decisionLabel.setText(QCoreApplication.translate("ClosePlanDialog", u"&Decision", None))
#if QT_CONFIG(accessibility)
        self.decisionCombo.setAccessibleName(QCoreApplication.translate("ClosePlanDialog", u"Decision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.decisionCombo.setToolTip(QCoreApplication.translate("ClosePlanDialog", u"What the plan ends with; pipdesk suggests one from the objectives' results", None))
#endif // QT_CONFIG(tooltip)
        self.followUpLabel.setText(QCoreApplication.translate("ClosePlanDialog", u"&Follow-up", None))
#if QT_CONFIG(accessibility)
        self.followUpCombo.setAccessibleName(QCoreApplication.translate("ClosePlanDialog", u"Follow-up", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.followUpCombo.setToolTip(QCoreApplication.translate("ClosePlanDialog", u"What happens after the plan: back to normal performance management, an extension, another role, or further action with HR", None))
#endif // QT_CONFIG(tooltip)
        self.extendNoteLabel.setText(QCoreApplication.translate("ClosePlanDialog", u"An extension keeps the plan open, so it cannot be how the plan closes.\n"
"Extend the plan instead, with a new end date and your reason; its outcome is recorded when it closes.", None))
        self.extendInsteadButton.setText(QCoreApplication.translate("ClosePlanDialog", u"&Extend instead\u2026", None))
        self.decidedOnLabel.setText(QCoreApplication.translate("ClosePlanDialog", u"Decided &on", None))
#if QT_CONFIG(accessibility)
        self.decidedOnEdit.setAccessibleName(QCoreApplication.translate("ClosePlanDialog", u"Decided on", None))
#endif // QT_CONFIG(accessibility)
        self.decidedOnEdit.setDisplayFormat(QCoreApplication.translate("ClosePlanDialog", u"yyyy-MM-dd", None))
        self.summaryLabel.setText(QCoreApplication.translate("ClosePlanDialog", u"&Summary", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("ClosePlanDialog", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("ClosePlanDialog", u"What was achieved, what was not, and why the decision follows", None))
        self.monitoringLabel.setText(QCoreApplication.translate("ClosePlanDialog", u"&Monitoring", None))
#if QT_CONFIG(accessibility)
        self.monitoringEdit.setAccessibleName(QCoreApplication.translate("ClosePlanDialog", u"Monitoring", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.monitoringEdit.setToolTip(QCoreApplication.translate("ClosePlanDialog", u"How the employee's work will be followed after the plan", None))
#endif // QT_CONFIG(tooltip)
        self.monitoringEdit.setPlaceholderText(QCoreApplication.translate("ClosePlanDialog", u"The monitoring agreed after the plan, e.g. a monthly look at the measure until the next review", None))
        self.fairnessGroup.setTitle(QCoreApplication.translate("ClosePlanDialog", u"Fairness check: did the plan give what it promised?", None))
        self.supportHeading.setText(QCoreApplication.translate("ClosePlanDialog", u"Support", None))
        self.checkinsHeading.setText(QCoreApplication.translate("ClosePlanDialog", u"Check-ins", None))
        self.acknowledgementHeading.setText(QCoreApplication.translate("ClosePlanDialog", u"Acknowledgement", None))
        self.fairnessCommentLabel.setText(QCoreApplication.translate("ClosePlanDialog", u"Gaps do not stop you closing the plan, but each must be confirmed. S&ay how each gap was handled or why it did not affect the outcome (kept in the plan's history):", None))
#if QT_CONFIG(accessibility)
        self.fairnessCommentEdit.setAccessibleName(QCoreApplication.translate("ClosePlanDialog", u"Gaps do not stop you closing the plan, but each must be confirmed. Say how each gap was handled or why it did not affect the outcome (kept in the plan's history)", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

