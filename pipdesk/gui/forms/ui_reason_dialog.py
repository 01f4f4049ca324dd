# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

class Ui_ReasonDialog(object):
    def setupUi(self, ReasonDialog):
        if not ReasonDialog.objectName():
            ReasonDialog.setObjectName(u"ReasonDialog")
        ReasonDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(ReasonDialog)
        self.layout.setObjectName(u"layout")
        self.changeLabel = QLabel(ReasonDialog)
        self.changeLabel.setObjectName(u"changeLabel")
        self.changeLabel.setWordWrap(True)
        self.changeLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.changeLabel)

        self.reasonLabel = QLabel(ReasonDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setWordWrap(True)

        self.layout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ReasonDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.layout.addWidget(self.reasonEdit)

        self.buttonBox = QDialogButtonBox(ReasonDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReasonDialog)

        QMetaObject.connectSlotsByName(ReasonDialog)
    # setupUi

    def retranslateUi(self, ReasonDialog):
        ReasonDialog.setWindowTitle(QCoreApplication.translate("ReasonDialog", u"Reason for the change", None))
        self.reasonLabel.setText(QCoreApplication.translate("ReasonDialog", u"&Why is this change made? It is kept in the plan's history.", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ReasonDialog", u"Why is this change made? It is kept in the plan's history.", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

