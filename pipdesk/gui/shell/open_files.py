"""What ``pipdesk FILE`` does in the window (from the command line, the file manager or a second launch):
a plan book opens; a plan file is imported into the plan book the person chooses.
"""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import (
    QApplication,
)

from pipdesk.domain import PipdeskError
from pipdesk.gui.shell import settings
from pipdesk.gui.shell.runner import run_command
from pipdesk.store import PlanBook
from pipdesk.system.lazy import lazy_module

if TYPE_CHECKING:
    from pipdesk.gui.plans import commands as plans
    from pipdesk.gui.shell.main_window import MainWindow
else:  # the plan list's commands (and the plan's models) load when a plan file is imported
    plans = lazy_module("pipdesk.gui.plans.commands")

#: How often a file handed over while a dialog is open looks again whether it is closed.
WAIT_FOR_DIALOG_MS = 500


def is_plan_file(path: Path) -> bool:
    """A plan file is JSON: its first character other than white space is ``{``. Anything else is taken for a
    plan book (whose opening says plainly what is wrong with a file that is neither)."""
    try:
        with path.open("rb") as file:
            start = file.read(256)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def book_to_start_on(db: Path | None, file: Path | None) -> Path | None:
    """The plan book the window opens first: FILE when it is one, else ``--db`` (None: the one used last)."""
    return file if file is not None and not is_plan_file(file) else db


#: The size of plan book from which its first screen is read ahead. Starting the worker costs the window's
#: thread ~5 ms (``json``, ``threading``, the thread); reading on the thread saves ~8 ms at 10,000 plans (67 MB:
#: 36-40 ms of reads on the window's thread, 31-39 with the worker), ~0 at ~5,000 (33 MB), and loses at 3,000
#: (20 MB: 10.5 vs 12.5 ms) and below (the demo book: 0.3 vs 5.4 ms). Measured for #21.
READ_AHEAD_FROM_BYTES = 32 * 2**20


def open_ahead(
    path: Path | None, passphrase: str | None, today: dt.date | None = None, from_bytes: int = READ_AHEAD_FROM_BYTES
) -> PlanBook | None:
    """At launch, before the window is made: the plan book it opens first (``path``, else the one used last, else
    the default: ``settings.first_plan_book``) opened, and, from ``from_bytes`` of it, what its first screen shows
    (the plan list, This week) read on a worker thread while the window makes itself (``PlanBook.read_ahead``,
    #21). None when it does not open at once (a passphrase to ask, a problem to say): the window then opens it
    itself, asking or saying why, as it always does. ``today``: the window's (tests)."""
    target = settings.first_plan_book(path)
    try:
        book = PlanBook.open(target, create=True, passphrase=passphrase, check_later=True)
    except PipdeskError:
        return None
    with suppress(OSError):
        if target.stat().st_size >= from_bytes:
            book.read_ahead(today or dt.date.today(), settings.retention_years())
    return book


def take_files(window: MainWindow, app: QApplication, file: Path | None) -> None:
    """``window`` opens ``file`` once shown (a plan file: it asks first), and then the files of the macOS Finder
    (which sends an event rather than an argument); those of later launches once it listens for them."""
    if sys.platform == "darwin":
        take_finder_files(window, app)
    if file is not None and is_plan_file(file):
        QTimer.singleShot(0, lambda: open_path(window, file))


def listen_for_launches(window: MainWindow) -> None:
    """From now on a later launch hands its file (or only itself) to ``window`` (:mod:`.single_instance`).

    At start-up once the window is painted: loading QtNetwork and listening wait for it (#21), as a launch
    meanwhile would find no window to hand over to anyway."""
    from pipdesk.gui.shell.single_instance import SingleInstance

    SingleInstance(lambda handed: open_path(window, handed), window)


def take_finder_files(window: MainWindow, app: QApplication) -> None:
    """The files the macOS Finder sends (a QFileOpenEvent to the application) open in ``window``.

    Only on macOS, where the Finder sends them: the filter sees every event of every object, which cost
    ~20 ms between showing the window and its first paint (#21), and a Python call an event after it."""
    app.installEventFilter(_FinderFiles(window))


class _FinderFiles(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            path = Path(event.file())
            QTimer.singleShot(0, lambda: open_path(self.window, path))
            return True
        return super().eventFilter(watched, event)


def open_path(window: MainWindow, path: Path | None) -> None:
    """Bring the window to the front, then open ``path`` in it (None: nothing more). While the person is in a
    dialog, ``path`` waits until it is closed: a plan book changing under an open dialog would lose its work."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if path is None:
        return
    if QApplication.activeModalWidget() is not None:
        QTimer.singleShot(WAIT_FOR_DIALOG_MS, lambda: open_path(window, path))
        return
    if is_plan_file(path):
        import_into_chosen_book(window, path)
    else:
        window.open_plan_book(path)


def import_into_chosen_book(window: MainWindow, path: Path) -> int | None:
    """Ask which plan book ``path`` goes into, open that one, import it and show the new plan."""
    open_now = window.book.path if window.book is not None else None
    books = [open_now] if open_now is not None else []
    books += [p for p in settings.recent_plan_books() if p.exists() and p not in books]
    from pipdesk.gui.shell.choose_book import ChooseBookDialog  # with the first plan file opened, not the window

    dialog = ChooseBookDialog(path.name, books, window.prompter, window, open_now=open_now)
    if not window.prompter.run_dialog(dialog) or (target := dialog.chosen()) is None:
        return None
    if not window.open_plan_book(target):
        return None
    added: list[int | None] = [None]

    def add() -> None:
        assert window.book is not None
        added[0] = plans.import_plan_file(window.book, window.prompter, path)

    run_command(window.prompter, add)
    if (plan_id := added[0]) is not None:
        window.refresh_plans()
        window.select_plan(plan_id)
        window.statusBar().showMessage(f"Imported {path.name} into {target.name} as plan {plan_id}", 10000)
    return plan_id
