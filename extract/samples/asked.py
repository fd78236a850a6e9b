"""Does the sentence say that the people a count names were asked? Read off the parse (the object of a
survey verb, the object of a survey noun, those who "were interviewed" or "took part", respondents by name),
and in word order where the parser hangs the people elsewhere ("a poll of 116 voters found ...")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .. import grammar
from ..phrases import is_people
from .patterns import SamplePatterns


def quantified_head(num: Token) -> Optional[Token]:
    """The noun a number counts: '131 U.S. executives' -> executives."""
    head = num
    # "more than 200": the number may hang off "than"/"more"; climb to the noun.
    for _ in range(4):
        if head.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "pobj", "advmod") and head.head.i != head.i:
            head = head.head
            if head.pos_ in ("NOUN", "PROPN"):
                # "17,800 National Education Union (NEU) members": a name inside the phrase is not its head
                while (head.pos_ == "PROPN" and head.dep_ in ("compound", "nmod") and head.head.i > head.i
                       and head.head.tag_ == "NNS" and not any(t.like_num for t in head.doc[head.i:head.head.i])):
                    head = head.head
                return head
        else:
            break
    return None if head.i == num.i else (head if head.pos_ in ("NOUN", "PROPN") else None)


# How far after the count its people may stand, past the words that qualify them: '512 chief financial officers'.
PEOPLE_REACH = 4


def _is_survey_verb(tok: Token, patterns: SamplePatterns) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in patterns.lex.word_set("survey_verbs")


# Verbs that say what a sample is made of, before "of" and the count: "The sample consisted of 812 owners".
SAMPLE_MAKEUP_VERBS = frozenset({"consist", "make", "compose"})


def after_survey_of(doc: Doc, num: Token, head: Token, patterns: SamplePatterns) -> bool:
    """Read in word order, not in the parse, which for some digits makes the people the subject of the next
    verb: 'A poll of 116 voters found 16% back the plan', 'I surveyed more than 400 teachers and 70% said', 'A new
    survey from Gartner of 512 chief financial officers found'. A survey noun and 'of' (the survey's maker may
    stand between: 'from Gartner'), or a survey verb, then a qualifier or two, the count, and people right after,
    or after the words that qualify them ('512 chief financial officers')."""
    if not num.i < head.i <= num.i + PEOPLE_REACH or not is_people(head, patterns.lex):
        return False
    if any(not head.is_ancestor(t) or t.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") for t in doc[num.i + 1:head.i]):
        return False
    base, threshold = patterns.lex.word_set("base_qualifiers"), patterns.lex.word_set("threshold_qualifiers")
    i = num.i - 1
    while i >= 0 and num.i - i <= 3 and (doc[i].lower_ in base or doc[i].lower_ in threshold):
        i -= 1
    if i >= 0 and _is_survey_verb(doc[i], patterns):
        return True
    if i < 1 or doc[i].lower_ not in ("of", "with"):
        return False
    j = i - 1
    while j > 0 and doc[j].pos_ == "PROPN" and i - j <= 4:  # "survey from Gartner of", "poll by Ipsos MORI of"
        j -= 1
    if j < i - 1:
        if doc[j].lower_ not in ("from", "by"):
            return False
        j -= 1
    if j > 0 and doc[j].lower_ == "up" and doc[j - 1].lemma_.lower() == "make":
        j -= 1  # "made up of"
    if j >= 0 and doc[i].lower_ == "of" and doc[j].lemma_.lower() in SAMPLE_MAKEUP_VERBS:
        # "The sample consisted of 812 small business owners", "the panel was made up of 2,000 adults"
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in patterns.lex.word_set("survey_nouns")
                   for c in doc[j].children)
    # "a survey of 500 CFOs", "telephone interviews with 1,500 parents"
    if doc[i].lower_ == "with":
        return j >= 0 and doc[j].lower_ in grammar.INTERVIEW_NOUNS
    return j >= 0 and doc[j].lemma_.lower() in patterns.lex.word_set("survey_nouns")


def people_after(doc: Doc, num: Token, patterns: SamplePatterns) -> Optional[Token]:
    """'a survey from YouGov of 6103 voters', parsed with the count as the object of 'of' and the people hung
    elsewhere: the people right after the count, when word order says they were asked."""
    end = num.i + 1  # the run of words after the count that can make a noun phrase: 'British adults'
    while end < min(len(doc), num.i + 1 + PEOPLE_REACH) and doc[end].pos_ in ("ADJ", "NOUN", "PROPN"):
        end += 1
    nxt = next((t for t in reversed(doc[num.i + 1:end]) if t.pos_ == "NOUN"), None)  # the phrase's head
    if nxt is None or not after_survey_of(doc, num, nxt, patterns):
        return None
    return nxt


def _took_part(clause: Token, patterns: SamplePatterns) -> bool:
    """'390 CEOs who responded to the ... poll', '722 branch managers ... who responded to the survey', '500 members
    who took part in the survey': a clause saying they answered. 'Voted' needs the survey named in the clause
    ('who voted in our poll'), since people who voted in an election are not a sample."""
    lemma, lex = clause.lemma_.lower(), patterns.lex
    survey_nouns = lex.word_set("survey_nouns")
    names_survey = any(t.lemma_.lower() in survey_nouns for t in clause.subtree)
    if lemma == "take":
        return names_survey and any(c.lower_ == "part" for c in clause.children)
    return lemma in lex.word_set("taking_part_verbs") and (names_survey or lemma in lex.word_set("answering_verbs"))


def subject_lemma(verb: Token) -> str:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj.lemma_.lower() if subj is not None else ""


def _carries_answers(tok: Token, patterns: SamplePatterns) -> bool:
    """What people answered ('responses from 420 finance leaders'), a verb whose subject or object it is
    ('drew responses', 'Data ... came'), or a noun holding it ('a wealth of data and observations')."""
    responses = patterns.lex.word_set("response_nouns")

    def answers(t: Token) -> bool:
        return t.lemma_.lower() in responses or t.lower_ in responses
    if answers(tok):  # the list holds forms as written: 'responses', and 'opinions', whose lemma is 'opinion'
        return True
    if tok.pos_ in ("VERB", "AUX"):
        return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and answers(c) for c in tok.children)
    return tok.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and answers(o) for o in c.children) for c in tok.children)


def asked(head: Token, patterns: SamplePatterns, figure_tokens: frozenset[int] = frozenset()) -> bool:
    """Does the sentence say these were the people asked?"""
    lex = patterns.lex
    survey_nouns, participles = lex.word_set("survey_nouns"), lex.word_set("survey_participles")
    if head.lemma_.lower() in lex.word_set("respondent_heads") or head.lemma_.lower() in lex.word_set("response_nouns"):
        return True  # "15 respondents", "1,000 responses"
    gov = head.head
    # "the nearly 25,000 undergraduates at 49 four-year colleges who were surveyed": a count at a place
    # the people are at is not the people, whatever clause the parser hangs on it.
    if head.dep_ == "pobj" and gov.lower_ in grammar.PLACE_PREPS and gov.head.pos_ in ("NOUN", "PROPN") \
            and not is_people(head, lex):
        return False
    if head.dep_ in ("conj", "appos", "compound") and gov.i != head.i and gov.pos_ in ("NOUN", "PROPN") \
            and asked(gov, patterns, figure_tokens):
        return True  # "400 senior marketing and 250 IT executives", "720 executives; 537 CIOs/VPs of IT", "600 adults ages 20 to 64"
    # "surveyed 50 senior brand marketers from ..., and 50 senior leaders from agencies": the second
    # object hangs on the verb as a conjunct.
    if head.dep_ in ("dobj", "obj", "conj") and _is_survey_verb(gov, patterns):
        return True
    # "surveyed 50 senior brand marketers from companies including Barclaycard, ..., and 50 senior leaders
    # from agencies": a second counted group that the parser hangs deep inside the first one's list.
    if head.dep_ == "conj" and is_people(head, lex) and any(c.dep_ == "nummod" for c in head.children):
        verb = next((a for a in head.ancestors if _is_survey_verb(a, patterns)), None)
        if verb is not None and any(c.dep_ in ("dobj", "obj") and any(g.dep_ == "nummod" for g in c.children)
                                    for c in verb.children):
            return True
    # "A global survey of IT professionals and leaders of over 800 organizations", "polled the heads of 500
    # schools": the count of the units that the people asked speak for.
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.pos_ == "NOUN" and is_people(gov.head, lex) \
            and any(c.dep_ == "nummod" for c in head.children) and asked(gov.head, patterns, figure_tokens):
        return True
    # "The survey included 610 agency staff", "the poll reached 2,000 voters", "Respondents included 500 CFOs":
    # a survey, or those who answered it, as the subject.
    if head.dep_ in ("dobj", "obj") and gov.lemma_.lower() in lex.word_set("inclusion_verbs") and (
            subject_lemma(gov) in survey_nouns or subject_lemma(gov) in lex.word_set("sample_base_nouns")
            or subject_lemma(gov) in lex.word_set("respondent_heads")):
        return True
    # "based on responses from 420 finance leaders", "answers of 300 CIOs", "The survey drew responses from 1,200
    # marketers", "Data for the report came from 2,500 consumers": the answers come from them.
    if head.dep_ == "pobj" and gov.lower_ in grammar.RESPONSE_SOURCE_PREPS and _carries_answers(gov.head, patterns):
        return True
    # "The questionnaire was completed by 612 teachers"
    if head.dep_ == "pobj" and gov.dep_ == "agent" and gov.head.lemma_.lower() in lex.word_set("taking_part_verbs") \
            and any(c.dep_ == "nsubjpass" and (c.lemma_.lower() in survey_nouns
                                                or c.lemma_.lower() in lex.word_set("response_nouns"))
                    for c in gov.head.children):
        return True
    # "12% of 350 IT managers said": the base of a figure, counted without "the" (not "90% of the 2,200
    # employees on treatment", "half of the 17-million population"), people, in a sentence that reports.
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.i in figure_tokens:
        num = next((c for c in head.children if c.dep_ == "nummod" and c.i < head.i), None)
        doc, reporting = head.doc, lex.word_set("reporting_verbs")
        if (num is not None and num.i > 0 and doc[num.i - 1].i == gov.i and is_people(head, lex)
                and not (num.i + 1 < len(doc) and doc[num.i + 1].text in grammar.RANGE_WORDS)
                and any(t.lemma_.lower() in reporting for t in head.sent if t.pos_ in ("VERB", "AUX"))):
            return True
    if head.dep_ == "nsubjpass" and _is_survey_verb(gov, patterns):
        return True
    if head.dep_ == "nsubj" and (gov.lemma_.lower() == "take" or gov.lemma_.lower() in lex.word_set("taking_part_verbs")):
        return True
    # "Those students were sent questionnaires and 1,957 returned them."
    if head.dep_ == "nsubj" and gov.lemma_.lower() == "return" and any(
            t.lemma_.lower() in survey_nouns for t in head.sent):
        return True
    if head.dep_ == "pobj" and gov.lower_ in grammar.SURVEY_NOUN_PREPS and gov.head.lower_ in survey_nouns:
        return True
    if head.dep_ == "pobj" and gov.lower_ in grammar.CONTACT_PREPS and gov.head.lemma_.lower() in lex.word_set("contact_verbs"):
        return True
    # "722 branch managers and non-manager pharmacists who responded to the survey": the clause may close the list.
    for child in (c for node in (head, *head.conjuncts) for c in node.children):
        if child.dep_ in ("acl", "relcl") and (child.lower_ in participles or _is_survey_verb(child, patterns)
                                               or _took_part(child, patterns)):
            return True
        # "of the 2,000 surveyed adults", "the 1,000 polled voters": the participle between the count and the noun
        if child.dep_ in ("amod", "compound") and child.lower_ in participles and child.i < head.i:
            return True
    # "87% of the 1,000 employees quizzed by ICM for BBC News 24 said ...", parsed for some nouns with "quizzed" as
    # the main verb: a survey participle right after the counted noun, whatever the parse makes of it.
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.lower_ in participles and nxt.tag_ == "VBN":
        return True
    # ... the clause may hang on the place the people are at; they, not the colleges, were asked.
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in grammar.PLACE_PREPS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(g.dep_ in ("acl", "relcl") and (g.lower_ in participles or _is_survey_verb(g, patterns))
                   for g in obj.children):
                return True
    # "conducted online ... among 2,521 adults", "a poll among 1,647 adults", "conducted the survey online in
    # January among 600 adults": the "among" may hang a word or two below the verb or the survey word.
    if head.dep_ == "pobj" and gov.lower_ in grammar.CONDUCTED_AMONG_PREPS and any(
            a.lemma_.lower() in lex.word_set("survey_tail_verbs") or a.lemma_.lower() in lex.word_set("survey_verbs")
            or a.lemma_.lower() in survey_nouns for a in list(gov.ancestors)[:3]):
        return True
    # "A survey conducted last month by realtor.com of nearly 4,000 U.S. adults", "survey conducted between
    # February 13th and February 18th, 2007 of 1,001 adult Canadians": a survey's "conducted", its date or
    # maker between, then "of" the people.
    if head.dep_ == "pobj" and gov.lower_ == "of" and is_people(head, lex) and any(
            a.tag_ == "VBN" and a.dep_ == "acl" and a.head.lemma_.lower() in survey_nouns
            and (a.lemma_.lower() in lex.word_set("survey_tail_verbs") or a.lemma_.lower() in lex.word_set("survey_verbs"))
            for a in list(gov.ancestors)[:3]):
        return True
    # "polled a weighted sample of 1,981 voters": the head is inside "sample of".
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in lex.word_set("sample_part_nouns"):
        return asked(gov.head, patterns, figure_tokens) or gov.head.dep_ in ("dobj", "nsubjpass", "nsubj")
    # "A total of 3,028 adults were interviewed"
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.dep_ == "nsubjpass" and _is_survey_verb(gov.head.head, patterns):
        return True
    return False
