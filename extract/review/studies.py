"""One row per study across a corpus: who ran it, its sample, the articles that quote it and where they
agree.

Articles name a study in their own words ("Pew", "the Pew Research Center"), so two mentions are one
study when their orgs match leniently (token overlap, as the scorer matches orgs) and, besides, their
titles match leniently (without the words every title has: 'Survey', 'Study'), their years are equal or
they give a sample of the same size; the row says which. Mentions are grouped through keys (an org word with
a title word, the year or a sample size) and each is compared only with one member of each group its keys reach, so the work grows with the number
of articles, not with its square. Articles found to quote one study are then compared figure by figure
with the cross-article check (``across.compare_articles``).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence, Union

from ..errors import Errors
from ..lexicon import Lexicon
from ..records import Record, to_dict
from .across import compare_articles
from .article import Article
from .results import FAILS
from .similarity import LENIENT_F1, group_lenient, group_strict, group_tokens

if TYPE_CHECKING:
    import pandas as pd

STUDY_COLUMNS = ("study", "org", "title", "year", "sample", "population", "articles", "doc_ids", "figures",
                 "samples", "mentions", "matched_on", "agree", "differ", "group_differs", "shared")
NESTED = ("doc_ids", "figures", "samples", "mentions", "shared")  # lists: JSON text in a CSV cell
STUDY_FORMATS = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet"}


@dataclass(frozen=True)
class Mention:
    """One study record, with the sample sizes its article gives (any of them may be the study's)."""

    n: int
    doc_id: str
    record: Mapping[str, Any]
    samples: tuple[int, ...]

    @property
    def org(self) -> Optional[str]:
        return self.record.get("org")

    @property
    def title(self) -> Optional[str]:
        return self.record.get("title")

    @property
    def year(self) -> Optional[int]:
        return self.record.get("year")


@lru_cache(maxsize=1)
def _generic_title_words() -> frozenset[str]:
    """Words every other title has ('Survey', 'Study', 'Report'): two titles sharing only one are not alike."""
    return frozenset(w.casefold() for w in Lexicon.default().word_set("study_survey_nouns"))


def title_words(title: Optional[str]) -> Counter[str]:
    return Counter(t for t in group_tokens(title) if t not in _generic_title_words())


def titles_alike(a: Optional[str], b: Optional[str]) -> bool:
    """Token overlap F1 of at least LENIENT_F1, as the scorer's lenient match, but without the generic words."""
    wa, wb = title_words(a), title_words(b)
    common = sum((wa & wb).values())
    if not common:
        return False
    precision, recall = common / sum(wb.values()), common / sum(wa.values())
    return 2 * precision * recall / (precision + recall) >= LENIENT_F1


def same_study(a: Mention, b: Mention) -> Optional[str]:
    """Why two mentions are one study (org plus title, year or sample), or None when they are not."""
    if a.org is None or b.org is None or not group_lenient(a.org, b.org):
        return None
    also = []
    if titles_alike(a.title, b.title):
        also.append("title")
    if a.year is not None and a.year == b.year:
        also.append(f"year {a.year}")
    also += [f"sample {n}" for n in sorted(set(a.samples) & set(b.samples))]
    if not also:
        return None
    org = "org" if group_strict(a.org, b.org) else f"org ({a.org!r} ~ {b.org!r})"
    return " + ".join([org, ", ".join(also)])


def _keys(m: Mention) -> set[tuple[Any, ...]]:
    """Keys two mentions of one study must share at least one of: lenient matches share a word."""
    org, title = group_tokens(m.org), title_words(m.title)
    keys: set[tuple[Any, ...]] = set()
    for o in org:
        keys.update(("title", o, t) for t in title)
        keys.update(("sample", o, n) for n in m.samples)
        if m.year is not None:
            keys.add(("year", o, m.year))
    return keys


def group_mentions(mentions: Sequence[Mention]) -> tuple[list[list[int]], dict[int, list[str]]]:
    """Mentions grouped into studies (lists of mention numbers, in first-mention order), and each
    group's reasons for joining, keyed by its first mention."""
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reasons: dict[int, list[str]] = defaultdict(list)
    bucket: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for m in mentions:
        for key in _keys(m):
            members = bucket[key]
            seen_roots = set()
            for other in members:  # one member per group that already has this key
                r = root(other)
                if r in seen_roots or r == root(m.n):
                    seen_roots.add(r)
                    continue
                seen_roots.add(r)
                why = same_study(mentions[other], m)
                if why is not None:
                    ra, rm = root(other), root(m.n)
                    keep, gone = min(ra, rm), max(ra, rm)
                    parent[gone] = keep
                    reasons[keep] += reasons.pop(gone, []) + [f"{mentions[other].doc_id} ~ {m.doc_id}: {why}"]
            if not any(root(o) == root(m.n) for o in members):
                members.append(m.n)
    groups: dict[int, list[int]] = defaultdict(list)
    for m in mentions:
        groups[root(m.n)].append(m.n)
    return [groups[r] for r in sorted(groups)], {r: reasons.get(r, []) for r in groups}


def _most_common(values: Iterable[Any]) -> Any:
    """The value given most often (the first given among equals), ignoring None."""
    counts = Counter(v for v in values if v is not None)
    return max(counts, key=lambda v: counts[v]) if counts else None


def _whole_sample(samples: Sequence[Mapping[str, Any]]) -> Optional[Mapping[str, Any]]:
    """An article's sample of the whole study: its largest count (sub-samples are parts of it)."""
    return max(samples, key=lambda s: int(s["value"])) if samples else None


def _shared(results: Sequence[Any], by_span: Mapping[tuple[str, int, int], Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The figures two articles both give, as the cross-article check paired them: values and groups."""
    out = []
    for c in results:
        a, b = (by_span.get((f.doc_id, f.start, f.end)) for f in c.figures)
        if a is None or b is None or a["type"] != "percentage":
            continue
        out.append({"doc_ids": [a["doc_id"], b["doc_id"]], "texts": [a["text"], b["text"]],
                    "values": [a["value"], b["value"]], "groups": [a["group"], b["group"]],
                    "offsets": [[a["start"], a["end"]], [b["start"], b["end"]]],
                    "value_agrees": c.status != FAILS, "group_agrees": group_strict(a["group"], b["group"])})
    return out


def studies_table(records: Iterable[Record | Mapping[str, Any]], texts: Optional[Mapping[str, str]] = None) -> "pd.DataFrame":
    """One row per study the records name, across articles (see the module's docstring).

    ``texts`` (doc_id -> article) lets the articles that quote one study be compared figure by figure
    (``shared``, ``agree``, ``differ``, ``group_differs``); without them those columns are empty."""
    import pandas as pd

    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        d = dict(rec) if isinstance(rec, Mapping) else to_dict(rec)
        by_doc[d["doc_id"]].append(d)
    mentions: list[Mention] = []
    for doc_id, recs in by_doc.items():
        samples = tuple(sorted({int(r["value"]) for r in recs if r["type"] == "sample_size"}))
        for r in recs:
            if r["type"] == "study":
                mentions.append(Mention(len(mentions), doc_id, r, samples))
    groups, reasons = group_mentions(mentions)
    rows = []
    for n, members in enumerate(groups):
        ms = [mentions[i] for i in members]
        docs = list(dict.fromkeys(m.doc_id for m in ms))
        whole = {d: _whole_sample([r for r in by_doc[d] if r["type"] == "sample_size"]) for d in docs}
        sample = _most_common(int(s["value"]) for s in whole.values() if s is not None)
        population = next((s["population"] for s in whole.values() if s is not None and int(s["value"]) == sample), None)
        shared = _compare(docs, by_doc, texts) if texts is not None else None
        rows.append({
            "study": n, "org": _most_common(m.org for m in ms), "title": _most_common(m.title for m in ms),
            "year": _most_common(m.year for m in ms), "sample": sample, "population": population,
            "articles": len(docs), "doc_ids": docs,
            "figures": [sum(r["type"] == "percentage" for r in by_doc[d]) for d in docs],
            "samples": [None if whole[d] is None else int(whole[d]["value"]) for d in docs],
            "mentions": [{"doc_id": m.doc_id, **{k: m.record.get(k) for k in ("org_start", "org_end", "title_start", "title_end")}}
                         for m in ms],
            "matched_on": "; ".join(reasons[members[0]]) or "one article",
            "agree": None if shared is None else sum(s["value_agrees"] for s in shared),
            "differ": None if shared is None else sum(not s["value_agrees"] for s in shared),
            "group_differs": None if shared is None else sum(not s["group_agrees"] for s in shared),
            "shared": shared,
        })
    frame = pd.DataFrame(rows, columns=list(STUDY_COLUMNS))
    for col in ("year", "sample", "agree", "differ", "group_differs"):
        frame[col] = frame[col].astype("Int64")
    return frame


def _compare(docs: Sequence[str], by_doc: Mapping[str, list[dict[str, Any]]], texts: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every pair of the articles quoting one study, compared by the cross-article check (pairs within a
    study only: their number grows with how many articles quote that study, not with the corpus)."""
    arts = [Article(d, texts[d], by_doc[d]) for d in docs if d in texts]
    by_span = {(r["doc_id"], r["start"], r["end"]): r for a in arts for r in a.percentages}
    out = []
    for i, a in enumerate(arts):
        for b in arts[i + 1:]:
            out += _shared(compare_articles(a, b, "one study"), by_span)
    return out


def write_studies(frame: "pd.DataFrame", out: Union[str, Path], fmt: Optional[str] = None) -> str:
    """Write the table as JSON Lines, CSV (lists as JSON text) or Parquet, by ``fmt`` or the extension."""
    fmt = fmt or STUDY_FORMATS.get(Path(out).suffix.lower().lstrip("."), "jsonl")
    if fmt not in STUDY_FORMATS:
        raise ValueError(Errors.E030.format(fmt=fmt))
    if fmt == "jsonl":
        frame.to_json(out, orient="records", lines=True, force_ascii=False)
    elif fmt == "csv":
        flat = frame.copy()
        for col in NESTED:
            flat[col] = [None if v is None else json.dumps(v, ensure_ascii=False) for v in flat[col]]
        flat.to_csv(out, index=False)
    else:
        try:
            frame.to_parquet(out, index=False)
        except ImportError:
            raise RuntimeError(Errors.E031) from None
    return fmt
