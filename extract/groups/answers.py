"""Answers: a figure in brackets after an answer is a share of the people who gave it.

The people are the subject that governs the clause the answer sits in ("The majority of teachers said increased
funding ... (88 per cent)"), or the respondents its sentence names ("... guide the list of languages respondents
are learning"); and a line of a list of answers under a question ("What is your preferred social media site? /
• YouTube (20%)") names what was answered, never who.
"""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Doc, Span, Token

from .. import grammar
from .kind_cues import RANGE_FORMS
from .rules import bracket_holds_more_figures
from .state import GroupState, TokenSpan

# An item of a list of answers: a line that ends with its share in brackets, "• YouTube (20%)".
ANSWER_LINE = regex.compile(r"\(\s*\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)\s*\)\s*$", regex.I)
MAX_ANSWER_LINES = 30  # how far up a list of answers is followed to find its question
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"})


def answer_under_question(text: str, at: int) -> bool:
    """Is the figure at ``at`` on a line of a list of answers under a question?
    'What is your preferred social media site for driving brand growth?' / '• None (32%)' / '• YouTube (20%)':
    every item, whatever its words ('Grassroots', 'Direct Marketing'), is what was answered; the share is of
    the people asked."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    for _ in range(MAX_ANSWER_LINES):
        start = text.rfind("\n", 0, max(0, end)) + 1
        line = text[start:end].strip()
        if line and not ANSWER_LINE.search(line):
            return line.endswith("?")
        if start == 0:
            return False
        end = start - 1
    return False


def answer_giver(state: GroupState, fig: Span, sent: Span, bracket: Optional[Token]) -> Optional[Token]:
    """A figure in brackets after an answer is a share of the people who gave it, the subject that
    governs the clause the answer sits in (the highest one: the sentence's speakers, not a people noun
    inside what they said):
    - 'The majority of teachers said increased funding to pay for more staff (88 per cent), ...';
    - 'developers tend to access IT news through various avenues, including social media (50%)';
    - 'Financial services companies who conduct the surveys are most likely to implement the findings (75%)';
    - 'Parents are evenly split on whether same-sex families are ... or whether they are different (27% each)'.
    A people noun right before the bracket keeps it unless it sits inside a clause the subject states
    ('more staff'): 'Respondents who ... outnumber those who ... (30%)' keeps 'those', and so does the
    other side of a comparison ('compared to people who don't own businesses (25 per cent)'). 'The
    retailers most likely to ... are discount stores (82%)' names the answer's own group."""
    doc, rules = state.doc, state.rules
    opened = rules.open_bracket(doc, fig, sent.start)
    if opened is None or opened - 1 < sent.start:
        return None
    if bracket_holds_more_figures(doc, fig, sent):
        return None  # "(83% of very effective vs. 51% of effective)": a pair, read by position
    tok, crossed, best = bracket if bracket is not None else doc[opened - 1], False, None
    if fig.start <= tok.head.i < fig.end:
        tok = fig.root  # "Those 55 and older are most supportive (74%)" parsed with the figure as the attribute
    while tok.head.i != tok.i and sent.start <= tok.head.i < sent.end:
        crossed = crossed or tok.dep_ in CLAUSE_DEPS
        if tok.dep_ == "attr" and tok.i != fig.root.i or tok.lower_ in grammar.COMPARING_WORDS or (
                tok.dep_ in ("nsubj", "nsubjpass") and rules.is_people(rules.counted_noun(tok))):
            break  # the bracket is on a people subject's side, on a compared side, or the predicate's own
        if best is not None and _contrasts(tok):
            break  # "..., while Australian firms paid the least often (9%)": the other side's own subject
        tok = tok.head
        # The subject can hang on the auxiliary: "Parents [nsubj of] are evenly split".
        subj = next((c for h in (tok, *(a for a in tok.children if a.dep_ in ("aux", "auxpass")))
                     for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < fig.start), None) \
            if tok.pos_ in ("VERB", "AUX") else None
        named = rules.counted_noun(subj) if subj is not None else None
        if named is not None and named.pos_ in ("NOUN", "PROPN") and rules.is_people(named):
            best = named  # a people subject; a higher one (the speakers) replaces it
        elif subj is not None and subj.pos_ == "NUM" and any(
                c.lower_ in grammar.PLURAL_DEMONSTRATIVES for c in subj.children):
            best = subj  # "Those 55 and older are most supportive (75%)": the parser heads the band with its number
    return best if best is not None and (bracket is None or crossed) else None


def _contrasts(clause: Token) -> bool:
    """Is ``clause`` set against the one above it ('while B ...', 'whereas B ...', '..., and B ...')? Its subject
    is then a side of its own, not a speaker whose words hold the answer."""
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in grammar.CONTRAST_WORDS for c in clause.children)
    return clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX")


def respondents_of_answer(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """'Python (27%), JavaScript (24%) and Java (21%) guide the list of languages respondents are actively
    learning': a share in brackets after an answer belongs to the respondents its sentence names, before or
    after it, rather than to a group carried from earlier."""
    doc = state.doc
    opened = state.rules.open_bracket(doc, fig, sent.start)
    if opened is None or _pair_in_bracket(doc, opened, fig, sent):
        return None  # "(42% vs 21%)": two groups compared, read by position, not an answer's share
    # Nouns that name the respondents as such ('respondents', 'those polled'), not people at large ('many people').
    respondents = state.rules.lex.word_set("respondent_nouns") - state.rules.lex.word_set("population_nouns")
    named = [m for m in state.mentions if sent.start <= m[0] and m[1] <= sent.end and not m[0] <= fig.start < m[1]
             and (doc[m[0]:m[1]].root.lower_ in respondents or doc[m[0]:m[1]].text.lower() in respondents)]
    return min(named, key=lambda m: abs(m[0] - fig.start)) if named else None


def _pair_in_bracket(doc: Doc, opened: int, fig: Span, sent: Span) -> bool:
    """Does the bracket the figure stands in hold another number, before or after it ('(42% vs 21%)')? The two ends
    of a range are one figure ('(18 to 38 percent)')."""
    if fig._.form in RANGE_FORMS:
        return False
    return any(t.like_num for t in doc[opened + 1:fig.start]) or bracket_holds_more_figures(doc, fig, sent)
