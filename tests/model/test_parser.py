"""survey_parser (extract/model/parser.py): its cache of sentence parses and its speed settings change speed only,
never a record."""
from __future__ import annotations

import pytest

from extract.model.embedding_cache import CachedTok2Vec
from extract.model.stepped_parser import SteppedParser

pytestmark = pytest.mark.equivalence  # a tier of its own (pyproject.toml); also model


def test_parser_parse_cache_changes_no_record(nlp):
    """A sentence seen before takes its remembered parse: the records are those of parsing it again,
    whether the sentence comes back in another article or in the same one."""
    import extract

    uncached = extract.load()
    uncached.get_pipe("survey_parser").cache_size = 0
    first = "Some 45% of IT managers said they worry about security. And 30% said they expected cuts."
    texts = [first, "Intro here.\n\n" + first + "\n\n" + first, "Of 1,024 adults polled, 55% agreed. They were sure."]
    for text in texts + texts:
        assert extract.extract_text(text, "a", nlp=nlp) == extract.extract_text(text, "a", nlp=uncached)
    assert nlp.get_pipe("survey_parser").cache and not uncached.get_pipe("survey_parser").cache


def _stands_in(kind: type):
    """Does a survey_parser run a ``kind`` in place of one of the model's components?"""
    return lambda parser: any(isinstance(s, kind) for s in parser._stand_ins.values())


# survey_parser's speed settings, each turned off, and what shows that the default pipeline used it and the
# other did not (after both have read the corpus). lookup_ruler has its own test over every corpus file
# (test_lookup_ruler, slow).
SPEED_SETTINGS = {
    "fast_ops": ({"fast_ops": False}, lambda parser: parser.fast_ops),
    "embed_cache": ({"embed_cache": 0}, _stands_in(CachedTok2Vec)),
    "hold_gil": ({"hold_gil": False}, _stands_in(SteppedParser)),
}


@pytest.mark.parametrize("setting", sorted(SPEED_SETTINGS))
def test_parser_speed_settings_change_no_record(nlp, setting):
    """Each of survey_parser's speed settings changes speed only: turned off, every ninth corpus article
    gives the same records. The settings are there to rule one out if a parse ever differs."""
    import extract

    from ..helpers import CORPUS

    config, used = SPEED_SETTINGS[setting]
    plain = extract.load()
    plain.replace_pipe("survey_parser", "survey_parser", config=config)
    for path in sorted(CORPUS.rglob("*.txt"))[::9]:
        text = path.read_text(encoding="utf-8")
        assert extract.extract_text(text, path.stem, nlp=nlp) == extract.extract_text(text, path.stem, nlp=plain)
    assert used(nlp.get_pipe("survey_parser")) and not used(plain.get_pipe("survey_parser"))

