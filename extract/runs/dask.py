"""The same pipeline on a Dask cluster: one pipeline per worker, records out as partitioned Parquet.

    >>> import dask.dataframe as dd, extract.dask
    >>> articles = dd.read_parquet("s3://bucket/articles/")          # columns: id, text
    >>> records = extract.dask.extract_dataframe(articles, text_column="text", id_column="id")
    >>> records.to_parquet("s3://bucket/records/")

Workers need this package and the model installed (``pip install survey-extract[dask]``).
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Any, Iterable, Optional

import pandas as pd

from .. import pipeline
from ..errors import Errors
from ..records import to_dict
from .batch import Summary
from .corpus import records_frame
from .io import read_inputs
from .process import count_words
from .settings import DEFAULT_BATCH_SIZE, DEFAULT_ID_FIELD, DEFAULT_PARSE_CACHE, DEFAULT_TEXT_FIELD
from .writers import parquet_schema

log = logging.getLogger("extract")
ERROR_COLUMN = "error"
DEFAULT_MODEL = pipeline.DEFAULT_MODEL
# The process's one pipeline (``pipeline.default_pipeline``) is built once and used by one thread at a time:
# a worker may run several threads, and an in-process cluster several workers.
_PIPELINE_LOCK = threading.Lock()


def _require_dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - exercised only without the extra installed
        raise ImportError(Errors.E060) from None
    return dd


def _empty(with_errors: bool) -> pd.DataFrame:
    frame = records_frame([])
    if with_errors:
        frame[ERROR_COLUMN] = pd.Series(dtype="string")
    return frame


def _partition(pdf: pd.DataFrame, text_column: str, id_column: Optional[str], model: str,
               with_errors: bool, parse_cache: int = DEFAULT_PARSE_CACHE) -> pd.DataFrame:
    """Records of one partition; a document that fails becomes an error row (kept apart later)."""
    ids = pdf[id_column].astype(str).tolist() if id_column else [str(i) for i in pdf.index]
    rows: list[dict[str, Any]] = []
    with _PIPELINE_LOCK:
        nlp = pipeline.default_pipeline(model, parse_cache)
        for doc_id, text in zip(ids, pdf[text_column].tolist()):
            try:
                rows.extend(to_dict(r) for r in pipeline.chunked_records(nlp, text if isinstance(text, str) else "", doc_id))
            except Exception as exc:  # noqa: BLE001 - reported with the document's id, never raised
                rows.append({"doc_id": doc_id, "type": ERROR_COLUMN,
                             ERROR_COLUMN: Errors.E023.format(doc_id=doc_id, reason=repr(exc))})
    frame = records_frame(rows)
    if with_errors:
        frame[ERROR_COLUMN] = pd.Series([r.get(ERROR_COLUMN) for r in rows], dtype="string", index=frame.index)
    else:
        frame = frame[frame["type"] != ERROR_COLUMN]
    return frame


def extract_dataframe(ddf: Any, text_column: str = DEFAULT_TEXT_FIELD, id_column: Optional[str] = DEFAULT_ID_FIELD, *,
                      model: str = DEFAULT_MODEL, errors: bool = False, parse_cache: int = DEFAULT_PARSE_CACHE) -> Any:
    """A Dask DataFrame of records (the columns of the record format) for a Dask DataFrame of
    articles. ``id_column=None`` uses the index as doc_id. With ``errors=True`` failed documents
    come back as rows of type 'error' with a message in an 'error' column. ``parse_cache``: sentence
    parses each worker process remembers (0: none; same records)."""
    _require_dask()
    if text_column not in ddf.columns:
        raise KeyError(Errors.E017.format(path="the dataframe", field=text_column, columns=", ".join(map(str, ddf.columns))))
    return ddf.map_partitions(_partition, text_column, id_column, model, errors, parse_cache, meta=_empty(errors))


def run_on_cluster(paths: Iterable[str], out: str, *, address: str, model: str = DEFAULT_MODEL,
                   docs_per_partition: int = DEFAULT_BATCH_SIZE, parse_cache: int = DEFAULT_PARSE_CACHE,
                   **read_options: Any) -> Summary:
    """``extract run --dask ADDRESS``: read the inputs here (``read_options`` as for ``iter_documents``),
    extract on the cluster, ``docs_per_partition`` documents a task, and write ``out`` as a directory of
    Parquet parts. Unreadable inputs and failed documents are reported as in local runs."""
    dd = _require_dask()
    from distributed import Client

    summary = Summary()
    started = time.perf_counter()
    inputs = read_inputs(paths, **read_options)
    for note in inputs.notes:  # files of records left out (an earlier output), as in local runs
        log.info("%s", note)
    for doc in inputs.documents:
        if doc.note:
            log.info("%s", doc.note)
    for message in inputs.messages:
        log.error("%s", message)
    docs = inputs.documents
    summary.documents = len(docs)
    summary.words = sum(count_words(d.text) for d in docs)
    frame = pd.DataFrame({"id": [d.doc_id for d in docs], "text": [d.text for d in docs]})
    with Client(address) as client:
        ddf = dd.from_pandas(frame, npartitions=max(1, -(-len(docs) // docs_per_partition)), sort=False)
        result = client.persist(extract_dataframe(ddf, "text", "id", model=model, errors=True, parse_cache=parse_cache))
        failed = result[result["type"] == ERROR_COLUMN][["doc_id", ERROR_COLUMN]].compute()
        records = result[result["type"] != ERROR_COLUMN].drop(columns=[ERROR_COLUMN])
        records.to_parquet(out, write_index=False, schema=parquet_schema())
        summary.records = int(records.shape[0].compute())
    summary.error_messages = [*inputs.messages, *failed[ERROR_COLUMN]]
    summary.errors = len(summary.error_messages)
    for message in failed[ERROR_COLUMN]:
        log.error("%s", message)
    summary.elapsed = time.perf_counter() - started
    return summary
