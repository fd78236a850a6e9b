"""Sample sizes, the words and patterns: what a sample looks like before any parse (a survey word
near a count, "n = 1,024", "a 5,000-physician survey") and the word classes the rules read, built
from the lexicon."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..lexicon import Lexicon
from ..percentages.passes import PercentPatterns
from ..textspans import find_anchors

CUE_WINDOW = 120  # characters between a survey word and a number for the sentence to be worth parsing
# A count that could be a number of respondents: "131", "1,024", "two thousand"; not "60%", "$499", "9.3".
COUNT = re.compile(
    r"""(?<![\w.,$£€¥])(?:\d{1,3}(?:,\d{3})+|\d{2,})(?![\w.,]*\s*(?:%|per\s?cent|percent))
      | \b(?:hundred|thousand|dozen)\b""", re.I | re.X)
# "(n = 1,024)", "(N=500)", "n=2,000 adults": the statistician's way of giving the base.
N_EQUALS = re.compile(r"""(?<![\w])[nN]\s*=\s*(?P<num>\d{1,3}(?:,\d{3})+|\d{2,})(?![\d,]*\d)""")
# "a 5,000-physician survey", "a 2,000-person poll": the count written into the survey's name.
COUNT_COMPOUND = r"""(?<![\w.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{2,}})-(?P<pop>[a-z]+(?:-[a-z]+)?)\s+
        (?:(?:{modes})\s+)?(?:{nouns})s?\b"""


@dataclass(frozen=True)
class Sample:
    """A sample size in token offsets (the number) with its population span."""

    start: int
    end: int
    value: int
    bound: str
    population: Optional[tuple[int, int]]


class SamplePatterns:
    """Word classes and cheap cues, built from the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.percent = lexicon.compiled(PercentPatterns)
        self.survey_verbs = lexicon.word_set("survey_verbs")
        self.survey_nouns = lexicon.word_set("survey_nouns")
        self.participles = lexicon.word_set("survey_participles")
        self.responses = lexicon.word_set("response_nouns")
        self.reporting = lexicon.word_set("reporting_verbs")
        self.months = lexicon.word_set("month_names")
        self.currency = lexicon.word_set("currency_symbols")
        self.copulas = lexicon.word_set("copula_verbs")
        self.conducting = lexicon.word_set("survey_tail_verbs") | self.survey_verbs
        self.bases = lexicon.word_set("sample_base_nouns")
        self.inclusion = lexicon.word_set("inclusion_verbs")
        self.subsample_verbs = lexicon.word_set("subsample_verbs")
        self.places = lexicon.word_set("non_respondent_count_nouns")  # "in 24 countries and five continents"
        self.not_respondents = (lexicon.word_set("non_respondent_count_nouns") | lexicon.word_set("amount_nouns")
                                | lexicon.word_set("time_nouns"))
        self.respondent_heads = lexicon.word_set("respondent_heads")
        self.taking_part = lexicon.word_set("taking_part_verbs")
        self.magnitudes = lexicon.word_set("magnitudes")
        self.words = lexicon.word_set  # the other, smaller lists, read by name where a rule needs one
        cue_words = sorted(lexicon.word_set("sample_cue_words") | self.participles, key=len, reverse=True)
        # Lower case, for find_anchors (a case-blind `re` alternation is several times slower).
        self.cue = re.compile(rf"\b(?:{'|'.join(re.escape(w.lower()) for w in cue_words)})\b")
        self.cue_starts = sorted({w.lower().split()[0] for w in cue_words})  # what every cue begins with
        self.count_compound = re.compile(COUNT_COMPOUND.format(
            modes=lexicon.alternation("survey_mode_words"), nouns=lexicon.alternation("compound_survey_nouns")), re.X)

    def cue_offsets(self, text: str) -> list[int]:
        """Offsets of survey words with a plausible count of people nearby (not a percentage, not
        money, not a year): cheap, so every sentence can be screened before any parse."""
        out = []
        for m in find_anchors(self.cue, text, self.cue_starts):
            lo, hi = max(0, m.start() - CUE_WINDOW), min(len(text), m.end() + CUE_WINDOW)
            for c in COUNT.finditer(text, lo, hi):
                digits = c.group().replace(",", "")
                if digits.isdigit() and len(digits) == 4 and digits[:2] in ("19", "20") and "," not in c.group():
                    continue  # a year
                out.append(m.start())
                break
        return out
