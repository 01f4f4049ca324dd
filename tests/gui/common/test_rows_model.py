"""The read-only table model base: rows under their headings, replaced whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.table_model import Index, RowsModel


class Squares(RowsModel[int]):
    NUMBER, SQUARE = range(2)
    HEADERS = ("Number", "Square")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        number = self.rows[index.row()]
        return number if index.column() == self.NUMBER else number * number


def test_rows_and_headings(qtbot: QtBot) -> None:
    model = Squares()
    assert (model.rowCount(), model.columnCount()) == (0, 2)
    model.set_rows([2, 3])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert [model.data(model.index(row, Squares.SQUARE)) for row in range(2)] == [4, 9]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["Number", "Square"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


def test_a_table_has_no_children(qtbot: QtBot) -> None:
    model = Squares()
    model.set_rows([1])
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 1


def test_set_rows_resets_the_model_with_a_copy(qtbot: QtBot) -> None:
    model = Squares()
    given = [1, 2, 3]
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(given)
    given.append(4)
    assert model.rows == [1, 2, 3], "the model keeps its own list"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([])
    assert model.rowCount() == 0
