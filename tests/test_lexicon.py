"""The lexicon saved with a pipeline is the one every component reads (extract.lexicon): words ADDED to a
saved pipeline's lexicon.json take effect in each component after spacy.load, sentence selection included.
(Tests that take words out: test_percentages, test_study_lexicon.)"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import extract
from extract.lexicon import Lexicon, RuleComponent

# Words added to the saved lexicon, one list at a time: a survey verb that is in none of them ("grill").
ADDED = {
    "point_change_nouns": ["surge"],
    "survey_verbs": ["grill"],  # a lemma: its object is a sample
    "sample_cue_words": ["grilled"],  # makes the sentence worth parsing (survey_parser's selection)
    "survey_cue_words": ["grilled"],  # two in a text make its figures shares of respondents
    "org_survey_verbs": ["grilled"],
    "study_anchor_words": ["grilled"],
}


def _percentages(doc):
    return [s.text for s in doc.spans["survey_percentages"]]


def _kinds(doc):
    return [s._.kind for s in doc.spans["survey_percentages"]]


def _samples(doc):
    return [s._.value for s in doc.spans["survey_samples"]]


def _orgs(doc):
    return [s._.org.text for s in doc.spans["survey_studies"] if s._.org is not None]


# (component that reads the added words, text, what to read of the Doc, before, after)
CHANGES = [
    ("survey_percentages", "Support among voters saw a 5 points surge in the poll.", _percentages, [], ["5 points"]),
    ("survey_parser", "The firm grilled 500 nurses last month.", lambda doc: doc._.parsed_sents, [], [(0, 8)]),
    ("survey_samples", "The firm grilled 500 nurses last month.", _samples, [], [500]),
    ("survey_groups", "Grilled firms grilled others. Some 45% went up.", _kinds, ["other"], ["share"]),
    ("survey_studies", "Populus grilled 1,000 adults about the budget.", _orgs, [], ["Populus"]),
]


@pytest.fixture(scope="module")
def edited(nlp, tmp_path_factory):
    """The pipeline saved, words added to the saved lexicon.json (its owner's, the only one saved), loaded again."""
    path = tmp_path_factory.mktemp("lexicon") / "pipe"
    nlp.to_disk(path)
    saved = path / "survey_percentages" / "lexicon.json"
    assert not any((path / name / "lexicon.json").exists() for name in nlp.pipe_names if name != "survey_percentages")
    lists = json.loads(saved.read_text(encoding="utf-8"))
    for name, words in ADDED.items():
        assert not set(words) & set(lists[name]["words"]), f"{words} already in {name}"
        lists[name]["words"].extend(words)
    saved.write_text(json.dumps(lists), encoding="utf-8")
    return spacy.load(path)


@pytest.mark.slow
@pytest.mark.parametrize("component,text,read,before,after", CHANGES, ids=[c[0] for c in CHANGES])
def test_lexicon_added_words_reach_every_component(nlp, edited, component, text, read, before, after):
    assert read(nlp(text)) == before
    assert read(edited(text)) == after


@pytest.mark.slow
def test_lexicon_loaded_is_the_one_every_component_reads(edited):
    owner = edited.get_pipe("survey_percentages").lexicon
    assert "grill" in owner.word_set("survey_verbs")
    for name in edited.pipe_names:
        if hasattr(edited.get_pipe(name), "lexicon"):
            assert edited.get_pipe(name).lexicon is owner, name
    assert edited.get_pipe("survey_parser").patterns is edited.get_pipe("survey_samples").patterns


@pytest.mark.parametrize("name,text,found", [
    ("survey_percentages", "Some 47% said no, up 3 points.", ["47%", "3 points"]),
    ("survey_studies", "Populus surveyed 1,000 adults about the budget.", ["Populus"]),
])
def test_lexicon_rule_component_matches_then_sets_annotations(name, text, found):
    """A RuleComponent's match leaves the Doc as it was; set_annotations writes what it found, as a call does."""
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe(name)
    assert isinstance(pipe, RuleComponent) and pipe.patterns is pipe.lexicon.compiled(type(pipe).build_patterns)
    doc = nlp.make_doc(text)
    matches = pipe.match(doc)
    assert name not in doc.spans
    pipe.set_annotations(doc, matches)
    called = nlp(text)
    assert [s.text for s in doc.spans[name]] == [s.text for s in called.spans[name]] == found


def test_lexicon_every_list_is_read():
    """A list that no rule reads is dead data that looks live: each list of lexicon.json is named, quoted,
    in the package's code."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(extract.__file__).parent.rglob("*.py"))
    unread = [name for name in Lexicon.default().words if f'"{name}"' not in source and f"'{name}'" not in source]
    assert unread == []
