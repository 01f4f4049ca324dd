# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTableView, QVBoxLayout, QWidget

from pipdesk.gui.common.list_editor import ListEditor

class Ui_PlanEditor(object):
    def setupUi(self, PlanEditor):
        if not PlanEditor.objectName():
            PlanEditor.setObjectName(u"PlanEditor")
        self.outerLayout = QVBoxLayout(PlanEditor)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.smartSummary = QLabel(PlanEditor)
        self.smartSummary.setObjectName(u"smartSummary")
        self.smartSummary.setTextFormat(Qt.TextFormat.PlainText)
        self.smartSummary.setWordWrap(True)
        self.smartSummary.setMargin(6)

        self.outerLayout.addWidget(self.smartSummary)

        self.scrollArea = QScrollArea(PlanEditor)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.contentLayout = QVBoxLayout(self.content)
        self.contentLayout.setSpacing(12)
        self.contentLayout.setObjectName(u"contentLayout")
        self.planGroup = QGroupBox(self.content)
        self.planGroup.setObjectName(u"planGroup")
        self.planForm = QFormLayout(self.planGroup)
        self.planForm.setObjectName(u"planForm")
        self.planForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.titleLabel = QLabel(self.planGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.planForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.planGroup)
        self.titleEdit.setObjectName(u"titleEdit")

        self.planForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(self.planGroup)
        self.titleError.setObjectName(u"titleError")

        self.planForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.statusCaption = QLabel(self.planGroup)
        self.statusCaption.setObjectName(u"statusCaption")

        self.planForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusCaption)

        self.statusLabel = QLabel(self.planGroup)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.planForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusLabel)


        self.contentLayout.addWidget(self.planGroup)

        self.peopleGroup = QGroupBox(self.content)
        self.peopleGroup.setObjectName(u"peopleGroup")
        self.peopleGrid = QGridLayout(self.peopleGroup)
        self.peopleGrid.setObjectName(u"peopleGrid")
        self.nameHeader = QLabel(self.peopleGroup)
        self.nameHeader.setObjectName(u"nameHeader")

        self.peopleGrid.addWidget(self.nameHeader, 0, 1, 1, 1)

        self.jobTitleHeader = QLabel(self.peopleGroup)
        self.jobTitleHeader.setObjectName(u"jobTitleHeader")

        self.peopleGrid.addWidget(self.jobTitleHeader, 0, 2, 1, 1)

        self.departmentHeader = QLabel(self.peopleGroup)
        self.departmentHeader.setObjectName(u"departmentHeader")

        self.peopleGrid.addWidget(self.departmentHeader, 0, 3, 1, 1)

        self.emailHeader = QLabel(self.peopleGroup)
        self.emailHeader.setObjectName(u"emailHeader")

        self.peopleGrid.addWidget(self.emailHeader, 0, 4, 1, 1)

        self.employeeLabel = QLabel(self.peopleGroup)
        self.employeeLabel.setObjectName(u"employeeLabel")

        self.peopleGrid.addWidget(self.employeeLabel, 1, 0, 1, 1)

        self.employeeNameEdit = QLineEdit(self.peopleGroup)
        self.employeeNameEdit.setObjectName(u"employeeNameEdit")

        self.peopleGrid.addWidget(self.employeeNameEdit, 1, 1, 1, 1)

        self.employeeJobTitleEdit = QLineEdit(self.peopleGroup)
        self.employeeJobTitleEdit.setObjectName(u"employeeJobTitleEdit")

        self.peopleGrid.addWidget(self.employeeJobTitleEdit, 1, 2, 1, 1)

        self.employeeDepartmentEdit = QLineEdit(self.peopleGroup)
        self.employeeDepartmentEdit.setObjectName(u"employeeDepartmentEdit")

        self.peopleGrid.addWidget(self.employeeDepartmentEdit, 1, 3, 1, 1)

        self.employeeEmailEdit = QLineEdit(self.peopleGroup)
        self.employeeEmailEdit.setObjectName(u"employeeEmailEdit")

        self.peopleGrid.addWidget(self.employeeEmailEdit, 1, 4, 1, 1)

        self.employeeError = QLabel(self.peopleGroup)
        self.employeeError.setObjectName(u"employeeError")

        self.peopleGrid.addWidget(self.employeeError, 2, 1, 1, 4)

        self.managerLabel = QLabel(self.peopleGroup)
        self.managerLabel.setObjectName(u"managerLabel")

        self.peopleGrid.addWidget(self.managerLabel, 3, 0, 1, 1)

        self.managerNameEdit = QLineEdit(self.peopleGroup)
        self.managerNameEdit.setObjectName(u"managerNameEdit")

        self.peopleGrid.addWidget(self.managerNameEdit, 3, 1, 1, 1)

        self.managerJobTitleEdit = QLineEdit(self.peopleGroup)
        self.managerJobTitleEdit.setObjectName(u"managerJobTitleEdit")

        self.peopleGrid.addWidget(self.managerJobTitleEdit, 3, 2, 1, 1)

        self.managerDepartmentEdit = QLineEdit(self.peopleGroup)
        self.managerDepartmentEdit.setObjectName(u"managerDepartmentEdit")

        self.peopleGrid.addWidget(self.managerDepartmentEdit, 3, 3, 1, 1)

        self.managerEmailEdit = QLineEdit(self.peopleGroup)
        self.managerEmailEdit.setObjectName(u"managerEmailEdit")

        self.peopleGrid.addWidget(self.managerEmailEdit, 3, 4, 1, 1)

        self.managerError = QLabel(self.peopleGroup)
        self.managerError.setObjectName(u"managerError")

        self.peopleGrid.addWidget(self.managerError, 4, 1, 1, 4)

        self.hrPartnerLabel = QLabel(self.peopleGroup)
        self.hrPartnerLabel.setObjectName(u"hrPartnerLabel")

        self.peopleGrid.addWidget(self.hrPartnerLabel, 5, 0, 1, 1)

        self.hrPartnerNameEdit = QLineEdit(self.peopleGroup)
        self.hrPartnerNameEdit.setObjectName(u"hrPartnerNameEdit")

        self.peopleGrid.addWidget(self.hrPartnerNameEdit, 5, 1, 1, 1)

        self.hrPartnerJobTitleEdit = QLineEdit(self.peopleGroup)
        self.hrPartnerJobTitleEdit.setObjectName(u"hrPartnerJobTitleEdit")

        self.peopleGrid.addWidget(self.hrPartnerJobTitleEdit, 5, 2, 1, 1)

        self.hrPartnerDepartmentEdit = QLineEdit(self.peopleGroup)
        self.hrPartnerDepartmentEdit.setObjectName(u"hrPartnerDepartmentEdit")

        self.peopleGrid.addWidget(self.hrPartnerDepartmentEdit, 5, 3, 1, 1)

        self.hrPartnerEmailEdit = QLineEdit(self.peopleGroup)
        self.hrPartnerEmailEdit.setObjectName(u"hrPartnerEmailEdit")

        self.peopleGrid.addWidget(self.hrPartnerEmailEdit, 5, 4, 1, 1)

        self.hrPartnerError = QLabel(self.peopleGroup)
        self.hrPartnerError.setObjectName(u"hrPartnerError")

        self.peopleGrid.addWidget(self.hrPartnerError, 6, 1, 1, 4)


        self.contentLayout.addWidget(self.peopleGroup)

        self.periodGroup = QGroupBox(self.content)
        self.periodGroup.setObjectName(u"periodGroup")
        self.periodForm = QFormLayout(self.periodGroup)
        self.periodForm.setObjectName(u"periodForm")
        self.startLabel = QLabel(self.periodGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.periodForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startDateEdit = QDateEdit(self.periodGroup)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setCalendarPopup(True)

        self.periodForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.startDateEdit)

        self.endLabel = QLabel(self.periodGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.periodForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endDateEdit = QDateEdit(self.periodGroup)
        self.endDateEdit.setObjectName(u"endDateEdit")
        self.endDateEdit.setCalendarPopup(True)

        self.periodForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.endDateEdit)

        self.periodError = QLabel(self.periodGroup)
        self.periodError.setObjectName(u"periodError")

        self.periodForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.periodError)

        self.cadenceLabel = QLabel(self.periodGroup)
        self.cadenceLabel.setObjectName(u"cadenceLabel")

        self.periodForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cadenceLabel)

        self.cadenceSpin = QSpinBox(self.periodGroup)
        self.cadenceSpin.setObjectName(u"cadenceSpin")
        self.cadenceSpin.setMinimum(0)
        self.cadenceSpin.setMaximum(90)

        self.periodForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cadenceSpin)

        self.issuedCaption = QLabel(self.periodGroup)
        self.issuedCaption.setObjectName(u"issuedCaption")

        self.periodForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.issuedCaption)

        self.issuedLabel = QLabel(self.periodGroup)
        self.issuedLabel.setObjectName(u"issuedLabel")
        self.issuedLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.periodForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.issuedLabel)

        self.acknowledgementCaption = QLabel(self.periodGroup)
        self.acknowledgementCaption.setObjectName(u"acknowledgementCaption")

        self.periodForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.acknowledgementCaption)

        self.acknowledgementLayout = QHBoxLayout()
        self.acknowledgementLayout.setObjectName(u"acknowledgementLayout")
        self.acknowledgementLabel = QLabel(self.periodGroup)
        self.acknowledgementLabel.setObjectName(u"acknowledgementLabel")
        self.acknowledgementLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.acknowledgementLabel.setWordWrap(True)

        self.acknowledgementLayout.addWidget(self.acknowledgementLabel)

        self.recordAcknowledgementButton = QPushButton(self.periodGroup)
        self.recordAcknowledgementButton.setObjectName(u"recordAcknowledgementButton")
        self.recordAcknowledgementButton.setVisible(False)

        self.acknowledgementLayout.addWidget(self.recordAcknowledgementButton)

        self.acknowledgementSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.acknowledgementLayout.addItem(self.acknowledgementSpacer)


        self.periodForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.acknowledgementLayout)


        self.contentLayout.addWidget(self.periodGroup)

        self.whyGroup = QGroupBox(self.content)
        self.whyGroup.setObjectName(u"whyGroup")
        self.whyForm = QFormLayout(self.whyGroup)
        self.whyForm.setObjectName(u"whyForm")
        self.summaryLabel = QLabel(self.whyGroup)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.whyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.whyGroup)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.whyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.contextLabel = QLabel(self.whyGroup)
        self.contextLabel.setObjectName(u"contextLabel")

        self.whyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contextLabel)

        self.contextEdit = QPlainTextEdit(self.whyGroup)
        self.contextEdit.setObjectName(u"contextEdit")
        self.contextEdit.setTabChangesFocus(True)

        self.whyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contextEdit)


        self.contentLayout.addWidget(self.whyGroup)

        self.priorGroup = QGroupBox(self.content)
        self.priorGroup.setObjectName(u"priorGroup")
        self.priorLayout = QVBoxLayout(self.priorGroup)
        self.priorLayout.setObjectName(u"priorLayout")
        self.priorDiscussionsList = ListEditor(self.priorGroup)
        self.priorDiscussionsList.setObjectName(u"priorDiscussionsList")

        self.priorLayout.addWidget(self.priorDiscussionsList)


        self.contentLayout.addWidget(self.priorGroup)

        self.concernsGroup = QGroupBox(self.content)
        self.concernsGroup.setObjectName(u"concernsGroup")
        self.concernsLayout = QVBoxLayout(self.concernsGroup)
        self.concernsLayout.setObjectName(u"concernsLayout")
        self.concernsList = ListEditor(self.concernsGroup)
        self.concernsList.setObjectName(u"concernsList")

        self.concernsLayout.addWidget(self.concernsList)

        self.evidenceHeading = QLabel(self.concernsGroup)
        self.evidenceHeading.setObjectName(u"evidenceHeading")
        self.evidenceHeading.setTextFormat(Qt.TextFormat.PlainText)

        self.concernsLayout.addWidget(self.evidenceHeading)

        self.evidenceList = ListEditor(self.concernsGroup)
        self.evidenceList.setObjectName(u"evidenceList")

        self.concernsLayout.addWidget(self.evidenceList)


        self.contentLayout.addWidget(self.concernsGroup)

        self.objectivesGroup = QGroupBox(self.content)
        self.objectivesGroup.setObjectName(u"objectivesGroup")
        self.objectivesLayout = QVBoxLayout(self.objectivesGroup)
        self.objectivesLayout.setObjectName(u"objectivesLayout")
        self.objectivesList = ListEditor(self.objectivesGroup)
        self.objectivesList.setObjectName(u"objectivesList")

        self.objectivesLayout.addWidget(self.objectivesList)


        self.contentLayout.addWidget(self.objectivesGroup)

        self.supportGroup = QGroupBox(self.content)
        self.supportGroup.setObjectName(u"supportGroup")
        self.supportLayout = QVBoxLayout(self.supportGroup)
        self.supportLayout.setObjectName(u"supportLayout")
        self.supportList = ListEditor(self.supportGroup)
        self.supportList.setObjectName(u"supportList")

        self.supportLayout.addWidget(self.supportList)


        self.contentLayout.addWidget(self.supportGroup)

        self.commitmentsGroup = QGroupBox(self.content)
        self.commitmentsGroup.setObjectName(u"commitmentsGroup")
        self.commitmentsForm = QFormLayout(self.commitmentsGroup)
        self.commitmentsForm.setObjectName(u"commitmentsForm")
        self.managerCommitmentsLabel = QLabel(self.commitmentsGroup)
        self.managerCommitmentsLabel.setObjectName(u"managerCommitmentsLabel")

        self.commitmentsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.managerCommitmentsLabel)

        self.managerCommitmentsEdit = QPlainTextEdit(self.commitmentsGroup)
        self.managerCommitmentsEdit.setObjectName(u"managerCommitmentsEdit")
        self.managerCommitmentsEdit.setTabChangesFocus(True)

        self.commitmentsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.managerCommitmentsEdit)

        self.employeeCommitmentsLabel = QLabel(self.commitmentsGroup)
        self.employeeCommitmentsLabel.setObjectName(u"employeeCommitmentsLabel")

        self.commitmentsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.employeeCommitmentsLabel)

        self.employeeCommitmentsEdit = QPlainTextEdit(self.commitmentsGroup)
        self.employeeCommitmentsEdit.setObjectName(u"employeeCommitmentsEdit")
        self.employeeCommitmentsEdit.setTabChangesFocus(True)

        self.commitmentsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.employeeCommitmentsEdit)

        self.consequencesLabel = QLabel(self.commitmentsGroup)
        self.consequencesLabel.setObjectName(u"consequencesLabel")

        self.commitmentsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.consequencesLabel)

        self.consequencesEdit = QPlainTextEdit(self.commitmentsGroup)
        self.consequencesEdit.setObjectName(u"consequencesEdit")
        self.consequencesEdit.setTabChangesFocus(True)

        self.commitmentsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.consequencesEdit)


        self.contentLayout.addWidget(self.commitmentsGroup)

        self.historyGroup = QGroupBox(self.content)
        self.historyGroup.setObjectName(u"historyGroup")
        self.historyLayout = QVBoxLayout(self.historyGroup)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTable = QTableView(self.historyGroup)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.historyLayout.addWidget(self.historyTable)


        self.contentLayout.addWidget(self.historyGroup)

        self.scrollArea.setWidget(self.content)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.employeeLabel.setBuddy(self.employeeNameEdit)
        self.managerLabel.setBuddy(self.managerNameEdit)
        self.hrPartnerLabel.setBuddy(self.hrPartnerNameEdit)
        self.startLabel.setBuddy(self.startDateEdit)
        self.endLabel.setBuddy(self.endDateEdit)
        self.cadenceLabel.setBuddy(self.cadenceSpin)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.contextLabel.setBuddy(self.contextEdit)
        self.managerCommitmentsLabel.setBuddy(self.managerCommitmentsEdit)
        self.employeeCommitmentsLabel.setBuddy(self.employeeCommitmentsEdit)
        self.consequencesLabel.setBuddy(self.consequencesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanEditor)

        QMetaObject.connectSlotsByName(PlanEditor)
    # setupUi

    def retranslateUi(self, PlanEditor):
        self.planGroup.setTitle(QCoreApplication.translate("PlanEditor", u"Plan", None))
        self.titleLabel.setText(QCoreApplication.translate("PlanEditor", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.statusCaption.setText(QCoreApplication.translate("PlanEditor", u"Status", None))
        self.peopleGroup.setTitle(QCoreApplication.translate("PlanEditor", u"People", None))
        self.nameHeader.setText(QCoreApplication.translate("PlanEditor", u"Name", None))
        self.jobTitleHeader.setText(QCoreApplication.translate("PlanEditor", u"Job title", None))
        self.departmentHeader.setText(QCoreApplication.translate("PlanEditor", u"Department", None))
        self.emailHeader.setText(QCoreApplication.translate("PlanEditor", u"Email", None))
        self.employeeLabel.setText(QCoreApplication.translate("PlanEditor", u"Emp&loyee", None))
#if QT_CONFIG(accessibility)
        self.employeeNameEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Employee name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.employeeJobTitleEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Employee job title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.employeeDepartmentEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Employee department", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.employeeEmailEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Employee email", None))
#endif // QT_CONFIG(accessibility)
        self.managerLabel.setText(QCoreApplication.translate("PlanEditor", u"&Manager", None))
#if QT_CONFIG(accessibility)
        self.managerNameEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Manager name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.managerJobTitleEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Manager job title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.managerDepartmentEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Manager department", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.managerEmailEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Manager email", None))
#endif // QT_CONFIG(accessibility)
        self.hrPartnerLabel.setText(QCoreApplication.translate("PlanEditor", u"H&R partner", None))
#if QT_CONFIG(accessibility)
        self.hrPartnerNameEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"HR partner name", None))
#endif // QT_CONFIG(accessibility)
        self.hrPartnerNameEdit.setPlaceholderText(QCoreApplication.translate("PlanEditor", u"None", None))
#if QT_CONFIG(accessibility)
        self.hrPartnerJobTitleEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"HR partner job title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.hrPartnerDepartmentEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"HR partner department", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.hrPartnerEmailEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"HR partner email", None))
#endif // QT_CONFIG(accessibility)
        self.periodGroup.setTitle(QCoreApplication.translate("PlanEditor", u"Period and check-ins", None))
        self.startLabel.setText(QCoreApplication.translate("PlanEditor", u"&Start date", None))
#if QT_CONFIG(accessibility)
        self.startDateEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Start date", None))
#endif // QT_CONFIG(accessibility)
        self.startDateEdit.setDisplayFormat(QCoreApplication.translate("PlanEditor", u"yyyy-MM-dd", None))
        self.endLabel.setText(QCoreApplication.translate("PlanEditor", u"E&nd date", None))
#if QT_CONFIG(accessibility)
        self.endDateEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"End date", None))
#endif // QT_CONFIG(accessibility)
        self.endDateEdit.setDisplayFormat(QCoreApplication.translate("PlanEditor", u"yyyy-MM-dd", None))
        self.cadenceLabel.setText(QCoreApplication.translate("PlanEditor", u"&Check-in every", None))
#if QT_CONFIG(accessibility)
        self.cadenceSpin.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Check-in every", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cadenceSpin.setToolTip(QCoreApplication.translate("PlanEditor", u"How often check-in meetings are scheduled, in days; they appear on the timeline", None))
#endif // QT_CONFIG(tooltip)
        self.cadenceSpin.setSpecialValueText(QCoreApplication.translate("PlanEditor", u"Not set", None))
        self.cadenceSpin.setSuffix(QCoreApplication.translate("PlanEditor", u" days", None))
        self.issuedCaption.setText(QCoreApplication.translate("PlanEditor", u"Issued", None))
        self.acknowledgementCaption.setText(QCoreApplication.translate("PlanEditor", u"Acknowledgement", None))
        self.recordAcknowledgementButton.setText(QCoreApplication.translate("PlanEditor", u"Record acknowledgement\u2026", None))
#if QT_CONFIG(tooltip)
        self.recordAcknowledgementButton.setToolTip(QCoreApplication.translate("PlanEditor", u"Record that the employee signed for receipt of the plan, or declined to sign", None))
#endif // QT_CONFIG(tooltip)
        self.whyGroup.setTitle(QCoreApplication.translate("PlanEditor", u"Why this plan", None))
        self.summaryLabel.setText(QCoreApplication.translate("PlanEditor", u"S&ummary", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("PlanEditor", u"The performance concerns in brief", None))
        self.contextLabel.setText(QCoreApplication.translate("PlanEditor", u"C&ontext and barriers", None))
#if QT_CONFIG(accessibility)
        self.contextEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Context and barriers", None))
#endif // QT_CONFIG(accessibility)
        self.contextEdit.setPlaceholderText(QCoreApplication.translate("PlanEditor", u"Training, requirements, workload, tools", None))
        self.priorGroup.setTitle(QCoreApplication.translate("PlanEditor", u"Prior discussions", None))
#if QT_CONFIG(accessibility)
        self.priorDiscussionsList.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Prior discussions", None))
#endif // QT_CONFIG(accessibility)
        self.concernsGroup.setTitle(QCoreApplication.translate("PlanEditor", u"Concerns and evidence", None))
#if QT_CONFIG(accessibility)
        self.concernsList.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Concerns", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.evidenceList.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Evidence", None))
#endif // QT_CONFIG(accessibility)
        self.objectivesGroup.setTitle(QCoreApplication.translate("PlanEditor", u"SMART objectives", None))
#if QT_CONFIG(accessibility)
        self.objectivesList.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Objectives", None))
#endif // QT_CONFIG(accessibility)
        self.supportGroup.setTitle(QCoreApplication.translate("PlanEditor", u"Support and resources", None))
#if QT_CONFIG(accessibility)
        self.supportList.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Support", None))
#endif // QT_CONFIG(accessibility)
        self.commitmentsGroup.setTitle(QCoreApplication.translate("PlanEditor", u"Commitments and consequences", None))
        self.managerCommitmentsLabel.setText(QCoreApplication.translate("PlanEditor", u"Mana&ger commits to", None))
#if QT_CONFIG(accessibility)
        self.managerCommitmentsEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Manager commits to", None))
#endif // QT_CONFIG(accessibility)
        self.employeeCommitmentsLabel.setText(QCoreApplication.translate("PlanEditor", u"Emplo&yee commits to", None))
#if QT_CONFIG(accessibility)
        self.employeeCommitmentsEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Employee commits to", None))
#endif // QT_CONFIG(accessibility)
        self.consequencesLabel.setText(QCoreApplication.translate("PlanEditor", u"Conse&quences", None))
#if QT_CONFIG(accessibility)
        self.consequencesEdit.setAccessibleName(QCoreApplication.translate("PlanEditor", u"Consequences", None))
#endif // QT_CONFIG(accessibility)
        self.consequencesEdit.setPlaceholderText(QCoreApplication.translate("PlanEditor", u"What follows if the objectives are not met", None))
        self.historyGroup.setTitle(QCoreApplication.translate("PlanEditor", u"History of changes after issue", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("PlanEditor", u"History of changes after issue", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

