"""The review page: parsed (not grepped) for highlights and escaping, and driven in headless Chromium."""
from __future__ import annotations

import json
import shutil
import tempfile

import pytest
from typer.testing import CliRunner

import extract
from extract.cli import app
from extract.records import to_dict

from ..helpers import CHROMEDRIVER, CHROMIUM, CORPUS, GOLD, SEEDS, parse

PAGE_WAIT = 30  # seconds the browser test waits for the page to render its index
ELEMENT_WAIT = 5  # seconds each later look-up waits for its element

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_page(nlp):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
    records = [to_dict(r) for d, t in texts.items() for r in extract.extract_text(t, d, nlp=nlp)]
    return texts, records, extract.report(texts=texts, records=records, gold=GOLD)


def test_report_every_record_is_one_highlight_at_its_offsets(seeds_page):
    texts, records, html = seeds_page
    page = parse(html)
    predicted = [m for m in page.marks if "data-rid" in m]
    for r in (r for r in records if r["type"] != "study"):
        hits = [m for m in predicted if m["doc"] == r["doc_id"] and int(m["data-start"]) == r["start"]]
        assert len(hits) == 1, r
        assert int(hits[0]["data-end"]) == r["end"] and hits[0]["text"] == r["text"]
    assert len(predicted) == sum(r["type"] != "study" for r in records)


def test_report_text_round_trips(seeds_page):
    """Marks and group spans add markup, never characters: the article text comes back whole."""
    texts, _, html = seeds_page
    page = parse(html)
    for doc_id, text in texts.items():
        shown = "".join(page.template_text[doc_id])
        assert shown.replace("\u2713", "").replace("\u2717", "").replace("?", "") == text.replace("?", "")


def test_report_data_block_and_gold_marks(seeds_page):
    _, records, html = seeds_page
    page = parse(html)
    data = json.loads(next(s for s in page.scripts if s.get("id") == "data")["text"])
    assert data["gold"] is True and len(data["docs"]) == 5
    assert sum(len(d["records"]) for d in data["docs"]) == len(records)
    assert any(d["checks"] for d in data["docs"]) and any(d["charts"] for d in data["docs"])
    assert all(d["errors"] is not None for d in data["docs"])


def test_report_is_offline(seeds_page):
    _, _, html = seeds_page
    page = parse(html)
    csp = next(m["content"] for m in page.metas if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert not any(s.get("src") for s in page.scripts)
    assert page.urls == []  # nothing to fetch: no src, href or action anywhere


def test_report_escapes_markup_in_articles(nlp):
    hostile = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned=2"><b>bold</b> '
               'Some 47% of voters </template><script>alert(1)</script> believe she should have no title.')
    html = extract.report(texts={"x<y": hostile}, nlp=nlp)
    page = parse(html)
    assert len(page.scripts) == 2  # the data block and the page's own script, nothing from the article
    assert not any(tag in ("img", "b") for tag, doc in page.tags if doc is not None)
    assert "".join(page.template_text["x<y"]).startswith("<script>window.pwned = 1</script>")
    assert [m["text"] for m in page.marks] == ["47%"]


@pytest.mark.model
def test_report_cli_lists_the_inputs_that_failed_and_says_so(tmp_path):
    """`extract report` on a folder with unreadable files: each is named on stderr and on the page, the
    summary counts them, and the exit status is 1 (it was 0 with 'wrote ... (N articles)')."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for p in SEEDS[:2]:
        shutil.copy(p, folder / p.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(folder), str(tmp_path / "nope.txt"), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert f"wrote {out}: 2 articles, 3 inputs could not be read" in result.output
    html = out.read_text(encoding="utf-8")
    failed = html.split('<details id="failed"', 1)[1].split("</details>", 1)[0]
    assert "3 inputs could not be read" in failed
    for message in (f"[E011] {folder / 'empty.txt'}: empty file", f"[E012] {folder / 'binary.txt'}: looks binary",
                    f"[E020] {tmp_path / 'nope.txt'}: no such file"):
        assert message in result.output and message in failed
    clean = runner.invoke(app, ["report", str(SEEDS[0]), "--out", str(out)])
    assert clean.exit_code == 0 and 'id="failed"' not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (["report", str(SEEDS[0]), "--records", "missing.jsonl"], "[E020] missing.jsonl: no such file or directory"),
    pytest.param(["report", str(SEEDS[0]), "--out", "nodir/r.html"], "[E042] --out nodir/r.html: cannot write there",
                 marks=pytest.mark.model),  # the records are extracted before --out is tried
    (["gold", "validate", str(GOLD), "--corpus", "nocorpus"], "[E020] nocorpus: no such file or directory"),
])
def test_report_and_gold_usage_errors_name_the_path_typed(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output, result.output
    assert "Traceback" not in result.output and "no text for doc_id" not in result.output


def test_report_index_has_each_articles_headline(seeds_page):
    texts, _, html = seeds_page
    data = json.loads(next(s for s in parse(html).scripts if s.get("id") == "data")["text"])
    for d in data["docs"]:
        first = next(line.strip() for line in texts[d["id"]].splitlines() if line.strip())
        assert d["headline"] == (first if len(first) <= 140 else first[:139].rstrip() + "\u2026")
        assert d["headline"]


@pytest.mark.model
def test_report_cli_writes_a_page(tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(SEEDS[0]), str(SEEDS[1]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(parse(out.read_text(encoding="utf-8")).marks) > 20


@pytest.mark.slow
@pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")
@pytest.mark.model
def test_report_in_headless_chromium(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = tmp_path / "report.html"
    extract.report([str(CORPUS), str(tmp_path / "missing.txt")], out=page, gold=GOLD)
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}"):
        opts.add_argument(arg)
    opts.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    try:
        driver.get(page.as_uri())
        # The page renders its index after load; on a busy machine that can take a while (the rows were once read
        # before they were there). Wait for them, and let later look-ups wait a little too.
        WebDriverWait(driver, PAGE_WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#docs tbody tr"))
        driver.implicitly_wait(ELEMENT_WAIT)
        rows = driver.find_elements(By.CSS_SELECTOR, "#docs tbody tr")
        assert len(rows) == 50  # first page of the index
        next(r for r in rows if r.text.startswith("002_8ccecffd608d0e68")).click()
        mark = next(m for m in driver.find_elements(By.CSS_SELECTOR, "#article mark.fig") if m.text == "Fifty-eight percent")
        mark.click()
        details = driver.find_element(By.ID, "details").text
        assert "58" in details and "tech management leaders" in details and "share" in details
        lit = driver.find_elements(By.CSS_SELECTOR, "#article .grp.lit")
        assert [g.text for g in lit] == ["tech management leaders"]
        checks = driver.find_element(By.ID, "checks").text
        assert "71 - 58 = 13" in checks
        driver.find_element(By.CSS_SELECTOR, "nav button[data-tab=table]").click()
        driver.find_element(By.ID, "f-group").send_keys("marketers")
        assert all("marketers" in r.text for r in driver.find_elements(By.CSS_SELECTOR, "#records tbody tr"))
        driver.find_element(By.CSS_SELECTOR, "nav button[data-tab=index]").click()
        _index_sorts_links_and_charts(driver, By, page)
        assert "missing.txt: no such file" in driver.find_element(By.ID, "failed").text
        assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        shot = tmp_path / "report.png"
        driver.find_element(By.CSS_SELECTOR, "nav button[data-tab=index]").click()
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        driver.quit()


def _index_sorts_links_and_charts(driver, By, page):
    """Headlines in the index; a header click sorts (again: the other way); #doc=<id> opens its article
    (also as a fresh page load); chart labels are at least 12 px."""
    first_row = driver.find_element(By.CSS_SELECTOR, "#docs tbody tr")
    assert first_row.find_element(By.CSS_SELECTOR, "td.headline").text.strip()
    header = driver.find_element(By.CSS_SELECTOR, "#docs th[data-key=figures]")

    def figures() -> list[int]:
        return [int(r.find_elements(By.TAG_NAME, "td")[2].text) for r in driver.find_elements(By.CSS_SELECTOR, "#docs tbody tr")]

    header.click()
    assert figures() == sorted(figures()) and header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert figures() == sorted(figures(), reverse=True) and figures()[0] > figures()[-1]
    rec_header = driver.find_element(By.CSS_SELECTOR, "#records th[data-key=value]")
    driver.find_element(By.CSS_SELECTOR, "nav button[data-tab=table]").click()
    rec_header.click()
    values = [float(r.find_elements(By.TAG_NAME, "td")[3].text) for r in driver.find_elements(By.CSS_SELECTOR, "#records tbody tr")]
    assert values == sorted(values) and len(values) > 1
    driver.find_element(By.CSS_SELECTOR, "nav button[data-tab=index]").click()
    link = driver.find_element(By.CSS_SELECTOR, "#docs tbody tr a")
    doc_id = link.text
    assert link.get_attribute("href").endswith("#doc=" + doc_id)
    driver.get(page.as_uri() + "#doc=000_0e367b13c3205465")
    assert driver.find_element(By.ID, "view-title").text.startswith("000_0e367b13c3205465")
    labels = driver.find_elements(By.CSS_SELECTOR, "#charts svg text")
    assert labels, "article 000 compares groups: it has a chart"
    sizes = {float(driver.execute_script("return getComputedStyle(arguments[0]).fontSize", t).rstrip("px")) for t in labels}
    assert min(sizes) >= 12, sizes
