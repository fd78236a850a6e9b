"""The pipeline's tokenizer: spaCy's English one, with figure pairs split and suffixes sought only at a
token's end. The sentence splitter tokenizes with it too, so its sentences are the pipeline's."""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Optional

import regex
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from . import grammar
from .extensions import keep_text
from .lexicon import phrase_alternation

# "(70%/66%)", "5%-10%", "(59 percent-36 percent)": two figures written against each other; English tokenization
# keeps "70%/66" and "percent-36" whole.
FIGURE_PAIR_INFIX = r"(?:(?<=%)|(?<=[cC]ent))[/\-\u2013](?=[0-9])"
# "(42% strongly/34% somewhat)", "parents or guardians\u201455 percent": a word glued to the next figure.
WORD_FIGURE_INFIX = r"(?<=[^\W\d_]{2})[/\u2014](?=[0-9])"
# A table flattened into text, cells glued: "Donald Trump44%38%38%" (a zero-width split before each cell).
TABLE_CELL_INFIXES = (r"(?<=[^\W\d_]{2})(?=\d+(?:\.\d+)?%)", r"(?<=%)(?=\d)")

# "(45%)”Stay ahead", "(52% of respondents)”Drive sales", "(52% of those aged 18 to 34)”Drive sales": answers run
# together, the closing bracket (and the next answer's opening quote) glued to the next answer.
CLOSE_AFTER_FIGURE_INFIXES = (r"(?<=%)[)\]](?=\S)", r"(?<=[^\W_])[)\]](?=[”“\"])",
                              r"(?<=[)\]])[”“\"’‘](?=\w)")


# "aged 18-to-34", "35-to-54": a band written with hyphens around 'to', which English tokenization cuts as "35", "-",
# "to-54"; each piece its own token, as in "35 to 54".
TO_RANGE_INFIXES = (r"(?<=[0-9])-(?=to-[0-9])", r"(?<=[0-9]-to)-(?=[0-9])")


def split_figure_pairs(nlp: Language) -> None:
    """Let the tokenizer split a slash or dash written right after a percent sign, so that each figure
    of a pair is its own span."""
    infixes = list(nlp.Defaults.infixes) + [FIGURE_PAIR_INFIX, WORD_FIGURE_INFIX, *TABLE_CELL_INFIXES,
                                            *CLOSE_AFTER_FIGURE_INFIXES, *TO_RANGE_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


SUFFIX_REACH = 100  # characters at the end of a token that its suffix rules may read
RUN_PIECE = 1_000  # a run without whitespace longer than LONG_RUN is tokenized in pieces of this many characters
LONG_RUN = re.compile(r"\S{2000,}")


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

# A hard wrap: a single line break between a word and a word in lower case ("400 senior\nmarketing executives"),
# not after a figure or a digit, where a line is more often a table row ("nationally: 15%\nmiddle class: 19%");
# or a single line break after a word no line of prose ends on ("a survey of\n2,521 adults"). Each test reads
# the line's end just before a line break (WRAP_REACH characters), so the cost is in line breaks, not characters.
ENDS_IN_WORD = regex.compile(r"[^\s\d%][ \t]*\Z")
ENDS_IN_CONTINUING_WORD = regex.compile(rf"\b(?i:{phrase_alternation(grammar.LINE_CONTINUING_WORDS)})[ \t]*\Z")
WRAP_REACH = 24


def unwrapped(text: str) -> str:
    """``text`` with each hard wrap's line break read as a space: the same length, every offset the same. The
    model parses a wrapped sentence as the sentence, not as two lines ('senior\nmarketing executives' is one
    phrase); the text the components read, and the records' text, stay as written."""
    if "\n" not in text:
        return text
    in_blocks = set(_wrapped_block_breaks(text))
    breaks = [i for i in _line_breaks(text) if i in in_blocks or _wraps(text, i)]
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


def _line_breaks(text: str) -> Iterator[int]:
    i = text.find("\n")
    while i != -1:
        yield i
        i = text.find("\n", i + 1)


# A paragraph wrapped at a fixed width: three lines or more, every line but the last between WRAP_WIDTHS wide and
# within WRAP_RAGGED characters of the longest, no line opening a list item. Each of its line breaks is a wrap,
# whatever the words around it ('Accenture surveyed\n400 senior marketing ...', '... on 4 and 8\nJune, 2009').
WRAP_WIDTHS = (40, 100)
WRAP_RAGGED = 16
LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u2013\u2014\u25aa\u25cf>]|\d{1,2}[.)])\s")


def _wrapped_block_breaks(text: str) -> Iterator[int]:
    """The line breaks inside paragraphs wrapped at a fixed width (see WRAP_WIDTHS)."""
    block: list[tuple[int, str]] = []  # (offset of the line break after it, line) for the paragraph being read
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            block.append((pos + len(line), line))
        else:
            yield from _breaks_if_wrapped(block)
            block = []
        pos += len(line) + 1
    yield from _breaks_if_wrapped(block)


def _breaks_if_wrapped(block: list[tuple[int, str]]) -> Iterator[int]:
    if len(block) < 3:
        return
    widths = [len(line.rstrip()) for _, line in block[:-1]]
    widest = max(widths)
    if not WRAP_WIDTHS[0] <= widest <= WRAP_WIDTHS[1] or min(widths) < widest - WRAP_RAGGED:
        return
    if any(LIST_ITEM.match(line) for _, line in block[1:]):
        return
    yield from (end for end, _ in block[:-1])


def _wraps(text: str, i: int) -> bool:
    """Is the line break at ``i`` a hard wrap? A single one (the next line is not empty), after a word that the
    next line goes on from in lower case, or after a word no line of prose ends on."""
    nxt = text[i + 1:i + 1 + WRAP_REACH].lstrip(" \t")
    if not nxt or nxt[0] in "\r\n":
        return False
    lo = max(0, i - WRAP_REACH)
    return (nxt[0].islower() and ENDS_IN_WORD.search(text, lo, i) is not None
            or ENDS_IN_CONTINUING_WORD.search(text, lo, i) is not None)


class TextKeepingTokenizer:
    """A tokenizer that leaves the text it was given on the Doc (``extensions.doc_text`` reads it there):
    ``doc.text`` joins a Token object per word, and the components read the text of every document. It
    tokenizes the text with its hard wraps read as spaces (``unwrapped``), so ``doc.text`` may differ from the
    text given in those line breaks alone.

    Everything else is the wrapped tokenizer's: attributes are read and set on it, and it is what
    ``nlp.to_disk`` saves (a pipeline loaded back has spaCy's tokenizer, and builds the text as before)."""

    __slots__ = ("tokenizer",)

    def __init__(self, tokenizer: Tokenizer) -> None:
        object.__setattr__(self, "tokenizer", tokenizer)

    def __call__(self, text: str) -> Doc:
        read = unwrapped(text)
        doc = self.tokenizer(read) if LONG_RUN.search(read) is None else self._in_pieces(read)
        keep_text(doc, text)
        return doc

    def _in_pieces(self, text: str) -> Doc:
        """A run of thousands of characters without a space ('“].“].“]. ...') is one token to spaCy,
        which strips its affixes one at a time, copying the rest each time: quadratic. Such a run is cut every
        ``RUN_PIECE`` characters and the pieces tokenized apart (the text is kept whole; no real word is that
        long, so no article tokenizes differently)."""
        cuts = [0]
        for m in LONG_RUN.finditer(text):
            cuts.extend(range(m.start() + RUN_PIECE, m.end(), RUN_PIECE))
        cuts.append(len(text))
        docs = [self.tokenizer(text[a:b]) for a, b in zip(cuts, cuts[1:]) if a < b]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer" or name.startswith("__"):  # not yet set (unpickling), or a protocol method
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.tokenizer, name, value)

    def __reduce__(self) -> tuple[type, tuple[Tokenizer]]:
        return type(self), (self.tokenizer,)


def blank_english() -> Language:
    """``spacy.blank("en")`` with this package's tokenizer."""
    nlp = spacy.blank("en")
    split_figure_pairs(nlp)
    bound_suffix_search(nlp)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    return nlp
