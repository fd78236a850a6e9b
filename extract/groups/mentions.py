"""Step 0: the phrases of an article that name who answered, before any figure is linked to one.

A mention is a noun phrase whose head counts people or surveyed units (the lexicon's respondent and
people nouns, and the shapes of such nouns: "-ers", "-ists", "18-24 year olds"), kept with the
modifiers that restrict it ("voters age 50 or older", "people who finished college") and without
the finding or the survey's name. Sample populations are mentions too. What was asked about ("Radio
ads", "Results", "schools and hospitals") is not. The linking steps choose among these; users and
the review page see them in ``doc.spans["survey_mentions"]``. Respondent nouns ("respondents", "those
surveyed") and populations are also what the reader remembers first, sentence by sentence
(``remember_respondents``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .. import grammar
from ..phrases import (counted_by_measure, drop_counted_clause, extend_defining_tail, is_people, not_who_answered,
                       trim_phrase)
from .state import GroupState, TokenSpan

HEAD_DEPS = frozenset({"compound", "amod", "nmod", "poss"})  # a noun inside another noun's phrase is not a head


def _inside_a_noun(tok: Token) -> bool:
    """'the respondent base', 'IT managers' 'IT': a word that modifies a noun names no one itself."""
    return tok.dep_ in HEAD_DEPS and tok.head.pos_ in ("NOUN", "PROPN")


def find_mentions(state: GroupState) -> list[TokenSpan]:
    """Every mention in the sentences read, in reading order, one per head noun."""
    doc, lex = state.doc, state.rules.lex
    respondents = lex.word_set("respondent_nouns")
    participles = lex.word_set("survey_participles")
    found: set[TokenSpan] = set(state.sample_populations)
    for s, e in state.sentences:
        for tok in doc[s:e]:
            if tok.i in state.stops or _inside_a_noun(tok):
                continue
            named = tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in respondents or is_people(tok, lex))
            those = tok.lower_ == "those" and (
                doc[tok.i + 1:tok.i + 2].text.lower() in participles
                or any(c.dep_ in ("relcl", "acl", "prep") for c in tok.children))
            if not (named or those) or not_who_answered(tok, lex):
                continue
            span = trim_phrase(doc, tok, lex, stop_tokens=state.stops, limit=(s, e))
            span = extend_defining_tail(doc, span, (s, e), state.stops) if span is not None else None
            if span is not None and counted_by_measure(tok, lex):
                span = drop_counted_clause(tok, span)  # "the share of Americans who identified as ...": 'Americans'
            if span is not None and any(t.is_alpha for t in doc[span[0]:span[1]]):
                found.add(span)
    # Keep the longest of nested mentions with the same head: "voters" inside "voters age 50 or older".
    ordered = sorted(found, key=lambda m: (m[0], -m[1]))
    out: list[TokenSpan] = []
    for m in ordered:
        if out and out[-1][0] <= m[0] and m[1] <= out[-1][1] and m != out[-1]:
            continue
        out.append(m)
    return out


def is_mention(state: GroupState, span: TokenSpan) -> bool:
    """Does the phrase name who answered? Pronouns and 'those ...' count; a noun needs a people head."""
    doc = state.doc
    toks = [t for t in doc[span[0]:span[1]] if not t.is_punct]
    if not toks:
        return False
    head = next((t for t in toks if t.head.i < span[0] or t.head.i >= span[1] or t.head.i == t.i), toks[-1])
    if head.pos_ == "PRON" or head.lower_ in grammar.PLURAL_DEMONSTRATIVES:
        return True
    return head.lower_ in state.rules.lex.word_set("respondent_nouns") or is_people(head, state.rules.lex)


def respondent_mentions(state: GroupState, sent: Span) -> list[TokenSpan]:
    """Respondent nouns ('respondents', 'those surveyed') in the sentence, as phrases."""
    doc, rules = state.doc, state.rules
    s, e = sent.start, sent.end
    out: list[TokenSpan] = []
    respondents, population = rules.lex.word_set("respondent_nouns"), rules.lex.word_set("population_nouns")
    for tok in sent:
        if _inside_a_noun(tok):
            continue  # "the respondent base for all questions is 159": a word about the sample
        if tok.lower_ in respondents and tok.lower_ not in population:
            span = trim_phrase(doc, tok, rules.lex, limit=(s, e))
            if span:
                out.append(span)
        elif tok.lower_ == "those" and doc[tok.i + 1:tok.i + 2].text.lower() in rules.lex.word_set("survey_participles"):
            out.append((tok.i, tok.i + 2))
    return out


def remember_respondents(state: GroupState, sent: Span, members: list[int]) -> None:
    """Memory, every sentence: the sample populations and respondent nouns the sentence names become mentions
    that a figure without a group of its own can carry, from this sentence on. Not a part of a sample named right
    after the whole ('2,000 adults (including 500 parents)'): the figures that follow are of the whole."""
    populations = state.populations_in(sent)
    state.strong.extend(p for p in populations if not _part_of_a_sample(state, p, populations))
    state.strong.extend(respondent_mentions(state, sent))


PART_REACH = 4  # tokens from the whole to its part: ', including', '(including', ', of whom'


def _part_of_a_sample(state: GroupState, population: TokenSpan, populations: list[TokenSpan]) -> bool:
    """Is the population a part of another named just before it, after 'including', 'among them', 'of whom'?"""
    doc = state.doc
    count_at = next((i for i in range(population[0] - 1, max(population[0] - PART_REACH, 0) - 1, -1)
                     if doc[i].like_num), population[0])
    return any(whole[1] <= count_at and count_at - whole[1] <= PART_REACH
               and any(t.lower_ in grammar.SAMPLE_PART_OPENERS for t in doc[whole[1]:count_at])
               for whole in populations if whole != population)
