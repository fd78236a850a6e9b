"""survey_parser gives the model straight quotes where the text has typographic ones: the model learned mostly from
straight quotes, and parses "this year’s" otherwise than "this year's"."""
from __future__ import annotations

import pytest


# Sentences of read articles with their typographic apostrophes (dev2 mkt_09, dev3 pub_01), and the same with straight
# ones: the model parses the words with straight quotes, so both read alike. With "year’s" the model made 'year' the
# object of 'of' and the 54% an 'other'.
CURLY = [
    "A survey of 500 retailers was published. Another significant finding: More than half (54%) of this year\u2019s "
    "survey participants said that their Website maintenance costs had increased during the past year; a mere 2% said "
    "they were spending less than they had last year.",
    "A Harris poll of 2,000 voters was published. The poll found Trump\u2019s approval rating among all voters was 48 "
    "percent, a 1 percentage-point jump from Sept.",
]


@pytest.mark.parametrize("text", CURLY)
def test_parser_reads_typographic_quotes_as_straight_ones(nlp, text):
    import extract

    def readings(t):
        return [(r.start, r.kind, r.group_start, r.group_end) for r in extract.extract_text(t, "a", nlp=nlp)
                if r.type == "percentage"]

    curly = readings(text)
    assert curly == readings(text.replace("\u2019", "'"))
    assert all(kind == "share" or kind == "point_change" for _, kind, _, _ in curly)
