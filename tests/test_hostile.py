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


def _parquet_records(out: Path) -> list[str]:
    import pyarrow.parquet as pq

    rows = [r for part in sorted(out.glob("part-*.parquet")) for r in pq.read_table(part).to_pylist()]
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for p in SEEDS:
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture()
def clean_parquet(seeds: Path, tmp_path: Path) -> list[str]:
    from extract.runs.batch import run_batch

    run_batch([str(seeds)], str(tmp_path / "clean.parquet"), progress=False)
    return _parquet_records(tmp_path / "clean.parquet")


# Case 3: Parquet, Ctrl-C, then --resume: every record once.
def test_hostile_parquet_interrupted_then_resumed_keeps_every_record_once(seeds, tmp_path, monkeypatch,
                                                                         clean_parquet):
    import extract.runs.batch as batch

    from extract.runs.writers import ParquetWriter

    real, calls = batch.process_documents, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl-C while the third document is processed
        return real(*args, **kwargs)

    out = tmp_path / "out.parquet"
    monkeypatch.setattr(batch, "process_documents", interrupted)
    # Parts of a few rows: the first document's records go into a part and are marked done; the second's
    # are still held when Ctrl-C comes.
    monkeypatch.setattr(ParquetWriter, "PART_ROWS", 10)  # 000 has 18 records, 001 8
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch([str(seeds)], str(out), progress=False, batch_size=1)
    monkeypatch.setattr(batch, "process_documents", real)
    batch.run_batch([str(seeds)], str(out), progress=False, batch_size=1, resume=True)
    assert _parquet_records(out) == clean_parquet


def test_hostile_parquet_part_written_but_not_marked_done_is_not_kept_twice(seeds, tmp_path, clean_parquet):
    """A kill between a part put in place and its documents marked done: the part's records of documents
    not done are dropped on --resume, and the documents redone."""
    from extract.runs.batch import run_batch

    out = tmp_path / "out.parquet"
    shutil.copytree(tmp_path / "clean.parquet", out)
    Path(f"{out}.done").write_text(f"{SEEDS[0].stem}\n", encoding="utf-8")
    summary = run_batch([str(seeds)], str(out), progress=False, resume=True)
    assert summary.skipped == 1 and summary.documents == len(SEEDS) - 1
    assert _parquet_records(out) == clean_parquet


# Case 4: a symbolic link to the output meets the same lock.
@pytest.mark.parametrize("link_to", ["file", "folder"])
def test_hostile_link_to_the_output_meets_its_lock(tmp_path, link_to):
    from extract.runs.batch import run_batch
    from extract.runs.writers import OutputLock

    real = tmp_path / "real"
    real.mkdir()
    out = real / "conc.jsonl"
    if link_to == "file":
        link = tmp_path / "concl.jsonl"
        link.symlink_to(out)
    else:
        (tmp_path / "alias").symlink_to(real)
        link = tmp_path / "alias" / "conc.jsonl"
    first = OutputLock(str(out))
    first.acquire()
    try:
        with pytest.raises(OSError, match=r"E043"):
            run_batch([str(SEEDS[0])], str(link), progress=False)
        assert not out.exists()
    finally:
        first.release()


# Case 5: an id the done list cannot keep on one line, or that is not a string or number, is a named error.
BAD_IDS = [('"a\\nb"', "E029"), ('"a\\rb"', "E029"), ('"a\\u2028b"', "E029"), ('["x", 1]', "E028"),
           ('{"k": 1}', "E028"), ("true", "E028")]


@pytest.mark.parametrize("doc_id,code", BAD_IDS, ids=[b[0] for b in BAD_IDS])
def test_hostile_doc_id_the_done_list_cannot_keep_is_refused_by_name(tmp_path, doc_id, code):
    text = json.dumps("Some 40% of voters said yes.")
    src = tmp_path / "ids.jsonl"
    src.write_text(f'{{"id": {doc_id}, "text": {text}}}\n{{"id": "a", "text": {text}}}\n{{"id": "b", "text": {text}}}\n',
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out))
    assert result.exit_code == 1 and f"[{code}] {src}:1:" in result.output, result.output
    assert Path(f"{out}.done").read_text(encoding="utf-8") == "a\nb\n"
    assert {r["doc_id"] for r in read_jsonl(out)} == {"a", "b"}


def test_hostile_file_name_with_a_line_break_is_refused_by_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[1], folder / "a\nb.txt")
    result = _run(str(folder), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1 and "[E029]" in result.output, result.output


# Case 6: an earlier output in an input folder is left out with a note, not read as articles.
@pytest.mark.parametrize("earlier", ["out.csv", "out.jsonl"])
def test_hostile_earlier_output_in_the_input_folder_is_not_read_as_articles(seeds, tmp_path, earlier):
    assert _run(str(seeds), "--out", str(seeds / earlier)).exit_code == 0
    out = tmp_path / "again.jsonl"
    result = _run(str(seeds), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"[N003] {seeds / earlier}: skipped" in result.output
    assert {r["doc_id"] for r in read_jsonl(out)} == {p.stem for p in SEEDS}
