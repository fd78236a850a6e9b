"""What the steps share: one ``Assignment`` per figure and one ``GroupState`` for the article.

``GroupState`` holds the article as read (doc, text, sentences, figures, sample populations, rules),
the assignments being built, and what the reader remembers while going through the article
(mentions, the comparison frame in force, what the previous sentence held).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterator, Optional, TypeVar

from spacy.tokens import Doc, Span, Token

from .. import grammar
from ..extensions import doc_text
from ..phrases import plural_mentions
from .memory import Memory
from .rules import GroupRules

SURVEY_DOC_CUES = 2  # survey words an article needs before its figures default to shares of respondents
T = TypeVar("T")
TokenSpan = tuple[int, int]  # token offsets (start, end) in the doc
Frame = tuple[TokenSpan, TokenSpan]  # the two sides of a comparison


@dataclass
class Assignment:
    """What is known of one figure so far. Steps change its kind and group only through the methods below, which
    keep the flags in step with them: a step says what it found, and the method says what that means for the
    steps after it (``resolved``: they leave the group alone)."""

    kind: str
    group: Optional[tuple[int, int]] = None
    time: Optional[tuple[int, int]] = None
    statement: Optional[tuple[int, int]] = None
    resolved: bool = False  # group fixed by a rule (even if None)
    kind_by_default: bool = False  # kind came from the fallback, not from a construction
    of_thing: bool = False  # "49% of National Bank of Iraq": a share of something that is not people
    elliptic: bool = False  # group is a bare adjective ("of very effective") to resolve

    # ------------------------------------------------------------ kind
    def own_kind(self, kind: str, by_default: bool, of_thing: bool) -> None:
        """The kind the figure's own construction gives (``kind_rules``), and whether it is a share of a thing
        rather than of people, which no neighbour can make a share of respondents."""
        self.of_thing = of_thing
        self.decide_kind(kind, by_default)

    def decide_kind(self, kind: str, by_default: bool = False) -> None:
        """A kind decided; an 'other' that a construction decided is about no one: no group, no statement, and
        no later step looks for one."""
        self.kind, self.kind_by_default = kind, by_default
        if kind == "other" and not by_default:
            self.group = self.statement = None
            self.resolved = True

    def mark_share(self) -> None:
        """A share by the company it keeps (a confident share beside it, the other side of 'X% vs. Y%'): a group
        it found already is its own, else a later step finds one. Its kind stays one decided by default."""
        self.kind = "share"
        self.resolved = self.group is not None

    def follow(self, other: Assignment) -> None:
        """The kind and group of the figure it is one with (the other end of a range)."""
        self.kind, self.kind_by_default = other.kind, False
        self.group, self.resolved = other.group, other.resolved

    # ------------------------------------------------------------ group
    def settle(self, group: Optional[TokenSpan]) -> None:
        """The figure's group is ``group`` (None: it has none); no later step looks again."""
        self.group, self.resolved = group, True

    def settle_as_is(self) -> None:
        """No later step looks for a group: the figure keeps what it has ('a 15-point difference': none)."""
        self.resolved = True

    def take(self, group: Optional[TokenSpan]) -> None:
        """The group a step found, if it found one; None leaves the figure for a later step."""
        self.group, self.resolved = group, group is not None

    def leave_open(self) -> None:
        """A later step finds the group (the discourse step, at the latest)."""
        self.resolved = False

    def state_group(self, group: TokenSpan, bare: bool) -> None:
        """The group the sentence states for the figure; a bare adjective ('of very effective') is elliptic, to be
        named in full from an earlier mention (``positional.elliptic_groups``)."""
        self.settle(group)
        self.elliptic = bare

    def name_in_full(self, mention: Optional[TokenSpan]) -> None:
        """An elliptic group becomes the earlier mention that names it in full, where there is one."""
        if mention is not None:
            self.group = mention
        self.elliptic = False

    def drop_group_if_other(self) -> None:
        """An 'other' is not about respondents: it keeps no group or statement."""
        if self.kind == "other":
            self.group = self.statement = None


@dataclass(eq=False)
class GroupState:
    """The article being read, the assignments so far, and what the reader remembers."""

    # The article, fixed for the whole reading.
    doc: Doc
    rules: GroupRules
    figures: list[Span]  # the percentage spans, in order; ``assignments[n]`` is about ``figures[n]``
    text: str  # doc.text, built once (spaCy rebuilds it on every access)
    sentences: list[TokenSpan]  # the sentences read, in order
    stops: set[int]  # tokens inside figures: no group phrase runs through them
    sample_populations: list[TokenSpan]  # populations of the sample sizes, in order
    # What is being built.
    assignments: list[Assignment]
    # What the reader remembers.
    strong: list[TokenSpan] = field(default_factory=list)  # groups, populations, respondent nouns
    weak: list[tuple[int, int, bool]] = field(default_factory=list)  # plural noun phrases (start, end, is_subject)
    frame: Optional[Frame] = None  # the two sides last compared
    last_sentence_share: bool = False  # did the previous sentence with figures hold a share?
    previous_groups: list[TokenSpan] = field(default_factory=list)  # groups of the sentence just before
    mentions: list[TokenSpan] = field(default_factory=list)  # phrases that name who answered (step 0)
    survey_doc: bool = False  # does the article report a survey (its cue words twice, or a sample size)?
    base: Optional[TokenSpan] = None  # the group the article's figures are about, as far as read (base.py)
    contrasts: set[TokenSpan] = field(default_factory=set)  # groups named only as a comparison's other side
    # Per sentence or figure, read once however many steps or figures read it (``words``, ``per_sentence``).
    _sentence_words: dict[TokenSpan, frozenset[str]] = field(default_factory=dict)
    _facts: dict[tuple[str, TokenSpan], Any] = field(default_factory=dict)
    _memory: Optional[Memory] = None  # indexes of the lists above for nearest_mention, made on first use
    _figure_starts: Optional[list[int]] = None  # the figures' first tokens, for ``neighbours``

    def memory(self) -> Memory:
        """What the reader remembers, indexed for "the latest mention before token i" and brought up to
        date with the lists: a binary search per figure, where a scan made linking quadratic (issue 21)."""
        if self._memory is None:
            self._memory = Memory(self.doc)
        return self._memory.sync(self.strong, self.weak, self.sample_populations, self.mentions)

    def neighbours(self, fig: Span) -> tuple[Optional[Span], Optional[Span]]:
        """The figures right before and after ``fig``: a binary search, not a scan of every figure per figure
        (a table flattened into one sentence holds thousands)."""
        if self._figure_starts is None:
            self._figure_starts = [f.start for f in self.figures]
        i = bisect_left(self._figure_starts, fig.start)
        before = self.figures[i - 1] if i > 0 else None
        after = self.figures[i + 1] if i + 1 < len(self.figures) else None
        return before, after

    def sentence_words(self, sent: Span) -> frozenset[str]:
        """The sentence's words, lower-cased: computed once per sentence, not once per figure."""
        key = (sent.start, sent.end)
        if key not in self._sentence_words:
            self._sentence_words[key] = frozenset(t.lower_ for t in sent)
        return self._sentence_words[key]

    def per_sentence(self, name: str, sent: Span, compute: Callable[[], T]) -> T:
        """``compute()`` for this sentence, once: a sentence of many figures is not read again per figure."""
        return self._once(name, sent, compute)

    def per_figure(self, name: str, fig: Span, compute: Callable[[], T]) -> T:
        """``compute()`` for this figure, once: what two steps read of the same figure is found once."""
        return self._once(name, fig, compute)

    def _once(self, name: str, span: Span, compute: Callable[[], T]) -> T:
        key = (name, (span.start, span.end))
        if key not in self._facts:
            self._facts[key] = compute()
        return self._facts[key]

    def populations_in(self, sent: Span) -> list[TokenSpan]:
        """The sample populations that start in the sentence, in order: a binary search, not a scan per sentence."""
        return self.sample_populations[bisect_left(self.sample_populations, (sent.start,)):
                                       bisect_left(self.sample_populations, (sent.end,))]

    def names_who_answered(self, tok: Token) -> bool:
        """Has the article already used this noun for who answered (a population, a respondent noun, the
        group of a share)? 'brands' in '69% of brands' is then a base of people for this article, although
        brands alone are not people. A plural also matches the noun that qualifies an earlier respondent
        noun: 'agency leaders', 'agency respondents', then '67% of agencies'."""
        lemma = tok.lemma_.lower()
        doc = self.doc
        for s, e in self.sample_populations + self.strong:
            if s >= tok.i:
                continue
            root = doc[s:e].root
            if root.lemma_.lower() == lemma or tok.tag_ == "NNS" and any(
                    c.dep_ == "compound" and c.lemma_.lower() == lemma for c in root.children):
                return True
        return False

    @classmethod
    def start(cls, doc: Doc, figures: list[Span], sentences: list[TokenSpan], samples: list[Span],
              rules: GroupRules) -> GroupState:
        """The state before the first sentence: every figure with the kind its span came with."""
        sentences = sorted(sentences)
        return cls(
            doc=doc,
            rules=rules,
            figures=figures,
            text=doc_text(doc),
            sentences=sentences,
            stops={i for f in figures for i in range(f.start, f.end)},
            sample_populations=sorted((s._.population.start, s._.population.end) for s in samples
                                      if s._.population is not None and not _is_predicate(s._.population)),
            assignments=[Assignment(kind=f._.kind or "share") for f in figures],
            weak=plural_mentions(doc, sentences, rules.lex),
            survey_doc=bool(samples) or _at_least(rules.survey_cue_re.finditer(doc_text(doc)), SURVEY_DOC_CUES),
        )


def _is_predicate(population: Span) -> bool:
    """'(312 of them) work in retail', '(37 of which) were from healthcare companies': a part of the sample described
    by its clause, which no later figure can be a share of."""
    before = population.doc[population.start - 1].lower_ if population.start > 0 else ""
    # (the verb may be taken for a noun: '37 of whom work in healthcare')
    return population[0].pos_ in ("VERB", "AUX") or before in grammar.PART_PRONOUNS | grammar.RELATIVE_PART_PRONOUNS


def _at_least(items: Iterator[Any], n: int) -> bool:
    """Does ``items`` hold ``n`` or more? Stops at the n-th: most articles name their survey early on."""
    return sum(1 for _ in islice(items, n)) >= n
