"""Peak RSS against corpus size and document size, and --workers 2 against 1, interleaved.

Each run is a fresh process (``extract run``'s own code path, ``run_batch``), and its peak resident
memory is what the kernel reports for it (``ru_maxrss``), model included.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .conftest import big_document, pool_texts, synthetic_corpus

CORPUS_SIZES = (100, 1_000, 10_000)
DOCUMENT_MB = (2,)  # 20 MB takes some 10 minutes: measure it by hand with the same helper
WORKER_DOCS = 1_000
WORKER_ROUNDS = 2

RUN = """
import json, resource, sys, time
from extract.batch import run_batch
t = time.perf_counter()
s = run_batch([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), progress=False)
print(json.dumps({"seconds": time.perf_counter() - t, "words": s.words, "documents": s.documents,
                  "records": s.records, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
ONE_TEXT = """
import json, resource, sys, time
import extract
nlp = extract.load()
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
n = len(extract.extract_text(text, "big", nlp=nlp))
print(json.dumps({"seconds": time.perf_counter() - t, "records": n,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _write(folder: Path, texts: list[str]) -> Path:
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_scale_peak_rss_against_corpus_size(benchmark, tmp_path: Path):
    """The pool's articles repeated under distinct ids (the parse cache serves the repeats)."""
    pool = pool_texts()
    figures = {}
    for n in CORPUS_SIZES:
        folder = _write(tmp_path / f"c{n}", [pool[i % len(pool)] for i in range(n)])
        figures[n] = _run(RUN, str(folder), str(tmp_path / f"out{n}.jsonl"), "1")
        print(f"\n{n:>6,} documents: peak RSS {figures[n]['rss_mb']:.0f} MB, {figures[n]['seconds']:.0f} s")
    benchmark.extra_info.update({f"rss_mb_{n}": f["rss_mb"] for n, f in figures.items()})
    benchmark.extra_info["growth_10000_over_100"] = figures[CORPUS_SIZES[-1]]["rss_mb"] / figures[CORPUS_SIZES[0]]["rss_mb"]
    benchmark.pedantic(lambda: None, rounds=1)


def test_scale_peak_rss_against_document_size(benchmark, tmp_path: Path):
    for mb in DOCUMENT_MB:
        path = tmp_path / f"big{mb}.txt"
        path.write_text(big_document(mb * 1_000_000), encoding="utf-8")
        f = _run(ONE_TEXT, str(path))
        benchmark.extra_info[f"rss_mb_{mb}mb_document"] = f["rss_mb"]
        print(f"\none {mb} MB document: peak RSS {f['rss_mb']:.0f} MB, {f['records']:,} records, {f['seconds']:.0f} s")
    benchmark.pedantic(lambda: None, rounds=1)


def test_scale_workers_two_against_one(benchmark, tmp_path: Path):
    """Interleaved (1, 2, 1, 2 ...) over the same synthetic documents, model loading included; the
    outputs must be the same."""
    folder = _write(tmp_path / "corpus", synthetic_corpus(WORKER_DOCS))
    times: dict[int, list[float]] = {1: [], 2: []}
    for r in range(WORKER_ROUNDS):
        for workers in (1, 2):
            t = time.perf_counter()
            _run(RUN, str(folder), str(tmp_path / f"w{workers}_{r}.jsonl"), str(workers))
            times[workers].append(time.perf_counter() - t)
    assert (tmp_path / "w1_0.jsonl").read_text() == (tmp_path / "w2_0.jsonl").read_text()
    ratios = [a / b for a, b in zip(times[1], times[2])]
    benchmark.extra_info.update(speedup_min=min(ratios), speedup_median=statistics.median(ratios))
    print(f"\n--workers 2 against 1 on {WORKER_DOCS:,} documents: x{min(ratios):.2f} min, "
          f"x{statistics.median(ratios):.2f} median over {len(ratios)} interleaved pairs")
    benchmark.pedantic(lambda: None, rounds=1)
