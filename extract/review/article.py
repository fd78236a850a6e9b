"""One article as the checks see it: its text and its records, and what can be read off the two.

Nothing here finds figures. Records come from any system; the text is read only around them: the
sentence a record stands in, the run of figures before 'respectively', the clause after a figure,
and a proportion in words that a record restates ('about one-quarter (23%)').
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple, Optional, Sequence

import regex

from ..numbers import Numbers, alternation, default_numbers
from ..sentences import sentence_around
from .results import CheckResult, Figure, review_words

Record = Mapping[str, Any]
RESTATED_NEAR_TOLERANCE = 10.0  # "nearly half, 41%": a proportion right before the figure that restates it
RESTATED_FAR_TOLERANCE = 5.0  # points between a proportion and the figure that restates it after its group
RESTATED_NEAR_REACH = 40  # characters from the end of the words to the end of the figure that restates them
WORDS_REACH = 200  # characters before a figure searched for the words it restates


def _words(key: str) -> str:
    """A word list of the checks as a regex alternation; spaces match any whitespace."""
    return alternation(review_words("checks")[key]).replace(r"\ ", r"\s+")


class CheckPatterns:
    """The patterns the checks read the text with, built once from ``data/review.json`` and the number
    words of ``numbers``."""

    def __init__(self, numbers: Numbers) -> None:
        words = review_words("checks")
        self.multipliers: Mapping[str, float] = words["multipliers"]
        self.multiplier = regex.compile(
            rf"\b(?P<k>{_words('multipliers')}|(?:\d+(?:\.\d+)?|{numbers.patterns.numword})\s+times)\s+as\s+"
            rf"(?:{_words('multiplier_adjectives')})\b", regex.I | regex.X)
        self.majority = regex.compile(
            rf"\b(?P<w>{_words('majority')})(?:\s+of\s+[^()\d%.;]{{1,60}}?)?\s*\(\s*$", regex.I)
        self.up = regex.compile(rf"\b(?:{_words('up')})\b", regex.I)
        self.down = regex.compile(rf"\b(?:{_words('down')})\b", regex.I)
        self.changed_from = regex.compile(
            rf"\b(?P<dir>{alternation(sum(words['changed_from'].values(), []))})\s+from\b", regex.I)
        self.difference = regex.compile(rf"\b(?:{_words('difference_nouns')})\b")
        self.total_before = regex.compile(rf"\b(?:{_words('total_before')})\s*$")
        self.list_gap = regex.compile(rf"[\s,)]*(?:{_words('list_joiners')})?[\s,]*", regex.I)
        self.versus = regex.compile(rf"\b(?:{_words('versus')})\b", regex.I)
        # Between a proportion in words and the figure restating it: "one-quarter (23%)", "Nearly two
        # thirds - 65%", "A majority, 52%", "Just under three-quarters of respondents (73%)" ...
        self.restated_near = regex.compile(
            r"""^(?:\s+of\s+[^()\d%.;:]{1,60}?)?(?:\s*\(\s*|\s*[,\u2013\u2014-]+\s*)(?:[^\W\d_]+\s+){0,2}?$""", regex.X)
        # ... or after a whole group phrase: "Four in five advertisers who use it ... (79 per cent)".
        self.restated_far = regex.compile(
            r"""^(?:\s+(?:of\s+)?(?:[^()%.;:!?\n]|\.(?=\S)|(?<=\b[A-Z])\.){1,100}?)?
                 (?:[ \t]*\([ \t]*|[ \t]*(?:--|[\u2013\u2014])[ \t]*(?:that[\u2019']s[ \t]+)?)$""", regex.X)
        # ... and the other way round, in brackets after the figure: "48% (nearly half)".
        self.restated_after = regex.compile(r"^\s*\(\s*(?:[^\W\d_]+\s+){0,2}$")
        self.close_bracket = regex.compile(r"\s*\)")
        self.respondent_groups = frozenset(words["respondent_groups"])
        # "Of these, 83% ...": a share of a subgroup named before, not of the whole sample
        self.subset_opener = regex.compile(rf"\b(?:{_words('subset_openers')})\b", regex.I)
        # a figure printed in digits with its unit: the only kind GRIM can test ("nine out of 10" is not one)
        self.printed_percent = regex.compile(r"^[-\u2212]?\d[\d.,]*\s*(?:%|per\s?cent|percent|pc)$", regex.I)
        self.changed_up = frozenset(words["changed_from"]["up"])
        self.bound_words: Mapping[str, str] = words["bound_words"]


def check_patterns(numbers: Optional[Numbers] = None) -> CheckPatterns:
    """The check patterns for the number words of ``numbers`` (the package's tables by default)."""
    return _check_patterns(numbers if numbers is not None else default_numbers())


@lru_cache(maxsize=4)
def _check_patterns(numbers: Numbers) -> CheckPatterns:
    """Built once per number table (``Numbers`` hashes by identity), not once per article."""
    return CheckPatterns(numbers)


class Words(NamedTuple):
    """A proportion written in words next to a figure, with its value and bound."""

    start: int
    end: int
    value: float
    bound: str


class Article:
    """One document's records and text, with the lookups the checks share."""

    def __init__(self, doc_id: str, text: str, records: Sequence[Record], numbers: Optional[Numbers] = None) -> None:
        self.doc_id, self.text = doc_id, text
        self.numbers = numbers or default_numbers()
        self.records = sorted(records, key=lambda r: r.get("start", r.get("org_start") or 0) or 0)
        self.percentages = [r for r in self.records if r["type"] == "percentage"]
        self.samples = [r for r in self.records if r["type"] == "sample_size"]
        self.studies = [r for r in self.records if r["type"] == "study"]

    # ------------------------------------------------------------------ sentences
    def sentence(self, start: int, end: int) -> tuple[int, int]:
        return sentence_around(self.text, start, end)

    def sentence_text(self, start: int, end: int) -> str:
        s, e = self.sentence(start, end)
        return self.text[s:e].strip()

    def in_sentence(self, bounds: tuple[int, int], kind: Optional[str] = None) -> list[Record]:
        return [r for r in self.percentages if bounds[0] <= r["start"] < bounds[1] and (kind is None or r["kind"] == kind)]

    def previous_sentence(self, bounds: tuple[int, int]) -> tuple[int, int]:
        if bounds[0] == 0:
            return bounds
        return self.sentence(max(0, bounds[0] - 2), max(0, bounds[0] - 1))

    # ------------------------------------------------------------------ what the text says around records
    def run_before(self, offset: int) -> list[Record]:
        """The figures listed right before ``offset`` ('68 percent and 55 percent, respectively'): the
        last figure of the sentence before it and each one joined to it by a comma, 'and', '&' or 'vs.'."""
        figs = [r for r in self.in_sentence(self.sentence(offset, offset)) if r["end"] <= offset]
        gap = check_patterns().list_gap
        run: list[Record] = []
        for r in reversed(figs):
            if not gap.fullmatch(self.text[r["end"]:run[0]["start"] if run else offset]):
                break
            run.insert(0, r)
        return run

    def statement(self, r: Record) -> str:
        """What the figure says, read off the text: from the figure to the next figure or clause break,
        without the group."""
        _, end = self.sentence(r["start"], r["end"])
        stop = min([p["start"] for p in self.percentages if r["end"] < p["start"] < end] + [end])
        clause = regex.split(r"[;:]", self.text[r["end"]:stop])[0]
        return clause.replace(r["group"] or "\0", " ")

    def covered(self, start: int, end: int) -> bool:
        """Does a record's span overlap text[start:end]?"""
        return any(r["start"] < end and start < r["end"] for r in self.percentages)

    def restated_words(self, r: Record) -> Optional[Words]:
        """The proportion in words that figure ``r`` restates, before it ('about one-quarter (23%)',
        'Four in five advertisers who ... (79 per cent)') or after it in brackets ('48% (nearly half)')."""
        if not regex.match(r"[-\u2212.]?\d", r["text"]):
            return None  # only a figure in digits restates words
        pats = check_patterns()
        later = [p["start"] for p in self.percentages if p["start"] > r["start"]]
        for m in self.numbers.patterns.proportion.finditer(self.text, r["end"], min(later + [r["end"] + WORDS_REACH])):
            words = self._words(m)
            if words and pats.restated_after.match(self.text[r["end"]:words.start]) and \
                    pats.close_bracket.match(self.text, words.end) and "point" not in r["text"]:
                return words
            break
        earlier = [p["end"] for p in self.percentages if p["end"] <= r["start"]]
        lo = max(earlier + [r["start"] - WORDS_REACH, 0])
        candidates = list(self.numbers.patterns.proportion.finditer(self.text, lo, r["start"]))
        for m in reversed(candidates):
            words = self._words(m)
            if words is None:
                continue
            gap = self.text[words.end:r["start"]]
            near = r["end"] - words.end <= RESTATED_NEAR_REACH and pats.restated_near.match(gap)
            if near and (regex.match(r"\s*\(", gap) or abs(words.value - float(r["value"])) <= RESTATED_NEAR_TOLERANCE):
                return words
            if abs(words.value - float(r["value"])) <= RESTATED_FAR_TOLERANCE and pats.restated_far.match(gap):
                return words
            return None  # the proportion closest to the figure is the only one it can restate
        return None

    def _words(self, m: regex.Match) -> Optional[Words]:
        """A proportion match as ``Words``, or None if it is not one or is a record of its own."""
        start, end = m.start(), m.end()
        value = self.numbers.proportion_of(m)
        if value is None or value > 100 or self.covered(start, end):
            return None
        return Words(start, end, value, self.numbers.bound_at(self.text, start, end))


def result(check: str, status: str, art: Article, figs: Iterable[Mapping[str, Any]], computed: Optional[float],
           stated: Optional[float], explanation: str, *, anchor: Optional[Mapping[str, Any]] = None,
           reason: Optional[str] = None, rounding: bool = False) -> CheckResult:
    figures = [Figure.of(f) for f in figs]
    ref = anchor or (figures[0].__dict__ if figures else {"start": 0, "end": 0})
    return CheckResult(check, status, art.doc_id, figures, computed, stated,
                       art.sentence_text(ref["start"], ref["end"]), explanation, reason, rounding, [art.doc_id])
