"""Groups named by comparison: 'Those in a very effective relationship are more likely than those with
an effective relationship to ... (83% vs. 52%)', carried to 'They ...' and 'both groups ...' as the
frame in force; and the people a sentence is about when its figures name no group."""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Span, Token

from .. import grammar
from ..lexicon import phrase_alternation
from ..phrases import AGE_GROUP, is_anaphoric, is_pronoun_head, qualifiers_before, trim_phrase
from .age_bands import band_after
from .state import Frame, GroupState, TokenSpan

# 'both groups', 'the two' anywhere in a sentence ('both' or 'two' alone say nothing there).
BOTH_SIDES_PHRASE = regex.compile(rf"\b(?:{phrase_alternation(p for p in grammar.BOTH_SIDES if ' ' in p)})\b", regex.I)


def anaphoric_subject(sent: Span) -> bool:
    """Does the sentence point back to the two sides compared: 'both groups', 'the two', or a subject that
    stands alone and refers to them ('They ...', 'Both ...', 'These ...', 'Those ...': a plural
    demonstrative with nothing after it, not 'those who ...')?"""
    if BOTH_SIDES_PHRASE.search(sent.text):
        return True
    return any(t.dep_ in ("nsubj", "nsubjpass")
               and (t.lower_ in grammar.FRAME_ANAPHORS or t.lower_ in grammar.PLURAL_DEMONSTRATIVES)
               and not list(t.children) for t in sent)


def comparison(state: GroupState, sent: Span) -> Optional[Frame]:
    """'A are more likely than B to ...' -> (A, B); 'They are more likely ...' -> the frame in force."""
    doc, lex = state.doc, state.rules.lex
    words = state.sentence_words(sent)
    compares = "than" in words or "as" in words
    if not compares and state.frame is None:
        return None  # nothing compared here, and no frame for a 'they' to take
    # ('more than twice as likely as B': the equative's 'as' names B, not the 'than' of its multiplier)
    than = (_equative_as(sent) or [t for t in sent if t.lower_ == "than"]) if compares else []
    subj = _main_subject(sent)
    if than:
        subj, objs = _compared_sides(than[0], subj)
        if objs and subj is not None:
            b = trim_phrase(doc, objs[0], lex, limit=(sent.start, sent.end))
            if is_pronoun_head(subj, lex) and not list(subj.children) and state.frame is not None:
                a = state.frame[0]
            else:  # A's phrase ends where the comparison starts: 'more men [than women use ...]'
                a = trim_phrase(doc, subj, lex, limit=(sent.start, than[0].i if subj.i < than[0].i else sent.end))
            if a and b and a != b:
                return a, b
    if subj is not None and subj.lower_ in grammar.FRAME_ANAPHORS and state.frame is not None:
        return state.frame
    return None


def _equative_as(sent: Span) -> list[Token]:
    """The second 'as' of 'A were twice as likely as B to ...', 'as many A as B': an equative compares two groups
    as 'than' does."""
    doc = sent.doc
    return [t for t in sent if t.lower_ == "as" and t.i - 2 >= sent.start and doc[t.i - 2].lower_ == "as"
            and doc[t.i - 1].pos_ in ("ADJ", "ADV")]


def subsample_frame(state: GroupState, sent: Span, members: list[int]) -> None:
    """Memory, every sentence: two sample populations named in one sentence ('537 CIOs/VPs of IT and 182
    corporate managers') are the two sides of the pairs that follow ('(70%/66%)')."""
    parts = state.populations_in(sent)
    if len(parts) >= 2:
        state.frame = (parts[-2], parts[-1])


def frame_from_comparison(state: GroupState, sent: Span, members: list[int]) -> None:
    """Memory, every sentence: a sentence that compares two groups makes them the frame in force, figures or
    not ('A are more likely than B ...'), for the 'both groups' and 'they' after it."""
    pair = comparison(state, sent)
    if pair is not None:
        state.frame = pair


def subject_groups(state: GroupState, sent: Span, members: list[int]) -> None:
    """Step 5: a share still open takes the people the sentence is about, its subject ('But nearly half those
    surveyed said Mr Blunkett should return to Cabinet'), before an earlier mention could give it another."""
    out = state.assignments
    if any(out[n].kind == "share" and not out[n].resolved for n in members):
        subject = sentence_subject(state, sent)
        for n in members:
            a = out[n]
            if a.kind == "share" and not a.resolved:
                own = _figure_clause_subject(state.figures[n])
                # (only an age band: a party or a candidate is the subject of many a poll's clause, 'the Liberals
                # retaining 82 per cent of them, and the New Democrats at 80 per cent')
                own_span = people_subject(state, sent, own, banded_only=True) if own is not None else None
                own_span = own_span or _subject_before_colon(state, state.figures[n], sent)
                if own_span is not None or subject is not None:
                    a.settle(own_span or subject)


def _subject_before_colon(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """A figure that opens the clause after a colon counts the people the clause before the colon is about:
    'Respondents were politically diverse: 50% identified as Republican', '... the real reason) that doctors don't
    like health reform: 78 percent say that ...'. The latest subject before the colon that names people, at any
    depth; the colon, not the parser, says the second clause spells out the first."""
    doc = state.doc
    # (past the words that qualify the figure: 'doctors don't like it: just 22 percent say ...')
    i = qualifiers_before(doc, fig.start, sent.start + 1, state.rules.lex.word_set("leading_qualifier_words")) - 1
    if i <= sent.start or doc[i].text != ":":
        return None
    for subj in reversed([t for t in doc[sent.start:i] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i < i]):
        span = people_subject(state, sent, subj)
        if span is not None and span[1] <= i:
            return span
    return None


def _figure_clause_subject(fig: Span) -> Optional[Token]:
    """The subject of the clause the figure stands in, when that is not the sentence's main clause: 'voters 65 and
    older disapproved of the president by 57 percent, the poll found' (the main subject is the poll), 'The survey
    shows that those aged 18-24 were the most worried, at 45%'."""
    for anc in fig.root.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            if anc.dep_ == "ROOT":
                return None
            return next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _compared_sides(than: Token, main: Optional[Token]) -> tuple[Optional[Token], list[Token]]:
    """The heads of the two sides 'than' compares: (A, [B]) or (``main``, []) when it names no B.

    - 'A are more likely than B to ...': B is the object of 'than', A the subject of the clause above it.
    - 'more A than B <verb> ...' ('more agencies than clients identified areas like ...') and 'A were more likely
      than B to <verb> ...' ('Younger nurses were more likely than older colleagues to consider leaving'): the
      parser makes 'than' the mark of a clause whose subject is B (unless it gave 'than' an object); A is that
      clause's other subject, the noun the clause hangs on, or the subject of the clause above it, never the
      subject of the clause 'than' marks."""
    own = [c for c in than.children if c.dep_ in ("pobj", "pcomp")]
    if than.dep_ == "mark":
        clause = than.head
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        b = own[0] if own else next((c for c in subjects if c.i > than.i), None)
        if b is not None:
            a = next((c for c in subjects if c.i < than.i), None)  # both subjects of one verb
            if a is None:
                a = clause.head if clause.dep_ == "advcl" and clause.head.pos_ in ("NOUN", "PROPN") else _clause_subject(clause)
            return a or main, [b]
    objs = own or [t for t in than.sent if t.i > than.i and t.pos_ in ("PRON", "NOUN", "PROPN")][:1]
    return _clause_subject(than) or main, objs


def _clause_subject(tok: Token) -> Optional[Token]:
    """The subject of the nearest clause above ``tok`` that is about someone: 'survey shows that [marketers ...]
    have used ... than'; past 'this' and 'it' ('Stay-at-home moms say this happens more frequently than working
    moms')."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not (subj.pos_ in ("PRON", "DET") and subj.lower_ not in grammar.PEOPLE_PRONOUNS):
                return subj
    return None


def _main_subject(sent: Span) -> Optional[Token]:
    """The subject of the sentence's root, else the first subject of a root, conjunct or complement verb."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ROOT", "conj", "ccomp"):
            return tok
    return None


def sentence_subject(state: GroupState, sent: Span) -> Optional[TokenSpan]:
    """The people a sentence is about, when its figures have no group of their own:
    'far fewer marketers with an effective relationship with IT say ... (29% and 17%, respectively)'."""
    subj = _main_subject(sent)
    return people_subject(state, sent, subj) if subj is not None else None


def people_subject(state: GroupState, sent: Span, subj: Token, banded_only: bool = False) -> Optional[TokenSpan]:
    """The phrase a subject heads, if it names people who can have answered (not a figure, an amount, a survey, what
    was asked about or a pronoun pointing back); with ``banded_only``, only if an age band follows it."""
    doc, rules = state.doc, state.rules
    if subj.like_num or subj.text == "%" or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    band_end = band_after(state, subj, sent.end)  # "Voters aged 18-24 were the most worried, at 45%": ages, not a figure
    if banded_only and band_end is None:
        return None
    if any((t.like_num and not (band_end is not None and subj.i < t.i < band_end)) or t.text == "%" for t in subj.subtree):
        return None
    if rules.is_amount(subj) or subj.lemma_.lower() in rules.lex.word_set("survey_nouns"):
        return None
    if subj.tag_ not in ("NNS", "NNPS") and subj.lower_ not in rules.lex.word_set("generic_group_heads") \
            and not AGE_GROUP.search(subj.lower_):  # ('over-65s' is plural whatever the tagger calls it)
        return None
    if subj.lower_ != "those" and not rules.is_people(subj):
        return None  # "Tutorials (62%) ...", "Results show ...": what was asked about, not who answered
    if subj.dep_ == "nsubj" and (subj.head.lemma_.lower() in rules.lex.word_set("survey_verbs")
                                 or subj.head.lemma_.lower() in rules.lex.word_set("contact_verbs")):
        return None  # "Pollsters asked 800 voters, and 37% said ...": who asked, not who answered
    span = trim_phrase(doc, subj, rules.lex, limit=(sent.start, sent.end))
    if span is None or is_anaphoric(doc[span[0]:span[1]], rules.lex):
        return None
    return (span[0], max(span[1], band_end)) if band_end is not None else span
