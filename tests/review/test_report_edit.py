"""The review page's corrections editor (--editable, --blank): the page it writes, and a real browser that
corrects records, exports them as gold, and hands the export to `extract gold validate` and `extract evaluate`."""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extract
from extract.cli import app
from extract.review import report as report_module

from ..helpers import CHROMEDRIVER, CHROMIUM, SEEDS, parse, read_jsonl

runner = CliRunner()

# Curly quotes, accents and emoji (one code point, two UTF-16 units each): one before every figure, and one in
# the same run of text as 'a third', so the offset within a text node must count code points too.
UNICODE_DOC = "cafe_poll"
UNICODE = ("\u201cCaf\u00e9 culture\u201d survey \U0001F600: 45% of baristas in Z\u00fcrich drink tea at work, "
           "while 30 per cent of caf\u00e9 owners do \U0001F642. Nearly a third of the 812 baristas polled said they\u2019d rather "
           "\u201cnot say\u201d.\n")
PLAIN_DOC, PLAIN = "plain", "Nothing was measured here.\n"


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Code point offsets of the nth occurrence of words (as Python, and the records, count them)."""
    s = -1
    for _ in range(nth + 1):
        s = text.index(words, s + 1)
    return s, s + len(words)


def given_records() -> list[dict]:
    """What a system said about UNICODE: 45% with a group too short, 30 per cent, the sample without its
    population; it missed 'a third'."""
    s45, s30, s812 = at(UNICODE, "45%"), at(UNICODE, "30 per cent"), at(UNICODE, "812")
    baristas, owners = at(UNICODE, "baristas"), at(UNICODE, "caf\u00e9 owners")
    pct = {"type": "percentage", "doc_id": UNICODE_DOC, "bound": "exact", "kind": "share", "statement": None, "time": None}
    return [
        {**pct, "value": 45.0, "start": s45[0], "end": s45[1], "text": "45%",
         "group": "baristas", "group_start": baristas[0], "group_end": baristas[1]},
        {**pct, "value": 30.0, "start": s30[0], "end": s30[1], "text": "30 per cent",
         "group": "caf\u00e9 owners", "group_start": owners[0], "group_end": owners[1]},
        {"doc_id": UNICODE_DOC, "type": "sample_size", "value": 812, "start": s812[0], "end": s812[1], "text": "812",
         "bound": "exact", "population": None, "population_start": None, "population_end": None},
    ]


def data_block(html: str) -> dict:
    return json.loads(next(s for s in parse(html).scripts if s.get("id") == "data")["text"])


def test_report_edit_page_carries_texts_not_templates():
    html = extract.report(texts={UNICODE_DOC: UNICODE}, records=given_records(), editable=True)
    page = parse(html)
    data = data_block(html)
    assert data["editable"] is True and data["docs"][0]["text"] == UNICODE
    assert data["fields"]["percentage"][:3] == ["doc_id", "type", "value"] and data["store"].startswith("survey-extract:")
    assert page.template_text == {} and "window.surveyEditor = function" in html
    plain = extract.report(texts={UNICODE_DOC: UNICODE}, records=given_records())
    assert "window.surveyEditor = function" not in plain and "editable" not in data_block(plain)
    assert parse(plain).template_text  # the page without the flags draws articles from templates, as before


def test_report_edit_page_keeps_article_markup_out_of_the_page():
    hostile = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> Some 47% of voters agree.'
    html = extract.report(texts={"x": hostile}, records=[], editable=True)
    page = parse(html)
    assert len(page.scripts) == 2 and not any(tag == "img" for tag, _ in page.tags)
    assert data_block(html)["docs"][0]["text"] == hostile


def test_report_blank_runs_no_extractor(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("--blank must not run the extractor")

    monkeypatch.setattr(report_module, "extract_records", refuse)
    data = data_block(extract.report(texts={UNICODE_DOC: UNICODE}, blank=True))
    assert data["editable"] is True and data["docs"][0]["records"] == [] and data["docs"][0]["checks"] == []


def test_report_edit_cli_flags(tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(SEEDS[0]), "--blank", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = data_block(out.read_text(encoding="utf-8"))
    assert data["editable"] and data["docs"][0]["records"] == []


# ------------------------------------------------------------------------------------------ in Chromium
SELECT_WORDS = """
// Select the nth occurrence of words in the article as a reader would, in the browser's own units (UTF-16).
const [words, nth] = arguments;
const root = document.querySelector('#article .text');
const nodes = []; const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t);
const all = nodes.map(t => t.data).join('');
let i = -1; for (let k = 0; k <= nth; k++) i = all.indexOf(words, i + 1);
if (i < 0) throw new Error('not in the article: ' + words);
const place = n => { let seen = 0; for (const t of nodes) { if (n <= seen + t.data.length) return [t, n - seen]; seen += t.data.length; } };
const [sn, so] = place(i + 1); const [en, eo] = place(i + words.length);
const r = document.createRange(); r.setStart(sn, so - 1); r.setEnd(en, eo);
const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(r);
"""


@pytest.fixture()
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False,
                                           "profile.default_content_setting_values.automatic_downloads": 1})
    opts.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def _downloaded(folder: Path, name: str) -> Path:
    path = folder / name
    for _ in range(100):
        if path.exists() and not list(folder.glob("*.crdownload")):
            return path
        time.sleep(0.05)
    raise AssertionError(f"{name} was not downloaded: {sorted(p.name for p in folder.iterdir())}")


@pytest.mark.slow
@pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")
def test_report_edit_correct_export_validate_evaluate_reload_import(tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{UNICODE_DOC}.txt").write_text(UNICODE, encoding="utf-8")
    (corpus / f"{PLAIN_DOC}.txt").write_text(PLAIN, encoding="utf-8")
    given = tmp_path / "given.jsonl"
    given.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in given_records()), encoding="utf-8")
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["report", str(corpus), "--records", str(given), "--editable", "--out", str(page)])
    assert result.exit_code == 0, result.output
    d = browser
    find = lambda css: d.find_element(By.CSS_SELECTOR, css)  # noqa: E731

    def mark(text: str):
        return next(m for m in d.find_elements(By.CSS_SELECTOR, "#article mark.fig") if m.text == text)

    def select_words(words: str, nth: int = 0) -> None:
        d.execute_script(SELECT_WORDS, words, nth)
        start, end = at(UNICODE, words, nth)
        assert find("#ed-sel").text.endswith(f"({start}\u2013{end})"), find("#ed-sel").text

    d.get(page.as_uri() + f"#doc={UNICODE_DOC}")
    # the group of 45%: select its words, set them
    mark("45%").click()
    select_words("baristas in Z\u00fcrich")
    find("#ed-set-group").click()
    assert "baristas in Z\u00fcrich" in find("#details").text
    assert [g.text for g in d.find_elements(By.CSS_SELECTOR, "#article .grp.lit")] == ["baristas in Z\u00fcrich"]
    # a kind
    mark("30 per cent").click()
    Select(find("#ed-kind")).select_by_value("point_change")
    assert "k-change" in mark("30 per cent").get_attribute("class")
    # the sample's population, selected after the emoji and the curly quotes
    mark("812").click()
    select_words("baristas", 1)
    find("#ed-set-group").click()
    # a missed figure, its value and bound
    select_words("a third")
    find("#ed-add-figure").click()
    assert "no number" in find("#ed-status").text
    value = find("#ed-value")
    value.send_keys("33.3", Keys.TAB)
    Select(find("#ed-bound")).select_by_value("upper")
    assert "k-share" in mark("a third").get_attribute("class")
    find("#ed-reviewed").click()

    # a reload keeps what was not exported
    d.refresh()
    assert find("#ed-reviewed").is_selected()
    mark("45%").click()
    assert "baristas in Z\u00fcrich" in find("#details").text
    assert "\u2713" in find("#docs tbody tr").text or any("\u2713" in r.text for r in d.find_elements(By.CSS_SELECTOR, "#docs tbody tr"))

    find("#ed-export-one").click()
    gold_file = _downloaded(d.downloads, "gold.jsonl")
    exported = read_jsonl(gold_file)
    assert {r["doc_id"] for r in exported} == {UNICODE_DOC}  # the article not marked reviewed is not gold
    by_text = {r["text"]: r for r in exported}
    assert set(by_text) == {"45%", "30 per cent", "a third", "812"}
    assert (by_text["45%"]["group"], by_text["45%"]["group_start"], by_text["45%"]["group_end"]) == \
        ("baristas in Z\u00fcrich", *at(UNICODE, "baristas in Z\u00fcrich"))
    assert by_text["30 per cent"]["kind"] == "point_change"
    third = by_text["a third"]
    assert (third["start"], third["end"], third["value"], third["bound"], third["kind"]) == (*at(UNICODE, "a third"), 33.3, "upper", "share")
    assert (by_text["812"]["population"], by_text["812"]["population_start"]) == ("baristas", at(UNICODE, "baristas", 1)[0])
    for r in exported:  # every field of the guide, in its order
        assert list(r) == list(extract.records.FIELDS[r["type"]])

    valid = runner.invoke(app, ["gold", "validate", str(gold_file), "--corpus", str(corpus)])
    assert valid.exit_code == 0, valid.output
    scored = runner.invoke(app, ["evaluate", "--gold", str(gold_file), "--pred", str(given), "--format", "json"])
    assert scored.exit_code == 0, scored.output
    m = json.loads(scored.output)["metrics"]
    assert (m["pct_tp"], m["pct_fp"], m["pct_fn"]) == (2, 0, 1)  # 'a third' was missed
    assert m["kind_acc"] == 0.5 and m["group_strict"] == 0.0 and m["population_strict"] == 0.0

    find("#ed-export-each").click()
    per_article = _downloaded(d.downloads, f"{UNICODE_DOC}.jsonl")
    assert read_jsonl(per_article) == exported and not (d.downloads / f"{PLAIN_DOC}.jsonl").exists()
    folder = tmp_path / "gold_dir"
    folder.mkdir()
    per_article.rename(folder / per_article.name)
    assert runner.invoke(app, ["gold", "validate", str(folder), "--corpus", str(corpus)]).exit_code == 0

    # forget everything in the browser, then import the export back
    d.execute_script("localStorage.clear()")
    d.refresh()
    assert not find("#ed-reviewed").is_selected()
    mark("45%").click()
    assert "baristas in Z\u00fcrich" not in find("#details").text
    find("#ed-import").send_keys(str(gold_file))
    assert find("#ed-status").text.startswith("imported 4 records for 1 article")
    assert find("#ed-reviewed").is_selected()
    mark("45%").click()
    assert "baristas in Z\u00fcrich" in find("#details").text
    assert "k-change" in mark("30 per cent").get_attribute("class") and mark("a third")
    # delete a record; the deletion is kept too
    mark("a third").click()
    find("#ed-delete").click()
    d.refresh()
    assert [m.text for m in d.find_elements(By.CSS_SELECTOR, "#article mark.fig")] == ["45%", "30 per cent", "812"]
    assert not [e for e in d.get_log("browser") if e["level"] == "SEVERE"]

    # a blank page of the same articles: no records, not even the corrected ones this browser keeps
    blank = tmp_path / "blank.html"
    assert runner.invoke(app, ["report", str(corpus), "--blank", "--out", str(blank)]).exit_code == 0
    d.get(blank.as_uri() + f"#doc={UNICODE_DOC}")
    assert d.find_elements(By.CSS_SELECTOR, "#article mark.fig") == []
    select_words("812")
    find("#ed-add-sample").click()
    assert [m.text for m in d.find_elements(By.CSS_SELECTOR, "#article mark.fig")] == ["812"]
    assert "k-sample" in mark("812").get_attribute("class") and find("#ed-value").get_attribute("value") == "812"
