"""Dates between Python and Qt."""

import datetime as dt

from PySide6.QtCore import QDate


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
