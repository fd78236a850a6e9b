"""extract run as a batch tool: every kind of bad input, resume, workers, HTML, tables and stdin."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import extract.model.parser
import extract.pipeline
import extract.runs.workers
from extract.cli import app
from extract.runs.batch import run_batch
from extract.runs.settings import DEFAULT_PARSE_CACHE
from extract.runs.sidefiles import parse_done_line, repair_jsonl

from ..helpers import CORPUS, SEEDS, read_jsonl

runner = CliRunner()
SEED = SEEDS[2]  # 002: 25 percentages, one sample size


def _run(*args: str):
    return runner.invoke(app, ["run", *args, "--no-progress"])


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n  ", "empty file"),
    ("binary.txt", bytes(range(256)) * 4, "looks binary"),
    ("latin1.txt", "Caf\xe9: 40% of owners said no.".encode("latin-1"), "not valid UTF-8"),
    ("rows.csv", b"id,body\n1,60% of people said yes\n", "CSV has no column 'text'"),
    ("nothing.html", b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
     "no article text found"),
]


@pytest.mark.parametrize("name,content,message", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
@pytest.mark.model
def test_batch_bad_input_is_one_clear_error_and_the_rest_goes_on(good, tmp_path, name, content, message):
    (good / name).write_bytes(content)
    out = tmp_path / "out.jsonl"
    result = _run(str(good), "--out", str(out))
    assert result.exit_code == 1
    errors = (tmp_path / "out.jsonl.errors.log").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 1 and name in errors[0] and message in errors[0], errors
    assert errors[0] in result.output
    assert {r["doc_id"] for r in read_jsonl(out)} == {SEED.stem}


@pytest.mark.model
def test_batch_huge_file_is_refused_by_name(good, tmp_path):
    huge = good / "huge.txt"
    with open(huge, "wb") as fh:
        line = b"Some 47% believe she should have no title, a poll of 1,000 people found.\n"
        fh.write(line * (50 * 2**20 // len(line) + 1))
    out = tmp_path / "out.jsonl"
    result = _run(str(good), "--out", str(out))
    assert result.exit_code == 1
    assert "huge.txt" in result.output and "over the 20,000,000-byte limit" in result.output
    assert {r["doc_id"] for r in read_jsonl(out)} == {SEED.stem}


@pytest.mark.model
def test_batch_jsonl_input_with_a_malformed_line_and_duplicate_ids(tmp_path):
    src = tmp_path / "articles.jsonl"
    text = SEED.read_text(encoding="utf-8")
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": text}),
        "{this is not json",
        json.dumps({"id": "b", "body": text}),
        json.dumps({"id": "a", "text": "Over 60% said no."}),
        json.dumps({"id": "c", "text": "Some 47% of voters believe she should have no title."}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out))
    assert result.exit_code == 1
    log = (tmp_path / "out.jsonl.errors.log").read_text(encoding="utf-8")
    assert f"{src}:2: malformed JSON" in log
    assert f"{src}:3: no text field 'text'" in log
    assert "duplicate doc_id 'a'" in log and f"{src}:4" in log
    assert {r["doc_id"] for r in read_jsonl(out)} == {"a", "c"}
    texts = [json.loads(line) for line in (tmp_path / "out.jsonl.texts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {t["doc_id"] for t in texts} == {"a", "c"}  # kept beside the records, so offsets stay checkable


@pytest.mark.model
def test_batch_csv_input_with_configured_fields(tmp_path):
    import csv

    src = tmp_path / "articles.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["article_id", "body"])
        writer.writerow(["x1", SEED.read_text(encoding="utf-8")])
        writer.writerow(["x2", "Almost a quarter (21%) of those polled said he should return."])
    out = tmp_path / "out.csv"
    result = _run(str(src), "--out", str(out), "--id-field", "article_id", "--text-field", "body")
    assert result.exit_code == 0, result.output
    import pandas as pd

    frame = pd.read_csv(out)
    assert set(frame["doc_id"]) == {"x1", "x2"}
    assert frame.loc[frame["doc_id"] == "x2", "value"].tolist() == [21.0]


@pytest.mark.model
def test_batch_html_page_main_text_only(tmp_path):
    body = SEED.read_text(encoding="utf-8").split("\n\n")
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Pushing the CIO and CMO Closer Together</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/deals'>Save 90% today</a></li></ul></nav>"
        "<article><h1>Pushing the CIO and CMO Closer Together</h1>"
        + "".join(f"<p>{p}</p>" for p in body[1:]) +
        "</article><aside class='ad'>Advertisement: 50% off all subscriptions</aside>"
        "<div id='comments'><p>Great read! 100% agree.</p></div></body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(str(page), "--out", str(out))
    assert result.exit_code == 0, result.output
    recs = read_jsonl(out)
    texts = {t["doc_id"]: t["text"] for t in map(json.loads, (tmp_path / "out.jsonl.texts.jsonl").read_text().splitlines())}
    values = [r["value"] for r in recs if r["type"] == "percentage"]
    assert 90.0 not in values and 50.0 not in values and 100.0 not in values  # menu, ad, comment left out
    assert 71.0 in values and 13.0 in values
    for r in recs:
        if r["type"] != "study":
            assert texts["page"][r["start"]:r["end"]] == r["text"]


@pytest.mark.model
def test_batch_stdin(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", "-", "--out", str(out), "--no-progress"],
                           input="Some 47% of voters believe she should have no title.")
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in read_jsonl(out)] == ["stdin"]


@pytest.mark.model
def test_batch_resume_after_an_interrupted_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in SEEDS:
        shutil.copy(p, folder / p.name)
    clean = tmp_path / "clean.jsonl"
    run_batch([str(folder)], str(clean), progress=False)
    # An interrupted run: two documents done, a third cut in the middle of a line.
    out = tmp_path / "out.jsonl"
    lines = clean.read_text(encoding="utf-8").splitlines(keepends=True)
    done = sorted({json.loads(line)["doc_id"] for line in lines})[:2]
    kept = [line for line in lines if json.loads(line)["doc_id"] in done]
    third = next(line for line in lines if json.loads(line)["doc_id"] not in done)
    out.write_text("".join(kept) + third[: len(third) // 2], encoding="utf-8")
    (tmp_path / "out.jsonl.done").write_text("".join(d + "\n" for d in done), encoding="utf-8")
    summary = run_batch([str(folder)], str(out), resume=True, progress=False)
    assert summary.skipped == 2 and summary.documents == len(SEEDS) - 2
    resumed = read_jsonl(out)  # every line parses: the half line is gone
    assert sorted(map(json.dumps, resumed)) == sorted(map(json.dumps, read_jsonl(clean)))


@pytest.mark.model
def test_batch_resume_reads_the_output_when_there_is_no_done_file(good, tmp_path):
    out = tmp_path / "out.jsonl"
    run_batch([str(good)], str(out), progress=False)
    os.remove(tmp_path / "out.jsonl.done")
    summary = run_batch([str(good)], str(out), resume=True, progress=False)
    assert (summary.documents, summary.skipped) == (0, 1)


def test_batch_repair_cuts_only_a_partial_last_line(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('{"a": 1}\n{"b": 2}\n{"c": ', encoding="utf-8")
    assert repair_jsonl(str(f)) == len('{"c": ')
    assert f.read_text(encoding="utf-8") == '{"a": 1}\n{"b": 2}\n'
    assert repair_jsonl(str(f)) == 0


@pytest.mark.parametrize("batch_size,task_docs", [(2, 16), (4, 2), (5, 1)])
@pytest.mark.model
def test_batch_two_workers_write_the_same_records(tmp_path, monkeypatch, batch_size, task_docs):
    """In input order, batches whole or handed out in tasks of ``task_docs`` documents."""
    monkeypatch.setattr(extract.runs.workers, "TASK_DOCS", task_docs)
    folder = tmp_path / "in"
    folder.mkdir()
    for p in SEEDS:
        shutil.copy(p, folder / p.name)
    run_batch([str(folder)], str(tmp_path / "one.jsonl"), progress=False, batch_size=batch_size)
    two = run_batch([str(folder)], str(tmp_path / "two.jsonl"), workers=2, progress=False, batch_size=batch_size)
    assert two.documents == len(SEEDS) and two.errors == 0
    assert (tmp_path / "one.jsonl").read_text() == (tmp_path / "two.jsonl").read_text()


@pytest.mark.slow  # the whole corpus through extract run twice
@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.model
def test_batch_parse_cache_changes_no_record(tmp_path, workers):
    """The corpus, each article twice (the second copy is served from the cache), gives the same
    records with the cache off (``--parse-cache 0``) as with the default."""
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(CORPUS.rglob("*.txt")):
        for copy in ("a", "b"):
            shutil.copy(p, folder / f"{copy}_{p.name}")
    outputs = []
    for cache in ("0", str(DEFAULT_PARSE_CACHE)):
        out = tmp_path / f"cache{cache}.jsonl"
        result = _run(str(folder), "--out", str(out), "--workers", workers, "--parse-cache", cache)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 2000


@pytest.mark.parametrize("cache", [0, 3])
@pytest.mark.model
def test_batch_parse_cache_reaches_the_parser(good, tmp_path, cache):
    """The setting is the ``cache_size`` of the run's pipeline: none remembered with 0, at most N."""
    run_batch([str(good)], str(tmp_path / "o.jsonl"), progress=False, parse_cache=cache)
    parser = extract.pipeline.default_pipeline(extract.pipeline.DEFAULT_MODEL, cache).get_pipe("survey_parser")
    assert parser.cache_size == cache and len(parser.cache) == cache


def test_batch_parse_cache_default_is_the_parsers():
    """The CLI's default (written out so that ``--help`` needs no spaCy) is the parser's own."""
    assert DEFAULT_PARSE_CACHE == extract.model.parser.DEFAULT_CACHE_SIZE == extract.pipeline.DEFAULT_PARSE_CACHE


@pytest.mark.parametrize("value", [-1, 2.5, True, "100"])
def test_batch_parse_cache_bad_value_is_named(good, tmp_path, value):
    with pytest.raises(ValueError, match=r"\[E067\].*parse_cache"):
        run_batch([str(good)], str(tmp_path / "o.jsonl"), progress=False, parse_cache=value)


@pytest.mark.parametrize("value", ["-1", "many"])
def test_batch_parse_cache_bad_option_is_a_usage_error(good, tmp_path, value):
    result = _run(str(good), "--out", str(tmp_path / "o.jsonl"), "--parse-cache", value)
    assert result.exit_code == 2 and "--parse-cache" in result.output
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.model
def test_batch_summary_counts(good, tmp_path):
    (good / "empty.txt").write_text("", encoding="utf-8")
    summary = run_batch([str(good)], str(tmp_path / "o.jsonl"), progress=False)
    assert (summary.documents, summary.errors) == (1, 1)
    assert summary.records == len(read_jsonl(tmp_path / "o.jsonl")) and summary.words > 500
    assert "words/s" in summary.line()


@pytest.mark.model
def test_batch_csv_streams_and_names_the_bad_line(tmp_path):
    src = tmp_path / "rows.csv"
    src.write_bytes(b"id,text\nok,Some 47% of voters believe she should have no title.\n"
                    b"big," + b"x" * 300 + b"\nbad,Caf\xe9 owners: 40% said no.\n")
    out = tmp_path / "out.jsonl"
    result = _run(str(src), "--out", str(out), "--max-bytes", "200")
    assert result.exit_code == 1
    log = (tmp_path / "out.jsonl.errors.log").read_text(encoding="utf-8")
    assert f"{src}:3" in log and "over the 200-byte limit" in log
    assert "not valid UTF-8" in log and f"{src}:4" in log
    assert [r["doc_id"] for r in read_jsonl(out)] == ["ok"]


class _TickingClock:
    """Stands in for the ``time`` module: each reading is one second after the last, so elapsed
    time is known without measuring anything."""

    def __init__(self) -> None:
        self.now = 0.0

    def perf_counter(self) -> float:
        self.now += 1.0
        return self.now


class _FailsOnMarker:
    """The real pipeline, except that any text holding ``marker`` raises, as a broken document would."""

    def __init__(self, nlp, marker: str) -> None:
        self.nlp, self.marker = nlp, marker

    def pipe(self, texts, batch_size: int = 1):
        texts = list(texts)
        if any(self.marker in t for t in texts):
            raise ValueError("a broken document")
        return self.nlp.pipe(texts, batch_size=batch_size)

    def __call__(self, text: str):
        if self.marker in text:
            raise ValueError("a broken document")
        return self.nlp(text)

    def __getattr__(self, name: str):  # everything else (components, config) is the real pipeline's
        return getattr(self.nlp, name)


@pytest.mark.parametrize("every", [1, 2])
@pytest.mark.model
def test_batch_progress_lines_show_real_elapsed_time_and_words_per_second(good, tmp_path, monkeypatch, caplog, every):
    import extract.runs.batch as batch

    for i in range(3):
        shutil.copy(SEED, good / f"copy{i}.txt")
    monkeypatch.setattr(batch, "PROGRESS_EVERY", every)
    monkeypatch.setattr(batch, "time", _TickingClock())
    caplog.set_level("INFO", logger="extract")
    run_batch([str(good)], str(tmp_path / "o.jsonl"), progress=False, batch_size=1)
    lines = [r.getMessage() for r in caplog.records if "words/s" in r.getMessage()]
    assert len(lines) == 4 // every
    for line in lines:
        assert "elapsed: 0.0s" not in line and not line.endswith("words/s: 0"), line


@pytest.mark.parametrize("batch_size", [1, 64])
def test_batch_summary_counts_only_the_documents_processed(good, tmp_path, monkeypatch, nlp, batch_size):
    (good / "broken.txt").write_text("BROKEN " + "word " * 100_000, encoding="utf-8")
    monkeypatch.setattr(extract.pipeline, "default_pipeline", lambda model, *args: _FailsOnMarker(nlp, "BROKEN"))
    summary = run_batch([str(good)], str(tmp_path / "o.jsonl"), progress=False, batch_size=batch_size)
    assert (summary.documents, summary.errors) == (1, 1)
    assert summary.words == len(SEED.read_text(encoding="utf-8").split())
    assert "broken.txt" in summary.error_messages[0]


ARTICLE = "“Café” owners: 47% of them — not 40% — said no.\nSome 1,000 people were asked."
ENCODED = [
    ("utf-16", b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "UTF-16"),
    ("utf-16-be", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "UTF-16"),
    ("utf-32", b"\xff\xfe\x00\x00" + ARTICLE.encode("utf-32-le"), "UTF-32"),
    ("utf-32-be", b"\x00\x00\xfe\xff" + ARTICLE.encode("utf-32-be"), "UTF-32"),
]


@pytest.mark.parametrize("name,content,encoding", ENCODED, ids=[e[0] for e in ENCODED])
@pytest.mark.model
def test_batch_byte_order_mark_is_decoded_and_said(tmp_path, name, content, encoding):
    """UTF-16/32 with a byte-order mark is text (its NUL bytes do not make it binary); offsets refer to
    the decoded text, which is kept beside the records since it is not on disk as UTF-8."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{name}.txt").write_bytes(content)
    (tmp_path / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    out, plain = tmp_path / "out.jsonl", tmp_path / "plain.jsonl"
    result = _run(str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"[N001] {folder / name}.txt: decoded as {encoding}" in result.output
    assert _run(str(tmp_path / "plain.txt"), "--out", str(plain)).exit_code == 0
    strip = lambda rows: [{k: v for k, v in r.items() if k != "doc_id"} for r in rows]  # noqa: E731
    assert strip(read_jsonl(out)) == strip(read_jsonl(plain)) and read_jsonl(out)
    texts = {t["doc_id"]: t["text"] for t in read_jsonl(tmp_path / "out.jsonl.texts.jsonl")}
    assert texts == {name: ARTICLE}


@pytest.mark.parametrize("args,exit_code,message", [
    ([], 1, "[E013]"),
    (["--encoding", "cp1252"], 0, None),
    (["--encoding", "utf-8"], 1, "[E024]"),
    (["--encoding", "klingon"], 2, "[E025] Unknown encoding 'klingon'"),
])
@pytest.mark.model
def test_batch_encoding_option_reads_legacy_files(tmp_path, args, exit_code, message):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(ARTICLE.encode("cp1252", errors="replace"))
    out = tmp_path / "out.jsonl"
    result = _run(str(legacy), "--out", str(out), *args)
    assert result.exit_code == exit_code, result.output
    if message:
        assert message in result.output and (exit_code == 2 or "legacy.txt" in result.output)
    else:
        text = (tmp_path / "out.jsonl.texts.jsonl").read_text(encoding="utf-8")
        assert "“Café”" in text and all(text.find(r["text"]) >= 0 for r in read_jsonl(out) if r["type"] == "percentage")


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, seconds: float) -> bool:
    """Poll until ``condition()`` holds or ``seconds`` pass: a deadline for something to happen, not a speed."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.model
def test_batch_workers_die_with_their_parent(tmp_path, workers):
    """kill -9 of `extract run --workers N` (or of one supervised worker) leaves no worker behind."""
    import signal
    import subprocess

    from ..helpers import CORPUS

    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "extract.cli", "run", str(CORPUS), "--out", str(out), "--no-progress",
                            "--workers", str(workers), "--batch-size", "1"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[int] = set()
    try:
        def workers_started() -> bool:
            seen.update(_children(run.pid))
            return len(seen) >= workers and out.exists() and out.stat().st_size > 0  # workers (forked: no tracker), records

        assert _wait_for(workers_started, 300), f"workers never started: {seen}"
        seen.update(_children(run.pid))
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert _wait_for(lambda: not any(_alive(p) for p in seen), 30), [p for p in seen if _alive(p)]
    finally:
        run.kill()
        for pid in seen:  # only what this test started, whatever the outcome
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _threads_after_watch(conn, parent: int, from_main_thread: bool) -> None:
    import threading

    extract.runs.workers.watch_parent(parent, from_main_thread=from_main_thread)
    conn.send(threading.active_count())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("from_main_thread,threads", [(True, 1), (False, 2)])
def test_batch_worker_leaves_the_watch_to_the_kernel(from_main_thread, threads):
    """A worker forked from the run's main thread is watched by the kernel (PR_SET_PDEATHSIG) and has no
    second thread (while spaCy's parser took the GIL per state call, one made it about 20% slower); one forked
    from another thread keeps the polling thread, since that thread's end is not the run's."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    here, there = ctx.Pipe()
    child = ctx.Process(target=_threads_after_watch, args=(there, os.getpid(), from_main_thread))
    child.start()
    try:
        assert here.poll(60) and here.recv() == threads
    finally:
        child.join(10)


@pytest.mark.model
def test_batch_second_writer_on_the_same_out_is_refused(tmp_path):
    """One writer per output: while a run holds OUT.lock, another run on that --out is refused with E043
    and writes nothing; once the first is done the lock file is gone."""
    from extract.runs.writers import OutputLock

    out = tmp_path / "out.jsonl"
    first = OutputLock(str(out))
    first.acquire()
    try:
        with pytest.raises(OSError, match=r"E043.*another run is writing"):
            run_batch([str(SEEDS[0])], str(out), progress=False)
        assert not out.exists()
    finally:
        first.release()
    assert not (tmp_path / "out.jsonl.lock").exists()
    summary = run_batch([str(SEEDS[0])], str(out), progress=False)
    assert summary.documents == 1 and not (tmp_path / "out.jsonl.lock").exists()


@pytest.mark.model
def test_batch_outputs_are_never_inputs(tmp_path):
    """--out inside an input folder: the second run skips its own output and side files, with a note,
    instead of reading them back as malformed documents."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / SEEDS[0].name)
    out = folder / "out.jsonl"
    messages: list[str] = []
    first = run_batch([str(folder)], str(out), progress=False, on_message=messages.append)
    (folder / "out.csv").write_text("doc_id,text\n", encoding="utf-8")  # another run's output is input, though
    second = run_batch([str(folder)], str(out), progress=False, on_message=messages.append)
    assert first.errors == 0 and second.documents == 1 and second.records == first.records
    assert any("N002" in m and "out.jsonl" in m for m in messages)
    assert not any("E011" in m or "E015" in m for m in messages)


@pytest.mark.slow
@pytest.mark.model
def test_batch_two_concurrent_runs_keep_every_record_of_the_first(tmp_path):
    """Two `extract run` on the same --out at once: the second exits 2 naming the lock, and the first run's
    records are all in the file."""
    import subprocess
    import time as _time

    out = tmp_path / "out.jsonl"
    corpus = str(SEEDS[0].parent)
    cmd = [sys.executable, "-m", "extract.cli", "run", corpus, "--out", str(out), "--no-progress"]
    first = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = tmp_path / "out.jsonl.lock"
    deadline = _time.monotonic() + 120
    while not lock.exists() and first.poll() is None and _time.monotonic() < deadline:
        _time.sleep(0.05)
    second = subprocess.run(cmd, capture_output=True, text=True)
    _, err = first.communicate(timeout=600)
    assert second.returncode == 2 and "E043" in second.stderr, second.stderr
    assert first.returncode == 0, err
    reported = int(err.strip().splitlines()[-1].split("records:")[1].split()[0])
    assert reported == len(read_jsonl(out)) > 0


@pytest.mark.slow
@pytest.mark.model
def test_batch_document_over_its_time_budget_is_named_and_the_rest_is_written(tmp_path):
    """A 196,000-character sentence of 49,000 figures ('50% 50% ...', one piece, about 12 s here) beside two
    articles, `extract run --doc-timeout 3`: the hostile file gets E061 naming it and the budget, both articles'
    records are written, and the exit status says something failed. (200,000 '%', used before, now reads in
    about a second.) The subprocess deadline is a bound for the run to end at all, not a speed."""
    import subprocess

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[2], folder / "a_good.txt")
    (folder / "pct.txt").write_text("50% " * 49_000, encoding="utf-8")
    shutil.copy(SEEDS[3], folder / "z_good.txt")
    out = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "extract.cli", "run", str(folder), "--out", str(out), "--no-progress",
                          "--doc-timeout", "3"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 1, run.stderr
    assert f"[E061] {folder / 'pct.txt'} (pct): over the 3-second time budget (--doc-timeout)" in run.stderr
    assert {r["doc_id"] for r in read_jsonl(out)} == {"a_good", "z_good"}
    run_batch([str(SEEDS[2]), str(SEEDS[3])], str(tmp_path / "alone.jsonl"), progress=False)
    assert read_jsonl(out) == [dict(r, doc_id=r["doc_id"].replace(SEEDS[2].stem, "a_good").replace(SEEDS[3].stem, "z_good"))
                               for r in read_jsonl(tmp_path / "alone.jsonl")]


class _Stalls(_FailsOnMarker):
    """A pipeline that hangs (in a sleep a signal cannot cut short) or dies on a marked text."""

    def _act(self, text: str) -> None:
        import time

        if "STALL" in text:
            time.sleep(3600)
        if "CRASH" in text:
            os._exit(9)

    def pipe(self, texts, batch_size=64):
        texts = list(texts)  # the whole batch enters first, as the parser takes it: several documents in flight
        for text in texts:
            self._act(text)
        return self.nlp.pipe(texts, batch_size=batch_size)

    def __call__(self, text):
        self._act(text)
        return self.nlp(text)


@pytest.mark.slow
@pytest.mark.parametrize("workers,task_docs", [(1, 16), (2, 16), (2, 2)])
@pytest.mark.parametrize("marker,code", [("STALL", "E061"), ("CRASH", "E062")])
def test_batch_supervised_workers_name_the_document_that_stalls_or_kills_them(good, tmp_path, monkeypatch, nlp,
                                                                               workers, task_docs, marker, code):
    """Forked workers run the patched pipeline: the marked document is named with its code, every other
    document of its batch and of the run is written, in input order (batches whole, or in tasks of 2)."""
    monkeypatch.setattr(extract.runs.workers, "TASK_DOCS", task_docs)
    for i in range(4):
        shutil.copy(SEED, good / f"copy{i}.txt")
    (good / "copy0b.txt").write_text(f"{marker} 40% of voters said yes.", encoding="utf-8")
    monkeypatch.setattr(extract.pipeline, "default_pipeline", lambda model, *args: _Stalls(nlp, "never"))
    out = tmp_path / "o.jsonl"
    summary = run_batch([str(good)], str(out), progress=False, batch_size=3, workers=workers, doc_timeout=2)
    assert summary.errors == 1 and summary.error_messages[0].startswith(f"[{code}] {good / 'copy0b.txt'} (copy0b)")
    assert summary.documents == 5
    ids = list(dict.fromkeys(r["doc_id"] for r in read_jsonl(out)))
    assert ids == ["002_8ccecffd608d0e68", "copy0", "copy1", "copy2", "copy3"]


@pytest.mark.model
def test_batch_side_files_only_with_content_and_put_in_place_whole(good, tmp_path):
    """A run of .txt files with no error leaves no errors.log nor texts.jsonl (not even an earlier run's,
    which would describe another run); while a run goes, the earlier run's errors.log stays whole, and
    the new one replaces it at the end."""
    out = tmp_path / "out.jsonl"
    (good / "empty.txt").write_bytes(b"")
    first = run_batch([str(good)], str(out), progress=False)
    log = tmp_path / "out.jsonl.errors.log"
    assert first.errors == 1 and log.read_text(encoding="utf-8").count("\n") == 1
    seen_during: list[str] = []
    (good / "blank.txt").write_bytes(b"  \n")
    second = run_batch([str(good)], str(out), progress=False,
                       on_message=lambda m: seen_during.append(log.read_text(encoding="utf-8")))
    assert second.errors == 2 and len(seen_during) == 2
    assert all(text.count("\n") == 1 and "empty.txt" in text for text in seen_during)  # the first run's, whole
    assert log.read_text(encoding="utf-8").count("\n") == 2
    (good / "empty.txt").unlink()
    (good / "blank.txt").unlink()
    third = run_batch([str(good)], str(out), progress=False)
    assert third.errors == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == ["out.jsonl", "out.jsonl.done"]


class _FullDisk:
    """A writer's file whose ``nth`` write puts down half its data and fails, as a full disk does."""

    def __init__(self, fh, nth: int) -> None:
        self.fh, self.nth, self.calls = fh, nth, 0

    def write(self, data) -> int:
        self.calls += 1
        if self.calls == self.nth:
            self.fh.write(bytes(data[: len(data) // 2]))
            raise OSError(28, "No space left on device")
        return self.fh.write(data)

    def __getattr__(self, name):
        return getattr(self.fh, name)


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
@pytest.mark.model
def test_batch_records_that_cannot_be_written_are_errors_never_exit_0(good, tmp_path, monkeypatch, suffix):
    """The output fails for one batch mid-run: each document it held gets E064 naming it and the output,
    the file keeps whole lines only, the other batches are written, the lost ones are not marked done (so
    --resume redoes them), and the exit status is 1."""
    for i in range(3):
        shutil.copy(SEED, good / f"copy{i}.txt")
    from extract.runs.writers import LineWriter

    opened = LineWriter.__init__

    def failing(self, path, *, append=False):
        opened(self, path, append=append)
        self._fh = _FullDisk(self._fh, 3 if suffix == "csv" else 2)  # a CSV's header is the first write

    monkeypatch.setattr(LineWriter, "__init__", failing)
    out = tmp_path / f"out.{suffix}"
    result = _run(str(good), "--out", str(out), "--batch-size", "2", "--doc-timeout", "0")
    assert result.exit_code == 1, result.output
    lost = ["copy1", "copy2"]  # the second batch
    for doc in lost:
        assert f"[E064] {good / doc}.txt ({doc}): its records could not be written to {out}: " in result.output
    assert "errors: 2" in result.output and "documents: 2" in result.output
    import pandas as pd

    kept = pd.read_csv(out) if suffix == "csv" else pd.DataFrame(read_jsonl(out))
    assert sorted(set(kept["doc_id"])) == [SEED.stem, "copy0"]
    done = (tmp_path / f"out.{suffix}.done").read_text(encoding="utf-8").splitlines()
    assert [parse_done_line(line)[0] for line in done] == [SEED.stem, "copy0"]
    monkeypatch.undo()
    resumed = run_batch([str(good)], str(out), progress=False, resume=True)
    assert (resumed.documents, resumed.skipped, resumed.errors) == (2, 2, 0)


@pytest.mark.slow  # a 300,000-character document through extract run, and again whole
def test_batch_long_document_goes_in_pieces_with_the_records_of_the_whole(tmp_path, nlp):
    """extract run reads a document over the chunk size in pieces (as the API does): the records are those
    of reading it whole, with offsets into the whole text."""
    from extract.chunks import DEFAULT_CHUNK_CHARS
    from extract.records import to_dict

    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    text = "\n\n".join(seeds * (DEFAULT_CHUNK_CHARS // sum(map(len, seeds)) + 2))
    assert len(text) > DEFAULT_CHUNK_CHARS
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    summary = run_batch([str(tmp_path / "long.txt")], str(out), progress=False)
    assert summary.errors == 0
    whole = [to_dict(r) for r in extract.pipeline.extract_text(text, "long", nlp=nlp, chunk_chars=len(text) + 1)]
    assert read_jsonl(out) == whole


@pytest.mark.slow  # a long document through a supervised worker with a short budget
@pytest.mark.model
def test_batch_long_document_budget_counts_from_its_last_piece(tmp_path):
    """--doc-timeout holds a document to the time since its last piece was read, not since it started: a
    long text that keeps moving goes through, piece by piece, where reading it whole takes longer than the
    budget."""
    from extract.chunks import DEFAULT_CHUNK_CHARS

    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    text = "\n\n".join(seeds * (12 * DEFAULT_CHUNK_CHARS // sum(map(len, seeds))))  # about 12 pieces
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    summary = run_batch([str(tmp_path / "long.txt")], str(tmp_path / "o.jsonl"), progress=False, doc_timeout=4.0)
    assert (summary.documents, summary.errors) == (1, 0)


WORD_COUNTS = [
    ("", 0), ("   ", 0), ("one", 1), (" two  words ", 2), ("tab\tand\nnew line", 4),
    ("no\u00a0break\u3000ideographic\x1cfile-separator\x85next-line", 5),  # every space str.split() takes
    ("x" * 25 + " " + "y" * 3, 2),  # a word longer than the slice
]


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 1_000_000])
@pytest.mark.parametrize("text,words", WORD_COUNTS)
def test_batch_words_are_counted_by_slices_as_split_counts_them(text, words, piece):
    from extract.runs.process import count_words

    assert len(text.split()) == words
    assert count_words(text, piece) == words


@pytest.mark.scan  # Hypothesis
@given(text=st.text(alphabet="ab \t\n\u00a0\u2028\x1c", max_size=60), piece=st.integers(1, 8))
def test_batch_word_count_by_slices_is_split_on_any_text(text, piece):
    from extract.runs.process import count_words

    assert count_words(text, piece) == len(text.split())


@pytest.mark.model
def test_batch_resume_redoes_a_document_whose_input_changed(tmp_path):
    """A done mark keeps the digest of its text: a document edited since it was done is redone on --resume, its
    old records (whose offsets point into the old text) dropped; the others are kept and skipped. A done list of
    an earlier version (doc_ids alone) still resumes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for p in SEEDS[:3]:
        shutil.copy(p, folder / p.name)
    out = tmp_path / "out.jsonl"
    run_batch([str(folder)], str(out), progress=False)
    edited = folder / SEEDS[0].name
    edited.write_text("Some 99% of marketers said the article changed.", encoding="utf-8")
    summary = run_batch([str(folder)], str(out), resume=True, progress=False)
    assert (summary.documents, summary.skipped) == (1, 2)
    clean = tmp_path / "clean.jsonl"
    run_batch([str(folder)], str(clean), progress=False)
    assert sorted(map(json.dumps, read_jsonl(out))) == sorted(map(json.dumps, read_jsonl(clean)))
    # Killed after the done list lost the edited document but before the output lost its records: redone once.
    edited.write_text("Some 98% of marketers said the article changed again.", encoding="utf-8")
    done = tmp_path / "out.jsonl.done"
    done.write_text("".join(line + "\n" for line in done.read_text(encoding="utf-8").splitlines()
                            if not line.startswith(SEEDS[0].stem)), encoding="utf-8")
    run_batch([str(folder)], str(out), resume=True, progress=False)
    run_batch([str(folder)], str(clean), progress=False)
    assert sorted(map(json.dumps, read_jsonl(out))) == sorted(map(json.dumps, read_jsonl(clean)))
