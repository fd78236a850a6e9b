"""Shared fixtures: the model loads once per session; tests that need no parse use spacy.blank."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

from spacy.tokens import Doc, Span

import extract
from extract.groups import GroupRules, assign_groups
from extract.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    return extract.load()


# A hand-built parse row: (word, head, dep, pos, tag, lemma), heads as absolute token indices.
Row = tuple[str, int, str, str, str, str]
NO_SPACE_BEFORE = (",", ".", ":", ";", ")", "%", "+", "-")


@pytest.fixture(scope="session")
def lex():
    """The package's lexicon, for rule steps called on hand-built parses."""
    return Lexicon.default()


@pytest.fixture(scope="session")
def vocab():
    """A blank English vocab with the package's extensions: hand-built Docs for rule steps that read a parse."""
    extract.register_extensions()
    return spacy.blank("en").vocab


def parsed_doc(vocab, rows: list[Row]) -> Doc:
    """A Doc with the parse written out by hand; no space before punctuation, '%' or '+', nor around '-'."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows))
    spaces = [not (nxt in NO_SPACE_BEFORE or word in ("(", "-")) for word, nxt in zip(words, words[1:] + [""])]
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


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


def corpus_paragraphs() -> list[str]:
    """Every non-empty paragraph of every corpus article, in file order: texts for model-level checks."""
    return [p for path in sorted(CORPUS.rglob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    """Every article of corpus/ by doc_id (the file stem), as extract run reads it (no newline translation)."""
    return {p.stem: p.read_bytes().decode("utf-8") for p in sorted(CORPUS.rglob("*.txt"))}


@pytest.fixture(scope="session")
def corpus_records(nlp, corpus_texts) -> dict[str, list]:
    """The extractor's records of every corpus article, extracted once for the whole session: the tests that
    read the whole corpus share them instead of parsing it again."""
    return dict(extract.extract_many(corpus_texts.items(), nlp=nlp))


def reload_without(nlp, path: Path, name: str, word: str):
    """``nlp`` saved to ``path``, ``word`` taken out of the list ``name`` in the saved lexicon (its owner's,
    the only one saved), and loaded again."""
    nlp.to_disk(path)
    saved = path / "survey_percentages" / "lexicon.json"
    assert not (path / "survey_groups" / "lexicon.json").exists()  # one lexicon, its owner's
    lists = json.loads(saved.read_text(encoding="utf-8"))
    lists[name]["words"].remove(word)
    saved.write_text(json.dumps(lists), encoding="utf-8")
    return spacy.load(path)


def build(vocab, rows: list[Row], figures: list[tuple[int, int, float, str]] = ()) -> Doc:
    """A parsed Doc with percentage spans (start, end, value, form) as survey_percentages would set them;
    no space is written before punctuation, '%' or '+', nor around a hyphen."""
    doc = parsed_doc(vocab, rows)
    spans = []
    for start, end, value, form in figures:
        span = Span(doc, start, end)
        span._.value, span._.form, span._.unit, span._.kind, span._.bound = value, form, "percent", "share", "exact"
        spans.append(span)
    doc.spans["survey_percentages"] = spans
    return doc


def groups_of(doc: Doc, lex: Lexicon, *, survey: bool = True) -> list[tuple[str, str | None]]:
    """Kinds and groups as the steps link them; ``survey`` puts the sentence in an article that reports
    a survey (as every row's article does), through a sample size whose population is not given."""
    samples = [Span(doc, 0, 1)] if survey else []
    state = assign_groups(doc, list(doc.spans["survey_percentages"]), [(0, len(doc))], samples, GroupRules(lex))
    return [(a.kind, doc[a.group[0]:a.group[1]].text if a.group and a.kind != "other" else None)
            for a in state.assignments]


def cpu_per_item(work, n: int, rounds: int = 2) -> float:
    """CPU seconds of this process per item of ``work(n)``, the best of a few rounds: only ever compared with
    another such figure of the same test (scale tests), so that another job on the machine moves it less."""
    import time

    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work(n)
        best = min(best, time.process_time() - start)
    return best / n
