"""Writing records: one writer per format, whole lines only; the checks on ``--out`` before a run starts,
and the lock that keeps a second run off it. The files beside the output are in ``sidefiles``.

Outputs: JSON Lines, CSV or Parquet (a directory of parts), written as documents finish.
"""
from __future__ import annotations

import csv
import glob
import io
import json
import os
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..errors import Errors
from ..records import ALL_COLUMNS, Record, to_dict
from .settings import output_format
from .sidefiles import side_paths
from .sources import file_kind


class LineWriter:
    """JSON Lines: each call's records go out as one chunk of whole lines, and a chunk that fails is cut
    back, so the file never keeps part of a line (``--resume`` and readers can trust every line)."""

    pending_rows = 0  # rows accepted but not yet on disk: none, each chunk is written at once

    def __init__(self, path: str, *, append: bool = False) -> None:
        self.path = path
        self._fh = open(path, "ab" if append else "wb", buffering=0)

    def render(self, rows: list[dict[str, Any]]) -> str:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)

    def write(self, records: Iterable[Record]) -> int:
        rows = [to_dict(r) for r in records]
        if rows:
            self._write_chunk(self.render(rows).encode("utf-8"))
        return len(rows)

    def _write_chunk(self, data: bytes) -> None:
        start = self._fh.seek(0, os.SEEK_END)
        try:
            view = memoryview(data)
            while view:
                view = view[self._fh.write(view):]
        except BaseException:
            try:
                os.ftruncate(self._fh.fileno(), start)
            except OSError:
                pass
            raise

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> "LineWriter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class CsvWriter(LineWriter):
    """CSV with every column of the record format, a header when the file starts; chunks as JSON Lines."""

    def __init__(self, path: str, *, append: bool = False) -> None:
        fresh = not (append and os.path.exists(path) and os.path.getsize(path) > 0)
        super().__init__(path, append=append)
        if fresh:
            self._write_chunk(self._csv([], header=True).encode("utf-8"))

    @staticmethod
    def _csv(rows: list[dict[str, Any]], header: bool = False) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(ALL_COLUMNS), extrasaction="ignore")
        if header:
            writer.writeheader()
        writer.writerows({k: "" if r.get(k) is None else r.get(k) for k in ALL_COLUMNS} for r in rows)
        return buffer.getvalue()

    def render(self, rows: list[dict[str, Any]]) -> str:
        return self._csv(rows)


class ParquetWriter:
    """A directory of Parquet parts, each written whole (temp file, then ``os.replace``); rows are held
    until a part is full, so ``pending_rows`` says what a failure would lose."""

    PART_ROWS = 50_000

    def __init__(self, path: str, *, append: bool = False) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise RuntimeError(Errors.E031) from None
        self.path = path
        self._rows: list[dict[str, Any]] = []
        self._part = _next_part(path) if append else 0
        self._closed = False
        if not append and os.path.isdir(path):
            for old in Path(path).glob("part-*.parquet"):
                old.unlink()

    @property
    def pending_rows(self) -> int:
        return len(self._rows)

    def write(self, records: Iterable[Record]) -> int:
        rows = [to_dict(r) for r in records]
        self._rows.extend(rows)
        if len(self._rows) >= self.PART_ROWS:
            self._flush()
        return len(rows)

    def _flush(self) -> None:
        if self._rows:
            write_parquet_part(self.path, self._part, self._rows)
            self._part += 1
            self._rows = []

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._flush()
        if self._part == 0:
            write_parquet_part(self.path, 0, [])

    def abort(self) -> None:
        """Drop the rows not yet in a part: their documents are not marked done, so ``--resume`` redoes
        them. Writing them here (Ctrl-C) put records on disk that the next run wrote again."""
        self._rows = []
        self._closed = True

    def __enter__(self) -> "ParquetWriter":
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if exc_type is not None:
            self.abort()
        else:
            self.close()


WRITERS: dict[str, type] = {"jsonl": LineWriter, "csv": CsvWriter, "parquet": ParquetWriter}


def record_writer(path: str, fmt: Optional[str] = None, *, append: bool = False) -> Union[LineWriter, ParquetWriter]:
    """The writer for ``path``'s format (``fmt``, else its extension)."""
    return WRITERS[output_format(path, fmt)](path, append=append)


def parquet_schema():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    types = {"value": pa.float64(), "start": pa.int64(), "end": pa.int64(), "group_start": pa.int64(),
             "group_end": pa.int64(), "population_start": pa.int64(), "population_end": pa.int64(),
             "org_start": pa.int64(), "org_end": pa.int64(), "title_start": pa.int64(), "title_end": pa.int64(),
             "year": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in ALL_COLUMNS])
    return schema.with_metadata(_pandas_metadata(schema))


def _pandas_metadata(schema):  # type: ignore[no-untyped-def]
    """pandas' own description of the columns, with the offsets and years as nullable integers ('Int64'):
    without it they came back from pd.read_parquet as float64 (a null among them made the column float)."""
    import pandas as pd
    import pyarrow as pa

    def dtype(f: Any) -> str:
        return "Int64" if pa.types.is_integer(f.type) else "float64" if pa.types.is_floating(f.type) else "object"

    frame = pd.DataFrame({f.name: pd.Series([], dtype=dtype(f)) for f in schema})
    return pa.Schema.from_pandas(frame, preserve_index=False).metadata


def write_parquet_part(path: str, part: int, rows: list[dict[str, Any]]) -> None:
    """Parquet output is a directory of parts, so a long run writes as it goes and can resume."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    os.makedirs(path, exist_ok=True)
    schema = parquet_schema()
    cols = {c: [r.get(c) for r in rows] for c in ALL_COLUMNS}
    cols["value"] = [None if v is None else float(v) for v in cols["value"]]
    table = pa.table(cols, schema=schema)
    tmp = os.path.join(path, f".part-{part:05d}.parquet.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, os.path.join(path, f"part-{part:05d}.parquet"))


def _next_part(path: str) -> int:
    parts = sorted(Path(path).glob("part-*.parquet")) if os.path.isdir(path) else []
    return int(parts[-1].stem.split("-")[1]) + 1 if parts else 0


def check_not_an_input(paths: Iterable[str], out: str) -> None:
    """Refuse (E044) an output, or a file beside it, that is one of the inputs given (a file, a folder
    or a glob's match): the run would empty it before reading it. An output inside an input folder is
    fine: the run never reads its own files."""
    own = {os.path.realpath(p) for p in (out, *side_paths(out).values())}
    for raw in paths:
        if raw == "-":
            continue
        given = sorted(glob.glob(raw, recursive=True)) if any(ch in raw for ch in "*?[") else [raw]
        for path in given:
            if os.path.exists(path) and os.path.realpath(path) in own:
                raise ValueError(Errors.E044.format(path=out, input=path))


def existing_format(out: str) -> Optional[str]:
    """The format of what an earlier run wrote to ``out`` (None: nothing yet; "unknown": not ours)."""
    if os.path.isdir(out):
        return "parquet" if any(Path(out).glob("part-*.parquet")) else None
    if not os.path.isfile(out) or os.path.getsize(out) == 0:
        return None
    with open(out, "rb") as fh:
        first = fh.readline(1 << 20)
    if first.startswith(b"{"):
        return "jsonl"
    if first.startswith(b"doc_id,"):
        return "csv"
    return "unknown"


def check_resume_format(out: str, fmt: str) -> None:
    """``--resume`` appends to what is there: refuse when that is another format (E046) or not an
    output of ours (E047), before anything is touched."""
    found = existing_format(out)
    if found == "unknown":
        raise ValueError(Errors.E047.format(path=out))
    if found is not None and found != fmt:
        raise ValueError(Errors.E046.format(path=out, found=found, fmt=fmt))


def check_output_folder(out: str) -> None:
    """An OSError naming ``out`` as the user wrote it when its folder is missing or not writable: the
    side files beside it are opened first, and their names would only puzzle."""
    folder = os.path.dirname(out.rstrip("/") or out) or "."
    reason = None
    if not out.strip():
        reason = "the name is empty"
    elif os.path.exists(out) and not (os.path.isfile(out) or os.path.isdir(out)):
        reason = f"it is not a regular file but a {file_kind(out)}"  # /dev/null: no /dev/null.done beside it
    elif not os.path.exists(folder):
        reason = f"the folder {folder!r} does not exist"
    elif not os.path.isdir(folder):
        reason = f"{folder!r} is not a folder"
    elif not os.access(folder, os.W_OK | os.X_OK):
        reason = f"the folder {folder!r} is not writable"
    elif os.path.isdir(out) and output_format(out) != "parquet":
        reason = "it is a folder"
    if reason is not None:
        raise OSError(Errors.E042.format(path=out, reason=reason))


class OutputLock:
    """An exclusive lock on ``OUT.lock`` for the length of a run (``fcntl.flock``: the system drops it if
    the process dies, so a killed run never leaves a stale lock that refuses the next one)."""

    def __init__(self, out: str) -> None:
        self.out = out
        # Beside the real path: a symbolic link to the output is the same output, and must meet the same lock.
        self.path = side_paths(os.path.realpath(out))["lock"]
        self._fh: Optional[Any] = None

    def acquire(self) -> None:
        import fcntl

        fh = open(self.path, "a", encoding="utf-8")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise OSError(Errors.E043.format(path=self.out, lock=self.path)) from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            os.remove(self.path)  # while still held: a run waiting on it finds no stale file
        except OSError:
            pass
        self._fh.close()
        self._fh = None
