"""Steps 1-3: what a sentence states about each of its figures, read off the parse: its group, what the group
holds or does (the statement) and the period. The group is named:
1. after the figure: "60% of marketers and IT types";
2. before it, with the figure in brackets: "those who say the relationship is very effective (48%)";
3. as the thing measured: "The percentage of respondents who said ... is 46%".

The families read away from the figure's own phrase have modules of their own: ``among`` ("Among/Of M,"),
``answers`` (a bracket after an answer), ``age_bands`` and ``beside`` (bands and labels read off the text).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from .. import grammar
from ..lexicon import Lexicon
from ..phrases import (counted_by_measure, drop_counted_clause, extend_defining_tail, head_with_determiner,
                       hung_phrase_end, is_anaphoric, is_break, is_pronoun_head, participle_taken_away,
                       predicate_taken_for_noun, threshold_tail, trim_phrase)
from .age_bands import age_band_after, age_band_before, age_band_of
from .among import among_group, lead_group, share_as_base
from .answers import answer_giver, answer_under_question, respondents_of_answer
from .beside import named_beside, place_of_breakdown
from .discourse import resolve_anaphor
from .rules import nominal_run_word
from .state import Assignment, GroupState, TokenSpan


Heads = tuple[Optional[Token], Optional[Token]]  # the noun after the figure's 'of', the noun its bracket follows


def figure_heads(state: GroupState, fig: Span, sent: Span, members: list[int]) -> Heads:
    """(the noun after the figure's 'of', the noun its bracket follows): what the kind and the group are read
    from. Found once per figure and kept, as ``figure_kinds`` and ``stated_groups`` both read them."""
    def heads() -> Heads:
        of_obj = state.rules.of_object(state.doc, fig, sent) or _shared_of(state, fig, sent, members)
        return of_obj, state.rules.bracket_head(state.doc, fig, sent) if of_obj is None else None
    return state.per_figure("heads", fig, heads)


def _states_a_group(a: Assignment) -> bool:
    """Does the sentence state a group or statement for this figure? Not for a change (its group is the figure's
    it changes) nor for an 'other' a construction decided; a default 'other' may still turn out a share."""
    return a.kind != "point_change" and not (a.kind == "other" and not a.kind_by_default)


def stated_groups(state: GroupState, sent: Span, members: list[int]) -> None:
    """Steps 1-3: the group the sentence states for each figure, if it states one."""
    for n in members:
        if _states_a_group(state.assignments[n]):
            of_obj, bracket = figure_heads(state, state.figures[n], sent, members)
            _assign_own_group(state, sent, members, n, of_obj, bracket)


def statements(state: GroupState, sent: Span, members: list[int]) -> None:
    """What the group holds or does: the predicate of the verb the figure is the subject of ('41% said ...')."""
    for n in members:
        if _states_a_group(state.assignments[n]):
            state.assignments[n].statement = state.rules.statement(state.doc, state.figures[n], sent, state.stops)


def times(state: GroupState, sent: Span, members: list[int]) -> None:
    """The period written right after the figure ('... in 2003'), else right after its group when the group
    follows the figure ('68% of voters in 2013'): after ``stated_groups``, which finds that group."""
    doc, text, rules = state.doc, state.text, state.rules
    for n in members:
        fig, a = state.figures[n], state.assignments[n]
        a.time = rules.time_after(doc, text, fig.end_char, sent)
        if a.group is not None and a.group[0] >= fig.end and a.time is None:
            last = doc[a.group[1] - 1]
            a.time = rules.time_after(doc, text, last.idx + len(last), sent)


def _named_by_asking(head: Token, lex: Lexicon) -> bool:
    """'those companies questioned': a demonstrative with a survey participle names the respondents, it does
    not point back."""
    participles = lex.word_set("survey_participles")
    return any(c.dep_ in ("acl", "amod") and c.lower_ in participles for c in head.children) \
        or participle_taken_away(head, lex) is not None


def _shared_of(state: GroupState, fig: Span, sent: Span, members: list[int]) -> Optional[Token]:
    """'cited by 81% and 80% of those polled, respectively', '44% and 43% of learners': figures listed
    before one 'of M' are all shares of M."""
    doc, figures = state.doc, state.figures
    starts = {figures[m].start: figures[m] for m in members}
    j, last = fig.end, None
    while j < sent.end:
        if j in starts:
            last, j = starts[j], starts[j].end
        elif doc[j].lower_ in ("and", "or", ","):
            j += 1
        else:
            break
    return state.rules.of_object(doc, last, sent) if last is not None else None


def _assign_own_group(state: GroupState, sent: Span, members: list[int], n: int, of_obj: Optional[Token],
                      bracket: Optional[Token]) -> None:
    """Steps 1-3: the group the sentence states for this figure, if it states one."""
    doc, rules, stops = state.doc, state.rules, state.stops
    fig, a, out = state.figures[n], state.assignments[n], state.assignments
    limit = (sent.start, sent.end)
    population = (share_as_base(state, fig, sent) or place_of_breakdown(state, fig, sent) or _population_bracket(state, fig, sent)
                  or age_band_after(state, fig, sent) or age_band_before(state, fig, sent) or age_band_of(state, fig, sent))
    if population is not None:
        a.settle(population)
        return
    if rules.is_average(fig):
        a.settle(None)  # "compared to the global average of 31 per cent": every country's, no group
        return
    if of_obj is not None and of_obj.lemma_.lower() in rules.lex.word_set("vote_nouns"):
        of_obj = None  # "44 percent of the vote among Republicans": the vote is what they give, not who
    if bracket is not None and answer_under_question(state.text, fig.start_char):
        bracket = None  # "What is your preferred social media site? • YouTube (20%)": an answer, not who
    if of_obj is None:
        bracket = answer_giver(state, fig, sent, bracket) or bracket
    counted = None if (of_obj or bracket) else (rules.copula_subject(doc, fig, sent)
                                                or _measure_opening(state, fig, sent, members))
    following = None if (of_obj or bracket) else rules.following_noun(doc, fig, sent)
    head = (of_obj or bracket or following or counted or rules.level_group(fig) or among_group(state, fig, sent)
            or lead_group(state, fig, sent) or _restated_noun(state, fig, sent) or _with_after_copula(state, fig, sent))
    if head is not None and head.i in stops and not fig.start <= head.i < fig.end:
        # "Nearly nine out of 10 HR staff (83%)", where 83 is too far from 90 to restate it: a word of another
        # figure is no group; the figure it sits in has the group, once read.
        other = next((m for m in members if m < n and state.figures[m].start <= head.i < state.figures[m].end), None)
        a.take(out[other].group if other is not None and out[other].kind == "share" else None)
        return
    if head is None:
        named = named_beside(state, fig, sent) or respondents_of_answer(state, fig, sent)
        if named is not None:
            a.settle(named)
        return
    span = trim_phrase(doc, head, rules.lex, stop_tokens=stops, limit=limit)
    if span is None:
        return
    if of_obj is not None and head.i == of_obj.i and not _subject_of_its_own_verb(fig):
        span = _clause_hung_on_the_figure(fig, _drop_predicate_participle(head, span, rules.lex), stops, rules.lex,
                                          relative_only=True)
    elif of_obj is not None and head.i == of_obj.i:
        span = _clause_hung_on_the_figure(fig, span, stops, rules.lex)
    if counted is not None and head.i == counted.i or counted_by_measure(head, rules.lex):
        span = drop_counted_clause(head, span)
    if following is not None and head.i == following.i and all(nominal_run_word(t) for t in doc[fig.end:span[0]]):
        span = (min(span[0], fig.end), span[1])  # the whole run the figure counts: "marketing and IT executives"
    span = extend_defining_tail(doc, _extend_coordination(state, fig, head, span, limit), limit, stops)
    twin = fig._.restates
    if twin is not None and span[0] <= twin.start < span[1] and twin.end < span[1]:
        span = (twin.end, span[1])  # "three in five advertisers (58 per cent)": the ratio is the figure, not the group
    if is_anaphoric(head_with_determiner(doc, head, span), rules.lex) and not _named_by_asking(head, rules.lex):
        recent = state.previous_groups + [out[m].group for m in members
                                          if m < n and out[m].group and out[m].kind == "share"]
        a.take(resolve_anaphor(state, head_with_determiner(doc, head, span), recent))
    else:
        a.state_group(span, bare=all(t.pos_ in ("ADJ", "ADV") for t in doc[span[0]:span[1]]))


def _with_after_copula(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """'X was Y, with N per cent ...', 'X were Y, at N%': a ranking of groups, and the figure belongs to the one the
    copula names, the subject or, where the subject only describes the rank, the attribute:
    - 'Those over 55 were the most enthusiastic, with 71 per cent behind leaving';
    - 'Over-55s were the least keen, at 21%', 'Gen Z (18-26) were keenest, at 50%';
    - 'The region most supportive of implementing Brexit was the West Midlands, with 63 per cent ...';
    - 'The least enthusiastic was Scotland, with 44 per cent';
    - 'Those most against it were people intending to vote Liberal Democrats, with 37 per cent ...';
    - 'The group most committed to Brexit was those who voted leave, with just 2 per cent ...'."""
    root = fig.root
    prep = root.head if root.dep_ == "pobj" else root.head.head if root.head.dep_ == "pcomp" else None
    if prep is None or prep.lower_ not in ("with", "at") or not sent.start <= prep.i < sent.end:
        return None  # ('at': "Over-55s were the least keen, at 21%")
    verb = prep.head if prep.head.lemma_ == "be" else prep.head.head if prep.head.dep_ == "attr" else None
    if verb is None or verb.lemma_ != "be":
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    for cand in (subj, attr):
        if cand is None or cand.pos_ == "ADJ" or any(t.lower_ in state.rules.lex.word_set("ranking_words") for t in cand.subtree):
            continue
        named = cand if cand.pos_ != "NUM" else cand.head  # "Those over 55": the parser heads it with the number
        if named.lower_ in grammar.PLURAL_DEMONSTRATIVES or named.pos_ == "PROPN" or state.rules.is_people(named) \
                or cand.pos_ == "NUM" and any(t.lower_ in grammar.PLURAL_DEMONSTRATIVES for t in cand.subtree):
            return cand
    return None


def _restated_noun(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """An exact figure that restates a verbal one earlier in its sentence has the verbal one's group:
    'Four in five advertisers who use Internet advertising use it as a branding device (79 per cent)',
    'Slightly less than three in five advertisers (58 per cent) use ...', 'Two-thirds of the parents
    polled said so (67%)'."""
    twin = fig._.restates
    if twin is None or not sent.start <= twin.start < fig.start:
        return None
    of_twin = state.rules.of_object(state.doc, twin, sent)
    # Read as a determiner ('half those polled', 'four in five advertisers'), whatever its form.
    head = of_twin if of_twin is not None else state.rules.following_noun(state.doc, twin, sent, "fraction")
    if head is not None and not state.rules.is_people(head):
        # "just over half the random sample of 1,607 parents or guardians—55 percent—": who the sample is
        head = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" and state.rules.is_people(o)), head)
    return head


def _subject_of_its_own_verb(fig: Span) -> bool:
    """Is the figure the subject of a verb of its own? Not of a verb far on that has a relative pronoun for subject
    too, or of an infinitive: in '..., with nearly a quarter of teachers throwing in the towel every year, which in
    turn forces companies to pay for ...' the parser hangs the figure on 'pay' for some nouns. A figure in a bracket
    stands for the words it restates: 'Three-quarters (75%) of employee pharmacists working for the multiples said'."""
    root = fig.root
    if root.dep_ == "appos" and root.head.i < root.i:
        root = root.head
    verb = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i != root.i and c.tag_ in ("WDT", "WP")
        or c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _drop_predicate_participle(head: Token, span: TokenSpan, lex: Lexicon) -> TokenSpan:
    """'with nearly a quarter of workers throwing in the towel every year': with no verb of its own, the figure's
    '-ing' clause (or a verb of stance hung on its people) says what the group does, not who it is. On a pronoun it
    says who: '24 per cent of those backing Labour', '45% of those working in person', '40% of those working for
    independents' ('those' alone names no one)."""
    if is_pronoun_head(head, lex):
        return span
    stances = lex.word_set("mistagged_verbs")
    for child in head.children:
        # (or a verb of stance in the past the parser hung on them: 'a 55 percent majority of white voters approved of
        # the president')
        participle = child.tag_ == "VBG" or child.tag_ in ("VBD", "VBN") and child.lemma_.lower() in stances \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in child.children)
        if child.dep_ == "acl" and participle and child.i > head.i and child.right_edge.i + 1 >= span[1]:
            end = child.left_edge.i
            return (span[0], end) if end > span[0] else span
    return span


def _clause_hung_on_the_figure(fig: Span, span: TokenSpan, stops: set[int], lex: Lexicon, *,
                               relative_only: bool = False) -> TokenSpan:
    """'about three-fourths of the physicians who are using EHR technology said ...', '66% of developers using
    open source engage ...': the parser hung the clause on the figure, which no 'who' or '-ing' clause can
    describe. Between the group and the verb the figure is the subject of, it says who the group is: the
    phrase takes it, unless it only says they were surveyed ('who responded', 'polled online'). A figure that
    is no subject takes only a relative clause ('60 per cent of b-to-b marketers that have a documented strategy
    rate themselves ...', 'that have' hung on 'cent'), up to the verb the parser made a noun: its '-ing'
    clause is what the group does ('with a quarter of workers throwing in the towel')."""
    doc, root = fig.doc, fig.root
    verb = root.head
    for clause in root.children:
        if clause.dep_ not in ("relcl", "acl") or clause.left_edge.i != span[1] or (
                verb.i > root.i and clause.right_edge.i >= verb.i) or relative_only and (
                clause.dep_ != "relcl" or clause.lemma_.lower() in lex.word_set("opinion_verbs")):
            continue  # (with no verb of its own after, "79% of over 65s who said ..." is what the figure counts)
        end = clause.right_edge.i + 1
        end = next((i for i in range(clause.i + 1, end) if predicate_taken_for_noun(doc[i])), end)
        if (clause.lower_ in lex.word_set("survey_participles") or clause.lemma_.lower() in lex.word_set("answering_verbs")
                or any(i in stops or is_break(doc, i) for i in range(span[1], end))):
            return span
        return (span[0], end)
    return span


def _measure_opening(state: GroupState, fig: Span, sent: Span, members: list[int]) -> Optional[Token]:
    """The people of a measure opening the sentence (``GroupRules.measure_opening``), for its first figure only (the
    ones after may be another group's)."""
    if any(sent.start <= state.figures[m].start < fig.start for m in members):
        return None
    return state.rules.measure_opening(state.doc, fig, sent)


def _population_bracket(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """'surveyed 131 U.S. executives who hold ... (81% in marketing functions and 19% in IT)':
    shares of the sample's make-up describe the sample."""
    doc = state.doc
    i = fig.start - 1
    while i >= sent.start and doc[i].text not in ("(", ")"):
        i -= 1
    if i < sent.start or doc[i].text != "(":
        return None
    return next((p for p in state.sample_populations if p[1] == i or (p[1] == i - 1 and doc[i - 1].is_punct)), None)


def _extend_coordination(state: GroupState, fig: Span, head: Token, span: TokenSpan, limit: TokenSpan) -> TokenSpan:
    """'60% of marketers and IT types', '86% of visitors to the Library': the parser may hang the rest
    of the group on the figure rather than on its head noun."""
    doc, stops = state.doc, state.stops
    end = span[1]
    survey_nouns = state.rules.lex.word_set("survey_nouns")
    hung_on_figure = end < limit[1] and doc[end].head.i == fig.root.i and (doc[end].dep_ == "prep" or doc[end].lower_ == "aged")
    if hung_on_figure and doc[end].lower_ in ("to", "with", "aged", "from", "at", "who", "over", "under", "between") and not any(
            c.dep_ == "pobj" and c.lemma_.lower() in survey_nouns for c in doc[end].children):
        # ... up to the clause's verb where the parser made it a noun ('35 per cent of those with a documented
        # strategy rate themselves ...', 'with' hung on the figure)
        extra_end = hung_phrase_end(doc, end, doc[end].right_edge.i + 1, stops, state.rules.lex)
        if extra_end > end + 1:
            end = threshold_tail(doc, span[0], extra_end, limit[1], stops, state.rules.lex)
            span = (span[0], end)
    if end + 1 >= limit[1] or doc[end].lower_ not in grammar.COORDINATORS:
        return span
    root = fig.root
    for conj in doc[end + 1:limit[1]]:
        # "More than 60 percent of marketers and IT respondents said ...": for some spellings the parser makes the
        # second noun another subject of the figure's verb instead of a conjunct.
        split_subject = conj.dep_ == root.dep_ and root.dep_ in ("nsubj", "nsubjpass") and conj.head.i == root.head.i \
            and state.rules.is_people(conj)
        if (conj.dep_ == "conj" and conj.head.i in (root.i, head.i) or split_subject) and conj.pos_ in ("NOUN", "PROPN"):
            if any(t.i in stops for t in conj.subtree):
                return span
            extra = trim_phrase(doc, conj, state.rules.lex, stop_tokens=stops, limit=limit)
            if extra is None or extra[0] > end + 2:
                return span
            return span[0], extra[1]
    return span
