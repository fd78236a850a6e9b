"""Reading documents: every bad input becomes one clear error, never a crash.

Inputs: .txt files (doc_id = file stem), directories (recursive) and globs of
them, .html/.htm pages (main text taken with trafilatura), .jsonl and .csv
files with an id and a text field, and ``-`` for stdin (one text, doc_id
``stdin``). ``iter_documents`` streams them (``extract run``); ``read_inputs``
collects them, and is what every other reader of paths uses.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Optional, Union

from ..errors import Errors, Notes
from .settings import DEFAULT_ID_FIELD, DEFAULT_MAX_BYTES, DEFAULT_TEXT_FIELD
from .sources import (HTML_SUFFIXES, TEXT_SUFFIXES, InputError, bad_doc_id, bounded_lines, decode, expand_paths,
                      read_bounded, read_limited, surrogate_error)


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str
    source: str
    extracted: bool = False  # text was taken out of HTML, JSONL, CSV or stdin: keep it beside the records
    note: Optional[str] = None  # how it was read, when that is worth saying (a byte-order mark followed)


@dataclass(frozen=True)
class Skipped:
    """An input left out on purpose (an earlier output of this toolkit): said, not counted as an error."""

    source: str
    message: str


Item = Union[Document, InputError]
JSON_KINDS = {list: "array", dict: "object", bool: "boolean"}
RECORD_KEYS = {"doc_id", "type"}  # what every record has; with only record fields beside them, a record


def looks_like_records(keys: Iterable[str], record_type: Any = "percentage") -> bool:
    """Are these the fields (or CSV columns) of this toolkit's records? An earlier ``extract run`` output
    in an input folder is not a table of articles: its rows have a 'text' too, the figure's."""
    from ..records import ALL_COLUMNS, RECORD_TYPES

    names = set(keys)
    return RECORD_KEYS <= names and names <= set(ALL_COLUMNS) and record_type in RECORD_TYPES


def read_text_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES, encoding: Optional[str] = None) -> Item:
    data = read_limited(path, max_bytes)
    if isinstance(data, InputError):
        return data
    text = decode(path, data, max_bytes, encoding)
    if isinstance(text, InputError):
        return text
    # Decoded from anything but UTF-8, the text the offsets refer to is not on disk: keep it beside the records.
    return Document(Path(path).stem, text.text, path, extracted=text.encoding is not None, note=text.note)


def html_to_text(html: str) -> Optional[str]:
    """The article's main text, without menus, ads and comments."""
    import trafilatura

    # fast=True: no fallback extractors, which return menus when a page has no article.
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True,
                               deduplicate=True, fast=True)
    return text if text and text.strip() else None


def read_html_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Item:
    data = read_limited(path, max_bytes)
    if isinstance(data, InputError):
        return data
    if not data.strip():
        return InputError(path, Errors.E011.format(path=path))
    if b"\x00" in data:
        return InputError(path, Errors.E012.format(path=path))
    html = data.decode("utf-8", errors="replace")
    text = html_to_text(html)
    if text is None:
        return InputError(path, Errors.E019.format(path=path))
    return Document(Path(path).stem, text, path, extracted=True)


def _row_id(value: Any, path: str, n: int) -> Union[str, InputError]:
    """The row's id as text, or ``FILE-STEM:ROW`` when it has none; an id that is a JSON array, object or
    boolean is an error (E028), not its Python repr."""
    if value in (None, ""):
        return f"{Path(path).stem}:{n}"
    if isinstance(value, (bool, list, dict)):
        kind = next(name for t, name in JSON_KINDS.items() if isinstance(value, t))
        return InputError(path, Errors.E028.format(path=f"{path}:{n}", value=json.dumps(value)[:80], kind=kind), n)
    return str(value)


def _open(path: str) -> Union[BinaryIO, InputError]:
    try:
        return open(path, "rb")
    except OSError as exc:
        return InputError(path, Errors.E010.format(path=path, reason=exc.strerror or exc))


def read_jsonl_file(path: str, id_field: str, text_field: str, max_bytes: int) -> Iterator[Union[Item, Skipped]]:
    handle = _open(path)
    if isinstance(handle, InputError):
        yield handle
        return
    with handle:
        any_line = any_document = False
        for n, raw, size in bounded_lines(handle, max_bytes):
            if raw is not None and not raw.strip():
                continue
            any_line = True
            if raw is None or size > max_bytes:
                yield InputError(path, Errors.E014.format(path=f"{path}:{n}", size=size, limit=max_bytes), n)
                continue
            try:
                obj = json.loads(raw.decode("utf-8").lstrip("\ufeff") if n == 1 else raw.decode("utf-8"))
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
            except (ValueError, UnicodeDecodeError) as exc:
                yield InputError(path, Errors.E015.format(path=path, line=n, reason=exc), n)
                continue
            except RecursionError:  # nested deeper than Python's stack: one bad line, not the whole run
                yield InputError(path, Errors.E015.format(path=path, line=n, reason="nested too deeply"), n)
                continue
            if not any_document and looks_like_records(obj, obj.get("type")):
                yield Skipped(path, Notes.N003.format(path=path))
                return
            any_document = True
            if text_field not in obj:
                yield InputError(path, Errors.E016.format(path=path, line=n, field=text_field), n)
                continue
            if not isinstance(obj[text_field], str):
                yield InputError(path, Errors.E022.format(path=path, line=n, field=text_field), n)
                continue
            if not obj[text_field].strip():
                yield InputError(path, Errors.E011.format(path=f"{path}:{n}"), n)
                continue
            unpaired = surrogate_error(f"{path}:{n}", f"text field {text_field!r}", obj[text_field])
            if unpaired is not None:
                yield unpaired
                continue
            doc_id = _row_id(obj.get(id_field, obj.get("doc_id")), path, n)
            if isinstance(doc_id, InputError):
                yield doc_id
                continue
            yield Document(doc_id, obj[text_field], f"{path}:{n}", extracted=True)
        if not any_line:
            yield InputError(path, Errors.E011.format(path=path))


def _utf8_lines(handle: BinaryIO, path: str, problems: list[InputError], max_bytes: int,
                at: Optional[list[int]] = None) -> Iterator[str]:
    """Lines decoded one by one, so a line that is not UTF-8, or over ``max_bytes``, is reported with its
    number and skipped (an empty line stands in for it, so later line numbers stay right); the UTF-8
    byte-order mark Excel writes is not part of the first column's name. ``at[0]`` is the number of the
    line last given out (where the csv module stopped, when it raises)."""
    for n, raw, size in bounded_lines(handle, max_bytes):
        if at is not None:
            at[0] = n
        if raw is None or size > max_bytes:
            problems.append(InputError(path, Errors.E014.format(path=f"{path}:{n}", size=size, limit=max_bytes), n))
            yield "\n"
            continue
        if b"\x00" in raw:  # past the first 8 KB (a NUL there refuses the file): this line, not the file
            problems.append(InputError(path, Errors.E012.format(path=f"{path}:{n}"), n))
            yield "\n"
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(InputError(path, Errors.E013.format(path=f"{path}:{n}", pos=exc.start, reason=exc.reason), n))
            continue
        yield line[1:] if n == 1 and line.startswith("\ufeff") else line


def read_csv_file(path: str, id_field: str, text_field: str, max_bytes: int) -> Iterator[Union[Item, Skipped]]:
    """Rows streamed, one document each; a row too large, or a line that is not UTF-8, is an error
    with its line number."""
    handle = _open(path)
    if isinstance(handle, InputError):
        yield handle
        return
    with handle:
        head = handle.read(8192)
        handle.seek(0)
        if not head.strip():
            yield InputError(path, Errors.E011.format(path=path))
            return
        if b"\x00" in head:
            yield InputError(path, Errors.E012.format(path=path))
            return
        csv.field_size_limit(max(max_bytes, 1 << 20) + 1)
        problems: list[InputError] = []
        at = [0]
        reader = csv.DictReader(_utf8_lines(handle, path, problems, max_bytes, at))
        try:
            columns = reader.fieldnames or []
        except csv.Error as exc:
            yield InputError(path, Errors.E033.format(path=path, line=reader.line_num, reason=exc), reader.line_num)
            return
        if looks_like_records(columns):
            yield Skipped(path, Notes.N003.format(path=path))
            return
        if text_field not in columns:
            yield InputError(path, Errors.E017.format(path=path, field=text_field, columns=", ".join(columns) or "none"))
            return
        n = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # one bad row (a field over the limit): named, and the next row is read
                n += 1
                yield from problems
                problems.clear()
                yield InputError(path, Errors.E033.format(path=path, line=at[0], reason=exc), at[0])
                continue
            n += 1
            yield from problems
            problems.clear()
            line = reader.line_num
            body = row.get(text_field)
            size = len(body.encode("utf-8")) if body else 0
            if not body or not body.strip():
                yield InputError(path, Errors.E011.format(path=f"{path}:{line}"), line)
            elif size > max_bytes:
                yield InputError(path, Errors.E014.format(path=f"{path}:{line}", size=size, limit=max_bytes), line)
            else:
                doc_id = _row_id(row.get(id_field, row.get("doc_id")), path, n)
                yield doc_id if isinstance(doc_id, InputError) else Document(doc_id, body, f"{path}:{line}",
                                                                             extracted=True)
        yield from problems


def read_stdin(stream: Optional[BinaryIO], max_bytes: int, encoding: Optional[str] = None) -> Item:
    data = read_bounded(stream or sys.stdin.buffer, max_bytes, "<stdin>")
    if isinstance(data, InputError):
        return data
    text = decode("<stdin>", data, max_bytes, encoding)
    return text if isinstance(text, InputError) else Document("stdin", text.text, "<stdin>", extracted=True, note=text.note)


def iter_documents(paths: Iterable[str], *, id_field: str = DEFAULT_ID_FIELD, text_field: str = DEFAULT_TEXT_FIELD,
                   max_bytes: int = DEFAULT_MAX_BYTES, stdin: Optional[BinaryIO] = None,
                   encoding: Optional[str] = None, exclude: Iterable[str] = (),
                   on_skip: Optional[Callable[[str], None]] = None,
                   on_skipped: Optional[Callable[[str], None]] = None) -> Iterator[Item]:
    """Documents and input errors, lazily, in input order; a doc_id seen twice is an error. ``encoding``
    reads .txt files and stdin in a legacy encoding (else UTF-8, or UTF-16/32 after a byte-order mark).
    Files in ``exclude`` (a run's own output and side files) are never read, and ``on_skip`` is told; so is
    it of a file of records (an earlier output), whose path ``on_skipped`` is given."""
    first_seen: dict[str, str] = {}
    excluded = {os.path.realpath(x) for x in exclude}
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        if path != "-" and os.path.realpath(path) in excluded:
            if on_skip is not None:
                on_skip(Notes.N002.format(path=path))
            continue
        suffix = Path(path).suffix.lower()
        if path == "-":
            items: Iterable[Union[Item, Skipped]] = [read_stdin(stdin, max_bytes, encoding)]
        elif suffix in TEXT_SUFFIXES:
            items = [read_text_file(path, max_bytes, encoding)]
        elif suffix in HTML_SUFFIXES:
            items = [read_html_file(path, max_bytes)]
        elif suffix == ".jsonl":
            items = read_jsonl_file(path, id_field, text_field, max_bytes)
        else:
            items = read_csv_file(path, id_field, text_field, max_bytes)
        for item in items:
            if isinstance(item, Skipped):
                if on_skip is not None:
                    on_skip(item.message)
                if on_skipped is not None:
                    on_skipped(item.source)
                continue
            if isinstance(item, Document):
                bad = bad_doc_id(item.doc_id, item.source)
                if bad is not None:
                    yield bad
                    continue
                if item.doc_id in first_seen:
                    yield InputError(item.source, Errors.E018.format(path=item.source, doc_id=item.doc_id,
                                                                      first=first_seen[item.doc_id]))
                    continue
                first_seen[item.doc_id] = item.source
            yield item


@dataclass
class Inputs:
    """What a set of paths held: the documents read, in input order, and the inputs that failed."""

    documents: list[Document]
    errors: list[InputError]
    notes: list[str] = field(default_factory=list)  # inputs left out on purpose (earlier outputs)
    skipped: list[str] = field(default_factory=list)  # the files those notes name

    @property
    def texts(self) -> dict[str, str]:
        return {d.doc_id: d.text for d in self.documents}

    @property
    def messages(self) -> list[str]:
        return [e.message for e in self.errors]


def read_inputs(paths: Union[str, Path, Iterable[Union[str, Path]]], **options: Any) -> Inputs:
    """Every document under ``paths`` (a path or several), and every input that could not be read;
    ``options`` as for ``iter_documents``."""
    roots = [paths] if isinstance(paths, (str, Path)) else list(paths)
    inputs = Inputs([], [])
    options.setdefault("on_skip", inputs.notes.append)
    options.setdefault("on_skipped", inputs.skipped.append)
    for item in iter_documents([str(r) for r in roots], **options):
        (inputs.documents if isinstance(item, Document) else inputs.errors).append(item)
    return inputs


def load_texts(corpus: Union[str, Path, Iterable[Union[str, Path]]]) -> dict[str, str]:
    """doc_id -> text for every readable .txt under the corpus path(s); unreadable files are left out."""
    return read_inputs(corpus).texts
