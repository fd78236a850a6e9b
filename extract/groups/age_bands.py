"""Age bands read off the text beside a figure, which the parser seldom holds together as one phrase.

Right after the figure ("81 percent 30 and older"), after its "of" ("55 percent of those ages 35 to 49") and
right before its bracket ("those aged 35-54 (72%)"): the band and the word it restricts are the group.
"""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Span

from .. import grammar
from .state import GroupState, TokenSpan

# An age band written right before a figure's bracket: "those aged 35-54 (72%)", "adults ages 65 and older (30%)".
AGE_BAND_BEFORE = regex.compile(
    r"""(?P<who>\b[^\W\d_][\w-]*)[ \t]+
        (?P<band>(?:aged?|ages)[ \t]+\d+
                 (?:[ \t]*(?:-|\u2013|to)[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger))?)
        [ \t]*\([ \t]*$""", regex.VERBOSE | regex.I)

# An age band written right after a figure: "81 percent 30 and older", "45% aged 18 to 24", "52% 65 and over".
AGE_BAND_AFTER = regex.compile(
    r"""[ \t]+(?:(?:aged?|ages)[ \t]+\d+
                 (?:[ \t]*(?:-|\u2013|to)[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up))?
              |\d+[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger))\b\+?""", regex.VERBOSE | regex.I)

# An age band after "of" and the word it restricts: "55 percent of those ages 35 to 49", "17% of voters aged 18
# to 24", "40% of those over 65", "a third of those 45+" (the parser seldom keeps "ages 35 to 49" on "those").
AGE_BAND_OF = regex.compile(
    r"""[ \t]+of[ \t]+(?:the[ \t]+)?(?P<who>[^\W\d_][\w-]*)[ \t]+
        (?P<band>(?:aged?|ages)[ \t]+\d+
                 (?:[ \t]*(?:-|\u2013|to)[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger))?
                |(?:over|under)[ \t]+\d+
                |\d+(?:\+|[ \t]*(?:-|\u2013|to)[ \t]*\d+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger)))
        (?![\w%])\+?""", regex.VERBOSE | regex.I)


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
    together: 'followed closely by those aged 35-54 (72%)', 'adults ages 65 and older (30%)'."""
    band = AGE_BAND_BEFORE.search(state.text, max(sent.start_char, fig.start_char - 60), fig.start_char)
    if band is None:
        return None
    words = state.doc.char_span(band.start("who"), band.end("band"), alignment_mode="expand")
    if words is None or words.start < sent.start:
        return None
    head = words[0]
    if head.lower_ not in grammar.PLURAL_DEMONSTRATIVES and not state.rules.is_people(head):
        return None
    return (words.start, words.end)
