"""The kind of one figure ('share', 'point_change' or 'other'), decided from what it is a proportion of.

``KIND_RULES`` is read in order, like ``linking.STEPS``: each rule looks at one family of constructions and
either decides the kind, as ``(kind, decided_by_default)``, or passes (``None``). The first rule that decides
wins, and ``fallback`` decides what none of them did. In an article about a survey a figure is a share unless
its base is money, prices, time, rates or a non-respondent count; a figure's period does not change its kind.
The cues that take more than a look at the figure's head are in ``kind_cues``. Each rule is tested on hand-built
parses (tests/test_kind_families.py, tests/test_group_steps.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import regex
from spacy.tokens import Doc, Span, Token

from .. import grammar
from ..phrases import ASIDE_DASHES, PRESENT_VERB_TAGS, opening_aside
from .age_bands import age_band_of
from .among import among_group
from .kind_cues import (bounds_what_follows, bracketed_after_answer, counted_by, names_the_gap, opinion_moves,
                        sides_of_a_gap, survey_default, says_a_clause, verb_after_figure, verb_taken_for_noun,
                        word_after_figure)
from .rules import GroupRules
from .state import GroupState

Verdict = Optional[tuple[str, bool]]  # (kind, decided only by the fallback), or None: the rule does not apply

# A figure that is part of an answer's wording, the share of those who gave it bracketed right after:
# "Increase spending more than 10% (26%)", "Cut prices by 5% (12%)", "A 3% raise or more (41 per cent)".
WORDED_IN_ANSWER_RE = regex.compile(
    r"""(?:[ \t]+(?:or\s+(?:more|less|higher|lower|above|below)|and\s+(?:above|over|up)))?  # "10% or more"
        [ \t]*\([ \t]*\d+(?:\.\d+)?[ \t]*(?:%|per[ \t]?cent|percent)[ \t]*\)""", regex.VERBOSE | regex.I)
ANSWER_REACH = 200  # characters after a figure that its bracketed share may stand in (blank runs are shorter)
# "from just over 5% in 2003 to a record 13.3%": the two ends of a movement.
FROM_BEFORE = regex.compile(r"\bfrom\s+(?:\w+\s+){0,2}$", regex.I)
TO_AFTER = regex.compile(r"\s+(?:in\s+\d{4}\s+)?to\b", regex.I)
FROM_TO_BEFORE = regex.compile(r"\bfrom\s+(?:[\w.%]+\s+){1,4}to\s+(?:a\s+(?:record|new)\s+\w*\s*)?$", regex.I)
NOUN_MODIFIER_DEPS = ("nummod", "amod", "compound", "quantmod", "nmod", "npadvmod")
# Forms that count people out of a whole ('a third', 'two out of three', 'one in four', '6 in 10'): only ever a share
# of whatever they count.
COUNTING_FORMS = ("fraction", "ratio", "count")
# Prepositions between a party, an answer or a group and its figure ('the Liberal Democrats on 19%', 'construction at 42%').
STANDING_PREPS = ("at", "on")
# What a figure that stands for people is to its clause: its subject, object or complement, or the clause itself.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos", "ROOT"})


@dataclass(frozen=True)
class FigureView:
    """What the kind rules read about one figure: the figure, its sentence, the noun after its "of" and the
    noun its bracket restates (either may be None), and the parse around it."""

    state: GroupState
    fig: Span
    sent: Span
    of_obj: Optional[Token]
    bracket: Optional[Token]

    @property
    def doc(self) -> Doc:
        return self.state.doc

    @property
    def rules(self) -> GroupRules:
        return self.state.rules

    @property
    def text(self) -> str:
        return self.state.text

    @property
    def root(self) -> Token:
        return self.fig.root

    @property
    def gov(self) -> Token:
        return self.fig.root.head

    def text_before(self, reach: int) -> str:
        """Up to ``reach`` characters of the sentence before the figure."""
        return self.text[max(self.sent.start_char, self.fig.start_char - reach):self.fig.start_char]


KindRule = Callable[[FigureView], Verdict]


def survey_cue(state: GroupState, sent: Span) -> bool:
    """Does the sentence mention a survey, its respondents or what they said?"""
    return not state.sentence_words(sent).isdisjoint(state.rules.lex.word_set("survey_sentence_cues"))


def _default_share(v: FigureView) -> bool:
    """A share by default: the sentence talks of a survey, or the article reports one and the sentence talks
    no money or rates."""
    return survey_cue(v.state, v.sent) or survey_default(v.state, v.sent)


# ------------------------------------------------------------ the rules, in the order they are read
def margin_sides(v: FigureView) -> Verdict:
    """'backed the plan by a 61 to 30 margin': each side is the share of those asked who took it."""
    return ("share", False) if v.fig._.form == "margin" else None


def margin_of_error(v: FigureView) -> Verdict:
    """'a margin of error of plus or minus 3 points': not about respondents."""
    return ("other", False) if v.rules.margin_re.search(v.text_before(60)) else None


def stated_gap(v: FigureView) -> Verdict:
    """'The Remain lead, 12 percent', 'a lead of 12 percent', 'the gap is 9%': the gap between two shares."""
    return ("point_change", False) if names_the_gap(v.fig, v.rules.lex.word_set("difference_words")) else None


def sides_of_a_lead(v: FigureView) -> Verdict:
    """'a 23 point lead (59 percent-36 percent)', 'Labour lead the Conservatives by 39% to 34%': each side of a stated
    lead is the share of those who took it (``sides_of_a_gap``)."""
    if v.fig._.unit != "percent":
        return None
    return ("share", False) if sides_of_a_gap(v.text, v.state.neighbours(v.fig), v.fig, v.sent,
                                              v.rules.lex.word_set("difference_words")) else None


def points(v: FigureView) -> Verdict:
    """A figure in points is a change in a share, unless it is a fraction or the sentence talks rates and no
    survey ('interest rates rose by a quarter of a point')."""
    if v.fig._.unit != "points":
        return None
    if v.fig._.form == "fraction":
        return "other", False
    words, lex = v.state.sentence_words(v.sent), v.rules.lex
    rates = words & lex.word_set("rate_nouns")
    surveyish = words & (lex.word_set("survey_context_words") - {"say", "said", "says"})  # "he says" is every news sentence
    return ("other" if rates and not surveyish else "point_change"), False


def of_object(v: FigureView) -> Verdict:
    """'X% of M': what M is decides ('44 percent of the vote' in a poll, '23% of annual sales', '60% of
    marketers', '69% of brands' after brands answered)."""
    if v.of_obj is None:
        return None
    rules, of_obj = v.rules, v.of_obj
    if age_band_of(v.state, v.fig, v.sent) is not None:
        return "share", False  # "a quarter of those 45+", whatever the parser made the object of 'of': people of an age
    head = of_obj.lemma_.lower()
    if v.state.survey_doc and head in rules.lex.word_set("vote_nouns"):
        return "share", False  # a poll's "44 percent of the vote": a share of the people asked
    if rules.is_amount(of_obj) or head in rules.lex.word_set("time_nouns"):
        return "other", False
    if rules.is_people(of_obj) or v.state.names_who_answered(of_obj):
        return "share", False
    if _says_or_thinks(v):
        return "share", False  # '13% of IT techies reported they ...': what says or thinks is people
    if any(c.dep_ == "poss" and c.lower_ in grammar.POSSESSIVE_PRONOUNS for c in of_obj.children):
        return "other", False  # 'a fifth of their workload', '21% of their time', '5% of its value': a part of
        # something of theirs, not of people
    return ("share" if survey_cue(v.state, v.sent) else "other"), True


def _says_or_thinks(v: FigureView) -> bool:
    """Is the figure the subject of a verb of saying or thinking ('said', 'reported', 'believe')?"""
    root, verb = v.root, v.gov
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    return lemma in v.rules.lex.word_set("opinion_verbs") or (
        lemma in v.rules.lex.word_set("reporting_verbs") and lemma not in grammar.AUXILIARY_VERBS)


def answer_bracket(v: FigureView) -> Verdict:
    """'• Spending will be reduced (33%)': alone in brackets after an answer, the share that gave it."""
    return ("share", False) if bracketed_after_answer(v.state, v.fig, v.sent) else None


def worded_in_answer(v: FigureView) -> Verdict:
    """'Increase spending more than 10% (26%)': the first figure is part of the answer's wording."""
    end = min(len(v.text), v.fig.end_char + ANSWER_REACH)  # the regex module's match costs the text's length
    return ("other", False) if WORDED_IN_ANSWER_RE.match(v.text, v.fig.end_char, end) else None


def saying_a_clause(v: FigureView) -> Verdict:
    """'and 83% state it provides a competitive edge', '83% insist it provides ...', 'Just 43% note advertising's
    importance will accelerate': the figure leads its clause and the word after it says a clause with a subject
    of its own (``kind_cues.says_a_clause``), however the parser read that word: people saying something, a share
    whatever the clause speaks of, money included."""
    fig = v.fig
    return ("share", False) if fig.end < v.sent.end and says_a_clause(fig, v.sent, v.rules, v.doc[fig.end]) else None


def counted_out_of_whole(v: FigureView) -> Verdict:
    """'seven out of 10 regions', 'seven of the 10 sectors', 'nine in 10 hospitals': things counted out of a whole
    are a share of those things (the guide's "X of the Y <things>"), whatever the sentence says happened in them;
    not an amount or a time ('one in five pounds', 'two out of three years')."""
    if v.fig._.form not in ("ratio", "count"):
        return None
    noun = v.rules.following_noun(v.doc, v.fig, v.sent)
    lex = v.rules.lex
    # (as written: 'markets' is listed an amount, 'sectors' only through its lemma 'sector', "23% of the sector")
    if noun is None or noun.tag_ not in ("NNS", "NNPS") or noun.lower_ in lex.word_set("amount_nouns") \
            or noun.lower_ in lex.word_set("time_nouns") or noun.lemma_.lower() in lex.word_set("time_nouns"):
        return None
    return "share", False


def verb_of_answering(v: FigureView) -> Verdict:
    """'Some 60% cite cost', 'Some 28% cited cost as the main barrier', '86% select regulation as ...', 'only 23%
    worry': a figure that leads its clause, followed by a verb of intent, stance or choice that the tagger takes for
    a noun, an adjective or a modifier (``kind_cues.verb_after_figure``): a share, whatever its object speaks of
    (money too)."""
    return ("share", False) if verb_after_figure(v.fig, v.sent, v.rules) else None


def modifies_a_noun(v: FigureView) -> Verdict:
    """'10% inflation', 'a 3% rise', '58 percent male': the noun the figure modifies decides, unless it is a
    verb the tagger took for a noun ('another 11% plan to', '20% practice in groups of')."""
    rules, root, fig = v.rules, v.root, v.fig
    head = root.head
    if head.i == fig.end and head.lower_ in rules.lex.word_set("makeup_words"):
        return "share", False  # "58 percent male", "12% Hispanic": the make-up of the sample
    # (Not a figure glued to the next one: "Ted Cruz17%17%14%" is a table row; a range's ends are one figure.)
    glued = head.i in v.state.stops and fig._.form != "range_low"
    if not (head.i > fig.end - 1 and not glued and head.pos_ in ("NOUN", "PROPN") and root.dep_ in NOUN_MODIFIER_DEPS):
        return None
    if any(t.text == ")" for t in v.doc[fig.end:head.i]) and rules.open_bracket(v.doc, fig, v.sent.start) is not None:
        return None  # "two-thirds of marketers (66 percent) state ...": a bracketed figure modifies nothing past it
    if v.doc[fig.end].text in ASIDE_DASHES and fig.end < head.i and opening_aside(
            v.doc, fig.start, fig.end, v.sent.start, v.sent.end, rules.lex.word_set("leading_qualifier_words")) is not None:
        return None  # "Most nurses - 72% - work unpaid overtime": nor one set off by a pair of dashes
    after = word_after_figure(fig)
    if after is not None and (after.i == head.i and after.lemma_.lower() in rules.lex.word_set("mistagged_verbs")
                              or after.i != head.i and after.tag_ in PRESENT_VERB_TAGS
                              or verb_taken_for_noun(fig, v.sent, rules, after)):
        # the figure is the subject of a verb the tagger took for a noun, or that the parser made a compound of
        # its object ('almost half report malnutrition': 'report' tagged VBP, a compound of 'malnutrition')
        return ("share" if _default_share(v) else "other"), True
    if fig._.form in COUNTING_FORMS and rules.people_ending_run(v.doc, fig.end, v.sent.end) is not None:
        return "share", False  # "one in 11 marketing and IT executives say", however the parser cuts the run
    if head.i == fig.end and head.lower_.endswith("ing") and not rules.is_amount(head) and not (
            head.dep_ in ("compound", "nmod") and head.head.i > head.i):  # not 'marketing' of 'marketing executives'
        return "other", True  # "31 per cent agreeing, 39 per cent disagreeing": a participle, not a noun
    # ("two in three estate professionals": the parser may hang the figure on the first word of a compound)
    # ("one in 5 marketing and IT executives": or on a word that modifies the people noun further on)
    noun = head
    while noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if noun.pos_ == "NOUN" and noun.lower_ in rules.lex.word_set("vague_quantifiers"):
        return "share", False  # "a 55 percent majority of white voters approved": the figure sizes a part of them
    if not rules.is_people(noun):
        return "other", False
    # "Nearly two out of three estate professionals rated ...", "one in four parents": people counted out of a
    # whole, whatever the verb (a percentage before a people noun is left to the rules after: '45% Democrats')
    return ("share", False) if fig._.form in COUNTING_FORMS else None


def opinion_moving(v: FigureView) -> Verdict:
    """'trust in senior police officers has slumped from 72% in 2003 to only 52% now', 'The proportion of
    pharmacists ... who experienced stress remained at 82%': an opinion measured in a survey, or a measure of
    people, moves like a share of the people who hold it; the amount it moved by ('has declined by 4% from 14% in
    2012 to 10% in 2013', 'rose 5%') is a change in that share."""
    if not opinion_moves(v.state, v.fig, v.sent):
        return None
    root, gov, rules = v.root, v.gov, v.rules
    # the amount it moved by: the figure right after 'by' ('by 5% to 33%' may be parsed with 33% the object of 'by')
    by_amount = root.dep_ == "pobj" and gov.lower_ == "by" and not any(
        t.like_num or t.lower_ == "to" for t in v.doc[gov.i + 1:v.fig.start])
    changed = gov.head if by_amount else gov if root.dep_ in ("dobj", "npadvmod") else None
    if changed is not None and rules.is_change(changed) and _measure_of_people(_subject(changed), rules):
        return "point_change", False  # (an opinion 'has dropped by 23%' may be a relative change: left a share)
    return "share", False


def _measure_of_people(subj: Optional[Token], rules: GroupRules) -> bool:
    """'The proportion of respondents ...', 'the share of nurses ...': a measure that counts people."""
    if subj is None or subj.lemma_.lower() not in rules.lex.word_set("measure_nouns"):
        return False
    counted = counted_by(subj)
    return counted is not None and rules.is_people(counted)


def movement(v: FigureView) -> Verdict:
    """'from just over 5% in 2003 to a record 13.3%': a rate moving (opinions were read just before)."""
    if FROM_BEFORE.search(v.text_before(25)) and TO_AFTER.match(v.text[v.fig.end_char:v.fig.end_char + 15]):
        return "other", False
    if FROM_TO_BEFORE.search(v.text_before(50)):
        return "other", False
    return None


def change_after(v: FigureView) -> Verdict:
    """'12% higher', '5% more', '4% behind': a change or a relative difference, not '71 per cent behind
    leaving' (behind a choice) nor 'more than 15 years' (the answer's own quantity)."""
    doc, rules, sent = v.doc, v.rules, v.sent
    nxt = doc[v.fig.end] if v.fig.end < len(doc) else None
    if nxt is None or nxt.lower_ not in rules.lex.word_set("change_after_figure"):
        return None
    if nxt.lower_ in grammar.RIVAL_POSITION_WORDS and nxt.i + 1 < sent.end and doc[nxt.i + 1].tag_ == "VBG":
        return None
    return None if bounds_what_follows(doc, nxt, sent) else ("other", False)


def level_for_group(v: FigureView) -> Verdict:
    """A change to a level, in a clause that names the people it is of ('this rose to 40% for pharmacists
    working at the multiples'): their share (``GroupRules.level_group``)."""
    return ("share", False) if v.rules.level_group(v.fig) is not None else None


def standing_at(v: FigureView) -> Verdict:
    """'with the Liberal Democrats on 19%', 'and the New Democrats at 80 per cent', 'construction at 42% and business
    services at 39%': a party, an answer or a group named right before 'at' or 'on' and the figure, in an article that
    reports a survey, is the share that chose it or that it counts. Not where the sentence talks rates ('left interest
    rates on hold at 4.75%'), nor after an amount ('sales at 5%')."""
    root, gov, doc, rules = v.root, v.gov, v.doc, v.rules
    if not (v.state.survey_doc and root.dep_ == "pobj" and gov.lower_ in STANDING_PREPS and v.sent.start < gov.i):
        return None
    if any(t.pos_ not in ("ADV", "ADJ") for t in doc[gov.i + 1:v.fig.start]):
        return None  # (only a qualifier between: 'at just 50%')
    named = doc[gov.i - 1]
    if named.pos_ not in ("NOUN", "PROPN") or rules.is_amount(named) or named.lower_ in rules.lex.word_set("time_nouns"):
        return None
    if v.state.sentence_words(v.sent) & rules.lex.word_set("rate_nouns"):
        return None
    return "share", False


def rate_preposition(v: FigureView) -> Verdict:
    """'rose by 5%', 'running at 50%', 'a rate of 20%', 'sales of 13%': a preposition of rate after a change
    or an amount."""
    root, gov, rules = v.root, v.gov, v.rules
    if root.dep_ == "pobj" and gov.pos_ == "ADP" and gov.lower_ in grammar.RATE_PREPS and (
            rules.is_change(gov.head) or rules.is_amount(gov.head)) and not _hung_on_a_fronted_phrase(v):
        if _is_bare_measure(_subject(gov.head), rules):
            return None  # "that figure has now fallen to 25%": the measure's own earlier figure decides (below)
        if gov.lower_ == "of" and gov.head.lemma_.lower() in rules.lex.word_set("measure_nouns"):
            return "other", True  # "a drop from the figures of 75% and 70% in 2011": what the measure measured
            # decides, the figures beside it (an amount's 'a figure of 5%' stays other)
        return "other", False
    return None


def _subject(verb: Token) -> Optional[Token]:
    """The verb's subject; for a verb with none that completes another ('The deficit is thought to be more than
    10%', 'is expected to reach'), that verb's."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "xcomp":
            return subj
        verb = verb.head
    return None


def _is_bare_measure(subj: Optional[Token], rules: GroupRules) -> bool:
    """Is ``subj`` a measure that names no 'of' ('that figure', 'The share saying so')? It stands for an earlier
    figure, whose kind a level it moves to keeps."""
    return (subj is not None and subj.lemma_.lower() in rules.lex.word_set("measure_nouns")
            and not any(c.lower_ == "of" for c in subj.children))


def object_of_change(v: FigureView) -> Verdict:
    """'rose 5%', 'up 4.5%': the figure is what a change word takes."""
    if v.root.dep_ in ("dobj", "npadvmod", "advmod", "attr", "acomp") and v.rules.is_change(v.gov):
        return "other", False
    return None


def measured_subject(v: FigureView) -> Verdict:
    """'In 2003 the figure was 29%', 'Resolution rates ... are running at just 50%': the subject of the verb
    the figure completes is a measure or an amount."""
    root, gov, rules = v.root, v.gov, v.rules
    verb = gov.head if root.dep_ == "pobj" else gov
    if root.dep_ not in ("pobj", "attr", "dobj", "acomp", "npadvmod") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject(verb)
    if subj is None:
        return None
    if _is_bare_measure(subj, rules):
        if among_group(v.state, v.fig, v.sent) is not None:
            return "share", False  # "The figure was 52% among women", "Among women, the figure is 52%": their share
        return "other", True  # the measure before it decides
    if rules.is_amount(subj):
        if _opinion_rating(subj, rules) and among_group(v.state, v.fig, v.sent) is not None:
            return "share", False  # "Trump's approval rating among all voters was 48 percent": those approving
        return "other", False
    return None


def _opinion_rating(measure: Token, rules: GroupRules) -> bool:
    """'approval rating', 'satisfaction score': a measure of an opinion, whose level among people is the share of them
    who hold it (a company's 'customer satisfaction rating of 70%' is set among no one)."""
    opinions = rules.lex.word_set("opinion_measures")
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in opinions for c in measure.children)


def _restates_people(v: FigureView) -> bool:
    twin = v.fig._.restates
    if twin is None or not v.sent.start <= twin.start < v.fig.start:
        return False
    rules, doc = v.rules, v.doc
    # what it counts: the object of its "of", else the last noun between it and the figure ('three in five
    # advertisers (58%)', however the parser hangs 'advertisers')
    nouns = [t for t in doc[twin.end:v.fig.start] if t.pos_ in ("NOUN", "PROPN")]
    head = rules.of_object(doc, twin, v.sent) or (nouns[-1] if nouns else None)
    return head is not None and rules.is_people(head)


def rate_noun_before(v: FigureView) -> Verdict:
    """'takes the jobless rate to 12.1%'."""
    doc, fig, rates = v.doc, v.fig, v.rules.lex.word_set("rate_nouns")
    if v.root.dep_ == "pobj" and any(t.lower_ in rates for t in doc[max(v.sent.start, fig.start - 3):fig.start]):
        return "other", False
    return None


def restated_in_bracket(v: FigureView) -> Verdict:
    """'marketers (60%)': the noun the bracket follows, or a survey in the sentence. A figure that restates people
    counted out of a whole ('three in five advertisers (58%)', 'two-thirds of marketers (66 percent)') is a share
    of them, as the words it restates are."""
    if v.bracket is None:
        return ("share", False) if _restates_people(v) else None
    return ("share", False) if v.rules.is_people(v.bracket) or survey_cue(v.state, v.sent) else ("other", True)


def vague_word_made_exact(v: FigureView) -> Verdict:
    """'Most (71%) have no policies'."""
    doc, fig = v.doc, v.fig
    opened = v.rules.open_bracket(doc, fig, v.sent.start)
    if opened is not None and opened >= 1 and doc[opened - 1].lower_ in v.rules.lex.word_set("vague_quantifiers"):
        return "share", False
    return None


def _hung_on_a_fronted_phrase(v: FigureView) -> bool:
    """'Of the CEOs, 33% in 2007 considered ...', parsed with the figure an object of 'Of': a comma between the
    preposition and the figure says the preposition leads a fronted phrase, not the figure's own."""
    return v.root.dep_ == "pobj" and any(t.text == "," for t in v.doc[v.gov.i + 1:v.fig.start])


def set_among_people(v: FigureView) -> Verdict:
    """'Among Americans, 28% have no emergency savings', 'Of all CHROs, 84% expect ...', 'Trump attracts 44 percent of
    the vote among Republicans': a figure whose clause is set among people is a share of them, whatever its verb
    (a change or an amount was decided above). Only a figure that is an argument of its clause: not one a
    preposition governs ('a rating of 91%-100%'), unless the parser hung it on the fronted phrase itself ('Of the
    CEOs, 33% ...'), nor one that modifies a noun."""
    if v.root.dep_ not in ARGUMENT_DEPS and not _hung_on_a_fronted_phrase(v):
        return None
    return ("share", False) if among_group(v.state, v.fig, v.sent) is not None else None


def subject_of_verb(v: FigureView) -> Verdict:
    """'41% said', '12% believe': the subject of an opinion or reporting verb; of another verb, a share by
    default (always for fractions, ratios and counts)."""
    root, gov = v.root, v.gov
    if root.dep_ not in ("nsubj", "nsubjpass") or gov.pos_ not in ("VERB", "AUX"):
        return None
    if _says_or_thinks(v) or survey_cue(v.state, v.sent):
        return "share", False
    return ("share" if v.fig._.form in COUNTING_FORMS or survey_default(v.state, v.sent) else "other"), True


def apposition_to_amount(v: FigureView) -> Verdict:
    """'sales, 12%,': in apposition to an amount."""
    if v.root.dep_ == "appos" and v.rules.is_amount(v.gov):
        return "other", False
    return None


def fallback(v: FigureView) -> tuple[str, bool]:
    """No rule decided: a share where the survey is in view, else other; both by default."""
    return ("share" if _default_share(v) else "other"), True


KIND_RULES: tuple[tuple[str, KindRule], ...] = (
    ("margin_sides", margin_sides),
    ("margin_of_error", margin_of_error),
    ("stated_gap", stated_gap),
    ("sides_of_a_lead", sides_of_a_lead),
    ("points", points),
    ("of_object", of_object),
    ("answer_bracket", answer_bracket),
    ("worded_in_answer", worded_in_answer),
    ("saying_a_clause", saying_a_clause),
    ("counted_out_of_whole", counted_out_of_whole),
    ("verb_of_answering", verb_of_answering),
    ("modifies_a_noun", modifies_a_noun),
    ("opinion_moving", opinion_moving),
    ("movement", movement),
    ("change_after", change_after),
    ("level_for_group", level_for_group),
    ("standing_at", standing_at),
    ("rate_preposition", rate_preposition),
    ("object_of_change", object_of_change),
    ("measured_subject", measured_subject),
    ("rate_noun_before", rate_noun_before),
    ("restated_in_bracket", restated_in_bracket),
    ("vague_word_made_exact", vague_word_made_exact),
    ("set_among_people", set_among_people),
    ("subject_of_verb", subject_of_verb),
    ("apposition_to_amount", apposition_to_amount),
)


def decide_kind(view: FigureView) -> tuple[str, str, bool]:
    """(the deciding rule's name, kind, decided by default): for tests and for reading why."""
    for name, rule in KIND_RULES:
        verdict = rule(view)
        if verdict is not None:
            return (name, *verdict)
    return ("fallback", *fallback(view))


def figure_kind(state: GroupState, fig: Span, sent: Span, of_obj: Optional[Token],
                bracket: Optional[Token]) -> tuple[str, bool]:
    """(kind, decided only by the fallback), by the first rule of ``KIND_RULES`` that decides."""
    _, kind, by_default = decide_kind(FigureView(state, fig, sent, of_obj, bracket))
    return kind, by_default
