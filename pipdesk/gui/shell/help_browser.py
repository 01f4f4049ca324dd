"""Help › User guide: the guide shipped with pipdesk (resources/guide/user-guide.md), read offline in a window
of its own, opened at a chapter by the "?" links beside the forms' sections (gui/common/help_link.py).

Each heading is an anchor named as GitHub names it ("Running the meetings" → ``running-the-meetings``), so the
same links work in the app and on the repository's page.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.system.resources import resource_path


def guide_path() -> Path:
    """The user guide's shipped copy (its screenshots are in ``screenshots/`` beside it)."""
    return resource_path("guide", "user-guide.md")


def anchor_of(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(browser: QTextBrowser) -> list[str]:
    """Every heading's anchor in the guide shown, in order."""
    found, block = [], browser.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append(anchor_of(block.text()))
        block = block.next()
    return found


class HelpBrowser(QDialog):
    """The user guide in a window of its own that stays open beside the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpBrowser")
        self.setWindowTitle("pipdesk user guide")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(lambda url: self.show_anchor(url.fragment()) if url.fragment() else None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("buttonBox")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self._name_headings()
        self.resize(760, 860)
        fit_to_screen(self)

    def _name_headings(self) -> None:
        """Each heading becomes an anchor (Qt's Markdown gives them none)."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                mark = QTextCharFormat()
                mark.setAnchor(True)
                mark.setAnchorNames([anchor_of(block.text())])
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(mark)
            block = block.next()

    def show_anchor(self, anchor: str) -> None:
        """The chapter ``anchor`` at the top of the window (the start when empty or unknown)."""
        if anchor and anchor in anchors(self.browser):
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.current_anchor = anchor


def open_user_guide(parent: QWidget, anchor: str = "") -> HelpBrowser:
    """The guide's window (one per main window), shown and raised at ``anchor``."""
    browser = parent.findChild(HelpBrowser, "helpBrowser")
    if browser is None:
        browser = HelpBrowser(parent)
    browser.show()
    browser.activateWindow()  # brought forward when it was open already
    browser.show_anchor(anchor)
    return browser
