"""Percentage figures: ``forms`` (every written form, as patterns built from the lexicon), ``passes``
(the patterns run over a text, figure by figure) and ``component`` (``survey_percentages``)."""
