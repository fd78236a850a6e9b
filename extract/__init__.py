"""Survey statistics out of trade-press articles: percentages, respondent groups, sample sizes.

    >>> import extract
    >>> nlp = extract.load()
    >>> extract.extract_text("Over 60% of marketers said no.", doc_id="a", nlp=nlp)[0].group
    'marketers'
"""
from __future__ import annotations

from .extensions import register_extensions
from .pipeline import default_pipeline, extract_many, extract_text, load
from .records import PercentageRecord, Record, SampleSizeRecord, StudyRecord, records_from_doc

__version__ = "0.1.0"
__all__ = [
    "load", "extract_text", "extract_many", "extract_corpus", "evaluate", "check", "report",
    "PercentageRecord", "SampleSizeRecord", "StudyRecord", "Record", "records_from_doc", "register_extensions",
    "default_pipeline",
]


def __getattr__(name: str):  # the heavier parts load on first use
    if name == "extract_corpus":
        from .corpus import extract_corpus
        return extract_corpus
    if name == "evaluate":
        from .scoring import evaluate
        return evaluate
    if name == "check":
        from .checks import check
        return check
    if name == "report":
        from .html_report import report
        return report
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
