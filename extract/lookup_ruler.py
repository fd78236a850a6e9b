"""The model's attribute ruler and lemmatizer as table look-ups: the same attributes, a fraction of the time.

en_core_web_sm's ``attribute_ruler`` holds 179 rules, almost all of one token tested for its tag, its
lower-case form or both ({"TAG": "NN"} -> POS NOUN, {"LOWER": "ai", "TAG": "VBP"} -> LEMMA be); a few
test a dependency label, whitespace, a regex, or two tokens ("gon" "na"). spaCy's ``Matcher`` runs
every rule at every token, which on the sentences this package parses costs more than the tagger and
the parser together. Here each rule is filed under a value its first token must have (its tag, its
lower-case form, its dependency label), so a token is only checked against the rules that can match
it; rules written in a way the tables do not read stay in a ``Matcher``. Matches are applied exactly as
spaCy applies them: all found first, then set in order of rule, later rules overriding earlier ones.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator, Optional

import numpy
import regex
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

Condition = Callable[[Token], bool]
# What a token condition may test, and how to read it off a token.
READERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "IS_SPACE": lambda t: t.is_space,
}
INDEX_KEYS = (("LOWER", LOWER), ("TAG", TAG), ("DEP", DEP), ("IS_SPACE", IS_SPACE))  # filed under the first fixed


def _accepted(spec: Any) -> Optional[list[Any]]:
    """The values a condition accepts when it lists them (a value, or {"IN": [...]}); else None."""
    if isinstance(spec, (str, bool)):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return list(spec["IN"])
    return None


def _condition(key: str, spec: Any) -> Optional[Condition]:
    """A predicate for one key of a token pattern, or None when it is written in a way not read here."""
    read = READERS.get(key)
    if read is None:
        return None
    values = _accepted(spec)
    if values is not None:
        accepted = set(values)
        return lambda t: read(t) in accepted
    if isinstance(spec, dict) and set(spec) == {"NOT_IN"}:
        refused = set(spec["NOT_IN"])
        return lambda t: read(t) not in refused
    if isinstance(spec, dict) and set(spec) == {"REGEX"}:
        pattern = regex.compile(spec["REGEX"])
        return lambda t: pattern.search(read(t)) is not None
    return None


class LookupAttributeRuler:
    """Drop-in for a trained pipeline's ``AttributeRuler`` (same rules, same order, same results)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        strings = self.vocab.strings
        # index attribute -> value hash -> [(rule, conditions per token, or None when the value is all)]
        self.filed: dict[int, dict[int, list[tuple[int, Optional[list[list[Condition]]]]]]] = {
            attr: defaultdict(list) for _, attr in INDEX_KEYS}
        self.unfiled: list[tuple[int, list[list[Condition]]]] = []  # checked at every token
        self.matcher = Matcher(self.vocab)  # rules the tables do not read
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                checks = [[_condition(k, v) for k, v in tok.items()] for tok in pattern]
                if not pattern or any(c is None for tok in checks for c in tok):
                    self.matcher.add(str(rule), [pattern])
                    continue
                key = next(((name, attr) for name, attr in INDEX_KEYS
                            if name in pattern[0] and _accepted(pattern[0][name]) is not None), None)
                if key is None:
                    self.unfiled.append((rule, checks))
                    continue
                # Filed under its value, a one-token rule on that key alone needs no further check.
                rest = None if len(pattern) == 1 and len(pattern[0]) == 1 else checks
                for value in _accepted(pattern[0][key[0]]) or ():
                    hashed = int(value) if isinstance(value, bool) else strings.add(value)
                    self.filed[key[1]][hashed].append((rule, rest))

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        """(rule, token index) for every rule that applies, in the order spaCy applies them."""
        found: set[tuple[int, int]] = set()
        tables = [self.filed[attr] for _, attr in INDEX_KEYS]
        n = len(doc)
        for i, values in enumerate(doc.to_array([attr for _, attr in INDEX_KEYS]).tolist()):
            for table, value in zip(tables, values):
                for rule, checks in table.get(value, ()):
                    if checks is None:
                        found.add((rule, i))
                    elif self._holds(doc, i, n, checks):
                        found.add((rule, self._target(rule, i, len(checks))))
            for rule, checks in self.unfiled:
                if self._holds(doc, i, n, checks):
                    found.add((rule, self._target(rule, i, len(checks))))
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                rule = int(self.vocab.strings[match_id])
                index = self.indices[rule]
                found.add((rule, start + index if index >= 0 else end + index))
        return sorted(found)

    @staticmethod
    def _holds(doc: Doc, i: int, n: int, checks: list[list[Condition]]) -> bool:
        return i + len(checks) <= n and all(check(doc[i + k]) for k, tok in enumerate(checks) for check in tok)

    def _target(self, rule: int, i: int, length: int) -> int:
        index = self.indices[rule]
        return i + index if index >= 0 else i + length + index

    def __call__(self, doc: Doc) -> Doc:
        for rule, i in self.match(doc):
            set_token_attrs(doc[i], self.attrs[rule])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class CachedLemmatizer:
    """Drop-in for a trained pipeline's ``Lemmatizer``: each (word, POS, morphology) is lemmatized once.

    The rule lemmatizer's answer depends on nothing else (its own cache uses that key), but it is asked
    token by token and returns early, uncached, for every base form; here a token's lemma is a look-up
    in a table, and the lemmas are read and written as arrays."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = range(len(doc)) if self.lemmatizer.overwrite else numpy.flatnonzero(arr[:, 3] == 0).tolist()
        strings = doc.vocab.strings
        for i in todo:
            key = (int(arr[i, 0]), int(arr[i, 1]), int(arr[i, 2]))
            lemma = self.cache.get(key)
            if lemma is None:
                lemma = self.cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            arr[i, 3] = lemma
        doc.from_array([LEMMA], arr[:, 3:4])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
