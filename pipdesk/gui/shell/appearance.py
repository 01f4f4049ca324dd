"""The colours pipdesk shows: the ones chosen in Preferences, or the system's, applied to the app at start
and again when the system's scheme or contrast changes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from pipdesk.gui.common.theme import Theme, apply_theme
from pipdesk.gui.shell import settings


def show_chosen_theme(app: QApplication) -> None:
    """The colours chosen in Preferences, or the system's; shown again when the system's scheme changes."""
    apply_theme(app, Theme(settings.THEME.read()))
    if app.property("pipdeskFollowsScheme"):
        return
    app.setProperty("pipdeskFollowsScheme", True)

    def system_changed(*_: object) -> None:
        if settings.THEME.read() == Theme.SYSTEM.value:
            apply_theme(app, Theme.SYSTEM)

    hints = app.styleHints()
    hints.colorSchemeChanged.connect(system_changed)
    hints.accessibility().contrastPreferenceChanged.connect(system_changed)
