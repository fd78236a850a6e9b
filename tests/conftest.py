"""Shared fixtures: the model loads once per session; tests that need no parse use spacy.blank."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

import extract

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    return extract.load()


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


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
