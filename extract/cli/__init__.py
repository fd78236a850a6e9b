"""The ``extract`` command: thin wrappers over functions the Python API offers."""
from __future__ import annotations

import fnmatch
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, List, Optional

import typer

from .help import PlainGroup, plain_help
from ..errors import Errors, Notes
from ..runs.settings import (DEFAULT_BATCH_SIZE, DEFAULT_DOC_TIMEOUT, DEFAULT_ID_FIELD, DEFAULT_MAX_BYTES,
                            DEFAULT_PARSE_CACHE, DEFAULT_TEXT_FIELD, DEFAULT_WORKERS, ReadOptions, RunSettings,
                            run_format)

# help: _main's docstring; markdown mode reflows docstring lines
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="markdown", cls=PlainGroup)
gold_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Work with the hand-labeled gold set.",
                       cls=PlainGroup)
app.add_typer(gold_app, name="gold")


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _version() -> str:
    """The installed distribution's version (what pip reports); the package's own if not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("survey-extract")
    except PackageNotFoundError:
        from .. import __version__

        return __version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"survey-extract {_version()}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Survey statistics out of articles: run, evaluate, check, report."""


def _fail(message: str, code: int = 2) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


@app.command()
def run(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., help=".txt/.html/.jsonl/.csv files, directories, globs, or - for stdin."),
    out: str = typer.Option(..., "--out", "-o", metavar="FILE", help="Output file: .jsonl, .csv or .parquet (a directory of parts)."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="FORMAT", help="jsonl, csv or parquet (default: from --out's extension)."),
    workers: int = typer.Option(DEFAULT_WORKERS, "--workers", "-w", min=1, metavar="N", help="Processes, one pipeline each."),
    parse_cache: int = typer.Option(
        DEFAULT_PARSE_CACHE, "--parse-cache", min=0, metavar="N",
        help="Sentence parses each process remembers, so a sentence repeated across documents (syndicated news) is "
             "parsed once per process; 0: none. Same records whatever N."),
    resume: bool = typer.Option(False, "--resume", help="Skip documents already written to --out."),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1, metavar="N", help="Documents per batch."),
    id_field: str = typer.Option(DEFAULT_ID_FIELD, "--id-field", metavar="FIELD", help="Id field of .jsonl/.csv inputs."),
    text_field: str = typer.Option(DEFAULT_TEXT_FIELD, "--text-field", metavar="FIELD", help="Text field of .jsonl/.csv inputs."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", metavar="BYTES", help="Refuse documents larger than this."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS", help=(
        "Run on a Dask cluster at this scheduler address (writes Parquet parts; --batch-size documents a task).")),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
    encoding: Optional[str] = typer.Option(
        None, "--encoding", metavar="CODEC",
        help="Encoding of .txt files and stdin, e.g. cp1252 (default: UTF-8, or UTF-16/32 after a byte-order mark)."),
    doc_timeout: float = typer.Option(DEFAULT_DOC_TIMEOUT, "--doc-timeout", min=0, metavar="SECONDS",
                                      help="Seconds one document may take; a document over it is skipped with an "
                                           "error and the rest goes on (0: no limit, all in this process)."),
) -> None:
    """Extract every survey figure from PATHS and write them as records.

    Exit status: 0 when every input was processed, 1 when any input failed (the
    others are still written; each failure is printed and logged to OUT.errors.log),
    2 for a usage error.
    """
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    for library in QUIET_LOGGERS:  # their notes ('discarding data: None') are not the run's; errors still show
        logging.getLogger(library).setLevel(logging.ERROR)
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            _fail(Errors.E025.format(encoding=encoding))
    try:
        read = ReadOptions(id_field=id_field, text_field=text_field, max_bytes=max_bytes, encoding=encoding)
        settings = RunSettings(fmt=fmt, workers=workers, resume=resume, batch_size=batch_size, progress=progress,
                               doc_timeout=doc_timeout or None, parse_cache=parse_cache, read=read)
        if dask:
            summary = _run_on_dask(ctx, paths, out, dask, settings)
        else:
            from ..runs.batch import run_batch

            summary = run_batch(paths, out, settings)
    except KeyboardInterrupt:
        _fail(Notes.N004, 130)
        return
    except OSError as exc:  # ours carry their message; the system's only an errno, which names no option
        _fail(str(exc) if exc.errno is None else Errors.E042.format(path=out, reason=exc.strerror or exc))
        return
    except (ValueError, RuntimeError) as exc:
        _fail(str(exc))
        return
    typer.echo(summary.line(), err=True)
    raise typer.Exit(1 if summary.errors else 0)


QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")  # what reads HTML pages for extract run
DASK_REFUSES = ("workers", "resume", "doc_timeout")  # the cluster's workers run it; no done list; no budget


def _run_on_dask(ctx: typer.Context, paths: List[str], out: str, address: str, settings: RunSettings) -> Any:
    """``--dask``: the options it cannot honour are refused by name, not silently ignored."""
    # Sources compared by name: typer ships its own click, whose ParameterSource is not public.
    given = [f"--{name.replace('_', '-')}" for name in DASK_REFUSES
             if getattr(ctx.get_parameter_source(name), "name", "DEFAULT") != "DEFAULT"]
    if given:
        _fail(Errors.E066.format(options=", ".join(given)))
    try:
        fmt = run_format(out, settings.fmt)
    except ValueError as exc:
        _fail(str(exc))
        return None
    if fmt != "parquet":
        _fail(Errors.E065.format(out=out, fmt=fmt))
    from ..runs.dask import run_on_cluster

    return run_on_cluster(paths, out, address=address, docs_per_partition=settings.batch_size,
                          parse_cache=settings.parse_cache, **settings.read.as_kwargs())


def _select(doc_ids: list[str], patterns: Optional[List[str]]) -> list[str]:
    if not patterns:
        return doc_ids
    return [d for d in doc_ids if any(fnmatch.fnmatch(d, p) for p in patterns)]


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold directory (one <doc_id>.jsonl per document) or JSONL file."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Texts of the gold documents (.txt, recursive)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score this predictions JSONL instead of running the extractor."),
    docs: Optional[List[str]] = typer.Option(None, "--docs", help="Only documents whose id matches this glob (repeatable)."),
    split: Optional[str] = typer.Option(None, "--split", help="Only a named subset from GOLD/splits.json (seeds, wild, ...)."),
    errors: bool = typer.Option(False, "--errors", help="List every false positive, false negative and wrong group."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", help="table, json or csv."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Also show the figures per document."),
) -> None:
    """Score the extractor (or --pred) against the gold set, by the rules of docs/annotation.md."""
    from ..review.evaluation import evaluate_corpus, format_evaluation, split_docs

    if pred is None and corpus is None:
        _fail(Errors.E093)
    try:
        if split:
            docs = list(docs or []) + split_docs(gold, split)
        result, problems = evaluate_corpus(gold, corpus, pred, docs=docs)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
        return
    for p in problems:
        typer.echo(str(p), err=True)
    typer.echo(format_evaluation(result, fmt.value, per_doc=per_doc, errors=errors), nl=False)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _read_inputs(paths: List[str], command: Optional[str] = None,
                 records: Optional[Path] = None) -> tuple[dict[str, str], list[str]]:
    """Texts of the readable inputs, and the message of each one that could not be read (also printed).
    For ``command`` (check, report), inputs that are all records files and no --records is a usage error
    (E097): 'extract check stats.jsonl', the obvious first try, read nothing and said 'checks: 0'."""
    from ..runs.io import read_inputs

    inputs = read_inputs(paths)
    for message in inputs.notes + inputs.messages:
        typer.echo(message, err=True)
    if command and records is None and not inputs.texts and inputs.skipped:
        _fail(Errors.E097.format(paths=", ".join(inputs.skipped), command=command, first=inputs.skipped[0]))
    return inputs.texts, inputs.messages


def _read_records(records: Optional[Path]) -> tuple[Optional[list], list[str]]:
    """The records file if given, and the message of each malformed line (also printed); a missing one
    is a usage error naming it."""
    from ..review.evaluation import read_predictions

    if records is None:
        return None, []
    if not records.is_file():
        _fail(Errors.E020.format(path=records))
    recs, problems = read_predictions(records)
    for p in problems:
        typer.echo(str(p), err=True)
    return recs, [str(p) for p in problems]


def _articles_and_records(paths: List[str], records: Optional[Path]) -> tuple[dict[str, str], Optional[list], int]:
    """Texts of the readable inputs (each unreadable one reported), the records file if given, and
    how many inputs could not be read: unreadable files and malformed lines of the records file, so that
    a records file of nothing but bad lines is not 'unreadable inputs: 0'."""
    texts, failed = _read_inputs(paths, "check", records)
    recs, bad_lines = _read_records(records)
    return texts, recs, len(failed) + len(bad_lines)


class CheckFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Articles (.txt/.html/.jsonl/.csv files, directories, globs)."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Write results here (.jsonl or .csv); default: stdout."),
    fmt: Optional[CheckFormat] = typer.Option(None, "--format", help="jsonl, csv or table (default: from --out, else table)."),
    records: Optional[Path] = typer.Option(None, "--records", help="Check these records (any system's JSONL) instead of extracting."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any check fails (for pipelines)."),
    show: str = typer.Option("all", "--show", help="all, or only one status: holds, fails, cannot_check."),
) -> None:
    """Recompute what each article's own figures imply and say whether each claim holds.

    Checks: stated differences, ratios, words against numbers, parts of a whole,
    changes against earlier figures, 'respectively' lists, the GRIM test, and the
    same study quoted by several articles. Exit status: 1 with --strict when any
    check fails or any input could not be read, else 0.
    """
    from ..review.checks import check as run_checks
    from ..review.results import FAILS, save_results, status_counts, summary_line

    texts, recs, bad = _articles_and_records(paths, records)
    results = run_checks(recs, texts, show=show)
    save_results(results, out, fmt.value if fmt else None)
    typer.echo(summary_line(results, bad), err=True)
    raise typer.Exit(1 if strict and (status_counts(results)[FAILS] or bad) else 0)


@app.command()
def report(
    paths: List[str] = typer.Argument(..., help="Articles (.txt/.html/.jsonl/.csv files, directories, globs)."),
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="The HTML page to write."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold directory: mark false positives, misses and wrong groups."),
    records: Optional[Path] = typer.Option(None, "--records", help="Show these records (any system's JSONL) instead of extracting."),
    title: str = typer.Option("Survey statistics: review", "--title", help="Page title."),
    editable: bool = typer.Option(
        False, "--editable", help="Let the reader correct the records (kept in the browser) and export them as gold JSONL."),
    blank: bool = typer.Option(False, "--blank", help="Articles with no records, to label from scratch (editable; the extractor is not run)."),
) -> None:
    """Write one self-contained HTML page showing every figure in its sentence, with its group,
    sample and checks (works offline; open it from disk in any browser). With --editable or --blank
    the page corrects records and exports them as gold (see docs/review.md).

    Inputs that could not be read are printed and listed at the top of the page. Exit status: 0 when
    every input was read, 1 when any could not be (the page shows the others), 2 for a usage error.
    """
    from ..review.report import report_views, save_page

    texts, failed = _read_inputs(paths, "report", records)
    recs, bad_lines = _read_records(records)
    failed = failed + bad_lines
    try:
        views, failed = report_views(None, recs, texts, gold, None, failed, blank=blank)
    except FileNotFoundError as exc:
        _fail(str(exc))
        return
    try:  # written as it is built: a page of thousands of articles is never held whole
        save_page(out, views, title=title, with_gold=gold is not None, failed=failed, editable=editable or blank,
                  blank=blank)
    except OSError as exc:
        _fail(Errors.E042.format(path=out, reason=exc.strerror or exc))
    typer.echo(f"wrote {out}: {_count(len(texts), 'article')}, {_count(len(failed), 'input')} could not be read",
               err=True)
    raise typer.Exit(1 if failed else 0)


@app.command()
def studies(
    paths: List[str] = typer.Argument(..., help="Articles (.txt/.html/.jsonl/.csv files, directories, globs)."),
    out: str = typer.Option(..., "--out", "-o", metavar="FILE", help="The table: .csv, .jsonl or .parquet."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="FORMAT", help="jsonl, csv or parquet (default: from --out's extension)."),
    records: Optional[Path] = typer.Option(None, "--records", help="Use these records (any system's JSONL) instead of extracting."),
) -> None:
    """One row per study the articles quote: org, title, year, sample, the articles that quote it (with
    the offsets of the mentions and how many figures each gives) and where those articles agree.

    Mentions are one study when their orgs match leniently and their titles, years or sample sizes do
    too (the matched_on column says which). Exit status: 0 when every input was read, 1 when any could
    not be (the table has the others), 2 for a usage error.
    """
    from ..review.evaluation import extract_records
    from ..review.studies import studies_table, write_studies

    texts, failed = _read_inputs(paths, "studies", records)
    recs, bad_lines = _read_records(records)
    failed = failed + bad_lines
    if recs is None:
        recs = extract_records(texts)
    table = studies_table(recs, texts)
    try:
        write_studies(table, out, fmt)
    except (ValueError, RuntimeError) as exc:  # an unknown format; Parquet without pyarrow
        _fail(str(exc))
    except OSError as exc:
        _fail(Errors.E042.format(path=out, reason=exc.strerror or exc))
    shared = int((table["articles"] > 1).sum())
    typer.echo(f"wrote {out}: {len(table)} stud{'y' if len(table) == 1 else 'ies'} from {_count(len(texts), 'article')}, "
               f"{shared} quoted by more than one; {_count(len(failed), 'input')} could not be read", err=True)
    raise typer.Exit(1 if failed else 0)


@gold_app.command("validate")
def gold_validate(
    gold: Path = typer.Argument(..., help="Gold directory or JSONL file."),
    corpus: Path = typer.Option(..., "--corpus", help="Texts the offsets refer to."),
) -> None:
    """Check every gold record: schema, types, values, offsets against the text, duplicates."""
    from ..review.gold import validate

    texts, failed = _read_inputs([str(corpus)])
    if failed and not texts:  # no corpus at all: each gold file's 'no text' would only hide why
        raise typer.Exit(2)
    try:
        problems = validate(gold, texts)
    except FileNotFoundError as exc:
        _fail(str(exc))
        return
    for p in problems:
        typer.echo(str(p))
    if problems:
        typer.echo(f"{len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    typer.echo("gold set is valid", err=True)


plain_help(app, gold_app)


# The command runs one thread per process and scales with --workers. A math library that starts threads of its
# own (numpy's OpenBLAS starts one per core when numpy is imported) makes every lock and allocation in the
# process take the multi-threaded path. While spaCy's parser took the GIL's lock on every call of its state
# methods, that made `extract run` about 5% slower (24.0-24.1 against 22.9-23.0 s of CPU on 2,000 documents);
# since the parser holds the GIL (stepped_parser), the two measure within noise (15.1-17.3 against 16.8-17.0 s).
# It still keeps idle BLAS threads out of each worker. Set before anything imports numpy; a value the user set wins.
SINGLE_THREAD_ENV = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


def main() -> None:
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    app()
