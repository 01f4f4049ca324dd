# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_WelcomeView(object):
    def setupUi(self, WelcomeView):
        if not WelcomeView.objectName():
            WelcomeView.setObjectName(u"WelcomeView")
        self.layout = QVBoxLayout(WelcomeView)
        self.layout.setObjectName(u"layout")
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.topSpacer)

        self.heading = QLabel(WelcomeView)
        self.heading.setObjectName(u"heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.layout.addWidget(self.heading)

        self.intro = QLabel(WelcomeView)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro.setMinimumSize(QSize(520, 72))
        self.intro.setMaximumSize(QSize(560, 16777215))

        self.layout.addWidget(self.intro, 0, Qt.AlignmentFlag.AlignHCenter)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.leftSpacer)

        self.newPlanButton = QPushButton(WelcomeView)
        self.newPlanButton.setObjectName(u"newPlanButton")

        self.buttons.addWidget(self.newPlanButton)

        self.newFromTemplateButton = QPushButton(WelcomeView)
        self.newFromTemplateButton.setObjectName(u"newFromTemplateButton")

        self.buttons.addWidget(self.newFromTemplateButton)

        self.openSamplesButton = QPushButton(WelcomeView)
        self.openSamplesButton.setObjectName(u"openSamplesButton")

        self.buttons.addWidget(self.openSamplesButton)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.rightSpacer)


        self.layout.addLayout(self.buttons)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)


        self.retranslateUi(WelcomeView)

        QMetaObject.connectSlotsByName(WelcomeView)
    # setupUi

    def retranslateUi(self, WelcomeView):
        self.heading.setText(QCoreApplication.translate("WelcomeView", u"Welcome to pipdesk", None))
        self.intro.setText(QCoreApplication.translate("WelcomeView", u"A Performance Improvement Plan turns concerns into SMART objectives, lists the support you will give, and records every check-in until the final review. Start with a new plan, a template for a common case, or the sample plans.", None))
        self.newPlanButton.setText(QCoreApplication.translate("WelcomeView", u"New plan\u2026", None))
        self.newFromTemplateButton.setText(QCoreApplication.translate("WelcomeView", u"New from template\u2026", None))
        self.openSamplesButton.setText(QCoreApplication.translate("WelcomeView", u"Open sample plans", None))
        pass
    # retranslateUi

