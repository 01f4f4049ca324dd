"""Every window and dialog fits the available screen, its buttons included, on small laptop screens.

The screen is given through the one seam, ``screen.available_geometry``: 1280×720 is a 1280×720 laptop
or 1920×1080 at a scale of 150 %; 911×512 is 1366×768 at 150 %, where content scrolls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from pipdesk.gui.common import screen
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.store import PlanBook
from pipdesk.store.backups import BackupInfo

from conftest import ALEX, BETH, TODAY

SCREENS = {"1280x720": QRect(0, 0, 1280, 720), "911x512": QRect(0, 0, 911, 512)}


@pytest.fixture(params=list(SCREENS))
def available(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    rect = SCREENS[request.param]
    monkeypatch.setattr(screen, "available_geometry", lambda _widget=None: QRect(rect))
    return rect


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def assert_on_screen(window: QWidget, available: QRect) -> None:
    """The window's frame, and every button of its button box, inside the available geometry."""
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
    boxes = window.findChildren(QDialogButtonBox)
    for box in boxes:
        for button in box.findChildren(QAbstractButton):
            if button.isVisibleTo(window):
                assert available.contains(global_rect(button)), (button.text(), global_rect(button), available)
                assert window.rect().contains(QRect(button.mapTo(window, QPoint(0, 0)), button.size()))


def show(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def dialogs(book: PlanBook) -> dict[str, Callable[[], QWidget]]:
    from pipdesk.domain.pauses import pause
    from pipdesk.domain.retention import RetentionHold
    from pipdesk.gui.casefile.dialog import CaseFileDialog
    from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
    from pipdesk.gui.common.attachment_dialog import AttachmentDialog
    from pipdesk.gui.common.reason import ReasonDialog
    from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
    from pipdesk.gui.documents.export_dialog import ExportPdfDialog
    from pipdesk.gui.outcome.appeal_dialog import AppealDialog
    from pipdesk.gui.outcome.close_dialog import ClosePlanDialog
    from pipdesk.gui.outcome.extend_dialog import ExtendPlanDialog
    from pipdesk.gui.pause.dialogs import PauseDialog, ResumeDialog
    from pipdesk.gui.plan.acknowledgement_dialog import AcknowledgementDialog
    from pipdesk.gui.plan.adjustment_dialog import AdjustmentDialog
    from pipdesk.gui.plan.hr_review import HrReviewDialog
    from pipdesk.gui.plan.objective_dialog import ObjectiveDialog
    from pipdesk.gui.plan.response_dialog import ResponseDialog
    from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog
    from pipdesk.gui.records.dialogs import RetentionDialog
    from pipdesk.gui.shell.choose_book import ChooseBookDialog
    from pipdesk.gui.shell.passphrase_dialog import PassphraseDialog, PassphraseTask
    from pipdesk.gui.shell.preferences_dialog import PreferencesDialog
    from pipdesk.gui.shell.restore_dialog import RestoreBackupDialog
    from pipdesk.gui.subjectaccess.dialog import SubjectAccessDialog

    plan = book.get(ALEX)
    paused = plan.model_copy(deep=True)
    pause(paused, TODAY - dt.timedelta(days=9), "Sickness absence", dt.datetime(2026, 11, 14, tzinfo=dt.UTC))
    backups = [
        BackupInfo(Path(f"/tmp/backups/plans-{n}.pipdesk"), dt.datetime(2026, 11, n, 9, 30), 4, 81920)
        for n in range(1, 21)
    ]
    shortcuts = [QAction(text) for text in ("&New plan…", "&Delete plan…", "New plan &book…", "&Undo", "Save &as…")]
    for action, keys in zip(
        shortcuts, ("Ctrl+N", "Ctrl+Shift+Del", "Ctrl+Shift+N", "Ctrl+Z", "Ctrl+Shift+S"), strict=True
    ):
        action.setShortcut(QKeySequence(keys))
    return {
        "new plan": lambda: NewPlanDialog(TODAY, manager="Sam Lee"),
        "objective": lambda: ObjectiveDialog(plan, plan.objectives[0].key),
        "acknowledgement": lambda: AcknowledgementDialog(plan, TODAY),
        "check-in form": lambda: CheckinFormDialog(plan, TODAY),
        "employee's response": lambda: ResponseDialog(plan, TODAY),
        "close plan": lambda: ClosePlanDialog(plan, TODAY),
        "extend plan": lambda: ExtendPlanDialog(plan, TODAY),
        "passphrase": lambda: PassphraseDialog(PassphraseTask.CHANGE, "plans.pipdesk"),
        "preferences": lambda: PreferencesDialog(10, Path("/tmp/a/rather/long/folder/for/the/backups")),
        "restore backup": lambda: RestoreBackupDialog(backups, "plans.pipdesk"),
        "export PDF": lambda: ExportPdfDialog(plan),
        "reason": lambda: ReasonDialog("The end date moves from 30 Nov 2026 to 14 Dec 2026."),
        "keyboard shortcuts": lambda: shortcuts_dialog(shortcuts),
        "pause plan": lambda: PauseDialog(plan, TODAY),
        "resume plan": lambda: ResumeDialog(paused, TODAY),
        "adjustment": lambda: AdjustmentDialog(plan, len(plan.adjustments), TODAY),
        "HR review": lambda: HrReviewDialog(plan, TODAY, sent_only=False),
        "appeal": lambda: AppealDialog(book.get(BETH), TODAY),
        "case file": lambda: CaseFileDialog(book.get(BETH)),
        "attach file": lambda: AttachmentDialog("Signed plan <b>&amp;</b> — Ikeda-Łukasiewicz.pdf", 182_344, TODAY),
        "subject access": lambda: SubjectAccessDialog(
            "Beth Ikeda-Łukasiewicz", Path("/tmp/exports"), ScriptedPrompter()
        ),
        "import plan file into": lambda: ChooseBookDialog(
            "Plan <b>&amp;</b> — Ikeda-Łukasiewicz.pipdesk.json",
            [Path(f"/home/sam/Documents/a rather long folder name/for plan books/team {n}.pipdesk") for n in range(9)],
            ScriptedPrompter(),
            open_now=Path("/home/sam/Documents/a rather long folder name/for plan books/team 0.pipdesk"),
        ),
        "retention hold": lambda: RetentionDialog(
            "Plan 2, “Customer communication” for Beth Ikeda-Łukasiewicz",
            dt.date(2026, 5, 25),
            3,
            RetentionHold(dt.date(2031, 1, 1), "Tribunal claim pending"),
            TODAY,
        ),
    }


def shortcuts_dialog(shortcuts: list[QAction]) -> QWidget:
    from pipdesk.gui.shell.shortcuts_dialog import ShortcutsDialog

    return ShortcutsDialog(shortcuts)


DIALOGS = [
    "new plan",
    "objective",
    "acknowledgement",
    "check-in form",
    "employee's response",
    "close plan",
    "extend plan",
    "passphrase",
    "preferences",
    "restore backup",
    "export PDF",
    "reason",
    "pause plan",
    "resume plan",
    "keyboard shortcuts",
    "adjustment",
    "HR review",
    "appeal",
    "case file",
    "retention hold",
    "attach file",
    "subject access",
    "import plan file into",
]


@pytest.mark.parametrize("name", DIALOGS)
def test_each_dialog_and_its_buttons_fit_the_screen(qtbot: QtBot, book: PlanBook, available: QRect, name: str) -> None:
    dialog = show(qtbot, dialogs(book)[name]())
    assert dialog.findChildren(QDialogButtonBox), "a dialog closes through its button box"
    assert_on_screen(dialog, available)


def test_the_close_dialog_wraps_its_text_rather_than_scroll_sideways(
    qtbot: QtBot, book: PlanBook, available: QRect
) -> None:
    from pipdesk.gui.outcome.close_dialog import ClosePlanDialog

    dialog = show(qtbot, ClosePlanDialog(book.get(ALEX), TODAY))
    areas = dialog.findChildren(QScrollArea)
    assert areas
    # Scroll bars follow the layout a moment after the dialog shows.
    qtbot.waitUntil(lambda: not any(area.horizontalScrollBar().isVisible() for area in areas), timeout=2000)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()


def test_the_main_window_and_its_status_bar_fit_the_screen(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, available: QRect
) -> None:
    from pipdesk.gui.shell.main_window import MainWindow

    window = show(qtbot, MainWindow(book, prompter=prompter, today=lambda: TODAY))
    assert_on_screen(window, available)
    assert isinstance(window, MainWindow)
    assert available.contains(global_rect(window.statusBar()))


def test_a_saved_window_place_off_this_screen_is_not_restored(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, available: QRect
) -> None:
    from pipdesk.gui.shell import settings
    from pipdesk.gui.shell.main_window import MainWindow

    big = MainWindow(book, prompter=prompter, today=lambda: TODAY)
    qtbot.addWidget(big)
    big.setGeometry(0, 20, 1920, 1200)  # saved on a larger screen, or at a smaller scale factor
    settings.WINDOW_GEOMETRY.write(big.saveGeometry())
    big.book = None  # the book stays with the second window

    window = show(qtbot, MainWindow(book, prompter=prompter, today=lambda: TODAY))
    assert_on_screen(window, available)
    assert isinstance(window, MainWindow)
    assert available.contains(global_rect(window.statusBar()))


def test_the_print_preview_fills_the_screen_at_page_width(qtbot: QtBot, book: PlanBook, available: QRect) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from pipdesk.gui.documents.printing import preview_dialog
    from pipdesk.reports import render_plan

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = show(qtbot, preview_dialog(printer, render_plan(book.get(ALEX)), None))
    assert_on_screen(dialog, available)
    assert dialog.width() >= available.width() * 0.8
    assert dialog.height() >= available.height() * 0.8
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    assert preview.zoomMode() is QPrintPreviewWidget.ZoomMode.FitToWidth


def test_the_timeline_legend_shows_every_entry_whole(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, available: QRect
) -> None:
    from pipdesk.gui.shell.main_window import MainWindow

    window = MainWindow(book, prompter=prompter, today=lambda: TODAY)
    show(qtbot, window)
    assert isinstance(window, MainWindow)
    window.select_plan(ALEX)
    window.ui.viewTabs.setCurrentWidget(window.ui.timelineTab)
    frame = window.timeline.ui.legendFrame
    labels = [label for label in frame.findChildren(QLabel) if label.text()]
    assert len(labels) == 16  # 13 looks, the paused band and the adjustments' two

    def whole(label: QLabel) -> bool:
        inside = QRect(label.mapTo(frame, QPoint(0, 0)), label.size())
        return label.isVisible() and label.width() >= label.sizeHint().width() and frame.rect().contains(inside)

    qtbot.waitUntil(lambda: all(whole(label) for label in labels), timeout=2000)


@pytest.mark.parametrize("kind", ["warning", "question", "information"])
def test_a_message_too_long_for_the_screen_keeps_its_buttons_on_it_and_the_whole_text_in_its_details(
    qtbot: QtBot, available: QRect, kind: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from pipdesk.gui.common.message_boxes import message_box, question_box, warning_box

    problems = "\n".join(
        f"• Objective {n} “Send a written plan of the week by ten each Monday”, metric: No metric: say how "
        "you will measure it, e.g. a count or a share of the work done on time"
        for n in range(1, 25)
    )
    text = f"Fix these first; each is marked in the plan:\n\n{problems}"
    box = {
        "warning": lambda: warning_box("The plan cannot be issued yet", text),
        "question": lambda: question_box("Issue plan", text, "Issue plan"),
        "information": lambda: message_box(QMessageBox.Icon.Information, "Plan issued", text),
    }[kind]()
    show(qtbot, box)
    assert available.contains(box.frameGeometry()), (box.frameGeometry(), available)
    for button in box.buttons():
        assert available.contains(global_rect(button)), button.text()
    assert box.text().endswith("under Show Details.") and box.detailedText().startswith(text)


def test_a_short_message_is_left_whole(qtbot: QtBot, available: QRect) -> None:
    from pipdesk.gui.common.message_boxes import warning_box

    box = show(qtbot, warning_box("The plan was not saved", "The disk is full.", "Traceback: …"))
    assert box.text() == "The disk is full." and box.detailedText() == "Traceback: …"
