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

from .batch import Summary
from .errors import Errors
from .io import DEFAULT_ID_FIELD, DEFAULT_MAX_BYTES, DEFAULT_TEXT_FIELD, Document, iter_documents, parquet_schema
from .parser import DEFAULT_MODEL
from .records import ALL_COLUMNS, to_dict

log = logging.getLogger("extract")
ERROR_COLUMN = "error"
_LOAD_LOCK = threading.Lock()  # guards the one-time pipeline load on a worker (workers may run several threads)
_LOCAL_LOCK = threading.Lock()  # the pipeline of a process that is not a distributed worker


def _require_dask() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - exercised only without the extra installed
        raise ImportError(Errors.E060) from None
    return dd


def _pipeline(model: str) -> tuple[Any, threading.Lock]:
    """The pipeline of the worker this runs on, loaded on its first task (one per worker), with the
    lock its threads take turns on."""
    from .batch import _worker_pipeline

    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):  # not on a distributed worker: this process's pipeline
        return _worker_pipeline(model), _LOCAL_LOCK
    with _LOAD_LOCK:
        cache = getattr(worker, "_survey_extract_pipelines", None)
        if cache is None:
            cache = {}
            setattr(worker, "_survey_extract_pipelines", cache)
        if model not in cache:
            from .pipeline import load

            cache[model] = (load(model=model), threading.Lock())
    return cache[model]


def _empty(with_errors: bool) -> pd.DataFrame:
    from .corpus import records_frame

    frame = records_frame([])
    if with_errors:
        frame[ERROR_COLUMN] = pd.Series(dtype="string")
    return frame


def _partition(pdf: pd.DataFrame, text_column: str, id_column: Optional[str], model: str,
               with_errors: bool) -> pd.DataFrame:
    """Records of one partition; a document that fails becomes an error row (kept apart later)."""
    from .corpus import records_frame
    from .records import records_from_doc

    nlp, lock = _pipeline(model)
    ids = pdf[id_column].astype(str).tolist() if id_column else [str(i) for i in pdf.index]
    rows: list[dict[str, Any]] = []
    with lock:  # one pipeline per worker: its threads take turns
        for doc_id, text in zip(ids, pdf[text_column].tolist()):
            try:
                doc = nlp(text if isinstance(text, str) else "")
                rows.extend(to_dict(r) for r in records_from_doc(doc, doc_id))
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
                      model: str = DEFAULT_MODEL, errors: bool = False) -> Any:
    """A Dask DataFrame of records (the columns of the record format) for a Dask DataFrame of
    articles. ``id_column=None`` uses the index as doc_id. With ``errors=True`` failed documents
    come back as rows of type 'error' with a message in an 'error' column."""
    _require_dask()
    if text_column not in ddf.columns:
        raise KeyError(Errors.E017.format(path="the dataframe", field=text_column, columns=", ".join(map(str, ddf.columns))))
    return ddf.map_partitions(_partition, text_column, id_column, model, errors, meta=_empty(errors))


def run_on_cluster(paths: Iterable[str], out: str, *, address: str, id_field: str = DEFAULT_ID_FIELD,
                   text_field: str = DEFAULT_TEXT_FIELD, max_bytes: int = DEFAULT_MAX_BYTES, model: str = DEFAULT_MODEL,
                   docs_per_partition: int = 64, encoding: Optional[str] = None) -> Summary:
    """``extract run --dask ADDRESS``: read the inputs here, extract on the cluster, write ``out`` as a
    directory of Parquet parts. Unreadable inputs and failed documents are reported as in local runs."""
    dd = _require_dask()
    from distributed import Client

    summary = Summary()
    started = time.perf_counter()
    docs: list[Document] = []
    for item in iter_documents(paths, id_field=id_field, text_field=text_field, max_bytes=max_bytes, encoding=encoding):
        if isinstance(item, Document):
            docs.append(item)
            if item.note:
                log.info("%s", item.note)
        else:
            summary.errors += 1
            summary.error_messages.append(item.message)
            log.error("%s", item.message)
    summary.documents = len(docs)
    summary.words = sum(len(d.text.split()) for d in docs)
    frame = pd.DataFrame({"id": [d.doc_id for d in docs], "text": [d.text for d in docs]})
    with Client(address) as client:
        ddf = dd.from_pandas(frame, npartitions=max(1, -(-len(docs) // docs_per_partition)), sort=False)
        result = client.persist(extract_dataframe(ddf, "text", "id", model=model, errors=True))
        failed = result[result["type"] == ERROR_COLUMN][["doc_id", ERROR_COLUMN]].compute()
        records = result[result["type"] != ERROR_COLUMN].drop(columns=[ERROR_COLUMN])
        records.to_parquet(out, write_index=False, schema=parquet_schema())
        summary.records = int(records.shape[0].compute())
    for message in failed[ERROR_COLUMN]:
        summary.errors += 1
        summary.error_messages.append(message)
        log.error("%s", message)
    summary.elapsed = time.perf_counter() - started
    return summary
