"""Plan › Erase plan for good…, Anonymise plan… and Retention hold…, driven through the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.domain.retention import RetentionHold
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.records.dialogs import RetentionDialog
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.store import PlanBook
from pipdesk.store.backups import backup_plan_book, list_backups
from pipdesk.store.erasure import erasure_log, retention_holds

from conftest import ALEX, BETH, TODAY, answer_reason, load_sample


def _window(qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter) -> tuple[MainWindow, PlanBook, Path]:
    book = PlanBook.open(tmp_path / "plans.pipdesk")
    book.add_many(load_sample(n) for n in ("alex-delivery-active", "beth-communication-closed"))
    backups = tmp_path / "backups"
    backup_plan_book(book, backups, keep=5)
    window = MainWindow(book, prompter=prompter, today=lambda: TODAY, backups_folder=backups)
    qtbot.addWidget(window)
    return window, book, backups


def test_erase_asks_why_confirms_naming_the_plan_and_reaches_the_backups(
    qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    window, book, backups = _window(qtbot, tmp_path, prompter)
    assert window.select_plan(BETH) and window.session is not None
    window.session.change("Rename", lambda plan: setattr(plan, "title", "Customer communication (renamed)"))
    prompter.expect("dialog", answer_reason("Past retention")).expect("confirm", True)

    window.ui.actionErasePlan.trigger()

    assert prompter.shown[0].title == "Erase plan: the reason"
    confirm = next(s for s in prompter.shown if s.kind == "confirm")
    assert "“Customer communication (renamed)” for Beth Ikeda-Łukasiewicz (plan 2, closed)" in confirm.text
    assert "cannot be undone" in confirm.text
    assert BETH not in book.plan_ids()
    assert not window.undo_group.canUndo()  # the rename's undo step went with the plan
    assert [b.plan_count for b in list_backups(backups, "plans")] == [1]
    assert prompter.shown[-1].text == "Erased plan 2 (B.I.Ł.) from this plan book and 1 backup."
    assert [e.reason for e in erasure_log(book)] == ["Past retention"]
    window.close()


def test_erase_cancelled_at_the_confirmation_keeps_everything(
    qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    window, book, _backups = _window(qtbot, tmp_path, prompter)
    assert window.select_plan(BETH)
    prompter.expect("dialog", answer_reason("Past retention")).expect("confirm", False)
    window.ui.actionErasePlan.trigger()
    assert BETH in book.plan_ids() and erasure_log(book) == []
    assert window.session is not None and window.session.plan_id == BETH
    window.close()


def test_anonymise_shows_the_plan_anonymised_and_undo_cannot_bring_the_names_back(
    qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    window, _book, _backups = _window(qtbot, tmp_path, prompter)
    assert window.select_plan(ALEX) and window.session is not None
    window.session.change("Rename", lambda plan: setattr(plan, "title", "Delivery (renamed)"))
    prompter.expect("dialog", answer_reason("Statistics only")).expect("confirm", True)

    window.ui.actionAnonymisePlan.trigger()

    assert window.session is not None and window.session.plan_id == ALEX
    assert window.session.plan.employee.name == "Employee A"
    assert "Employee A" in window.ui.planHeading.text() and "Alex" not in window.ui.planHeading.text()
    assert not window.undo_group.canUndo()
    assert "cannot be undone" in next(s for s in prompter.shown if s.kind == "confirm").text
    assert prompter.shown[-1].text == "Anonymised plan 1 (A.M.) in this plan book and 1 backup."
    window.close()


def test_a_retention_hold_set_in_its_dialog_puts_the_plan_in_this_week(
    qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    window, book, _backups = _window(qtbot, tmp_path, prompter)
    assert window.select_plan(BETH)
    seen: list[str] = []

    def keep_until_june(dialog: QDialog) -> bool:
        assert isinstance(dialog, RetentionDialog)
        seen.append(dialog.intro.text())
        dialog.own_date.setChecked(True)
        dialog.until.setDate(dt.date(2026, 6, 30))
        dialog.reason.setPlainText("Employee asked for erasure after the appeal window")
        dialog.grab().save(str(tmp_path / "retention.png"))
        return True

    prompter.expect("dialog", keep_until_june)
    window.ui.actionRetentionHold.trigger()

    assert seen == [
        "Plan 2, “Customer communication” for Beth Ikeda-Łukasiewicz: closed on Monday 25 May 2026; by the "
        "retention period (3 years) it is kept until Friday 25 May 2029."
    ]
    assert retention_holds(book) == {
        BETH: RetentionHold(dt.date(2026, 6, 30), "Employee asked for erasure after the appeal window")
    }
    rows = [
        (
            window.this_week.model.data(window.this_week.model.index(row, 0)),
            window.this_week.model.data(window.this_week.model.index(row, 2)),
        )
        for row in range(window.this_week.model.rowCount())
    ]
    assert ("Past retention: erase or anonymise (1)", None) in rows
    assert ("Since 1 Jul 2026", "Past retention: erase or anonymise “Customer communication”") in rows
    window.close()


def test_the_hold_dialog_refuses_a_hold_without_a_reason(qtbot: QtBot) -> None:
    dialog = RetentionDialog("Plan 2", dt.date(2026, 5, 25), 3, None, TODAY)
    qtbot.addWidget(dialog)
    dialog.own_date.setChecked(True)
    assert dialog.problems() == ["Say why this plan is kept until that date: the plan book keeps the reason."]
    dialog.own_date.setChecked(False)
    assert dialog.problems() == [] and dialog.hold() is None


def test_anonymise_refused_for_a_plan_changed_outside_pipdesk_shows_it_again_and_says_why(
    qtbot: QtBot, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    window, book, _backups = _window(qtbot, tmp_path, prompter)
    assert window.select_plan(ALEX)
    book.db.execute("UPDATE plans SET summary = 'Changed by hand' WHERE id = ?", [ALEX])
    prompter.expect("dialog", answer_reason("Statistics only")).expect("confirm", True)

    window.ui.actionAnonymisePlan.trigger()

    assert "was changed outside pipdesk" in prompter.warnings()[-1].text
    assert book.get(ALEX).employee.name == "Alex Moreno" and erasure_log(book) == []
    assert window.session is not None and window.session.plan_id == ALEX
    window.close()
