"""Noun phrases as the labeling guide wants them: the words that say who, nothing else.

Shared by respondent groups and sample populations: a phrase keeps the
modifiers that define who is meant ("U.S. executives who hold a director
title or higher") and drops determiners, counts, and phrases that only name
or place the survey ("in the Sunday Times poll", "in 10 countries", "surveyed").
"""
from __future__ import annotations

from typing import Iterable, Optional

import regex

from spacy.tokens import Doc, Span, Token

from . import grammar
from .extensions import doc_text
from .lexicon import Lexicon, phrase_alternation

BREAKS = frozenset({"(", ")", "[", "]", ",", ";", ":", "\u2014", "\u2013", "--"})
LEADING_DROP_POS = frozenset({"DET", "PUNCT", "CCONJ", "ADP", "SPACE"})
THRESHOLD_WORDS = 3  # the most words before a threshold's number ('more than', 'at least', 'up to')
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "dep", "advcl", "parataxis", "csubj"})  # what heads a clause
LEAD_IN_WORDS = 10  # the most words of an "According to ..." lead-in ('According to the 2023 YouGov poll,')


def opens_clause(doc: Doc, start: int, i: int, lex: Lexicon) -> bool:
    """Does token ``i`` open the first clause of the sentence that starts at ``start``, as a fronted base must
    ('Of those who do, 54% ...', 'In Scotland, 23 per cent ...')? A lead-in does not close that place: a
    connective with its comma ('However, in the 18 to 34 category, ...', 'In addition, of those ...'), an
    "According to ..." phrase ('According to the survey, among ...') or a finding verb's "that" ('The survey
    found that within Quebec, ...'). Read from the words, not the parse, which hangs a fronted phrase after a
    lead-in on either clause."""
    words = [t for t in doc[start:i] if any(c.isalnum() for c in t.text)]
    if not words:
        return True
    last = words[-1]
    if last.lower_ == "that" and last.i > start:
        verb = next((t for t in reversed(doc[start:last.i]) if t.pos_ != "ADV" and not t.is_punct), None)
        return verb is not None and verb.lemma_.lower() in lex.word_set("finding_verbs")
    if doc[i - 1].text != "," or any(t.text == "," for t in doc[start:i - 1]):
        return False
    while words and words[0].lower_ in ("and", "but", "so"):
        words = words[1:]
    lead = " ".join(t.lower_ for t in words)
    if lead in lex.word_set("sentence_connectives"):
        return True
    return len(words) <= LEAD_IN_WORDS and lead.startswith("according to ")


def is_break(doc: Doc, i: int) -> bool:
    """Punctuation that ends a phrase; a hyphen only when spaced like a dash ("tax - currently 40%"); a line
    break, unless the text is hard-wrapped there (``wraps_line``)."""
    tok = doc[i]
    if tok.text in BREAKS or tok.is_space and not wraps_line(doc, i):
        return True
    return tok.text == "-" and i > 0 and bool(doc[i - 1].whitespace_)


def wraps_line(doc: Doc, i: int) -> bool:
    """Is token ``i`` a hard wrap: a single line break followed by a word in lower case ('400 senior\nmarketing
    executives')? The sentence splitter reads the same sign (sentences.py) and does not start a sentence there."""
    tok = doc[i]
    return (tok.is_space and tok.text.count("\n") == 1 and i + 1 < len(doc)
            and tok.text.strip(" \t\n") == "" and doc[i + 1].text[:1].islower())


# A verbal figure at the front of a phrase: "Four in five", "eight out of 10", "two-thirds of", "half of".
VERBAL_FIGURE = regex.compile(
    r"""^(?:\w+\s+(?:in|out\s+of)\s+(?:every\s+)?\w+
         | (?:\w+[\s-]+)?(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b(?:\s+of)?)\s+""", regex.I | regex.X)
AGE_GROUP = regex.compile(r"\d+s$|olds$")
QUALIFIERS_IN_BRACKET = 3  # the most words read between "(" and its figure ('(just over 57%)')
PEOPLE_SUFFIX = regex.compile(r"(?:[^s]ers|tors|sors|ists|ians|ees|ents|ants|ives)$")

TAILS = phrase_alternation(grammar.AGE_BAND_TAILS)  # what closes a band after its number ('65 and over')

# What joins a band's two ends: "35-54", "35–54", "18 to 24", "18-to-34".
BAND_LINK = r"(?:-to-|-|\u2013|to)"

# An age band after the word it restricts: "aged 35-54", "ages 65 and older", "aged 18 to 24", "aged 18-to-34", "over
# 65", "under the age of 30", "44 and under", "45+", "18-34".
BAND = rf"""(?:(?:aged?|ages)[ \t]+\d+
              (?:[ \t]*{BAND_LINK}[ \t]*\d+|\+|[ \t]+(?:and|or)[ \t]+(?:{TAILS}))?
           |(?:over|under)[ \t]+(?:the[ \t]+age[ \t]+of[ \t]+)?\d+
           |\d+(?:\+|[ \t]*{BAND_LINK}[ \t]*\d+|[ \t]+(?:and|or)[ \t]+(?:{TAILS})))"""


# An age band right after the word it restricts, wherever that word stands: "Voters aged 18-24 were the most
# worried, at 45%", "Those under 35 were ...".
BAND_AFTER_WORD = regex.compile(rf"""[ \t]+(?P<band>{BAND})(?![\w%])\+?""", regex.VERBOSE | regex.I)
BAND_REACH = 40  # characters after a word searched for its band


def is_amount(tok: Token, lex: Lexicon) -> bool:
    """An amount noun, as written or as its lemma ('sales', 'budgets'): a percentage of it is no share. A word
    listed as people as written is none, whatever its lemma: "23% of business" is an amount, "46% of businesses"
    are firms that answered."""
    low, amount = tok.lower_, lex.word_set("amount_nouns")
    if low in amount:
        return True
    return tok.lemma_.lower() in amount and low not in lex.word_set("people_nouns")


def is_people(tok: Token, lex: Lexicon) -> bool:
    """Does this noun count people or surveyed units (firms, households, PCs) rather than an amount?"""
    low, lemma = tok.lower_, tok.lemma_.lower()
    time_nouns, people = lex.word_set("time_nouns"), lex.word_set("people_nouns")
    if is_amount(tok, lex) or low in time_nouns or low in lex.word_set("non_people_nouns"):
        return False
    if low in people or lemma in people or (tok.pos_ == "PRON" and low in grammar.PEOPLE_PRONOUNS):
        return True
    if tok.tag_ == "NNPS" and not _in_title_case_run(tok):
        return True  # "Democrats", "Remainers"; not "Supports" in a headline "Supports Similar Bill in ..."
    if AGE_GROUP.search(low):
        return True  # "over-55s", "18 to 24 year olds"
    if _generation_letter(tok):
        return True  # "Gen Z", "Generation X": a generation, the letter its head
    return tok.tag_ == "NNS" and bool(PEOPLE_SUFFIX.search(low))


GENERATION_WORDS = frozenset({"gen", "generation"})
GENERATION_LETTERS = frozenset({"x", "y", "z", "alpha"})


def _generation_letter(tok: Token) -> bool:
    """'Z' of 'Gen Z', 'X' of 'Generation X': the letter that names a generation after its word."""
    return tok.lower_ in GENERATION_LETTERS and tok.i > 0 and tok.doc[tok.i - 1].lower_ in GENERATION_WORDS


def _in_title_case_run(tok: Token) -> bool:
    """Is the word inside a run of capitalised words, as in a headline?"""
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].is_title
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].is_title
    return before and after or (tok.i == 0 or doc[tok.i - 1].is_space) and after


def head_with_determiner(doc: Doc, head: Token, span: tuple[int, int]) -> Span:
    """The phrase with its determiner put back, to tell 'these leaders' (points back) from 'leaders'."""
    dets = [c.i for c in head.children if c.dep_ in ("det", "predet") and c.i < head.i and c.i < span[0]]
    return doc[min(dets + [span[0]]):span[1]]


def is_pronoun_head(tok: Token, lex: Lexicon) -> bool:
    """'those who took part', and a count standing for people as a pronoun does ('the 860 who took part', 'the 5.8
    million who needed them'): the clause after it is who they are."""
    return tok.pos_ in ("PRON", "NUM") or tok.lower_ in grammar.PLURAL_DEMONSTRATIVES


def _restricts_a_subject(clause: Token, head: Token) -> bool:
    """'Almost half (48%) of members who said they plan to leave teaching ... are considering ...', 'Nearly half of
    voters who say their top priority is national security choose Trump': a 'who say' clause inside the subject
    of a verb that comes after it picks out the people; the later verb carries the finding. Only a part 'of'
    the people: in 'participants who said they have strong pro-green attitudes were in the clear minority (18
    to 38 percent)' the clause is what the figure counts."""
    if not (head.dep_ == "pobj" and head.head.lower_ == "of"):
        return False
    tok = head
    while tok.dep_ in ("pobj", "prep", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > clause.right_edge.i


def _droppable_child(child: Token, head: Token, lex: Lexicon) -> bool:
    """Modifiers that name, place or time the survey rather than say who."""
    lower = child.lower_
    if child.dep_ in ("acl", "relcl") and (lower in lex.word_set("survey_participles")
                                           or child.lemma_.lower() in lex.word_set("survey_verbs")):
        return not is_pronoun_head(head, lex)
    if child.dep_ in ("acl", "relcl") and (child.lemma_.lower() in lex.word_set("answering_verbs") or (
            child.lemma_.lower() == "take" and any(c.lower_ == "part" for c in child.children))):
        return not is_pronoun_head(head, lex)  # "brands taking part in the survey": that they answered, not who
    if child.dep_ == "acl" and child.lemma_.lower() in lex.word_set("survey_tail_verbs"):
        return True  # "adults conducted in May", "voters commissioned by the BBC": about the survey, not who
    if child.dep_ == "relcl" and child.lemma_.lower() in lex.word_set("opinion_verbs") and not is_pronoun_head(head, lex):
        return not _restricts_a_subject(child, head)
    if child.dep_ == "acl" and child.lemma_.lower() in lex.word_set("saying_verbs"):
        return True  # "marketing leaders saying they have ...": the saying is the statement
    if child.dep_ in ("appos", "punct", "cc", "conj") and child.i > head.i and child.dep_ != "conj":
        return True
    if child.dep_ == "prep":
        objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if lower in grammar.SURVEY_PHRASE_PREPS and any(
                o.lemma_.lower() in lex.word_set("survey_nouns") or o.lower_ in lex.word_set("survey_nouns") for o in objs):
            return True
        if any(any(g.like_num for g in o.children) and o.lower_ in lex.word_set("non_respondent_count_nouns")
               and sum(1 for _ in child.subtree) <= 4 for o in objs):
            return True  # "in 10 countries" only places the survey; "across 12 industries at companies with ..." says who
        if lower in grammar.REGION_PREPS and any(o.ent_type_ in ("GPE", "LOC") for o in objs):
            return True
        if lower in grammar.WORLD_PREPS and any(o.lower_ in lex.word_set("world_place_nouns") for o in objs):
            return True  # "large companies around the world"
        if lower in grammar.SPONSOR_PREPS and child.i > head.i:
            return True  # "110 pupils for education watchdog Ofsted": who the survey was for
        if lower in grammar.TOPIC_PREPS and objs and all(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN", "PRON")
                                                        for o in objs):
            return True  # "spoke with 40 CIOs about their budgets": what they were asked, not who ('about to retire' is)
        if lower in grammar.FIELDWORK_PREPS and child.i > head.i and any(
                o.lower_ in grammar.WEEKDAYS or o.lower_ in lex.word_set("month_names") for o in objs):
            return True  # "registered voters online between Friday and Monday": when, not who
        if lower in DATE_PREPS and child.i > head.i and _only_a_date(child, lex):
            return True  # "adults between 3 and 4 June", "Canadians between 24 and 26 October 2017", "in May 2019"
    if child.dep_ == "advmod" and lower in lex.word_set("survey_adverbs"):
        return True
    return False


DATE_PREPS = grammar.FIELDWORK_PREPS | {"in"}  # before a date that says when people were asked


def _in_relative_clause(tok: Token, head: Token) -> bool:
    """Does ``tok`` sit in a relative clause of ``head`` (a clause on the way up to it)?"""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


def _only_a_date(prep: Token, lex: Lexicon) -> bool:
    """Does the phrase after the preposition hold only a date ('3 and 4 June', 'May 2019', 'the third and fourth
    quarters of 2004'): numbers, ordinals and words of time, with a month, a weekday or a period among them?"""
    months, periods = lex.word_set("month_names"), lex.word_set("time_nouns")
    words = [t for t in prep.subtree if t.i != prep.i]
    after = prep.doc[prep.right_edge.i + 1] if prep.right_edge.i + 1 < len(prep.doc) else None

    def names_a_date(t: Token) -> bool:
        return t.lower_.rstrip(".") in months or t.lower_ in grammar.WEEKDAYS or t.lower_ in periods
    # (the month may hang elsewhere: "between 27 and 30 January 2009", 'January' on the verb; a period with its
    # ordinals: "between the third and fourth quarters of 2004")
    named = any(names_a_date(t) for t in (*words, *((after,) if after is not None else ())))
    return named and all(t.like_num or t.is_punct or names_a_date(t) or t.lower_ in grammar.ORDINAL_WORDS
                         or t.lower_ in ("and", "to", "the", "of") for t in words)


def _saying(tok: Token, lex: Lexicon) -> bool:
    """A verb of saying, also where the tagger took its '-ing' form for a noun ('those surveyed feeling
    they should ...')."""
    saying = lex.word_set("saying_verbs")
    low = tok.lower_
    return tok.lemma_.lower() in saying or low.endswith("ing") and low[:-3] in saying


def participle_taken_away(head: Token, lex: Lexicon) -> Optional[Token]:
    """'half of those surveyed (51 percent)': the survey participle right after a demonstrative, when the parser
    hung it on something else (here the bracketed figure); it still names those asked."""
    doc = head.doc
    if head.lower_ not in grammar.PLURAL_DEMONSTRATIVES or head.i + 1 >= len(doc):
        return None
    nxt = doc[head.i + 1]
    return nxt if nxt.lower_ in lex.word_set("survey_participles") and nxt.head.i != head.i else None


def participle_object(obj: Token, lex: Lexicon) -> Optional[Token]:
    """'55 percent of responding physicians', 'Of participating companies, ...', parsed as 'of [responding
    [physicians]]': a participle that marks people as those asked or answering, made the verb of the preposition's
    clause, with the people as its object right after it. The people."""
    if obj.dep_ != "pcomp" or obj.lower_ not in lex.word_set("survey_participles"):
        return None
    return next((c for c in obj.children if c.dep_ == "dobj" and c.left_edge.i == obj.i + 1 and is_people(c, lex)), None)


def _clause_taken_away(doc: Doc, head: Token, hi_limit: int, stops: set[int], lex: Lexicon) -> Optional[int]:
    """'while 66% of developers using open source engage at least once a week', parsed with '66% of developers'
    as the subject of 'using' and 'using' as a clause of 'engage': an '-ing' phrase right after the people a
    figure is of, when a later verb is the figure's own, still says who they are. Not a survey participle
    ('taking part in the survey') nor a saying one ('adults saying they ...'). Where it ends."""
    nxt = doc[head.i + 1] if head.i + 1 < hi_limit else None
    if nxt is None or nxt.tag_ != "VBG" or nxt.head.i == head.i or nxt.head.i < nxt.i or nxt.head.pos_ != "VERB":
        return None
    of = head.head
    if not (head.dep_ == "pobj" and of.lower_ == "of" and any(c.dep_ == "nsubj" and c.i == of.head.i for c in nxt.children)):
        return None
    lemma = nxt.lemma_.lower()
    if _saying(nxt, lex) or lemma == "take" or lemma in lex.word_set("taking_part_verbs") \
            or lemma in lex.word_set("survey_tail_verbs") or nxt.lower_ in lex.word_set("survey_participles"):
        return None
    return _hung_from(doc, nxt, hi_limit, stops, lex)


def _defining_phrase_taken_away(doc: Doc, head: Token, hi_limit: int, stops: set[int], lex: Lexicon) -> Optional[int]:
    """'versus 40 per cent of those with a very effective relationship', with 'with' hung on the clause's verb:
    a phrase right after 'those' that the parser hung elsewhere still says who they are. Where it ends."""
    prep = doc[head.i + 1] if head.i + 1 < hi_limit else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in grammar.DEFINING_PREPS or prep.head.i == head.i:
        return None
    end = _hung_from(doc, prep, hi_limit, stops, lex)
    if end is None and prep.lower_ in grammar.ELLIPTIC_PREPS and prep.i + 1 < hi_limit and \
            hung_phrase_end(doc, prep.i + 1, prep.i + 2, stops, lex) == prep.i + 1:
        return prep.i + 1  # "than those without to be anticipating ...": the other side of 'those with children'
    return end


def _hung_from(doc: Doc, tok: Token, hi_limit: int, stops: set[int], lex: Lexicon) -> Optional[int]:
    """Where the phrase ``tok`` opens ends (see hung_phrase_end), when it holds more than ``tok`` itself."""
    end = hung_phrase_end(doc, tok.i, min(tok.right_edge.i + 1, hi_limit), stops, lex)
    return end if end > tok.i + 1 else None


def hung_phrase_end(doc: Doc, start: int, end: int, stops: set[int], lex: Lexicon) -> int:
    """Where a phrase the parser hung on another word ends, read from ``start``: before a figure, a break, the
    clause's verb taken for a noun ('those with a documented strategy rate themselves') or a saying clause
    ('those with an effective relationship saying as such'); else at ``end``."""
    saying = lex.word_set("saying_verbs")
    return next((i for i in range(start, end) if i in stops or is_break(doc, i) or predicate_taken_for_noun(doc[i])
                 or doc[i].dep_ == "acl" and doc[i].lemma_.lower() in saying or _infinitive_mark(doc[i])), end)


def _infinitive_mark(tok: Token) -> bool:
    """The 'to' of an infinitive ('more likely than those without to be anticipating ...'): what they do, not who
    they are."""
    return tok.tag_ == "TO" and tok.dep_ == "aux" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i > tok.i


def qualifiers_before(doc: Doc, start: int, lo: int, qualifiers: frozenset[str], most: Optional[int] = None) -> int:
    """Where the words that qualify a figure starting at ``start`` begin ('nearly', 'just over'), at most ``most``
    of them and not before ``lo``: ``start`` itself when there are none."""
    i = start
    while i > lo and (most is None or start - i < most) and doc[i - 1].lower_ in qualifiers:
        i -= 1
    return i


def opening_bracket(doc: Doc, start: int, lo: int, qualifiers: frozenset[str]) -> Optional[int]:
    """Where the bracket a figure starting at ``start`` sits in opens: right before it, or before the words that
    qualify it ('Alberta (nearly 62%)', 'bankers (only 30%)', '(just over 57%)'). None when it is not in one."""
    i = qualifiers_before(doc, start, lo, qualifiers, most=QUALIFIERS_IN_BRACKET) - 1
    return i if i >= lo and doc[i].text == "(" else None


ASIDE_DASHES = frozenset({"--", "\u2014", "\u2013", "-"})  # the dashes that set a figure off as an aside


def opening_aside(doc: Doc, fig_start: int, fig_end: int, lo: int, hi: int, qualifiers: frozenset[str]) -> Optional[int]:
    """Where the aside a figure sits in opens: its bracket, or the dash before it when the same dash closes it
    ('Far fewer parents -- 11% -- indicate', 'the random sample of 1,607 parents or guardians\u201455 percent\u2014
    said'). A dash is a bracket written another way; one dash alone ('Quality - 33%') sets nothing off."""
    opened = opening_bracket(doc, fig_start, lo, qualifiers)
    if opened is not None:
        return opened
    i = qualifiers_before(doc, fig_start, lo, qualifiers, most=QUALIFIERS_IN_BRACKET) - 1
    if i >= lo and doc[i].text in ASIDE_DASHES and fig_end < hi and doc[fig_end].text == doc[i].text:
        return i
    return None


def counted_by_measure(tok: Token, lex: Lexicon) -> bool:
    """'a larger percentage than the shares of respondents who cited being provided with free daily lunch (42%)',
    'the share of Americans who identified as Democrats and Republicans was about even, with 30% calling
    themselves Republicans': people a measure counts, where no verb of the measure's own carries the finding.
    What their clause says is then what the figure counts (the statement), not who (``drop_counted_clause``).
    A measure that is the subject of a verb of its own keeps the clause: 'The largest share of those who say
    ... (48%) describe ...'; so do pronouns, which the clause defines."""
    of = tok.head
    if tok.dep_ != "pobj" or of.lower_ != "of" or tok.pos_ == "PRON" or tok.lower_ in grammar.PLURAL_DEMONSTRATIVES:
        return False
    measure = of.head
    if measure.lemma_.lower() not in lex.word_set("measure_nouns") or any(c.like_num for c in measure.children):
        return False  # "a 40 percent share of voters who ...": the figure is the measure
    if measure.dep_ in ("nsubj", "nsubjpass"):
        verb = measure.head
        return verb.lemma_.lower() in lex.word_set("copula_verbs") or is_change_word(verb, lex)
    return True


def is_change_word(tok: Token, lex: Lexicon) -> bool:
    """A change word, as written or as its lemma ('rose', 'rise'): what it takes is a change, not a share."""
    changes = lex.word_set("change_words")
    return tok.lower_ in changes or tok.lemma_.lower() in changes


def drop_counted_clause(head: Token, span: tuple[int, int]) -> tuple[int, int]:
    """'The share of Americans who identified as Democrats ... was about even', 'The number of retailers
    focused on opening new stores has increased ... from 19% a year ago to 26% today': the clause on the
    counted noun is what the figure counts (the statement); the group is the noun. Where a participle and a
    relative clause both follow ('The proportion of pharmacists employed by the biggest three multiples who
    experienced stress remained at 82%'), the participle restricts the people and the relative clause is what
    is counted."""
    doc = head.doc
    # (a relative clause may hang on a word of the band after the noun: 'those aged 18-34 who said so')
    relative = [c.left_edge.i for c in head.children if c.dep_ == "relcl" and c.i > head.i] + [
        t.left_edge.i for t in doc[head.i + 1:span[1]] if t.dep_ == "relcl" and t.left_edge.i > head.i]
    clauses = relative or [c.left_edge.i for c in head.children if c.dep_ == "acl" and c.i > head.i]
    if clauses and min(clauses) > span[0]:
        return (span[0], min(span[1], min(clauses)))
    return span


def split_compound_head(tok: Token) -> Token:
    """'15% of IT execs', parsed with 'IT' and 'execs' both objects of 'of': the parser split a compound, whose
    head is the last of the bare nouns it hung side by side on one word."""
    while (tok.pos_ in ("NOUN", "PROPN") and not any(True for _ in tok.children) and tok.i + 1 < len(tok.doc)
           and (nxt := tok.doc[tok.i + 1]).head.i == tok.head.i and nxt.dep_ == tok.dep_ and nxt.pos_ in ("NOUN", "PROPN")):
        tok = nxt
    return tok


def _split_compound_start(head: Token) -> int:
    """Where a compound the parser split before ``head`` starts (see split_compound_head)."""
    i = head.left_edge.i
    while i > 0 and (prev := head.doc[i - 1]).head.i == head.head.i and prev.dep_ == head.dep_ \
            and prev.pos_ in ("NOUN", "PROPN") and not any(True for _ in prev.children):
        i -= 1
    return i


def _band_plus(doc: Doc, i: int) -> bool:
    """The '+' of '45+', glued to its number: the end of an age band, not a stray symbol."""
    return doc[i].text == "+" and i > 0 and doc[i - 1].like_num and not doc[i - 1].whitespace_


def _band_after_head(doc: Doc, head: Token, limit: int, stops: set[int]) -> Optional[int]:
    """Where an age band written right after the head ends ('adults 18-34', 'those 45+', 'voters 65 and over'), if
    it ends before ``limit`` and holds no figure."""
    text, at = doc_text(doc), head.idx + len(head.text)
    # (with an end: the regex module's match costs the text's length without one)
    band = BAND_AFTER_WORD.match(text, at, min(len(text), at + BAND_REACH))
    if band is None:
        return None
    words = doc.char_span(band.start("band"), band.end(), alignment_mode="expand")
    if words is None or words.end > limit or any(i in stops for i in range(words.start, words.end)):
        return None
    return words.end


def trim_phrase(doc: Doc, head: Token, lex: Lexicon, *, drop_tokens: Iterable[int] = (),
                stop_tokens: Iterable[int] = (), limit: Optional[tuple[int, int]] = None) -> Optional[tuple[int, int]]:
    """Token offsets (start, end) of the phrase headed by ``head``, trimmed by the guide's rules."""
    drop = set(drop_tokens)
    # The callers' stop set is read, not copied: it holds every figure token of the article.
    stops = stop_tokens if isinstance(stop_tokens, (set, frozenset)) else set(stop_tokens)
    lo_limit, hi_limit = limit if limit else (0, len(doc))
    split = _split_compound_start(head)
    start, end = max(split, lo_limit), min(head.right_edge.i + 1, hi_limit)
    # Right side: drop trailing modifiers that only place or name the survey, last first.
    for child in sorted((c for c in head.children if c.i > head.i), key=lambda c: c.i, reverse=True):
        if child.left_edge.i >= end:
            continue
        if child.right_edge.i + 1 >= end and _droppable_child(child, head, lex):
            end = min(end, child.left_edge.i)
        else:
            break
    # "adults aged 18 to 24 in May": a date that ends the phrase, wherever the parser hung it, says when, not who.
    # (not inside a relative clause, where the date is part of what defines them: "new homeowners who purchased in
    # the last 12 months")
    dated = next((t for t in doc[head.i + 1:end] if t.dep_ == "prep" and t.right_edge.i + 1 >= end
                  and t.lower_ in DATE_PREPS and _only_a_date(t, lex) and not _in_relative_clause(t, head)), None)
    if dated is not None:
        end = dated.i
    # "those with an effective relationship saying as such": a trailing 'saying' clause, wherever it hangs.
    # "... than those with an effective relationship to use a variety of metrics": an infinitive on a
    # noun says what they do, not who they are.
    for tok in doc[head.i + 1:end]:
        if predicate_taken_for_noun(tok):
            end = tok.i
            break
        if _infinitive_mark(tok) and tok.head.dep_ == "pcomp" and tok.head.head.lower_ in grammar.ELLIPTIC_PREPS:
            end = tok.i  # "as likely as those without to be anticipating ...", the infinitive made the object of 'without'
            break
        if _headline_predicate(tok, head, lex) and not _has_verb_root(doc, lo_limit, hi_limit):
            end = tok.i  # "Survey: More than half of retailers optimistic about rest of year": how they feel
            break
        if tok.dep_ == "acl" and _saying(tok, lex) and tok.right_edge.i + 1 >= end:
            lead = doc[tok.left_edge.i:tok.i]  # "those surveyed feeling ...": 'surveyed' hung on 'feeling'
            end = tok.i if len(lead) and all(t.lower_ in lex.word_set("survey_participles") for t in lead) else tok.left_edge.i
            break
        if tok.dep_ in ("acl", "relcl") and (tok.tag_ == "VBD" or not _has_verb_root(doc, lo_limit, hi_limit)
                                             or tok.tag_ == "VBN" and _verbless_clause(head)) and not any(
                c.dep_ == "nsubj" for c in tok.children) and not (
                is_pronoun_head(head, lex) and tok.lower_ in lex.word_set("survey_participles")):
            end = tok.left_edge.i  # a main verb the parser hung on the noun: "5,000 households pointed to ..."
            break
        if tok.dep_ in ("acl", "relcl", "advcl") and tok.i > head.i and not is_pronoun_head(head, lex) and (
                tok.lower_ in lex.word_set("survey_participles") or tok.lemma_.lower() in lex.word_set("survey_tail_verbs")
                or tok.lemma_.lower() in lex.word_set("answering_verbs") or tok.lower_ == "taken"):
            end = tok.left_edge.i if tok.left_edge.i > head.i else tok.i
            break  # "... process surveyed online between June 22", "adults taken on the 10th ... by YouGov", "CFOs who responded"
        if tok.dep_ == "prep" and tok.lower_ == "from" and tok.i > head.i and (
                any(c.lower_ in grammar.SPREAD_PREPS for c in tok.children)
                or any(t.lower_ in grammar.EXAMPLE_WORDS for t in doc[tok.i + 1:min(end, tok.i + 5)])):
            end = tok.i
            break  # "senior marketers from companies such as Coca-Cola", "CEOs from across North America"
        if tok.dep_ == "prep" and tok.right_edge.i + 1 >= end and any(
                c.dep_ == "pobj" and (c.lemma_.lower() in lex.word_set("survey_nouns") or c.lower_ in lex.word_set("survey_nouns"))
                for c in tok.children):
            end = tok.left_edge.i  # "those asked in a poll for mobile firm Intervoice"
            break
        if (tok.dep_ in ("acl", "relcl", "xcomp") and tok.head.pos_ in ("NOUN", "PROPN", "PRON")
                and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < tok.i for c in tok.children)
                and tok.head.lemma_.lower() not in lex.word_set("intention_nouns")):
            end = tok.left_edge.i
            break
    # Stop at a break, at another figure, or at a word that does not hang from the head (a crossing
    # parse: "Respondents [were politically diverse]: 50% ..." with the figure hung on "Respondents").
    for i in range(head.i + 1, end):
        if i in stops or is_break(doc, i) or not head.is_ancestor(doc[i]):
            end = i
            break
    # Left side: a break or another figure before the head cuts the phrase there.
    for i in range(head.i - 1, start - 1, -1):
        if i in stops or i in drop or is_break(doc, i) or not (head.is_ancestor(doc[i]) or i >= split):
            start = i + 1
            break
    taken = participle_taken_away(head, lex)
    if taken is not None and end == head.i + 1 and taken.i < hi_limit and taken.i not in stops:
        end = taken.i + 1
    elif end == head.i + 1 and head.lower_ in grammar.PLURAL_DEMONSTRATIVES:
        end = _defining_phrase_taken_away(doc, head, hi_limit, stops, lex) or end
    elif end == head.i + 1:
        end = _clause_taken_away(doc, head, hi_limit, stops, lex) or end
    # "people aged 65 and over", "those 55 and older", with "and over" hung on the figure or the verb: an age band's
    # tail after the number that ends the phrase.
    while end + 1 < hi_limit and end > head.i and doc[end - 1].like_num and doc[end].lower_ in ("and", "or") \
            and doc[end + 1].lower_ in grammar.AGE_BAND_TAILS and end + 1 not in stops:
        end += 2
    # "The percentage of those aged 18 to 34 who said ...", with "to 34" hung on the measure: a band's upper end.
    if end + 1 < hi_limit and end - 2 > head.i and doc[end - 1].like_num and doc[end - 2].lower_ in lex.word_set("age_words") \
            and doc[end].lower_ in grammar.RANGE_WORDS and doc[end + 1].like_num and end + 1 not in stops:
        end += 2
    # "adults 18-34 believe", "Of the adults 18-34 surveyed", "those 45+": a band of numbers written right after the
    # head, which the parser hangs elsewhere.
    # (the parser may keep part of it, "voters 45" of "voters 45+")
    band_end = _band_after_head(doc, head, hi_limit, stops)
    if band_end is not None and head.i < end < band_end:
        end = band_end
    end = threshold_tail(doc, start, end, hi_limit, stops, lex)
    # A hyphenated word the parser cut into pieces ('35% of non-profits' as 'non', '-', 'profits'): whole.
    while end + 1 < hi_limit and end == head.i + 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and end + 1 not in stops:
        end += 2
    start = _skip_leading(doc, start, end, head, drop, lex)
    if head.lower_ in lex.word_set("respondent_nouns"):
        # "the list of languages respondents are learning", parsed as 'languages respondents': a plural noun
        # does not qualify 'respondents' ('IT respondents', 'agency respondents' do).
        while start < head.i and doc[start].dep_ == "compound" and doc[start].tag_ in ("NNS", "NNPS"):
            start += 1
    # A count written into the phrase: "the 17-million population" -> "population".
    j = start
    magnitudes = lex.word_set("magnitudes")
    while j < head.i and (doc[j].like_num or doc[j].text == "-" or doc[j].lower_ in magnitudes):
        j += 1
    if j > start and any(doc[k].lower_ in magnitudes for k in range(start, j)):
        start = _skip_leading(doc, j, end, head, drop, lex)
    end = _title_case_predicate(doc, start, end, lex) or end
    start = _suspended_band_start(doc, start, lo_limit, stops)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc" or doc[end - 1].is_space
                               or doc[end - 1].lower_ in grammar.COORDINATORS) and not _band_plus(doc, end - 1):
        end -= 1
    if start >= end or doc[start:end].text.strip() == "":
        return None
    return start, end


SUSPENDED_NUMBER = regex.compile(r"^\d+-$")  # "18-" of "18- to 29-year-olds", a number whose noun comes later
SUSPENDED_LINKS = grammar.RANGE_WORDS | {"and"}  # between a suspended number and the band's upper end


def _suspends(low: Token) -> bool:
    """Is ``low`` a band's lower end with a suspended hyphen, followed by 'to' or 'and' and the upper end ('18- to
    29-year-olds', '18- and 24-year-old voters')? The tokenizer keeps '18-' whole, the parser hangs it anywhere."""
    doc = low.doc
    return bool(SUSPENDED_NUMBER.match(low.text)) and low.i + 2 < len(doc) \
        and doc[low.i + 1].lower_ in SUSPENDED_LINKS and doc[low.i + 2].like_num


def _suspended_band_start(doc: Doc, start: int, lo_limit: int, stops: set[int]) -> int:
    """A phrase that starts at a band's upper end takes the lower one, written with a suspended hyphen."""
    low = start - 2
    return low if low >= lo_limit and low not in stops and _suspends(doc[low]) else start


def suspended_band_noun(tok: Token) -> Optional[Token]:
    """'Among 18- to 29-year-olds, ...', parsed with '18-' as the object: the noun the band's upper end is part of
    ('olds'), for a suspended number; else None."""
    if not _suspends(tok):
        return None
    noun = upper = tok.doc[tok.i + 2]
    while noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun if noun.i != upper.i else None


def _title_case_predicate(doc: Doc, start: int, end: int, lex: Lexicon) -> Optional[int]:
    """Where a headline's predicate starts inside a phrase: in title case the parser reads the verb or participle
    after the people as part of their noun ('85% Of Nurses Plan To Leave Hospital Roles', 'One in Four Parents
    Concerned About Child's Safety at School', 'That Half of Canadians Say ...'). The first word after a people
    noun that is a reporting verb ('Plan', 'Say', 'Says') or a participle in '-ed' ('Concerned'), except 'Aged'."""
    if not _in_title_case_run(doc[start]) and not _in_title_case_run(doc[end - 1]):
        return None
    verbs = lex.word_set("reporting_verbs")
    seen_people = False
    for tok in doc[start:end]:
        low = tok.lower_
        if seen_people and tok.is_title and (low in verbs or low.endswith("s") and low[:-1] in verbs
                                             or low.endswith("ed") and low not in lex.word_set("age_words")):
            return tok.i
        seen_people = seen_people or is_people(tok, lex)
    return None


# Dependencies of a word inside a noun phrase: a finite verb found there is the clause's own verb.
NOMINAL_DEPS = frozenset({"amod", "compound", "nmod", "appos", "dobj", "pobj", "nsubj"})
# Fine-grained tags of a finite verb in the present: a word the tagger tags so is a clause's verb, even where the
# parser hung it in a noun's place ('almost half report malnutrition', 'those who responded foresee ...').
PRESENT_VERB_TAGS = frozenset({"VBP", "VBZ"})


def predicate_taken_for_noun(tok: Token) -> bool:
    """The clause's verb, which the parser hung inside the group's phrase, so that the phrase runs on into
    the predicate. Two signs: a word with a reflexive object that the parser did not make a verb ('60% of
    marketers that have a documented strategy rate themselves highly', where 'strategy rate' became a
    noun), and a word the tagger calls a finite verb in a noun's place ('companies with revenues less than
    $100 million anticipate spending increases', 'those who responded foresee sales falling')."""
    if tok.pos_ not in ("VERB", "AUX") and any(c.lower_ in grammar.REFLEXIVES for c in tok.children if c.i == tok.i + 1):
        return True
    return tok.tag_ in PRESENT_VERB_TAGS and tok.dep_ in NOMINAL_DEPS and tok.i > 0 and tok.nbor(-1).pos_ in ("NOUN", "PROPN", "NUM")


def _headline_predicate(tok: Token, head: Token, lex: Lexicon) -> bool:
    """'60% of CFOs pessimistic on economy': in a line with no verb, an adjective after the people with a complement
    of its own is what the headline says of them. (With a verb, 'voters unhappy with the government were ...', it
    says who they are, and so it does after a pronoun: 'those unhappy with ...'.)"""
    return tok.dep_ == "amod" and tok.head.i == head.i and tok.i > head.i and tok.pos_ == "ADJ" \
        and any(c.dep_ == "prep" for c in tok.children) and not is_pronoun_head(head, lex)


def _has_verb_root(doc: Doc, start: int, end: int) -> bool:
    """Is the root of the sentence in doc[start:end] a verb? (Cheaper than Token.sent.)"""
    root = next((t for t in doc[start:end] if t.dep_ == "ROOT"), None)
    return root is None or root.pos_ in ("VERB", "AUX")


def threshold_tail(doc: Doc, start: int, end: int, hi_limit: int, stops: set[int], lex: Lexicon) -> int:
    """'companies with revenue over $1 billion', 'firms with turnover under £5 million', 'respondents with more than
    10 employees': a threshold after a "with" phrase says who, wherever the parser hung its amount (on the
    figure, on the next verb, or as an apposition). Read from the words: qualifiers, a currency sign, the number,
    its magnitude and unit. Where the phrase ends."""
    if end >= hi_limit or doc[end].lower_ not in lex.word_set("threshold_qualifiers") \
            or not any(t.lower_ == "with" for t in doc[start:end]):
        return end
    qualifiers, currency = lex.word_set("threshold_qualifiers"), lex.word_set("currency_symbols")
    magnitudes = lex.word_set("magnitudes")
    j = end
    while j < hi_limit and j - end < THRESHOLD_WORDS and doc[j].lower_ in qualifiers:
        j += 1
    if j < hi_limit and doc[j].text.lower() in currency:
        j += 1
    first_number = j
    while j < hi_limit and j not in stops and (doc[j].like_num or doc[j].lower_ in magnitudes):
        j += 1
    if j == first_number or any(i in stops for i in range(end, j)):
        return end
    if j < hi_limit and j not in stops and doc[j].pos_ == "NOUN" and doc[j].tag_ == "NNS" and not doc[j].like_num:
        j += 1  # its unit: 'more than 10 employees'
    return j


def _verbless_clause(tok: Token) -> bool:
    """Is the clause ``tok`` sits in headed by a noun? ('The company said that the Conference Board survey of
    5,000 households pointed to ...', with 'survey' as the clause of 'said' and 'pointed' hung on 'households':
    the clause's own verb was taken for a modifier.)"""
    while tok.dep_ not in CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok.pos_ in ("NOUN", "PROPN") and tok.is_alpha


def _skip_leading(doc: Doc, start: int, end: int, head: Token, drop: set[int], lex: Lexicon) -> int:
    """Leading determiners, counts and qualifiers: "the 2,000 broadband users" -> "broadband users"."""
    participles, demonstratives = lex.word_set("survey_participles"), grammar.PLURAL_DEMONSTRATIVES
    qualifiers = lex.word_set("leading_qualifier_words")
    kept, dropped = grammar.NAMING_DETERMINERS, grammar.LEADING_DROP_WORDS
    while start < head.i and (doc[start].i in drop or not any(c.isalnum() for c in doc[start].text)
                              or doc[start].lower_ in participles or doc[start].pos_ == "SCONJ"
                              or doc[start].tag_ in ("WDT", "WP")  # 'that' of '... reason that doctors don't ...'
                              or (doc[start].pos_ in LEADING_DROP_POS
                                                        and doc[start].lower_ not in kept)
                              or doc[start].lower_ in qualifiers
                              or (doc[start].like_num and doc[start].head == head and doc[start].dep_ == "nummod"
                                  and not (start + 1 < end and doc[start + 1].lower_ in ("-", "to", "and")))
                              or doc[start].lower_ in dropped
                              or _as_many(doc, start, head)):
        if doc[start].lower_ in demonstratives and doc[start].i == head.i:
            break
        if doc[start].lower_ in grammar.AGE_BOUND_WORDS and start + 1 < end and regex.match(r"\d", doc[start + 1].text):
            break  # "over 65s" names an age group
        start += 1
    m = VERBAL_FIGURE.match(doc[start:head.i].text + " ") if start < head.i else None
    if m:  # "Four in five consumers", "two-thirds of U.S. adults": the figure is not part of the group
        figure_end = doc[start].idx + m.end()  # fixed once: "eight in 10 UK adults" keeps "UK"
        while start < head.i and doc[start].idx < figure_end:
            start += 1
    return start


COUNT_COMPARATIVES = ("many", "few", "much")  # after 'as': 'three times as many voters'


def _as_many(doc: Doc, i: int, head: Token) -> bool:
    """'Three times as many voters backed the plan': 'as many' compares counts; the voters are the group."""
    return i + 1 < head.i and doc[i].lower_ == "as" and doc[i + 1].lower_ in COUNT_COMPARATIVES or (
        i > 0 and doc[i - 1].lower_ == "as" and doc[i].lower_ in COUNT_COMPARATIVES)


# Age and range modifiers the parser often leaves off the noun: "voters age 50 or older", "adults aged
# 18-34", "people over 65", "those ages 50+", "workers under 25".
DEFINING_TAIL = regex.compile(
    r"""^(?P<open>\([ \t]*)?  # also in brackets: "2,521 adults (aged 18 and over)"
         (?:age[sd]?|over|under|between|above|below)[ \t]+\d+\+?
         (?:[ \t]*(?:-|\u2013|to|and)[ \t]*\d+)?
         (?:[ \t]+(?:or|and)[ \t]+(?:older|over|younger|under|above|below|up))?
         (?:[ \t]+(?:years?[ \t]+old|years?))?
         (?(open)[ \t]*\))""", regex.I | regex.X)
# What after such a tail makes its numbers days, not ages: "between 3 and 4 June", "between 24 and 26 October 2017".
DATE_AFTER_TAIL = regex.compile(
    r"""(?:[ \t]*(?:-|\u2013|to|and)[ \t]*\d+)?  # the second day, where the tail stopped at the first
         [ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b""", regex.I | regex.X)


def extend_defining_tail(doc: Doc, span: tuple[int, int], limit: tuple[int, int],
                         stops: Iterable[int] = ()) -> tuple[int, int]:
    """Put back an age or range modifier written right after the phrase: it says who is meant."""
    if span[1] >= limit[1]:
        return span
    window = doc[span[1]:min(limit[1], span[1] + 12)]
    m = DEFINING_TAIL.match(window.text)
    if not m or DATE_AFTER_TAIL.match(window.text, m.end()):
        return span
    stop_set = stops if isinstance(stops, (set, frozenset)) else set(stops)
    end_char, end = window.start_char + m.end(), span[1]
    while end < limit[1] and end not in stop_set and doc[end].idx < end_char:
        end += 1
    return (span[0], end) if end > span[1] else span


def not_who_answered(tok: Token, lex: Lexicon) -> bool:
    """People named as what an opinion is about or as left out of the figures, not as who answered:
    'trust in senior police officers', 'confidence in their leaders'; 'excluding those who would not
    vote or didn't know', 'except those who declined'."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in grammar.EXCLUDING_WORDS or (
        prep.lower_ in grammar.OPINION_OBJECT_PREPS and prep.head.lemma_.lower() in lex.word_set("opinion_measures"))


def plural_mentions(doc: Doc, sentences: Iterable[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int, bool]]:
    """Maximal plural noun phrases that name people (or surveyed units) in the sentences, as (start, end,
    is_subject): candidates that a later "they", "them" or "these leaders" can point back to. What was
    asked about ("Radio ads", "Tutorials", "results") is never one."""
    skip = lex.word_set("amount_nouns") | lex.word_set("time_nouns") | lex.word_set("survey_nouns")
    out = []
    for s, e in sentences:
        for tok in doc[s:e]:
            plural = tok.tag_ in ("NNS", "NNPS") or (tok.lower_ == "those" and any(c.dep_ in ("relcl", "prep", "acl") for c in tok.children))
            if not plural or tok.lower_ in skip or tok.lemma_.lower() in skip:
                continue
            if tok.lower_ != "those" and not is_people(tok, lex):
                continue
            if not_who_answered(tok, lex):
                continue
            if any(a.tag_ in ("NNS", "NNPS") and a.i < e and a.i >= s and a.lower_ not in skip for a in tok.ancestors
                   if a.dep_ not in ("ROOT",) and a.pos_ in ("NOUN", "PROPN")):
                continue  # nested inside a larger plural phrase
            span = trim_phrase(doc, tok, lex, limit=(s, e))
            if span is None:
                continue
            if counted_by_measure(tok, lex):
                span = drop_counted_clause(tok, span)
            out.append((span[0], span[1], tok.dep_ in ("nsubj", "nsubjpass")))
    return out


def is_anaphoric(span: Span, lex: Lexicon) -> bool:
    """'them', 'these leaders', 'both groups', 'the two': a phrase that points back rather than names.
    'IT' (the department) is a name, not 'it'."""
    toks = [t for t in span if not t.is_punct]
    words = [t.lower_ for t in toks]
    if not words:
        return True
    if len(words) == 1 and words[0] in grammar.ANAPHORS and not (toks[0].text.isupper() and len(toks[0].text) > 1):
        return True
    if words[0] in grammar.ANAPHORIC_OPENERS and len(words) <= 2:
        return words[-1] not in lex.word_set("survey_participles")  # "those surveyed" names the respondents
    return " ".join(words) in grammar.ANAPHORIC_PHRASES
