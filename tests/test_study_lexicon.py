"""The study rules read their words from the lexicon: a list edited in a saved pipeline changes what is found."""
from __future__ import annotations

import pytest

from extract.lexicon import Lexicon
from extract.studies import StudyPatterns, clean_org, find_studies

from .helpers import reload_without


def _orgs(text: str, patterns: StudyPatterns) -> list[str]:
    return [text[s.org[0]:s.org[1]] for s in find_studies(text, patterns) if s.org]


def _titles(text: str, patterns: StudyPatterns) -> list[str]:
    return [text[s.title[0]:s.title[1]] for s in find_studies(text, patterns) if s.title]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.default()


# (list, word taken out, text, orgs found with the word, orgs found without it)
ORG_WORDS = [
    ("org_survey_verbs", "quizzed", "Populus quizzed 1,000 adults about the budget.", ["Populus"], []),
    ("conducting_participles", "fielded", "It was fielded by Ipsos MORI last week.", ["Ipsos MORI"], []),
    ("commissioning_verbs", "commissioned", "Direct Line commissioned the work last year.", ["Direct Line"], []),
    ("org_survey_adjectives", "annual", "Direct Line\u2019s annual survey found that 55% of drivers agree.",
     ["Direct Line"], []),
    ("org_verb_fillers", "recently", "Gallup recently polled 1,000 adults.", ["Gallup"], []),
    ("org_joining_words", "for", "The survey was carried out by the Centre for Cities in May.",
     ["Centre for Cities"], ["Centre"]),
    ("org_suffixes", "LLC", "The survey was conducted by Acme Research, LLC in May.", ["Acme Research, LLC"],
     ["Acme"]),
    ("not_org_words", "Meanwhile", "Meanwhile Gallup surveyed 1,000 adults.", ["Gallup"], ["Meanwhile Gallup"]),
    ("role_acronyms", "CEO", "The poll was conducted by the CEO in May.", [], ["CEO"]),
]


@pytest.mark.parametrize("name,word,text,with_word,without_word", ORG_WORDS, ids=[r[0] for r in ORG_WORDS])
def test_study_lexicon_each_org_list_is_read(lexicon, name, word, text, with_word, without_word):
    assert word in lexicon.word_set(name)
    assert _orgs(text, StudyPatterns(lexicon)) == with_word
    assert _orgs(text, StudyPatterns(lexicon.without(name, word))) == without_word


# (list, word taken out, text, title found with the word, without it)
TITLE_WORDS = [
    ("title_words", "Benchmark", "According to the new CMO Digital Benchmark, most marketers disagree.",
     ["CMO Digital Benchmark"], []),
    ("title_naming_words", "titled", "A paper titled \u201cA Lot Easier Said Than Done\u201d was published.",
     ["A Lot Easier Said Than Done"], []),
]


@pytest.mark.parametrize("name,word,text,with_word,without_word", TITLE_WORDS, ids=[r[0] for r in TITLE_WORDS])
def test_study_lexicon_each_title_list_is_read(lexicon, name, word, text, with_word, without_word):
    assert _titles(text, StudyPatterns(lexicon)) == with_word
    assert _titles(text, StudyPatterns(lexicon.without(name, word))) == without_word


# Phrasings that rest on the prepositions of grammar.py, which are code, not lists: (text, orgs, titles)
GRAMMAR_PHRASINGS = [
    ("New research from Merkle indicates that marketers disagree.", ["Merkle"], []),  # SURVEY_ORG_PREPS
    ("The Third Annual CEO Study on Marketing was published by Boathouse.", ["Boathouse"],
     ["The Third Annual CEO Study on Marketing"]),  # TITLE_TAIL_PREPS
]


@pytest.mark.parametrize("text,orgs,titles", GRAMMAR_PHRASINGS, ids=["survey_org", "title_tail"])
def test_study_lexicon_grammar_prepositions_are_read(lexicon, text, orgs, titles):
    patterns = StudyPatterns(lexicon)
    assert (_orgs(text, patterns), _titles(text, patterns)) == (orgs, titles)


@pytest.mark.parametrize("name,refused", [("IT", True), ("It", True), ("it", True), ("U.S", True), ("US.", True),
                                          ("Ipsos", False), ("YouGov", False)])
def test_study_lexicon_case_kept_where_the_list_says(lexicon, name, refused):
    """not_org_words and role_acronyms keep their case: 'IT' is refused as written, 'it' as not capitalised;
    the dots of an acronym are optional."""
    assert "not_org_words" in lexicon.case_sensitive and "IT" in lexicon.word_set("not_org_words")
    assert (clean_org(name, 0, len(name), StudyPatterns(lexicon)) is None) == refused


@pytest.mark.slow
def test_study_lexicon_from_disk_reaches_the_studies_component(nlp, tmp_path):
    """A word taken out of a study list in the saved pipeline's lexicon changes what the loaded pipeline finds:
    without 'quizzed' in org_survey_verbs, 'Populus quizzed ...' names no study."""
    text = "Populus quizzed 1,000 adults about the budget."
    doc = nlp(text)
    assert [s._.org.text for s in doc.spans["survey_studies"]] == ["Populus"]
    again = reload_without(nlp, tmp_path / "pipe", "org_survey_verbs", "quizzed")
    assert not (tmp_path / "pipe" / "survey_studies" / "lexicon.json").exists()  # it saves none of its own
    assert [s._.org for s in again(text).spans["survey_studies"]] == []
    assert again.get_pipe("survey_studies").lexicon is again.get_pipe("survey_percentages").lexicon


def test_study_lexicon_patterns_compiled_once_per_lexicon(nlp):
    studies = nlp.get_pipe("survey_studies")
    assert studies.lexicon is nlp.get_pipe("survey_percentages").lexicon
    assert studies.patterns is studies.lexicon.compiled(StudyPatterns)


# (list, word taken out, text, figures with the word, figures without it)
FIGURE_WORDS = [
    ("list_blocking_words", "aged", "those aged 18, 24 and 30 percent of them", ["30 percent"],
     ["18", "24", "30 percent"]),
    ("ratio_links", "out of", "Three out of four marketers believe it.", ["Three out of four"], []),
    ("period_determiners", "last", "Sales fell for half of last year.", [], ["half"]),
]


@pytest.mark.parametrize("name,word,text,with_word,without_word", FIGURE_WORDS, ids=[r[0] for r in FIGURE_WORDS])
def test_study_lexicon_figure_lists_are_read(lexicon, name, word, text, with_word, without_word):
    """The words left in the percentage patterns are lists too: taking one out changes the figures."""
    from extract.percentages.passes import PercentPatterns

    def figures(lex: Lexicon) -> list[str]:
        return [text[f.start:f.end] for f in PercentPatterns(lex).find(text) if not f.superseded]

    assert figures(lexicon) == with_word
    assert figures(lexicon.without(name, word)) == without_word


def test_an_emptied_list_matches_nothing():
    """An empty alternation would match at every position; the lexicon gives a pattern that never matches."""
    import regex

    from extract.lexicon import Lexicon

    lex = Lexicon.default().without("ranking_words", "most", "least")
    assert lex.alternation("ranking_words") == r"(?!)"
    assert regex.search(lex.alternation("ranking_words"), "the most enthusiastic") is None
