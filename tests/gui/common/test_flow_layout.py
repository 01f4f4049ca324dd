"""The flow layout keeps the height it worked out for a width only while its items stay as they were."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.flow_layout import FlowLayout


def _flow(qtbot: QtBot, texts: list[str]) -> tuple[QWidget, FlowLayout, list[QLabel]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, gap=6)
    labels = [QLabel(text, holder) for text in texts]
    for label in labels:
        layout.addWidget(label)
    holder.resize(300, 200)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, layout, labels


def test_the_height_for_a_width_is_worked_out_once_while_nothing_changes(qtbot: QtBot) -> None:
    _holder, layout, _labels = _flow(qtbot, ["Overdue", "Today", "This week"])
    placed: list[int] = []
    place = layout._place
    layout._place = lambda rect, move: placed.append(rect.width()) or place(rect, move)  # type: ignore[method-assign]
    heights = [layout.heightForWidth(width) for width in (120, 400, 120, 400, 120)]
    assert heights[0::2] == [heights[0]] * 3 and heights[1::2] == [heights[1]] * 2
    assert heights[0] > heights[1]  # narrower: more lines
    assert placed == [120, 400]


def test_a_label_grown_longer_or_a_gap_widened_gives_the_new_height(qtbot: QtBot) -> None:
    _holder, layout, labels = _flow(qtbot, ["One", "Two", "Three"])
    one_line = layout.heightForWidth(300)
    labels[1].setText("A much longer entry than it was, which cannot share a line of 300 pixels with the others")
    assert layout.heightForWidth(300) > one_line
    labels[1].setText("Two")
    assert layout.heightForWidth(300) == one_line
    layout.set_gap(2, 280)  # the third entry no longer fits on the first line
    assert layout.heightForWidth(300) > one_line
    layout.takeAt(2)
    assert layout.heightForWidth(300) == one_line
