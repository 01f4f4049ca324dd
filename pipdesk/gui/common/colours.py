"""The few colours pipdesk adds to the palette, each readable on light and dark palettes alike."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def _light(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() > 128


def alert_colour(palette: QPalette) -> QColor:
    """Text that needs acting on: an error, an overdue date, an objective off track."""
    return QColor("#b3261e") if _light(palette) else QColor("#f2b8b5")


def warning_colour(palette: QPalette) -> QColor:
    """A background that reads as 'needs attention'."""
    return QColor(255, 235, 205) if _light(palette) else QColor(110, 70, 20)


def show_as_error(widget: QWidget) -> None:
    """Draw ``widget``'s text (an error label) in the alert colour."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, alert_colour(palette))
    widget.setPalette(palette)
