"""The sequence of ``groups.linking.STEPS``, one step at a time: for every step, a real sentence (or two, for what
the reader remembers) whose readings that step decides, so that leaving the step out changes them. The parses are
en_core_web_sm's, written out by hand (words, heads, deps, pos, tags, lemmas, and the text they were read from),
so that a change of model cannot move them; each comes from the article named above it (in corpus/
or ../shared/)."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Optional

import pytest

import extract.groups
from extract.groups import STEPS

from ..helpers import Row, build, readings


class Parse(NamedTuple):
    """A real passage and the model's parse of it."""

    text: str
    rows: list[Row]


@dataclass(frozen=True)
class StepCase:
    """A passage whose readings ``step`` decides: the fields ``read`` of each figure's assignment."""

    step: str
    parse: Parse
    figures: list[tuple]
    expected: list[tuple]
    read: tuple[str, ...] = ("kind", "group")
    sentences: Optional[list[tuple[int, int]]] = None  # the whole passage is one sentence unless given
    populations: tuple[tuple[int, int], ...] = ()  # the sample populations the samples step found


# ../shared/dev3/dev3_pub_01_hill_harrisx_trump_age.txt: an age-banded subject of the figure's own clause, under a
# main clause whose subject is the poll, after a sentence naming the sample (which it is not a share of)
BANDED_SUBJECT = Parse(
    "A poll of 2,000 adults was published. "
    "Meanwhile, voters 65 and older disapproved of the president by 57 percent, the poll found.",
    [("A", 1, "det", "DET", "DT", "a"), ("poll", 6, "nsubjpass", "NOUN", "NN", "poll"),
     ("of", 1, "prep", "ADP", "IN", "of"), ("2,000", 4, "nummod", "NUM", "CD", "2,000"),
     ("adults", 2, "pobj", "NOUN", "NNS", "adult"), ("was", 6, "auxpass", "AUX", "VBD", "be"),
     ("published", 6, "ROOT", "VERB", "VBN", "publish"), (".", 6, "punct", "PUNCT", ".", "."),
     ("Meanwhile", 24, "advmod", "ADV", "RB", "meanwhile"), (",", 24, "punct", "PUNCT", ",", ","),
     ("voters", 14, "nsubj", "NOUN", "NNS", "voter"), ("65", 10, "nummod", "NUM", "CD", "65"),
     ("and", 11, "cc", "CCONJ", "CC", "and"), ("older", 11, "conj", "ADJ", "JJR", "old"),
     ("disapproved", 24, "ccomp", "VERB", "VBN", "disapprove"), ("of", 14, "prep", "ADP", "IN", "of"),
     ("the", 17, "det", "DET", "DT", "the"), ("president", 15, "pobj", "NOUN", "NN", "president"),
     ("by", 14, "prep", "ADP", "IN", "by"), ("57", 20, "nummod", "NUM", "CD", "57"),
     ("percent", 18, "pobj", "NOUN", "NN", "percent"), (",", 24, "punct", "PUNCT", ",", ","),
     ("the", 23, "det", "DET", "DT", "the"), ("poll", 24, "nsubj", "NOUN", "NN", "poll"),
     ("found", 24, "ROOT", "VERB", "VBD", "find"), (".", 24, "punct", "PUNCT", ".", ".")])
# A wording of the genre (the band of dev3 pub_06's "voters aged 18-to-34"): an age-banded subject of the main clause
BANDED_MAIN_SUBJECT = Parse(
    "A poll of 2,000 adults was published. Voters aged 18-24 were the most worried, at 45%.",
    [("A", 1, "det", "DET", "DT", "a"), ("poll", 6, "nsubjpass", "NOUN", "NN", "poll"),
     ("of", 1, "prep", "ADP", "IN", "of"), ("2,000", 4, "nummod", "NUM", "CD", "2,000"),
     ("adults", 2, "pobj", "NOUN", "NNS", "adult"), ("was", 6, "auxpass", "AUX", "VBD", "be"),
     ("published", 6, "ROOT", "VERB", "VBN", "publish"), (".", 6, "punct", "PUNCT", ".", "."),
     ("Voters", 13, "nsubj", "NOUN", "NNS", "voter"), ("aged", 8, "amod", "ADJ", "JJ", "aged"),
     ("18", 9, "npadvmod", "NUM", "CD", "18"), ("-", 12, "punct", "SYM", "SYM", "-"),
     ("24", 10, "prep", "NUM", "CD", "24"), ("were", 13, "ROOT", "AUX", "VBD", "be"),
     ("the", 16, "det", "DET", "DT", "the"), ("most", 16, "advmod", "ADV", "RBS", "most"),
     ("worried", 13, "acomp", "ADJ", "JJ", "worried"), (",", 16, "punct", "PUNCT", ",", ","),
     ("at", 16, "prep", "ADP", "IN", "at"), ("45", 20, "nummod", "NUM", "CD", "45"),
     ("%", 18, "pobj", "NOUN", "NN", "%"), (".", 13, "punct", "PUNCT", ".", ".")])


# ../shared/dev2/dev2_tech_01_informationweek_tomorrows_cios.txt
SUBSAMPLES = Parse(
    "InformationWeek surveyed 720 senior business technology executives; 537 CIOs/VPs of IT and 182 corporate "
    "managers.\n\nCut business and IT costs (26%/24%)",
    [("InformationWeek", 1, "nsubj", "PROPN", "NNP", "InformationWeek"),
     ("surveyed", 1, "ROOT", "VERB", "VBD", "survey"), ("720", 6, "nummod", "NUM", "CD", "720"),
     ("senior", 6, "amod", "ADJ", "JJ", "senior"), ("business", 5, "compound", "NOUN", "NN", "business"),
     ("technology", 6, "compound", "NOUN", "NN", "technology"),
     ("executives", 1, "dobj", "NOUN", "NNS", "executive"), (";", 6, "punct", "PUNCT", ":", ";"),
     ("537", 11, "nummod", "NUM", "CD", "537"), ("CIOs", 11, "nmod", "NOUN", "NNS", "cio"),
     ("/", 11, "punct", "SYM", "SYM", "/"), ("VPs", 6, "appos", "NOUN", "NNS", "vp"),
     ("of", 11, "prep", "ADP", "IN", "of"), ("IT", 12, "pobj", "PROPN", "NNP", "IT"),
     ("and", 11, "cc", "CCONJ", "CC", "and"), ("182", 17, "nummod", "NUM", "CD", "182"),
     ("corporate", 17, "amod", "ADJ", "JJ", "corporate"), ("managers", 11, "conj", "NOUN", "NNS", "manager"),
     (".", 1, "punct", "PUNCT", ".", "."), ("\n\n", 18, "dep", "SPACE", "_SP", "\n\n"),
     ("Cut", 21, "amod", "ADJ", "JJ", "cut"), ("business", 24, "nmod", "NOUN", "NN", "business"),
     ("and", 21, "cc", "CCONJ", "CC", "and"), ("IT", 21, "conj", "NOUN", "NN", "it"),
     ("costs", 24, "ROOT", "VERB", "VBZ", "cost"), ("(", 24, "punct", "PUNCT", "-LRB-", "("),
     ("26%", 24, "npadvmod", "NUM", "CD", "26%"), ("/", 28, "punct", "SYM", "SYM", "/"),
     ("24", 29, "nummod", "NUM", "CD", "24"), ("%", 24, "appos", "NOUN", "NN", "%"),
     (")", 24, "punct", "PUNCT", "-RRB-", ")")])

# ../shared/dev2/dev2_tech_07_computerworld_premier100.txt, with a respondent noun as the subject ("the respondent
# base" of the article names no one: test_group_families)
RESPONDENTS_WERE = Parse(
    "Note that every respondent answered all questions, unless otherwise noted.\n\n73% reported being very optimistic",
    [("Note", 0, "ROOT", "VERB", "VB", "note"), ("that", 4, "mark", "SCONJ", "IN", "that"),
     ("every", 3, "det", "DET", "DT", "every"), ("respondent", 4, "nsubj", "NOUN", "NN", "respondent"),
     ("answered", 0, "ccomp", "VERB", "VBD", "answer"), ("all", 6, "det", "DET", "DT", "all"),
     ("questions", 4, "dobj", "NOUN", "NNS", "question"), (",", 4, "punct", "PUNCT", ",", ","),
     ("unless", 10, "mark", "SCONJ", "IN", "unless"), ("otherwise", 10, "advmod", "ADV", "RB", "otherwise"),
     ("noted", 4, "advcl", "VERB", "VBN", "note"), (".", 0, "punct", "PUNCT", ".", "."),
     ("\n\n", 11, "dep", "SPACE", "_SP", "\n\n"), ("73", 14, "nummod", "NUM", "CD", "73"),
     ("%", 15, "nsubj", "NOUN", "NN", "%"), ("reported", 15, "ROOT", "VERB", "VBD", "report"),
     ("being", 15, "xcomp", "AUX", "VBG", "be"), ("very", 18, "advmod", "ADV", "RB", "very"),
     ("optimistic", 16, "acomp", "ADJ", "JJ", "optimistic")])

# ../shared/wild/bbc_business_159.txt
ECONOMY_GREW = Parse(
    "He said India's economy grew 6.9% in 2004.",
    [("He", 1, "nsubj", "PRON", "PRP", "he"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
     ("India", 4, "poss", "PROPN", "NNP", "India"), ("'s", 2, "case", "PART", "POS", "'s"),
     ("economy", 5, "nsubj", "NOUN", "NN", "economy"), ("grew", 1, "ccomp", "VERB", "VBD", "grow"),
     ("6.9", 7, "nummod", "NUM", "CD", "6.9"), ("%", 5, "npadvmod", "NOUN", "NN", "%"),
     ("in", 5, "prep", "ADP", "IN", "in"), ("2004", 8, "pobj", "NUM", "CD", "2004"),
     (".", 1, "punct", "PUNCT", ".", ".")])

# ../shared/wild/bbc_tech_204.txt
VISITORS_TO = Parse(
    "A study revealed that 86% of visitors to the Library carried laptops.",
    [("A", 1, "det", "DET", "DT", "a"), ("study", 2, "nsubj", "NOUN", "NN", "study"),
     ("revealed", 2, "ROOT", "VERB", "VBD", "reveal"), ("that", 11, "mark", "SCONJ", "IN", "that"),
     ("86", 5, "nummod", "NUM", "CD", "86"), ("%", 11, "nsubj", "NOUN", "NN", "%"),
     ("of", 5, "prep", "ADP", "IN", "of"), ("visitors", 6, "pobj", "NOUN", "NNS", "visitor"),
     ("to", 5, "prep", "ADP", "IN", "to"), ("the", 10, "det", "DET", "DT", "the"),
     ("Library", 8, "pobj", "PROPN", "NNP", "Library"), ("carried", 2, "ccomp", "VERB", "VBD", "carry"),
     ("laptops", 11, "dobj", "NOUN", "NNS", "laptop"), (".", 2, "punct", "PUNCT", ".", ".")])

# ../shared/dev3/dev3_health_06_physicians_foundation_2016.txt
SAY_IS = Parse(
    "Only 44% say hospital employment of physicians is a positive.",
    [("Only", 1, "advmod", "ADV", "RB", "only"), ("44", 2, "nummod", "NUM", "CD", "44"),
     ("%", 3, "nsubj", "NOUN", "NN", "%"), ("say", 3, "ROOT", "VERB", "VBP", "say"),
     ("hospital", 5, "compound", "NOUN", "NN", "hospital"), ("employment", 8, "nsubj", "NOUN", "NN", "employment"),
     ("of", 5, "prep", "ADP", "IN", "of"), ("physicians", 6, "pobj", "NOUN", "NNS", "physician"),
     ("is", 3, "ccomp", "AUX", "VBZ", "be"), ("a", 10, "det", "DET", "DT", "a"),
     ("positive", 8, "attr", "ADJ", "JJ", "positive"), (".", 3, "punct", "PUNCT", ".", ".")])

# ../shared/dev3/dev3_pub_10_common_sense_teens_social_media.txt
INCREASE_FROM = Parse(
    "The new poll found that 89 per cent of teenagers have their own smartphone, a 41 per cent increase from "
    "2012’s numbers.",
    [("The", 2, "det", "DET", "DT", "the"), ("new", 2, "amod", "ADJ", "JJ", "new"),
     ("poll", 3, "nsubj", "NOUN", "NN", "poll"), ("found", 3, "ROOT", "VERB", "VBD", "find"),
     ("that", 10, "mark", "SCONJ", "IN", "that"), ("89", 7, "nummod", "NUM", "CD", "89"),
     ("per", 7, "compound", "NOUN", "NN", "per"), ("cent", 10, "nsubj", "NOUN", "NN", "cent"),
     ("of", 7, "prep", "ADP", "IN", "of"), ("teenagers", 8, "pobj", "NOUN", "NNS", "teenager"),
     ("have", 3, "ccomp", "VERB", "VBP", "have"), ("their", 13, "poss", "PRON", "PRP$", "their"),
     ("own", 13, "amod", "ADJ", "JJ", "own"), ("smartphone", 10, "dobj", "NOUN", "NN", "smartphone"),
     (",", 13, "punct", "PUNCT", ",", ","), ("a", 19, "det", "DET", "DT", "a"),
     ("41", 19, "nummod", "NUM", "CD", "41"), ("per", 18, "compound", "ADP", "IN", "per"),
     ("cent", 19, "compound", "NOUN", "NN", "cent"), ("increase", 13, "appos", "NOUN", "NN", "increase"),
     ("from", 19, "prep", "ADP", "IN", "from"), ("2012", 23, "poss", "NUM", "CD", "2012"),
     ("’s", 21, "case", "PART", "POS", "’s"), ("numbers", 20, "pobj", "NOUN", "NNS", "number"),
     (".", 3, "punct", "PUNCT", ".", ".")])

# ../shared/dev3/dev3_health_06_physicians_foundation_2016.txt
COMPARED_TO_2012 = Parse(
    "33% are independent practice owners or partners, compared to 48% in 2012.",
    [("33", 1, "nummod", "NUM", "CD", "33"), ("%", 2, "nsubj", "NOUN", "NN", "%"),
     ("are", 2, "ROOT", "AUX", "VBP", "be"), ("independent", 5, "amod", "ADJ", "JJ", "independent"),
     ("practice", 5, "compound", "NOUN", "NN", "practice"), ("owners", 2, "attr", "NOUN", "NNS", "owner"),
     ("or", 5, "cc", "CCONJ", "CC", "or"), ("partners", 5, "conj", "NOUN", "NNS", "partner"),
     (",", 2, "punct", "PUNCT", ",", ","), ("compared", 2, "prep", "VERB", "VBN", "compare"),
     ("to", 9, "prep", "ADP", "IN", "to"), ("48", 12, "nummod", "NUM", "CD", "48"),
     ("%", 10, "pobj", "NOUN", "NN", "%"), ("in", 12, "prep", "ADP", "IN", "in"),
     ("2012", 13, "pobj", "NUM", "CD", "2012"), (".", 2, "punct", "PUNCT", ".", ".")])

# ../shared/dev3/dev3_work_07_deloitte_cfo_signals_aicpa_2023.txt
INCLUDING = Parse(
    "In all, 85% of the companies have annual revenue above $1 billion, including 42% with revenue greater than $5 "
    "billion.",
    [("In", 8, "prep", "ADP", "IN", "in"), ("all", 0, "pobj", "PRON", "DT", "all"),
     (",", 8, "punct", "PUNCT", ",", ","), ("85", 4, "nummod", "NUM", "CD", "85"),
     ("%", 8, "nsubj", "NOUN", "NN", "%"), ("of", 4, "prep", "ADP", "IN", "of"),
     ("the", 7, "det", "DET", "DT", "the"), ("companies", 5, "pobj", "NOUN", "NNS", "company"),
     ("have", 8, "ROOT", "VERB", "VBP", "have"), ("annual", 10, "amod", "ADJ", "JJ", "annual"),
     ("revenue", 8, "dobj", "NOUN", "NN", "revenue"), ("above", 8, "prep", "ADP", "IN", "above"),
     ("$", 14, "quantmod", "SYM", "$", "$"), ("1", 14, "compound", "NUM", "CD", "1"),
     ("billion", 11, "pobj", "NUM", "CD", "billion"), (",", 14, "punct", "PUNCT", ",", ","),
     ("including", 14, "prep", "VERB", "VBG", "include"), ("42", 18, "nummod", "NUM", "CD", "42"),
     ("%", 16, "pobj", "NOUN", "NN", "%"), ("with", 18, "prep", "ADP", "IN", "with"),
     ("revenue", 19, "pobj", "NOUN", "NN", "revenue"), ("greater", 25, "amod", "ADJ", "JJR", "great"),
     ("than", 25, "quantmod", "ADP", "IN", "than"), ("$", 25, "quantmod", "SYM", "$", "$"),
     ("5", 25, "compound", "NUM", "CD", "5"), ("billion", 20, "nummod", "NUM", "CD", "billion"),
     (".", 8, "punct", "PUNCT", ".", ".")])

# ../shared/wild/bbc_tech_212.txt
NOW_THE_FIGURE = Parse(
    "In 2003 only 4% of the people in the UK took a phonecam snap at least once a month. Now the figure is 14%.",
    [("In", 11, "prep", "ADP", "IN", "in"), ("2003", 0, "pobj", "NUM", "CD", "2003"),
     ("only", 3, "advmod", "ADV", "RB", "only"), ("4", 4, "nummod", "NUM", "CD", "4"),
     ("%", 11, "nsubj", "NOUN", "NN", "%"), ("of", 4, "prep", "ADP", "IN", "of"),
     ("the", 7, "det", "DET", "DT", "the"), ("people", 5, "pobj", "NOUN", "NNS", "people"),
     ("in", 7, "prep", "ADP", "IN", "in"), ("the", 10, "det", "DET", "DT", "the"),
     ("UK", 8, "pobj", "PROPN", "NNP", "UK"), ("took", 11, "ROOT", "VERB", "VBD", "take"),
     ("a", 13, "det", "DET", "DT", "a"), ("phonecam", 11, "dobj", "NOUN", "NN", "phonecam"),
     ("snap", 13, "acl", "ADJ", "JJ", "snap"), ("at", 16, "advmod", "ADP", "IN", "at"),
     ("least", 17, "advmod", "ADJ", "JJS", "least"), ("once", 11, "advmod", "ADV", "RB", "once"),
     ("a", 19, "det", "DET", "DT", "a"), ("month", 17, "npadvmod", "NOUN", "NN", "month"),
     (".", 11, "punct", "PUNCT", ".", "."), ("Now", 24, "advmod", "INTJ", "UH", "now"),
     ("the", 23, "det", "DET", "DT", "the"), ("figure", 24, "nsubj", "NOUN", "NN", "figure"),
     ("is", 24, "ROOT", "AUX", "VBZ", "be"), ("14", 26, "nummod", "NUM", "CD", "14"),
     ("%", 24, "attr", "NOUN", "NN", "%"), (".", 24, "punct", "PUNCT", ".", ".")])

# ../shared/dev3/dev3_biz_03_strata_agency_social_budgets.txt
RANGE_ALLOCATED = Parse(
    "Another 24% of agencies are allocating 6-10% to paid social.",
    [("Another", 2, "det", "DET", "DT", "another"), ("24", 2, "nummod", "NUM", "CD", "24"),
     ("%", 6, "nsubj", "NOUN", "NN", "%"), ("of", 2, "prep", "ADP", "IN", "of"),
     ("agencies", 3, "pobj", "NOUN", "NNS", "agency"), ("are", 6, "aux", "AUX", "VBP", "be"),
     ("allocating", 6, "ROOT", "VERB", "VBG", "allocate"), ("6", 10, "nummod", "NUM", "CD", "6"),
     ("-", 9, "punct", "SYM", "SYM", "-"), ("10", 7, "prep", "NUM", "CD", "10"), ("%", 6, "dobj", "NOUN", "NN", "%"),
     ("to", 12, "aux", "PART", "TO", "to"), ("paid", 6, "xcomp", "VERB", "VBN", "pay"),
     ("social", 12, "dobj", "ADJ", "JJ", "social"), (".", 6, "punct", "PUNCT", ".", ".")])

# corpus/003_1ae7d22dafb90b3a.txt
VERY_EFFECTIVE = Parse(
    "Those with very effective working relationships are more likely to say marketing is primarily responsible for "
    "revenue generation (83% of very effective vs. 51% of effective) and digital transformation (67% vs. 26%).",
    [("Those", 6, "nsubj", "PRON", "DT", "those"), ("with", 0, "prep", "ADP", "IN", "with"),
     ("very", 3, "advmod", "ADV", "RB", "very"), ("effective", 5, "amod", "ADJ", "JJ", "effective"),
     ("working", 5, "amod", "NOUN", "NN", "working"), ("relationships", 1, "pobj", "NOUN", "NNS", "relationship"),
     ("are", 6, "ROOT", "AUX", "VBP", "be"), ("more", 8, "advmod", "ADV", "RBR", "more"),
     ("likely", 6, "acomp", "ADJ", "JJ", "likely"), ("to", 10, "aux", "PART", "TO", "to"),
     ("say", 8, "xcomp", "VERB", "VB", "say"), ("marketing", 12, "nsubj", "NOUN", "NN", "marketing"),
     ("is", 10, "ccomp", "AUX", "VBZ", "be"), ("primarily", 14, "advmod", "ADV", "RB", "primarily"),
     ("responsible", 12, "acomp", "ADJ", "JJ", "responsible"), ("for", 14, "prep", "ADP", "IN", "for"),
     ("revenue", 17, "compound", "NOUN", "NN", "revenue"), ("generation", 15, "pobj", "NOUN", "NN", "generation"),
     ("(", 17, "punct", "PUNCT", "-LRB-", "("), ("83", 20, "nummod", "NUM", "CD", "83"),
     ("%", 17, "appos", "NOUN", "NN", "%"), ("of", 20, "prep", "ADP", "IN", "of"),
     ("very", 23, "advmod", "ADV", "RB", "very"), ("effective", 21, "pobj", "ADJ", "JJ", "effective"),
     ("vs.", 20, "prep", "ADP", "IN", "vs."), ("51", 26, "nummod", "NUM", "CD", "51"),
     ("%", 24, "pobj", "NOUN", "NN", "%"), ("of", 26, "prep", "ADP", "IN", "of"),
     ("effective", 27, "pobj", "ADJ", "JJ", "effective"), (")", 26, "punct", "PUNCT", "-RRB-", ")"),
     ("and", 26, "cc", "CCONJ", "CC", "and"), ("digital", 32, "amod", "ADJ", "JJ", "digital"),
     ("transformation", 26, "conj", "NOUN", "NN", "transformation"), ("(", 32, "punct", "PUNCT", "-LRB-", "("),
     ("67", 35, "nummod", "NUM", "CD", "67"), ("%", 32, "appos", "NOUN", "NN", "%"),
     ("vs.", 35, "prep", "ADP", "IN", "vs."), ("26", 38, "nummod", "NUM", "CD", "26"),
     ("%", 36, "pobj", "NOUN", "NN", "%"), (")", 32, "punct", "PUNCT", "-RRB-", ")"),
     (".", 6, "punct", "PUNCT", ".", ".")])

# corpus/002_8ccecffd608d0e68.txt
DOWN_FROM_RESPECTIVELY = Parse(
    "According to this year's survey, 60 percent of tech management executives and 49 percent of marketers say "
    "they have joint steering committees to approve marketing technology projects, down from 68 percent and 55 "
    "percent, respectively, in 2013.",
    [("According", 18, "prep", "VERB", "VBG", "accord"), ("to", 0, "prep", "ADP", "IN", "to"),
     ("this", 3, "det", "DET", "DT", "this"), ("year", 5, "poss", "NOUN", "NN", "year"),
     ("'s", 3, "case", "PART", "POS", "'s"), ("survey", 1, "pobj", "NOUN", "NN", "survey"),
     (",", 18, "punct", "PUNCT", ",", ","), ("60", 8, "nummod", "NUM", "CD", "60"),
     ("percent", 18, "nsubj", "NOUN", "NN", "percent"), ("of", 8, "prep", "ADP", "IN", "of"),
     ("tech", 11, "compound", "NOUN", "NN", "tech"), ("management", 12, "compound", "NOUN", "NN", "management"),
     ("executives", 9, "pobj", "NOUN", "NNS", "executive"), ("and", 8, "cc", "CCONJ", "CC", "and"),
     ("49", 15, "nummod", "NUM", "CD", "49"), ("percent", 18, "nsubj", "NOUN", "NN", "percent"),
     ("of", 15, "prep", "ADP", "IN", "of"), ("marketers", 16, "pobj", "NOUN", "NNS", "marketer"),
     ("say", 18, "ROOT", "VERB", "VBP", "say"), ("they", 20, "nsubj", "PRON", "PRP", "they"),
     ("have", 18, "ccomp", "VERB", "VBP", "have"), ("joint", 22, "amod", "ADJ", "JJ", "joint"),
     ("steering", 23, "compound", "NOUN", "NN", "steering"), ("committees", 25, "nsubj", "NOUN", "NNS", "committee"),
     ("to", 25, "aux", "PART", "TO", "to"), ("approve", 20, "ccomp", "VERB", "VB", "approve"),
     ("marketing", 27, "compound", "NOUN", "NN", "marketing"),
     ("technology", 28, "compound", "NOUN", "NN", "technology"), ("projects", 25, "dobj", "NOUN", "NNS", "project"),
     (",", 25, "punct", "PUNCT", ",", ","), ("down", 25, "advmod", "ADV", "RB", "down"),
     ("from", 30, "prep", "ADP", "IN", "from"), ("68", 33, "nummod", "NUM", "CD", "68"),
     ("percent", 31, "pobj", "NOUN", "NN", "percent"), ("and", 33, "cc", "CCONJ", "CC", "and"),
     ("55", 36, "nummod", "NUM", "CD", "55"), ("percent", 33, "conj", "NOUN", "NN", "percent"),
     (",", 25, "punct", "PUNCT", ",", ","), ("respectively", 25, "advmod", "ADV", "RB", "respectively"),
     (",", 25, "punct", "PUNCT", ",", ","), ("in", 25, "prep", "ADP", "IN", "in"),
     ("2013", 40, "pobj", "NUM", "CD", "2013"), (".", 18, "punct", "PUNCT", ".", ".")])

# ../shared/dev3/dev3_consumer_10_morning_consult_mobile_wallets.txt
MORE_LIKELY_THAN = Parse(
    "• Consumers who use mobile wallets are more than twice as likely as non-users to say flexible payment options "
    "like BNPL are important to them when choosing where to shop (54% vs. 26%).",
    [("•", 1, "amod", "ADJ", "JJS", "•"), ("Consumers", 6, "nsubj", "NOUN", "NNS", "consumer"),
     ("who", 3, "nsubj", "PRON", "WP", "who"), ("use", 1, "relcl", "VERB", "VBP", "use"),
     ("mobile", 5, "amod", "ADJ", "JJ", "mobile"), ("wallets", 3, "dobj", "NOUN", "NNS", "wallet"),
     ("are", 6, "ROOT", "AUX", "VBP", "be"), ("more", 11, "advmod", "ADJ", "JJR", "more"),
     ("than", 11, "advmod", "ADP", "IN", "than"), ("twice", 11, "advmod", "ADV", "RB", "twice"),
     ("as", 11, "advmod", "ADV", "RB", "as"), ("likely", 6, "acomp", "ADJ", "JJ", "likely"),
     ("as", 17, "mark", "SCONJ", "IN", "as"), ("non", 12, "pobj", "NOUN", "NNS", "non"),
     ("-", 12, "pobj", "NOUN", "NNS", "-"), ("users", 17, "nsubj", "NOUN", "NNS", "user"),
     ("to", 17, "aux", "PART", "TO", "to"), ("say", 11, "advcl", "VERB", "VB", "say"),
     ("flexible", 20, "amod", "ADJ", "JJ", "flexible"), ("payment", 20, "compound", "NOUN", "NN", "payment"),
     ("options", 23, "nsubj", "NOUN", "NNS", "option"), ("like", 20, "prep", "ADP", "IN", "like"),
     ("BNPL", 21, "pobj", "PROPN", "NNP", "BNPL"), ("are", 17, "ccomp", "AUX", "VBP", "be"),
     ("important", 23, "acomp", "ADJ", "JJ", "important"), ("to", 24, "prep", "ADP", "IN", "to"),
     ("them", 25, "pobj", "PRON", "PRP", "they"), ("when", 28, "advmod", "SCONJ", "WRB", "when"),
     ("choosing", 23, "advcl", "VERB", "VBG", "choose"), ("where", 31, "advmod", "SCONJ", "WRB", "where"),
     ("to", 31, "aux", "PART", "TO", "to"), ("shop", 28, "xcomp", "VERB", "VB", "shop"),
     ("(", 31, "punct", "PUNCT", "-LRB-", "("), ("54", 34, "nummod", "NUM", "CD", "54"),
     ("%", 31, "npadvmod", "NOUN", "NN", "%"), ("vs.", 34, "prep", "ADP", "IN", "vs."),
     ("26", 37, "nummod", "NUM", "CD", "26"), ("%", 35, "pobj", "NOUN", "NN", "%"),
     (")", 6, "punct", "PUNCT", "-RRB-", ")"), (".", 6, "punct", "PUNCT", ".", ".")])

# ../shared/dev2/dev2_pub_17_pew_partisan_divide_2017.txt
DIFFERENCES_GROWN = Parse(
    "Average differences between parties have grown from 15 points in 1994 to 36 points now.",
    [("Average", 1, "amod", "ADJ", "JJ", "average"), ("differences", 5, "nsubj", "NOUN", "NNS", "difference"),
     ("between", 1, "prep", "ADP", "IN", "between"), ("parties", 2, "pobj", "NOUN", "NNS", "party"),
     ("have", 5, "aux", "AUX", "VBP", "have"), ("grown", 5, "ROOT", "VERB", "VBN", "grow"),
     ("from", 5, "prep", "ADP", "IN", "from"), ("15", 8, "nummod", "NUM", "CD", "15"),
     ("points", 6, "pobj", "NOUN", "NNS", "point"), ("in", 5, "prep", "ADP", "IN", "in"),
     ("1994", 9, "pobj", "NUM", "CD", "1994"), ("to", 5, "prep", "ADP", "IN", "to"),
     ("36", 13, "nummod", "NUM", "CD", "36"), ("points", 11, "pobj", "NOUN", "NNS", "point"),
     ("now", 5, "advmod", "ADV", "RB", "now"), (".", 5, "punct", "PUNCT", ".", ".")])

# corpus/003_1ae7d22dafb90b3a.txt
THEY_ARE_MORE_LIKELY = Parse(
    "CMO Council’s survey shows that marketers in very effective relationships with IT have used almost twice as "
    "many innovation techniques than those with only “effective” relationships. They are also much more likely to "
    "say they use marketing innovation as an operations metric (65% vs. 36%) and pilot new technologies (58% vs. "
    "34%).",
    [("CMO", 1, "compound", "PROPN", "NNP", "CMO"), ("Council", 3, "poss", "PROPN", "NNP", "Council"),
     ("’s", 1, "case", "PART", "POS", "’s"), ("survey", 4, "nsubj", "NOUN", "NN", "survey"),
     ("shows", 4, "ROOT", "VERB", "VBZ", "show"), ("that", 14, "mark", "SCONJ", "IN", "that"),
     ("marketers", 14, "nsubj", "NOUN", "NNS", "marketer"), ("in", 6, "prep", "ADP", "IN", "in"),
     ("very", 9, "advmod", "ADV", "RB", "very"), ("effective", 10, "amod", "ADJ", "JJ", "effective"),
     ("relationships", 7, "pobj", "NOUN", "NNS", "relationship"), ("with", 10, "prep", "ADP", "IN", "with"),
     ("IT", 11, "pobj", "PRON", "PRP", "it"), ("have", 14, "aux", "AUX", "VBP", "have"),
     ("used", 4, "ccomp", "VERB", "VBN", "use"), ("almost", 18, "advmod", "ADV", "RB", "almost"),
     ("twice", 18, "quantmod", "DET", "PDT", "twice"), ("as", 18, "advmod", "ADV", "RB", "as"),
     ("many", 20, "amod", "ADJ", "JJ", "many"), ("innovation", 20, "compound", "NOUN", "NN", "innovation"),
     ("techniques", 14, "dobj", "NOUN", "NNS", "technique"), ("than", 20, "prep", "ADP", "IN", "than"),
     ("those", 21, "pobj", "PRON", "DT", "those"), ("with", 22, "prep", "ADP", "IN", "with"),
     ("only", 28, "amod", "ADV", "RB", "only"), ("“", 28, "punct", "PUNCT", "``", "\""),
     ("effective", 28, "amod", "ADJ", "JJ", "effective"), ("”", 28, "punct", "PUNCT", "''", "\""),
     ("relationships", 23, "pobj", "NOUN", "NNS", "relationship"), (".", 4, "punct", "PUNCT", ".", "."),
     ("They", 31, "nsubj", "PRON", "PRP", "they"), ("are", 31, "ROOT", "AUX", "VBP", "be"),
     ("also", 31, "advmod", "ADV", "RB", "also"), ("much", 34, "advmod", "ADV", "RB", "much"),
     ("more", 35, "advmod", "ADV", "RBR", "more"), ("likely", 31, "acomp", "ADJ", "JJ", "likely"),
     ("to", 37, "aux", "PART", "TO", "to"), ("say", 35, "xcomp", "VERB", "VB", "say"),
     ("they", 39, "nsubj", "PRON", "PRP", "they"), ("use", 37, "ccomp", "VERB", "VBP", "use"),
     ("marketing", 41, "compound", "NOUN", "NN", "marketing"),
     ("innovation", 39, "dobj", "NOUN", "NN", "innovation"), ("as", 39, "prep", "ADP", "IN", "as"),
     ("an", 44, "det", "DET", "DT", "an"), ("operations", 42, "pobj", "NOUN", "NNS", "operation"),
     ("metric", 44, "amod", "ADJ", "JJ", "metric"), ("(", 48, "punct", "PUNCT", "-LRB-", "("),
     ("65", 48, "nummod", "NUM", "CD", "65"), ("%", 42, "pobj", "NOUN", "NN", "%"),
     ("vs.", 48, "prep", "ADP", "IN", "vs."), ("36", 51, "nummod", "NUM", "CD", "36"),
     ("%", 49, "pobj", "NOUN", "NN", "%"), (")", 48, "punct", "PUNCT", "-RRB-", ")"),
     ("and", 39, "cc", "CCONJ", "CC", "and"), ("pilot", 39, "conj", "VERB", "VB", "pilot"),
     ("new", 56, "amod", "ADJ", "JJ", "new"), ("technologies", 54, "dobj", "NOUN", "NNS", "technology"),
     ("(", 56, "punct", "PUNCT", "-LRB-", "("), ("58", 59, "nummod", "NUM", "CD", "58"),
     ("%", 56, "appos", "NOUN", "NN", "%"), ("vs.", 59, "prep", "ADP", "IN", "vs."),
     ("34", 62, "nummod", "NUM", "CD", "34"), ("%", 60, "pobj", "NOUN", "NN", "%"),
     (")", 56, "punct", "PUNCT", "-RRB-", ")"), (".", 31, "punct", "PUNCT", ".", ".")])

# ../shared/wild/bbc_politics_112.txt
HALF_THOSE_SURVEYED = Parse(
    "A majority of voters (68%) believe the prime minister has been damaged by the row over David Blunkett's "
    "involvement in a visa application, a poll suggests.\n\nBut nearly half those surveyed said Mr Blunkett should "
    "return to Cabinet if Labour won the next election.",
    [("A", 1, "det", "DET", "DT", "a"), ("majority", 8, "nsubj", "NOUN", "NN", "majority"),
     ("of", 1, "prep", "ADP", "IN", "of"), ("voters", 2, "pobj", "NOUN", "NNS", "voter"),
     ("(", 3, "punct", "PUNCT", "-LRB-", "("), ("68", 6, "nummod", "NUM", "CD", "68"),
     ("%", 3, "appos", "NOUN", "NN", "%"), (")", 1, "punct", "PUNCT", "-RRB-", ")"),
     ("believe", 30, "ccomp", "VERB", "VBP", "believe"), ("the", 11, "det", "DET", "DT", "the"),
     ("prime", 11, "amod", "ADJ", "JJ", "prime"), ("minister", 14, "nsubjpass", "NOUN", "NN", "minister"),
     ("has", 14, "aux", "AUX", "VBZ", "have"), ("been", 14, "auxpass", "AUX", "VBN", "be"),
     ("damaged", 8, "ccomp", "VERB", "VBN", "damage"), ("by", 14, "agent", "ADP", "IN", "by"),
     ("the", 17, "det", "DET", "DT", "the"), ("row", 15, "pobj", "NOUN", "NN", "row"),
     ("over", 17, "prep", "ADP", "IN", "over"), ("David", 20, "compound", "PROPN", "NNP", "David"),
     ("Blunkett", 22, "poss", "PROPN", "NNP", "Blunkett"), ("'s", 20, "case", "PART", "POS", "'s"),
     ("involvement", 18, "pobj", "NOUN", "NN", "involvement"), ("in", 22, "prep", "ADP", "IN", "in"),
     ("a", 26, "det", "DET", "DT", "a"), ("visa", 26, "compound", "NOUN", "NN", "visa"),
     ("application", 23, "pobj", "NOUN", "NN", "application"), (",", 30, "punct", "PUNCT", ",", ","),
     ("a", 29, "det", "DET", "DT", "a"), ("poll", 30, "nsubj", "NOUN", "NN", "poll"),
     ("suggests", 30, "ROOT", "VERB", "VBZ", "suggest"), (".", 30, "punct", "PUNCT", ".", "."),
     ("\n\n", 31, "dep", "SPACE", "_SP", "\n\n"), ("But", 38, "cc", "CCONJ", "CC", "but"),
     ("nearly", 35, "advmod", "ADV", "RB", "nearly"), ("half", 36, "predet", "DET", "PDT", "half"),
     ("those", 38, "nsubj", "PRON", "DT", "those"), ("surveyed", 36, "acl", "VERB", "VBN", "survey"),
     ("said", 38, "ROOT", "VERB", "VBD", "say"), ("Mr", 40, "compound", "PROPN", "NNP", "Mr"),
     ("Blunkett", 42, "nsubj", "PROPN", "NNP", "Blunkett"), ("should", 42, "aux", "AUX", "MD", "should"),
     ("return", 38, "ccomp", "VERB", "VB", "return"), ("to", 42, "prep", "ADP", "IN", "to"),
     ("Cabinet", 43, "pobj", "PROPN", "NNP", "Cabinet"), ("if", 47, "mark", "SCONJ", "IN", "if"),
     ("Labour", 47, "nsubj", "PROPN", "NNP", "Labour"), ("won", 42, "advcl", "VERB", "VBD", "win"),
     ("the", 50, "det", "DET", "DT", "the"), ("next", 50, "amod", "ADJ", "JJ", "next"),
     ("election", 47, "dobj", "NOUN", "NN", "election"), (".", 38, "punct", "PUNCT", ".", ".")])

# corpus/000_0e367b13c3205465.txt
AND_HALF_SAID = Parse(
    "Two-thirds of respondents said mobile’s growth has a significant impact on driving sales. and half said they "
    "have built a “mobile-first” environment.",
    [("Two", 2, "nummod", "NUM", "CD", "two"), ("-", 2, "punct", "PUNCT", "HYPH", "-"),
     ("thirds", 5, "nsubj", "NOUN", "NNS", "third"), ("of", 2, "prep", "ADP", "IN", "of"),
     ("respondents", 3, "pobj", "NOUN", "NNS", "respondent"), ("said", 5, "ROOT", "VERB", "VBD", "say"),
     ("mobile", 8, "poss", "NOUN", "NN", "mobile"), ("’s", 6, "case", "PART", "POS", "’s"),
     ("growth", 9, "nsubj", "NOUN", "NN", "growth"), ("has", 5, "ccomp", "VERB", "VBZ", "have"),
     ("a", 12, "det", "DET", "DT", "a"), ("significant", 12, "amod", "ADJ", "JJ", "significant"),
     ("impact", 9, "dobj", "NOUN", "NN", "impact"), ("on", 12, "prep", "ADP", "IN", "on"),
     ("driving", 13, "pcomp", "VERB", "VBG", "drive"), ("sales", 14, "dobj", "NOUN", "NNS", "sale"),
     (".", 5, "punct", "PUNCT", ".", "."), ("and", 19, "cc", "CCONJ", "CC", "and"),
     ("half", 19, "nsubj", "NOUN", "NN", "half"), ("said", 19, "ROOT", "VERB", "VBD", "say"),
     ("they", 22, "nsubj", "PRON", "PRP", "they"), ("have", 22, "aux", "AUX", "VBP", "have"),
     ("built", 19, "ccomp", "VERB", "VBN", "build"), ("a", 29, "det", "DET", "DT", "a"),
     ("“", 29, "punct", "PUNCT", "``", "\""), ("mobile", 27, "amod", "ADJ", "JJ", "mobile"),
     ("-", 27, "punct", "PUNCT", "HYPH", "-"), ("first", 29, "amod", "ADJ", "JJ", "first"),
     ("”", 29, "punct", "PUNCT", "''", "\""), ("environment", 22, "dobj", "NOUN", "NN", "environment"),
     (".", 19, "punct", "PUNCT", ".", ".")])

# ../shared/dev2/dev2_pub_23_ipsos_mori_veracity_politicians.txt: the first share's group ('the public', a singular
# noun no plural mention holds) is what the next sentence's figure carries; left to the plural mentions, it would
# take 'politicians', whom the public was asked about.
PUBLIC_TRUSTED = Parse(
    "Public trust in politicians has always been low: at no point since 1983 have more than a quarter of the public "
    "ever trusted politicians to tell the truth. The lowest trust score was recorded in 2009 in the wake of the "
    "expenses scandal, when only 13% said they trusted politicians.",
    [('Public', 1, 'amod', 'ADJ', 'JJ', 'public'), ('trust', 6, 'nsubj', 'NOUN', 'NN', 'trust'),
     ('in', 1, 'prep', 'ADP', 'IN', 'in'), ('politicians', 2, 'pobj', 'NOUN', 'NNS', 'politician'),
     ('has', 6, 'aux', 'AUX', 'VBZ', 'have'), ('always', 6, 'advmod', 'ADV', 'RB', 'always'),
     ('been', 14, 'ccomp', 'AUX', 'VBN', 'be'), ('low', 6, 'acomp', 'ADJ', 'JJ', 'low'),
     (':', 14, 'punct', 'PUNCT', ':', ':'), ('at', 14, 'prep', 'ADP', 'IN', 'at'),
     ('no', 11, 'det', 'DET', 'DT', 'no'), ('point', 9, 'pobj', 'NOUN', 'NN', 'point'),
     ('since', 11, 'prep', 'SCONJ', 'IN', 'since'), ('1983', 12, 'pobj', 'NUM', 'CD', '1983'),
     ('have', 23, 'aux', 'AUX', 'VBP', 'have'), ('more', 17, 'amod', 'ADJ', 'JJR', 'more'),
     ('than', 17, 'quantmod', 'ADP', 'IN', 'than'), ('a', 18, 'quantmod', 'DET', 'DT', 'a'),
     ('quarter', 23, 'nsubj', 'NOUN', 'NN', 'quarter'), ('of', 18, 'prep', 'ADP', 'IN', 'of'),
     ('the', 21, 'det', 'DET', 'DT', 'the'), ('public', 19, 'pobj', 'NOUN', 'NN', 'public'),
     ('ever', 23, 'advmod', 'ADV', 'RB', 'ever'), ('trusted', 23, 'ROOT', 'VERB', 'VBD', 'trust'),
     ('politicians', 23, 'dobj', 'NOUN', 'NNS', 'politician'), ('to', 26, 'aux', 'PART', 'TO', 'to'),
     ('tell', 23, 'xcomp', 'VERB', 'VB', 'tell'), ('the', 28, 'det', 'DET', 'DT', 'the'),
     ('truth', 26, 'dobj', 'NOUN', 'NN', 'truth'), ('.', 23, 'punct', 'PUNCT', '.', '.'),
     ('The', 33, 'det', 'DET', 'DT', 'the'), ('lowest', 33, 'amod', 'ADJ', 'JJS', 'low'),
     ('trust', 33, 'compound', 'NOUN', 'NN', 'trust'), ('score', 35, 'nsubjpass', 'NOUN', 'NN', 'score'),
     ('was', 35, 'auxpass', 'AUX', 'VBD', 'be'), ('recorded', 35, 'ROOT', 'VERB', 'VBN', 'record'),
     ('in', 35, 'prep', 'ADP', 'IN', 'in'), ('2009', 36, 'pobj', 'NUM', 'CD', '2009'),
     ('in', 35, 'prep', 'ADP', 'IN', 'in'), ('the', 40, 'det', 'DET', 'DT', 'the'),
     ('wake', 38, 'pobj', 'NOUN', 'NN', 'wake'), ('of', 40, 'prep', 'ADP', 'IN', 'of'),
     ('the', 44, 'det', 'DET', 'DT', 'the'), ('expenses', 44, 'compound', 'NOUN', 'NNS', 'expense'),
     ('scandal', 41, 'pobj', 'NOUN', 'NN', 'scandal'), (',', 44, 'punct', 'PUNCT', ',', ','),
     ('when', 50, 'advmod', 'SCONJ', 'WRB', 'when'), ('only', 48, 'advmod', 'ADV', 'RB', 'only'),
     ('13', 49, 'nummod', 'NUM', 'CD', '13'), ('%', 50, 'nsubj', 'NOUN', 'NN', '%'),
     ('said', 35, 'advcl', 'VERB', 'VBD', 'say'), ('they', 52, 'nsubj', 'PRON', 'PRP', 'they'),
     ('trusted', 50, 'ccomp', 'VERB', 'VBD', 'trust'), ('politicians', 52, 'dobj', 'NOUN', 'NNS', 'politician'),
     ('.', 35, 'punct', 'PUNCT', '.', '.')])

# ../shared/dev3/dev3_pub_04_kantar_young_people_definitely_vote.txt
REGISTRATIONS = Parse(
    "98% of these registrations were made online.",
    [("98", 1, "nummod", "NUM", "CD", "98"), ("%", 6, "nsubjpass", "NOUN", "NN", "%"),
     ("of", 1, "prep", "ADP", "IN", "of"), ("these", 4, "det", "DET", "DT", "these"),
     ("registrations", 2, "pobj", "NOUN", "NNS", "registration"), ("were", 6, "auxpass", "AUX", "VBD", "be"),
     ("made", 6, "ROOT", "VERB", "VBN", "make"), ("online", 6, "oprd", "ADV", "RB", "online"),
     (".", 6, "punct", "PUNCT", ".", ".")])

# corpus/003_1ae7d22dafb90b3a.txt: VERY_EFFECTIVE and the paragraph after it
BOTH_GROUPS = Parse(
    VERY_EFFECTIVE.text + (
        "\n\nHowever, both groups believe that marketing is primarily responsible for customer experience (75% and "
        "71%, respectively) — even though research from Merkle indicates that IT professionals may disagree with "
        "this designation."),
    VERY_EFFECTIVE.rows + [
        ("\n\n", 40, "dep", "SPACE", "_SP", "\n\n"), ("However", 46, "advmod", "ADV", "RB", "however"),
        (",", 46, "punct", "PUNCT", ",", ","), ("both", 45, "det", "DET", "DT", "both"),
        ("groups", 46, "nsubj", "NOUN", "NNS", "group"), ("believe", 46, "ROOT", "VERB", "VBP", "believe"),
        ("that", 49, "mark", "SCONJ", "IN", "that"), ("marketing", 49, "nsubj", "NOUN", "NN", "marketing"),
        ("is", 46, "ccomp", "AUX", "VBZ", "be"), ("primarily", 51, "advmod", "ADV", "RB", "primarily"),
        ("responsible", 49, "acomp", "ADJ", "JJ", "responsible"), ("for", 51, "prep", "ADP", "IN", "for"),
        ("customer", 54, "compound", "NOUN", "NN", "customer"), ("experience", 52, "pobj", "NOUN", "NN", "experience"),
        ("(", 54, "punct", "PUNCT", "-LRB-", "("), ("75", 57, "nummod", "NUM", "CD", "75"),
        ("%", 54, "appos", "NOUN", "NN", "%"), ("and", 57, "cc", "CCONJ", "CC", "and"),
        ("71", 60, "nummod", "NUM", "CD", "71"), ("%", 57, "conj", "NOUN", "NN", "%"),
        (",", 60, "punct", "PUNCT", ",", ","), ("respectively", 54, "advmod", "ADV", "RB", "respectively"),
        (")", 54, "punct", "PUNCT", "-RRB-", ")"), ("—", 49, "punct", "PUNCT", ":", "—"),
        ("even", 70, "advmod", "ADV", "RB", "even"), ("though", 70, "mark", "SCONJ", "IN", "though"),
        ("research", 70, "nsubj", "NOUN", "NN", "research"), ("from", 67, "prep", "ADP", "IN", "from"),
        ("Merkle", 68, "pobj", "PROPN", "NNP", "Merkle"), ("indicates", 46, "advcl", "VERB", "VBZ", "indicate"),
        ("that", 75, "mark", "SCONJ", "IN", "that"), ("IT", 73, "compound", "PROPN", "NNP", "IT"),
        ("professionals", 75, "nsubj", "NOUN", "NNS", "professional"), ("may", 75, "aux", "AUX", "MD", "may"),
        ("disagree", 70, "ccomp", "VERB", "VB", "disagree"), ("with", 75, "prep", "ADP", "IN", "with"),
        ("this", 78, "det", "DET", "DT", "this"), ("designation", 76, "pobj", "NOUN", "NN", "designation"),
        (".", 46, "punct", "PUNCT", ".", ".")])

# ../shared/dev3/dev3_pub_05_comres_newsbeat_18_24.txt
IN_CONTRAST_TO = Parse(
    "33% of young people are concerned about keeping the cost of living down, compared to 23% of the population. "
    "And although controlling immigration comes in third, that’s with 28% thinking it’s top-three priority, in "
    "contrast to 49% of the general public.",
    [("33", 1, "nummod", "NUM", "CD", "33"), ("%", 5, "nsubj", "NOUN", "NN", "%"),
     ("of", 1, "prep", "ADP", "IN", "of"), ("young", 4, "amod", "ADJ", "JJ", "young"),
     ("people", 2, "pobj", "NOUN", "NNS", "people"), ("are", 5, "ROOT", "AUX", "VBP", "be"),
     ("concerned", 5, "acomp", "ADJ", "JJ", "concerned"), ("about", 6, "prep", "ADP", "IN", "about"),
     ("keeping", 7, "pcomp", "VERB", "VBG", "keep"), ("the", 10, "det", "DET", "DT", "the"),
     ("cost", 8, "dobj", "NOUN", "NN", "cost"), ("of", 10, "prep", "ADP", "IN", "of"),
     ("living", 11, "pcomp", "VERB", "VBG", "live"), ("down", 12, "prt", "ADV", "RB", "down"),
     (",", 5, "punct", "PUNCT", ",", ","), ("compared", 5, "prep", "VERB", "VBN", "compare"),
     ("to", 15, "prep", "ADP", "IN", "to"), ("23", 18, "nummod", "NUM", "CD", "23"),
     ("%", 16, "pobj", "NOUN", "NN", "%"), ("of", 18, "prep", "ADP", "IN", "of"),
     ("the", 21, "det", "DET", "DT", "the"), ("population", 19, "pobj", "NOUN", "NN", "population"),
     (".", 5, "punct", "PUNCT", ".", "."), ("And", 32, "cc", "CCONJ", "CC", "and"),
     ("although", 27, "mark", "SCONJ", "IN", "although"), ("controlling", 26, "amod", "VERB", "VBG", "control"),
     ("immigration", 27, "nsubj", "NOUN", "NN", "immigration"), ("comes", 32, "advcl", "VERB", "VBZ", "come"),
     ("in", 27, "prep", "ADP", "IN", "in"), ("third", 28, "amod", "ADJ", "JJ", "third"),
     (",", 32, "punct", "PUNCT", ",", ","), ("that", 32, "nsubj", "PRON", "DT", "that"),
     ("’s", 32, "ROOT", "VERB", "VBP", "’s"), ("with", 32, "prep", "ADP", "IN", "with"),
     ("28", 35, "nummod", "NUM", "CD", "28"), ("%", 36, "nsubj", "NOUN", "NN", "%"),
     ("thinking", 33, "pcomp", "VERB", "VBG", "think"), ("it", 38, "nsubj", "PRON", "PRP", "it"),
     ("’s", 36, "ccomp", "VERB", "VBZ", "’"), ("top", 41, "amod", "ADV", "RB", "top"),
     ("-", 41, "punct", "PUNCT", "HYPH", "-"), ("three", 42, "nummod", "NUM", "CD", "three"),
     ("priority", 38, "attr", "NOUN", "NN", "priority"), (",", 32, "punct", "PUNCT", ",", ","),
     ("in", 32, "prep", "ADP", "IN", "in"), ("contrast", 44, "pobj", "NOUN", "NN", "contrast"),
     ("to", 45, "prep", "ADP", "IN", "to"), ("49", 48, "nummod", "NUM", "CD", "49"),
     ("%", 46, "pobj", "NOUN", "NN", "%"), ("of", 48, "prep", "ADP", "IN", "of"),
     ("the", 52, "det", "DET", "DT", "the"), ("general", 52, "amod", "ADJ", "JJ", "general"),
     ("public", 49, "pobj", "NOUN", "NN", "public"), (".", 32, "punct", "PUNCT", ".", ".")])

# ../shared/dev2/dev2_mkt_02_boathouse_ceo_study.txt
THAT_WAS_UP = Parse(
    "Nearly half (49%) of the surveyed CEOs rated the performance of their marketing function as Best in Class. "
    "That was up from 24% in the 2022 edition of the survey.",
    [("Nearly", 1, "advmod", "ADV", "RB", "nearly"), ("half", 10, "nsubj", "NOUN", "NN", "half"),
     ("(", 1, "punct", "PUNCT", "-LRB-", "("), ("49", 4, "nummod", "NUM", "CD", "49"),
     ("%", 1, "appos", "NOUN", "NN", "%"), (")", 1, "punct", "PUNCT", "-RRB-", ")"),
     ("of", 1, "prep", "ADP", "IN", "of"), ("the", 9, "det", "DET", "DT", "the"),
     ("surveyed", 9, "amod", "VERB", "VBN", "survey"), ("CEOs", 6, "pobj", "NOUN", "NNS", "ceo"),
     ("rated", 10, "ROOT", "VERB", "VBD", "rat"), ("the", 12, "det", "DET", "DT", "the"),
     ("performance", 10, "dobj", "NOUN", "NN", "performance"), ("of", 12, "prep", "ADP", "IN", "of"),
     ("their", 16, "poss", "PRON", "PRP$", "their"), ("marketing", 16, "compound", "NOUN", "NN", "marketing"),
     ("function", 13, "pobj", "NOUN", "NN", "function"), ("as", 18, "advmod", "ADP", "IN", "as"),
     ("Best", 10, "advmod", "PROPN", "NNP", "Best"), ("in", 18, "prep", "ADP", "IN", "in"),
     ("Class", 19, "pobj", "PROPN", "NNP", "Class"), (".", 10, "punct", "PUNCT", ".", "."),
     ("That", 23, "nsubj", "PRON", "DT", "that"), ("was", 23, "ROOT", "AUX", "VBD", "be"),
     ("up", 23, "advmod", "ADV", "RB", "up"), ("from", 24, "prep", "ADP", "IN", "from"),
     ("24", 27, "nummod", "NUM", "CD", "24"), ("%", 25, "pobj", "NOUN", "NN", "%"),
     ("in", 25, "prep", "ADP", "IN", "in"), ("the", 31, "det", "DET", "DT", "the"),
     ("2022", 31, "nummod", "NUM", "CD", "2022"), ("edition", 28, "pobj", "NOUN", "NN", "edition"),
     ("of", 31, "prep", "ADP", "IN", "of"), ("the", 34, "det", "DET", "DT", "the"),
     ("survey", 32, "pobj", "NOUN", "NN", "survey"), (".", 23, "punct", "PUNCT", ".", ".")])


VERY = "Those with very effective working relationships"
MARKETERS = "marketers in very effective relationships with IT"
ONLY_EFFECTIVE = "those with only “effective” relationships"

# One case per step, in the order of STEPS.
CASES = [
    StepCase("subsample_frame", SUBSAMPLES, [(26, 27, 26.0, "numeric"), (28, 30, 24.0, "numeric")],
             [("share", "CIOs/VPs of IT"), ("share", "corporate managers")], sentences=[(0, 20), (20, 31)],
             populations=[(3, 7), (9, 14), (16, 18)]),
    StepCase("remember_respondents", RESPONDENTS_WERE, [(13, 15, 73.0, "numeric")], [("respondent",)], read=("group",),
             sentences=[(0, 13), (13, 19)]),
    StepCase("figure_kinds", ECONOMY_GREW, [(6, 8, 6.9, "numeric")], [("other", None)]),
    StepCase("stated_groups", VISITORS_TO, [(4, 6, 86.0, "numeric")], [("visitors to the Library",)], read=("group",)),
    StepCase("statements", SAY_IS, [(1, 3, 44.0, "numeric")], [("hospital employment of physicians is a positive",)],
             read=("statement",)),
    StepCase("times", ECONOMY_GREW, [(6, 8, 6.9, "numeric")], [("2004",)], read=("time",)),
    StepCase("share_changes", INCREASE_FROM, [(5, 8, 89.0, "numeric"), (16, 19, 41.0, "numeric")],
             [("share", "teenagers"), ("point_change", "teenagers")]),
    StepCase("earlier_values", COMPARED_TO_2012, [(0, 2, 33.0, "numeric"), (11, 13, 48.0, "numeric")],
             [("share", "independent practice owners or partners", None),
              ("share", "independent practice owners or partners", "2012")], read=("kind", "group", "time")),
    StepCase("kind_from_neighbours", INCLUDING, [(3, 5, 85.0, "numeric"), (17, 19, 42.0, "numeric")],
             [("share", "companies"), ("share", "companies")]),
    StepCase("remember_sentence_share", NOW_THE_FIGURE, [(3, 5, 4.0, "numeric"), (25, 27, 14.0, "numeric")],
             [("share", "people in the UK"), ("share", "people in the UK")], sentences=[(0, 21), (21, 28)]),
    StepCase("range_kinds", RANGE_ALLOCATED,
             [(1, 3, 24.0, "numeric"), (7, 8, 6.0, "range_low"), (9, 11, 10.0, "range_high")],
             [("share", "agencies"), ("other", None), ("other", None)]),
    StepCase("elliptic_groups", VERY_EFFECTIVE,
             [(19, 21, 83.0, "numeric"), (25, 27, 51.0, "numeric"),
              (34, 36, 67.0, "numeric"), (37, 39, 26.0, "numeric")],
             [(VERY,), ("effective",), (VERY,), ("effective",)], read=("group",)),
    StepCase("respectively", DOWN_FROM_RESPECTIVELY,
             [(7, 9, 60.0, "numeric"), (14, 16, 49.0, "numeric"), (32, 34, 68.0, "numeric"), (35, 37, 55.0, "numeric")],
             [("share", "tech management executives", None), ("share", "marketers", None),
              ("share", "tech management executives", "2013"), ("share", "marketers", "2013")],
             read=("kind", "group", "time")),
    StepCase("pairs", MORE_LIKELY_THAN, [(33, 35, 54.0, "numeric"), (36, 38, 26.0, "numeric")],
             [("Consumers who use mobile wallets",), ("non-users",)], read=("group",)),
    StepCase("point_changes", DIFFERENCES_GROWN,
             [(7, 9, 15.0, "numeric", "points"), (12, 14, 36.0, "numeric", "points")],
             [(None, None), (None, None)], read=("group", "time")),
    StepCase("frame_from_comparison", THEY_ARE_MORE_LIKELY,
             [(47, 49, 65.0, "numeric"), (50, 52, 36.0, "numeric"),
              (58, 60, 58.0, "numeric"), (61, 63, 34.0, "numeric")],
             [(MARKETERS,), (ONLY_EFFECTIVE,), (MARKETERS,), (ONLY_EFFECTIVE,)], read=("group",),
             sentences=[(0, 30), (30, 65)]),
    StepCase("subject_groups", HALF_THOSE_SURVEYED, [(5, 7, 68.0, "numeric"), (35, 36, 50.0, "fraction")],
             [("voters",), ("those surveyed",)], read=("group",), sentences=[(0, 33), (33, 52)]),
    StepCase("subject_groups", BANDED_SUBJECT, [(19, 21, 57.0, "numeric")], [("voters 65 and older",)], read=("group",),
             sentences=[(0, 8), (8, 26)], populations=((4, 5),)),
    StepCase("subject_groups", BANDED_MAIN_SUBJECT, [(19, 21, 45.0, "numeric")], [("Voters aged 18-24",)],
             read=("group",), sentences=[(0, 8), (8, 22)], populations=((4, 5),)),
    StepCase("carry_mentions", AND_HALF_SAID, [(0, 3, 66.7, "fraction"), (18, 19, 50.0, "fraction")],
             [("respondents",), ("respondents",)], read=("group",)),
    StepCase("remember_share_groups", PUBLIC_TRUSTED, [(17, 19, 25.0, "fraction"), (48, 50, 13.0, "numeric")],
             [("public",), ("public",)], read=("group",), sentences=[(0, 30), (30, 55)]),
    StepCase("others_keep_no_group", REGISTRATIONS, [(0, 2, 98.0, "numeric")], [("other", None, None)],
             read=("kind", "group", "statement")),
    StepCase("pair_frame", BOTH_GROUPS,
             [(19, 21, 83.0, "numeric"), (25, 27, 51.0, "numeric"),
              (34, 36, 67.0, "numeric"), (37, 39, 26.0, "numeric"),
              (56, 58, 75.0, "numeric"), (59, 61, 71.0, "numeric")],
             [(VERY,), ("effective",), (VERY,), ("effective",), (VERY,), ("effective",)], read=("group",),
             sentences=[(0, 42), (42, 80)]),
    StepCase("base_in_force", IN_CONTRAST_TO,
             [(0, 2, 33.0, "numeric"), (17, 19, 23.0, "numeric"), (34, 36, 28.0, "numeric"), (47, 49, 49.0, "numeric")],
             [("young people",), ("population",), ("young people",), ("general public",)], read=("group",),
             sentences=[(0, 23), (23, 54)]),
    StepCase("remember_previous_groups", THAT_WAS_UP, [(3, 5, 49.0, "numeric"), (26, 28, 24.0, "numeric")],
             [("share", "CEOs"), ("share", "CEOs")], sentences=[(0, 22), (22, 36)]),
]


def read(vocab, lex, case: StepCase, steps=None) -> list[tuple]:
    doc = build(vocab, case.parse.rows, case.figures, text=case.parse.text)
    return readings(doc, lex, read=case.read, sentences=case.sentences, populations=case.populations, steps=steps)


@pytest.mark.parametrize("case", CASES, ids=[c.step for c in CASES])
def test_group_linking_reads_each_case(vocab, lex, case: StepCase) -> None:
    assert read(vocab, lex, case) == case.expected


@pytest.mark.parametrize("case", CASES, ids=[c.step for c in CASES])
def test_group_linking_each_case_is_decided_by_its_step(vocab, lex, case: StepCase) -> None:
    assert read(vocab, lex, case, tuple(s for s in STEPS if s.name != case.step)) != case.expected


def test_group_linking_every_step_has_a_case() -> None:
    assert {c.step for c in CASES} == {s.name for s in STEPS}


def test_group_linking_steps_are_named_as_their_functions() -> None:
    assert [s.name for s in STEPS] == [s.run.__name__ for s in STEPS]
    assert len({s.name for s in STEPS}) == len(STEPS)


# What a step may change of an Assignment only through its methods (state.py), which keep the flags in step.
GUARDED = frozenset({"kind", "group", "resolved", "kind_by_default", "of_thing", "elliptic"})


def test_group_steps_change_an_assignment_only_through_its_methods() -> None:
    package = Path(extract.groups.__file__).parent
    written = []
    for path in sorted(package.glob("*.py")):
        if path.name == "state.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                for t in ast.walk(target):
                    # span._.kind = ... sets the spaCy attribute from the assignment; it is not a step's write
                    if isinstance(t, ast.Attribute) and t.attr in GUARDED and not (
                            isinstance(t.value, ast.Attribute) and t.value.attr == "_"):
                        written.append(f"{path.name}:{t.lineno} .{t.attr}")
    assert written == []
