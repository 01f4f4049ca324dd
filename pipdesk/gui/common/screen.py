"""Every window and dialog takes its size from the screen it opens on, and keeps its buttons on it.

A laptop may offer 1280×720 logical pixels (1920×1080 at 150 %), or 911×512 (1366×768 at 150 %).
:func:`fit_to_screen` sizes a top-level window to at most the screen's available geometry, less room
for the window frame, and centres it there; a dialog whose content is taller (or wider) than that
gets its content in a scroll area while its button box stays outside, always visible.
:func:`available_geometry` is the one place that asks Qt about the screen (tests replace it).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for the window frame: the borders each side, and the title bar with the bottom border.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available geometry (without task bars and docks) of the screen ``widget`` is on, or the primary's."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def largest_size(widget: QWidget) -> QSize:
    """The largest size of ``widget``'s window whose frame still fits the available geometry."""
    screen = available_geometry(widget)
    return QSize(max(screen.width() - FRAME_WIDTH, 200), max(screen.height() - FRAME_HEIGHT, 150))


def fits(widget: QWidget, geometry: QRect) -> bool:
    """Whether a window at ``geometry`` (its inside, without the frame) has its frame on the screen now."""
    screen = available_geometry(widget)
    frame = geometry.adjusted(-FRAME_WIDTH // 2, -(FRAME_HEIGHT - FRAME_WIDTH // 2), FRAME_WIDTH // 2, FRAME_WIDTH // 2)
    return screen.contains(frame)


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Size ``window`` to ``preferred`` (default: its size hint), at most the screen allows, centred on the screen.

    Content that cannot fit, even at its minimum size, goes into a scroll area; the button box stays below it.
    """
    largest = largest_size(window)
    layout = window.layout()
    if layout is not None:
        layout.activate()
        if largest.expandedTo(layout.minimumSize()) != largest:
            _scroll_content(window)
            layout.activate()
        # An explicit minimum the screen can hold: the layout would otherwise impose its own, however large.
        minimum = window.minimumSize().expandedTo(layout.minimumSize())
        window.setMinimumSize(minimum.boundedTo(largest))
    wanted = preferred if preferred is not None else window.sizeHint().expandedTo(window.minimumSize())
    size = wanted.expandedTo(window.minimumSize()).boundedTo(largest)
    window.resize(size)
    centre_on_screen(window)


def centre_on_screen(window: QWidget) -> None:
    """Move ``window`` (its frame, as estimated) to the middle of the available geometry."""
    screen = available_geometry(window)
    frame = window.size() + QSize(FRAME_WIDTH, FRAME_HEIGHT)
    corner = screen.center() - QPoint(frame.width() // 2, frame.height() // 2)
    left = max(screen.left(), corner.x())
    top = max(screen.top(), corner.y())
    window.move(left, top)


def _scroll_content(window: QWidget) -> None:
    """Put everything of ``window``'s box layout but its button box into one scroll area, in the same order.

    A window that scrolls already (a form with a scroll area of its own) is left as it is.
    """
    # Here, not at the top: importing a Qt class makes its type and enums, and the main window's launch (which
    # fits without scrolling) does not need these (#21).
    from PySide6.QtWidgets import QAbstractScrollArea, QBoxLayout, QDialogButtonBox, QFrame, QScrollArea, QVBoxLayout

    layout = window.layout()
    if not isinstance(layout, QBoxLayout) or window.findChild(QAbstractScrollArea) is not None:
        return
    buttons = window.findChild(QDialogButtonBox)
    content = QWidget()
    content.setObjectName("fittedContent")
    inner = QVBoxLayout(content)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(layout.spacing())
    stretches = [layout.stretch(n) for n in range(layout.count())]
    items = [layout.takeAt(0) for _ in stretches]
    for item, stretch in zip(items, stretches, strict=True):
        if item is None:
            continue
        if (widget := item.widget()) is not None:
            if widget is buttons:
                continue
            shown = widget.isVisibleTo(window)
            inner.addWidget(widget, stretch)
            widget.setVisible(shown)
        elif (child := item.layout()) is not None:
            inner.addLayout(child, stretch)
        else:
            inner.addItem(item)
    scroll = QScrollArea(window)
    scroll.setObjectName("fittedScrollArea")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(content)
    layout.addWidget(scroll, 1)
    if buttons is not None:
        layout.addWidget(buttons)
