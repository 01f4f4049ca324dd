"""The three palettes pipdesk can show (light, dark, high contrast) and how one is chosen and applied.

The choice is the manager's (Preferences › Colours) or, by default, the system's colour scheme; it is
applied to the whole application, so every widget, item model and drawing reads it from the palette.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


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


def _palette(colours: dict[_Role, str], disabled: str) -> QPalette:
    palette = QPalette(QColor(colours[_Role.Button]), QColor(colours[_Role.Window]))
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(_Group.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    """Fusion's light palette, with placeholder text dark enough to read (4.5:1)."""
    return _palette(
        {
            _Role.Window: "#efefef",
            _Role.WindowText: "#000000",
            _Role.Base: "#ffffff",
            _Role.AlternateBase: "#f7f7f7",
            _Role.Text: "#000000",
            _Role.Button: "#efefef",
            _Role.ButtonText: "#000000",
            _Role.ToolTipBase: "#ffffdc",
            _Role.ToolTipText: "#000000",
            _Role.PlaceholderText: "#5c5c5c",
            _Role.Highlight: "#1f6fb2",
            _Role.HighlightedText: "#ffffff",
            _Role.Link: "#0b57d0",
        },
        disabled="#8c8c8c",
    )


def dark_palette() -> QPalette:
    """A dark palette for Fusion: light grey text on near black."""
    return _palette(
        {
            _Role.Window: "#2b2b2b",
            _Role.WindowText: "#e8e8e8",
            _Role.Base: "#1e1e1e",
            _Role.AlternateBase: "#262626",
            _Role.Text: "#e8e8e8",
            _Role.Button: "#353535",
            _Role.ButtonText: "#e8e8e8",
            _Role.ToolTipBase: "#3a3a3a",
            _Role.ToolTipText: "#e8e8e8",
            _Role.PlaceholderText: "#a8a8a8",
            _Role.Highlight: "#8ab4f8",
            _Role.HighlightedText: "#000000",
            _Role.Link: "#8ab4f8",
            _Role.BrightText: "#ffffff",
        },
        disabled="#808080",
    )


def high_contrast_palette() -> QPalette:
    """Like Windows' High Contrast Black: white text on black, cyan selection, yellow links, white edges."""
    palette = _palette(
        {
            _Role.Window: "#000000",
            _Role.WindowText: "#ffffff",
            _Role.Base: "#000000",
            _Role.AlternateBase: "#000000",
            _Role.Text: "#ffffff",
            _Role.Button: "#000000",
            _Role.ButtonText: "#ffffff",
            _Role.ToolTipBase: "#000000",
            _Role.ToolTipText: "#ffff00",
            _Role.PlaceholderText: "#e0e0e0",
            _Role.Highlight: "#1aebff",
            _Role.HighlightedText: "#000000",
            _Role.Link: "#ffff00",
            _Role.BrightText: "#ffffff",
        },
        disabled="#3ff23f",
    )
    for role in (_Role.Light, _Role.Midlight, _Role.Mid, _Role.Dark, _Role.Shadow):
        palette.setColor(role, QColor("#ffffff"))  # frames and edges drawn in white, so every field shows
    return palette


PALETTES = {Theme.LIGHT: light_palette, Theme.DARK: dark_palette, Theme.HIGH_CONTRAST: high_contrast_palette}


def system_theme() -> Theme:
    """What the system asks for: high contrast, dark, or light (also when it says nothing)."""
    hints = QGuiApplication.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return Theme.HIGH_CONTRAST
    return Theme.DARK if hints.colorScheme() == Qt.ColorScheme.Dark else Theme.LIGHT


_SCHEMES = {Theme.LIGHT: Qt.ColorScheme.Light, Theme.DARK: Qt.ColorScheme.Dark}
_native_style: list[str] = []


def apply_theme(app: QApplication, choice: Theme) -> Theme:
    """Show ``choice`` in the whole app; the theme shown is returned.

    Following the system keeps the platform's own style and palette while they draw the system's
    scheme; otherwise (a dark scheme the style draws light, high contrast, or the manager's own choice)
    Fusion draws pipdesk's palette.
    """
    if not _native_style:
        _native_style.append(app.style().name().casefold())
    hints = QGuiApplication.styleHints()
    theme = system_theme() if choice is Theme.SYSTEM else choice
    if choice is Theme.SYSTEM:
        hints.unsetColorScheme()
        if app.style().name().casefold() != _native_style[0]:
            app.setStyle(_native_style[0])
        native = app.style().standardPalette()
        dark = native.color(_Role.Base).lightness() < 128
        if theme is not Theme.HIGH_CONTRAST and dark == (theme is Theme.DARK) and _native_style[0] != "fusion":
            app.setPalette(native)
            return theme
    else:
        hints.setColorScheme(_SCHEMES.get(theme, Qt.ColorScheme.Dark))
    if app.style().name().casefold() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(PALETTES[theme]())
    return theme
