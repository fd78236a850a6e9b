"""Group families whose parse moves with words that should not matter: the digits of a share, "%" spelled out, a
qualifier before the figure, another people noun. Each family is tested on the parse en_core_web_sm gives for the
variant that broke it (written out by hand, so a model change cannot move the rule silently) and on a table of
real sentences from the read articles with those words changed (docs/evaluation.md, fourth round)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.phrases import threshold_tail

from ..helpers import build, figure_groups, groups_of

SURVEY = "A survey of 1,000 people was published on Monday. "


# ------------------------------------------------------------------ people first in a verb read as a noun
# The parser makes the verb and its object one noun, with the people as its first word: "80% of nurses visit search
# engines" as 'nurses visit search engines'. Found by changing the group noun in real sentences (dev2 mkt_10
# "over 90% of marketers value chemistry", for every other people noun; bbc_tech_261 "around 80% of surfers visit
# search engines", for "nurses"). An age group ('over-65s') is often tagged a singular proper noun, and is plural.
NURSES_VISIT = [("Around", 1, "advmod", "ADV", "RB", "around"), ("80", 2, "nummod", "NUM", "CD", "80"),
                ("%", 2, "ROOT", "NOUN", "NN", "%"), ("of", 2, "prep", "ADP", "IN", "of"),
                ("nurses", 7, "compound", "NOUN", "NNS", "nurse"), ("visit", 6, "compound", "NOUN", "NN", "visit"),
                ("search", 7, "compound", "NOUN", "NN", "search"), ("engines", 3, "pobj", "NOUN", "NNS", "engine"),
                (".", 2, "punct", "PUNCT", ".", ".")]


def test_people_first_in_a_verb_read_as_a_noun_on_a_hand_built_parse(vocab, lex) -> None:
    assert groups_of(build(vocab, NURSES_VISIT, [(1, 3, 80.0, "numeric")]), lex) == [("share", "nurses")]


@pytest.mark.parametrize("text,figure", [
    ("The survey shows that over 90% of {G} value chemistry, creativity, and professionalism when selecting an agency "
     "partner.", "90%"),  # dev2 mkt_10
    ("Around 80% of {G} visit search engines as their first port of call on the net.", "80%"),  # bbc_tech_261
    ("And 44% of {G} use just a single search engine, 48% use two or more.", "44%"),  # bbc_tech_081
    ("Fully 75% of {G} trust their companies are making the right decision.", "75%"),  # dev2 tech_10
])
@pytest.mark.parametrize("people", ["voters", "nurses", "parents", "UK adults", "IT managers",
                                    "over-55s", "over-65s"])  # age groups as wild bbc_politics_043 writes them
def test_people_before_their_verb_whatever_the_noun(nlp, text: str, figure: str, people: str) -> None:
    assert figure_groups(nlp(SURVEY + text.format(G=people)))[figure] == people


# ------------------------------------------------------------------ an '-ing' clause after "with N of M"
# "with nearly a quarter of workers throwing in the towel every year": with no verb of its own the '-ing' clause is
# what the group does. For some nouns the parser makes the figure the subject of a later infinitive ('to pay'), and
# the clause was kept as if the figure had a verb (bbc_business_020, with its noun changed).
TEACHERS_THROWING = [
    ("Call", 1, "compound", "NOUN", "NN", "call"), ("centres", 2, "nsubj", "NOUN", "NNS", "centre"),
    ("have", 2, "ROOT", "VERB", "VBP", "have"), ("a", 6, "det", "DET", "DT", "a"), ("high", 6, "amod", "ADJ", "JJ", "high"),
    ("churn", 6, "compound", "NOUN", "NN", "churn"), ("rate", 2, "dobj", "NOUN", "NN", "rate"),
    (",", 2, "punct", "PUNCT", ",", ","), ("with", 2, "prep", "ADP", "IN", "with"),
    ("nearly", 11, "advmod", "ADV", "RB", "nearly"), ("a", 11, "quantmod", "DET", "DT", "a"),
    ("quarter", 27, "nsubj", "NOUN", "NN", "quarter"), ("of", 11, "prep", "ADP", "IN", "of"),
    ("teachers", 12, "pobj", "NOUN", "NNS", "teacher"), ("throwing", 13, "acl", "VERB", "VBG", "throw"),
    ("in", 14, "prt", "ADP", "RP", "in"), ("the", 17, "det", "DET", "DT", "the"), ("towel", 14, "dobj", "NOUN", "NN", "towel"),
    ("every", 19, "det", "DET", "DT", "every"), ("year", 14, "npadvmod", "NOUN", "NN", "year"),
    (",", 13, "punct", "PUNCT", ",", ","), ("which", 24, "nsubj", "PRON", "WDT", "which"),
    ("in", 24, "prep", "ADP", "IN", "in"), ("turn", 22, "pobj", "NOUN", "NN", "turn"),
    ("forces", 25, "compound", "NOUN", "NNS", "force"), ("companies", 13, "appos", "NOUN", "NNS", "company"),
    ("to", 27, "aux", "PART", "TO", "to"), ("pay", 8, "pcomp", "VERB", "VB", "pay"), ("for", 27, "prep", "ADP", "IN", "for"),
    ("training", 28, "pobj", "NOUN", "NN", "training"), (".", 2, "punct", "PUNCT", ".", ".")]


def test_an_ing_clause_after_with_n_of_m_on_a_hand_built_parse(vocab, lex) -> None:
    assert groups_of(build(vocab, TEACHERS_THROWING, [(10, 12, 25.0, "fraction")]), lex) == [("share", "teachers")]


# ... and parsed as "of [IT managers throwing ...]", the people the subject of the clause made the object of "of".
MANAGERS_THROWING = [
    ("Churn", 1, "nsubj", "NOUN", "NN", "churn"), ("is", 1, "ROOT", "AUX", "VBZ", "be"), ("high", 1, "acomp", "ADJ", "JJ", "high"),
    (",", 1, "punct", "PUNCT", ",", ","), ("with", 1, "prep", "ADP", "IN", "with"), ("nearly", 7, "advmod", "ADV", "RB", "nearly"),
    ("a", 7, "quantmod", "DET", "DT", "a"), ("quarter", 4, "pobj", "NOUN", "NN", "quarter"), ("of", 7, "prep", "ADP", "IN", "of"),
    ("IT", 10, "compound", "PROPN", "NNP", "IT"), ("managers", 11, "nsubj", "NOUN", "NNS", "manager"),
    ("throwing", 8, "pcomp", "VERB", "VBG", "throw"), ("in", 11, "prt", "ADP", "RP", "in"), ("the", 14, "det", "DET", "DT", "the"),
    ("towel", 11, "dobj", "NOUN", "NN", "towel"), (".", 1, "punct", "PUNCT", ".", ".")]


def test_people_as_the_subject_of_the_object_of_of_on_a_hand_built_parse(vocab, lex) -> None:
    assert groups_of(build(vocab, MANAGERS_THROWING, [(6, 8, 25.0, "fraction")]), lex) == [("share", "IT managers")]


@pytest.mark.parametrize("people", ["workers", "teachers", "executives", "nurses", "agents", "IT managers",
                                    "small business owners"])
def test_an_ing_clause_after_with_n_of_m_whatever_the_noun(nlp, people: str) -> None:
    text = (f'As a result, call centres have a high "churn rate", with nearly a quarter of {people} throwing in the '
            "towel every year, which in turn forces companies to pay for training new staff.")
    assert figure_groups(nlp(SURVEY + text))["a quarter"] == people


# ------------------------------------------------------------------ "N of A and B" as one group
# The parser hangs the second noun on the figure, or (for "percent" spelled out in seed 001) makes it a second
# subject of the figure's verb; the group is the coordination either way.
MARKETERS_AND_IT = [
    ("More", 2, "amod", "ADJ", "JJR", "More"), ("than", 2, "quantmod", "ADP", "IN", "than"), ("60", 3, "nummod", "NUM", "CD", "60"),
    ("percent", 9, "nsubj", "NOUN", "NN", "percent"), ("of", 3, "prep", "ADP", "IN", "of"),
    ("marketers", 4, "pobj", "NOUN", "NNS", "marketer"), ("and", 3, "cc", "CCONJ", "CC", "and"),
    ("IT", 8, "compound", "PRON", "PRP", "it"), ("respondents", 9, "nsubj", "NOUN", "NNS", "respondent"),
    ("said", 9, "ROOT", "VERB", "VBD", "say"), ("so", 9, "advmod", "ADV", "RB", "so"), (".", 9, "punct", "PUNCT", ".", ".")]


def test_a_coordinated_group_split_into_two_subjects_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, MARKETERS_AND_IT, [(2, 4, 60.0, "percent")])
    assert groups_of(doc, lex) == [("share", "marketers and IT respondents")]


@pytest.mark.parametrize("text,group", [
    ("\u201cMore than 60{u} of marketers and IT respondents said they don\u2019t see eye-to-eye on how to reach customers "
     "and prospects online and how to measure the results.\u201d", "marketers and IT respondents"),  # seed 001
    ("Some 60{u} of Democrats and Democratic sympathizers think their party is split.",
     "Democrats and Democratic sympathizers"),  # dev3 pub_07
    ("Only 7{u} of teachers and leaders said \u201cnothing\u201d would positively influence them.",
     "teachers and leaders"),  # dev3 work_13
])
@pytest.mark.parametrize("unit", ["%", " percent", " per cent"])
def test_a_coordinated_group_whatever_the_unit(nlp, text: str, group: str, unit: str) -> None:
    doc = nlp(SURVEY + text.format(u=unit))
    assert [s._.group.text for s in doc.spans["survey_percentages"]] == [group]


# "Figures suggest 29 per cent of people aged between 18 and 24, and 19% of black voters were not on the roll.", with
# "aged" hung on the figure as the model does in the article's full sentence.
AGED_ON_FIGURE = [
    ("Figures", 1, "nsubj", "NOUN", "NNS", "figure"), ("suggest", 1, "ROOT", "VERB", "VBP", "suggest"),
    ("29", 4, "nummod", "NUM", "CD", "29"), ("per", 4, "compound", "ADP", "IN", "per"), ("cent", 1, "dobj", "NOUN", "NN", "cent"),
    ("of", 4, "prep", "ADP", "IN", "of"), ("people", 5, "pobj", "NOUN", "NNS", "people"), ("aged", 4, "acl", "VERB", "VBN", "age"),
    ("between", 7, "prep", "ADP", "IN", "between"), ("18", 8, "pobj", "NUM", "CD", "18"), ("and", 9, "cc", "CCONJ", "CC", "and"),
    ("24", 9, "conj", "NUM", "CD", "24"), (",", 9, "punct", "PUNCT", ",", ","), ("and", 4, "cc", "CCONJ", "CC", "and"),
    ("19", 15, "nummod", "NUM", "CD", "19"), ("%", 19, "nsubj", "NOUN", "NN", "%"), ("of", 15, "prep", "ADP", "IN", "of"),
    ("black", 18, "amod", "ADJ", "JJ", "black"), ("voters", 16, "pobj", "NOUN", "NNS", "voter"),
    ("were", 1, "ccomp", "AUX", "VBD", "be"), ("not", 19, "neg", "PART", "RB", "not"), ("on", 19, "prep", "ADP", "IN", "on"),
    ("the", 23, "det", "DET", "DT", "the"), ("roll", 21, "pobj", "NOUN", "NN", "roll"), (".", 19, "punct", "PUNCT", ".", ".")]


def test_an_age_band_hung_on_the_figure_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, AGED_ON_FIGURE, [(2, 5, 29.0, "percent"), (14, 16, 19.0, "percent")])
    assert groups_of(doc, lex) == [("share", "people aged between 18 and 24"), ("share", "black voters")]


# An age band after the people, which the parser hangs on the figure as a participle ("29 per cent of people aged
# between 18 and 24", bbc_politics_372 with the unit spelled out), stays in the group.
@pytest.mark.parametrize("text,figure,group", [
    ("Figures for the 2001 general election suggest 29{u} of people aged between 18 and 24, and 19% of black voters "
     "were not on the electoral roll.", "29{u}", "people aged between 18 and 24"),  # bbc_politics_372
    ("A new survey by Kantar has found that just 14{u} of young people aged 18 to 24 will \u2018definitely vote\u2019 in "
     "the upcoming UK general election.", "14{u}", "young people aged 18 to 24"),  # dev3 pub_04
    ("In the survey carried out by ICM Research, 14{u} of people aged between 18 and 34 said they never voted in "
     "general elections.", "14{u}", "people aged between 18 and 34"),  # bbc_politics_043
])
@pytest.mark.parametrize("unit", ["%", " percent", " per cent"])
def test_an_age_band_after_the_people_whatever_the_unit(nlp, text: str, figure: str, group: str, unit: str) -> None:
    got = figure_groups(nlp("The survey was published today. " + text.format(u=unit)))
    assert got[figure.format(u=unit)] == group


# A figure in brackets after its group, with a word that qualifies it inside the bracket: no article in the shared
# pools writes one, but the bracket readers disagreed on it ("Alberta (nearly 62%)" took the sentence's subject), so
# the real sentences are tried with a qualifier put in (dev3 pub_06, dev3 biz_07, dev2 tech_05, bbc_tech_069).
@pytest.mark.parametrize("text,expected", [
    ("The Tories remain dominant in their strongholds of Alberta ({q}62%) and Manitoba and Saskatchewan (53%), and hold "
     "the upper hand in Ontario ({q}38%).", {"62%": "Alberta", "38%": "Ontario"}),
    ("OnePoll reported that 58% of IT decision-makers are experiencing burnout, with the highest percentage in India at "
     "78%, followed by the UK ({q}60%) and the US ({q}53%).", {"60%": "UK", "53%": "US"}),
    ("This is considerably more than the other roles in the survey, risk professionals ({q}69 per cent), bankers (68 "
     "per cent), lawyers (65 per cent) and accountants ({q}66 per cent).",
     {"69 per cent": "risk professionals", "66 per cent": "accountants"}),
    ("Most 15 to 24-year-olds ({q}94%), and 25 to 34-year-olds (92%), own at least one.", {"94%": "15 to 24-year-olds"}),
])
@pytest.mark.parametrize("qualifier", ["", "nearly ", "just over ", "only "])
def test_a_bracketed_figure_with_a_qualifier_inside(nlp, text: str, expected: dict, qualifier: str) -> None:
    got = figure_groups(nlp(SURVEY + text.format(q=qualifier)))
    assert {k: got.get(k) for k in expected} == expected


# "X% vs. Y%" with a word that qualifies the second figure: the link is still "vs." (seed 000, dev3 consumer_10, with
# a qualifier put in; no article in the pools writes one there).
@pytest.mark.parametrize("text,expected", [
    ("The percentage of respondents who said they can track digital sales is 46%, versus {q}68% last year.",
     {"46%": "respondents", "68%": "respondents"}),
    ("Consumers who use mobile wallets are more than twice as likely as non-users to say flexible payment options like "
     "BNPL are important to them when choosing where to shop (54% vs. {q}26%).",
     {"54%": "Consumers who use mobile wallets", "26%": "non-users"}),
])
@pytest.mark.parametrize("qualifier", ["", "nearly ", "just over ", "only "])
def test_a_pair_with_a_qualified_second_figure(nlp, text: str, expected: dict, qualifier: str) -> None:
    assert figure_groups(nlp(SURVEY + text.format(q=qualifier))) == expected


# A word of another figure is no group: "Nearly nine out of 10 HR staff (83%)" (dev2 tech_02 with a bracket too far
# from 90 to restate it) took "nine"; the bracket now shares the ratio's group.
NINE_OUT_OF_TEN = [
    ("Nearly", 1, "advmod", "ADV", "RB", "nearly"), ("nine", 12, "nsubj", "NUM", "CD", "nine"), ("out", 1, "prep", "ADP", "IN", "out"),
    ("of", 2, "prep", "ADP", "IN", "of"), ("10", 6, "nummod", "NUM", "CD", "10"), ("HR", 6, "compound", "NOUN", "NN", "hr"),
    ("staff", 3, "pobj", "NOUN", "NN", "staff"), ("(", 6, "punct", "PUNCT", "-LRB-", "("), ("83", 9, "nummod", "NUM", "CD", "83"),
    ("%", 6, "appos", "NOUN", "NN", "%"), (")", 6, "punct", "PUNCT", "-RRB-", ")"), ("would", 12, "aux", "AUX", "MD", "would"),
    ("recommend", 12, "ROOT", "VERB", "VB", "recommend"), ("it", 12, "dobj", "PRON", "PRP", "it"), (".", 12, "punct", "PUNCT", ".", ".")]


def test_a_word_of_another_figure_is_no_group_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, NINE_OUT_OF_TEN, [(1, 5, 90.0, "ratio"), (8, 10, 83.0, "numeric")])
    assert groups_of(doc, lex) == [("share", "HR staff"), ("share", "HR staff")]


@pytest.mark.parametrize("text,group", [
    ("Nearly nine out of 10 HR staff ({P}%) would recommend their company to friends as a good place to work.",
     "HR staff"),  # dev2 tech_02
    ("More than eight in 10 parents ({P}%) say their children\u2019s behavior reflects their parenting skills.",
     "parents"),  # dev2 pub_05
])
@pytest.mark.parametrize("share", [72, 78, 83, 86])
def test_a_bracket_after_a_ratio_it_does_not_restate(nlp, text: str, group: str, share: int) -> None:
    got = figure_groups(nlp(SURVEY + text.format(P=share)))
    assert got[f"{share}%"] == group


# People counted out of a whole, read in word order: the run of nominal words after the ratio ends on the people
# ("only one in 11 marketing and IT executives say", seed 004 with other denominators, which the parser cuts at
# "marketing" for 6, 11, 17 and 19).
ONE_IN_ELEVEN = [
    ("According", 13, "prep", "VERB", "VBG", "accord"), ("to", 0, "prep", "ADP", "IN", "to"), ("the", 3, "det", "DET", "DT", "the"),
    ("report", 1, "pobj", "NOUN", "NN", "report"), (",", 13, "punct", "PUNCT", ",", ","), ("only", 6, "advmod", "ADV", "RB", "only"),
    ("one", 8, "quantmod", "NUM", "CD", "one"), ("in", 8, "quantmod", "ADP", "IN", "in"), ("11", 9, "nummod", "NUM", "CD", "11"),
    ("marketing", 4, "prep", "NOUN", "NN", "marketing"), ("and", 9, "cc", "CCONJ", "CC", "and"),
    ("IT", 12, "compound", "PRON", "PRP", "it"), ("executives", 13, "nsubj", "NOUN", "NNS", "executive"),
    ("say", 13, "ROOT", "VERB", "VBP", "say"), ("so", 13, "advmod", "ADV", "RB", "so"), (".", 13, "punct", "PUNCT", ".", ".")]


def test_people_counted_read_in_word_order_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, ONE_IN_ELEVEN, [(6, 9, 9.1, "ratio")])
    assert groups_of(doc, lex) == [("share", "marketing and IT executives")]


@pytest.mark.parametrize("text,group", [
    ("According to the report, only one in {D} marketing and IT executives say collaboration is at the level it "
     "should be.", "marketing and IT executives"),  # seed 004
    ("The poll found one in {D} small business owners have a negative view of the role money plays in politics.",
     "small business owners"),  # dev2 tech_11
    ("Financial difficulties have prompted nearly one in {D} HR leaders to conduct multiple rounds of layoffs during "
     "the past year.", "HR leaders"),  # dev3 work_03
    ("Almost one in {D} US citizens aged under 30 have one.", "US citizens aged under 30"),  # bbc_tech_047
])
@pytest.mark.parametrize("denominator", [5, 6, 10, 11, 17, 19])
def test_people_counted_out_of_a_whole_whatever_the_denominator(nlp, text: str, group: str, denominator: int) -> None:
    doc = nlp(SURVEY + text.format(D=denominator))
    assert [(s._.kind, s._.group.text) for s in doc.spans["survey_percentages"]] == [("share", group)]


# ------------------------------------------------------------------ a "who say" clause that restricts
# A "who say" clause is the statement when it is what the figure counts, but it picks out the people when it sits
# inside a part "of" them that is the subject of a later verb, which then carries the finding.
# "Nearly half of voters who say their top priority is national security choose Trump as well." (dev2 pub_14,
# Morning Consult, with the parse it should have: the model makes "half" the root and "choose" a complement)
VOTERS_WHO_SAY = [
    ("Nearly", 1, "advmod", "ADV", "RB", "nearly"), ("half", 12, "nsubj", "NOUN", "NN", "half"),
    ("of", 1, "prep", "ADP", "IN", "of"), ("voters", 2, "pobj", "NOUN", "NNS", "voter"),
    ("who", 5, "nsubj", "PRON", "WP", "who"), ("say", 3, "relcl", "VERB", "VBP", "say"),
    ("their", 8, "poss", "PRON", "PRP$", "their"), ("top", 8, "amod", "ADJ", "JJ", "top"),
    ("priority", 9, "nsubj", "NOUN", "NN", "priority"), ("is", 5, "ccomp", "AUX", "VBZ", "be"),
    ("national", 11, "amod", "ADJ", "JJ", "national"), ("security", 9, "attr", "NOUN", "NN", "security"),
    ("choose", 12, "ROOT", "VERB", "VBP", "choose"), ("Trump", 12, "dobj", "PROPN", "NNP", "Trump"),
    ("as", 15, "advmod", "ADV", "RB", "as"), ("well", 12, "advmod", "ADV", "RB", "well"),
    (".", 12, "punct", "PUNCT", ".", ".")]


def test_a_who_say_clause_inside_a_later_verbs_subject_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, VOTERS_WHO_SAY, [(0, 2, 50.0, "fraction")])
    assert groups_of(doc, lex) == [("share", "voters who say their top priority is national security")]


@pytest.mark.parametrize("text,figure,group", [
    # dev3 work_11 (EIS): restricts, "are considering" carries the finding
    ("- Almost half (48%) of members who said they plan to leave teaching within the next 5 years are considering "
     "doing so because workload is too high.", "48%", "members who said they plan to leave teaching within the "
     "next 5 years"),
    # dev2 pub_20 (Harris): no part "of" them; the clause is what the range counts
    ("In eight other questions, participants who said they have strong pro-green and pro-environmental attitudes "
     "were in the clear minority (18 to 38 percent), although those rates were the highest in the last three years.",
     "38 percent", "participants"),
    # dev3 pub_04 (Kantar): no later verb, the clause is the statement
    ("This is compared to 79% of over 65s who said they will definitely vote, alongside 50% of 55 to 64 year olds.",
     "79%", "over 65s"),
])
def test_a_who_say_clause_restricts_only_before_a_later_verb(nlp, text: str, figure: str, group: str) -> None:
    assert figure_groups(nlp(SURVEY + text))[figure] == group


# ------------------------------------------------------------------ an '-ing' phrase after a bracketed figure's "of"
# A figure in a bracket stands for the words it restates: when those are the subject of a verb of their own, an
# '-ing' phrase after the people says who they are ('Three-quarters (75%) of employee pharmacists working for the
# multiples said ...': dev3 health_11, which gave "employee pharmacists"); with no verb of their own it says what
# the group does ('with about one-quarter (23%) of marketing leaders saying they have ...'). Found by restating
# real figures in brackets after a verbal one (verbalflip probe).
PHARMACISTS_WORKING = [
    ("Three", 2, "nummod", "NUM", "CD", "three"), ("-", 2, "punct", "PUNCT", "HYPH", "-"),
    ("quarters", 14, "nsubj", "NOUN", "NNS", "quarter"), ("(", 2, "punct", "PUNCT", "-LRB-", "("),
    ("75", 5, "nummod", "NUM", "CD", "75"), ("%", 2, "appos", "NOUN", "NN", "%"), (")", 2, "punct", "PUNCT", "-RRB-", ")"),
    ("of", 2, "prep", "ADP", "IN", "of"), ("employee", 9, "compound", "NOUN", "NN", "employee"),
    ("pharmacists", 7, "pobj", "NOUN", "NNS", "pharmacist"), ("working", 9, "acl", "VERB", "VBG", "work"),
    ("for", 10, "prep", "ADP", "IN", "for"), ("the", 13, "det", "DET", "DT", "the"),
    ("multiples", 11, "pobj", "NOUN", "NNS", "multiple"), ("said", 14, "ROOT", "VERB", "VBD", "say"),
    ("so", 14, "advmod", "ADV", "RB", "so"), (".", 14, "punct", "PUNCT", ".", ".")]


def test_an_ing_phrase_after_a_bracketed_figures_of_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, PHARMACISTS_WORKING, [(4, 6, 75.0, "numeric")])
    assert groups_of(doc, lex) == [("share", "employee pharmacists working for the multiples")]


@pytest.mark.parametrize("text,figure,group", [
    ("Three-quarters (75%) of employee pharmacists working for the multiples said they experienced \u201cpressure "
     "from management\u201d, compared with 40% of those working for independents or small chains.", "75%",
     "employee pharmacists working for the multiples"),  # dev3 health_11
    ("While two-thirds (66%) of developers using open source engage at least once a week, just 34% can use company "
     "time to do so.", "66%", "developers using open source"),  # dev3 biz_08, its figure restated
    ("A recent report from the CMO Council indicates there may have been some improvements, with about one-quarter "
     "(23%) of marketing leaders saying they have a very effective working relationship with their company\u2019s "
     "CIO.", "23%", "marketing leaders"),  # seed 002
])
def test_an_ing_phrase_after_a_bracketed_figures_of(nlp, text: str, figure: str, group: str) -> None:
    assert figure_groups(nlp(SURVEY + text))[figure] == group


# ------------------------------------------------------------------ a threshold after a "with" phrase
# 'companies with revenue over $1 billion': the parser hangs the amount on the figure, on the next verb or as an
# apposition of the people, by the amount's words; read from the words it is part of the group. Real frames (dev3
# biz_05, work_09, biz_09, and the 'Among CFOs at companies with revenue over $1 billion') with each
# threshold: 9 of 28 were cut at the noun before.
THRESHOLD_FRAMES = [
    ("Forty-three percent of companies with {T} anticipate spending increases.", "Forty-three percent",
     "companies with {T}"),  # dev3 biz_05
    ("Interestingly, the more employees, the greater the demand on owners \u2014 91% of respondents with {T} work more "
     "than 40 hours per week.", "91%", "respondents with {T}"),  # dev3 work_09
    ("Two-thirds (67%) of respondents from organizations with {T} experienced a ransomware attack.", "67%",
     "respondents from organizations with {T}"),  # dev3 biz_09
    ("Among CFOs at companies with {T}, the share rose to 71%.", "71%", "CFOs at companies with {T}"),
]
THRESHOLDS = ["revenues less than $100 million", "revenue over $1 billion", "turnover under \u00a35 million",
              "more than 10 employees", "over 500 employees", "at least 50 staff", "fewer than 250 employees"]


@pytest.mark.parametrize("frame,figure,group", THRESHOLD_FRAMES)
@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_a_threshold_after_a_with_phrase_is_part_of_the_group(nlp, frame: str, figure: str, group: str,
                                                                threshold: str) -> None:
    got = figure_groups(nlp(SURVEY + frame.format(T=threshold)))
    assert got[figure] == group.format(T=threshold)


@pytest.mark.parametrize("words,end,expected", [
    (["firms", "with", "revenue", "over", "$", "50", "million", "plan"], 3, 7),
    (["respondents", "with", "more", "than", "10", "employees", "work"], 2, 6),
    (["firms", "with", "turnover", "under", "\u00a3", "5", "million", "plan"], 3, 7),
    (["firms", "in", "Ohio", "over", "50", "years"], 3, 3),  # no "with": not a threshold of who
    (["firms", "with", "revenue", "over", "time"], 3, 3),  # no number
])
def test_threshold_tail_reads_the_words(vocab, lex, words, end: int, expected: int) -> None:
    pos = ["NOUN" if w.isalpha() and w.endswith("s") else "X" for w in words]
    tags = ["NNS" if p == "NOUN" else "XX" for p in pos]
    doc = Doc(vocab, words=words, pos=pos, tags=tags)
    assert threshold_tail(doc, 0, end, len(doc), set(), lex) == expected


# ------------------------------------------------------------------ a count standing for people
# "the 860 who took part" (issue 19's new-user wording, which gave '860'), "only 12% of the 5.8 million who needed
# them" (wild bbc_business_504, whose gold keeps the clause): a count with no noun stands for people as "those" does,
# and the clause after it is who they are, not a finding to drop.
OF_THE_860 = [("Of", 9, "prep", "ADP", "IN", "of"), ("the", 2, "det", "DET", "DT", "the"), ("860", 0, "pobj", "NUM", "CD", "860"),
              ("who", 4, "nsubj", "PRON", "WP", "who"), ("took", 2, "relcl", "VERB", "VBD", "take"),
              ("part", 4, "dobj", "NOUN", "NN", "part"), (",", 9, "punct", "PUNCT", ",", ","),
              ("45", 8, "nummod", "NUM", "CD", "45"), ("%", 9, "nsubj", "NOUN", "NN", "%"),
              ("said", 9, "ROOT", "VERB", "VBD", "say"), ("they", 11, "nsubj", "PRON", "PRP", "they"),
              ("were", 9, "ccomp", "AUX", "VBD", "be"), ("worried", 11, "acomp", "ADJ", "JJ", "worried"),
              (".", 9, "punct", "PUNCT", ".", ".")]


def test_a_count_standing_for_people_on_a_hand_built_parse(vocab, lex) -> None:
    assert groups_of(build(vocab, OF_THE_860, [(7, 9, 45.0, "numeric")]), lex) == [("share", "860 who took part")]


@pytest.mark.parametrize("text,expected", [
    ("Of the 860 who took part, 45% said they were worried.", {"45%": "860 who took part"}),
    ("Some 45% of the 860 who took part said they were worried.", {"45%": "860 who took part"}),
    ("The WHO said 700,000 people in poor countries were on life-extending drugs - up from 440,000 six months earlier "
     "but amounting to only 12% of the 5.8 million who needed them.", {"12%": "5.8 million who needed them"}),
    ("Of the 2,000 who responded, a third said they had no savings.", {"a third": "2,000 who responded"}),
])
def test_a_count_standing_for_people(nlp, text: str, expected: dict) -> None:
    got = figure_groups(nlp(SURVEY + text))
    assert {k: got.get(k) for k in expected} == expected


# A gap stated in bare points between two answers has no group: 'three points ahead of' (dev3 pub_05), as 'a 7
# point lead' and 'a negative gap of 31 points' (dev3 pub_03).
@pytest.mark.parametrize("text,figure", [
    ("Interestingly, when asked who they least want to see running the country, Farage comes out with the highest "
     "percentage (36%) while Cameron is three points ahead of Miliband on this one.", "three points"),
    ("Only 27% say he's doing a good job, while 58% say he is not -- a negative gap of 31 points.", "31 points"),
])
def test_a_gap_in_bare_points_has_no_group(nlp, text: str, figure: str) -> None:
    doc = nlp(SURVEY + text)
    assert [(s._.kind, s._.group) for s in doc.spans["survey_percentages"] if s.text == figure] == [("point_change", None)]
