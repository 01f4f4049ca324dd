"""Preferences › Retention: the years a closed plan is kept, saved and read back within its range."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pipdesk.domain.retention import DEFAULT_RETENTION_YEARS
from pipdesk.gui.shell import settings
from pipdesk.gui.shell.preferences_dialog import PreferencesDialog


def test_the_retention_period_starts_at_three_years_and_is_saved_when_changed(qtbot: QtBot, tmp_path: Path) -> None:
    assert settings.retention_years() == DEFAULT_RETENTION_YEARS == 3
    dialog = PreferencesDialog(10, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.retention_spin.text() == "3 years after it closed"
    dialog.retention_spin.setValue(1)
    assert dialog.retention_spin.text() == "1 year after it closed"
    dialog.retention_spin.setValue(6)
    dialog.accept()
    assert settings.retention_years() == 6


def test_a_stored_period_out_of_range_reads_as_the_nearest_allowed() -> None:
    settings.RETENTION_YEARS.write(0)
    assert settings.retention_years() == 1
    settings.RETENTION_YEARS.write(400)
    assert settings.retention_years() == 25
