"""The study behind the figures: who ran it, its title, its year (first mention of each).

Needs no parse: studies are named in capitalised runs next to survey words
("the new CMO Digital Benchmark Study by the Leapfrog Marketing Institute",
"conducted by Harris Interactive", "Accenture surveyed", "According to YouGov").

Every such phrase is a candidate with a weight: saying who *conducted* a survey
outweighs saying whose report it is, which outweighs a name merely standing
before "survey". Names that are one another's short form ("Pew", "Pew Research
Center") are one candidate. The best candidate is the study's org; another
candidate is a second study only when it, too, is said to have run a survey.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text, register_extensions
from .textspans import find_anchors

FACTORY = "survey_studies"
DEFAULT_SPANS_KEY = "survey_studies"

_SP = r"[ \t\u00a0]+"  # names never run across a line break
# A run of capitalised words, allowing the small joining words organisations use.
_CAP = r"(?:[A-Z][\w&'\u2019.-]*|[A-Z]{2,}[\w&.-]*)"
ORG = (rf"(?-i:{_CAP}(?:(?:{_SP}(?:of|for|and|&|on|de|the){_SP}|{_SP}|/|-){_CAP}){{0,6}}"
       rf"(?:,?{_SP}(?:Inc\.?|plc|Corp\.?|Ltd\.?|LLC))?)")
SURVEY_NOUN = r"(?:survey|poll|study|report|research|questionnaire|index|census|barometer|monitor|analysis|findings|data)"
TITLE_WORDS = r"(?:Study|Survey|Report|Index|Barometer|Census|Poll|Monitor|Tracker|Outlook|Benchmark)"
# Who says it, and how strongly that makes them the one who ran the survey.
ORG_PATTERNS: tuple[tuple[str, int, regex.Pattern], ...] = (
    ("conducted_by", 6, regex.compile(
        rf"\b(?:conducted|carried{_SP}out|fielded|administered|undertaken|run){_SP}(?:online{_SP})?by{_SP}(?:the{_SP})?(?P<org>{ORG})",
        regex.I)),
    ("org_verb", 5, regex.compile(
        rf"(?P<org>{ORG}){_SP}(?:(?:recently|also|has|have|had){_SP})?(?:surveyed|polled|questioned|interviewed|queried"
        rf"|quizzed|canvassed|conducted|carried{_SP}out)\b")),
    ("survey_by", 4, regex.compile(
        rf"\b{SURVEY_NOUN}(?:{_SP}[\w-]+|{_SP}\[[^\]\n]{{0,30}}\]){{0,3}}?{_SP}(?:by|from|of|for){_SP}(?:the{_SP})?(?P<org>{ORG})",
        regex.I)),
    ("according", 4, regex.compile(
        rf"\baccording{_SP}to{_SP}(?:(?:a|an|the|new|latest|recent|annual){_SP})*(?:{SURVEY_NOUN}{_SP}(?:by|from){_SP}(?:the{_SP})?)?(?P<org>{ORG})",
        regex.I)),
    ("org_noun", 3, regex.compile(
        rf"(?P<org>{ORG})(?:'s|\u2019s)?{_SP}(?:(?:new|latest|annual|recent|own|online|national|global){_SP})?"
        rf"(?-i:{SURVEY_NOUN}|{TITLE_WORDS}|Research|Survey)\b", regex.I)),
    ("commissioned", 2, regex.compile(rf"(?P<org>{ORG}){_SP}commissioned\b")),
)
TITLE_PATTERNS: tuple[regex.Pattern, ...] = (
    # "the report, “The CMO-CIO Disconnect,”", "a survey titled "State of IT Security""
    regex.compile(rf"\b(?:{SURVEY_NOUN}|titled|entitled|called|named)\b[^.\u201c\"\n]{{0,40}}?[\u201c\"]"
                  rf"(?P<title>[^\u201d\"\n]{{4,100}}?)[,.]?[\u201d\"]", regex.I),
    # "the new CMO Digital Benchmark Study": three or more capitalised words ending in a title word.
    regex.compile(rf"(?P<title>(?-i:{_CAP}{_SP}){{2,6}}(?-i:{TITLE_WORDS})(?:{_SP}(?:on|of){_SP}(?-i:{_CAP})(?:[-\w]*))?)\b"),
)
NOT_ORG = frozenset({"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "Their", "Our", "However", "But",
                     "And", "In", "On", "At", "For", "According", "Meanwhile", "Also", "New", "Last", "Latest", "Recent",
                     "Globally", "Overall", "Further", "Indeed", "Still", "Now", "Mr", "Mrs", "Ms", "Dr", "January",
                     "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                     "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "BBC",
                     "UK", "US", "U.S.", "Britain", "British", "American", "European", "Europe", "Government", "When",
                     "While", "Among", "We", "I", "He", "She", "They", "IT", "Advertisement", "Home", "News", "Share",
                     "Bookmark", "Complete", "Full", "Bio", "More", "Other", "Some", "Most", "All", "Many", "Social",
                     "Our", "Your", "Read", "See", "Related", "Source", "Photo", "Image", "Click", "Web", "Survey",
                     "Poll", "Study", "Report", "Research", "Americans", "Britons", "Canadians", "Retailers", "What",
                     "Why", "How", "Who", "If", "As", "By", "With", "From", "After", "Before", "During", "Since"})
ROLE_ACRONYM = regex.compile(r"^(?:[A-Z]{2,4}s|CEO|CFO|CIO|CMO|CTO|HR|IT|U\.?S\.?|U\.?K\.?)$")
YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# What any study pattern must contain; plain `re`, one pass over the lower-cased text.
ANCHOR = re.compile(
    r"survey|poll|stud(?:y|ies)|report|research|questionnaire|index|census|barometer|monitor|analysis|findings|data"
    r"|interview|queried|quizzed|canvassed|conducted|carried\s+out|fielded|administered|undertaken|commissioned"
    r"|according\s+to|titled|entitled|called|named|tracker|outlook|benchmark|\brun\s+by")
WINDOW_BEFORE = 220  # an org can stand up to seven words before its verb ("... Harris Interactive surveyed")
WINDOW_AFTER = 220  # and a title or an org up to seven words after "survey by", "according to"
SECOND_STUDY_WEIGHT = 5  # a second org must itself be said to have run a survey
MENTION_BONUS_CAP = 3  # extra weight for an org named again and again


@dataclass(frozen=True)
class Study:
    org: Optional[tuple[int, int]]
    title: Optional[tuple[int, int]]
    year: Optional[int]


@dataclass
class _Candidate:
    span: tuple[int, int]
    name: str
    weight: int


def clean_org(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """Strip leading determiners, a possessive and trailing survey words; refuse what is not a name."""
    words = list(regex.finditer(r"\S+", text[start:end]))
    while words and (words[0].group().rstrip(".,") in NOT_ORG or words[0].group().lower() in ("the", "a", "an", "new")
                     or words[0].group().endswith("-based")):
        words.pop(0)
    while words and (regex.fullmatch(rf"(?i:{SURVEY_NOUN}s?|{TITLE_WORDS}|research)[.,]?", words[-1].group())
                     or words[-1].group().lower() in ("and", "of", "for", "the", "&")):
        words.pop()
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    for suffix in ("\u2019s", "'s"):
        if text[s:e].endswith(suffix):
            e -= len(suffix)
    name = text[s:e]
    if len(name) < 2 or name in NOT_ORG or not name[0].isupper() or ROLE_ACRONYM.match(name) or "-based" in name:
        return None  # "CMOs", "San Francisco-based"
    if any(w in NOT_ORG for w in name.split()) and len(name.split()) <= 2 and not name.isupper():
        return None  # "Small Business Owners Poll" is a headline, "Web Services" a section
    return s, e


def _single_word_ok(name: str, text: str, weight: int) -> bool:
    """One capitalised word is a name when it looks like one (YouGov, INAP) or a strong cue says so."""
    if " " in name or "/" in name:
        return True
    if name.isupper() or any(c.isupper() for c in name[1:]) or weight >= 4:
        return True
    i = text.find(name)
    while i != -1:  # named mid-sentence ("... said Merkle"), not just as a sentence's first word
        if i >= 2 and text[i - 1].isspace() and (text[i - 2].islower() or text[i - 2] == ","):
            return True
        i = text.find(name, i + 1)
    return False


def _same_name(a: str, b: str) -> bool:
    """'Pew' and 'Pew Research Center', 'Harris' and 'Harris Interactive': one org, two wordings."""
    wa, wb = set(regex.findall(r"\w+", a.lower())), set(regex.findall(r"\w+", b.lower()))
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def survey_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around the words every study pattern needs (a survey word, 'according to',
    a title word): the patterns run only there, not over the whole article."""
    spans: list[tuple[int, int]] = []
    for m in find_anchors(ANCHOR, text):
        s, e = max(0, m.start() - WINDOW_BEFORE), min(len(text), m.end() + WINDOW_AFTER)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _scan(pattern: regex.Pattern, text: str, windows: list[tuple[int, int]]) -> Iterable[regex.Match]:
    for s, e in windows:
        yield from pattern.finditer(text, s, e)


def org_candidates(text: str, windows: Optional[list[tuple[int, int]]] = None,
                   title_spans: Optional[list[tuple[int, int]]] = None) -> list[_Candidate]:
    """Every org a survey phrase names, merged by name, strongest first (ties: first mention)."""
    windows = survey_windows(text) if windows is None else windows
    found: list[_Candidate] = []
    for _, weight, pattern in ORG_PATTERNS:
        for m in _scan(pattern, text, windows):
            span = clean_org(text, m.start("org"), m.end("org"))
            if span is None:
                continue
            name = text[span[0]:span[1]]
            if _single_word_ok(name, text, weight):
                found.append(_Candidate(span, name, weight))
    titles = title_candidates(text, (), windows, title_spans)
    found = [c for c in found if not any(t[0] <= c.span[0] and c.span[1] <= t[1] for t in titles)]
    merged: list[_Candidate] = []
    for cand in sorted(found, key=lambda c: c.span):
        same = next((m for m in merged if _same_name(m.name, cand.name)), None)
        if same is None:
            merged.append(_Candidate(cand.span, cand.name, cand.weight))
            continue
        if len(cand.name) > len(same.name) and cand.weight >= same.weight - 1:
            same.span, same.name = cand.span, cand.name  # the full name, where the text gives one
        same.weight = max(same.weight, cand.weight)
    for cand in merged:  # a name the article keeps coming back to is the one it reports
        cand.weight += min(MENTION_BONUS_CAP, text.count(cand.name) - 1)
    return sorted(merged, key=lambda c: (-c.weight, c.span))


def _title_spans(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every phrase a title pattern reads, trimmed, in pattern order (scanned once per article)."""
    spans: list[tuple[int, int]] = []
    for pattern in TITLE_PATTERNS:
        for m in _scan(pattern, text, windows):
            s, e = m.start("title"), m.end("title")
            while e > s and text[e - 1] in ",.;: ":
                e -= 1
            first = text[s:e].split()[0] if text[s:e].split() else ""
            if first in NOT_ORG and first != "The" and pattern is TITLE_PATTERNS[1]:
                s += len(first) + 1
            spans.append((s, e))
    return spans


def title_candidates(text: str, orgs: Iterable[_Candidate], windows: Optional[list[tuple[int, int]]] = None,
                     spans: Optional[list[tuple[int, int]]] = None) -> list[tuple[int, int]]:
    """Titles, without those that are only an org and a survey word, the first of overlapping ones kept."""
    names = [c.name for c in orgs]
    if spans is None:
        spans = _title_spans(text, survey_windows(text) if windows is None else windows)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        title = text[s:e]
        if len(title.split()) < 2 or any(_same_name(title, n + " Poll") or title.startswith(n + " ") and
                                          len(title.split()) - len(n.split()) < 2 for n in names):
            continue  # "Harris Poll", "Gallup Poll": an org and a survey word, not a title
        if not any(o[0] < e and s < o[1] for o in out):
            out.append((s, e))
    return sorted(out)


def find_studies(text: str) -> list[Study]:
    """The study the article reports (and any other whose org is said to have run a survey)."""
    windows = survey_windows(text)
    spans = _title_spans(text, windows)
    orgs = org_candidates(text, windows, spans)
    titles = title_candidates(text, orgs, windows, spans)
    chosen = orgs[:1] + [c for c in orgs[1:] if c.weight >= SECOND_STUDY_WEIGHT]
    studies: list[Study] = []
    for cand in chosen:
        title = min(titles, key=lambda t: abs(t[0] - cand.span[0])) if titles and not studies else None
        studies.append(Study(cand.span, title, _year(text, title)))
    if not studies and titles:
        studies.append(Study(None, titles[0], _year(text, titles[0])))
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
