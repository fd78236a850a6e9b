"""The lexicon-backed reading of one figure's surroundings: which noun names its group (after the
figure, before its bracket, as the determiner it stands for, as the thing measured), whether a noun
counts people, and the period and statement that go with the figure."""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Doc, Span, Token

from .. import grammar
from ..lexicon import Lexicon
from ..phrases import (AGE_GROUP, is_amount, is_change_word, is_people, opening_aside, opening_bracket, opens_clause,
                       participle_object, split_compound_head, suspended_band_noun)
from ..samples.patterns import SamplePatterns

# What introduces a figure as the other side of a comparison (groups/base.py): the same share at another time ("up
# from 7% in 2003", "compared to 72 percent in 2006", "against 44% a year earlier") or for another group ("versus
# just 19 percent for marketers", "in contrast to 49% of the general public"). {changes}: the change words.
COUNTERPART_LINK = r"""\b(?:(?:{changes})
              (?:\s+by\s+(?:more\s+than\s+|almost\s+|nearly\s+)?(?:half|a\s+third|a\s+quarter|\d+\s+points?)
                 |\s+\d+(?:\.\d+)?\s+(?:percentage\s+)?points?)?  # "down 5 points from"
              \s+from                                    # "up from", "down by more than half from"
           |to\s+\d[\d.]*\s*(?:%|per\s?cent|percent)\s+from   # "(to 53% from 45% in August)": the level it left
           |compared\s+(?:to|with)|versus|vs\.?|against  # "compared with", "versus", "vs.", "against"
           |in\s+contrast\s+(?:to|with)                  # "in contrast to"
        )\s+(?:\w+\s+){{0,2}}$                            # up to two words between: "a mere", "just"
    """
# Every counterpart link ends in one of these words and at most two more: tried first, this short pattern
# spares most figures the search of the long alternation of change words (several times slower).
# Measures that count more than people's shares ('the number of stores', 'the total', 'that figure').
NOT_PEOPLE_MEASURES = frozenset({"number", "total", "figure", "level"})
LINK_END = regex.compile(r"\b(?:from|to|with|versus|vs\.?|against)\s+(?:\w+\s+){0,2}$", regex.I)
TIME_RE = regex.compile(
    r"""[\s,]*(?:respectively[\s,]*)?(?:(?:in|from|since|during|for|of|by|than|on|over|at)\s+)?
        (?:the\s+)?(?P<t>(?:19|20)\d\d(?:[/-]\d{2,4})?|(?:{phrases}))\b""", regex.I | regex.VERBOSE)


def ratio_base(num: Token) -> bool:
    """The base of a ratio written before its noun, not a count of it: 'Four in five consumers (80 per
    cent)', 'nine out of 10 HR staff (86%)', '3 in 10 organizations (30.4%)', 'two of three voters'."""
    doc = num.doc
    i = num.i - 1
    if i < 1 or doc[i].lower_ not in grammar.RATIO_BASE_PREPS:
        return False
    j = i - 1 if doc[i - 1].lower_ != "out" else i - 2
    return j >= 0 and doc[j].like_num


def _points_back(noun: Token) -> bool:
    """'that figure', 'this number': a noun a demonstrative points back with."""
    return any(c.dep_ == "det" and c.lower_ in grammar.NAMING_DETERMINERS for c in noun.children)


def _listed_after(tok: Token) -> tuple[Token, Token, Optional[Token]]:
    """The first item of the list ``tok`` is in ('teachers (86%), judges (80%), scientists (79%)': the parser
    chains the items as conjuncts or appositions), the verb that item hangs on, and that verb's subject."""
    while tok.dep_ in ("conj", "appos") and tok.head.i < tok.i:
        tok = tok.head
    verb = tok.head
    return tok, verb, next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def bracket_holds_more_figures(doc: Doc, fig: Span, sent: Span) -> bool:
    """Does the bracket the figure opens hold other numbers: '(83% vs. 52%)', '(83% of very effective vs.
    51% of effective)'? Such a pair is read by position, not as one group's share."""
    close = next((t.i for t in doc[fig.end:sent.end] if t.text == ")"), sent.end)
    return any(t.like_num for t in doc[fig.end:close])


RUN_WORDS = 6  # the longest run of nominal words read after a counting figure ('marketing and IT executives')


def nominal_run_word(tok: Token) -> bool:
    """A word of a run of nominal words ('marketing and IT executives', 'small business owners'): a noun, a name,
    an acronym the tagger took for a pronoun ('IT'), an adjective, a coordinator, a hyphen or '&'."""
    return is_run_noun(tok) or tok.pos_ in ("ADJ", "CCONJ") or tok.text in ("-", "&")


def is_run_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "PRON" and tok.text.isupper() and len(tok.text) > 1


class GroupRules:
    """The lexicon, the patterns compiled from its lists, and the syntactic look-ups built on them. A rule
    reads a list as ``rules.lex.word_set(name)`` (no copy of it is kept here under another name, so the
    list's name is what a reader of the rule sees)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.time_re = regex.compile(TIME_RE.pattern.replace("{phrases}", lexicon.alternation("time_expressions")),
                                     TIME_RE.flags)
        self.samples = lexicon.compiled(SamplePatterns)
        self.survey_cue_re = regex.compile(rf"\b(?:{lexicon.alternation('survey_cue_words')})\b", regex.I)
        self.counterpart_link = regex.compile(COUNTERPART_LINK.format(changes=lexicon.alternation("change_words")),
                                              regex.I | regex.X)
        # What decides a figure's kind (``kind_rules.KIND_RULES``).
        self.margin_re = regex.compile(rf"(?:{lexicon.alternation('margin_of_error_words')})[^.]{{0,40}}$", regex.I)

    # ------------------------------------------------------------ finding heads
    def open_bracket(self, doc: Doc, fig: Span, lo: int) -> Optional[int]:
        """The "(" the figure sits in, past the words that qualify it ('(nearly 62%)'); None outside brackets."""
        return opening_bracket(doc, fig.start, lo, self.lex.word_set("leading_qualifier_words"))

    def of_object(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """The object of the 'of' right after the figure (after a closing bracket for '(23%)')."""
        j = fig.end
        if j < sent.end and doc[j].text == ")" and fig._.form and self.open_bracket(doc, fig, sent.start) is not None:
            j += 1
        if j + 1 < sent.end and doc[j].pos_ == "NOUN" and doc[j].lower_ in self.lex.word_set("vague_quantifiers") \
                and doc[j].head.i != j - 1:
            j += 1  # "a 55 percent majority of white voters": the part the figure sizes is of them
        if j >= sent.end or doc[j].lower_ != "of":
            return None
        of = doc[j]
        band = suspended_band_noun(doc[j + 1]) if j + 1 < sent.end else None
        if band is not None:
            return band  # "80% of 18- to 29-year-olds visit ...", with '18-' and the band hung anywhere
        for tok in doc[j + 1:sent.end]:
            if tok.head.i == of.i and tok.dep_ in ("pobj", "pcomp", "dobj", "conj", "appos", "npadvmod", "nmod"):
                tok = split_compound_head(tok)
                # "nearly a quarter of IT managers throwing in the towel", parsed as "of [managers throwing ...]":
                # the people are the subject of the clause the parser made the object.
                subject = next((c for c in tok.children if c.dep_ == "nsubj"), None) if tok.dep_ == "pcomp" else None
                if subject is not None and self.is_people(subject):
                    return subject
                answered = participle_object(tok, self.lex)  # "55 percent of responding physicians in 2011"
                if answered is not None:
                    return answered
                return self._people_before_a_verb_read_as_noun(tok) or tok
        if j + 1 >= sent.end:
            return None
        tok = doc[j + 1]
        while tok.head.i > tok.i and tok.head.i < sent.end and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            tok = tok.head
        return tok

    def _people_before_a_verb_read_as_noun(self, obj: Token) -> Optional[Token]:
        """'over 90% of voters value chemistry, creativity, ...': the parser made the verb and its object one noun
        with the people as its first word. A plural people noun compounded onto a lower-case singular or verb
        form, in an object that names no people, is who answered; what follows is the predicate. An age group
        ('69% of over-65s think ...') is plural whatever the tagger calls it (often a singular proper noun)."""
        if self.is_people(obj):
            return None
        doc = obj.doc
        for tok in doc[obj.left_edge.i:obj.i]:
            nxt = doc[tok.i + 1]
            plural = tok.tag_ in ("NNS", "NNPS") or AGE_GROUP.search(tok.lower_) is not None
            if tok.dep_ in ("compound", "nmod") and plural and self.is_people(tok) \
                    and nxt.tag_ in ("NN", "VB", "VBP") and nxt.is_lower:
                return tok
        return None

    def bracket_head(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """'those who say the relationship is very effective (48%)': the phrase the bracket follows."""
        opened = opening_aside(doc, fig.start, fig.end, sent.start, sent.end,
                               self.lex.word_set("leading_qualifier_words"))
        if opened is None or opened - 1 < sent.start:
            return None
        prev = doc[opened - 1]
        if prev.is_punct or prev.like_num or prev.lower_ in self.lex.denominators:
            return None
        if prev.lower_ in self.lex.word_set("vague_quantifiers"):
            return None  # "most (76%) worked full-time": the vague word made exact, not a group before it
        if doc[opened].text == "(" and bracket_holds_more_figures(doc, fig, sent):
            return None  # "(83% vs. 52%)" after a topic, not a group
        # The highest phrase ending right at the bracket that names people (or surveyed units):
        # "those who say the relationship is very effective (48%)", not "the must-have gadget for
        # most people (75%)"; a bracket after a topic ("second place (67%)") names no group.
        best: Optional[Token] = None
        tok = prev
        while sent.start <= tok.i < sent.end:
            right = max((t.i for t in tok.subtree if t.i < opened), default=tok.i)
            if right > prev.i or tok.lower_ in grammar.COMPARISON_PARTICLES:
                break  # "three times as many as [those who ...] (24%)": the group is the compared side
            named = self.counted_noun(tok)
            counted = any(c.dep_ == "nummod" and c.like_num and not ratio_base(c) for c in named.children)
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and self.is_people(named) and not counted:
                best = named
            elif tok.pos_ == "NUM" and not any(t.dep_ == "prep" and t.lower_ == "of" for t in tok.subtree) \
                    and any(t.pos_ == "NOUN" and self.is_people(t) for t in tok.subtree if t.i != tok.i):
                # "25 to 34-year-olds": the parser heads the age range with its first number; not a fraction
                # of people it heads ('two-thirds of companies (62%)', "two" <- "thirds" <- "of")
                best = tok
            if tok.head.i == tok.i or (best is not None and tok.dep_ == "conj" and not all(
                    t.dep_ in ("cc", "punct") or tok.is_ancestor(t) for t in doc[tok.head.i + 1:tok.i])):
                break  # "15 to 24-year-olds (94%), and 25 to 34-year-olds (92%)", "68 percent of A and most of B
                # (62 percent)": each conjunct its own figure; not "decided voters and leaners (35 per cent)", one
                # figure for two bare conjuncts, the phrase of the first
            tok = tok.head
        if best is not None and self._rated_item(best):
            return None
        return best if best is not None else self._ranked_subgroup(prev)

    def _ranked_subgroup(self, tok: Token) -> Optional[Token]:
        """'By industry, the retailers most likely to report excellent business health are discount stores
        (82%), health and beauty stores (76%) ...': items ranked after a people subject that holds 'most' or
        'least' are parts of it, each the base of its own figure, whatever the noun."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        first, verb, subject = _listed_after(tok)
        if first.dep_ != "attr" or verb.lemma_.lower() != "be":
            return None
        ranking = self.lex.word_set("ranking_words")
        if subject is None or not self.is_people(subject) or not any(t.lower_ in ranking for t in subject.subtree):
            return None
        return tok

    def _rated_item(self, tok: Token) -> bool:
        """'Professions that are highly trusted include teachers (86%), judges (80%) ...', 'The most
        trusted professions are doctors (89%) ...': items listed after a subject that is not people are
        what was rated; the share is of the people asked, named elsewhere."""
        first, verb, subject = _listed_after(tok)
        if first.dep_ not in ("dobj", "attr") or verb.lemma_.lower() not in self.lex.word_set("listing_verbs"):
            return False
        return subject is not None and subject.pos_ == "NOUN" and not self.is_people(subject)

    def following_noun(self, doc: Doc, fig: Span, sent: Span, form: Optional[str] = None) -> Optional[Token]:
        """'Three out of four marketers believe', 'one in 10 marketing and IT executives say',
        'Nearly half those pupils polled': a verbal figure used as a determiner. ``form`` is the
        figure's own when ``fig`` is the verbal twin of an exact figure."""
        form = form or fig._.form
        if form not in ("ratio", "count", "fraction") or fig.end >= sent.end:
            return None
        j = fig.end
        if doc[j].text == "(":  # "Almost nine in ten (86 per cent) HR professionals believe": its exact twin
            close = next((t.i for t in doc[j + 1:min(sent.end, j + 6)] if t.text == ")"), None)
            if close is not None and any(t.like_num for t in doc[j + 1:close]):
                j = close + 1
                if j >= sent.end:
                    return None
        if form == "fraction" and doc[j].lower_ in ("the", "those", "these", "all", "its", "their"):
            j += 1
        if j >= sent.end or doc[j].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
        tok = doc[j]
        while tok.pos_ not in ("NOUN", "PROPN") or (tok.head.i > tok.i and tok.head.i < sent.end and tok.head.pos_ in ("NOUN", "PROPN")):
            if not (tok.head.i > tok.i and tok.head.i < sent.end):
                return None
            tok = tok.head
        # The run of nominal words may go on past the parser's head to the people it counts ('one in 11 marketing
        # and IT executives', with 'marketing' hung elsewhere).
        run_end = self.people_ending_run(doc, j, sent.end)
        if run_end is not None and run_end.i > tok.i:
            return run_end
        # "A fifth rely on mobiles": a verb mistagged as a noun is not a group.
        return tok if tok.tag_ in ("NNS", "NNPS") or self.is_people(tok) else None

    def people_ending_run(self, doc: Doc, start: int, end: int) -> Optional[Token]:
        """'one in 11 marketing and IT executives say ...', which the parser may cut anywhere: the people noun that
        ends the run of nominal words from ``start``, read in word order, if the run ends on one."""
        last: Optional[Token] = None
        for tok in doc[start:min(end, start + RUN_WORDS)]:
            if not nominal_run_word(tok):
                break
            if is_run_noun(tok):
                last = tok
        return last if last is not None and self.is_people(last) else None

    def counted_noun(self, tok: Token) -> Token:
        """What a quantity word counts: 'the largest share of those who ...' names 'those who ...'. Any other
        word is its own noun. The group is who is counted, not the share."""
        heads = self.lex.word_set("quantity_heads")
        if tok.lower_ in heads or tok.lemma_.lower() in heads:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ in ("pobj", "pcomp"):
                            return obj
        return tok

    def copula_subject(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """'The percentage of respondents who said ... is 46%' -> respondents; also where the value moves:
        'The number of retailers focused on ... has increased by seven points, from 19% to 26%'."""
        root = fig.root
        verb = root.head
        if root.dep_ == "pobj" and verb.lower_ in ("at", "to", "from") and verb.head.i != verb.i:
            verb = verb.head
            # "from 19% a year ago to 26% today": 'to' hangs on 'from' or on the first figure
            for _ in range(2):
                if verb.pos_ == "ADP" or verb.dep_ == "pobj" and verb.head.pos_ == "ADP":
                    verb = verb.head
            while verb.pos_ == "ADP" and verb.head.i != verb.i:
                verb = verb.head
        lemma = verb.lemma_.lower()
        # "the number of retailers ... has increased ..., from 19% a year ago to 26% today": a change of the value
        if root.dep_ not in ("attr", "acomp", "dobj", "pobj", "npadvmod", "oprd", "advmod") or not (
                lemma in self.lex.word_set("copula_verbs") or lemma in self.lex.word_set("change_words") and verb.pos_ == "VERB"):
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ == "conj":
            verb = verb.head  # "The number of retailers focused on ... has increased": the subject of the first verb
        heads = self.lex.word_set("quantity_heads")
        for child in verb.children:
            measure = child.lemma_.lower()  # 'The percentage of ...'; not '%' or 'percent', the figure's own unit
            if child.dep_ in ("nsubj", "nsubjpass") and measure in heads and measure not in ("%", "percent"):
                obj = self.counted_noun(child)
                return obj if obj.i != child.i else None
        return None

    def measure_opening(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """'The percentage of Americans ages 18 to 29 who are eating out more is 46%', parsed with the measure as the
        root or the band's "to 29" on it: a measure of people that opens the sentence (past a lead-in, ``opens_clause``)
        names whom its first figure is a share of, however the parser hangs the figure."""
        measures = self.lex.word_set("measure_nouns") - NOT_PEOPLE_MEASURES
        tok = next((t for t in doc[sent.start:fig.start] if t.lemma_.lower() in measures), None)
        if tok is None:
            return None
        start = tok.i
        while start > sent.start and doc[start - 1].pos_ == "DET":
            start -= 1
        counted = self.counted_noun(tok)
        if counted.i == tok.i or counted.i > fig.start or not self.is_people(counted) \
                or not opens_clause(doc, sent.start, start, self.lex):
            return None
        return counted

    def is_average(self, fig: Span) -> bool:
        """'compared to the global average of 31 per cent', 'compared with a national average of 24%': a benchmark
        over everyone, which is no group's share."""
        root = fig.root
        return root.dep_ == "pobj" and root.head.lower_ == "of" \
            and root.head.head.lemma_.lower() in self.lex.word_set("average_nouns")

    # ------------------------------------------------------------ people
    def level_group(self, fig: Span) -> Optional[Token]:
        """The people a change's new level is for, named in its clause: 'this rose to 40% for pharmacists
        working at the multiples', 'For organizations with 3000-4999 employees, that figure rose to an
        astonishing 80%', 'Among CFOs at companies with revenue over $1 billion, the share rose to 71%'. The
        level is their share, as a change of an amount's level ('sales rose to ...') is not."""
        root = fig.root
        gov = root.head
        if not (root.dep_ == "pobj" and gov.lower_ == "to" and self.is_change(gov.head)):
            return None
        verb = gov.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and self.is_amount(c) and not _points_back(c) for c in verb.children):
            return None  # 'sales rose to ...'; not 'that figure rose to ...', the figure before it
        # On the verb, or on the figure where the parser hangs it there ('rose to 40 percent for pharmacists').
        for prep in (*verb.children, *(c for c in root.children if c.i > root.i)):
            if prep.dep_ == "prep" and prep.lower_ in grammar.LEVEL_GROUP_PREPS:
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None and self.is_people(obj):
                    return obj
        return None

    def is_change(self, tok: Token) -> bool:
        """A change word, as written or as its lemma ('rose', 'rise'): what it takes is a change, not a share."""
        return is_change_word(tok, self.lex)

    def is_amount(self, tok: Token) -> bool:
        """An amount noun, as written or as its lemma ('sales', 'budgets'), unless listed as people as written."""
        return is_amount(tok, self.lex)

    def is_people(self, tok: Token) -> bool:
        """Does this noun count people or surveyed units (firms, households, PCs) rather than an amount?"""
        return is_people(tok, self.lex)

    # ------------------------------------------------------------ time and statement
    def time_after(self, doc: Doc, text: str, end_char: int, sent: Span) -> Optional[tuple[int, int]]:
        """The period written right after ``end_char``: '... in 2003', '..., respectively, last year'."""
        m = self.time_re.match(text, end_char, min(sent.end_char, end_char + 60))
        if not m:
            return None
        span = doc.char_span(m.start("t"), m.end("t"), alignment_mode="expand")
        return (span.start, span.end) if span is not None else None

    def statement(self, doc: Doc, fig: Span, sent: Span, stops: set[int]) -> Optional[tuple[int, int]]:
        """What the group holds or does: the predicate of the verb the figure is the subject of."""
        root = fig.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        if root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = root.head
        target = verb
        if verb.lemma_.lower() in self.lex.word_set("opinion_verbs"):
            comp = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
            if comp:
                target = comp[0]
        start = verb.i if target.i == verb.i else target.left_edge.i
        end = target.right_edge.i + 1
        for i in range(start, min(end, sent.end)):
            if i in stops or doc[i].text in (";", ":", "(", "\u2014", "\u2013") or (
                    doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in grammar.STATEMENT_BREAK_WORDS):
                end = i
                break
        end = min(end, sent.end)
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end <= start or end - start > 40:
            return None
        if doc[start].lower_ in ("that",) and end - start > 1:
            start += 1
        return start, end

