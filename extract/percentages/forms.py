"""Percentage figures, the forms: the verbose, commented patterns for every way a writer states a
proportion ("60%", "Fifty-eight per cent", "two-thirds", "one in 10", "13-percentage-point"), built
from the lexicon's word lists and from ``numbers`` (number words, fractions, ratio links, qualifiers:
the tables the checks read too), and the values of what they match."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import regex

from .. import grammar
from ..lexicon import Lexicon, phrase_alternation
from ..numbers import alternation, numbers_of

# Irregular forms of verbs the lexicon lists by lemma ('finding_verbs').
IRREGULAR_FORMS = {"find": ("found",), "say": ("said",), "show": ("shown",), "tell": ("told",)}


def verb_forms(lemma: str) -> tuple[str, ...]:
    """A lemma's finite forms and participles, regular or listed: 'reveal' -> reveal, reveals, revealed."""
    return (lemma, lemma + "s", lemma + ("d" if lemma.endswith("e") else "ed")) + IRREGULAR_FORMS.get(lemma, ())


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
    verbal_end: Optional[int] = None  # ... and its end offset


def range_figures(low: tuple[int, int], high: tuple[int, int], lo: float, hi: float, unit: str) -> list[Figure]:
    """The two records of a range: the low end a lower bound, the high end an upper one."""
    return [Figure(low[0], low[1], lo, "lower", unit, "range_low"), Figure(high[0], high[1], hi, "upper", unit, "range_high")]


class PercentForms:
    """The compiled patterns of every form a percentage is written in, built from a lexicon (never at
    import time), and the values of what they match."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.numbers = numbers_of(lexicon)
        nums = self.numbers.patterns  # number words, fractions, ratio links: the pieces the checks read too
        units_alt, art_alt, den_alt = nums.units, nums.articles, nums.denominators

        # A number written in words, up to one hundred: "eight", "Fifty-eight", "forty three".
        self.numword = nums.numword
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
        points = rf"""
            (?:[\s-]+per(?:[\s-]?cent(?:age)?)[\s-]+points?\b
              | [\s-]+percentage[\s-]+points?\b
              | \s?(?-i:pp|ppts?)\b
              | [\s-]points?\b(?=\s+(?:{lexicon.alternation("point_change_nouns")})\b)
              | [\s-]points?\b(?=\s+(?:ahead|behind)\b)      # "three points ahead of Miliband"
              | (?<=\b(?:{lexicon.alternation("point_change_nouns")})\s+of\s+[\w.]+)\s?points?\b)  # "a gap of 31 points"
              """
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
        # ... not after "from" (a change: the from-to pass reads it) nor "by" (a margin, a change's size).
        self.range_change_before = regex.compile(
            rf"\b(?:{phrase_alternation(grammar.RANGE_CHANGE_PREPS)})\s+$", regex.I)
        # "up by nine and 14 percentage points": earlier numbers share the last one's unit
        self.shared_unit = regex.compile(
            rf"""(?P<head>(?:{self.number})(?:\s*,\s*(?:{self.number}))*)
                 \s*,?\s+(?:{phrase_alternation(grammar.COORDINATORS)})\s+(?P<last>{self.number}){unit}""", flags)
        # ... unless a word before ties the first number to another phrase ("aged between 18 and 24, and 19%").
        self.list_blocked_before = regex.compile(rf"\b(?:{lexicon.alternation('list_blocking_words')})\s+$", regex.I)
        # ... or makes it a day ("between May 5 and May 9, and 40% said ..."): a capitalised month right before.
        months = phrase_alternation(frozenset(m.capitalize() for m in lexicon.word_set("month_names")))
        self.day_before = regex.compile(rf"\b(?:{months})\.?\s+$")
        # A change written with one unit for both ends: "from 4.1 to 3.9 percent", "from 6 to 8 per cent
        # to 2 to 4 per cent" (the second "to" makes the first pair a range, not a change).
        self.from_to = regex.compile(
            rf"""\bfrom\s+(?P<lo>{self.number})\s*(?:(?P<dash>-|\u2013)|\bto\b)\s*(?P<hi>{hi_number}){unit}
                 (?P<then>\s+to\s+(?:{self.number}))?""", flags)
        # Bare numbers a vote makes shares: "by a 61 to 30 margin", "by a 61-30 percent margin".
        self.margin = regex.compile(
            rf"""\bby\s+an?\s+(?:(?:{lexicon.alternation("margin_adjectives")})\s+)?
                 (?P<a>\d{{1,2}}(?:\.\d+)?)\s*(?:-|\u2013|\bto\b)\s*(?P<b>\d{{1,2}}(?:\.\d+)?)
                 (?:\s*(?:%|per\s?cent|percent))?\s+(?:percentage[\s-]+points?\s+)?margin\b""", flags)
        # Points with no "percentage" before them, where the words around say a share moved or two differ:
        # "up eight points from 2009", "has dropped by 12 points", "from 15 points in 1994 to 36 points",
        # "the 17-point average difference".
        self.bare_points = regex.compile(rf"(?P<num>{self.number})[\s-]points?\b", flags)
        self.points_before = regex.compile(
            rf"""\b(?:{lexicon.alternation("points_movement_words")})
                \s+(?:by\s+)?(?:(?:{lexicon.alternation("points_qualifiers")})\s+)?$""",
            regex.VERBOSE | regex.IGNORECASE)
        self.points_after = regex.compile(
            rf"""^(?:\s+[\w-]+){{0,2}}?\s+(?:{lexicon.alternation("point_change_nouns")})\b
              | ^\s+(?:in\s+(?:19|20)\d\d|{lexicon.alternation("points_followers")})\b""",
            regex.VERBOSE | regex.IGNORECASE)
        self.points_differ = regex.compile(rf"\b(?:{lexicon.alternation('difference_words')})s?\b", regex.I)
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
            rf"\b(?P<a>{small})(?:\s+|-)(?:{nums.ratio_links})(?:\s+|-)(?:every\s+)?(?P<b>{small})\b", flags)
        # "39 nations out of 65"
        self.ratio_noun = regex.compile(
            rf"\b(?P<a>{small})\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+out\s+of\s+(?:every\s+)?(?P<b>{small})\b", flags)
        # "Five of the eight critics"
        self.count_of = regex.compile(
            rf"\b(?P<a>{small})\s+of\s+(?:{nums.count_of_determiners})\s+(?P<b>{small})\b", flags)
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

        stop_after_ratio = lexicon.word_set("time_nouns") | lexicon.word_set("non_respondent_count_nouns")
        self.ratio_stop_next = stop_after_ratio - {"people"}
        # ('that' after a verb of finding opens its clause: "found that half of respondents", "Finds That Half of
        # Canadians Say"; elsewhere it points at a half: "in that half of the year")
        finding = alternation(sorted(form for lemma in lexicon.word_set("finding_verbs") for form in verb_forms(lemma)))
        self.half_stop_before = regex.compile(
            rf"""(?:\b(?<!\b(?:{finding})\s+)(?:{lexicon.alternation("part_words_before_half")})\s+
                 | \band\s+an?\s+ | \d\s*and\s+an?\s+ | \bin\s+ | \bone\s+and\s+ | \band-)$""",
            regex.VERBOSE | regex.IGNORECASE)
        time_alt = alternation(lexicon.word_set("time_nouns"))
        self.fraction_stop_after = regex.compile(
            rf"""^(?:-
                 | \s+an?\s+(?!(?:percentage\s+)?point)
                 | \s+(?:{time_alt}|{lexicon.alternation("fraction_stop_nouns")})\b
                 | \s+of\s+(?:(?:{lexicon.alternation("period_determiners")})\s+)?(?:{time_alt})\b)""",
            regex.VERBOSE | regex.IGNORECASE)
        self.url_before = regex.compile(r"(?:https?://|www\.)\S*$", regex.IGNORECASE)
        tables = self.numbers
        small_words = alternation([w for w, v in {**tables.units, **tables.tens}.items() if v >= 2] + ["hundred"])
        # What each pass's matches must contain, and how far before and after it they can reach:
        # plain `re`, one scan, loose literals (a superset of what the passes match).
        den_words = "|".join(sorted({d.rstrip("s") for d in tables.denominators} | {"halves"}, key=len, reverse=True))
        self.anchors = re.compile(
            rf"""(?P<unit>%|per\s?cent|percent|(?<![^\W\d_])pc\b|\bpp|\bpoints?\b|\bmargin\b)
               | (?P<fraction>{den_words})
               | (?P<ratio>\b(?:{phrase_alternation(tables.ratio_links)}
                  |of\s+(?:{nums.count_of_determiners}))[\s-]+(?:every\s+)?(?:\d|{small_words}))""",
            re.X)  # written in lower case: find_anchors scans the lower-cased text
        # What every anchor begins with (find_anchors tries the pattern only there): one literal per
        # alternative above, a denominator word, the first word of a ratio link, 'of'.
        self.anchor_starts = sorted({"%", "per", "pc", "pp", "point", "margin", "halves", "of"}
                                    | {d.rstrip("s") for d in tables.denominators}
                                    | {w.split()[0] for w in tables.ratio_links})
        self.reach: dict[str, tuple[int, int]] = {"unit": (100, 5), "fraction": (30, 60), "ratio": (60, 40)}

    # ------------------------------------------------------------------ values
    def number_value(self, text: str) -> Optional[float]:
        """'1,024' -> 1024.0, 'Fifty-eight' -> 58.0, 'one point three' -> 1.3."""
        return self.numbers.value(text)

    def fraction_value(self, num: Optional[str], den: str) -> Optional[float]:
        return self.numbers.fraction(num, den)

    def bound_at(self, text: str, start: int, end: int) -> str:
        """The bound set by a qualifier just before (or, for 'or more', just after) the figure: the checks'
        reading (``Numbers.bound_at``), so that both take a qualifier the same way."""
        return self.numbers.bound_at(text, start, end)
