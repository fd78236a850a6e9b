"""Raw-text helpers: sentences for messages and checks that quote where a figure stands, and a fast
case-blind scan for the anchors that decide where the patterns run."""
from __future__ import annotations

import re
from typing import Iterator

import regex

# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital, or at a line break.
SENTENCE_END = regex.compile(r"(?<=[.!?][\"\u201d\u2019)]?)\s+(?=[\"\u201c\u2018(]?[A-Z])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the sentence holding text[start:end]."""
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    left = starts[-1] if starts else 0
    m = SENTENCE_END.search(text, end)
    return left, (m.start() if m else len(text))


def find_anchors(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern`` (written in lower case, compiled without IGNORECASE) over the text, case-blind.

    Case-blind alternations are several times slower in ``re`` than matching lower-cased text, and the
    offsets agree whenever lower-casing keeps the length (always, but for a few letters such as 'İ');
    otherwise the pattern runs case-blind on the text itself."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return pattern.finditer(lowered)
    return re.compile(pattern.pattern, pattern.flags | re.IGNORECASE).finditer(text)
