"""Keyboard order: Tab follows reading order and leaves every table, Ctrl+Tab switches the plan tabs,
mnemonics do not collide, and each dialog's default button is its main action.

The measuring helpers walk a window as a keyboard user does: :func:`tab_chain` presses Tab on whatever
has focus and records where focus goes; :func:`reading_order` sorts the focusable widgets by where
they are on screen (pane by pane, then line by line, then left to right).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_screen_fit import DIALOGS, dialogs

from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY

# Measuring


def _focusable(widget: QWidget, window: QWidget) -> bool:
    return bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isVisibleTo(window)
        and widget.isEnabled()
        and widget.focusProxy() is None
        and widget.window() is window
        # Tab reaches the chosen radio button of a group; the arrow keys choose another.
        and not (isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked())
    )


def _owner(widget: QWidget | None, window: QWidget) -> QWidget | None:
    """The widget a keyboard user is in: a spin box's line edit counts as the spin box."""
    while widget is not None and widget is not window and widget.focusProxy() is None and not _is_stop(widget):
        widget = widget.parentWidget()
    return widget


def _is_stop(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def focusables(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if _focusable(w, window)]


def tab_chain(
    qtbot: QtBot, window: QWidget, start: QWidget, presses: int, key: Qt.Key = Qt.Key.Key_Tab
) -> list[QWidget]:
    """Where focus goes, Tab after Tab, from ``start``: the widgets in the order they got focus."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [start]
    for _ in range(presses):
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(focused, key)
        owner = _owner(QApplication.focusWidget(), window)
        chain.append(owner or window)
    return chain


def _stops_allowed(widget: QWidget) -> int:
    """Presses a widget may keep: a date field's Tab moves through its sections (year, month, day) first."""
    return widget.sectionCount() if isinstance(widget, QDateTimeEdit) else 1


def stops(chain: list[QWidget]) -> list[QWidget]:
    """The chain with a widget's consecutive presses taken as one stop."""
    return [w for i, w in enumerate(chain) if i == 0 or chain[i - 1] is not w]


def traps(chain: list[QWidget]) -> int:
    """Presses that kept focus where it was beyond what the widget may keep: a table that keeps Tab."""
    count, run = 0, 1
    for previous, widget in itertools.pairwise(chain):
        run = run + 1 if widget is previous else 1
        if run > _stops_allowed(widget):
            count += 1
    return count


def _pane_path(widget: QWidget, window: QWidget) -> tuple[int, ...]:
    """Which pane of which splitter the widget is in: panes are read one after another."""
    path: list[int] = []
    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not window:
        if isinstance(parent, QSplitter):
            path.insert(0, parent.indexOf(child))
        child, parent = parent, parent.parentWidget()
    return tuple(path)


def _outer_scroll_area(widget: QWidget, root: QWidget) -> QScrollArea | None:
    """The outermost scroll area between ``root`` and ``widget``: what is in it is read as one block."""
    found, parent = None, widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QScrollArea):
            found = parent
        parent = parent.parentWidget()
    return found


def _by_lines(root: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """Pane by pane; in a pane, line by line (widgets whose heights overlap share a line), left to right."""
    placed = []
    for widget in widgets:
        top_left = widget.mapTo(root, QPoint(0, 0))
        placed.append((_pane_path(widget, root), top_left.y(), top_left.y() + widget.height(), top_left.x(), widget))
    placed.sort(key=lambda p: (p[0], p[1], p[3]))
    ordered: list[QWidget] = []
    line: list[tuple[tuple[int, ...], int, int, int, QWidget]] = []
    for item in placed:
        if line and (item[0] != line[0][0] or item[1] >= min(p[2] for p in line)):
            ordered += [p[4] for p in sorted(line, key=lambda p: p[3])]
            line = []
        line.append(item)
    return ordered + [p[4] for p in sorted(line, key=lambda p: p[3])]


def reading_order(root: QWidget, widgets: Iterable[QWidget]) -> list[QWidget]:
    """Where the widgets are read; what a scroll area holds is read in its place, from its own top."""
    widgets = list(widgets)
    blocks: dict[QScrollArea, list[QWidget]] = {}
    for widget in widgets:
        area = _outer_scroll_area(widget, root)
        if area is not None:
            blocks.setdefault(area, []).append(widget)
    anchors = [w for w in widgets if _outer_scroll_area(w, root) is None] + [a for a in blocks if a not in widgets]
    ordered: list[QWidget] = []
    for anchor in _by_lines(root, anchors):
        ordered += [anchor] if anchor in widgets else []
        if isinstance(anchor, QScrollArea) and anchor in blocks and anchor.widget() is not None:
            ordered += reading_order(anchor.widget(), blocks[anchor])
    return ordered


def order_faults(chain: list[QWidget], expected: list[QWidget]) -> list[tuple[str, str]]:
    """Consecutive pairs of the reading order that Tab does not visit one after the other."""
    visited = []
    for widget in chain:
        if widget in expected and widget not in visited:
            visited.append(widget)
    faults = []
    for first, second in itertools.pairwise(expected):
        if first in visited and second in visited and visited.index(second) != visited.index(first) + 1:
            faults.append((_name(first), _name(second)))
    return faults


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def walk(qtbot: QtBot, window: QWidget, key: Qt.Key = Qt.Key.Key_Tab) -> tuple[list[QWidget], list[QWidget]]:
    """The Tab chain from the first widget in reading order, and the reading order itself."""
    expected = reading_order(window, focusables(window))
    presses = 2 * sum(_stops_allowed(w) for w in expected) + 2  # room for buttons enabled on the way
    chain = tab_chain(qtbot, window, expected[0], presses, key)
    return chain, expected


def assert_keyboard_order(qtbot: QtBot, window: QWidget) -> None:
    """Tab visits every focusable widget once, in reading order, and comes back to the first: no trap."""
    chain, expected = walk(qtbot, window)
    names = [_name(w) for w in stops(chain)]
    assert traps(chain) == 0, names
    assert order_faults(chain, expected) == [], names
    visited = [w for w in stops(chain) if w in expected]  # a Remove button enabled once its list has focus is extra
    assert visited[: len(expected) + 1] == [*expected, expected[0]], (names, [_name(w) for w in expected])


# Mnemonics

_MNEMONIC = re.compile(r"&(?!&)(\w)")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text)
    return found.group(1).lower() if found else None


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """Every '&X' Alt+X reaches in the window: labels with a buddy, buttons, group boxes and the menu titles."""
    found = []
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(window):
            found.append((label.text(), mnemonic(label.text())))
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            found.append((button.text(), mnemonic(button.text())))
    for group in window.findChildren(QGroupBox):
        if group.isVisibleTo(window):
            found.append((group.title(), mnemonic(group.title())))
    menubar = window.menuWidget() if hasattr(window, "menuWidget") else None
    if menubar is not None:
        for action in menubar.actions():
            found.append((action.text(), mnemonic(action.text())))
    return [(text, letter) for text, letter in found if letter]


def menu_mnemonics(menu: QMenu) -> list[tuple[str, str]]:
    found = [(a.text(), mnemonic(a.text())) for a in menu.actions() if not a.isSeparator()]
    return [(text, letter) for text, letter in found if letter]


def collisions(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(letter for _text, letter in found)
    return {letter: [t for t, x in found if x == letter] for letter, n in counts.items() if n > 1}


# Fixtures


@pytest.fixture
def shown(qtbot: QtBot) -> Callable[[QWidget], QWidget]:
    def show(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.resize(widget.sizeHint().expandedTo(widget.size()))
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        return widget

    return show


def plan_page(window: MainWindow, tab: str) -> None:
    window.select_plan(ALEX)
    window.ui.viewTabs.setCurrentWidget(getattr(window.ui, tab))
    window.activateWindow()


TABS = ["planTab", "timelineTab", "checkinsTab", "outcomeTab"]


def _dialog(book: PlanBook, name: str) -> QDialog:
    dialog = dialogs(book)[name]()
    assert isinstance(dialog, QDialog)
    return dialog


# Tab order and traps


def test_tab_goes_round_the_this_week_page_and_leaves_the_plan_list(qtbot: QtBot, window: MainWindow) -> None:
    window.show_this_week()
    assert_keyboard_order(qtbot, window)


@pytest.mark.parametrize("tab", TABS)
def test_tab_goes_round_each_plan_tab_in_reading_order(qtbot: QtBot, window: MainWindow, tab: str) -> None:
    plan_page(window, tab)
    assert_keyboard_order(qtbot, window)


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_goes_round_each_dialog_in_reading_order(
    qtbot: QtBot, book: PlanBook, shown: Callable[[QWidget], QWidget], name: str
) -> None:
    assert_keyboard_order(qtbot, shown(_dialog(book, name)))


def test_the_new_plan_dialog_starts_with_its_template_list(qtbot: QtBot, shown: Callable[[QWidget], QWidget]) -> None:
    from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog

    templates = [SimpleNamespace(name=f"Template {n}", description="A template") for n in (1, 2)]
    dialog = shown(NewPlanDialog(TODAY, templates=templates))
    assert reading_order(dialog, focusables(dialog))[0] is dialog.ui.templateList
    assert_keyboard_order(qtbot, dialog)


def _views(window: QWidget) -> list[QAbstractItemView]:
    return [v for v in window.findChildren(QAbstractItemView) if _focusable(v, window)]


@pytest.mark.parametrize("tab", TABS)
def test_tab_and_shift_tab_leave_every_table_of_the_window(qtbot: QtBot, window: MainWindow, tab: str) -> None:
    plan_page(window, tab)
    for view in _views(window):
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            chain = tab_chain(qtbot, window, view, 1, key)
            assert chain[1] is not view, (_name(view), key)


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_and_shift_tab_leave_every_table_of_each_dialog(
    qtbot: QtBot, book: PlanBook, shown: Callable[[QWidget], QWidget], name: str
) -> None:
    dialog = shown(_dialog(book, name))
    for view in _views(dialog):
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            assert tab_chain(qtbot, dialog, view, 1, key)[1] is not view, (_name(view), key)


@pytest.mark.parametrize(
    ("keys", "step"), [("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+PgUp", -1)]
)
def test_ctrl_tab_switches_the_plan_tabs_from_the_plan_list(
    qtbot: QtBot, window: MainWindow, keys: str, step: int
) -> None:
    plan_page(window, "timelineTab")
    window.ui.planTable.setFocus()
    tabs = window.ui.viewTabs
    before = tabs.currentIndex()
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window.ui.planTable, sequence.key(), sequence.keyboardModifiers())
    assert tabs.currentIndex() == (before + step) % tabs.count()
    assert QApplication.focusWidget() is window.ui.planTable


# Mnemonics


@pytest.mark.parametrize("tab", TABS)
def test_no_two_mnemonics_of_the_window_share_a_letter(window: MainWindow, tab: str) -> None:
    plan_page(window, tab)
    assert collisions(window_mnemonics(window)) == {}


def test_no_two_entries_of_a_menu_share_a_letter(window: MainWindow) -> None:
    for menu in window.findChildren(QMenu):
        assert collisions(menu_mnemonics(menu)) == {}, menu.title()


def test_alt_e_and_alt_h_open_the_edit_and_help_menus_from_the_plan_tab(window: MainWindow) -> None:
    plan_page(window, "planTab")
    letters = {letter: text for text, letter in window_mnemonics(window)}
    assert letters["e"] == window.ui.menuEdit.title()
    assert letters["h"] == window.ui.menuHelp.title()


@pytest.mark.parametrize("name", DIALOGS)
def test_no_two_mnemonics_of_a_dialog_share_a_letter(
    book: PlanBook, shown: Callable[[QWidget], QWidget], name: str
) -> None:
    assert collisions(window_mnemonics(shown(_dialog(book, name)))) == {}


# Default buttons

_UNNAMED = {"OK", "&OK", "Cancel", "&Cancel"}


@pytest.mark.parametrize("name", DIALOGS)
def test_the_default_button_of_each_dialog_names_its_main_action(
    book: PlanBook, shown: Callable[[QWidget], QWidget], name: str
) -> None:
    dialog = shown(_dialog(book, name))
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]
    assert len(defaults) == 1
    assert defaults[0].text() not in _UNNAMED
    box = dialog.findChild(QDialogButtonBox)
    role = box.buttonRole(defaults[0]) if box else None
    assert role in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole, None)
    if name != "keyboard shortcuts":  # its one button closes it
        assert role is QDialogButtonBox.ButtonRole.AcceptRole
