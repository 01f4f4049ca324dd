"""Preferences › Organisation: the name, logo and footer line are saved, and reach the documents' options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell import settings
from pipdesk.gui.shell.preferences_dialog import PreferencesDialog


def _logo(path: Path) -> Path:
    image = QImage(1800, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1f3a5f"))
    assert image.save(str(path))
    return path


def test_preferences_save_the_organisation(qtbot: QtBot, tmp_path: Path) -> None:
    assert settings.organisation() is None
    prompter = ScriptedPrompter()
    prompter.expect("open_file", _logo(tmp_path / "logo.png"))
    dialog = PreferencesDialog(10, tmp_path, prompter=prompter)
    qtbot.addWidget(dialog)
    dialog.organisation_name.setText("  Acme <b>&amp; Söhne  ")
    dialog.organisation_footer.setText("1 High Street, Leeds")
    dialog.choose_logo_button.click()
    assert dialog.remove_logo_button.isEnabled()
    dialog.accept()
    organisation = settings.organisation()
    assert organisation is not None
    assert (organisation.name, organisation.footer) == ("Acme <b>&amp; Söhne", "1 High Street, Leeds")
    logo = QImage.fromData(organisation.logo or b"")
    assert (logo.width(), logo.height()) == (900, 300)  # scaled down to fit a header, kept in the settings
    (tmp_path / "logo.png").unlink()
    assert settings.organisation() == organisation  # the file chosen may go


def test_removing_everything_leaves_no_organisation(qtbot: QtBot, tmp_path: Path) -> None:
    settings.ORGANISATION_NAME.write("Acme")
    dialog = PreferencesDialog(10, tmp_path, prompter=ScriptedPrompter())
    qtbot.addWidget(dialog)
    assert dialog.organisation_name.text() == "Acme"
    dialog.organisation_name.clear()
    dialog.accept()
    assert settings.organisation() is None


def test_a_file_that_is_no_image_is_refused_with_a_warning(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    prompter = ScriptedPrompter()
    prompter.expect("open_file", bad)
    dialog = PreferencesDialog(10, tmp_path, prompter=prompter)
    qtbot.addWidget(dialog)
    dialog.choose_logo_button.click()
    assert prompter.warnings() and not dialog.logo
