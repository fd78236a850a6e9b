"""The kind of a figure ('share', 'point_change' or 'other') and how a kind spreads to figures
that have no cue of their own: a confident share beside them, the other side of an 'X% vs. Y%'
pair, the other end of a range."""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Doc, Span, Token

from .state import Assignment, GroupState


# A figure that is part of an answer's wording, the share of those who gave it bracketed right after:
# "Increase spending more than 10% (26%)", "Cut prices by 5% (12%)", "A 3% raise or more (41 per cent)".
WORDED_IN_ANSWER_RE = regex.compile(
    r"""(?:[ \t]+(?:or\s+(?:more|less|higher|lower|above|below)|and\s+(?:above|over|up)))?  # "10% or more"
        [ \t]*\([ \t]*\d+(?:\.\d+)?[ \t]*(?:%|per[ \t]?cent|percent)[ \t]*\)""", regex.VERBOSE | regex.I)


def survey_cue(state: GroupState, sent: Span) -> bool:
    """Does the sentence mention a survey, its respondents or what they said?"""
    return not state.words(sent).isdisjoint(state.rules.survey_sentence_cues)


def figure_kind(state: GroupState, fig: Span, sent: Span, of_obj: Optional[Token],
                bracket: Optional[Token]) -> tuple[str, bool]:
    """(kind, decided only by the fallback). A share needs people (or surveyed units) or a survey
    in view; rates, changes and portions of amounts are 'other'."""
    doc, text, rules = state.doc, state.text, state.rules
    if fig._.form == "margin":
        return "share", False  # "backed the plan by a 61 to 30 margin": each side's share of those asked
    text_before = text[max(sent.start_char, fig.start_char - 60):fig.start_char]
    if rules.margin_re.search(text_before):
        return "other", False
    words = state.words(sent)
    if _names_the_gap(fig, rules.difference):
        return "point_change", False
    if fig._.unit == "points":
        if fig._.form == "fraction":
            return "other", False
        rates = words & rules.rate_nouns
        surveyish = words & (rules.survey_context - {"say", "said", "says"})  # "he says" is every news sentence
        return ("other" if rates and not surveyish else "point_change"), False
    if of_obj is not None:
        head = of_obj.lemma_.lower()
        if state.survey_doc and head in rules.lex.word_set("vote_nouns"):
            return "share", False  # a poll's "44 percent of the vote": a share of the people asked
        if head in rules.amount or of_obj.lower_ in rules.amount or head in rules.time_nouns:
            return "other", False
        if rules.is_people(of_obj) or state.names_who_answered(of_obj):
            return "share", False
        return ("share" if survey_cue(state, sent) else "other"), True
    if _answer_bracket(state, fig, sent):
        return "share", False
    if WORDED_IN_ANSWER_RE.match(text, fig.end_char):
        return "other", False
    root = fig.root
    # "10% inflation", "a 3% rise", "100% debt relief": the figure modifies a noun.
    if root.head.i == fig.end and root.head.lower_ in rules.lex.word_set("makeup_words"):
        return "share", False  # "58 percent male", "12% Hispanic": the make-up of the sample
    # (Not a figure glued to the next one: "Ted Cruz17%17%14%" is a table row; a range's ends are one figure.)
    glued = root.head.i in state.stops and fig._.form != "range_low"
    if root.head.i > fig.end - 1 and not glued and root.head.pos_ in ("NOUN", "PROPN") and root.dep_ in (
            "nummod", "amod", "compound", "quantmod", "nmod", "npadvmod"):
        if root.head.i == fig.end and (root.head.lemma_.lower() in rules.mistagged_verbs or _verb_taken_for_noun(fig, sent)):
            # "another 11% plan to ...", "20% practice in groups of ...": the figure is the subject of a verb the
            # tagger took for a noun
            return ("share" if survey_cue(state, sent) or _survey_default(state, sent) else "other"), True
        if root.head.i == fig.end and root.head.lower_.endswith("ing") and not (
                root.head.lower_ in rules.amount or root.head.lemma_.lower() in rules.amount):
            return "other", True  # "31 per cent agreeing, 39 per cent disagreeing": a participle, not a noun
        if not rules.is_people(root.head):
            return "other", False
    # "from just over 5% in 2003 to a record 13.3%": a rate moving, unless it is a share of people
    # ("trust in senior police officers has slumped from 72% in 2003 to only 52% now").
    if _opinion_moving(state, fig, sent):
        return "share", False
    if regex.search(r"\bfrom\s+(?:\w+\s+){0,2}$", text[max(sent.start_char, fig.start_char - 25):fig.start_char], regex.I) and \
            regex.match(r"\s+(?:in\s+\d{4}\s+)?to\b", text[fig.end_char:fig.end_char + 15]):
        return "other", False
    if regex.search(r"\bfrom\s+(?:[\w.%]+\s+){1,4}to\s+(?:a\s+(?:record|new)\s+\w*\s*)?$",
                    text[max(sent.start_char, fig.start_char - 50):fig.start_char], regex.I):
        return "other", False
    nxt = doc[fig.end] if fig.end < len(doc) else None
    if nxt is not None and nxt.lower_ in rules.change_after and not (
            nxt.lower_ in rules.rival_position and nxt.i + 1 < sent.end and doc[nxt.i + 1].tag_ == "VBG") \
            and not _bounds_what_follows(doc, nxt, sent):
        return "other", False  # not "71 per cent behind leaving": behind a choice, not behind a rival
    # "rose 5%", "up by 4.5%", "running at 50%", "a rate of 20%", "sales of 13%"
    gov = root.head
    if root.dep_ == "pobj" and gov.pos_ == "ADP":
        gov2 = gov.head
        if gov.lower_ in rules.rate_preps and (
                gov2.lower_ in rules.change or gov2.lemma_.lower() in rules.change or gov2.lower_ in rules.amount
                or gov2.lemma_.lower() in rules.amount):
            return "other", False
    if root.dep_ in ("dobj", "npadvmod", "advmod", "attr", "acomp") and (
            gov.lemma_.lower() in rules.change or gov.lower_ in rules.change):
        return "other", False
    verb = gov.head if root.dep_ == "pobj" else gov
    if root.dep_ in ("pobj", "attr", "dobj", "acomp", "npadvmod") and verb.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() in rules.measure_nouns and not any(c.lower_ == "of" for c in subj.children):
            return "other", True  # "In 2003 the figure was 29%": the measure before it decides
        if subj is not None and (subj.lemma_.lower() in rules.amount or subj.lower_ in rules.amount):
            return "other", False  # "Resolution rates ... are running at just 50%"
    if root.dep_ == "pobj" and any(t.lower_ in rules.rate_nouns for t in doc[max(sent.start, fig.start - 3):fig.start]):
        return "other", False  # "takes the jobless rate to 12.1%"
    if bracket is not None:
        return ("share", False) if rules.is_people(bracket) or survey_cue(state, sent) else ("other", True)
    if fig.start >= 2 and doc[fig.start - 1].text == "(" and doc[fig.start - 2].lower_ in rules.lex.word_set("vague_quantifiers"):
        return "share", False  # "Most (71%) have no policies": a vague word made exact
    if root.dep_ in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
        if gov.lemma_.lower() in rules.opinion_verbs or gov.lemma_.lower() in rules.reporting or survey_cue(state, sent):
            return "share", False
        return ("share" if fig._.form in ("fraction", "ratio", "count") or _survey_default(state, sent) else "other"), True
    if root.dep_ == "appos" and (gov.lemma_.lower() in rules.amount or gov.lower_ in rules.amount):
        return "other", False
    return ("share" if survey_cue(state, sent) or _survey_default(state, sent) else "other"), True


def _names_the_gap(fig: Span, difference: frozenset[str]) -> bool:
    """'The Remain lead, 12 percent, is the highest yet', 'a lead of 12 percent', 'the gap is 9%': a figure
    that is the gap between two shares, written with '%'; not the two shares themselves ('a 7 point lead
    (48% to 41%)') nor a share of people ('the lead of 40% of voters')."""
    doc = fig.doc
    if fig.start > 0 and doc[fig.start - 1].text == "(" or fig.end < len(doc) and doc[fig.end].lower_ == "of":
        return False
    root, gov = fig.root, fig.root.head
    if root.dep_ == "appos" and gov.lemma_.lower() in difference:
        return not any(t.text == "(" for t in doc[gov.i:fig.start])
    if root.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in difference:
        return True
    if root.dep_ == "attr" and gov.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in difference for c in gov.children)
    return False


def _verb_taken_for_noun(fig: Span, sent: Span) -> bool:
    """'20% practice in groups of 101 doctors', 'Only 14% perceive that they have the time': a sentence that opens
    with its figure and whose only root is the word after it, a singular noun taking a complement as a verb
    would. A noun the figure really modifies ('a 3% rise in prices', '10% inflation.') has a determiner before
    the figure or no complement."""
    head = fig.root.head
    if head.dep_ != "ROOT" or head.tag_ != "NN" or any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sent):
        return False
    opens = all(t.pos_ in ("ADV", "PUNCT", "CCONJ") for t in sent.doc[sent.start:fig.start])
    return opens and any(c.i > head.i and c.dep_ in ("prep", "relcl", "ccomp", "acl", "dobj") for c in head.children)


def _bounds_what_follows(doc: Doc, word: Token, sent: Span) -> bool:
    """'with 55% reporting less than 15 years experience and 45% more than 15 years': 'more than' opens the
    answer's own quantity (a count, not a year or another percentage), not a change of the figure."""
    j = word.i + 1
    if word.lower_ not in ("more", "less", "fewer") or j + 1 >= sent.end or doc[j].lower_ != "than":
        return False
    num = doc[j + 1]
    following = doc[j + 2] if j + 2 < sent.end else None
    year = len(num.text) == 4 and num.text[:2] in ("19", "20")
    return num.like_num and not year and not (following is not None and following.text in ("%", "percent", "per"))


def _answer_bracket(state: GroupState, fig: Span, sent: Span) -> bool:
    """'• Spending will be reduced (33%)', '“Drive sales and grow market share” (45%)': in an article that
    reports a survey, a figure alone in brackets after an answer is the share that gave it, whatever the
    answer talks about."""
    doc = state.doc
    if not state.survey_doc or fig.start <= sent.start:
        return False
    if doc[fig.start - 1].text == "/":  # the second of "(26%/24%)": the other group's answer
        opened = any(t.text == "(" for t in doc[max(sent.start, fig.start - 4):fig.start - 1])
        return opened and fig.end < len(doc) and doc[fig.end].text == ")"
    if doc[fig.start - 1].text != "(":
        return False
    close = fig.end < len(doc) and doc[fig.end].text == ")"
    if fig.end + 1 < len(doc) and doc[fig.end].text == "/":  # "(70%/66%)": two groups' answers
        close = any(t.text == ")" for t in doc[fig.end + 1:min(len(doc), fig.end + 5)])
    of_group = fig.end + 1 < len(doc) and doc[fig.end].lower_ == "of"
    return close or of_group


def _survey_default(state: GroupState, sent: Span) -> bool:
    """In an article that reports a survey, a figure with no construction of its own is a share of its
    respondents ('• Spending will be reduced (33%)', 'Facebook (18%)', 'Donald Trump44%'), unless its
    sentence talks money or rates."""
    if not state.survey_doc:
        return False
    rules = state.rules

    def no_money() -> bool:
        currency = rules.lex.word_set("currency_symbols")
        for tok in sent:
            low = tok.lower_
            if low in rules.rate_nouns or low in rules.amount or tok.lemma_.lower() in rules.amount or tok.text.lower() in currency:
                return False
        return True
    return state.per_sentence("survey_default", sent, no_money)


def _opinion_moving(state: GroupState, fig: Span, sent: Span) -> bool:
    """'trust in X has fallen from 25% in 2003 to only 20% now', 'satisfaction has plunged to 39%': an
    opinion measured in a survey moves like a share of the people who hold it."""
    if not state.survey_doc:
        return False
    verb = fig.root.head.head if fig.root.dep_ == "pobj" else fig.root.head
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            # "the number of retailers focused on opening new stores has increased ..., from 19% to 26%"
            counted = next((o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"), None)
            if subj.lemma_.lower() in state.rules.measure_nouns and counted is not None:
                return state.rules.is_people(counted)
            return subj.lemma_.lower() in state.rules.opinion_measures
        if verb.pos_ in ("VERB", "AUX") and any(t.lemma_.lower() in state.rules.opinion_measures
                                                 for left in verb.lefts for t in left.subtree):
            return True  # "In contrast trust in senior police officers has slumped from 72%": a subject misparsed
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False


# ------------------------------------------------------------ kinds that spread
def kind_from_neighbours(state: GroupState, sent: Span, members: list[int]) -> None:
    """A figure with no cue of its own takes the kind of a confident share beside it (same or previous
    sentence): '17% of readers have switched ... and a further 16% are considering ...'."""
    out = state.assignments
    _kind_from_conjuncts(state, members)
    confident = any(out[n].kind == "share" and not out[n].kind_by_default for n in members) or state.last_sentence_share
    for n in members:
        a = out[n]
        if a.kind == "other" and a.kind_by_default and confident and not a.of_thing:
            a.kind, a.resolved = "share", a.group is not None
    state.last_sentence_share = any(out[n].kind == "share" for n in members)


def _kind_from_conjuncts(state: GroupState, members: list[int]) -> None:
    """'with an increase of 36% for direct mail, 34% for sales promotion, 25% for magazines and 24% for
    newspapers': figures coordinated with one whose kind a construction decided are of its kind."""
    figures, out = state.figures, state.assignments
    by_root = {figures[n].root.i: n for n in members}
    for n in members:
        a = out[n]
        if not a.kind_by_default or a.kind == "point_change":
            continue
        for conj in figures[n].root.conjuncts:
            m = by_root.get(conj.i)
            if m is not None and not out[m].kind_by_default and out[m].kind in ("share", "other"):
                a.kind, a.kind_by_default = out[m].kind, False
                if a.kind == "other":
                    a.group, a.statement, a.resolved = None, None, True
                break


def share_changes(state: GroupState, sent: Span, members: list[int]) -> None:
    """A change in a share written with 'percent' is a point change:
    - after the share's clause: 'one-third of HR professionals ... feel "very satisfied" with their jobs, a 5
      percent decline from last year', '20 percent called themselves ... satisfied, a 5 percent jump';
    - of what people hold: 'a 7 percent drop in respondents’ belief that ...'."""
    doc, figures, out, rules = state.doc, state.figures, state.assignments, state.rules
    for n in members:
        fig, a = figures[n], out[n]
        if a.kind != "other" or fig._.unit != "percent" or fig.end >= sent.end:
            continue
        noun = doc[fig.end]
        if noun.lemma_.lower() not in rules.change_after or noun.pos_ != "NOUN" or fig.root.head.i != noun.i:
            continue
        holder = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"
                       for o in c.children if o.dep_ == "pobj" for p in o.children
                       if p.dep_ == "poss" and rules.is_people(p)), None)
        if holder is not None:  # "a 7 percent drop in respondents' belief"
            a.kind, a.group, a.resolved, a.kind_by_default = "point_change", (holder.i, holder.i + 1), True, False
            continue
        clause = noun.head
        share = any(m != n and figures[m].end <= fig.start and out[m].kind == "share"
                    and (figures[m].root.head.i == clause.i or figures[m].root.head.is_ancestor(clause))
                    for m in members)
        after_comma = noun.left_edge.i > sent.start and doc[noun.left_edge.i - 1].text == ","
        if share and (noun.dep_ in ("npadvmod", "appos") or after_comma):
            a.kind, a.resolved, a.kind_by_default = "point_change", False, False


def range_kinds(state: GroupState, sent: Span, members: list[int]) -> None:
    """The two ends of a range are one figure's kind: the end a construction decided gives its kind
    (and group) to the end the fallback decided."""
    figures, out = state.figures, state.assignments
    for a_n, b_n in zip(members, members[1:]):
        if figures[a_n]._.form == "range_low" and figures[b_n]._.form == "range_high":
            lo, hi = out[a_n], out[b_n]
            if lo.kind != hi.kind and (lo.kind_by_default or hi.kind_by_default):
                src, dst = (hi, lo) if lo.kind_by_default else (lo, hi)
                dst.kind, dst.group, dst.resolved, dst.kind_by_default = src.kind, src.group, src.resolved, False


def same_kind(a: Assignment, b: Assignment) -> None:
    """Two figures compared side by side are the same kind: '(60% vs. 52%)'."""
    for x, y in ((a, b), (b, a)):
        if x.kind == "share" and y.kind == "other" and y.kind_by_default:
            y.kind, y.resolved = "share", y.group is not None
