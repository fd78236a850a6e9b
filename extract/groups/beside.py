"""Groups named beside a figure rather than in the sentence's grammar: in its bracket ("(38%, ages 50+)") or as
the label of its line ("18-24 yr olds: 21%"), where a run of "label: N%" lines is a breakdown by group when some
label names people ("London: 21%", "Remainers: 29%"), and a run of answers ("Email: 40%") when none does.
"""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Doc, Span, Token

from ..phrases import qualifiers_before
from .state import GroupState, TokenSpan

# Words that name who by age or range: "ages 50+", "aged 18-34", "over 65", "under 25".
DEFINING_HEAD = regex.compile(r"^(?:age[sd]?|over|under|between)\s+\d", regex.I)
AGE_PLUS = regex.compile(r"\d\+$")  # "50+": is_people already reads "18-24 yr olds", "over-55s"
# One line of a breakdown table: "London: 21%", "18-24 yr olds: 21%", "middle/upper class: 19%".
LABEL_LINE = regex.compile(r"[ \t]*(?P<label>[^:\n]{1,60}?)[ \t]*:[ \t]*\d+(?:\.\d+)?[ \t]*%[ \t]*")
TABLE_REACH = 40  # lines read up and down from a figure's own


def named_beside(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """A group named beside the figure rather than in the sentence's grammar:
    - after it, in its bracket: '(38%, ages 50+)', '(41%, women under 35)';
    - before it, as a label: '18-24 yr olds: 21%', 'Lib Dems: 37%' (a label that names people)."""
    doc = state.doc
    if state.rules.open_bracket(doc, fig, sent.start) is not None and fig.end < sent.end and doc[fig.end].text == ",":
        close = next((t.i for t in doc[fig.end:min(sent.end, fig.end + 10)] if t.text == ")"), None)
        if close is not None and close > fig.end + 1:
            words = doc[fig.end + 1:close]
            if DEFINING_HEAD.match(words.text) or any(state.rules.is_people(t) for t in words
                                                      if t.pos_ in ("NOUN", "PROPN")):
                return words.start, words.end
    if fig.start - 1 > sent.start and doc[fig.start - 1].text == ":":
        line_start = max([sent.start] + [t.i + 1 for t in doc[sent.start:fig.start - 1] if "\n" in t.text_with_ws])
        label = [t for t in doc[line_start:fig.start - 1] if any(c.isalnum() for c in t.text)]
        # (a label is a name, not a clause: 'Parents were the most worried group: 58% said ...' says who in its
        # subject, which the subject steps read)
        if label and len(label) <= 6 and not any(t.pos_ == "AUX" for t in label) \
                and (_names_people(state, label[-1]) or _breakdown_table(state, fig)):
            return label[0].i, label[-1].i + 1
    return None


def _names_people(state: GroupState, tok: Token) -> bool:
    return state.rules.is_people(tok) or bool(AGE_PLUS.search(tok.text))


def _breakdown_table(state: GroupState, fig: Span) -> bool:
    """A figure's line is one of a run of 'label: N%' lines in which some label names people: a
    breakdown by group, so every label is a group ('nationally: 15%', '18-24 yr olds: 21%', 'London:
    21%', 'Labour: 24%', 'Remainers: 29%'); a run of answers ('Email: 40%') names none."""
    text, doc = state.text, state.doc

    def label_at(pos: int) -> tuple[Optional[TokenSpan], int]:
        """The label (character offsets) of the line starting at ``pos`` if it is a table line, and its end."""
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = LABEL_LINE.fullmatch(text, pos, end)
        return (m.span("label") if m else None), end

    start = text.rfind("\n", 0, fig.start_char) + 1
    labels: list[TokenSpan] = []
    pos = start
    for _ in range(TABLE_REACH):  # the figure's own line, then down
        label, end = label_at(pos)
        if label is None:
            break
        labels.append(label)
        pos = end + 1
    pos = start
    for _ in range(TABLE_REACH - 1 if labels else 0):  # up
        if pos == 0:
            break
        pos = text.rfind("\n", 0, pos - 1) + 1
        label, _end = label_at(pos)
        if label is None:
            break
        labels.append(label)
    if len(labels) < 3:
        return False
    for s, e in labels:
        label = doc.char_span(s, e, alignment_mode="expand")
        if label is not None and _names_people(state, label[-1]):
            return True
    return False


# A place is a breakdown's group where a preposition sets the figure there ('hold the upper hand in Ontario
# (38%)', 'their strongholds of Alberta (62%)', 'followed by the UK (60%)'); as an object ('named China (45%)')
# or a complement ('is Spain (25%)') it is more often an answer.
PLACE_SETTING_PREPS = frozenset({"in", "of", "by", "across", "among", "within"})
PLACE_WORDS = 4  # the longest place name, in tokens ('Washington , D.C.')


def place_of_breakdown(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """A place named right before the figure, its bracket ('in Ontario (38%)', 'Manitoba and Saskatchewan
    (53%)', 'in British Columbia (35% each)') or 'at' ('the highest percentage in India at 78%'), set there by a
    preposition: in a poll's breakdown by region the place is the group."""
    doc = state.doc
    opened = state.rules.open_bracket(doc, fig, sent.start)
    # (past the words that qualify the figure, 'in India at nearly 78%', but not the 'at' of 'at least')
    qualifiers = state.rules.lex.word_set("leading_qualifier_words") - {"at"}
    end = opened if opened is not None else qualifiers_before(doc, fig.start, sent.start, qualifiers) - 1
    if end <= sent.start or doc[end].text not in ("(", "at"):
        return None
    place = _place_ending_at(state, end, sent.start)
    if place is None:
        return None
    start, head = place[0], doc[place[1] - 1]
    if doc[end].text == "at" and not (start > sent.start and doc[start - 1].lower_ == "in"):
        return None  # 'at' only after 'in PLACE': 'in India at 78%'
    while start - 2 >= sent.start and doc[start - 1].lower_ in ("and", "&"):  # 'Manitoba and Saskatchewan'
        before = _place_ending_at(state, start - 1, sent.start)
        if before is None:
            break
        start = before[0]
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if not (first.dep_ == "pobj" and first.head.lower_ in PLACE_SETTING_PREPS or _listed_after_a_bracket(doc, start, sent)):
        return None
    return start, place[1]


def _listed_after_a_bracket(doc: Doc, start: int, sent: Span) -> bool:
    """'followed by the UK (60%) and the US (53%)': a place listed right after another item's bracketed figure is
    an item of the same breakdown, whatever conjunct the parser hangs it on."""
    i = start - 1
    if i >= sent.start and doc[i].lower_ == "the":
        i -= 1
    return i - 1 >= sent.start and doc[i].lower_ in ("and", ",", "or") and doc[i - 1].text == ")"


def _place_ending_at(state: GroupState, end: int, lo: int) -> Optional[TokenSpan]:
    """The longest run of capitalised tokens ending right before ``end`` that the lexicon names a place."""
    doc, places = state.doc, state.rules.lex.word_set("place_names")
    for n in range(min(PLACE_WORDS, end - lo), 0, -1):
        words = doc[end - n:end]
        if words[0].text[:1].isupper() and words.text.lower() in places:
            return words.start, words.end
    return None
