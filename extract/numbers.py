"""Numbers as writers print them: digits, number words, fractions, 'one in ten', and the qualifiers
that bound them.

The one reader of the number tables (``numbers.json``, ``qualifiers.jsonl`` and the lexicon's
``ratio_links``, through the ``Lexicon``): the percentage forms build their number words, fractions,
ratios and qualifiers from ``NumberPatterns`` and take bounds from ``Numbers.bound_at``, and the checks
read the words around a record ("about one-quarter (23%)") with the same, so an edit to a table changes
the figures found and the checks alike. Nothing here searches an article for figures (that is
``percentages``), so any system's records can be checked without running this extractor's figure finder.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Mapping, Optional

import regex

from . import grammar
from .lexicon import Lexicon, phrase_alternation

QUALIFIER_REACH = (40, 20)  # characters before and after a figure that its qualifier may take


def alternation(words: object) -> str:
    """A regex alternation of words, longest first, so that 'seventeen' wins over 'seven'."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))  # type: ignore[call-overload]


@dataclass(frozen=True, eq=False)
class Numbers:
    """Number names, fraction names and qualifiers, with the small parsers built on them."""

    units: Mapping[str, int]
    tens: Mapping[str, int]
    articles: Mapping[str, int]
    denominators: Mapping[str, int]
    bound_before: Mapping[str, str]
    bound_after: Mapping[str, str]
    ratio_links: frozenset[str]  # 'in', 'out of': between the two numbers of a ratio

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "Numbers":
        nums = lexicon.numbers
        return cls(units=dict(nums["units"]), tens=dict(nums["tens"]), articles=dict(nums["articles"]),
                   denominators={k.lower(): v for k, v in nums["denominators"].items()},
                   bound_before={q.phrase: q.bound for q in lexicon.qualifiers if q.position == "before"},
                   bound_after={q.phrase: q.bound for q in lexicon.qualifiers if q.position == "after"},
                   ratio_links=lexicon.word_set("ratio_links"))

    # ------------------------------------------------------------------ values
    def value(self, text: str) -> Optional[float]:
        """'1,024' -> 1024.0, 'Fifty-eight' -> 58.0, 'one point three' -> 1.3, 'a hundred' -> 100.0."""
        t = text.strip().lower().replace("\u2212", "-")
        if not t:
            return None
        if t[0].isdigit() or t[0] in "-.":
            try:
                return float(t.replace(",", ""))
            except ValueError:
                return None
        if " point " in t:
            whole, _, frac = t.partition(" point ")
            w = self.value(whole)
            digits = [self.units.get(x) for x in frac.split()]
            if w is None or any(d is None or d > 9 for d in digits):
                return None
            return float(f"{int(w)}.{''.join(str(d) for d in digits)}")
        words = [w for w in regex.split(r"[\s-]+", t) if w]
        if words in (["one", "hundred"], ["a", "hundred"]):
            return 100.0
        total = 0
        for w in words:
            found = self.tens.get(w, self.units.get(w, self.articles.get(w)))
            if found is None:
                return None
            total += found
        return float(total)

    def fraction(self, num: Optional[str], den: str) -> Optional[float]:
        """Percent of a fraction: ('two', 'thirds') -> 66.7, (None, 'half') -> 50.0."""
        n = 1.0 if num is None else self.value(num)
        d = self.denominators.get(den.lower())
        if n is None or not d:
            return None
        return round(100.0 * n / d, 1)

    def ratio(self, a: str, b: str) -> Optional[float]:
        """Percent of 'A in B' / 'A out of B': ('three', 'four') -> 75.0; None unless 0 < A < B <= 1000, whole."""
        x, y = self.value(a), self.value(b)
        if x is None or y is None or not (0 < x < y) or y > 1000 or x != int(x) or y != int(y):
            return None
        return round(100.0 * x / y, 1)

    # ------------------------------------------------------------------ bounds
    def bound(self, before: str, after: str = "") -> str:
        """The bound a qualifier right before the figure (``before`` ends where it starts) or right after
        it (``after`` starts where it ends) sets; 'exact' when there is none."""
        m = self.patterns.qualifier_before.search(before[-QUALIFIER_REACH[0]:])
        if m:
            return self.bound_before[m.group("q").lower()]
        m = self.patterns.qualifier_after.search(after[:QUALIFIER_REACH[1]])
        if m:
            return self.bound_after[m.group("q").lower()]
        return "exact"

    def bound_at(self, text: str, start: int, end: int) -> str:
        """The bound a qualifier sets on the figure ``text[start:end]``, read within ``QUALIFIER_REACH``."""
        before, after = QUALIFIER_REACH
        return self.bound(text[max(0, start - before):start], text[end:end + after])

    @cached_property
    def patterns(self) -> "NumberPatterns":
        return NumberPatterns(self)

    # ------------------------------------------------------------------ verbal proportions
    def proportion(self, text: str) -> Optional[float]:
        """The percent a proportion in words stands for: 'two-thirds' 66.7, 'half' 50, 'four in 10' 40,
        'Three out of four' 75, 'Five of the eight' 62.5, 'forty per cent' 40; None if it is not one."""
        m = self.patterns.proportion.fullmatch(text.strip())
        return self.proportion_of(m) if m else None

    def proportion_of(self, m: regex.Match) -> Optional[float]:
        """The value of a match of ``patterns.proportion``."""
        if m.group("den"):
            num = m.group("num")
            if num is not None and num.isdigit():
                return None  # "3 quarters" is a period
            half = self.denominators.get(m.group("den").lower()) == 2
            if num is None and not half:
                return None  # "third", "quarter" alone are ordinals or periods
            if half and num is not None and self.value(num) != 1:
                return None  # "two halves"; "a half", "one half" are one
            return self.fraction(num, m.group("den"))
        if m.group("a"):
            return self.ratio(m.group("a"), m.group("b"))
        return self.value(m.group("pct"))


class NumberPatterns:
    """The compiled patterns of a ``Numbers`` (built once per table, never at import time), and the
    pieces the percentage forms build theirs from (verbose regex source, case left to the caller)."""

    def __init__(self, numbers: Numbers) -> None:
        self.units = alternation(numbers.units)
        self.articles = alternation(numbers.articles)
        self.denominators = alternation(numbers.denominators)
        digits_1_9 = alternation(k for k, v in numbers.units.items() if 1 <= v <= 9)
        # A number written in words, up to one hundred: "eight", "Fifty-eight", "forty three".
        self.numword = rf"""
            (?:(?:one|a)[\s-]+hundred
              | (?:{alternation(numbers.tens)})(?:[\s-]+(?:{digits_1_9}))?
              | (?:{self.units}))"""
        # Between the two numbers of a ratio, a hyphen allowed: "one in 10", "one-in-five", "three out of four".
        self.ratio_links = phrase_alternation(numbers.ratio_links).replace(r"\s+", r"[\s-]+")
        # Between the two numbers of a count of a whole: "Five of the eight".
        self.count_of_determiners = phrase_alternation(grammar.COUNT_OF_DETERMINERS)
        small = rf"(?:{self.numword}|\d+)"
        # "two-thirds", "a third", "half"; "four in 10", "Three out of four", "39 nations out of 65",
        # "Five of the eight"; "Forty per cent".
        self.proportion = regex.compile(
            rf"""\b(?:(?:(?P<num>{self.articles}|{self.numword}|\d+)[\s-]+)?(?P<den>{self.denominators})
                   | (?P<a>{small})(?:(?:\s+|-)(?:{self.ratio_links})(?:\s+|-)(?:every\s+)?
                                     | \s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+out\s+of\s+(?:every\s+)?
                                     | \s+of\s+(?:{self.count_of_determiners})\s+)(?P<b>{small})
                   | (?P<pct>{self.numword})[\s-]*(?:per[\s-]?cent|percent)
                )\b""", regex.VERBOSE | regex.IGNORECASE)
        self.qualifier_before = regex.compile(rf"(?:^|[^\w])(?P<q>{alternation(numbers.bound_before)})\s*$", regex.I)
        self.qualifier_after = regex.compile(rf"^\s*(?P<q>{alternation(numbers.bound_after)})\b", regex.I)


def numbers_of(lexicon: Lexicon) -> Numbers:
    """The lexicon's number tables, built once per lexicon: the percentage forms and the checks given the
    same lexicon share them."""
    return lexicon.compiled(Numbers.from_lexicon)


@lru_cache(maxsize=1)
def default_numbers() -> Numbers:
    """The package's tables, read once."""
    return numbers_of(Lexicon.default())
