"""The pipeline's tokenizer (extract/tokenizer.py): spaCy's, with figure pairs split, suffixes sought only at a
token's end, runs without a space tokenized in pieces, and the text kept as it was given."""
from __future__ import annotations

import pytest
import spacy

from extract.tokenizer import SUFFIX_REACH, bound_suffix_search, split_figure_pairs, unwrapped


@pytest.fixture(scope="module")
def tokenizers():
    plain, bounded = spacy.blank("en"), spacy.blank("en")
    split_figure_pairs(plain), split_figure_pairs(bounded)
    bound_suffix_search(bounded)
    return plain.tokenizer, bounded.tokenizer


@pytest.fixture(scope="module")
def english():
    """The pipeline's blank English (extract.tokenizer.blank_english), made once for the tests that only read it."""
    from extract.tokenizer import blank_english

    return blank_english()


@pytest.mark.parametrize("text", [
    "Over 60% of marketers (70%/66%) said 5%-10%.",
    "“Drive sales” (45%)... and they're 3.5pc up, 10km, $4.50, U.S. voters' views!",
    "%" * (SUFFIX_REACH - 1),
    "(" * (SUFFIX_REACH + 50) + "x" + ")" * (SUFFIX_REACH + 50),
    "50%" * 60 + "!!",
    "wait....",
])
def test_tokenizer_bounded_suffix_search_splits_as_spacy_does(tokenizers, text):
    plain, bounded = tokenizers
    assert [t.text for t in bounded(text)] == [t.text for t in plain(text)]


@pytest.mark.parametrize("text", ["%" * 2000, ")" * 2000, "7" * 2000 + "%" * 2000])
@pytest.mark.scan  # inputs of thousands of characters
def test_tokenizer_bounded_suffix_search_reads_only_a_tail(tokenizers, text):
    """Every suffix search sees at most SUFFIX_REACH characters: work linear in the token, not quadratic."""
    _plain, bounded = tokenizers
    tail = bounded.suffix_search.__self__
    compiled = tail.compiled
    seen: list[int] = []

    class Counting:
        def search(self, string: str, pos: int = 0):
            seen.append(len(string) - pos)
            return compiled.search(string, pos)

    tail.compiled = Counting()
    try:
        bounded(text)
    finally:
        tail.compiled = compiled
    assert seen and max(seen) <= SUFFIX_REACH


def test_tokenizer_bounded_suffix_search_survives_to_bytes():
    """spaCy saves the tokenizer's suffix pattern as a string (``suffix_search.__self__.pattern``)."""
    nlp = spacy.blank("en")
    bound_suffix_search(nlp)
    again = spacy.blank("en").tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in again("it rose 5%.")] == ["it", "rose", "5", "%", "."]


@pytest.mark.parametrize("text,tokens", [
    ("(70%/66%)", ["(", "70%", "/", "66", "%", ")"]),
    ("(42% strongly/34% somewhat)", ["(", "42", "%", "strongly", "/", "34", "%", "somewhat", ")"]),
    ("1,607 parents or guardians\u201455 percent\u2014 said", ["1,607", "parents", "or", "guardians", "\u2014", "55",
                                                          "percent", "\u2014", "said"]),
    ("and/or 24/7 A/B tests", ["and/or", "24/7", "A", "/", "B", "tests"]),  # no figure: spaCy's own splits
    # a table flattened into text: each cell its own token
    ("Donald Trump44%38%38%", ["Donald", "Trump", "44%", "38%", "38", "%"]),
    ("Don't Know/No Opinion6%8%8%", ["Do", "n't", "Know", "/", "No", "Opinion", "6%", "8%", "8", "%"]),
    ("COVID19 and B2B and mp3", ["COVID19", "and", "B2B", "and", "mp3"]),  # no figure: kept whole
    # answers run together: the closing bracket and the next answer's quote are their own tokens
    ("share” (45%)”Stay ahead", ["share", "”", "(", "45%", ")", "”", "Stay", "ahead"]),
    ("(52% of respondents)”Drive sales", ["(", "52", "%", "of", "respondents", ")", "”", "Drive", "sales"]),
    ("(52% of those aged 18 to 34)”Drive", ["(", "52", "%", "of", "those", "aged", "18", "to", "34", ")", "”", "Drive"]),
    ("(see note 3)\"Next", ["(", "see", "note", "3", ")", "\"", "Next"]),
    ("(41%)Transform", ["(", "41%", ")", "Transform"]),
    # a band with hyphens around 'to': each piece its own token, as in "35 to 54"
    ("aged 35-to-54 (38%)", ["aged", "35", "-", "to", "-", "54", "(", "38", "%", ")"]),
    ("a 4-to-1 margin", ["a", "4", "-", "to", "-", "1", "margin"]),
    ("he said (quietly) and left", ["he", "said", "(", "quietly", ")", "and", "left"]),
])
def test_tokenizer_splits_a_figure_glued_to_the_word_before(tokenizers, text, tokens):
    plain, _bounded = tokenizers
    assert [t.text for t in plain(text)] == tokens


@pytest.mark.parametrize("text", ["Some 63% of respondents said so.\n\nThey did.", "", "  ", "a\u00a0b\u2003c 5%/6%", "x" * 3000])
def test_tokenizer_keeps_the_text_it_was_given(english, text):
    import pickle

    from extract.extensions import TEXT_KEY, doc_text
    from extract.tokenizer import TextKeepingTokenizer

    tokenizer = english.tokenizer
    assert isinstance(tokenizer, TextKeepingTokenizer)
    doc = tokenizer(text)
    assert doc.user_data[TEXT_KEY] == (len(doc), text) and doc_text(doc) == doc.text == text
    again = pickle.loads(pickle.dumps(tokenizer))
    assert [t.text for t in again(text)] == [t.text for t in doc]


def test_tokenizer_wrapper_reads_and_sets_the_tokenizers_attributes():
    from extract.tokenizer import blank_english

    tokenizer = blank_english().tokenizer
    tokenizer.max_cache_size = 0  # as tests/test_robustness.py sets it
    assert tokenizer.tokenizer.max_cache_size == 0 == tokenizer.max_cache_size
    assert tokenizer.suffix_search is tokenizer.tokenizer.suffix_search


@pytest.mark.parametrize("text", ["\u201c]." * 3000, "x" * 5000 + " and 40% of adults", "12%" * 1500 + "\n\nSome 40% agree."])
@pytest.mark.scan  # inputs of thousands of characters
def test_tokenizer_long_runs_without_space_are_tokenized_in_pieces(english, text):
    """A run over 2,000 characters without whitespace is tokenized in pieces (spaCy's affix loop is quadratic on
    it); the Doc's text is the text given, and a normal sentence after it tokenizes as always."""
    nlp = english
    doc = nlp(text)
    assert doc.text == text and "".join(t.text_with_ws for t in doc) == text
    tail = text.rsplit("\n\n", 1)[-1] if "\n\n" in text else None
    if tail:
        assert [t.text for t in nlp(tail)] == [t.text for t in doc][-len(nlp(tail)):]


# Hard wraps, read as spaces (real wraps from dev2 mkt_14, dev2 tech_15, dev3 biz_03, corpus 004), and line breaks
# that are not wraps: after a figure (dev2 pub_01's table), before a capital after a full stop, a blank line.
@pytest.mark.parametrize("text,expected", [
    ("contact centers fail to formally measure customer\nsatisfaction with the service",
     "contact centers fail to formally measure customer satisfaction with the service"),
    ("survey of 1,500 IT professionals in the\nUnited States, U.K., China and India",
     "survey of 1,500 IT professionals in the United States, U.K., China and India"),
    ("20% of agencies report they\nare likely to allocate", "20% of agencies report they are likely to allocate"),
    ("400 senior marketing and 250 information technology executives in 10\ncountries",
     "400 senior marketing and 250 information technology executives in 10\ncountries"),
    ("marketers and  \nIT leaders", "marketers and   IT leaders"),
    ("nationally: 15%\nmiddle/upper class: 19%", "nationally: 15%\nmiddle/upper class: 19%"),
    ("They did.\nThen they left.", "They did.\nThen they left."),
    ("Survey finds\n\nthe majority agree", "Survey finds\n\nthe majority agree"),
    ("a survey of\n\n2,000 adults", "a survey of\n\n2,000 adults"),
])
def test_tokenizer_reads_hard_wraps_as_spaces(text, expected):
    assert unwrapped(text) == expected and len(unwrapped(text)) == len(text)


def test_tokenizer_parses_unwrapped_and_keeps_the_text_as_written(english):
    from extract.extensions import doc_text

    text = "Accenture surveyed 400 senior\nmarketing executives, and 45% of the\nsenior managers agreed."
    doc = english(text)
    assert doc_text(doc) == text and doc.text == text.replace("\n", " ")
    assert not any(t.is_space for t in doc)


# A paragraph wrapped at a fixed width (corpus 004, wrapped at 72 columns): every line break in it is a wrap, before
# a digit or a capital too. Not a list, a table, or a headline over its first line.
WRAPPED_PARAGRAPH = ("According to a new report from Accenture, CIOs and CMOs aren\u2019t exactly\n"
                     "sitting around singing Kumbaya \u2013 at least not yet. Accenture surveyed\n"
                     "400 senior marketing and 250 information technology executives in 10\n"
                     "countries and found that the transition is slow-going.")


@pytest.mark.parametrize("text,joined", [
    (WRAPPED_PARAGRAPH, True),
    ("Headline of the article\nAccording to a new report from Accenture, CIOs and CMOs aren\u2019t exactly\n"
     "sitting around singing Kumbaya \u2013 at least not yet. Accenture surveyed\n400 senior", False),
    ("- 76 % believe agencies are inward looking and repeat the mantra of creativity\n"
     "- 74% suggest that agencies giving time to creativity fails to appease board members\n"
     "- 72% say they quickly realised agencies were not data- and science-driven at all", False),
    ("Quality 33%\nPersonnel shortages 30%\nPatient Safety 29%\nGovernmental mandates 22%", False),
])
def test_tokenizer_reads_a_paragraph_wrapped_at_a_width_as_one_line(text, joined):
    out = unwrapped(text)
    assert len(out) == len(text)
    assert ("\n" not in out) == joined
