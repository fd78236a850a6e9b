"""The model's attribute ruler and lemmatizer as table look-ups: the same attributes, a fraction of the time.

en_core_web_sm's ``attribute_ruler`` holds 179 rules, almost all of one token tested for its tag, its
lower-case form or both ({"TAG": "NN"} -> POS NOUN, {"LOWER": "ai", "TAG": "VBP"} -> LEMMA be); a few
test a dependency label, whitespace, a regex, or two tokens ("gon" "na"). spaCy's ``Matcher`` runs
every rule at every token, which on the sentences this package parses costs more than the tagger and
the parser together. Here each rule is filed under a value its first token must have (its tag, its
lower-case form, its dependency label), and what the rules make of a token depends only on its
(lower-case form, tag, label, is-space) key: each key is worked out once and remembered as a row of
the values its one-token rules set, so a document is one look-up per token and one array write.
The few rules of two tokens are checked where their first token matches; rules written in a way the
tables do not read stay in a ``Matcher``. Matches are applied exactly as spaCy applies them: all found
first, then set in order of rule, later rules overriding earlier ones.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator, Optional

import numpy
import regex
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lookups import Lookups
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
# Attributes that ``Doc.from_array`` sets exactly as ``set_token_attrs`` does (on the token alone).
ARRAY_ATTRS = frozenset({TAG, POS, MORPH, LEMMA, DEP})
MEMO_SIZE = 500_000  # distinct (word, tag, label, space) keys remembered; then the memo starts again
MEMO_ROWS = 4096  # rows the memo's arrays start with


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
        self.tables = [self.filed[attr] for _, attr in INDEX_KEYS]
        # What the rules set, when it is only token attributes an array writes as set_token_attrs does.
        written = sorted({attr for attrs in self.attrs for attr in attrs})
        self.array_attrs = written if set(written) <= ARRAY_ATTRS else []
        self.columns = {attr: k for k, attr in enumerate(self.array_attrs)}
        # The memo: key -> row; per row, the one-token rules that apply, the longer rules to check
        # from there, the values the one-token rules leave and which columns they set.
        self.memo: dict[tuple[int, ...], int] = {}
        self.outright: list[list[int]] = []
        self.longer: list[list[tuple[int, list[list[Condition]]]]] = []
        self._forget()

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        """(rule, token index) for every rule that applies, in the order spaCy applies them."""
        ids = self._key_ids(doc)
        found = {(rule, i) for i, k in enumerate(ids.tolist()) for rule in self.outright[k]}
        found.update(self._longer_matches(doc, ids))
        return sorted(found)

    def _key_ids(self, doc: Doc) -> numpy.ndarray:
        """Each token's row in the memo: its (LOWER, TAG, DEP, IS_SPACE) values, the only ones token
        conditions read, decide which rules its first token matches."""
        if len(self.memo) >= MEMO_SIZE:
            self._forget()
        ids = []
        for i, key in enumerate(map(tuple, doc.to_array([attr for _, attr in INDEX_KEYS]).tolist())):
            k = self.memo.get(key)
            if k is None:
                k = self.memo[key] = len(self.outright)
                self._learn(doc[i], key)
            ids.append(k)
        return numpy.array(ids, dtype="int64")

    def _learn(self, token: Token, key: tuple[int, ...]) -> None:
        """The rules that apply to a token with this key (one-token rules), and those whose first token
        it matches with conditions left on the tokens after it; the values the first leave, as a row."""
        outright, longer = set(), []
        for rule, checks in [r for table, value in zip(self.tables, key) for r in table.get(value, ())] + self.unfiled:
            if checks is None or all(check(token) for check in checks[0]):
                if checks is None or len(checks) == 1:
                    outright.add(rule)
                else:
                    longer.append((rule, checks[1:]))
        row = len(self.outright)
        self.outright.append(sorted(outright))
        self.longer.append(longer)
        if row == len(self.values):  # rows are kept in arrays that double when full
            self.values = numpy.concatenate([self.values, numpy.zeros_like(self.values)])
            self.mask = numpy.concatenate([self.mask, numpy.zeros_like(self.mask)])
            self.starts_longer = numpy.concatenate([self.starts_longer, numpy.zeros_like(self.starts_longer)])
        self.starts_longer[row] = bool(longer)
        for rule in self.outright[row]:
            for attr, value in self.attrs[rule].items():
                if attr in self.columns:
                    self.values[row, self.columns[attr]], self.mask[row, self.columns[attr]] = value, True

    def _forget(self) -> None:
        self.memo, self.outright, self.longer = {}, [], []
        self.values = numpy.zeros((MEMO_ROWS, len(self.array_attrs)), dtype="uint64")
        self.mask = numpy.zeros((MEMO_ROWS, len(self.array_attrs)), dtype=bool)
        self.starts_longer = numpy.zeros(MEMO_ROWS, dtype=bool)

    def _longer_matches(self, doc: Doc, ids: numpy.ndarray) -> list[tuple[int, int]]:
        """(rule, target token) of the rules of two tokens or more, and of those left to the Matcher."""
        found = []
        n = len(doc)
        for i in numpy.flatnonzero(self.starts_longer[ids]).tolist():
            for rule, rest in self.longer[int(ids[i])]:
                if i + len(rest) < n and all(check(doc[i + k]) for k, tok in enumerate(rest, 1) for check in tok):
                    index = self.indices[rule]
                    found.append((rule, i + index if index >= 0 else i + len(rest) + 1 + index))
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                rule = int(self.vocab.strings[match_id])
                index = self.indices[rule]
                found.append((rule, start + index if index >= 0 else end + index))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not self.array_attrs:
            for rule, i in self.match(doc):
                set_token_attrs(doc[i], self.attrs[rule])
            return doc
        # The one-token rules' outcome for each key is one row of values; the few tokens that a longer
        # rule also reaches get all their rules applied again in order, as set_token_attrs would.
        ids = self._key_ids(doc)
        if not len(ids):
            return doc
        before = doc.to_array(self.array_attrs)
        arr = numpy.where(self.mask[ids], self.values[ids], before)
        extra: dict[int, list[int]] = {}
        for rule, i in self._longer_matches(doc, ids):
            extra.setdefault(i, []).append(rule)
        for i, rules in extra.items():
            arr[i] = before[i]
            for rule in sorted(set(rules) | set(self.outright[int(ids[i])])):
                for attr, value in self.attrs[rule].items():
                    arr[i, self.columns[attr]] = value
        doc.from_array(self.array_attrs, arr)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def with_word_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """The same rule lemmatizer, reading its word index (``lemma_index``: per part of speech, the known
    base forms) as sets. spaCy keeps them as lists of up to 57,528 words and tests a candidate form with
    ``in``, a scan per rule that fits: on a text's new words that was most of the parse step (0.34 s on
    the pool's first pass, 0.05 s with sets). Membership is all the lemmatizer asks of them, so its
    answers are the same; the model's own lemmatizer is left as it is. Any other lemmatizer is returned
    unchanged."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lemmatizer.mode != "rule" or lookups is None or not lookups.has_table("lemma_index"):
        return lemmatizer
    fast = Lookups()
    for name in lookups.tables:
        table = fast.add_table(name)
        for key, value in lookups.get_table(name).items():
            table[key] = frozenset(value) if name == "lemma_index" and isinstance(value, list) else value
    copy = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode,
                            overwrite=lemmatizer.overwrite)
    copy.lookups = fast
    return copy


class CachedLemmatizer:
    """Drop-in for a trained pipeline's ``Lemmatizer``: each (word, POS, morphology) is lemmatized once.

    The rule lemmatizer's answer depends on nothing else (its own cache uses that key), but it is asked
    token by token and returns early, uncached, for every base form; here a token's lemma is a look-up
    in a table, and the lemmas are read and written as arrays."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = with_word_sets(lemmatizer)
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()  # Python ints: a tuple of them is the key, without a numpy scalar per value
        todo = range(len(doc)) if self.lemmatizer.overwrite else numpy.flatnonzero(arr[:, 3] == 0).tolist()
        strings = doc.vocab.strings
        for i in todo:
            key = (rows[i][0], rows[i][1], rows[i][2])
            lemma = self.cache.get(key)
            if lemma is None:
                lemma = self.cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            rows[i][3] = lemma
        doc.from_array([LEMMA], numpy.array([row[3] for row in rows], dtype="uint64").reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
