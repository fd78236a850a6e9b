"""Steps 1-3: the group a sentence states for each of its figures, read off the parse.

1. after the figure: "60% of marketers and IT types";
2. before it, with the figure in brackets: "those who say the relationship is very effective (48%)";
3. as the thing measured: "The percentage of respondents who said ... is 46%".
"""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..phrases import extend_defining_tail, head_with_determiner, is_anaphoric, is_break, trim_phrase
from .discourse import resolve_anaphor
from .kind_rules import figure_kind
from .rules import bracket_holds_more_figures
from .state import GroupState, TokenSpan

# An age band written right before a figure's bracket: "those aged 35-54 (72%)", "adults ages 65 and older (30%)".
AGE_BAND_BEFORE = regex.compile(
    r"""(?P<who>\b[^\W\d_][\w-]*)[ \t]+
        (?P<band>(?:aged?|ages)[ \t]+\d+(?:[ \t]*(?:-|\u2013|to)[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger))?)
        [ \t]*\([ \t]*$""", regex.VERBOSE | regex.I)

LEAD_PREPS = frozenset({"among", "with"})  # "a lead among men", "a lead with independents"
# An item of a list of answers: a line that ends with its share in brackets, "• YouTube (20%)".
ANSWER_LINE = regex.compile(r"\(\s*\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)\s*\)\s*$", regex.I)
MAX_ANSWER_LINES = 30  # how far up a list of answers is followed to find its question

# Words that name who by age or range: "ages 50+", "aged 18-34", "over 65", "under 25".
DEFINING_HEAD = regex.compile(r"^(?:age[sd]?|over|under|between)\s+\d", regex.I)
AGE_PLUS = regex.compile(r"\d\+$")  # "50+": is_people already reads "18-24 yr olds", "over-55s"
# An age band written right after a figure: "81 percent 30 and older", "45% aged 18 to 24", "52% 65 and over".
AGE_BAND_AFTER = regex.compile(
    r"""[ \t]+(?:(?:aged?|ages)[ \t]+\d+(?:[ \t]*(?:-|\u2013|to)[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up))?
              |\d+[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger))\b\+?""", regex.VERBOSE | regex.I)

# An age band after "of" and the word it restricts: "55 percent of those ages 35 to 49", "17% of voters aged 18
# to 24", "40% of those over 65", "a third of those 45+" (the parser seldom keeps "ages 35 to 49" on "those").
AGE_BAND_OF = regex.compile(
    r"""[ \t]+of[ \t]+(?:the[ \t]+)?(?P<who>[^\W\d_][\w-]*)[ \t]+
        (?P<band>(?:aged?|ages)[ \t]+\d+(?:[ \t]*(?:-|\u2013|to)[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger))?
                |(?:over|under)[ \t]+\d+
                |\d+(?:\+|[ \t]*(?:-|\u2013|to)[ \t]*\d+|[ \t]+(?:and|or)[ \t]+(?:older|over|above|up|under|younger)))
        (?![\w%])\+?""", regex.VERBOSE | regex.I)


def own_groups(state: GroupState, sent: Span, members: list[int]) -> None:
    """Steps 1-3: kind, time, statement and the group the sentence states for each figure."""
    doc, text, rules = state.doc, state.text, state.rules
    figures, out = state.figures, state.assignments
    for n in members:
        fig, a = figures[n], out[n]
        of_obj = rules.of_object(doc, fig, sent) or _shared_of(state, fig, sent, members)
        bracket = rules.bracket_head(doc, fig, sent) if of_obj is None else None
        a.kind, a.kind_by_default = figure_kind(state, fig, sent, of_obj, bracket)
        a.of_thing = of_obj is not None and not rules.is_people(of_obj)
        a.time = rules.time_after(doc, text, fig.end_char, sent)
        if a.kind == "other" and not a.kind_by_default:
            a.resolved = True
            continue  # a default 'other' may still turn out a share: find its group all the same
        if a.kind == "point_change":
            continue
        _assign_own_group(state, sent, members, n, of_obj, bracket)
        if a.group is not None and a.group[0] >= fig.end and a.time is None:
            a.time = rules.time_after(doc, text, doc[a.group[1] - 1].idx + len(doc[a.group[1] - 1]), sent)


def _named_by_asking(head: Token, lex: Lexicon) -> bool:
    """'those companies questioned': a demonstrative with a survey participle names the respondents, it does
    not point back."""
    return any(c.dep_ in ("acl", "amod") and c.lower_ in lex.word_set("survey_participles") for c in head.children)


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
    a.statement = rules.statement(doc, fig, sent, stops)
    population = (_population_bracket(state, fig, sent) or _age_band_after(state, fig, sent)
                  or _age_band_before(state, fig, sent) or _age_band_of(state, fig, sent))
    if population is not None:
        a.group, a.resolved = population, True
        return
    root = fig.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in rules.lex.word_set("average_nouns"):
        a.group, a.resolved = None, True  # "compared to the global average of 31 per cent": every country's, no group
        return
    if of_obj is not None and of_obj.lemma_.lower() in rules.lex.word_set("vote_nouns"):
        of_obj = None  # "44 percent of the vote among Republicans": the vote is what they give, not who
    if bracket is not None and _answer_under_question(state.text, fig.start_char):
        bracket = None  # "What is your preferred social media site? • YouTube (20%)": an answer, not who
    if of_obj is None:
        bracket = _answer_giver(state, fig, sent, bracket) or bracket
    counted = None if (of_obj or bracket) else rules.copula_subject(doc, fig, sent)
    head = (of_obj or bracket or rules.following_noun(doc, fig, sent) or counted or _among(state, fig, sent)
            or _lead_among(state, fig, sent) or _restated_noun(state, fig, sent) or _with_after_copula(state, fig, sent))
    if head is None:
        named = _named_beside(state, fig, sent) or _respondents_of_answer(state, fig, sent)
        if named is not None:
            a.group, a.resolved = named, True
        return
    span = trim_phrase(doc, head, rules.lex, stop_tokens=stops, limit=limit)
    if span is None:
        return
    if of_obj is not None and head.i == of_obj.i and fig.root.dep_ not in ("nsubj", "nsubjpass"):
        span = _drop_predicate_participle(head, span)
    if counted is not None and head.i == counted.i:
        span = _drop_counted_clause(head, span)
    span = extend_defining_tail(doc, _extend_coordination(state, fig, head, span, limit), limit, stops)
    twin = fig._.restates
    if twin is not None and span[0] <= twin.start < span[1] and twin.end < span[1]:
        span = (twin.end, span[1])  # "three in five advertisers (58 per cent)": the ratio is the figure, not the group
    if is_anaphoric(head_with_determiner(doc, head, span), rules.lex) and not _named_by_asking(head, rules.lex):
        recent = state.previous_groups + [out[m].group for m in members if m < n and out[m].group and out[m].kind == "share"]
        a.group = resolve_anaphor(state, head_with_determiner(doc, head, span), recent)
        a.resolved = a.group is not None
    else:
        a.group, a.resolved = span, True
        a.elliptic = all(t.pos_ in ("ADJ", "ADV") for t in doc[span[0]:span[1]])


def _among(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """A group the clause is set in, when it names people (or, for a regional breakdown, a place):
    - up front: 'Among those who use Internet advertising, just 14 per cent say ...', 'Of those workers
      that received a pay hike, 54% saw ...', 'Of these organizations that have been targeted, 71.3% ...';
    - after the figure, on its verb: 'Trump attracts 44 percent of the vote among self-identified
      Republicans';
    - inside the figure's own clause, on what is measured: 'Backing for another referendum among Labour
      Party supporters was at 78 percent', 'Support for the tax among Republicans stands at 35 percent',
      'Confidence ... has fallen ... among Scottish nurses, from 82% in 2009 to 30%';
    - leading the figure's clause after a comma, wherever the parser hangs it: '... and among the middle
      and upper classes, it was just 19 per cent'."""
    doc = state.doc
    verb = fig.root.head if fig.root.dep_ != "pobj" else fig.root.head.head
    preps = state.per_sentence("among_of", sent, lambda: [t for t in sent if t.dep_ in ("prep", "conj")
                                                          and t.lower_ in state.rules.lex.word_set("group_setting_preps")])
    for tok in preps:
        if tok.i in range(fig.start, fig.end):
            continue
        fronted = tok.i < fig.start and (tok.lower_ == "among" and tok.head.pos_ in ("VERB", "AUX")
                                         or tok.lower_ == "of" and _fronted(doc, tok, fig, sent)
                                         and not _other_subject(tok.head, fig, state.rules.lex))
        if tok.dep_ == "conj" and not (tok.lower_ == "among" and _leads_clause(doc, tok, fig, verb)):
            continue  # a preposition the parser took for a conjunct only counts when it leads the clause
        if tok.i < fig.start and tok.lower_ in state.rules.lex.word_set("breakdown_place_preps") and _fronted(doc, tok, fig, sent) \
                and not _other_subject(tok.head, fig, state.rules.lex):
            place = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "PROPN"
                          and c.lower_ not in state.rules.lex.word_set("month_names")), None)
            if place is not None:
                return place  # a regional breakdown: "In British Columbia, 69% support ...", "Within Quebec, ..."
            band = next((c for c in tok.children if c.dep_ == "pobj"
                         and c.lower_ in state.rules.lex.word_set("breakdown_nouns")), None)
            if band is not None:
                return band  # "In the 18 to 34 category, 40 per cent wanted ...", "In the over-65 age group, ..."
        after = tok.i >= fig.end and tok.lower_ == "among" and tok.head.i in (verb.i, fig.root.i, fig.root.head.i)
        inside = tok.i < fig.start and tok.lower_ == "among" and (_clause_verb(tok).i == verb.i
                                                                  or _leads_clause(doc, tok, fig, verb))
        if not (fronted or after or inside):
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and (obj.lower_ in state.rules.lex.word_set("plural_demonstratives") or state.rules.is_people(obj)):
            return obj
    return None


def _lead_among(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """'had the same lead among those aged 30 to 44, getting 53 percent support to Trump's 36 percent', 'garnered a
    near double-digit lead with independents, receiving 46 percent support', 'extended their lead among male
    voters (39%, to 28% for the NDP)': a lead (gap, edge) among a group sets the group of the shares that make it.
    The nearest such group before the figure, else one the lead names right after it."""
    rules = state.rules
    found = [t for t in sent if t.lower_ in LEAD_PREPS and t.head.lemma_.lower() in rules.difference]
    for tok in sorted(found, key=lambda t: (t.i > fig.start, -t.i if t.i < fig.start else t.i)):
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and (obj.lower_ in rules.lex.word_set("plural_demonstratives") or rules.is_people(obj)):
            return obj
    return None


def _leads_clause(doc: Doc, prep: Token, fig: Span, verb: Token) -> bool:
    """'among M, it was 19 per cent', 'among M, 19 per cent said': the phrase and a comma come right
    before the figure's clause, which starts with its subject or the figure itself."""
    end = prep.right_edge.i + 1
    if end + 1 >= fig.end or doc[end].text != ",":
        return False
    nxt = doc[end + 1]
    return fig.start <= nxt.i < fig.end or (nxt.head.i == verb.i and nxt.dep_ in ("nsubj", "nsubjpass", "expl"))


NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "amod", "compound"})


def _answer_under_question(text: str, at: int) -> bool:
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


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a token sits in (the sentence root when no verb is above it). A gerund used
    as a noun ('Backing for ... was at 78 percent') is not a clause of its own."""
    head = tok.head
    while (head.pos_ not in ("VERB", "AUX") or head.dep_ in NOMINAL_DEPS) and head.head.i != head.i:
        head = head.head
    return head


CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"})


def _answer_giver(state: GroupState, fig: Span, sent: Span, bracket: Optional[Token]) -> Optional[Token]:
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
    if fig.start - 2 < sent.start or doc[fig.start - 1].text != "(":
        return None
    if bracket_holds_more_figures(doc, fig, sent):
        return None  # "(83% of very effective vs. 51% of effective)": a pair, read by position
    tok, crossed, best = bracket if bracket is not None else doc[fig.start - 2], False, None
    while tok.head.i != tok.i and sent.start <= tok.head.i < sent.end:
        crossed = crossed or tok.dep_ in CLAUSE_DEPS
        if tok.dep_ == "attr" or tok.lower_ in rules.lex.word_set("comparing_words") or (
                tok.dep_ in ("nsubj", "nsubjpass") and rules.is_people(rules.counted_noun(tok))):
            break  # the bracket is on a people subject's side, on a compared side, or the predicate's own
        tok = tok.head
        # The subject can hang on the auxiliary: "Parents [nsubj of] are evenly split".
        subj = next((c for h in (tok, *(a for a in tok.children if a.dep_ in ("aux", "auxpass")))
                     for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < fig.start), None) \
            if tok.pos_ in ("VERB", "AUX") else None
        named = rules.counted_noun(subj) if subj is not None else None
        if named is not None and named.pos_ in ("NOUN", "PROPN") and rules.is_people(named):
            best = named  # a people subject; a higher one (the speakers) replaces it
        elif subj is not None and subj.pos_ == "NUM" and any(
                c.lower_ in rules.lex.word_set("plural_demonstratives") for c in subj.children):
            best = subj  # "Those 55 and older are most supportive (75%)": the parser heads the band with its number
    return best if best is not None and (bracket is None or crossed) else None


def _with_after_copula(state: GroupState, fig: Span, sent: Span) -> Optional[Token]:
    """'X was Y, with N per cent ...': a ranking of groups, and the figure belongs to the one the
    copula names, the subject or, where the subject only describes the rank, the attribute:
    - 'Those over 55 were the most enthusiastic, with 71 per cent behind leaving';
    - 'The region most supportive of implementing Brexit was the West Midlands, with 63 per cent ...';
    - 'The least enthusiastic was Scotland, with 44 per cent';
    - 'Those most against it were people intending to vote Liberal Democrats, with 37 per cent ...';
    - 'The group most committed to Brexit was those who voted leave, with just 2 per cent ...'."""
    root = fig.root
    prep = root.head if root.dep_ == "pobj" else root.head.head if root.head.dep_ == "pcomp" else None
    if prep is None or prep.lower_ != "with" or not sent.start <= prep.i < sent.end:
        return None
    verb = prep.head if prep.head.lemma_ == "be" else prep.head.head if prep.head.dep_ == "attr" else None
    if verb is None or verb.lemma_ != "be":
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    for cand in (subj, attr):
        if cand is None or cand.pos_ == "ADJ" or any(t.lower_ in state.rules.lex.word_set("ranking_words") for t in cand.subtree):
            continue
        named = cand if cand.pos_ != "NUM" else cand.head  # "Those over 55": the parser heads it with the number
        those = state.rules.lex.word_set("plural_demonstratives")
        if named.lower_ in those or named.pos_ == "PROPN" or state.rules.is_people(named) \
                or cand.pos_ == "NUM" and any(t.lower_ in those for t in cand.subtree):
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


def _age_band_after(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """An age band written right after the figure names its group: '81 percent 30 and older said they
    do', 'Some 45% aged 18 to 24 said ...', '61% 65 and over'."""
    band = AGE_BAND_AFTER.match(state.text, fig.end_char)
    if band is None:
        return None
    words = state.doc.char_span(band.end() - len(band.group().lstrip()), band.end(), alignment_mode="expand")
    return (words.start, words.end) if words is not None and words.end <= sent.end else None


def _age_band_of(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """'55 percent of those ages 35 to 49', '17% of 18 to 24 year olds' aside, 'of voters aged 18 to 24': the word
    and the band after 'of' are the group, however the parser hangs the band."""
    band = AGE_BAND_OF.match(state.text, fig.end_char)
    if band is None:
        return None
    words = state.doc.char_span(band.start("who"), band.end(), alignment_mode="expand")
    if words is None or words.end > sent.end:
        return None
    head = words[0]
    if head.lower_ not in state.rules.lex.word_set("plural_demonstratives") and not state.rules.is_people(head):
        return None
    return (words.start, words.end)


def _age_band_before(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """A group named by an age band right before the figure's bracket, which the parser rarely holds
    together: 'followed closely by those aged 35-54 (72%)', 'adults ages 65 and older (30%)'."""
    band = AGE_BAND_BEFORE.search(state.text, max(sent.start_char, fig.start_char - 60), fig.start_char)
    if band is None:
        return None
    words = state.doc.char_span(band.start("who"), band.end("band"), alignment_mode="expand")
    if words is None or words.start < sent.start:
        return None
    head = words[0]
    if head.lower_ not in state.rules.lex.word_set("plural_demonstratives") and not state.rules.is_people(head):
        return None
    return (words.start, words.end)


def _respondents_of_answer(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """'Python (27%), JavaScript (24%) and Java (21%) guide the list of languages respondents are actively
    learning': a share in brackets after an answer belongs to the respondents its sentence names, before or
    after it, rather than to a group carried from earlier."""
    doc = state.doc
    if fig.start <= sent.start or doc[fig.start - 1].text != "(":
        return None
    # Nouns that name the respondents as such ('respondents', 'those polled'), not people at large ('many people').
    respondents = state.rules.respondents - state.rules.lex.word_set("population_nouns")
    named = [m for m in state.mentions if sent.start <= m[0] and m[1] <= sent.end and not m[0] <= fig.start < m[1]
             and (doc[m[0]:m[1]].root.lower_ in respondents or doc[m[0]:m[1]].text.lower() in respondents)]
    return min(named, key=lambda m: abs(m[0] - fig.start)) if named else None


def _named_beside(state: GroupState, fig: Span, sent: Span) -> Optional[TokenSpan]:
    """A group named beside the figure rather than in the sentence's grammar:
    - after it, in its bracket: '(38%, ages 50+)', '(41%, women under 35)';
    - before it, as a label: '18-24 yr olds: 21%', 'Lib Dems: 37%' (a label that names people)."""
    doc = state.doc
    if fig.start > sent.start and doc[fig.start - 1].text == "(" and fig.end < sent.end and doc[fig.end].text == ",":
        close = next((t.i for t in doc[fig.end:min(sent.end, fig.end + 10)] if t.text == ")"), None)
        if close is not None and close > fig.end + 1:
            words = doc[fig.end + 1:close]
            if DEFINING_HEAD.match(words.text) or any(state.rules.is_people(t) for t in words if t.pos_ in ("NOUN", "PROPN")):
                return words.start, words.end
    if fig.start - 1 > sent.start and doc[fig.start - 1].text == ":":
        line_start = max([sent.start] + [t.i + 1 for t in doc[sent.start:fig.start - 1] if "\n" in t.text_with_ws])
        label = [t for t in doc[line_start:fig.start - 1] if any(c.isalnum() for c in t.text)]
        if label and len(label) <= 6 and (_names_people(state, label[-1]) or _breakdown_table(state, fig)):
            return label[0].i, label[-1].i + 1
    return None


def _names_people(state: GroupState, tok: Token) -> bool:
    return state.rules.is_people(tok) or bool(AGE_PLUS.search(tok.text))


# One line of a breakdown table: "London: 21%", "18-24 yr olds: 21%", "middle/upper class: 19%".
LABEL_LINE = regex.compile(r"[ \t]*(?P<label>[^:\n]{1,60}?)[ \t]*:[ \t]*\d+(?:\.\d+)?[ \t]*%[ \t]*")
TABLE_REACH = 40  # lines read up and down from a figure's own


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


def _other_subject(verb: Token, fig: Span, lex: Lexicon) -> bool:
    """'Of the social sites, respondents reported ... GitHub (76%)': the clause names its own people, so the
    fronted phrase is a topic, not the base of the figure. A verbal figure as subject ('three quarters
    (76%) support') is the figure itself."""
    quantity = lex.word_set("vague_quantifiers") | set(lex.denominators)
    return any(c.dep_ in ("nsubj", "nsubjpass") and not (fig.start <= c.i < fig.end)
               and not c.like_num and c.lower_ not in quantity for c in verb.children)


def _fronted(doc: Doc, prep: Token, fig: Span, sent: Span) -> bool:
    """'Of those workers that ..., 54%': a phrase that opens the sentence and closes with a comma before
    the figure."""
    opens = all(t.is_punct or not any(c.isalnum() for c in t.text) for t in doc[sent.start:prep.i])
    end = prep.right_edge.i + 1
    return opens and end < fig.start and doc[end].text == ","


def respondent_mentions(state: GroupState) -> list[TokenSpan]:
    """Respondent nouns ('respondents', 'those surveyed') in the sentences read, as phrases."""
    doc, rules = state.doc, state.rules
    out: list[TokenSpan] = []
    for s, e in state.sentences:
        for tok in doc[s:e]:
            if tok.lower_ in rules.respondents and tok.lower_ not in rules.lex.word_set("population_only_nouns"):
                span = trim_phrase(doc, tok, rules.lex, limit=(s, e))
                if span:
                    out.append(span)
            elif tok.lower_ == "those" and doc[tok.i + 1:tok.i + 2].text.lower() in rules.lex.word_set("survey_participles"):
                out.append((tok.i, tok.i + 2))
    return out


def _drop_predicate_participle(head: Token, span: TokenSpan) -> TokenSpan:
    """'with nearly a quarter of workers throwing in the towel every year': with no verb of its own,
    the figure's '-ing' clause says what the group does, not who it is."""
    for child in head.children:
        if child.dep_ == "acl" and child.tag_ == "VBG" and child.i > head.i and child.right_edge.i + 1 >= span[1]:
            end = child.left_edge.i
            return (span[0], end) if end > span[0] else span
    return span


def _drop_counted_clause(head: Token, span: TokenSpan) -> TokenSpan:
    """'The share of Americans who identified as Democrats ... was about even', 'The number of retailers
    focused on opening new stores has increased ... from 19% a year ago to 26% today': the clause on the
    counted noun is what the figure counts (the statement); the group is the noun."""
    clauses = [c.left_edge.i for c in head.children if c.dep_ in ("relcl", "acl") and c.i > head.i]
    if clauses and min(clauses) > span[0]:
        return (span[0], min(span[1], min(clauses)))
    return span


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
    if end < limit[1] and doc[end].dep_ == "prep" and doc[end].head.i == fig.root.i and doc[end].lower_ in (
            "to", "with", "aged", "from", "at", "who", "over", "under", "between") and not any(
            c.dep_ == "pobj" and c.lemma_.lower() in survey_nouns for c in doc[end].children):
        extra_end = doc[end].right_edge.i + 1
        for i in range(end, extra_end):
            if i in stops or is_break(doc, i):
                extra_end = i
                break
        if extra_end > end + 1:
            span, end = (span[0], extra_end), extra_end
    if end + 1 >= limit[1] or doc[end].lower_ not in state.rules.lex.word_set("coordinators"):
        return span
    for conj in doc[end + 1:limit[1]]:
        if conj.dep_ == "conj" and conj.head.i in (fig.root.i, head.i) and conj.pos_ in ("NOUN", "PROPN"):
            if any(t.i in stops for t in conj.subtree):
                return span
            extra = trim_phrase(doc, conj, state.rules.lex, stop_tokens=stops, limit=limit)
            if extra is None or extra[0] > end + 2:
                return span
            return span[0], extra[1]
    return span
