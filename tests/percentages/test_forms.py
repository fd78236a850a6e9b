"""Figure forms from trade-press and poll articles kept outside the project (the phrasings of issue 9):
no parse needed, so these run on a blank pipeline."""
from __future__ import annotations

import pytest

from extract.lexicon import Lexicon
from extract.percentages.passes import PercentPatterns, find_figures


@pytest.fixture(scope="module")
def patterns():
    return PercentPatterns(Lexicon.default())


# (text, [(span text, value, bound, unit)])
FORMS = [
    # British press: "pc"
    ("Interest rates rose to 3pc, and then to 2.75pc on the long bond.",
     [("3pc", 3.0, "exact", "percent"), ("2.75pc", 2.75, "exact", "percent")]),
    ("Sales at the chain fell 4.5pc in the quarter.", [("4.5pc", 4.5, "exact", "percent")]),
    # one unit written once for two numbers
    ("The jobless rate fell from 4.1 to 3.9 percent.", [("4.1", 4.1, "exact", "percent"), ("3.9 percent", 3.9, "exact", "percent")]),
    ("Support rose from 20 to 25% of those asked.", [("20", 20.0, "exact", "percent"), ("25%", 25.0, "exact", "percent")]),
    ("The payout was cut from 6 to 8 per cent to 2 to 4 per cent.",
     [("6", 6.0, "lower", "percent"), ("8 per cent", 8.0, "upper", "percent"), ("2", 2.0, "lower", "percent"),
      ("4 per cent", 4.0, "upper", "percent")]),
    ("Prices rose from 10-15% in the spring.", [("10", 10.0, "lower", "percent"), ("15%", 15.0, "upper", "percent")]),
    # bare numbers a vote makes shares
    ("Voters backed the measure by a 61 to 30 margin.", [("61", 61.0, "exact", "percent"), ("30", 30.0, "exact", "percent")]),
    ("Members approved the deal by a wide 70-25 margin.", [("70", 70.0, "exact", "percent"), ("25", 25.0, "exact", "percent")]),
    # a figure restated in brackets is one record, whichever comes first
    ("Some 48% (nearly half) of parents said so.", [("48%", 48.0, "approx", "percent")]),
    ("More than 80% (four out of five) say they are worried.", [("80%", 80.0, "lower", "percent")]),
    ("Sixty percent (60%) of workers agreed.", [("60%", 60.0, "exact", "percent")]),
    ("Four in five advertisers who use Internet advertising use it as a branding device (79 per cent).",
     [("79 per cent", 79.0, "exact", "percent")]),
    ("More than eight in 10 parents with children under age 13 (83%) have not let them join.",
     [("83%", 83.0, "exact", "percent")]),
    ("More than two-thirds of U.S. adults (68%) say it's worth paying more.", [("68%", 68.0, "exact", "percent")]),
    ("and only four percent -- that's 4 percent -- always invite their customers.", [("4 percent", 4.0, "exact", "percent")]),
    # ... but two different figures are never merged
    ("Half of them said yes, and 30% said no.", [("Half", 50.0, "exact", "percent"), ("30%", 30.0, "exact", "percent")]),
    ("Just over half of teachers have considered leaving their job, with \n\n47 per cent considering leaving.",
     [("half", 50.0, "lower", "percent"), ("47 per cent", 47.0, "exact", "percent")]),
    # 'that' after a verb of finding opens its clause (dev3 health_10's headline; the body-text form written for
    # the test, with the lemma list's regular and irregular forms)
    ("Survey Also Finds That Half of Canadians Say That The Way They Vote Will Be Influenced",
     [("Half", 50.0, "exact", "percent")]),
    ("The survey found that half of respondents plan to leave.", [("half", 50.0, "exact", "percent")]),
    ("The report revealed that half of all workers are tired.", [("half", 50.0, "exact", "percent")]),
    ("Polls indicated that half of the voters agree.", [("half", 50.0, "exact", "percent")]),
    # points where a share moved or two differ
    ("Differences between parties have grown from 15 points in 1994 to 36 points now.",
     [("15 points", 15.0, "exact", "points"), ("36 points", 36.0, "exact", "points")]),
    ("That is more than double the 17-point average difference found 13 years ago.", [("17-point", 17.0, "exact", "points")]),
    ("In 2009, 52% said so; the share is up eight points versus the same question then.",
     [("52%", 52.0, "exact", "percent"), ("eight points", 8.0, "exact", "points")]),
    ("Trust in NHS managers fell to 40%; trust in whom has dropped by 12 points.",
     [("40%", 40.0, "exact", "percent"), ("12 points", 12.0, "exact", "points")]),
    # ... and where the sentence names the percentage only after them (dev2 mkt_07, wild bbc_politics, as an
    # article's first figures)
    ("The number of retailers focused on opening new stores has increased by seven points, from 19% a year ago to "
     "26% today.", [("seven points", 7.0, "exact", "points"), ("19%", 19.0, "exact", "percent"),
                    ("26%", 26.0, "exact", "percent")]),
    ("Support for the plan fell 5 points to 40%.", [("5 points", 5.0, "exact", "points"), ("40%", 40.0, "exact", "percent")]),
    # a table flattened into text
    ("Donald Trump44%38%38%", [("44%", 44.0, "exact", "percent"), ("38%", 38.0, "exact", "percent"), ("38%", 38.0, "exact", "percent")]),
    # answers run together: the figure stops at its bracket
    ("“Drive sales and grow market share” (45%)”Stay ahead, differentiate” (44%)”Improve our brand”",
     [("45%", 45.0, "exact", "percent"), ("44%", 44.0, "exact", "percent")]),
    # a bound written after the figure
    ("customer satisfaction rating of 70% or lower.", [("70%", 70.0, "upper", "percent")]),
    ("a score of 80 per cent or above", [("80 per cent", 80.0, "lower", "percent")]),
    ("turnout of 40% or below", [("40%", 40.0, "upper", "percent")]),
]
NOT_FIGURES = [
    "He scored 12 points in the game.",
    "Arsenal won by 3 points.",
    "Prices rose by 3-5% last year.",  # after 'by' (grammar.RANGE_CHANGE_PREPS) the size of a change
    "Confidence among non-manufacturers is forecast to drop one point in the March survey.",
    "The index rose 3 points to 105, its highest since 2004.",  # no percentage in its sentence
    "The PC market grew.",
    "Sales in that half of the year rose.",  # 'that' pointing at a half, not after a verb of finding
    "The first half of the year was slow.",
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[t[:40] for t, _ in FORMS])
def test_forms(patterns, text, expected):
    got = [(text[f.start:f.end], f.value, f.bound, f.unit) for f in find_figures(text, patterns)]
    assert got == expected


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(patterns, text):
    assert find_figures(text, patterns) == []


def test_restated_verbal_figure_points_at_the_exact_one(patterns):
    text = "Some 48% (nearly half) of parents said so."
    figs = patterns.find(text)
    verbal = next(f for f in figs if f.superseded)
    exact = next(f for f in figs if not f.superseded)
    assert text[verbal.start:verbal.end] == "half" and exact.verbal_of == verbal.start
