"""Read the article sentence by sentence and run on each sentence the steps of ``STEPS``, in order: the whole
sequence, what the reader remembers included, is that one table. Each step takes ``(state, sent, members)``:
the shared ``GroupState``, the sentence, and the indices of its figures in ``state.figures``. A step marked
``every_sentence`` keeps the reader's memory and runs on every sentence read; the others run on sentences with
figures. The order matters: later steps only fill what the earlier ones left open, and some read what earlier
ones decided (kinds, groups, the frame, the memory)."""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable, NamedTuple, Optional

from spacy.tokens import Doc, Span

from .base import base_in_force
from .comparison import frame_from_comparison, subject_groups, subsample_frame
from .discourse import carry_mentions, others_keep_no_group, remember_previous_groups, remember_share_groups
from .kind import figure_kinds, kind_from_neighbours, range_kinds, remember_sentence_share, share_changes
from .mentions import find_mentions, remember_respondents
from .positional import earlier_values, elliptic_groups, pair_frame, pairs, point_changes, respectively
from .rules import GroupRules
from .stated import stated_groups, statements, times
from .state import GroupState, TokenSpan


class Step(NamedTuple):
    """One step of reading a sentence, named as its function is."""

    name: str
    run: Callable[[GroupState, Span, list[int]], None]
    every_sentence: bool = False  # memory: runs on sentences without figures too


STEPS: tuple[Step, ...] = (
    # Before the figures: what the sentence names becomes memory.
    Step("subsample_frame", subsample_frame, every_sentence=True),  # "537 CIOs/VPs of IT and 182 corporate managers"
    Step("remember_respondents", remember_respondents, every_sentence=True),  # populations, respondent nouns
    # Each figure on its own: its kind, and what the sentence states about it (steps 1-3 of the package's list).
    Step("figure_kinds", figure_kinds),  # by the first rule of KIND_RULES that decides
    Step("stated_groups", stated_groups),  # "60% of marketers", "those who say ... (48%)", "Among those who ..., 14%"
    Step("statements", statements),  # "41% said [they would]": what the group holds or does
    Step("times", times),  # "... in 2003": the period after the figure or its group
    # Kinds that figures give each other.
    Step("share_changes", share_changes),  # "..., a 5 percent decline from last year": a share's change in '%'
    Step("earlier_values", earlier_values),  # "..., up from 7% in 2003", "compared to 25% in 2012": a share too
    Step("kind_from_neighbours", kind_from_neighbours),  # no cue of its own: the kind of a confident share beside it
    Step("remember_sentence_share", remember_sentence_share),  # memory for the next sentence's neighbours
    Step("range_kinds", range_kinds),  # the two ends of a range share a kind
    # Groups by position (step 4) and by comparison (step 5).
    Step("elliptic_groups", elliptic_groups),  # "of very effective": the group named in full earlier
    Step("respectively", respectively),  # "... 68 percent and 55 percent, respectively"
    Step("pairs", pairs),  # "X% vs. Y%": the two sides of the comparison in force
    Step("point_changes", point_changes),  # a stated difference has no group; a change goes with its figure
    Step("frame_from_comparison", frame_from_comparison, every_sentence=True),  # "A are more likely than B ..."
    Step("subject_groups", subject_groups),  # a share still open: the people the sentence is about
    # Groups by discourse (step 6), then what the sentence leaves in memory.
    Step("carry_mentions", carry_mentions),  # the nearest earlier mention
    Step("remember_share_groups", remember_share_groups),  # shares' groups become mentions
    Step("others_keep_no_group", others_keep_no_group),  # an 'other' is about no one
    Step("pair_frame", pair_frame),  # the last two groups compared, for "both groups", "they"
    Step("base_in_force", base_in_force),  # the group later figures are about; contrasts are remembered
    Step("remember_previous_groups", remember_previous_groups, every_sentence=True),  # for the next sentence's "they"
)


def assign_groups(doc: Doc, figures: list[Span], sentences: list[TokenSpan], samples: list[Span],
                  rules: GroupRules, steps: tuple[Step, ...] = STEPS) -> GroupState:
    """One Assignment per figure (``state.assignments``), reading the sentences in order the way a person
    would, and the mentions they chose from (``state.mentions``). ``steps`` is ``STEPS`` but in tests that
    leave one out to see what it decides."""
    state = GroupState.start(doc, figures, sentences, samples, rules)
    starts = [s for s, _ in state.sentences]
    by_sent: dict[TokenSpan, list[int]] = {}
    for n, fig in enumerate(figures):
        bounds = _sent_of(state.sentences, starts, fig.start)
        if bounds is not None:
            by_sent.setdefault(bounds, []).append(n)
    state.mentions = find_mentions(state)
    for bounds in state.sentences:
        read_sentence(state, doc[bounds[0]:bounds[1]], by_sent.get(bounds, []), steps)
    return state


def read_sentence(state: GroupState, sent: Span, members: list[int], steps: tuple[Step, ...] = STEPS) -> None:
    """Run the steps, in order, on one sentence: all of them if it holds figures, else those that keep memory."""
    for step in steps:
        if members or step.every_sentence:
            step.run(state, sent, members)


def _sent_of(bounds: list[TokenSpan], starts: list[int], i: int) -> Optional[TokenSpan]:
    """The sentence (of ``bounds``, sorted, with their ``starts``) that holds token ``i``."""
    k = bisect_right(starts, i) - 1
    if k >= 0 and bounds[k][0] <= i < bounds[k][1]:
        return bounds[k]
    return None
