"""Words per second of the extraction pipeline against en_core_web_sm's full pipeline, same texts,
same process; peak memory of a streaming run; scaling with workers.

Run: python -m pytest benchmarks/ -s   (add --benchmark-json=out.json to keep the figures)
The ratios are printed and stored in each benchmark's extra_info; nothing here asserts a time.
"""
from __future__ import annotations

import statistics
import time
import tracemalloc
from pathlib import Path

import extract
from extract.runs.batch import run_batch

from .conftest import synthetic_corpus

ROUNDS = 3
BATCH = 64  # documents per nlp.pipe batch, for both pipelines (extract run's default)


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _best_time(fn, rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def test_speed_against_full_en_core_web_sm(benchmark, nlp, baseline, pool):
    """Interleaved rounds (baseline, ours, baseline, ours, ...) over the same texts, so that a machine
    that slows down or speeds up mid-run weighs on both; the ratio is reported as its min and median."""
    texts = pool * 2
    words = _words(texts)
    list(nlp.pipe(texts[:5])), list(baseline.pipe(texts[:5]))  # warm up both
    ratios, base_times, our_times = [], [], []
    for _ in range(ROUNDS + 1):
        t = time.perf_counter()
        list(baseline.pipe(texts, batch_size=BATCH))
        base_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        list(nlp.pipe(texts, batch_size=BATCH))
        our_times.append(time.perf_counter() - t)
        ratios.append(base_times[-1] / our_times[-1])
    ours = benchmark.pedantic(lambda: list(nlp.pipe(texts, batch_size=BATCH)), rounds=1, iterations=1)
    median = statistics.median(ratios)
    benchmark.extra_info.update(words=words, words_per_second=words / min(our_times),
                                baseline_words_per_second=words / min(base_times),
                                speedup_min=min(ratios), speedup_median=median)
    print(f"\nours {words / min(our_times):,.0f} words/s; en_core_web_sm {words / min(base_times):,.0f} words/s; "
          f"speed-up min x{min(ratios):.2f}, median x{median:.2f} over {len(ratios)} interleaved rounds")
    assert len(ours) == len(texts)


def test_speed_sparse_parse_changes_no_record(nlp, pool):
    """The speed comes from parsing fewer sentences, never from different answers."""
    full = extract.load(select="all")
    for n, text in enumerate(pool):
        assert extract.extract_text(text, str(n), nlp=nlp) == extract.extract_text(text, str(n), nlp=full)


def test_memory_stays_flat_while_streaming(benchmark, tmp_path: Path):
    """Peak traced memory of a streaming run over 100 and over 1,000 documents."""
    peaks = {}
    for n in (100, 1000):
        folder = tmp_path / f"c{n}"
        folder.mkdir()
        for i, text in enumerate(synthetic_corpus(n)):
            (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        extract.default_pipeline()  # model loading is not part of the stream
        tracemalloc.start()
        run_batch([str(folder)], str(tmp_path / f"out{n}.jsonl"), progress=False)
        peaks[n] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    benchmark.extra_info.update(peak_mb_100_docs=peaks[100], peak_mb_1000_docs=peaks[1000],
                                growth=peaks[1000] / peaks[100])
    print(f"\npeak traced memory: {peaks[100]:.1f} MB for 100 documents, {peaks[1000]:.1f} MB for 1,000")
    benchmark.pedantic(lambda: None, rounds=1)


def test_workers_scaling(benchmark, tmp_path: Path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = synthetic_corpus(2000)
    for i, text in enumerate(texts):
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    one = run_batch([str(folder)], str(tmp_path / "w1.jsonl"), workers=1, progress=False)
    two = run_batch([str(folder)], str(tmp_path / "w2.jsonl"), workers=2, progress=False)
    assert (tmp_path / "w1.jsonl").read_text() == (tmp_path / "w2.jsonl").read_text()
    benchmark.extra_info.update(words_per_second_1=one.words_per_second, words_per_second_2=two.words_per_second,
                                speedup=two.words_per_second / one.words_per_second)
    print(f"\n1 worker {one.words_per_second:,.0f} words/s; 2 workers {two.words_per_second:,.0f} words/s "
          f"(x{two.words_per_second / one.words_per_second:.2f}, model loading included)")
    benchmark.pedantic(lambda: None, rounds=1)
