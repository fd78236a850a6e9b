"""A fast case-blind scan for the anchors that decide where the patterns run (sentences for messages
and checks are ``sentences.sentence_around``: the pipeline's own segmentation)."""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Optional


def find_anchors(pattern: re.Pattern, text: str, starts: Optional[Iterable[str]] = None) -> Iterator[re.Match]:
    """``pattern`` (written in lower case, compiled without IGNORECASE) over the text, case-blind.

    Case-blind alternations are several times slower in ``re`` than matching lower-cased text, and the
    offsets agree whenever lower-casing keeps the length (always, but for a few letters such as 'İ');
    otherwise the pattern runs case-blind on the text itself. ``starts``: literals (lower case) that
    every match of ``pattern`` begins with, when the caller knows them; see ``_starting_at``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return pattern.finditer(lowered) if starts is None else _starting_at(pattern, lowered, starts)
    return re.compile(pattern.pattern, pattern.flags | re.IGNORECASE).finditer(text)


def _starting_at(pattern: re.Pattern, text: str, starts: Iterable[str], lo: int = 0, hi: Optional[int] = None,
                 lowered: Optional[str] = None) -> Iterator[re.Match]:
    """What ``pattern.finditer(text, lo, hi)`` gives, trying the pattern only where one of ``starts``
    occurs (in ``lowered``, the text lower-cased, when given: a case-blind pattern's literals).

    ``re`` tries a long alternation at every character; ``str.find`` finds a literal far faster, and a
    match can only begin where a literal it begins with stands. Tried left to right, each from the
    end of the last match, as finditer does (``\\b`` and look-behinds still see the text before ``lo``,
    and ``hi`` ends the text for the pattern as it does for finditer)."""
    hi = len(text) if hi is None else hi
    where: set[int] = set()
    haystack = text if lowered is None else lowered
    for literal in starts:
        i = haystack.find(literal, lo, hi)
        while i != -1:
            where.add(i)
            i = haystack.find(literal, i + 1, hi)
    end = lo
    for i in sorted(where):
        if i >= end:
            m = pattern.match(text, i, hi)
            if m is not None:
                end = max(m.end(), i + 1)
                yield m


def folded_lower(text: str) -> Optional[str]:
    """``text.lower()`` when every character lower-cases as it case-folds (so a letter a case-blind match
    reads as a literal's is that letter in it: not so for 'ſ', which matches 's') and to one character
    (so offsets in it are offsets in the text: not so for 'İ', which lower-cases to two), else None.
    Made once per text: ``scan_windows`` is called once per pattern."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and lowered == text.casefold() else None


def scan_windows(pattern: Any, text: str, windows: Iterable[tuple[int, int]],
                 starts: Optional[Iterable[str]] = None, lowered: Optional[str] = None) -> Iterator[Any]:
    """``pattern.finditer(text, s, e)`` for each window in turn. With ``starts``, the literals (lower
    case) every match of the case-blind ``pattern`` begins with, and ``lowered``, ``folded_lower(text)``:
    the pattern is tried only where one stands, which finds the same matches."""
    if starts is not None and lowered is not None:
        starts = tuple(starts)
        for s, e in windows:
            yield from _starting_at(pattern, text, starts, s, e, lowered)
        return
    for s, e in windows:
        yield from pattern.finditer(text, s, e)
