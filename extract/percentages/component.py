"""The ``survey_percentages`` spaCy component: every percentage figure into ``doc.spans``, with its value,
bound, unit and form. It runs on a blank pipeline (no parse needed) and owns the pipeline's lexicon.

The kind it sets is provisional (``point_change`` for percentage points, ``share`` otherwise);
``survey_groups`` refines it with the parse."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..extensions import doc_text, register_extensions
from ..lexicon import Lexicon, LexiconReader
from .forms import Figure
from .passes import PercentPatterns, find_figures

FACTORY = "survey_percentages"
DEFAULT_SPANS_KEY = "survey_percentages"


def provisional_kind(figure: Figure) -> str:
    return "point_change" if figure.unit == "points" else "share"


class PercentageFinder(LexiconReader):
    """spaCy component: percentage figures into ``doc.spans[spans_key]``. It owns the pipeline's
    lexicon: the components after it read the lexicon it saves and loads."""

    owns_lexicon = True

    def __init__(self, nlp: Language, name: str = FACTORY, *, spans_key: str = DEFAULT_SPANS_KEY,
                 lexicon: Optional[Lexicon] = None) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self._read_lexicon(nlp, lexicon)

    @property
    def patterns(self) -> PercentPatterns:
        return self.lexicon.compiled(PercentPatterns)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Figure]:
        return find_figures(doc_text(doc), self.patterns)

    def set_annotations(self, doc: Doc, figures: list[Figure]) -> None:
        spans = []
        for fig in figures:
            span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if span is None:
                continue
            span._.value = fig.value
            span._.bound = fig.bound
            span._.kind = provisional_kind(fig)
            span._.form = fig.form
            span._.unit = fig.unit
            if fig.verbal_of is not None and fig.verbal_end is not None and fig.verbal_of < fig.start:
                span._.restates = doc.char_span(fig.verbal_of, fig.verbal_end, alignment_mode="expand")
            spans.append(span)
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
