"""Recompute what an article's own figures imply, and say whether each claim holds.

Every printed figure is rounded: ``71%`` stands for anything from 70.5 to 71.5.
Each comparison works on those intervals, so a claim fails only when no
unrounded values could make it true; a result says when it holds only thanks
to rounding. Checks read the records (from this extractor or any other that
writes the record format) and the text they point into.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any, Iterable, Mapping, Optional, Sequence

import regex

from .lexicon import Lexicon
from .percentages import PercentPatterns
from .records import Record, to_dict
from .scoring import group_lenient, normalize_group, token_f1
from .sentences import sentence_around

HOLDS, FAILS, CANNOT = "holds", "fails", "cannot_check"
RATIO_TOLERANCE = 0.15  # "three times as many": stated multipliers are round numbers; 15% either way holds
WORDS_TOLERANCE = {"exact": 3.0, "approx": 5.0}  # "two-fifths (39%)", "about one-quarter (23%)"
NEAR_BELOW = 10.0  # "nearly half" is below half, but not far below
STATEMENT_MATCH = 0.5  # token-overlap F1 for two articles to make the same statement

MULTIPLIER = regex.compile(
    r"\b(?P<k>twice|double|half|(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times)\s+as\s+"
    r"(?:many|much|likely|often|high|large|big|common|frequent)\b", regex.I)
MULTIPLIER_WORDS = {"twice": 2.0, "double": 2.0, "half": 0.5, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
                    "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0}
VAGUE_BEFORE = regex.compile(r"\b(?P<w>(?:a|the)\s+majority|most|a\s+minority)(?:\s+of\s+[^()\d%.;]{1,60}?)?\s*\(\s*$", regex.I)
UP = regex.compile(r"\b(?:up|rise|rose|risen|increase[sd]?|gain(?:ed)?|grew|growth|higher|jump(?:ed)?|climb(?:ed)?)\b", regex.I)
DOWN = regex.compile(r"\b(?:down|decline[sd]?|fell|fall(?:en)?|drop(?:ped)?|decrease[sd]?|lower|slump(?:ed)?|backsliding)\b", regex.I)
RESPONDENT_GROUPS = frozenset({"respondents", "polled", "surveyed", "questioned", "interviewed", "asked",
                               "people polled", "people surveyed", "people questioned", "those polled", "those surveyed",
                               "those questioned", "those asked", "those interviewed"})


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    value: float
    doc_id: str = ""

    @classmethod
    def of(cls, rec: Mapping[str, Any]) -> "Figure":
        return cls(rec["text"], rec["start"], rec["end"], float(rec["value"]), rec["doc_id"])


@dataclass
class CheckResult:
    check: str
    status: str
    doc_id: str
    figures: list[Figure]
    computed: Optional[float]
    stated: Optional[float]
    sentence: str
    explanation: str
    reason: Optional[str] = None
    rounding: bool = False  # holds only thanks to the rounding of the printed figures
    doc_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["figures"] = [asdict(f) for f in self.figures]
        return d


# --------------------------------------------------------------------------------------- rounding
def precision(text: str) -> float:
    """Half the unit of the last printed digit: '71%' -> 0.5, '13.3%' -> 0.05; words and fractions -> 0.5."""
    m = regex.search(r"\d+(?:[.,]\d+)*", text)
    if not m:
        return 0.5
    digits = m.group().replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10 ** -decimals


def interval(fig: Figure) -> tuple[float, float]:
    p = precision(fig.text)
    return fig.value - p, fig.value + p


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else str(int(round(x)))


# --------------------------------------------------------------------------------------- context
class Article:
    """One document's records and text, with the lookups the checks share."""

    def __init__(self, doc_id: str, text: str, records: Sequence[Mapping[str, Any]]) -> None:
        self.doc_id, self.text = doc_id, text
        self.records = sorted(records, key=lambda r: r.get("start", r.get("org_start") or 0) or 0)
        self.percentages = [r for r in self.records if r["type"] == "percentage"]
        self.samples = [r for r in self.records if r["type"] == "sample_size"]
        self.studies = [r for r in self.records if r["type"] == "study"]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        return sentence_around(self.text, start, end)

    def sentence_text(self, start: int, end: int) -> str:
        s, e = self.sentence(start, end)
        return self.text[s:e].strip()

    def in_sentence(self, bounds: tuple[int, int], kind: Optional[str] = None) -> list[Mapping[str, Any]]:
        return [r for r in self.percentages if bounds[0] <= r["start"] < bounds[1] and (kind is None or r["kind"] == kind)]

    def previous_sentence(self, bounds: tuple[int, int]) -> tuple[int, int]:
        if bounds[0] == 0:
            return bounds
        return self.sentence(max(0, bounds[0] - 2), max(0, bounds[0] - 1))


def _result(check: str, status: str, art: Article, figs: Iterable[Mapping[str, Any]], computed: Optional[float],
            stated: Optional[float], explanation: str, *, anchor: Optional[Mapping[str, Any]] = None,
            reason: Optional[str] = None, rounding: bool = False) -> CheckResult:
    figures = [Figure.of(f) for f in figs]
    ref = anchor or (figures[0].__dict__ if figures else {"start": 0, "end": 0})
    return CheckResult(check, status, art.doc_id, figures, computed, stated,
                       art.sentence_text(ref["start"], ref["end"]), explanation, reason, rounding, [art.doc_id])


# --------------------------------------------------------------------------------------- 1. differences
def check_differences(art: Article) -> list[CheckResult]:
    """'58% ... compared to 71% ... This 13-percentage-point difference': 71 - 58 = 13."""
    out = []
    for pc in art.percentages:
        if pc["kind"] != "point_change" or pc["group"] is not None:
            continue
        bounds = art.sentence(pc["start"], pc["end"])
        around = art.text[max(bounds[0], pc["start"] - 40):min(bounds[1], pc["end"] + 40)].lower()
        if not regex.search(r"\b(?:difference|gap|divide|disparity|lead|margin)\b", around):
            continue
        shares = [r for r in art.in_sentence(bounds, "share") if r["start"] < pc["start"]]
        if len(shares) < 2:
            prev = art.previous_sentence(bounds)
            shares = art.in_sentence(prev, "share") + shares
        if len(shares) < 2:
            out.append(_result("difference", CANNOT, art, [pc], None, pc["value"],
                               "the two figures compared are not both stated", reason="figures not found", anchor=pc))
            continue
        a, b = shares[-2], shares[-1]
        fa, fb, fd = Figure.of(a), Figure.of(b), Figure.of(pc)
        (alo, ahi), (blo, bhi), (dlo, dhi) = interval(fa), interval(fb), interval(fd)
        lo, hi = max(0.0, max(alo - bhi, blo - ahi)), max(ahi - blo, bhi - alo)
        exact = abs(fa.value - fb.value)
        big, small = (fa, fb) if fa.value >= fb.value else (fb, fa)
        if abs(exact - fd.value) < 1e-9:
            status, rounding = HOLDS, False
        elif lo <= dhi and dlo <= hi:
            status, rounding = HOLDS, True
        else:
            status, rounding = FAILS, False
        note = " (only within rounding)" if rounding else ""
        out.append(_result("difference", status, art, [a, b, pc], exact, fd.value,
                           f"{_fmt(big.value)} - {_fmt(small.value)} = {_fmt(exact)}; the article says {_fmt(fd.value)}{note}",
                           anchor=pc, rounding=rounding))
    return out


# --------------------------------------------------------------------------------------- 2. ratios
def check_ratios(art: Article) -> list[CheckResult]:
    """'Three-quarters ... That's three times as many as those ... (24%)': 75 / 24 = 3.1."""
    out = []
    for m in MULTIPLIER.finditer(art.text):
        word = m.group("k").lower().split()[0]
        k = MULTIPLIER_WORDS.get(word) or float(word)
        bounds = art.sentence(m.start(), m.end())
        after = [r for r in art.in_sentence(bounds) if r["start"] > m.end() and r["kind"] == "share"]
        before = [r for r in art.in_sentence(bounds) if r["end"] <= m.start() and r["kind"] == "share"]
        if not before:
            before = art.in_sentence(art.previous_sentence(bounds), "share")
        if not after or not before:
            if after or before:
                out.append(_result("ratio", CANNOT, art, after or before, None, k,
                                   f"'{m.group()}' compares with a figure the article does not give",
                                   reason="one side of the comparison has no figure", anchor={"start": m.start(), "end": m.end()}))
            continue
        a, b = before[-1], after[0]
        fa, fb = Figure.of(a), Figure.of(b)
        (alo, ahi), (blo, bhi) = interval(fa), interval(fb)
        if fb.value <= 0:
            continue
        ratio = fa.value / fb.value
        lo, hi = alo / bhi if bhi else math.inf, ahi / blo if blo > 0 else math.inf
        tol_lo, tol_hi = k * (1 - RATIO_TOLERANCE), k * (1 + RATIO_TOLERANCE)
        if tol_lo <= ratio <= tol_hi:
            status, rounding = HOLDS, False
        elif lo <= tol_hi and tol_lo <= hi:
            status, rounding = HOLDS, True
        else:
            status, rounding = FAILS, False
        out.append(_result("ratio", status, art, [a, b], round(ratio, 2), k,
                           f"{_fmt(fa.value)} / {_fmt(fb.value)} = {ratio:.2f}; the article says '{m.group()}' "
                           f"({_fmt(k)}, within {int(RATIO_TOLERANCE * 100)}%)", anchor=b, rounding=rounding))
    return out


# --------------------------------------------------------------------------------------- 3. words vs numbers
def _verbal_ok(verbal: float, bound: str, n_lo: float, n_hi: float) -> bool:
    if bound == "lower":
        return n_hi > verbal
    if bound == "upper":
        return n_lo < verbal and n_hi >= verbal - NEAR_BELOW
    tol = WORDS_TOLERANCE.get(bound, WORDS_TOLERANCE["exact"])
    return n_lo - tol <= verbal <= n_hi + tol


def check_words_vs_numbers(art: Article, patterns: PercentPatterns) -> list[CheckResult]:
    """'about one-quarter (23%)', 'more than half (55%)', 'A majority of voters (68%)'."""
    out = []
    by_start = {r["start"]: r for r in art.percentages}
    figures = patterns.find(art.text)
    restating = {f.verbal_of: f.start for f in figures if f.verbal_of is not None}
    for fig in figures:
        exact = by_start.get(restating.get(fig.start, -1)) if fig.superseded else None
        if exact is None:
            continue
        verbal_text = art.text[fig.start:fig.end]
        fn = Figure.of(exact)
        lo, hi = interval(fn)
        ok = _verbal_ok(fig.value, fig.bound, lo, hi)
        qual = {"lower": "more than ", "upper": "just under ", "approx": "about "}.get(fig.bound, "")
        out.append(_result("words_vs_numbers", HOLDS if ok else FAILS, art, [exact], fn.value, fig.value,
                           f"'{verbal_text}' ({qual}{_fmt(fig.value)}%) against {exact['text']}"
                           + ("" if ok else ": the words and the number disagree"), anchor=exact))
    for r in art.percentages:
        m = VAGUE_BEFORE.search(art.text[max(0, r["start"] - 80):r["start"]])
        if not m:
            continue
        lo, hi = interval(Figure.of(r))
        word = regex.sub(r"\s+", " ", m.group("w").lower())
        need = 50.0
        ok = hi > need if "minority" not in word else lo < need
        out.append(_result("words_vs_numbers", HOLDS if ok else FAILS, art, [r], r["value"], need,
                           f"'{m.group('w')}' needs {'more' if 'minority' not in word else 'less'} than 50%; "
                           f"the figure is {r['text']}", anchor=r))
    return out


# --------------------------------------------------------------------------------------- 4. parts of a whole
def check_parts_of_whole(art: Article) -> list[CheckResult]:
    """Shares that split a sample must not pass 100, and make 100 when the split is exhaustive."""
    out = []
    # (a) the make-up of a sample, in the bracket after it: "131 U.S. executives ... (81% in marketing ... and 19% in IT)"
    for smp in art.samples:
        if smp["population_end"] is None:
            continue
        m = regex.match(r"\s*\(([^()]*)\)", art.text[smp["population_end"]:])
        if not m:
            continue
        s, e = smp["population_end"] + m.start(1), smp["population_end"] + m.end(1)
        parts = [r for r in art.percentages if s <= r["start"] < e and r["kind"] == "share"]
        if len(parts) >= 2:
            out.append(_sum_result(art, parts, exhaustive=True, what=f"the make-up of the {smp['value']} {smp['population']}"))
    # (b) sub-samples against a stated total: "a total of 1,000 ... 401 before ... and 601 after"
    for total in art.samples:
        before = art.text[max(0, total["start"] - 20):total["start"]].lower()
        if not regex.search(r"\b(?:total\s+of|in\s+all|altogether|overall)\s*$", before):
            continue
        bounds = art.sentence(total["start"], total["end"])
        before, after = art.previous_sentence(bounds), art.sentence(min(len(art.text), bounds[1] + 1), min(len(art.text), bounds[1] + 2))
        parts = [r for r in art.samples if r is not total and before[0] <= r["start"] < max(bounds[1], after[1])]
        if len(parts) >= 2:
            stated = float(total["value"])
            computed = float(sum(p["value"] for p in parts))
            status = HOLDS if computed == stated else FAILS
            out.append(_result("parts_of_whole", status, art, [dict(p, value=float(p["value"])) for p in parts], computed,
                               stated, f"sub-samples {' + '.join(str(p['value']) for p in parts)} = {_fmt(computed)}; "
                               f"stated total {total['value']}", anchor=total))
    return out


def _sum_result(art: Article, parts: list[Mapping[str, Any]], exhaustive: bool, what: str) -> CheckResult:
    figs = [Figure.of(p) for p in parts]
    total = sum(f.value for f in figs)
    lo, hi = sum(interval(f)[0] for f in figs), sum(interval(f)[1] for f in figs)
    if lo > 100.0:
        status, note, rounding = FAILS, "more than 100%", False
    elif not exhaustive:
        status, note, rounding = HOLDS, "not over 100%", lo > 100.0 - 1e-9
    elif abs(total - 100.0) < 1e-9:
        status, note, rounding = HOLDS, "a whole", False
    elif lo <= 100.0 <= hi:
        status, note, rounding = HOLDS, "a whole, within rounding", True
    else:
        status, note, rounding = FAILS, "a split that should make 100%", False
    return _result("parts_of_whole", status, art, parts, round(total, 3), 100.0,
                   f"{' + '.join(p['text'] for p in parts)} = {_fmt(total)} for {what}: {note}", rounding=rounding)


# --------------------------------------------------------------------------------------- 5. changes
def check_changes(art: Article) -> list[CheckResult]:
    """'70% ..., up by nine ... points from last year' implies 61% last year; compare where stated."""
    out = []
    for pc in art.percentages:
        if pc["kind"] != "point_change" or pc["group"] is None:
            continue
        bounds = art.sentence(pc["start"], pc["end"])
        current = next((r for r in reversed(art.in_sentence(bounds, "share"))
                        if r["start"] < pc["start"] and r["group"] == pc["group"] and not r.get("time")), None)
        if current is None:
            continue
        context = art.text[max(bounds[0], pc["start"] - 30):pc["end"] + 10]
        sign = 1.0 if UP.search(context) else -1.0 if DOWN.search(context) else 0.0
        if not sign:
            out.append(_result("change", CANNOT, art, [current, pc], None, pc["value"],
                               "the direction of the change is not stated", reason="no direction", anchor=pc))
            continue
        implied = current["value"] - sign * pc["value"]
        earlier = next((r for r in art.percentages if r["kind"] == "share" and r.get("time") and r is not current
                        and r["group"] == pc["group"] and r["time"] in (pc.get("time") or r["time"])), None)
        word = "up" if sign > 0 else "down"
        if earlier is None:
            out.append(_result("change", CANNOT, art, [current, pc], implied, None,
                               f"{current['text']} {word} {_fmt(pc['value'])} points implies {_fmt(implied)}% "
                               f"{pc.get('time') or 'before'}; the article does not state that figure",
                               reason="the earlier figure is not stated", anchor=pc))
            continue
        lo = interval(Figure.of(current))[0] - sign * interval(Figure.of(pc))[1]
        hi = interval(Figure.of(current))[1] - sign * interval(Figure.of(pc))[0]
        lo, hi = min(lo, hi), max(lo, hi)
        elo, ehi = interval(Figure.of(earlier))
        ok = lo <= ehi and elo <= hi
        out.append(_result("change", HOLDS if ok else FAILS, art, [current, pc, earlier], implied, earlier["value"],
                           f"{current['text']} {word} {_fmt(pc['value'])} points implies {_fmt(implied)}%; "
                           f"the article gives {earlier['text']} for {earlier['time']}", anchor=pc,
                           rounding=ok and abs(implied - earlier["value"]) > 1e-9))
    # "60 percent ... down from 68 percent ..., respectively, in 2013": the direction must agree.
    for r in art.percentages:
        if r["kind"] != "share" or not r.get("time") or r["group"] is None:
            continue
        bounds = art.sentence(r["start"], r["end"])
        current = next((c for c in art.in_sentence(bounds, "share") if c["start"] < r["start"] and not c.get("time")
                        and c["group"] == r["group"]), None)
        if current is None:
            continue
        between = art.text[current["end"]:r["start"]]
        m = regex.search(r"\b(?P<dir>up|down|rose|fell|rising|falling|increased|decreased|declined)\s+from\b", between, regex.I)
        if not m:
            continue
        up = m.group("dir").lower() in ("up", "rose", "rising", "increased")
        (clo, chi), (elo, ehi) = interval(Figure.of(current)), interval(Figure.of(r))
        ok = chi > elo if up else clo < ehi
        out.append(_result("change", HOLDS if ok else FAILS, art, [current, r], current["value"] - r["value"], None,
                           f"{current['text']} is '{m.group('dir')} from' {r['text']} ({r['time']}): "
                           f"{'an increase' if up else 'a decrease'} {'as stated' if ok else 'is not what the figures show'}",
                           anchor=r))
    return out


# --------------------------------------------------------------------------------------- 6. respectively
def check_respectively(art: Article) -> list[CheckResult]:
    out = []
    for m in regex.finditer(r"\brespectively\b", art.text, regex.I):
        bounds = art.sentence(m.start(), m.end())
        figs = [r for r in art.in_sentence(bounds) if r["end"] <= m.start()]
        run: list[Mapping[str, Any]] = []
        for r in reversed(figs):
            gap_end = run[0]["start"] if run else m.start()
            if regex.fullmatch(r"[\s,)]*(?:and|or|&|vs\.?|versus)?[\s,]*", art.text[r["end"]:gap_end], regex.I):
                run.insert(0, r)
            else:
                break
        run_size = _respectively_width(art.text, run)
        first = run[0]["start"] if run else m.start()
        named = [r for r in figs if r not in run and r["kind"] == "share" and r["group"] and r["start"] < first]
        distinct = list(dict.fromkeys(r["group"] for r in named))
        anchor = {"start": m.start(), "end": m.end()}
        if not run:
            out.append(_result("respectively", CANNOT, art, [], None, None, "no figures before 'respectively'",
                               reason="no list", anchor=anchor))
        elif len(distinct) < 2:
            out.append(_result("respectively", CANNOT, art, run, float(len(run)), None,
                               f"{len(run)} figures; what they map to is not a list of figures or groups",
                               reason="no list of groups to compare", anchor=anchor))
        else:
            ok = len(distinct) == run_size
            out.append(_result("respectively", HOLDS if ok else FAILS, art, run + named, float(run_size),
                               float(len(distinct)), f"{run_size} figures 'respectively' for {len(distinct)} groups "
                               f"({'; '.join(distinct)})", anchor=anchor))
    return out


def _respectively_width(text: str, run: list[Mapping[str, Any]]) -> int:
    """How many items 'respectively' maps: '(61% & 58% vs. 40% & 37%, respectively)' compares two sides of
    two figures each, so it maps two; a plain list maps all of its figures."""
    sides: list[int] = [1] if run else []
    for a, b in zip(run, run[1:]):
        if regex.search(r"\bv(?:s|ersus)\b", text[a["end"]:b["start"]], regex.I):
            sides.append(1)
        else:
            sides[-1] += 1
    return sides[0] if len(sides) > 1 and len(set(sides)) == 1 else len(run)


# --------------------------------------------------------------------------------------- 7. GRIM
def grim_possible(value: float, text: str, n: int) -> Optional[int]:
    """A whole number of respondents out of n that prints as ``text``; None when none does."""
    lo, hi = value - precision(text), value + precision(text)
    k_lo, k_hi = math.ceil(lo * n / 100 - 1e-9), math.floor(hi * n / 100 + 1e-9)
    for k in range(max(0, k_lo), min(n, k_hi) + 1):
        pct = 100.0 * k / n
        if lo - 1e-9 <= pct <= hi + 1e-9:
            return k
    return None


def grim_cannot_fail(text: str, n: int) -> bool:
    """GRIM can only fail where n is small enough that some printed values are out of reach: once the step
    between k/n and (k+1)/n is no wider than the interval a printed figure stands for, every one is reached
    (whole percentages from n = 100 on)."""
    return n > 0 and 100.0 / n <= 2 * precision(text)


def check_grim(art: Article) -> list[CheckResult]:
    """Shares of the whole sample: k/n must print as the stated figure at its precision."""
    out = []
    if not art.samples:
        return out
    for r in art.percentages:
        if r["kind"] != "share" or r["bound"] != "exact" or r["group"] is None or not regex.search(r"\d", r["text"]):
            continue  # verbal figures ("two-thirds") are approximations by nature
        smp = _whole_sample(art, r)
        if smp is None:
            continue
        n = int(smp["value"])
        if grim_cannot_fail(r["text"], n):
            out.append(_result("grim", CANNOT, art, [r], None, r["value"],
                               f"with {n} respondents every share printed as {r['text']} is reachable "
                               f"(steps of {100.0 / n:.3g} points, finer than its rounding)",
                               reason="sample too large for the figure's precision", anchor=r))
            continue
        k = grim_possible(float(r["value"]), r["text"], n)
        digits = len(r["text"].split(".")[1].rstrip("% percntu")) if "." in r["text"] else 0
        if k is not None:
            out.append(_result("grim", HOLDS, art, [r], round(100.0 * k / n, 3), r["value"],
                               f"{k}/{n} = {100.0 * k / n:.{digits + 1}f}%, which prints as {r['text']}", anchor=r))
        else:
            out.append(_result("grim", FAILS, art, [r], None, r["value"],
                               f"no whole number of the {n} respondents gives {r['text']}", anchor=r))
    return out


def _whole_sample(art: Article, r: Mapping[str, Any]) -> Optional[Mapping[str, Any]]:
    """The sample a share is of, when the share is of the whole sample (not a subgroup)."""
    if smp_bound := [s for s in art.samples if s["bound"] == "exact"]:
        group = normalize_group(r["group"]) or ""
        for s in smp_bound:
            if s["population"] and normalize_group(s["population"]) == group:
                return s
        if group in RESPONDENT_GROUPS:
            # The whole sample is the largest count: "polled 1,217 professionals; only 15 respondents were
            # based in the U.S." -- 15 is a part of it, and "51% of respondents" is not out of 15.
            return max(smp_bound, key=lambda smp: int(smp["value"]))
    return None


# --------------------------------------------------------------------------------------- 8. across articles
def _study_keys(art: Article) -> set[tuple[str, str]]:
    keys = set()
    for s in art.studies:
        if s.get("org"):
            keys.add(("org", normalize_group(s["org"]) or ""))
        if s.get("title"):
            keys.add(("title", normalize_group(s["title"]) or ""))
    for s in art.samples:
        keys.add(("sample", f"{s['value']}"))
    return keys


def check_across(articles: Sequence[Article]) -> list[CheckResult]:
    """Articles that quote the same study (same org or title, or the same sample size and population)
    should give the same figure for the same group and statement."""
    out = []
    for a, b in combinations(articles, 2):
        shared = _study_keys(a) & _study_keys(b)
        named = {k for k in shared if k[0] in ("org", "title")}
        same_sample = [(sa, sb) for sa in a.samples for sb in b.samples
                       if sa["value"] == sb["value"] and _same_population(sa["population"], sb["population"])]
        if not named:  # a shared count of 'people' alone does not make two polls one study
            same_sample = [(sa, sb) for sa, sb in same_sample if len((normalize_group(sa["population"]) or "").split()) >= 2]
        if not named and not same_sample:
            continue
        why = ", ".join(sorted(f"{k[0]} {k[1]!r}" for k in named)) or "the same sample"
        for sa, sb in same_sample:
            out.append(CheckResult("across_articles", HOLDS, a.doc_id, [Figure.of(dict(sa, value=float(sa["value"]))),
                                   Figure.of(dict(sb, value=float(sb["value"])))], float(sb["value"]), float(sa["value"]),
                                   a.sentence_text(sa["start"], sa["end"]),
                                   f"both articles give a sample of {sa['value']} ({why})", doc_ids=[a.doc_id, b.doc_id]))
        for ra in a.percentages:
            if ra["kind"] != "share" or ra["group"] is None:
                continue
            sent_a = a.sentence_text(ra["start"], ra["end"])
            best, best_score = None, 0.0
            for rb in b.percentages:
                if rb["kind"] != "share" or not group_lenient(ra["group"], rb["group"]):
                    continue
                score = token_f1(_statement(a, ra), _statement(b, rb))
                if ra.get("statement") and rb.get("statement"):
                    score = max(score, token_f1(ra["statement"], rb["statement"]))
                if score > best_score:
                    best, best_score = rb, score
            if best is None or best_score < STATEMENT_MATCH:
                continue
            lo_a, hi_a = interval(Figure.of(ra))
            lo_b, hi_b = interval(Figure.of(best))
            ok = lo_a <= hi_b and lo_b <= hi_a and ra["bound"] == best["bound"]
            out.append(CheckResult("across_articles", HOLDS if ok else FAILS, a.doc_id, [Figure.of(ra), Figure.of(best)],
                                   best["value"], ra["value"], sent_a,
                                   f"{a.doc_id} gives {ra['text']} and {b.doc_id} gives {best['text']} for "
                                   f"'{ra['group']}' ({why})" + ("" if ok else ": they disagree"),
                                   doc_ids=[a.doc_id, b.doc_id]))
    return out


def _same_population(a: Optional[str], b: Optional[str]) -> bool:
    return a is not None and b is not None and group_lenient(a, b)


def _statement(art: Article, r: Mapping[str, Any]) -> str:
    """What the figure says, read off the text: from the figure to the next figure or clause break,
    without the group."""
    _, end = art.sentence(r["start"], r["end"])
    nxt = [p["start"] for p in art.percentages if r["end"] < p["start"] < end]
    stop = min(nxt + [end])
    clause = regex.split(r"[;:]", art.text[r["end"]:stop])[0]
    return clause.replace(r["group"] or "\0", " ")


# --------------------------------------------------------------------------------------- entry points
def check(records: Iterable[Record | Mapping[str, Any]], texts: Mapping[str, str], *,
          lexicon: Optional[Lexicon] = None, across: bool = True) -> list[CheckResult]:
    """Every check the records and texts allow, document by document, then across documents."""
    patterns = PercentPatterns(lexicon or Lexicon.default())
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        d = dict(rec) if isinstance(rec, Mapping) else to_dict(rec)
        by_doc[d["doc_id"]].append(d)
    articles = [Article(doc_id, texts[doc_id], recs) for doc_id, recs in sorted(by_doc.items()) if doc_id in texts]
    results: list[CheckResult] = []
    for art in articles:
        results += check_differences(art)
        results += check_ratios(art)
        results += check_words_vs_numbers(art, patterns)
        results += check_parts_of_whole(art)
        results += check_changes(art)
        results += check_respectively(art)
        results += check_grim(art)
    if across:
        results += check_across(articles)
    return results


def check_documents(docs: Iterable[tuple[str, str]], *, nlp: Any = None, records: Optional[Iterable[Mapping[str, Any]]] = None,
                    across: bool = True) -> list[CheckResult]:
    """(doc_id, text) pairs in; checks out. Records come from ``records`` when given (any system's),
    else from running the extractor."""
    docs = list(docs)
    texts = dict(docs)
    if records is None:
        from .pipeline import extract_many

        records = [to_dict(r) for _, recs in extract_many(docs, nlp=nlp) for r in recs]
    return check(records, texts, across=across)


CSV_COLUMNS = ["check", "status", "doc_id", "doc_ids", "figures", "computed", "stated", "rounding", "reason",
               "explanation", "sentence"]


def result_row(result: CheckResult) -> dict[str, Any]:
    """A flat row for CSV and tables: figures as 'text@start-end'."""
    d = result.to_dict()
    d["figures"] = "; ".join(f"{f['text']}@{f['start']}-{f['end']}" for f in d["figures"])
    d["doc_ids"] = " ".join(d["doc_ids"])
    return {k: d[k] for k in CSV_COLUMNS}
