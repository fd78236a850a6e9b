"""Nothing raises on arbitrary text, and records always point at the text they quote."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract

SURVEY_WORDS = st.sampled_from(["60%", "half", "one in 10", "surveyed 131 people", "(23%)", "vs.", "respectively",
                                "percentage points", "of marketers", "Two-thirds", "more than", "\n\n", "“", "—"])
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(SURVEY_WORDS, st.text(max_size=12)), max_size=30).map(" ".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_robustness_arbitrary_text_never_raises(nlp, text):
    for rec in extract.extract_text(text, doc_id="h", nlp=nlp):
        if rec.type != "study":
            assert text[rec.start:rec.end] == rec.text
        if rec.type == "percentage" and rec.group is not None:
            assert text[rec.group_start:rec.group_end] == rec.group


def _fastest(nlp, text: str, repeats: int = 3) -> float:
    """Fastest of a few runs, in this process: only ever compared with another such figure."""
    import time

    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        extract.extract_text(text, doc_id="h", nlp=nlp)
        best = min(best, time.perf_counter() - start)
    return best


# (a unit repeated, how many times for the smaller text): runs with no spaces, a figure every two tokens in
# one sentence with no end, brackets opened and never closed, one line of digits.
HOSTILE = [("%", 2000), ("50% ", 400), ("(", 2500), ("7", 250_000), ("50%", 1000), ("(1%) ", 300),
           ("\u201c", 2000), ("word ", 50_000),  # quotes; one line of words that ends at 1 MB
           ("\u201c].", 6000), ("12%", 2000)]  # a prefix and suffixes spaCy strips one at a time, with no space


@pytest.mark.slow  # each case runs the pipeline over two sizes of hostile text (about 13 s together)
@pytest.mark.parametrize("unit,n", HOSTILE)
def test_robustness_work_grows_linearly_on_hostile_text(nlp, monkeypatch, unit, n):
    """Four times the text takes about four times as long (sixteen if the work were quadratic); a ratio of
    times in one process, never a time. The tokenizer's cache is off so every run tokenizes again."""
    monkeypatch.setattr(nlp.tokenizer, "max_cache_size", 0)
    extract.extract_text(unit * n, doc_id="warm", nlp=nlp)
    ratio = _fastest(nlp, unit * (4 * n)) / _fastest(nlp, unit * n)
    assert ratio < 8.0, f"{unit!r}: x4 text took x{ratio:.1f} time"


HOSTILE_CHARS = "%()[]\"'\u201c\u201d0123456789.,-/ "


@pytest.mark.slow  # Hypothesis draws the hostile units; each example runs two sizes
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=st.text(alphabet=HOSTILE_CHARS, min_size=1, max_size=5))
def test_robustness_time_per_character_stays_bounded(nlp, unit):
    """Any run of a short unit made of figure characters, brackets, quotes and digits: four times the text
    takes well under sixteen times as long (the ratio a quadratic step would give)."""
    n = max(1, 6000 // len(unit))
    extract.extract_text(unit * n, doc_id="warm", nlp=nlp)
    ratio = _fastest(nlp, unit * (4 * n), repeats=2) / max(_fastest(nlp, unit * n, repeats=2), 1e-3)
    assert ratio < 10.0, f"{unit!r}: x4 text took x{ratio:.1f} time"
