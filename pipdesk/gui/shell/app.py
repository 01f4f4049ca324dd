"""Starts the Qt application on a plan book."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pipdesk import __version__
from pipdesk.gui.shell.appearance import show_chosen_theme
from pipdesk.system.resources import resource_path


def application() -> QApplication:
    """The one QApplication, created on first use with pipdesk's names (they key its settings)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("pipdesk")
    app.setOrganizationName("pipdesk")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("pipdesk")
    return app


def show_icon(app: QApplication) -> None:
    """pipdesk's icon on its windows, set once the first screen is painted: the window's content does not draw
    it, the title bar and task bar show it a moment later, and loading it (QIcon's classes, the SVG icon engine)
    costs ~3 ms of the launch (#21)."""
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resource_path("icons", "pipdesk.svg"))))


#: Qt's messages before the first paint, written to the log after it (None: written at once).
_early_messages: list[tuple[int, str]] | None = None


def log_qt_messages(*, wait: bool = False) -> None:
    """Qt's own warnings go to pipdesk's log file, not to the terminal of the person using it.

    ``wait``: until :func:`write_early_qt_messages` (after the first paint) they wait in memory, so opening
    the log (and loading ``logging.handlers``) does not delay the window (#21); a fatal message, after which
    Qt stops the process, is written at once."""
    global _early_messages
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: 10, QtMsgType.QtInfoMsg: 20, QtMsgType.QtWarningMsg: 30}
    _early_messages = [] if wait else None

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        level = levels.get(kind, 40)
        if _early_messages is not None and kind is not QtMsgType.QtFatalMsg:
            _early_messages.append((level, message))
            return
        write_early_qt_messages()
        _log_qt_message(level, message)

    qInstallMessageHandler(handler)


def write_early_qt_messages() -> None:
    """Write the Qt messages kept since the start; from now on each is written when it comes."""
    global _early_messages
    early, _early_messages = _early_messages or [], None
    for level, message in early:
        _log_qt_message(level, message)


def _log_qt_message(level: int, message: str) -> None:
    from pipdesk.system.diagnostics import logger

    logger().log(level, "Qt: %s", message)


class AfterFirstPaint(QObject):
    """Runs ``then`` once the window has been painted the first time; with ``stamp``, prints when that was.

    The moment is ``time.monotonic()``, one clock for every process on the machine, so a benchmark
    can subtract the moment it started the process (``benchmarks/run.py``). A window that is not
    painted within :data:`LATEST_MS` (started minimised, say) runs ``then`` all the same.
    """

    LATEST_MS = 2000

    def __init__(self, window: QWidget, then: Callable[[], object], *, stamp: bool = False) -> None:
        super().__init__(window)
        self.then: Callable[[], object] | None = then
        self.stamp = stamp
        self.window = window
        self._painted = False
        window.installEventFilter(self)
        if not stamp:
            QTimer.singleShot(self.LATEST_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            if self.stamp:
                print(f"shown at {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, self, self._run)  # after the paint is on screen
        return False

    def _run(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            self.window.removeEventFilter(self)
            then()


#: Until the first paint, Python's collector waits for this many new objects (its default: 700). At the paint a
#: launch holds ~30,000 objects it keeps for good (modules, classes, Qt's enums): the default collected ~70
#: times before it (8-12 ms as timed from gc.callbacks, whose own cost is in that), finding next to nothing;
#: now ~25, all before pipdesk's main. Alternating launches put the gain within their noise (#21).
_YOUNG_OBJECTS_UNTIL_PAINTED = 50_000


def run_app(
    path: Path | None,
    passphrase: str | None = None,
    file: Path | None = None,
    *,
    collecting: tuple[int, int, int] | None = None,
) -> int:
    """The window on ``path`` (or what :func:`~.open_files.book_to_start_on` picks), until it closes.

    ``collecting``: the collector's thresholds to set once the window is painted, when the caller raised them
    for the launch already (the command line does, before Qt loads); None: those in force now."""
    from pipdesk.store.connection import WINDOW_HOLDER, set_lock_holder

    set_lock_holder(WINDOW_HOLDER)  # another pipdesk refuses at once, rather than waiting for a window to close
    log_qt_messages(wait=True)
    thresholds = collecting or gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG_OBJECTS_UNTIL_PAINTED), *thresholds[1:])
    try:
        return _run_window(path, passphrase, file, lambda: gc.set_threshold(*thresholds))
    finally:
        gc.set_threshold(*thresholds)
        write_early_qt_messages()  # those of a launch that handed over, or of a window closed before its paint


def _run_window(
    path: Path | None, passphrase: str | None, file: Path | None, collect_as_usual: Callable[[], None]
) -> int:
    from pipdesk.gui.shell import single_instance

    app = application()
    if single_instance.hand_over(file or path):  # pipdesk runs already: its window opens the file
        return 0
    from pipdesk.gui.shell import open_files

    # The plan book opens first, and its plan list and This week are read on a worker thread while the theme
    # and the window's modules load and the window is made (docs/performance.md).
    target = open_files.book_to_start_on(path, file)
    opened = open_files.open_ahead(target, passphrase)
    show_chosen_theme(app)
    from pipdesk.gui.shell.main_window import start_window
    from pipdesk.gui.shell.runner import show_unexpected_error

    window = start_window(target, passphrase, opened=opened)

    def unexpected(kind: type[BaseException], error: BaseException, trace: object) -> None:
        show_unexpected_error(window.prompter, error)  # an error in a Qt slot: shown and logged, the app goes on

    sys.excepthook = unexpected
    quit_when_shown = bool(os.environ.get("PIPDESK_QUIT_WHEN_SHOWN"))

    def painted() -> None:
        collect_as_usual()
        show_icon(app)
        write_early_qt_messages()
        open_files.listen_for_launches(window)  # a later launch hands its file over from now on
        window.window_painted()

    # Once the first screen (the plan list and This week) is painted, pipdesk listens for later launches, the
    # opening check and backup start and the last plan opens behind it; for start-up timing
    # (docs/performance.md, benchmarks/) the moment of that paint is printed and pipdesk leaves.
    AfterFirstPaint(window, app.quit if quit_when_shown else painted, stamp=quit_when_shown)
    window.show()
    open_files.take_files(window, app, file)  # FILE, then the files of the macOS Finder
    return int(app.exec())
