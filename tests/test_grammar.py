"""Closed-class grammar is code (extract/grammar.py), open vocabulary is data (extract/data/lexicon.json):
one home for each word set, and the rules read the constants by name."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.tokens import Doc

import extract
from extract import grammar
from extract.lexicon import Lexicon
from extract.groups.comparison import BOTH_SIDES_PHRASE
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


def test_grammar_sets_are_no_copy_of_a_lexicon_list_under_another_name():
    """Nor does a list stay in the lexicon with the same words as a constant: one home for each set."""
    lists = Lexicon.default().words
    assert [(c, n) for c, words in CONSTANTS.items() for n, listed in lists.items() if words == listed] == []


def test_grammar_every_constant_is_read():
    """A constant no rule reads is dead code that looks live, as a list no rule reads is dead data."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(extract.__file__).parent.rglob("*.py")
                       if p.name != "grammar.py")
    assert [name for name in CONSTANTS if not re.search(rf"\b{name}\b", source)] == []


# An attribute that holds a list, or word_set itself, under another name: 'self.amount = lexicon.word_set(...)'.
LIST_COPY = re.compile(r"self\.\w+\s*=\s*[\w.]*\bword_set\b(?:\(\s*[\"'][^\"']*[\"']\s*\))?\s*(?:#.*)?$", re.M)


def test_grammar_lists_are_read_one_way():
    """A rule reads a list as ``lex.word_set(name)`` where it needs it: no object keeps a copy of a list, or
    word_set, under another name, so the name a rule reads is the name of the list in lexicon.json."""
    copies = [(p.name, m.group()) for p in Path(extract.__file__).parent.rglob("*.py")
              for m in LIST_COPY.finditer(p.read_text(encoding="utf-8"))]
    assert copies == []


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


@pytest.mark.parametrize("text,found", [
    ("Both groups agreed.", True), ("The gap between the two\nwidened.", True), ("On both sides, ...", True),
    ("Both agreed.", False), ("Two in five agreed.", False),
])
def test_grammar_both_sides_phrases_point_to_the_pair_compared(text, found):
    """The phrases of BOTH_SIDES that, anywhere in a sentence, point to the two sides compared before ('both'
    or 'two' alone is left to the parse)."""
    assert bool(BOTH_SIDES_PHRASE.search(text)) == found
