"""Nothing raises on arbitrary text, and records always point at the text they quote."""
from __future__ import annotations

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
