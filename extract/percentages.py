"""Percentage figures: every way a writer states a proportion, with its bound.

Finding figures needs no parse: the patterns are regular (numbers, number
words, fractions, "one in ten", units), so this component runs on a blank
pipeline and tells the rest of the pipeline which sentences are worth parsing.
The kind it sets is provisional (``point_change`` for percentage points,
``share`` otherwise); ``survey_groups`` refines it with the parse.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import doc_text, register_extensions
from .lexicon import Lexicon
from .numbers import Numbers
from .textspans import find_anchors

DEFAULT_SPANS_KEY = "survey_percentages"
SENTENCE_REACH = 2000  # characters back to look for a sentence's start, so that text with no '.' is not read again per figure
POINTS_CONTEXT = 400  # characters before bare "points" that must hold a percentage for them to be points of one
RESTATED_NEAR_TOLERANCE = 10.0  # "nearly half (41%)": a verbal figure right before its exact value
RESTATED_TOLERANCE = 5.0  # points between a verbal figure and the exact one that restates it further on
WINDOW = 120  # characters of context kept on each side of a possible figure
Windows = list[tuple[int, int]]
FACTORY = "survey_percentages"
WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Figure:
    """One percentage figure found in text, in character offsets."""

    start: int
    end: int
    value: float
    bound: str
    unit: str  # "percent" or "points"
    form: str  # numeric, words, fraction, ratio, count, range_low, range_high, list
    superseded: bool = False  # a verbal figure restated exactly right after it: "one-quarter (23%)"
    verbal_of: Optional[int] = None  # on an exact figure: start offset of the verbal figure it restates


def _range(low: tuple[int, int], high: tuple[int, int], lo: float, hi: float, unit: str) -> list[Figure]:
    """The two records of a range: the low end a lower bound, the high end an upper one."""
    return [Figure(low[0], low[1], lo, "lower", unit, "range_low"), Figure(high[0], high[1], hi, "upper", unit, "range_high")]


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that 'seventeen' wins over 'seven'."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class PercentPatterns:
    """The compiled patterns, built from a lexicon (never at import time)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.numbers = Numbers.from_lexicon(lexicon)
        nums = lexicon.numbers
        self.units = dict(nums["units"])
        self.tens = dict(nums["tens"])
        self.articles = dict(nums["articles"])
        self.denominators = dict(nums["denominators"])
        units_alt = _alternation(self.units)
        digits_1_9 = _alternation(k for k, v in self.units.items() if 1 <= v <= 9)
        tens_alt = _alternation(self.tens)
        art_alt = _alternation(self.articles)
        den_alt = _alternation(self.denominators)

        # A number written in words, up to one hundred: "eight", "Fifty-eight", "forty three".
        self.numword = rf"""
            (?:(?:one|a)[\s-]+hundred
              | (?:{tens_alt})(?:[\s-]+(?:{digits_1_9}))?
              | (?:{units_alt}))"""
        # A decimal in words, as BBC reporters write them: "one point three".
        decword = rf"(?:{self.numword})\s+point(?:\s+(?:{units_alt}))+"
        # Digits, with thousands separators and decimals; a leading minus only after space or "(".
        digits = r"""
            (?:(?<=^|[\s(])[-\u2212])?
            (?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"""
        self.number = rf"""
            (?:(?<![\w$£€¥.,\u2212-]){digits}(?![\d])
              | \b(?:{decword}|{self.numword})\b)"""
        # The high end of a range may follow a dash directly: "3-5%".
        hi_number = rf"""
            (?:(?<![\w$£€¥.,\u2212]){digits}(?![\d])
              | \b(?:{decword}|{self.numword})\b)"""
        # Units. Percentage points come first: "percent points" starts like "percent".
        points = r"""
            (?:[\s-]+per(?:[\s-]?cent(?:age)?)[\s-]+points?\b
              | [\s-]+percentage[\s-]+points?\b
              | \s?(?-i:pp|ppts?)\b
              | [\s-]points?\b(?=\s+(?:lead|gap|difference|margin|swing|advantage|drop|fall|rise|increase|decline|jump|slide)\b))"""
        percent = r"""
            (?:\s?%
              | [\s-]?per[\s-]?cent\b
              | \s?(?-i:pc)\b)"""
        self.points_unit = points
        unit = rf"(?:(?P<pts>{points})|(?P<pct>{percent}))"
        lo_unit = rf"(?:(?P<lo_pts>{points})|(?P<lo_pct>{percent}))"
        flags = regex.VERBOSE | regex.IGNORECASE

        # "between 40 and 50 per cent", "between 40% and 50%"
        self.between = regex.compile(
            rf"\bbetween\s+(?P<lo>{self.number}){lo_unit}?\s+and\s+(?P<hi>{self.number}){unit}", flags)
        # "40-50%", "40% to 50%", "40 to 50 per cent" (a range only when low < high)
        self.dash_range = regex.compile(
            rf"(?P<lo>{self.number}){lo_unit}?\s*(?:-|\u2013|\u2014|\bto\b)\s*(?P<hi>{hi_number}){unit}", flags)
        # "up by nine and 14 percentage points": earlier numbers share the last one's unit
        self.shared_unit = regex.compile(
            rf"""(?P<head>(?:{self.number})(?:\s*,\s*(?:{self.number}))*)
                 \s*,?\s+(?:and|or)\s+(?P<last>{self.number}){unit}""", flags)
        # A change written with one unit for both ends: "from 4.1 to 3.9 percent", "from 6 to 8 per cent
        # to 2 to 4 per cent" (the second "to" makes the first pair a range, not a change).
        self.from_to = regex.compile(
            rf"""\bfrom\s+(?P<lo>{self.number})\s*(?:(?P<dash>-|\u2013)|\bto\b)\s*(?P<hi>{hi_number}){unit}
                 (?P<then>\s+to\s+(?:{self.number}))?""", flags)
        # Bare numbers a vote makes shares: "by a 61 to 30 margin", "by a 61-30 percent margin".
        self.margin = regex.compile(
            rf"""\bby\s+an?\s+(?:(?:wide|narrow|clear|slim|huge|large|small)\s+)?
                 (?P<a>\d{{1,2}}(?:\.\d+)?)\s*(?:-|\u2013|\bto\b)\s*(?P<b>\d{{1,2}}(?:\.\d+)?)
                 (?:\s*(?:%|per\s?cent|percent))?\s+(?:percentage[\s-]+points?\s+)?margin\b""", flags)
        # Points with no "percentage" before them, where the words around say a share moved or two differ:
        # "up eight points from 2009", "has dropped by 12 points", "from 15 points in 1994 to 36 points",
        # "the 17-point average difference".
        self.bare_points = regex.compile(rf"(?P<num>{self.number})[\s-]points?\b", flags)
        self.points_before = regex.compile(
            r"""\b(?:up|down|rose|risen|fell|fallen|dropped|drop|gained|lost|jumped|slipped|increased|decreased
                  |declined|grew|grown|climbed|slumped|plunged|shrank|widened|narrowed|from|to)
                \s+(?:by\s+)?(?:(?:just|only|some|about|nearly|almost|over|more\s+than|less\s+than)\s+)?$""",
            regex.VERBOSE | regex.IGNORECASE)
        self.points_after = regex.compile(
            r"""^(?:\s+[\w-]+){0,2}?\s+(?:lead|gap|difference|differences|margin|swing|advantage|drop|fall|rise
                  |increase|decline|jump|slide|jumps|rises|falls|drops|gain|loss|shift)\b
              | ^\s+(?:in\s+(?:19|20)\d\d|now|since|from|versus|vs\.?|compared|higher|lower|more|less)\b""",
            regex.VERBOSE | regex.IGNORECASE)
        self.points_differ = regex.compile(r"\b(?:differences?|gap|gaps|lead|margin|divide|spread)\b", regex.I)
        self.percent_near = regex.compile(r"\d\s?%|\b(?:per\s?cent|percent(?:age)?)\b", regex.I)
        # A table row flattened into text: "Donald Trump44%38%38%": the first cell is glued to the label.
        self.glued_cell = regex.compile(r"(?<=[^\W\d_])(?P<num>\d{1,2}(?:\.\d+)?)%(?=\d{1,2}(?:\.\d+)?%)")
        # "60%", "68 percent", "Fifty-eight per cent", "13-percentage-point"
        self.single = regex.compile(rf"(?P<num>{self.number}){unit}", flags)
        # "a quarter of a percentage point", "half a point"
        self.fraction_point = regex.compile(
            rf"""\b(?:(?P<num>{art_alt}|{self.numword})[\s-]+)?(?P<den>{den_alt})
                 \s+(?:of\s+)?an?\s+(?:percentage\s+)?point\b""", flags)
        # "two-thirds", "Three-quarters", "a third", "one-quarter", "half"
        self.fraction = regex.compile(
            rf"\b(?:(?P<num>{art_alt}|{self.numword}|\d+)[\s-]+)?(?P<den>{den_alt})\b", flags)
        # "one in 10", "6 in 10", "Three out of four", "one in every five"
        small = rf"(?:{self.numword}|\d+)"
        self.ratio = regex.compile(
            rf"\b(?P<a>{small})(?:\s+|-)(?:in|out[\s-]+of)(?:\s+|-)(?:every\s+)?(?P<b>{small})\b", flags)
        # "39 nations out of 65"
        self.ratio_noun = regex.compile(
            rf"\b(?P<a>{small})\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+out\s+of\s+(?:every\s+)?(?P<b>{small})\b", flags)
        # "Five of the eight critics"
        self.count_of = regex.compile(
            rf"\b(?P<a>{small})\s+of\s+(?:the|those|these|its|their)\s+(?P<b>{small})\b", flags)
        # A verbal figure restated exactly: "one-quarter (23%)", "Nearly two thirds - 65% -", "A majority, 52%,"
        # ... also after the group: "Just under three-quarters of respondents (73%)".
        self.restated = regex.compile(
            rf"""^(?:\s+of\s+[^()\d%.;:]{{1,60}}?)?
                 (?:\s*\(\s*|\s*[,\u2013\u2014-]+\s*)(?:[^\W\d_]+\s+){{0,2}}?(?P<num>{self.number}){unit}""", flags)

        # ... and after a whole group phrase, when the two values agree: "Four in five advertisers who use
        # Internet advertising use it as a branding device (79 per cent)", "eight in 10 parents (82%)",
        # "only four percent -- that's 4 percent --".
        self.restated_far = regex.compile(
            r"""^(?:\s+(?:of\s+)?(?:[^()%.;:!?\n]|\.(?=\S)|(?<=\b[A-Z])\.){1,100}?)?
                 (?:[ \t]*\([ \t]*|[ \t]*(?:--|[\u2013\u2014])[ \t]*(?:that[\u2019']s[ \t]+)?)$""", regex.VERBOSE)
        # Between an exact figure and its verbal restatement in brackets: "48% (nearly half)".
        self.restated_after = regex.compile(r"^\s*\(\s*(?:[^\W\d_]+\s+){0,2}$")
        before = [q for q in lexicon.qualifiers if q.position == "before"]
        after = [q for q in lexicon.qualifiers if q.position == "after"]
        self.bound_before = {q.phrase: q.bound for q in before}
        self.bound_after = {q.phrase: q.bound for q in after}
        self.qualifier_before = regex.compile(
            rf"(?:^|[^\w])(?P<q>{_alternation(self.bound_before)})\s*$", regex.IGNORECASE)
        self.qualifier_after = regex.compile(
            rf"^\s*(?P<q>{_alternation(self.bound_after)})\b", regex.IGNORECASE)

        stop_after_ratio = lexicon.word_set("time_nouns") | lexicon.word_set("non_respondent_count_nouns")
        self.ratio_stop_next = stop_after_ratio - {"people"}
        self.half_stop_before = regex.compile(
            r"""(?:\b(?:first|second|third|fourth|latter|former|last|next|other|back|front|top|bottom|upper
                   |lower|opening|closing|final|early|late|this|that)\s+
                 | \band\s+an?\s+ | \d\s*and\s+an?\s+ | \bin\s+ | \bone\s+and\s+ | \band-)$""",
            regex.VERBOSE | regex.IGNORECASE)
        time_alt = _alternation(lexicon.word_set("time_nouns"))
        self.fraction_stop_after = regex.compile(
            rf"""^(?:-
                 | \s+an?\s+(?!(?:percentage\s+)?point)
                 | \s+(?:{time_alt}|party|parties|place|world|way|person|division|tier|generation|option|leg|stage
                      |reading|runway|test|dozen|price|measures|truth|brother|sister|mile|marathon|largest|biggest
                      |highest|lowest|final|finals|century|member|members|wife|husband|successive|consecutive|straight)\b
                 | \s+of\s+(?:the\s+|this\s+|last\s+|next\s+|that\s+|a\s+|an\s+)?(?:{time_alt})\b)""",
            regex.VERBOSE | regex.IGNORECASE)
        self.url_before = regex.compile(r"(?:https?://|www\.)\S*$", regex.IGNORECASE)
        small_words = _alternation([w for w, v in {**self.units, **self.tens}.items() if v >= 2] + ["hundred"])
        # What each pass's matches must contain, and how far before and after it they can reach:
        # plain `re`, one scan, loose literals (a superset of what the passes match).
        den_words = "|".join(sorted({d.lower().rstrip("s") for d in self.denominators} | {"halves"}, key=len, reverse=True))
        self.anchors = re.compile(
            rf"""(?P<unit>%|per\s?cent|percent|(?<![^\W\d_])pc\b|\bpp|\bpoints?\b|\bmargin\b)
               | (?P<fraction>{den_words})
               | (?P<ratio>\b(?:in|out\s+of|of\s+(?:the|those|these|its|their))[\s-]+(?:every\s+)?(?:\d|{small_words}))""",
            re.X)  # written in lower case: find_anchors scans the lower-cased text
        self.reach: dict[str, tuple[int, int]] = {"unit": (100, 5), "fraction": (30, 60), "ratio": (60, 40)}

    # ------------------------------------------------------------------ values
    def number_value(self, text: str) -> Optional[float]:
        """'1,024' -> 1024.0, 'Fifty-eight' -> 58.0, 'one point three' -> 1.3."""
        return self.numbers.value(text)

    def fraction_value(self, num: Optional[str], den: str) -> Optional[float]:
        return self.numbers.fraction(num, den)

    def bound_at(self, text: str, start: int, end: int) -> str:
        """The bound set by a qualifier just before (or, for 'or more', just after) the figure."""
        m = self.qualifier_before.search(text[max(0, start - 40):start])
        if m:
            return self.bound_before[m.group("q").lower()]
        m = self.qualifier_after.search(text[end:end + 20])
        if m:
            return self.bound_after[m.group("q").lower()]
        return "exact"

    # ------------------------------------------------------------------ finding
    def windows(self, text: str) -> dict[str, Windows]:
        """Per kind of anchor (a unit, a fraction word, 'in ten'), the stretches of text around each
        one, widened to whitespace and merged: a pass's pattern only runs in its kind's windows."""
        out: dict[str, Windows] = {kind: [] for kind in self.reach}
        # Where the whitespace is, found once: widening by walking the text again for each anchor is
        # quadratic on a run with no spaces ('%' 8,000 times). ``\s`` is ``str.isspace`` for ``re``.
        spaces = [m.start() for m in WHITESPACE.finditer(text)]
        for m in find_anchors(self.anchors, text):
            kind = m.lastgroup or "unit"
            before, after = self.reach[kind]
            s, e = max(0, m.start() - before), min(len(text), m.end() + after)
            k = bisect_left(spaces, s)  # spaces[k - 1] is the last whitespace before s
            s = spaces[k - 1] + 1 if k > 0 else 0
            k = bisect_left(spaces, e)  # spaces[k] is the first whitespace at or after e
            e = spaces[k] if k < len(spaces) else len(text)
            spans = out[kind]
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], e))
            else:
                spans.append((s, e))
        return out

    @staticmethod
    def _scan(pattern: regex.Pattern, text: str, windows: Windows) -> Iterator[regex.Match]:
        for s, e in windows:
            yield from pattern.finditer(text, s, e)

    def find(self, text: str, *, everywhere: bool = False) -> list[Figure]:
        """All figures in reading order; verbal figures restated exactly are marked superseded.
        ``everywhere`` runs the patterns over the whole text instead of the windows (same result,
        slower: the reference the windows are tested against)."""
        # Claimed spans never overlap, so sorted by start their ends are sorted too: a span is free when
        # the last claimed span starting before its end ends before its start (a bisection, not a scan).
        claimed_starts: list[int] = []
        claimed_ends: list[int] = []
        found: list[Figure] = []

        def free(s: int, e: int) -> bool:
            k = bisect_left(claimed_starts, e)
            return all(s >= claimed_ends[j] or e <= claimed_starts[j] for j in range(max(0, k - 1), k))

        def take(figs: list[Figure], span: tuple[int, int]) -> None:
            k = bisect_right(claimed_starts, span[0])
            claimed_starts.insert(k, span[0])
            claimed_ends.insert(k, span[1])
            found.extend(figs)

        passes: list[tuple[Callable[[str, Windows], Iterator[tuple[tuple[int, int], list[Figure]]]], str]] = [
            (self._from_to, "unit"), (self._margins, "unit"), (self._ranges, "unit"), (self._shared_unit_lists, "unit"), (self._fraction_points, "fraction"),
            (self._singles, "unit"), (self._bare_points_pass, "unit"), (self._glued_cells, "unit"), (self._ratios, "ratio"), (self._fractions, "fraction"), (self._counts_of, "ratio"),
        ]
        by_kind = {k: [(0, len(text))] for k in self.reach} if everywhere else self.windows(text)
        for find_pass, kind in passes:
            windows = by_kind[kind]
            for span, figs in find_pass(text, windows):
                if free(*span) and not self.url_before.search(text[max(0, span[0] - 200):span[0]]):
                    take(figs, span)
        found.sort(key=lambda f: f.start)
        return self._mark_restated(text, found)

    def _unit(self, m: regex.Match, prefix: str = "") -> str:
        return "points" if m.group(f"{prefix}pts") else "percent"

    def _ranges(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for pattern in (self.between, self.dash_range):
            for m in self._scan(pattern, text, windows):
                lo, hi = self.number_value(m.group("lo")), self.number_value(m.group("hi"))
                if lo is None or hi is None or not lo < hi:
                    continue
                if pattern is self.dash_range and regex.search(r"\b(?:from|by)\s+$", text[max(0, m.start() - 8):m.start()], regex.I):
                    continue
                if (m.group("lo_pts") or m.group("lo_pct")) is None and (lo > 100 or "," in m.group("lo")):
                    continue
                unit = self._unit(m)
                lo_end = m.end("lo_pts") if m.group("lo_pts") else m.end("lo_pct") if m.group("lo_pct") else m.end("lo")
                yield (m.start("lo"), m.end()), _range((m.start("lo"), lo_end), (m.start("hi"), m.end()), lo, hi, unit)

    def _from_to(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        """'fell from 4.1 to 3.9 percent': two figures, one unit; 'from 6 to 8 per cent to 2 to 4 per cent':
        a range moving to another range (the second range is left to the range pass)."""
        for m in self._scan(self.from_to, text, windows):
            lo, hi = self.number_value(m.group("lo")), self.number_value(m.group("hi"))
            if lo is None or hi is None or lo > 100 or hi > 100 or "," in m.group("lo"):
                continue
            unit, end = self._unit(m), m.end("pts") if m.group("pts") else m.end("pct")
            if (m.group("then") or m.group("dash")) and lo < hi:
                yield (m.start("lo"), end), _range((m.start("lo"), m.end("lo")), (m.start("hi"), end), lo, hi, unit)
            elif not (m.group("then") or m.group("dash")):
                yield (m.start("lo"), end), [
                    Figure(m.start("lo"), m.end("lo"), lo, self.bound_at(text, m.start("lo"), m.end("lo")), unit, "list"),
                    Figure(m.start("hi"), end, hi, self.bound_at(text, m.start("hi"), end), unit, "list"),
                ]

    def _margins(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        """'approved by a 61 to 30 margin': the two sides' shares, each on its bare number."""
        for m in self._scan(self.margin, text, windows):
            a, b = self.number_value(m.group("a")), self.number_value(m.group("b"))
            if a is None or b is None or a + b > 100.5:
                continue
            yield (m.start("a"), m.end("b")), [
                Figure(m.start("a"), m.end("a"), a, "exact", "percent", "margin"),
                Figure(m.start("b"), m.end("b"), b, "exact", "percent", "margin"),
            ]

    def _shared_unit_lists(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for m in self._scan(self.shared_unit, text, windows):
            if regex.search(r"\b(?:and|to|between|aged|from)\s+$", text[max(0, m.start() - 10):m.start()], regex.I):
                continue  # "aged between 18 and 24, and 19% of ...": the number belongs to another phrase
            heads = list(regex.finditer(self.number, m.group("head"), regex.VERBOSE | regex.IGNORECASE))
            values = [self.number_value(h.group()) for h in heads]
            if not heads or any(v is None or v > 100 or "," in h.group() for v, h in zip(values, heads)):
                continue
            unit = self._unit(m)
            figs = []
            for h, v in zip(heads, values):
                s, e = m.start("head") + h.start(), m.start("head") + h.end()
                figs.append(Figure(s, e, float(v), self.bound_at(text, s, e), unit, "list"))
            last = self.number_value(m.group("last"))
            if last is None:
                continue
            figs.append(Figure(m.start("last"), m.end(), last, self.bound_at(text, m.start("last"), m.end()), unit, "list"))
            yield (m.start(), m.end()), figs

    def _singles(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for m in self._scan(self.single, text, windows):
            value = self.number_value(m.group("num"))
            if value is None:
                continue
            form = "numeric" if m.group("num").lstrip("-\u2212.")[:1].isdigit() else "words"
            s, e = m.start(), m.end()
            yield (s, e), [Figure(s, e, value, self.bound_at(text, s, e), self._unit(m), form)]

    def _bare_points_pass(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        """'up eight points', 'dropped by 12 points': points of a share, named only by what moved."""
        for m in self._scan(self.bare_points, text, windows):
            value = self.number_value(m.group("num"))
            if value is None or value > 100 or "," in m.group("num"):
                continue
            before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 40]
            if not (self.points_before.search(before) or self.points_after.match(after)):
                continue
            reach = max(0, m.start() - SENTENCE_REACH)
            sentence = text[max(reach, text.rfind(".", reach, m.start()) + 1):m.end() + 60]
            if not (self.percent_near.search(text, max(0, m.start() - POINTS_CONTEXT), m.start())
                    or self.points_differ.search(sentence)):
                continue  # points of an index or a score ("confidence ... to drop one point"), not of a share
            form = "numeric" if m.group("num")[:1].isdigit() else "words"
            yield (m.start(), m.end()), [Figure(m.start(), m.end(), value, self.bound_at(text, m.start(), m.end()), "points", form)]

    def _glued_cells(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for m in self._scan(self.glued_cell, text, windows):
            value = self.number_value(m.group("num"))
            if value is not None:
                yield (m.start(), m.end()), [Figure(m.start(), m.end(), value, "exact", "percent", "numeric")]

    def _fraction_points(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for m in self._scan(self.fraction_point, text, windows):
            value = self.fraction_value(m.group("num"), m.group("den"))
            if value is None:
                continue
            s, e = m.start(), m.end()
            yield (s, e), [Figure(s, e, round(value / 100.0, 3), self.bound_at(text, s, e), "points", "fraction")]

    def _fractions(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for m in self._scan(self.fraction, text, windows):
            num, den = m.group("num"), m.group("den").lower()
            is_half = den in ("half", "halves")
            if num is None and not is_half:
                continue  # "third", "quarter" alone are ordinals or periods
            if num is not None and num.isdigit():
                continue  # "3 quarters" is a period, not a share
            s, e = m.start(), m.end()
            if is_half and num is not None and num.lower() not in ("a", "an", "one"):
                continue
            if self.half_stop_before.search(text[max(0, s - 30):s]):
                continue
            if self.fraction_stop_after.search(text[e:e + 40]):
                continue
            value = self.fraction_value(num, den)
            if value is None or value > 100:
                continue
            yield (s, e), [Figure(s, e, value, self.bound_at(text, s, e), "percent", "fraction")]

    def _ratio_ok(self, a: Optional[float], b: Optional[float], text_after: str) -> bool:
        """'one in 10' is a figure; 'one in 10 years' and '3 in 2003' are not."""
        if a is None or b is None or not (0 < a < b) or b > 1000 or a != int(a) or b != int(b):
            return False
        nxt = regex.match(r"\s+([^\W\d_]+)", text_after)
        return not (nxt and nxt.group(1).lower() in self.ratio_stop_next)

    def _ratios(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for pattern in (self.ratio_noun, self.ratio):
            for m in self._scan(pattern, text, windows):
                a, b = self.number_value(m.group("a")), self.number_value(m.group("b"))
                is_in = regex.search(r"\bin\b", m.group(), regex.I) and "out" not in m.group().lower()
                if not self._ratio_ok(a, b, text[m.end():m.end() + 30] if is_in else ""):
                    continue
                if pattern is self.ratio_noun and m.group("noun").lower().split()[0] in ("in", "of", "out", "per"):
                    continue
                s, e = m.start(), m.end()
                yield (s, e), [Figure(s, e, round(100.0 * a / b, 1), self.bound_at(text, s, e), "percent", "ratio")]

    def _counts_of(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        for m in self._scan(self.count_of, text, windows):
            a, b = self.number_value(m.group("a")), self.number_value(m.group("b"))
            if not self._ratio_ok(a, b, ""):
                continue
            s, e = m.start(), m.end()
            yield (s, e), [Figure(s, e, round(100.0 * a / b, 1), self.bound_at(text, s, e), "percent", "count")]

    def _mark_restated(self, text: str, figures: list[Figure]) -> list[Figure]:
        """'about one-quarter (23%)' is one record, at 23%: mark the verbal figure superseded."""
        by_start = {f.start: i for i, f in enumerate(figures)}
        out = list(figures)
        for i, fig in enumerate(figures):
            if fig.form not in ("fraction", "ratio", "count", "words") or fig.unit != "percent":
                continue
            m = self.restated.match(text[fig.end:fig.end + 40])
            j = by_start.get(fig.end + m.start("num")) if m else None  # the restating figure, found by its own pass
            bracketed = m is not None and regex.match(r"\s*\(", m.group())
            if j is not None and not bracketed and abs(figures[j].value - fig.value) > RESTATED_NEAR_TOLERANCE:
                j = None  # "half of them said yes, and 30% said no": two figures, not one restated
            if j is None and i + 1 < len(figures):
                nxt = figures[i + 1]
                if nxt.form == "numeric" and abs(nxt.value - fig.value) <= RESTATED_TOLERANCE and \
                        self.restated_far.match(text[fig.end:nxt.start]):
                    j = i + 1
            if j is None or j == i:
                continue
            out[i] = replace(fig, superseded=True)
            out[j] = replace(out[j], verbal_of=fig.start)
        # The other order: "48% (nearly half)", "More than 80% (four out of five)".
        for i, (fig, nxt) in enumerate(zip(figures, figures[1:])):
            if fig.form != "numeric" or fig.unit != "percent" or nxt.form not in ("fraction", "ratio", "count", "words"):
                continue
            if self.restated_after.match(text[fig.end:nxt.start]) and regex.match(r"\s*\)", text[nxt.end:nxt.end + 5]):
                out[i + 1] = replace(out[i + 1], superseded=True)
                out[i] = replace(out[i], verbal_of=nxt.start)
        return out


def find_figures(text: str, patterns: PercentPatterns) -> list[Figure]:
    """Figures to report: verbal figures restated exactly are folded into the exact one."""
    return [f for f in patterns.find(text) if not f.superseded]


def provisional_kind(figure: Figure) -> str:
    return "point_change" if figure.unit == "points" else "share"


class PercentageFinder:
    """spaCy component: percentage figures into ``doc.spans[spans_key]``."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, spans_key: str = DEFAULT_SPANS_KEY,
                 lexicon: Optional[Lexicon] = None) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.lexicon = lexicon or Lexicon.default()
        self.patterns = PercentPatterns(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Figure]:
        return find_figures(doc_text(doc), self.patterns)

    def set_annotations(self, doc: Doc, figures: list[Figure]) -> None:
        spans = []
        for fig in figures:
            span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if span is None:
                continue
            span._.value = fig.value
            span._.bound = fig.bound
            span._.kind = provisional_kind(fig)
            span._.form = fig.form
            span._.unit = fig.unit
            spans.append(span)
        # Expanded spans of adjacent figures can collide ("3-5%" in one token): keep the longest.
        kept = set(id(s) for s in filter_spans(spans))
        doc.spans[self.spans_key] = [s for s in spans if id(s) in kept]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.lexicon.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "PercentageFinder":
        self.lexicon = Lexicon.from_disk(path)
        self.patterns = PercentPatterns(self.lexicon)
        return self


@Language.factory(
    FACTORY,
    assigns=[f"doc.spans", "span._.value", "span._.bound", "span._.kind", "span._.form", "span._.unit"],
    default_config={"spans_key": DEFAULT_SPANS_KEY},
)
def make_survey_percentages(nlp: Language, name: str, spans_key: str) -> PercentageFinder:
    return PercentageFinder(nlp, name, spans_key=spans_key)
