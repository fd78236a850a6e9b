"""Sorted views of the reader's memory, so that "the latest mention before token i" is a binary search,
not a scan of every mention so far: scanning made group linking quadratic in the shares of an article
(issue 21: 1,000 paragraphs with a share each took 3.7 s, 8,000 over two minutes).

The lists in ``GroupState`` stay plain lists that the steps append to; a ``LatestBefore`` reads what was
appended since its last query. It answers as ``max(..., key=(start, end))`` over the list would,
the first entry of a tie included, so the mention chosen, and the records, do not change.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from typing import Callable, Generic, Optional, Sequence, TypeVar

from spacy.tokens import Doc

M = TypeVar("M", bound=Sequence[int])
TokenSpan = tuple[int, int]


class LatestBefore(Generic[M]):
    """The entries of an append-only list, sorted by ``key``; each key stands for its first entry in list
    order (what ``max`` returns on a tie). A list that shrank or was replaced is read again whole."""

    def __init__(self, key: Callable[[M], tuple[int, ...]]) -> None:
        self._key = key
        self._source: Optional[list[M]] = None
        self._seen = 0  # entries of the source read so far
        self._keys: list[tuple[int, ...]] = []  # distinct keys, sorted
        self._first: dict[tuple[int, ...], M] = {}  # key -> its first entry in list order

    def sync(self, source: list[M]) -> "LatestBefore[M]":
        """Take in what ``source`` gained since the last call (all of it when it is another list)."""
        if source is not self._source or len(source) < self._seen:
            self._source, self._seen, self._keys, self._first = source, 0, [], {}
        for entry in source[self._seen:]:
            k = self._key(entry)
            if k not in self._first:
                self._first[k] = entry
                insort(self._keys, k)
        self._seen = len(source)
        return self

    def latest(self, start_below: int, skip: Callable[[M], bool] = lambda m: False) -> Optional[M]:
        """The entry with the greatest key whose start is below ``start_below`` and that ``skip`` lets
        through; entries skipped are passed over one by one, so ``skip`` should reject few."""
        k = bisect_left(self._keys, (start_below,))
        while k > 0:
            k -= 1
            entry = self._first[self._keys[k]]
            if not skip(entry):
                return entry
        return None


def earliest_from(ordered: Sequence[M], start_from: int) -> Optional[M]:
    """The least entry (``min``) of a sorted list whose start is ``start_from`` or later."""
    k = bisect_left(ordered, (start_from,))  # type: ignore[arg-type]
    return ordered[k] if k < len(ordered) else None


class Memory:
    """The indexes behind ``nearest_mention`` for one article: strong mentions by (start, end), plural
    noun phrases by start, and sorted copies of the populations and mentions, each brought up to date
    with its list (``GroupState.memory``)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.strong: LatestBefore[TokenSpan] = LatestBefore(lambda m: (m[0], m[1]))
        self.weak: LatestBefore[tuple[int, int, bool]] = LatestBefore(lambda m: (m[0],))
        self._sorted: dict[str, tuple[list[TokenSpan], int, list[TokenSpan]]] = {}
        self._lemmas: dict[TokenSpan, str] = {}

    def sync(self, strong: list[TokenSpan], weak: list[tuple[int, int, bool]], populations: list[TokenSpan],
             mentions: list[TokenSpan]) -> "Memory":
        self.strong.sync(strong)
        self.weak.sync(weak)
        self.populations = self._sorted_copy("populations", populations)
        self.mentions = self._sorted_copy("mentions", mentions)
        return self

    def _sorted_copy(self, name: str, source: list[TokenSpan]) -> list[TokenSpan]:
        """``sorted(source)``, sorted again only when the list is another one or changed length."""
        cached = self._sorted.get(name)
        if cached is None or cached[0] is not source or cached[1] != len(source):
            cached = (source, len(source), sorted(source))
            self._sorted[name] = cached
        return cached[2]

    def root_lemma(self, span: TokenSpan) -> str:
        """The lower-cased lemma of the span's root, read once per span."""
        lemma = self._lemmas.get(span[:2])
        if lemma is None:
            lemma = self._lemmas[span[:2]] = self.doc[span[0]:span[1]].root.lemma_.lower()
        return lemma
