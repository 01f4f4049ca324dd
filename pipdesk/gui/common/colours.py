"""Every colour pipdesk adds to the palette, chosen per light, dark and high-contrast palette, in one place.

Text colours keep WCAG 2.1 AA contrast (4.5:1) against the window, the fields and the alternate rows;
the marks of the timeline and the charts keep 3:1 (WCAG 1.4.11, non-text contrast). A colour never
says a status alone: each is shown with its word or symbol too ("⚠", "Off track", the glyph on a mark).
On a palette none of the three (the system's own), a colour is moved towards the text until it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from pipdesk.domain import Rating

TEXT_CONTRAST = 4.5  # WCAG 1.4.3, AA for text
MARK_CONTRAST = 3.0  # WCAG 1.4.11, graphical objects that carry meaning

_Role = QPalette.ColorRole


class Scheme(Enum):
    LIGHT = 0
    DARK = 1
    HIGH_CONTRAST = 2


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def scheme(palette: QPalette) -> Scheme:
    base, text = palette.color(_Role.Base), palette.color(_Role.Text)
    if base.lightness() >= 128:
        return Scheme.LIGHT
    return Scheme.HIGH_CONTRAST if contrast(base, text) >= 18 else Scheme.DARK


def backgrounds(palette: QPalette) -> list[QColor]:
    """What text is drawn on: the window, fields and lists, and their alternate rows."""
    return [palette.color(role) for role in (_Role.Window, _Role.Base, _Role.AlternateBase)]


def mix(under: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``under`` at ``amount`` (0 to 1), as an opaque colour."""

    def channel(a: float, b: float) -> float:
        return a * (1 - amount) + b * amount

    return QColor.fromRgbF(
        channel(under.redF(), over.redF()), channel(under.greenF(), over.greenF()), channel(under.blueF(), over.blueF())
    )


def readable(colour: QColor, palette: QPalette, minimum: float = TEXT_CONTRAST) -> QColor:
    """``colour``, moved towards the palette's text until it keeps ``minimum`` against every background."""
    text = palette.color(_Role.Text)
    for step in range(11):
        candidate = mix(colour, text, step / 10)
        if all(contrast(candidate, background) >= minimum for background in backgrounds(palette)):
            return candidate
    return text


def _pick(palette: QPalette, light: str, dark: str, high: str, minimum: float = TEXT_CONTRAST) -> QColor:
    chosen = {Scheme.LIGHT: light, Scheme.DARK: dark, Scheme.HIGH_CONTRAST: high}[scheme(palette)]
    return readable(QColor(chosen), palette, minimum)


def alert_colour(palette: QPalette) -> QColor:
    """Text that needs acting on: an error, an overdue date, an objective off track."""
    return _pick(palette, "#b3261e", "#f2b8b5", "#ffff00")


def caution_colour(palette: QPalette) -> QColor:
    """Text that asks for a look: an objective at risk."""
    return _pick(palette, "#8a5300", "#ffcc80", "#1aebff")


def good_colour(palette: QPalette) -> QColor:
    """Text that says all is well: an objective on track or met."""
    return _pick(palette, "#1b6e2d", "#a5d6a7", "#3ff23f")


def paused_colour(palette: QPalette) -> QColor:
    """A paused plan's days on the timeline: the band's hatching and its words (read as text)."""
    return _pick(palette, "#5e35b1", "#b39ddb", "#ff80ff")


def muted_colour(palette: QPalette) -> QColor:
    """Text that stands back (a hint, a unit, a note on a record) and still reads."""
    return readable(mix(palette.color(_Role.Base), palette.color(_Role.Text), 0.62), palette)


def rating_colour(rating: Rating | None, palette: QPalette) -> QColor | None:
    """A text colour for a rating (its word is always beside it); none for the usual text."""
    if rating is Rating.OFF_TRACK:
        return alert_colour(palette)
    if rating is Rating.AT_RISK:
        return caution_colour(palette)
    if rating in (Rating.ON_TRACK, Rating.MET):
        return good_colour(palette)
    return None


def rating_fill(rating: Rating | None, palette: QPalette) -> QColor:
    """The fill of a held check-in's mark on the timeline (its glyph tells the rating too)."""
    fills = {
        Rating.MET: ("#1b5e20", "#c8e6c9", "#3ff23f"),
        Rating.ON_TRACK: ("#2e7d32", "#66bb6a", "#ffffff"),
        Rating.AT_RISK: ("#a15c00", "#ffcc80", "#1aebff"),
        Rating.OFF_TRACK: ("#b3261e", "#f2b8b5", "#ffff00"),
    }
    if rating is None:
        return readable(mix(palette.color(_Role.Base), palette.color(_Role.Text), 0.45), palette, MARK_CONTRAST)
    return _pick(palette, *fills[rating], minimum=MARK_CONTRAST)


def chart_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The target line's colour and the measured line's (and its projection's): marks, 3:1."""
    target = _pick(palette, "#2e7d32", "#81c784", "#3ff23f", MARK_CONTRAST)
    measured = _pick(palette, "#1565c0", "#90caf9", "#1aebff", MARK_CONTRAST)
    return target, measured


def accent_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The selection colour as a fill (today's line and pill) and the text on it, 4.5:1 apart."""
    text = palette.color(_Role.HighlightedText)
    highlight = palette.color(_Role.Highlight)
    away = QColor("#000000") if luminance(text) > 0.5 else QColor("#ffffff")
    for step in range(11):
        accent = mix(highlight, away, step / 10)
        if contrast(accent, text) >= TEXT_CONTRAST:
            return accent, text
    return away, text


def warning_colour(palette: QPalette) -> QColor:
    """A background that reads as 'needs attention' (with a "⚠" in it); text keeps 4.5:1 on it."""
    chosen = {Scheme.LIGHT: "#ffebcd", Scheme.DARK: "#5c3a10", Scheme.HIGH_CONTRAST: "#4d3d00"}[scheme(palette)]
    return QColor(chosen)


def private_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The border and background of a check-in's private notes (headed "Private: …")."""
    border = _pick(palette, "#9a7a10", "#c9a227", "#ffff00", MARK_CONTRAST)
    background = {Scheme.LIGHT: "#fff8e1", Scheme.DARK: "#3a3220", Scheme.HIGH_CONTRAST: "#000000"}[scheme(palette)]
    return border, QColor(background)


def keep_coloured(widget: QWidget, colours: Callable[[QPalette], dict[QPalette.ColorRole, QColor]]) -> None:
    """Set ``colours(palette)`` on ``widget`` now and again whenever the app's palette (the theme) changes."""
    _recolour(widget, colours)
    keeper = _Recolour(widget, colours)
    widget.installEventFilter(keeper)


def _recolour(widget: QWidget, colours: Callable[[QPalette], dict[QPalette.ColorRole, QColor]]) -> None:
    """Set only the roles ``colours`` gives, worked out from the palette around the widget.

    Only those roles: the others keep following the parent's palette, so a child widget hears of a
    theme change (Qt tells the windows, and each window its children whose colours it sets).
    """
    parent = widget.parentWidget()
    around = parent.palette() if parent is not None else QApplication.palette(widget)
    wanted = colours(around)
    if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette) and all(
        widget.palette().color(role) == colour for role, colour in wanted.items()
    ):
        return  # already so: setting it again would only send another PaletteChange
    palette = QPalette()
    for role, colour in wanted.items():
        palette.setColor(role, colour)
    widget.setPalette(palette)


class _Recolour(QObject):
    def __init__(self, widget: QWidget, colours: Callable[[QPalette], dict[QPalette.ColorRole, QColor]]) -> None:
        super().__init__(widget)
        self.colours = colours

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        changes = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)
        if event.type() in changes and isinstance(watched, QWidget):
            _recolour(watched, self.colours)
        return False


def _error_text(palette: QPalette) -> dict[QPalette.ColorRole, QColor]:
    return {_Role.WindowText: alert_colour(palette)}


def show_as_error(widget: QWidget) -> None:
    """Draw ``widget``'s text (an error label, which says what is wrong in words) in the alert colour."""
    if widget.findChild(_Recolour) is None:
        keep_coloured(widget, _error_text)
