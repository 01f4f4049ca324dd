"""The organisation's letterhead on every page of a document, and nothing of it when none is set."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray
from PySide6.QtGui import QColor, QImage

from pipdesk.reports import Organisation, ReportOptions, render_checkin, render_plan

from conftest import load_sample

OPTIONS = ReportOptions(printed_on=dt.date(2026, 11, 23), reproducible=True)


def _png() -> bytes:
    image = QImage(120, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1f3a5f"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_page_carries_the_name_logo_and_footer_line() -> None:
    plan = load_sample("alex-delivery-active")
    organisation = Organisation("Acme Widgets Ltd", _png(), "1 High Street, Leeds LS1 1AA")
    pdf = render_plan(plan, ReportOptions(printed_on=OPTIONS.printed_on, reproducible=True, organisation=organisation))
    pages = _pages(pdf)
    assert len(pages) > 1
    for text in pages:
        assert "Acme Widgets Ltd" in text and "1 High Street, Leeds LS1 1AA" in text and "CONFIDENTIAL" in text
    assert b"/Subtype /Image" in pdf


def test_no_organisation_no_letterhead_and_the_same_bytes() -> None:
    plan = load_sample("alex-delivery-active")
    plain = render_plan(plan, OPTIONS)
    empty = ReportOptions(printed_on=OPTIONS.printed_on, reproducible=True, organisation=Organisation(" ", None, ""))
    assert render_plan(plan, empty) == plain
    assert b"/Subtype /Image" not in plain
    assert "Acme" not in "".join(_pages(plain))


def test_a_check_in_record_carries_it_too() -> None:
    plan = load_sample("alex-delivery-active")
    options = ReportOptions(printed_on=OPTIONS.printed_on, reproducible=True, organisation=Organisation("Acme"))
    assert "Acme" in _pages(render_checkin(plan, 0, options))[0]


def test_a_long_name_beside_a_wide_logo_is_set_smaller_rather_than_cut_short(qapp: object) -> None:
    name = "Acme Widgets Ltd — People Team"
    organisation = Organisation(name=name, logo=_png())
    first_page = _pages(render_plan(load_sample("alex-delivery-active"), replace(OPTIONS, organisation=organisation)))[
        0
    ]
    assert name in first_page and "…" not in first_page.split("\n")[0]
