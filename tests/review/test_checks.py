"""Each check on the real consistent cases in the seeds, and on a copy with one number changed."""
from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from extract.review.across import grim_cannot_fail, grim_possible, same_population
from extract.review.checks import check
from extract.cli import app
from extract.lexicon import Lexicon
from extract.percentages.passes import PercentPatterns
from extract.pipeline import extract_text

from ..helpers import SEEDS

runner = CliRunner()


@pytest.fixture(autouse=True)
def _one_pipeline(nlp, monkeypatch):
    """check(None, texts) extracts with the default pipeline: let it be the session's, not a second load."""
    monkeypatch.setattr("extract.pipeline.default_pipeline", lambda *args, **kwargs: nlp)

DIFF = ("Fifty-eight percent of tech management leaders believe that the marketing team understands marketing "
        "technology, compared to 71 percent of marketers who think they do.\n\nThis 13-percentage-point difference "
        "in perception is one of the bottlenecks to alignment, the report flatly said.")
DIFF2 = ("Only 61 percent of marketers believe she is, compared with 76 percent of tech management leaders -- a "
         "15-percentage-point difference.")
RATIO = ("Three-quarters of marketing teams claiming to have a very effective relationship with IT say they regularly "
         "collect and provide insights and recommendations. That’s three times as many as those who are in an "
         "effective relationship with IT (24%).")
WORDS = ("A recent report from the CMO Council indicates there may have been some improvements, with about "
         "one-quarter (23%) of marketing leaders saying they have a very effective working relationship with their "
         "company’s CIO, while two-fifths (39%) consider the working relationship to be effective.")
MORE_THAN_HALF = ("Meanwhile, more than half (55%) of those who say the relationship is effective describe the "
                  "relationship as “one leads, one follows” versus 40% of those with a very effective relationship.")
FOUR_IN_TEN = ("Not only do 6 in 10 of these leaders say they have a multi-year strategic martech plan, but 4 in 10 "
               "(42%) also have a multi-year funding plan for martech.")
MAKEUP = ("According to the new CMO Digital Benchmark Study, in which the Leapfrog Marketing Institute surveyed 131 U.S. "
          "executives who hold a director title or higher (81% in marketing functions and 19% in IT functions), over "
          "60% of marketers and IT types said they don’t see eye to eye on incentives and metrics.")
CHANGE = ("Also, 70 percent of tech management leaders and 59 percent of marketing leaders reported that they were "
          "regularly meeting to discuss strategic corporate goals, up by nine and 14 percentage points, respectively, "
          "from last year.")
CHANGE_STATED = CHANGE + " Last year's survey put the figure at 61 percent of tech management leaders last year."
DOWN_FROM = ("According to this year's survey, 60 percent of tech management executives and 49 percent of marketers say "
             "they have joint steering committees to approve marketing technology projects, down from 68 percent and "
             "55 percent, respectively, in 2013.")
TOTAL = ("A total of 1,002 people were interviewed for the poll. CommunicateResearch interviewed 401 people before "
         "the resignation and 601 afterwards.")
GRIM = "A poll of 40 people found that 35% of people back the plan."


def results(text, name, doc_id="doc"):
    return [r for r in check(None, {doc_id: text}) if r.check == name]


# (check, consistent text from the seeds, the same text with one number changed)
CASES = [
    ("difference", DIFF, DIFF.replace("13-percentage-point", "16-percentage-point")),
    ("difference", DIFF2, DIFF2.replace("76 percent", "86 percent")),
    ("ratio", RATIO, RATIO.replace("(24%)", "(40%)")),
    ("words_vs_numbers", WORDS, WORDS.replace("one-quarter (23%)", "one-quarter (33%)")),
    ("words_vs_numbers", MORE_THAN_HALF, MORE_THAN_HALF.replace("(55%)", "(45%)")),
    ("words_vs_numbers", FOUR_IN_TEN, FOUR_IN_TEN.replace("(42%)", "(62%)")),
    ("parts_of_whole", MAKEUP, MAKEUP.replace("19% in IT", "29% in IT")),
    ("parts_of_whole", MAKEUP, MAKEUP.replace("19% in IT", "9% in IT")),
    ("parts_of_whole", TOTAL, TOTAL.replace("1,002", "1,200")),
    ("change", CHANGE_STATED, CHANGE_STATED.replace("61 percent", "51 percent")),
    ("change", DOWN_FROM, DOWN_FROM.replace("down from 68 percent", "down from 58 percent")),
    ("grim", GRIM, GRIM.replace("35%", "34%")),  # steps of 2.5 points: 34% is out of reach
]


@pytest.mark.parametrize("name,good,bad", CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_checks_consistent_holds_and_changed_number_fails(name, good, bad):
    ok = results(good, name)
    assert any(r.status == "holds" for r in ok), [(r.status, r.explanation) for r in ok]
    assert not any(r.status == "fails" for r in ok), [(r.status, r.explanation) for r in ok]
    flagged = results(bad, name)
    assert any(r.status == "fails" for r in flagged), [(r.status, r.explanation) for r in flagged]


def test_checks_difference_names_the_figures_and_offsets():
    (r,) = results(DIFF, "difference")
    assert (r.computed, r.stated, r.rounding) == (13.0, 13.0, False)
    assert [f.text for f in r.figures] == ["Fifty-eight percent", "71 percent", "13-percentage-point"]
    assert all(DIFF[f.start:f.end] == f.text for f in r.figures)
    assert "71 - 58 = 13" in r.explanation


def test_checks_ratio_holds_within_the_stated_tolerance():
    (r,) = results(RATIO, "ratio")
    assert r.computed == pytest.approx(3.12) and r.stated == 3.0 and "within 15%" in r.explanation


def test_checks_holds_only_thanks_to_rounding_is_said():
    """71 - 58 = 13, but 71.4 - 57.5 rounds to 14: a 14-point difference is possible, only by rounding."""
    (r,) = results(DIFF.replace("13-percentage-point", "14-percentage-point"), "difference")
    assert r.status == "holds" and r.rounding and "rounding" in r.explanation


def test_checks_change_without_the_earlier_figure_says_what_it_implies():
    got = results(CHANGE, "change")
    assert [(r.status, r.computed) for r in got] == [("cannot_check", 61.0), ("cannot_check", 45.0)]
    assert all(r.reason == "the earlier figure is not stated" for r in got)


def test_checks_change_measured_from_another_period_is_not_compared():
    """'61% say ... excellent, marking a 14-point increase over the first quarter of this year' is not checked
    against '19% a year ago' of another question about the same retailers."""
    text = ("That\u2019s according to a new survey from Upside, which reveals that of 1,806 retailers across 10 "
            "categories, 61% say their current outlook is \u201cexcellent,\u201d marking a 14-point increase over the "
            "first quarter of this year. The number of retailers focused on opening new stores has increased by "
            "seven points, from 19% a year ago to 26% today.")
    got = results(text, "change")
    assert got and not any(r.status == "fails" for r in got), [(r.status, r.explanation) for r in got]


@pytest.mark.parametrize("finding", ["said they were satisfied", "have savings", "own a home"])
@pytest.mark.parametrize("earlier,status", [("36%", "holds"), ("38%", "fails")])
def test_checks_change_is_measured_from_the_figure_after_it(finding: str, earlier: str, status: str):
    """'flat against 31% last year, but down 5 points from 36% in 2016': the change is measured from 36%, the
    figure its 'from' names, not from last year's 31% (a false alarm before); a wrong figure there still fails.
    Without a verb of saying the figure after 'down 5 points from' is the share's counterpart only by the link."""
    text = (f"A survey of 1,000 nurses was published. Some 31% of nurses {finding}, flat against 31% "
            f"last year, but down 5 points from {earlier} in 2016.")
    assert [r.status for r in results(text, "change")] == [status]


def test_checks_respectively_lengths():
    (ok,) = results(CHANGE, "respectively")
    assert ok.status == "holds"
    bad = CHANGE.replace("up by nine and 14 percentage points", "up by nine, 11 and 14 percentage points")
    assert [r.status for r in results(bad, "respectively")] == ["fails"]


@pytest.mark.parametrize("text", [
    # '&' joins a list too, and 'vs.' splits it into sides that 'respectively' maps one by one
    "Marketers who lead and marketers who follow are more likely than IT to share data and to plan (61% & 58% vs. "
    "40% & 37%, respectively).",
    "CIOs and CMOs agree on priorities (61% & 58%, respectively).",
])
def test_checks_respectively_lists_joined_by_ampersand_raise_no_false_alarm(text):
    assert not any(r.status == "fails" for r in results(text, "respectively"))


def test_checks_grim_takes_the_whole_sample_not_a_part_of_it():
    """'only 15 respondents were based in the U.S.' is part of 1,217: 51% of respondents is out of 1,217."""
    text = ("The survey polled 1,217 professionals. Only 15 respondents were based in the U.S. "
            "In all, 51% of respondents said they would switch jobs.")
    (r,) = results(text, "grim")  # out of 15 it would fail; out of 1,217 it cannot fail, and says so
    assert r.status == "cannot_check" and "1217 respondents" in r.explanation


@pytest.mark.parametrize("text,n,cannot_fail", [("81%", 131, True), ("81%", 99, False), ("33.5%", 400, False),
                                                 ("33.5%", 1000, True), ("35%", 40, False)])
def test_checks_grim_says_where_it_cannot_fail(text, n, cannot_fail):
    assert grim_cannot_fail(text, n) is cannot_fail


@pytest.mark.parametrize("value,text,n,possible", [(81.0, "81%", 131, True), (33.5, "33.5%", 40, False),
                                                   (33.3, "33.3%", 3, True), (12.5, "12.5%", 40, True),
                                                   (51.0, "51%", 7, False)])
def test_checks_grim(value, text, n, possible):
    assert (grim_possible(value, text, n) is not None) is possible


def test_checks_across_articles_on_the_two_leapfrog_seeds():
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in SEEDS[:2]]
    across = [r for r in check(None, dict(docs)) if r.check == "across_articles"]
    assert len(across) >= 6 and all(r.status == "holds" for r in across)
    assert any("sample of 131" in r.explanation for r in across)
    changed = [(docs[0][0], docs[0][1]), (docs[1][0], docs[1][1].replace("while 20% of CMOs", "while 25% of CMOs"))]
    flagged = [r for r in check(None, dict(changed)) if r.check == "across_articles" and r.status == "fails"]
    assert len(flagged) == 1 and "disagree" in flagged[0].explanation


@pytest.mark.parametrize("a,b,same", [
    # dev3_work_05 (Wisetail) and dev3_work_06 (a JLL survey): both "of 2,000 ... workers", two polls
    ("American workers", "international workers", False),
    # seeds 000 and 001 quote one Leapfrog study in two wordings
    ("U.S. executives who hold a director title or higher", "U.S. executives with a title of director or higher", True),
    # dev3_work_06 ("nearly 4,000 U.S. adults") and dev3_consumer_07 ("1,000 adults"): one side bare is no
    # sign of two populations
    ("U.S. adults", "adults", True),
    ("senior marketers", "marketers", True),
    ("registered nurses", "student nurses", False),
])
def test_checks_populations_told_apart_by_the_words_before_their_noun(a, b, same):
    assert same_population(a, b) is same and same_population(b, a) is same


def test_checks_two_polls_of_2000_workers_are_not_one_study():
    """dev3_work_05 and dev3_work_06 (shortened): the same count of workers, from two surveys."""
    docs = {"a": "The non-scientific poll of 2,000 American workers also revealed that 39% would take a pay cut.",
            "b": "A JLL survey of 2,000 international workers found that 72% said they wanted to remain home more."}
    assert not [r for r in check(None, docs) if r.check == "across_articles"]
    docs["b"] = "A new poll of 2,000 American workers found that 39% would take a pay cut to stay home."
    assert [r for r in check(None, docs) if r.check == "across_articles"]


def test_checks_cli_strict_exit_code(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(DIFF, encoding="utf-8")
    bad.write_text(DIFF.replace("13-percentage-point", "16-percentage-point"), encoding="utf-8")
    ok = runner.invoke(app, ["check", str(good), "--strict"])
    assert ok.exit_code == 0 and "holds" in ok.output
    out = tmp_path / "checks.csv"
    failed = runner.invoke(app, ["check", str(good), str(bad), "--strict", "--out", str(out)])
    assert failed.exit_code == 1 and "fails: 1" in failed.output
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("check,status,doc_id")


# ------------------------------------------------------------------ any system's records
def rec(text: str, figure: str, kind: str = "share", group: str | None = "marketers", nth: int = 0, **extra) -> dict:
    """A percentage record another system might write for the ``nth`` occurrence of ``figure`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    value = float("".join(c for c in figure if c.isdigit() or c == ".") or extra.pop("value"))
    return {"doc_id": "doc", "type": "percentage", "value": value, "start": start, "end": start + len(figure),
            "text": figure, "bound": extra.pop("bound", "exact"), "kind": kind, "group": group, "group_start": None,
            "group_end": None, "statement": None, "time": None, **extra}


@pytest.fixture()
def no_extractor(monkeypatch):
    """Checks given records must not run the pipeline."""
    def refuse(*args, **kwargs):
        raise AssertionError("the extractor ran")

    monkeypatch.setattr("extract.review.evaluation.extract_many", refuse)


@pytest.mark.parametrize("name,text,records,statuses", [
    ("difference", DIFF, lambda t: [rec(t, "Fifty-eight percent", value=58.0), rec(t, "71 percent"),
                                    rec(t, "13-percentage-point", kind="point_change", group=None)], ["holds"]),
    ("difference", DIFF, lambda t: [rec(t, "Fifty-eight percent", value=58.0), rec(t, "71 percent"),
                                    rec(t, "13-percentage-point", kind="point_change", group=None, value=19.0)], ["fails"]),
    ("words_vs_numbers", WORDS, lambda t: [rec(t, "23%"), rec(t, "39%")], ["holds", "holds"]),
    ("words_vs_numbers", WORDS.replace("(39%)", "(59%)"), lambda t: [rec(t, "23%"), rec(t, "59%")], ["holds", "fails"]),
    ("words_vs_numbers", "Of those polled, 48% (nearly half) said yes.", lambda t: [rec(t, "48%")], ["holds"]),
    ("words_vs_numbers", "Of those polled, 58% (nearly half) said yes.", lambda t: [rec(t, "58%")], ["fails"]),
    ("grim", GRIM, lambda t: [rec(t, "35%", group="people"), {"doc_id": "doc", "type": "sample_size", "value": 40,
          "start": 10, "end": 12, "text": "40", "bound": "exact", "population": "people", "population_start": 13,
          "population_end": 19}], ["holds"]),
])
def test_checks_read_any_system_s_records(no_extractor, name, text, records, statuses):
    """Hand-written records, as another extractor would give them: the checks read them and the text alone."""
    got = [r for r in check(records(text), {"doc": text}) if r.check == name]
    assert [r.status for r in got] == statuses, [(r.status, r.explanation) for r in got]


def test_checks_words_that_are_a_record_of_their_own_are_not_read_as_a_restatement(no_extractor):
    """'about one-quarter (23%)' written as two records: the words are a figure, not a gloss on the other."""
    records = [rec(WORDS, "one-quarter", value=25.0, bound="approx"), rec(WORDS, "23%")]
    assert not [r for r in check(records, {"doc": WORDS}) if r.check == "words_vs_numbers" and "23%" in r.explanation]


def test_checks_api_show_keeps_one_status():
    assert {r.status for r in check(None, {"doc": DIFF}, show="holds")} == {"holds"}


@pytest.mark.parametrize("text,expected", [
    # a word form is an approximation: GRIM does not test it
    ("A survey of 57 managers was published. Nine out of 10 said they were happy.", []),
    # a share of a subgroup named before is not a share of the whole sample
    ("A poll of 57 adults found 40% had moved. Of these, 83% said they were happier.",
     [("40%", "holds"), ("83%", "cannot_check")]),
    ("A poll of 57 adults found 40% had moved. Among those, 83% said they were happier.",
     [("40%", "holds"), ("83%", "cannot_check")]),
    ("A survey of 57 managers found 51% were happy.", [("51%", "holds")]),
])
def test_checks_grim_only_on_printed_shares_of_the_whole_sample(nlp, text, expected):
    records = extract_text(text, "g", nlp=nlp)
    got = [(r.figures[0].text, r.status) for r in check(records, {"g": text}) if r.check == "grim"]
    assert got == expected


TABLES_TEXT = "Three out of four marketers (75%) agree, and nearly half (41%) of them say so."


def _drop_ratio_link(text: str) -> str:
    lists = json.loads(text)
    lists["ratio_links"]["words"].remove("out of")
    return json.dumps(lists)


def _drop_qualifier(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if '"phrase": "nearly"' not in line)


def _drop_number_word(text: str) -> str:
    tables = json.loads(text)
    del tables["units"]["four"]
    return json.dumps(tables)


# (file of the saved lexicon edited, the edit, figures found with their bounds, words-vs-numbers verdicts)
TABLE_EDITS = [
    (None, None, [("Three out of four", "exact"), ("75%", "exact"), ("half", "upper"), ("41%", "exact")],
     ["holds", "holds"]),
    ("lexicon.json", _drop_ratio_link, [("75%", "exact"), ("half", "upper"), ("41%", "exact")], ["holds"]),
    ("qualifiers.jsonl", _drop_qualifier,
     [("Three out of four", "exact"), ("75%", "exact"), ("half", "exact"), ("41%", "exact")], ["holds", "fails"]),
    ("numbers.json", _drop_number_word, [("75%", "exact"), ("half", "upper"), ("41%", "exact")], ["holds"]),
]


@pytest.mark.parametrize("given", ["lexicon", "pipeline"])
@pytest.mark.parametrize("file,edit,figures,verdicts", TABLE_EDITS,
                         ids=["as_shipped", "ratio_links", "qualifiers", "number_words"])
def test_checks_read_the_number_tables_extraction_reads(no_extractor, tmp_path, given, file, edit, figures, verdicts):
    """One edit to a saved copy of the number tables (a ratio link, a qualifier, a number word) changes the
    figures found and the checks alike: both read them through extract.numbers. The checks take the tables
    of the lexicon given, or of the pipeline's lexicon (here loaded from disk)."""
    Lexicon.default().to_disk(tmp_path)
    if file is not None:
        path = tmp_path / file
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    lexicon = Lexicon.from_disk(tmp_path)
    found = [(TABLES_TEXT[f.start:f.end], f.bound) for f in PercentPatterns(lexicon).find(TABLES_TEXT)]
    records, texts = [rec(TABLES_TEXT, "75%"), rec(TABLES_TEXT, "41%")], {"doc": TABLES_TEXT}
    if given == "lexicon":
        results = check(records, texts, lexicon=lexicon)
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("survey_percentages").from_disk(tmp_path)
        results = check(records, texts, nlp=nlp)
    assert (found, [r.status for r in results if r.check == "words_vs_numbers"]) == (figures, verdicts)
