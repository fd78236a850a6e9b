"""Every message written once, under its code, in order (extract.errors): reading it adds the code."""
from __future__ import annotations

import pytest

from extract.errors import CODE, Errors, Notes, Warnings


@pytest.mark.parametrize("messages", [Errors, Warnings, Notes], ids=lambda c: c.__name__)
def test_errors_codes_in_order_and_read_with_their_code(messages):
    codes = [name for name in vars(messages) if CODE.fullmatch(name)]
    assert codes and codes == sorted(codes)
    assert {code[0] for code in codes} == {messages.__name__[0]}
    for code in codes:
        assert not vars(messages)[code].startswith("[")  # the code is written once, as the name
        assert getattr(messages, code) == f"[{code}] {vars(messages)[code]}"


@pytest.mark.parametrize("read,expected", [
    (lambda: Errors.E004.format(name="x", known=["a"]), "[E004] No word list named 'x' in the lexicon; known lists: ['a']."),
    (lambda: Warnings.W008, "[W008] a study needs an org or a title"),
    (lambda: Errors.__name__, "Errors"),
])
def test_errors_reading_a_message(read, expected):
    assert read() == expected


def test_errors_survey_parser_select_has_a_code():
    """A wrong ``select`` is refused, with its code, before the model is loaded."""
    import spacy

    from extract.model.parser import SparseParser

    with pytest.raises(ValueError, match=r"^\[E051\] select \(survey_parser\)"):
        SparseParser(spacy.blank("en"), select="every")
