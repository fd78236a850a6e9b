"""issue 21, the second round of hostile use: nothing lost, nothing duplicated, no traceback. One test
(or table) per numbered case of the issue, named after what it keeps from happening."""
from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

from .conftest import SEEDS, read_jsonl

runner = CliRunner()
SEED = SEEDS[2]  # 002: 25 percentages, one sample size


def _run(*args: str):
    return runner.invoke(app, ["run", *args, "--no-progress"])


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """One seed article as .txt, and the same text as a one-line .jsonl and a .csv."""
    text = SEED.read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "b.jsonl").write_text(json.dumps({"id": "b", "text": text}) + "\n", encoding="utf-8")
    with open(folder / "c.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([("id", "text"), ("c", text)])
    return folder


# Case 1: an output that is one of the inputs is refused before anything is touched.
@pytest.mark.parametrize("name", ["a.txt", "b.jsonl", "c.csv"])
@pytest.mark.parametrize("as_glob", [False, True])
def test_hostile_out_that_is_an_input_is_refused_and_left_whole(folder, name, as_glob):
    target = folder / name
    before = target.read_bytes()
    given = str(folder / (name[0] + "*")) if as_glob else str(target)
    fmt = ["--format", "jsonl"] if name.endswith(".txt") else []
    result = _run(given, "--out", str(target), *fmt)
    assert result.exit_code == 2 and "[E044]" in result.output, result.output
    assert target.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.jsonl", "c.csv"]  # no side file either


@pytest.mark.parametrize("out", ["article.txt", "records.out", "noextension"])
def test_hostile_out_extension_no_writer_knows_is_refused(folder, tmp_path, out):
    target = tmp_path / out
    target.write_bytes(b"an article\n")
    result = _run(str(folder / "a.txt"), "--out", str(target))
    assert result.exit_code == 2 and "[E045]" in result.output, result.output
    assert target.read_bytes() == b"an article\n"
    assert _run(str(folder / "a.txt"), "--out", str(target), "--format", "jsonl").exit_code == 0  # said: written
    assert read_jsonl(target)[0]["doc_id"] == "a"


# Case 2: --resume in another format than the output holds is refused; nothing of the first run is lost.
@pytest.mark.parametrize("first,second,code", [("jsonl", "csv", "E046"), ("csv", "jsonl", "E046"),
                                               ("csv", "parquet", "E046"), ("jsonl", "parquet", "E046")])
def test_hostile_resume_in_another_format_is_refused(folder, tmp_path, first, second, code):
    out = tmp_path / "mix.out"
    assert _run(str(folder / "a.txt"), "--out", str(out), "--format", first).exit_code == 0
    before = out.read_bytes()
    done = Path(f"{out}.done").read_bytes()
    result = _run(str(folder / "b.jsonl"), "--out", str(out), "--format", second, "--resume")
    assert result.exit_code == 2 and f"[{code}]" in result.output, result.output
    assert out.read_bytes() == before and Path(f"{out}.done").read_bytes() == done


def test_hostile_resume_into_a_file_that_is_not_an_output_is_refused(folder, tmp_path):
    out = tmp_path / "notes.jsonl"
    out.write_text("my notes, not records\n", encoding="utf-8")
    result = _run(str(folder / "a.txt"), "--out", str(out), "--resume")
    assert result.exit_code == 2 and "[E047]" in result.output, result.output
    assert out.read_text(encoding="utf-8") == "my notes, not records\n"
