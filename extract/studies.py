"""The study behind the figures: who ran it, its title, its year (first mention of each).

Needs no parse: studies are named in capitalised runs next to survey words
("the new CMO Digital Benchmark Study by the Leapfrog Marketing Institute",
"A Daily Telegraph poll", "Accenture surveyed"), which a pattern reads well.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text, register_extensions

FACTORY = "survey_studies"
DEFAULT_SPANS_KEY = "survey_studies"

# A run of capitalised words, allowing the small joining words organisations use.
_CAP = r"(?:[A-Z][\w&'\u2019.-]*|[A-Z]{2,}[\w&.-]*)"
ORG = rf"(?-i:{_CAP}(?:(?:\s+(?:of|for|and|&|on|de|the)\s+|\s+|/){_CAP}){{0,6}})"  # capitals even under re.I
SURVEY_NOUN = r"(?:survey|poll|study|report|research|questionnaire|index|census|barometer|monitor|analysis)"
SURVEY_VERB = r"(?:surveyed|polled|questioned|interviewed|queried|asked|quizzed|canvassed|found|commissioned|conducted)"
TITLE_WORDS = r"(?:Study|Survey|Report|Index|Barometer|Census|Poll|Monitor|Tracker|Outlook|Benchmark)"
NOT_ORG = frozenset({"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "Their", "Our", "However", "But",
                     "And", "In", "On", "At", "For", "According", "Meanwhile", "Also", "New", "Last", "Latest", "Recent",
                     "Globally", "Overall", "Further", "Indeed", "Still", "Now", "Mr", "Mrs", "Ms", "Dr", "January",
                     "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                     "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "BBC",
                     "UK", "US", "U.S.", "Britain", "British", "American", "European", "Europe", "Government"})

PATTERNS = {
    "title_caps": regex.compile(rf"(?P<title>(?:{_CAP}\s+){{1,6}}{TITLE_WORDS})\b"),
    "title_quoted": regex.compile(
        rf"\b{SURVEY_NOUN}\b[^.\u201c\"]{{0,40}}?[\u201c\"](?P<title>[^\u201d\"]{{4,100}}?)[\u201d\"]", regex.I),
    "org_verb": regex.compile(rf"(?P<org>{ORG})\s+{SURVEY_VERB}\b"),
    "org_by": regex.compile(
        rf"\b{SURVEY_NOUN}\b(?:\s+[\w-]+){{0,3}}?\s+(?:by|from|for|of|conducted\s+by|carried\s+out\s+by|commissioned\s+by)\s+(?:the\s+)?(?P<org>{ORG})", regex.I),
    "org_noun": regex.compile(rf"(?P<org>{ORG})(?:'s|\u2019s)?\s+(?-i:{SURVEY_NOUN}|{TITLE_WORDS}|Research)\b"),
    "org_according": regex.compile(rf"\baccording\s+to\s+(?:the\s+|a\s+)?(?:new\s+|latest\s+)?(?P<org>{ORG})", regex.I),
}
YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Study:
    org: Optional[tuple[int, int]]
    title: Optional[tuple[int, int]]
    year: Optional[int]


def _clean(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """Strip leading determiners and trailing survey words; refuse what is not a name."""
    words = list(regex.finditer(r"\S+", text[start:end]))
    while words and (words[0].group().rstrip(".,") in NOT_ORG or words[0].group().lower() in ("the", "a", "an", "new")):
        words.pop(0)
    while words and regex.fullmatch(rf"(?i:{SURVEY_NOUN}s?|{TITLE_WORDS})", words[-1].group()):
        words.pop()
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    while e > s and text[e - 1] in ".,;:'\u2019":
        e -= 1
    name = text[s:e]
    if len(name) < 2 or name in NOT_ORG or not name[0].isupper():
        return None
    return s, e


def find_studies(text: str) -> list[Study]:
    """One study per distinct organisation or title, in order of first mention."""
    orgs: list[tuple[int, int]] = []
    titles: list[tuple[int, int]] = []
    for name, pattern in PATTERNS.items():
        for m in pattern.finditer(text):
            if name.startswith("title"):
                span = (m.start("title"), m.end("title"))
                if name == "title_caps":
                    first = text[span[0]:span[1]].split()[0]
                    if first in NOT_ORG:
                        span = _clean(text, *span) and (span[0] + len(first) + 1, span[1])
                    if span and len(text[span[0]:span[1]].split()) < 2:
                        continue
                if span:
                    titles.append(span)
            else:
                span = _clean(text, m.start("org"), m.end("org"))
                if span is not None:
                    orgs.append(span)
    seen_org: dict[str, tuple[int, int]] = {}
    for s, e in sorted(orgs):
        key = text[s:e]
        if any(key in text[ts:te] for ts, te in titles):
            continue
        seen_org.setdefault(key, (s, e))
    seen_title: dict[str, tuple[int, int]] = {}
    for s, e in sorted(titles):
        seen_title.setdefault(text[s:e], (s, e))
    studies = []
    title_list = sorted(seen_title.values())
    for org in sorted(seen_org.values()):
        title = next((t for t in title_list if abs(t[0] - org[0]) < 200), None)
        if title is not None:
            title_list.remove(title)
        studies.append(Study(org, title, _year(text, title)))
    studies.extend(Study(None, t, _year(text, t)) for t in title_list)
    return sorted(studies, key=lambda st: min(x[0] for x in (st.org, st.title) if x))


def _year(text: str, title: Optional[tuple[int, int]]) -> Optional[int]:
    if title is None:
        return None
    m = YEAR.search(text[title[0]:title[1]])
    return int(m.group()) if m else None


class StudyFinder:
    """spaCy component: studies into ``doc.spans[spans_key]`` (span covers the first name)."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, spans_key: str = DEFAULT_SPANS_KEY) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Study]:
        return find_studies(doc_text(doc))

    def set_annotations(self, doc: Doc, studies: list[Study]) -> None:
        spans = []
        for st in studies:
            first = min(x for x in (st.org, st.title) if x)
            span = doc.char_span(*first, alignment_mode="expand")
            if span is None:
                continue
            span._.org = doc.char_span(*st.org, alignment_mode="expand") if st.org else None
            span._.title = doc.char_span(*st.title, alignment_mode="expand") if st.title else None
            span._.year = st.year
            spans.append(span)
        doc.spans[self.spans_key] = spans

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "StudyFinder":
        return self


@Language.factory(FACTORY, assigns=["doc.spans", "span._.org", "span._.title", "span._.year"],
                  default_config={"spans_key": DEFAULT_SPANS_KEY})
def make_survey_studies(nlp: Language, name: str, spans_key: str) -> StudyFinder:
    return StudyFinder(nlp, name, spans_key=spans_key)
