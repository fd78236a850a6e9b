"""Faster array operations for the model's prediction, with the same parses.

spaCy's CPU models multiply matrices with BLIS, whose generic kernels reach about two thirds of what
numpy's BLAS (OpenBLAS in numpy's wheels, with AVX-512 kernels where the CPU has them) reaches on the
shapes of ``en_core_web_sm``'s token-to-vector layers (measured on this project's machines: 85 against
127 GFLOP/s for 4,000 x 288 by 288 x 288, one thread). thinc already offers numpy's multiplication
(``NumpyOps(use_blis=False)``); ``InferenceOps`` adds a maxout that keeps only the winning piece, since
nothing is trained here and the index of the winner is only needed to learn.

The parse is the model's own: ``tests/test_inference_ops.py`` checks that every paragraph of the corpus
gets the same tags, heads, labels and lemmas with and without these ops, and the records are compared on
corpus files. The products are not BLIS's bits: each BLAS kernel sums in its own order, so only float32's
error bound holds between them (tested). Sums in another order could in principle flip a near tie; that
is why ``survey_parser`` has a ``fast_ops`` setting to turn them off, and why CI runs the model tests
again under OpenBLAS's Haswell and Zen kernels.

numpy's BLAS may start threads of its own. ``BlasThreads.limited`` keeps the multiplication on the calling
thread while the model runs (the toolkit scales with worker processes, not threads), and gives the
process its setting back after.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

BLAS_THREADS = 1


class InferenceOps(NumpyOps):
    """numpy's matrix multiplication, and a maxout without the arg-max that only learning reads."""

    name = "numpy"

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def maxout(self, X: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:  # type: ignore[override]
        """The largest of the pieces (last axis), one elementwise maximum per piece."""
        best = X[..., 0].copy()
        for piece in range(1, X.shape[-1]):
            numpy.maximum(best, X[..., piece], out=best)
        return best, _NO_WINNER


# Stands where the winning piece's index would be: backpropagating through it is an error, not a wrong
# gradient, and nothing in this toolkit backpropagates.
_NO_WINNER = numpy.zeros((0, 0), dtype="int32")


def use_inference_ops(model: Language) -> bool:
    """Give every layer of ``model``'s statistical components ``InferenceOps``; False (and nothing
    changed) when the model runs on something other than numpy's CPU ops, such as a GPU."""
    layers = [node for _, proc in model.pipeline
              if isinstance(getattr(proc, "model", None), Model) for node in proc.model.walk()]
    if not layers or any(type(node.ops) is not NumpyOps for node in layers):
        return False
    ops = InferenceOps()
    for node in layers:
        node.ops = ops
    return True


class BlasThreads:
    """Holds the BLAS thread limit for one parser; threadpoolctl finds the libraries on first use."""

    def __init__(self, limit: int = BLAS_THREADS) -> None:
        self.limit = limit
        self._controller: Optional[ThreadpoolController] = None

    @contextmanager
    def limited(self) -> Iterator[None]:
        if self._controller is None:  # made late: it lists the BLAS libraries loaded by then
            self._controller = ThreadpoolController()
        with self._controller.limit(limits=self.limit, user_api="blas"):
            yield
