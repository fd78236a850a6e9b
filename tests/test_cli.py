"""The command line on real files: run, evaluate, and what happens to bad input."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from extract.cli import app

from .helpers import CORPUS, GOLD, SEEDS, read_jsonl

runner = CliRunner()


@pytest.fixture()
def small_corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in SEEDS[:2]:
        shutil.copy(p, src / p.name)
    return src


@pytest.mark.model
def test_cli_run_writes_jsonl_one_record_per_line(small_corpus, tmp_path):
    out = tmp_path / "stats.jsonl"
    result = runner.invoke(app, ["run", str(small_corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    rows = read_jsonl(out)
    assert {r["doc_id"] for r in rows} == {p.stem for p in SEEDS[:2]}
    text = SEEDS[0].read_text(encoding="utf-8")
    for r in rows:
        if r["doc_id"] == SEEDS[0].stem:
            assert text[r.get("start", r.get("org_start")):r.get("end", r.get("org_end"))] in (r.get("text"), r.get("org"))
    assert "documents: 2" in result.output


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
@pytest.mark.model
def test_cli_run_other_formats_by_extension(small_corpus, tmp_path, suffix):
    out = tmp_path / f"stats.{suffix}"
    result = runner.invoke(app, ["run", str(small_corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out) if suffix == "csv" else pd.read_parquet(out)
    jsonl = tmp_path / "same.jsonl"
    runner.invoke(app, ["run", str(small_corpus), "--out", str(jsonl), "--no-progress"])
    assert len(frame) == len(read_jsonl(jsonl))
    assert set(frame["type"]) == {"percentage", "sample_size", "study"}


@pytest.mark.model
def test_cli_run_reports_a_bad_file_and_goes_on(small_corpus, tmp_path):
    (small_corpus / "broken.txt").write_bytes(b"\xff\xfe binary \x00\x01 junk")
    out = tmp_path / "stats.jsonl"
    result = runner.invoke(app, ["run", str(small_corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "binary" in result.output
    assert {r["doc_id"] for r in read_jsonl(out)} == {p.stem for p in SEEDS[:2]}
    assert "broken.txt" in (tmp_path / "stats.jsonl.errors.log").read_text(encoding="utf-8")


@pytest.mark.model
def test_cli_run_missing_path_is_named(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o.jsonl"), "--no-progress"])
    assert result.exit_code == 1 and "nope" in result.output and "no such file" in result.output


@pytest.mark.model
def test_cli_evaluate_table_json_csv_and_errors():
    args = ["evaluate", "--gold", str(GOLD), "--corpus", str(CORPUS), "--split", "seeds"]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert "percentages  P / R / F1" in table.output and "group (shares) strict / lenient" in table.output
    data = json.loads(runner.invoke(app, args + ["--format", "json", "--errors", "--per-doc"]).output)
    assert data["metrics"]["documents"] == 5 and len(data["per_doc"]) == 5
    assert data["metrics"]["pct_recall"] == 1.0
    csv_out = runner.invoke(app, args + ["--format", "csv", "--errors"]).output
    assert csv_out.splitlines()[0].startswith("doc_id,type,error")


def test_cli_evaluate_scores_a_predictions_file(tmp_path):
    gold = [json.loads(line) for line in (GOLD / "002_8ccecffd608d0e68.jsonl").read_text(encoding="utf-8").splitlines()]
    pred = tmp_path / "other.jsonl"
    kept = [r for r in gold if r["type"] != "percentage" or r["value"] != 58.0]
    pred.write_text("".join(json.dumps(r) + "\n" for r in kept) + "{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(GOLD), "--pred", str(pred), "--docs", "002_*",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["pct_fn"] == 2 and metrics["pct_fp"] == 0  # both 58 percent figures left out
    assert f"{pred}:{len(kept) + 1}" in result.stderr


# Each row runs the CLI in a fresh interpreter and says whether spaCy got imported: importing the
# module, help and usage errors must answer without it (importing spaCy takes over a second).
_SPACY_PROBE = """
import sys
from extract.cli import app
if sys.argv[1:]:
    try:
        app(sys.argv[1:], prog_name="extract")
    except SystemExit:
        pass
print("SPACY_IMPORTED" if "spacy" in sys.modules else "SPACY_NOT_IMPORTED")
"""


@pytest.mark.parametrize("args", [
    [],                                     # importing the CLI module alone
    ["--help"],
    ["--version"],
    ["run", "--help"],
    ["evaluate", "--help"],
    ["run"],                                # missing PATHS and --out: a usage error
    ["run", "x.txt", "--out", "o.jsonl", "--workers", "0"],
])
@pytest.mark.scan  # a fresh Python process per case
def test_cli_help_and_usage_errors_do_not_import_spacy(args, tmp_path):
    result = subprocess.run([sys.executable, "-c", _SPACY_PROBE, *args], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert "SPACY_NOT_IMPORTED" in result.stdout, result.stdout + result.stderr


def test_cli_version_prints_the_installed_version():
    from importlib.metadata import version

    import extract

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"survey-extract {version('survey-extract')}"
    assert extract.__version__ == version("survey-extract")


def _description_paragraphs(help_text: str) -> list[list[str]]:
    """The lines of the command's own description (after Usage, before the first panel), by paragraph."""
    paragraphs: list[list[str]] = [[]]
    for line in help_text.split("Usage:", 1)[1].splitlines()[1:]:
        if line.lstrip().startswith("\u256d"):
            break
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


@pytest.mark.parametrize("command", [[], ["run"], ["evaluate"], ["check"], ["report"], ["gold", "validate"]])
def test_cli_help_lines_are_not_broken_mid_sentence(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0, result.output
    for paragraph in _description_paragraphs(result.output):
        for line in paragraph[:-1]:  # a wrapped line fills the width; a short one was broken in the source
            assert len(line) >= 60, f"{line!r} in {paragraph}"


HELP_ARTEFACTS = r"<(bool|str|int|float|path|int range|float range|list\[[^>]*\])>|\{\w+\}|list\[|LIST\["


@pytest.mark.parametrize("command", [[], ["run"], ["evaluate"], ["check"], ["report"], ["gold"], ["gold", "validate"]])
def test_cli_help_shows_no_type_artefacts(command):
    """Metavars a user can read (PATHS..., FILE, N, SECONDS; nothing after a flag), not Typer's type labels
    (`<bool>`, `<list[str]>`) or the braces of its usage line (`{paths}...`)."""
    import re

    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"}, terminal_width=100)
    assert result.exit_code == 0, result.output
    assert re.findall(HELP_ARTEFACTS, result.output) == [], result.output


def _links(folder, kind: str):
    """A link loop (a.txt -> b.txt -> a.txt) or a link to nothing, in ``folder``; returns the link named."""
    import os

    if kind == "loop":
        os.symlink("b.txt", folder / "a.txt")
        os.symlink("a.txt", folder / "b.txt")
    else:
        os.symlink("gone.txt", folder / "a.txt")
    return folder / "a.txt"


@pytest.mark.parametrize("kind,given,message", [
    ("loop", "file", "[E026] {link}: symbolic link loop"),
    ("loop", "folder", "[E026] {link}: symbolic link loop"),
    ("broken", "file", "[E027] {link}: broken symbolic link (its target 'gone.txt' does not exist)"),
    ("broken", "folder", "[E027] {link}: broken symbolic link"),
])
@pytest.mark.model
def test_cli_run_names_a_link_that_leads_nowhere(tmp_path, kind, given, message):
    folder = tmp_path / "in"
    folder.mkdir()
    link = _links(folder, kind)
    result = runner.invoke(app, ["run", str(link if given == "file" else folder), "--out", str(tmp_path / "o.jsonl"),
                                 "--no-progress"])
    assert result.exit_code == 1 and message.format(link=link) in result.output, result.output
    assert "no such file" not in result.output


@pytest.mark.parametrize("out,reason", [
    ("missing/o.jsonl", "the folder '{tmp}/missing' does not exist"),
    ("afile/o.jsonl", "'{tmp}/afile' is not a folder"),
    ("adir", "it is a folder"),
])
def test_cli_run_unusable_out_names_the_path_given(small_corpus, tmp_path, out, reason):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    given = f"{tmp_path}/{out}"
    result = runner.invoke(app, ["run", str(small_corpus), "--out", given, "--no-progress"])
    assert result.exit_code == 2
    assert f"[E042] --out {given}: cannot write there: {reason.format(tmp=tmp_path)}" in result.output, result.output
    assert "errors.log" not in result.output
