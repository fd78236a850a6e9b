"""Sample sizes with their population; counts that are not respondents give nothing."""
from __future__ import annotations

import pytest

import extract

# (real sentence, expected [(value, bound, population)])
SAMPLES = [
    ("According to the new CMO Digital Benchmark Study, in which the Leapfrog Marketing Institute surveyed 131 U.S. "
     "executives who hold a director title or higher (81% in marketing functions and 19% in IT functions), over 60% "
     "of marketers and IT types said they don't see eye to eye.",
     [(131, "exact", "U.S. executives who hold a director title or higher")]),
    ("Forrester and Forbes Insights queried some 308 marketing and tech management leaders this year, following "
     "similar surveys in 2011 and 2013.",
     [(308, "approx", "marketing and tech management leaders")]),
    ("Accenture surveyed 400 senior marketing and 250 information technology executives in 10 countries and found "
     "that the transition Davis speaks of is slow-going and littered with obstacles.",
     [(400, "exact", "senior marketing"), (250, "exact", "information technology executives")]),
    ("About the Data: Findings are based on a survey of more than 200 marketing leaders across 12 industries at "
     "companies with at least $250 million in revenues.",
     [(200, "lower", "marketing leaders across 12 industries at companies with at least $250 million in revenues")]),
    ("The survey was conducted by Sunovate on behalf of Dimension Data, and is based on in-depth questionnaires of 166 "
     "call centres in 24 countries and five continents.",
     [(166, "exact", "call centres")]),
    ("A Daily Telegraph poll of 1,313 people suggests two-thirds of Britons support the couple's decision to marry.",
     [(1313, "exact", "people")]),
    ("A total of 3,028 adults aged 18 or over were interviewed for the study.",
     [(3028, "exact", "adults aged 18 or over")]),
    ("YouGov polled a weighted sample of 1,981 voters online on 16-18 December.",
     [(1981, "exact", "voters")]),
    ("CommunicateResearch interviewed 401 people before David Blunkett's resignation and 601 afterwards.",
     [(401, "exact", "people"), (601, "exact", "people")]),
    ("The ICM survey interviewed 110 pupils for education watchdog Ofsted.",
     [(110, "exact", "pupils")]),
    ("The Conference Board survey of 5,000 households pointed to renewed optimism about job creation.",
     [(5000, "exact", "households")]),
]
NOT_SAMPLES = [
    "Forrester and Forbes Insights published similar surveys in 2011 and 2013.",
    "The Duchy of Cornwall is a 140,000-acre estate across 25 counties.",
    "This year's report, \"CIOs And CMOs Must Turn Collaboration Into Action ($499 fee),\" does show progress.",
    "The survey covered 12 industries in 10 countries.",
    "Some 2,000 business and political leaders gathered in Davos for the forum.",
]


def _samples(nlp, text):
    return [(r.value, r.bound, r.population) for r in extract.extract_text(text, nlp=nlp) if r.type == "sample_size"]


@pytest.mark.parametrize("text,expected", SAMPLES, ids=[str(e[0][0]) for _, e in SAMPLES])
def test_samples_value_bound_population(nlp, text, expected):
    assert _samples(nlp, text) == expected


@pytest.mark.parametrize("text", NOT_SAMPLES, ids=[t[:25] for t in NOT_SAMPLES])
def test_samples_negatives_give_nothing(nlp, text):
    assert _samples(nlp, text) == []
