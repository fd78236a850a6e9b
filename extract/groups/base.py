"""The base in force: what a figure without a group of its own is a share of, as a reader keeps it in mind.

A reader carries the group the article's figures are about (the previous share's group, the survey's
population) from sentence to sentence. A group named only as the other side of a comparison ("33% of young
people ..., compared to 23% of the population", "in contrast to 49% of the general public") is a contrast, not a
new base: the next "26% said they were certain to vote" is still about young people. The ``base_in_force``
step, after the discourse steps, keeps that memory; ``discourse.nearest_mention``, which gives every share still
open the nearest earlier mention, passes over the contrasts while a base is in force.
"""
from __future__ import annotations

from spacy.tokens import Span

from .rules import LINK_END
from .state import GroupState

LOOK_BACK = 60  # characters before a figure searched for the comparison that introduces it


def introduced_as_counterpart(state: GroupState, fig: Span, sent: Span) -> bool:
    """Is the figure the other side of a comparison, introduced after the figure it is compared with? Read once per
    figure: the earlier-value, discourse and base steps all ask, the discourse step once per later figure."""
    def introduced() -> bool:
        before = state.text[max(sent.start_char, fig.start_char - LOOK_BACK):fig.start_char]
        return LINK_END.search(before) is not None and state.rules.counterpart_link.search(before) is not None
    return state.per_figure("introduced_as_counterpart", fig, introduced)


def base_in_force(state: GroupState, sent: Span, members: list[int]) -> None:
    """Memory: the sentence updates the base in force, which the discourse step of the sentences after it
    reads. A share's group becomes the base unless the share is a counterpart, whose group is remembered as a
    contrast (it names whom the base is compared with). The survey's population is the base before any share."""
    figures, out = state.figures, state.assignments
    if state.base is None and state.sample_populations and state.sample_populations[0][0] < sent.end:
        state.base = state.sample_populations[0]
    for n in members:
        a = out[n]
        if a.kind != "share" or a.group is None:
            continue
        if introduced_as_counterpart(state, figures[n], sent):
            if a.group != state.base:
                state.contrasts.add(a.group)
        else:
            state.base = a.group
            state.contrasts.discard(a.group)
