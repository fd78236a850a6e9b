"""The statistical model's runner and its speed-ups, all giving the same parses as the model alone.

``parser`` (the ``survey_parser`` component: the model on the selected sentences only), ``check``
(the pinned model's identity), and the stand-ins it runs in place of the model's components:
``lookup_ruler`` (attribute ruler and lemmatizer from tables), ``inference_ops`` (the layers on
numpy's BLAS), ``embedding_cache`` (word embeddings remembered) and ``stepped_parser`` (the
parser's loop with the GIL held).
"""
