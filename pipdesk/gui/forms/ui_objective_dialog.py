# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

class Ui_ObjectiveDialog(object):
    def setupUi(self, ObjectiveDialog):
        if not ObjectiveDialog.objectName():
            ObjectiveDialog.setObjectName(u"ObjectiveDialog")
        ObjectiveDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(ObjectiveDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(ObjectiveDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.titleLabel = QLabel(ObjectiveDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ObjectiveDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.kindLabel = QLabel(ObjectiveDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ObjectiveDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.concernLabel = QLabel(ObjectiveDialog)
        self.concernLabel.setObjectName(u"concernLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.concernLabel)

        self.concernCombo = QComboBox(ObjectiveDialog)
        self.concernCombo.setObjectName(u"concernCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.concernCombo)

        self.metricLabel = QLabel(ObjectiveDialog)
        self.metricLabel.setObjectName(u"metricLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.metricLabel)

        self.metricEdit = QLineEdit(ObjectiveDialog)
        self.metricEdit.setObjectName(u"metricEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.metricEdit)

        self.unitLabel = QLabel(ObjectiveDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(ObjectiveDialog)
        self.unitEdit.setObjectName(u"unitEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.baselineLabel = QLabel(ObjectiveDialog)
        self.baselineLabel.setObjectName(u"baselineLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.baselineLabel)

        self.baselineEdit = QLineEdit(ObjectiveDialog)
        self.baselineEdit.setObjectName(u"baselineEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.baselineEdit)

        self.targetLabel = QLabel(ObjectiveDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetEdit = QLineEdit(ObjectiveDialog)
        self.targetEdit.setObjectName(u"targetEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.targetEdit)

        self.dueLabel = QLabel(ObjectiveDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueDateEdit = QDateEdit(ObjectiveDialog)
        self.dueDateEdit.setObjectName(u"dueDateEdit")
        self.dueDateEdit.setCalendarPopup(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dueDateEdit)

        self.descriptionLabel = QLabel(ObjectiveDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(ObjectiveDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 80))

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.layout.addLayout(self.form)

        self.errorLabel = QLabel(ObjectiveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ObjectiveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.concernLabel.setBuddy(self.concernCombo)
        self.metricLabel.setBuddy(self.metricEdit)
        self.unitLabel.setBuddy(self.unitEdit)
        self.baselineLabel.setBuddy(self.baselineEdit)
        self.targetLabel.setBuddy(self.targetEdit)
        self.dueLabel.setBuddy(self.dueDateEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ObjectiveDialog)

        QMetaObject.connectSlotsByName(ObjectiveDialog)
    # setupUi

    def retranslateUi(self, ObjectiveDialog):
        ObjectiveDialog.setWindowTitle(QCoreApplication.translate("ObjectiveDialog", u"Add objective", None))
        self.explanation.setText(QCoreApplication.translate("ObjectiveDialog", u"The plan is issued, so a new objective must be complete and SMART from the start: what is measured, from which baseline to which target, by when.", None))
        self.titleLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"&Objective", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Objective", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("ObjectiveDialog", u"e.g. Close tickets within two working days", None))
        self.kindLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"&Kind", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Kind", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.kindCombo.setToolTip(QCoreApplication.translate("ObjectiveDialog", u"Technical (what the work delivers) or behavioral (how the employee works with others); the outcome groups objectives by kind", None))
#endif // QT_CONFIG(tooltip)
        self.concernLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"Answers &concern", None))
#if QT_CONFIG(accessibility)
        self.concernCombo.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Answers concern", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.concernCombo.setToolTip(QCoreApplication.translate("ObjectiveDialog", u"The concern this objective answers, from the plan's list of concerns", None))
#endif // QT_CONFIG(tooltip)
        self.metricLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"&Metric", None))
#if QT_CONFIG(accessibility)
        self.metricEdit.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Metric", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.metricEdit.setToolTip(QCoreApplication.translate("ObjectiveDialog", u"What is counted or measured to judge the objective, e.g. share of tickets closed within two days", None))
#endif // QT_CONFIG(tooltip)
        self.metricEdit.setPlaceholderText(QCoreApplication.translate("ObjectiveDialog", u"What is measured", None))
        self.unitLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"&Unit", None))
#if QT_CONFIG(accessibility)
        self.unitEdit.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Unit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.unitEdit.setToolTip(QCoreApplication.translate("ObjectiveDialog", u"The unit the metric is measured in, written after each value: %, hours, tickets\u2026", None))
#endif // QT_CONFIG(tooltip)
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("ObjectiveDialog", u"%, hours, tickets\u2026", None))
        self.baselineLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"&Baseline", None))
#if QT_CONFIG(accessibility)
        self.baselineEdit.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Baseline", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.baselineEdit.setToolTip(QCoreApplication.translate("ObjectiveDialog", u"The value measured before the plan starts; progress is judged from here", None))
#endif // QT_CONFIG(tooltip)
        self.baselineEdit.setPlaceholderText(QCoreApplication.translate("ObjectiveDialog", u"Where it stands today", None))
        self.targetLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"&Target", None))
#if QT_CONFIG(accessibility)
        self.targetEdit.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Target", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.targetEdit.setToolTip(QCoreApplication.translate("ObjectiveDialog", u"The value the metric must reach by the due date; if it is below the baseline, lower is better", None))
#endif // QT_CONFIG(tooltip)
        self.targetEdit.setPlaceholderText(QCoreApplication.translate("ObjectiveDialog", u"Where it must be by the due date", None))
        self.dueLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"&Due", None))
#if QT_CONFIG(accessibility)
        self.dueDateEdit.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Due", None))
#endif // QT_CONFIG(accessibility)
        self.dueDateEdit.setDisplayFormat(QCoreApplication.translate("ObjectiveDialog", u"yyyy-MM-dd", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ObjectiveDialog", u"D&escription", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("ObjectiveDialog", u"Description", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

