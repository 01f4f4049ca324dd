# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout

class Ui_ThisWeekView(object):
    def setupUi(self, ThisWeekView):
        if not ThisWeekView.objectName():
            ThisWeekView.setObjectName(u"ThisWeekView")
        self.outerLayout = QVBoxLayout(ThisWeekView)
        self.outerLayout.setSpacing(6)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.headingLabel = QLabel(ThisWeekView)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.outerLayout.addWidget(self.headingLabel)

        self.summaryLabel = QLabel(ThisWeekView)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.summaryLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.summaryLabel)

        self.table = QTableView(ThisWeekView)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)

        self.outerLayout.addWidget(self.table)

        self.emptyLabel = QLabel(ThisWeekView)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.outerLayout.addWidget(self.emptyLabel)


        self.retranslateUi(ThisWeekView)

        QMetaObject.connectSlotsByName(ThisWeekView)
    # setupUi

    def retranslateUi(self, ThisWeekView):
        self.headingLabel.setText(QCoreApplication.translate("ThisWeekView", u"This week", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("ThisWeekView", u"Due this week", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.table.setToolTip(QCoreApplication.translate("ThisWeekView", u"Double-click or press Enter to open the plan", None))
#endif // QT_CONFIG(tooltip)
        self.emptyLabel.setText(QCoreApplication.translate("ThisWeekView", u"Nothing is due or overdue this week.", None))
        pass
    # retranslateUi

