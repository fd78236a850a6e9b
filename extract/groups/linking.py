"""Read the article sentence by sentence and run, on each sentence with figures, the steps below in
this order. Each step takes ``(state, sent, members)``: the shared ``GroupState``, the sentence, and
the indices of its figures in ``state.figures``. The order matters: later steps only fill what the
earlier ones left open, and some read what earlier ones decided (kinds, groups, the frame)."""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Optional

from spacy.tokens import Doc, Span

from .attach import own_groups
from .base import base_in_force
from .comparison import comparison_frame, update_frame_from_comparison
from .discourse import carry_mentions
from .kind import kind_from_neighbours, range_kinds, share_changes
from .mentions import find_mentions, respondent_mentions
from .positional import earlier_values, pair_frame, pairs, point_changes, resolve_elliptic, respectively
from .rules import GroupRules
from .state import GroupState, TokenSpan

Step = Callable[[GroupState, Span, list[int]], None]

STEPS: tuple[tuple[str, Step], ...] = (
    ("syntactic", own_groups),  # 1-3: kind, time, statement and the group the sentence states per figure
    ("share_changes", share_changes),  # "..., a 5 percent decline from last year": a share's change in '%'
    ("earlier_values", earlier_values),  # "..., up from 7% in 2003", "compared to 25% in 2012": the share's counterpart
    ("neighbour_kind", kind_from_neighbours),  # no cue of its own: the kind of a confident share beside it
    ("ranges", range_kinds),  # the two ends of a range share a kind
    ("elliptic", resolve_elliptic),  # "of very effective": the group named in full earlier
    ("respectively", respectively),  # 4: "... 68 percent and 55 percent, respectively"
    ("pairs", pairs),  # 4: "X% vs. Y%"
    ("point_changes", point_changes),  # a stated difference has no group; a change goes with its figure
    ("comparison_frame", comparison_frame),  # 5: "A are more likely than B ..."; the sentence's subject
    ("discourse", carry_mentions),  # 6: the nearest earlier mention; shares become memory
    ("pair_frame", pair_frame),  # remember the last two groups compared for "both groups", "they"
    ("base_in_force", base_in_force),  # the sentence's shares update the base in force; contrasts are remembered
)


def assign_groups(doc: Doc, figures: list[Span], sentences: list[TokenSpan], samples: list[Span],
                  rules: GroupRules) -> GroupState:
    """One Assignment per figure (``state.assignments``), reading the sentences in order the way a person
    would, and the mentions they chose from (``state.mentions``)."""
    state = GroupState.start(doc, figures, sentences, samples, rules)
    starts = [s for s, _ in state.sentences]
    by_sent: dict[TokenSpan, list[int]] = {}
    for n, fig in enumerate(figures):
        bounds = _sent_of(state.sentences, starts, fig.start)
        if bounds is not None:
            by_sent.setdefault(bounds, []).append(n)
    state.mentions = find_mentions(state)
    respondents = respondent_mentions(state)
    for bounds in state.sentences:
        sent = doc[bounds[0]:bounds[1]]
        # Mentions made before this sentence become memory.
        parts = [p for p in state.sample_populations if bounds[0] <= p[0] < bounds[1]]
        if len(parts) >= 2:  # "537 CIOs/VPs of IT and 182 corporate managers": two sub-samples, a frame
            state.frame = (parts[-2], parts[-1])
        state.strong.extend(p for p in state.sample_populations if bounds[0] <= p[0] < bounds[1])
        state.strong.extend(p for p in respondents if bounds[0] <= p[0] < bounds[1])
        members = by_sent.get(bounds, [])
        if members:
            read_sentence(state, sent, members)
            out = state.assignments
            state.previous_groups = [out[n].group for n in members if out[n].kind == "share" and out[n].group]
        else:
            update_frame_from_comparison(state, sent)
            state.previous_groups = []
    return state


def read_sentence(state: GroupState, sent: Span, members: list[int]) -> None:
    """Run every step, in order, on one sentence with figures."""
    for _name, step in STEPS:
        step(state, sent, members)


def _sent_of(bounds: list[TokenSpan], starts: list[int], i: int) -> Optional[TokenSpan]:
    """The sentence (of ``bounds``, sorted, with their ``starts``) that holds token ``i``."""
    k = bisect_right(starts, i) - 1
    if k >= 0 and bounds[k][0] <= i < bounds[k][1]:
        return bounds[k]
    return None
