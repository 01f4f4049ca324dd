"""Every colour pipdesk adds keeps WCAG 2.1 AA contrast in the light, dark and high-contrast palettes,
and every status shown in colour is also shown in a word or symbol.

Text keeps 4.5:1 (WCAG 1.4.3); the marks of the timeline and the lines of the charts keep 3:1
(WCAG 1.4.11, non-text contrast).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel
from pytestqt.qtbot import QtBot

from pipdesk.domain import Rating
from pipdesk.domain.markers import MarkerState
from pipdesk.gui.checkins import record
from pipdesk.gui.common import colours
from pipdesk.gui.common.colours import MARK_CONTRAST, TEXT_CONTRAST, contrast, rating_colour
from pipdesk.gui.common.theme import Theme, apply_theme, dark_palette, high_contrast_palette, light_palette
from pipdesk.gui.timeline.looks import _RATING_GLYPHS, Colours, Glyph, Shape, rating_look, state_look
from tests.conftest import ALEX

R = QPalette.ColorRole


def _system_palette() -> QPalette:
    style = QApplication.style()
    assert style is not None
    return style.standardPalette()


PALETTES = {
    "light": light_palette,
    "dark": dark_palette,
    "high contrast": high_contrast_palette,
    "system (offscreen Fusion)": _system_palette,
}


@pytest.fixture(params=list(PALETTES))
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> QPalette:
    return PALETTES[request.param]()


def _faults(pairs: list[tuple[str, QColor, QColor]], minimum: float) -> list[str]:
    return [
        f"{name}: {fore.name()} on {back.name()} is {contrast(fore, back):.2f}:1, below {minimum}:1"
        for name, fore, back in pairs
        if contrast(fore, back) < minimum
    ]


def _on_backgrounds(name: str, colour: QColor, palette: QPalette) -> list[tuple[str, QColor, QColor]]:
    return [(name, colour, back) for back in colours.backgrounds(palette)]


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("make", [light_palette, dark_palette, high_contrast_palette])
def test_palette_own_text_reads(make: Callable[[], QPalette], qapp: QApplication) -> None:
    # pipdesk's own palettes; a platform's palette is the platform's (Fusion's own selection is 3.7:1,
    # so where Fusion is the native style, pipdesk shows its light palette instead).
    palette = make()
    pairs = [
        ("text", palette.color(R.Text), palette.color(R.Base)),
        ("text on alternate rows", palette.color(R.Text), palette.color(R.AlternateBase)),
        ("window text", palette.color(R.WindowText), palette.color(R.Window)),
        ("button text", palette.color(R.ButtonText), palette.color(R.Button)),
        ("selected text", palette.color(R.HighlightedText), palette.color(R.Highlight)),
        ("tooltip", palette.color(R.ToolTipText), palette.color(R.ToolTipBase)),
    ]
    assert _faults(pairs, TEXT_CONTRAST) == []


def test_status_text_colours_read(palette: QPalette) -> None:
    pairs = [
        *_on_backgrounds("alert", colours.alert_colour(palette), palette),
        *_on_backgrounds("caution", colours.caution_colour(palette), palette),
        *_on_backgrounds("good", colours.good_colour(palette), palette),
        *_on_backgrounds("muted", colours.muted_colour(palette), palette),
        ("text on a warning cell", palette.color(R.Text), colours.warning_colour(palette)),
        ("alert on the unsaved banner", colours.alert_colour(palette), colours.warning_colour(palette)),
        ("text of private notes", palette.color(R.Text), colours.private_colours(palette)[1]),
    ]
    for rating in [*Rating, None]:
        colour = rating_colour(rating, palette)
        if colour is not None:
            pairs += _on_backgrounds(f"rating {rating}", colour, palette)
    assert _faults(pairs, TEXT_CONTRAST) == []


def test_chart_lines_and_note_border_stand_out(palette: QPalette) -> None:
    target, measured = colours.chart_colours(palette)
    border, background = colours.private_colours(palette)
    pairs = [
        *_on_backgrounds("target line", target, palette),
        *_on_backgrounds("measured line", measured, palette),
        ("private notes border", border, background),
        ("private notes border", border, palette.color(R.Base)),
    ]
    assert _faults(pairs, MARK_CONTRAST) == []


def test_timeline_text_and_marks_read(palette: QPalette) -> None:
    looks = Colours.of(palette)
    text_pairs = [("today's pill", looks.accent_text, looks.accent)]
    mark_pairs = []
    for name, back in (("base", looks.base), ("tinted lane", looks.lane_solid)):
        text_pairs += [("quiet text on " + name, looks.quiet, back)]
        text_pairs += [("overdue text on " + name, looks.overdue, back)]
        text_pairs += [("paused band's words on " + name, looks.paused, back)]  # its hatching too: 4.5 > 3
        for rating in [*Rating, None]:
            mark_pairs.append((f"{rating} mark on {name}", looks.ratings[rating], back))
        mark_pairs.append(
            (f"overdue mark on {name}", state_look(Shape.CIRCLE, 7, MarkerState.OVERDUE, looks).outline, back)
        )
    for rating in [*Rating, None]:
        look = rating_look(Shape.CIRCLE, 7, rating, looks)
        if look.glyph is not Glyph.NONE:
            mark_pairs.append((f"{rating} glyph", look.glyph_colour, look.fill))
    assert _faults(text_pairs, TEXT_CONTRAST) + _faults(mark_pairs, MARK_CONTRAST) == []


def test_record_rating_colours_are_the_shared_ones() -> None:
    # The check-in record draws ratings and private notes with the colours tested above.
    assert record.rating_colour is rating_colour
    assert record.private_colours is colours.private_colours


# Status is never colour alone.

STATUS_WORDS = ("⚠", "Overdue", "Since yesterday", "Review was", *(rating.label for rating in Rating))


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, Theme.SYSTEM)


def _status_colours(palette: QPalette) -> set[int]:
    return {
        colour.rgba()
        for colour in (colours.alert_colour(palette), colours.caution_colour(palette), colours.good_colour(palette))
    }


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST])
def test_every_coloured_cell_says_its_status_in_words(window, qapp: QApplication, themed: None, theme: Theme) -> None:
    apply_theme(qapp, theme)
    qapp.processEvents()
    window.select_plan(ALEX)
    coloured = 0
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        palette = view.palette()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
                if brush is None or brush.color().rgba() not in _status_colours(palette):
                    continue
                coloured += 1
                text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
                assert any(word in text for word in STATUS_WORDS), (
                    f"{view.objectName()}: {text!r} says it in colour only"
                )
    assert coloured >= 3  # the overdue plan, This week's late rows, the ratings of the check-in log


def test_timeline_marks_tell_status_by_shape_not_colour_alone(qapp: QApplication) -> None:
    looks = Colours.of(light_palette())
    glyphs = [_RATING_GLYPHS[rating] for rating in [*Rating, None]]
    assert len(set(glyphs)) == len(glyphs)
    overdue = state_look(Shape.CIRCLE, 7, MarkerState.OVERDUE, looks)
    assert overdue.glyph is Glyph.BANG
    others = [state_look(Shape.CIRCLE, 7, state, looks) for state in MarkerState if state is not MarkerState.OVERDUE]
    assert all(look.glyph is not Glyph.BANG for look in others)


@pytest.mark.parametrize("theme", [Theme.DARK, Theme.HIGH_CONTRAST])
def test_error_labels_follow_a_theme_change(qtbot: QtBot, qapp: QApplication, themed: None, theme: Theme) -> None:
    apply_theme(qapp, Theme.LIGHT)
    label = QLabel("Enter a date on or after the start")
    qtbot.addWidget(label)
    colours.show_as_error(label)
    assert label.palette().color(R.WindowText) == colours.alert_colour(light_palette())
    apply_theme(qapp, theme)
    qapp.processEvents()  # Qt posts the palette change to each widget
    shown = label.palette().color(R.WindowText)
    assert shown == colours.alert_colour(qapp.palette())
    assert contrast(shown, label.palette().color(R.Window)) >= TEXT_CONTRAST


def test_theme_change_reaches_widgets(qtbot: QtBot, qapp: QApplication, themed: None) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    changes: list[QEvent.Type] = []
    label.changeEvent = lambda event: changes.append(event.type())  # type: ignore[method-assign]
    apply_theme(qapp, Theme.DARK)
    qapp.processEvents()
    assert label.palette().color(R.Window) == dark_palette().color(R.Window)
    assert QEvent.Type.PaletteChange in changes


# Following the system, with an override in Preferences.


def test_system_dark_scheme_is_shown_dark(qapp: QApplication, themed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipdesk.gui.common import theme as theme_module

    monkeypatch.setattr(theme_module, "system_theme", lambda: Theme.DARK)
    assert apply_theme(qapp, Theme.SYSTEM) is Theme.DARK
    assert colours.scheme(qapp.palette()) is colours.Scheme.DARK


def test_theme_chosen_in_preferences_is_shown_and_kept(qtbot: QtBot, qapp: QApplication, themed: None) -> None:
    from pathlib import Path

    from pipdesk.gui.shell import settings
    from pipdesk.gui.shell.preferences_dialog import PreferencesDialog, show_chosen_theme

    assert settings.THEME.read() == Theme.SYSTEM.value
    dialog = PreferencesDialog(10, Path("/tmp/backups"))
    qtbot.addWidget(dialog)
    dialog.ui.themeCombo.setCurrentIndex(dialog.ui.themeCombo.findData(Theme.HIGH_CONTRAST.value))
    dialog.accept()
    assert settings.THEME.read() == Theme.HIGH_CONTRAST.value
    assert colours.scheme(qapp.palette()) is colours.Scheme.HIGH_CONTRAST
    apply_theme(qapp, Theme.LIGHT)
    show_chosen_theme(qapp)  # as at the next start
    assert colours.scheme(qapp.palette()) is colours.Scheme.HIGH_CONTRAST
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the system's change leaves the choice be
    assert colours.scheme(qapp.palette()) is colours.Scheme.HIGH_CONTRAST
    settings.THEME.write(Theme.SYSTEM.value)


def test_this_week_and_the_not_saved_banner_follow_a_theme_change(window, qapp: QApplication, themed: None) -> None:
    """#17: both took their colours once, when made, and kept the light theme's after a change to dark."""
    apply_theme(qapp, Theme.LIGHT)
    qapp.processEvents()
    assert window.save_status.message is not None  # the banner made (as when a save first fails), in light
    apply_theme(qapp, Theme.DARK)
    qapp.processEvents()
    model = window.this_week.model
    late = [
        model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
        for row in range(model.rowCount())
        if not model.is_heading(row) and str(model.data(model.index(row, 0)) or "").startswith("Overdue")
    ]
    assert late and all(brush.color() == colours.alert_colour(qapp.palette()) for brush in late)
    banner = window.save_status
    assert banner.palette().color(banner.backgroundRole()) == colours.warning_colour(qapp.palette())


def test_an_error_label_inside_a_dialog_follows_a_theme_change(qtbot: QtBot, qapp: QApplication, themed: None) -> None:
    """Qt tells windows of a new theme, and a window its children: a child's colours must follow too."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    apply_theme(qapp, Theme.LIGHT)
    dialog = QWidget()
    qtbot.addWidget(dialog)
    label = QLabel("Enter a date on or after the start", dialog)
    QVBoxLayout(dialog).addWidget(label)
    colours.show_as_error(label)
    dialog.show()
    apply_theme(qapp, Theme.DARK)
    qapp.processEvents()
    assert label.palette().color(R.WindowText) == colours.alert_colour(qapp.palette())
    assert label.palette().color(R.Window) == dark_palette().color(R.Window), "the other roles follow the dialog"


_STYLE_ASKED = """
import json, sys
from PySide6.QtWidgets import QApplication
from pipdesk.gui.common.theme import Theme, apply_theme
asked = []
style = QApplication.style
QApplication.style = staticmethod(lambda: asked.append(1) or style())
app = QApplication(sys.argv[:1])
shown = apply_theme(app, Theme.SYSTEM)
print(json.dumps([bool(asked), app.style().name().casefold(), shown.value]))
"""


@pytest.mark.parametrize(("override", "asked", "style"), [(None, False, "fusion"), ("windows", True, "windows")])
def test_the_style_is_asked_for_only_where_it_may_not_be_fusion(override: str | None, asked: bool, style: str) -> None:
    """PySide6 makes QStyle's enums (~10 ms) the first time Python sees a style: at launch pipdesk asks for the
    style only where the platform's may be another than Fusion (here: a style asked for by QT_STYLE_OVERRIDE)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_STYLE_OVERRIDE", None)
    if override:
        env["QT_STYLE_OVERRIDE"] = override
    result = subprocess.run([sys.executable, "-c", _STYLE_ASKED], env=env, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [asked, style, "light"]
