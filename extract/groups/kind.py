"""The kind steps: each figure's own kind (by the first rule of ``kind_rules.KIND_RULES`` that decides), then how
a kind spreads to figures that have no cue of their own: a confident share beside them, the other side of an 'X%
vs. Y%' pair, the other end of a range; and a share's change written with '%'."""
from __future__ import annotations

import regex
from spacy.tokens import Span

from .kind_rules import figure_kind
from .stated import figure_heads
from .state import Assignment, GroupState


def figure_kinds(state: GroupState, sent: Span, members: list[int]) -> None:
    """Each figure's kind from its own construction: what it is a proportion of ('60% of marketers', '23% of
    annual sales'), the noun it modifies, the verb it is the subject of; an 'other' so decided has no group."""
    rules = state.rules
    for n in members:
        fig = state.figures[n]
        of_obj, bracket = figure_heads(state, fig, sent, members)
        kind, by_default = figure_kind(state, fig, sent, of_obj, bracket)
        state.assignments[n].own_kind(kind, by_default, of_thing=of_obj is not None and not rules.is_people(of_obj))


# ------------------------------------------------------------ kinds that spread
def kind_from_neighbours(state: GroupState, sent: Span, members: list[int]) -> None:
    """A figure with no cue of its own takes the kind of a confident share beside it (same or previous
    sentence): '17% of readers have switched ... and a further 16% are considering ...'."""
    out = state.assignments
    _kind_from_conjuncts(state, members)
    confident = any(out[n].kind == "share" and not out[n].kind_by_default for n in members) or state.last_sentence_share
    for n in members:
        a = out[n]
        if a.kind == "other" and a.kind_by_default and confident and not a.of_thing:
            a.mark_share()


def remember_sentence_share(state: GroupState, sent: Span, members: list[int]) -> None:
    """Memory: did this sentence hold a share? A figure of the next sentence with figures and no cue of its own
    takes the kind of that share (``kind_from_neighbours``). Read right after the neighbours' kinds, before a
    later step makes an earlier value or a pair a share."""
    out = state.assignments
    state.last_sentence_share = any(out[n].kind == "share" for n in members)


# "13% in New York and 16% in Ireland", "29% from German shoppers and only 4% from ...": what stands between two
# figures written in parallel, each with its own short phrase (the text after the first, up to the second).
PARALLEL_LINK = regex.compile(r"""\s+(?:in|for|among|at|from|of)\s+[^,;.()%\d]{1,40}?  # the first figure's phrase
                                 \s*(?:,\s*and|,\s*or|,|and|or)\s+                      # a coordinator
                                 (?:(?:just|only|about|nearly|almost|some|over|a\s+further|another)\s+)?\Z""",
                              regex.X | regex.I)
PARALLEL_REACH = 60  # the most characters between two figures written in parallel
# "from just over 5% in 2003 to a record 13.3% during last year": the two ends of a movement, each with its period.
FROM_BEFORE = regex.compile(r"\bfrom\s+(?:(?:just|only|about|nearly|almost|some|over|under|around|a)\s+)*\Z", regex.I)
TO_BETWEEN = regex.compile(r"""(?:\s+(?:in|during|at|on|by)\s+[^,;.()%\d]{0,30}?(?:\d{4})?)?  # the first end's period
                               ,?\s+to\s+(?:(?:a|an|the|just|only|about|nearly|almost|some|over|record|new|high|low)\s+)*\Z""",
                           regex.X | regex.I)


def _kind_from_conjuncts(state: GroupState, members: list[int]) -> None:
    """'with an increase of 36% for direct mail, 34% for sales promotion, 25% for magazines and 24% for
    newspapers', 'falling cigarette sales of 13% in New York and 16% in Ireland': figures coordinated with one
    whose kind a construction decided are of its kind, coordinated in the parse or written in parallel (in the
    read articles, the two figures of such a pair are of one kind every time: 29 pairs)."""
    figures, out, text = state.figures, state.assignments, state.text
    by_root = {figures[n].root.i: n for n in members}
    for k, n in enumerate(members):
        a = out[n]
        if not a.kind_by_default or a.kind == "point_change":
            continue
        for conj in figures[n].root.conjuncts:
            m = by_root.get(conj.i)
            if m is not None and not out[m].kind_by_default and out[m].kind in ("share", "other"):
                a.decide_kind(out[m].kind)
                break
        else:
            m = members[k - 1] if k else None
            if m is not None and not out[m].kind_by_default and out[m].kind in ("share", "other") \
                    and figures[n].start_char - figures[m].end_char <= PARALLEL_REACH \
                    and (PARALLEL_LINK.match(text, figures[m].end_char, figures[n].start_char)
                         or _from_to(text, figures[m], figures[n])):
                a.decide_kind(out[m].kind)


def _from_to(text: str, first: Span, second: Span) -> bool:
    """Are the two figures the ends of one movement, 'from X% (in 2003) to Y%'?"""
    before = text[max(0, first.start_char - 30):first.start_char]
    return FROM_BEFORE.search(before) is not None and TO_BETWEEN.match(text, first.end_char, second.start_char) is not None


def share_changes(state: GroupState, sent: Span, members: list[int]) -> None:
    """A change in a share written with 'percent' is a point change:
    - after the share's clause: 'one-third of HR professionals ... feel "very satisfied" with their jobs, a 5
      percent decline from last year', '20 percent called themselves ... satisfied, a 5 percent jump';
    - of what people hold: 'a 7 percent drop in respondents’ belief that ...'."""
    doc, figures, out, rules = state.doc, state.figures, state.assignments, state.rules
    for n in members:
        fig, a = figures[n], out[n]
        if a.kind != "other" or fig._.unit != "percent" or fig.end >= sent.end:
            continue
        noun = doc[fig.end]
        if noun.lemma_.lower() not in rules.lex.word_set("change_after_figure") or noun.pos_ != "NOUN" or fig.root.head.i != noun.i:
            continue
        holder = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"
                       for o in c.children if o.dep_ == "pobj" for p in o.children
                       if p.dep_ == "poss" and rules.is_people(p)), None)
        if holder is not None:  # "a 7 percent drop in respondents' belief"
            a.decide_kind("point_change")
            a.settle((holder.i, holder.i + 1))
            continue
        clause = noun.head
        share = any(m != n and figures[m].end <= fig.start and out[m].kind == "share"
                    and (figures[m].root.head.i == clause.i or figures[m].root.head.is_ancestor(clause))
                    for m in members)
        after_comma = noun.left_edge.i > sent.start and doc[noun.left_edge.i - 1].text == ","
        if share and (noun.dep_ in ("npadvmod", "appos") or after_comma):
            a.decide_kind("point_change")
            a.leave_open()


def range_kinds(state: GroupState, sent: Span, members: list[int]) -> None:
    """The two ends of a range are one figure's kind: the end a construction decided gives its kind
    (and group) to the end the fallback decided."""
    figures, out = state.figures, state.assignments
    for a_n, b_n in zip(members, members[1:]):
        if figures[a_n]._.form == "range_low" and figures[b_n]._.form == "range_high":
            lo, hi = out[a_n], out[b_n]
            if lo.kind != hi.kind and (lo.kind_by_default or hi.kind_by_default):
                src, dst = (hi, lo) if lo.kind_by_default else (lo, hi)
                dst.follow(src)


def same_kind(a: Assignment, b: Assignment) -> None:
    """Two figures compared side by side are the same kind: '(60% vs. 52%)'."""
    for x, y in ((a, b), (b, a)):
        if x.kind == "share" and y.kind == "other" and y.kind_by_default:
            y.mark_share()
