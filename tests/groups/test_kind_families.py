"""Kinds decided by what a figure is a proportion of, not by how the sentence moves it:

- the counterpart of a share, introduced by a comparison after it, is a share: of another period ("compared
  to 72 percent in 2006", "up from 12% in 2012", "versus 68% last year") or of the group its own "for X"
  names ("compared to 69 percent for agencies"); the counterpart of an amount stays an amount;
- a verb the tagger took for a noun right after a figure that leads its clause ("20% practice in groups of ...",
  "Only 14% perceive that ...", "A fifth rely entirely on mobiles", "..., 6 percent visit warehouses", "while
  slightly more than 40 percent project major layoffs") leaves the figure the subject of a clause, a share in
  an article that reports a survey; a change, an amount or a rate after it stays a noun ("20% price cuts").

Kinds are decided by ``kind_rules.KIND_RULES``, a named table read in order; a test names the rule that decides
each hand-built case. The first tables run the steps on hand-built parses (the parse en_core_web_sm gives, written out), so that a
change of model cannot move them; the last runs real phrasings from more than one article through the model.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.groups import GroupRules, GroupState, assign_groups
from extract.groups.kind_rules import KIND_RULES, FigureView, decide_kind, modifies_a_noun, restated_in_bracket
from extract.groups.stated import figure_heads

from ..helpers import build, figure_groups, figure_span, groups_of, kind_and_group, readings

# "Only 17% are in solo practice compared to 25% in 2012." (dev3 health)
COMPARED_TO_A_YEAR = [
    ("Only", 1, "advmod", "ADV", "RB", "only"), ("17", 2, "nummod", "NUM", "CD", "17"),
    ("%", 3, "nsubj", "NOUN", "NN", "%"), ("are", 3, "ROOT", "AUX", "VBP", "be"), ("in", 3, "prep", "ADP", "IN", "in"),
    ("solo", 6, "amod", "ADJ", "JJ", "solo"), ("practice", 4, "pobj", "NOUN", "NN", "practice"),
    ("compared", 3, "prep", "VERB", "VBN", "compare"), ("to", 7, "prep", "ADP", "IN", "to"),
    ("25", 10, "nummod", "NUM", "CD", "25"), ("%", 8, "pobj", "NOUN", "NN", "%"), ("in", 10, "prep", "ADP", "IN", "in"),
    ("2012", 11, "pobj", "NUM", "CD", "2012"), (".", 3, "punct", "PUNCT", ".", ".")]
# "20% practice in groups of 101 doctors or more, up from 12% in 2012." (dev3 health)
PRACTICE = [
    ("20", 1, "nummod", "NUM", "CD", "20"), ("%", 2, "compound", "NOUN", "NN", "%"),
    ("practice", 2, "ROOT", "NOUN", "NN", "practice"), ("in", 2, "prep", "ADP", "IN", "in"),
    ("groups", 3, "pobj", "NOUN", "NNS", "group"), ("of", 4, "prep", "ADP", "IN", "of"),
    ("101", 7, "nummod", "NUM", "CD", "101"), ("doctors", 5, "pobj", "NOUN", "NNS", "doctor"),
    ("or", 7, "cc", "CCONJ", "CC", "or"), ("more", 7, "conj", "ADJ", "JJR", "more"), (",", 2, "punct", "PUNCT", ",", ","),
    ("up", 2, "advmod", "ADV", "RB", "up"), ("from", 11, "prep", "ADP", "IN", "from"),
    ("12", 14, "nummod", "NUM", "CD", "12"), ("%", 12, "pobj", "NOUN", "NN", "%"), ("in", 14, "prep", "ADP", "IN", "in"),
    ("2012", 15, "pobj", "NUM", "CD", "2012"), (".", 2, "punct", "PUNCT", ".", ".")]
# "Only 14% perceive that they have the time with patients." (dev3 health)
PERCEIVE = [
    ("Only", 1, "advmod", "ADV", "RB", "only"), ("14", 2, "nummod", "NUM", "CD", "14"),
    ("%", 3, "compound", "NOUN", "NN", "%"), ("perceive", 3, "ROOT", "NOUN", "NN", "perceive"),
    ("that", 6, "mark", "PRON", "WDT", "that"), ("they", 6, "nsubj", "PRON", "PRP", "they"),
    ("have", 3, "relcl", "VERB", "VBP", "have"), ("the", 8, "det", "DET", "DT", "the"),
    ("time", 6, "dobj", "NOUN", "NN", "time"), ("with", 8, "prep", "ADP", "IN", "with"),
    ("patients", 9, "pobj", "NOUN", "NNS", "patient"), (".", 3, "punct", "PUNCT", ".", ".")]
# "A fifth rely entirely on mobiles." (BBC technology)
RELY = [
    ("A", 2, "det", "DET", "DT", "a"), ("fifth", 2, "amod", "ADJ", "JJ", "fifth"), ("rely", 2, "ROOT", "NOUN", "NN", "rely"),
    ("entirely", 2, "advmod", "ADV", "RB", "entirely"), ("on", 2, "prep", "ADP", "IN", "on"),
    ("mobiles", 4, "pobj", "NOUN", "NNS", "mobile"), (".", 2, "punct", "PUNCT", ".", ".")]
# "..., 6 percent visit warehouses, ..." (dev3 consumer): the verb parsed as a compound of its object.
VISIT = [
    ("Most", 1, "nsubj", "ADJ", "JJS", "most"), ("shop", 1, "ROOT", "VERB", "VBP", "shop"), (",", 1, "punct", "PUNCT", ",", ","),
    ("6", 4, "nummod", "NUM", "CD", "6"), ("percent", 5, "compound", "NOUN", "NN", "percent"),
    ("visit", 6, "compound", "NOUN", "NN", "visit"), ("warehouses", 1, "dobj", "NOUN", "NNS", "warehouse"),
    (".", 1, "punct", "PUNCT", ".", ".")]
# "16% maintain their own projects, and 14% file issues against projects." (dev3 biz_08, the second clause): the
# verb parsed as a compound of its object beside the figure, both modifying 'issues'.
FILE_ISSUES = [
    ("and", 4, "cc", "CCONJ", "CC", "and"), ("14", 2, "nummod", "NUM", "CD", "14"),
    ("%", 4, "compound", "NOUN", "NN", "%"), ("file", 4, "compound", "NOUN", "NN", "file"),
    ("issues", 4, "ROOT", "NOUN", "NNS", "issue"), ("against", 4, "prep", "ADP", "IN", "against"),
    ("projects", 5, "pobj", "NOUN", "NNS", "project"), (".", 4, "punct", "PUNCT", ".", ".")]
# "..., almost half report malnutrition or hunger affecting pupils." (dev2 pub_16, shortened): 'report' tagged a
# present verb, parsed as a compound of its object.
HALF_REPORT = [
    ("Most", 1, "nsubj", "ADJ", "JJS", "most"), ("agree", 1, "ROOT", "VERB", "VBP", "agree"),
    (",", 1, "punct", "PUNCT", ",", ","), ("almost", 4, "advmod", "ADV", "RB", "almost"),
    ("half", 6, "nummod", "NOUN", "NN", "half"), ("report", 6, "compound", "VERB", "VBP", "report"),
    ("malnutrition", 1, "conj", "NOUN", "NN", "malnutrition"), (".", 1, "punct", "PUNCT", ".", ".")]
# "Prices rose, and 10% sales growth followed." : the same shape where the figure modifies a change, which has a
# verb of its own.
SALES_GROWTH = [
    ("Prices", 1, "nsubj", "NOUN", "NNS", "price"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"),
    (",", 1, "punct", "PUNCT", ",", ","), ("and", 1, "cc", "CCONJ", "CC", "and"), ("10", 5, "nummod", "NUM", "CD", "10"),
    ("%", 7, "compound", "NOUN", "NN", "%"), ("sales", 7, "compound", "NOUN", "NNS", "sale"),
    ("growth", 8, "nsubj", "NOUN", "NN", "growth"), ("followed", 1, "conj", "VERB", "VBD", "follow"),
    (".", 1, "punct", "PUNCT", ".", ".")]
# "Nearly two in three estate professionals rated conditions poorly." (dev3 work_15, with 'in'): the figure hung
# on the first word of the compound its people noun heads.
TWO_IN_THREE = [
    ("Nearly", 3, "advmod", "ADV", "RB", "nearly"), ("two", 3, "quantmod", "NUM", "CD", "two"),
    ("in", 3, "quantmod", "ADP", "IN", "in"), ("three", 4, "nummod", "NUM", "CD", "three"),
    ("estate", 5, "compound", "NOUN", "NN", "estate"), ("professionals", 6, "nsubj", "NOUN", "NNS", "professional"),
    ("rated", 6, "ROOT", "VERB", "VBD", "rate"), ("conditions", 6, "dobj", "NOUN", "NNS", "condition"),
    ("poorly", 6, "advmod", "ADV", "RB", "poorly"), (".", 6, "punct", "PUNCT", ".", ".")]
# "36% said so. That figure has now fallen to 25%." (dev2 pub_24, shortened): a measure with no 'of' stands for the
# earlier figure, whose kind the level it moves to keeps.
FIGURE_FALLEN = [
    ("36", 1, "nummod", "NUM", "CD", "36"), ("%", 2, "nsubj", "NOUN", "NN", "%"), ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("so", 2, "advmod", "ADV", "RB", "so"), (".", 2, "punct", "PUNCT", ".", "."),
    ("That", 6, "det", "DET", "DT", "that"), ("figure", 9, "nsubj", "NOUN", "NN", "figure"),
    ("has", 9, "aux", "AUX", "VBZ", "have"), ("now", 9, "advmod", "ADV", "RB", "now"),
    ("fallen", 9, "ROOT", "VERB", "VBN", "fall"), ("to", 9, "prep", "ADP", "IN", "to"),
    ("25", 12, "nummod", "NUM", "CD", "25"), ("%", 10, "pobj", "NOUN", "NN", "%"), (".", 9, "punct", "PUNCT", ".", ".")]
# "A 3% rise in prices." : a noun the figure really modifies (a determiner before the figure).
RISE = [
    ("A", 3, "det", "DET", "DT", "a"), ("3", 2, "nummod", "NUM", "CD", "3"), ("%", 3, "compound", "NOUN", "NN", "%"),
    ("rise", 3, "ROOT", "NOUN", "NN", "rise"), ("in", 3, "prep", "ADP", "IN", "in"),
    ("prices", 4, "pobj", "NOUN", "NNS", "price"), (".", 3, "punct", "PUNCT", ".", ".")]


# "This rose to 40% for pharmacists working at the multiples." (dev3 health_11, shortened): a change's new level
# for a group named in its clause is that group's share; "Sales rose to 5% for retailers." is an amount's level.
LEVEL_FOR = [
    ("This", 1, "nsubj", "PRON", "DT", "this"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"), ("to", 1, "prep", "ADP", "IN", "to"),
    ("40", 4, "nummod", "NUM", "CD", "40"), ("%", 2, "pobj", "NOUN", "NN", "%"), ("for", 1, "prep", "ADP", "IN", "for"),
    ("pharmacists", 5, "pobj", "NOUN", "NNS", "pharmacist"), ("working", 6, "acl", "VERB", "VBG", "work"),
    ("at", 7, "prep", "ADP", "IN", "at"), ("the", 10, "det", "DET", "DT", "the"),
    ("multiples", 8, "pobj", "NOUN", "NNS", "multiple"), (".", 1, "punct", "PUNCT", ".", ".")]
# ... and with "for" hung on the figure, as the parser does when "percent" is spelled out.
LEVEL_FOR_ON_FIGURE = [
    ("This", 1, "nsubj", "PRON", "DT", "this"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"), ("to", 1, "prep", "ADP", "IN", "to"),
    ("40", 4, "nummod", "NUM", "CD", "40"), ("percent", 2, "pobj", "NOUN", "NN", "percent"), ("for", 4, "prep", "ADP", "IN", "for"),
    ("pharmacists", 5, "pobj", "NOUN", "NNS", "pharmacist"), ("working", 6, "acl", "VERB", "VBG", "work"),
    ("at", 7, "prep", "ADP", "IN", "at"), ("the", 10, "det", "DET", "DT", "the"),
    ("multiples", 8, "pobj", "NOUN", "NNS", "multiple"), (".", 1, "punct", "PUNCT", ".", ".")]
SALES_LEVEL = [
    ("Sales", 1, "nsubj", "NOUN", "NNS", "sale"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"), ("to", 1, "prep", "ADP", "IN", "to"),
    ("5", 4, "nummod", "NUM", "CD", "5"), ("%", 2, "pobj", "NOUN", "NN", "%"), ("for", 1, "prep", "ADP", "IN", "for"),
    ("retailers", 5, "pobj", "NOUN", "NNS", "retailer"), (".", 1, "punct", "PUNCT", ".", ".")]

# "It is worth it, as two-thirds of marketers (66 percent) state that email delivers results.": with "percent"
# written out the parser makes the bracketed figure a modifier of the verb it took for a noun (dev3 biz_04, with
# the unit spelled out).
BRACKET_BEFORE_VERB = [
    ("It", 1, "nsubj", "PRON", "PRP", "it"), ("is", 1, "ROOT", "AUX", "VBZ", "be"), ("worth", 1, "acomp", "ADJ", "JJ", "worth"),
    ("it", 2, "npadvmod", "PRON", "PRP", "it"), (",", 1, "punct", "PUNCT", ",", ","), ("as", 1, "prep", "ADP", "IN", "as"),
    ("two", 8, "nummod", "NUM", "CD", "two"), ("-", 8, "punct", "PUNCT", "HYPH", "-"), ("thirds", 5, "pobj", "NOUN", "NNS", "third"),
    ("of", 8, "prep", "ADP", "IN", "of"), ("marketers", 9, "pobj", "NOUN", "NNS", "marketer"),
    ("(", 10, "punct", "PUNCT", "-LRB-", "("), ("66", 13, "nummod", "NUM", "CD", "66"),
    ("percent", 15, "nmod", "NOUN", "NN", "percent"), (")", 13, "punct", "PUNCT", "-RRB-", ")"),
    ("state", 10, "appos", "NOUN", "NN", "state"), ("that", 18, "mark", "PRON", "WDT", "that"),
    ("email", 18, "nsubj", "NOUN", "NN", "email"), ("delivers", 1, "ccomp", "VERB", "VBZ", "deliver"),
    ("results", 18, "dobj", "NOUN", "NNS", "result"), (".", 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows,figures,kinds", [
    (COMPARED_TO_A_YEAR, [(1, 3, 17.0, "percent"), (9, 11, 25.0, "percent")], ["share", "share"]),
    (PRACTICE, [(0, 2, 20.0, "percent"), (13, 15, 12.0, "percent")], ["share", "share"]),
    (PERCEIVE, [(1, 3, 14.0, "percent")], ["share"]),
    (RELY, [(0, 2, 20.0, "fraction")], ["share"]),
    (RISE, [(1, 3, 3.0, "percent")], ["other"]),
    (VISIT, [(3, 5, 6.0, "percent")], ["share"]),
    (LEVEL_FOR, [(3, 5, 40.0, "percent")], ["share"]),
    (LEVEL_FOR_ON_FIGURE, [(3, 5, 40.0, "percent")], ["share"]),
    (SALES_LEVEL, [(3, 5, 5.0, "percent")], ["other"]),
    (FILE_ISSUES, [(1, 3, 14.0, "percent")], ["share"]),
    (SALES_GROWTH, [(4, 6, 10.0, "percent")], ["other"]),
    (HALF_REPORT, [(4, 5, 50.0, "fraction")], ["share"]),
    (TWO_IN_THREE, [(1, 4, 66.7, "ratio")], ["share"]),
], ids=["compared-to-a-year", "practice-up-from", "perceive", "rely", "a-rise", "visit-compound", "level-for-group",
        "level-for-group-on-figure", "amount-level", "verb-compound-beside-figure", "noun-compound-beside-figure",
        "present-verb-beside-figure", "people-counted-out-of-a-whole"])
def test_kinds_of_counterparts_and_verbs_taken_for_nouns(vocab, lex, rows, figures, kinds) -> None:
    doc = build(vocab, rows, figures)
    assert [kind for kind, _ in groups_of(doc, lex)] == kinds


# People counted out of a whole ('N in M <people>', 'N out of M <people>'), with a word before the figure, so that
# the parser makes it a modifier of the people noun, not the verb's subject: a share whatever the verb, with no
# survey named in the text (dev3 work_15, dev3 biz_05, dev2 pub_14).
@pytest.mark.parametrize("text,figure", [
    ("Nearly two out of three estate professionals rated current market conditions on the bottom half of a 10-point "
     "scale in July.", "two out of three"),
    ("Nearly four out of ten CIOs now plan IT spending increases in the second half of the year.", "four out of ten"),
    ("More than six in 10 Republicans have favorable views of Trump.", "six in 10"),
])
def test_people_counted_out_of_a_whole_are_shares(nlp, text: str, figure: str) -> None:
    doc = nlp(text)
    assert [(s.text, s._.kind) for s in doc.spans["survey_percentages"]] == [(figure, "share")]


SURVEY = "A survey of 2,000 adults was published on Monday. "


# A figure that sizes a vague part of a group ('a 55 percent majority of white voters') makes the vague word exact, as
# a bracket does ('Most (71%)'): a share of the people the part is of (dev3 pub_01's two, as written; then the shape
# with 'minority' and 'plurality'). A figure that sizes any other noun stays what that noun says.
@pytest.mark.parametrize("text,expected", [
    ("Along racial lines, a 55 percent majority of white voters approved of the president, compared to 25 percent of "
     "black voters and 37 percent of Hispanics, according to the poll.",
     [("55 percent", "share", "white voters"), ("25 percent", "share", "black voters"),
      ("37 percent", "share", "Hispanics")]),
    ("And across the remaining age groups, disapproval numbers were similar \u2014 with a 58 percent majority of the "
     "50-64 demographic disapproving, and the 18-34 group disapproving by 56 percent, the poll found.",
     [("58 percent", "share"), ("56 percent", "share")]),
    ("The survey found that along racial lines, a 55 percent majority of white voters approved of the president, "
     "compared to 25 percent of black voters and 37 percent of Hispanics, according to the poll.",
     [("55 percent", "share", "white voters"), ("25 percent", "share", "black voters"),
      ("37 percent", "share", "Hispanics")]),  # the same under a reporting frame
    ("A 40% minority of Republicans said they would vote for her.", [("40%", "share", "Republicans")]),
    ("A 43% plurality of adults say tipping has gone too far.", [("43%", "share", "adults")]),
    ("Prices rose, with a 12% majority stake sold to a rival.", [("12%", "other", None)]),
])
def test_a_figure_that_sizes_a_vague_part_is_a_share_of_its_people(nlp, text: str, expected) -> None:
    doc = nlp(SURVEY + text)
    got = [(s.text, s._.kind, s._.group.text if s._.group is not None else None) for s in doc.spans["survey_percentages"]]
    assert [g[:len(e)] for g, e in zip(got, expected)] == expected and len(got) == len(expected)


# "Along racial lines, a 55 percent majority of white voters approved of the president.": the model's parse.
MAJORITY_OF = [
    ("Along", 7, "prep", "ADP", "IN", "along"), ("racial", 2, "amod", "ADJ", "JJ", "racial"),
    ("lines", 0, "pobj", "NOUN", "NNS", "line"), (",", 7, "punct", "PUNCT", ",", ","), ("a", 7, "det", "DET", "DT", "a"),
    ("55", 6, "nummod", "NUM", "CD", "55"), ("percent", 7, "compound", "NOUN", "NN", "percent"),
    ("majority", 7, "ROOT", "NOUN", "NN", "majority"), ("of", 7, "prep", "ADP", "IN", "of"),
    ("white", 10, "amod", "ADJ", "JJ", "white"), ("voters", 8, "pobj", "NOUN", "NNS", "voter"),
    ("approved", 10, "acl", "VERB", "VBN", "approve"), ("of", 11, "prep", "ADP", "IN", "of"),
    ("the", 14, "det", "DET", "DT", "the"), ("president", 12, "pobj", "NOUN", "NN", "president"),
    (".", 7, "punct", "PUNCT", ".", ".")]


def test_a_figure_that_sizes_a_vague_part_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, MAJORITY_OF, [(5, 7, 55.0, "numeric")],
                text="Along racial lines, a 55 percent majority of white voters approved of the president.")
    assert groups_of(doc, lex) == [("share", "white voters")]


# "The survey found that along racial lines, a 55 percent majority of white voters approved of the president.": under a
# reporting frame the sentence has a verb (the parser makes 'majority' its object), and the verb of stance it hung
# on the people is still what they did (the frame probe on dev3 pub_01's sentence).
MAJORITY_FOUND = [
    ("The", 1, "det", "DET", "DT", "the"), ("survey", 2, "nsubj", "NOUN", "NN", "survey"),
    ("found", 2, "ROOT", "VERB", "VBD", "find"), ("that", 11, "mark", "SCONJ", "IN", "that"),
    ("along", 11, "prep", "ADP", "IN", "along"), ("racial", 6, "amod", "ADJ", "JJ", "racial"),
    ("lines", 4, "pobj", "NOUN", "NNS", "line"), (",", 11, "punct", "PUNCT", ",", ","), ("a", 11, "det", "DET", "DT", "a"),
    ("55", 10, "nummod", "NUM", "CD", "55"), ("percent", 11, "compound", "NOUN", "NN", "percent"),
    ("majority", 2, "dobj", "NOUN", "NN", "majority"), ("of", 11, "prep", "ADP", "IN", "of"),
    ("white", 14, "amod", "ADJ", "JJ", "white"), ("voters", 12, "pobj", "NOUN", "NNS", "voter"),
    ("approved", 14, "acl", "VERB", "VBN", "approve"), ("of", 15, "prep", "ADP", "IN", "of"),
    ("the", 18, "det", "DET", "DT", "the"), ("president", 16, "pobj", "NOUN", "NN", "president"),
    (".", 2, "punct", "PUNCT", ".", ".")]


def test_a_verb_of_stance_hung_on_the_people_is_what_they_did_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, MAJORITY_FOUND, [(9, 11, 55.0, "numeric")],
                text="The survey found that along racial lines, a 55 percent majority of white voters approved of the "
                     "president.")
    assert groups_of(doc, lex) == [("share", "white voters")]


# The level of an opinion's rating among people ('approval rating among all voters was 48 percent') is the share of
# them who hold it (dev3 pub_01, as written with its curly apostrophe, then with other people); a rating set among no
# one (a company's customer satisfaction rating, dev2's wording) stays a measure.
@pytest.mark.parametrize("text,expected", [
    ("Along racial lines, a 55 percent majority of white voters approved of the president, compared to 25 percent of "
     "black voters and 37 percent of Hispanics, according to the poll, which found Trump\u2019s approval rating among "
     "all voters was 48 percent, a 1 percentage-point jump from Sept.",
     [("55 percent", "share", "white voters"), ("25 percent", "share", "black voters"),
      ("37 percent", "share", "Hispanics"), ("48 percent", "share", "voters"),
      ("1 percentage-point", "point_change", "voters")]),
    ("The president's approval rating among independents was 39 percent.", [("39 percent", "share", "independents")]),
    ("Among Republicans, his favourability rating was 71%.", [("71%", "share", "Republicans")]),
    ("The company's customer satisfaction rating was 70 percent.", [("70 percent", "other", None)]),
])
def test_an_opinion_rating_among_people_is_their_share(nlp, text: str, expected) -> None:
    doc = nlp(SURVEY + text)
    assert [(s.text, s._.kind, s._.group.text if s._.group is not None else None)
            for s in doc.spans["survey_percentages"]] == expected


# "The president's approval rating among independents was 39 percent.": the model's parse.
APPROVAL_AMONG = [
    ("The", 1, "det", "DET", "DT", "the"), ("president", 4, "poss", "NOUN", "NN", "president"),
    ("'s", 1, "case", "PART", "POS", "'s"), ("approval", 4, "compound", "NOUN", "NN", "approval"),
    ("rating", 7, "nsubj", "NOUN", "NN", "rating"), ("among", 4, "prep", "ADP", "IN", "among"),
    ("independents", 5, "pobj", "NOUN", "NNS", "independent"), ("was", 7, "ROOT", "AUX", "VBD", "be"),
    ("39", 9, "nummod", "NUM", "CD", "39"), ("percent", 7, "attr", "NOUN", "NN", "percent"), (".", 7, "punct", "PUNCT", ".", ".")]


def test_an_opinion_rating_among_people_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, APPROVAL_AMONG, [(8, 10, 39.0, "numeric")],
                text="The president's approval rating among independents was 39 percent.")
    assert groups_of(doc, lex) == [("share", "independents")]


# A word of money that only sorts another noun ('business trips', 'sales managers') does not make a sentence talk of
# money: in an article that reports a survey, a figure with no construction of its own is still a share (dev3
# consumer_06's two comparison sentences, as written, took 'business' for money; the last rows keep money talk).
@pytest.mark.parametrize("text,expected", [
    ("Men are more likely than women to anticipate at least one leisure trip (68% men, 61%), and are more than twice "
     "as likely to anticipate one or more business trips (24%-11%).",
     [("68%", "share"), ("61%", "share"), ("24%", "share"), ("11%", "share")]),
    ("Additionally, those living in households with children under 18 are significantly more likely than those "
     "without to be anticipating both one or more leisure trips (69%-62%) and one or more business trips (26%-14%).",
     [("69%", "share"), ("62%", "share"), ("26%", "share"), ("14%", "share")]),
    ("Sales managers were more likely than marketers to expect a hard year (41% vs. 29%).",
     [("41%", "share"), ("29%", "share")]),
    ("Business grew 12% last year.", [("12%", "other")]),
    ("Sales managers expect revenue to rise by 12%.", [("12%", "other")]),
])
def test_a_word_of_money_that_sorts_another_noun_is_no_money_talk(nlp, text: str, expected) -> None:
    doc = nlp(SURVEY + text)
    assert [(s.text, s._.kind) for s in doc.spans["survey_percentages"]] == expected


@pytest.mark.parametrize("text,expected", [
    # dev3 health (two articles), dev2 trade press
    ("20% practice in groups of 101 doctors or more, up from 12% in 2012.", [("20%", "share"), ("12%", "share")]),
    ("Only 14% perceive that they have the time with patients to provide the highest standard of care.", [("14%", "share")]),
    ("Thirty-three percent of the CEOs in 2007 considered quality to be an issue compared to only 23 percent in 2005.",
     [("Thirty-three percent", "share"), ("23 percent", "share")]),
    ("The percentage of respondents who said they can track digital sales is 46%, versus 68% last year.",
     [("46%", "share"), ("68%", "share")]),
    # BBC technology
    ("A fifth rely entirely on mobiles.", [("A fifth", "share")]),
    # ... and figures leading a later clause (dev3 consumer and workplace)
    ("Sixty percent of shoppers prefer grocery stores, while 19 percent go to mass merchandisers, 6 percent visit "
     "warehouses, 4 percent go to a farmer\u2019s market, 3 percent prefer \u201cmom and pop\u201d stores, and 1 percent "
     "shop online.", [("Sixty percent", "share"), ("19 percent", "share"), ("6 percent", "share"),
                      ("4 percent", "share"), ("3 percent", "share"), ("1 percent", "share")]),
    ("Half of respondents say that the COVID-19 crisis will lead to relatively few layoffs, while slightly more than "
     "40 percent project major layoffs.", [("Half", "share"), ("40 percent", "share")]),
    ("Prices rose, while 20% price cuts were seen in May and 5% pay rises elsewhere.", [("20%", "other"), ("5%", "other")]),
    # a verb beside the figure parsed as a compound of its object (dev3 biz_08), and 'report', which the tagger
    # takes for a noun after a figure (dev3 health_07's headline; dev2 pub_16's "almost half report malnutrition")
    ("Of those, 16% maintain their own projects, and 14% file issues against projects.",
     [("16%", "share"), ("14%", "share")]),
    ("In national survey, about three-fourths report technology improves the care they deliver.",
     [("three-fourths", "share")]),
    ("While nine in ten teachers think free meals benefit learning, almost half report malnutrition or hunger "
     "affecting pupils.", [("nine in ten", "share"), ("half", "share")]),
    # a change's new level for a group the clause names (dev3 biz_09, dev3 health_11; issue 19's CFO phrasing)
    ("For organizations with 3000-4999 employees, that figure rose to an astonishing 80%.", [("80%", "share")]),
    ("While 14% of pharmacists working for independents experienced intimidation from management, this rose to 40% "
     "for pharmacists working at the multiples.", [("14%", "share"), ("40%", "share")]),
    ("Among CFOs at companies with revenue over $1 billion, the share rose to 71%.", [("71%", "share")]),
    # a measure of people that moves: its levels are shares, the amount it moved by a change in the share (dev3
    # biz_04; dev3 health_11; the guide's "the share rose by 9%"), and the level it left, written after "to X%
    # from", a counterpart of the new level (dev3 health_14; dev3 work_07's rates stay rates)
    ("The proportion of respondents spending more than £100,000 on email marketing has declined by 4% from 14% in "
     "2012 to 10% in 2013.", [("4%", "point_change"), ("14%", "share"), ("10%", "share")]),
    ("The proportion of pharmacists employed by the biggest three multiples who experienced stress remained at 82%.",
     [("82%", "share")]),
    ("The share of nurses planning to leave has risen by 9% since 2019.", [("9%", "point_change")]),
    ("The percentage who think that the country would be better off is up 800 basis points (to 53% from 45% in "
     "August).", [("53%", "share"), ("45%", "share")]),
    ("Their expectations for growth in earnings jumped to 8.3% from 4.4%.", [("8.3%", "other"), ("4.4%", "other")]),
    # the two sides of a stated lead or margin (dev3 pub_02, dev3 health_10, wild bbc_politics_112)
    ("Trump had a 23 point lead (59 percent-36 percent) among veterans or those currently serving in the military "
     "registered to vote.", [("23 point", "point_change"), ("59 percent", "share"), ("36 percent", "share")]),
    ("Canadians would prefer a wait time guarantee by a margin of four-to-one (78% to 20%) over a tax back guarantee.",
     [("78%", "share"), ("20%", "share")]),
    ("Labour lead the Conservatives by 39% to 34% with the Liberal Democrats on 19%.",
     [("39%", "share"), ("34%", "share"), ("19%", "share")]),
    # a party, an answer or a segment right before 'at' or 'on' and its figure (wild bbc_politics_112, dev3 work_09,
    # dev3 pub_06); a rate there stays a rate (wild bbc_business)
    ("Other industries that expect their revenue to grow in the next six months include 47% of personal services SMBs, "
     "construction at 42% and business services at 39%.", [("47%", "share"), ("42%", "share"), ("39%", "share")]),
    ("The three parties are keeping a good retention rate from the 2011 election, with the Conservatives holding on to "
     "87 per cent of their voters, the Liberals retaining 82 per cent of them, and the New Democrats at 80 per cent.",
     [("87 per cent", "share"), ("82 per cent", "share"), ("80 per cent", "share")]),
    ("The Bank of England has left interest rates on hold at 4.75% for a sixth month in a row.", [("4.75%", "other")]),
    # firms counted as "businesses", whose lemma "business" is an amount (dev3 work_09; dev2 tech_11's small
    # business owners; the URL title of dev3 biz_04)
    ("Forty-six percent of businesses that have started since 2021 expect their own industry outlook to improve.",
     [("Forty-six percent", "share")]),
    ("The results showed 90% of small business owners see the availability of credit as a problem.", [("90%", "share")]),
    ("More than half of businesses achieve 10% of sales through email marketing.",
     [("half", "share"), ("10%", "other")]),
    # Controls (written for the test): amounts stay amounts, however they are compared.
    ("Online sales made up 23% of business in the quarter.", [("23%", "other")]),
    ("Sales rose to 5% for retailers.", [("5%", "other")]),
    ("Sales rose 12% in 2012, compared with 8% in 2011.", [("12%", "other"), ("8%", "other")]),
    ("A 3% rise in prices was reported.", [("3%", "other")]),
])
def test_kinds_in_real_phrasings(nlp, text: str, expected) -> None:
    doc = nlp(SURVEY + text)
    assert [(s.text, s._.kind) for s in doc.spans["survey_percentages"]] == expected


# The base in force (extract/groups/base.py), on a hand-built sentence: "33% of young people are concerned,
# compared to 23% of the population." The first share's group becomes the base; the counterpart's is a contrast.
CONTRAST_ROWS = [
    ("33", 1, "nummod", "NUM", "CD", "33"), ("%", 5, "nsubj", "NOUN", "NN", "%"), ("of", 1, "prep", "ADP", "IN", "of"),
    ("young", 4, "amod", "ADJ", "JJ", "young"), ("people", 2, "pobj", "NOUN", "NNS", "people"),
    ("are", 5, "ROOT", "AUX", "VBP", "be"), ("concerned", 5, "acomp", "ADJ", "JJ", "concerned"),
    (",", 5, "punct", "PUNCT", ",", ","), ("compared", 5, "prep", "VERB", "VBN", "compare"),
    ("to", 8, "prep", "ADP", "IN", "to"), ("23", 11, "nummod", "NUM", "CD", "23"), ("%", 9, "pobj", "NOUN", "NN", "%"),
    ("of", 11, "prep", "ADP", "IN", "of"), ("the", 14, "det", "DET", "DT", "the"),
    ("population", 12, "pobj", "NOUN", "NN", "population"), (".", 5, "punct", "PUNCT", ".", ".")]


def test_base_in_force_keeps_the_base_and_remembers_the_contrast(vocab, lex) -> None:
    doc = build(vocab, CONTRAST_ROWS, [(0, 2, 33.0, "percent"), (10, 12, 23.0, "percent")])
    state = assign_groups(doc, list(doc.spans["survey_percentages"]), [(0, len(doc))], [], GroupRules(lex))
    assert [doc[a.group[0]:a.group[1]].text for a in state.assignments] == ["young people", "population"]
    assert doc[state.base[0]:state.base[1]].text == "young people"
    assert [doc[s:e].text for s, e in state.contrasts] == ["population"]


def deciding_rules(vocab, lex, rows, figures) -> list[tuple[str, str]]:
    """(rule, kind) that decides each figure, read from ``KIND_RULES`` on the heads the figure_kinds step reads."""
    doc = build(vocab, rows, figures)
    spans = list(doc.spans["survey_percentages"])
    state = GroupState.start(doc, spans, [(0, len(doc))], [Span(doc, 0, 1)], GroupRules(lex))
    sent, members = doc[0:len(doc)], list(range(len(spans)))
    out = []
    for fig in spans:
        of_obj, bracket = figure_heads(state, fig, sent, members)
        name, kind, _ = decide_kind(FigureView(state, fig, sent, of_obj, bracket))
        out.append((name, kind))
    return out


def test_a_measure_that_moves_keeps_its_figures_kind_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, FIGURE_FALLEN, [(0, 2, 36.0, "percent"), (11, 13, 25.0, "percent")])
    assert [kind for kind, _ in readings(doc, lex, sentences=[(0, 5), (5, 14)])] == ["share", "share"]


@pytest.mark.parametrize("text,expected", [
    # dev2 pub_24 (YouGov): 'that figure' after a share
    ("In 2003 36% of people said they trusted Liberal Democrat politicians to tell the truth, perhaps as a result of "
     "their difficulties, that figure has now fallen to 25%.", [("36%", "share"), ("25%", "share")]),
    # issue 19's wording, after a share
    ("Only 30% said so in 2019. The share saying so has since dropped to 21%.", [("30%", "share"), ("21%", "share")]),
    # written for the test: after an amount, the level is an amount; a rate stays a rate
    ("Sales rose 12% in 2019. That figure has since dropped to 5%.", [("12%", "other"), ("5%", "other")]),
    ("The jobless rate rose to 5%.", [("5%", "other")]),
])
def test_a_measure_that_moves_keeps_its_figures_kind(nlp, text: str, expected) -> None:
    doc = nlp(SURVEY + text)
    assert [(s.text, s._.kind) for s in doc.spans["survey_percentages"]] == expected


def test_a_bracketed_figure_modifies_no_noun_past_its_bracket_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, BRACKET_BEFORE_VERB, [(12, 14, 66.0, "percent")])
    fig = doc.spans["survey_percentages"][0]
    state = GroupState.start(doc, [fig], [(0, len(doc))], [], GroupRules(lex))
    assert modifies_a_noun(FigureView(state, fig, doc[0:len(doc)], None, doc[10])) is None


# "Three in five advertisers (58%) use Internet advertising." (dev2 mkt_03): the exact figure restates people
# counted out of a whole, so it is a share of them, in an article that gives no sample too.
THREE_IN_FIVE = [("Three", 8, "nsubj", "NUM", "CD", "three"), ("in", 0, "prep", "ADP", "IN", "in"),
                 ("five", 3, "nummod", "NUM", "CD", "five"), ("advertisers", 1, "pobj", "NOUN", "NNS", "advertiser"),
                 ("(", 3, "punct", "PUNCT", "-LRB-", "("), ("58", 6, "nummod", "NUM", "CD", "58"),
                 ("%", 3, "appos", "NOUN", "NN", "%"), (")", 3, "punct", "PUNCT", "-RRB-", ")"),
                 ("use", 8, "ROOT", "VERB", "VBP", "use"), ("Internet", 10, "compound", "NOUN", "NN", "internet"),
                 ("advertising", 8, "dobj", "NOUN", "NN", "advertising"), (".", 8, "punct", "PUNCT", ".", ".")]


# A level for a group, wherever the parser hangs "for" (dev3 health_11 with the unit spelled out; dev2 pub_25).
@pytest.mark.parametrize("text,figure,group", [
    ("While 14% of pharmacists working for independents experienced \u201cintimidation from management\u201d, this rose "
     "to 40{u} for pharmacists working at the multiples.", "40{u}", "pharmacists working at the multiples"),
    ("When asked if they approved of the way Bush was handling his job as president, 62 percent said yes, while the "
     "rating dips to 53{u} for the older group.", "53{u}", "older group"),
])
@pytest.mark.parametrize("unit", ["%", " percent", " per cent"])
def test_a_level_for_a_group_whatever_the_unit(nlp, text: str, figure: str, group: str, unit: str) -> None:
    doc = nlp(SURVEY + text.format(u=unit))
    found = {s.text: (s._.kind, s._.group.text if s._.group is not None else None) for s in doc.spans["survey_percentages"]}
    assert found[figure.format(u=unit)] == ("share", group)


def test_a_figure_restating_people_counted_is_a_share_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, THREE_IN_FIVE, [(5, 7, 58.0, "percent")])
    fig = doc.spans["survey_percentages"][0]
    fig._.restates = doc[0:3]
    state = GroupState.start(doc, [fig], [(0, len(doc))], [], GroupRules(lex))
    assert restated_in_bracket(FigureView(state, fig, doc[0:len(doc)], None, None)) == ("share", False)
    fig._.restates = None
    assert restated_in_bracket(FigureView(state, fig, doc[0:len(doc)], None, None)) is None


# A figure in brackets modifies nothing past its closing bracket, however the unit is spelled (found by spelling out
# "%" in real sentences: dev3 biz_04, dev2 mkt_03, dev2 pub_05, dev3 biz_05), in an article that gives no sample.
@pytest.mark.parametrize("text,group", [
    ("And it’s proving to be a worthwhile investment, as two-thirds of marketers (66{u}) state that email delivers an "
     "‘excellent’ or ‘good’ ROI.", "marketers"),
    ("Slightly less than three in five advertisers (58{u}) use Internet advertising to drive online transactions.",
     "advertisers"),
    ("More than eight in 10 parents (82{u}) say their children’s behavior reflects their parenting skills.", "parents"),
    ("Nearly four out of ten CIOs (37{u}) now plan IT spending increases.", "CIOs"),
])
@pytest.mark.parametrize("unit", ["%", " percent", " per cent"])
def test_a_bracketed_figure_whatever_the_unit(nlp, text: str, group: str, unit: str) -> None:
    doc = nlp("The survey was published today. " + text.format(u=unit))
    assert [(s._.kind, s._.group.text) for s in doc.spans["survey_percentages"]] == [("share", group)]


def test_kind_rules_are_a_named_table() -> None:
    names = [name for name, _ in KIND_RULES]
    assert len(names) == len(set(names)) and all(rule.__name__ == name for name, rule in KIND_RULES)


# "Labour lead the Conservatives by 39% to 34% with the Liberal Democrats on 19%." (wild bbc_politics_112): the two
# sides of a stated lead, each the share of those who took it; "Leading electronics chain Best Buy ... a 3-5% rise"
# (bbc_business_406): a range after the adjective 'Leading' is no pair of sides.
LEAD_BY = [
    ("Labour", 1, "nsubj", "NOUN", "NN", "labour"), ("lead", 1, "ROOT", "VERB", "VB", "lead"), ("the", 3, "det", "DET", "DT", "the"),
    ("Conservatives", 1, "dobj", "PROPN", "NNPS", "Conservatives"), ("by", 1, "prep", "ADP", "IN", "by"),
    ("39", 6, "nummod", "NUM", "CD", "39"), ("%", 4, "pobj", "NOUN", "NN", "%"), ("to", 1, "prep", "PART", "TO", "to"),
    ("34", 9, "nummod", "NUM", "CD", "34"), ("%", 7, "pobj", "NOUN", "NN", "%"), (".", 1, "punct", "PUNCT", ".", ".")]
LEADING_RANGE = [
    ("Leading", 2, "amod", "VERB", "VBG", "lead"), ("electronics", 2, "compound", "NOUN", "NNS", "electronic"),
    ("chain", 8, "nsubj", "NOUN", "NN", "chain"), ("Best", 4, "compound", "PROPN", "NNP", "Best"),
    ("Buy", 2, "appos", "PROPN", "NNP", "Buy"), (",", 8, "punct", "PUNCT", ",", ","),
    ("meanwhile", 8, "advmod", "ADV", "RB", "meanwhile"), (",", 8, "punct", "PUNCT", ",", ","),
    ("missed", 8, "ROOT", "VERB", "VBD", "miss"), ("its", 11, "poss", "PRON", "PRP$", "its"),
    ("sales", 11, "compound", "NOUN", "NNS", "sale"), ("target", 8, "dobj", "NOUN", "NN", "target"),
    ("of", 11, "prep", "ADP", "IN", "of"), ("a", 18, "det", "DET", "DT", "a"), ("3", 17, "nummod", "NUM", "CD", "3"),
    ("-", 16, "punct", "SYM", "SYM", "-"), ("5", 14, "prep", "NUM", "CD", "5"), ("%", 18, "compound", "NOUN", "NN", "%"),
    ("rise", 12, "pobj", "NOUN", "NN", "rise"), ("in", 18, "prep", "ADP", "IN", "in"),
    ("sales", 19, "pobj", "NOUN", "NNS", "sale"), (".", 8, "punct", "PUNCT", ".", ".")]

# "Industries include construction at 42% and business services at 39%." (dev3 work_09's list, its verb shortened):
# an answer or a segment right before 'at' and its figure.
STANDING = [
    ("Industries", 1, "nsubj", "NOUN", "NNS", "industry"), ("include", 1, "ROOT", "VERB", "VBP", "include"),
    ("construction", 1, "dobj", "NOUN", "NN", "construction"), ("at", 1, "prep", "ADP", "IN", "at"),
    ("42", 5, "nummod", "NUM", "CD", "42"), ("%", 3, "pobj", "NOUN", "NN", "%"), ("and", 5, "cc", "CCONJ", "CC", "and"),
    ("business", 8, "compound", "NOUN", "NN", "business"), ("services", 5, "conj", "NOUN", "NNS", "service"),
    ("at", 1, "prep", "ADP", "IN", "at"), ("39", 11, "nummod", "NUM", "CD", "39"), ("%", 9, "pobj", "NOUN", "NN", "%"),
    (".", 1, "punct", "PUNCT", ".", ".")]

# "The share of nurses planning to leave has risen by 9% since 2019." (the guide's "the share rose by 9%"): the
# amount a measure of people moved by; "... has risen to 9%": its level.
SHARE_RISEN_BY = [
    ("The", 1, "det", "DET", "DT", "the"), ("share", 8, "nsubj", "NOUN", "NN", "share"), ("of", 1, "prep", "ADP", "IN", "of"),
    ("nurses", 2, "pobj", "NOUN", "NNS", "nurse"), ("planning", 3, "acl", "VERB", "VBG", "plan"),
    ("to", 6, "aux", "PART", "TO", "to"), ("leave", 4, "xcomp", "VERB", "VB", "leave"), ("has", 8, "aux", "AUX", "VBZ", "have"),
    ("risen", 8, "ROOT", "VERB", "VBN", "rise"), ("by", 8, "prep", "ADP", "IN", "by"), ("9", 11, "nummod", "NUM", "CD", "9"),
    ("%", 9, "pobj", "NOUN", "NN", "%"), ("since", 8, "prep", "SCONJ", "IN", "since"), ("2019", 12, "pobj", "NUM", "CD", "2019"),
    (".", 8, "punct", "PUNCT", ".", ".")]
SHARE_RISEN_TO = [row if row[0] != "by" else ("to", 8, "prep", "ADP", "IN", "to") for row in SHARE_RISEN_BY]
# "Forty-six percent of businesses that have started since 2021 expect their industry outlook to improve." (dev3
# work_09): "businesses" are firms that answered, though the lemmatizer gives "business", an amount ("23% of
# business"); the same sentence with "business" stays an amount.
OF_BUSINESSES = [
    ("Forty", 2, "compound", "NUM", "CD", "forty"), ("-", 2, "punct", "PUNCT", "HYPH", "-"),
    ("six", 3, "nummod", "NUM", "CD", "six"), ("percent", 11, "nsubj", "NOUN", "NN", "percent"),
    ("of", 3, "prep", "ADP", "IN", "of"), ("businesses", 4, "pobj", "NOUN", "NNS", "business"),
    ("that", 8, "nsubj", "PRON", "WDT", "that"), ("have", 8, "aux", "AUX", "VBP", "have"),
    ("started", 5, "relcl", "VERB", "VBN", "start"), ("since", 8, "prep", "SCONJ", "IN", "since"),
    ("2021", 9, "pobj", "NUM", "CD", "2021"), ("expect", 11, "ROOT", "VERB", "VBP", "expect"),
    ("their", 14, "poss", "PRON", "PRP$", "their"), ("industry", 14, "compound", "NOUN", "NN", "industry"),
    ("outlook", 16, "nsubj", "NOUN", "NN", "outlook"), ("to", 16, "aux", "PART", "TO", "to"),
    ("improve", 11, "ccomp", "VERB", "VB", "improve"), (".", 11, "punct", "PUNCT", ".", ".")]
# "But only 26% worry." (dev2 mkt_10's sentence with a verb of stance): the tagger makes 'worry' the noun the figure
# modifies; the lexicon's mistagged verbs say it is the figure's verb.
WORRY = [
    ("But", 4, "cc", "CCONJ", "CC", "but"), ("only", 2, "advmod", "ADV", "RB", "only"),
    ("26", 3, "nummod", "NUM", "CD", "26"), ("%", 4, "compound", "NOUN", "NN", "%"),
    ("worry", 4, "ROOT", "NOUN", "NN", "worry"), (".", 4, "punct", "PUNCT", ".", ".")]
# "Some 28% cited cost as the main barrier." (dev2 tech_07's "22% cited lack of in-house skills", with a
# qualifier and money for the object): the parser makes 'cited' a modifier of the noun the figure modifies.
CITED_COST = [
    ("Some", 1, "quantmod", "DET", "DT", "some"), ("28", 2, "nummod", "NUM", "CD", "28"), ("%", 4, "nmod", "NOUN", "NN", "%"),
    ("cited", 4, "amod", "VERB", "VBN", "cite"), ("cost", 4, "ROOT", "NOUN", "NN", "cost"), ("as", 4, "prep", "ADP", "IN", "as"),
    ("the", 8, "det", "DET", "DT", "the"), ("main", 8, "amod", "ADJ", "JJ", "main"),
    ("barrier", 5, "pobj", "NOUN", "NN", "barrier"), (".", 4, "punct", "PUNCT", ".", ".")]
# "In fact, 86% name regulation as a necessary part of a modern economy." (dev2 tech_11 with 'name' for 'see'):
# the verb a compound of its singular object.
NAME_REGULATION = [
    ("In", 6, "prep", "ADP", "IN", "in"), ("fact", 0, "pobj", "NOUN", "NN", "fact"), (",", 6, "punct", "PUNCT", ",", ","),
    ("86", 4, "nummod", "NUM", "CD", "86"), ("%", 6, "compound", "NOUN", "NN", "%"),
    ("name", 6, "compound", "NOUN", "NN", "name"), ("regulation", 6, "ROOT", "NOUN", "NN", "regulation"),
    ("as", 6, "prep", "ADP", "IN", "as"), ("a", 10, "det", "DET", "DT", "a"), ("necessary", 10, "amod", "ADJ", "JJ", "necessary"),
    ("part", 7, "pobj", "NOUN", "NN", "part"), ("of", 10, "prep", "ADP", "IN", "of"), ("a", 14, "det", "DET", "DT", "a"),
    ("modern", 14, "amod", "ADJ", "JJ", "modern"), ("economy", 11, "pobj", "NOUN", "NN", "economy"),
    (".", 6, "punct", "PUNCT", ".", ".")]
# Control (written for the test): "Prices rose, while a further 20% reduced fees in May." A participle that is no
# verb of choosing stays the modifier of the noun the figure modifies.
REDUCED_FEES = [
    ("Prices", 1, "nsubj", "NOUN", "NNS", "price"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"), (",", 1, "punct", "PUNCT", ",", ","),
    ("while", 1, "prep", "SCONJ", "IN", "while"), ("a", 9, "det", "DET", "DT", "a"), ("further", 9, "amod", "ADJ", "JJ", "further"),
    ("20", 7, "nummod", "NUM", "CD", "20"), ("%", 9, "nmod", "NOUN", "NN", "%"), ("reduced", 9, "amod", "VERB", "VBN", "reduce"),
    ("fees", 3, "pobj", "NOUN", "NNS", "fee"), ("in", 9, "prep", "ADP", "IN", "in"), ("May", 10, "pobj", "PROPN", "NNP", "May"),
    (".", 1, "punct", "PUNCT", ".", ".")]
# "The figure was 52% among women and 44% among men." (written for the test, in the shape of wild bbc's "In 2003
# the figure was 29%"): a measure set among people is their share, and each figure's own "among" is its group.
FIGURE_AMONG = [
    ("The", 1, "det", "DET", "DT", "the"), ("figure", 2, "nsubj", "NOUN", "NN", "figure"), ("was", 2, "ROOT", "AUX", "VBD", "be"),
    ("52", 4, "nummod", "NUM", "CD", "52"), ("%", 2, "attr", "NOUN", "NN", "%"), ("among", 2, "prep", "ADP", "IN", "among"),
    ("women", 5, "pobj", "NOUN", "NNS", "woman"), ("and", 2, "cc", "CCONJ", "CC", "and"), ("44", 9, "nummod", "NUM", "CD", "44"),
    ("%", 2, "conj", "NOUN", "NN", "%"), ("among", 9, "prep", "ADP", "IN", "among"), ("men", 10, "pobj", "NOUN", "NNS", "man"),
    (".", 2, "punct", "PUNCT", ".", ".")]
# "Also, 63 per cent of teachers say that more than a fifth of their workload does not directly benefit learning."
# (dev2 pub_16): a part of something of theirs, not a share of people.
OF_THEIR_WORKLOAD = [
    ("Also", 7, "advmod", "ADV", "RB", "also"), (",", 7, "punct", "PUNCT", ",", ","), ("63", 4, "nummod", "NUM", "CD", "63"),
    ("per", 4, "compound", "NOUN", "NN", "per"), ("cent", 7, "nsubj", "NOUN", "NN", "cent"), ("of", 4, "prep", "ADP", "IN", "of"),
    ("teachers", 5, "pobj", "NOUN", "NNS", "teacher"), ("say", 7, "ROOT", "VERB", "VBP", "say"),
    ("that", 19, "mark", "SCONJ", "IN", "that"), ("more", 12, "amod", "ADJ", "JJR", "more"),
    ("than", 12, "quantmod", "ADP", "IN", "than"), ("a", 12, "det", "DET", "DT", "a"), ("fifth", 19, "nsubj", "NOUN", "NN", "fifth"),
    ("of", 12, "prep", "ADP", "IN", "of"), ("their", 15, "poss", "PRON", "PRP$", "their"),
    ("workload", 13, "pobj", "NOUN", "NN", "workload"), ("does", 19, "aux", "AUX", "VBZ", "do"),
    ("not", 19, "neg", "PART", "RB", "not"), ("directly", 19, "advmod", "ADV", "RB", "directly"),
    ("benefit", 7, "ccomp", "VERB", "VB", "benefit"), ("learning", 19, "dobj", "NOUN", "NN", "learning"),
    (".", 7, "punct", "PUNCT", ".", ".")]
# "Prices rose in seven of the 10 sectors surveyed." (the guide's example in a sentence): things counted out of a
# whole, under a subject that is an amount.
SECTORS_COUNTED = [
    ("Prices", 1, "nsubj", "NOUN", "NNS", "price"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"), ("in", 1, "prep", "ADP", "IN", "in"),
    ("seven", 2, "pobj", "NUM", "CD", "seven"), ("of", 3, "prep", "ADP", "IN", "of"), ("the", 7, "det", "DET", "DT", "the"),
    ("10", 7, "nummod", "NUM", "CD", "10"), ("sectors", 4, "pobj", "NOUN", "NNS", "sector"),
    ("surveyed", 7, "acl", "VERB", "VBN", "survey"), (".", 1, "punct", "PUNCT", ".", ".")]
# "Most nurses - 72% - work unpaid overtime." (written for the test): the parser hangs the figure on the verb it
# took for a noun, past the closing hyphen.
HYPHEN_ASIDE = [
    ("Most", 1, "amod", "ADJ", "JJS", "Most"), ("nurses", 1, "ROOT", "NOUN", "NNS", "nurse"), ("-", 1, "punct", "PUNCT", ":", "-"),
    ("72", 6, "nummod", "NUM", "CD", "72"), ("%", 6, "compound", "NOUN", "NN", "%"), ("-", 6, "punct", "PUNCT", "HYPH", "-"),
    ("work", 1, "appos", "NOUN", "NN", "work"), ("unpaid", 8, "amod", "ADJ", "JJ", "unpaid"),
    ("overtime", 1, "appos", "NOUN", "NN", "overtime"), (".", 1, "punct", "PUNCT", ".", ".")]
OF_BUSINESS = [row if row[0] != "businesses" else ("business", 4, "pobj", "NOUN", "NN", "business")
               for row in OF_BUSINESSES]


@pytest.mark.parametrize("rows,figures,expected", [
    (LEAD_BY, [(5, 7, 39.0, "list"), (8, 10, 34.0, "list")], [("sides_of_a_lead", "share"), ("sides_of_a_lead", "share")]),
    (LEADING_RANGE, [(14, 15, 3.0, "range_low"), (16, 18, 5.0, "range_high")],
     [("modifies_a_noun", "other"), ("modifies_a_noun", "other")]),
    (STANDING, [(4, 6, 42.0, "percent"), (10, 12, 39.0, "percent")], [("standing_at", "share"), ("standing_at", "share")]),
    (SHARE_RISEN_BY, [(10, 12, 9.0, "percent")], [("opinion_moving", "point_change")]),
    (SHARE_RISEN_TO, [(10, 12, 9.0, "percent")], [("opinion_moving", "share")]),
    (PRACTICE, [(0, 2, 20.0, "percent")], [("modifies_a_noun", "share")]),
    (RISE, [(1, 3, 3.0, "percent")], [("modifies_a_noun", "other")]),
    (FILE_ISSUES, [(1, 3, 14.0, "percent")], [("modifies_a_noun", "share")]),
    (COMPARED_TO_A_YEAR, [(1, 3, 17.0, "percent"), (9, 11, 25.0, "percent")],
     [("subject_of_verb", "share"), ("rate_preposition", "other")]),  # the counterpart step makes the second a share
    (CONTRAST_ROWS, [(0, 2, 33.0, "percent"), (10, 12, 23.0, "percent")], [("of_object", "share"), ("of_object", "share")]),
    (LEVEL_FOR, [(3, 5, 40.0, "percent")], [("level_for_group", "share")]),
    (SALES_LEVEL, [(3, 5, 5.0, "percent")], [("rate_preposition", "other")]),
    (OF_BUSINESSES, [(0, 4, 46.0, "percent")], [("of_object", "share")]),
    (OF_BUSINESS, [(0, 4, 46.0, "percent")], [("of_object", "other")]),
    (WORRY, [(2, 4, 26.0, "percent")], [("verb_of_answering", "share")]),
    (CITED_COST, [(1, 3, 28.0, "percent")], [("verb_of_answering", "share")]),
    (NAME_REGULATION, [(3, 5, 86.0, "percent")], [("verb_of_answering", "share")]),
    (REDUCED_FEES, [(6, 8, 20.0, "percent")], [("modifies_a_noun", "other")]),
    (OF_THEIR_WORKLOAD, [(2, 5, 63.0, "percent"), (11, 13, 20.0, "fraction")],
     [("of_object", "share"), ("of_object", "other")]),
    (SECTORS_COUNTED, [(3, 7, 70.0, "count")], [("counted_out_of_whole", "share")]),
    (HYPHEN_ASIDE, [(3, 5, 72.0, "percent")], [("restated_in_bracket", "share")]),
], ids=["sides-of-a-lead", "a-range-after-leading", "standing-at", "measure-of-people-moved-by", "measure-of-people-moved-to",
        "verb-taken-for-noun", "noun-modified", "verb-compound-beside-figure", "compared-to", "of-people", "level-for-group", "amount-level",
        "of-businesses", "of-business", "verb-of-stance-taken-for-noun",
        "verb-of-choosing-as-modifier", "verb-of-choosing-as-compound", "participle-that-chooses-nothing",
        "of-something-of-theirs", "things-counted-out-of-a-whole", "aside-between-hyphens"])
def test_kind_rules_name_the_rule_that_decides(vocab, lex, rows, figures, expected) -> None:
    assert deciding_rules(vocab, lex, rows, figures) == expected


def test_a_level_for_a_group_takes_that_group_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, LEVEL_FOR, [(3, 5, 40.0, "percent")])
    assert groups_of(doc, lex) == [("share", "pharmacists working at the multiples")]


@pytest.mark.parametrize("text,figure,group", [
    ("For organizations with 3000-4999 employees, that figure rose to an astonishing 80%.", "80%",
     "organizations with 3000-4999 employees"),  # dev3 biz_09
    ("While 14% of pharmacists working for independents experienced intimidation from management, this rose to 40% "
     "for pharmacists working at the multiples.", "40%", "pharmacists working at the multiples"),  # dev3 health_11
])
def test_a_level_for_a_group_takes_that_group_in_real_phrasings(nlp, text: str, figure: str, group: str) -> None:
    doc = nlp(SURVEY + text)
    assert figure_groups(doc)[figure] == group


# A figure whose clause is set among people is a share of them, whatever its verb: found by fronting the groups of
# real "P% of GROUP VERB" sentences ("Among GROUP, P% VERB"; frontflip probe, 26 of 220 moved in an article with no
# sample, now 8), and read on real fronted sentences of dev2, dev3 and wild with nothing else around them.
# "Among Americans, 28% have no emergency savings." (dev3 consumer_07 fronted): 'have' is no reporting verb.
AMONG_AMERICANS = [
    ("Among", 5, "prep", "ADP", "IN", "among"), ("Americans", 0, "pobj", "PROPN", "NNPS", "Americans"),
    (",", 5, "punct", "PUNCT", ",", ","), ("28", 4, "nummod", "NUM", "CD", "28"), ("%", 5, "nsubj", "NOUN", "NN", "%"),
    ("have", 5, "ROOT", "VERB", "VBP", "have"), ("no", 8, "det", "DET", "DT", "no"),
    ("emergency", 8, "compound", "NOUN", "NN", "emergency"), ("savings", 5, "dobj", "NOUN", "NNS", "saving"),
    (".", 5, "punct", "PUNCT", ".", ".")]
# "Of all CEOs, 33% in 2007 considered quality to be an issue." (dev3 health_01 fronted): the parser reads "Of all"
# as an adverb, as in "first of all", and hangs it on the figure.
OF_ALL_CEOS = [
    ("Of", 5, "advmod", "ADP", "IN", "of"), ("all", 0, "dep", "PRON", "DT", "all"), ("CEOs", 0, "pobj", "NOUN", "NNS", "ceo"),
    (",", 2, "punct", "PUNCT", ",", ","), ("33", 5, "nummod", "NUM", "CD", "33"), ("%", 5, "ROOT", "NOUN", "NN", "%"),
    ("in", 5, "prep", "ADP", "IN", "in"), ("2007", 6, "pobj", "NUM", "CD", "2007"),
    ("considered", 5, "acl", "VERB", "VBN", "consider"), ("quality", 11, "nsubj", "NOUN", "NN", "quality"),
    ("to", 11, "aux", "PART", "TO", "to"), ("be", 8, "ccomp", "AUX", "VB", "be"), ("an", 13, "det", "DET", "DT", "an"),
    ("issue", 11, "attr", "NOUN", "NN", "issue"), (".", 5, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows,figures,group", [
    (AMONG_AMERICANS, [(3, 5, 28.0, "percent")], "Americans"),
    (OF_ALL_CEOS, [(4, 6, 33.0, "percent")], "CEOs"),
], ids=["among-americans", "of-all-ceos"])
def test_a_figure_set_among_people_is_their_share_on_a_hand_built_parse(vocab, lex, rows, figures, group) -> None:
    assert deciding_rules(vocab, lex, rows, figures) == [("set_among_people", "share")]
    assert groups_of(build(vocab, rows, figures), lex, survey=False) == [("share", group)]


@pytest.mark.parametrize("text,figure,group", [
    ("Of these organizations that have been targeted, 71.3% are subject to security compliance requirements such as "
     "HIPAA.", "71.3%", "these organizations that have been targeted"),  # dev2 tech_14
    ("Of the 22 million Americans who own MP3 players, 59% are men.", "59%", "Americans who own MP3 players"),  # bbc tech
    ("Of those workers that receiving a pay hike, 54% saw an increase of less than 5%.", "54%",
     "those workers that receiving a pay hike"),  # dev2 tech_10
    ("Among Americans, 28% have no emergency savings.", "28%", "Americans"),  # dev3 consumer_07, fronted
    ("Of all CEOs, 33% in 2007 considered quality to be an issue.", "33%", "CEOs"),  # dev3 health_01, fronted
    ("Of all companies surveyed, 30% saw orders rise and 27% saw them fall.", "30%", "companies"),  # bbc business
])
def test_a_figure_set_among_people_is_their_share(nlp, text: str, figure: str, group: str) -> None:
    doc = nlp(text)  # kept alive while its spans are read
    assert kind_and_group(doc, figure) == ("share", group)


@pytest.mark.parametrize("text,figure", [
    ("Among companies, revenue grew 12% last year.", "12%"),
    ("Among retailers, sales rose to 12% of turnover.", "12%"),
    # dev2 mkt_14: a value a preposition governs, in a clause set among "those that do measure"
    ("The 2007 Customer Satisfaction Measurement Report found that, of those that do measure, more than a third "
     "(38.7%) reported an enviable customer satisfaction rating of 91%-100%.", "91%"),
])
def test_an_amount_in_a_clause_set_among_people_is_no_share(nlp, text: str, figure: str) -> None:
    doc = nlp(text)
    assert figure_span(doc, figure)._.kind == "other"


# A verb of saying the parser took for a noun or an adjective: a clause with a subject of its own starts right after
# the word the figure 'modifies' ('and 83% state it provides ...', 'Just 43% note advertising's importance will ...').
# The figure is people who say something, whatever the clause speaks of, money included. Found by swapping the verb
# of real share sentences ('83% say it provides', dev2 mkt_01; '57 per cent say they use it', dev2 mkt_03) for other
# verbs of saying, in every such share sentence of seeds, wild, dev2 and dev3: 158 of 1,519 variants lost their kind,
# 45 of 1,550 after this rule (the rest mostly past forms, 'estimate' where the parser makes it a change, and verbal
# figures).
STATE_IT = [
    ("Most", 1, "advmod", "ADJ", "JJS", "Most"), ("see", 1, "ROOT", "VERB", "VBP", "see"),
    ("advertising", 1, "dobj", "NOUN", "NN", "advertising"), ("as", 1, "prep", "ADP", "IN", "as"),
    ("an", 5, "det", "DET", "DT", "an"), ("investment", 3, "pobj", "NOUN", "NN", "investment"),
    (",", 1, "punct", "PUNCT", ",", ","), ("and", 1, "cc", "CCONJ", "CC", "and"), ("83", 9, "nummod", "NUM", "CD", "83"),
    ("%", 10, "compound", "NOUN", "NN", "%"), ("state", 1, "conj", "NOUN", "NN", "state"),
    ("it", 12, "nsubj", "PRON", "PRP", "it"), ("provides", 1, "ccomp", "VERB", "VBZ", "provide"),
    ("a", 15, "det", "DET", "DT", "a"), ("competitive", 15, "amod", "ADJ", "JJ", "competitive"),
    ("edge", 12, "dobj", "NOUN", "NN", "edge"), (".", 12, "punct", "PUNCT", ".", ".")]
NOTE_IMPORTANCE = [
    ("Just", 1, "advmod", "ADV", "RB", "just"), ("43", 2, "nummod", "NUM", "CD", "43"),
    ("%", 3, "compound", "NOUN", "NN", "%"), ("note", 4, "compound", "NOUN", "NN", "note"),
    ("advertising", 6, "poss", "NOUN", "NN", "advertising"), ("'s", 4, "case", "PART", "POS", "'s"),
    ("importance", 8, "nsubj", "NOUN", "NN", "importance"), ("will", 8, "aux", "AUX", "MD", "will"),
    ("accelerate", 8, "ROOT", "VERB", "VB", "accelerate"), (".", 8, "punct", "PUNCT", ".", ".")]
GROWTH_FORECAST = [
    ("Just", 1, "advmod", "ADV", "RB", "just"), ("10", 2, "nummod", "NUM", "CD", "10"),
    ("%", 3, "compound", "NOUN", "NN", "%"), ("growth", 5, "nsubjpass", "NOUN", "NN", "growth"),
    ("is", 5, "auxpass", "AUX", "VBZ", "be"), ("forecast", 5, "ROOT", "VERB", "VBN", "forecast"),
    (".", 5, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows,figure,expected", [
    (STATE_IT, (8, 10, 83.0, "percent"), ("saying_a_clause", "share")),
    (NOTE_IMPORTANCE, (1, 3, 43.0, "percent"), ("saying_a_clause", "share")),
    (GROWTH_FORECAST, (1, 3, 10.0, "percent"), ("modifies_a_noun", "other")),  # the noun is the clause's subject
], ids=["noun-then-pronoun-subject", "noun-then-possessive-subject", "the-noun-is-the-subject"])
def test_a_verb_of_saying_taken_for_a_noun_on_hand_built_parses(vocab, lex, rows, figure, expected) -> None:
    assert deciding_rules(vocab, lex, rows, [figure]) == [expected]


@pytest.mark.parametrize("verb", ["state", "note", "claim", "insist", "say"])
@pytest.mark.parametrize("text,figure", [
    # dev2 mkt_01 (AAF), dev2 mkt_03 (LinkedIn/Harris), dev2 mkt_06 (Upside), with the verb of saying swapped
    ("Most see advertising as a long-term investment, and 83% {verb} it provides a competitive edge.", "83%"),
    ("Some 40 per cent use it to drive online transactions while 57 per cent {verb} they use it to promote community.",
     "57 per cent"),
    ("Of 1,806 retailers across 10 categories, 61% {verb} their current outlook is excellent.", "61%"),
    # dev2 mkt_09 (Internet Retailer): past a 'that'
    ("Eighty-two percent of respondents reported that their online sales volume had increased during the past 12 "
     "months; only 1% {verb} that Web sales had declined.", "1%"),
])
def test_a_verb_of_saying_taken_for_a_noun_in_real_phrasings(nlp, text: str, figure: str, verb: str) -> None:
    doc = nlp("The survey of 500 executives was published today. " + text.format(verb=verb))
    assert figure_span(doc, figure)._.kind == "share"


@pytest.mark.parametrize("verb", ["say", "said", "reported", "indicated"])
@pytest.mark.parametrize("text,figure,group", [
    ("But only 13% of IT execs {verb} they have the same feeling about their relationship with marketing.", "13%",
     "IT execs"),  # seed 000
    ("About 53 percent of finance execs {verb} they expect Q1 2020 sales to fall.", "53 percent", "finance execs"),  # dev3 work_08
    ("Two-thirds of IT pros {verb} ransomware is as urgent a threat as terrorism.", "Two-thirds", "IT pros"),  # dev3 biz_09
])
def test_short_forms_of_people_are_people_whatever_the_verb(nlp, text: str, figure: str, group: str, verb: str) -> None:
    doc = nlp("The survey was published today. " + text.format(verb=verb))
    assert kind_and_group(doc, figure) == ("share", group)


@pytest.mark.parametrize("text,figure,expected", [
    # seed 000 with a people noun the lexicon does not know: the verb of saying makes them people
    ("But only 13% of IT techies reported they have the same feeling about their relationship with marketing.", "13%",
     ("share", "IT techies")),
    ("Just 40% of solopreneurs believe their revenue will grow.", "40%", ("share", "solopreneurs")),
    # an amount's share stays an amount, whatever the verb
    ("Only 5% of the budget was reported to be spent on training.", "5%", ("other", None)),
])
def test_what_says_or_thinks_is_people_whatever_its_noun(nlp, text: str, figure: str, expected) -> None:
    doc = nlp("The survey was published today. " + text)
    assert kind_and_group(doc, figure) == expected


# Two figures written in parallel, each with its short phrase ('13% in New York and 16% in Ireland'), are of one kind:
# the second, with no cue of its own, takes the kind a construction gave the first, in the parse's conjuncts or not.
SALES_FELL_IN = [
    ("Sales", 1, "nsubj", "NOUN", "NNS", "sale"), ("fell", 1, "ROOT", "VERB", "VBD", "fall"), ("by", 1, "prep", "ADP", "IN", "by"),
    ("13", 4, "nummod", "NUM", "CD", "13"), ("%", 2, "pobj", "NOUN", "NN", "%"), ("in", 1, "prep", "ADP", "IN", "in"),
    ("New", 7, "compound", "PROPN", "NNP", "New"), ("York", 5, "pobj", "PROPN", "NNP", "York"),
    ("and", 1, "cc", "CCONJ", "CC", "and"), ("16", 10, "nummod", "NUM", "CD", "16"), ("%", 1, "conj", "NOUN", "NN", "%"),
    ("in", 10, "prep", "ADP", "IN", "in"), ("Ireland", 11, "pobj", "PROPN", "NNP", "Ireland"), (".", 1, "punct", "PUNCT", ".", ".")]


def test_figures_written_in_parallel_share_a_kind_on_a_hand_built_parse(vocab, lex) -> None:
    # after a sentence with a share, whose kind a figure with no cue of its own would take
    agreed = [("45", 1, "nummod", "NUM", "CD", "45"), ("%", 2, "nsubj", "NOUN", "NN", "%"),
              ("agreed", 2, "ROOT", "VERB", "VBD", "agree"), (".", 2, "punct", "PUNCT", ".", ".")]
    rows = agreed + [(w, h + 4, d, p, t, lem) for w, h, d, p, t, lem in SALES_FELL_IN]
    doc = build(vocab, rows, [(0, 2, 45.0, "percent"), (7, 9, 13.0, "percent"), (13, 15, 16.0, "percent")],
                text="45% agreed. Sales fell by 13% in New York and 16% in Ireland.")
    assert readings(doc, lex, read=("kind",), sentences=[(0, 4), (4, 18)]) == [("share",), ("other",), ("other",)]


@pytest.mark.parametrize("text,expected", [
    # bbc_politics_050, bbc_tech_235: the second figure was a share
    ("He said there had been falling cigarette sales of 13% in New York and 16% in Ireland.",
     {"13%": "other", "16%": "other"}),
    ("Almost a third of all the money spent online this Christmas will come out of British wallets and purses "
     "compared to 29% from German shoppers and only 4% from Italian gift buyers.",
     {"a third": "other", "29%": "other", "4%": "other"}),
    # dev3 consumer_03 (SodaHead), dev3 pub_05 (ComRes): shares in parallel stay shares
    ("When asked about payment methods, 25 percent of consumers said they pay with cash, 19 percent with a credit card.",
     {"25 percent": "share", "19 percent": "share"}),
    ("Some 21% think Cameron is most likely to tell the truth, compared to 13% for Miliband, 12% for Bennett and 10% "
     "for Farage.", {"21%": "share", "13%": "share", "12%": "share", "10%": "share"}),
])
def test_figures_written_in_parallel_share_a_kind_in_real_phrasings(nlp, text: str, expected: dict) -> None:
    doc = nlp("A survey of 1,000 people was published today. " + text)
    assert {s.text: s._.kind for s in doc.spans["survey_percentages"]} == expected


# The subject of a verb the figure completes is read through a verb that raises it ('The deficit is thought to be
# 10%', 'is expected to reach', 'is forecast to fall'): an amount there makes the figure an amount.
DEFICIT_THOUGHT = [
    ("The", 1, "det", "DET", "DT", "the"), ("deficit", 3, "nsubjpass", "NOUN", "NN", "deficit"),
    ("is", 3, "auxpass", "AUX", "VBZ", "be"), ("thought", 3, "ROOT", "VERB", "VBN", "think"),
    ("to", 5, "aux", "PART", "TO", "to"), ("be", 3, "xcomp", "AUX", "VB", "be"), ("10", 7, "nummod", "NUM", "CD", "10"),
    ("%", 5, "attr", "NOUN", "NN", "%"), (".", 3, "punct", "PUNCT", ".", ".")]


def test_a_raised_subject_decides_the_kind_on_a_hand_built_parse(vocab, lex) -> None:
    assert deciding_rules(vocab, lex, DEFICIT_THOUGHT, [(6, 8, 10.0, "percent")]) == [("measured_subject", "other")]


@pytest.mark.parametrize("text,figure,kind", [
    # bbc_business_159: it was a share, with '830bn rupees' for its group
    ("The country's overall deficit is thought to be more than 10%, if the spending of India's 35 states and "
     "territories is included.", "10%", "other"),
    # bbc_business_172, bbc_business_406: as before
    ("Global economic growth is expected to fall from 5% in 2004 to 4.25% despite the strength of the US economy.",
     "4.25%", "other"),
    ("Overall, December sales are forecast to rise by 4.5% to $220bn.", "4.5%", "other"),
    # an opinion measure raised the same way stays a share
    ("A survey of 500 adults found support is expected to reach 60% next year.", "60%", "share"),
])
def test_a_raised_subject_decides_the_kind_in_real_phrasings(nlp, text: str, figure: str, kind: str) -> None:
    doc = nlp("The survey was published today. " + text)
    assert figure_span(doc, figure)._.kind == kind


# A verb of stance or intent right after a figure, which the tagger takes for a noun the figure modifies ("only 23%
# worry", "30% approve and 12% disapprove"): the figure is who holds the stance. Real sentences of five articles
# with their verb of saying swapped for each verb and the clause cut after it (the probe that found the family gave
# 929 variants out of 2,912 that were not shares; 136 after, mostly sentences the swap made ungrammatical).
@pytest.mark.parametrize("verb", ["approve", "disapprove", "disagree", "worry", "trust", "care", "object", "doubt",
                                  "struggle", "recommend", "like"])
@pytest.mark.parametrize("text,figure", [
    ("Another 7% {verb}.", "7%"),  # wild bbc_politics_222
    ("Some 87% said politicians did not keep the promises they made before elections, while 92% {verb}.", "92%"),
    # wild bbc_politics_403
    ("Among those who use Internet advertising, just 14 per cent {verb}.", "14 per cent"),  # dev2 mkt_03
    ("The survey shows that 63% of marketers say the seniority within a team is an important factor when choosing "
     "an agency, but only 26% {verb}.", "26%"),  # dev2 mkt_10
    ("About 76 percent said a candidate's stance on the economy and jobs was extremely important to their vote, and "
     "21 percent {verb}.", "21 percent"),  # dev2 pub_09
])
def test_a_verb_of_stance_taken_for_a_noun_leaves_a_share(nlp, text: str, figure: str, verb: str) -> None:
    doc = nlp("A survey of 1,000 adults was published today. " + text.format(verb=verb))
    assert figure_span(doc, figure)._.kind == "share"


# Verbs of choosing an answer ('cite', 'name', 'select', 'rank', 'list', ...) after a figure that leads its clause,
# however the parser reads them (the noun, a compound or a modifier of the noun the figure modifies): the figure is
# who chose, whatever the object speaks of, money too. Real sentences of four articles with their verb swapped
# (the choiceflip probe: 63 of 460 variants not a share with a group, now 7); 'a further', 'an additional' and
# 'the remaining' before the figure open one more share of a list (dev2 pub_11's "a further 25 per cent see merits"
# now matches gold).
@pytest.mark.parametrize("verb", ["cited", "named", "selected", "listed", "cite", "name", "select", "rank", "list",
                                  "mention", "pick", "identify"])
@pytest.mark.parametrize("text,figure", [
    ("22% {verb} lack of in-house skills to support the technology.", "22%"),  # dev2 tech_07
    ("A total of 27.7% of responders cited increased markdowns across the board, and 39.3% {verb} selective markdowns "
     "of products for promotional purposes.", "39.3%"),  # dev2 mkt_07
    ("In fact, 86% {verb} regulation as a necessary part of a modern economy.", "86%"),  # dev2 tech_11
    ("A quarter of respondents preferred that Canada take steps to open itself up to the rest of the world, a further "
     "25 per cent {verb} merits in both viewpoints and 11 per cent were unsure.", "25 per cent"),  # dev2 pub_11
])
def test_a_verb_of_choosing_after_a_figure_leaves_a_share(nlp, text: str, figure: str, verb: str) -> None:
    doc = nlp("A survey of 1,000 managers was published today. " + text.format(verb=verb))
    span = figure_span(doc, figure)
    assert span._.kind == "share" and span._.group is not None


@pytest.mark.parametrize("text,figure", [
    ("A quarter of respondents preferred that Canada take steps to open itself up to the rest of the world, a further "
     "25 per cent see merits in both viewpoints and 11 per cent were unsure.", "25 per cent"),  # dev2 pub_11
    ("Some 17% of readers have switched suppliers and a further 16% cite costs as the reason.", "16%"),
    # wild bbc_tech (computing survey), its verb swapped
    ("Some 60% cite cost, and the remaining 40% cite time.", "40%"),  # written for the test
])
def test_a_figure_after_a_further_or_the_remaining_leads_its_clause(nlp, text: str, figure: str) -> None:
    doc = nlp("A survey of 1,000 managers was published today. " + text)
    assert figure_span(doc, figure)._.kind == "share"


def test_a_measure_set_among_people_is_their_share_on_a_hand_built_parse(vocab, lex) -> None:
    assert deciding_rules(vocab, lex, FIGURE_AMONG, [(3, 5, 52.0, "percent")]) == [("measured_subject", "share")]
    doc = build(vocab, FIGURE_AMONG, [(3, 5, 52.0, "percent"), (8, 10, 44.0, "percent")])
    assert groups_of(doc, lex) == [("share", "women"), ("share", "men")]


# A measure ('the figure', 'the proportion', 'that number') whose level is set among people: their share, not an
# 'other' that the measure's earlier mention decides. Frames of wild bbc_business ("In 2003 the figure was 29%",
# "Now the figure is 14%") and dev3 consumer_10 ("That number rises to 41% for those shopping online") with an
# "among" phrase; no read article writes one, so these guard the family against the parses the model gives.
@pytest.mark.parametrize("text,expected", [
    ("In 2003 the figure was 29% among nurses and 24% among midwives.", {"29%": "nurses", "24%": "midwives"}),
    ("Now the figure is 14% among those aged 18 to 34.", {"14%": "those aged 18 to 34"}),
    ("Among women, the proportion is 52%.", {"52%": "women"}),
])
def test_a_measure_set_among_people_is_their_share(nlp, text: str, expected: dict) -> None:
    doc = nlp("A survey of 1,200 adults was published. " + text)
    assert figure_groups(doc) == expected
    assert {s._.kind for s in doc.spans["survey_percentages"]} == {"share"}


# 'X% of their <thing>': a part of something the people have (their workload, time, salary, sales), not a share of
# people; 'of their <people>' stays a share (of their voters, of their male counterparts). Real sentences of five
# articles; before, a thing the lexicon does not list as an amount ('workload') made a share of "their workload".
@pytest.mark.parametrize("text,figure,kind", [
    ("Also, 63 per cent of teachers say that more than a fifth of their workload does not directly benefit "
     "children's learning.", "a fifth", "other"),  # dev2 pub_16
    ("And 21% of their time, on average, goes to non-clinical paperwork.", "21%", "other"),  # dev3 health_06
    ("They would spend about 30% of their monthly salary on rent and buying extra shares in the property.", "30%",
     "other"),  # wild bbc_politics_339
    ("The three parties are keeping a good retention rate, with the Conservatives holding on to 87 per cent of their "
     "voters.", "87 per cent", "share"),  # dev3 pub_06
    ("The findings further indicated that 62% of the female knowledge workers surveyed, but just 53% of their male "
     "counterparts, cited the option to work remotely.", "53%", "share"),  # dev3 work_04
])
def test_a_part_of_something_of_theirs_is_no_share(nlp, text: str, figure: str, kind: str) -> None:
    doc = nlp("A survey of 1,000 adults was published today. " + text)
    assert figure_span(doc, figure)._.kind == kind


# Things counted out of a whole ('seven out of 10 regions', 'seven of the 10 sectors', 'nine in 10 hospitals') are
# a share of those things, as the guide says ("X of the Y <things>"), whatever the sentence says happened in them;
# an amount or a time counted so stays other. Every counting figure in the read gold is a share (31 of 31); wild
# bbc_business_248's regions was the one read 'other'. A period after the things says when ('between the third and
# fourth quarters of 2004'), not which.
@pytest.mark.parametrize("text,figure,expected", [
    ("The cost of buying a home fell in seven out of 10 regions between the third and fourth quarters of 2004.",
     "seven out of 10", ("share", "regions")),  # wild bbc_business_248
    ("Prices rose in seven of the 10 sectors surveyed.", "seven of the 10", ("share", "sectors")),  # the guide
    ("Two in three centers reported rising call volumes.", "Two in three", ("share", "centers")),  # dev2 mkt_14
    ("Shares fell in four out of five markets last year.", "four out of five", ("other", None)),  # an amount
    ("Prices rose in two out of three years.", "two out of three", ("other", None)),  # a time
])
def test_things_counted_out_of_a_whole_are_a_share_of_them(nlp, text: str, figure: str, expected) -> None:
    doc = nlp("A survey of 1,000 firms was published today. " + text)
    assert kind_and_group(doc, figure) == expected


# A level written as a measure's 'of' ('the figures of 75% and 70% in 2011 and 2010') is of the kind of what the
# measure measured: the shares beside it make it a share (dev3 biz_04, after its share of companies), an amount's
# 'a figure of 5%' stays other.
@pytest.mark.parametrize("text,expected", [
    ("Some 56% of companies use email marketing. This is exactly the same figure as in 2012, representing a "
     "significant drop from the figures of 75% and 70% in 2011 and 2010 respectively.",
     [("56%", "share"), ("75%", "share"), ("70%", "share")]),  # dev3 biz_04
    ("Some 56% of companies use email marketing, against a proportion of 61% in 2012.",
     [("56%", "share"), ("61%", "share")]),
    ("Inflation hit a figure of 5% in May.", [("5%", "other")]),
])
def test_a_measures_level_is_of_the_kind_of_what_it_measured(nlp, text: str, expected) -> None:
    doc = nlp("A survey of 1,000 firms was published today. " + text)
    assert [(s.text, s._.kind) for s in doc.spans["survey_percentages"]] == expected


# The two ends of a movement, 'from X% (in 2003) to Y%', are of one kind: the end a construction decided gives its
# kind to the end only the fallback read. In the read gold all 9 such pairs agree, in five articles; wild
# bbc_business_020's 'to a record 13.3%' was a share.
@pytest.mark.parametrize("text,expected", [
    ("However, call centres also saw a sharp increase of customers simply abandoning calls, she says, from just over "
     "5% in 2003 to a record 13.3% during last year.", [("5%", "other"), ("13.3%", "other")]),  # wild bbc_business_020
    ("Global economic growth is expected to fall from 5% in 2004 to 4.25% despite the cooling.",
     [("5%", "other"), ("4.25%", "other")]),  # wild bbc_business_172
    ("In contrast trust in senior police officers has slumped from 72% in 2003 to only 52% now.",
     [("72%", "share"), ("52%", "share")]),  # dev2 pub_24
    ("Similarly, concerns related to patient safety increased from 20 percent in 2005 to 29 percent in 2007.",
     [("20 percent", "share"), ("29 percent", "share")]),  # dev3 health_01
])
def test_the_ends_of_a_movement_are_of_one_kind(nlp, text: str, expected) -> None:
    doc = nlp("A survey of 1,000 firms was published today. " + text)
    assert [(s.text, s._.kind) for s in doc.spans["survey_percentages"]] == expected


# A figure set off by a pair of single hyphens, as by brackets or a pair of double dashes, modifies nothing past its
# closing dash, where the tagger makes the verb after it a noun ("Most nurses - 72% - work unpaid overtime"): the
# dash asides of four read articles (dev3 pub_08, dev2 mkt_09, dev3 work_14, dev3 consumer_07) written with single
# hyphens and a verb the tagger takes for a noun.
@pytest.mark.parametrize("text,figure,group", [
    ("Far fewer parents - 11% - report worries about safety at school.", "11%", "parents"),
    ("The plurality of respondents - 29% - use mobile wallets.", "29%", "respondents"),
    ("Only a small minority - 17 percent - plan layoffs.", "17 percent", "adults"),
    ("Almost half of all Americans - 49% - need emergency savings.", "49%", "Americans"),
])
def test_a_figure_between_single_hyphens_modifies_nothing_past_them(nlp, text: str, figure: str, group: str) -> None:
    doc = nlp("A survey of 900 adults was published. " + text)
    assert kind_and_group(doc, figure) == ("share", group)
