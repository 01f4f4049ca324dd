"""The This week view: across the plan book, what a manager has to act on now, most urgent first.

Check-ins due today and later this week, overdue ones, plans ending within two weeks, final
reviews without an outcome, support past its date, the plans paused (nothing of theirs is due
while paused; the rules are ``schedule.due_items``), and closed plans past retention (to erase or
anonymise; the rule is ``retention.past_retention_since``, read in one query: ``store.due``).
Each row opens its plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QWidget

from pipdesk.domain.retention import DEFAULT_RETENTION_YEARS
from pipdesk.domain.vocabulary import count, day_and_date
from pipdesk.gui.forms.ui_this_week_view import Ui_ThisWeekView
from pipdesk.gui.week.model import ThisWeekModel
from pipdesk.store import PlanBook


class ThisWeekView(QWidget):
    """Reads a plan book; tells the window which plan to open through :attr:`plan_activated`."""

    plan_activated = Signal(int)

    def __init__(
        self,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        retention_years: Callable[[], int] = lambda: DEFAULT_RETENTION_YEARS,
    ) -> None:
        super().__init__(parent)
        self.retention_years = retention_years
        self.ui = Ui_ThisWeekView()
        self.ui.setupUi(self)
        self.today = today
        self.book: PlanBook | None = None
        self._read_at: tuple[object, ...] = ()
        self.model = ThisWeekModel(self)
        table = self.ui.table
        table.setModel(self.model)
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.model.palette = table.palette()  # and again when the theme changes (changeEvent)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        for column, width in ((ThisWeekModel.WHEN, 170), (ThisWeekModel.EMPLOYEE, 200), (ThisWeekModel.DATE, 130)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(ThisWeekModel.WHAT, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._open)
        heading_font = QFont(self.ui.headingLabel.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.ui.headingLabel.setFont(heading_font)
        self.refresh()

    def set_book(self, book: PlanBook | None) -> None:
        self.book = book
        self.refresh()

    def refresh(self) -> None:
        """Show what is due today; the plan book is read again (a few queries) only if it changed."""
        today = self.today()
        # The window refreshes on every change it makes; what has not changed since is not read again.
        years = self.retention_years()
        read_at = (self.book, today, years, self.book.change_mark() if self.book is not None else None)
        table = self.ui.table
        if read_at != self._read_at:
            self._read_at = read_at
            items = [*self.book.due_items(today), *self.book.past_retention_items(years, today)] if self.book else []
            self.model.set_items(items, today)
            table.clearSpans()
            for row in self.model.heading_rows():
                table.setSpan(row, 0, 1, self.model.columnCount())
            self.ui.summaryLabel.setText(self._summary())
        self.ui.headingLabel.setText(f"This week · {day_and_date(today)}")
        has_rows = self.model.rowCount() > 0
        table.setVisible(has_rows)
        self.ui.emptyLabel.setVisible(not has_rows)
        self.ui.emptyLabel.setText(
            "Open a plan book to see what is due." if self.book is None else "Nothing is due or overdue this week."
        )

    def overdue_count(self) -> int:
        """How many things are past their date: late check-ins and reviews, support, outcomes."""
        return self.model.overdue_count()

    def _summary(self) -> str:
        items = self.model.items()
        if not items:
            return ""
        late = self.overdue_count()
        plans = len({item.plan_id for item in items})
        things = count(len(items), "thing")
        in_plans = count(plans, "plan")
        overdue = f", {late} of them past their date" if late else ""
        return f"{things} to act on in {in_plans}{overdue}."

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme change: late rows in the new theme's colours
            self.model.palette = self.palette()  # the table, a child, hears of it after its parent
            self.ui.table.viewport().update()

    def _open(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None:
            self.plan_activated.emit(item.plan_id)
