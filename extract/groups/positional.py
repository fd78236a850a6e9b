"""Step 4: groups given by position. "60 percent of A and 49 percent of B ..., down from 68 percent and
55 percent, respectively"; "(83% of very effective vs. 51% of effective) and ... (67% vs. 26%)";
earlier values of a share ("up from 7% in 2003"); point changes that follow the figure they change.
"""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Span

from .. import grammar
from ..phrases import is_anaphoric, qualifiers_before, trim_phrase
from .base import introduced_as_counterpart
from .comparison import anaphoric_subject, comparison, sentence_subject
from .kind import same_kind
from .state import Frame, GroupState, TokenSpan

PAIR_LINK = regex.compile(r"^\W*(?:vs\.?|versus|v\.?|compared\s+(?:with|to)|against|to)\W*$|^\s*/\s*$", regex.I)
DASH_LINK = regex.compile(r"^\s*[-\u2013]\s*$")  # "(24%-11%)", "(24% \u2013 11%)"
LIST_LINK = regex.compile(r"^\s*(?:,|and|or|&|,\s*and|,\s*&)\s*$", regex.I)


# ------------------------------------------------------------ earlier values


def earlier_values(state: GroupState, sent: Span, members: list[int]) -> None:
    """The counterpart of a share, introduced by a comparison after it, is a share too (ANNOTATION: a share
    of another period is a share): of the group its own "for/among/of X" names, else of the share it is
    compared with. The family: "36% of camera phone users ..., up from 7% in 2003", "Seventy percent of
    the 390 CEOs ..., compared to 72 percent in 2006", "Only 17% are in solo practice compared to 25% in
    2012", "with 89 percent of agencies planning to use it, compared to 69 percent for marketers"."""
    text, figures, out = state.text, state.figures, state.assignments
    for n in members:
        fig, a = figures[n], out[n]
        open_share = a.kind == "share" and a.group is None and not a.resolved
        if a.kind != "other" and not open_share or fig._.unit != "percent":
            continue
        if not introduced_as_counterpart(state, fig, sent):
            continue
        if open_share:
            # A share already (a survey word in the sentence: 'The survey found that ... versus just 19 percent
            # for marketers'): only its own "for X" is read here; the share it is compared with is the
            # discourse step's.
            a.take(_own_group_after(state, fig.end))
            continue
        if regex.match(r"\s+(?:in\s+\d{4}\s+)?to\b", text[fig.end_char:fig.end_char + 15]):
            continue  # "from 5% to 13.3%": a movement, not an earlier value
        if regex.search(r"\brespectively\b", text[fig.end_char:sent.end_char]):
            continue  # "down from 68 percent and 55 percent, respectively": the list maps them
        earlier = [m for m in members if figures[m].end <= fig.start and out[m].kind == "share"
                   and (state.survey_doc or out[m].group and not out[m].kind_by_default)]
        own = _own_group_after(state, fig.end) if state.survey_doc or earlier else None
        if own is not None or earlier:
            # Without a group of its own, the group of the share it is compared with; where that one is still
            # open, the discourse step gives both the same mention.
            group = own or out[earlier[-1]].group
            a.decide_kind("share")
            a.take(group)
        elif state.previous_groups and sent[0].lower_ in grammar.BACK_REFERENCE_OPENERS:
            # "Nearly half (49%) of CEOs rated ... Best in Class. That was up from 24% in 2022."
            a.decide_kind("share")
            a.settle(state.previous_groups[-1])


def _own_group_after(state: GroupState, i: int) -> Optional[TokenSpan]:
    """'69 percent for marketers', '40% of those working for independents': the mention that a preposition
    right after the figure (token ``i``) introduces, if any."""
    doc = state.doc
    if i >= len(doc) or doc[i].lower_ not in grammar.OWN_GROUP_PREPS:
        return None
    start = i + 1
    while start < len(doc) and doc[start].pos_ == "DET" and doc[start].lower_ not in grammar.PLURAL_DEMONSTRATIVES:
        start += 1  # "versus 52 percent for all respondents", "for the older group": the mention leaves these out
    return next((m for m in state.mentions if m[0] == start), None)


# ------------------------------------------------------------ elliptic groups
def elliptic_groups(state: GroupState, sent: Span, members: list[int]) -> None:
    """'(83% of very effective vs. 51% of effective)': each side is a group named in full earlier."""
    out = state.assignments
    elliptic = [n for n in members if out[n].elliptic and out[n].group]
    if not elliptic:
        return
    phrases = {n: _words(state, out[n].group) for n in elliptic}
    mentions = sorted(set(state.strong) | {m[:2] for m in state.weak} | _subjects_in(state, sent))
    for n in elliptic:
        own = phrases[n]
        others = set().union(*(set(phrases[m]) for m in elliptic if m != n)) if len(elliptic) > 1 else set()
        distinct = others - set(own)
        g0 = out[n].group[0]
        candidates = [m for m in mentions if m[1] <= g0 and m != out[n].group and _contains(_words(state, m), own)
                      and not (distinct & set(_words(state, m))) and len(_words(state, m)) > len(own)]
        out[n].name_in_full(max(candidates, key=lambda m: (m[1], -m[0])) if candidates else None)


def _subjects_in(state: GroupState, sent: Span) -> set[TokenSpan]:
    """Subjects of the sentence as phrases: 'Those with very effective working relationships'."""
    doc = state.doc
    out: set[TokenSpan] = set()
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN", "PRON") and not tok.like_num and tok.text != "%":
            span = trim_phrase(doc, tok, state.rules.lex, limit=(sent.start, sent.end))
            if span is not None and not is_anaphoric(doc[span[0]:span[1]], state.rules.lex):
                out.add(span)
    return out


def _words(state: GroupState, span: TokenSpan) -> list[str]:
    return [t.lower_ for t in state.doc[span[0]:span[1]] if not t.is_punct]


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


# ------------------------------------------------------------ respectively lists
def respectively(state: GroupState, sent: Span, members: list[int]) -> None:
    """'60 percent of A and 49 percent of B ..., down from 68 percent and 55 percent, respectively':
    the run of figures before 'respectively' maps, in order, onto the groups named before it (else the
    sentence's subject, else the two sides of the frame in force)."""
    doc, figures, out = state.doc, state.figures, state.assignments
    if "respectively" not in state.sentence_words(sent):
        return
    resp = [t for t in sent if t.lower_ == "respectively"]
    r = resp[0]
    run = _run_before(state, [n for n in members if figures[n].end <= r.i], r.i)
    if not run:
        return
    named = [n for n in members if n not in run and out[n].group and out[n].kind == "share" and figures[n].start < figures[run[0]].start]
    time = state.rules.time_after(doc, state.text, r.idx + len(r.text), sent)
    for n in run:
        if time and not out[n].time:
            out[n].time = time
    if len(named) == len(run):  # "down from 68 percent and 55 percent, respectively": earlier values of shares
        for n in run:
            if out[n].kind == "other" and figures[n]._.unit == "percent":
                out[n].decide_kind("share")
                out[n].leave_open()
    conjuncts = _bracketed_after_conjuncts(state, figures[run[0]], sent)
    if len(conjuncts) == len(run):
        # "among Republicans and Independents (65 and 58 percent, respectively)", "those in the West and
        # East (54 and 57 percent, respectively)": each figure goes with its conjunct, whatever else was found.
        for n, g in zip(run, conjuncts):
            if out[n].kind != "point_change":  # "65 and 58 percent": the first number is a share too
                out[n].decide_kind("share")
                out[n].settle(g)
        return
    open_ = [n for n in run if not out[n].resolved or out[n].kind == "point_change"]
    if not open_:
        return
    if len(named) >= len(open_):
        for n, m in zip(open_, named[-len(open_):]):
            out[n].settle(out[m].group)
        return
    subject = sentence_subject(state, sent)
    if subject is not None:
        for n in open_:
            if out[n].kind == "share":
                out[n].settle(subject)
    elif state.frame is not None and len(open_) == 2:
        for n, g in zip(open_, state.frame):
            out[n].settle(g)


def _bracketed_after_conjuncts(state: GroupState, first: Span, sent: Span) -> list[TokenSpan]:
    """The coordinated phrases right before the bracket that opens a 'respectively' run, in order."""
    doc = state.doc
    opened = state.rules.open_bracket(doc, first, sent.start)
    if opened is None or opened - 1 < sent.start:
        return []
    last = doc[opened - 1]
    head = last
    while head.dep_ == "conj" and head.head.i < head.i and head.head.i >= sent.start:
        head = head.head
    # Only conjuncts before the bracket: for some digits the parser makes the bracket's first number one more
    # conjunct ('Republicans and Independents (70 and 64 percent, ...)' with '70' on 'Independents').
    items = [head] + [c for c in head.conjuncts if head.i < c.i < opened]
    if len(items) < 2 or items[-1].i != last.i or not all(
            t.pos_ == "PROPN" or state.rules.is_people(t) for t in items):
        return []  # "a multi-year strategic plan or funding plan (29% and 17%, respectively)": answers, not groups
    spans: list[TokenSpan] = []
    for tok in items:
        span = trim_phrase(doc, tok, state.rules.lex, stop_tokens=state.stops, limit=(sent.start, first.start - 1))
        if span is None:
            return []
        spans.append(span)
    # A conjunct's phrase runs to the next conjunct at most: "Republicans and Independents" -> two.
    return [(s, min(e, nxt[0] - 1) if nxt else e) for (s, e), nxt in zip(spans, spans[1:] + [None])]


def _run_before(state: GroupState, candidates: list[int], limit: int) -> list[int]:
    """The figures joined by 'and' or commas that end right before ``limit``."""
    doc, figures = state.doc, state.figures
    run: list[int] = []
    for n in reversed(candidates):
        fig = figures[n]
        gap_end = figures[run[0]].start if run else limit
        gap = doc[fig.end:gap_end].text
        if run and not LIST_LINK.match(gap) and not PAIR_LINK.match(gap):
            break
        if not run and not regex.match(r"^[\s,)]*$", gap):
            break
        run.insert(0, n)
    return run


# ------------------------------------------------------------ X vs. Y pairs
def pairs(state: GroupState, sent: Span, members: list[int]) -> None:
    """'X% vs. Y%': the two sides of the comparison in force."""
    doc, figures, out = state.doc, state.figures, state.assignments
    qualifiers = state.rules.lex.word_set("leading_qualifier_words")
    last_pair: Optional[Frame] = None
    for a_n, b_n in zip(members, members[1:]):
        fa, fb = figures[a_n], figures[b_n]
        # "46%, versus nearly 68% last year": the words that qualify the second figure are not the link
        gap = doc[fa.end:qualifiers_before(doc, fb.start, fa.end, qualifiers)].text
        if not PAIR_LINK.match(gap) and not regex.match(r"^\s*(?:of\s+[^()]*?)?\s*(?:vs\.?|versus)\s*$", gap, regex.I) \
                and not _dashed_pair(fa, fb, gap):
            continue
        aa, ab = out[a_n], out[b_n]
        same_kind(aa, ab)
        if aa.kind_by_default and ab.kind_by_default and aa.kind == ab.kind == "other" and regex.search(r"\bv(?:s|ersus)\b", gap, regex.I):
            aa.mark_share()  # "(83% vs. 52%)": two groups compared
            ab.mark_share()
        if aa.kind != "share" or ab.kind != "share":
            continue
        if aa.group and ab.group:
            last_pair = (aa.group, ab.group)
            continue
        if aa.group and not ab.resolved:
            if ab.time:
                ab.settle(aa.group)
            continue
        if aa.resolved or ab.resolved:
            continue
        pair = last_pair or comparison(state, sent)
        slashed = gap.strip() == "/"
        if pair is None and (anaphoric_subject(sent) or slashed) and state.frame is not None:
            pair = state.frame  # "(70%/66%)": the two sub-samples or sides named before, in their order
        if pair is not None:
            aa.settle(pair[0])
            ab.settle(pair[1])


def _dashed_pair(fa: Span, fb: Span, gap: str) -> bool:
    """'Men are more likely than women to anticipate one or more business trips (24%-11%)': two figures joined by a
    dash that the percentage rules did not read as a range (a range's ends are 'range_low' and 'range_high') are
    the two sides, in order, as 'vs.' joins them."""
    return DASH_LINK.match(gap) is not None and fa._.form == fb._.form == "list"


def pair_frame(state: GroupState, sent: Span, members: list[int]) -> None:
    """Remember the last two groups compared, for 'both groups', 'the two', 'they' later on."""
    out = state.assignments
    shares = [n for n in members if out[n].kind == "share" and out[n].group]
    for a_n, b_n in zip(shares, shares[1:]):
        ga, gb = out[a_n].group, out[b_n].group
        if ga != gb:
            state.frame = (ga, gb)


# ------------------------------------------------------------ point changes
def point_changes(state: GroupState, sent: Span, members: list[int]) -> None:
    """A stated difference between groups has no group; a change belongs to the figure it changes (a share
    before it in its sentence, else one after it); one the sentence leaves open is carried like a share
    (``discourse``) unless the sentence speaks of a gap."""
    doc, figures, out = state.doc, state.figures, state.assignments
    difference = state.rules.lex.word_set("difference_words")
    for n in members:
        fig, a = figures[n], out[n]
        if a.kind == "point_change":
            a.time = None  # "up 4 points from 2015": a base year is not the period of the change
        if a.kind != "point_change" or a.resolved:
            continue
        window = {t.lower_ for t in doc[fig.end:min(sent.end, fig.end + 3)]} | {t.lower_ for t in doc[max(sent.start, fig.start - 3):fig.start]}
        if window & (difference | grammar.RIVAL_POSITION_WORDS):  # "a 7 point lead", "three points ahead of Miliband"
            a.settle_as_is()
            continue
        prev = [m for m in members if figures[m].start < fig.start and out[m].kind == "share" and out[m].group]
        after = [m for m in members if figures[m].start > fig.start and out[m].kind == "share" and out[m].group]
        if prev:
            a.settle(out[prev[-1]].group)
        elif after:  # "has increased by seven points, from 19% a year ago to 26% today"
            a.settle(out[after[0]].group)
        elif _names_a_gap(state, sent):
            a.settle_as_is()  # "Average differences between parties have grown from 15 points ...": no group


def _names_a_gap(state: GroupState, sent: Span) -> bool:
    """Does the sentence speak of a gap between two figures ('differences', 'the gap', 'a lead')?"""
    difference = state.rules.lex.word_set("difference_words")
    return state.per_sentence("names_a_gap", sent, lambda: any(t.lemma_.lower() in difference for t in sent))
