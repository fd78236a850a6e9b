"""A fast case-blind scan for the anchors that decide where the patterns run (sentences for messages
and checks are ``sentences.sentence_around``: the pipeline's own segmentation)."""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional


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


def _starting_at(pattern: re.Pattern, text: str, starts: Iterable[str]) -> Iterator[re.Match]:
    """What ``pattern.finditer(text)`` gives, trying the pattern only where one of ``starts`` occurs.

    ``re`` tries a long alternation at every character; ``str.find`` finds a literal far faster, and a
    match can only begin where a literal it begins with stands. Tried left to right, each from the
    end of the last match, as finditer does (``\\b`` and look-behinds still see the text before)."""
    where: set[int] = set()
    for literal in starts:
        i = text.find(literal)
        while i != -1:
            where.add(i)
            i = text.find(literal, i + 1)
    end = 0
    for i in sorted(where):
        if i >= end:
            m = pattern.match(text, i)
            if m is not None:
                end = max(m.end(), i + 1)
                yield m
