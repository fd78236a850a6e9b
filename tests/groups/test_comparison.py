"""Two groups compared with 'than', and their figures in pairs ('(77 percent to 69 percent)', '58 percent versus
39 percent'): the first figure of a pair is the first side's, the second the other's.

The family is how the sentence names the two sides, whatever the parse of 'than':
- 'A are more likely than B to ...': B is the object of 'than';
- 'more A than B <verb> ...' and 'A were more likely than B to <verb>': the parser makes 'than' the mark of a
  clause whose subject is B, and A is that clause's other subject, the noun the clause hangs on, or the subject
  of the clause above;
- 'A say this happens more often than B': A is the subject that names people, past 'this' or 'it'.

Real phrasings run the model; the same shapes on hand-built parses pin what each reads."""
from __future__ import annotations

import pytest

from ..helpers import build, figure_groups, groups_of

# "More agencies than clients identified networks (77% to 69%)." (dev3 biz_02, shortened): both sides are
# subjects of one verb.
TWO_SUBJECTS = [
    ("More", 1, "amod", "ADJ", "JJR", "more"), ("agencies", 4, "nsubj", "NOUN", "NNS", "agency"),
    ("than", 4, "mark", "SCONJ", "IN", "than"), ("clients", 4, "nsubj", "NOUN", "NNS", "client"),
    ("identified", 4, "ROOT", "VERB", "VBD", "identify"), ("networks", 4, "dobj", "NOUN", "NNS", "network"),
    ("(", 5, "punct", "PUNCT", "-LRB-", "("), ("77", 8, "nummod", "NUM", "CD", "77"),
    ("%", 5, "appos", "NOUN", "NN", "%"), ("to", 8, "prep", "ADP", "IN", "to"), ("69", 11, "nummod", "NUM", "CD", "69"),
    ("%", 9, "pobj", "NOUN", "NN", "%"), (")", 5, "punct", "PUNCT", "-RRB-", ")"), (".", 4, "punct", "PUNCT", ".", ".")]
# "Surveys found more men than women use wallets (44% vs. 31%)." : the 'than' clause hangs on the first side.
CLAUSE_ON_NOUN = [
    ("Surveys", 1, "nsubj", "NOUN", "NNS", "survey"), ("found", 1, "ROOT", "VERB", "VBD", "find"),
    ("more", 3, "amod", "ADJ", "JJR", "more"), ("men", 1, "dobj", "NOUN", "NNS", "man"),
    ("than", 6, "mark", "SCONJ", "IN", "than"), ("women", 6, "nsubj", "NOUN", "NNS", "woman"),
    ("use", 3, "advcl", "VERB", "VBP", "use"), ("wallets", 6, "dobj", "NOUN", "NNS", "wallet"),
    ("(", 7, "punct", "PUNCT", "-LRB-", "("), ("44", 10, "nummod", "NUM", "CD", "44"),
    ("%", 7, "appos", "NOUN", "NN", "%"), ("vs.", 10, "prep", "ADP", "IN", "vs."), ("31", 13, "nummod", "NUM", "CD", "31"),
    ("%", 11, "pobj", "NOUN", "NN", "%"), (")", 1, "punct", "PUNCT", "-RRB-", ")"), (".", 1, "punct", "PUNCT", ".", ".")]
# "Younger nurses were more likely than older colleagues to leave, 58 percent versus 39 percent." (issue 19's
# phrasing, shortened): the first side is the subject of the clause above the 'than' clause.
CLAUSE_ABOVE = [
    ("Younger", 1, "amod", "ADJ", "JJR", "young"), ("nurses", 2, "nsubj", "NOUN", "NNS", "nurse"),
    ("were", 2, "ROOT", "AUX", "VBD", "be"), ("more", 4, "advmod", "ADV", "RBR", "more"),
    ("likely", 2, "acomp", "ADJ", "JJ", "likely"), ("than", 9, "mark", "SCONJ", "IN", "than"),
    ("older", 7, "amod", "ADJ", "JJR", "old"), ("colleagues", 9, "nsubj", "NOUN", "NNS", "colleague"),
    ("to", 9, "aux", "PART", "TO", "to"), ("leave", 4, "advcl", "VERB", "VB", "leave"),
    (",", 2, "punct", "PUNCT", ",", ","), ("58", 12, "nummod", "NUM", "CD", "58"),
    ("percent", 1, "appos", "NOUN", "NN", "percent"), ("versus", 12, "prep", "ADP", "IN", "versus"),
    ("39", 15, "nummod", "NUM", "CD", "39"), ("percent", 13, "pobj", "NOUN", "NN", "percent"),
    (".", 2, "punct", "PUNCT", ".", ".")]
# "Moms say this happens more often than dads (87% vs. 81%)." (dev2 pub_05, shortened): 'this' is not a side.
THIS_HAPPENS = [
    ("Moms", 1, "nsubj", "NOUN", "NNS", "mom"), ("say", 1, "ROOT", "VERB", "VBP", "say"),
    ("this", 3, "nsubj", "PRON", "DT", "this"), ("happens", 1, "ccomp", "VERB", "VBZ", "happen"),
    ("more", 5, "advmod", "ADV", "RBR", "more"), ("often", 3, "advmod", "ADV", "RB", "often"),
    ("than", 5, "prep", "ADP", "IN", "than"), ("dads", 6, "pobj", "NOUN", "NNS", "dad"),
    ("(", 3, "punct", "PUNCT", "-LRB-", "("), ("87", 10, "nummod", "NUM", "CD", "87"),
    ("%", 7, "appos", "NOUN", "NN", "%"), ("vs.", 10, "prep", "ADP", "IN", "vs."), ("81", 13, "nummod", "NUM", "CD", "81"),
    ("%", 11, "pobj", "NOUN", "NN", "%"), (")", 3, "punct", "PUNCT", "-RRB-", ")"), (".", 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows,figures,groups", [
    (TWO_SUBJECTS, [(7, 9, 77.0, "numeric"), (10, 12, 69.0, "numeric")], ["agencies", "clients"]),
    (CLAUSE_ON_NOUN, [(9, 11, 44.0, "numeric"), (12, 14, 31.0, "numeric")], ["men", "women"]),
    (CLAUSE_ABOVE, [(11, 13, 58.0, "numeric"), (14, 16, 39.0, "numeric")], ["Younger nurses", "older colleagues"]),
    (THIS_HAPPENS, [(9, 11, 87.0, "numeric"), (12, 14, 81.0, "numeric")], ["Moms", "dads"]),
], ids=["two-subjects", "clause-on-the-noun", "clause-above", "past-this"])
def test_compared_sides_on_hand_built_parses(vocab, lex, rows, figures, groups: list[str]) -> None:
    doc = build(vocab, rows, figures)
    assert groups_of(doc, lex) == [("share", g) for g in groups]


SURVEY = "A survey of 2,000 people was published on Monday. "


@pytest.mark.parametrize("text,expected", [
    # dev3 biz_02: 'than' marks the clause of the second side
    ("When asked where spending in 2011 should go, more agencies than clients identified areas like social networks "
     "(77 percent to 69 percent), mobile (70 percent to 51 percent), viral (52 percent to 43 percent) and games (35 "
     "percent to 18 percent).",
     {"77 percent": "agencies", "69 percent": "clients", "70 percent": "agencies", "51 percent": "clients",
      "52 percent": "agencies", "43 percent": "clients", "35 percent": "agencies", "18 percent": "clients"}),
    # dev2 pub_05: past 'this'
    ("Stay-at-home moms say this happens more frequently than working moms (87% vs. 81%).",
     {"87%": "Stay-at-home moms", "81%": "working moms"}),
    # issue 19's phrasing of a nursing survey: the pair after a comma, not in brackets
    ("Younger nurses were more likely than older colleagues to consider leaving, 58 percent versus 39 percent.",
     {"58 percent": "Younger nurses", "39 percent": "older colleagues"}),
    # dev3 consumer_10: the object the parser gave 'than' is kept ('non-users', split by the tokenizer)
    ("Mobile wallet users are also more likely than non-users to say loyalty programs are important differentiators "
     "in where to shop (71% vs. 66%).", {"71%": "Mobile wallet users", "66%": "non-users"}),
])
def test_compared_sides_in_real_phrasings(nlp, text: str, expected: dict[str, str]) -> None:
    doc = nlp(SURVEY + text)
    assert figure_groups(doc) == expected


# An equative compares two groups as 'than' does: 'A were twice as likely as B to ... (42% vs 21%)' (the second
# 'as' names B, also after 'more than twice'); a bracket that holds the pair is read by position, not as an
# answer's share of the respondents named nearby ('older respondents' took the first figure before).
TWICE_AS_LIKELY = [
    ("Respondents", 5, "nsubj", "NOUN", "NNS", "respondent"), ("aged", 0, "amod", "ADJ", "JJ", "aged"),
    ("18", 1, "npadvmod", "NUM", "CD", "18"), ("-", 4, "punct", "SYM", "SYM", "-"), ("34", 2, "prep", "NUM", "CD", "34"),
    ("were", 5, "ROOT", "AUX", "VBD", "be"), ("twice", 8, "advmod", "ADV", "RB", "twice"),
    ("as", 8, "advmod", "ADV", "RB", "as"), ("likely", 5, "acomp", "ADJ", "JJ", "likely"),
    ("as", 8, "prep", "ADP", "IN", "as"), ("older", 11, "amod", "ADJ", "JJR", "old"),
    ("respondents", 9, "pobj", "NOUN", "NNS", "respondent"), ("to", 13, "aux", "PART", "TO", "to"),
    ("use", 8, "xcomp", "VERB", "VB", "use"), ("the", 15, "det", "DET", "DT", "the"), ("app", 13, "dobj", "NOUN", "NN", "app"),
    ("(", 15, "punct", "PUNCT", "-LRB-", "("), ("42", 18, "nummod", "NUM", "CD", "42"), ("%", 15, "appos", "NOUN", "NN", "%"),
    ("vs", 18, "prep", "ADP", "IN", "vs"), ("21", 21, "nummod", "NUM", "CD", "21"), ("%", 19, "pobj", "NOUN", "NN", "%"),
    (")", 5, "punct", "PUNCT", "-RRB-", ")"), (".", 5, "punct", "PUNCT", ".", ".")]


def test_an_equative_names_the_two_sides_on_a_hand_built_parse(vocab, lex) -> None:
    doc = build(vocab, TWICE_AS_LIKELY, [(17, 19, 42.0, "numeric"), (20, 22, 21.0, "numeric")],
                text="Respondents aged 18-34 were twice as likely as older respondents to use the app (42% vs 21%).")
    assert groups_of(doc, lex) == [("share", "Respondents aged 18-34"), ("share", "older respondents")]


@pytest.mark.parametrize("compare", ["more likely than", "twice as likely as", "nearly twice as likely as",
                                     "more than twice as likely as", "just as likely as"])
@pytest.mark.parametrize("text,expected", [
    # dev3 consumer_10 (Morning Consult)
    ("Mobile wallet users are also {compare} non-users to say loyalty programs are important differentiators in "
     "where to shop (71% vs. 66%).", {"71%": "Mobile wallet users", "66%": "non-users"}),
    # seed 003 (the CMO Council's survey), its first pair
    ("Those in a very effective relationship are also {compare} those with an effective relationship to use a variety "
     "of metrics to measure martech performance (83% vs. 52%).",
     {"83%": "Those in a very effective relationship", "52%": "those with an effective relationship"}),
    # issue 19's nursing phrasing with a respondent noun on both sides
    ("Respondents aged 18-34 were {compare} older respondents to use the app (42% vs 21%).",
     {"42%": "Respondents aged 18-34", "21%": "older respondents"}),
])
def test_an_equative_compares_as_than_does(nlp, text: str, expected: dict[str, str], compare: str) -> None:
    assert figure_groups(nlp(SURVEY + text.format(compare=compare))) == expected
