"""The ``survey_percentages`` spaCy component: every percentage figure into ``doc.spans``, with its value,
bound, unit and form. It runs on a blank pipeline (no parse needed) and owns the pipeline's lexicon.

The kind it sets is provisional (``point_change`` for percentage points, ``share`` otherwise);
``survey_groups`` refines it with the parse."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import doc_text
from ..lexicon import RuleComponent
from .forms import Figure
from .passes import PercentPatterns, find_figures

FACTORY = "survey_percentages"
DEFAULT_SPANS_KEY = "survey_percentages"


def provisional_kind(figure: Figure) -> str:
    return "point_change" if figure.unit == "points" else "share"


def figure_span(doc: Doc, fig: Figure) -> Optional[Span]:
    """The figure as a span of whole tokens with its attributes; None where no token starts or ends in it."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return None
    span._.value = fig.value
    span._.bound = fig.bound
    span._.kind = provisional_kind(fig)
    span._.form = fig.form
    span._.unit = fig.unit
    if fig.verbal_of is not None and fig.verbal_end is not None and fig.verbal_of < fig.start:
        span._.restates = doc.char_span(fig.verbal_of, fig.verbal_end, alignment_mode="expand")
    return span


class PercentageFinder(RuleComponent[PercentPatterns, list[Figure]]):
    """spaCy component: percentage figures into ``doc.spans[spans_key]``. It owns the pipeline's
    lexicon: the components after it read the lexicon it saves and loads."""

    owns_lexicon = True
    build_patterns = PercentPatterns
    spans_key = DEFAULT_SPANS_KEY

    def match(self, doc: Doc) -> list[Figure]:
        return find_figures(doc_text(doc), self.patterns)

    def set_annotations(self, doc: Doc, figures: list[Figure]) -> None:
        spans = [span for span in (figure_span(doc, fig) for fig in figures) if span is not None]
        # Expanded spans of adjacent figures can collide ("3-5%" in one token): keep the longest.
        kept = set(id(s) for s in filter_spans(spans))
        doc.spans[self.spans_key] = [s for s in spans if id(s) in kept]


@Language.factory(
    FACTORY,
    assigns=["doc.spans", "span._.value", "span._.bound", "span._.kind", "span._.form", "span._.unit", "span._.restates"],
    default_config={"spans_key": DEFAULT_SPANS_KEY},
)
def make_survey_percentages(nlp: Language, name: str, spans_key: str) -> PercentageFinder:
    return PercentageFinder(nlp, name, spans_key=spans_key)
