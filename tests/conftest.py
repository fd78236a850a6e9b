"""Shared fixtures: the model loads once per session; tests that need no parse use spacy.blank. Shared helpers
that are not fixtures (paths, hand-built parses, reading JSONL) are in helpers.py."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

import extract
from extract.lexicon import Lexicon

from .helpers import CORPUS, GOLD


@pytest.fixture(scope="session")
def nlp():
    return extract.load()


@pytest.fixture(scope="session")
def lex():
    """The package's lexicon, for rule steps called on hand-built parses."""
    return Lexicon.default()


@pytest.fixture(scope="session")
def vocab():
    """A blank English vocab with the package's extensions: hand-built Docs for rule steps that read a parse."""
    extract.register_extensions()
    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("survey_percentages")
    return nlp


@pytest.fixture()
def gold_copy(tmp_path: Path) -> Path:
    """A copy of the gold directory a test may damage."""
    target = tmp_path / "gold"
    shutil.copytree(GOLD, target)
    return target


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    """Every article of corpus/ by doc_id (the file stem), as extract run reads it (no newline translation)."""
    return {p.stem: p.read_bytes().decode("utf-8") for p in sorted(CORPUS.rglob("*.txt"))}


@pytest.fixture(scope="session")
def corpus_records(nlp, corpus_texts) -> dict[str, list]:
    """The extractor's records of every corpus article, extracted once for the whole session: the tests that
    read the whole corpus share them instead of parsing it again."""
    return dict(extract.extract_many(corpus_texts.items(), nlp=nlp))
