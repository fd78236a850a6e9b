"""Build the pipeline and run it: the Python API researchers call."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from . import groups, parser, percentages, samples, sentences, studies  # noqa: F401  (registers the factories)
from .errors import Errors
from .extensions import register_extensions
from .records import Record, records_from_doc, span_keys

DEFAULT_MODEL = parser.DEFAULT_MODEL
PIPE_NAMES = ("survey_sentences", "survey_percentages", "survey_parser", "survey_samples", "survey_groups", "survey_studies")
DEFAULT_BATCH_SIZE = 64
# spaCy refuses texts over 1,000,000 characters (E088) to guard a parser run over the whole text; this
# pipeline parses only selected sentences, each on its own. A UTF-8 text of N bytes has at most N
# characters, so every document `extract run`'s default --max-bytes lets in (20 MB) fits.
DEFAULT_MAX_LENGTH = 20_000_000


def load(*, model: str = DEFAULT_MODEL, select: str = "candidates") -> Language:
    """The extraction pipeline. ``select="all"`` parses every sentence (slower, same records)."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.max_length = DEFAULT_MAX_LENGTH
    split_figure_pairs(nlp)
    bound_suffix_search(nlp)
    nlp.add_pipe("survey_sentences")
    nlp.add_pipe("survey_percentages")
    nlp.add_pipe("survey_parser", config={"model": model, "select": select})
    nlp.add_pipe("survey_samples")
    nlp.add_pipe("survey_groups")
    nlp.add_pipe("survey_studies")
    return nlp


# "(70%/66%)", "5%-10%": two figures written against each other; English tokenization keeps "70%/66" whole.
FIGURE_PAIR_INFIX = r"(?<=%)[/\-\u2013](?=[0-9])"
# "(42% strongly/34% somewhat)", "parents or guardians\u201455 percent": a word glued to the next figure.
WORD_FIGURE_INFIX = r"(?<=[^\W\d_]{2})[/\u2014](?=[0-9])"
# A table flattened into text, cells glued: "Donald Trump44%38%38%" (a zero-width split before each cell).
TABLE_CELL_INFIXES = (r"(?<=[^\W\d_]{2})(?=\d+(?:\.\d+)?%)", r"(?<=%)(?=\d)")


def split_figure_pairs(nlp: Language) -> None:
    """Let the tokenizer split a slash or dash written right after a percent sign, so that each figure
    of a pair is its own span."""
    infixes = list(nlp.Defaults.infixes) + [FIGURE_PAIR_INFIX, WORD_FIGURE_INFIX, *TABLE_CELL_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


SUFFIX_REACH = 100  # characters at the end of a token that its suffix rules may read


class TailSuffixSearch:
    """The tokenizer's suffix pattern, searched only in the last ``reach`` characters of a token.

    spaCy strips suffixes one at a time and searches the whole token for each ('%' 8,000 times is 8,000
    searches of up to 8,000 characters); a suffix is a few characters, so the tail holds it. Tokens up
    to ``reach`` characters split exactly as before. ``pattern`` is what spaCy saves with the
    tokenizer (a pipeline loaded back searches whole tokens again)."""

    def __init__(self, pattern: re.Pattern, reach: int = SUFFIX_REACH) -> None:
        self.compiled = pattern
        self.pattern = pattern.pattern
        self.reach = reach

    def search(self, string: str) -> Optional[re.Match]:
        return self.compiled.search(string, max(0, len(string) - self.reach))


def bound_suffix_search(nlp: Language, reach: int = SUFFIX_REACH) -> None:
    """Search for suffixes only at the end of a token (see ``TailSuffixSearch``)."""
    current = nlp.tokenizer.suffix_search
    if current is not None and isinstance(getattr(current, "__self__", None), re.Pattern):
        nlp.tokenizer.suffix_search = TailSuffixSearch(current.__self__, reach).search


@lru_cache(maxsize=2)
def default_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One pipeline per process for the convenience functions; built on first use, never at import."""
    return load(model=model)


def check_text(text: object, func: str = "extract_text") -> str:
    """The text itself, or a TypeError that names what was passed: spaCy's own messages for bytes or
    None ('unpack(b) received extra data', E1041) do not say what went wrong."""
    if isinstance(text, str):
        return text
    hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray, memoryview)) else ""
    raise TypeError(Errors.E005.format(func=func, type=type(text).__name__, hint=hint))


def process(nlp: Language, text: str, doc_id: str = "") -> Doc:
    doc = nlp(check_text(text))
    doc._.doc_id = doc_id
    return doc


def extract_text(text: str, doc_id: str = "", *, nlp: Optional[Language] = None) -> list[Record]:
    """Records for one article, in reading order."""
    pipeline = nlp if nlp is not None else default_pipeline()
    return records_from_doc(process(pipeline, text, doc_id), doc_id, keys=span_keys(pipeline))


def extract_many(items: Iterable[tuple[str, str]], *, nlp: Optional[Language] = None,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple[str, list[Record]]]:
    """(doc_id, text) pairs in, (doc_id, records) out, streamed through ``nlp.pipe``.
    For several processes use ``extract.runs.batch.run_batch(..., workers=N)``."""
    pipeline = nlp if nlp is not None else default_pipeline()
    texts = ((check_text(t, "extract_many"), i) for i, t in items)
    keys = span_keys(pipeline)
    for doc, doc_id in pipeline.pipe(texts, as_tuples=True, batch_size=batch_size):
        yield doc_id, records_from_doc(doc, doc_id, keys=keys)
