"""The Plan view's section links are never cut short: on a narrow window they wrap onto another row."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pipdesk.gui.shell.main_window import MainWindow

from conftest import ALEX, BETH


@pytest.mark.parametrize("width", [1280, 1000, 1600])
def test_every_section_link_shows_its_whole_word(window: MainWindow, qtbot: QtBot, width: int) -> None:
    window.resize(width, 720)
    window.select_plan(ALEX)
    links = window.editor.sections
    qtbot.waitUntil(lambda: links.width() > 0)
    for link in links.links.values():
        assert link.width() >= link.sizeHint().width(), link.text()
        assert links.rect().contains(link.geometry()), link.text()  # inside the row, not off its edge
    rows = {link.geometry().y() for link in links.links.values()}
    assert links.height() >= max(rows) + max(link.height() for link in links.links.values())


def test_a_closed_plan_can_still_be_read_section_by_section(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    window.select_plan(BETH)
    links = window.editor.sections.links
    assert all(link.isEnabled() for link in links.values())  # read-only: the fields, not the way round
    bar = window.editor.ui.scrollArea.verticalScrollBar()
    qtbot.mouseClick(links["historyGroup"], Qt.MouseButton.LeftButton)
    assert bar.value() > 0
