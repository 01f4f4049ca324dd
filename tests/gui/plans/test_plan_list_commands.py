"""The plan list's commands as plain functions: a plan book, a scripted prompter and today in, a result out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pipdesk.domain import PipdeskError, Status
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.words import where
from pipdesk.gui.plans import commands
from pipdesk.gui.plans.new_plan_dialog import NewPlanDialog
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY, sample_path


def fill_new_plan(employee: str, title: str, template: str | None = None):  # type: ignore[no-untyped-def]
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewPlanDialog)
        row = [t.name for t in dialog.templates].index(template) if template else 0
        dialog.fill(employee, title, manager="Dana Whitfield", template_row=row)
        return True

    return fill


def test_a_new_plan_is_a_draft_for_the_person_and_period_asked(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    prompter.expect("dialog", fill_new_plan("Priya Raman", "Delivery predictability"))
    added = commands.new_plan(book, prompter, TODAY)
    assert added is not None and added.manager == "Dana Whitfield"
    plan = book.get(added.plan_id)
    assert (plan.employee.name, plan.title, plan.status, plan.start_date) == (
        "Priya Raman",
        "Delivery predictability",
        Status.DRAFT,
        TODAY,
    )
    assert book.count() == 5


def test_a_cancelled_new_plan_adds_nothing(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter) -> None:
    prompter.expect("dialog", lambda _dialog: False)
    assert commands.new_plan(book, prompter, TODAY, manager="Dana Whitfield") is None
    assert book.count() == 4


def test_a_plan_saved_as_a_template_starts_the_next_plan(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    folder = tmp_path / "templates"
    prompter.expect("ask_text", " Delivery — mine ")
    saved = commands.save_plan_as_template(book.get(ALEX), prompter, folder)
    assert saved is not None and saved[0] == "Delivery — mine" and saved[1].parent == folder

    prompter.expect("ask_text", "Delivery — mine").expect("confirm", False)
    assert commands.save_plan_as_template(book.get(ALEX), prompter, folder) is None
    prompter.expect("ask_text", "Delivery — mine").expect("confirm", True)
    assert commands.save_plan_as_template(book.get(ALEX), prompter, folder) == saved

    prompter.expect("dialog", fill_new_plan("Priya Raman", "Delivery predictability", "Delivery — mine"))
    added = commands.new_plan_from_template(book, prompter, TODAY, folder)
    assert added is not None
    plan = book.get(added.plan_id)
    assert [o.key for o in plan.objectives] == [o.key for o in book.get(ALEX).objectives]
    assert plan.checkins == [] and plan.status is Status.DRAFT and plan.title == "Delivery predictability"


def test_a_plan_file_exported_imports_as_the_same_plan(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    prompter.expect("save_file", tmp_path / "alex.json")
    path = commands.export_plan_file(book.get(ALEX), prompter, book.attachment_content)
    assert path == tmp_path / "alex.json"
    prompter.expect("open_file", path)
    plan_id = commands.import_plan_file(book, prompter)
    assert plan_id is not None and book.get(plan_id) == book.get(ALEX)


def test_a_plan_file_with_problems_is_listed_and_nothing_imported(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(sample_path("alex-delivery-active").read_text().replace('"title"', '"titel"', 1))
    prompter.expect("open_file", broken)
    assert commands.import_plan_file(book, prompter) is None
    assert prompter.warnings()[-1].title == "The plan file cannot be imported"
    assert book.count() == 4
    prompter.expect("open_file", tmp_path / "missing.json")
    with pytest.raises(PipdeskError, match="cannot be read"):
        commands.import_plan_file(book, prompter)


def test_a_plan_is_deleted_only_once_confirmed_and_let_go_first(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    let_go: list[int] = []
    prompter.expect("confirm", False)
    assert not commands.delete_plan(book, ALEX, prompter, lambda: let_go.append(book.count()))
    assert book.count() == 4 and let_go == []
    prompter.expect("confirm", True)
    assert commands.delete_plan(book, ALEX, prompter, lambda: let_go.append(book.count()))
    assert book.count() == 3 and let_go == [4]
    assert "cannot be undone" in prompter.shown[-1].text


def test_the_sample_plans_are_added_once(qtbot: QtBot, tmp_path: Path) -> None:
    path = commands.make_sample_plan_book(tmp_path / "samples.pipdesk")
    with PlanBook.open(path) as samples:
        assert samples.count() == 4
        assert commands.add_sample_plans(samples) == []
        assert samples.count() == 4


def test_where_names_the_part_of_the_plan_as_the_manager_sees_it(book: PlanBook) -> None:
    plan = book.get(ALEX)
    title = plan.objectives[1].title
    assert where(plan, ("plan", "objectives", 1, "target_date")) == f"Objective 2 “{title}”, target date"
    assert where(plan, ("plan", "end_date")) == "End date"
    assert where(plan, ("plan",)) == "Plan"
    assert where(plan, ("objectives", 99)) == "Objective 100 “”"
