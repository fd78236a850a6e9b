"""Sample sizes and their population: ``patterns`` (the cues and word classes, no parse needed),
``find`` (which counts a sentence holds and the sample each makes), ``asked`` (does the parse say
the people counted were asked) and ``component`` (``survey_samples``)."""
