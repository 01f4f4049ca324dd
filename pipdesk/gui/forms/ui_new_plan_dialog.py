# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QSpinBox, QVBoxLayout, QWidget

class Ui_NewPlanDialog(object):
    def setupUi(self, NewPlanDialog):
        if not NewPlanDialog.objectName():
            NewPlanDialog.setObjectName(u"NewPlanDialog")
        NewPlanDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(NewPlanDialog)
        self.layout.setObjectName(u"layout")
        self.templateGroup = QGroupBox(NewPlanDialog)
        self.templateGroup.setObjectName(u"templateGroup")
        self.templateLayout = QVBoxLayout(self.templateGroup)
        self.templateLayout.setObjectName(u"templateLayout")
        self.templateList = QListWidget(self.templateGroup)
        self.templateList.setObjectName(u"templateList")

        self.templateLayout.addWidget(self.templateList)

        self.templateDescription = QLabel(self.templateGroup)
        self.templateDescription.setObjectName(u"templateDescription")
        self.templateDescription.setWordWrap(True)
        self.templateDescription.setTextFormat(Qt.TextFormat.PlainText)

        self.templateLayout.addWidget(self.templateDescription)


        self.layout.addWidget(self.templateGroup)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.employeeLabel = QLabel(NewPlanDialog)
        self.employeeLabel.setObjectName(u"employeeLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.employeeLabel)

        self.employeeEdit = QLineEdit(NewPlanDialog)
        self.employeeEdit.setObjectName(u"employeeEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.employeeEdit)

        self.jobTitleLabel = QLabel(NewPlanDialog)
        self.jobTitleLabel.setObjectName(u"jobTitleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.jobTitleLabel)

        self.jobTitleEdit = QLineEdit(NewPlanDialog)
        self.jobTitleEdit.setObjectName(u"jobTitleEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.jobTitleEdit)

        self.managerLabel = QLabel(NewPlanDialog)
        self.managerLabel.setObjectName(u"managerLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.managerLabel)

        self.managerEdit = QLineEdit(NewPlanDialog)
        self.managerEdit.setObjectName(u"managerEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.managerEdit)

        self.titleLabel = QLabel(NewPlanDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(NewPlanDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.startLabel = QLabel(NewPlanDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startDateEdit = QDateEdit(NewPlanDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.startDateEdit)

        self.lengthLabel = QLabel(NewPlanDialog)
        self.lengthLabel.setObjectName(u"lengthLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lengthLabel)

        self.lengthSpin = QSpinBox(NewPlanDialog)
        self.lengthSpin.setObjectName(u"lengthSpin")
        self.lengthSpin.setMinimum(7)
        self.lengthSpin.setMaximum(365)
        self.lengthSpin.setValue(60)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lengthSpin)

        self.cadenceLabel = QLabel(NewPlanDialog)
        self.cadenceLabel.setObjectName(u"cadenceLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cadenceLabel)

        self.cadenceSpin = QSpinBox(NewPlanDialog)
        self.cadenceSpin.setObjectName(u"cadenceSpin")
        self.cadenceSpin.setMinimum(1)
        self.cadenceSpin.setMaximum(90)
        self.cadenceSpin.setValue(7)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cadenceSpin)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(NewPlanDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(NewPlanDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.employeeLabel.setBuddy(self.employeeEdit)
        self.jobTitleLabel.setBuddy(self.jobTitleEdit)
        self.managerLabel.setBuddy(self.managerEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.startLabel.setBuddy(self.startDateEdit)
        self.lengthLabel.setBuddy(self.lengthSpin)
        self.cadenceLabel.setBuddy(self.cadenceSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.templateList, self.employeeEdit)
        QWidget.setTabOrder(self.employeeEdit, self.jobTitleEdit)
        QWidget.setTabOrder(self.jobTitleEdit, self.managerEdit)
        QWidget.setTabOrder(self.managerEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.startDateEdit)
        QWidget.setTabOrder(self.startDateEdit, self.lengthSpin)
        QWidget.setTabOrder(self.lengthSpin, self.cadenceSpin)

        self.retranslateUi(NewPlanDialog)

        QMetaObject.connectSlotsByName(NewPlanDialog)
    # setupUi

    def retranslateUi(self, NewPlanDialog):
        NewPlanDialog.setWindowTitle(QCoreApplication.translate("NewPlanDialog", u"New plan", None))
        self.templateGroup.setTitle(QCoreApplication.translate("NewPlanDialog", u"Template", None))
#if QT_CONFIG(accessibility)
        self.templateList.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Templates", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.templateList.setToolTip(QCoreApplication.translate("NewPlanDialog", u"A template fills in concerns, objectives and support; Blank plan starts empty", None))
#endif // QT_CONFIG(tooltip)
        self.employeeLabel.setText(QCoreApplication.translate("NewPlanDialog", u"&Employee", None))
#if QT_CONFIG(accessibility)
        self.employeeEdit.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Employee", None))
#endif // QT_CONFIG(accessibility)
        self.employeeEdit.setPlaceholderText(QCoreApplication.translate("NewPlanDialog", u"Full name", None))
        self.jobTitleLabel.setText(QCoreApplication.translate("NewPlanDialog", u"&Job title", None))
#if QT_CONFIG(accessibility)
        self.jobTitleEdit.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Job title", None))
#endif // QT_CONFIG(accessibility)
        self.managerLabel.setText(QCoreApplication.translate("NewPlanDialog", u"&Manager", None))
#if QT_CONFIG(accessibility)
        self.managerEdit.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Manager", None))
#endif // QT_CONFIG(accessibility)
        self.managerEdit.setPlaceholderText(QCoreApplication.translate("NewPlanDialog", u"Your name", None))
        self.titleLabel.setText(QCoreApplication.translate("NewPlanDialog", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("NewPlanDialog", u"e.g. Delivery predictability", None))
        self.startLabel.setText(QCoreApplication.translate("NewPlanDialog", u"&Start date", None))
#if QT_CONFIG(accessibility)
        self.startDateEdit.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Start date", None))
#endif // QT_CONFIG(accessibility)
        self.startDateEdit.setDisplayFormat(QCoreApplication.translate("NewPlanDialog", u"yyyy-MM-dd", None))
        self.lengthLabel.setText(QCoreApplication.translate("NewPlanDialog", u"&Length", None))
#if QT_CONFIG(accessibility)
        self.lengthSpin.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Length", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.lengthSpin.setToolTip(QCoreApplication.translate("NewPlanDialog", u"Days from the start date to the end date of the plan", None))
#endif // QT_CONFIG(tooltip)
        self.lengthSpin.setSuffix(QCoreApplication.translate("NewPlanDialog", u" days", None))
        self.cadenceLabel.setText(QCoreApplication.translate("NewPlanDialog", u"&Check-in every", None))
#if QT_CONFIG(accessibility)
        self.cadenceSpin.setAccessibleName(QCoreApplication.translate("NewPlanDialog", u"Check-in every", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cadenceSpin.setToolTip(QCoreApplication.translate("NewPlanDialog", u"How often check-in meetings are scheduled, in days; they appear on the timeline", None))
#endif // QT_CONFIG(tooltip)
        self.cadenceSpin.setSuffix(QCoreApplication.translate("NewPlanDialog", u" days", None))
    # retranslateUi

