"""Percentage figures: ``forms`` (every written form, as patterns built from the lexicon) and
``passes`` (the patterns run over a text, and the ``survey_percentages`` component)."""
