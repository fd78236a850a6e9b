"""Long documents in pieces: cut at paragraph (else sentence) boundaries, read each piece with some
context on both sides, and give back offsets into the whole text.

A Doc costs about 100 bytes of memory per character of text once tokenized, tagged and annotated, and
the group rules compare each figure with the mentions before it; so a 20 MB document read in one piece
needs gigabytes and hours. Read in pieces it needs the memory of one piece and time linear in its length.

Why the records come out the same. A piece starts where the whole text starts a sentence for certain
(after a line break, or after '. ' before a capital), so it is tokenized and split into sentences as
the whole text is there. The rules look back and forward across sentences (the group of the figure
before, the sentence before an anaphor, a comparison frame, the survey's population named later), so
each piece is read with ``context_before`` characters before it and ``context_after`` after it, and
keeps only the figures and samples that start inside it. Studies are chosen over the whole article (its
most-cited org), so they are found once, on the whole text, with no parse.

What the context does not cover: a figure whose group is the nearest respondent phrase more than
``context_before`` characters back, and an article whose only survey cues stand outside a piece and
its context (its figures then lose their default of being shares). Both need a document far longer
than an article; ``DEFAULT_CONTEXT_BEFORE`` is chosen from the pool (see its comment).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Optional

from spacy.language import Language

from .records import Record, StudyRecord
from .sentences import cut_points, paragraph_starts, pieces
from .studies import StudyFinder, find_studies

# Documents up to this many characters are read in one piece (every article of the corpus, by far).
DEFAULT_CHUNK_CHARS = 200_000
# Context read before and after each piece. On the 91 wild articles and the seeds cut into pieces of
# 1,500 characters, 4,000 characters before (a few paragraphs) and 1,000 after gave the same records as
# reading each article whole (tests/test_chunks.py); 10,000 and 2,000 leave a margin at a cost of
# about 6% more text read per 200,000-character piece.
DEFAULT_CONTEXT_BEFORE = 10_000
DEFAULT_CONTEXT_AFTER = 2_000

OFFSET_FIELDS = ("start", "end", "group_start", "group_end", "population_start", "population_end")


@dataclass(frozen=True)
class Chunk:
    """``text[start:end]`` goes through the pipeline; it keeps the records that start in ``[keep_start, keep_end)``."""

    start: int
    end: int
    keep_start: int
    keep_end: int


def plan_chunks(text: str, size: int = DEFAULT_CHUNK_CHARS, context_before: int = DEFAULT_CONTEXT_BEFORE,
                context_after: int = DEFAULT_CONTEXT_AFTER) -> list[Chunk]:
    """Pieces of at most about ``size`` characters (a paragraph longer than that with no sentence end is
    cut between words), each with its context; one piece when the text is no longer than ``size``."""
    n = len(text)
    if n <= size:
        return [Chunk(0, n, 0, n)]
    cuts = cut_points(text, size)
    keeps = pieces(cuts, size)
    chunks = []
    for ks, ke in zip(keeps, keeps[1:]):
        start = cuts[max(0, bisect_right(cuts, max(0, ks - context_before)) - 1)]
        end = cuts[min(len(cuts) - 1, bisect_left(cuts, min(n, ke + context_after)))]
        chunks.append(Chunk(start, end, ks, ke))
    return chunks


def shift(record: Record, offset: int) -> Record:
    """The record with its offsets moved by ``offset`` characters."""
    if not offset:
        return record
    changes = {f: getattr(record, f) + offset for f in OFFSET_FIELDS + ("org_start", "org_end", "title_start", "title_end")
               if getattr(record, f, None) is not None}
    return replace(record, **changes)


def record_start(record: Record) -> int:
    """Where a record stands in the text (a study: its first name), as ``records_from_doc`` orders them."""
    if isinstance(record, StudyRecord):
        return min(x for x in (record.org_start, record.title_start) if x is not None)
    return record.start


def studies_component(nlp: Language) -> Optional[StudyFinder]:
    return next((proc for _, proc in nlp.pipeline if isinstance(proc, StudyFinder)), None)


def _expand(nlp: Language, text: str, cuts: list[int], span: tuple[int, int]) -> Optional[tuple[str, int, int]]:
    """``span`` widened to whole tokens, as ``doc.char_span(..., alignment_mode="expand")`` on the whole
    text: tokenized within its paragraph (tokenization never crosses a paragraph start)."""
    lo = cuts[max(0, bisect_right(cuts, span[0]) - 1)]
    hi = cuts[min(len(cuts) - 1, bisect_left(cuts, span[1]))]
    doc = nlp.make_doc(text[lo:hi])
    tokens = doc.char_span(span[0] - lo, span[1] - lo, alignment_mode="expand")
    return None if tokens is None else (tokens.text, tokens.start_char + lo, tokens.end_char + lo)


def study_records(nlp: Language, finder: StudyFinder, text: str, doc_id: str) -> list[StudyRecord]:
    """The article's studies, found on the whole text as the pipeline's ``finder`` finds them on a whole Doc."""
    cuts = paragraph_starts(text)
    out = []
    for st in find_studies(text, finder.patterns):
        if _expand(nlp, text, cuts, min(x for x in (st.org, st.title) if x)) is None:
            continue
        org = _expand(nlp, text, cuts, st.org) if st.org else None
        title = _expand(nlp, text, cuts, st.title) if st.title else None
        out.append(StudyRecord(doc_id=doc_id, type="study", org=org and org[0], org_start=org and org[1],
                               org_end=org and org[2], title=title and title[0], title_start=title and title[1],
                               title_end=title and title[2], year=st.year))
    return out
