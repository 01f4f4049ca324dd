# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLabel, QTableWidget, QVBoxLayout

class Ui_RestoreBackupDialog(object):
    def setupUi(self, RestoreBackupDialog):
        if not RestoreBackupDialog.objectName():
            RestoreBackupDialog.setObjectName(u"RestoreBackupDialog")
        RestoreBackupDialog.setMinimumSize(QSize(560, 360))
        self.layout = QVBoxLayout(RestoreBackupDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(RestoreBackupDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)

        self.layout.addWidget(self.explanation)

        self.backupTable = QTableWidget(RestoreBackupDialog)
        self.backupTable.setObjectName(u"backupTable")
        self.backupTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backupTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backupTable.setAlternatingRowColors(True)

        self.layout.addWidget(self.backupTable)

        self.buttonBox = QDialogButtonBox(RestoreBackupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(RestoreBackupDialog)

        QMetaObject.connectSlotsByName(RestoreBackupDialog)
    # setupUi

    def retranslateUi(self, RestoreBackupDialog):
        RestoreBackupDialog.setWindowTitle(QCoreApplication.translate("RestoreBackupDialog", u"Restore from backup", None))
#if QT_CONFIG(accessibility)
        self.backupTable.setAccessibleName(QCoreApplication.translate("RestoreBackupDialog", u"Backups", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

