"""Checks that weigh a figure against counts: the GRIM test against the sample, and the same study
quoted by several articles."""
from __future__ import annotations

import math
from typing import Any, Mapping, Optional, Sequence


from .article import Article, check_patterns, result
from .results import CANNOT, FAILS, HOLDS, CheckResult, Figure, interval, precision
from .similarity import group_lenient, group_tokens, normalize_group, token_f1

STATEMENT_MATCH = 0.5  # token-overlap F1 for two articles to make the same statement


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
        if r["kind"] != "share" or r["bound"] != "exact" or r["group"] is None \
                or not check_patterns().printed_percent.match(r["text"]):
            continue  # verbal figures ("two-thirds", "nine out of 10") are approximations by nature
        s, _ = art.sentence(r["start"], r["end"])
        if check_patterns().subset_opener.search(art.text, s, r["start"]):
            out.append(result("grim", CANNOT, art, [r], None, r["value"],
                               f"{r['text']} is a share of a subgroup named before ('Of these, ...'), whose size "
                               "the article does not give", reason="a share of a subgroup", anchor=r))
            continue
        smp = _whole_sample(art, r)
        if smp is None:
            continue
        n = int(smp["value"])
        if grim_cannot_fail(r["text"], n):
            out.append(result("grim", CANNOT, art, [r], None, r["value"],
                               f"with {n} respondents every share printed as {r['text']} is reachable "
                               f"(steps of {100.0 / n:.3g} points, finer than its rounding)",
                               reason="sample too large for the figure's precision", anchor=r))
            continue
        k = grim_possible(float(r["value"]), r["text"], n)
        digits = len(r["text"].split(".")[1].rstrip("% percntu")) if "." in r["text"] else 0
        if k is not None:
            out.append(result("grim", HOLDS, art, [r], round(100.0 * k / n, 3), r["value"],
                               f"{k}/{n} = {100.0 * k / n:.{digits + 1}f}%, which prints as {r['text']}", anchor=r))
        else:
            out.append(result("grim", FAILS, art, [r], None, r["value"],
                               f"no whole number of the {n} respondents gives {r['text']}", anchor=r))
    return out


def _whole_sample(art: Article, r: Mapping[str, Any]) -> Optional[Mapping[str, Any]]:
    """The sample a share is of, when the share is of the whole sample (not a subgroup)."""
    if smp_bound := [s for s in art.samples if s["bound"] == "exact"]:
        group = normalize_group(r["group"]) or ""
        for s in smp_bound:
            if s["population"] and normalize_group(s["population"]) == group:
                return s
        if group in check_patterns().respondent_groups:
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
    should give the same figure for the same group and statement. Each article is compared with the
    first article of its study (``_pairs``), not with every other one: a study quoted by n articles costs
    n - 1 comparisons, where every pair cost n(n-1)/2 (300 copies of one article took 418 s)."""
    out = []
    for i, j in _pairs(articles):
        out += _compare(articles[i], articles[j])
    return out


def _pairs(articles: Sequence[Article]) -> list[tuple[int, int]]:
    """(i, j), i before j in input order, for the articles to compare: articles are grouped by study key
    in one pass; in each group an article is compared with the first earlier one it quotes the same study
    as (for an org or a title, the group's first article), and one that matches none starts a study of
    its own in that group (the same sample size of other people)."""
    keys = [_study_keys(a) for a in articles]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, ks in enumerate(keys):
        for k in sorted(ks):
            groups.setdefault(k, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in groups.values():
        firsts: list[int] = []  # the first article of each study in this group
        for j in members:
            first = next((i for i in firsts if _same_study(articles[i], articles[j], keys[i], keys[j])), None)
            if first is None:
                firsts.append(j)
            else:
                pairs.add((first, j))
    return sorted(pairs)


def _shared(a: Article, b: Article, keys_a: set[tuple[str, str]], keys_b: set[tuple[str, str]]
            ) -> tuple[set[tuple[str, str]], list[tuple[Any, Any]]]:
    """What makes two articles quote one study: the org and title keys they share, and the samples of the
    same size and population (of two words or more when no org or title is shared: a count of 'people'
    alone does not make two polls one study)."""
    named = {k for k in keys_a & keys_b if k[0] in ("org", "title")}
    same_sample = [(sa, sb) for sa in a.samples for sb in b.samples
                   if sa["value"] == sb["value"] and same_population(sa["population"], sb["population"])]
    if not named:
        same_sample = [(sa, sb) for sa, sb in same_sample if len((normalize_group(sa["population"]) or "").split()) >= 2]
    return named, same_sample


def _same_study(a: Article, b: Article, keys_a: set[tuple[str, str]], keys_b: set[tuple[str, str]]) -> bool:
    named, same_sample = _shared(a, b, keys_a, keys_b)
    return bool(named or same_sample)


def _compare(a: Article, b: Article) -> list[CheckResult]:
    """The checks of one pair of articles that quote the same study (none when they do not)."""
    named, same_sample = _shared(a, b, _study_keys(a), _study_keys(b))
    if not named and not same_sample:
        return []
    why = ", ".join(sorted(f"{k[0]} {k[1]!r}" for k in named)) or "the same sample"
    return compare_articles(a, b, why, same_sample)


def compare_articles(a: Article, b: Article, why: str,
                     same_sample: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]] = ()) -> list[CheckResult]:
    """Two articles already known to quote one study (``why`` says how): the samples both give, and each
    share of ``a`` against the share of ``b`` with a like group that makes the most similar statement."""
    out = []
    for sa, sb in same_sample:
        out.append(CheckResult("across_articles", HOLDS, a.doc_id, [Figure.of(dict(sa, value=float(sa["value"]))),
                               Figure.of(dict(sb, value=float(sb["value"])))], float(sb["value"]), float(sa["value"]),
                               a.sentence_text(sa["start"], sa["end"]),
                               f"both articles give a sample of {sa['value']} ({why})", doc_ids=[a.doc_id, b.doc_id]))
    for ra in a.percentages:
        if ra["kind"] != "share" or ra["group"] is None:
            continue
        sent_a = a.sentence_text(ra["start"], ra["end"])
        statement_a = a.statement(ra)
        best, best_score = None, 0.0
        for rb in b.percentages:
            if rb["kind"] != "share" or not group_lenient(ra["group"], rb["group"]):
                continue
            score = token_f1(statement_a, b.statement(rb))
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


# Words after which a population's noun phrase has ended: what follows says more about the same people
# ("executives who hold a director title", "executives with a title of director").
POPULATION_PHRASE_ENDS = frozenset({"who", "whom", "whose", "that", "which", "with", "of", "in", "from", "at",
                                    "across", "aged", "ages", "between", "for", "on"})


def same_population(a: Optional[str], b: Optional[str]) -> bool:
    """Alike by the scoring's lenient rule, and not told apart by the words before their nouns: 'American
    workers' and 'international workers' share a noun and half their words, yet are two populations."""
    return a is not None and b is not None and group_lenient(a, b) and not _modifiers_differ(a, b)


def _modifiers_differ(a: str, b: str) -> bool:
    """Both populations qualify their noun and no qualifier is shared ('American' / 'international'); one
    left bare ('adults' / 'U.S. adults') or the same qualifier on both is no sign of two populations."""
    mods_a, mods_b = _premodifiers(a), _premodifiers(b)
    return bool(mods_a and mods_b and not mods_a & mods_b)


def _premodifiers(population: str) -> frozenset[str]:
    """The words before the noun of a population's first phrase ('u', 's' of 'U.S. executives who ...')."""
    words = group_tokens(population)
    end = next((i for i, w in enumerate(words) if w in POPULATION_PHRASE_ENDS), len(words))
    return frozenset(words[:end - 1])


