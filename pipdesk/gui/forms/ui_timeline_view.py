# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QSpacerItem, QToolButton, QVBoxLayout

class Ui_TimelineView(object):
    def setupUi(self, TimelineView):
        if not TimelineView.objectName():
            TimelineView.setObjectName(u"TimelineView")
        self.outerLayout = QVBoxLayout(TimelineView)
        self.outerLayout.setSpacing(6)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setSpacing(4)
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.zoomOutButton = QToolButton(TimelineView)
        self.zoomOutButton.setObjectName(u"zoomOutButton")
        self.zoomOutButton.setAutoRaise(True)

        self.toolbarLayout.addWidget(self.zoomOutButton)

        self.zoomInButton = QToolButton(TimelineView)
        self.zoomInButton.setObjectName(u"zoomInButton")
        self.zoomInButton.setAutoRaise(True)

        self.toolbarLayout.addWidget(self.zoomInButton)

        self.fitButton = QToolButton(TimelineView)
        self.fitButton.setObjectName(u"fitButton")
        self.fitButton.setAutoRaise(True)

        self.toolbarLayout.addWidget(self.fitButton)

        self.toolbarSeparator = QFrame(TimelineView)
        self.toolbarSeparator.setObjectName(u"toolbarSeparator")
        self.toolbarSeparator.setFrameShape(QFrame.Shape.VLine)
        self.toolbarSeparator.setFrameShadow(QFrame.Shadow.Sunken)

        self.toolbarLayout.addWidget(self.toolbarSeparator)

        self.addMilestoneButton = QToolButton(TimelineView)
        self.addMilestoneButton.setObjectName(u"addMilestoneButton")
        self.addMilestoneButton.setAutoRaise(True)

        self.toolbarLayout.addWidget(self.addMilestoneButton)

        self.renameMilestoneButton = QToolButton(TimelineView)
        self.renameMilestoneButton.setObjectName(u"renameMilestoneButton")
        self.renameMilestoneButton.setAutoRaise(True)

        self.toolbarLayout.addWidget(self.renameMilestoneButton)

        self.removeMilestoneButton = QToolButton(TimelineView)
        self.removeMilestoneButton.setObjectName(u"removeMilestoneButton")
        self.removeMilestoneButton.setAutoRaise(True)

        self.toolbarLayout.addWidget(self.removeMilestoneButton)

        self.toolbarSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer)

        self.hintLabel = QLabel(TimelineView)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.toolbarLayout.addWidget(self.hintLabel)


        self.outerLayout.addLayout(self.toolbarLayout)

        self.canvasFrame = QFrame(TimelineView)
        self.canvasFrame.setObjectName(u"canvasFrame")
        self.canvasFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.canvasLayout = QVBoxLayout(self.canvasFrame)
        self.canvasLayout.setObjectName(u"canvasLayout")
        self.canvasLayout.setContentsMargins(0, 0, 0, 0)

        self.outerLayout.addWidget(self.canvasFrame)

        self.messageLabel = QLabel(TimelineView)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.messageLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.messageLabel)

        self.legendFrame = QFrame(TimelineView)
        self.legendFrame.setObjectName(u"legendFrame")
        self.legendFrame.setFrameShape(QFrame.Shape.NoFrame)

        self.outerLayout.addWidget(self.legendFrame)


        self.retranslateUi(TimelineView)

        QMetaObject.connectSlotsByName(TimelineView)
    # setupUi

    def retranslateUi(self, TimelineView):
        self.zoomOutButton.setText(QCoreApplication.translate("TimelineView", u"\u2212", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("TimelineView", u"Zoom out (-)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoomOutButton.setAccessibleName(QCoreApplication.translate("TimelineView", u"Zoom out", None))
#endif // QT_CONFIG(accessibility)
        self.zoomInButton.setText(QCoreApplication.translate("TimelineView", u"+", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("TimelineView", u"Zoom in (+)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoomInButton.setAccessibleName(QCoreApplication.translate("TimelineView", u"Zoom in", None))
#endif // QT_CONFIG(accessibility)
        self.fitButton.setText(QCoreApplication.translate("TimelineView", u"F&it", None))
#if QT_CONFIG(tooltip)
        self.fitButton.setToolTip(QCoreApplication.translate("TimelineView", u"Show the whole plan", None))
#endif // QT_CONFIG(tooltip)
        self.addMilestoneButton.setText(QCoreApplication.translate("TimelineView", u"&Add milestone\u2026", None))
#if QT_CONFIG(tooltip)
        self.addMilestoneButton.setToolTip(QCoreApplication.translate("TimelineView", u"Add a milestone of your own to the schedule", None))
#endif // QT_CONFIG(tooltip)
        self.renameMilestoneButton.setText(QCoreApplication.translate("TimelineView", u"Re&name\u2026", None))
#if QT_CONFIG(tooltip)
        self.renameMilestoneButton.setToolTip(QCoreApplication.translate("TimelineView", u"Rename the selected milestone (F2)", None))
#endif // QT_CONFIG(tooltip)
        self.removeMilestoneButton.setText(QCoreApplication.translate("TimelineView", u"&Remove", None))
#if QT_CONFIG(tooltip)
        self.removeMilestoneButton.setToolTip(QCoreApplication.translate("TimelineView", u"Remove the selected milestone (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.hintLabel.setText(QCoreApplication.translate("TimelineView", u"Drag a milestone to reschedule it \u00b7 \u2190 \u2192 select \u00b7 Enter opens \u00b7 Ctrl+\u2190 \u2192 moves a day, with Shift a week \u00b7 H marks held", None))
        pass
    # retranslateUi

