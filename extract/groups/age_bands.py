"""Age bands read off the text beside a figure, which the parser seldom holds together as one phrase.

Right after the figure ("81 percent 30 and older"), after its "of" ("55 percent of those ages 35 to 49") and
right before its bracket ("those aged 35-54 (72%)"): the band and the word it restricts are the group.
"""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Span, Token

from .. import grammar
from ..phrases import BAND, BAND_AFTER_WORD, BAND_LINK, TAILS
from .state import GroupState, TokenSpan

# An age band written right before a figure's bracket: "those aged 35-54 (72%)", "adults ages 65 and older (30%)",
# "adults under 35 (54%)", "consumers 44 and under (33%)".
AGE_BAND_BEFORE = regex.compile(
    rf"""(?P<who>\b[^\W\d_][\w-]*)[ \t]+(?P<band>{BAND})\+?[ \t]*\([ \t]*$""", regex.VERBOSE | regex.I)

# An age band written right after a figure: "81 percent 30 and older", "45% aged 18 to 24", "52% 65 and over".
AGE_BAND_AFTER = regex.compile(
    rf"""[ \t]+(?:(?:aged?|ages)[ \t]+\d+
                 (?:[ \t]*{BAND_LINK}[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up))?
              |\d+[ \t]+(?:and|or)[ \t]+(?:{TAILS}))\b\+?""", regex.VERBOSE | regex.I)

# An age band after "of" and the word it restricts: "55 percent of those ages 35 to 49", "17% of voters aged 18
# to 24", "40% of those over 65", "a third of those 45+", also past a bracket, "all", "the" and a count ("The majority
# (84%) of people aged 65 and over", "44% of all people aged 65 and over", "87% of the 1,000 people aged 65 and
# over quizzed"): the parser seldom keeps the band on its word, and often hangs "and over" on the figure.
AGE_BAND_OF = regex.compile(
    rf"""(?:[ \t]*\))?[ \t]+of[ \t]+(?:(?:all|the)[ \t]+){{0,2}}(?:\d[\d,]*[ \t]+)?(?P<who>[^\W\d_][\w-]*)[ \t]+
        (?P<band>{BAND})(?![\w%])\+?""", regex.VERBOSE | regex.I)


def band_after(state: GroupState, word: Token, limit: int) -> Optional[int]:
    """The token where an age band written right after ``word`` ends (before ``limit``), or None."""
    band = BAND_AFTER_WORD.match(state.text, word.idx + len(word.text))
    if band is None:
        return None
    words = state.doc.char_span(band.start("band"), band.end(), alignment_mode="expand")
    return words.end if words is not None and words.end <= limit else None


def age_band_after(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """An age band written right after the figure names its group: '81 percent 30 and older said they
    do', 'Some 45% aged 18 to 24 said ...', '61% 65 and over'."""
    band = AGE_BAND_AFTER.match(state.text, fig.end_char)
    if band is None:
        return None
    words = state.doc.char_span(band.end() - len(band.group().lstrip()), band.end(), alignment_mode="expand")
    return (words.start, words.end) if words is not None and words.end <= sent.end else None


def age_band_of(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """'55 percent of those ages 35 to 49', '17% of 18 to 24 year olds' aside, 'of voters aged 18 to 24': the word
    and the band after 'of' are the group, however the parser hangs the band."""
    band = AGE_BAND_OF.match(state.text, fig.end_char)
    if band is None:
        return None
    words = state.doc.char_span(band.start("who"), band.end(), alignment_mode="expand")
    if words is None or words.end > sent.end:
        return None
    head = words[0]
    if head.lower_ not in grammar.PLURAL_DEMONSTRATIVES and not state.rules.is_people(head):
        return None
    return (words.start, words.end)


def age_band_before(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """A group named by an age band right before the figure's bracket, which the parser rarely holds
    together: 'followed closely by those aged 35-54 (72%)', 'adults ages 65 and older (30%)', 'those aged 35-to-54
    (about 38%)'."""
    # (the bracket may hold words that qualify the figure: 'those aged 35-to-54 (about 38%)')
    opened = state.rules.open_bracket(state.doc, fig, sent.start)
    end = state.doc[opened].idx + 1 if opened is not None else fig.start_char
    band = AGE_BAND_BEFORE.search(state.text, max(sent.start_char, end - 60), end)
    if band is None:
        return None
    words = state.doc.char_span(band.start("who"), band.end("band"), alignment_mode="expand")
    if words is None or words.start < sent.start:
        return None
    head = words[0]
    if head.lower_ not in grammar.PLURAL_DEMONSTRATIVES and not state.rules.is_people(head):
        return None
    return (_with_modifiers(head, sent.start, state.rules.lex.word_set("vague_quantifiers")), words.end)


def _with_modifiers(head: Token, lo: int, quantifiers: frozenset[str]) -> int:
    """Where the word a band restricts starts with the words that modify it: 'decided voters aged 55 and over', not
    'Most' of 'Most adults under 35 (83%)'."""
    i = head.i
    while i - 1 >= lo and (mod := head.doc[i - 1]).head.i == head.i and mod.dep_ in ("amod", "compound") \
            and mod.tag_ not in ("JJS", "JJR", "CD") and mod.lower_ not in quantifiers:
        i -= 1
    return i
