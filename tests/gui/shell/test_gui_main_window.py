"""The main window ties the views together: the start view, the Plan menu, the timeline's clicks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.domain import Status
from pipdesk.gui.outcome.extend_dialog import ExtendPlanDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.gui.shell.runner import run_command
from pipdesk.store import PlanBook

from conftest import TODAY, load_sample, prompter_of


def test_this_week_is_the_start_view_and_a_row_opens_its_plan(window: MainWindow) -> None:
    assert window.ui.stack.currentWidget() is window.ui.thisWeekPage
    assert window.ui.thisWeekButton.isChecked()
    window.this_week.plan_activated.emit(3)
    assert window.ui.stack.currentWidget() is window.ui.planPage
    assert window.session is not None and window.session.plan.employee.name == "Carl Nguyễn"
    window.ui.thisWeekButton.click()
    assert window.ui.stack.currentWidget() is window.ui.thisWeekPage


def test_plan_menu_follows_the_plan_status(window: MainWindow) -> None:
    ui = window.ui
    expected = {  # plan id: (issue, new check-in, close, extend)
        1: (False, True, True, True),
        2: (False, False, False, True),  # closed: reopened only by an extension
        4: (True, False, False, False),
    }
    for plan_id, enabled in expected.items():
        window.select_plan(plan_id)
        actions = (ui.actionIssuePlan, ui.actionNewCheckin, ui.actionCloseWithOutcome, ui.actionExtend)
        assert tuple(a.isEnabled() for a in actions) == enabled, plan_id


def test_extend_from_the_plan_menu_grows_the_schedule_with_a_reason(window: MainWindow) -> None:
    window.select_plan(3)
    assert window.session is not None
    before = window.session.plan

    def extend(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExtendPlanDialog)
        dialog.set_new_end(dt.date(2026, 12, 18))
        dialog.ui.reasonEdit.setPlainText("Second extension agreed at the review on 23 November.")
        return not dialog.problems()

    prompter_of(window).expect("dialog", extend)
    window.ui.actionExtend.trigger()
    plan = window.session.plan
    assert (plan.status, plan.end_date) == (Status.EXTENDED, dt.date(2026, 12, 18))
    assert len(plan.milestones) > len(before.milestones)
    end_change = next(r for r in reversed(plan.revisions) if r.field == "end_date")
    assert (end_change.old, end_change.new) == ("2026-09-30", "2026-12-18")
    assert end_change.reason == "Second extension agreed at the review on 23 November."
    assert window.book is not None and window.book.get(3) == plan


def test_new_checkin_opens_the_form_on_the_checkins_tab(window: MainWindow) -> None:
    window.select_plan(1)
    seen: list[str] = []

    def cancel(dialog: QDialog) -> bool:
        seen.append(type(dialog).__name__)
        return False

    prompter_of(window).expect("dialog", cancel)
    window.ui.actionNewCheckin.trigger()
    assert seen and "Checkin" in seen[0]
    assert window.ui.viewTabs.currentWidget() is window.ui.checkinsTab
    assert window.session is not None and len(window.session.plan.checkins) == 8


def test_clicking_a_held_checkin_on_the_timeline_opens_it_in_the_log(window: MainWindow) -> None:
    window.select_plan(1)
    window.timeline.checkin_activated.emit(2)
    assert window.ui.viewTabs.currentWidget() is window.ui.checkinsTab


def test_export_calendar_from_the_plan_menu(window: MainWindow, tmp_path: Path) -> None:
    window.select_plan(1)
    prompter_of(window).expect("save_file", tmp_path / "alex.ics")
    window.ui.actionExportCalendar.trigger()
    calendar = icalendar.Calendar.from_ical((tmp_path / "alex.ics").read_bytes())
    dates = sorted(event.decoded("DTSTART") for event in calendar.walk("VEVENT"))
    assert dates[0] >= TODAY and dates[-1] == dt.date(2026, 12, 21)


def test_a_fault_in_a_command_is_shown_plainly_logged_and_the_app_goes_on(
    window: MainWindow, private_user_folders: Path
) -> None:
    window.select_plan(1)
    run_command(window.prompter, lambda: 1 / 0)
    warning = prompter_of(window).warnings()[-1]
    assert warning.title == "Something went wrong"
    assert "ZeroDivisionError" in warning.text and warning.details and "Traceback" in warning.details
    logs = list(private_user_folders.rglob("pipdesk.log"))
    assert logs and "ZeroDivisionError" in logs[0].read_text()
    assert window.isVisible() and window.session is not None


def test_the_error_box_copies_its_details_and_stays_open(qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    from pipdesk.gui.common.message_boxes import warning_box

    box = warning_box("Something went wrong", "pipdesk hit an unexpected error.", "Traceback (most recent call last)")
    qtbot.addWidget(box)
    box.show()
    copy = next(b for b in box.buttons() if b.text() == "Copy details")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Traceback (most recent call last)"
    assert box.isVisible() and copy.text() == "Copied"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    plain = warning_box("pipdesk", "A message without details.")
    qtbot.addWidget(plain)
    assert [b.text() for b in plain.buttons()] == ["OK"]  # no copy button without details


def test_without_a_path_the_app_opens_the_plan_book_used_last(qtbot: QtBot, tmp_path: Path) -> None:
    from pipdesk.gui.shell.main_window import start_window
    from pipdesk.gui.shell.settings import remember_plan_book

    used = tmp_path / "last.pipdesk"
    with PlanBook.open(used) as book:
        book.add(load_sample("alex-delivery-active"))
    remember_plan_book(used)
    window = start_window(None)
    qtbot.addWidget(window)
    assert window.book is not None and window.book.path == used
    assert window.proxy.rowCount() == 1
    window.close()


def test_a_burst_of_edits_reads_the_plan_list_once_after_typing_pauses(window: MainWindow, qtbot: QtBot) -> None:
    window.select_plan(1)
    assert window.book is not None and window.session is not None
    reads: list[int] = []
    summaries = window.book.summaries
    window.book.summaries = lambda **kw: reads.append(1) or summaries(**kw)  # type: ignore[method-assign]
    for letter in "abcde":
        window.session.change("Edit title", lambda plan, c=letter: setattr(plan, "title", plan.title + c))
    assert reads == []
    qtbot.waitUntil(lambda: len(reads) == 1, timeout=2000)
    qtbot.wait(400)
    assert len(reads) == 1
    assert window.plans.rows[window.plans.row_of(1)].title.endswith("abcde")


def test_the_overdue_badge_says_it_counts_items_not_plans(window: MainWindow) -> None:
    overdue = window.this_week.overdue_count()
    assert overdue > 1, "the samples have several things past their date"
    assert window.ui.overdueBadge.text() == f"{overdue} items overdue"


def test_every_line_filled_from_the_plan_shows_its_start(window: MainWindow) -> None:
    """A long job title showed as "r Service Representative": setText leaves the cursor at the end."""
    from PySide6.QtWidgets import QLineEdit

    from conftest import ALEX

    assert window.select_plan(ALEX)
    fields = window.editor.findChildren(QLineEdit)
    filled = [e for e in fields if e.text() and not e.isHidden() and e.objectName() != "qt_spinbox_lineedit"]
    assert filled
    assert [e.objectName() for e in filled if e.cursorPosition() != 0] == []


def _samples_opened_over_own_plans(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Path]:
    """A manager's own plan book, used last; pipdesk started, and the welcome's Open sample plans clicked."""
    from pipdesk.gui.shell.main_window import start_window
    from pipdesk.gui.shell.settings import remember_plan_book

    own = tmp_path / "mine.pipdesk"
    with PlanBook.open(own) as book:
        book.add(load_sample("alex-delivery-active"))
    remember_plan_book(own)
    window = start_window(None)
    qtbot.addWidget(window)
    window.window_painted()  # the first screen painted: its buttons answer from now on
    window.welcome.ui.openSamplesButton.click()
    return window, own


def test_the_sample_plans_never_take_the_place_of_the_managers_own_plan_book(qtbot: QtBot, tmp_path: Path) -> None:
    from pipdesk.gui.shell.main_window import start_window
    from pipdesk.gui.shell.settings import recent_plan_books

    window, own = _samples_opened_over_own_plans(qtbot, tmp_path)
    assert window.book is not None and window.book.path == window.samples_path
    assert window.windowTitle().startswith("Sample plans")
    assert window.ui.plansHeading.text() == "Sample plans"
    assert window.ui.ownPlansButton.isVisibleTo(window)
    window.close()

    again = start_window(None)
    qtbot.addWidget(again)
    assert again.book is not None and again.book.path == own
    assert recent_plan_books()[0] == own.resolve()
    assert not again.ui.ownPlansButton.isVisibleTo(again)
    again.close()


def test_the_way_back_from_the_sample_plans_opens_the_managers_own_plan_book(qtbot: QtBot, tmp_path: Path) -> None:
    window, own = _samples_opened_over_own_plans(qtbot, tmp_path)
    window.ui.ownPlansButton.click()
    assert window.book is not None and window.book.path == own
    assert window.ui.plansHeading.text() == "Plans"
    window.close()
