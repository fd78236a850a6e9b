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
from typing import Iterable, Optional

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import grammar
from .extensions import doc_text
from .lexicon import Lexicon, RuleComponent, phrase_alternation
from .textspans import find_anchors, folded_lower, scan_windows

FACTORY = "survey_studies"
DEFAULT_SPANS_KEY = "survey_studies"

_SP = r"[ \t\u00a0]+"  # names never run across a line break
# A capitalised word, as organisations and titles write them ("YouGov", "IBM's", "U.S.-based"). One
# alternative only: a second one for acronyms ([A-Z]{2,}[\w&.-]*) matched nothing the first does not,
# and made a failing run of capitalised words backtrack through both at every word.
_CAP = r"[A-Z][\w&'\u2019.-]*"
YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
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


class StudyPatterns:
    """The study patterns compiled from a lexicon's word lists (never at import time): who ran a survey,
    and how strongly each phrasing says so; titles; what is not a name."""

    def __init__(self, lexicon: Lexicon) -> None:
        def spaced(phrases: Iterable[str]) -> str:
            """The phrases as an alternation, their words spaced within a line as names are."""
            return phrase_alternation(phrases).replace(r"\s+", _SP)

        def words(name: str) -> str:
            return spaced(lexicon.word_set(name))

        self.lexicon = lexicon  # clean_org reads its lists of what is not a name
        # A run of capitalised words, allowing the small joining words organisations use.
        org = (rf"(?-i:{_CAP}(?:(?:{_SP}(?:{words('org_joining_words')}){_SP}|{_SP}|/|-){_CAP}){{0,6}}"
               rf"(?:,?{_SP}(?:{words('org_suffixes')}))?)")
        survey_noun = rf"(?:{words('study_survey_nouns')})"
        title_words = rf"(?:{words('title_words')})"
        self.survey_word = regex.compile(rf"(?i:{survey_noun}s?|{title_words})[.,]?")
        # Who says it, and how strongly that makes them the one who ran the survey.
        self.org_patterns: tuple[tuple[str, int, regex.Pattern], ...] = (
            ("conducted_by", 6, regex.compile(
                rf"\b(?:{words('conducting_participles')}){_SP}(?:online{_SP})?by{_SP}(?:the{_SP})?(?P<org>{org})",
                regex.I)),
            ("org_verb", 5, regex.compile(
                rf"(?P<org>{org}){_SP}(?:(?:{words('org_verb_fillers')}){_SP})?(?:{words('org_survey_verbs')})\b")),
            ("survey_by", 4, regex.compile(
                rf"\b{survey_noun}(?:{_SP}[\w-]+|{_SP}\[[^\]\n]{{0,30}}\]){{0,3}}?"
                rf"{_SP}(?:{spaced(grammar.SURVEY_ORG_PREPS)}){_SP}(?:the{_SP})?(?P<org>{org})", regex.I)),
            ("according", 4, regex.compile(
                rf"\baccording{_SP}to{_SP}(?:(?:{words('according_openers')}){_SP})*"
                rf"(?:{survey_noun}{_SP}(?:{spaced(grammar.ACCORDING_SURVEY_PREPS)}){_SP}(?:the{_SP})?)?(?P<org>{org})",
                regex.I)),
            # "the survey of 1,680 adults taken on the 10th and 11th of this month by YouGov", "a survey of
            # almost 2,200 office workers by recruitment specialists Robert Walters": the org ends the clause
            # (not a place: "driven by higher prices in London").
            ("survey_late_by", 3, regex.compile(
                rf"\b{survey_noun}\b[^.;:!?\n]{{0,120}}?\bby{_SP}(?:(?!(?:{spaced(grammar.PLACE_PREPS)})\b)(?-i:[a-z][\w-]*){_SP}){{0,3}}(?P<org>{org})"
                rf"(?=[ \t]*(?:[.,;:!?)\n]|$))", regex.I)),
            ("org_noun", 3, regex.compile(
                rf"(?P<org>{org})(?:'s|\u2019s)?{_SP}(?:\([A-Z]{{2,6}}\){_SP})?(?:(?:{words('org_survey_adjectives')}){_SP})?"
                rf"(?-i:{survey_noun}|{title_words}|{words('org_noun_capitalised')})\b", regex.I)),
            # "JetBrains’ State of Developer Ecosystem 2023 survey": whose titled survey it is.
            ("possessive_title", 4, regex.compile(
                rf"(?P<org>(?-i:[A-Z][\w&.-]*\w))(?:'s|’s|’|'){_SP}(?=(?-i:State){_SP}of{_SP}"
                rf"|(?-i:{_CAP}{_SP}){{1,5}}(?:19|20)\d\d{_SP}{survey_noun}\b)", regex.I)),
            ("commissioned", 2, regex.compile(rf"(?P<org>{org}){_SP}(?:{words('commissioning_verbs')})\b")),
            # "..., commissioned by CompTIA.": whose survey it is, said as plainly as "a survey by".
            ("commissioned_by", 4, regex.compile(
                rf"\b(?:{words('commissioning_verbs')}){_SP}by{_SP}(?:the{_SP})?(?P<org>{org})", regex.I)),
        )
        self.title_patterns: tuple[regex.Pattern, ...] = (
            # "the report, “The CMO-CIO Disconnect,”", "a survey titled "State of IT Security"": a title starts
            # with a capital or a digit (not a quoted phrase: "... 'not very' or 'not at all' satisfied").
            regex.compile(rf"\b(?:{survey_noun}|{words('title_naming_words')})\b[^.\u201c\"\n]{{0,40}}?[\u201c\"]"
                          rf"(?P<title>(?-i:[A-Z0-9])[^\u201d\"\n]{{3,99}}?)[,.]?[\u201d\"]", regex.I),
            # "the new CMO Digital Benchmark Study": three or more capitalised words ending in a title word.
            regex.compile(rf"(?P<title>(?-i:{_CAP}{_SP}){{2,6}}(?-i:{title_words})"
                          rf"(?:{_SP}(?:{spaced(grammar.TITLE_TAIL_PREPS)}){_SP}(?-i:{_CAP})(?:[-\w]*))?)\b"),
            # "JetBrains’ State of Developer Ecosystem 2023 survey", "this year’s State of IT Security survey":
            # a capitalised run before a survey word that opens with 'State of' or closes with a year.
            regex.compile(rf"(?P<title>(?-i:State{_SP}of{_SP}(?:the{_SP})?{_CAP}(?:{_SP}(?:{_CAP}|of|and|&|(?:19|20)\d\d)){{0,5}}"
                          rf"|(?:{_CAP}{_SP}){{1,5}}(?:19|20)\d\d)){_SP}{survey_noun}\b", regex.I),
        )
        # The literals (lower case) every match of a case-blind pattern above begins with, where it has
        # them: the pattern is tried only where one stands (textspans.scan_windows).
        def firsts(*names: str) -> tuple[str, ...]:
            return tuple(sorted({p.lower().split()[0] for name in names for p in lexicon.word_set(name)}))

        named = {name: pattern for name, _, pattern in self.org_patterns}
        self.starts: dict[regex.Pattern, tuple[str, ...]] = {
            named["conducted_by"]: firsts("conducting_participles"), named["survey_by"]: firsts("study_survey_nouns"),
            named["according"]: ("according",), named["survey_late_by"]: firsts("study_survey_nouns"),
            self.title_patterns[0]: firsts("study_survey_nouns", "title_naming_words")}
        # Words every match of a pattern contains somewhere (lower case): a window without one of them
        # cannot hold a match, and the pattern is not run there. The capitalised-run patterns try every
        # capital letter of a window, and most windows have none of their verbs or title words.
        self.needs: dict[regex.Pattern, tuple[str, ...]] = {
            named["org_verb"]: firsts("org_survey_verbs"), named["commissioned"]: firsts("commissioning_verbs"),
            named["org_noun"]: firsts("study_survey_nouns", "title_words", "org_noun_capitalised"),
            self.title_patterns[1]: firsts("title_words"), self.title_patterns[2]: firsts("study_survey_nouns")}
        # Role and country acronyms, dots optional ("U.S.", "US"), and plurals of short ones ("CMOs").
        roles = lexicon.alternation("role_acronyms").replace(r"\.", r"\.?")
        self.role_acronym = regex.compile(rf"^(?:[A-Z]{{2,4}}s|{roles})$")
        # What any study pattern must contain; plain `re`, one pass over the lower-cased text. A phrase
        # starts a word ("run by"); a single word may sit inside one ("survey" in "surveyed").
        self.anchor = re.compile("|".join(
            (r"\b" if " " in phrase else "") + r"\s+".join(re.escape(w) for w in phrase.lower().split())
            for phrase in sorted(lexicon.word_set("study_anchor_words"), key=lambda w: (-len(w), w))))
        self.anchor_starts = sorted({phrase.lower().split()[0] for phrase in lexicon.word_set("study_anchor_words")})


def default_patterns() -> StudyPatterns:
    """The patterns of the package's lexicon, for a call made outside a pipeline (built on each call)."""
    return Lexicon.default().compiled(StudyPatterns)


def clean_org(text: str, start: int, end: int, patterns: Optional[StudyPatterns] = None) -> Optional[tuple[int, int]]:
    """Strip leading determiners, a possessive and trailing survey words; refuse what is not a name."""
    pat = patterns or default_patterns()
    lex = pat.lexicon
    not_org, leading, trailing = (lex.word_set("not_org_words"), lex.word_set("org_leading_words"),
                                  lex.word_set("org_trailing_words"))
    words = list(regex.finditer(r"\S+", text[start:end]))
    # "American Nurses Association": a body's name keeps its leading word ("American", "National").
    body = bool(words) and words[-1].group().rstrip(".,").lower() in lex.word_set("org_head_nouns")
    while words and ((words[0].group().rstrip(".,") in not_org and not (body and len(words) > 2))
                     or words[0].group().lower() in leading or words[0].group().endswith("-based")):
        words.pop(0)
    # A candidate that runs across a sentence end is two pieces; the name is in one of them: after it ("... at Windsor
    # Castle. A Daily Telegraph poll"), else before it ("carried out by the Royal College of Nursing. Younger ...").
    ends = [k for k, w in enumerate(words[:-1]) if _ends_sentence(w.group())]
    if ends:
        after = clean_org(text, start + words[ends[-1] + 1].start(), end, pat)
        name = text[after[0]:after[1]] if after is not None else ""
        if len(name.split()) >= 2 or any(c.isupper() for c in name[1:]):  # a name, not the next sentence's first word
            return after
        words = words[:ends[0] + 1]
    while words and (pat.survey_word.fullmatch(words[-1].group()) or words[-1].group().lower() in trailing):
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
    pollster, for_, _client = name.partition(" for ")
    if for_ and " " not in pollster and (pollster.isupper() or any(c.isupper() for c in pollster[1:])):
        e, name = s + len(pollster), pollster  # "BMG for Change Britain", "YouGov for The Times": the pollster ran it
    if len(name) < 2 or name in not_org or not name[0].isupper() or pat.role_acronym.match(name) or "-based" in name:
        return None  # "CMOs", "San Francisco-based"
    if any(w in not_org for w in name.split()) and len(name.split()) <= 2 and not name.isupper():
        return None  # "Small Business Owners Poll" is a headline, "Web Services" a section
    return s, e


# Words whose point is an abbreviation's, not a sentence's end, inside an organisation's name.
NAME_ABBREVIATIONS = frozenset({"inc", "corp", "co", "ltd", "bros", "assn", "dept", "univ", "st", "mt", "jr", "sr",
                                "dr", "mr", "mrs", "ms", "prof", "no", "vs", "intl", "natl"})


def _ends_sentence(word: str) -> bool:
    """'Nursing.', 'Center.': a word of the name with a full stop that is not an abbreviation ('Inc.', 'U.S.')."""
    stem = word[:-1]
    return word.endswith(".") and stem.isalpha() and not stem.isupper() and stem.lower() not in NAME_ABBREVIATIONS


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


def survey_windows(text: str, patterns: StudyPatterns) -> list[tuple[int, int]]:
    """Stretches of text around the words every study pattern needs (a survey word, 'according to',
    a title word): the patterns run only there, not over the whole article."""
    spans: list[tuple[int, int]] = []
    for m in find_anchors(patterns.anchor, text, patterns.anchor_starts):
        s, e = max(0, m.start() - WINDOW_BEFORE), min(len(text), m.end() + WINDOW_AFTER)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _scan(pattern: regex.Pattern, text: str, windows: list[tuple[int, int]],
          patterns: Optional[StudyPatterns] = None, lowered: Optional[str] = None) -> Iterable[regex.Match]:
    """``lowered``: ``folded_lower(text)``, made once per text by the caller (not once per pattern)."""
    starts = patterns.starts.get(pattern) if patterns is not None else None
    needs = patterns.needs.get(pattern) if patterns is not None else None
    if needs is not None and lowered is not None:
        windows = [(s, e) for s, e in windows if any(lowered.find(word, s, e) != -1 for word in needs)]
    return scan_windows(pattern, text, windows, starts, lowered if starts is not None else None)


def org_candidates(text: str, patterns: StudyPatterns, windows: Optional[list[tuple[int, int]]] = None,
                   title_spans: Optional[list[tuple[int, int]]] = None) -> list[_Candidate]:
    """Every org a survey phrase names, merged by name, strongest first (ties: first mention)."""
    windows = survey_windows(text, patterns) if windows is None else windows
    found: list[_Candidate] = []
    lowered = folded_lower(text)
    for _, weight, pattern in patterns.org_patterns:
        for m in _scan(pattern, text, windows, patterns, lowered):
            span = clean_org(text, m.start("org"), m.end("org"), patterns)
            if span is None:
                continue
            name = text[span[0]:span[1]]
            if _single_word_ok(name, text, weight):
                found.append(_Candidate(span, name, weight))
    titles = title_candidates(text, (), patterns, windows, title_spans)
    found = [c for c in found if not any(t[0] <= c.span[0] and c.span[1] <= t[1] for t in titles)]
    for c in found:  # "Salesforce’s State of Marketing survey": the org ends where its title begins
        t = next((t for t in titles if c.span[0] < t[0] < c.span[1]), None)
        cut = clean_org(text, c.span[0], t[0], patterns) if t is not None else None
        if cut is not None:
            c.span, c.name = cut, text[cut[0]:cut[1]]
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


def _title_spans(text: str, patterns: StudyPatterns, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every phrase a title pattern reads, trimmed, in pattern order (scanned once per article)."""
    spans: list[tuple[int, int]] = []
    lowered = folded_lower(text)
    not_org = patterns.lexicon.word_set("not_org_words")
    for pattern in patterns.title_patterns:
        for m in _scan(pattern, text, windows, patterns, lowered):
            s, e = m.start("title"), m.end("title")
            while e > s and text[e - 1] in ",.;: ":
                e -= 1
            first = text[s:e].split()[0] if text[s:e].split() else ""
            if first in not_org and first != "The" and pattern is patterns.title_patterns[1]:
                s += len(first) + 1
            spans.append((s, e))
    return spans


def title_candidates(text: str, orgs: Iterable[_Candidate], patterns: StudyPatterns,
                     windows: Optional[list[tuple[int, int]]] = None,
                     spans: Optional[list[tuple[int, int]]] = None) -> list[tuple[int, int]]:
    """Titles, without those that are only an org and a survey word, the first of overlapping ones kept."""
    names = [c.name for c in orgs]
    if spans is None:
        spans = _title_spans(text, patterns, survey_windows(text, patterns) if windows is None else windows)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        title = text[s:e]
        if len(title.split()) < 2 or any(_same_name(title, n + " Poll") or title.startswith(n + " ") and
                                          len(title.split()) - len(n.split()) < 2 for n in names):
            continue  # "Harris Poll", "Gallup Poll": an org and a survey word, not a title
        if not any(o[0] < e and s < o[1] for o in out):
            out.append((s, e))
    return sorted(out)


def find_studies(text: str, patterns: Optional[StudyPatterns] = None) -> list[Study]:
    """The study the article reports (and any other whose org is said to have run a survey)."""
    patterns = patterns or default_patterns()
    windows = survey_windows(text, patterns)
    spans = _title_spans(text, patterns, windows)
    orgs = org_candidates(text, patterns, windows, spans)
    titles = title_candidates(text, orgs, patterns, windows, spans)
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


class StudyFinder(RuleComponent[StudyPatterns, list[Study]]):
    """spaCy component: studies into ``doc.spans[spans_key]`` (span covers the first name). Reads the
    pipeline's lexicon, so one loaded with ``from_disk`` changes what it finds."""

    build_patterns = StudyPatterns
    spans_key = DEFAULT_SPANS_KEY

    def match(self, doc: Doc) -> list[Study]:
        return find_studies(doc_text(doc), self.patterns)

    def set_annotations(self, doc: Doc, studies: list[Study]) -> None:
        doc.spans[self.spans_key] = [span for span in (study_span(doc, st) for st in studies) if span is not None]


def study_span(doc: Doc, st: Study) -> Optional[Span]:
    """The study as a span over its first name (org or title), with both names and the year on it; None
    where no token starts or ends in that name."""
    first = min(x for x in (st.org, st.title) if x)
    span = doc.char_span(*first, alignment_mode="expand")
    if span is None:
        return None
    span._.org = doc.char_span(*st.org, alignment_mode="expand") if st.org else None
    span._.title = doc.char_span(*st.title, alignment_mode="expand") if st.title else None
    span._.year = st.year
    return span


@Language.factory(FACTORY, assigns=["doc.spans", "span._.org", "span._.title", "span._.year"],
                  default_config={"spans_key": DEFAULT_SPANS_KEY})
def make_survey_studies(nlp: Language, name: str, spans_key: str) -> StudyFinder:
    return StudyFinder(nlp, name, spans_key=spans_key)
