"""The anchor scan tried only where a known first literal stands finds what a full scan finds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.percentages.passes import PercentPatterns
from extract.samples.patterns import SamplePatterns
from extract.studies import StudyPatterns
from extract.textspans import find_anchors

from .helpers import CORPUS


def _anchor_sets(lex):
    percent, studies, cues = lex.compiled(PercentPatterns), lex.compiled(StudyPatterns), lex.compiled(SamplePatterns)
    return {"percent": (percent.anchors, percent.anchor_starts), "studies": (studies.anchor, studies.anchor_starts),
            "cues": (cues.cue, cues.cue_starts)}


def _found(pattern, text, starts=None):
    return [(m.span(), m.lastgroup) for m in find_anchors(pattern, text, starts)]


@pytest.mark.parametrize("which", ["percent", "studies", "cues"])
@pytest.mark.scan  # the whole corpus
def test_textspans_anchor_starts_find_what_a_full_scan_finds_on_the_corpus(lex, which):
    pattern, starts = _anchor_sets(lex)[which]
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _found(pattern, text, starts) == _found(pattern, text), path


FRAGMENTS = ["60%", "%", "Per cent", "percent", "pc", "pp", " points", "margin", "half", "halves", "Quarter",
             "one in 10", "out of five", "of their 12", "in", "of", "run by", "Survey", "surveyed", "according to",
             "research", "data", "İ", " ", "-", "\n", "x", "7", "3pc", "(", "the", "respondents", "took part", "polled",
             "Questionnaires", "base"]


@pytest.mark.scan  # Hypothesis
@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_textspans_anchor_starts_find_what_a_full_scan_finds_anywhere(lex, parts):
    text = "".join(parts)
    for pattern, starts in _anchor_sets(lex).values():
        assert _found(pattern, text, starts) == _found(pattern, text)


@pytest.mark.parametrize("text,expected", [
    ("abab xba", [(0, 2), (2, 4), (6, 8)]),  # back to back, and inside a word
    ("aba", [(0, 2)]),                         # 'ba' at 1 overlaps the match before: not tried
    ("xyz", []),                               # no literal, no match
])
def test_textspans_starting_at_tries_from_the_end_of_each_match(text, expected):
    import re

    pattern = re.compile(r"ab|ba")
    assert [m.span() for m in find_anchors(pattern, text, ["ab", "ba"])] == expected
    assert [m.span() for m in pattern.finditer(text)] == expected


def _study_scans(lex, text, patterns_used):
    from extract.studies import _scan, survey_windows
    from extract.textspans import folded_lower

    studies = lex.compiled(StudyPatterns)
    windows = survey_windows(text, studies)
    lowered = folded_lower(text) if patterns_used is not None else None  # as org_candidates and _title_spans pass it
    scanned = list(studies.starts) + list(studies.needs)  # patterns tried at their literals, or only where their words stand
    return [[m.span() for m in _scan(p, text, windows, patterns_used, lowered)] for p in scanned]


STUDY_FRAGMENTS = ["survey", "Survey", "SURVEY", "\u017furvey", "poll", "report", "titled", "conducted", "by", "the",
                   "Harris Interactive", "According to", "\u201cState of IT\u201d", "\"Big Study\"", " ", ", ", "\n",
                   ".", "of 2,000 adults", "x" * 50, "Stra\u00dfe", "\u0130",
                   "YouGov surveyed", "commissioned", "Tracker", "Pew Research"]


@pytest.mark.scan  # Hypothesis
@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.sampled_from(STUDY_FRAGMENTS), max_size=25))
def test_textspans_study_patterns_tried_at_their_literals_match_as_everywhere(lex, parts):
    """'ſurvey' is a case-blind match of 'survey' that the lower-cased text does not show, and 'İ'
    lower-cases to two characters: such a text is scanned everywhere."""
    text = "".join(parts)
    assert _study_scans(lex, text, lex.compiled(StudyPatterns)) == _study_scans(lex, text, None)


@pytest.mark.parametrize("text", ["\u0130\u0130\u0130\u0130 A survey by YouGov found this.",
                                  "\u0130stanbul: Harris Interactive surveyed 2,000 adults.",
                                  "\u0130 according to the Pew Research survey, most agreed."])
def test_textspans_study_patterns_after_a_letter_that_lower_cases_to_two(lex, text):
    """'İ' lower-cases to 'i' and a combining dot: offsets in the lower-cased text are not offsets in the
    text, so the patterns run everywhere and find what they find in the same text without it."""
    assert _study_scans(lex, text, lex.compiled(StudyPatterns)) == _study_scans(lex, text, None)
    assert any(_study_scans(lex, text, None))


@pytest.mark.scan  # the whole corpus
def test_textspans_study_patterns_tried_at_their_literals_match_as_everywhere_on_the_corpus(lex):
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _study_scans(lex, text, lex.compiled(StudyPatterns)) == _study_scans(lex, text, None), path
