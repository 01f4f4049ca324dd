"""Whatever a person types prints as typed, at any length, in any script, and never raises from ReportLab."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reports_support import (
    EMPLOYEE_COPY,
    LONG_PARAGRAPH,
    LONG_WORD,
    MARKUP,
    NAMES,
    OPTIONS,
    minimal_plan,
    missing,
    pdf_text,
    read,
    tortured_plan,
)

from pipdesk.domain import Checkin, Objective, Plan, Progress, Rating
from pipdesk.reports import ReportError, ReportOptions, fonts, render_checkin, render_outcome, render_plan, text
from pipdesk.system import resources

from conftest import load_sample


def _all_documents(plan: Plan, options: ReportOptions = OPTIONS) -> list[bytes]:
    return [render_plan(plan, options), render_outcome(plan, options), render_checkin(plan, 0, options)]


def test_markup_like_text_prints_literally_and_fetches_nothing() -> None:
    plan = tortured_plan(long_text=False)
    for pdf in _all_documents(plan):
        assert missing([MARKUP, NAMES], pdf) == []
        for page in read(pdf).pages:
            assert "/Annots" not in page  # no link was made from typed text
            xobjects = page["/Resources"].get("/XObject", {})
            assert all(x.get_object()["/Subtype"] != "/Image" for x in xobjects.values())


def test_very_long_paragraphs_words_and_table_cells_print_in_full_across_pages() -> None:
    plan = tortured_plan()
    pdf = render_plan(plan, OPTIONS)
    assert len(read(pdf).pages) > 20
    assert missing([plan.summary, plan.context], pdf) == []  # flowing text
    # Table cells running over several pages: only the repeated header row comes between the parts.
    assert missing([LONG_PARAGRAPH], pdf, table_header="Date What was discussed") == []
    assert missing([LONG_WORD], pdf, table_header="Date Evidence") == []
    outcome = render_outcome(plan, OPTIONS)
    assert missing([plan.objectives[0].title, plan.outcome.monitoring], outcome) == []  # type: ignore[union-attr]


def test_line_breaks_are_kept() -> None:
    plan = load_sample("alex-delivery-active")
    plan.summary = "first line\nsecond line\r\nthird line\n\n  indented fifth line"
    lines = [line.strip() for line in pdf_text(render_plan(plan, OPTIONS)).splitlines()]
    assert lines[lines.index("first line") :][:3] == ["first line", "second line", "third line"]
    assert "indented fifth line" in lines


def test_names_in_greek_cyrillic_and_vietnamese_print_exactly() -> None:
    plan = load_sample("alex-delivery-active")
    plan.employee.name = "Nguyễn Thị Phương Thảo"
    plan.manager.name = "Владимир Жуковский"
    assert plan.hr_partner is not None
    plan.hr_partner.name = "Γιώργος Παπαδόπουλος"
    plan.summary = (
        "Ảnh hưởng đến tiến độ — ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ ŁłŚśŹźŻż ŐőŰű"
    )
    for pdf in _all_documents(plan):
        found = pdf_text(pdf)
        for name in ("Nguyễn Thị Phương Thảo", "Владимир Жуковский"):
            assert name in found
    assert missing(["Γιώργος Παπαδόπουλος", plan.summary], render_plan(plan, OPTIONS)) == []


def test_text_in_scripts_the_font_lacks_never_crashes_nor_loses_the_rest() -> None:
    plan = load_sample("alex-delivery-active")
    plan.consequences = "before 中文 日本語 한국어 العربية עברית हिन्दी ไทย 😀 \u200b\u200d\ufeff \x00\x07\x1b after"
    for pdf in _all_documents(plan):
        assert pdf
    assert missing(["before", "after"], render_plan(plan, OPTIONS)) == []


def test_hundreds_of_checkins_and_fifty_kilobyte_notes_export() -> None:
    plan = load_sample("alex-delivery-active")
    days = plan.length_days
    plan.checkins = [
        Checkin(
            date=plan.start_date + dt.timedelta(days=i * days // 300),
            notes=f"Meeting {i} went as planned.",
            private_notes=f"Private {i}",
            progress=[Progress(objective="on-time", value=55 + i % 40, rating=Rating.ON_TRACK)],
        )
        for i in range(300)
    ]
    plan.checkins[150].notes = LONG_PARAGRAPH
    plan.checkins[150].private_notes = LONG_PARAGRAPH
    assert len(LONG_PARAGRAPH) >= 50_000
    outcome = render_outcome(plan, OPTIONS)
    history = "Date Type Key notes Ratings"
    assert (
        missing(["Meeting 0 went", "Meeting 299 went", LONG_PARAGRAPH, "Private 299"], outcome, table_header=history)
        == []
    )
    employee_copy = render_outcome(plan, EMPLOYEE_COPY)
    assert "Private 299" not in pdf_text(employee_copy)
    assert missing([LONG_PARAGRAPH], render_checkin(plan, 150, OPTIONS)) == []


def test_dozens_of_objectives_export() -> None:
    plan = load_sample("alex-delivery-active")
    plan.objectives = [
        Objective(
            key=f"k{i}",
            title=f"Objective number {i}",
            metric="count",
            unit="tickets",
            baseline=i,
            target=i + 10,
            due_date=plan.end_date,
        )
        for i in range(40)
    ]
    plan.checkins[0].progress = [Progress(objective=f"k{i}", value=i + 3) for i in range(40)]
    titles = [f"Objective number {i}" for i in range(40)]
    assert missing(titles, render_plan(plan, OPTIONS)) == []
    assert missing(titles, render_outcome(plan, OPTIONS)) == []


def test_plan_with_every_optional_field_empty_prints() -> None:
    plan = minimal_plan()
    for pdf in _all_documents(plan):
        assert "Minimal" in pdf_text(pdf)
    assert "No outcome recorded yet" in pdf_text(render_outcome(plan, OPTIONS))


def test_trend_chart_copes_with_odd_values() -> None:
    plan = load_sample("alex-delivery-active")
    # Non-finite numbers cannot reach a plan (the domain refuses them as they are set), but missing,
    # huge and tiny ones can.
    plan.objectives[0].baseline = None
    plan.objectives[0].target = None
    plan.objectives[1].target = 1e300
    for checkin in plan.checkins:
        checkin.progress = [Progress(objective="status-reports", value=None)]
    plan.checkins[0].progress.append(Progress(objective="estimates", value=1e300))
    plan.checkins[1].progress.append(Progress(objective="estimates", value=-1e-300))
    assert "Outcome report" in pdf_text(render_outcome(plan, OPTIONS))


def _drawable(char: str) -> bool:
    """A character the shipped font draws and a PDF reader gives back as typed: a letter, digit, mark of
    punctuation or symbol of the Latin, Greek and Cyrillic scripts or of general punctuation (no right-to-left
    script, whose order a reader may change, and no combining mark, which NFC may fold into its letter)."""
    return (
        (ord(char) < 0x0590 or 0x2000 <= ord(char) < 0x2070)
        and unicodedata.category(char)[0] in "LNPS"
        and fonts.has_glyph(char)
    )


TYPED = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x206F).filter(_drawable), st.sampled_from(list("<>&;\"'/=\n\r\t #!-[]"))
    ),
    max_size=300,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TYPED, name=TYPED, notes=TYPED, metric=TYPED)
def test_any_typed_text_prints_as_typed(title: str, name: str, notes: str, metric: str) -> None:
    plan = load_sample("beth-communication-closed")
    plan.title = title if title.strip() else "x"
    plan.employee.name = name if name.strip() else "x"
    plan.summary = notes
    plan.objectives[0].metric = metric
    plan.objectives[0].unit = metric
    plan.checkins[0].notes = notes
    plan_pdf, outcome_pdf, checkin_pdf = _all_documents(plan)
    # Compared without white space (line wrapping), header and footer: each text is found whole, in order.
    assert missing([plan.title, plan.employee.name, notes, metric], plan_pdf) == []
    assert missing([plan.title, plan.employee.name], outcome_pdf) == []
    assert missing([plan.title, plan.employee.name, notes], checkin_pdf) == []


# --- Fonts -----------------------------------------------------------------------------------------


def test_shipped_font_and_its_licence_are_found_in_the_checkout() -> None:
    folder = fonts.fonts_dir()
    assert (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream Vera" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_fonts_are_found_in_a_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "resources" / "fonts"
    bundled.mkdir(parents=True)
    shutil.copy(fonts.fonts_dir() / "DejaVuSans.ttf", bundled / "BundledOnly.ttf")
    monkeypatch.setattr(fonts, "_FILES", {fonts.REGULAR: "BundledOnly.ttf", fonts.BOLD: "BundledOnly.ttf"})
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources._root.cache_clear()  # where the resources are is found once a process
    try:
        assert fonts.fonts_dir() == bundled
    finally:
        monkeypatch.undo()
        resources._root.cache_clear()


def test_missing_fonts_are_reported_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_FILES", {fonts.REGULAR: "Nowhere.ttf", fonts.BOLD: "Nowhere.ttf"})
    with pytest.raises(ReportError, match="fonts are missing; looked in"):
        fonts.fonts_dir()


def test_characters_the_main_font_lacks_are_set_in_a_fallback_font(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend DejaVu Sans has no "Ж" and the only system font is DejaVu Sans Bold.
    state = fonts._Fonts()
    monkeypatch.setattr(fonts, "_STATE", state)
    fonts.register()
    state.primary = state.primary - {ord("Ж")}
    fallback_file = str(fonts.fonts_dir() / "DejaVuSans-Bold.ttf")
    monkeypatch.setattr(fonts, "_candidate_files", lambda code: [fallback_file])
    assert text.segments("aЖb") == [
        (fonts.REGULAR, "a"),
        ("PipdeskFallback-DejaVuSans-Bold", "Ж"),
        (fonts.REGULAR, "b"),
    ]
    assert text.markup("<Ж>") == '&lt;<font face="PipdeskFallback-DejaVuSans-Bold">Ж</font>&gt;'


def test_a_character_no_font_has_is_looked_for_once_per_block(monkeypatch: pytest.MonkeyPatch) -> None:
    state = fonts._Fonts()
    monkeypatch.setattr(fonts, "_STATE", state)
    asked: list[int] = []
    monkeypatch.setattr(fonts, "_candidate_files", lambda code: asked.append(code) or [])
    assert fonts.font_for("\U0001e900") is None
    assert fonts.font_for("\U0001e901") is None
    assert len(asked) == 1


def test_without_fc_list_the_usual_font_paths_are_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    present = str(fonts.fonts_dir() / "DejaVuSans-Bold.ttf")
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "_KNOWN_SYSTEM_FONTS", ("/nowhere/Missing.ttf", present))
    assert fonts._candidate_files(ord("中")) == [present]


def test_installed_font_covers_cjk_when_the_system_has_one() -> None:
    if fonts.font_for("中") is None:
        pytest.skip("no embeddable system font with CJK glyphs installed")
    plan = load_sample("alex-delivery-active")
    plan.employee.name = "王小明"
    pdf = render_plan(plan, OPTIONS)
    assert "王小明" in pdf_text(pdf)
    names = {
        str(font.get_object()["/BaseFont"]) for page in read(pdf).pages for font in page["/Resources"]["/Font"].values()
    }
    assert len(names) == 3


def test_password_protected_reproducible_copy_is_reproducible() -> None:
    if importlib.util.find_spec("pyaes") is not None:
        pytest.skip("AES-256 encryption draws random salts; only RC4-128 output repeats")
    alex = load_sample("alex-delivery-active")
    options = dataclasses.replace(OPTIONS, password="pw")
    assert render_plan(alex, options) == render_plan(alex, options)
