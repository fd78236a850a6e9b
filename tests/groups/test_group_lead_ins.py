"""Families of this round's lead-in probe: a real share sentence of a read article, with a lead-in put before it
("However,", "In addition,", "According to the survey,", "The survey found that") or a survey tail after it,
should keep its kind, group and sample. Where one moved, the rule read the start of the sentence, or a parse
that the lead-in changes:

- a base fronted after a lead-in still opens its clause ('However, in Scotland, 23 per cent ...', 'The survey
  found that among the 76.3 percent of respondents who said ..., 40 percent ...');
- a fronted "of" phrase the parser hung on the lead-in's "that" is a topic when the clause names its own people;
- a fraction of people before a bracket is not an age band the parser headed with its number;
- an '-ing' phrase right after the people a figure is of, made a clause of the next verb, still says who they
  are ('66% of developers using open source engage ...');
- a counterpart "versus 19 percent for marketers" is of its own "for" group, whatever its kind was first;
- a survey's verb hung on its counted people in a clause headed by a noun ('said that the ... survey of 5,000
  households pointed to ...') is the survey's verb, not part of the population.

The phrasings are real (dev2, dev3 and wild articles, all read); each runs the model with each lead-in, and the
steps that read the parse also run on the parse the model gave for a lead-in."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.phrases import opens_clause, trim_phrase

from ..helpers import build, figure_groups, groups_of, parsed_doc

LEAD_INS = ["", "However, ", "In addition, ", "According to the survey, ", "The survey found that "]
SURVEY = "A survey of 1,000 people was published on Monday. "


def lead(lead_in: str, sentence: str) -> str:
    """The sentence after a lead-in, its first letter lowered unless a name or a number starts it."""
    if not lead_in or sentence.split(" ", 1)[0] in ("US", "UK") or sentence[0].isdigit():
        return lead_in + sentence
    return lead_in + sentence[0].lower() + sentence[1:]


# ------------------------------------------------------------ where a clause opens
@pytest.mark.parametrize("words,lemmas,pos,i,expected", [
    (["Of", "those", "who", "do", ",", "54", "%"], None, None, 0, True),
    (["However", ",", "in", "Scotland", ",", "23", "%"], None, None, 2, True),
    (["In", "addition", ",", "of", "those", ",", "54", "%"], None, None, 3, True),
    (["And", "overall", ",", "among", "women", ",", "40", "%"], None, None, 3, True),
    (["According", "to", "the", "survey", ",", "among", "women", ",", "40", "%"], None, None, 5, True),
    (["The", "survey", "found", "that", "within", "Quebec", ",", "76", "%"],
     ["the", "survey", "find", "that", "within", "Quebec", ",", "76", "%"],
     ["DET", "NOUN", "VERB", "SCONJ", "ADP", "PROPN", "PUNCT", "NUM", "NOUN"], 4, True),
    (["The", "report", "also", "shows", "that", "of", "the", "sites", ","],
     ["the", "report", "also", "show", "that", "of", "the", "site", ","],
     ["DET", "NOUN", "ADV", "VERB", "SCONJ", "ADP", "DET", "NOUN", "PUNCT"], 5, True),
    # not a lead-in: the phrase is inside a clause that has begun
    (["Most", "of", "the", "firms", ",", "54", "%"], None, None, 1, False),
    (["Sales", "in", "Ontario", ",", "54", "%"], None, None, 1, False),
    (["Last", "year", ",", "in", "Scotland", ",", "23", "%"], None, None, 3, False),
    (["The", "plan", "that", "within", "Quebec", ",", "76", "%"],
     ["the", "plan", "that", "within", "Quebec", ",", "76", "%"],
     ["DET", "NOUN", "PRON", "ADP", "PROPN", "PUNCT", "NUM", "NOUN"], 3, False),
])
def test_a_clause_opens_after_a_lead_in(vocab, lex, words, lemmas, pos, i: int, expected: bool) -> None:
    doc = Doc(vocab, words=words, lemmas=lemmas or [w.lower() for w in words], pos=pos or ["X"] * len(words))
    assert opens_clause(doc, 0, i, lex) is expected


# ------------------------------------------------------------ a fronted base after a lead-in
FRONTED = [
    # dev2 pub_01 (YouGov)
    ("In Scotland, which voted against Brexit, 23 per cent wanted the national vote ignored.", "23 per cent", "Scotland"),
    ("In Scotland, which voted against Brexit, 23 per cent wanted the national vote ignored and among the middle and "
     "upper classes, it was just 19 per cent.", "19 per cent", "middle and upper classes"),
    # dev2 pub_02 (BMG)
    ("In the 18 to 34 category, 40 per cent wanted to get on with Brexit and 29 per cent did not.", "40 per cent",
     "18 to 34 category"),
    # dev2 pub_10 (Ipsos)
    ("Within Quebec, three quarters (76%) support (42% strongly/34% somewhat) the legislation, while only one quarter "
     "(24%) opposes it (10% strongly/14% somewhat).", "76%", "Quebec"),
    # dev3 consumer_05 (Burst Media)
    ("Among the 76.3 percent of respondents who said they'd travel, more than 40 percent said that the number of "
     "trips they plan to take is the same number they took last year.", "40 percent", "respondents who said they'd travel"),
    # dev3 biz_08 (DigitalOcean)
    ("Of the 55% of respondents contributing to open source, 60% of those contribute to existing open source "
     "projects.", "60%", "respondents contributing to open source"),
    # wild bbc_business_397
    ("Of the 145 companies reporting, 76% didn't examine their supply chains, says the annual Directions survey.",
     "76%", "companies reporting"),
]


@pytest.mark.parametrize("lead_in", LEAD_INS)
@pytest.mark.parametrize("sentence,figure,group", FRONTED)
def test_a_fronted_base_after_a_lead_in(nlp, lead_in: str, sentence: str, figure: str, group: str) -> None:
    got = figure_groups(nlp(SURVEY + lead(lead_in, sentence)))
    assert got[figure] == group


# Two group-setting phrases before a figure: the one nearest it sets its clause (dev3 pub_06, Angus Reid; the
# second sentence is dev2 pub_01's with another group before the "among" clause).
@pytest.mark.parametrize("text,expected", [
    ("The Conservatives have extended their lead among male voters (39%, to 28% for the NDP), and the two main parties "
     "remain practically even among female voters (31% for the Tories, 30% for the New Democrats).",
     {"39%": "male voters", "31%": "female voters", "30%": "female voters"}),
    ("Among young people, 23 per cent wanted the national vote ignored and among the middle and upper classes, it was "
     "just 19 per cent.", {"23 per cent": "young people", "19 per cent": "middle and upper classes"}),
])
def test_the_group_setting_phrase_nearest_the_figure(nlp, text: str, expected: dict) -> None:
    got = figure_groups(nlp(SURVEY + text))
    assert {k: got.get(k) for k in expected} == expected


# "Overall, within Quebec, three quarters (76%) support the legislation.", as the model parses the lead-in before
# dev2 pub_10's long sentence: "within" the root, the figure's clause an apposition inside its phrase.
WITHIN_QUEBEC = [
    ("Overall", 2, "advmod", "ADV", "RB", "overall"), (",", 2, "punct", "PUNCT", ",", ","),
    ("within", 2, "ROOT", "ADP", "IN", "within"), ("Quebec", 2, "pobj", "PROPN", "NNP", "Quebec"),
    (",", 2, "punct", "PUNCT", ",", ","), ("three", 6, "nummod", "NUM", "CD", "three"),
    ("quarters", 2, "pobj", "NOUN", "NNS", "quarter"), ("(", 6, "punct", "PUNCT", "-LRB-", "("),
    ("76", 9, "nummod", "NUM", "CD", "76"), ("%", 6, "appos", "NOUN", "NN", "%"), (")", 9, "punct", "PUNCT", "-RRB-", ")"),
    ("support", 6, "appos", "NOUN", "NN", "support"), ("the", 13, "det", "DET", "DT", "the"),
    ("legislation", 6, "appos", "NOUN", "NN", "legislation"), (".", 2, "punct", "PUNCT", ".", ".")]


def test_a_fronted_place_after_a_lead_in_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, WITHIN_QUEBEC, [(8, 10, 76.0, "percent")])
    assert groups_of(doc, lex) == [("share", "Quebec")]


# ------------------------------------------------------------ a fronted topic, hung on the lead-in's "that"
# dev2 tech_13 (JetBrains): "Of the social sites, respondents reported that they actively use accounts on GitHub
# (76%) ...", after "The report also shows that".
SOCIAL_SITES = [
    ("The", 1, "det", "DET", "DT", "the"), ("report", 3, "nsubj", "NOUN", "NN", "report"),
    ("also", 3, "advmod", "ADV", "RB", "also"), ("shows", 3, "ROOT", "VERB", "VBZ", "show"),
    ("that", 3, "dobj", "SCONJ", "IN", "that"), ("of", 4, "prep", "ADP", "IN", "of"), ("the", 8, "det", "DET", "DT", "the"),
    ("social", 8, "amod", "ADJ", "JJ", "social"), ("sites", 5, "pobj", "NOUN", "NNS", "site"),
    (",", 11, "punct", "PUNCT", ",", ","), ("respondents", 11, "nsubj", "NOUN", "NNS", "respondent"),
    ("reported", 3, "ccomp", "VERB", "VBD", "report"), ("that", 15, "mark", "SCONJ", "IN", "that"),
    ("they", 15, "nsubj", "PRON", "PRP", "they"), ("actively", 15, "advmod", "ADV", "RB", "actively"),
    ("use", 11, "ccomp", "VERB", "VBP", "use"), ("GitHub", 15, "dobj", "PROPN", "NNP", "GitHub"),
    ("(", 16, "punct", "PUNCT", "-LRB-", "("), ("76", 19, "nummod", "NUM", "CD", "76"),
    ("%", 16, "appos", "NOUN", "NN", "%"), (")", 11, "punct", "PUNCT", "-RRB-", ")"), (".", 3, "punct", "PUNCT", ".", ".")]


def test_a_fronted_topic_hung_on_the_lead_in_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, SOCIAL_SITES, [(18, 20, 76.0, "percent")])
    assert groups_of(doc, lex) == [("share", "respondents")]


@pytest.mark.parametrize("lead_in", ["", "The report also shows that ", "However, "])
def test_a_fronted_topic_is_no_group_after_a_lead_in(nlp, lead_in: str) -> None:
    text = lead(lead_in, "Of the social sites, respondents reported that they actively use accounts on GitHub (76%), "
                         "X (Twitter, 48%), LinkedIn (48%) and Stack Overflow (47%).")
    assert set(figure_groups(nlp(SURVEY + text)).values()) == {"respondents"}


# ------------------------------------------------------------ a fraction of people before a bracket
# dev3 biz_04 (Econsultancy) after "In addition,": "two" heads the fraction, and "companies" is under its "of".
TWO_THIRDS = [
    ("In", 15, "prep", "ADP", "IN", "in"), ("addition", 0, "pobj", "NOUN", "NN", "addition"),
    (",", 15, "punct", "PUNCT", ",", ","), ("just", 4, "advmod", "ADV", "RB", "just"), ("under", 15, "prep", "ADP", "IN", "under"),
    ("two", 4, "pobj", "NUM", "CD", "two"), ("-", 7, "punct", "PUNCT", "HYPH", "-"),
    ("thirds", 5, "quantmod", "NOUN", "NNS", "third"), ("of", 7, "prep", "ADP", "IN", "of"),
    ("companies", 8, "pobj", "NOUN", "NNS", "company"), ("(", 9, "punct", "PUNCT", "-LRB-", "("),
    ("62", 12, "nummod", "NUM", "CD", "62"), ("%", 9, "appos", "NOUN", "NN", "%"), (")", 9, "punct", "PUNCT", "-RRB-", ")"),
    ("are", 15, "aux", "AUX", "VBP", "be"), ("spending", 15, "ROOT", "VERB", "VBG", "spend"),
    ("more", 19, "amod", "ADJ", "JJR", "more"), ("than", 19, "quantmod", "ADP", "IN", "than"),
    ("£", 19, "quantmod", "SYM", "$", "£"), ("5,000", 15, "dobj", "NUM", "CD", "5,000"),
    ("per", 19, "prep", "ADP", "IN", "per"), ("year", 20, "pobj", "NOUN", "NN", "year"), (".", 15, "punct", "PUNCT", ".", ".")]


def test_a_fraction_of_people_is_no_age_band_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, TWO_THIRDS, [(11, 13, 62.0, "percent")])
    assert groups_of(doc, lex) == [("share", "companies")]


@pytest.mark.parametrize("lead_in", LEAD_INS)
@pytest.mark.parametrize("sentence,figure,group", [
    ("Just under two-thirds of companies (62%) are spending more than £5,000 per year on email marketing.", "62%",
     "companies"),  # dev3 biz_04
    ("Two-thirds of marketers (66%) state that email delivers an 'excellent' or 'good' ROI.", "66%", "marketers"),
    ("Three-quarters of consumers (76 per cent) find Internet ads that automatically pop up very frustrating.",
     "76 per cent", "consumers"),  # dev2 mkt_03
    ("Nearly three-quarters of respondents (73%) said politicians had shown themselves to be dishonest.", "73%",
     "respondents"),  # wild bbc_politics
])
def test_a_fraction_of_people_restated_in_a_bracket_after_a_lead_in(nlp, lead_in: str, sentence: str, figure: str,
                                                                    group: str) -> None:
    doc = nlp(SURVEY + lead(lead_in, sentence))
    span = next(s for s in doc.spans["survey_percentages"] if s.text == figure)
    assert (span._.kind, span._.group.text if span._.group is not None else None) == ("share", group)


# ------------------------------------------------------------ an '-ing' phrase made a clause of the next verb
# dev3 biz_08 after "In addition,": '66% of developers' the subject of 'using', 'using' a clause of 'engage'.
DEVELOPERS_USING = [
    ("In", 11, "prep", "ADP", "IN", "in"), ("addition", 0, "pobj", "NOUN", "NN", "addition"),
    (",", 11, "punct", "PUNCT", ",", ","), ("while", 8, "mark", "SCONJ", "IN", "while"), ("66", 5, "nummod", "NUM", "CD", "66"),
    ("%", 8, "nsubj", "NOUN", "NN", "%"), ("of", 5, "prep", "ADP", "IN", "of"),
    ("developers", 6, "pobj", "NOUN", "NNS", "developer"), ("using", 11, "advcl", "VERB", "VBG", "use"),
    ("open", 10, "amod", "ADJ", "JJ", "open"), ("source", 8, "dobj", "NOUN", "NN", "source"),
    ("engage", 14, "ccomp", "VERB", "VBP", "engage"), ("once", 11, "advmod", "ADV", "RB", "once"),
    (",", 14, "punct", "PUNCT", ",", ","), ("they", 14, "ROOT", "PRON", "PRP", "they"), (".", 14, "punct", "PUNCT", ".", ".")]


def test_an_ing_phrase_made_a_clause_of_the_next_verb_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, DEVELOPERS_USING, [(4, 6, 66.0, "percent")])
    assert groups_of(doc, lex) == [("share", "developers using open source")]


@pytest.mark.parametrize("lead_in", LEAD_INS)
@pytest.mark.parametrize("sentence,figure,group", [
    ("While 66% of developers using open source engage at least once a week, just 34% can use company time to do "
     "so.", "66%", "developers using open source"),  # dev3 biz_08
    ("Only 15 percent of nurses working in hospital settings say they plan to stay in their current positions.",
     "15 percent", "nurses working in hospital settings"),  # dev3 health_08
    # a survey participle stays out: dev2 mkt_11
    ("80% of brands taking part in the survey said they should shoulder more responsibility.", "80%", "brands"),
])
def test_an_ing_phrase_after_the_people_a_figure_is_of(nlp, lead_in: str, sentence: str, figure: str, group: str) -> None:
    assert figure_groups(nlp(SURVEY + lead(lead_in, sentence)))[figure] == group


# ------------------------------------------------------------ a counterpart of its own "for" group
@pytest.mark.parametrize("text,figure,group", [
    ("Nearly half of agencies plan to use it versus just 19 percent for marketers.", "19 percent", "marketers"),
    ("The survey found that nearly half of agencies plan to use it versus just 19 percent for marketers.",
     "19 percent", "marketers"),
    ("Nearly half of agencies plan to use it versus just 19 percent for marketers, the survey found.", "19 percent",
     "marketers"),
    ("The survey found that Twitter showed a similar dynamic, with 89 percent of agencies planning to use it, "
     "compared to 69 percent for marketers.", "69 percent", "marketers"),
    # a candidate is no group (dev3 pub_05)
    ("The survey found that 20% think Cameron is most likely to tell the truth, compared to 13% for Miliband.",
     "13%", None),
])
def test_a_counterpart_is_of_its_own_for_group_whatever_its_kind(nlp, text: str, figure: str, group) -> None:
    assert figure_groups(nlp(text))[figure] == group


# ------------------------------------------------------------ a survey's verb in a clause headed by a noun
# wild bbc_business_361 after "The company said that": 'survey' the clause, 'pointed' hung on 'households'.
SURVEY_POINTED = [
    ("The", 1, "det", "DET", "DT", "the"), ("company", 2, "nsubj", "NOUN", "NN", "company"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"), ("that", 7, "mark", "SCONJ", "IN", "that"),
    ("the", 7, "det", "DET", "DT", "the"), ("Conference", 6, "compound", "PROPN", "NNP", "Conference"),
    ("Board", 7, "compound", "PROPN", "NNP", "Board"), ("survey", 2, "ccomp", "NOUN", "NN", "survey"),
    ("of", 7, "prep", "ADP", "IN", "of"), ("5,000", 10, "nummod", "NUM", "CD", "5,000"),
    ("households", 8, "pobj", "NOUN", "NNS", "household"), ("pointed", 10, "acl", "VERB", "VBN", "point"),
    ("to", 11, "prep", "ADP", "IN", "to"), ("renewed", 14, "amod", "VERB", "VBN", "renew"),
    ("optimism", 12, "pobj", "NOUN", "NN", "optimism"), (".", 2, "punct", "PUNCT", ".", ".")]


def test_a_survey_verb_hung_on_its_people_on_a_hand_built_parse(vocab, lex) -> None:
    doc = parsed_doc(vocab, SURVEY_POINTED)
    start, end = trim_phrase(doc, doc[10], lex)
    assert doc[start:end].text == "households"


@pytest.mark.parametrize("lead_in", ["", "The company said that ", "However, "])
@pytest.mark.parametrize("sentence,value,population", [
    ("The Conference Board survey of 5,000 households pointed to renewed optimism about job creation and economic "
     "growth.", 5000, "households"),  # wild bbc_business_361
    ("A JLL survey of 2,000 international workers found that 72% said they wanted to remain home more during the "
     "workweek.", 2000, "international workers"),  # dev3 work_06
    ("The survey of 1,217 HR professionals found that while 32 percent said they are very satisfied, 20 percent "
     "called themselves not very satisfied.", 1217, "HR professionals"),  # dev2 tech_04
])
def test_a_sample_after_a_lead_in(nlp, lead_in: str, sentence: str, value: int, population: str) -> None:
    doc = nlp(lead(lead_in, sentence))
    assert [(s._.value, s._.population.text) for s in doc.spans["survey_samples"]] == [(value, population)]
