"""The cues the kind rules read that take more than a look at the figure's head: a figure that names the gap
between two shares, a verb the tagger took for a noun after a figure, 'more than' that opens an answer's own
quantity, a figure alone in brackets after an answer, an opinion that moves, and the default in an article that
reports a survey. Each is a predicate on the parse; ``kind_rules.KIND_RULES`` decides with them."""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokens import Doc, Span, Token

from .. import grammar
from .rules import GroupRules
from .state import GroupState


def names_the_gap(fig: Span, difference: frozenset[str]) -> bool:
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


# What joins the two sides of a stated lead: '(59 percent-36 percent)', '(78% to 20%)', 'by 39% to 34%'.
SIDES_LINK = regex.compile(r"\s*(?:-|\u2013|\u2014|to|vs\.?|versus)\s*", regex.I)
GAP_REACH = 80  # characters before a pair of figures searched for the lead or margin it states
RANGE_FORMS = ("range_low", "range_high")
FINITE_VERB_TAGS = ("VB", "VBP", "VBZ", "VBD")  # (a plural subject's "lead" may be tagged VB)
TENSED_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb with a tense of its own: not 'to support'


def sides_of_a_gap(text: str, neighbours: tuple[Optional[Span], Optional[Span]], fig: Span, sent: Span,
                   difference: frozenset[str]) -> bool:
    """'Trump had a 23 point lead (59 percent-36 percent)', 'by a margin of four-to-one (78% to 20%)', 'Labour lead
    the Conservatives by 39% to 34%': a figure set against the figure right before or after it, after a lead, a
    margin or a gap, is the share of one side (the gap itself is the point change)."""
    if fig._.form in RANGE_FORMS:
        return False  # 'a 3-5% rise': one range, not two sides
    before, after = neighbours
    partner = next((f for f in (after, before) if f is not None and sent.start <= f.start < sent.end and (
        f.start >= fig.end and SIDES_LINK.fullmatch(text[fig.end_char:f.start_char])
        or f.end <= fig.start and SIDES_LINK.fullmatch(text[f.end_char:fig.start_char]))), None)
    if partner is None:
        return False
    first = min(fig.start, partner.start)
    reach_char = max(sent.start_char, fig.doc[first].idx - GAP_REACH)
    # a noun ('a 23 point lead', 'a margin of four-to-one') or a finite verb ('Labour lead the Conservatives by'),
    # not 'Leading electronics chain'
    return any((t.lemma_.lower() in difference or t.lower_ in difference)
               and (t.pos_ == "NOUN" or t.tag_ in FINITE_VERB_TAGS) for t in fig.doc[sent.start:first] if t.idx >= reach_char)


def _opens_clause(tok: Token, findings: frozenset[str]) -> bool:
    """A word after which a figure leads a clause: punctuation or a conjunction, 'that', a verb of finding
    (``findings``: the lemmas of finding_verbs)."""
    return (tok.lower_ in grammar.CLAUSE_OPENERS or tok.lower_ == "that"
            or tok.pos_ == "VERB" and tok.lemma_.lower() in findings)


# Words that may stand between a clause's opener and its figure: "while slightly more than 40 percent project".
LEADING_WORD_POS = ("ADV", "PUNCT", "CCONJ", "ADJ", "ADP", "SCONJ")


def word_after_figure(fig: Span) -> Token | None:
    """The noun right after the figure that the figure is read with: the one it modifies ('10% inflation'), or,
    where the parser made both the figure and that word modifiers of the next noun ('14% file issues against
    projects': '%' and 'file' compounds of 'issues'), that word."""
    doc, head = fig.doc, fig.root.head
    if head.i == fig.end:
        return head
    if fig.end < len(doc) and doc[fig.end].dep_ == "compound" and doc[fig.end].head.i == head.i:
        return doc[fig.end]
    return None


def verb_taken_for_noun(fig: Span, sent: Span, rules: GroupRules, head: Token) -> bool:
    """'20% practice in groups of 101 doctors', 'Only 14% perceive that they have the time', '6 percent visit
    warehouses, ... and 1 percent shop online', 'while slightly more than 40 percent project major layoffs', 'found
    30% worry about money', 'and 14% file issues against projects': a figure that leads its clause, followed by
    a singular noun (``head``, see ``word_after_figure``) that takes a complement as a verb would, in a clause
    with no verb of its own. A noun the figure really modifies ('a 3% rise in prices', '10% inflation', 'and 10%
    growth in sales') has a determiner before the figure, no complement, or is a change, an amount or a rate."""
    doc = fig.doc
    if head.tag_ != "NN" or _measured_word(head, rules):
        return False  # a change, an amount, a rate or a time: the noun the figure modifies
    opener = _clause_opener(fig, sent, rules)
    if opener is None:
        return False
    clause_end = _clause_end(head, sent)
    said = _verb_of(_clause_said(doc, head, clause_end))
    complement = any(c.i > head.i and c.dep_ in ("prep", "relcl", "ccomp", "acl", "dobj", "advmod")
                     for c in head.children)
    nxt = doc[head.i + 1] if head.i + 1 < sent.end else None
    # "shop online", "rely entirely on": a word no noun phrase continues with; "visit warehouses", "project major
    # layoffs", "name regulation as ...": the parser made the verb a compound of its object (of a singular object,
    # a verb the lexicon knows the tagger mistakes for a noun).
    compound_of_object = head.dep_ == "compound" and head.head.i > head.i and (
        head.head.tag_ == "NNS" or head.lemma_.lower() in rules.lex.word_set("mistagged_verbs"))
    verb_like = nxt is not None and (nxt.pos_ in ("ADV", "ADP", "SCONJ", "DET", "PRON") or compound_of_object)
    return (complement or verb_like or said is not None) and not _own_verb(doc, opener, clause_end, head, said)


# The tags and, for a verb's tag, the roles of a verb of saying the parser did not read as one: a noun ('state'),
# or a past form hung on the clause's subject as an adjective ('43% estimated advertising's importance will ...');
# a verb it read as one says a clause when the figure is its subject ('83% insist it provides').
SAYING_WORD_TAGS = frozenset({"NN", "VBD", "VBN"})
NOUN_LIKE_DEPS = frozenset({"amod", "compound", "nmod"})


def says_a_clause(fig: Span, sent: Span, rules: GroupRules, head: Token) -> bool:
    """'and 83% state it provides a competitive edge', 'Just 43% note advertising's importance will accelerate',
    '43% estimated sales will fall': a figure that leads its clause, followed by a word after which a clause
    with a subject of its own starts. The word is the figure's verb of saying, noting or estimating, even where the
    parser took it for a noun or an adjective: the figure is people who say something, whatever the clause speaks
    of (money too)."""
    doc = fig.doc
    opener = _clause_opener(fig, sent, rules)
    its_verb = head.pos_ in ("VERB", "AUX") and fig.root.head.i == head.i and fig.root.dep_ in ("nsubj", "nsubjpass")
    noun_like = head.tag_ in SAYING_WORD_TAGS and (head.pos_ != "VERB" or head.dep_ in NOUN_LIKE_DEPS)
    if not (its_verb or noun_like) or opener is None:
        return False
    clause_end = _clause_end(head, sent)
    subject = _clause_said(doc, head, clause_end)
    if subject is None or _own_verb(doc, opener, clause_end, head, subject.head):
        return False
    # 'while 20% price cuts were seen': the word is an amount the figure measures, the first of the subject's nouns
    # (a change word may say a clause: '43% estimate sales will fall'; it may not be the subject: '... cuts were seen')
    return its_verb or not (_measured_word(head, rules, changes=False) or _measured_word(subject, rules))


def _measured_word(tok: Token, rules: GroupRules, *, changes: bool = True) -> bool:
    """A change, an amount, a rate or a time: what a figure before it measures ('a 3% rise', '20% price cuts')."""
    names = ("change_words", "amount_nouns", "rate_nouns", "time_nouns") if changes else (
        "amount_nouns", "rate_nouns", "time_nouns")
    return any(w in rules.lex.word_set(name) for w in (tok.lower_, tok.lemma_.lower()) for name in names)


def _clause_opener(fig: Span, sent: Span, rules: GroupRules) -> Optional[int]:
    """Where the clause the figure leads opens (an index before the figure), if it leads one: only words that
    qualify it stand between ('while slightly more than 40 percent project'), no determiner."""
    doc = fig.doc
    findings = rules.lex.word_set("finding_verbs")
    opener = next((t.i for t in reversed(doc[sent.start:fig.start]) if _opens_clause(t, findings)), sent.start - 1)
    between = doc[opener + 1:fig.start]
    # ("Some 28% cited cost": 'some' qualifies the figure, a determiner only to the tagger)
    if not all(t.pos_ in LEADING_WORD_POS and t.lower_ not in ("a", "an", "the") or _additive_article(t)
               or t.lower_ == "some" or t.lower_ in grammar.ADDITIVE_WORDS for t in between):
        return None
    return opener


def _additive_article(tok: Token) -> bool:
    """'a' of 'a further 25 per cent', 'the' of 'the remaining 40%': an article that opens one more share of a
    list, not a noun phrase the figure modifies."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in ("a", "an", "the") and nxt is not None and nxt.lower_ in grammar.ADDITIVE_WORDS


def verb_after_figure(fig: Span, sent: Span, rules: GroupRules) -> bool:
    """'Some 28% cited cost as the main barrier', '86% select regulation as ...', 'and the remaining 40% cite time':
    the word right after a figure that leads its clause is a verb the lexicon knows the tagger mistakes (intent,
    stance, choosing an answer), and the clause has no verb of its own besides it, whatever the parser made of
    the word (the noun, a compound, a modifier, an adjective)."""
    if fig.end >= sent.end:
        return False
    word, mistagged = fig.doc[fig.end], rules.lex.word_set("mistagged_verbs")
    if word.lemma_.lower() not in mistagged and word.lower_ not in mistagged:
        return False
    # (a tensed verb later in the clause is its verb: "40% support was seen"; an infinitive is not: "... skills to
    # support the technology")
    finite = any(t.tag_ in TENSED_VERB_TAGS for t in fig.doc[word.i + 1:_clause_end(word, sent)])
    return not finite and _clause_opener(fig, sent, rules) is not None


def _clause_end(word: Token, sent: Span) -> int:
    return next((t.i for t in word.doc[word.i + 1:sent.end] if t.lower_ in grammar.CLAUSE_OPENERS), sent.end)


def _own_verb(doc: Doc, opener: int, end: int, word: Token, said: Optional[Token]) -> bool:
    """Has the figure's clause a verb of its own, besides ``word`` and what hangs on it, and the clause it says?"""
    return any(t.pos_ in ("VERB", "AUX") and t != word and not word.is_ancestor(t)
               and not (said is not None and (t == said or said.is_ancestor(t))) for t in doc[opener + 1:end])


def _verb_of(subject: Optional[Token]) -> Optional[Token]:
    return subject.head if subject is not None else None


def _clause_said(doc: Doc, word: Token, end: int) -> Optional[Token]:
    """'83% state it provides a competitive edge', 'just 43% note advertising's importance will accelerate', 'only 1%
    estimate that Web sales had declined': a clause with a subject of its own starts right after the word (past a
    'that'), which the tagger may have taken for a noun (the figure's verb of saying, noting, estimating). The
    clause's subject (its head is the clause's verb), or None."""
    start = word.i + 1 + (word.i + 1 < end and doc[word.i + 1].lower_ == "that")
    for tok in doc[start:end]:
        verb = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.i < verb.i < end and verb.pos_ in ("VERB", "AUX") \
                and all(tok.is_ancestor(t) for t in doc[start:tok.i]):
            return tok  # (the subject's phrase starts right after the word, though the parser may hang the word on it)
    return None


def bounds_what_follows(doc: Doc, word: Token, sent: Span) -> bool:
    """'with 55% reporting less than 15 years experience and 45% more than 15 years': 'more than' opens the
    answer's own quantity (a count, not a year or another percentage), not a change of the figure."""
    j = word.i + 1
    if word.lower_ not in ("more", "less", "fewer") or j + 1 >= sent.end or doc[j].lower_ != "than":
        return False
    num = doc[j + 1]
    following = doc[j + 2] if j + 2 < sent.end else None
    year = len(num.text) == 4 and num.text[:2] in ("19", "20")
    return num.like_num and not year and not (following is not None and following.text in ("%", "percent", "per"))


def bracketed_after_answer(state: GroupState, fig: Span, sent: Span) -> bool:
    """'• Spending will be reduced (33%)', '“Drive sales and grow market share” (45%)': in an article that
    reports a survey, a figure alone in brackets after an answer is the share that gave it, whatever the
    answer talks about."""
    doc = state.doc
    if not state.survey_doc or fig.start <= sent.start:
        return False
    if doc[fig.start - 1].text == "/":  # the second of "(26%/24%)": the other group's answer
        opened = any(t.text == "(" for t in doc[max(sent.start, fig.start - 4):fig.start - 1])
        return opened and fig.end < len(doc) and doc[fig.end].text == ")"
    if state.rules.open_bracket(doc, fig, sent.start) is None:
        return False
    close = fig.end < len(doc) and doc[fig.end].text == ")"
    if fig.end + 1 < len(doc) and doc[fig.end].text == "/":  # "(70%/66%)": two groups' answers
        close = any(t.text == ")" for t in doc[fig.end + 1:min(len(doc), fig.end + 5)])
    of_group = fig.end + 1 < len(doc) and doc[fig.end].lower_ == "of"
    return close or of_group


def survey_default(state: GroupState, sent: Span) -> bool:
    """In an article that reports a survey, a figure with no construction of its own is a share of its
    respondents ('• Spending will be reduced (33%)', 'Facebook (18%)', 'Donald Trump44%'), unless its
    sentence talks money or rates."""
    if not state.survey_doc:
        return False
    rules = state.rules

    def no_money() -> bool:
        rates, amounts = rules.lex.word_set("rate_nouns"), rules.lex.word_set("amount_nouns")
        currency = rules.lex.word_set("currency_symbols")

        def amount(t: Token) -> bool:
            return t.lower_ in rates or t.lower_ in amounts or t.lemma_.lower() in amounts

        for tok in sent:
            if tok.text.lower() in currency:
                return False
            # ('business trips', 'small business owners', 'sales managers': a word of money that only sorts another
            # noun talks of that noun)
            if amount(tok) and not (tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and not amount(tok.head)):
                return False
        return True
    return state.per_sentence("survey_default", sent, no_money)


def counted_by(measure: Token) -> Optional[Token]:
    """What a measure's 'of' counts: 'respondents' of 'The proportion of respondents ...'."""
    return next((o for p in measure.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"), None)


def opinion_moves(state: GroupState, fig: Span, sent: Span) -> bool:
    """'trust in X has fallen from 25% in 2003 to only 20% now', 'satisfaction has plunged to 39%': an
    opinion measured in a survey moves like a share of the people who hold it."""
    if not state.survey_doc:
        return False
    verb = fig.root.head.head if fig.root.dep_ == "pobj" else fig.root.head
    measures, opinions = state.rules.lex.word_set("measure_nouns"), state.rules.lex.word_set("opinion_measures")
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            # "the number of retailers focused on opening new stores has increased ..., from 19% to 26%"
            counted = counted_by(subj)
            if subj.lemma_.lower() in measures and counted is not None:
                return state.rules.is_people(counted)
            return subj.lemma_.lower() in opinions
        if verb.pos_ in ("VERB", "AUX") and any(t.lemma_.lower() in opinions
                                                 for left in verb.lefts for t in left.subtree):
            return True  # "In contrast trust in senior police officers has slumped from 72%": a subject misparsed
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False
