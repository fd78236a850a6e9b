"""The README's examples run as written: every python block runs, every `extract` command of a bash block exits 0,
and the records shown are records the extractor gives. Each runs in a fresh folder holding corpus/ and gold/, as a
user's clone would. The install and test commands of the first block are what .ci/run itself runs."""
from __future__ import annotations

import json
import re
import shlex

import pytest
from typer.testing import CliRunner

from .helpers import CORPUS, GOLD, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def _blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == language]


def _commands() -> list[str]:
    """Every line of a bash block that runs the extract command (comments dropped)."""
    lines = (line.split("  #")[0].strip() for body in _blocks("bash") for line in body.splitlines())
    return [line for line in lines if line.startswith("extract ")]


@pytest.fixture()
def clone(tmp_path, monkeypatch):
    """A working folder with the corpus and the gold set, where the examples write their files."""
    (tmp_path / "corpus").symlink_to(CORPUS, target_is_directory=True)
    (tmp_path / "gold").symlink_to(GOLD, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_opens_with_the_install_and_test_commands():
    first = _blocks("bash")[0].splitlines()
    assert README.startswith("# survey-extract\n\n```bash\n")
    assert first[0].endswith("pip install -e . && extract run corpus/ --out stats.jsonl")
    assert first[1] == "pip install -e '.[test]' && python -m pytest -q"
    assert "python -m pytest -q" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert len(README.splitlines()) <= 200


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(_blocks("python"))))
@pytest.mark.model
def test_readme_python_blocks_run(clone, index):
    exec(compile(_blocks("python")[index], f"README.md python block {index + 1}", "exec"), {})


@pytest.mark.slow
@pytest.mark.parametrize("command", _commands())
@pytest.mark.model
def test_readme_commands_run(clone, command):
    from extract.cli import app

    args = shlex.split(command)[1:]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    if "--out" in args:
        assert (clone / args[args.index("--out") + 1]).exists()


def test_readme_records_shown_are_the_extractors(nlp):
    """The JSON records of 'What you get', as extract run writes them for their article."""
    import extract
    from extract.records import to_dict

    text, decoder, shown = _blocks("json")[0], json.JSONDecoder(), []
    pos = 0
    while text[pos:].strip():
        pos += len(text[pos:]) - len(text[pos:].lstrip())
        record, pos = decoder.raw_decode(text, pos)
        shown.append(record)
    assert shown
    for record in shown:
        path = CORPUS / f"{record['doc_id']}.txt"
        extracted = [to_dict(r) for r in extract.extract_text(path.read_bytes().decode("utf-8"), path.stem, nlp=nlp)]
        assert record in extracted
