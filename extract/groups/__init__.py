"""Who a figure is about: the respondent group, the kind of figure, its period and statement.

Writers name the group in a handful of ways, tried in this order:
1. after the figure: "60% of marketers and IT types";
2. before it, with the figure in brackets: "those who say the relationship is very effective (48%)";
3. as the thing measured: "The percentage of respondents who said ... is 46%";
4. by position: "60 percent of A and 49 percent of B ..., down from 68 percent and 55 percent,
   respectively"; "(83% of very effective vs. 51% of effective) and ... (67% vs. 26%)";
5. by comparison: "Those in a very effective relationship are more likely than those with an
   effective relationship to ... (83% vs. 52%)", carried to "They ..." and "both groups ...";
6. not at all: "... and half said": the nearest earlier mention that names the respondents.

The order the steps run in, what the reader remembers between sentences included, is ``linking.STEPS``.
Modules: ``state`` (Assignment and the changes a step may make to it, GroupState), ``memory`` (its indexes),
``rules`` (lexicon-backed look-ups), ``mentions`` (step 0), ``kind_rules`` (the kind table, with the cues of
``kind_cues``), ``kind`` (the kind steps), ``stated`` (steps 1-3, with the families ``among``, ``answers``,
``age_bands`` and ``beside``), ``positional`` (step 4), ``comparison`` (step 5 and the frame), ``discourse``
(step 6 and anaphors), ``base`` (the base in force), ``linking`` (the driver), ``component`` (spaCy).
"""
from __future__ import annotations

from .component import FACTORY, GroupFinder, make_survey_groups
from .linking import STEPS, assign_groups
from .rules import GroupRules
from .state import Assignment, GroupState

__all__ = ["FACTORY", "STEPS", "Assignment", "GroupFinder", "GroupRules", "GroupState", "assign_groups",
           "make_survey_groups"]
