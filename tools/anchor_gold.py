"""Turn a labeler's draft (records anchored by quoted context) into gold JSONL with offsets.

Labelers write what they read, not character offsets: each record quotes its
figure ``text`` and, when that string occurs more than once, a ``ctx`` string
that occurs once in the article and contains it. Groups and populations are
located the same way (``group_ctx`` / ``population_ctx``), or, without one, at
the occurrence nearest the figure. The script prints every anchored record with
its surroundings so the labeler can check each placement by eye.

Usage: python tools/anchor_gold.py DRAFT.jsonl ARTICLE.txt OUT.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

BOUNDS = {"exact", "lower", "upper", "approx"}
KINDS = {"share", "point_change", "other"}


class DraftError(ValueError):
    pass


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _anchor(text: str, needle: str, ctx: str | None, near: int | None, what: str) -> tuple[int, int]:
    if not needle:
        raise DraftError(f"empty {what}")
    if ctx:
        hits = _find_all(text, ctx)
        if len(hits) != 1:
            raise DraftError(f"{what} context {ctx!r} occurs {len(hits)} times (must be once)")
        inner = ctx.find(needle)
        if inner == -1:
            raise DraftError(f"{what} {needle!r} is not inside its context {ctx!r}")
        start = hits[0] + inner
        return start, start + len(needle)
    hits = _find_all(text, needle)
    if not hits:
        raise DraftError(f"{what} {needle!r} not found in the article")
    if near is None:
        if len(hits) > 1:
            raise DraftError(f"{what} {needle!r} occurs {len(hits)} times; give a ctx")
        return hits[0], hits[0] + len(needle)
    best = min(hits, key=lambda h: (abs(h - near), h > near))
    return best, best + len(needle)


def anchor_record(rec: dict, text: str, doc_id: str) -> dict:
    typ = rec.get("type")
    if typ == "study":
        out = {"doc_id": doc_id, "type": "study"}
        for key in ("org", "title"):
            val = rec.get(key)
            if val:
                s, e = _anchor(text, val, rec.get(f"{key}_ctx"), 0, key)
                out.update({key: val, f"{key}_start": s, f"{key}_end": e})
            else:
                out.update({key: None, f"{key}_start": None, f"{key}_end": None})
        out["year"] = rec.get("year")
        return out
    start, end = _anchor(text, rec["text"], rec.get("ctx"), None, "figure")
    bound = rec.get("bound", "exact")
    if bound not in BOUNDS:
        raise DraftError(f"bound {bound!r} not one of {sorted(BOUNDS)}")
    out = {"doc_id": doc_id, "type": typ}
    if typ == "percentage":
        kind = rec.get("kind")
        if kind not in KINDS:
            raise DraftError(f"kind {kind!r} not one of {sorted(KINDS)}")
        out.update(value=float(rec["value"]), start=start, end=end, text=rec["text"], bound=bound, kind=kind)
        group = rec.get("group")
        if group:
            gs, ge = _anchor(text, group, rec.get("group_ctx"), start, "group")
        else:
            gs = ge = None
        out.update(group=group or None, group_start=gs, group_end=ge,
                   statement=rec.get("statement"), time=rec.get("time"))
        return out
    if typ == "sample_size":
        value = rec["value"]
        if not isinstance(value, int):
            raise DraftError("sample_size value must be an integer")
        out.update(value=value, start=start, end=end, text=rec["text"], bound=bound)
        pop = rec.get("population")
        if pop:
            ps, pe = _anchor(text, pop, rec.get("population_ctx"), start, "population")
        else:
            ps = pe = None
        out.update(population=pop or None, population_start=ps, population_end=pe)
        return out
    raise DraftError(f"type {typ!r} not one of percentage, sample_size, study")


def _show(text: str, s: int | None, e: int | None) -> str:
    if s is None:
        return "-"
    left = text[max(0, s - 30):s].replace("\n", " ")
    right = text[e:e + 30].replace("\n", " ")
    return f"...{left}[[{text[s:e]}]]{right}..."


def main(argv: list[str]) -> int:
    draft, article, out_path = map(Path, argv)
    text = article.read_text(encoding="utf-8")
    doc_id = article.stem
    records, errors = [], 0
    for n, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = anchor_record(json.loads(line), text, doc_id)
        except (DraftError, KeyError, json.JSONDecodeError) as exc:
            print(f"{draft}:{n}: ERROR {exc}")
            errors += 1
            continue
        records.append(rec)
        if rec["type"] == "percentage":
            print(f"{n:3} {rec['value']:6} {rec['bound']:6} {rec['kind']:12} {_show(text, rec['start'], rec['end'])}")
            print(f"      group: {_show(text, rec['group_start'], rec['group_end'])}")
        elif rec["type"] == "sample_size":
            print(f"{n:3} N={rec['value']} {rec['bound']} {_show(text, rec['start'], rec['end'])}")
            print(f"      population: {_show(text, rec['population_start'], rec['population_end'])}")
        else:
            print(f"{n:3} study {rec}")
    if errors:
        print(f"{errors} error(s); nothing written")
        return 1
    records.sort(key=lambda r: (r.get("start") or r.get("org_start") or r.get("title_start") or 0, r["type"]))
    out_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"wrote {len(records)} records to {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
