"""Closed-class grammar is code (extract/grammar.py), open vocabulary is data (extract/data/lexicon.json):
one home for each word set, and the rules read the constants by name."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract import grammar
from extract.lexicon import Lexicon
from extract.phrases import is_anaphoric
from extract.selection import ANAPHORA

CONSTANTS = {name: value for name, value in vars(grammar).items() if name.isupper()}


def test_grammar_constants_are_frozensets_of_lower_case_words():
    assert CONSTANTS and all(isinstance(v, frozenset) and v for v in CONSTANTS.values())
    assert all(w == w.lower() and w == w.strip() for v in CONSTANTS.values() for w in v)


def test_grammar_sets_are_not_also_lists_of_the_lexicon():
    """A set moved to code leaves the lexicon: an edit to a copy in lexicon.json would change nothing."""
    lists = set(Lexicon.default().words)
    assert not {name.lower() for name in CONSTANTS} & lists


# (words of a phrase, does it point back to a group named before)
PHRASES = [
    (["them"], True), (["they"], True), (["whom"], True), (["these", "leaders"], True), (["both", "groups"], True),
    (["the", "two"], True), (["the", "latter"], True), (["IT"], False), (["it"], True), (["voters"], False),
    (["those", "surveyed"], False), (["these", "young", "voters"], False),
]


@pytest.mark.parametrize("words,points_back", PHRASES, ids=[" ".join(p[0]) for p in PHRASES])
def test_grammar_anaphors_point_back(vocab, lex, words, points_back):
    assert is_anaphoric(Doc(vocab, words=words)[:], lex) == points_back


@pytest.mark.parametrize("text,found", [
    ("They were less sure.", True), ("Both groups agreed.", True), ("The latter disagreed.", True),
    ("This group was asked.", True), ("The two\nsides agreed.", True), ("Theyre here.", False), ("Voters agreed.", False),
])
def test_grammar_back_references_select_the_sentence_before(text, found):
    assert bool(ANAPHORA.search(text)) == found
