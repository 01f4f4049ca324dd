"""Finding a person's name in free text as a person would: whatever the case, accents or form of the
characters, in any script, as whole words (so "Alex" never matches "Alexander" or "Alexandra").

Both the name and the text are folded character by character (NFKC, case-folded, accents and other
combining marks dropped), so a match found in the folded text maps back to the characters written.
The words of a name must come in order, with only spaces or punctuation between them ("Alex Moreno",
"ALEX  MORENO", "alex.moreno@…"); a word must not run on into letters before or after it, except
in scripts written without spaces between words (Chinese, Japanese, Thai and the like), where a
name is found inside a run of characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

Span = tuple[int, int]

#: Scripts written without spaces between words: there a name stands inside a run of letters.
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x9FFF),  # CJK radicals, kana, CJK ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width katakana
    (0x20000, 0x3FFFF),  # CJK extensions
)


def _unspaced(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _UNSPACED)


@cache
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` folded, and for each folded character the index of the character of ``text`` it came from."""
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        origin.extend([index] * len(folded))
    return "".join(parts), origin


def name_words(name: str) -> list[str]:
    """The folded words of ``name``: "  Renée  Fournier " → ["renee", "fournier"]."""
    return re.findall(r"[^\W_]+", fold(name)[0])


class NameMatcher:
    """Finds any of some names in text; a name of no words finds nothing."""

    def __init__(self, names: Iterable[str]) -> None:
        patterns = [p for p in (self._pattern(name) for name in names) if p]
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    @staticmethod
    def _pattern(name: str) -> str:
        words = name_words(name)
        if not words:
            return ""
        body = r"[\W_]+".join(re.escape(word) for word in words)
        before = "" if _unspaced(words[0][0]) else r"(?<![^\W_])"
        after = "" if _unspaced(words[-1][-1]) else r"(?![^\W_])"
        return before + body + after

    def spans(self, text: str) -> list[Span]:
        """Where the names stand in ``text``, as (start, end) of the characters written."""
        if self.pattern is None or not text:
            return []
        folded, origin = fold(text)
        return [
            (origin[m.start()], origin[m.end() - 1] + 1) for m in self.pattern.finditer(folded) if m.end() > m.start()
        ]

    def found_in(self, text: str) -> bool:
        return bool(self.spans(text))


_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\s*\n\s*")


def sentences_naming(matcher: NameMatcher, text: str) -> list[str]:
    """The sentences (or lines) of ``text`` that name someone ``matcher`` finds, in order."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip() and matcher.found_in(s)]


def replace_names(text: str, others: Sequence[tuple[NameMatcher, str]], keep: NameMatcher) -> str:
    """``text`` with every name each matcher of ``others`` finds replaced by its label, except where it
    overlaps a name ``keep`` finds (the person asking stays named)."""
    kept = keep.spans(text)
    chosen: list[tuple[int, int, str]] = []
    for matcher, label in others:
        for start, end in matcher.spans(text):
            taken = kept + [(s, e) for s, e, _label in chosen]
            if not any(start < e and s < end for s, e in taken):
                chosen.append((start, end, label))
    for start, end, label in sorted(chosen, reverse=True):
        text = text[:start] + label + text[end:]
    return text
