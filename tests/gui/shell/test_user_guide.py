"""Help › User guide opens the shipped guide offline; a "?" link opens it at its chapter; About says where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.help_link import help_button
from pipdesk.gui.shell.help_browser import HelpBrowser, anchors, guide_path
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.system.resources import resource_path

from conftest import prompter_of

ROOT = Path(__file__).resolve().parents[3]

#: The chapters the app links to: the guide must keep these headings.
LINKED = ("objectives", "support", "check-ins", "closing-or-extending", "the-plan-book", "running-the-meetings")


def _guide(window: MainWindow) -> HelpBrowser:
    browser = window.findChild(HelpBrowser, "helpBrowser")
    assert browser is not None
    return browser


def test_help_user_guide_opens_the_guide_at_its_start(qtbot: QtBot, window: MainWindow) -> None:
    window.ui.actionUserGuide.trigger()
    browser = _guide(window)
    assert browser.isVisible()
    assert "A plan from start to finish" in browser.browser.toPlainText()
    assert browser.browser.verticalScrollBar().value() == 0
    assert set(LINKED) <= set(anchors(browser.browser))


def test_a_help_link_opens_the_guide_at_its_chapter(qtbot: QtBot, window: MainWindow) -> None:
    button = help_button("check-ins", "check-ins", window)
    button.click()
    browser = _guide(window)
    assert browser.current_anchor == "check-ins"
    scrolled = browser.browser.verticalScrollBar().value()
    assert scrolled > 0
    help_button("objectives", "objectives", window).click()
    assert _guide(window) is browser  # one guide window, moved to the new chapter
    assert 0 < browser.browser.verticalScrollBar().value() < scrolled


def test_the_shipped_guide_is_the_docs_guide_with_its_pictures() -> None:
    shipped = guide_path()
    assert shipped == resource_path("guide", "user-guide.md")
    text = shipped.read_text(encoding="utf-8")
    assert text == (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    for picture in (line.split("](")[1].rstrip(")") for line in text.splitlines() if line.startswith("![")):
        assert (shipped.parent / picture).is_file(), picture


def test_about_says_where_the_plan_book_and_its_backups_are(qtbot: QtBot, window: MainWindow) -> None:
    window.ui.actionAbout.trigger()
    (about,) = [shown.text for shown in prompter_of(window).shown if shown.kind == "info"]
    assert window.book is not None and str(window.book.path) in about
    assert str(window.books.backups_folder) in about
    assert "saved as you make it" in about


def test_the_welcome_view_says_where_the_plan_book_is(qtbot: QtBot, window: MainWindow) -> None:
    text = window.welcome.where.text()
    assert window.book is not None and str(window.book.path) in text
    assert str(window.books.backups_folder) in text


def test_the_forms_link_to_their_chapters(qtbot: QtBot, window: MainWindow) -> None:
    """The Objectives and Support lists' "?", the check-in form's and the close dialog's Help button."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from conftest import ALEX

    window.select_plan(ALEX)
    window.editor.ui.objectivesList.findChild(QToolButton, "help_objectives").click()
    assert _guide(window).current_anchor == "objectives"
    window.editor.ui.supportList.findChild(QToolButton, "help_support").click()
    assert _guide(window).current_anchor == "support"
    prompter = prompter_of(window)

    def press_help(anchor: str):  # type: ignore[no-untyped-def]
        def press(dialog: QDialog) -> bool:
            box: QDialogButtonBox = dialog.ui.buttonBox  # type: ignore[attr-defined]
            box.button(QDialogButtonBox.StandardButton.Help).click()
            assert _guide(window).current_anchor == anchor
            return False

        return press

    prompter.expect("dialog", press_help("check-ins"))
    window.ui.actionNewCheckin.trigger()
    assert [s.kind for s in prompter.shown] == ["dialog"]
    from pipdesk.gui.outcome.close_dialog import ClosePlanDialog

    assert window.session is not None
    closing = ClosePlanDialog(window.session.plan, window.today(), window)
    closing.ui.buttonBox.button(QDialogButtonBox.StandardButton.Help).click()
    assert _guide(window).current_anchor == "closing-or-extending"
    closing.deleteLater()


def test_the_guides_pictures_are_the_docs_screenshots_made_by_make_screenshots() -> None:
    shipped = sorted((ROOT / "resources" / "guide" / "screenshots").glob("*.png"))
    assert shipped
    for picture in shipped:
        made = ROOT / "docs" / "screenshots" / picture.name
        assert picture.read_bytes() == made.read_bytes(), f"run docs/make_screenshots.py: {picture.name} is stale"
