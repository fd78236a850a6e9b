"""Words per second of the extraction pipeline against en_core_web_sm's full pipeline, same texts,
same process, and what the parse cache gives on a corpus with syndicated articles. Memory and workers
are in test_scale.py.

Run: python -m pytest benchmarks/ -s   (add --benchmark-json=out.json to keep the figures)
The ratios are printed and stored in each benchmark's extra_info; nothing here asserts a time.
"""
from __future__ import annotations

import statistics
import time

import extract

from .conftest import syndicated_corpus

ROUNDS = 3
BATCH = 64  # documents per nlp.pipe batch, for both pipelines (extract run's default)


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def test_speed_against_full_en_core_web_sm(benchmark, nlp, baseline, pool):
    """Interleaved rounds (baseline, ours, baseline, ours, ...) over the same texts, so that a machine
    that slows down or speeds up mid-run weighs on both; the ratio is reported as its min and median.
    The same ratio on CPU time is reported too: on a machine other processes share, wall time counts
    the time they take from this one, CPU time does not (both pipelines run on one thread)."""
    texts = pool * 2
    words = _words(texts)
    list(nlp.pipe(texts[:5])), list(baseline.pipe(texts[:5]))  # warm up both
    ratios, cpu_ratios, base_times, our_times = [], [], [], []
    for _ in range(ROUNDS + 1):
        base_wall, base_cpu = _timed(lambda: list(baseline.pipe(texts, batch_size=BATCH)))
        our_wall, our_cpu = _timed(lambda: list(nlp.pipe(texts, batch_size=BATCH)))
        base_times.append(base_wall)
        our_times.append(our_wall)
        ratios.append(base_wall / our_wall)
        cpu_ratios.append(base_cpu / our_cpu)
    ours = benchmark.pedantic(lambda: list(nlp.pipe(texts, batch_size=BATCH)), rounds=1, iterations=1)
    median, cpu_median = statistics.median(ratios), statistics.median(cpu_ratios)
    benchmark.extra_info.update(words=words, words_per_second=words / min(our_times),
                                baseline_words_per_second=words / min(base_times),
                                speedup_min=min(ratios), speedup_median=median,
                                cpu_speedup_min=min(cpu_ratios), cpu_speedup_median=cpu_median, speedups=ratios)
    print(f"\nours {words / min(our_times):,.0f} words/s; en_core_web_sm {words / min(base_times):,.0f} words/s; "
          f"speed-up min x{min(ratios):.2f}, median x{median:.2f} over {len(ratios)} interleaved rounds "
          f"(CPU time: min x{min(cpu_ratios):.2f}, median x{cpu_median:.2f}); rounds: "
          + ", ".join(f"x{r:.2f}" for r in ratios))
    assert len(ours) == len(texts)


def test_speed_sparse_parse_changes_no_record(nlp, pool):
    """The speed comes from parsing fewer sentences, never from different answers."""
    full = extract.load(select="all")
    for n, text in enumerate(pool):
        assert extract.extract_text(text, str(n), nlp=nlp) == extract.extract_text(text, str(n), nlp=full)


def test_speed_parse_cache_on_syndicated_articles(benchmark, nlp, pool):
    """The same pipeline with and without its parse cache, interleaved, on the pool plus syndicated
    versions of 30% of its articles (conftest.syndicated_corpus); the cache is emptied before each
    round, so it only gains from repetition inside the corpus."""
    texts = syndicated_corpus()
    cached = extract.load()
    parser = cached.get_pipe("survey_parser")
    words = _words(texts)
    ratios, plain_times, cached_times = [], [], []
    for _ in range(ROUNDS + 1):
        t = time.perf_counter()
        list(nlp.pipe(texts, batch_size=BATCH))
        plain_times.append(time.perf_counter() - t)
        parser.cache.clear()
        t = time.perf_counter()
        list(cached.pipe(texts, batch_size=BATCH))
        cached_times.append(time.perf_counter() - t)
        ratios.append(plain_times[-1] / cached_times[-1])
    hits = len(texts) - len(pool)
    benchmark.extra_info.update(documents=len(texts), syndicated=hits, words=words, speedup_min=min(ratios),
                                speedup_median=statistics.median(ratios))
    print(f"\nparse cache on {len(texts)} articles ({hits} syndicated): x{min(ratios):.2f} min, "
          f"x{statistics.median(ratios):.2f} median over {len(ratios)} interleaved rounds "
          f"({words / min(cached_times):,.0f} against {words / min(plain_times):,.0f} words/s)")
    benchmark.pedantic(lambda: None, rounds=1)
