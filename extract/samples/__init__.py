"""Sample sizes and their population: ``patterns`` (the cues and word classes, no parse needed) and
``find`` (read off the parse, and the ``survey_samples`` component)."""
