"""Review: checks, scoring, gold and the review page, from records and texts alone."""
