"""The three palettes pipdesk can show (light, dark, high contrast) and how one is chosen and applied.

The choice is the manager's (Preferences › Colours) or, by default, the system's colour scheme; it is
applied to the whole application, so every widget, item model and drawing reads it from the palette.
"""

from __future__ import annotations

import os
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


class Theme(Enum):
    """A choice in Preferences; the value is what the settings file keeps."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"

    @property
    def label(self) -> str:
        return {"system": "Follow the system", "high-contrast": "High contrast"}.get(
            self.value, self.value.capitalize()
        )


_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup


#: Each role's colour in the light palette (Fusion's, with darker placeholder text and selection so
#: they read at 4.5:1), the dark one, and one like Windows' High Contrast Black (white on black,
#: cyan selection, yellow links and tooltips).
_COLOURS: dict[QPalette.ColorRole, tuple[str, str, str]] = {
    _Role.Window: ("#efefef", "#2b2b2b", "#000000"),
    _Role.WindowText: ("#000000", "#e8e8e8", "#ffffff"),
    _Role.Base: ("#ffffff", "#1e1e1e", "#000000"),
    _Role.AlternateBase: ("#f7f7f7", "#262626", "#000000"),
    _Role.Text: ("#000000", "#e8e8e8", "#ffffff"),
    _Role.Button: ("#efefef", "#353535", "#000000"),
    _Role.ButtonText: ("#000000", "#e8e8e8", "#ffffff"),
    _Role.ToolTipBase: ("#ffffdc", "#3a3a3a", "#000000"),
    _Role.ToolTipText: ("#000000", "#e8e8e8", "#ffff00"),
    _Role.PlaceholderText: ("#5c5c5c", "#a8a8a8", "#e0e0e0"),
    _Role.Highlight: ("#1f6fb2", "#8ab4f8", "#1aebff"),
    _Role.HighlightedText: ("#ffffff", "#000000", "#000000"),
    _Role.Link: ("#0b57d0", "#8ab4f8", "#ffff00"),
    _Role.BrightText: ("#ffffff", "#ffffff", "#ffffff"),
}
_DISABLED = ("#8c8c8c", "#808080", "#3ff23f")


def _palette(column: int) -> QPalette:
    palette = QPalette(QColor(_COLOURS[_Role.Button][column]), QColor(_COLOURS[_Role.Window][column]))
    for role, colours in _COLOURS.items():
        palette.setColor(role, QColor(colours[column]))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(_Group.Disabled, role, QColor(_DISABLED[column]))
    return palette


def light_palette() -> QPalette:
    return _palette(0)


def dark_palette() -> QPalette:
    return _palette(1)


def high_contrast_palette() -> QPalette:
    palette = _palette(2)
    for role in (_Role.Light, _Role.Midlight, _Role.Mid, _Role.Dark, _Role.Shadow):
        palette.setColor(role, QColor("#ffffff"))  # edges drawn in white, so every field shows
    return palette


PALETTES = {Theme.LIGHT: light_palette, Theme.DARK: dark_palette, Theme.HIGH_CONTRAST: high_contrast_palette}


def system_theme() -> Theme:
    """What the system asks for: high contrast, dark, or light (also when it says nothing)."""
    hints = QGuiApplication.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return Theme.HIGH_CONTRAST
    return Theme.DARK if hints.colorScheme() == Qt.ColorScheme.Dark else Theme.LIGHT


#: Fusion draws field edges a shade darker than the window: none on black. High contrast draws them white.
_HIGH_CONTRAST_EDGES = (
    "QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView { border: 1px solid #ffffff; }"
)

_SCHEMES = {Theme.LIGHT: Qt.ColorScheme.Light, Theme.DARK: Qt.ColorScheme.Dark}
#: "native": the style the platform gives the app (casefolded); "shown": the style it has now (only this sets it).
_styles: dict[str, str] = {}


def _native_style(app: QApplication) -> str:
    """The platform's own style, asked of the style itself only where it can be another than Fusion: the first
    time Python sees a style, PySide6 makes QStyle's eleven enums (hundreds of members, ~10 ms of every launch),
    and nothing else before the window's first paint needs them (#21). With no style installed but Qt's own
    (Fusion and Windows: Linux without a desktop's style plugin) and none asked for (``QT_STYLE_OVERRIDE``,
    ``-style``), every platform theme of Qt's puts Fusion first."""
    if not _styles:
        installed = {key.casefold() for key in QStyleFactory.keys()}  # noqa: SIM118  # a list, not a dict
        asked = os.environ.get("QT_STYLE_OVERRIDE") or any(a.startswith("-style") for a in app.arguments()[1:])
        name = "fusion" if installed <= {"fusion", "windows"} and not asked else app.style().name().casefold()
        _styles.update(native=name, shown=name)
    return _styles["native"]


def _show_style(app: QApplication, name: str) -> None:
    if _styles["shown"] != name:
        app.setStyle(name)
        _styles["shown"] = name


def apply_theme(app: QApplication, choice: Theme) -> Theme:
    """Show ``choice`` in the whole app; the theme shown is returned.

    Following the system keeps the platform's own style and palette while they draw the system's
    scheme; otherwise (a dark scheme the style draws light, high contrast, or the manager's own choice)
    Fusion draws pipdesk's palette.
    """
    native = _native_style(app)
    hints = QGuiApplication.styleHints()
    theme = system_theme() if choice is Theme.SYSTEM else choice
    if choice is Theme.SYSTEM:
        hints.unsetColorScheme()
        _show_style(app, native)
        if native != "fusion" and theme is not Theme.HIGH_CONTRAST:
            palette = app.style().standardPalette()
            if (palette.color(_Role.Base).lightness() < 128) == (theme is Theme.DARK):
                app.setPalette(palette)
                app.setStyleSheet("")
                return theme
    else:
        hints.setColorScheme(_SCHEMES.get(theme, Qt.ColorScheme.Dark))
    _show_style(app, "fusion")
    app.setPalette(PALETTES[theme]())
    app.setStyleSheet(_HIGH_CONTRAST_EDGES if theme is Theme.HIGH_CONTRAST else "")
    return theme
