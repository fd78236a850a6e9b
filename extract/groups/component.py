"""The ``survey_groups`` spaCy component: kind, group, time and statement on every percentage span."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import Lexicon, RuleComponent
from ..percentages.component import DEFAULT_SPANS_KEY as PERCENT_KEY
from ..samples.component import DEFAULT_SPANS_KEY as SAMPLE_KEY
from ..selection import readable_sentences
from .linking import assign_groups
from .rules import GroupRules
from .state import Assignment, TokenSpan

FACTORY = "survey_groups"
DEFAULT_MENTIONS_KEY = "survey_mentions"


class GroupFinder(RuleComponent[GroupRules, tuple[list[Assignment], list[TokenSpan]]]):
    """spaCy component: kind, group, time and statement on every percentage span, and the phrases that
    name who answered in ``doc.spans[mentions_key]``."""

    build_patterns = GroupRules

    def __init__(self, nlp: Language, name: str = FACTORY, *, percent_key: str = PERCENT_KEY,
                 sample_key: str = SAMPLE_KEY, mentions_key: str = DEFAULT_MENTIONS_KEY,
                 lexicon: Optional[Lexicon] = None) -> None:
        super().__init__(nlp, name, lexicon=lexicon)
        self.percent_key = percent_key
        self.sample_key = sample_key
        self.mentions_key = mentions_key

    def match(self, doc: Doc) -> tuple[list[Assignment], list[TokenSpan]]:
        """(one Assignment per figure, the mentions they were linked from)."""
        figures = list(doc.spans.get(self.percent_key, []))
        if not figures or not doc.has_annotation("DEP"):
            return [Assignment(kind=f._.kind or "share") for f in figures], []
        rules = self.patterns
        sentences = readable_sentences(doc, rules.samples, (self.percent_key,))
        state = assign_groups(doc, figures, sentences, list(doc.spans.get(self.sample_key, [])), rules)
        return state.assignments, state.mentions

    def set_annotations(self, doc: Doc, matched: tuple[list[Assignment], list[TokenSpan]]) -> None:
        assignments, mentions = matched
        for span, a in zip(doc.spans.get(self.percent_key, []), assignments):
            span._.kind = a.kind
            span._.group = doc[a.group[0]:a.group[1]] if a.group and a.kind != "other" else None
            span._.time = doc[a.time[0]:a.time[1]] if a.time else None
            span._.statement = doc[a.statement[0]:a.statement[1]] if a.statement else None
        doc.spans[self.mentions_key] = [doc[s:e] for s, e in mentions]


@Language.factory(
    FACTORY,
    assigns=["span._.kind", "span._.group", "span._.time", "span._.statement", "doc.spans"],
    requires=["token.dep", "token.pos"],
    default_config={"percent_key": PERCENT_KEY, "sample_key": SAMPLE_KEY, "mentions_key": DEFAULT_MENTIONS_KEY},
)
def make_survey_groups(nlp: Language, name: str, percent_key: str, sample_key: str, mentions_key: str) -> GroupFinder:
    return GroupFinder(nlp, name, percent_key=percent_key, sample_key=sample_key, mentions_key=mentions_key)
