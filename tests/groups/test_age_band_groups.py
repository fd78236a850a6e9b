"""Age bands as groups, in the constructions real share sentences put them in.

Found by putting age bands ('those aged 18 to 34', 'adults under 35', 'people aged 65 and over', 'voters over 65',
'adults aged 18-24') in place of the group of real share sentences of read articles (wordflip --bands probe, 150 of
1,105 variants wrong in an article with a sample, now 97, most of the rest sentences the swap made ungrammatical):
- "and over" of "people aged 65 and over" is hung on the figure or the verb, and the phrase ended at "65";
- a band without "aged" right before a bracket ('adults under 35 (54%)', 'consumers 44 and under (33%)');
- a band after "of" past a bracket, "all", "the" or a count ('The majority (84%) of people aged 65 and over', '87%
  of the 1,000 people aged 65 and over quizzed');
- the words that modify the banded word ('decided voters aged 55 and over (43%)': dev3 pub_06 now matches gold).

The bands are real: dev2 pub_10 (Ipsos), pub_07 (ANA), pub_05 (Parenting), dev3 pub_06 (Angus Reid), consumer_08
(Colling), pub_02 (YouGov), wild bbc_politics and bbc_business."""
from __future__ import annotations

import pytest

from extract.groups import GroupRules
from extract.groups.age_bands import AGE_BAND_BEFORE, AGE_BAND_OF
from extract.phrases import trim_phrase

from ..helpers import build, figure_groups, groups_of, parsed_doc

SURVEY = "A survey of 1,000 people was published on Monday. "


@pytest.mark.parametrize("text,who,band", [
    ("followed closely by those aged 35-54 (", "those", "aged 35-54"),  # dev2 pub_10
    ("most popular with adults ages 65 and older (", "adults", "ages 65 and older"),
    ("A majority of adults under 35 (", "adults", "under 35"),
    ("the rate of those 45+ (", "those", "45+"),  # dev3 consumer_08
    ("by consumers 44 and under (", "consumers", "44 and under"),  # dev3 consumer_08
    ("top choice for voters aged 55 and over (", "voters", "aged 55 and over"),  # dev3 pub_06
    ("many Americans under the age of 30 (", "Americans", "under the age of 30"),
    # dev3 pub_06 (Angus Reid): hyphens around 'to'
    ("and those aged 35-to-54 (", "those", "aged 35-to-54"),
    ("most popular with voters aged 18-to-34 (", "voters", "aged 18-to-34"),
])
def test_an_age_band_right_before_a_bracket(text: str, who: str, band: str) -> None:
    m = AGE_BAND_BEFORE.search(text)
    assert (m.group("who"), m.group("band")) == (who, band)


@pytest.mark.parametrize("after,who,band", [
    (" of those ages 35 to 49 giving", "those", "ages 35 to 49"),  # dev3 pub_01
    (" of people under 55.", "people", "under 55"),  # wild bbc_politics
    (") of people aged 65 and over indicated", "people", "aged 65 and over"),
    (" of all people aged 65 and over do not", "people", "aged 65 and over"),
    (" of the 1,000 people aged 65 and over quizzed", "people", "aged 65 and over"),
    (" of consumers 44 and under say", "consumers", "44 and under"),  # dev3 consumer_08
    (" of those aged 18-to-34 say", "those", "aged 18-to-34"),
])
def test_an_age_band_after_of(after: str, who: str, band: str) -> None:
    m = AGE_BAND_OF.match(after)
    assert (m.group("who"), m.group("band")) == (who, band)


@pytest.mark.parametrize("after", [" of 18 to 24 year olds", " of those who are 30", " of the 1,000 polled"])
def test_no_age_band_after_of(after: str) -> None:
    assert AGE_BAND_OF.match(after) is None


# "44% of all people aged 65 and over do not have any parental controls." (dev2 pub_05 with an age band for
# "parents"): "and over" hung on the figure.
AND_OVER = [
    ("44", 1, "nummod", "NUM", "CD", "44"), ("%", 11, "nsubj", "NOUN", "NN", "%"), ("of", 1, "prep", "ADP", "IN", "of"),
    ("all", 4, "det", "DET", "DT", "all"), ("people", 2, "pobj", "NOUN", "NNS", "people"),
    ("aged", 4, "acl", "VERB", "VBN", "age"), ("65", 5, "npadvmod", "NUM", "CD", "65"),
    ("and", 1, "cc", "CCONJ", "CC", "and"), ("over", 1, "conj", "ADV", "RB", "over"),
    ("do", 11, "aux", "AUX", "VBP", "do"), ("not", 11, "neg", "PART", "RB", "not"), ("have", 11, "ROOT", "VERB", "VB", "have"),
    ("any", 14, "det", "DET", "DT", "any"), ("parental", 14, "amod", "ADJ", "JJ", "parental"),
    ("controls", 11, "dobj", "NOUN", "NNS", "control"), (".", 11, "punct", "PUNCT", ".", ".")]


def test_an_age_bands_tail_hung_on_the_figure_on_a_hand_built_parse(vocab, lex) -> None:
    doc = parsed_doc(vocab, AND_OVER)
    start, end = trim_phrase(doc, doc[4], lex, stop_tokens={0, 1})
    assert doc[start:end].text == "people aged 65 and over"


@pytest.mark.parametrize("text,expected", [
    # real sentences with their own bands
    ("The Conservatives are the top choice for decided voters aged 55 and over (43%) and those aged 35-54 (38%).",
     {"43%": "decided voters aged 55 and over", "38%": "those aged 35-54"}),  # dev3 pub_06 (the band as Ipsos writes it)
    ("A significant 60% of consumers 44 and under say they subscribed to one of these services in the past two "
     "months, compared with 29% of those 45+.", {"60%": "consumers 44 and under", "29%": "those 45+"}),  # consumer_08
    ("Among the over-65s, 70% said they would be certain to vote in an immediate election, compared with 39% of "
     "people under 55.", {"70%": "over-65s", "39%": "people under 55"}),  # wild bbc_politics_043
    # real sentences with an age band for their group
    ("The majority (84%) of people aged 65 and over indicated they were employed at hospitals and most (76%) worked "
     "full-time.", {"84%": "people aged 65 and over", "76%": "people aged 65 and over"}),  # dev2 pub_07
    ("More than eight in 10 parents with children under age 13 (83%) have not let them join Facebook, and 44% of all "
     "people aged 65 and over do not have any parental controls on their computers.",
     {"44%": "people aged 65 and over"}),  # dev2 pub_05
    ("Of the people aged 65 and over surveyed, 30% saw orders rise and 27% saw them fall.",
     {"30%": "people aged 65 and over", "27%": "people aged 65 and over"}),  # wild bbc_business_168
    ("And 87% of the 1,000 people aged 65 and over quizzed by ICM for BBC News 24 said politicians did not deliver "
     "what they promised.", {"87%": "people aged 65 and over"}),  # wild bbc_politics_403
    ("Most adults under 35 (83%) say they and their kids eat dinner together most nights.",
     {"83%": "adults under 35"}),  # dev2 pub_05
    ("A majority of voters over 65 (54%) belong to an organized religion, but only 27% attend weekly services.",
     {"54%": "voters over 65"}),  # dev2 pub_05
    # an age-banded subject, with the figure outside a bracket
    ("Meanwhile, voters 65 and older disapproved of the president by 57 percent, the poll found.",
     {"57 percent": "voters 65 and older"}),  # dev3 pub_01
    ("Those over 55 were the most enthusiastic, with 71 per cent behind leaving and 17 per cent disagreeing.",
     {"71 per cent": "Those over 55", "17 per cent": "Those over 55"}),  # dev2 pub_02
    ("Respondents aged 18 to 24, at 80 per cent, were the most likely to favour a rule-breaking candidate.",
     {"80 per cent": "Respondents aged 18 to 24"}),  # dev2 pub_11 ("Respondents in France, at 80 per cent")
    ("Those aged 18-34 were the most enthusiastic, with 71 per cent behind leaving and 17 per cent disagreeing.",
     {"71 per cent": "Those aged 18-34", "17 per cent": "Those aged 18-34"}),  # dev2 pub_02, dev2 pub_10's band
])
def test_age_bands_as_groups_in_real_sentences(nlp, text: str, expected: dict) -> None:
    got = figure_groups(nlp(SURVEY + text))
    assert {k: got.get(k) for k in expected} == expected


# "The percentage of those aged 18 to 34 who said they can track digital sales is 46%." (seed 000's measure with
# dev3 pub_02's band): "to 34" hung on the measure, the relative clause on "34".
BAND_END_ON_MEASURE = [
    ("The", 1, "det", "DET", "DT", "the"), ("percentage", 15, "nsubj", "NOUN", "NN", "percentage"),
    ("of", 1, "prep", "ADP", "IN", "of"), ("those", 2, "pobj", "PRON", "DT", "those"),
    ("aged", 3, "amod", "VERB", "VBN", "age"), ("18", 4, "npadvmod", "NUM", "CD", "18"),
    ("to", 1, "prep", "ADP", "IN", "to"), ("34", 6, "pobj", "NUM", "CD", "34"), ("who", 9, "nsubj", "PRON", "WP", "who"),
    ("said", 7, "relcl", "VERB", "VBD", "say"), ("they", 12, "nsubj", "PRON", "PRP", "they"),
    ("can", 12, "aux", "AUX", "MD", "can"), ("track", 9, "ccomp", "VERB", "VB", "track"),
    ("digital", 14, "amod", "ADJ", "JJ", "digital"), ("sales", 12, "dobj", "NOUN", "NNS", "sale"),
    ("is", 15, "ROOT", "AUX", "VBZ", "be"), ("46", 17, "nummod", "NUM", "CD", "46"), ("%", 15, "attr", "NOUN", "NN", "%"),
    (".", 15, "punct", "PUNCT", ".", ".")]
# "The percentage of Americans ages 18 to 29 who are eating out more is 46%." (dev3 consumer_04's band): the band
# parsed as a verb and its object, the people cut off from the figure.
BAND_AS_VERB = [
    ("The", 1, "det", "DET", "DT", "the"), ("percentage", 4, "nsubj", "NOUN", "NN", "percentage"),
    ("of", 1, "prep", "ADP", "IN", "of"), ("Americans", 2, "pobj", "PROPN", "NNPS", "Americans"),
    ("ages", 13, "nsubj", "VERB", "VBZ", "age"), ("18", 7, "quantmod", "NUM", "CD", "18"),
    ("to", 7, "quantmod", "PART", "TO", "to"), ("29", 4, "dobj", "NUM", "CD", "29"), ("who", 10, "nsubj", "PRON", "WP", "who"),
    ("are", 10, "aux", "AUX", "VBP", "be"), ("eating", 7, "relcl", "VERB", "VBG", "eat"), ("out", 10, "prt", "ADP", "RP", "out"),
    ("more", 10, "advmod", "ADV", "RBR", "more"), ("is", 13, "ROOT", "AUX", "VBZ", "be"),
    ("46", 15, "nummod", "NUM", "CD", "46"), ("%", 13, "attr", "NOUN", "NN", "%"), (".", 13, "punct", "PUNCT", ".", ".")]


def test_a_bands_upper_end_hung_on_the_measure_stays_in_the_phrase(vocab, lex) -> None:
    doc = parsed_doc(vocab, BAND_END_ON_MEASURE)
    start, end = trim_phrase(doc, doc[3], lex, stop_tokens={16, 17})
    assert doc[start:end].text == "those aged 18 to 34"


def test_a_measure_opening_the_sentence_names_its_first_figures_people(vocab, lex) -> None:
    doc = build(vocab, BAND_AS_VERB, [(14, 16, 46.0, "numeric")])
    fig = doc.spans["survey_percentages"][0]
    assert GroupRules(lex).measure_opening(doc, fig, doc[0:len(doc)]).text == "Americans"


@pytest.mark.parametrize("text,expected", [
    # real measures of people (seed 000, dev2 pub_20, dev3 health_11) with the real bands of dev3 consumer_04, dev2
    # pub_04, dev2 pub_22 and dev2 pub_10 for their people
    ("The percentage of Americans ages 18 to 29 who said they can track digital sales is 46%, versus 68% last year.",
     {"46%": "Americans ages 18 to 29", "68%": "Americans ages 18 to 29"}),
    ("According to the poll, the percentage of parents of children ages 5 to 17 who said they were not willing to pay "
     "extra for green products was 51 percent.", {"51 percent": "parents of children ages 5 to 17"}),
    ("The proportion of adults ages 20 to 64 who experienced stress remained at 82%.", {"82%": "adults ages 20 to 64"}),
    ("The percentage of those aged 35-54 who said they can track digital sales is 46%.", {"46%": "those aged 35-54"}),
    ("The percentage of those aged 18 to 34 who said they can track digital sales is 46%, versus 68% last year.",
     {"46%": "those aged 18 to 34", "68%": "those aged 18 to 34"}),
])
def test_a_measure_of_banded_people_names_its_figures_group(nlp, text: str, expected: dict) -> None:
    got = figure_groups(nlp(SURVEY + text))
    assert {k: got.get(k) for k in expected} == expected


# A band written with a suspended hyphen ('18- to 29-year-olds', '18- and 19-year-olds'): the tokenizer keeps '18-'
# whole and the parser hangs it anywhere, often as the object of 'among' or 'of', or on the verb. The band is the
# whole phrase, whatever the figure's construction. Swapping this band into the shares of read articles whose group
# is one plural noun (seeds, wild, dev2, dev3 tune sets) read it wrong in 60 of 224 variants, 8 now.
AMONG_SUSPENDED = [
    ("Among", 11, "prep", "ADP", "IN", "among"), ("18-", 0, "pobj", "NOUN", "NN", "18-"), ("to", 1, "prep", "ADP", "IN", "to"),
    ("29", 5, "nummod", "NUM", "CD", "29"), ("-", 5, "punct", "PUNCT", "HYPH", "-"), ("year", 7, "compound", "NOUN", "NN", "year"),
    ("-", 7, "punct", "PUNCT", "HYPH", "-"), ("olds", 2, "pobj", "NOUN", "NNS", "old"), (",", 11, "punct", "PUNCT", ",", ","),
    ("45", 10, "nummod", "NUM", "CD", "45"), ("%", 11, "nsubj", "NOUN", "NN", "%"), ("agree", 11, "ROOT", "VERB", "VBP", "agree"),
    (".", 11, "punct", "PUNCT", ".", ".")]
OF_SUSPENDED = [
    ("Around", 1, "advmod", "ADV", "RB", "around"), ("80", 2, "nummod", "NUM", "CD", "80"), ("%", 2, "ROOT", "NOUN", "NN", "%"),
    ("of", 2, "prep", "ADP", "IN", "of"), ("18-", 11, "nmod", "NOUN", "NN", "18-"), ("to", 4, "prep", "PART", "TO", "to"),
    ("29", 8, "nummod", "NUM", "CD", "29"), ("-", 8, "punct", "PUNCT", "HYPH", "-"), ("year", 10, "compound", "NOUN", "NN", "year"),
    ("-", 10, "punct", "PUNCT", "HYPH", "-"), ("olds", 5, "pobj", "NOUN", "NNS", "old"),
    ("visit", 3, "pobj", "VERB", "VBP", "visit"), ("search", 13, "compound", "NOUN", "NN", "search"),
    ("engines", 11, "dobj", "NOUN", "NNS", "engine"), ("first", 11, "advmod", "ADV", "RB", "first"),
    (".", 2, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows,figure", [(AMONG_SUSPENDED, (9, 11, 45.0, "percent")), (OF_SUSPENDED, (1, 3, 80.0, "percent"))],
                         ids=["among-18-as-object", "of-with-the-verb-as-object"])
def test_a_band_with_a_suspended_hyphen_is_the_group_on_hand_built_parses(vocab, lex, rows, figure) -> None:
    assert groups_of(build(vocab, rows, [figure]), lex) == [("share", "18- to 29-year-olds")]


@pytest.mark.parametrize("text,figure,group", [
    # bbc_tech_261 (Ask Jeeves), dev2 mkt_10 (Agency Sparks), dev2 pub_29 (The Doctors Company), the band for their group
    ("According to search engine Ask Jeeves, around 80% of 18- to 29-year-olds visit search engines as their first "
     "port of call on the net.", "80%", "18- to 29-year-olds"),
    ("Since 60% of 18- to 29-year-olds work with between two to four agencies, it's important to know what to "
     "prioritize.", "60%", "18- to 29-year-olds"),
    ("Survey results revealed that nine out of 10 18- to 29-year-olds wouldn't recommend healthcare as a profession.",
     "nine out of 10", "18- to 29-year-olds"),
    ("Among 18- and 24-year-olds, 45% say they would not recommend healthcare as a profession.", "45%",
     "18- and 24-year-olds"),
    # dev2 pub_26 (Rock the Vote): the band before its noun, as before
    ("Richard Nixon had 32 percent support among 18- to 29-year-old voters in polls in 1972.", "32 percent",
     "18- to 29-year-old voters"),
])
def test_a_band_with_a_suspended_hyphen_is_the_group_in_real_phrasings(nlp, text: str, figure: str, group: str) -> None:
    assert figure_groups(nlp(SURVEY + text))[figure] == group


@pytest.mark.parametrize("qualifier", ["", "about ", "nearly "])
def test_a_band_with_hyphens_around_to_in_a_real_phrasing(nlp, qualifier: str) -> None:
    # dev3 pub_06 (Angus Reid): 'those aged 35' and 'Conservatives' were read before; a qualifier inside the bracket
    # (the qualifier probe's variants) leaves the band before it
    doc = nlp(SURVEY + "The Conservatives are the top choice for decided voters aged 55 and over (43%) and those aged "
              f"35-to-54 ({qualifier}38%), while the NDP is most popular with voters aged 18-to-34 ({qualifier}41%).")
    assert figure_groups(doc) == {"43%": "decided voters aged 55 and over", "38%": "those aged 35-to-54",
                                  "41%": "voters aged 18-to-34"}


# A band of numbers written right after the people it restricts ('adults 18-34', 'voters 45+', 'adults 18 to 34'),
# which the parser hangs on whatever follows: the frames of four read articles with a banded group swapped in (the
# wordflip --bands2 probe: 224 of 2,250 variants wrong, now 163, most of the rest sentences the swap made
# ungrammatical), and dev3 consumer_08 as written. After 'of', 'those 45+' is people of an age, whatever the
# parser made the object of 'of': the figure is a share.
@pytest.mark.parametrize("who", ["adults 18-34", "voters 45+", "adults 18 to 34", "consumers 55 and over"])
@pytest.mark.parametrize("text,figures", [
    ("Three out of four {who} believe creating a seamless customer experience is important, but marketers have the "
     "least direct expertise.", ["Three out of four"]),  # seed 000
    ("Of the {who} surveyed, 30% saw orders rise and 27% saw them fall.", ["30%", "27%"]),  # wild bbc_business_168
    ("According to search engine Ask Jeeves, around 80% of {who} visit search engines as their first port of call "
     "on the net.", ["80%"]),  # wild bbc_tech_261
    ("Eight out of 10 {who} do not trust politicians to tell the truth, a new poll conducted for the BBC suggests.",
     ["Eight out of 10"]),  # wild bbc_politics_403
])
def test_a_band_right_after_its_people_is_in_the_group(nlp, text: str, figures: list[str], who: str) -> None:
    groups = figure_groups(nlp(SURVEY + text.format(who=who)))
    assert [groups[f] for f in figures] == [who] * len(figures)


@pytest.mark.parametrize("text,expected", [
    # dev3 consumer_08 (Colling Media), as written
    ("A significant 60% of consumers 44 and under say they subscribed to one of these services in the past two "
     "months, compared with 29% of those 45+.", {"60%": "consumers 44 and under", "29%": "those 45+"}),
    # wild bbc_tech_261 and bbc_business_020 with 'those 45+' for their people
    ("According to search engine Ask Jeeves, around 80% of those 45+ visit search engines as their first port of "
     "call on the net.", {"80%": "those 45+"}),
    ("As a result, call centres have a high churn rate, with nearly a quarter of those 45+ throwing in the towel "
     "every year.", {"a quarter": "those 45+"}),
])
def test_those_of_an_age_after_of_are_people(nlp, text: str, expected: dict) -> None:
    doc = nlp(SURVEY + text)
    assert figure_groups(doc) == expected
    assert {s._.kind for s in doc.spans["survey_percentages"]} == {"share"}
