"""Long documents read in pieces give the records of the whole text, offsets into the whole text."""
from __future__ import annotations

import pytest
import spacy

import extract
from extract.chunks import cut_points, plan_chunks
from extract.pipeline import chunked_records

from .helpers import CORPUS

# Pieces of about 60 characters: every paragraph, and each sentence of a longer one, is its own piece.
SMALL = 60
TEXT = ("Forrester Research surveyed 308 marketing leaders for the CMO Digital Benchmark Study 2015.\n\n"
        "Of them, 60% said their budgets would grow next year.\n\n"
        "Some 45% of IT managers said they worry about security. And 30% said they expected cuts.\n\n"
        "Sales rose 12% in the quarter, the firm said. 70% of voters want change, the poll found.\n")


@pytest.mark.parametrize("text,size", [
    (TEXT, SMALL),
    (TEXT, 10),
    ("One. Two.\n\n\n  Three four five.\n" * 40, 50),
    ("50% " * 500, 100),  # no sentence end: cut between words
    ("x" * 300, 100),  # no place to cut at all: one piece
    ("short text", 1000),
])
def test_chunks_pieces_cover_the_text_once(text, size):
    chunks = plan_chunks(text, size, 30, 10)
    assert chunks[0].keep_start == 0 and chunks[-1].keep_end == len(text)
    assert all(a.keep_end == b.keep_start for a, b in zip(chunks, chunks[1:]))
    assert all(c.start <= c.keep_start < c.keep_end <= c.end for c in chunks)
    cuts = set(cut_points(text, size))
    assert all(c.start in cuts and c.end in cuts for c in chunks)


@pytest.mark.parametrize("text,size", [
    (TEXT, 95),
    ("“Drive sales” (45%)... and they're up.\n \nNew para. “Quoted.” Next (one). Then? Yes!\tTab.\n", 45),
    ("He said 3.5% was e.g. fine. and then. U.S. voters (n = 1,024) agreed! “Yes.” [Sic.] Done.", 50),
])
def test_chunks_cut_where_the_whole_text_starts_a_sentence(text, size):
    """A piece starts on a token that starts a sentence in the whole text, so it is tokenized and
    segmented as it is there."""
    nlp = spacy.blank("en")
    nlp.add_pipe("survey_sentences")
    doc = nlp(text)
    sentence_starts = {t.idx for t in doc if t.is_sent_start and not t.is_space}
    cuts = set(cut_points(text, size)) - {0, len(text)}
    assert cuts and cuts <= sentence_starts


def test_chunks_records_across_boundaries_are_those_of_the_whole_text(nlp):
    """A sample size in one piece and its percentage in the next, a group carried from the sentence
    before across a boundary, a study title cut in two, figures on both sides."""
    chunks = plan_chunks(TEXT, SMALL, 0, 0)
    whole = extract.extract_text(TEXT, "t", nlp=nlp)
    by_text = {r.text: r for r in whole if r.type != "study"}
    piece = {name: next(n for n, c in enumerate(chunks) if c.keep_start <= TEXT.index(name) < c.keep_end)
             for name in ("308", "60%", "45%", "30%", "12%", "70%", "CMO Digital")}
    assert len(set(piece.values())) == 7
    assert by_text["60%"].group == "marketing leaders" and by_text["30%"].group == "IT managers"
    assert [(r.org, r.title) for r in whole if r.type == "study"] == [("Forrester", "CMO Digital Benchmark Study")]
    assert chunked_records(nlp, TEXT, "t", chunk_chars=SMALL) == whole
    # Without context the carried groups are lost: the context is what makes the records the same.
    alone = chunked_records(nlp, TEXT, "t", chunk_chars=SMALL, context_before=0, context_after=0)
    assert {r.text: r.group for r in alone if r.type == "percentage"}["30%"] is None


def test_chunks_extract_many_keeps_input_order(nlp):
    items = [("a", "Some 45% of IT managers said no."), ("long", TEXT), ("b", "And 70% of voters said yes.")]
    got = list(extract.extract_many(items, nlp=nlp, chunk_chars=SMALL))
    assert [d for d, _ in got] == ["a", "long", "b"]
    assert got[1][1] == extract.extract_text(TEXT, "long", nlp=nlp)
    assert got[0][1] == extract.extract_text(items[0][1], "a", nlp=nlp)


@pytest.mark.slow
def test_chunks_every_corpus_article_in_pieces_gives_the_same_records(nlp):
    """Every article of the corpus cut into pieces of 1,500 characters (so most are cut several times)."""
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert chunked_records(nlp, text, path.stem, chunk_chars=1500) == extract.extract_text(text, path.stem, nlp=nlp), path
