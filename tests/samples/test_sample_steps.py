"""The sample-size rules that read the parse, on hand-built parses (words, heads, deps, pos, tags,
lemmas), so that a model change cannot move them silently. Each row is a real wording of the genre."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.lexicon import Lexicon
from extract.samples.find import find_samples
from extract.samples.patterns import SamplePatterns

from ..helpers import Row, parsed_doc

@pytest.fixture(scope="module")
def patterns():
    return SamplePatterns(Lexicon.default())


def samples_of(vocab, patterns, rows: list[Row]) -> list[tuple[int, str | None]]:
    doc = parsed_doc(vocab, rows)
    doc.spans["survey_percentages"] = []
    found = find_samples(doc, [(0, len(doc))], patterns)
    return [(s.value, doc[s.population[0]:s.population[1]].text if s.population else None) for s in found]


# "312 of them work in retail."
PART_CLAUSE = [("312", 3, "nsubj", "NUM", "CD", "312"), ("of", 0, "prep", "ADP", "IN", "of"),
               ("them", 1, "pobj", "PRON", "PRP", "they"), ("work", 3, "ROOT", "VERB", "VBP", "work"),
               ("in", 3, "prep", "ADP", "IN", "in"), ("retail", 4, "pobj", "NOUN", "NN", "retail"),
               (".", 3, "punct", "PUNCT", ".", ".")]
# "Only 15 respondents were based in the U.S."
PART_SUBJECT = [("Only", 1, "advmod", "ADV", "RB", "only"), ("15", 2, "nummod", "NUM", "CD", "15"),
                ("respondents", 4, "nsubjpass", "NOUN", "NNS", "respondent"), ("were", 4, "auxpass", "AUX", "VBD", "be"),
                ("based", 4, "ROOT", "VERB", "VBN", "base"), ("in", 4, "prep", "ADP", "IN", "in"),
                ("the", 7, "det", "DET", "DT", "the"), ("U.S.", 5, "pobj", "PROPN", "NNP", "U.S."),
                (".", 4, "punct", "PUNCT", ".", ".")]
# "The respondent base for all questions is 159."
BASE = [("The", 2, "det", "DET", "DT", "the"), ("respondent", 2, "compound", "NOUN", "NN", "respondent"),
        ("base", 6, "nsubj", "NOUN", "NN", "base"), ("for", 2, "prep", "ADP", "IN", "for"),
        ("all", 5, "det", "DET", "DT", "all"), ("questions", 3, "pobj", "NOUN", "NNS", "question"),
        ("is", 6, "ROOT", "AUX", "VBZ", "be"), ("159", 6, "attr", "NUM", "CD", "159"), (".", 6, "punct", "PUNCT", ".", ".")]
# "The survey included 610 agency staff."
INCLUDED = [("The", 1, "det", "DET", "DT", "the"), ("survey", 2, "nsubj", "NOUN", "NN", "survey"),
            ("included", 2, "ROOT", "VERB", "VBD", "include"), ("610", 5, "nummod", "NUM", "CD", "610"),
            ("agency", 5, "compound", "NOUN", "NN", "agency"), ("staff", 2, "dobj", "NOUN", "NN", "staff"),
            (".", 2, "punct", "PUNCT", ".", ".")]
# "It is based on responses from 420 finance leaders."
RESPONSES = [("It", 2, "nsubjpass", "PRON", "PRP", "it"), ("is", 2, "auxpass", "AUX", "VBZ", "be"),
             ("based", 2, "ROOT", "VERB", "VBN", "base"), ("on", 2, "prep", "ADP", "IN", "on"),
             ("responses", 3, "pobj", "NOUN", "NNS", "response"), ("from", 4, "prep", "ADP", "IN", "from"),
             ("420", 8, "nummod", "NUM", "CD", "420"), ("finance", 8, "compound", "NOUN", "NN", "finance"),
             ("leaders", 5, "pobj", "NOUN", "NNS", "leader"), (".", 2, "punct", "PUNCT", ".", ".")]
# "It was conducted among 2,521 adults."
AMONG = [("It", 2, "nsubjpass", "PRON", "PRP", "it"), ("was", 2, "auxpass", "AUX", "VBD", "be"),
         ("conducted", 2, "ROOT", "VERB", "VBN", "conduct"), ("among", 2, "prep", "ADP", "IN", "among"),
         ("2,521", 5, "nummod", "NUM", "CD", "2,521"), ("adults", 3, "pobj", "NOUN", "NNS", "adult"),
         (".", 2, "punct", "PUNCT", ".", ".")]
# "They surveyed them between June 22 and 30." (days are not counts)
DATES = [("They", 1, "nsubj", "PRON", "PRP", "they"), ("surveyed", 1, "ROOT", "VERB", "VBD", "survey"),
         ("them", 1, "dobj", "PRON", "PRP", "they"), ("between", 1, "prep", "ADP", "IN", "between"),
         ("June", 3, "pobj", "PROPN", "NNP", "June"), ("22", 4, "nummod", "NUM", "CD", "22"),
         ("and", 4, "cc", "CCONJ", "CC", "and"), ("30", 4, "conj", "NUM", "CD", "30"), (".", 1, "punct", "PUNCT", ".", ".")]
# "A survey of IT professionals and leaders of over 800 organizations reveals this."
UNITS_OF = [("A", 1, "det", "DET", "DT", "a"), ("survey", 11, "nsubj", "NOUN", "NN", "survey"),
            ("of", 1, "prep", "ADP", "IN", "of"), ("IT", 4, "compound", "PROPN", "NNP", "IT"),
            ("professionals", 2, "pobj", "NOUN", "NNS", "professional"), ("and", 4, "cc", "CCONJ", "CC", "and"),
            ("leaders", 4, "conj", "NOUN", "NNS", "leader"), ("of", 6, "prep", "ADP", "IN", "of"),
            ("over", 9, "quantmod", "ADP", "IN", "over"), ("800", 10, "nummod", "NUM", "CD", "800"),
            ("organizations", 7, "pobj", "NOUN", "NNS", "organization"), ("reveals", 11, "ROOT", "VERB", "VBZ", "reveal"),
            ("this", 11, "dobj", "PRON", "DT", "this"), (".", 11, "punct", "PUNCT", ".", ".")]
# "Creativebrief surveyed 50 marketers from companies including Barclaycard, and 50 leaders from agencies."
DEEP_CONJUNCT = [("Creativebrief", 1, "nsubj", "PROPN", "NNP", "Creativebrief"), ("surveyed", 1, "ROOT", "VERB", "VBD", "survey"),
                 ("50", 3, "nummod", "NUM", "CD", "50"), ("marketers", 1, "dobj", "NOUN", "NNS", "marketer"),
                 ("from", 1, "prep", "ADP", "IN", "from"), ("companies", 4, "pobj", "NOUN", "NNS", "company"),
                 ("including", 5, "prep", "VERB", "VBG", "include"), ("Barclaycard", 6, "pobj", "PROPN", "NNP", "Barclaycard"),
                 (",", 7, "punct", "PUNCT", ",", ","), ("and", 7, "cc", "CCONJ", "CC", "and"),
                 ("50", 11, "nummod", "NUM", "CD", "50"), ("leaders", 7, "conj", "NOUN", "NNS", "leader"),
                 ("from", 11, "prep", "ADP", "IN", "from"), ("agencies", 12, "pobj", "NOUN", "NNS", "agency"),
                 (".", 1, "punct", "PUNCT", ".", ".")]

# "The 390 CEOs who responded to the poll reported problems." (dev3 health): a clause saying they answered.
RESPONDED = [("The", 2, "det", "DET", "DT", "the"), ("390", 2, "nummod", "NUM", "CD", "390"),
             ("CEOs", 8, "nsubj", "NOUN", "NNS", "ceo"), ("who", 4, "nsubj", "PRON", "WP", "who"),
             ("responded", 2, "relcl", "VERB", "VBD", "respond"), ("to", 4, "prep", "ADP", "IN", "to"),
             ("the", 7, "det", "DET", "DT", "the"), ("poll", 5, "pobj", "NOUN", "NN", "poll"),
             ("reported", 8, "ROOT", "VERB", "VBD", "report"), ("problems", 8, "dobj", "NOUN", "NNS", "problem"),
             (".", 8, "punct", "PUNCT", ".", ".")]
# "Most of the 2,000 surveyed adults plan a trip." (dev3 consumer): the participle between count and noun.
SURVEYED_BETWEEN = [("Most", 6, "nsubj", "ADJ", "JJS", "Most"), ("of", 0, "prep", "ADP", "IN", "of"),
                    ("the", 5, "det", "DET", "DT", "the"), ("2,000", 5, "nummod", "NUM", "CD", "2,000"),
                    ("surveyed", 5, "amod", "VERB", "VBN", "survey"), ("adults", 1, "pobj", "NOUN", "NNS", "adult"),
                    ("plan", 6, "ROOT", "VERB", "VBP", "plan"), ("a", 8, "det", "DET", "DT", "a"),
                    ("trip", 6, "dobj", "NOUN", "NN", "trip"), (".", 6, "punct", "PUNCT", ".", ".")]
# "Respondents from organizations with over 500 employees were attacked." (dev3 IT): a size, not a sample.
SIZE = [("Respondents", 8, "nsubjpass", "NOUN", "NNS", "respondent"), ("from", 0, "prep", "ADP", "IN", "from"),
        ("organizations", 1, "pobj", "NOUN", "NNS", "organization"), ("with", 2, "prep", "ADP", "IN", "with"),
        ("over", 5, "quantmod", "ADP", "IN", "over"), ("500", 6, "nummod", "NUM", "CD", "500"),
        ("employees", 3, "pobj", "NOUN", "NNS", "employee"), ("were", 8, "auxpass", "AUX", "VBD", "be"),
        ("attacked", 8, "ROOT", "VERB", "VBN", "attack"), (".", 8, "punct", "PUNCT", ".", ".")]
# "The survey questioned 600 owners between January 27 and February 20." (dev3 workplace): when, not who.
WHEN = [("The", 1, "det", "DET", "DT", "the"), ("survey", 2, "nsubj", "NOUN", "NN", "survey"),
        ("questioned", 2, "ROOT", "VERB", "VBD", "question"), ("600", 4, "nummod", "NUM", "CD", "600"),
        ("owners", 2, "dobj", "NOUN", "NNS", "owner"), ("between", 2, "prep", "ADP", "IN", "between"),
        ("January", 5, "pobj", "PROPN", "NNP", "January"), ("27", 6, "nummod", "NUM", "CD", "27"),
        ("and", 6, "cc", "CCONJ", "CC", "and"), ("February", 6, "conj", "PROPN", "NNP", "February"),
        ("20", 9, "nummod", "NUM", "CD", "20"), (".", 2, "punct", "PUNCT", ".", ".")]

# "... survey conducted between February 13th and February 18th, 2007 of 1,001 adult Canadians." (dev3 health_10)
CONDUCTED_OF = [("The", 1, "det", "DET", "DT", "the"), ("survey", 1, "ROOT", "NOUN", "NN", "survey"),
                ("conducted", 1, "acl", "VERB", "VBN", "conduct"), ("between", 2, "prep", "ADP", "IN", "between"),
                ("February", 5, "compound", "PROPN", "NNP", "February"), ("13th", 3, "pobj", "NOUN", "NN", "13th"),
                (",", 5, "punct", "PUNCT", ",", ","), ("2007", 5, "appos", "NUM", "CD", "2007"),
                ("of", 2, "prep", "ADP", "IN", "of"), ("1,001", 11, "nummod", "NUM", "CD", "1,001"),
                ("adult", 11, "compound", "NOUN", "NN", "adult"), ("Canadians", 8, "pobj", "PROPN", "NNPS", "Canadians"),
                (".", 1, "punct", "PUNCT", ".", ".")]

# "A new survey from Gartner of 512 chief financial officers found this." (issue 19): the maker between the survey
# and 'of', which the parser hangs on the maker; the people after two words that qualify them.
MAKER_THEN_OF = [("A", 2, "det", "DET", "DT", "a"), ("new", 2, "amod", "ADJ", "JJ", "new"),
                 ("survey", 10, "nsubj", "NOUN", "NN", "survey"), ("from", 2, "prep", "ADP", "IN", "from"),
                 ("Gartner", 3, "pobj", "PROPN", "NNP", "Gartner"), ("of", 4, "prep", "ADP", "IN", "of"),
                 ("512", 9, "nummod", "NUM", "CD", "512"), ("chief", 9, "amod", "ADJ", "JJ", "chief"),
                 ("financial", 9, "amod", "ADJ", "JJ", "financial"), ("officers", 5, "pobj", "NOUN", "NNS", "officer"),
                 ("found", 10, "ROOT", "VERB", "VBD", "find"), ("this", 10, "dobj", "PRON", "DT", "this"),
                 (".", 10, "punct", "PUNCT", ".", ".")]
# "A poll by YouGov of 2,000 British adults found this.": the count the object of 'of', the people hung on 'by'.
MAKER_COUNT_APART = [("A", 1, "det", "DET", "DT", "a"), ("poll", 8, "nsubj", "NOUN", "NN", "poll"),
                     ("by", 1, "prep", "ADP", "IN", "by"), ("YouGov", 7, "nmod", "PROPN", "NNP", "YouGov"),
                     ("of", 3, "prep", "ADP", "IN", "of"), ("2,000", 4, "pobj", "NUM", "CD", "2,000"),
                     ("British", 7, "amod", "ADJ", "JJ", "british"), ("adults", 2, "pobj", "NOUN", "NNS", "adult"),
                     ("found", 8, "ROOT", "VERB", "VBD", "find"), ("this", 8, "dobj", "PRON", "DT", "this"),
                     (".", 8, "punct", "PUNCT", ".", ".")]

# "They polled 496 CFOs, 37 of which were from healthcare companies." (dev3 health_03): the relative "of" on the count
PART_OF_WHICH = [("They", 1, "nsubj", "PRON", "PRP", "they"), ("polled", 1, "ROOT", "VERB", "VBD", "poll"),
                 ("496", 3, "nummod", "NUM", "CD", "496"), ("CFOs", 1, "dobj", "NOUN", "NNS", "cfo"),
                 (",", 3, "punct", "PUNCT", ",", ","), ("37", 8, "nsubj", "NUM", "CD", "37"),
                 ("of", 5, "prep", "ADP", "IN", "of"), ("which", 6, "pobj", "PRON", "WDT", "which"),
                 ("were", 1, "advcl", "AUX", "VBD", "be"), ("from", 8, "prep", "ADP", "IN", "from"),
                 ("healthcare", 11, "compound", "NOUN", "NN", "healthcare"), ("companies", 9, "pobj", "NOUN", "NNS", "company"),
                 (".", 1, "punct", "PUNCT", ".", ".")]
# "The survey polled 496 CFOs, of whom 500 are parents.": the relative "of" fronted, left as a bare dependent
PART_OF_WHOM = [("The", 1, "det", "DET", "DT", "the"), ("survey", 2, "nsubj", "NOUN", "NN", "survey"),
                ("polled", 2, "ROOT", "VERB", "VBD", "poll"), ("496", 4, "nummod", "NUM", "CD", "496"),
                ("CFOs", 2, "dobj", "NOUN", "NNS", "cfo"), (",", 4, "punct", "PUNCT", ",", ","),
                ("of", 9, "dep", "ADP", "IN", "of"), ("whom", 6, "pobj", "PRON", "WP", "whom"),
                ("500", 9, "nsubj", "NUM", "CD", "500"), ("are", 4, "relcl", "AUX", "VBP", "be"),
                ("parents", 9, "attr", "NOUN", "NNS", "parent"), (".", 2, "punct", "PUNCT", ".", ".")]
# "A poll of 2,000 CFOs, 37 of whom work in healthcare, found this.": the verb taken for a noun, hung on the poll
PART_VERB_AS_NOUN = [("A", 1, "det", "DET", "DT", "a"), ("poll", 13, "nsubj", "NOUN", "NN", "poll"),
                     ("of", 1, "prep", "ADP", "IN", "of"), ("2,000", 4, "nummod", "NUM", "CD", "2,000"),
                     ("CFOs", 2, "pobj", "NOUN", "NNS", "cfo"), (",", 4, "punct", "PUNCT", ",", ","),
                     ("37", 4, "appos", "NUM", "CD", "37"), ("of", 6, "prep", "ADP", "IN", "of"),
                     ("whom", 7, "pobj", "PRON", "WP", "whom"), ("work", 1, "acl", "NOUN", "NN", "work"),
                     ("in", 9, "prep", "ADP", "IN", "in"), ("healthcare", 10, "pobj", "NOUN", "NN", "healthcare"),
                     (",", 13, "punct", "PUNCT", ",", ","), ("found", 13, "ROOT", "VERB", "VBD", "find"),
                     ("this", 13, "dobj", "PRON", "DT", "this"), (".", 13, "punct", "PUNCT", ".", ".")]
# "The firm has 12 offices, 3 of which are in Asia.": 'of which' after things, not people
PART_OF_THINGS = [("The", 1, "det", "DET", "DT", "the"), ("firm", 2, "nsubj", "NOUN", "NN", "firm"),
                  ("has", 2, "ROOT", "VERB", "VBZ", "have"), ("12", 4, "nummod", "NUM", "CD", "12"),
                  ("offices", 2, "dobj", "NOUN", "NNS", "office"), (",", 4, "punct", "PUNCT", ",", ","),
                  ("3", 9, "nsubj", "NUM", "CD", "3"), ("of", 6, "prep", "ADP", "IN", "of"),
                  ("which", 7, "pobj", "PRON", "WDT", "which"), ("are", 4, "relcl", "AUX", "VBP", "be"),
                  ("in", 9, "prep", "ADP", "IN", "in"), ("Asia", 10, "pobj", "PROPN", "NNP", "Asia"),
                  (".", 2, "punct", "PUNCT", ".", ".")]

# "The company spoke with 136 IT workers." (dev3 biz_06): who was spoken with answered.
SPOKE_WITH = [("The", 1, "det", "DET", "DT", "the"), ("company", 2, "nsubj", "NOUN", "NN", "company"),
              ("spoke", 2, "ROOT", "VERB", "VBD", "speak"), ("with", 2, "prep", "ADP", "IN", "with"),
              ("136", 6, "nummod", "NUM", "CD", "136"), ("IT", 6, "compound", "PROPN", "NNP", "IT"),
              ("workers", 3, "pobj", "NOUN", "NNS", "worker"), (".", 2, "punct", "PUNCT", ".", ".")]
# "A survey sent to 1,000 members found this." (dev3 health_01's wording): those sent it were only invited.
SENT_TO = [("A", 1, "det", "DET", "DT", "a"), ("survey", 6, "nsubj", "NOUN", "NN", "survey"),
           ("sent", 1, "acl", "VERB", "VBN", "send"), ("to", 2, "prep", "ADP", "IN", "to"),
           ("1,000", 5, "nummod", "NUM", "CD", "1,000"), ("members", 3, "pobj", "NOUN", "NNS", "member"),
           ("found", 6, "ROOT", "VERB", "VBD", "find"), ("this", 6, "dobj", "PRON", "DT", "this"),
           (".", 6, "punct", "PUNCT", ".", ".")]

CASES = [
    ("a part as a clause", PART_CLAUSE, [(312, "work in retail")]),
    ("a part in a relative clause, 'N of which'", PART_OF_WHICH, [(496, "CFOs"), (37, "were from healthcare companies")]),
    ("a part in a relative clause, 'of whom N'", PART_OF_WHOM, [(496, "CFOs"), (500, "are parents")]),
    ("a part whose verb was taken for a noun", PART_VERB_AS_NOUN, [(2000, "CFOs"), (37, "work in healthcare")]),
    ("a part of things is not a sample", PART_OF_THINGS, []),
    ("a part as a subject", PART_SUBJECT, [(15, "were based in the U.S.")]),
    ("a stated base", BASE, [(159, None)]),
    ("a survey that included", INCLUDED, [(610, "agency staff")]),
    ("responses from", RESPONSES, [(420, "finance leaders")]),
    ("conducted among", AMONG, [(2521, "adults")]),
    ("days are not counts", DATES, []),
    ("units the people asked speak for", UNITS_OF, [(800, "organizations")]),
    ("a counted conjunct deep in the first list", DEEP_CONJUNCT, [(50, "marketers"), (50, "leaders from agencies")]),
    ("a clause saying they answered", RESPONDED, [(390, "CEOs")]),
    ("the participle between count and noun", SURVEYED_BETWEEN, [(2000, "adults")]),
    ("a size is not a sample", SIZE, []),
    ("spoken with", SPOKE_WITH, [(136, "IT workers")]),
    ("sent a survey: invited, not who answered", SENT_TO, []),
    ("a date is when, not who", WHEN, [(600, "owners")]),
    ("conducted, its date, then of the people", CONDUCTED_OF, [(1001, "adult Canadians")]),
    ("the maker, then of the people", MAKER_THEN_OF, [(512, "chief financial officers")]),
    ("the maker, the count apart from its people", MAKER_COUNT_APART, [(2000, "British adults")]),
]


@pytest.mark.parametrize("name,rows,expected", CASES, ids=[c[0] for c in CASES])
def test_sample_rules_on_hand_built_parses(vocab, patterns, name, rows, expected):
    assert samples_of(vocab, patterns, rows) == expected


# "A poll of 17,800 National Education Union (NEU) members found this.": a name inside the counted phrase
# is not its head; the number counts the members.
NAMED_MEMBERS = [("A", 1, "det", "DET", "DT", "a"), ("poll", 11, "nsubj", "NOUN", "NN", "poll"),
                 ("of", 1, "prep", "ADP", "IN", "of"), ("17,800", 6, "nummod", "NUM", "CD", "17,800"),
                 ("National", 6, "compound", "PROPN", "NNP", "National"),
                 ("Education", 6, "compound", "PROPN", "NNP", "Education"), ("Union", 10, "nmod", "PROPN", "NNP", "Union"),
                 ("(", 6, "punct", "PUNCT", "-LRB-", "("), ("NEU", 6, "appos", "PROPN", "NNP", "NEU"),
                 (")", 8, "punct", "PUNCT", "-RRB-", ")"), ("members", 2, "pobj", "NOUN", "NNS", "member"),
                 ("found", 11, "ROOT", "VERB", "VBD", "find"), ("this", 11, "dobj", "PRON", "DT", "this"),
                 (".", 11, "punct", "PUNCT", ".", ".")]
# "Creativebrief surveyed 50 brand marketers, and 50 senior leaders from agencies.": the second object
# hangs on the survey verb as a conjunct.
SECOND_OBJECT = [("Creativebrief", 1, "nsubj", "PROPN", "NNP", "Creativebrief"), ("surveyed", 1, "ROOT", "VERB", "VBD", "survey"),
                 ("50", 4, "nummod", "NUM", "CD", "50"), ("brand", 4, "compound", "NOUN", "NN", "brand"),
                 ("marketers", 1, "dobj", "NOUN", "NNS", "marketer"), (",", 1, "punct", "PUNCT", ",", ","),
                 ("and", 1, "cc", "CCONJ", "CC", "and"), ("50", 9, "nummod", "NUM", "CD", "50"),
                 ("senior", 9, "amod", "ADJ", "JJ", "senior"), ("leaders", 1, "conj", "NOUN", "NNS", "leader"),
                 ("from", 9, "prep", "ADP", "IN", "from"), ("agencies", 10, "pobj", "NOUN", "NNS", "agency"),
                 (".", 1, "punct", "PUNCT", ".", ".")]


# "The survey of 1,000 UK workers and 500 HR managers was carried out by Censuswide." (written for the test; the
# guide's "400 senior marketing and 250 information technology executives" with a noun on each side): the parser
# makes the second count's people a subject of its own, not a conjunct of the first.
SIDE_BY_SIDE = [("The", 1, "det", "DET", "DT", "the"), ("survey", 11, "nsubjpass", "NOUN", "NN", "survey"),
                ("of", 1, "prep", "ADP", "IN", "of"), ("1,000", 5, "nummod", "NUM", "CD", "1,000"),
                ("UK", 5, "compound", "PROPN", "NNP", "UK"), ("workers", 2, "pobj", "NOUN", "NNS", "worker"),
                ("and", 5, "cc", "CCONJ", "CC", "and"), ("500", 9, "nummod", "NUM", "CD", "500"),
                ("HR", 9, "compound", "NOUN", "NN", "hr"), ("managers", 11, "nsubjpass", "NOUN", "NNS", "manager"),
                ("was", 11, "auxpass", "AUX", "VBD", "be"), ("carried", 11, "ROOT", "VERB", "VBN", "carry"),
                ("out", 11, "prt", "ADP", "RP", "out"), ("by", 11, "agent", "ADP", "IN", "by"),
                ("Censuswide", 13, "pobj", "PROPN", "NNP", "Censuswide"), (".", 11, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows,values,heads", [
    (NAMED_MEMBERS, [17800], ["members"]),
    (SECOND_OBJECT, [50, 50], ["marketers", "agencies"]),
    (SIDE_BY_SIDE, [1000, 500], ["workers", "managers"]),
])
def test_sample_counted_phrase_heads(vocab, patterns, rows, values, heads):
    found = samples_of(vocab, patterns, rows)
    assert [v for v, _ in found] == values
    assert [p.split()[-1] if p else None for _, p in found] == heads


# "But of the 145 companies reporting, 76% didn't examine their supply chains." (wild bbc_business_397): a base set
# up front, with its article and after 'But', for the figure after its comma.
FRONTED_WITH_ARTICLE = [
    ("But", 11, "cc", "CCONJ", "CC", "but"), ("of", 11, "prep", "ADP", "IN", "of"), ("the", 4, "det", "DET", "DT", "the"),
    ("145", 4, "nummod", "NUM", "CD", "145"), ("companies", 1, "pobj", "NOUN", "NNS", "company"),
    ("reporting", 4, "acl", "VERB", "VBG", "report"), (",", 11, "punct", "PUNCT", ",", ","),
    ("76", 8, "nummod", "NUM", "CD", "76"), ("%", 11, "nsubj", "NOUN", "NN", "%"), ("did", 11, "aux", "AUX", "VBD", "do"),
    ("n't", 11, "neg", "PART", "RB", "not"), ("examine", 11, "ROOT", "VERB", "VB", "examine"),
    ("their", 14, "poss", "PRON", "PRP$", "their"), ("supply", 14, "compound", "NOUN", "NN", "supply"),
    ("chains", 11, "dobj", "NOUN", "NNS", "chain"), (".", 11, "punct", "PUNCT", ".", ".")]


def test_a_base_set_up_front_with_its_article_on_a_hand_built_parse(vocab, patterns):
    doc = parsed_doc(vocab, FRONTED_WITH_ARTICLE)
    doc.spans["survey_percentages"] = [Span(doc, 7, 9)]
    found = find_samples(doc, [(0, len(doc))], patterns)
    assert [(s.value, doc[s.population[0]:s.population[1]].text) for s in found] == [(145, "companies reporting")]
