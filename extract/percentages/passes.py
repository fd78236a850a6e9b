"""Percentage figures: every way a writer states a proportion, with its bound, found pass by pass.

Finding figures needs no parse: the patterns are regular (numbers, number
words, fractions, "one in ten", units), so ``survey_percentages`` runs on a
blank pipeline and tells the rest of the pipeline which sentences are worth
parsing.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Callable, Iterator, Optional

import regex

from .. import grammar
from ..textspans import find_anchors
from .forms import Figure, PercentForms, range_figures

SENTENCE_REACH = 2000  # characters back to look for a sentence's start, so that text with no '.' is not read again per figure
POINTS_CONTEXT = 400  # characters before bare "points" that must hold a percentage for them to be points of one
POINTS_AFTER = 60  # characters after bare "points" in which their sentence may name the percentage instead
RESTATED_NEAR_TOLERANCE = 10.0  # "nearly half (41%)": a verbal figure right before its exact value
RESTATED_TOLERANCE = 5.0  # points between a verbal figure and the exact one that restates it further on
# A number spelled out is exact: only its own value, rounded, restates it ('only four percent -- that's 4 percent').
RESTATED_WORDS_TOLERANCE = 1.0
WINDOW = 120  # characters of context kept on each side of a possible figure
Windows = list[tuple[int, int]]
WHITESPACE = re.compile(r"\s")


class _WhitespaceEdges:
    """Where the whitespace around an offset is, for offsets asked in increasing order (others are
    answered too, by a fresh search): each answer is remembered and reused while it still holds."""

    def __init__(self, text: str, reversed_text: str) -> None:
        self.text, self.reversed = text, reversed_text  # ``text[::-1]``: a backward search is a forward one in it
        self._next: Optional[tuple[int, int]] = None  # (offset asked, first whitespace at or after it, or -1)
        self._last: Optional[tuple[int, int]] = None  # (offset asked, last whitespace before it, or -1)

    def first_at_or_after(self, i: int) -> int:
        """The first whitespace at or after ``i``, else the end of the text."""
        if self._next is not None and self._next[0] <= i and (self._next[1] == -1 or self._next[1] >= i):
            found = self._next[1]
        else:
            m = WHITESPACE.search(self.text, i)
            found = m.start() if m else -1
        self._next = (i, found)
        return found if found != -1 else len(self.text)

    def after_last_before(self, i: int) -> int:
        """Just after the last whitespace before ``i``, else 0."""
        n = len(self.text)
        if self._last is not None and self._last[0] <= i:
            m = WHITESPACE.search(self.reversed, n - i, n - self._last[0])  # only what lies between
            found = n - 1 - m.start() if m else self._last[1]
        else:
            m = WHITESPACE.search(self.reversed, n - i)
            found = n - 1 - m.start() if m else -1
        self._last = (i, found)
        return found + 1


class PercentPatterns(PercentForms):
    """The forms' patterns run over a text: every figure, in reading order."""

    # ------------------------------------------------------------------ finding
    def windows(self, text: str) -> dict[str, Windows]:
        """Per kind of anchor (a unit, a fraction word, 'in ten'), the stretches of text around each
        one, widened to whitespace and merged: a pass's pattern only runs in its kind's windows."""
        out: dict[str, Windows] = {kind: [] for kind in self.reach}
        # Widened to whitespace by searching from each edge, per kind (whose edges only move forward, so
        # a search never walks again over text an earlier one passed: a run with no spaces, '%' 8,000
        # times, stays linear); listing every whitespace of the text first cost as much as the anchors.
        reversed_text = text[::-1]
        edges = {kind: _WhitespaceEdges(text, reversed_text) for kind in self.reach}
        for m in find_anchors(self.anchors, text, self.anchor_starts):
            kind = m.lastgroup or "unit"
            before, after = self.reach[kind]
            s, e = max(0, m.start() - before), min(len(text), m.end() + after)
            s, e = edges[kind].after_last_before(s), edges[kind].first_at_or_after(e)
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
            (self._from_to, "unit"), (self._margins, "unit"), (self._ranges, "unit"), (self._shared_unit_lists, "unit"),
            (self._fraction_points, "fraction"), (self._singles, "unit"), (self._bare_points_pass, "unit"),
            (self._glued_cells, "unit"), (self._ratios, "ratio"), (self._fractions, "fraction"), (self._counts_of, "ratio"),
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
                if lo is None or hi is None:
                    continue
                lo_end = m.end("lo_pts") if m.group("lo_pts") else m.end("lo_pct") if m.group("lo_pct") else m.end("lo")
                if not lo < hi:
                    pair = self._pair(text, m, lo, hi, lo_end) if pattern is self.dash_range else None
                    if pair is not None:
                        yield pair
                    continue
                if pattern is self.dash_range and self.range_change_before.search(text[max(0, m.start() - 8):m.start()]):
                    continue
                if (m.group("lo_pts") or m.group("lo_pct")) is None and (lo > 100 or "," in m.group("lo")):
                    continue
                unit = self._unit(m)
                yield (m.start("lo"), m.end()), range_figures((m.start("lo"), lo_end), (m.start("hi"), m.end()), lo, hi, unit)

    def _pair(self, text: str, m: regex.Match, lo: float, hi: float,
              lo_end: int) -> Optional[tuple[tuple[int, int], list[Figure]]]:
        """'(59 percent-36 percent)', '(59%-36%)': a dash between two figures that each carry a unit (the first ends
        at ``lo_end``, past its own unit), the first the higher, is a pair set against each other (a lead, two
        sides), not a range: two figures."""
        if lo_end == m.end("lo") or text[lo_end:m.start("hi")].strip() not in ("-", "\u2013", "\u2014"):
            return None
        return (m.start("lo"), m.end()), [
            Figure(m.start("lo"), lo_end, lo, self.bound_at(text, m.start("lo"), lo_end), self._unit(m, "lo_"), "list"),
            Figure(m.start("hi"), m.end(), hi, "exact", self._unit(m), "list")]

    def _from_to(self, text: str, windows: Windows) -> Iterator[tuple[tuple[int, int], list[Figure]]]:
        """'fell from 4.1 to 3.9 percent': two figures, one unit; 'from 6 to 8 per cent to 2 to 4 per cent':
        a range moving to another range (the second range is left to the range pass)."""
        for m in self._scan(self.from_to, text, windows):
            lo, hi = self.number_value(m.group("lo")), self.number_value(m.group("hi"))
            if lo is None or hi is None or lo > 100 or hi > 100 or "," in m.group("lo"):
                continue
            unit, end = self._unit(m), m.end("pts") if m.group("pts") else m.end("pct")
            if (m.group("then") or m.group("dash")) and lo < hi:
                yield (m.start("lo"), end), range_figures((m.start("lo"), m.end("lo")), (m.start("hi"), end), lo, hi, unit)
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
            before = text[max(0, m.start() - 12):m.start()]
            if self.list_blocked_before.search(before) or self.day_before.search(before):
                continue  # "aged between 18 and 24, and 19% of ...", "on May 9, and 40% ...": another phrase's number
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
            # (a percentage before them, or after them in their sentence: "Support fell 5 points to 40%")
            rest_of_sentence = text[m.end():m.end() + POINTS_AFTER].split(".")[0]
            if not (self.percent_near.search(text, max(0, m.start() - POINTS_CONTEXT), m.start())
                    or self.percent_near.search(rest_of_sentence) or self.points_differ.search(sentence)):
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
            is_half = self.numbers.denominators.get(den) == 2
            if num is None and not is_half:
                continue  # "third", "quarter" alone are ordinals or periods
            if num is not None and num.isdigit():
                continue  # "3 quarters" is a period, not a share
            s, e = m.start(), m.end()
            if is_half and num is not None and self.number_value(num) != 1:
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
                if pattern is self.ratio_noun and m.group("noun").lower().split()[0] in grammar.RATIO_NON_NOUNS:
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
            near = RESTATED_WORDS_TOLERANCE if fig.form == "words" else RESTATED_NEAR_TOLERANCE
            if j is not None and (not bracketed or fig.form == "words") and abs(figures[j].value - fig.value) > near:
                j = None  # "half of them said yes, and 30% said no", "Only four percent ..., and 2% ...": two figures
            if j is None and i + 1 < len(figures):
                nxt = figures[i + 1]
                if nxt.form == "numeric" and abs(nxt.value - fig.value) <= min(near, RESTATED_TOLERANCE) and \
                        self.restated_far.match(text[fig.end:nxt.start]):
                    j = i + 1
            if j is None or j == i:
                continue
            out[i] = replace(fig, superseded=True)
            out[j] = replace(out[j], verbal_of=fig.start, verbal_end=fig.end)
        # The other order: "48% (nearly half)", "More than 80% (four out of five)".
        for i, (fig, nxt) in enumerate(zip(figures, figures[1:])):
            if fig.form != "numeric" or fig.unit != "percent" or nxt.form not in ("fraction", "ratio", "count", "words"):
                continue
            if self.restated_after.match(text[fig.end:nxt.start]) and regex.match(r"\s*\)", text[nxt.end:nxt.end + 5]):
                out[i + 1] = replace(out[i + 1], superseded=True)
                out[i] = replace(out[i], verbal_of=nxt.start, verbal_end=nxt.end)
        return out


def find_figures(text: str, patterns: PercentPatterns) -> list[Figure]:
    """Figures to report: verbal figures restated exactly are folded into the exact one."""
    return [f for f in patterns.find(text) if not f.superseded]
