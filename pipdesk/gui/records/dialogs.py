"""Asks until when one plan is kept, and why, instead of the retention period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QWidget

from pipdesk.domain.retention import RetentionHold, retention_ends
from pipdesk.domain.vocabulary import count, day_and_date
from pipdesk.gui.common.dates import pydate
from pipdesk.gui.common.dialogs import accept_if_sound, date_field, finish_form_dialog, form_rows, text_field


class RetentionDialog(QDialog):
    """The plan's own date to keep it until, with a reason; unticked, the retention period rules."""

    def __init__(
        self,
        plan_name: str,
        closed_on: dt.date | None,
        years: int,
        hold: RetentionHold | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Retention hold")
        self.intro = QLabel(self)
        self.intro.setObjectName("introLabel")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        period = count(years, "year")
        self.intro.setText(
            f"{plan_name}: closed on {day_and_date(closed_on)}; by the retention period ({period}) it is kept "
            f"until {day_and_date(retention_ends(closed_on, years))}."
            if closed_on is not None
            else f"{plan_name} is not closed: it is kept while it runs, and for {period} after it closes."
        )
        self.own_date = QCheckBox("Keep &until a date of its own", self)
        self.own_date.setObjectName("ownDateCheck")
        self.own_date.setAccessibleName("Keep until a date of its own")
        self.until = date_field(self, "Keep until", hold.keep_until if hold else None, today, optional=False)
        self.until.setObjectName("untilEdit")
        if hold is None:
            self.until.setDate(self.until.date().addYears(1))
        self.reason = text_field(self, "Why", 3)
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlainText(hold.reason if hold else "")
        form = form_rows(self, [("&Keep until:", self.until), ("&Why:", self.reason)])
        form.insertRow(0, self.intro)
        form.insertRow(1, self.own_date)
        self.error = finish_form_dialog(self, form, "Save", self._accept)
        self.own_date.toggled.connect(self._follow)
        self.own_date.setChecked(hold is not None)
        self._follow(hold is not None)

    def _follow(self, own: bool) -> None:
        self.until.setEnabled(own)
        self.reason.setEnabled(own)

    def problems(self) -> list[str]:
        if self.own_date.isChecked() and not self.reason.toPlainText().strip():
            return ["Say why this plan is kept until that date: the plan book keeps the reason."]
        return []

    def hold(self) -> RetentionHold | None:
        """The hold asked for; ``None``: the retention period rules."""
        if not self.own_date.isChecked():
            return None
        return RetentionHold(pydate(self.until.date()), self.reason.toPlainText().strip())

    def _accept(self) -> None:
        accept_if_sound(self, self.problems(), self.error)
