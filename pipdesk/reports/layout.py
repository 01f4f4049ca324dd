"""The look every document shares: A4 pages, styles, tables, signature lines, header and footer, the build."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    LayoutError,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pipdesk.domain import vocabulary
from pipdesk.reports import fonts, text
from pipdesk.reports.errors import ReportError

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 22 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#cbd2d9")
RULE_STRONG = colors.HexColor("#8a96a3")
FILL = colors.HexColor("#eef1f5")
PANEL = colors.HexColor("#f6f8fa")
WARNING = colors.HexColor("#9b2c2c")
PRIVATE_FILL = colors.HexColor("#fdf3e7")

#: A table cell: a string (escaped here), one flowable, or several stacked.
Cell: TypeAlias = str | Flowable | list[Flowable]


def _style(name: str, **values: Any) -> ParagraphStyle:
    defaults: dict[str, Any] = {"fontName": fonts.REGULAR, "fontSize": 10, "leading": 14, "textColor": INK}
    return ParagraphStyle(name, **(defaults | values))


BODY = _style("body", spaceAfter=6)
TITLE = _style("title", fontName=fonts.BOLD, fontSize=19, leading=24, textColor=ACCENT, spaceAfter=3)
SUBTITLE = _style("subtitle", fontSize=12.5, leading=17, spaceAfter=12)
H1 = _style("h1", fontName=fonts.BOLD, fontSize=12.5, leading=16, textColor=ACCENT, spaceBefore=16, spaceAfter=6)
H2 = _style("h2", fontName=fonts.BOLD, fontSize=10.5, leading=14, spaceBefore=9, spaceAfter=3)
LABEL = _style("label", fontName=fonts.BOLD, fontSize=7.5, leading=10, textColor=MUTED)
CELL = _style("cell", fontSize=9, leading=12.5)
CELL_BOLD = _style("cell-bold", fontName=fonts.BOLD, fontSize=9, leading=12.5)
CELL_MUTED = _style("cell-muted", fontSize=8, leading=11, textColor=MUTED)
CELL_PRIVATE = _style("cell-private", fontSize=9, leading=12.5, textColor=WARNING)
TH = _style("th", fontName=fonts.BOLD, fontSize=8, leading=10.5, textColor=INK)
NOTE = _style("note", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=6)
EMPTY = _style("empty", fontSize=9.5, leading=13.5, textColor=MUTED, spaceAfter=6)
BANNER = _style(
    "banner",
    fontName=fonts.BOLD,
    fontSize=10.5,
    leading=14,
    textColor=WARNING,
    backColor=PRIVATE_FILL,
    borderPadding=(6, 8, 6, 8),
    leftIndent=8,
    rightIndent=8,
    spaceBefore=4,
    spaceAfter=14,
)
BULLET = _style("bullet", spaceAfter=3, leftIndent=12, bulletIndent=2, bulletFontName=fonts.REGULAR)


# --- Paragraphs ------------------------------------------------------------------------------------


def para(value: str, style: ParagraphStyle = BODY) -> Paragraph:
    """Text (user's or ours) as one Paragraph, escaped; line breaks become ``<br/>``."""
    return text.WrapOnce(text.markup(value) or text.NBSP, style)


def rich(markup: str, style: ParagraphStyle = BODY) -> Paragraph:
    """Markup written here, never by a user (user text inside it must come from ``text.markup``)."""
    return text.WrapOnce(markup, style)


def body(value: str, style: ParagraphStyle = BODY, empty: str = "None recorded.") -> list[Flowable]:
    """A user's text, one paragraph per line so it splits anywhere; a muted note when it is empty."""
    if text.is_blank(value):
        return [para(empty, EMPTY)] if empty else []
    return text.paragraphs(value, style)


# Headings are kept off the foot of a page by a conditional page break rather than ReportLab's
# keepWithNext: that glues a heading to the whole next flowable, and when that is a long text the
# pair jumps to a new page, leaving most of the page before it empty.


def heading(number: int | None, title: str) -> list[Flowable]:
    """A numbered section heading, moved to the next page when fewer than ~4 lines would follow it."""
    return [CondPageBreak(80), para(f"{number}. {title}" if number is not None else title, H1)]


def subheading(markup: str) -> list[Flowable]:
    """A sub-section heading (markup: user text in it must come from ``text.markup``)."""
    return [CondPageBreak(60), rich(markup, H2)]


def field(label: str, value: str, empty: str = "None recorded.") -> list[Flowable]:
    """A small label over a user's text, never left alone at the foot of a page."""
    return [CondPageBreak(40), para(label, LABEL), *body(value, BODY, empty)]


def banner(message: str) -> Paragraph:
    return para(message, BANNER)


def bullet(value: str) -> Paragraph:
    """One item of a list, its lines indented under the bullet."""
    return text.WrapOnce(text.markup(value) or text.NBSP, BULLET, bulletText="•")


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


# --- Tables ----------------------------------------------------------------------------------------


class SplittingTable(Table):  # type: ignore[misc]  # ReportLab ships no type hints
    """A Table whose rows split across pages even when only a little taller than a page.

    ReportLab refuses to split a row where fewer than ``splitInRow`` points would go to the next
    page, and then moves it whole to a page it does not fit either: a layout error. Splitting a
    little higher up leaves the next page enough.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if not parts and self.splitInRow and availHeight > 2 * self.splitInRow:
            parts = super().split(availWidth, availHeight - self.splitInRow)
        return parts


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle in the embedded font: ReportLab would otherwise select (unembedded) Helvetica."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9), *commands])


def _cell(value: Cell, style: ParagraphStyle = CELL) -> Flowable | list[Flowable]:
    if isinstance(value, str):
        found = text.paragraphs(value, style)
        if not found:
            return para(value or text.NBSP, style)
        return found if len(found) > 1 else found[0]
    return value


def cell_text(value: str, style: ParagraphStyle = CELL, empty: str = "—") -> list[Flowable]:
    """A user's text for a table cell, one paragraph per line so a tall row can split across pages."""
    if text.is_blank(value):
        return [para(empty, CELL_MUTED)]
    return text.paragraphs(value, style)


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Table:
    """A data table: shaded header row repeated on every page, light rules, rows that split when tall."""
    data: list[list[Flowable | list[Flowable]]] = [[para(h, TH) for h in header]]
    data += [[_cell(value) for value in row] for row in rows]
    scale = WIDTH / sum(widths)
    result = SplittingTable(
        data,
        colWidths=[w * scale for w in widths],
        repeatRows=1,
        splitByRow=1,
        splitInRow=24,  # a row taller than what is left of the page splits, leaving at least ~2 lines
        hAlign="LEFT",
    )
    result.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), FILL),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE_STRONG),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE_STRONG),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return result


def details(pairs: Sequence[tuple[str, str]]) -> Table:
    """Who and when, as a shaded panel of label/value pairs, two pairs a row."""
    cells: list[list[Flowable | list[Flowable]]] = []
    row: list[Flowable | list[Flowable]] = []
    for label, value in pairs:
        row += [para(label, LABEL), cell_text(value)]
        if len(row) == 4:
            cells.append(row)
            row = []
    if row:
        cells.append([*row, para("", LABEL), para("", CELL)])
    result = SplittingTable(
        cells,
        colWidths=[WIDTH * share for share in (0.17, 0.33, 0.17, 0.33)],
        splitByRow=1,
        splitInRow=24,
        hAlign="LEFT",
    )
    result.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), PANEL),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE_STRONG),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE_STRONG),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (0, -1), 6),
                ("TOPPADDING", (2, 0), (2, -1), 6),
            ]
        )
    )
    return result


@dataclass(frozen=True)
class Signatory:
    role: str
    name: str = ""  # blank: a line to write the name on


def signatures(signatories: Sequence[Signatory]) -> Table:
    """A line to sign and a line to date for each person, the name printed where it is known."""
    rows: list[list[Flowable | list[Flowable]]] = []
    for signatory in signatories:
        name = cell_text(signatory.name, CELL, empty="")
        rows.append([para(signatory.role, CELL_BOLD), name, para(""), para(""), para(""), para("")])
        rows.append(
            [
                para(""),
                para("Name", CELL_MUTED),
                para(""),
                para("Signature", CELL_MUTED),
                para(""),
                para("Date", CELL_MUTED),
            ]
        )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i in range(0, len(rows), 2):
        commands += [
            ("TOPPADDING", (0, i), (-1, i), 18),
            ("LINEBELOW", (1, i), (1, i), 0.6, RULE_STRONG),
            ("LINEBELOW", (3, i), (3, i), 0.6, RULE_STRONG),
            ("LINEBELOW", (5, i), (5, i), 0.6, RULE_STRONG),
            ("BOTTOMPADDING", (0, i + 1), (-1, i + 1), 4),
        ]
    result = SplittingTable(
        rows,
        colWidths=[WIDTH * share for share in (0.22, 0.3, 0.04, 0.27, 0.04, 0.13)],
        splitByRow=1,
        splitInRow=24,
        hAlign="LEFT",
    )
    result.setStyle(table_style(commands))
    return result


def writing_lines(count: int) -> Table:
    """Ruled lines to write on."""
    lines = Table([[""] for _ in range(count)], colWidths=[WIDTH], rowHeights=[20] * count)
    lines.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
    return lines


def keep(*flowables: Flowable | list[Flowable]) -> list[Flowable]:
    """Keep a block on one page: start a new page when the rest of this one is too short for it.

    Measured here rather than by ReportLab's KeepTogether, which leaves the first paragraph's space
    before out of its sum (so a heading could still end a page) and, for a block longer than a page,
    first jumps to a new page, leaving a gap. A block longer than a page simply flows.
    """
    flat: list[Flowable] = []
    for item in flowables:
        flat.extend(item if isinstance(item, list) else [item])
    height = 0.0
    for flowable in flat:
        if isinstance(flowable, CondPageBreak):
            continue
        height += flowable.wrap(WIDTH, FRAME_HEIGHT)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    if height > FRAME_HEIGHT:
        return flat
    return [CondPageBreak(height), *flat]


# --- Page furniture and the build --------------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """The organisation a document is printed for: name and logo (PNG or JPEG bytes) at the top, a footer line."""

    name: str = ""
    logo: bytes | None = None
    footer: str = ""

    def draw(self, canvas: Canvas) -> None:
        """The logo at the top left (at most 9 mm high), the name beside it; the footer line above the footer's rule."""
        top, x = PAGE_HEIGHT - 5 * mm, MARGIN_X
        if self.logo:
            try:
                image = ImageReader(io.BytesIO(self.logo))
                width, height = image.getSize()
                scale = min(9 * mm / height, 45 * mm / width)
                canvas.drawImage(image, x, top - height * scale, width * scale, height * scale, mask="auto")
                x += width * scale + 3 * mm
            except Exception:  # an unreadable logo leaves the page without one, never unprinted
                pass
        if self.name:
            canvas.setFillColor(ACCENT)
            room, name = WIDTH * 0.55 - (x - MARGIN_X), self.name[:400]
            # A long name is set smaller before it is cut short: "Acme Widgets Ltd — People Team" whole.
            size = next(
                (
                    size
                    for size in (11, 9.5, 8)
                    if sum(canvas.stringWidth(r, f, size) for f, r in text.segments(name)) <= room
                ),
                8,
            )
            draw_line(canvas, x, top - 6 * mm, text.fit(name, size, room), size)
        if self.footer:
            canvas.setFillColor(MUTED)
            line = text.fit(self.footer[:400], 7.5, WIDTH)
            width = sum(canvas.stringWidth(run, font, 7.5) for font, run in text.segments(line))
            draw_line(canvas, (PAGE_WIDTH - width) / 2, 11 * mm + 14, line, 7.5)


@dataclass(frozen=True)
class Furniture:
    """What every page of a document says around its content."""

    document: str
    plan_title: str
    printed_on: dt.date
    revision: int
    copy_mark: str = ""
    copy_mark_is_warning: bool = False
    #: The SHA-256 of the plan's whole content (its plan file), printed so a copy can be matched to the record.
    audit_hash: str = ""
    #: The organisation's name, logo and footer line (Preferences); ``None``: none.
    letterhead: Letterhead | None = None

    def draw(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - 12 * mm
        canvas.setFillColor(WARNING)
        canvas.setFont(fonts.BOLD, 8.5)
        if self.letterhead is None:
            canvas.drawString(MARGIN_X, top, "CONFIDENTIAL")
        else:  # the letterhead at the top left; CONFIDENTIAL under it, facing the copy mark
            canvas.drawString(MARGIN_X, top - 5.5 * mm, "CONFIDENTIAL")
            self.letterhead.draw(canvas)
        right = PAGE_WIDTH - MARGIN_X
        name = self.document + (f"  ·  Revision {self.revision}" if self.revision else "")
        canvas.setFillColor(ACCENT)
        canvas.setFont(fonts.BOLD, 8.5)
        canvas.drawRightString(right, top, name)
        if self.copy_mark:
            canvas.setFillColor(WARNING if self.copy_mark_is_warning else MUTED)
            canvas.setFont(fonts.BOLD if self.copy_mark_is_warning else fonts.REGULAR, 8)
            canvas.drawRightString(right, top - 11, self.copy_mark)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        rule_y = PAGE_HEIGHT - MARGIN_TOP + 6 * mm
        canvas.line(MARGIN_X, rule_y, right, rule_y)

        footer_y = 11 * mm
        canvas.line(MARGIN_X, footer_y + 10, right, footer_y + 10)
        printed = f"  ·  Printed {vocabulary.short_date(self.printed_on)}"
        canvas.setFillColor(MUTED)
        # A footer line holds ~100 characters; cutting first keeps a 50 KB title from costing time on every page.
        title = text.fit(self.plan_title[:400], 8, WIDTH * 0.75 - stringWidth(printed, fonts.REGULAR, 8))
        draw_line(canvas, MARGIN_X, footer_y, title + printed, 8)
        if self.audit_hash:
            canvas.setFont(fonts.REGULAR, 6.5)
            canvas.drawString(MARGIN_X, footer_y - 9, f"Audit trail {self.audit_hash}")
        canvas.restoreState()


def draw_line(canvas: Canvas, x: float, y: float, value: str, size: float) -> None:
    """One line of user text straight on the canvas, switching fonts where the script needs it."""
    for font, run in text.segments(value):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """Holds every page back until the end, so each can say "Page X of Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self.saveState()
            self.setFont(fonts.REGULAR, 8)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, 11 * mm, f"Page {number} of {total}")
            self.restoreState()
            super().showPage()
        super().save()


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str


def _encryption(password: str | None) -> StandardEncryption | None:
    """AES-256 when ReportLab can do it (it needs pyaes), else RC4 128-bit; never the 40-bit default."""
    if not password:
        return None
    strength = 256 if importlib.util.find_spec("pyaes") is not None else 128
    return StandardEncryption(password, password, strength=strength)


def build(
    story: list[Flowable],
    furniture: Furniture,
    metadata: Metadata,
    *,
    password: str | None,
    reproducible: bool,
) -> bytes:
    """The PDF: A4, fonts embedded, page X of Y; encrypted when a password is given."""
    fonts.register()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=" ".join(text.clean(metadata.title).split()),
        author=" ".join(text.clean(metadata.author).split()),
        subject=" ".join(text.clean(metadata.subject).split()),
        creator="pipdesk",
        producer="pipdesk",
        invariant=1 if reproducible else 0,
        pageCompression=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        initialLeading=14,
        encrypt=_encryption(password),
        displayDocTitle=1,
        lang="en",
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=furniture.draw)])
    try:
        doc.build(story, canvasmaker=_NumberedCanvas)
    except LayoutError as error:  # a bug in this package, not in the plan: say what failed, plainly
        raise ReportError(f"The {furniture.document.lower()} could not be laid out: {error}") from error
    return buffer.getvalue()
