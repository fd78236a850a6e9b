"""The table of studies across articles: mentions matched leniently, the reason shown, figures compared."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

import extract
from extract.cli import app
from extract.records import to_dict
from extract.review import studies as studies_module
from extract.review.studies import studies_table

from ..helpers import SEEDS

runner = CliRunner()
LEAPFROG = ("000_0e367b13c3205465", "001_87ab7b85b12efa06")


def study(doc_id: str, text: str, org: str, title: str | None = None, year: int | None = None) -> dict:
    o = text.index(org)
    t = text.index(title) if title else None
    return {"doc_id": doc_id, "type": "study", "org": org, "org_start": o, "org_end": o + len(org), "title": title,
            "title_start": t, "title_end": None if t is None else t + len(title), "year": year}


def share(doc_id: str, text: str, figure: str, value: float, group: str, after: int = 0) -> dict:
    s = text.index(figure, after)
    g = text.index(group, s)
    return {"doc_id": doc_id, "type": "percentage", "value": value, "start": s, "end": s + len(figure), "text": figure,
            "bound": "exact", "kind": "share", "group": group, "group_start": g, "group_end": g + len(group),
            "statement": None, "time": None}


def sample(doc_id: str, text: str, figure: str, population: str) -> dict:
    s = text.index(figure)
    p = text.index(population, s)
    return {"doc_id": doc_id, "type": "sample_size", "value": int(figure.replace(",", "")), "start": s,
            "end": s + len(figure), "text": figure, "bound": "exact", "population": population,
            "population_start": p, "population_end": p + len(population)}


A = ("The Acme Research Institute's Workplace Survey polled 1,200 office managers. "
     "It found that 45% of office managers work from home on Fridays. "
     "And 30% of office managers want a four-day week.")
B = ("According to the Workplace Survey by Acme Research, 52% of managers work from home on Fridays. "
     "Some 30% of managers want a four-day week.")
C = "A poll by Acme Foods of 1,200 shoppers found 61% of shoppers buy bread daily."


@pytest.fixture()
def conflicting() -> tuple[list[dict], dict[str, str]]:
    """Two articles quoting one study, one with a different figure; a third, other study of the same size."""
    texts = {"a": A, "b": B, "c": C}
    records = [study("a", A, "Acme Research Institute", "Workplace Survey"), sample("a", A, "1,200", "office managers"),
               share("a", A, "45%", 45.0, "office managers"), share("a", A, "30%", 30.0, "office managers"),
               study("b", B, "Acme Research", "Workplace Survey"),
               share("b", B, "52%", 52.0, "managers"), share("b", B, "30%", 30.0, "managers"),
               study("c", C, "Acme Foods"), sample("c", C, "1,200", "shoppers"), share("c", C, "61%", 61.0, "shoppers")]
    return records, texts


def test_study_table_a_conflicting_figure_is_shown(conflicting):
    records, texts = conflicting
    table = studies_table(records, texts)
    assert len(table) == 2  # Acme Foods' org is not Acme Research's, though the sample is the same size
    row = table.iloc[0]
    assert row["doc_ids"] == ["a", "b"] and row["figures"] == [2, 2] and row["samples"] == [1200, None]
    assert row["org"] in ("Acme Research Institute", "Acme Research") and row["title"] == "Workplace Survey"
    assert row["sample"] == 1200 and row["population"] == "office managers"
    assert "org ('Acme Research Institute' ~ 'Acme Research')" in row["matched_on"] and "title" in row["matched_on"]
    assert (row["agree"], row["differ"], row["group_differs"]) == (1, 1, 2)
    differ = next(s for s in row["shared"] if not s["value_agrees"])
    assert differ["values"] == [45.0, 52.0] and differ["texts"] == ["45%", "52%"]
    assert differ["groups"] == ["office managers", "managers"] and differ["doc_ids"] == ["a", "b"]
    assert differ["offsets"] == [[A.index("45%"), A.index("45%") + 3], [B.index("52%"), B.index("52%") + 3]]
    assert [m["org_start"] for m in row["mentions"]] == [A.index("Acme Research Institute"), B.index("Acme Research")]
    assert table.iloc[1]["doc_ids"] == ["c"] and table.iloc[1]["matched_on"] == "one article"


@pytest.mark.parametrize("org_b,title_b,year_b,joined,reason", [
    ("Acme Research", "Workplace Survey", None, True, "title"),
    ("Acme Research", "Pay Survey", 2023, True, "year 2023"),
    ("Acme Research", "Pay Survey", None, False, None),       # same org, another title, nothing else shared
    ("Zenith Partners", "Workplace Survey", 2023, False, None),  # same title and year, another org
])
def test_study_table_match_needs_org_plus_title_year_or_sample(org_b, title_b, year_b, joined, reason):
    text_a, text_b = "Acme Research Institute ran the Workplace Survey.", f"{org_b} ran the {title_b}."
    records = [study("a", text_a, "Acme Research Institute", "Workplace Survey", 2023), study("b", text_b, org_b, title_b, year_b)]
    table = studies_table(records)
    assert len(table) == (1 if joined else 2)
    if joined:
        assert reason in table.iloc[0]["matched_on"]
    assert table["shared"].isna().all()  # no texts: nothing compared


def test_study_table_grows_with_articles_not_pairs(monkeypatch):
    """300 articles, 100 studies quoted three times each: the mentions are compared about once each."""
    calls = []
    real = studies_module.same_study
    monkeypatch.setattr(studies_module, "same_study", lambda a, b: calls.append(1) or real(a, b))
    records = []
    for n in range(300):
        org, title = f"Org{n % 100} Institute", f"Report{n % 100} Survey"
        text = f"{org} ran the {title}."
        records.append(study(f"d{n}", text, org, title))
    table = studies_table(records)
    assert len(table) == 100 and set(table["articles"]) == {3}
    assert len(calls) < 3 * 300, len(calls)  # all pairs would be 44,850


@pytest.fixture(scope="module")
def seed_records(nlp):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
    return [to_dict(r) for d, t in texts.items() for r in extract.extract_text(t, d, nlp=nlp)], texts


def test_study_table_on_the_seeds_leapfrog_is_one_row(seed_records):
    records, texts = seed_records
    table = extract.studies_table(records, texts)
    leapfrog = table[table["org"] == "Leapfrog Marketing Institute"]
    assert len(leapfrog) == 1 and len(table) == 4
    row = leapfrog.iloc[0]
    assert tuple(row["doc_ids"]) == LEAPFROG and row["sample"] == 131 and row["samples"] == [131, 131]
    assert row["title"] == "CMO Digital Benchmark Study" and "sample 131" in row["matched_on"]
    assert row["differ"] == 0 and row["agree"] == 5
    assert sorted(s["texts"][0] for s in row["shared"]) == ["20%", "27%", "4%", "40%", "60%"]
    assert {"IT", "IT executives"} == set(next(s for s in row["shared"] if s["texts"][0] == "4%")["groups"])


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_study_table_cli_writes_each_format(seed_records, tmp_path, suffix):
    records, _ = seed_records
    rec_file = tmp_path / "records.jsonl"
    rec_file.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / f"studies.{suffix}"
    result = runner.invoke(app, ["studies", *map(str, SEEDS), "--records", str(rec_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 4 studies from 5 articles, 1 quoted by more than one" in result.output
    frame = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet}[suffix](out)
    row = frame[frame["org"] == "Leapfrog Marketing Institute"].iloc[0]
    doc_ids = json.loads(row["doc_ids"]) if suffix == "csv" else list(row["doc_ids"])
    assert doc_ids == list(LEAPFROG) and row["sample"] == 131 and row["differ"] == 0


def test_study_table_cli_refuses_an_unknown_format(tmp_path):
    result = runner.invoke(app, ["studies", str(SEEDS[0]), "--records", str(tmp_path / "none.jsonl"), "--out", "x.xls"])
    assert result.exit_code == 2 and "[E020]" in result.output
    rec_file = tmp_path / "r.jsonl"
    rec_file.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["studies", str(SEEDS[0]), "--records", str(rec_file), "--out", str(tmp_path / "s.x"),
                                 "--format", "xls"])
    assert result.exit_code == 2 and "[E030] Unknown output format 'xls'" in result.output
