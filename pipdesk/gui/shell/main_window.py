"""The main window: the plan list on the left, the selected plan's views on the right, the menus."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import platformdirs
from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from pipdesk import __version__
from pipdesk.domain import Person, PipdeskError, Plan, PlanInvalid, Status
from pipdesk.domain.schedule import generate_schedule
from pipdesk.domain.smart import issue_blockers
from pipdesk.gui.checkins.log import CheckinsTab
from pipdesk.gui.common.prompts import Prompter
from pipdesk.gui.common.save_status import SaveStatus
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.forms.ui_main_window import Ui_MainWindow
from pipdesk.gui.forms.ui_welcome import Ui_WelcomeView
from pipdesk.gui.outcome.commands import close_with_outcome, extend_plan
from pipdesk.gui.outcome.view import OutcomeView
from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
from pipdesk.gui.plan.editor import PlanEditor
from pipdesk.gui.plans.model import PLAN_ID_ROLE, PlanFilterProxy, PlanListModel, keep_plan_selected
from pipdesk.gui.plans.new_plan_dialog import NewPlanAnswers, NewPlanDialog
from pipdesk.gui.shell.passphrase_dialog import PassphraseDialog, PassphraseTask
from pipdesk.gui.shell.settings import last_plan_book, recent_plan_books, remember_plan_book, settings
from pipdesk.gui.timeline.view import TimelineView
from pipdesk.gui.week.view import ThisWeekView
from pipdesk.planfile import dump_plan_file, parse_plan_file
from pipdesk.services.samples import add_demo_plans
from pipdesk.services.templates import TemplateExists, list_templates, plan_from_template, save_as_template
from pipdesk.store import PlanBook, default_plan_book_path
from pipdesk.store.backups import (
    backup_plan_book,
    backup_plan_book_file,
    default_backups_folder,
    list_backups,
    restore_backup,
    save_copy,
)
from pipdesk.store.connection import (
    PassphraseNeeded,
    PlanBookDamaged,
    WrongPassphrase,
    explain_database_error,
    passphrase_of,
)
from pipdesk.store.driver import normalized, sqlite3
from pipdesk.store.leftovers import clean_up_leftovers, find_leftovers, remove_leftovers, say_removed
from pipdesk.system.resources import resource_path
from pipdesk.system.safe_write import write_private_file

_T = TypeVar("_T")

if TYPE_CHECKING:
    from pipdesk.gui.documents.export_dialog import DocumentChoice

PLAN_BOOK_FILTER = "Plan books (*.pipdesk);;All files (*)"
PLAN_FILE_FILTER = "Plan files (*.json);;All files (*)"


def own_templates_folder() -> Path:
    return Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / "templates"


class WelcomeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelcomeView()
        self.ui.setupUi(self)
        font = self.ui.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.heading.setFont(font)


class MainWindow(QMainWindow):
    """The app's one window, on one plan book at a time."""

    #: A backup on a worker thread failed: the status bar message (emitted from that thread).
    backup_failed = Signal(str)

    def __init__(
        self,
        book: PlanBook | None = None,
        prompter: Prompter | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        templates_folder: Path | None = None,
        samples_path: Path | None = None,
        backups_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.prompter = prompter or Prompter(self)
        self.save_status = SaveStatus(self)
        self.today = today
        self.templates_folder = templates_folder or own_templates_folder()
        self.samples_path = samples_path or own_templates_folder().parent / "samples.pipdesk"
        self.backups_folder = backups_folder or default_backups_folder()
        self._backup_threads: list[threading.Thread] = []
        self.backup_failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self._changes_at_open = 0
        self.book: PlanBook | None = None
        self.session: PlanSession | None = None
        self.sessions: dict[int, PlanSession] = {}
        self.setWindowIcon(QIcon(str(resource_path("icons", "pipdesk.svg"))))

        self.plans = PlanListModel(today=today, parent=self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.plans)
        table = self.ui.planTable
        table.setModel(self.proxy)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.sortByColumn(PlanListModel.EMPLOYEE, Qt.SortOrder.AscendingOrder)
        for column, width in ((0, 150), (1, 170), (2, 66), (3, 66), (4, 96)):
            table.horizontalHeader().resizeSection(column, width)
        table.selectionModel().currentRowChanged.connect(self._plan_selected)
        self.ui.searchEdit.textChanged.connect(self.proxy.set_search)
        keep_plan_selected(table, self.proxy, lambda: self.session.plan_id if self.session else None)
        self.ui.statusFilter.addItem("All statuses", None)
        for status in Status:
            self.ui.statusFilter.addItem(status.label, status)
        self.ui.statusFilter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.ui.statusFilter.currentData())
        )
        heading_font = self.ui.plansHeading.font()
        heading_font.setBold(True)
        self.ui.plansHeading.setFont(heading_font)
        self.ui.planHeading.setFont(heading_font)

        self.welcome = WelcomeView(self)
        self.ui.welcomeLayout.addWidget(self.welcome)
        self.editor = PlanEditor(self.prompter, self)
        self.ui.planTabLayout.addWidget(self.editor)
        self.timeline = TimelineView(self.prompter, today, self)
        self.ui.timelineTabLayout.addWidget(self.timeline)
        self.checkins = CheckinsTab(self.prompter, today, self)
        self.ui.checkinsTabLayout.addWidget(self.checkins)
        self.outcome = OutcomeView(self.prompter, today, self)
        self.ui.outcomeTabLayout.addWidget(self.outcome)
        self.this_week = ThisWeekView(today, self)
        self.ui.thisWeekLayout.addWidget(self.this_week)
        self.timeline.checkin_activated.connect(self.open_checkin)
        self.this_week.plan_activated.connect(self.select_plan)
        self.ui.thisWeekButton.clicked.connect(self.show_this_week)
        self.ui.planTable.clicked.connect(lambda _index: self._show_plan_page())

        self._list_refresh = QTimer(self)
        self._list_refresh.setSingleShot(True)
        self._list_refresh.setInterval(300)
        self._list_refresh.timeout.connect(self.refresh_plans)
        self.save_status.saved_again.connect(self._list_refresh.start)

        self.undo_group = QUndoGroup(self)
        self._setup_actions()
        self._restore_layout()
        if book is not None:
            self.set_book(book)
        else:
            self._update_actions()

    # Actions

    def _setup_actions(self) -> None:
        ui = self.ui
        undo = self.undo_group.createUndoAction(self, "&Undo")
        redo = self.undo_group.createRedoAction(self, "&Redo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        ui.menuEdit.addAction(undo)
        ui.menuEdit.addAction(redo)
        ui.menuEdit.addSeparator()
        ui.menuEdit.addAction(ui.actionPreferences)
        self.undo_action, self.redo_action = undo, redo
        shortcuts: list[tuple[QAction, QKeySequence.StandardKey | str]] = [
            (ui.actionNewPlanBook, "Ctrl+Shift+N"),
            (ui.actionOpen, QKeySequence.StandardKey.Open),
            (ui.actionSaveCopy, QKeySequence.StandardKey.SaveAs),
            (ui.actionImportPlan, "Ctrl+I"),
            (ui.actionExportPlan, "Ctrl+E"),
            (ui.actionExportPdf, "Ctrl+Shift+E"),
            (ui.actionPrint, QKeySequence.StandardKey.Print),
            (ui.actionQuit, QKeySequence.StandardKey.Quit),
            (ui.actionNewPlan, QKeySequence.StandardKey.New),
            (ui.actionKeyboardShortcuts, QKeySequence.StandardKey.HelpContents),
        ]
        for action, key in shortcuts:
            action.setShortcut(QKeySequence(key))
        ui.actionDeletePlan.setShortcut(QKeySequence("Ctrl+Shift+Del"))
        connections: list[tuple[QAction, Callable[[], object]]] = [
            (ui.actionNewPlanBook, self.new_plan_book),
            (ui.actionOpen, self.open_plan_book_dialog),
            (ui.actionSaveCopy, self.save_copy),
            (ui.actionRestoreBackup, self.restore_from_backup),
            (ui.actionPreferences, self.preferences),
            (ui.actionSetPassphrase, lambda: self.change_passphrase(PassphraseTask.SET)),
            (ui.actionChangePassphrase, lambda: self.change_passphrase(PassphraseTask.CHANGE)),
            (ui.actionRemovePassphrase, lambda: self.change_passphrase(PassphraseTask.REMOVE)),
            (ui.actionImportPlan, self.import_plan_file),
            (ui.actionExportPlan, self.export_plan_file),
            (ui.actionQuit, self.close),
            (ui.actionNewPlan, self.new_plan),
            (ui.actionNewFromTemplate, self.new_plan_from_template),
            (ui.actionSaveAsTemplate, self.save_plan_as_template),
            (ui.actionIssuePlan, self.issue_plan),
            (ui.actionRecordAcknowledgement, self.record_acknowledgement),
            (ui.actionDeletePlan, self.delete_plan),
            (ui.actionAbout, self.about),
            (ui.actionKeyboardShortcuts, self.keyboard_shortcuts),
        ]
        for action, slot in connections:
            action.triggered.connect(lambda _checked=False, s=slot: self._guarded(s))
        ui.actionExportPdf.triggered.connect(lambda: self._guarded(self.export_pdf))
        ui.actionPrint.triggered.connect(lambda: self._guarded(lambda: self.print_document(preview=False)))
        ui.actionPrintPreview.triggered.connect(lambda: self._guarded(lambda: self.print_document(preview=True)))
        ui.actionNewCheckin.setShortcut(QKeySequence("Ctrl+K"))
        for action, slot in (
            (ui.actionNewCheckin, self.new_checkin),
            (ui.actionExportCalendar, self.export_calendar),
            (ui.actionExtend, self.extend_plan),
            (ui.actionCloseWithOutcome, self.close_with_outcome),
        ):
            action.triggered.connect(lambda _checked=False, s=slot: self._guarded(s))
        self.welcome.ui.newPlanButton.clicked.connect(lambda: self._guarded(self.new_plan))
        self.welcome.ui.newFromTemplateButton.clicked.connect(lambda: self._guarded(self.new_plan_from_template))
        self.welcome.ui.openSamplesButton.clicked.connect(lambda: self._guarded(self.open_sample_plans))
        ui.menuOpenRecent.aboutToShow.connect(self._fill_recent_menu)

    def _guarded(self, slot: Callable[[], object]) -> None:
        """Run a menu command; a problem the person can act on is shown, never a traceback."""
        try:
            slot()
        except PlanInvalid as error:
            self.prompter.warning("pipdesk", error.args[0] if error.args else str(error))
        except PipdeskError as error:
            self.prompter.warning("pipdesk", str(error))
        except sqlite3.Error as error:
            self.prompter.warning("pipdesk", f"The plan book could not be written: {explain_database_error(error)}")
        except Exception as error:  # a fault in pipdesk: said plainly, logged in full, the app keeps running
            self.show_unexpected_error(error)

    def show_unexpected_error(self, error: BaseException) -> None:
        """Every edit is saved as it is made, so after a fault nothing typed before it is lost."""
        import traceback

        from pipdesk.system.diagnostics import log_unexpected_error

        log = log_unexpected_error(error)
        self.prompter.warning(
            "Something went wrong",
            f"pipdesk hit an unexpected error ({type(error).__name__}: {error}).\n\n"
            f"Everything saved before it is kept. The details are in {log}; "
            "copy them below if you report the problem.",
            details="".join(traceback.format_exception(error)),
        )

    def _update_actions(self) -> None:
        has_book = self.book is not None
        plan = self.session.plan if self.session else None
        ui = self.ui
        for action in (
            ui.actionSaveCopy,
            ui.actionRestoreBackup,
            ui.actionImportPlan,
            ui.actionNewPlan,
            ui.actionNewFromTemplate,
        ):
            action.setEnabled(has_book)
        encrypted = self.book is not None and self.book.encrypted
        ui.actionSetPassphrase.setEnabled(has_book and not encrypted)
        ui.actionChangePassphrase.setEnabled(encrypted)
        ui.actionRemovePassphrase.setEnabled(encrypted)
        for action in (
            ui.actionExportPlan,
            ui.actionSaveAsTemplate,
            ui.actionDeletePlan,
            ui.actionExportPdf,
            ui.actionPrint,
            ui.actionPrintPreview,
        ):
            action.setEnabled(plan is not None)
        running = plan is not None and plan.status in (Status.ACTIVE, Status.EXTENDED)
        ui.actionIssuePlan.setEnabled(plan is not None and plan.status is Status.DRAFT)
        ui.actionRecordAcknowledgement.setEnabled(running)
        ui.actionNewCheckin.setEnabled(running)
        ui.actionCloseWithOutcome.setEnabled(running)
        ui.actionExportCalendar.setEnabled(running)
        # A closed plan is reopened only by an extension with a reason.
        ui.actionExtend.setEnabled(running or (plan is not None and plan.status is Status.CLOSED))

    # The plan book

    def set_book(self, book: PlanBook, back_up: bool = True) -> None:
        self._close_book()
        self.book = book
        self._changes_at_open = book.db.conn.total_changes
        self._clean_up_leftovers(book)
        if back_up:
            # Taken on a worker thread once the window is up: on a large plan book a copy takes a moment.
            QTimer.singleShot(0, lambda: self._back_up_in_background(book, "on opening") if self.book is book else None)
        self.this_week.set_book(book)
        if book.path is not None:
            remember_plan_book(book.path)
            locked = " (encrypted)" if book.encrypted else ""
            self.setWindowTitle(f"{book.path.name}{locked} — pipdesk")
        self.refresh_plans()
        last = settings().value(f"last_plan/{book.path}", None) if book.path else None
        if not (last is not None and self.select_plan(int(str(last)))) and self.proxy.rowCount() > 0:
            self.ui.planTable.selectRow(0)
        if self.this_week.model.items():
            self.show_this_week()  # the start view, when anything is due

    def _close_book(self) -> None:
        self._list_refresh.stop()
        self.wait_for_backups()
        self._show_session(None)
        self.this_week.set_book(None)
        for session in self.sessions.values():
            self.save_status.forget(session)
            self.undo_group.removeStack(session.undo_stack)
        self.sessions.clear()
        if self.book is not None:
            if self.book.db.conn.total_changes > self._changes_at_open:
                self._back_up("on closing")
            self.book.close()
            self.book = None

    def _is_open(self, path: Path) -> bool:
        return self.book is not None and self.book.path is not None and self.book.path.resolve() == path.resolve()

    def open_plan_book(
        self, path: Path, create: bool = False, passphrase: str | None = None, back_up: bool = True
    ) -> bool:
        """Open ``path`` in the window; an encrypted plan book asks its passphrase until it opens or is cancelled."""
        if self._is_open(path):
            return True  # already open here; a second connection would be refused as "in use"
        if not self.save_status.may_leave(self.prompter, "open another plan book", "Open without saving"):
            return False
        try:
            opened = self._until_unlocked(
                lambda key: PlanBook.open(path, create=create, passphrase=key),
                passphrase,
                lambda: PassphraseDialog(PassphraseTask.OPEN, path.name, self),
            )
        except PipdeskError as error:
            self.prompter.warning("The plan book cannot be opened", str(error))
            return False
        if opened is None:
            return False
        book, _passphrase = opened
        try:
            book.summaries()  # a plan book whose rows do not read is said so before the window shows it
        except PlanBookDamaged as error:
            book.close()
            self.prompter.warning("The plan book cannot be opened", str(error))
            return False
        self.set_book(book, back_up=back_up)
        return True

    def change_passphrase(self, task: PassphraseTask) -> bool:
        """Set, change or remove the open plan book's passphrase; the plan book is reopened with the new one."""
        from pipdesk.store.encryption import change_passphrase

        assert self.book is not None and self.book.path is not None
        if not self.save_status.may_leave(self.prompter, "change the passphrase", "Go on without saving"):
            return False
        path, old = self.book.path, passphrase_of(self.book.db.conn)
        dialog = PassphraseDialog(task, path.name, self)
        while True:
            if not self.prompter.run_dialog(dialog):
                return False
            if task is PassphraseTask.SET or normalized(dialog.current() or "") == normalized(old or ""):
                break
            dialog.say_wrong()
        new = dialog.new()
        plan_id = self.session.plan_id if self.session else None
        self._close_book()
        try:
            with _busy():
                change_passphrase(path, old, new)
        except PipdeskError as error:
            self.prompter.warning("The passphrase was not changed", str(error))
            new = old  # the plan book is as it was
        if not self.open_plan_book(path, passphrase=new, back_up=False):
            return False
        if plan_id is not None:
            self.select_plan(plan_id)
        if new == old:
            return False
        # A backup with the new passphrase before any other backup is offered for deletion.
        self._back_up("with the new passphrase")
        done = {
            PassphraseTask.SET: "is encrypted now",
            PassphraseTask.CHANGE: "opens with the new passphrase now",
            PassphraseTask.REMOVE: "is no longer encrypted",
        }
        self.statusBar().showMessage(f"{path.name} {done[task]}", 10000)
        if task is PassphraseTask.SET:
            self._offer_to_delete_plain_backups(path)
        return True

    def _clean_up_leftovers(self, book: PlanBook) -> None:
        """Remove what a pipdesk stopped mid-task left beside the plan book or its backups; say it in the status bar."""
        if removed := clean_up_leftovers(book, self.backups_folder):
            self.statusBar().showMessage(say_removed(removed), 30000)

    def _offer_to_delete_plain_backups(self, path: Path) -> None:
        """Backups taken before the passphrase was set can be read by anyone who gets them: offer to delete them.

        With them, unencrypted files a pipdesk stopped mid-task left (an unfinished backup, say) and
        that could not be removed on opening, each said for what it is.
        """
        plain = [b for b in list_backups(self.backups_folder, path.stem) if not b.encrypted]
        stray = [left for left in find_leftovers(path, self.backups_folder) if left.unencrypted]
        if not plain and not stray:
            return
        text = (
            f"{len(plain)} backup(s) of {path.name} were taken before it had a passphrase: anyone who gets "
            f"them can read them. An encrypted backup was just taken. Delete the unencrypted ones from "
            f"{self.backups_folder}?"
            if plain
            else f"Files left by a pipdesk stopped mid-task hold {path.name}'s plans unencrypted. Delete them?"
        )
        if stray:
            text += "\n\nAlso left unencrypted by a pipdesk stopped mid-task:\n" + "\n".join(
                f"• {left.describe()}" for left in stray
            )
        if self.prompter.confirm("Unencrypted backups", text, "Delete them"):
            for backup in plain:
                backup.path.unlink(missing_ok=True)
            assert self.book is not None
            gone = remove_leftovers(self.book, stray)
            also = f" and {len(gone)} unencrypted leftover(s)" if gone else ""
            self.statusBar().showMessage(f"Deleted {len(plain)} unencrypted backup(s){also} of {path.name}", 10000)

    def keep_backups(self) -> int:
        value = settings().value("backups/keep", 10)
        try:
            return max(1, int(str(value)))
        except ValueError:
            return 10

    def preferences(self) -> bool:
        """Edit › Preferences…: how many backups to keep; true when changed."""
        from pipdesk.gui.shell.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.keep_backups(), self.backups_folder, self)
        if not self.prompter.run_dialog(dialog) or dialog.keep_backups() == self.keep_backups():
            return False
        settings().setValue("backups/keep", dialog.keep_backups())
        self.statusBar().showMessage(f"The newest {dialog.keep_backups()} backups of each plan book are kept", 5000)
        return True

    def _back_up_in_background(self, book: PlanBook, when: str) -> None:
        """:meth:`_back_up` on a worker thread, through a connection of its own; a failure is said in the status bar."""
        if book.path is None:
            return
        path, passphrase, folder, keep = (
            book.path,
            passphrase_of(book.db.conn),
            self.backups_folder,
            self.keep_backups(),
        )

        def back_up() -> None:
            try:
                backup_plan_book_file(path, folder, keep, passphrase)
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

    def _back_up(self, when: str) -> Path | None:
        """A dated copy of the plan book; a backup that fails is said in the status bar, never stops work."""
        if self.book is None or self.book.path is None:
            return None
        try:
            path = backup_plan_book(self.book, self.backups_folder, self.keep_backups())
        except (PipdeskError, OSError, sqlite3.Error) as error:
            self.statusBar().showMessage(f"No backup was taken {when}: {error}", 10000)
            return None
        return path

    def restore_from_backup(self) -> Path | None:
        assert self.book is not None and self.book.path is not None
        from pipdesk.gui.shell.restore_dialog import RestoreBackupDialog

        current = passphrase_of(self.book.db.conn)
        with _busy():  # each encrypted backup costs a key derivation to count its plans
            backups = list_backups(self.backups_folder, self.book.path.stem, current)
        dialog = RestoreBackupDialog(backups, self.book.path.name, self)
        if not self.prompter.run_dialog(dialog):
            return None
        chosen = dialog.chosen()
        if chosen is None:
            return None
        suggested = f"{self.book.path.stem}-restored-{chosen.taken_at:%Y%m%d-%H%M}.pipdesk"
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
            self.open_plan_book(restored, passphrase=passphrase)
        return restored

    def _restore(self, backup: Path, target: Path, passphrase: str | None) -> tuple[Path, str | None] | None:
        """Restore ``backup``; an encrypted one the current passphrase does not open asks for its own.

        Returns the restored plan book and the passphrase that opened it (``None``: not encrypted).
        """

        def ask() -> PassphraseDialog:
            dialog = PassphraseDialog(PassphraseTask.OPEN, backup.name, self)
            dialog.setWindowTitle("Open an encrypted backup")
            dialog.ui.messageLabel.setText(
                f"The backup {backup.name} was taken with another passphrase than the plan book has now. "
                "Type the passphrase it was taken with."
            )
            return dialog

        def restore(key: str | None) -> Path:
            with _busy():
                return restore_backup(backup, target, key)

        # The current passphrase is tried first without the person typing it: no "wrong" to say then.
        return self._until_unlocked(restore, passphrase, ask, first_wrong_was_typed=False)

    def _until_unlocked(
        self,
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
                if not self.prompter.run_dialog(dialog):
                    return None
                passphrase = dialog.current()

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
        self.open_plan_book(path, create=True)

    def open_plan_book_dialog(self) -> None:
        path = self.prompter.open_file("Open plan book", PLAN_BOOK_FILTER)
        if path is not None:
            self.open_plan_book(path)

    def _fill_recent_menu(self) -> None:
        menu = self.ui.menuOpenRecent
        menu.clear()
        for path in recent_plan_books():
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_plan_book(p))
        if menu.isEmpty():
            menu.addAction("No plan books yet").setEnabled(False)

    def save_copy(self) -> None:
        assert self.book is not None
        path = self.prompter.save_file("Save a copy of the plan book", "plans-copy.pipdesk", PLAN_BOOK_FILTER)
        if path is None:
            return
        if self.book.path is not None and path.resolve() == self.book.path.resolve():
            raise PipdeskError("A copy cannot replace the plan book itself; choose another name")
        save_copy(self.book, path)
        same = ", with the same passphrase" if self.book.encrypted else ""
        self.statusBar().showMessage(f"Saved a copy to {path}{same}", 5000)

    def refresh_plans(self) -> None:
        current = self.session.plan_id if self.session else None
        self.plans.set_rows(self.book.summaries() if self.book else [])
        self.this_week.refresh()
        overdue = self.this_week.overdue_count()
        self.ui.overdueBadge.setText(f"{overdue} overdue" if overdue else "")
        self.ui.overdueBadge.setVisible(bool(overdue))
        self.ui.thisWeekButton.setToolTip(
            f"What is due across all plans; {overdue} past their date" if overdue else "What is due across all plans"
        )
        if current is not None:
            self.select_plan(current)
        if self.plans.rowCount() == 0:
            self._show_session(None)

    def select_plan(self, plan_id: int) -> bool:
        row = self.plans.row_of(plan_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.plans.index(row, 0))
        if not index.isValid():
            self.ui.searchEdit.clear()
            self.ui.statusFilter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.plans.index(row, 0))
        self.ui.planTable.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self._show_plan_page()
        return True

    def _plan_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.book is None:
            return
        plan_id = int(current.data(PLAN_ID_ROLE))
        if self.session is not None and self.session.plan_id == plan_id:
            return
        session = self.sessions.get(plan_id)
        if session is None:
            session = PlanSession(self.book, plan_id, self)
            session.changed.connect(self._plan_changed)
            self.save_status.watch(session)
            self.sessions[plan_id] = session
            self.undo_group.addStack(session.undo_stack)
        self._show_session(session)

    def _show_session(self, session: PlanSession | None) -> None:
        self.session = session
        for view in (self.editor, self.timeline, self.checkins, self.outcome):
            view.set_session(session)
        if session is None:
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]  # None: no plan, nothing to undo
            has_plans = self.plans.rowCount() > 0
            self.ui.stack.setCurrentWidget(self.ui.thisWeekPage if has_plans else self.ui.welcomePage)
        else:
            self.undo_group.setActiveStack(session.undo_stack)
            self._show_plan_page()
            if self.book is not None and self.book.path is not None:
                settings().setValue(f"last_plan/{self.book.path}", session.plan_id)
        self._update_heading()
        self._update_actions()

    def _show_plan_page(self) -> None:
        if self.session is not None:
            self.ui.stack.setCurrentWidget(self.ui.planPage)
            self.ui.thisWeekButton.setChecked(False)

    def show_this_week(self) -> None:
        """The start view: what is due and overdue across every plan of the plan book."""
        self.this_week.refresh()
        self.ui.stack.setCurrentWidget(self.ui.thisWeekPage if self.plans.rowCount() else self.ui.welcomePage)
        self.ui.thisWeekButton.setChecked(True)

    def open_checkin(self, index: int) -> None:
        self.ui.viewTabs.setCurrentWidget(self.ui.checkinsTab)
        self.checkins.open_checkin(index)

    def _plan_changed(self) -> None:
        self._update_heading()
        self._update_actions()
        # Once typing pauses, not on every keystroke: the list is re-read whole (10,000 plans: ~0.1 s).
        self._list_refresh.start()

    def _update_heading(self) -> None:
        plan = self.session.plan if self.session else None
        if plan is None:
            self.ui.planHeading.setText("")
            return
        days = f"{plan.start_date.isoformat()} – {plan.end_date.isoformat()} ({plan.length_days} days)"
        self.ui.planHeading.setText(f"{plan.employee.name} · {plan.title} · {plan.status.label} · {days}")

    # Plans

    def _add_plan(self, plan: Plan) -> int:
        assert self.book is not None
        plan_id = self.book.add(plan)
        self.refresh_plans()
        self.select_plan(plan_id)
        return plan_id

    def _ask_new_plan(self, templates: list | None) -> NewPlanAnswers | None:  # type: ignore[type-arg]
        manager = str(settings().value("manager_name", ""))
        dialog = NewPlanDialog(self.today(), manager=manager, templates=templates, parent=self)
        if not self.prompter.run_dialog(dialog):
            return None
        answers = dialog.answers()
        settings().setValue("manager_name", answers.manager)
        return answers

    def new_plan(self) -> int | None:
        if self.book is None:
            return None
        answers = self._ask_new_plan(None)
        if answers is None:
            return None
        plan = Plan(
            title=answers.title,
            employee=Person(name=answers.employee, job_title=answers.job_title),
            manager=Person(name=answers.manager),
            start_date=answers.start,
            end_date=answers.end,
            checkin_every_days=answers.every_days,
        )
        return self._add_plan(plan)

    def new_plan_from_template(self) -> int | None:
        if self.book is None:
            return None
        listing = list_templates(self.templates_folder)
        if listing.problems:
            self.prompter.warning(
                "Some templates cannot be read", "\n".join(str(problem) for problem in listing.problems)
            )
        answers = self._ask_new_plan(list(listing.templates))
        if answers is None or answers.template is None:
            return None
        plan = plan_from_template(
            answers.template,
            Person(name=answers.employee, job_title=answers.job_title),
            Person(name=answers.manager),
            answers.start,
            answers.end,
            answers.every_days,
        )
        plan.title = answers.title
        return self._add_plan(plan)

    def save_plan_as_template(self) -> None:
        assert self.session is not None
        plan = self.session.plan
        name = self.prompter.ask_text("Save as template", "Name of the template:", plan.title)
        if name is None or not name.strip():
            return
        description = f"From “{plan.title}”: {len(plan.objectives)} objectives, {len(plan.support)} support actions"
        try:
            path = save_as_template(plan, name.strip(), description, self.templates_folder)
        except TemplateExists as exists:
            if not self.prompter.confirm("Save as template", f"{exists}.\n\nReplace it?", "Replace template"):
                return
            path = save_as_template(plan, name.strip(), description, self.templates_folder, replace=True)
        self.statusBar().showMessage(f"Saved the template “{name.strip()}” ({path.name})", 5000)

    def open_sample_plans(self) -> None:
        """Open the sample plans in a plan book of their own, so they never mix with real plans."""
        if self._is_open(self.samples_path):
            assert self.book is not None
            add_demo_plans(self.book)
            self.refresh_plans()
            return
        with PlanBook.open(self.samples_path) as samples:
            add_demo_plans(samples)
        self.open_plan_book(self.samples_path)

    def issue_plan(self) -> None:
        assert self.session is not None
        plan = self.session.plan
        blockers = issue_blockers(plan)
        if blockers:
            lines = "\n".join(f"• {_where(plan, p.path)}: {p.message}" for p in blockers)
            self.prompter.warning(
                "The plan cannot be issued yet", f"Fix these first; each is marked in the plan:\n\n{lines}"
            )
            return
        today = self.today()
        if not self.prompter.confirm(
            "Issue plan",
            f"Issue “{plan.title}” to {plan.employee.name} today ({today.isoformat()})?\n\n"
            "The check-in schedule is set from the cadence. After issue, every change to dates, objectives, "
            "support or commitments asks for a reason and is kept in the plan's history.",
            "Issue plan",
        ):
            return
        every_days = plan.checkin_every_days or 7

        def issue(draft: Plan) -> None:
            draft.status = Status.ACTIVE
            draft.issued_on = today
            if not draft.milestones:
                draft.milestones = generate_schedule(draft.start_date, draft.end_date, every_days)

        problems = self.session.change("Issue plan", issue)
        if problems:
            raise PlanInvalid(problems, intro="The plan could not be issued")
        self.statusBar().showMessage(f"Issued “{plan.title}” on {today.isoformat()}", 5000)

    def record_acknowledgement(self) -> None:
        assert self.session is not None
        dialog = AcknowledgementDialog(self.session.plan, self.today(), self)
        if not self.prompter.run_dialog(dialog):
            return
        acknowledgement = dialog.acknowledgement()
        problems = self.session.change(
            "Record acknowledgement", lambda plan: setattr(plan, "acknowledgement", acknowledgement)
        )
        if problems:
            raise PlanInvalid(problems, intro="The acknowledgement was not recorded")

    def delete_plan(self) -> None:
        assert self.session is not None and self.book is not None
        plan = self.session.plan
        lost = [
            f"{len(plan.objectives)} objectives",
            f"{len(plan.checkins)} check-ins",
            f"{len(plan.concerns)} concerns with their evidence",
            f"{len(plan.revisions)} revisions of its history",
        ]
        if not self.prompter.confirm(
            "Delete plan",
            f"Delete “{plan.title}” for {plan.employee.name} ({plan.status.label.lower()})?\n\n"
            f"This removes the plan with its {', '.join(lost)}. It cannot be undone; export the plan file "
            "first if HR may need it.",
            "Delete plan",
        ):
            return
        plan_id = self.session.plan_id
        session = self.sessions.pop(plan_id)
        self.save_status.forget(session)
        self._show_session(None)
        self.undo_group.removeStack(session.undo_stack)
        self.book.delete(plan_id)
        self.refresh_plans()
        if self.proxy.rowCount():
            self.ui.planTable.selectRow(0)

    def import_plan_file(self) -> int | None:
        path = self.prompter.open_file("Import plan file", PLAN_FILE_FILTER)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError as error:
            raise PipdeskError(f"{path} cannot be read ({error.strerror})") from None
        try:
            plan = parse_plan_file(data)
        except PlanInvalid as error:
            self.prompter.warning(
                "The plan file cannot be imported",
                f"{path.name} has {len(error.problems)} problem(s); nothing was imported.",
                details="\n".join(str(p) for p in error.problems),
            )
            return None
        return self._add_plan(plan)

    def export_plan_file(self) -> None:
        assert self.session is not None
        plan = self.session.plan
        suggested = f"{plan.employee.name} - {plan.title}.json".replace("/", "-")
        path = self.prompter.save_file("Export plan file", suggested, PLAN_FILE_FILTER)
        if path is None:
            return
        write_private_file(path, dump_plan_file(plan).encode("utf-8"))
        self.statusBar().showMessage(f"Exported to {path}", 5000)

    # Check-ins, calendar, outcome

    def new_checkin(self) -> None:
        assert self.session is not None
        self._show_plan_page()
        self.ui.viewTabs.setCurrentWidget(self.ui.checkinsTab)
        self.checkins.new_checkin()

    def export_calendar(self) -> Path | None:
        assert self.session is not None and self.book is not None
        from pipdesk.services.calendar import export_calendar

        plan = self.session.plan
        suggested = f"{plan.employee.name} - {plan.title}.ics".replace("/", "-")
        path = self.prompter.save_file("Export calendar", suggested, "Calendar files (*.ics)")
        if path is None:
            return None
        events = export_calendar(self.book, self.session.plan_id, path, self.today())
        self.statusBar().showMessage(f"Wrote {events} upcoming milestones to {path.name}", 5000)
        return path

    def extend_plan(self) -> bool:
        assert self.session is not None
        self._show_plan_page()
        return extend_plan(self.session, self.prompter, self.today, self)

    def close_with_outcome(self) -> bool:
        assert self.session is not None
        self._show_plan_page()
        closed = close_with_outcome(self.session, self.prompter, self.today, self)
        if closed:
            self.ui.viewTabs.setCurrentWidget(self.ui.outcomeTab)
        return closed

    # Documents

    def _choose_document(self, for_print: bool) -> tuple[Plan, DocumentChoice] | None:
        assert self.session is not None
        from pipdesk.gui.documents.export_dialog import ExportPdfDialog  # ReportLab loads on first use only

        plan = self.session.plan
        dialog = ExportPdfDialog(plan, for_print=for_print, parent=self)
        if not self.prompter.run_dialog(dialog):
            return None
        return plan, dialog.choice()

    def export_pdf(self) -> Path | None:
        chosen = self._choose_document(for_print=False)
        if chosen is None:
            return None
        plan, choice = chosen
        path = self.prompter.save_file("Export PDF", choice.file_name(plan), "PDF documents (*.pdf)")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from pipdesk.reports import render

        write_private_file(path, render(choice.kind, plan, choice.options, choice.checkin_index))
        self.statusBar().showMessage(f"Exported {path.name}", 5000)
        if choice.open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def print_document(self, preview: bool) -> bool:
        """Print (or preview) the same pages Export PDF writes."""
        chosen = self._choose_document(for_print=True)
        if chosen is None:
            return False
        plan, choice = chosen
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

        from pipdesk.gui.documents.printing import print_pdf
        from pipdesk.reports import render

        data = render(choice.kind, plan, choice.options, choice.checkin_index)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(choice.file_name(plan).removesuffix(".pdf"))
        if preview:
            preview_dialog = QPrintPreviewDialog(printer, self)
            preview_dialog.paintRequested.connect(lambda target: print_pdf(data, target))
            return self.prompter.run_dialog(preview_dialog)
        if not self.prompter.run_dialog(QPrintDialog(printer, self)):
            return False
        pages = print_pdf(data, printer)
        self.statusBar().showMessage(f"Sent {pages} pages to the printer", 5000)
        return True

    # Help

    def about(self) -> None:
        self.prompter.info(
            "About pipdesk",
            f"pipdesk {__version__}\n\nDraft, run and close Performance Improvement Plans, offline. "
            "Your plans stay in your plan book on this computer; pipdesk makes no network connection.",
        )

    def keyboard_shortcuts(self) -> None:
        actions = [a for a in self.findChildren(QAction) if not a.shortcut().isEmpty() and a.text()]
        lines = sorted(
            f"{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}\t{a.text().replace('&', '')}"
            for a in actions
        )
        self.prompter.info("Keyboard shortcuts", "\n".join(lines))

    # Window state

    def _restore_layout(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = store.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.ui.splitter.restoreState(splitter)
        else:
            self.ui.splitter.setSizes([570, 870])

    def closeEvent(self, event: QCloseEvent) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/splitter", self.ui.splitter.saveState())
        self.editor.setFocus()  # a field being edited commits on leaving it
        QApplication.processEvents()
        if not self.save_status.may_leave(self.prompter, "close pipdesk", "Close without saving"):
            event.ignore()
            return
        self._close_book()
        super().closeEvent(event)


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor over work of a second or so on the GUI thread (key derivations, rewriting a plan book)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _where(plan: Plan, path: tuple[str | int, ...]) -> str:
    """Where a problem is, as the manager sees it: "Objective 2 “Send a status report”, metric"."""
    parts = [p for p in path if p != "plan"]
    nouns = {"objectives": "Objective", "concerns": "Concern", "support": "Support action", "milestones": "Milestone"}
    if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int) and parts[0] in nouns:
        items = getattr(plan, parts[0])
        item = items[parts[1]] if parts[1] < len(items) else None
        name = getattr(item, "title", None) or getattr(item, "area", None) or getattr(item, "description", "")
        where = f"{nouns[parts[0]]} {parts[1] + 1} “{name}”"
        rest = [str(p).replace("_", " ") for p in parts[2:]]
        return ", ".join([where, *rest])
    return " ".join(str(p).replace("_", " ") for p in parts).capitalize() or "Plan"


def start_window(path: Path | None, passphrase: str | None = None) -> MainWindow:
    """The main window on ``path``, else the plan book used last, else the default one in the data folder.

    A plan book that cannot be opened is said so in a message; the window opens all the same.
    """
    window = MainWindow()
    last = last_plan_book()
    target = path or (last if last is not None and last.exists() else None) or default_plan_book_path()
    window.open_plan_book(target, create=True, passphrase=passphrase)
    return window
