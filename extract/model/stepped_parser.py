"""The parser's greedy loop stepped from Python with the GIL held: the same parses, in about a third of the time.

In the spaCy 3.8.18 wheel for CPython 3.11, the compiled methods of the transition system's state
(``StateC.B``, ``S``, ``stack_depth``, ``is_final``, which the arc-eager validity checks and the feature
extraction call millions of times) take the GIL and give it back on every call: their machine code calls
``PyGILState_Ensure`` and ``PyGILState_Release``. ``Parser.greedy_parse`` runs its loop with the GIL
released, so each of those calls locks and unlocks the GIL's mutex and signals its condition variable: half
of the parser's time on this project's pool (py-spy, native frames). With the GIL held, the same two calls
only count up and down.

``SteppedParser`` runs the loop that spaCy itself steps from Python for beam search and training, with the
GIL held: ``ParserStepModel`` gives the moves' scores for a batch of states and ``Parser.transition_states``
applies the best valid move to each. Each step computes what ``greedy_parse``'s C loop computes, in the same
order: the state's features summed with the same BLIS ``saxpy`` onto zeros, the bias, the same maxout, the
hidden-to-output product with the same BLIS ``sgemm`` (``blis.py.gemm``, the function behind thinc's
``CBlas``), its bias, unseen moves at the lowest score, and spaCy's own move choice. The parse is the
model's: ``tests/test_stepped_parser.py`` compares heads and labels with ``greedy_parse`` on every corpus
paragraph, and the records are compared with the setting off (``survey_parser``'s ``hold_gil``).

The cost: while a batch is parsed, no other thread of the process runs Python. The toolkit scales with
processes (``extract run --workers``, Dask workers, which use one pipeline a thread at a time).
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

import numpy
from blis.py import gemm
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import CupyOps, set_dropout_rate

SUBBATCH_DIVISOR = 4  # spaCy's Parser.pipe parses a batch sorted by length, a quarter at a time


def steps_supported(parser: Parser) -> bool:
    """Can ``SteppedParser`` stand in for ``parser``? Greedy search, on CPU, with a hidden-to-output layer
    (spaCy's ``TransitionBasedParser`` as the English models build it); anything else runs as it is."""
    model = getattr(parser, "model", None)
    return (isinstance(parser, Parser) and parser.cfg.get("beam_width", 1) == 1 and model is not None
            and not isinstance(model.ops, CupyOps) and bool(model.attrs.get("has_upper", False)))


class SteppedParser:
    """Drop-in for a model's ``Parser`` in ``survey_parser``: the greedy parse stepped with the GIL held."""

    def __init__(self, parser: Parser) -> None:
        if not steps_supported(parser):
            raise ValueError(f"parser {parser.name!r} is not a greedy CPU parser with a hidden-to-output layer")
        self.parser = parser

    def predict(self, docs: list[Doc]) -> list[Any]:
        """The final parse states of ``docs``, as ``Parser.predict`` gives them."""
        parser = self.parser
        if not any(len(doc) for doc in docs):
            return parser.moves.init_batch(docs)
        parser._ensure_labels_are_added(docs)
        set_dropout_rate(parser.model, 0.0)
        batch = parser.moves.init_batch(docs)
        step = parser.model.predict(docs)
        try:
            weights, bias = step.vec2scores.get_param("W"), step.vec2scores.get_param("b")
            unseen = numpy.flatnonzero(step._class_mask == 0)
            states = [state for state in batch if not state.is_final()]
            while states:
                hidden = step.state2vec.predict(step.get_token_ids(states))
                scores = gemm(hidden, weights, trans2=True, beta=0.0)
                scores += bias
                if len(unseen):
                    scores[:, unseen] = scores.min()
                states = parser.transition_states(states, scores)
        finally:
            step.clear_memory()
        return batch

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """As ``Parser.pipe``: batches sorted by length and parsed a quarter at a time, given back in order."""
        for batch in minibatch(docs, size=batch_size):
            for sub in minibatch(sorted(batch, key=len), size=max(batch_size // SUBBATCH_DIVISOR, 2)):
                self.parser.set_annotations(sub, self.predict(sub))
            yield from batch


def stepped(parser: Any) -> Optional[SteppedParser]:
    """``SteppedParser(parser)`` where it can stand in, else None."""
    return SteppedParser(parser) if steps_supported(parser) else None
