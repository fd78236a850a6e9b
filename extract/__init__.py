"""Survey statistics out of trade-press articles: percentages, respondent groups, sample sizes.

    >>> import extract
    >>> nlp = extract.load()
    >>> extract.extract_text("Over 60% of marketers said no.", doc_id="a", nlp=nlp)[0].group
    'marketers'

Every public name loads on first use, so that ``import extract`` (and ``extract --help``,
``--version`` or a usage error) does not pay for importing spaCy.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names are, for type checkers; at run time they load in __getattr__
    from .review.checks import check
    from .runs.corpus import extract_corpus
    from .extensions import register_extensions
    from .review.report import report
    from .pipeline import default_pipeline, extract_many, extract_text, load
    from .records import PercentageRecord, Record, SampleSizeRecord, StudyRecord, records_from_doc
    from .review.scoring import evaluate
    from .review.studies import studies_table
    from .model.check import ModelMismatchWarning

__version__ = "0.1.0"

# public name -> the submodule that defines it
_LAZY: dict[str, str] = {
    "load": "pipeline", "extract_text": "pipeline", "extract_many": "pipeline", "default_pipeline": "pipeline",
    "PercentageRecord": "records", "SampleSizeRecord": "records", "StudyRecord": "records", "Record": "records",
    "records_from_doc": "records", "register_extensions": "extensions",
    "extract_corpus": "runs.corpus", "evaluate": "review.scoring", "check": "review.checks", "report": "review.report",
    "studies_table": "review.studies", "ModelMismatchWarning": "model.check",
}
__all__ = [
    "load", "extract_text", "extract_many", "extract_corpus", "evaluate", "check", "report", "studies_table",
    "PercentageRecord", "SampleSizeRecord", "StudyRecord", "Record", "records_from_doc", "register_extensions",
    "default_pipeline", "ModelMismatchWarning",
]


def __getattr__(name: str) -> Any:  # the heavier parts load on first use
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
