"""The files beside the output (``OUT.errors.log``, ``OUT.done``, ``OUT.texts.jsonl``), and what ``--resume``
reads back from them and from the output: the done marks with the digest of each text, a half-written last
line cut, and the records of documents not marked done dropped.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path
from typing import Callable, Iterable, Optional


DIGEST_CHARS = 16  # of a document's SHA-256, kept beside its done mark: enough to tell an edited input


def text_digest(text: str) -> str:
    """What a done mark remembers of the text it was made from ('surrogatepass': a text is never refused here)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_CHARS]


def done_line(doc_id: str, digest: Optional[str]) -> str:
    """A line of ``OUT.done``: the doc_id, and after a tab the digest of its text (doc_ids hold no control
    character: E029)."""
    return doc_id if digest is None else f"{doc_id}\t{digest}"


def parse_done_line(line: str) -> tuple[str, Optional[str]]:
    """(doc_id, digest or None): lines of earlier versions hold the doc_id alone."""
    doc_id, _, digest = line.partition("\t")
    return doc_id, digest or None


class SideFile:
    """A file beside the output (``OUT.errors.log``, ``OUT.done``, ``OUT.texts.jsonl``), one line per entry.

    Lines go to ``PATH.tmp`` as the run goes (a ``tail -f`` sees them; a killed run leaves them for
    ``--resume``), and the file takes its place with ``os.replace`` when the run ends: a reader never sees
    one half-written, and a new run does not wipe the last one's before it has its own. A file with no
    line is not left behind (nor is an earlier run's, which would describe another run). With ``keep``
    (``--resume``) it starts from what the last run left: an interrupted run's ``.tmp`` (which holds what
    it started from), else the file."""

    def __init__(self, path: str, *, keep: bool = False) -> None:
        self.path, self.tmp = path, path + ".tmp"
        earlier = ""
        last = self.tmp if os.path.exists(self.tmp) else path
        if keep and os.path.exists(last):
            repair_jsonl(last)
            earlier = Path(last).read_text(encoding="utf-8")
        self._fh = open(self.tmp, "w", encoding="utf-8")
        self._fh.write(earlier)
        self._fh.flush()

    def lines(self) -> set[str]:
        """The lines written so far (with ``keep``, those of earlier runs too)."""
        self._fh.flush()
        return set(Path(self.tmp).read_text(encoding="utf-8").split("\n")) - {""}

    def write(self, lines: Iterable[str]) -> None:
        self._fh.write("".join(line + "\n" for line in lines))
        self._fh.flush()

    def drop(self, unwanted: Callable[[str], bool]) -> None:
        """Take out the lines ``unwanted`` says, in place (``PATH.tmp`` rewritten whole with ``os.replace``): a run
        killed at any point leaves either every line or the kept ones."""
        kept = [line for line in Path(self.tmp).read_text(encoding="utf-8").split("\n") if line and not unwanted(line)]
        self._fh.close()
        fresh = self.tmp + ".new"
        Path(fresh).write_text("".join(line + "\n" for line in kept), encoding="utf-8")
        os.replace(fresh, self.tmp)
        self._fh = open(self.tmp, "a", encoding="utf-8")

    def close(self) -> None:
        if self._fh.closed:
            return
        self._fh.close()
        if os.path.getsize(self.tmp) > 0:
            os.replace(self.tmp, self.path)
            return
        for old in (self.tmp, self.path):
            if os.path.exists(old):
                os.remove(old)


def side_paths(out: str) -> dict[str, str]:
    """The files a run on ``out`` writes beside it, by role."""
    base = out.rstrip("/")
    return {role: f"{base}.{suffix}" for role, suffix in
            (("errors", "errors.log"), ("done", "done"), ("texts", "texts.jsonl"), ("lock", "lock"))}


def repair_jsonl(path: str) -> int:
    """Cut a half-written last line left by an interrupted run; returns the bytes removed."""
    if not os.path.exists(path):
        return 0
    with open(path, "rb+") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size == 0:
            return 0
        fh.seek(max(0, size - 1))
        if fh.read(1) == b"\n":
            return 0
        pos = size - 1
        chunk = 65536
        while pos > 0:
            start = max(0, pos - chunk)
            fh.seek(start)
            data = fh.read(pos - start)
            nl = data.rfind(b"\n")
            if nl != -1:
                keep = start + nl + 1
                fh.truncate(keep)
                return size - keep
            pos = start
        fh.truncate(0)
        return size


def done_doc_ids(path: str, fmt: str) -> set[str]:
    """doc_ids already in an output, for --resume."""
    if not os.path.exists(path):
        return set()
    if fmt == "jsonl":
        repair_jsonl(path)
        out = set()
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    out.add(json.loads(line)["doc_id"])
                except (ValueError, KeyError, TypeError):
                    continue
        return out
    if fmt == "csv":
        repair_jsonl(path)  # same rule: whole lines only
        with open(path, encoding="utf-8", newline="") as fh:
            return {row["doc_id"] for row in csv.DictReader(fh) if row.get("doc_id")}
    import pyarrow.parquet as pq

    out = set()
    for part in sorted(Path(path).glob("part-*.parquet")):
        out.update(pq.read_table(part, columns=["doc_id"]).column("doc_id").to_pylist())
    return out


def keep_only_done(out: str, fmt: str, done: set[str]) -> None:
    """On resume, drop records of documents that were not marked done (interrupted mid-document, or, in
    Parquet, killed between a part put in place and its documents marked)."""
    if fmt == "parquet":
        _keep_only_done_parts(out, done)
        return
    if fmt not in ("jsonl", "csv") or not os.path.exists(out):
        return
    repair_jsonl(out)
    tmp = out + ".tmp"
    with open(out, encoding="utf-8", newline="") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
        if fmt == "jsonl":
            for line in src:
                try:
                    if json.loads(line).get("doc_id") in done:
                        dst.write(line)
                except ValueError:
                    continue
        else:
            import csv

            reader = csv.DictReader(src)
            writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or [])
            writer.writeheader()
            for row in reader:
                if row.get("doc_id") in done:
                    writer.writerow(row)
    os.replace(tmp, out)


def _keep_only_done_parts(out: str, done: set[str]) -> None:
    """Each part that holds records of a document not done is written again without them (temp file,
    then ``os.replace``, as any part), or removed when nothing is left."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    for part in sorted(Path(out).glob("part-*.parquet")) if os.path.isdir(out) else []:
        table = pq.read_table(part)
        keep = pc.is_in(table.column("doc_id"), value_set=pa_array(sorted(done)))
        if pc.all(keep).as_py() is not False:
            continue
        kept = table.filter(keep)
        if kept.num_rows == 0:
            part.unlink()
            continue
        tmp = part.with_name(f".{part.name}.tmp")
        pq.write_table(kept, tmp)
        os.replace(tmp, part)


def pa_array(values: list[str]):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    return pa.array(values, type=pa.string())
