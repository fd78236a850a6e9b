"""Where inputs come from, and how their bytes become text: the layer under the readers of each format.

Paths are expanded (folders walked, globs matched, links that lead nowhere named), files and streams read
within the byte limit (--max-bytes), bytes decoded (UTF-8, a byte-order mark's encoding, or --encoding),
and a text or a doc_id that cannot be written out is refused: each problem becomes an ``InputError``.
"""
from __future__ import annotations

import codecs
import errno
import glob
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..errors import Errors, Notes

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".csv")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES


@dataclass(frozen=True)
class InputError:
    """What is wrong with one input (a file, a line of one, stdin): reported, and the run goes on."""

    source: str
    message: str
    line: Optional[int] = None

    def __str__(self) -> str:
        return self.message


def surrogate_at(text: str) -> Optional[int]:
    """Where the first unpaired surrogate is (JSON's escaped '\\ud800', a file name Python could not
    decode), or None: such a string cannot be written as UTF-8, and stopped the whole run."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def surrogate_error(source: str, what: str, text: str) -> Optional[InputError]:
    """E032 when ``text`` (the input's ``what``) holds an unpaired surrogate, else None."""
    pos = surrogate_at(text)
    if pos is None:
        return None
    return InputError(source, Errors.E032.format(path=source, what=what, char=f"\\u{ord(text[pos]):04x}", pos=pos))


def bad_doc_id(doc_id: str, source: str) -> Optional[InputError]:
    """A doc_id the done list cannot keep on one line (E029): ``--resume`` would redo it, and take
    documents named after either half as done."""
    if any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in doc_id):
        return InputError(source, Errors.E029.format(path=source, doc_id=doc_id))
    return surrogate_error(source, "the doc_id", doc_id)


# Byte-order marks, UTF-32 first: its little-endian mark begins with UTF-16's. The codecs named drop the mark.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Decoded:
    """A file's text, and the encoding it was read in when that was not plain UTF-8."""

    text: str
    encoding: Optional[str] = None  # a byte-order mark's or --encoding's; None for UTF-8
    note: Optional[str] = None  # said during the run (a byte-order mark was followed)


def bom_encoding(data: bytes) -> Optional[str]:
    """UTF-16 or UTF-32 when the data opens with their byte-order mark: text full of NUL bytes, not binary."""
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def decode(path: str, data: bytes, max_bytes: int, encoding: Optional[str] = None) -> Union[Decoded, InputError]:
    """UTF-8, or ``encoding`` when given, or UTF-16/32 when a byte-order mark says so."""
    if len(data) > max_bytes:
        return InputError(path, Errors.E014.format(path=path, size=len(data), limit=max_bytes))
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            return InputError(path, Errors.E024.format(path=path, encoding=encoding, pos=exc.start, reason=exc.reason))
        except LookupError:
            return InputError(path, Errors.E025.format(encoding=encoding))
        return Decoded(text, encoding) if text.strip() else InputError(path, Errors.E011.format(path=path))
    bom = bom_encoding(data)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            text = "\x00"  # not text after all (a binary file can open with the same two bytes)
        if "\x00" not in text:
            if not text.strip():
                return InputError(path, Errors.E011.format(path=path))
            return Decoded(text, bom, Notes.N001.format(path=path, encoding=bom.upper()))
    if not data.strip():
        return InputError(path, Errors.E011.format(path=path))
    if b"\x00" in data:  # anywhere: a NUL past the first 8 KB reached the record text
        return InputError(path, Errors.E012.format(path=path))
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return InputError(path, Errors.E013.format(path=path, pos=exc.start, reason=exc.reason))


def _missing(path: str) -> InputError:
    """Why a path that names no file is missing: a link loop or a broken link says so, not 'no such file'."""
    if os.path.islink(path):
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return InputError(path, Errors.E026.format(path=path))
            return InputError(path, Errors.E027.format(path=path, target=os.readlink(path)))
    return InputError(path, Errors.E020.format(path=path))


def file_kind(path: str) -> str:
    """What a path that is neither a regular file nor a folder is, in words."""
    mode = os.stat(path).st_mode
    for test, kind in ((stat.S_ISFIFO, "named pipe (FIFO)"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "special file"


def _unreadable_folders(folder: Path) -> list[InputError]:
    """The folders under ``folder`` (itself included) that cannot be listed: ``rglob`` passes over them
    without a word, and their files would be missing from a run that exits 0."""
    problems: list[InputError] = []

    def note(exc: OSError) -> None:
        where = exc.filename or str(folder)
        problems.append(InputError(where, Errors.E036.format(path=where, reason=exc.strerror or exc)))

    for _ in os.walk(folder, onerror=note):
        pass
    return problems


def expand_paths(paths: Iterable[str]) -> Iterator[Union[str, InputError]]:
    """Files in the order given; directories walked recursively (sorted); globs expanded. Links in a
    directory that lead nowhere (a loop, a missing target) are reported, when their name is an input's."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            yield from _unreadable_folders(p)
            for f in sorted(x for x in p.rglob("*") if x.suffix.lower() in SUPPORTED and (x.is_file() or x.is_symlink())):
                yield str(f) if f.is_file() else _missing(str(f))
        elif p.is_file():
            yield str(p) if p.suffix.lower() in SUPPORTED else InputError(str(p), Errors.E021.format(path=p))
        elif p.exists():  # a FIFO or a device: not 'no such file'
            yield InputError(raw, Errors.E035.format(path=raw, kind=file_kind(raw)))
        elif any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            files = [m for m in matches if Path(m).is_file() and Path(m).suffix.lower() in SUPPORTED]
            if not files:
                yield InputError(raw, Errors.E020.format(path=raw))
            yield from files
        else:
            yield _missing(raw)


READ_PIECE = 1 << 20  # bytes read at a time from a stream whose size is not known in advance


def read_bounded(stream: BinaryIO, max_bytes: int, path: str) -> Union[bytes, InputError]:
    """At most ``max_bytes`` of the stream, read in pieces: one byte more is an error (E034), found
    without reading the rest (stdin from /dev/zero reached 6.8 GB before --max-bytes was checked)."""
    pieces, size = [], 0
    while size <= max_bytes:
        piece = stream.read(min(READ_PIECE, max_bytes + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    if size > max_bytes:
        return InputError(path, Errors.E034.format(path=path, limit=max_bytes))
    return b"".join(pieces)


def read_limited(path: str, max_bytes: int) -> Union[bytes, InputError]:
    """The file's bytes, unless it is too large (checked before reading, and while reading: a file can
    grow) or unreadable."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return InputError(path, Errors.E014.format(path=path, size=size, limit=max_bytes))
        with open(path, "rb") as fh:
            return read_bounded(fh, max_bytes, path)
    except OSError as exc:
        return InputError(path, Errors.E010.format(path=path, reason=exc.strerror or exc))


def bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, Optional[bytes], int]]:
    """(line number, line, its size in bytes); a line over ``max_bytes`` comes as None, read past in
    pieces and never held whole (a 300 MB JSONL line cost 740 MB before it was refused)."""
    n = 0
    while True:
        raw = handle.readline(max_bytes + 2)
        if not raw:
            return
        n += 1
        if raw.endswith(b"\n") or len(raw) <= max_bytes:
            yield n, raw, len(raw)
            continue
        size = len(raw)
        while True:
            rest = handle.readline(READ_PIECE)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield n, None, size
