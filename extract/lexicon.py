"""Word lists and number tables, kept as package data so rules can be read, edited and saved."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Mapping

from .errors import Errors

BOUNDS = ("exact", "lower", "upper", "approx")
DATA_PACKAGE = "extract.data"
NUMBERS_FILE = "numbers.json"
QUALIFIERS_FILE = "qualifiers.jsonl"
WORDS_FILE = "lexicon.json"


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
        word_sets = {key: frozenset(w.lower() for w in values) for key, values in json.loads(words).items()}
        return cls(numbers=json.loads(numbers), qualifiers=quals, words=word_sets)

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
        (path / WORDS_FILE).write_text(
            json.dumps({k: sorted(v) for k, v in self.words.items()}, indent=1), encoding="utf-8"
        )

    def word_set(self, name: str) -> frozenset[str]:
        try:
            return self.words[name]
        except KeyError:
            raise KeyError(Errors.E004.format(name=name, known=sorted(self.words))) from None

    @property
    def denominators(self) -> Mapping[str, int]:
        return self.numbers["denominators"]
