"""Word lists and number tables, kept as package data so rules can be read, edited and saved; and
``RuleComponent``, the base of the components whose rules are compiled from them."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, ClassVar, Generic, Iterable, Mapping, Optional, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors
from .extensions import register_extensions

BOUNDS = ("exact", "lower", "upper", "approx")  # a figure's qualifier: "exactly", "more than", "under", "about"
KINDS = ("share", "point_change", "other")  # what a percentage is: of respondents, a change in points, anything else
WORD_LIST_KEYS = frozenset({"description", "words", "case_sensitive"})
T = TypeVar("T")
P = TypeVar("P")  # the patterns a RuleComponent compiles from the lexicon
M = TypeVar("M")  # what its match finds in a Doc
DATA_PACKAGE = "extract.data"
NUMBERS_FILE = "numbers.json"
QUALIFIERS_FILE = "qualifiers.jsonl"
WORDS_FILE = "lexicon.json"


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Words or phrases as a regex alternation, longest first ('seventeen' before 'seven'), escaped; the
    words of a phrase are joined by any whitespace ('more than' matches 'more\\nthan')."""
    ordered = sorted(set(phrases), key=lambda w: (-len(w), w))
    # No phrase matches nothing (an empty alternation would match everywhere).
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) or r"(?!)"


@dataclass(frozen=True)
class Qualifier:
    """A word or phrase that sets a figure's bound (``more than`` -> lower)."""

    phrase: str
    bound: str
    position: str  # "before" or "after" the figure

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> "Qualifier":
        unknown = set(data) - {"phrase", "bound", "position"}
        if unknown:
            raise ValueError(Errors.E001.format(keys=sorted(unknown), what="qualifier"))
        qual = cls(phrase=data["phrase"].lower(), bound=data["bound"], position=data.get("position", "before"))
        if qual.bound not in BOUNDS:
            raise ValueError(Errors.E002.format(bound=qual.bound, phrase=qual.phrase))
        if qual.position not in ("before", "after"):
            raise ValueError(Errors.E003.format(position=qual.position, phrase=qual.phrase))
        return qual

    def to_dict(self) -> dict[str, str]:
        return {"phrase": self.phrase, "bound": self.bound, "position": self.position}


@dataclass(frozen=True)
class Lexicon:
    """Everything the rules know about words: number names, fractions, qualifiers, word classes."""

    numbers: Mapping[str, Mapping[str, int]]
    qualifiers: tuple[Qualifier, ...]
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)  # what each word list is, and why it is apart
    case_sensitive: frozenset[str] = frozenset()  # lists whose words keep their case ("IT" is not "it")
    # What the rules compile from this lexicon (patterns, word classes), built once per lexicon: every
    # component that reads the same lexicon shares them.
    _compiled: dict[Callable[..., Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def default(cls) -> "Lexicon":
        root = resources.files(DATA_PACKAGE)
        return cls.from_strings(
            (root / NUMBERS_FILE).read_text(encoding="utf-8"),
            (root / QUALIFIERS_FILE).read_text(encoding="utf-8"),
            (root / WORDS_FILE).read_text(encoding="utf-8"),
        )

    @classmethod
    def from_strings(cls, numbers: str, qualifiers: str, words: str) -> "Lexicon":
        quals = tuple(Qualifier.from_dict(json.loads(line)) for line in qualifiers.splitlines() if line.strip())
        word_sets, descriptions, keep_case = {}, {}, set()
        for name, entry in json.loads(words).items():
            if isinstance(entry, list):  # a bare list, as lexicons were first saved
                entry = {"words": entry}
            unknown = set(entry) - WORD_LIST_KEYS
            if unknown or not isinstance(entry.get("words"), list):
                raise ValueError(Errors.E100.format(name=name, keys=sorted(unknown)))
            if entry.get("case_sensitive"):
                keep_case.add(name)
            word_sets[name] = frozenset(w if name in keep_case else w.lower() for w in entry["words"])
            descriptions[name] = entry.get("description", "")
        return cls(numbers=json.loads(numbers), qualifiers=quals, words=word_sets, descriptions=descriptions,
                   case_sensitive=frozenset(keep_case))

    @classmethod
    def from_disk(cls, path: str | Path) -> "Lexicon":
        path = Path(path)
        return cls.from_strings(
            (path / NUMBERS_FILE).read_text(encoding="utf-8"),
            (path / QUALIFIERS_FILE).read_text(encoding="utf-8"),
            (path / WORDS_FILE).read_text(encoding="utf-8"),
        )

    def to_disk(self, path: str | Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / NUMBERS_FILE).write_text(json.dumps(self.numbers, indent=1), encoding="utf-8")
        (path / QUALIFIERS_FILE).write_text(
            "".join(json.dumps(q.to_dict()) + "\n" for q in self.qualifiers), encoding="utf-8"
        )
        (path / WORDS_FILE).write_text(json.dumps(self.word_lists(), indent=1, ensure_ascii=False), encoding="utf-8")

    def word_lists(self) -> dict[str, dict[str, Any]]:
        """The word lists as ``lexicon.json`` holds them: description, words (sorted), case."""
        out: dict[str, dict[str, Any]] = {}
        for name, words in self.words.items():
            entry: dict[str, Any] = {"description": self.descriptions.get(name, ""), "words": sorted(words)}
            if name in self.case_sensitive:
                entry["case_sensitive"] = True
            out[name] = entry
        return out

    def without(self, name: str, *words: str) -> "Lexicon":
        """A copy with ``words`` taken out of the list ``name`` (for trying what a word does)."""
        changed = {**self.words, name: self.word_set(name) - set(words)}
        return Lexicon(self.numbers, self.qualifiers, changed, self.descriptions, self.case_sensitive)

    def compiled(self, build: Callable[["Lexicon"], T]) -> T:
        """``build(self)``, made once for this lexicon: the patterns compiled from it are shared by every
        component that reads it instead of being compiled again by each."""
        if build not in self._compiled:
            self._compiled[build] = build(self)
        return self._compiled[build]

    def alternation(self, name: str) -> str:
        """The list ``name`` as a regex (``phrase_alternation`` of ``word_set(name)``)."""
        return phrase_alternation(self.word_set(name))

    def word_set(self, name: str) -> frozenset[str]:
        """The words of the list ``name``: the one way a rule reads a list (built once, when the lexicon
        is read)."""
        try:
            return self.words[name]
        except KeyError:
            raise KeyError(Errors.E004.format(name=name, known=sorted(self.words))) from None

    @property
    def denominators(self) -> Mapping[str, int]:
        return self.numbers["denominators"]


class RuleComponent(Generic[P, M]):
    """The base of every component whose rules are compiled from the lexicon: it holds the lexicon and
    the patterns compiled from it, saves and loads them with the pipeline, and runs in two steps,
    ``match(doc)`` then ``set_annotations(doc, matches)``, so that what it finds can be tested apart
    from how it is written onto the Doc.

    ``survey_percentages`` owns the pipeline's lexicon (``owns_lexicon``): it saves it with ``to_disk``
    and loads it with ``from_disk``. A component added after it reads that lexicon, so a lexicon loaded
    from disk reaches every rule. A component given its own lexicon, or in a pipeline without an owner,
    keeps, saves and loads its own."""

    owns_lexicon: ClassVar[bool] = False
    # What the rules compile from a lexicon (a patterns class): built once per lexicon and shared by every
    # component that names the same one.
    build_patterns: ClassVar[Callable[[Lexicon], Any]]
    # The doc.spans key it writes its spans under, if it writes any: the class gives the default.
    spans_key: Optional[str] = None

    def __init__(self, nlp: Language, name: str, *, spans_key: Optional[str] = None,
                 lexicon: Optional[Lexicon] = None) -> None:
        """``spans_key``: another key than the class's; ``lexicon``: its own, instead of the pipeline's."""
        register_extensions()
        self.name = name
        if spans_key is not None:
            self.spans_key = spans_key
        owner = None if lexicon is not None or self.owns_lexicon else lexicon_owner(nlp)
        self._owner = owner
        self._lexicon = lexicon if lexicon is not None or owner is not None else Lexicon.default()

    @property
    def lexicon(self) -> Lexicon:
        return self._owner.lexicon if self._owner is not None else self._lexicon

    @property
    def patterns(self) -> P:
        """The rules compiled from the lexicon in force (a lexicon loaded later brings its own)."""
        return self.lexicon.compiled(type(self).build_patterns)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> M:
        """What the rules find in ``doc``, without changing it."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, matches: M) -> None:
        """Write what ``match`` found onto ``doc``."""
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        if self._owner is None:
            self.lexicon.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleComponent[P, M]":
        if (Path(path) / WORDS_FILE).exists():
            self._owner, self._lexicon = None, Lexicon.from_disk(path)
        return self


def lexicon_owner(nlp: Language) -> Optional[RuleComponent[Any, Any]]:
    """The component in ``nlp`` that owns the pipeline's lexicon, if there is one."""
    return next((proc for _, proc in nlp.pipeline if getattr(proc, "owns_lexicon", False)), None)
