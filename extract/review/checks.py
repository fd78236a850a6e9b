"""Recompute what an article's own figures imply, and say whether each claim holds.

Checks read the records (from this extractor or any other that writes the record format) and the
text they point into; they never run the figure finder. A comparison works on the intervals that
rounding allows (see ``results``).
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Iterable, Mapping, Optional

import regex
from spacy.language import Language

from ..lexicon import Lexicon, lexicon_owner
from ..numbers import Numbers, default_numbers, numbers_of
from ..records import Record, to_dict
from .across import check_across, check_grim
from .article import Article, check_patterns, result
from .evaluation import extract_records
from .results import (CANNOT, FAILS, HOLDS, CheckResult, Figure, fmt_number, interval, overlaps, review_words, select,
                      verdict)

RATIO_TOLERANCE = 0.15  # "three times as many": stated multipliers are round numbers; 15% either way holds
WORDS_TOLERANCE = {"exact": 3.0, "approx": 5.0}  # "two-fifths (39%)", "about one-quarter (23%)"
NEAR_BELOW = 10.0  # "nearly half" is below half, but not far below
MAJORITY = 50.0


# --------------------------------------------------------------------------------------- 1. differences
def check_differences(art: Article) -> list[CheckResult]:
    """'58% ... compared to 71% ... This 13-percentage-point difference': 71 - 58 = 13."""
    out = []
    for pc in art.percentages:
        if pc["kind"] != "point_change" or pc["group"] is not None:
            continue
        bounds = art.sentence(pc["start"], pc["end"])
        around = art.text[max(bounds[0], pc["start"] - 40):min(bounds[1], pc["end"] + 40)].lower()
        if not check_patterns().difference.search(around):
            continue
        shares = [r for r in art.in_sentence(bounds, "share") if r["start"] < pc["start"]]
        if len(shares) < 2:
            shares = art.in_sentence(art.previous_sentence(bounds), "share") + shares
        if len(shares) < 2:
            out.append(result("difference", CANNOT, art, [pc], None, pc["value"],
                              "the two figures compared are not both stated", reason="figures not found", anchor=pc))
            continue
        a, b = shares[-2], shares[-1]
        fa, fb, fd = Figure.of(a), Figure.of(b), Figure.of(pc)
        (alo, ahi), (blo, bhi), (dlo, dhi) = interval(fa), interval(fb), interval(fd)
        lo, hi = max(0.0, max(alo - bhi, blo - ahi)), max(ahi - blo, bhi - alo)
        exact = abs(fa.value - fb.value)
        big, small = (fa, fb) if fa.value >= fb.value else (fb, fa)
        status, rounding = verdict(abs(exact - fd.value) < 1e-9, overlaps((lo, hi), (dlo, dhi)))
        note = " (only within rounding)" if rounding else ""
        out.append(result("difference", status, art, [a, b, pc], exact, fd.value,
                          f"{fmt_number(big.value)} - {fmt_number(small.value)} = {fmt_number(exact)}; "
                          f"the article says {fmt_number(fd.value)}{note}", anchor=pc, rounding=rounding))
    return out


# --------------------------------------------------------------------------------------- 2. ratios
def check_ratios(art: Article, numbers: Numbers) -> list[CheckResult]:
    """'Three-quarters ... That's three times as many as those ... (24%)': 75 / 24 = 3.1."""
    out = []
    pats = check_patterns(numbers)
    for m in pats.multiplier.finditer(art.text):
        word = regex.sub(r"\s+times$", "", m.group("k").lower())
        k = pats.multipliers.get(word) or numbers.value(word)
        if k is None:
            continue
        bounds = art.sentence(m.start(), m.end())
        after = [r for r in art.in_sentence(bounds) if r["start"] > m.end() and r["kind"] == "share"]
        before = [r for r in art.in_sentence(bounds) if r["end"] <= m.start() and r["kind"] == "share"]
        if not before:
            before = art.in_sentence(art.previous_sentence(bounds), "share")
        if not after or not before:
            if after or before:
                out.append(result("ratio", CANNOT, art, after or before, None, k,
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
        tol = (k * (1 - RATIO_TOLERANCE), k * (1 + RATIO_TOLERANCE))
        status, rounding = verdict(tol[0] <= ratio <= tol[1], overlaps((lo, hi), tol))
        out.append(result("ratio", status, art, [a, b], round(ratio, 2), k,
                          f"{fmt_number(fa.value)} / {fmt_number(fb.value)} = {ratio:.2f}; the article says '{m.group()}' "
                          f"({fmt_number(k)}, within {int(RATIO_TOLERANCE * 100)}%)", anchor=b, rounding=rounding))
    return out


# --------------------------------------------------------------------------------------- 3. words vs numbers
def words_agree(verbal: float, bound: str, n_lo: float, n_hi: float) -> bool:
    if bound == "lower":
        return n_hi > verbal
    if bound == "upper":
        return n_lo < verbal and n_hi >= verbal - NEAR_BELOW
    tol = WORDS_TOLERANCE.get(bound, WORDS_TOLERANCE["exact"])
    return n_lo - tol <= verbal <= n_hi + tol


def check_words_vs_numbers(art: Article) -> list[CheckResult]:
    """'about one-quarter (23%)', 'more than half (55%)', '48% (nearly half)', 'A majority of voters (68%)'."""
    out = []
    pats = check_patterns()
    for r in art.percentages:
        words = art.restated_words(r)
        if words is None:
            continue
        lo, hi = interval(Figure.of(r))
        ok = words_agree(words.value, words.bound, lo, hi)
        out.append((words.start, result(
            "words_vs_numbers", HOLDS if ok else FAILS, art, [r], float(r["value"]), words.value,
            f"'{art.text[words.start:words.end]}' ({pats.bound_words[words.bound]}{fmt_number(words.value)}%) against "
            f"{r['text']}" + ("" if ok else ": the words and the number disagree"), anchor=r)))
    found = [res for _, res in sorted(out, key=lambda pair: pair[0])]
    for r in art.percentages:
        m = pats.majority.search(art.text[max(0, r["start"] - 80):r["start"]])
        if not m:
            continue
        lo, hi = interval(Figure.of(r))
        more = review_majority(m.group("w"))
        ok = hi > MAJORITY if more else lo < MAJORITY
        found.append(result("words_vs_numbers", HOLDS if ok else FAILS, art, [r], r["value"], MAJORITY,
                            f"'{m.group('w')}' needs {'more' if more else 'less'} than 50%; the figure is {r['text']}",
                            anchor=r))
    return found


def review_majority(phrase: str) -> bool:
    """Does this word ('most', 'a majority') say more than half (True) or less ('a minority')?"""
    return review_words("checks")["majority"][regex.sub(r"\s+", " ", phrase.lower())] == "more"


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
            out.append(_sum_result(art, parts, what=f"the make-up of the {smp['value']} {smp['population']}"))
    # (b) sub-samples against a stated total: "a total of 1,000 ... 401 before ... and 601 after"
    for total in art.samples:
        if not check_patterns().total_before.search(art.text[max(0, total["start"] - 20):total["start"]].lower()):
            continue
        bounds = art.sentence(total["start"], total["end"])
        before = art.previous_sentence(bounds)
        after = art.sentence(min(len(art.text), bounds[1] + 1), min(len(art.text), bounds[1] + 2))
        parts = [r for r in art.samples if r is not total and before[0] <= r["start"] < max(bounds[1], after[1])]
        if len(parts) >= 2:
            stated = float(total["value"])
            computed = float(sum(p["value"] for p in parts))
            out.append(result("parts_of_whole", HOLDS if computed == stated else FAILS, art,
                              [dict(p, value=float(p["value"])) for p in parts], computed, stated,
                              f"sub-samples {' + '.join(str(p['value']) for p in parts)} = {fmt_number(computed)}; "
                              f"stated total {total['value']}", anchor=total))
    return out


def _sum_result(art: Article, parts: list[Mapping[str, Any]], what: str) -> CheckResult:
    """Shares that make up a whole: 100 as printed, 100 within rounding, or not."""
    figs = [Figure.of(p) for p in parts]
    total = sum(f.value for f in figs)
    lo, hi = sum(interval(f)[0] for f in figs), sum(interval(f)[1] for f in figs)
    status, rounding = verdict(abs(total - 100.0) < 1e-9, lo <= 100.0 <= hi)
    note = "more than 100%" if lo > 100.0 else "a split that should make 100%" if status == FAILS else \
        "a whole, within rounding" if rounding else "a whole"
    return result("parts_of_whole", status, art, parts, round(total, 3), 100.0,
                  f"{' + '.join(p['text'] for p in parts)} = {fmt_number(total)} for {what}: {note}", rounding=rounding)


# --------------------------------------------------------------------------------------- 5. changes
def check_changes(art: Article) -> list[CheckResult]:
    """'70% ..., up by nine ... points from last year' implies 61% last year; compare where stated."""
    out = []
    pats = check_patterns()
    for pc in art.percentages:
        if pc["kind"] != "point_change" or pc["group"] is None:
            continue
        bounds = art.sentence(pc["start"], pc["end"])
        current = next((r for r in reversed(art.in_sentence(bounds, "share"))
                        if r["start"] < pc["start"] and r["group"] == pc["group"] and not r.get("time")), None)
        if current is None:
            continue
        context = art.text[max(bounds[0], pc["start"] - 30):pc["end"] + 10]
        sign = 1.0 if pats.up.search(context) else -1.0 if pats.down.search(context) else 0.0
        if not sign:
            out.append(result("change", CANNOT, art, [current, pc], None, pc["value"],
                              "the direction of the change is not stated", reason="no direction", anchor=pc))
            continue
        implied = current["value"] - sign * pc["value"]
        # The earlier figure of the same group, for the period the change is measured from: in the change's
        # sentence, or elsewhere with that period named after the change ("... over the first quarter of this
        # year"): not any dated figure of the group ("19% a year ago" of another question).
        # The figure the change is measured from comes after it when the sentence says so ("flat against 31% last
        # year, but down 5 points from 36% in 2016": 36%, not last year's 31%).
        since = art.text[pc["end"]:bounds[1]]
        dated = [r for r in art.percentages if r["kind"] == "share" and r.get("time") and r is not current
                 and r["group"] == pc["group"]]
        after = [r for r in dated if pc["end"] <= r["start"] < bounds[1]]
        earlier = min(after, key=lambda r: r["start"]) if after else next(
            (r for r in dated if bounds[0] <= r["start"] < bounds[1] or r["time"] in since), None)
        word = "up" if sign > 0 else "down"
        if earlier is None:
            out.append(result("change", CANNOT, art, [current, pc], implied, None,
                              f"{current['text']} {word} {fmt_number(pc['value'])} points implies {fmt_number(implied)}% "
                              f"{pc.get('time') or 'before'}; the article does not state that figure",
                              reason="the earlier figure is not stated", anchor=pc))
            continue
        (clo, chi), (plo, phi) = interval(Figure.of(current)), interval(Figure.of(pc))
        lo, hi = sorted((clo - sign * phi, chi - sign * plo))
        status, rounding = verdict(abs(implied - earlier["value"]) <= 1e-9, overlaps((lo, hi), interval(Figure.of(earlier))))
        out.append(result("change", status, art, [current, pc, earlier], implied, earlier["value"],
                          f"{current['text']} {word} {fmt_number(pc['value'])} points implies {fmt_number(implied)}%; "
                          f"the article gives {earlier['text']} for {earlier['time']}", anchor=pc, rounding=rounding))
    # "60 percent ... down from 68 percent ..., respectively, in 2013": the direction must agree.
    for r in art.percentages:
        if r["kind"] != "share" or not r.get("time") or r["group"] is None:
            continue
        bounds = art.sentence(r["start"], r["end"])
        current = next((c for c in art.in_sentence(bounds, "share") if c["start"] < r["start"] and not c.get("time")
                        and c["group"] == r["group"]), None)
        if current is None:
            continue
        m = pats.changed_from.search(art.text[current["end"]:r["start"]])
        if not m:
            continue
        up = m.group("dir").lower() in pats.changed_up
        (clo, chi), (elo, ehi) = interval(Figure.of(current)), interval(Figure.of(r))
        ok = chi > elo if up else clo < ehi
        out.append(result("change", HOLDS if ok else FAILS, art, [current, r], current["value"] - r["value"], None,
                          f"{current['text']} is '{m.group('dir')} from' {r['text']} ({r['time']}): "
                          f"{'an increase' if up else 'a decrease'} {'as stated' if ok else 'is not what the figures show'}",
                          anchor=r))
    return out


# --------------------------------------------------------------------------------------- 6. respectively
def check_respectively(art: Article) -> list[CheckResult]:
    """As many figures before 'respectively' as the groups they map onto."""
    out = []
    for m in regex.finditer(r"\brespectively\b", art.text, regex.I):
        run = art.run_before(m.start())
        run_size = respectively_width(art.text, run)
        first = run[0]["start"] if run else m.start()
        named = [r for r in art.in_sentence(art.sentence(m.start(), m.end()))
                 if r["end"] <= m.start() and r not in run and r["kind"] == "share" and r["group"] and r["start"] < first]
        distinct = list(dict.fromkeys(r["group"] for r in named))
        anchor = {"start": m.start(), "end": m.end()}
        if not run:
            out.append(result("respectively", CANNOT, art, [], None, None, "no figures before 'respectively'",
                              reason="no list", anchor=anchor))
        elif len(distinct) < 2:
            out.append(result("respectively", CANNOT, art, run, float(len(run)), None,
                              f"{len(run)} figures; what they map to is not a list of figures or groups",
                              reason="no list of groups to compare", anchor=anchor))
        else:
            out.append(result("respectively", HOLDS if len(distinct) == run_size else FAILS, art, run + named,
                              float(run_size), float(len(distinct)), f"{run_size} figures 'respectively' for "
                              f"{len(distinct)} groups ({'; '.join(distinct)})", anchor=anchor))
    return out


def respectively_width(text: str, run: list[Mapping[str, Any]]) -> int:
    """How many items 'respectively' maps: '(61% & 58% vs. 40% & 37%, respectively)' compares two sides of
    two figures each, so it maps two; a plain list maps all of its figures."""
    sides: list[int] = [1] if run else []
    for a, b in zip(run, run[1:]):
        if check_patterns().versus.search(text[a["end"]:b["start"]]):
            sides.append(1)
        else:
            sides[-1] += 1
    return sides[0] if len(sides) > 1 and len(set(sides)) == 1 else len(run)


# --------------------------------------------------------------------------------------- entry point
def check(records: Optional[Iterable[Record | Mapping[str, Any]]], texts: Mapping[str, str], *,
          lexicon: Optional[Lexicon] = None, nlp: Optional[Language] = None, across: bool = True,
          show: str = "all") -> list[CheckResult]:
    """Every check the records and texts allow, document by document, then across documents.

    ``records`` may come from any system; with None, this extractor's records of ``texts`` are used
    (``nlp`` or the default pipeline). Numbers, fractions and qualifiers are read with the tables of
    ``lexicon``, else of ``nlp``'s lexicon, else the package's: those the figures were found with.
    ``show`` keeps only one status (holds, fails, cannot_check)."""
    if records is None:
        records = extract_records(texts, nlp=nlp)
    if lexicon is None and nlp is not None:
        owner = lexicon_owner(nlp)
        lexicon = owner.lexicon if owner is not None else None
    numbers = numbers_of(lexicon) if lexicon is not None else default_numbers()
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        d = dict(rec) if isinstance(rec, Mapping) else to_dict(rec)
        by_doc[d["doc_id"]].append(d)
    articles = [Article(doc_id, texts[doc_id], recs, numbers) for doc_id, recs in sorted(by_doc.items()) if doc_id in texts]
    results: list[CheckResult] = []
    for art in articles:
        results += check_differences(art)
        results += check_ratios(art, numbers)
        results += check_words_vs_numbers(art)
        results += check_parts_of_whole(art)
        results += check_changes(art)
        results += check_respectively(art)
        results += check_grim(art)
    if across:
        results += check_across(articles)
    return select(results, show)

