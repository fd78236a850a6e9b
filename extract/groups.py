"""Who a figure is about: the respondent group, the kind of figure, its period and statement.

Writers name the group in a handful of ways, tried in this order:
1. after the figure: "60% of marketers and IT types";
2. before it, with the figure in brackets: "those who say the relationship is very effective (48%)";
3. as the thing measured: "The percentage of respondents who said ... is 46%";
4. by position: "60 percent of A and 49 percent of B ..., down from 68 percent and 55 percent,
   respectively"; "(83% of very effective vs. 51% of effective) and ... (67% vs. 26%)";
5. by comparison: "Those in a very effective relationship are more likely than those with an
   effective relationship to ... (83% vs. 52%)", carried to "They ..." and "both groups ...";
6. not at all: "... and half said": the nearest earlier mention that names the respondents.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import doc_text, register_extensions
from .lexicon import Lexicon
from .percentages import DEFAULT_SPANS_KEY as PERCENT_KEY
from .phrases import (OPINION_VERBS, head_with_determiner, is_break, is_anaphoric, is_pronoun_head, plural_mentions,
                      trim_phrase)
from .samples import DEFAULT_SPANS_KEY as SAMPLE_KEY
from .samples import SamplePatterns

FACTORY = "survey_groups"
QUANTITY_HEADS = frozenset({"share", "percentage", "proportion", "number", "majority", "minority", "fraction", "half",
                            "third", "quarter", "most", "many", "percent", "%", "portion", "rest", "bulk"})
COPULAS = frozenset({"be", "stand", "reach", "remain", "hit", "total", "come", "amount"})
PAIR_LINK = regex.compile(r"^\W*(?:vs\.?|versus|v\.?|compared\s+(?:with|to)|against|to)\W*$", regex.I)
LIST_LINK = regex.compile(r"^\s*(?:,|and|or|,\s*and)\s*$", regex.I)
TIME_RE = regex.compile(
    r"""[\s,]*(?:respectively[\s,]*)?(?:(?:in|from|since|during|for|of|by|than|on|over|at)\s+)?
        (?:the\s+)?(?P<t>(?:19|20)\d\d(?:[/-]\d{2,4})?|(?:{phrases}))\b""", regex.I | regex.VERBOSE)
MARGIN_RE = regex.compile(r"(?:margin\s+of\s+error|plus\s+or\s+minus|\+/-|±|sampling\s+error)[^.]{0,40}$", regex.I)
RATE_WORDS = frozenset({"rate", "rates", "interest", "inflation", "yield", "yields", "gdp", "growth", "unemployment",
                        "deficit", "borrowing", "economy", "tax", "taxes", "prices", "price", "index", "sales",
                        "output", "spending", "pay", "wages", "earnings", "profits", "shares", "market"})
STRONG_SURVEY_CUES = frozenset({"survey", "surveys", "surveyed", "poll", "polls", "polled", "respondents", "questioned",
                                "interviewed", "questionnaire", "asked", "study", "research", "found", "said", "say", "says",
                                "think", "believe", "believed", "thought", "felt", "feel", "agreed", "agree", "want",
                                "wanted", "backed", "opposed", "supported", "support", "oppose", "admitted", "claimed"})
MISTAGGED_VERBS = frozenset({"plan", "want", "support", "back", "favour", "favor", "oppose", "expect", "intend", "hope",
                             "fear", "say", "think", "believe", "agree", "use", "own", "prefer", "need"})
MEASURE_NOUNS = frozenset({"figure", "proportion", "percentage", "share", "number", "level", "total"})
VAGUE_QUANTIFIERS = frozenset({"most", "majority", "minority", "many", "some", "few", "half"})
CHANGE_AFTER = frozenset({"higher", "lower", "more", "less", "up", "down", "rise", "increase", "fall", "drop", "cut", "jump",
                          "gain", "growth", "decline", "stake", "discount", "share", "cheaper", "dearer", "faster", "slower",
                          "bigger", "smaller", "ahead", "behind", "above", "below", "off", "year-on-year", "annually", "rate",
                          "decrease", "stronger", "weaker", "increases", "rises", "falls", "drops", "cuts", "jumps", "gains"})
SURVEY_CONTEXT = frozenset({"say", "said", "says", "think", "thought", "believe", "believed", "feel", "felt", "agree",
                            "agreed", "respondents", "surveyed", "polled", "questioned", "interviewed", "survey",
                            "poll", "voters", "people", "want", "wanted", "expect", "support", "oppose", "found",
                            "consider", "prefer", "claim", "admit", "plan", "backed", "opposed", "knew", "know",
                            "believes", "thinks", "described", "describe", "reported", "indicated"})


@dataclass
class Assignment:
    kind: str
    group: Optional[tuple[int, int]] = None
    time: Optional[tuple[int, int]] = None
    statement: Optional[tuple[int, int]] = None
    resolved: bool = False  # group fixed by a rule (even if None)
    kind_by_default: bool = False  # kind came from the fallback, not from a construction
    of_thing: bool = False  # "49% of National Bank of Iraq": a share of something that is not people
    elliptic: bool = False  # group is a bare adjective ("of very effective") to resolve


@dataclass
class Context:
    """What the reader remembers while going through the article."""

    strong: list[tuple[int, int]] = field(default_factory=list)  # groups, populations, respondent nouns
    weak: list[tuple[int, int, bool]] = field(default_factory=list)  # plural noun phrases (start, end, is_subject)
    text: str = ""  # doc.text, built once (spaCy rebuilds it on every access)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # the sentences read, in order
    frame: Optional[tuple[tuple[int, int], tuple[int, int]]] = None  # the two sides last compared
    last_sentence_share: bool = False  # did the previous sentence with figures hold a share?
    previous_groups: list[tuple[int, int]] = field(default_factory=list)  # groups of the sentence just before


class GroupRules:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.amount = lexicon.word_set("amount_nouns")
        self.time_nouns = lexicon.word_set("time_nouns")
        self.change = lexicon.word_set("change_words")
        self.difference = lexicon.word_set("difference_words")
        self.respondents = lexicon.word_set("respondent_nouns")
        self.people = lexicon.word_set("people_nouns")
        self.reporting = lexicon.word_set("reporting_verbs") - {"be", "have", "do"}
        phrases = "|".join(regex.escape(p) for p in sorted(lexicon.word_set("time_expressions"), key=len, reverse=True))
        self.time_re = regex.compile(TIME_RE.pattern.replace("{phrases}", phrases), TIME_RE.flags)
        self.samples = SamplePatterns(lexicon)

    # ------------------------------------------------------------ finding heads
    def of_object(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """The object of the 'of' right after the figure (after a closing bracket for '(23%)')."""
        j = fig.end
        if j < sent.end and doc[j].text == ")" and fig._.form and fig.start > sent.start and doc[fig.start - 1].text == "(":
            j += 1
        if j >= sent.end or doc[j].lower_ != "of":
            return None
        of = doc[j]
        for tok in doc[j + 1:sent.end]:
            if tok.head.i == of.i and tok.dep_ in ("pobj", "pcomp", "dobj", "conj", "appos", "npadvmod", "nmod"):
                return tok
        if j + 1 >= sent.end:
            return None
        tok = doc[j + 1]
        while tok.head.i > tok.i and tok.head.i < sent.end and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            tok = tok.head
        return tok

    def bracket_head(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """'those who say the relationship is very effective (48%)': the phrase the bracket follows."""
        if fig.start - 2 < sent.start or doc[fig.start - 1].text != "(":
            return None
        prev = doc[fig.start - 2]
        if prev.is_punct or prev.like_num or prev.lower_ in self.lex.denominators:
            return None
        close = next((t.i for t in doc[fig.end:sent.end] if t.text == ")"), sent.end)
        if any(t.like_num for t in doc[fig.end:close]):
            return None  # "(83% vs. 52%)" after a topic, not a group
        # The highest phrase ending right at the bracket that names people (or surveyed units):
        # "those who say the relationship is very effective (48%)", not "the must-have gadget for
        # most people (75%)"; a bracket after a topic ("second place (67%)") names no group.
        best: Optional[Token] = None
        tok = prev
        while sent.start <= tok.i < sent.end:
            right = max((t.i for t in tok.subtree if t.i < fig.start - 1), default=tok.i)
            if right > prev.i or tok.lower_ in ("as", "than"):
                break  # "three times as many as [those who ...] (24%)": the group is the compared side
            named = self._through_quantity(tok)
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and self.is_people(named):
                best = named
            elif tok.pos_ == "NUM" and any(t.pos_ == "NOUN" and self.is_people(t) for t in tok.subtree if t.i != tok.i):
                best = tok  # "25 to 34-year-olds": the parser heads the age range with its first number
            if tok.head.i == tok.i or (best is not None and tok.dep_ == "conj"):
                break  # "15 to 24-year-olds (94%), and 25 to 34-year-olds (92%)": each conjunct its own
            tok = tok.head
        return best

    def following_noun(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """'Three out of four marketers believe', 'one in 10 marketing and IT executives say',
        'Nearly half those pupils polled': a verbal figure used as a determiner."""
        if fig._.form not in ("ratio", "count", "fraction") or fig.end >= sent.end:
            return None
        j = fig.end
        if fig._.form == "fraction" and doc[j].lower_ in ("the", "those", "these", "all", "its", "their"):
            j += 1
        if j >= sent.end or doc[j].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
        tok = doc[j]
        while tok.pos_ not in ("NOUN", "PROPN") or (tok.head.i > tok.i and tok.head.i < sent.end and tok.head.pos_ in ("NOUN", "PROPN")):
            if not (tok.head.i > tok.i and tok.head.i < sent.end):
                return None
            tok = tok.head
        # "A fifth rely on mobiles": a verb mistagged as a noun is not a group.
        return tok if tok.tag_ in ("NNS", "NNPS") or self.is_people(tok) else None

    def _through_quantity(self, tok: Token) -> Token:
        """'the largest share of those who ...' names 'those who ...'."""
        if tok.lower_ in QUANTITY_HEADS or tok.lemma_.lower() in QUANTITY_HEADS:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ in ("pobj", "pcomp"):
                            return obj
        return tok

    def copula_subject(self, doc: Doc, fig: Span, sent: Span) -> Optional[Token]:
        """'The percentage of respondents who said ... is 46%' -> respondents."""
        root = fig.root
        verb = root.head
        if root.dep_ == "pobj" and verb.lower_ in ("at", "to") and verb.head.i != verb.i:
            verb = verb.head
        if root.dep_ not in ("attr", "acomp", "dobj", "pobj", "npadvmod", "oprd", "advmod") or verb.lemma_.lower() not in COPULAS:
            return None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in QUANTITY_HEADS - {"%", "percent"}:
                obj = self._through_quantity(child)
                return obj if obj.i != child.i else None
        return None

    # ------------------------------------------------------------ kind
    def is_people(self, tok: Token) -> bool:
        """Does this noun count people or surveyed units (firms, households, PCs) rather than an amount?"""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in self.amount or lemma in self.amount or low in self.time_nouns:
            return False
        if low in self.people or lemma in self.people or tok.pos_ == "PRON" or tok.tag_ == "NNPS":
            return True
        if regex.search(r"\d+s$|olds$", low):
            return True  # "over-55s", "18 to 24 year olds"
        return tok.tag_ == "NNS" and bool(regex.search(r"(?:[^s]ers|tors|sors|ists|ians|ees|ents|ants|ives)$", low))

    def survey_cue(self, sent: Span) -> bool:
        return any(t.lower_ in STRONG_SURVEY_CUES for t in sent)

    def kind(self, doc: Doc, text: str, fig: Span, sent: Span, of_obj: Optional[Token],
             bracket: Optional[Token]) -> tuple[str, bool]:
        """(kind, decided only by the fallback). A share needs people (or surveyed units) or a survey
        in view; rates, changes and portions of amounts are 'other'."""
        text_before = text[max(sent.start_char, fig.start_char - 60):fig.start_char]
        if MARGIN_RE.search(text_before):
            return "other", False
        words = {t.lower_ for t in sent}
        if fig._.unit == "points":
            if fig._.form == "fraction":
                return "other", False
            rates = words & RATE_WORDS
            surveyish = words & (SURVEY_CONTEXT - {"say", "said", "says"})  # "he says" is every news sentence
            return ("other" if rates and not surveyish else "point_change"), False
        if of_obj is not None:
            head = of_obj.lemma_.lower()
            if head in self.amount or of_obj.lower_ in self.amount or head in self.time_nouns:
                return "other", False
            if self.is_people(of_obj):
                return "share", False
            return ("share" if self.survey_cue(sent) else "other"), True
        root = fig.root
        # "10% inflation", "a 3% rise", "100% debt relief": the figure modifies a noun.
        if root.head.i > fig.end - 1 and root.head.pos_ in ("NOUN", "PROPN") and root.dep_ in (
                "nummod", "amod", "compound", "quantmod", "nmod", "npadvmod"):
            if root.head.lemma_.lower() in MISTAGGED_VERBS and root.head.i == fig.end:
                return "other", True  # "another 11% plan to ...": a verb the tagger took for a noun
            if not self.is_people(root.head):
                return "other", False
        # "from just over 5% in 2003 to a record 13.3%": a rate moving, unless it is a share of people.
        if regex.search(r"\bfrom\s+(?:\w+\s+){0,2}$", text[max(sent.start_char, fig.start_char - 25):fig.start_char], regex.I) and \
                regex.match(r"\s+(?:in\s+\d{4}\s+)?to\b", text[fig.end_char:fig.end_char + 15]):
            return "other", False
        if regex.search(r"\bfrom\s+(?:[\w.%]+\s+){1,4}to\s+(?:a\s+(?:record|new)\s+\w*\s*)?$",
                        text[max(sent.start_char, fig.start_char - 50):fig.start_char], regex.I):
            return "other", False
        nxt = doc[fig.end] if fig.end < len(doc) else None
        if nxt is not None and nxt.lower_ in CHANGE_AFTER:
            return "other", False
        # "rose 5%", "up by 4.5%", "running at 50%", "a rate of 20%", "sales of 13%"
        gov = root.head
        if root.dep_ == "pobj" and gov.pos_ == "ADP":
            gov2 = gov.head
            if gov.lower_ in ("by", "to", "from", "at", "of", "on", "around", "about", "between") and (
                    gov2.lower_ in self.change or gov2.lemma_.lower() in self.change or gov2.lower_ in self.amount
                    or gov2.lemma_.lower() in self.amount):
                return "other", False
        if root.dep_ in ("dobj", "npadvmod", "advmod", "attr", "acomp") and (
                gov.lemma_.lower() in self.change or gov.lower_ in self.change):
            return "other", False
        verb = gov.head if root.dep_ == "pobj" else gov
        if root.dep_ in ("pobj", "attr", "dobj", "acomp", "npadvmod") and verb.pos_ in ("VERB", "AUX"):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lemma_.lower() in MEASURE_NOUNS and not any(c.lower_ == "of" for c in subj.children):
                return "other", True  # "In 2003 the figure was 29%": the measure before it decides
            if subj is not None and (subj.lemma_.lower() in self.amount or subj.lower_ in self.amount):
                return "other", False  # "Resolution rates ... are running at just 50%"
        if root.dep_ == "pobj" and any(t.lower_ in RATE_WORDS for t in doc[max(sent.start, fig.start - 3):fig.start]):
            return "other", False  # "takes the jobless rate to 12.1%"
        if bracket is not None:
            return ("share", False) if self.is_people(bracket) or self.survey_cue(sent) else ("other", True)
        if fig.start >= 2 and doc[fig.start - 1].text == "(" and doc[fig.start - 2].lower_ in VAGUE_QUANTIFIERS:
            return "share", False  # "Most (71%) have no policies": a vague word made exact
        if root.dep_ in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
            if gov.lemma_.lower() in OPINION_VERBS or gov.lemma_.lower() in self.reporting or self.survey_cue(sent):
                return "share", False
            return ("share" if fig._.form in ("fraction", "ratio", "count") else "other"), True
        if root.dep_ == "appos" and (gov.lemma_.lower() in self.amount or gov.lower_ in self.amount):
            return "other", False
        return ("share" if self.survey_cue(sent) else "other"), True

    # ------------------------------------------------------------ time and statement
    def time_after(self, doc: Doc, text: str, end_char: int, sent: Span) -> Optional[tuple[int, int]]:
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
        if verb.lemma_.lower() in OPINION_VERBS:
            comp = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
            if comp:
                target = comp[0]
        start = verb.i if target.i == verb.i else target.left_edge.i
        end = target.right_edge.i + 1
        for i in range(start, min(end, sent.end)):
            if i in stops or doc[i].text in (";", ":", "(", "\u2014", "\u2013") or (
                    doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in ("while", "whereas", "but", "compared", "and", "versus")):
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


def _sent_of(bounds: list[tuple[int, int]], starts: list[int], i: int) -> Optional[tuple[int, int]]:
    k = bisect_right(starts, i) - 1
    if k >= 0 and bounds[k][0] <= i < bounds[k][1]:
        return bounds[k]
    return None


def _words(doc: Doc, span: tuple[int, int]) -> list[str]:
    return [t.lower_ for t in doc[span[0]:span[1]] if not t.is_punct]


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def assign_groups(doc: Doc, figures: list[Span], sentences: list[tuple[int, int]], samples: list[Span],
                  rules: GroupRules) -> list[Assignment]:
    """One Assignment per figure, reading the sentences in order the way a person would."""
    sentences = sorted(sentences)
    starts = [s for s, _ in sentences]
    out = [Assignment(kind=f._.kind or "share") for f in figures]
    ctx = Context(text=doc_text(doc), sentences=sentences)
    ctx.weak = plural_mentions(doc, sentences, rules.lex)
    fig_tokens = {i for f in figures for i in range(f.start, f.end)}
    by_sent: dict[tuple[int, int], list[int]] = {}
    for n, fig in enumerate(figures):
        bounds = _sent_of(sentences, starts, fig.start)
        if bounds is not None:
            by_sent.setdefault(bounds, []).append(n)
    sample_pops = sorted((s._.population.start, s._.population.end) for s in samples if s._.population is not None)
    respondent_mentions = _respondent_mentions(doc, sentences, rules)
    for bounds in sentences:
        sent = doc[bounds[0]:bounds[1]]
        # Mentions made before this sentence become memory.
        ctx.strong.extend(p for p in sample_pops if bounds[0] <= p[0] < bounds[1])
        ctx.strong.extend(p for p in respondent_mentions if bounds[0] <= p[0] < bounds[1])
        members = by_sent.get(bounds, [])
        if members:
            _assign_sentence(doc, sent, members, figures, out, ctx, rules, fig_tokens, sample_pops)
            ctx.previous_groups = [out[n].group for n in members if out[n].kind == "share" and out[n].group]
        else:
            _update_frame_from_comparison(doc, sent, ctx, rules)
            ctx.previous_groups = []
    return out


def _respondent_mentions(doc: Doc, sentences: list[tuple[int, int]], rules: GroupRules) -> list[tuple[int, int]]:
    out = []
    for s, e in sentences:
        for tok in doc[s:e]:
            if tok.lower_ in rules.respondents and tok.lower_ not in ("people", "voters", "adults"):
                span = trim_phrase(doc, tok, rules.lex, limit=(s, e))
                if span:
                    out.append(span)
            elif tok.lower_ == "those" and doc[tok.i + 1:tok.i + 2].text.lower() in rules.lex.word_set("survey_participles"):
                out.append((tok.i, tok.i + 2))
    return out


def _drop_predicate_participle(doc: Doc, head: Token, span: tuple[int, int]) -> tuple[int, int]:
    """'with nearly a quarter of workers throwing in the towel every year': with no verb of its own,
    the figure's '-ing' clause says what the group does, not who it is."""
    for child in head.children:
        if child.dep_ == "acl" and child.tag_ == "VBG" and child.i > head.i and child.right_edge.i + 1 >= span[1]:
            end = child.left_edge.i
            return (span[0], end) if end > span[0] else span
    return span


def _population_bracket(doc: Doc, fig: Span, sent: Span, samples: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """'surveyed 131 U.S. executives who hold ... (81% in marketing functions and 19% in IT)':
    shares of the sample's make-up describe the sample."""
    i = fig.start - 1
    while i >= sent.start and doc[i].text not in ("(", ")"):
        i -= 1
    if i < sent.start or doc[i].text != "(":
        return None
    return next((p for p in samples if p[1] == i or (p[1] == i - 1 and doc[i - 1].is_punct)), None)


def _extend_coordination(doc: Doc, fig: Span, head: Token, span: tuple[int, int], stops: set[int], lex: Lexicon,
                         limit: tuple[int, int]) -> tuple[int, int]:
    """'60% of marketers and IT types', '86% of visitors to the Library': the parser may hang the rest
    of the group on the figure rather than on its head noun."""
    end = span[1]
    if end < limit[1] and doc[end].dep_ == "prep" and doc[end].head.i == fig.root.i and doc[end].lower_ in (
            "to", "with", "aged", "from", "at", "who", "over", "under", "between"):
        extra_end = doc[end].right_edge.i + 1
        for i in range(end, extra_end):
            if i in stops or is_break(doc, i):
                extra_end = i
                break
        if extra_end > end + 1:
            span, end = (span[0], extra_end), extra_end
    if end + 1 >= limit[1] or doc[end].lower_ not in ("and", "or"):
        return span
    for conj in doc[end + 1:limit[1]]:
        if conj.dep_ == "conj" and conj.head.i in (fig.root.i, head.i) and conj.pos_ in ("NOUN", "PROPN"):
            if any(t.i in stops for t in conj.subtree):
                return span
            extra = trim_phrase(doc, conj, lex, stop_tokens=stops, limit=limit)
            if extra is None or extra[0] > end + 2:
                return span
            return span[0], extra[1]
    return span


def _assign_sentence(doc: Doc, sent: Span, members: list[int], figures: list[Span], out: list[Assignment],
                     ctx: Context, rules: GroupRules, fig_tokens: set[int], samples: list[tuple[int, int]]) -> None:
    stops = fig_tokens
    limit = (sent.start, sent.end)
    # 1-3: groups the sentence states for each figure.
    for n in members:
        fig, a = figures[n], out[n]
        of_obj = rules.of_object(doc, fig, sent)
        bracket = rules.bracket_head(doc, fig, sent) if of_obj is None else None
        a.kind, a.kind_by_default = rules.kind(doc, ctx.text, fig, sent, of_obj, bracket)
        a.of_thing = of_obj is not None and not rules.is_people(of_obj)
        a.time = rules.time_after(doc, ctx.text, fig.end_char, sent)
        if a.kind == "other" and not a.kind_by_default:
            a.resolved = True
            continue  # a default 'other' may still turn out a share: find its group all the same
        if a.kind == "point_change":
            continue
        _assign_own_group(doc, sent, fig, a, of_obj, bracket, ctx, rules, stops, limit, samples, out, members, n)
        if a.group is not None and a.group[0] >= fig.end and a.time is None:
            a.time = rules.time_after(doc, ctx.text, doc[a.group[1] - 1].idx + len(doc[a.group[1] - 1]), sent)
    _after_own_groups(doc, sent, members, figures, out, ctx, rules, fig_tokens)


def _assign_own_group(doc: Doc, sent: Span, fig: Span, a: Assignment, of_obj: Optional[Token], bracket: Optional[Token],
                      ctx: Context, rules: GroupRules, stops: set[int], limit: tuple[int, int],
                      samples: list[tuple[int, int]], out: list[Assignment], members: list[int], n: int) -> None:
    """Steps 1-3: the group the sentence states for this figure, if it states one."""
    a.statement = rules.statement(doc, fig, sent, stops)
    population = _population_bracket(doc, fig, sent, samples)
    if population is not None:
        a.group, a.resolved = population, True
        return
    head = (of_obj or bracket or rules.following_noun(doc, fig, sent) or rules.copula_subject(doc, fig, sent))
    if head is None:
        return
    span = trim_phrase(doc, head, rules.lex, stop_tokens=stops, limit=limit)
    if span is None:
        return
    if of_obj is not None and head.i == of_obj.i and fig.root.dep_ not in ("nsubj", "nsubjpass"):
        span = _drop_predicate_participle(doc, head, span)
    span = _extend_coordination(doc, fig, head, span, stops, rules.lex, limit)
    if is_anaphoric(head_with_determiner(doc, head, span)):
        recent = ctx.previous_groups + [out[m].group for m in members if m < n and out[m].group and out[m].kind == "share"]
        a.group = _resolve_anaphor(doc, head_with_determiner(doc, head, span), ctx, rules, recent)
        a.resolved = a.group is not None
    else:
        a.group, a.resolved = span, True
        a.elliptic = all(t.pos_ in ("ADJ", "ADV") for t in doc[span[0]:span[1]])


def _after_own_groups(doc: Doc, sent: Span, members: list[int], figures: list[Span], out: list[Assignment],
                      ctx: Context, rules: GroupRules, fig_tokens: set[int]) -> None:
    """Steps 4-6, once every figure of the sentence has what the sentence states for it."""
    _earlier_values(doc, ctx.text, sent, members, figures, out)
    _kind_from_neighbours(members, out, ctx)
    for a_n, b_n in zip(members, members[1:]):  # the two ends of a range are one figure's kind
        if figures[a_n]._.form == "range_low" and figures[b_n]._.form == "range_high":
            lo, hi = out[a_n], out[b_n]
            if lo.kind != hi.kind and (lo.kind_by_default or hi.kind_by_default):
                src, dst = (hi, lo) if lo.kind_by_default else (lo, hi)
                dst.kind, dst.group, dst.resolved, dst.kind_by_default = src.kind, src.group, src.resolved, False
    _resolve_elliptic(doc, sent, members, out, ctx, rules.lex)
    # 4: position: respectively lists and X vs. Y pairs.
    _respectively(doc, sent, members, figures, out, ctx, rules)
    _pairs(doc, sent, members, figures, out, ctx, rules)
    # Point changes: a stated difference between groups has no group; a change belongs to the figure it changes.
    for n in members:
        fig, a = figures[n], out[n]
        if a.kind != "point_change" or a.resolved:
            continue
        window = {t.lower_ for t in doc[fig.end:min(sent.end, fig.end + 3)]} | {t.lower_ for t in doc[max(sent.start, fig.start - 3):fig.start]}
        if window & rules.difference:
            a.resolved = True
            continue
        prev = [m for m in members if figures[m].start < fig.start and out[m].kind == "share" and out[m].group]
        if prev:
            a.group, a.resolved = out[prev[-1]].group, True
    # 5: comparison frames for what is still open.
    _update_frame_from_comparison(doc, sent, ctx, rules)
    if any(out[n].kind == "share" and not out[n].resolved for n in members):
        subject = _sentence_subject(doc, sent, rules, ctx)
        for n in members:
            a = out[n]
            if subject is not None and a.kind == "share" and not a.resolved:
                a.group, a.resolved = subject, True
    # 6: carry the nearest earlier mention.
    for n in members:
        fig, a = figures[n], out[n]
        if a.kind == "share" and not a.resolved:
            a.group = _nearest_mention(fig.start, ctx, out, members, n)
            a.resolved = True
        if a.kind == "share" and a.group is not None:
            ctx.strong.append(a.group)
        if a.kind == "other":
            a.group = a.statement = None
    _pair_frame(doc, sent, members, figures, out, ctx)


def _resolve_anaphor(doc: Doc, phrase: Span, ctx: Context, rules: GroupRules,
                     recent: list[tuple[int, int]] = ()) -> Optional[tuple[int, int]]:
    """'them', 'these leaders': the phrase they point back to. A pronoun takes, in order, the group of
    an earlier figure in its sentence or the sentence before, the subject of the sentence before,
    then the nearest mention; 'these X' prefers a mention with the same noun."""
    words = [t.lower_ for t in phrase if not t.is_punct]
    before = [m for m in ctx.weak if m[1] <= phrase.start and not is_anaphoric(doc[m[0]:m[1]])]
    starts = [b[0] for b in ctx.sentences]
    sent_start = ctx.sentences[max(0, bisect_right(starts, phrase.start) - 1)][0] if starts else 0
    earlier = [b for b in ctx.sentences if b[1] <= sent_start]
    previous = [m for m in before if earlier and earlier[-1][0] <= m[0] < earlier[-1][1]]
    if words and words[0] in ("these", "those", "such") and len(words) == 2:
        noun = phrase[-1].lemma_.lower()
        for pool in (previous, before):
            same = [m for m in pool if any(t.lemma_.lower() == noun for t in doc[m[0]:m[1]])]
            if same:
                return same[-1][:2]
        if previous:
            return previous[-1][:2]
        return None
    if words in (["both"], ["both", "groups"], ["the", "two"], ["two"]):
        return None
    if recent:
        return recent[-1]
    subjects = [m for m in previous if m[2]]
    if subjects:
        return subjects[0][:2]  # the main subject comes first
    strong = [m for m in ctx.strong if m[1] <= phrase.start]
    if strong:
        return max(strong)
    return before[-1][:2] if before else None


def _resolve_elliptic(doc: Doc, sent: Span, members: list[int], out: list[Assignment], ctx: Context,
                      ctx_lex: Lexicon) -> None:
    """'(83% of very effective vs. 51% of effective)': each side is a group named in full earlier."""
    elliptic = [n for n in members if out[n].elliptic and out[n].group]
    if not elliptic:
        return
    phrases = {n: _words(doc, out[n].group) for n in elliptic}
    mentions = sorted(set(ctx.strong) | {m[:2] for m in ctx.weak} | _subjects_in(doc, sent, ctx_lex))
    for n in elliptic:
        own = phrases[n]
        others = set().union(*(set(phrases[m]) for m in elliptic if m != n)) if len(elliptic) > 1 else set()
        distinct = others - set(own)
        g0 = out[n].group[0]
        candidates = [m for m in mentions if m[1] <= g0 and m != out[n].group and _contains(_words(doc, m), own)
                      and not (distinct & set(_words(doc, m))) and len(_words(doc, m)) > len(own)]
        if candidates:
            out[n].group = max(candidates, key=lambda m: (m[1], -m[0]))
        out[n].elliptic = False


def _subjects_in(doc: Doc, sent: Span, lex: Lexicon) -> set[tuple[int, int]]:
    """Subjects of the sentence as phrases: 'Those with very effective working relationships'."""
    out = set()
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN", "PRON") and not tok.like_num and tok.text != "%":
            span = trim_phrase(doc, tok, lex, limit=(sent.start, sent.end))
            if span is not None and not is_anaphoric(doc[span[0]:span[1]]):
                out.add(span)
    return out


def _respectively(doc: Doc, sent: Span, members: list[int], figures: list[Span], out: list[Assignment],
                  ctx: Context, rules: GroupRules) -> None:
    resp = [t for t in sent if t.lower_ == "respectively"]
    if not resp:
        return
    r = resp[0]
    run = _run_before(doc, [n for n in members if figures[n].end <= r.i], figures, r.i)
    if not run:
        return
    named = [n for n in members if n not in run and out[n].group and out[n].kind == "share" and figures[n].start < figures[run[0]].start]
    time = rules.time_after(doc, ctx.text, r.idx + len(r.text), sent)
    for n in run:
        if time and not out[n].time:
            out[n].time = time
    if len(named) == len(run):  # "down from 68 percent and 55 percent, respectively": earlier values of shares
        for n in run:
            if out[n].kind == "other" and figures[n]._.unit == "percent":
                out[n].kind, out[n].resolved = "share", False
    open_ = [n for n in run if not out[n].resolved or out[n].kind == "point_change"]
    if not open_:
        return
    if len(named) >= len(open_):
        for n, m in zip(open_, named[-len(open_):]):
            out[n].group, out[n].resolved = out[m].group, True
        return
    subject = _sentence_subject(doc, sent, rules, ctx)
    if subject is not None:
        for n in open_:
            if out[n].kind == "share":
                out[n].group, out[n].resolved = subject, True
    elif ctx.frame is not None and len(open_) == 2:
        for n, g in zip(open_, ctx.frame):
            out[n].group, out[n].resolved = g, True


def _run_before(doc: Doc, candidates: list[int], figures: list[Span], limit: int) -> list[int]:
    """The figures joined by 'and' or commas that end right before ``limit``."""
    run: list[int] = []
    for n in reversed(candidates):
        fig = figures[n]
        gap_end = figures[run[0]].start if run else limit
        gap = doc[fig.end:gap_end].text
        if run and not LIST_LINK.match(gap) and not PAIR_LINK.match(gap):
            break
        if not run and not regex.match(r"^[\s,)]*$", gap):
            break
        run.insert(0, n)
    return run


def _pairs(doc: Doc, sent: Span, members: list[int], figures: list[Span], out: list[Assignment],
           ctx: Context, rules: GroupRules) -> None:
    """'X% vs. Y%': the two sides of the comparison in force."""
    last_pair: Optional[tuple[tuple[int, int], tuple[int, int]]] = None
    for a_n, b_n in zip(members, members[1:]):
        fa, fb = figures[a_n], figures[b_n]
        gap = doc[fa.end:fb.start].text
        if not PAIR_LINK.match(gap) and not regex.match(r"^\s*(?:of\s+[^()]*?)?\s*(?:vs\.?|versus)\s*$", gap, regex.I):
            continue
        aa, ab = out[a_n], out[b_n]
        _same_kind(aa, ab)
        if aa.kind_by_default and ab.kind_by_default and aa.kind == ab.kind == "other" and regex.search(r"\bv(?:s|ersus)\b", gap, regex.I):
            aa.kind = ab.kind = "share"  # "(83% vs. 52%)": two groups compared
            aa.resolved, ab.resolved = aa.group is not None, ab.group is not None
        if aa.kind != "share" or ab.kind != "share":
            continue
        if aa.group and ab.group:
            last_pair = (aa.group, ab.group)
            continue
        if aa.group and not ab.resolved:
            if ab.time:
                ab.group, ab.resolved = aa.group, True
            continue
        if aa.resolved or ab.resolved:
            continue
        pair = last_pair or _comparison(doc, sent, rules, ctx)
        if pair is None and _anaphoric_subject(doc, sent) and ctx.frame is not None:
            pair = ctx.frame
        if pair is not None:
            aa.group, ab.group = pair
            aa.resolved = ab.resolved = True


def _earlier_values(doc: Doc, text: str, sent: Span, members: list[int], figures: list[Span], out: list[Assignment]) -> None:
    """'36% of British camera phone users ..., up from 7% in 2003': the earlier value of the same share."""
    for n in members:
        fig, a = figures[n], out[n]
        if a.kind != "other" or fig._.unit != "percent":
            continue
        if not regex.search(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|declined)\s+from\s+(?:\w+\s+){0,2}$",
                            text[max(0, fig.start_char - 40):fig.start_char], regex.I):
            continue
        if regex.match(r"\s+(?:in\s+\d{4}\s+)?to\b", text[fig.end_char:fig.end_char + 15]):
            continue  # "from 5% to 13.3%": a movement, not an earlier value
        if regex.search(r"\brespectively\b", text[fig.end_char:sent.end_char]):
            continue  # "down from 68 percent and 55 percent, respectively": the list maps them
        earlier = [m for m in members if figures[m].end <= fig.start and out[m].kind == "share" and out[m].group
                   and not out[m].kind_by_default]
        if earlier:
            a.kind, a.group, a.resolved, a.kind_by_default = "share", out[earlier[-1]].group, True, False


def _kind_from_neighbours(members: list[int], out: list[Assignment], ctx: Context) -> None:
    """A figure with no cue of its own takes the kind of a confident share beside it (same or previous
    sentence): '17% of readers have switched ... and a further 16% are considering ...'."""
    confident = any(out[n].kind == "share" and not out[n].kind_by_default for n in members) or ctx.last_sentence_share
    for n in members:
        a = out[n]
        if a.kind == "other" and a.kind_by_default and confident and not a.of_thing:
            a.kind, a.resolved = "share", a.group is not None
    ctx.last_sentence_share = any(out[n].kind == "share" for n in members)


def _same_kind(a: Assignment, b: Assignment) -> None:
    """Two figures compared side by side are the same kind: '(60% vs. 52%)'."""
    for x, y in ((a, b), (b, a)):
        if x.kind == "share" and y.kind == "other" and y.kind_by_default:
            y.kind, y.resolved = "share", y.group is not None


def _pair_frame(doc: Doc, sent: Span, members: list[int], figures: list[Span], out: list[Assignment], ctx: Context) -> None:
    """Remember the last two groups compared, for 'both groups', 'the two', 'they' later on."""
    shares = [n for n in members if out[n].kind == "share" and out[n].group]
    for a_n, b_n in zip(shares, shares[1:]):
        ga, gb = out[a_n].group, out[b_n].group
        if ga != gb:
            ctx.frame = (ga, gb)


def _anaphoric_subject(doc: Doc, sent: Span) -> bool:
    low = sent.text.lower()
    if regex.search(r"\b(?:both\s+groups|the\s+two|between\s+the\s+two|both\s+sides)\b", low):
        return True
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("they", "both", "these", "those") and not list(t.children)
               for t in sent)


def _comparison(doc: Doc, sent: Span, rules: GroupRules, ctx: Context) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    """'A are more likely than B to ...' -> (A, B); 'They are more likely ...' -> the frame in force."""
    than = [t for t in sent if t.lower_ == "than"]
    subj = _main_subject(sent)
    if than:
        subj = _clause_subject(than[0]) or subj
        objs = [c for c in than[0].children if c.dep_ in ("pobj", "pcomp")] or [
            t for t in sent if t.i > than[0].i and t.pos_ in ("PRON", "NOUN", "PROPN")][:1]
        if objs and subj is not None:
            b = trim_phrase(doc, objs[0], rules.lex, limit=(sent.start, sent.end))
            if is_pronoun_head(subj) and not list(subj.children) and ctx.frame is not None:
                a = ctx.frame[0]
            else:
                a = trim_phrase(doc, subj, rules.lex, limit=(sent.start, sent.end))
            if a and b and a != b:
                return a, b
    if subj is not None and subj.lower_ in ("they", "both", "these") and ctx.frame is not None:
        return ctx.frame
    return None


def _update_frame_from_comparison(doc: Doc, sent: Span, ctx: Context, rules: GroupRules) -> None:
    pair = _comparison(doc, sent, rules, ctx)
    if pair is not None:
        ctx.frame = pair


def _clause_subject(tok: Token) -> Optional[Token]:
    """The subject of the nearest clause above ``tok``: 'survey shows that [marketers ...] have used ... than'."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def _main_subject(sent: Span) -> Optional[Token]:
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ROOT", "conj", "ccomp"):
            return tok
    return None


def _sentence_subject(doc: Doc, sent: Span, rules: GroupRules, ctx: Context) -> Optional[tuple[int, int]]:
    """The people a sentence is about, when its figures have no group of their own:
    'far fewer marketers with an effective relationship with IT say ... (29% and 17%, respectively)'."""
    subj = _main_subject(sent)
    if subj is None or subj.like_num or subj.text == "%" or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if any(t.like_num or t.text == "%" for t in subj.subtree):
        return None
    if subj.lower_ in rules.amount or subj.lemma_.lower() in rules.amount or subj.lemma_.lower() in rules.lex.word_set("survey_nouns"):
        return None
    if subj.tag_ not in ("NNS", "NNPS") and subj.lower_ not in ("those", "people"):
        return None
    span = trim_phrase(doc, subj, rules.lex, limit=(sent.start, sent.end))
    if span is None or is_anaphoric(doc[span[0]:span[1]]):
        return None
    return span


def _nearest_mention(token_i: int, ctx: Context, out: list[Assignment], members: list[int], n: int) -> Optional[tuple[int, int]]:
    strong = [m for m in ctx.strong if m[0] < token_i]
    for m in members:
        if m < n and out[m].kind == "share" and out[m].group and out[m].group[0] < token_i:
            strong.append(out[m].group)
    if strong:
        return max(strong, key=lambda m: (m[0], m[1]))
    weak = [m for m in ctx.weak if m[0] < token_i]
    return max(weak, key=lambda m: m[0])[:2] if weak else None


class GroupFinder:
    """spaCy component: kind, group, time and statement on every percentage span."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, percent_key: str = PERCENT_KEY,
                 sample_key: str = SAMPLE_KEY, lexicon: Optional[Lexicon] = None) -> None:
        register_extensions()
        self.name = name
        self.percent_key = percent_key
        self.sample_key = sample_key
        self.lexicon = lexicon or Lexicon.default()
        self.rules = GroupRules(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Assignment]:
        from .parser import readable_sentences

        figures = list(doc.spans.get(self.percent_key, []))
        if not figures or not doc.has_annotation("DEP"):
            return [Assignment(kind=f._.kind or "share") for f in figures]
        sentences = readable_sentences(doc, self.rules.samples, (self.percent_key,))
        return assign_groups(doc, figures, sentences, list(doc.spans.get(self.sample_key, [])), self.rules)

    def set_annotations(self, doc: Doc, assignments: list[Assignment]) -> None:
        for span, a in zip(doc.spans.get(self.percent_key, []), assignments):
            span._.kind = a.kind
            span._.group = doc[a.group[0]:a.group[1]] if a.group and a.kind != "other" else None
            span._.time = doc[a.time[0]:a.time[1]] if a.time else None
            span._.statement = doc[a.statement[0]:a.statement[1]] if a.statement else None

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.lexicon.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "GroupFinder":
        self.lexicon = Lexicon.from_disk(path)
        self.rules = GroupRules(self.lexicon)
        return self


@Language.factory(
    FACTORY,
    assigns=["span._.kind", "span._.group", "span._.time", "span._.statement"],
    requires=["token.dep", "token.pos"],
    default_config={"percent_key": PERCENT_KEY, "sample_key": SAMPLE_KEY},
)
def make_survey_groups(nlp: Language, name: str, percent_key: str, sample_key: str) -> GroupFinder:
    return GroupFinder(nlp, name, percent_key=percent_key, sample_key=sample_key)
