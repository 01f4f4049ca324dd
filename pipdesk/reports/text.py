"""What a person typed, made safe to print: escaped, line breaks kept, each character in a font that has it.

User text is data, never markup: it is escaped before it reaches a ReportLab ``Paragraph``, so nothing
typed can fetch a URL, load a file or change the layout.
"""

from __future__ import annotations

import html
import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from pipdesk.reports import fonts

_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACE_RUN = re.compile(" {2,}")
_LEADING_SPACES = re.compile("^ +")
# ReportLab breaks the whole rest of a Paragraph into lines again each time it splits one across a
# page, so a line of a million characters took minutes: time grew with the square of its length.
# Longer lines are cut into Paragraphs of at most this many characters, at a sentence's end where
# there is one (so the cut reads as a line ending after a full stop), else at a space.
_PIECE = 2_000
_SENTENCE_END = re.compile(r"[.!?;:…][)\]\"'”’»]*\s")
NBSP = "\u00a0"
ELLIPSIS = "…"


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as Paragraph markup needs (``xml.sax.saxutils.escape``'s result,
    without the ~10 ms of ``urllib`` and ``ssl`` that module imports)."""
    return html.escape(text, quote=False)


def clean(text: str) -> str:
    """Every line break as ``\\n``, tabs as spaces, unprintable control characters dropped."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", "    ")
    text = _UNPRINTABLE.sub("", text)
    return _LONE_SURROGATES.sub("\ufffd", text)


def lines(text: str) -> list[str]:
    """The text's lines, blank lines at either end left out (they print as nothing anyway)."""
    found = clean(text).split("\n")
    while found and not found[0].strip():
        found.pop(0)
    while found and not found[-1].strip():
        found.pop()
    return found


def is_blank(text: str | None) -> bool:
    return text is None or not lines(text)


def _keep_spaces(line: str) -> str:
    # A Paragraph collapses runs of spaces and drops leading ones; indentation and spacing typed on
    # purpose are kept with no-break spaces, while one ordinary space per run still allows a line break.
    line = _LEADING_SPACES.sub(lambda m: NBSP * len(m.group()), line)
    return _SPACE_RUN.sub(lambda m: " " + NBSP * (len(m.group()) - 1), line)


def segments(line: str) -> list[tuple[str, str]]:
    """``(font name, text)`` runs of one line; characters no installed font has stay in the main font."""
    if all(fonts.has_glyph(char) for char in set(line)):
        return [(fonts.REGULAR, line)] if line else []
    runs: list[tuple[str, str]] = []
    current_font = fonts.REGULAR
    current: list[str] = []
    for char in line:
        font = fonts.font_for(char)
        if font is None:
            if fonts.is_invisible(char):
                continue
            font = fonts.REGULAR
        if font != current_font and current:
            runs.append((current_font, "".join(current)))
            current = []
        current_font = font
        current.append(char)
    if current:
        runs.append((current_font, "".join(current)))
    return runs


def markup_line(line: str) -> str:
    """One line of user text as Paragraph markup: escaped, fonts switched where the script needs it."""
    parts = []
    for font, run in segments(_keep_spaces(line)):
        escaped = escape(run)
        parts.append(escaped if font == fonts.REGULAR else f'<font face="{font}">{escaped}</font>')
    return "".join(parts)


def markup(text: str) -> str:
    """User text as Paragraph markup, its line breaks as ``<br/>``."""
    return "<br/>".join(markup_line(line) for line in lines(text))


class WrapOnce(Paragraph):  # type: ignore[misc]  # ReportLab ships no type hints
    """A Paragraph that breaks its lines once per width.

    A table splitting a tall row across pages asks each cell for its size many times over; breaking
    a long text's lines each time made a plan with long notes take minutes instead of seconds.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = getattr(self, "_wrapped", None)
        if cached is not None and cached[0] == availWidth:
            _, self._wrapWidths, self.blPara, self.height = cached
            self.width = availWidth
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self._wrapWidths, self.blPara, height)
        return float(width), float(height)


_TIGHT: dict[str, ParagraphStyle] = {}


def _tight(style: ParagraphStyle) -> ParagraphStyle:
    """The style without space after, for every line of a text but its last."""
    key = f"{style.name}#{id(style)}"
    if key not in _TIGHT:
        _TIGHT[key] = ParagraphStyle(f"{style.name}-tight", parent=style, spaceAfter=0)
    return _TIGHT[key]


def pieces(line: str, most: int | None = None) -> list[str]:
    """``line`` cut into parts of at most ``most`` characters, after a sentence or a word where it can."""
    most = most or _PIECE
    found: list[str] = []
    while len(line) > most:
        window = line[:most]
        cut = 0
        for end in _SENTENCE_END.finditer(window, most // 2):
            cut = end.end()
        if not cut:
            cut = window.rfind(" ", most // 4) + 1 or most
        found.append(line[:cut])
        line = line[cut:]
    found.append(line)
    return found


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """User text as one Paragraph per line, so it splits across pages and table rows at any line.

    A line longer than a page or so is a few Paragraphs, so the time to print a text grows with its
    length, not its square.
    """
    found = [piece for line in lines(text) for piece in pieces(line)]
    tight = _tight(style)
    flowables: list[Flowable] = []
    for i, line in enumerate(found):
        line_style = style if i == len(found) - 1 else tight
        flowables.append(WrapOnce(markup_line(line) if line.strip() else NBSP, line_style))
    return flowables


def fit(text: str, font_size: float, width: float) -> str:
    """``text`` on one line, cut with an ellipsis to fit ``width`` points (page headers and footers)."""
    line = " ".join(clean(text).split())
    if _width(line, font_size) <= width:
        return line
    low, high = 0, len(line)
    while low < high:
        middle = (low + high + 1) // 2
        if _width(line[:middle] + ELLIPSIS, font_size) <= width:
            low = middle
        else:
            high = middle - 1
    return line[:low].rstrip() + ELLIPSIS


def _width(line: str, font_size: float) -> float:
    return sum(float(stringWidth(run, font, font_size)) for font, run in segments(line))
