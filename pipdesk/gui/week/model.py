"""The This week view's model: what is due or overdue across the plan book, grouped by urgency."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from functools import partial
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QFont, QPalette

from pipdesk.domain.schedule import ACKNOWLEDGEMENT_DAYS, DueItem, DueKind
from pipdesk.domain.vocabulary import PAUSED, count, short_date, weekday
from pipdesk.gui.common.colours import alert_colour
from pipdesk.gui.common.table_model import Index, RowsModel

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1

#: The groups, most urgent first: a heading and the kinds of item under it.
URGENCY: tuple[tuple[str, tuple[DueKind, ...]], ...] = (
    ("Overdue", (DueKind.OVERDUE,)),
    ("Acknowledgement not recorded", (DueKind.ACKNOWLEDGEMENT_MISSING,)),
    ("Today", (DueKind.DUE_TODAY,)),
    ("Final review passed, outcome not recorded", (DueKind.OUTCOME_MISSING,)),
    ("Support past its date", (DueKind.SUPPORT_OVERDUE,)),
    ("Support to give", (DueKind.SUPPORT_DUE, DueKind.SUPPORT_UNDATED)),
    ("Later this week", (DueKind.DUE_THIS_WEEK,)),
    ("Plans ending within two weeks", (DueKind.ENDING_SOON,)),
    # Nothing of a paused plan is due: one line a plan says since when, so it is resumed in time.
    ("Paused plans: nothing due until resumed", (DueKind.PAUSED,)),
    # Closed plans kept longer than the retention period (Preferences) or their own date.
    ("Past retention: erase or anonymise", (DueKind.PAST_RETENTION,)),
)


_RANK = {kind: rank for rank, (_heading, kinds) in enumerate(URGENCY) for kind in kinds}


#: A row of the table: a heading (its text, with the group's count) or one thing to act on.
WeekRow = str | DueItem


def _plan_and_position(item: DueItem) -> tuple[int, int]:
    return item.plan_id, item.index or 0


_by_date = attrgetter("date")


def grouped_rows(items: Sequence[DueItem]) -> list[WeekRow]:
    """Headings with their items under them, most urgent group first, then by date, employee, plan and position."""
    # Thousands of items on a plan book of 10,000 plans, many for the same few hundred names: each name is
    # folded once, and a group is sorted by its keys one at a time, least telling first (sorts are stable),
    # rather than by a tuple made for each item.
    groups: list[list[DueItem]] = [[] for _ in URGENCY]
    for item in items:
        groups[_RANK[item.kind]].append(item)
    folded = {name: name_key(name) for name in {item.employee for item in items}}
    by_name = partial(_folded_name, folded)
    rows: list[WeekRow] = []
    for (heading, _kinds), group in zip(URGENCY, groups, strict=True):
        if group:
            group.sort(key=_plan_and_position)
            group.sort(key=by_name)
            group.sort(key=_by_date)
            rows.append(f"{heading} ({len(group)})")
            rows.extend(group)
    return rows


def _folded_name(folded: dict[str, str], item: DueItem) -> str:
    return folded[item.employee]


def name_key(name: str) -> str:
    """Sorts names as a person would: case and accents aside (``Ángel`` before ``zoë``)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def when_text(item: DueItem, today: dt.date) -> str:
    """How urgent the item is, in words: ``Overdue by 3 days``, ``Thursday``, ``Ends in 12 days``."""
    days = (item.date - today).days
    if item.kind in (DueKind.OVERDUE, DueKind.SUPPORT_OVERDUE):
        return "Since yesterday" if days == -1 else f"Overdue by {count(-days, 'day')}"
    if item.kind is DueKind.OUTCOME_MISSING:
        return "Review was yesterday" if days == -1 else f"Review was {count(-days, 'day')} ago"
    if item.kind is DueKind.ACKNOWLEDGEMENT_MISSING:  # its date: a week after the plan was issued
        return f"Issued {count(-days + ACKNOWLEDGEMENT_DAYS, 'day')} ago"
    if item.kind is DueKind.SUPPORT_UNDATED:
        return "No date, past midpoint"  # shown from the plan's midpoint, which is its date
    if item.kind is DueKind.PAUSED:
        return "Paused today" if days == 0 else f"Paused for {count(-days, 'day')}"
    if item.kind is DueKind.PAST_RETENTION:
        return f"Since {short_date(item.date)}"
    if item.kind is DueKind.ENDING_SOON:
        if days == 0:
            return "Ends today"
        return "Ends tomorrow" if days == 1 else f"Ends in {count(days, 'day')}"
    if days == 0:
        return "Today"
    return "Tomorrow" if days == 1 else weekday(item.date)


#: Reminders, never late: support with no date, a paused plan, a plan past retention.
_NEVER_LATE = frozenset({DueKind.SUPPORT_UNDATED, DueKind.PAUSED, DueKind.PAST_RETENTION})


def _late(item: DueItem, today: dt.date) -> bool:
    """Past its date, unless only a reminder (:data:`_NEVER_LATE`)."""
    return item.date < today and item.kind not in _NEVER_LATE


def what_text(item: DueItem) -> str:
    if item.kind is DueKind.ENDING_SOON:
        return f"Plan ends: {item.what}"
    if item.kind is DueKind.OUTCOME_MISSING:
        return f"Record the outcome of “{item.what}”"
    if item.kind is DueKind.PAUSED:
        return f"{PAUSED}: {item.what}"
    if item.kind is DueKind.PAST_RETENTION:
        return f"Past retention: erase or anonymise “{item.what}”"
    if item.kind in (DueKind.SUPPORT_OVERDUE, DueKind.SUPPORT_DUE, DueKind.SUPPORT_UNDATED):
        return f"Support: {item.what}"
    return item.what


class ThisWeekModel(RowsModel[WeekRow]):
    """Read-only: a heading row per urgency group (spanning all columns), then its items."""

    WHEN, EMPLOYEE, WHAT, DATE = range(4)
    HEADERS = ("When", "Employee", "What", "Date")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.palette = QPalette()
        self._items: list[DueItem] = []
        self._overdue = 0
        self._headings: list[int] = []

    def set_items(self, items: Sequence[DueItem], today: dt.date) -> None:
        self.today = today
        rows = grouped_rows(items)
        # Read again at each refresh of the window (its title, This week's summary, the spans of the headings).
        self._items = [row for row in rows if not isinstance(row, str)]
        self._overdue = sum(1 for item in self._items if _late(item, today))
        self._headings = [number for number, row in enumerate(rows) if isinstance(row, str)]
        self.set_rows(rows)

    def items(self) -> list[DueItem]:
        return list(self._items)

    def heading_rows(self) -> list[int]:
        """The rows that are headings (each spans every column)."""
        return list(self._headings)

    def item_at(self, row: int) -> DueItem | None:
        found = self.rows[row] if 0 <= row < len(self.rows) else None
        return None if isinstance(found, str) else found

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self.rows) and isinstance(self.rows[row], str)

    def overdue_count(self) -> int:
        """How many items are past their date (late meetings, support, outcomes); support with no date is not."""
        return self._overdue

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.is_heading(index.row()):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        column = index.column()
        if isinstance(item, str):  # a heading
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return item
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(self.palette.color(QPalette.ColorRole.WindowText))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(self.palette.color(QPalette.ColorRole.AlternateBase))
            return None
        if role == PLAN_ID_ROLE:
            return item.plan_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.WHEN:
                return when_text(item, self.today)
            if column == self.EMPLOYEE:
                return item.employee
            if column == self.WHAT:
                return what_text(item) if role == Qt.ItemDataRole.DisplayRole else f"{item.kind.label}: {item.what}"
            if column == self.DATE:
                return f"{weekday(item.date)[:3]} {short_date(item.date)}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.WHEN and _late(item, self.today):
            return QBrush(alert_colour(self.palette))
        return None
