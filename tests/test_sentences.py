"""Sentence boundaries without a model, and the cap on sentences that have none."""
from __future__ import annotations

import pytest
import spacy

from extract.sentences import MAX_SENTENCE_TOKENS, cap_sentences, sentence_around, sentence_starts


@pytest.fixture(scope="module")
def blank():
    """spaCy's blank English, made once: its tokens are all the segmentation rules read."""
    return spacy.blank("en")


@pytest.mark.parametrize("starts,cap,expected", [
    ([True, False, False, False, False], 2, [True, False, True, False, True]),
    ([True, False, True, False, False], 3, [True, False, True, False, False]),
    ([True, False, False, True, False, False, False], 3, [True, False, False, True, False, False, True]),
    ([], 3, []),
])
def test_sentences_cap_starts_a_sentence_every_cap_tokens(starts, cap, expected):
    assert cap_sentences(list(starts), cap).tolist() == expected


@pytest.mark.parametrize("text", ["50% " * 2000, "%" * 3000, "word " * 1000 + ". Next one.", "(" * 2000])
@pytest.mark.scan  # inputs of thousands of tokens
def test_sentences_no_sentence_is_longer_than_the_cap(blank, text):
    """Per-figure rules read their sentence: one endless sentence would make their work quadratic."""
    doc = blank(text)
    starts = [i for i, s in enumerate(sentence_starts(doc)) if s] + [len(doc)]
    assert max(b - a for a, b in zip(starts, starts[1:])) <= MAX_SENTENCE_TOKENS


@pytest.mark.parametrize("text,sentences", [
    ("Over 60% said yes. Most said no.", 2),
    ("Over 60% said yes.\n\nmost said no", 2),
    ("He said 3.5% was e.g. fine. and then", 1),
])
def test_sentences_ordinary_text_is_not_cut(blank, text, sentences):
    doc = blank(text)
    assert sentence_starts(doc).sum() == sentences


def _starts_token_by_token(doc) -> list[bool]:
    """The segmentation rules read one token at a time, as they were first written: the reference the
    array version must agree with."""
    from extract.sentences import CLOSERS, DEFAULT_END_PUNCT

    starts, n, i = [False] * len(doc), len(doc), 0
    if n:
        starts[0] = True
    while i < n:
        if doc[i].is_space and "\n" in doc[i].text:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            wrapped = doc[i].text.count("\n") == 1 and j < n and doc[j].text[:1].islower()
            if j < n and not wrapped:
                starts[j] = True
            i = j
        elif doc[i].text in DEFAULT_END_PUNCT:
            j = i + 1
            while j < n and doc[j].text in CLOSERS:
                j += 1
            k = j
            while k < n and doc[k].is_space:
                k += 1
            if k < n and not doc[k].text[:1].islower():
                starts[k] = True
            i = j
        else:
            i += 1
    return cap_sentences(starts).tolist()


@pytest.mark.parametrize("text", [
    "", "Hi.", "  \n\n", "Over 60% said yes.\n\nmost said no", "“Drive sales” (45%)... and they're up.\n \nNew. “Q.” N (o). T? Y!\tT.\n",
    "He said 3.5% was e.g. fine. and then. U.S. voters (n = 1,024) agreed! “Yes.” [Sic.] Done.", "50% " * 600 + ". End",
    "a.\n.\n. .", "Mr. Smith said so. (Really.) 'Yes.' Then…  Next?!",
    "surveyed 400 senior\nmarketing executives.\nNew line.\n\nnew paragraph\n  and more", "one\n\n\nTwo\n three",
])
def test_sentences_array_rules_agree_with_token_by_token_rules(blank, text):
    doc = blank(text)
    assert sentence_starts(doc).tolist() == _starts_token_by_token(doc)


@pytest.mark.scan  # the whole corpus
def test_sentences_agree_with_token_by_token_rules_on_the_corpus(blank):
    from .helpers import CORPUS

    for path in sorted(CORPUS.rglob("*.txt")):
        doc = blank(path.read_text(encoding="utf-8"))
        assert sentence_starts(doc).tolist() == _starts_token_by_token(doc), path


@pytest.mark.parametrize("text,figure,sentence", [
    ("Omnichannel lags. Three out of four marketers agree. Next one.", "Three out of four", "Three out of four marketers agree."),
    ("  • Spending will be reduced (33%)\n  • More (27%)", "33%", "• Spending will be reduced (33%)"),
    ("U.S. voters (n = 1,024) agreed 55%. Done.", "55%", "U.S. voters (n = 1,024) agreed 55%."),
    ("No end 12%", "12%", "No end 12%"),
])
def test_sentences_around_a_figure_is_the_pipelines_sentence(text, figure, sentence):
    """Checks and messages quote the sentence the pipeline read, not another splitter's."""
    start = text.index(figure)
    s, e = sentence_around(text, start, start + len(figure))
    assert text[s:e] == sentence


def _candidates_one_by_one(doc, cues, bounds):
    """Sentence selection read one sentence at a time, as first written: the reference for the arrays."""
    from extract.selection import ANAPHORA, ASKING

    text, chosen = doc.text, set()
    figure = {i for span in doc.spans.get("survey_percentages", []) for i in range(span.start, span.end)}
    cue_chars = sorted(cues.cue_offsets(text))
    for n, (s, e) in enumerate(bounds):
        if s >= e:
            continue
        lo, hi = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        if any(i in figure for i in range(s, e)) or any(lo <= c < hi for c in cue_chars):
            chosen.add(n)
            if n > 0 and ANAPHORA.search(text, lo, hi):
                chosen.add(n - 1)
            if n > 0 and bounds[n - 1][0] < bounds[n - 1][1]:
                ps, pe = bounds[n - 1]
                if ASKING.search(text, doc[ps].idx, doc[pe - 1].idx + len(doc[pe - 1])):
                    chosen.add(n - 1)
    return [bounds[n] for n in sorted(chosen)]


def test_sentences_selection_agrees_with_one_by_one_reading(nlp):
    from extract.selection import candidate_sentences
    from extract.sentences import sentence_bounds

    from .helpers import CORPUS

    cues = nlp.get_pipe("survey_parser").patterns
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))[::3]]
    texts += ["", "No figure here. None at all.", "They said 40%. Those polled (n = 1,024) agreed.\n\nBoth groups did.",
              "Respondents were asked if they agreed. A strong 57 per cent agreed. Nothing else was asked here."]
    for doc in nlp.pipe(texts):
        bounds = sentence_bounds(doc)
        assert candidate_sentences(doc, cues, bounds=bounds) == _candidates_one_by_one(doc, cues, bounds)


# Hard-wrapped text (a line break inside a sentence, before a word in lower case) is one sentence, as on one line:
# its figures keep their kind and a group, and its samples a population (dev2 trade-press and dev3 health
# sentences). The words chosen may differ: the parser reads the line break as a token. A break before a capital or
# a digit still ends the sentence (page furniture and tables break lines there too).
def wrap_before_lower(text: str, width: int) -> str:
    """Break the line at the first space after ``width`` characters that comes before a word in lower case."""
    out, line = [], 0
    for i, ch in enumerate(text):
        if ch == " " and line >= width and text[i + 1:i + 2].islower():
            out.append("\n")
            line = 0
        else:
            out.append(ch)
            line += 1
    return "".join(out)


@pytest.mark.parametrize("text", [
    "InformationWeek surveyed 400 senior marketing executives and 250 IT executives, and 45% of the senior managers said "
    "they don't see eye to eye with IT on incentives.",
    "According to the survey of 1,836 executives conducted in January by Erdos & Morgan, just 43% believe advertising's "
    "importance will accelerate, although seven in 10 executives believe the pace of change is quickening.",
    "Seventy percent of the 390 CEOs who responded to the Top Issues Confronting Hospitals mail and fax poll reported "
    "that financial issues were their most pressing problem, compared to 72 percent in 2006 and 67 percent in 2005.",
])
@pytest.mark.parametrize("width", [30, 45, 72])
def test_sentences_hard_wrapped_text_keeps_its_groups(nlp, text: str, width: int) -> None:
    wrapped = wrap_before_lower(text, width)
    assert "\n" in wrapped and sum(sentence_starts(spacy.blank("en")(wrapped)).tolist()) == 1
    assert record_fields(nlp, wrapped) == record_fields(nlp, text)


def record_fields(nlp, text: str) -> list[tuple]:
    """Each figure's and sample's type, start, value, kind and group or population (its spaces made one), for
    comparing a wrapped text with the same text on one line (a wrap keeps every offset)."""
    import extract

    return [(r.type, r.start, r.value, getattr(r, "kind", None),
             " ".join((getattr(r, "group", None) or getattr(r, "population", None) or "").split()))
            for r in extract.extract_text(text, nlp=nlp) if r.type != "study"]


@pytest.mark.parametrize("text", [
    # a break before a capital or a digit, after a word no line of prose ends on (corpus 004, dev2 tech_15)
    "According to the report, a survey of\n1,500 IT professionals in the\nUnited States found that 38 percent of\nIT "
    "professionals ranked security as their top priority.",
    "Accenture surveyed 400 senior marketing and 250 information technology executives, and only one in 10 marketing "
    "and\nIT executives say collaboration is where it should be.",
])
def test_sentences_wrap_after_a_function_word_keeps_the_records(nlp, text: str) -> None:
    assert record_fields(nlp, text) == record_fields(nlp, text.replace("\n", " "))
