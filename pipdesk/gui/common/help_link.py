"""The "?" links beside a form's sections that open the user guide at the chapter about them.

Features add a link with :func:`help_button`; the shell says how the guide opens with :func:`set_guide_opener`
(features never import the shell). With no opener set (a view tested alone), a link does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QToolButton, QWidget

_opener: list[Callable[[str], object]] = []


def set_guide_opener(opener: Callable[[str], object]) -> None:
    """How the guide opens at an anchor (the shell's help browser)."""
    _opener[:] = [opener]


def open_guide(anchor: str = "") -> None:
    """The guide at ``anchor`` (a heading's id, e.g. ``"objectives"``), if the shell set an opener."""
    for opener in _opener:
        opener(anchor)


def help_button(anchor: str, topic: str, parent: QWidget) -> QToolButton:
    """A small "?" button that opens the guide at ``anchor``; ``topic`` names what it explains."""
    button = QToolButton(parent)
    button.setText("?")
    button.setObjectName(f"help_{anchor.replace('-', '_')}")
    button.setAccessibleName(f"Help on {topic}")
    button.setToolTip(f"Help on {topic}: opens the user guide at that chapter")
    button.setAutoRaise(True)
    button.clicked.connect(lambda: open_guide(anchor))
    return button
