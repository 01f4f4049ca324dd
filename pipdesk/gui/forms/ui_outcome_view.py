# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QTableView, QVBoxLayout, QWidget

class Ui_OutcomeView(object):
    def setupUi(self, OutcomeView):
        if not OutcomeView.objectName():
            OutcomeView.setObjectName(u"OutcomeView")
        self.layout = QVBoxLayout(OutcomeView)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(OutcomeView)
        self.stack.setObjectName(u"stack")
        self.messagePage = QWidget()
        self.messagePage.setObjectName(u"messagePage")
        self.messageLayout = QVBoxLayout(self.messagePage)
        self.messageLayout.setObjectName(u"messageLayout")
        self.messageLabel = QLabel(self.messagePage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.messageLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.messageLayout.addWidget(self.messageLabel)

        self.stack.addWidget(self.messagePage)
        self.outcomePage = QWidget()
        self.outcomePage.setObjectName(u"outcomePage")
        self.outcomePageLayout = QVBoxLayout(self.outcomePage)
        self.outcomePageLayout.setObjectName(u"outcomePageLayout")
        self.outcomePageLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(self.outcomePage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.contentLayout = QVBoxLayout(self.content)
        self.contentLayout.setObjectName(u"contentLayout")
        self.headingLabel = QLabel(self.content)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.contentLayout.addWidget(self.headingLabel)

        self.explanationLabel = QLabel(self.content)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)
        self.explanationLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.contentLayout.addWidget(self.explanationLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.closeButton = QPushButton(self.content)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)

        self.extendButton = QPushButton(self.content)
        self.extendButton.setObjectName(u"extendButton")

        self.buttonRow.addWidget(self.extendButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.contentLayout.addLayout(self.buttonRow)

        self.decisionGroup = QGroupBox(self.content)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionForm = QFormLayout(self.decisionGroup)
        self.decisionForm.setObjectName(u"decisionForm")
        self.decisionForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.decisionHeading = QLabel(self.decisionGroup)
        self.decisionHeading.setObjectName(u"decisionHeading")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionHeading)

        self.decisionLabel = QLabel(self.decisionGroup)
        self.decisionLabel.setObjectName(u"decisionLabel")
        self.decisionLabel.setWordWrap(True)
        self.decisionLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.decisionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.decisionLabel)

        self.followUpHeading = QLabel(self.decisionGroup)
        self.followUpHeading.setObjectName(u"followUpHeading")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.followUpHeading)

        self.followUpLabel = QLabel(self.decisionGroup)
        self.followUpLabel.setObjectName(u"followUpLabel")
        self.followUpLabel.setWordWrap(True)
        self.followUpLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.followUpLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.followUpLabel)

        self.decidedOnHeading = QLabel(self.decisionGroup)
        self.decidedOnHeading.setObjectName(u"decidedOnHeading")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decidedOnHeading)

        self.decidedOnLabel = QLabel(self.decisionGroup)
        self.decidedOnLabel.setObjectName(u"decidedOnLabel")
        self.decidedOnLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.decidedOnLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.decidedOnLabel)

        self.summaryHeading = QLabel(self.decisionGroup)
        self.summaryHeading.setObjectName(u"summaryHeading")

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.summaryHeading)

        self.summaryLabel = QLabel(self.decisionGroup)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.summaryLabel)

        self.monitoringHeading = QLabel(self.decisionGroup)
        self.monitoringHeading.setObjectName(u"monitoringHeading")

        self.decisionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.monitoringHeading)

        self.monitoringLabel = QLabel(self.decisionGroup)
        self.monitoringLabel.setObjectName(u"monitoringLabel")
        self.monitoringLabel.setWordWrap(True)
        self.monitoringLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.monitoringLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decisionForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.monitoringLabel)


        self.contentLayout.addWidget(self.decisionGroup)

        self.technicalGroup = QGroupBox(self.content)
        self.technicalGroup.setObjectName(u"technicalGroup")
        self.technicalLayout = QVBoxLayout(self.technicalGroup)
        self.technicalLayout.setObjectName(u"technicalLayout")
        self.technicalTable = QTableView(self.technicalGroup)
        self.technicalTable.setObjectName(u"technicalTable")

        self.technicalLayout.addWidget(self.technicalTable)


        self.contentLayout.addWidget(self.technicalGroup)

        self.behavioralGroup = QGroupBox(self.content)
        self.behavioralGroup.setObjectName(u"behavioralGroup")
        self.behavioralLayout = QVBoxLayout(self.behavioralGroup)
        self.behavioralLayout.setObjectName(u"behavioralLayout")
        self.behavioralTable = QTableView(self.behavioralGroup)
        self.behavioralTable.setObjectName(u"behavioralTable")

        self.behavioralLayout.addWidget(self.behavioralTable)


        self.contentLayout.addWidget(self.behavioralGroup)

        self.otherGroup = QGroupBox(self.content)
        self.otherGroup.setObjectName(u"otherGroup")
        self.otherLayout = QVBoxLayout(self.otherGroup)
        self.otherLayout.setObjectName(u"otherLayout")
        self.otherTable = QTableView(self.otherGroup)
        self.otherTable.setObjectName(u"otherTable")

        self.otherLayout.addWidget(self.otherTable)


        self.contentLayout.addWidget(self.otherGroup)

        self.dimensionsLabel = QLabel(self.content)
        self.dimensionsLabel.setObjectName(u"dimensionsLabel")
        self.dimensionsLabel.setWordWrap(True)
        self.dimensionsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.contentLayout.addWidget(self.dimensionsLabel)

        self.fairnessGroup = QGroupBox(self.content)
        self.fairnessGroup.setObjectName(u"fairnessGroup")
        self.fairnessLayout = QVBoxLayout(self.fairnessGroup)
        self.fairnessLayout.setObjectName(u"fairnessLayout")
        self.fairnessForm = QFormLayout()
        self.fairnessForm.setObjectName(u"fairnessForm")
        self.fairnessForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
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

        self.gapsHeading = QLabel(self.fairnessGroup)
        self.gapsHeading.setObjectName(u"gapsHeading")

        self.fairnessForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.gapsHeading)

        self.gapsLabel = QLabel(self.fairnessGroup)
        self.gapsLabel.setObjectName(u"gapsLabel")
        self.gapsLabel.setWordWrap(True)
        self.gapsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fairnessForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.gapsLabel)

        self.confirmationHeading = QLabel(self.fairnessGroup)
        self.confirmationHeading.setObjectName(u"confirmationHeading")

        self.fairnessForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirmationHeading)

        self.confirmationLabel = QLabel(self.fairnessGroup)
        self.confirmationLabel.setObjectName(u"confirmationLabel")
        self.confirmationLabel.setWordWrap(True)
        self.confirmationLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.confirmationLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fairnessForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirmationLabel)


        self.fairnessLayout.addLayout(self.fairnessForm)


        self.contentLayout.addWidget(self.fairnessGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.content)

        self.outcomePageLayout.addWidget(self.scrollArea)

        self.stack.addWidget(self.outcomePage)

        self.layout.addWidget(self.stack)


        self.retranslateUi(OutcomeView)

        QMetaObject.connectSlotsByName(OutcomeView)
    # setupUi

    def retranslateUi(self, OutcomeView):
        self.closeButton.setText(QCoreApplication.translate("OutcomeView", u"&Close with outcome\u2026", None))
        self.extendButton.setText(QCoreApplication.translate("OutcomeView", u"E&xtend\u2026", None))
        self.decisionGroup.setTitle(QCoreApplication.translate("OutcomeView", u"Decision", None))
        self.decisionHeading.setText(QCoreApplication.translate("OutcomeView", u"Decision", None))
        self.followUpHeading.setText(QCoreApplication.translate("OutcomeView", u"Follow-up", None))
        self.decidedOnHeading.setText(QCoreApplication.translate("OutcomeView", u"Decided on", None))
        self.summaryHeading.setText(QCoreApplication.translate("OutcomeView", u"Summary", None))
        self.monitoringHeading.setText(QCoreApplication.translate("OutcomeView", u"Monitoring", None))
        self.technicalGroup.setTitle(QCoreApplication.translate("OutcomeView", u"Technical objectives", None))
#if QT_CONFIG(accessibility)
        self.technicalTable.setAccessibleName(QCoreApplication.translate("OutcomeView", u"Technical objectives", None))
#endif // QT_CONFIG(accessibility)
        self.behavioralGroup.setTitle(QCoreApplication.translate("OutcomeView", u"Behavioral objectives", None))
#if QT_CONFIG(accessibility)
        self.behavioralTable.setAccessibleName(QCoreApplication.translate("OutcomeView", u"Behavioral objectives", None))
#endif // QT_CONFIG(accessibility)
        self.otherGroup.setTitle(QCoreApplication.translate("OutcomeView", u"Objectives without a kind", None))
#if QT_CONFIG(accessibility)
        self.otherTable.setAccessibleName(QCoreApplication.translate("OutcomeView", u"Objectives without a kind", None))
#endif // QT_CONFIG(accessibility)
        self.fairnessGroup.setTitle(QCoreApplication.translate("OutcomeView", u"Fairness check", None))
        self.supportHeading.setText(QCoreApplication.translate("OutcomeView", u"Support", None))
        self.checkinsHeading.setText(QCoreApplication.translate("OutcomeView", u"Check-ins", None))
        self.acknowledgementHeading.setText(QCoreApplication.translate("OutcomeView", u"Acknowledgement", None))
        self.gapsHeading.setText(QCoreApplication.translate("OutcomeView", u"Gaps", None))
        self.confirmationHeading.setText(QCoreApplication.translate("OutcomeView", u"Confirmed at closing", None))
        pass
    # retranslateUi

