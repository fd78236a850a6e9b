"""How alike two phrases are, by the scoring rules of docs/annotation.md: groups, populations, orgs and
statements are compared as case-folded text (strict) or by token overlap (lenient)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

import regex

from .results import review_words

LENIENT_F1 = 0.5
EDGE_PUNCT = regex.compile(r"^[\p{P}\s]+|[\p{P}\s]+$")
TOKEN = regex.compile(r"\w+", regex.UNICODE)


@lru_cache(maxsize=1)
def _leading() -> regex.Pattern:
    """A leading the/those/these (``data/review.json``), which a group may carry or not."""
    words = "|".join(regex.escape(w) for w in review_words("scoring")["leading_determiners"])
    return regex.compile(rf"^(?:{words})\s+", regex.I)


@lru_cache(maxsize=1 << 16)  # the same groups and statements come back in every pair of articles compared
def normalize_group(text: Optional[str]) -> Optional[str]:
    """Case-folded, punctuation trimmed at the edges, leading the/those/these removed."""
    if text is None:
        return None
    t = EDGE_PUNCT.sub("", text.casefold().replace("\u2019", "'"))
    prev = None
    while prev != t:
        prev, t = t, EDGE_PUNCT.sub("", _leading().sub("", t))
    return regex.sub(r"\s+", " ", t)


def group_tokens(text: Optional[str]) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=1 << 16)
def _tokens(text: Optional[str]) -> tuple[str, ...]:
    return tuple(TOKEN.findall(normalize_group(text) or ""))


def token_f1(gold: Optional[str], pred: Optional[str]) -> float:
    if gold is None or pred is None:
        return 1.0 if gold is None and pred is None else 0.0
    g, p = Counter(_tokens(gold)), Counter(_tokens(pred))
    common = sum((g & p).values())
    if not common:
        return 1.0 if not g and not p else 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def group_strict(gold: Optional[str], pred: Optional[str]) -> bool:
    return normalize_group(gold) == normalize_group(pred)


def group_lenient(gold: Optional[str], pred: Optional[str]) -> bool:
    return token_f1(gold, pred) >= LENIENT_F1
