"""Opening and closing the window's plan book: the passphrase loop, locks and damage said in words,
leftovers of a pipdesk stopped mid-task, backups (on worker threads), restoring one, and the passphrase.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMenu, QStatusBar, QWidget

from pipdesk.domain import PipdeskError
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.save_status import SaveStatus
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.shell import settings
from pipdesk.gui.shell.passphrase_task import PassphraseTask
from pipdesk.store import PlanBook, PlanSummary
from pipdesk.store.connection import (
    IntegrityCheck,
    PassphraseNeeded,
    PlanBookDamaged,
    WrongPassphrase,
    default_backups_folder,
    integrity_of,
    passphrase_of,
)
from pipdesk.store.damage import is_damage
from pipdesk.store.driver import sqlite3

# pipdesk.store.backups and .leftovers load when first used, after the first paint at launch (#21).

if TYPE_CHECKING:
    from pipdesk.gui.shell.passphrase_dialog import PassphraseDialog

_T = TypeVar("_T")

PLAN_BOOK_FILTER = "Plan books (*.pipdesk);;All files (*)"


def passphrase_dialog(task: PassphraseTask, book_name: str, parent: QWidget | None) -> PassphraseDialog:
    """The passphrase dialog, loaded with the first encrypted plan book (not with every window: #21)."""
    from pipdesk.gui.shell.passphrase_dialog import PassphraseDialog

    return PassphraseDialog(task, book_name, parent)


class BookWindow(Protocol):
    """What the plan book's opening and closing needs of the window it serves."""

    book: PlanBook | None
    session: PlanSession | None
    save_status: SaveStatus

    def set_book(self, book: PlanBook, back_up: bool = True, plans: list[PlanSummary] | None = None) -> None: ...

    def close_book(self) -> None: ...

    def refresh_plans(self) -> None: ...

    def select_plan(self, plan_id: int) -> bool: ...

    def statusBar(self) -> QStatusBar: ...


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor over work of a second or so on the GUI thread (key derivations, rewriting a plan book)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def until_unlocked(
    prompter: Prompts,
    attempt: Callable[[str | None], _T],
    passphrase: str | None,
    ask: Callable[[], PassphraseDialog],
    first_wrong_was_typed: bool = True,
) -> tuple[_T, str | None] | None:
    """``attempt(passphrase)``, asking for another while it is missing or wrong; ``None`` when cancelled.

    Returns what the attempt returned and the passphrase it took.
    """
    dialog: PassphraseDialog | None = None
    while True:
        try:
            return attempt(passphrase), passphrase
        except (PassphraseNeeded, WrongPassphrase) as error:
            if dialog is None:
                dialog = ask()
                if isinstance(error, WrongPassphrase) and first_wrong_was_typed:  # given on the command line
                    dialog.say_wrong()
            else:
                dialog.say_wrong()
            if not prompter.run_dialog(dialog):
                return None
            passphrase = dialog.current()


class PlanBooks(QObject):
    """The window's plan book commands: open, new, save a copy, restore, the passphrase, preferences."""

    #: A backup on a worker thread failed: the status bar message (emitted from that thread).
    backup_failed = Signal(str)
    #: The check of every page, on a worker thread once a plan book opened, found it damaged: the book, the message.
    damaged = Signal(object, str)

    def __init__(
        self, window: BookWindow, parent: QWidget, prompter: Prompts, backups_folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.window, self.parent_widget, self.prompter = window, parent, prompter
        self.backups_folder = backups_folder or default_backups_folder()
        self._backup_threads: list[threading.Thread] = []
        self._changes_at_open = 0
        #: At launch, what waits for the window's first paint (:meth:`window_painted`); None: nothing waits.
        self.until_painted: list[Callable[[], None]] | None = None
        self.backup_failed.connect(self._say_backup_failed)
        self.damaged.connect(self._close_damaged)

    def say(self, message: str, timeout: int = 5000) -> None:
        self.window.statusBar().showMessage(message, timeout)

    def _say_backup_failed(self, message: str) -> None:
        self.say(message, 10000)

    def _close_damaged(self, book: PlanBook, message: str) -> None:
        if self.window.book is book:
            self.window.close_book()
            self.window.refresh_plans()  # no plan of it stays listed
            self.prompter.warning("The plan book cannot be opened", message)

    # The window's plan book comes and goes

    def opened(self, book: PlanBook, back_up: bool) -> None:
        """A plan book now in the window: its leftovers cleaned up, a backup taken once the window is up.

        At launch both wait for the first paint (:meth:`window_painted`), the clean-up first: nothing
        before it touches what a pipdesk stopped mid-task left beside the plan book or among its backups."""
        self._changes_at_open = book.db.conn.total_changes
        check = integrity_of(book.db.conn)

        def clean_up() -> None:
            from pipdesk.store.leftovers import clean_up_leftovers, say_removed

            if self.window.book is book and (removed := clean_up_leftovers(book, self.backups_folder)):
                self.say(say_removed(removed), 30000)

        def start() -> None:
            # On a worker thread: the check of every page (when the book was opened with check_later),
            # then the backup (on a large plan book a copy takes a moment).
            if self.window.book is book:
                self.back_up_in_background(book, "on opening", check, back_up)

        if self.until_painted is not None:
            self.until_painted.append(clean_up)
        else:
            clean_up()
        if back_up or check is not None:
            if self.until_painted is not None:
                self.until_painted.append(start)
            else:
                QTimer.singleShot(0, start)
        if book.path is not None:
            settings.remember_plan_book(book.path)

    def window_painted(self) -> None:
        """The window is on screen: start what waited for it (the opening check and backup)."""
        waiting, self.until_painted = self.until_painted or [], None
        for start in waiting:
            start()

    def closing(self, book: PlanBook) -> None:
        """Before ``book`` closes: one more backup when anything in it changed since it opened."""
        if book.db.conn.total_changes > self._changes_at_open:
            self.back_up("on closing")

    def is_open(self, path: Path) -> bool:
        book = self.window.book
        return book is not None and book.path is not None and book.path.resolve() == path.resolve()

    def open(
        self,
        path: Path,
        create: bool = False,
        passphrase: str | None = None,
        back_up: bool = True,
        opened: PlanBook | None = None,
    ) -> bool:
        """Open ``path`` in the window; an encrypted plan book asks its passphrase until it opens or is cancelled.
        ``opened``: ``path`` opened already (at launch, before the window was made)."""
        if self.is_open(path):
            return True  # already open here; a second connection would be refused as "in use"
        if not self.window.save_status.may_leave(self.prompter, "open another plan book", "Open without saving"):
            return False
        if opened is not None:
            book = opened
        else:
            try:
                unlocked = until_unlocked(
                    self.prompter,
                    lambda key: PlanBook.open(path, create=create, passphrase=key, check_later=True),
                    passphrase,
                    lambda: passphrase_dialog(PassphraseTask.OPEN, path.name, self.parent_widget),
                )
            except PipdeskError as error:
                self.prompter.warning("The plan book cannot be opened", str(error))
                return False
            if unlocked is None:
                return False
            book, _passphrase = unlocked
        try:
            plans = book.summaries(search_text=False)  # rows that do not read are said so before the window shows them
            book.forget_unused_attachments()  # files of attachments removed before it was last closed
        except PlanBookDamaged as error:
            book.close()
            self.prompter.warning("The plan book cannot be opened", str(error))
            return False
        try:
            self.window.set_book(book, back_up=back_up, plans=plans)
        except (PlanBookDamaged, sqlite3.DatabaseError) as error:
            if isinstance(error, sqlite3.DatabaseError) and not is_damage(error):
                raise
            # A page the check on the worker thread has not read yet, met by This week's first read.
            self._close_damaged(
                book,
                str(error)
                if isinstance(error, PlanBookDamaged)
                else f"{path}: is damaged ({error}); restore it from a backup",
            )
            return False
        return True

    def new_plan_book(self) -> None:
        path = self.prompter.save_file("New plan book", "plans.pipdesk", PLAN_BOOK_FILTER)
        if path is None:
            return
        if path.suffix == "":
            path = path.with_suffix(".pipdesk")
        if path.exists():
            self.prompter.warning(
                "New plan book", f"{path} already exists; open it with File › Open, or choose a new name."
            )
            return
        self.open(path, create=True)

    def open_dialog(self) -> None:
        path = self.prompter.open_file("Open plan book", PLAN_BOOK_FILTER)
        if path is not None:
            self.open(path)

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for path in settings.recent_plan_books():
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open(p))
        if menu.isEmpty():
            menu.addAction("No plan books yet").setEnabled(False)

    def save_copy(self) -> None:
        book = self.window.book
        assert book is not None
        path = self.prompter.save_file("Save a copy of the plan book", "plans-copy.pipdesk", PLAN_BOOK_FILTER)
        if path is None:
            return
        if book.path is not None and path.resolve() == book.path.resolve():
            raise PipdeskError("A copy cannot replace the plan book itself; choose another name")
        from pipdesk.store.backups import save_copy

        save_copy(book, path)
        same = ", with the same passphrase" if book.encrypted else ""
        self.say(f"Saved a copy to {path}{same}")

    # The passphrase

    # Backups

    def preferences(self) -> bool:
        """Edit › Preferences…: how many backups to keep; true when changed."""
        from pipdesk.gui.shell.preferences_dialog import PreferencesDialog

        keep = settings.keep_backups()
        dialog = PreferencesDialog(keep, self.backups_folder, self.parent_widget, self.prompter)
        if not self.prompter.run_dialog(dialog) or dialog.keep_backups() == keep:
            return False
        settings.KEEP_BACKUPS.write(dialog.keep_backups())
        self.say(f"The newest {dialog.keep_backups()} backups of each plan book are kept")
        return True

    def back_up_in_background(
        self, book: PlanBook, when: str, check: IntegrityCheck | None = None, take_backup: bool = True
    ) -> None:
        """:meth:`back_up` on a worker thread, through a connection of its own; a failure is said in the status bar.

        With ``check`` (the plan book's check of every page, running since it opened), the backup waits
        for it; a damaged plan book is not backed up (its copy would push a good backup out) but closed.
        """
        if book.path is None:
            return
        path, passphrase, folder, keep = (
            book.path,
            passphrase_of(book.db.conn),
            self.backups_folder,
            settings.keep_backups(),
        )

        from pipdesk.store.backups import backup_plan_book_file

        def back_up() -> None:
            try:
                if check is not None:
                    check.verdict()
                if take_backup:
                    backup_plan_book_file(path, folder, keep, passphrase)
            except PlanBookDamaged as error:
                with suppress(RuntimeError):  # the window is gone: nowhere to say it
                    self.damaged.emit(book, str(error))
            except (PipdeskError, OSError, sqlite3.Error) as error:
                with suppress(RuntimeError):  # the window is gone: nowhere to say it
                    self.backup_failed.emit(f"No backup was taken {when}: {error}")

        thread = threading.Thread(target=back_up, name="pipdesk-backup")
        self._backup_threads = [t for t in self._backup_threads if t.is_alive()] + [thread]
        thread.start()

    def wait_for_backups(self) -> None:
        """Let backups being taken on worker threads finish (before the plan book is closed or the app quits)."""
        for thread in self._backup_threads:
            thread.join()
        self._backup_threads = []

    def back_up(self, when: str) -> Path | None:
        """A dated copy of the plan book; a backup that fails is said in the status bar, never stops work."""
        book = self.window.book
        if book is None or book.path is None:
            return None
        from pipdesk.store.backups import backup_plan_book

        try:
            return backup_plan_book(book, self.backups_folder, settings.keep_backups())
        except (PipdeskError, OSError, sqlite3.Error) as error:
            self.say(f"No backup was taken {when}: {error}", 10000)
            return None

    def restore_from_backup(self) -> Path | None:
        book = self.window.book
        assert book is not None and book.path is not None
        from pipdesk.gui.shell.restore_dialog import RestoreBackupDialog
        from pipdesk.store.backups import list_backups

        current = passphrase_of(book.db.conn)
        with busy():  # each encrypted backup costs a key derivation to count its plans
            backups = list_backups(self.backups_folder, book.path.stem, current)
        dialog = RestoreBackupDialog(backups, book.path.name, self.parent_widget)
        if not self.prompter.run_dialog(dialog):
            return None
        chosen = dialog.chosen()
        if chosen is None:
            return None
        suggested = f"{book.path.stem}-restored-{chosen.taken_at:%Y%m%d-%H%M}.pipdesk"
        target = self.prompter.save_file("Restore backup as a new plan book", suggested, PLAN_BOOK_FILTER)
        if target is None:
            return None
        answer = self._restore(chosen.path, target, current if chosen.encrypted else None)
        if answer is None:
            return None
        restored, passphrase = answer
        if self.prompter.confirm(
            "Backup restored",
            f"The backup of {chosen.taken_at:%Y-%m-%d %H:%M} is restored as {restored.name}. Open it now?",
            "Open it",
        ):
            self.open(restored, passphrase=passphrase)
        return restored

    def _restore(self, backup: Path, target: Path, passphrase: str | None) -> tuple[Path, str | None] | None:
        """Restore ``backup``; an encrypted one the current passphrase does not open asks for its own.

        Returns the restored plan book and the passphrase that opened it (``None``: not encrypted).
        """

        def ask() -> PassphraseDialog:
            dialog = passphrase_dialog(PassphraseTask.OPEN, backup.name, self.parent_widget)
            dialog.setWindowTitle("Open an encrypted backup")
            dialog.ui.messageLabel.setText(
                f"The backup {backup.name} was taken with another passphrase than the plan book has now. "
                "Type the passphrase it was taken with."
            )
            return dialog

        def restore(key: str | None) -> Path:
            from pipdesk.store.backups import restore_backup

            with busy():
                return restore_backup(backup, target, key)

        # The current passphrase is tried first without the person typing it: no "wrong" to say then.
        return until_unlocked(self.prompter, restore, passphrase, ask, first_wrong_was_typed=False)
