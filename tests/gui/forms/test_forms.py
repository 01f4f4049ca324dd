"""The compiled forms in pipdesk/gui/forms are what pyside6-uic makes of ui/*.ui today."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipdesk.gui.forms.compile import UI, compiled, target

UI_FILES = sorted(UI.glob("*.ui"))


def test_every_form_has_a_ui_file_and_every_ui_file_a_form() -> None:
    forms = {p.name for p in target(Path("x.ui")).parent.glob("ui_*.py")}
    assert forms == {target(ui).name for ui in UI_FILES}


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_compiled_form_is_current(ui_file: Path) -> None:
    assert target(ui_file).read_text(encoding="utf-8") == compiled(ui_file), (
        f"{target(ui_file).name} is stale: run `python -m pipdesk.gui.forms.compile`"
    )
