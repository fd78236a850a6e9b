"""The "Among/Of M," family: a group the clause is set in rather than one the figure is of.

"Among those who use Internet advertising, just 14 per cent say ...", "Of those workers that received a pay
hike, 54% saw ...", "Trump attracts 44 percent of the vote among self-identified Republicans", "In British
Columbia, 69% support ...", and a lead among a group: "had the same lead among those aged 30 to 44, getting 53
percent support". Each reader returns the head noun of the group, or None.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .. import grammar
from ..lexicon import Lexicon
from ..phrases import is_break, opens_clause, participle_object, suspended_band_noun
from .state import GroupState, TokenSpan

NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "amod", "compound"})
RESTATED_WORDS = 4  # the most words of a figure a bracket restates ('three quarters (76%)', 'just over half (52%)')


def among_group(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """The group the figure's clause is set in (see _among_group), read once per figure: the kind rules and the
    stated groups both ask."""
    return state.per_figure("among_group", fig, lambda: _among_group(state, fig, sent))


def _among_group(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """A group the clause is set in, when it names people (or, for a regional breakdown, a place):
    - up front: 'Among those who use Internet advertising, just 14 per cent say ...', 'Of those workers
      that received a pay hike, 54% saw ...', 'Of these organizations that have been targeted, 71.3% ...';
    - after the figure, on its verb: 'Trump attracts 44 percent of the vote among self-identified
      Republicans';
    - inside the figure's own clause, on what is measured: 'Backing for another referendum among Labour
      Party supporters was at 78 percent', 'Support for the tax among Republicans stands at 35 percent',
      'Confidence ... has fallen ... among Scottish nurses, from 82% in 2009 to 30%';
    - leading the figure's clause after a comma, wherever the parser hangs it: '... and among the middle
      and upper classes, it was just 19 per cent'.
    A fronted phrase may follow a lead-in ('However, in Scotland, ...', 'The survey found that within Quebec,
    ...'). The phrase nearest before the figure is read first: the one that sets the figure's own clause."""
    doc = state.doc
    verb = fig.root.head if fig.root.dep_ != "pobj" else fig.root.head.head
    preps = state.per_sentence("among_of", sent, lambda: [t for t in sent if t.dep_ in ("prep", "conj", "ROOT", "advmod")
                                                          and t.lower_ in grammar.GROUP_SETTING_PREPS])
    lex = state.rules.lex
    # ("... 52% among women and 44% among men": an "among" right after the figure is its own, read first)
    for tok in sorted(preps, key=lambda t: (t.i != fig.end, t.i > fig.start, -t.i if t.i < fig.start else t.i)):
        if tok.i in range(fig.start, fig.end):
            continue
        opening = tok.i < fig.start and tok.lower_ == "of" and _opens_clause(doc, tok, sent) \
            and _leads_clause(doc, tok, fig, verb)
        fronted = tok.i < fig.start and (tok.lower_ == "among" and tok.head.pos_ in ("VERB", "AUX")
                                         or tok.lower_ == "of" and _fronted(doc, tok, fig, sent, lex)
                                         and not _other_subject(_fronted_to(doc, tok, fig), fig, lex)) or opening
        if tok.dep_ == "conj" and not (tok.lower_ == "among" and _leads_clause(doc, tok, fig, verb) or opening):
            continue  # a preposition the parser took for a conjunct only counts when it leads the clause
        if tok.i < fig.start and tok.lower_ in grammar.BREAKDOWN_PLACE_PREPS and _fronted(doc, tok, fig, sent, lex) \
                and (_figure_follows(doc, tok, fig, state.rules.open_bracket(doc, fig, sent.start))
                     or not _other_subject(_fronted_to(doc, tok, fig), fig, lex)):
            place = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "PROPN"
                          and c.lower_ not in lex.word_set("month_names")), None)
            if place is not None:
                return place  # a regional breakdown: "In British Columbia, 69% support ...", "Within Quebec, ..."
            band = next((c for c in tok.children if c.dep_ == "pobj"
                         and c.lower_ in lex.word_set("breakdown_nouns")), None)
            if band is not None:
                return band  # "In the 18 to 34 category, 40 per cent wanted ...", "In the over-65 age group, ..."
        after = tok.i >= fig.end and tok.lower_ == "among" and tok.head.i in (verb.i, fig.root.i, fig.root.head.i)
        inside = tok.i < fig.start and tok.lower_ == "among" and (_clause_verb(tok).i == verb.i
                                                                  or _leads_clause(doc, tok, fig, verb))
        if not (fronted or after or inside):
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None) \
            or next((p for c in tok.children if (p := participle_object(c, lex)) is not None), None)
        obj = (suspended_band_noun(obj) or obj) if obj is not None else None
        if obj is not None and (obj.lower_ in grammar.PLURAL_DEMONSTRATIVES or state.rules.is_people(obj)
                                or _count_of_people(obj)):
            return obj
    return None


def _count_of_people(tok: Token) -> bool:
    """'Of the 860 who took part, ...': a count that a clause about people defines stands for them."""
    return tok.pos_ == "NUM" and any(c.dep_ in ("relcl", "acl") for c in tok.children)


def share_as_base(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """'Of the 55% of respondents contributing to open source, 60% of those contribute ...', 'Among the 76.3
    percent of respondents who said they'd travel, more than 40 percent said ...': a fronted share is the
    base of the figures of its sentence (also after a lead-in: 'The survey found that among ...'), and its
    people are the whole phrase, with the clause that makes them that share (which, after the share itself,
    reads as what they said)."""
    doc = state.doc
    i = next((t.i for t in doc[sent.start:fig.start] if t.lower_ in ("of", "among")), fig.start)
    if i >= fig.start or not opens_clause(doc, sent.start, i, state.rules.lex):
        return None
    j = i + 1 + (doc[i + 1].lower_ == "the")
    share = next((f for f in state.figures if f.start == j), None)
    if share is None or share.end >= fig.start or doc[share.end].lower_ != "of":
        return None
    comma = next((k for k in range(share.end + 1, fig.start) if is_break(doc, k)), None)
    if comma is None or doc[comma].text != "," or comma == share.end + 1:
        return None
    start = share.end + 1 + (doc[share.end + 1].lower_ == "the")
    return (start, comma) if start < comma and state.rules.is_people(_first_head(doc[start:comma])) else None


def _first_head(span: Span) -> Token:
    """The noun a phrase opens with: 'respondents' of 'respondents who said they'd travel'."""
    return next((t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ != "compound"), span[0])


def lead_group(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """'had the same lead among those aged 30 to 44, getting 53 percent support to Trump's 36 percent', 'garnered a
    near double-digit lead with independents, receiving 46 percent support', 'extended their lead among male
    voters (39%, to 28% for the NDP)': a lead (gap, edge) among a group sets the group of the shares that make it.
    The nearest such group before the figure, else one the lead names right after it."""
    rules = state.rules
    difference = rules.lex.word_set("difference_words")
    found = [t for t in sent if t.lower_ in grammar.LEAD_PREPS and t.head.lemma_.lower() in difference]
    for tok in sorted(found, key=lambda t: (t.i > fig.start, -t.i if t.i < fig.start else t.i)):
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        obj = (suspended_band_noun(obj) or obj) if obj is not None else None
        if obj is not None and (obj.lower_ in grammar.PLURAL_DEMONSTRATIVES or rules.is_people(obj)):
            return obj
    return None


def _leads_clause(doc: Doc, prep: Token, fig: Span, verb: Token) -> bool:
    """'among M, it was 19 per cent', 'among M, 19 per cent said', 'of those who do, only 54% reported': the
    phrase and a comma come right before the figure's clause, which starts with its subject, the figure
    itself or a word of the figure's phrase."""
    end = _closing_comma(doc, prep, fig)
    if end + 1 >= fig.end or doc[end].text != ",":
        return False
    nxt = doc[end + 1]
    return fig.start <= nxt.i < fig.end or (nxt.head.i == verb.i and nxt.dep_ in ("nsubj", "nsubjpass", "expl")) \
        or nxt.i < fig.start and nxt in _figure_phrase(fig).subtree


def _figure_phrase(fig: Span) -> Token:
    """The noun a figure is, or restates in brackets: 'more than a third' of 'more than a third (38.7%)'."""
    return fig.root.head if fig.root.dep_ == "appos" else fig.root


def _opens_clause(doc: Doc, prep: Token, sent: Span) -> bool:
    """Mid-sentence openings of an "Of M," base: after a coordinator or a clause mark ('..., and of those
    who do, only 54% reported', 'found that, of those that do measure, more than a third (38.7%)', 'But of
    the 145 companies reporting, 76% ...'), where the parser often hangs "of" on the comma or makes it a
    conjunct."""
    before = next((t for t in reversed(doc[sent.start:prep.i]) if not t.is_punct), None)
    return before is None or before.lower_ in grammar.CLAUSE_OPENERS or before.dep_ == "mark"


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a token sits in (the sentence root when no verb is above it). A gerund used
    as a noun ('Backing for ... was at 78 percent') is not a clause of its own."""
    head = tok.head
    while (head.pos_ not in ("VERB", "AUX") or head.dep_ in NOMINAL_DEPS) and head.head.i != head.i:
        head = head.head
    return head


def _other_subject(verb: Token, fig: Span, lex: Lexicon) -> bool:
    """'Of the social sites, respondents reported ... GitHub (76%)': the clause names its own people, so the
    fronted phrase is a topic, not the base of the figure. A verbal figure as subject ('three quarters
    (76%) support') is the figure itself."""
    quantity = lex.word_set("vague_quantifiers") | set(lex.denominators)
    return any(c.dep_ in ("nsubj", "nsubjpass") and not (fig.start <= c.i < fig.end)
               and not c.like_num and c.lower_ not in quantity for c in verb.children)


def _fronted(doc: Doc, prep: Token, fig: Span, sent: Span, lex: Lexicon) -> bool:
    """'Of those workers that ..., 54%', 'However, in Scotland, 23 per cent ...': a phrase that opens the
    sentence's first clause and closes with a comma before the figure."""
    end = _closing_comma(doc, prep, fig)
    return opens_clause(doc, sent.start, prep.i, lex) and end < fig.start and doc[end].text == ","


def _fronted_to(doc: Doc, prep: Token, fig: Span) -> Token:
    """The verb of the clause a fronted phrase leads: the one its preposition hangs on, or, when the parser hung
    it on a lead-in ('The report also shows that of the social sites, respondents reported ...', "of" on
    "that"), the verb whose subject follows the phrase's comma."""
    end = _closing_comma(doc, prep, fig)
    nxt = doc[end + 1] if end + 1 < len(doc) else prep
    return nxt.head if prep.head.lower_ == "that" and nxt.dep_ in ("nsubj", "nsubjpass") else prep.head


def _figure_follows(doc: Doc, prep: Token, fig: Span, opened: Optional[int]) -> bool:
    """'- In Atlantic Canada, 19% support ...', 'Within Quebec, three quarters (76%) support ...': the figure,
    or the words it restates in a bracket, come right after the phrase's comma, whatever verb the parser hung
    the phrase on (for some digits 'oppose', the next clause's; for a lead-in 'the survey found')."""
    nxt = _closing_comma(doc, prep, fig) + 1
    return nxt == fig.start or opened is not None and nxt < opened <= nxt + RESTATED_WORDS \
        and all(t.is_alpha or t.like_num or t.text == "-" for t in doc[nxt:opened])


def _closing_comma(doc: Doc, prep: Token, fig: Span) -> int:
    """Where the comma that closes a fronted phrase is: after its last word, or its last word itself when the
    parser hung the comma on the phrase ('In Atlantic Canada, 54% support', 'Canada' taking the comma for some
    digits and not for others). When the parser hung the figure's clause on the phrase too ('Canada' <- 'support'
    as an apposition), the first comma after the preposition."""
    last = prep.right_edge.i
    if last >= fig.start:
        return next((k for k in range(prep.i + 2, fig.start) if doc[k].text == ","), last + 1)
    return last if doc[last].text == "," and last > prep.i + 1 else last + 1
