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
from extract.runs.sidefiles import parse_done_line

from ..helpers import ROOT, SEEDS, cpu_per_item, read_jsonl

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
@pytest.mark.model
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
@pytest.mark.model
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
@pytest.mark.model
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


@pytest.mark.model
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
@pytest.mark.model
def test_hostile_doc_id_the_done_list_cannot_keep_is_refused_by_name(tmp_path, doc_id, code):
    text = json.dumps("Some 40% of voters said yes.")
    src = tmp_path / "ids.jsonl"
    src.write_text(f'{{"id": {doc_id}, "text": {text}}}\n{{"id": "a", "text": {text}}}\n{{"id": "b", "text": {text}}}\n',
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out))
    assert result.exit_code == 1 and f"[{code}] {src}:1:" in result.output, result.output
    assert [parse_done_line(line)[0] for line in Path(f"{out}.done").read_text(encoding="utf-8").splitlines()] == ["a", "b"]
    assert {r["doc_id"] for r in read_jsonl(out)} == {"a", "b"}


@pytest.mark.model
def test_hostile_file_name_with_a_line_break_is_refused_by_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[1], folder / "a\nb.txt")
    result = _run(str(folder), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1 and "[E029]" in result.output, result.output


# Case 6: an earlier output in an input folder is left out with a note, not read as articles.
@pytest.mark.parametrize("earlier", ["out.csv", "out.jsonl"])
@pytest.mark.model
def test_hostile_earlier_output_in_the_input_folder_is_not_read_as_articles(seeds, tmp_path, earlier):
    assert _run(str(seeds), "--out", str(seeds / earlier)).exit_code == 0
    out = tmp_path / "again.jsonl"
    result = _run(str(seeds), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"[N003] {seeds / earlier}: skipped" in result.output
    assert {r["doc_id"] for r in read_jsonl(out)} == {p.stem for p in SEEDS}


# Case 7: one bad line is one named error; the rest of the batch goes on.
def _hostile_jsonl(path: Path) -> Path:
    good = json.dumps({"id": "good", "text": "Some 45% of voters said yes."})
    path.write_text("[" * 200_000 + "]" * 200_000 + "\n" + '{"id": "s", "text": "Some 40% \\ud800 of voters"}\n'
                    + '{"id": "\\udce9", "text": "Some 41% of voters said no."}\n' + good + "\n", encoding="utf-8")
    return path


@pytest.mark.model
def test_hostile_deep_or_surrogate_line_is_one_named_error(tmp_path):
    src = _hostile_jsonl(tmp_path / "bad.jsonl")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert f"[E015] {src}:1: malformed JSON: nested too deeply" in result.output
    assert f"[E032] {src}:2: text field 'text' holds an unpaired surrogate (\\ud800)" in result.output
    assert f"[E032] {src}:3: the doc_id holds an unpaired surrogate" in result.output
    assert [r["doc_id"] for r in read_jsonl(out)] == ["good"]


def test_hostile_reader_behind_dask_names_the_bad_lines(tmp_path):
    """--dask reads its inputs with read_inputs, here, before anything goes to the cluster."""
    from extract.runs.io import read_inputs

    inputs = read_inputs(_hostile_jsonl(tmp_path / "bad.jsonl"))
    assert [d.doc_id for d in inputs.documents] == ["good"]
    src = tmp_path / "bad.jsonl"
    assert [e.message.split(" ")[1] for e in inputs.errors] == [f"{src}:1:", f"{src}:2:", f"{src}:3:"]


@pytest.mark.model
def test_hostile_api_names_a_surrogate_in_the_text():
    import extract

    with pytest.raises(ValueError, match=r"\[E006\] extract_text: .*\\ud800\) at character 9"):
        extract.extract_text("Some 40% \ud800 of voters", doc_id="a")


# Case 8: the review commands name bad lines instead of showing a traceback.
NESTED = "[" * 200_000 + "]" * 200_000


def _review_inputs(tmp_path: Path) -> dict[str, Path]:
    good = {"doc_id": "a", "type": "percentage", "value": 45.0, "start": 5, "end": 8, "text": "45%", "bound": "exact",
            "kind": "share", "group": None, "group_start": None, "group_end": None, "statement": None, "time": None}
    records = tmp_path / "records.jsonl"
    records.write_text(f"{NESTED}\n[1, 2]\n{json.dumps(good)}\n", encoding="utf-8")
    bad_only = tmp_path / "bad_only.jsonl"
    bad_only.write_text(f"{NESTED}\n[1, 2]\n", encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Some 45% of voters said yes.", encoding="utf-8")
    (articles / "nested.jsonl").write_text(NESTED + "\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text(f"{NESTED}\n{json.dumps(good)}\n", encoding="utf-8")
    return {"records": records, "bad_only": bad_only, "articles": articles, "gold": gold}


REVIEW_COMMANDS = [
    ("check", ["check", "{articles}"], "nested.jsonl:1: malformed JSON"),
    ("check_records", ["check", "{articles}", "--records", "{records}"], "records.jsonl:1"),
    ("report_records", ["report", "{articles}", "--records", "{records}", "--out", "{tmp}/r.html"], "records.jsonl:2"),
    ("evaluate_pred", ["evaluate", "--gold", "{gold}", "--pred", "{records}"], "records.jsonl:1"),
    ("evaluate_gold", ["evaluate", "--gold", "{gold}", "--pred", "{records}"], "a.jsonl:1"),
    ("gold_validate", ["gold", "validate", "{gold}", "--corpus", "{articles}"], "a.jsonl:1"),
]


@pytest.mark.parametrize("name,args,named", REVIEW_COMMANDS, ids=[c[0] for c in REVIEW_COMMANDS])
@pytest.mark.model
def test_hostile_review_commands_name_bad_lines_without_a_traceback(tmp_path, name, args, named):
    paths = {k: str(v) for k, v in _review_inputs(tmp_path).items()}
    result = runner.invoke(app, [a.format(tmp=tmp_path, **paths) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and named in result.output, result.output


@pytest.mark.parametrize("command", ["check", "report"])
def test_hostile_records_file_of_bad_lines_is_not_read_cleanly(tmp_path, command):
    paths = _review_inputs(tmp_path)
    args = [command, str(paths["articles"] / "a.txt"), "--records", str(paths["bad_only"])]
    args += ["--strict"] if command == "check" else ["--out", str(tmp_path / "r.html")]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    if command == "check":
        assert "unreadable inputs: 2" in result.output


# Case 9: CSV files: an oversized row is named and the rest is read; Excel's byte-order mark is not in a name.
@pytest.mark.model
def test_hostile_csv_oversized_row_is_named_and_the_next_row_read(tmp_path):
    src = tmp_path / "rows.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([("id", "text"), ("a", "Some 45% of voters said yes."), ("b", "x" * 5000),
                                  ("c", "Some 46% of voters said no.")])
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out), "--max-bytes", "2000")
    assert result.exit_code == 1 and f"[E014] {src}:3:" in result.output and "JSON" not in result.output, result.output
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a", "c"]


@pytest.mark.parametrize("bad,message", [("bad,Some 7%\r of voters\n", "[E033] {src}:40: malformed CSV"),
                                         ("bad,Some 7% \x00 of voters\n", "[E012] {src}:40: looks binary")])
@pytest.mark.model
def test_hostile_csv_bad_row_is_named_and_the_rest_goes_on(tmp_path, bad, message):
    """A row the csv module refuses is a CSV error of that row, not the end of the file, and not called
    JSON; a NUL byte past the first 8 KB (where the binary test looks) is that row's error, not its text."""
    rows = [("id", "text")] + [(f"r{i}", f"Some {i}% of voters said yes. " + "y" * 200) for i in range(40)]
    src = tmp_path / "rows.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows[:-2])
        fh.write(bad)
        csv.writer(fh).writerows(rows[-2:])
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out))
    assert result.exit_code == 1 and message.format(src=src) in result.output, result.output
    assert "JSON" not in result.output
    assert {r["doc_id"] for r in read_jsonl(out)} == {f"r{i}" for i in range(40)}


@pytest.mark.model
def test_hostile_nul_byte_past_the_first_kilobytes_of_a_text_file_is_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(b"Some 45% of voters said yes. " * 400 + b"\x00 and 12% said no.")
    result = _run(str(src), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1 and f"[E012] {src}: looks binary" in result.output, result.output


@pytest.mark.model
def test_hostile_csv_utf8_byte_order_mark_is_not_part_of_the_header(tmp_path):
    src = tmp_path / "excel.csv"
    src.write_bytes("\ufeffid,text\nrow-1,Some 45% of voters said yes.\n".encode("utf-8"))
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in read_jsonl(out)] == ["row-1"]


# Case 10: stdin, and lines of a table, are read in bounded pieces.
class _Endless:
    """/dev/zero as a stream, counting what was asked of it."""

    def __init__(self) -> None:
        self.given = 0

    def read(self, n: int = -1) -> bytes:
        assert n > 0, "read without a limit"
        self.given += n
        return b"\0" * n


def test_hostile_stdin_is_read_no_further_than_the_limit():
    from extract.runs.io import read_stdin
    from extract.runs.sources import InputError

    stream = _Endless()
    item = read_stdin(stream, 5_000_000)
    assert isinstance(item, InputError) and "[E034] <stdin>: more than 5,000,000 bytes" in item.message
    assert stream.given == 5_000_001


def test_hostile_long_line_is_never_held_whole(tmp_path):
    import io

    from extract.runs.sources import bounded_lines

    class Spy(io.BytesIO):
        largest = 0

        def readline(self, size: int = -1) -> bytes:
            line = super().readline(size)
            Spy.largest = max(Spy.largest, len(line))
            return line

    data = b'{"id": "a", "text": "' + b"x" * 5_000_000 + b'"}\n{"id": "b"}\n'
    lines = list(bounded_lines(Spy(data), 1000))
    assert [(n, raw, size) for n, raw, size in lines] == [(1, None, 5_000_024), (2, b'{"id": "b"}\n', 12)]
    assert Spy.largest <= 1 << 20


# Case 13: articles quoting one study are compared in one pass, each with the study's first article.
def _copies(n: int, seed: Path = SEEDS[0]) -> tuple[list[dict], dict[str, str]]:
    """n copies of a seed article (all quoting its study), with the reference records of the seed."""
    import extract

    text = seed.read_text(encoding="utf-8")
    mine = [extract.records.to_dict(r) for r in _seed_records(seed)]
    return [dict(r, doc_id=f"c{i:05d}") for i in range(n) for r in mine], {f"c{i:05d}": text for i in range(n)}


_SEED_RECORDS: dict[Path, list] = {}


def _seed_records(seed: Path) -> list:
    import extract

    if seed not in _SEED_RECORDS:
        _SEED_RECORDS[seed] = extract.extract_text(seed.read_text(encoding="utf-8"), doc_id=seed.stem)
    return _SEED_RECORDS[seed]


@pytest.mark.model
def test_hostile_across_articles_time_per_article_is_flat():
    """From 50 to 400 articles quoting one study, time per article within 2x (every pair made it grow
    with the articles: 50 copies took 0.46 s an article, 100 copies 0.84 s)."""
    import extract
    from extract.review.across import check_across
    from extract.review.article import Article

    text = SEEDS[0].read_text(encoding="utf-8")
    mine = [extract.records.to_dict(r) for r in _seed_records(SEEDS[0])]

    def across(n: int) -> None:
        articles = [Article(f"c{i:05d}", text, [dict(r, doc_id=f"c{i:05d}") for r in mine]) for i in range(n)]
        results = check_across(articles)
        assert len({r.doc_ids[1] for r in results}) == n - 1  # every copy compared, with the first

    # Every pair grew x8 per article from 50 to 400; one pass measured x1.13-x1.38 on a loaded machine and failed
    # 1.5 one run in four there, so the bound is 2.0, which every pair still fails.
    small, large = cpu_per_item(across, 50, rounds=3), cpu_per_item(across, 400, rounds=3)
    assert large <= small * 2.0, f"{small * 1e3:.1f} ms an article at 50, {large * 1e3:.1f} at 400"


def test_hostile_across_articles_first_of_each_study_in_a_group():
    """The same sample size of other people is another study: the copies of each are compared among
    themselves, not with the first article of the size."""
    from extract.review.across import _pairs
    from extract.review.article import Article

    def art(doc_id: str, population: str) -> Article:
        sample = {"doc_id": doc_id, "type": "sample_size", "value": 1000, "start": 0, "end": 5, "text": "1,000",
                  "bound": "exact", "population": population, "population_start": 6, "population_end": 20}
        return Article(doc_id, "1,000 x " + population, [sample])

    articles = [art("a", "marketing leaders"), art("b", "finance chiefs"), art("c", "finance chiefs"),
                art("d", "marketing leaders")]
    assert _pairs(articles) == [(0, 3), (1, 2)]


@pytest.mark.model
def test_hostile_report_page_is_written_article_by_article(tmp_path):
    """The page goes out in pieces that do not grow with the articles (the page itself is never held
    whole), and is the page render() gives."""
    import io

    from extract.review.report import build_views, render, write_page

    class Pieces(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.largest = 0

        def write(self, s: str) -> int:
            self.largest = max(self.largest, len(s))
            return super().write(s)

    largest = []
    for n in (10, 40):
        records, texts = _copies(n)
        # Figures only: no study in common, so no article's checks grow with the others.
        views = build_views(texts, [r for r in records if r["type"] == "percentage"])
        out = Pieces()
        write_page(out, views)
        assert out.getvalue() == render(views)
        largest.append(out.largest)
    assert largest[0] == largest[1] and largest[1] < len(out.getvalue()) / 4, largest


# Case 15 (part): OUT.texts.jsonl keeps one line per document across interrupts and resumes.
@pytest.mark.model
def test_hostile_texts_side_file_has_no_duplicates_after_resume(tmp_path, monkeypatch):
    import extract.runs.batch as batch

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Some {40 + i}% of voters said yes."}) + "\n"
                           for i in range(4)), encoding="utf-8")
    real, calls = batch.process_documents, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(batch, "process_documents", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch([str(src)], str(out), progress=False, batch_size=1)
    monkeypatch.setattr(batch, "process_documents", real)
    batch.run_batch([str(src)], str(out), progress=False, batch_size=1, resume=True)
    kept = [json.loads(line)["doc_id"] for line in Path(f"{out}.texts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(kept) == ["d0", "d1", "d2", "d3"]


# Issue 21, done when: kill -9, SIGINT and SIGTERM at random points, then --resume, in every output format:
# no record lost or duplicated against a clean run. (Trials by hand: see the report.)
def _records_of(out: Path, fmt: str) -> list[str]:
    if fmt == "parquet":
        return _parquet_records(out)
    if fmt == "csv":
        with open(out, encoding="utf-8", newline="") as fh:
            return sorted(json.dumps(r, sort_keys=True) for r in csv.DictReader(fh))
    return sorted(out.read_text(encoding="utf-8").splitlines())


@pytest.mark.slow  # about 15 starts of extract run
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.model
def test_hostile_killed_at_random_then_resumed_loses_and_duplicates_nothing(tmp_path, fmt):
    import random
    import signal
    import subprocess
    import sys
    import time

    src = tmp_path / "in.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS)] * 5
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")

    def start(out: Path, resume: bool) -> subprocess.Popen:
        cmd = [sys.executable, "-m", "extract.cli", "run", str(src), "--out", str(out), "--format", fmt,
               "--no-progress", "--batch-size", "2"] + (["--resume"] if resume else [])
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    clean = tmp_path / "clean.out"
    assert start(clean, False).wait(timeout=120) == 0
    out = tmp_path / "out.out"
    rng = random.Random(fmt)
    for n, sig in enumerate((signal.SIGKILL, signal.SIGINT, signal.SIGTERM)):
        run = start(out, resume=n > 0)
        read = Path(f"{out}.texts.jsonl.tmp")  # a line as each document is read: how far the run is
        at = rng.randint(2, len(texts) - 6)
        deadline = time.monotonic() + 60
        while run.poll() is None and time.monotonic() < deadline and (
                not read.exists() or read.read_text(encoding="utf-8").count("\n") < at):
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))
        assert run.poll() is None, "the run ended before it could be interrupted"
        run.send_signal(sig)
        assert run.wait(timeout=60) != 0
    assert start(out, True).wait(timeout=120) == 0
    assert _records_of(out, fmt) == _records_of(clean, fmt)


# Case 11: smaller input and argument cases.
@pytest.mark.model
def test_hostile_unreadable_folder_is_named(tmp_path, monkeypatch):
    """(Tests run as root here, whom chmod does not stop: the folder is made unreadable where it is listed.)"""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SEEDS[1], folder / "a.txt")
    shutil.copy(SEEDS[1], folder / "locked" / "b.txt")
    real = os.scandir

    def scandir(path="."):
        if Path(path) == folder / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    result = _run(str(folder), "--out", str(out))
    assert result.exit_code == 1 and f"[E036] {folder / 'locked'}: cannot read the folder: Permission denied" \
        in result.output, result.output
    assert {r["doc_id"] for r in read_jsonl(out)} == {"a"}


@pytest.mark.parametrize("args,message", [
    (["--doc-timeout", "inf"], "[E068]"), (["--doc-timeout", "1e300"], "[E068]"), (["--max-bytes", "0"], "[E069]"),
    (["--max-bytes", "-5"], "[E069]"), (["--out", ""], "[E042] --out : cannot write there: the name is empty"),
    (["--out", "/proc/x.jsonl"], "[E042] --out /proc/x.jsonl: cannot write there: No such file or directory"),
    (["--out", "/dev/null", "--format", "jsonl"], "[E042] --out /dev/null: cannot write there: it is not a regular file"),
])
def test_hostile_bad_argument_is_a_named_usage_error(tmp_path, args, message):
    if "--out" not in args:
        args = [*args, "--out", str(tmp_path / "out.jsonl")]
    result = _run(str(SEEDS[1]), *args)
    assert result.exit_code == 2 and message in result.output, result.output
    assert "Traceback" not in result.output and "Errno" not in result.output
    assert not Path("/dev/null.done").exists() and not Path("/dev/null.lock").exists()


@pytest.mark.model
def test_hostile_fifo_is_named_as_one(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _run(str(fifo), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1 and f"[E035] {fifo}: not a regular file but a named pipe (FIFO)" in result.output


def test_hostile_ctrl_c_says_how_to_go_on(tmp_path, monkeypatch):
    import extract.runs.batch as batch

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run_batch", interrupted)
    result = _run(str(SEEDS[1]), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 130 and "--resume" in result.output, result.output


# Case 14: the README's model name loads, and 'extract check stats.jsonl' says what to type instead.
def test_hostile_readme_loads_a_model_that_is_installed():
    import re

    import spacy

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = re.findall(r'spacy\.load\("([^"]+)"\)', readme)
    assert names and all(spacy.util.is_package(n) for n in names), names


@pytest.mark.parametrize("command", ["check", "report"])
@pytest.mark.model
def test_hostile_review_command_given_records_as_articles_says_use_records(tmp_path, command):
    stats = tmp_path / "stats.jsonl"
    assert _run(str(SEEDS[1]), "--out", str(stats)).exit_code == 0
    result = runner.invoke(app, [command, str(stats), "--out", str(tmp_path / f"r.{'html' if command == 'report' else 'jsonl'}")])
    assert result.exit_code == 2, result.output
    assert f"[E097] {stats}: records, not articles" in result.output and f"--records {stats}" in result.output


# Case 15: output details.
@pytest.mark.model
def test_hostile_html_reader_notes_stay_off_stderr(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "extract.cli", "run", str(page), "--out", str(tmp_path / "o.jsonl"),
                          "--no-progress"], capture_output=True, text=True, timeout=120)
    lines = run.stderr.splitlines()
    assert lines and all(line.startswith(("[E019]", "documents:")) for line in lines), lines


def test_hostile_empty_gold_set_is_refused_not_scored_100(tmp_path):
    (tmp_path / "gold").mkdir()
    preds = tmp_path / "p.jsonl"
    preds.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(preds)])
    assert result.exit_code == 2 and "[E098]" in result.output, result.output


def test_hostile_empty_predictions_have_no_precision():
    from extract.review.scoring import evaluate

    gold = [{"doc_id": "a", "type": "percentage", "value": 45.0, "start": 5, "end": 8, "text": "45%", "bound": "exact",
             "kind": "share", "group": None, "group_start": None, "group_end": None, "statement": None, "time": None}]
    metrics, _ = evaluate(gold, [], gold_docs=["a"])
    assert (metrics["pct_precision"], metrics["pct_recall"], metrics["pct_f1"]) == (0.0, 0.0, 0.0)


@pytest.mark.model
def test_hostile_parquet_offsets_come_back_as_integers(tmp_path):
    import pandas as pd

    from extract.runs.batch import run_batch

    out = tmp_path / "out.parquet"
    run_batch([str(SEEDS[0])], str(out), progress=False)
    frame = pd.read_parquet(out)
    assert frame["group_start"].isna().any() and str(frame["group_start"].dtype) == "Int64"
    assert str(frame["start"].dtype) == "Int64" and str(frame["value"].dtype) == "float64"
