"""The model's word embeddings remembered per row of a word's ids, with the same token vectors.

``en_core_web_sm``'s tok2vec is ``embed >> encode``. ``embed`` reads six attributes of each token (its
norm, prefix, suffix, shape, whether a space follows, whether it is a space), hashes them into six tables
and mixes the rows with a maxout and a layer norm. Nothing else enters: a token's embedding is a function
of those six ids, and most tokens of a corpus are words seen before. ``CachedTok2Vec`` keeps each id row's
embedding and runs ``embed`` only on rows it has not seen; ``encode`` (the window layers, which read the
context) runs as before. On this project's pool, that is a third of tok2vec's multiplications and all of
its table look-ups (tok2vec 0.41 -> 0.27 s CPU on the pool twice). Each row of ``embed`` depends on its
own ids only, so the token vectors are tok2vec's to float32 rounding: not always the same bits, since a BLAS
kernel (OpenBLAS's Haswell and Zen ones) may round a row differently with other rows beside it. The parses
are the same on every corpus sentence and the records with the cache off (both tested).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import numpy
from spacy.pipeline import Tok2Vec
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import Model, chain

DEFAULT_ROWS = 50_000  # embeddings kept (96 floats each: about 19 MB); past that the table starts over
FEATURES = "extract_features"  # the layer that reads the ids, first in spaCy's MultiHashEmbed


def split_embed(tok2vec: Tok2Vec) -> Optional[tuple[Model, Model, Model]]:
    """(feature reader, the rest of ``embed``, ``encode``) of a tok2vec built as spaCy's ``Tok2Vec.v2``
    with ``MultiHashEmbed``; None for any other architecture, which then runs as it is."""
    model = tok2vec.model
    if not model.has_ref("embed") or not model.has_ref("encode") or len(model.layers) != 2:
        return None
    embed, encode = model.get_ref("embed"), model.get_ref("encode")
    if model.layers[0] is not embed or model.layers[1] is not encode or not embed.layers:
        return None
    if embed.layers[0].name != FEATURES or "columns" not in embed.layers[0].attrs:
        return None
    return embed.layers[0], chain(*embed.layers[1:]), encode


class CachedTok2Vec:
    """Drop-in for a model's ``Tok2Vec`` in ``survey_parser``: embeddings looked up per row of feature ids."""

    def __init__(self, tok2vec: Tok2Vec, *, rows: int = DEFAULT_ROWS) -> None:
        parts = split_embed(tok2vec)
        if parts is None:
            raise ValueError(f"tok2vec model {tok2vec.model.name!r} is not embed >> encode over extract_features")
        self.tok2vec = tok2vec
        self.features, self.embed_rest, self.encode = parts
        self.max_rows = rows
        self.width = tok2vec.model.get_dim("nO")
        self._forget()

    def _forget(self) -> None:
        self.index: dict[tuple[int, ...], int] = {}
        self.table = numpy.zeros((min(1024, max(1, self.max_rows)), self.width), dtype="float32")

    def embed(self, docs: list[Doc]) -> list[numpy.ndarray]:
        """What ``embed.predict(docs)`` gives: per doc, one row per token."""
        features = self.features.predict(docs)
        lengths = [len(f) for f in features]
        if not sum(lengths):
            return [numpy.zeros((0, self.width), dtype="float32") for _ in docs]
        unique, inverse = numpy.unique(numpy.concatenate([f for f in features if len(f)]), axis=0, return_inverse=True)
        keys = list(map(tuple, unique.tolist()))
        if len(self.index) + len(keys) > self.max_rows:
            self._forget()
        rows = numpy.array([self.index.get(k, -1) for k in keys], dtype="int64")
        missing = numpy.flatnonzero(rows < 0)
        if len(missing):
            vectors = self.embed_rest.predict([unique[missing]])[0]
            start = len(self.index)
            while start + len(missing) > len(self.table):
                self.table = numpy.concatenate([self.table, numpy.zeros_like(self.table)])
            self.table[start:start + len(missing)] = vectors
            rows[missing] = numpy.arange(start, start + len(missing))
            self.index.update((keys[j], start + n) for n, j in enumerate(missing.tolist()))
        flat = self.table[rows[inverse.reshape(-1)]]
        return numpy.split(flat, numpy.cumsum(lengths)[:-1])

    def predict(self, docs: list[Doc]) -> list[numpy.ndarray]:
        if not any(len(doc) for doc in docs):
            return self.tok2vec.predict(docs)
        return self.encode.predict(self.embed(docs))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.tok2vec.set_annotations(batch, self.predict(batch))
            yield from batch
