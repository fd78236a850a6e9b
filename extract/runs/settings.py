"""What a run can be told, with its defaults: light to import, so ``extract --help`` and the CLI's
defaults need no spaCy."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from ..errors import Errors

DEFAULT_MAX_BYTES = 20_000_000  # a document larger than this is refused (E014)
DEFAULT_ID_FIELD = "id"
DEFAULT_TEXT_FIELD = "text"
DEFAULT_BATCH_SIZE = 64  # documents per batch (and per Dask partition)
DEFAULT_WORKERS = 1
# Sentence parses each process remembers (`extract run --parse-cache`; 0: none). The parser's own default
# (parser.DEFAULT_CACHE_SIZE), written out here so that the CLI's defaults need no spaCy; a test keeps them equal.
DEFAULT_PARSE_CACHE = 20_000
DEFAULT_DOC_TIMEOUT = 60.0  # seconds a document may hold its worker (`extract run --doc-timeout`)
MAX_DOC_TIMEOUT = 1_000_000  # some 11 days: longer is no budget at all (0 says so), and inf overflows the wait
FORMATS = ("jsonl", "csv", "parquet")
SUFFIX_FORMATS = {"jsonl": "jsonl", "json": "jsonl", "ndjson": "jsonl", "csv": "csv", "parquet": "parquet", "pq": "parquet"}


def output_format(path: str, fmt: Optional[str] = None) -> str:
    """``fmt`` when given (one of FORMATS), else the one ``path``'s extension names (JSON Lines by default)."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(Errors.E030.format(fmt=fmt))
        return fmt
    return SUFFIX_FORMATS.get(Path(path).suffix.lower().lstrip("."), "jsonl")


def run_format(out: str, fmt: Optional[str] = None) -> str:
    """What ``extract run`` writes to ``out``: ``fmt``, else the format its extension names. An extension
    no writer knows is refused (E045): writing JSON Lines under any name let ``--out article.txt``
    overwrite an article."""
    if fmt:
        return output_format(out, fmt)
    suffix = Path(out.rstrip("/")).suffix.lower().lstrip(".")
    if suffix not in SUFFIX_FORMATS:
        raise ValueError(Errors.E045.format(path=out, ext=repr("." + suffix) if suffix else "(none)"))
    return SUFFIX_FORMATS[suffix]


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read (the keyword arguments of ``iter_documents``)."""

    id_field: str = DEFAULT_ID_FIELD
    text_field: str = DEFAULT_TEXT_FIELD
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: Optional[str] = None  # .txt files and stdin; None: UTF-8, or UTF-16/32 after a byte-order mark

    def __post_init__(self) -> None:
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise ValueError(Errors.E069.format(value=self.max_bytes))

    def as_kwargs(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class RunSettings:
    """How ``run_batch`` runs. ``doc_timeout=None`` (the Python default) processes documents in this
    process when ``workers`` is 1; ``extract run`` sets ``DEFAULT_DOC_TIMEOUT``."""

    fmt: Optional[str] = None  # jsonl, csv or parquet; None: from the output's extension
    workers: int = DEFAULT_WORKERS
    resume: bool = False
    batch_size: int = DEFAULT_BATCH_SIZE
    model: Optional[str] = None  # None: the pipeline's default model
    doc_timeout: Optional[float] = None
    progress: bool = True
    parse_cache: int = DEFAULT_PARSE_CACHE  # sentence parses each process remembers; 0: none (same records)
    read: ReadOptions = field(default_factory=ReadOptions)

    def __post_init__(self) -> None:
        timeout = self.doc_timeout
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                    or not 0 <= timeout <= MAX_DOC_TIMEOUT):  # inf, 1e300: OverflowError in the wait
            raise ValueError(Errors.E068.format(value=timeout, limit=MAX_DOC_TIMEOUT))
        if isinstance(self.parse_cache, bool) or not isinstance(self.parse_cache, int) or self.parse_cache < 0:
            raise ValueError(Errors.E067.format(value=self.parse_cache))

    @classmethod
    def from_options(cls, **options: Any) -> "RunSettings":
        """Settings from flat keyword arguments (``workers=2, id_field="key"``), reading options included;
        an unknown name is a TypeError, as for any function."""
        own = {f.name for f in fields(cls)} - {"read"}
        read = {f.name for f in fields(ReadOptions)}
        unknown = set(options) - own - read
        if unknown:
            raise TypeError(f"run_batch() got unexpected keyword arguments: {', '.join(sorted(unknown))}")
        return cls(**{k: v for k, v in options.items() if k in own},
                   read=ReadOptions(**{k: v for k, v in options.items() if k in read}))
