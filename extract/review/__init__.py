"""Review: everything that reads records and texts after extraction -- scoring against the gold set,
the gold set itself, the arithmetic checks and the review page. Nothing here finds figures; records come
in from any system (or from ``extract.pipeline.extract_many`` when none are given)."""
