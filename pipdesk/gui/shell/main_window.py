"""The main window: the plan list on the left, the selected plan's views on the right, the menus.

A frame only: its actions are a table (:mod:`.actions`), its plan book opens and closes in
:mod:`.book`, its settings are declared in :mod:`.settings`, and the commands live in the features.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from pipdesk.domain import vocabulary
from pipdesk.domain.kinds import Status
from pipdesk.gui.common.prompts import Prompter, Prompts
from pipdesk.gui.common.save_status import SaveStatus
from pipdesk.gui.common.screen import fit_to_screen, fits
from pipdesk.gui.forms.ui_main_window import Ui_MainWindow
from pipdesk.gui.forms.ui_welcome import Ui_WelcomeView
from pipdesk.gui.plans.folders import own_samples_path, own_templates_folder
from pipdesk.gui.plans.model import PLAN_ID_ROLE, PlanFilterProxy, PlanListModel, keep_plan_selected, show_plans
from pipdesk.gui.shell import help_menu, settings
from pipdesk.gui.shell.book import PlanBooks
from pipdesk.gui.shell.runner import run_command
from pipdesk.gui.shell.window_actions import WindowActions
from pipdesk.gui.week.view import ThisWeekView
from pipdesk.store import PlanBook, PlanSummary

if TYPE_CHECKING:
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.shell.plan_views import PlanViews


class WelcomeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelcomeView()
        self.ui.setupUi(self)
        font = self.ui.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.heading.setFont(font)
        self.where = QLabel(self)  # where the plan book and its backups are (help_menu.where)
        self.where.setObjectName("whereLabel")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ui.layout.insertWidget(self.ui.layout.count() - 1, self.where)  # above the bottom spacer


class MainWindow(QMainWindow):
    """The app's one window, on one plan book at a time."""

    def __init__(
        self,
        book: PlanBook | None = None,
        prompter: Prompts | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        templates_folder: Path | None = None,
        samples_path: Path | None = None,
        backups_folder: Path | None = None,
        actions_after_paint: bool = False,
    ) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.prompter = prompter or Prompter(self)
        self.save_status = SaveStatus(self)
        self.today = today
        self.templates_folder = templates_folder or own_templates_folder()
        self.samples_path = samples_path or own_samples_path()
        settings.never_remember(self.samples_path)  # opening the samples never hides the manager's own plans
        self.book: PlanBook | None = None
        self.session: PlanSession | None = None
        self.sessions: dict[int, PlanSession] = {}
        self.books = PlanBooks(self, self, self.prompter, backups_folder)

        self.plans = PlanListModel(today=today, parent=self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.plans)
        table = self.ui.planTable
        show_plans(table, self.proxy)
        table.selectionModel().currentRowChanged.connect(self._plan_selected)
        self.ui.searchEdit.textChanged.connect(self.proxy.set_search)
        keep_plan_selected(table, self.proxy, lambda: self.session.plan_id if self.session else None)
        self.proxy.modelReset.connect(self._show_filter_state)
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

        self.welcome = WelcomeView(self.ui.welcomePage)  # each view made in its page: moving one costs ~2 ms (#21)
        self.ui.welcomeLayout.addWidget(self.welcome)
        self._plan_views: PlanViews | None = None  # made when first wanted (plan_views.py)
        #: At launch (``start_window``): when This week is in front, open the last plan after the first paint.
        self.open_plan_later = False
        self.this_week = ThisWeekView(today, self.ui.thisWeekPage, settings.retention_years)
        self.ui.thisWeekLayout.addWidget(self.this_week)
        self.this_week.plan_activated.connect(self.select_plan)
        self.ui.thisWeekButton.clicked.connect(self.show_this_week)
        self.ui.planTable.clicked.connect(lambda _index: self.show_plan_page())

        self._list_refresh = QTimer(self)
        self._list_refresh.setSingleShot(True)
        self._list_refresh.setInterval(300)
        self._list_refresh.timeout.connect(self.refresh_plans)
        self.save_status.saved_again.connect(self._list_refresh.start)

        self.undo_group = QUndoGroup(self)
        self.window_actions = WindowActions(self, self.welcome.ui, self.undo_group)
        if not actions_after_paint:
            self.window_actions.install()
        self._restore_layout()
        if book is not None:
            self.set_book(book)
        else:
            self.window_actions.update()

    undo_action = property(lambda self: self.window_actions.undo_redo()[0], doc="Edit › Undo, of the plan shown.")
    redo_action = property(lambda self: self.window_actions.undo_redo()[1], doc="Edit › Redo, of the plan shown.")

    # The open plan's views, made when first wanted

    def plan_views(self) -> PlanViews:
        if self._plan_views is None:
            from pipdesk.gui.shell.plan_views import PlanViews

            self.window_actions.install()  # a plan shown before the paint (nothing due): its view's buttons run them
            self._plan_views = PlanViews(self)
        return self._plan_views

    editor = property(lambda self: self.plan_views().editor, doc="The plan tab: the plan itself.")
    timeline = property(lambda self: self.plan_views().timeline, doc="The timeline tab.")
    checkins = property(lambda self: self.plan_views().checkins, doc="The check-ins tab.")
    outcome = property(lambda self: self.plan_views().outcome, doc="The outcome tab.")

    # The plan book

    def open_plan_book(
        self, path: Path, create: bool = False, passphrase: str | None = None, back_up: bool = True
    ) -> bool:
        """Open ``path`` in the window; an encrypted plan book asks its passphrase until it opens or is cancelled."""
        return self.books.open(path, create=create, passphrase=passphrase, back_up=back_up)

    def set_book(self, book: PlanBook, back_up: bool = True, plans: list[PlanSummary] | None = None) -> None:
        self.close_book()
        self.book = book
        self.books.opened(book, back_up)
        self.welcome.where.setText(help_menu.where(book.path, self.books.backups_folder))
        self.this_week.set_book(book)
        samples = self.books.is_open(self.samples_path)
        if book.path is not None:
            locked = " (encrypted)" if book.encrypted else ""
            self.setWindowTitle(f"{'Sample plans' if samples else book.path.name}{locked} — pipdesk")
        self.ui.plansHeading.setText("Sample plans" if samples else "Plans")
        self.ui.ownPlansButton.setVisible(samples)
        self.refresh_plans(plans)
        if self.this_week.model.items() and self.open_plan_later:
            self.show_this_week()  # the start view, when anything is due; the plan opens once it is painted
            self.window_actions.update()  # what the plan book allows (New plan, Import…) before any plan is open
        else:
            self.open_last_plan()
        if not self.open_plan_later:  # at launch: once painted (window_painted)
            QTimer.singleShot(0, self.proxy.prepare_search)
        self.open_plan_later = False

    def window_painted(self) -> None:
        """At launch, once the first screen is painted: the actions are installed, the opening check and backup
        start, the last plan opens."""
        self.window_actions.install()
        self.books.window_painted()
        self.open_last_plan()
        QTimer.singleShot(0, self.proxy.prepare_search)

    def open_last_plan(self) -> None:
        """Select the plan shown last in this plan book, else the first; This week stays in front if anything is due."""
        book = self.book
        if book is None or self.session is not None:
            return
        last = settings.last_plan_setting(book.path).read() if book.path else 0
        if not (last and self.select_plan(last)) and self.proxy.rowCount() > 0:
            self.ui.planTable.selectRow(0)
        if self.this_week.model.items():
            self.show_this_week()  # the start view, when anything is due

    def close_book(self) -> None:
        self._list_refresh.stop()
        self.books.wait_for_backups()
        self._show_session(None)
        self.this_week.set_book(None)
        for plan_id in list(self.sessions):
            self.forget_session(plan_id, show_none=False)
        if self.book is not None:
            self.books.closing(self.book)
            self.book.close()
            self.book = None

    # The plans

    def refresh_plans(self, plans: list[PlanSummary] | None = None) -> None:
        """Read the plan list and This week again (``plans``: the list, when just read)."""
        current = self.session.plan_id if self.session else None
        book = self.book
        self.plans.more_text = book.search_texts if book is not None else None
        self.plans.set_rows(plans if plans is not None else book.summaries(search_text=False) if book else [])
        self.this_week.refresh()
        overdue = self.this_week.overdue_count()
        # It counts meetings, support actions and outcomes past their date, not plans: its words say so.
        self.ui.overdueBadge.setText(f"{vocabulary.count(overdue, 'item')} overdue" if overdue else "")
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
        self.show_plan_page()
        return True

    def _plan_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.book is None:
            return
        plan_id = int(current.data(PLAN_ID_ROLE))
        if self.session is not None and self.session.plan_id == plan_id:
            return
        session = self.sessions.get(plan_id)
        if session is None:
            from pipdesk.gui.common.session import PlanSession  # the plan's models load with the first plan

            session = PlanSession(self.book, plan_id, self)
            session.changed.connect(self._plan_changed)
            self.save_status.watch(session)
            self.sessions[plan_id] = session
            self.undo_group.addStack(session.undo_stack)
        self._show_session(session)

    def _show_session(self, session: PlanSession | None) -> None:
        self.session = session
        if session is not None or self._plan_views is not None:
            for view in self.plan_views().all():
                view.set_session(session)
        if session is None:
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]  # None: no plan, nothing to undo
            has_plans = self.plans.rowCount() > 0
            self.ui.stack.setCurrentWidget(self.ui.thisWeekPage if has_plans else self.ui.welcomePage)
        else:
            self.undo_group.setActiveStack(session.undo_stack)
            self.show_plan_page()
            if self.book is not None and self.book.path is not None:
                settings.last_plan_setting(self.book.path).write(session.plan_id)
        self._update_heading()
        self.window_actions.update()

    def show_plan_page(self) -> None:
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

    def open_response(self, index: int) -> None:
        if (session := self.session) is not None:
            from pipdesk.gui.plan.responses import edit_response

            command = lambda: edit_response(session, self.prompter, self.today(), index, self)  # noqa: E731
            run_command(self.prompter, command)

    def _plan_changed(self) -> None:
        self._update_heading()
        self.window_actions.update()
        # Once typing pauses, not on every keystroke: the list is re-read whole (10,000 plans: ~0.1 s).
        self._list_refresh.start()

    def _update_heading(self) -> None:
        if self.session is None:
            self.ui.planHeading.setText("")
            return
        plan = self.session.plan
        days = f"{vocabulary.period(plan.start_date, plan.end_date)} ({vocabulary.length(plan.length_days)})"
        hidden = "Hidden by the search or status filter: " if self.proxy.row_of(self.session.plan_id) < 0 else ""
        status = vocabulary.status(plan.status, plan.paused)
        self.ui.planHeading.setText(f"{hidden}{plan.employee.name} · {plan.title} · {status} · {days}")

    def _show_filter_state(self) -> None:
        """Say when no plan matches the search, and when the plan shown is one the filter hides."""
        words = self.ui.searchEdit.text().strip()
        self.ui.noMatchLabel.setText(f"No plan matches “{words}”" if words else "No plan of this status")
        self.ui.noMatchLabel.setVisible(self.proxy.rowCount() == 0 and self.plans.rowCount() > 0)
        self._update_heading()

    def forget_session(self, plan_id: int, show_none: bool = True) -> None:
        """Let go of a plan's session (the plan is going, or the plan book is)."""
        session = self.sessions.pop(plan_id)
        self.save_status.forget(session)
        if show_none:
            self._show_session(None)
        self.undo_group.removeStack(session.undo_stack)

    # Window state

    def _restore_layout(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.read()
        # A place saved on another screen, or at another scale factor, is not restored when it would not fit now.
        if geometry.isEmpty() or not (self.restoreGeometry(geometry) and fits(self, self.normalGeometry())):
            fit_to_screen(self, QSize(1280, 800))
        splitter = settings.WINDOW_SPLITTER.read()
        if not splitter.isEmpty():
            self.ui.splitter.restoreState(splitter)
        else:
            self.ui.splitter.setSizes([570, 870])

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.WINDOW_GEOMETRY.write(self.saveGeometry())
        settings.WINDOW_SPLITTER.write(self.ui.splitter.saveState())
        if self._plan_views is not None:
            self.editor.setFocus()  # a field being edited commits on leaving it
        QApplication.processEvents()
        if not self.save_status.may_leave(self.prompter, "close pipdesk", "Close without saving"):
            event.ignore()
            return
        self.close_book()
        super().closeEvent(event)


def start_window(
    path: Path | None, passphrase: str | None = None, opened: PlanBook | None = None, **options: Any
) -> MainWindow:
    """The main window on ``path``, else the plan book used last, else the default one in the data folder.

    A plan book that cannot be opened is said so in a message; the window opens all the same. What the
    first screen does not show waits for :meth:`MainWindow.window_painted` (``run_app`` calls it once
    the window is painted), its actions' keys, tips and commands too (``WindowActions``: the form's own states
    say what a window without a plan allows). ``opened``: that plan book, opened already (``open_files.open_ahead``).
    ``options`` go to :class:`MainWindow` (tests).
    """
    window = MainWindow(actions_after_paint=True, **options)
    window.open_plan_later = True
    window.books.until_painted = []
    target = opened.path if opened is not None and opened.path is not None else settings.first_plan_book(path)
    window.books.open(target, create=True, passphrase=passphrase, opened=opened)
    return window
