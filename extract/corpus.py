"""Whole corpora as pandas DataFrames, for researchers working in notebooks."""
from __future__ import annotations

import warnings
from typing import Iterable, Optional, Union

import pandas as pd
from spacy.language import Language

from .io import Document, InputError, iter_documents
from .pipeline import DEFAULT_BATCH_SIZE, extract_many
from .records import ALL_COLUMNS, to_dict


def records_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """Records as a DataFrame with every column of the record format, nullable integer offsets."""
    frame = pd.DataFrame(list(rows), columns=list(ALL_COLUMNS))
    for col in ALL_COLUMNS:
        if col.endswith(("start", "end")) or col == "year":
            frame[col] = frame[col].astype("Int64")
    return frame


def extract_corpus(paths: Union[str, Iterable[str]], *, nlp: Optional[Language] = None,
                   batch_size: int = DEFAULT_BATCH_SIZE, **read_options: object) -> pd.DataFrame:
    """One row per record for every readable document under ``paths``.

    Inputs that cannot be read are skipped with a warning naming the file and the
    problem; the messages are also kept in ``frame.attrs["errors"]``.
    """
    paths = [paths] if isinstance(paths, str) else list(paths)
    errors: list[str] = []
    docs: list[tuple[str, str]] = []
    for item in iter_documents(paths, **read_options):  # type: ignore[arg-type]
        if isinstance(item, InputError):
            errors.append(item.message)
            warnings.warn(item.message, stacklevel=2)
        elif isinstance(item, Document):
            docs.append((item.doc_id, item.text))
    rows = (to_dict(r) for _, recs in extract_many(docs, nlp=nlp, batch_size=batch_size) for r in recs)
    frame = records_frame(rows)
    frame.attrs["errors"] = errors
    return frame
