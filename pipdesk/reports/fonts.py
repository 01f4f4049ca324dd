"""The fonts the documents embed: DejaVu Sans (shipped), and a system font for scripts it lacks.

DejaVu Sans covers Latin with every accent, Greek, Cyrillic and Vietnamese. Text in other scripts
(CJK, Devanagari, ...) is set in the first installed font that has the glyphs and that ReportLab can
embed (TrueType outlines; a ``.ttc`` collection through its first face). With no such font the
character prints as DejaVu's empty box; the rest of the text is never lost.
"""

from __future__ import annotations

import os
import shutil
import threading
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pipdesk.reports.errors import ReportError
from pipdesk.system.resources import resource_path

REGULAR = "PipdeskSans"
BOLD = "PipdeskSans-Bold"
MONO = "PipdeskMono"  # equal-width letters, for hashes
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}

_WINDOWS_FONTS = os.environ.get("WINDIR", "C:/Windows") + "/Fonts"
#: Fonts tried for other scripts when ``fc-list`` is not there to ask (Windows, macOS, bare Linux).
_KNOWN_SYSTEM_FONTS = (
    f"{_WINDOWS_FONTS}/msyh.ttc",
    f"{_WINDOWS_FONTS}/msgothic.ttc",
    f"{_WINDOWS_FONTS}/malgun.ttf",
    f"{_WINDOWS_FONTS}/Nirmala.ttf",
    f"{_WINDOWS_FONTS}/arial.ttf",
    f"{_WINDOWS_FONTS}/seguisym.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Devanagari Sangam MN.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
)
_FC_LIST_TIMEOUT = 5.0
#: Candidate files tried per character, so one missing glyph cannot make us parse every font installed.
_MAX_TRIES_PER_CHAR = 6


def fonts_dir() -> Path:
    """The shipped fonts: in a checkout, an installed wheel or a PyInstaller bundle, first found wins."""
    try:
        folder = resource_path("fonts")
    except FileNotFoundError as missing:
        raise ReportError(f"pipdesk's fonts are missing: {missing}") from None
    if not (folder / _FILES[REGULAR]).is_file():
        raise ReportError(f"pipdesk's fonts are missing; looked in: {folder}")
    return folder


class _Fonts:
    """Registered fonts and what each covers; shared by every document, guarded by one lock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.ready = False
        self.mono_ready = False
        self.primary: frozenset[int] = frozenset()
        self.fallbacks: list[tuple[str, frozenset[int]]] = []
        self.tried_files: set[str] = set()
        self.by_char: dict[str, str | None] = {}
        self.empty_blocks: set[int] = set()


_STATE = _Fonts()


def register() -> None:
    """Register the shipped text fonts with ReportLab (once per process)."""
    with _STATE.lock:
        if _STATE.ready:
            return
        _STATE.primary = frozenset(_register(REGULAR).face.charToGlyph)
        _register(BOLD)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        _STATE.ready = True


def register_mono() -> None:
    """Register the equal-width font too (once per process): only a document that prints a hash needs it.

    Reading a font takes ReportLab some 20-30 ms, a tenth of a whole ``pipdesk pdf`` (#21).
    """
    with _STATE.lock:
        register()
        if not _STATE.mono_ready:
            _register(MONO)
            _STATE.mono_ready = True


def _register(name: str) -> TTFont:
    path = fonts_dir() / _FILES[name]
    try:
        font = TTFont(name, str(path))
    except Exception as error:  # any damage to a shipped file: say which, not how ReportLab fails
        raise ReportError(f"The font {path} cannot be read: {error}") from error
    pdfmetrics.registerFont(font)
    return font


def has_glyph(char: str) -> bool:
    """Whether the shipped font draws ``char``."""
    register()
    return ord(char) in _STATE.primary


def font_for(char: str) -> str | None:
    """The registered font to set ``char`` in: the shipped one, a system fallback, or ``None`` if none has it."""
    register()
    code = ord(char)
    if code in _STATE.primary:
        return REGULAR
    with _STATE.lock:
        if char in _STATE.by_char:
            return _STATE.by_char[char]
        found = _fallback_for(code)
        _STATE.by_char[char] = found
        return found


def is_invisible(char: str) -> bool:
    """Controls and format characters: nothing to see, so nothing lost when a font lacks them."""
    return unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _fallback_for(code: int) -> str | None:
    for name, covered in _STATE.fallbacks:
        if code in covered:
            return name
    block = code >> 7
    if block in _STATE.empty_blocks or is_invisible(chr(code)):
        return None
    tries = 0
    for path in _candidate_files(code):
        if path in _STATE.tried_files:
            continue
        if tries >= _MAX_TRIES_PER_CHAR:
            break
        tries += 1
        _STATE.tried_files.add(path)
        loaded = _load_fallback(path)
        if loaded is not None and code in _STATE.fallbacks[-1][1]:
            return loaded
    # Nothing installed has it; its neighbours (same script, same 128-code block) will not either.
    _STATE.empty_blocks.add(block)
    return None


def _candidate_files(code: int) -> list[str]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return [path for path in _KNOWN_SYSTEM_FONTS if Path(path).is_file()]
    import subprocess  # only for a character DejaVu lacks: not for every document (~4 ms, #21)

    try:
        listed = subprocess.run(
            [fc_list, "--format=%{file}\n", f":charset={code:x}"],
            capture_output=True,
            text=True,
            timeout=_FC_LIST_TIMEOUT,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.strip() for line in listed.splitlines() if line.strip()})
    # TrueType files first: ReportLab embeds those; OpenType/CFF files usually fail to load.
    return sorted(files, key=lambda path: (not path.lower().endswith(".ttf"), path))


def _load_fallback(path: str) -> str | None:
    # Named after the file, so the same name always means the same font in ReportLab's registry.
    name = "PipdeskFallback-" + "".join(c if c.isalnum() else "-" for c in Path(path).stem)
    try:
        # A collection (.ttc) is read through its first face.
        font = TTFont(name, path, subfontIndex=0)
    except Exception:  # CFF outlines, no embedding allowed, a damaged file: try the next font
        return None
    pdfmetrics.registerFont(font)
    _STATE.fallbacks.append((name, frozenset(font.face.charToGlyph)))
    return name
