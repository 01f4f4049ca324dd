"""The evidence files a document covers, as a table: each file's name and description, where it is kept,
the date it is evidence for, its size and its SHA-256 (whole, in equal-width letters).

The employee's copy lists only the files marked shared with the employee; the full copy lists all.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from pipdesk.domain import vocabulary
from pipdesk.domain.attachments import Placed, size_text
from pipdesk.reports import fonts, layout
from pipdesk.reports.layout import CELL, CELL_MUTED, Cell, cell_text, para, rich

HASH = ParagraphStyle("hash", fontName=fonts.MONO, fontSize=6.5, leading=9, textColor=layout.INK)
NOTE = (
    "The SHA-256 identifies each file exactly: a copy whose SHA-256 is the same is the same file. "
    "pipdesk verify checks every file kept in the plan book against it."
)
#: Digits of a SHA-256 a line: 64 in two even lines, each still read and copied whole.
_DIGITS_A_LINE = 32


def listed(placed: Iterable[Placed], *, employee_copy: bool) -> list[Placed]:
    """The files a copy lists: on the employee's copy, only those shared with the employee."""
    return [p for p in placed if p.attachment.shareable or not employee_copy]


def hash_cell(sha256: str) -> Flowable:
    fonts.register_mono()
    lines = [sha256[i : i + _DIGITS_A_LINE] for i in range(0, len(sha256), _DIGITS_A_LINE)]
    return rich("<br/>".join(lines), HASH)  # hexadecimal digits only: nothing to escape


def files_table(placed: Iterable[Placed], *, employee_copy: bool, where: bool) -> list[Flowable]:
    """The table of the files a copy lists (nothing when it lists none); ``where``: a column saying where each is."""
    rows: list[list[Cell]] = []
    for item in listed(placed, employee_copy=employee_copy):
        attachment = item.attachment
        name: list[Flowable] = [para(attachment.name, CELL)]
        if attachment.description.strip():
            name += cell_text(attachment.description, CELL_MUTED)
        day = vocabulary.short_date(attachment.evidence_for) if attachment.evidence_for else vocabulary.DASH
        row: list[Cell] = [name, *([item.where] if where else []), day, size_text(attachment.size)]
        rows.append([*row, hash_cell(attachment.sha256)])
    if not rows:
        return []
    header = ["File", *(["Kept with"] if where else []), "Evidence for", "Size", "SHA-256"]
    widths = [28, 19, 15, 10, 29] if where else [44, 15, 11, 29]
    return [layout.table(header, rows, widths), para(NOTE, layout.NOTE)]
