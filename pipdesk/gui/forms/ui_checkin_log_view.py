# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSplitter, QTableView, QTextEdit, QVBoxLayout

class Ui_CheckinLogView(object):
    def setupUi(self, CheckinLogView):
        if not CheckinLogView.objectName():
            CheckinLogView.setObjectName(u"CheckinLogView")
        self.layout = QVBoxLayout(CheckinLogView)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName(u"toolbar")
        self.searchEdit = QLineEdit(CheckinLogView)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.toolbar.addWidget(self.searchEdit)

        self.newButton = QPushButton(CheckinLogView)
        self.newButton.setObjectName(u"newButton")

        self.toolbar.addWidget(self.newButton)

        self.amendButton = QPushButton(CheckinLogView)
        self.amendButton.setObjectName(u"amendButton")

        self.toolbar.addWidget(self.amendButton)

        self.deleteButton = QPushButton(CheckinLogView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.toolbar.addWidget(self.deleteButton)


        self.layout.addLayout(self.toolbar)

        self.statusLabel = QLabel(CheckinLogView)
        self.statusLabel.setObjectName(u"statusLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy)
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.setWordWrap(True)

        self.layout.addWidget(self.statusLabel)

        self.splitter = QSplitter(CheckinLogView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.splitter.addWidget(self.table)
        self.detail = QTextEdit(self.splitter)
        self.detail.setObjectName(u"detail")
        self.detail.setReadOnly(True)
        self.detail.setAcceptRichText(False)
        self.splitter.addWidget(self.detail)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(2, 1)

        self.retranslateUi(CheckinLogView)

        QMetaObject.connectSlotsByName(CheckinLogView)
    # setupUi

    def retranslateUi(self, CheckinLogView):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CheckinLogView", u"Search check-ins\u2026", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("CheckinLogView", u"Finds check-ins by any of their text: notes, the employee's comments, wins, concerns, next steps, attendees, private notes and progress comments", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("CheckinLogView", u"Search check-ins", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("CheckinLogView", u"&New check-in\u2026", None))
        self.amendButton.setText(QCoreApplication.translate("CheckinLogView", u"Ed&it\u2026", None))
#if QT_CONFIG(tooltip)
        self.amendButton.setToolTip(QCoreApplication.translate("CheckinLogView", u"Change the selected check-in; an older one asks why, and the change is kept in the plan's history", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("CheckinLogView", u"&Delete\u2026", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("CheckinLogView", u"Check-in log", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detail.setAccessibleName(QCoreApplication.translate("CheckinLogView", u"The selected check-in", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

