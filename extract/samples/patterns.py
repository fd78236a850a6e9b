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
    """The lexicon and the cheap cues compiled from it. A rule reads a list as
    ``patterns.lex.word_set(name)``, as the group rules read theirs: no copy is kept here under another name."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.percent = lexicon.compiled(PercentPatterns)
        cue_words = sorted(lexicon.word_set("sample_cue_words") | lexicon.word_set("survey_participles"), key=len,
                           reverse=True)
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
