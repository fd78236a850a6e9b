"""Whole corpora as pandas DataFrames, for researchers working in notebooks."""
from __future__ import annotations

import warnings
from typing import Iterable, Optional, Union

import pandas as pd
from spacy.language import Language

from ..pipeline import DEFAULT_BATCH_SIZE, extract_many
from ..records import ALL_COLUMNS, to_dict
from .io import read_inputs


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
    inputs = read_inputs(paths, **read_options)
    for message in inputs.messages:
        warnings.warn(message, stacklevel=2)
    docs = ((d.doc_id, d.text) for d in inputs.documents)
    rows = (to_dict(r) for _, recs in extract_many(docs, nlp=nlp, batch_size=batch_size) for r in recs)
    frame = records_frame(rows)
    frame.attrs["errors"] = inputs.messages
    return frame
