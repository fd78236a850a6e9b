"""Numbers as writers print them, read from the package's tables (extract/numbers.py)."""
from __future__ import annotations

import pytest

from extract.numbers import default_numbers


@pytest.mark.parametrize("text,value", [
    ("1,024", 1024.0), ("13.3", 13.3), ("Fifty-eight", 58.0), ("forty three", 43.0), ("one point three", 1.3),
    ("a hundred", 100.0), ("one hundred", 100.0), ("nine", 9.0), ("\u22125", -5.0), ("many", None), ("", None),
])
def test_numbers_value(text, value):
    assert default_numbers().value(text) == value


@pytest.mark.parametrize("text,value", [
    ("two-thirds", 66.7), ("Three-quarters", 75.0), ("a third", 33.3), ("half", 50.0), ("one-quarter", 25.0),
    ("two-fifths", 40.0), ("four in 10", 40.0), ("6 in 10", 60.0), ("Three out of four", 75.0), ("one in every five", 20.0),
    ("Five of the eight", 62.5), ("39 nations out of 65", 60.0), ("Fifty-eight per cent", 58.0), ("forty percent", 40.0),
    # not proportions: a period, two halves, a denominator alone, a ratio the wrong way round, plain words
    ("3 quarters", None), ("two halves", None), ("quarter", None), ("ten in three", None), ("the survey", None),
])
def test_numbers_proportion(text, value):
    assert default_numbers().proportion(text) == value


@pytest.mark.parametrize("before,after,bound", [
    ("", "", "exact"), ("said ", "", "exact"), ("More than ", "", "lower"), ("nearly ", "", "upper"),
    ("about ", "", "approx"), ("", " or more", "lower"), ("Just under ", "", "upper"),
])
def test_numbers_bound_from_qualifiers(before, after, bound):
    assert default_numbers().bound(before, after) == bound


@pytest.mark.parametrize("text,bound", [
    ("nearly 40% agree", "upper"), ("40% or more agree", "lower"), ("said 40% agree", "exact"),
    ("nearly" + " " * 40 + "40% agree", "exact"),  # further back than QUALIFIER_REACH: not this figure's
])
def test_numbers_bound_at_reads_a_qualifier_within_its_reach(text, bound):
    """The figures found (percent_forms.bound_at) and the checks take a figure's bound this one way."""
    start = text.index("40%")
    assert default_numbers().bound_at(text, start, start + 3) == bound
