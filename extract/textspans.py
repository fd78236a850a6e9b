"""Sentences in raw text, for messages and checks that quote where a figure stands."""
from __future__ import annotations

import regex

# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital, or at a line break.
SENTENCE_END = regex.compile(r"(?<=[.!?][\"\u201d\u2019)]?)\s+(?=[\"\u201c\u2018(]?[A-Z])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the sentence holding text[start:end]."""
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    left = starts[-1] if starts else 0
    m = SENTENCE_END.search(text, end)
    return left, (m.start() if m else len(text))
