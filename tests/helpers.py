"""What tests share besides fixtures: the project's paths, hand-built parses and the readings of the group steps
on them, reading JSONL, and the review page parsed. Tests import these from here (``from .helpers import ...``,
``from ..helpers import ...`` in a sub-folder), never from conftest.py or from another test file; fixtures stay
in conftest.py. Nothing here loads the English model."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

from extract.groups import STEPS, Assignment, GroupRules, assign_groups
from extract.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = sorted(CORPUS.glob("*.txt"))

# Headless Chromium and its driver, from Debian, for the review page's browser tests.
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")

# A hand-built parse row: (word, head, dep, pos, tag, lemma), heads as absolute token indices.
Row = tuple[str, int, str, str, str, str]
NO_SPACE_BEFORE = (",", ".", ":", ";", ")", "%", "+", "-")


def parsed_doc(vocab, rows: list[Row], text: str | None = None) -> Doc:
    """A Doc with the parse written out by hand. With ``text``, the words are spaced as they are there, so that
    the readers of raw text see the real sentence; else no space goes before punctuation, '%' or '+', nor
    around '-'."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows))
    if text is not None:
        spaces = spaces_in(text, words)
    else:
        spaces = [not (nxt in NO_SPACE_BEFORE or word in ("(", "-")) for word, nxt in zip(words, words[1:] + [""])]
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def spaces_in(text: str, words: list[str]) -> list[bool]:
    """Whether a space follows each word in ``text``, which the words must spell out in order."""
    spaces, at = [], 0
    for word in words:
        assert text.startswith(word, at), f"{word!r} is not at {at} of {text!r}"
        at += len(word)
        spaces.append(text.startswith(" ", at))
        at += spaces[-1]
    assert at == len(text), f"the words end at {at} of {len(text)}"
    return spaces


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_paragraphs() -> list[str]:
    """Every non-empty paragraph of every corpus article, in file order: texts for model-level checks."""
    return [p for path in sorted(CORPUS.rglob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def reload_without(nlp, path: Path, name: str, word: str):
    """``nlp`` saved to ``path``, ``word`` taken out of the list ``name`` in the saved lexicon (its owner's,
    the only one saved), and loaded again."""
    nlp.to_disk(path)
    saved = path / "survey_percentages" / "lexicon.json"
    assert not (path / "survey_groups" / "lexicon.json").exists()  # one lexicon, its owner's
    lists = json.loads(saved.read_text(encoding="utf-8"))
    lists[name]["words"].remove(word)
    saved.write_text(json.dumps(lists), encoding="utf-8")
    return spacy.load(path)


def build(vocab, rows: list[Row], figures: list[tuple] = (), text: str | None = None) -> Doc:
    """A parsed Doc with percentage spans as survey_percentages would set them: (start, end, value, form), and a
    unit other than 'percent' as a fifth item. ``text`` spaces the words as the real sentence does."""
    doc = parsed_doc(vocab, rows, text)
    spans = []
    for start, end, value, form, *unit in figures:
        span = Span(doc, start, end)
        span._.value, span._.form, span._.kind, span._.bound = value, form, "share", "exact"
        span._.unit = unit[0] if unit else "percent"
        spans.append(span)
    doc.spans["survey_percentages"] = spans
    return doc


def readings(doc: Doc, lex: Lexicon, *, read: tuple[str, ...] = ("kind", "group"), sentences: list | None = None,
             populations: list[tuple[int, int]] = (), steps=None, survey: bool = True) -> list[tuple]:
    """For each figure, the fields ``read`` of its Assignment (a span as its text; an 'other' has no group), as
    the steps (all of ``STEPS`` unless given) link them over ``sentences`` (the whole doc unless given).
    ``populations`` are the populations of the article's sample sizes; without them, ``survey`` puts the doc in
    an article that reports a survey, as every row's article does, through a sample size with no population."""
    samples = []
    for s, e in populations:
        sample = Span(doc, s, e)
        sample._.population = Span(doc, s, e)
        samples.append(sample)
    if survey and not samples:
        samples = [Span(doc, 0, 1)]
    state = assign_groups(doc, list(doc.spans["survey_percentages"]), sentences or [(0, len(doc))], samples,
                          GroupRules(lex), STEPS if steps is None else steps)

    def field(a: Assignment, name: str):
        value = None if name == "group" and a.kind == "other" else getattr(a, name)
        return doc[value[0]:value[1]].text if isinstance(value, tuple) else value
    return [tuple(field(a, name) for name in read) for a in state.assignments]


def groups_of(doc: Doc, lex: Lexicon, *, survey: bool = True) -> list[tuple[str, str | None]]:
    """Kinds and groups as the steps link them, the doc one sentence (see ``readings``)."""
    return readings(doc, lex, survey=survey)


def cpu_per_item(work, n: int, rounds: int = 2) -> float:
    """CPU seconds of this process per item of ``work(n)``, the best of a few rounds: only ever compared with
    another such figure of the same test (scale tests), so that another job on the machine moves it less."""
    import time

    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work(n)
        best = min(best, time.process_time() - start)
    return best / n


def figure_span(doc: Doc, text: str) -> Span:
    """The first percentage span written ``text``."""
    return next(s for s in doc.spans["survey_percentages"] if s.text == text)


def kind_and_group(doc: Doc, text: str) -> tuple[str, str | None]:
    """The kind and the group's text (None without one) of the first percentage written ``text``."""
    span = figure_span(doc, text)
    return span._.kind, span._.group.text if span._.group is not None else None


def figure_groups(doc: Doc) -> dict[str, str | None]:
    """Each percentage's text and its group's text (None without one), for tables of real phrasings."""
    return {s.text: s._.group.text if s._.group is not None else None for s in doc.spans["survey_percentages"]}


class Page(HTMLParser):
    """The review page as parsed: marks inside each article template, with their text; every element seen; the
    data block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc: str | None = None
        self.marks: list[dict] = []
        self.stack: list[dict] = []
        self.tags: list[tuple[str, str | None]] = []
        self.scripts: list[dict] = []
        self.metas: list[dict] = []
        self.urls: list[str] = []
        self.template_text: dict[str, list[str]] = {}
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, self.doc))
        self.urls += [v for k, v in attrs if k in ("src", "href", "action", "data", "poster") and v]
        if tag == "template":
            self.doc = a["data-doc"]
            self.template_text[self.doc] = []
        elif tag == "mark" and self.doc is not None:
            m = {"doc": self.doc, **a, "text": ""}
            self.marks.append(m)
            self.stack.append(m)
        elif tag == "script":
            self._script = {**a, "text": ""}
            self.scripts.append(self._script)
        elif tag == "meta":
            self.metas.append(a)

    def handle_endtag(self, tag):
        if tag == "template":
            self.doc = None
        elif tag == "mark" and self.stack:
            self.stack.pop()
        elif tag == "script":
            self._script = None

    def handle_data(self, data):
        for m in self.stack:
            m["text"] += data
        if self.doc is not None:
            self.template_text[self.doc].append(data)
        if self._script is not None:
            self._script["text"] += data


def parse(html: str) -> Page:
    """The review page's HTML, parsed (not grepped)."""
    page = Page()
    page.feed(html)
    return page
