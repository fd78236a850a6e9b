"""Groups the sentence does not name: '... and half said', 'them', 'these leaders'. A figure with no
group of its own takes the nearest earlier mention that names the respondents; an anaphor takes the
phrase it points back to."""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional, Sequence

from spacy.tokens import Span

from .. import grammar
from ..phrases import is_anaphoric, qualifiers_before
from .base import introduced_as_counterpart
from .memory import earliest_from
from .state import GroupState, TokenSpan


def resolve_anaphor(state: GroupState, phrase: Span, recent: Sequence[TokenSpan] = ()) -> Optional[TokenSpan]:
    """'them', 'these leaders': the phrase they point back to. A pronoun takes, in order, the group of
    an earlier figure in its sentence or the sentence before, the subject of the sentence before,
    then the nearest mention; 'these X' prefers a mention with the same noun."""
    doc = state.doc
    words = [t.lower_ for t in phrase if not t.is_punct]
    before = [m for m in state.weak if m[1] <= phrase.start and not is_anaphoric(doc[m[0]:m[1]], state.rules.lex)]
    starts = [b[0] for b in state.sentences]
    sent_start = state.sentences[max(0, bisect_right(starts, phrase.start) - 1)][0] if starts else 0
    earlier = [b for b in state.sentences if b[1] <= sent_start]
    previous = [m for m in before if earlier and earlier[-1][0] <= m[0] < earlier[-1][1]]
    if words and words[0] in grammar.DEMONSTRATIVE_OPENERS and len(words) == 2:
        noun = phrase[-1].lemma_.lower()
        current = [m for m in before if m[0] >= sent_start]  # "among Republican voters who ...; 18 percent of those voters"
        for pool in (current, previous, before):
            same = [m for m in pool if any(t.lemma_.lower() == noun for t in doc[m[0]:m[1]])]
            if same:
                return same[-1][:2]
        if previous:
            return previous[-1][:2]
        return None
    if " ".join(words) in grammar.BOTH_SIDES:
        return None
    if len(words) == 1 and words[0] in grammar.RELATIVE_PART_PRONOUNS:
        # "the general population – 50% of whom think", "900 retailers, 27% of which": the phrase right before it
        named = [m[:2] for m in (*state.mentions, *state.weak) if sent_start <= m[0] and m[1] <= phrase.start]
        if named:
            return max(named, key=lambda m: (m[1], -m[0]))
    setting = _setting_mention(state, phrase, sent_start)
    if setting is not None:
        return setting
    if recent:
        return recent[-1]
    subjects = [m for m in previous if m[2]]
    if subjects:
        return subjects[0][:2]  # the main subject comes first
    strong = [m for m in state.strong if m[1] <= phrase.start]
    if strong:
        return max(strong)
    return before[-1][:2] if before else None


def _setting_mention(state: GroupState, phrase: Span, sent_start: int) -> Optional[TokenSpan]:
    """'Among mothers who are employed 34 to 40 hours a week, 29 percent of them said ...': a pronoun
    after a phrase that sets the group of its clause points to that phrase."""
    doc = state.doc
    for m in reversed(state.mentions):  # in reading order already
        if not sent_start <= m[0] or m[1] > phrase.start:
            continue
        head = doc[m[0]:m[1]].root
        if head.dep_ == "pobj" and head.head.lower_ in grammar.GROUP_SETTING_PREPS and head.head.i < m[0] \
                and all(not t.is_alpha for t in doc[sent_start:head.head.i]):
            return m
    return None


def nearest_mention(state: GroupState, token_i: int, members: list[int], n: int,
                    sent: Optional[Span] = None) -> Optional[TokenSpan]:
    """The latest mention that starts before ``token_i``: a group, population or respondent noun (or the
    group of an earlier share in the sentence), else a plural noun phrase. Not a group the sentence names as
    the respondents' own ('... spend two hours a day having fun with their kids' after '33% of kids with
    chores'): those are who the answer is about."""
    out = state.assignments
    owned = _owned_nouns(state, sent) if sent is not None else frozenset()
    memory = state.memory()
    # Not a group named only as the other side of a comparison ("..., compared to 23% of the population"),
    # while the base the article is about is in force (base.py).
    contrasts = state.contrasts if state.base is not None else set()
    # Nor the group a counterpart earlier in the sentence names for itself ('... (versus 52 percent for all
    # respondents), while 41 percent thought ...'): the other side of that comparison, not the base.
    compared = _compared_groups(state, members, n, sent) if sent is not None else set()
    best = memory.strong.latest(token_i, lambda m: bool(owned) and memory.root_lemma(m) in owned or m in contrasts
                                or m in compared)
    for m in members:
        if m < n and out[m].kind == "share" and out[m].group and out[m].group[0] < token_i \
                and out[m].group not in compared:
            if best is None or out[m].group[:2] > best[:2]:
                best = out[m].group
    if best is not None:
        return best
    weak = memory.weak.latest(token_i)
    if weak is not None:
        return weak[:2]
    # No mention before it: the survey's population where the article names it later
    # ("The YouGov poll showed 48 percent would vote to remain ... YouGov surveyed 1,070 adults").
    # The survey's own population first: "17.4 million voters" in the referendum it is compared with is not who answered.
    return earliest_from(memory.populations, token_i) or earliest_from(memory.mentions, token_i)


def _compared_groups(state: GroupState, members: list[int], n: int, sent: Span) -> set[TokenSpan]:
    """The groups that counterparts before figure ``n`` in the sentence name after themselves ('versus 52 percent
    for all respondents')."""
    figures, out = state.figures, state.assignments
    return {out[m].group for m in members if m < n and out[m].kind == "share" and out[m].group is not None
            and out[m].group[0] >= figures[m].end and introduced_as_counterpart(state, figures[m], sent)}


def _owned_nouns(state: GroupState, sent: Span) -> frozenset[str]:
    """Lemmas of the nouns the sentence gives a possessive pronoun ('their kids', 'their children')."""
    return state.per_sentence("owned_nouns", sent, lambda: frozenset(
        t.lemma_.lower() for t in sent if t.pos_ == "NOUN"
        and any(c.dep_ == "poss" and c.lower_ in grammar.POSSESSIVE_PRONOUNS for c in t.children)))


def carry_mentions(state: GroupState, sent: Span, members: list[int]) -> None:
    """Step 6: a share or a change still open carries the nearest earlier mention ('... and half said'); a
    change, the group whose figure moved."""
    figures, out = state.figures, state.assignments
    for n in members:
        a = out[n]
        if a.kind in ("share", "point_change") and not a.resolved:
            # (an average the kind rules first took for an amount: its group is no one's, as stated_groups says)
            average = a.kind == "share" and state.rules.is_average(figures[n])
            a.settle(None if average else nearest_mention(state, figures[n].start, members, n, sent))


def remember_share_groups(state: GroupState, sent: Span, members: list[int]) -> None:
    """Memory: every share's group becomes a mention the figures of later sentences can carry; not a part's, named
    in an aside to a share of the whole ('40% want more parks, including 55% of parents', '... (55% among
    parents)'): the figures after it are of the whole again."""
    out = state.assignments
    state.strong.extend(out[n].group for n in members if out[n].kind == "share" and out[n].group is not None
                        and not _aside_to_a_share(state, sent, members, n))


def _aside_to_a_share(state: GroupState, sent: Span, members: list[int], n: int) -> bool:
    """Is share ``n`` a part's, after 'including' or in a bracket that follows the shares of another group in its
    sentence?"""
    doc, fig, out = state.doc, state.figures[n], state.assignments
    whole = [m for m in members if m < n and out[m].kind == "share" and out[m].group not in (None, out[n].group)]
    if not whole:
        return False
    opener = qualifiers_before(doc, fig.start, sent.start, state.rules.lex.word_set("leading_qualifier_words")) - 1
    if opener >= sent.start and doc[opener].lower_ == "including":
        return True
    bracket = state.rules.open_bracket(doc, fig, sent.start)
    return bracket is not None and all(state.figures[m].end <= bracket for m in whole)


def others_keep_no_group(state: GroupState, sent: Span, members: list[int]) -> None:
    """An 'other' is not about respondents: whatever group or statement a step found for it is dropped."""
    for n in members:
        state.assignments[n].drop_group_if_other()


def remember_previous_groups(state: GroupState, sent: Span, members: list[int]) -> None:
    """Memory, every sentence: the groups of this sentence's shares, which a pronoun ('they') or 'That was up
    from ...' in the next sentence points back to; a sentence without figures leaves none."""
    out = state.assignments
    state.previous_groups = [out[n].group for n in members if out[n].kind == "share" and out[n].group]
