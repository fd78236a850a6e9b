"""Peak RSS against corpus size and document size, and --workers 2 against 1, interleaved.

Each run is a fresh process (``extract run``'s own code path, ``run_batch``), and its peak resident
memory is what the kernel reports for it (``ru_maxrss``), model included. A run with supervised workers
is measured as the summed PSS of its processes (shared pages counted once), sampled from /proc: each
process once, as ``/proc`` lists processes (a thread's ``/proc/TID`` would count its process again).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.runs.settings import DEFAULT_PARSE_CACHE

from .conftest import big_document, pool_texts, syndicated_synthetic_corpus, synthetic_corpus

CORPUS_SIZES = (100, 1_000, 10_000)
DOCUMENT_MB = (2,)  # 20 MB takes some 2 minutes a run: measure it by hand with the same helpers
WORKER_DOCS = 1_000
WORKER_ROUNDS = 3
PSS_EVERY = 0.05  # seconds between two samples of a run's memory

RUN = """
import json, resource, sys, time
from extract.runs.batch import run_batch
t = time.perf_counter()
timeout = float(sys.argv[4]) if len(sys.argv) > 4 else None  # 0: in this process, as None
cache = {"parse_cache": int(sys.argv[5])} if len(sys.argv) > 5 else {}
s = run_batch([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), doc_timeout=timeout, progress=False, **cache)
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - t, "elapsed": s.elapsed, "words": s.words,
                  "documents": s.documents, "records": s.records, "rss_mb": me.ru_maxrss / 1024,
                  "run_cpu": me.ru_utime + me.ru_stime, "workers_cpu": kids.ru_utime + kids.ru_stime}))
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


def _process_tree(root: int) -> list[int]:
    """``root`` and its descendants: processes only (``/proc`` lists no threads)."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    parents[int(name)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(p for p, parent in parents.items() if parent == pid)
    return tree


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("Pss:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def _run_with_pss(script: str, *args: str) -> dict:
    """``_run``, with the peak of the summed PSS of the run and its workers, sampled."""
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_mb(pid) for pid in _process_tree(proc.pid)))
        time.sleep(PSS_EVERY)
    figures = json.loads(proc.stdout.read().strip().splitlines()[-1])
    figures["pss_mb"] = peak
    return figures


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


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="reads /proc")
def test_scale_peak_rss_against_document_size(benchmark, tmp_path: Path):
    """One long document: in one process with the pipeline alone (``extract_text``), then through
    ``extract run`` in one process (``--doc-timeout 0``) and with its supervised worker (the default)."""
    for mb in DOCUMENT_MB:
        path = tmp_path / f"big{mb}.txt"
        path.write_text(big_document(mb * 1_000_000), encoding="utf-8")
        f = _run(ONE_TEXT, str(path))
        benchmark.extra_info[f"rss_mb_{mb}mb_document"] = f["rss_mb"]
        print(f"\none {mb} MB document: peak RSS {f['rss_mb']:.0f} MB, {f['records']:,} records, {f['seconds']:.0f} s")
        for timeout in ("0", "60"):
            run = _run_with_pss(RUN, str(path), str(tmp_path / f"big{mb}_{timeout}.jsonl"), "1", timeout)
            benchmark.extra_info[f"pss_mb_{mb}mb_document_doc_timeout_{timeout}"] = run["pss_mb"]
            print(f"extract run --doc-timeout {timeout}: peak summed PSS {run['pss_mb']:.0f} MB, {run['seconds']:.0f} s")
    benchmark.pedantic(lambda: None, rounds=1)


# The runs compared: one worker in the run's own process (run_batch's default), one supervised worker
# and two (extract run's default budget of 60 s puts even one worker in a process of its own).
WORKER_SETUPS = {"1 in-process": ("1", "0"), "1 supervised": ("1", "60"), "2 supervised": ("2", "60")}
# The parse cache on (the default) and off: on repeated text one worker's cache saves more than two
# half-caches do, so the cache and the workers trade against each other (README, "Workers").
PARSE_CACHES = {"cache on": str(DEFAULT_PARSE_CACHE), "cache off": "0"}
WORKER_CORPORA = {"synthetic": synthetic_corpus, "syndicated": syndicated_synthetic_corpus}


@pytest.mark.parametrize("corpus", list(WORKER_CORPORA))
def test_scale_workers_two_against_one(benchmark, tmp_path: Path, corpus: str):
    """Interleaved (each setup with the cache on, then off, round after round) over the same documents,
    model loading included; the outputs must be the same. ``synthetic``: paragraphs of the pool stitched
    at random, so nearly every paragraph repeats; ``syndicated``: fresh figures, 30% of the articles also
    as a syndicated version (conftest). Against the run's own elapsed time and the process's wall time;
    the CPU seconds of the run and of its workers say what a busy machine hides (with 2 workers on 2
    cores the run's own work takes from theirs)."""
    folder = _write(tmp_path / "corpus", WORKER_CORPORA[corpus](WORKER_DOCS))
    runs: dict[tuple[str, str], list[dict]] = {(c, name): [] for c in PARSE_CACHES for name in WORKER_SETUPS}
    for r in range(WORKER_ROUNDS):
        for cache, size in PARSE_CACHES.items():
            for name, (workers, timeout) in WORKER_SETUPS.items():
                t = time.perf_counter()
                out = tmp_path / f"{cache}_{name}_{r}.jsonl".replace(" ", "_")
                runs[cache, name].append(_run(RUN, str(folder), str(out), workers, timeout, size))
                runs[cache, name][-1]["wall"] = time.perf_counter() - t
    outputs = {(tmp_path / f"{cache}_{name}_0.jsonl".replace(" ", "_")).read_text() for cache, name in runs}
    assert len(outputs) == 1
    print(f"\n{corpus} corpus, {WORKER_DOCS:,} documents:", end="")
    for cache in PARSE_CACHES:
        for one in ("1 in-process", "1 supervised"):
            for measure in ("elapsed", "wall"):
                ratios = [a[measure] / b[measure] for a, b in zip(runs[cache, one], runs[cache, "2 supervised"])]
                key = _key(f"speedup_{measure}_{cache}_against_{one}")
                benchmark.extra_info.update({f"{key}_min": min(ratios), f"{key}_median": statistics.median(ratios)})
                print(f"\n{cache}: --workers 2 against {one}, {measure}: x{min(ratios):.2f} min, "
                      f"x{statistics.median(ratios):.2f} median over {len(ratios)} interleaved rounds", end="")
    for (cache, name), figures in runs.items():
        cpu = statistics.median(f["run_cpu"] + f["workers_cpu"] for f in figures)
        own = statistics.median(f["run_cpu"] for f in figures)
        wall = statistics.median(f["wall"] for f in figures)
        benchmark.extra_info[_key(f"cpu_seconds_{cache}_{name}")] = cpu
        benchmark.extra_info[_key(f"wall_seconds_{cache}_{name}")] = wall
        print(f"\n{cache}, {name}: {wall:.1f} s wall, {cpu:.1f} CPU seconds (medians), {own:.1f} of them the "
              f"run's own process", end="")
    print()
    benchmark.pedantic(lambda: None, rounds=1)


def _key(text: str) -> str:
    return text.replace(" ", "_").replace("-", "_")


SHARE_PARAGRAPHS = (1_000, 8_000)  # one share per paragraph, in one document


def test_scale_time_per_share_in_one_document() -> None:
    """CPU seconds per share of one document of 1,000 and of 8,000 paragraphs with a share each, in this process,
    the best of two rounds each: linear within 1.5x (issue 21, case 12: group linking once made it grow with the
    shares before it, and the answer-bracket regex with the length of the text)."""
    import extract

    nlp = extract.load()
    para = "A survey of 1,000 nurses found that {p}% of nurses plan to leave their jobs within a year."
    per_share = {}
    for n in SHARE_PARAGRAPHS:
        text = "\n\n".join(para.format(p=(i % 90) + 5) for i in range(n))
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            shares = sum(r.type == "percentage" for r in extract.extract_text(text, doc_id="big", nlp=nlp))
            best = min(best, time.process_time() - start)
        assert shares == n
        per_share[n] = best / n
    ratio = per_share[SHARE_PARAGRAPHS[-1]] / per_share[SHARE_PARAGRAPHS[0]]
    print("\nms per share: " + ", ".join(f"{n:,} paragraphs {1000 * s:.2f}" for n, s in per_share.items())
          + f"; ratio x{ratio:.2f}")
    assert ratio <= 1.5
