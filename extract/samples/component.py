"""The ``survey_samples`` spaCy component: sample sizes and their population into ``doc.spans``."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import Lexicon, RuleComponent
from ..percentages.component import DEFAULT_SPANS_KEY as PERCENT_KEY
from ..selection import readable_sentences
from .find import find_samples, written_counts
from .patterns import Sample, SamplePatterns

FACTORY = "survey_samples"
DEFAULT_SPANS_KEY = "survey_samples"


class SampleFinder(RuleComponent[SamplePatterns, list[Sample]]):
    """spaCy component: sample sizes into ``doc.spans[spans_key]`` with ``span._.population``."""

    build_patterns = SamplePatterns

    def __init__(self, nlp: Language, name: str = FACTORY, *, spans_key: str = DEFAULT_SPANS_KEY,
                 percent_key: str = PERCENT_KEY, lexicon: Optional[Lexicon] = None) -> None:
        super().__init__(nlp, name, spans_key=spans_key, lexicon=lexicon)
        self.percent_key = percent_key

    def match(self, doc: Doc) -> list[Sample]:
        if not doc.has_annotation("DEP"):
            return []
        found = find_samples(doc, readable_sentences(doc, self.patterns, (self.percent_key,)), self.patterns, self.percent_key)
        found += written_counts(doc, {smp.start for smp in found}, self.patterns)
        return sorted(found, key=lambda smp: smp.start)

    def set_annotations(self, doc: Doc, samples: list[Sample]) -> None:
        spans = []
        for smp in samples:
            span = doc[smp.start:smp.end]
            span._.value = smp.value
            span._.bound = smp.bound
            span._.population = doc[smp.population[0]:smp.population[1]] if smp.population else None
            spans.append(span)
        doc.spans[self.spans_key] = spans


@Language.factory(
    FACTORY,
    assigns=["doc.spans", "span._.value", "span._.bound", "span._.population"],
    requires=["token.dep", "token.lemma"],
    default_config={"spans_key": DEFAULT_SPANS_KEY, "percent_key": PERCENT_KEY},
)
def make_survey_samples(nlp: Language, name: str, spans_key: str, percent_key: str) -> SampleFinder:
    return SampleFinder(nlp, name, spans_key=spans_key, percent_key=percent_key)
