"""The gold set is valid, and a damaged copy fails with messages naming file, line and problem."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.review.gold import read_gold, read_splits, validate
from extract.runs.io import load_texts

from ..helpers import CORPUS, GOLD

runner = CliRunner()
FIRST = GOLD / "000_0e367b13c3205465.jsonl"


@pytest.mark.scan  # the whole gold set
def test_gold_is_valid_and_covers_the_corpus():
    texts = load_texts(CORPUS)
    assert validate(GOLD, texts) == []
    gold = read_gold(GOLD, texts)
    assert len(gold.docs) >= 30 and set(gold.docs) <= set(texts)
    splits = read_splits(GOLD)
    assert len(splits["seeds"]) == 5 and len(splits["wild"]) >= 25
    assert set(splits["wild_tune"]).isdisjoint(splits["wild_heldout"])


@pytest.mark.scan  # the whole gold set
def test_gold_validate_command_passes():
    result = runner.invoke(app, ["gold", "validate", str(GOLD), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output


def _damage(path, line_no, change):
    lines = path.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[line_no])
    change(rec)
    lines[line_no] = json.dumps(rec, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


DAMAGE = [
    (lambda r: r.update(start=r["start"] + 1), "does not match the text"),
    (lambda r: r.update(group_end=r["group_end"] + 3), "group"),
    (lambda r: r.update(bound="roughly"), "bound 'roughly'"),
    (lambda r: r.update(kind="opinion"), "kind 'opinion'"),
    (lambda r: r.update(value="sixty"), "not a finite number"),
    (lambda r: r.pop("text"), "missing fields"),
    (lambda r: r.update(colour="red"), "unknown fields"),
    (lambda r: r.update(doc_id="someone_else"), "differs from the file name"),
    (lambda r: r.update(end=10**6), "past the end"),
]


@pytest.mark.parametrize("change,message", DAMAGE, ids=[d[1] for d in DAMAGE])
@pytest.mark.scan  # the whole gold set
def test_gold_damaged_copy_fails_with_file_line_and_problem(gold_copy, change, message):
    target = gold_copy / FIRST.name
    lines = target.read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, line in enumerate(lines)
                   if json.loads(line)["type"] == "percentage" and json.loads(line)["group"])
    _damage(target, line_no, change)
    result = runner.invoke(app, ["gold", "validate", str(gold_copy), "--corpus", str(CORPUS)])
    assert result.exit_code == 1
    assert f"{target}:{line_no + 1}:" in result.output
    assert message in result.output


@pytest.mark.scan  # the whole gold set
def test_gold_malformed_json_duplicates_and_unknown_docs(gold_copy):
    target = gold_copy / FIRST.name
    lines = target.read_text(encoding="utf-8").splitlines()
    target.write_text("\n".join(lines + [lines[1], "{not json"]) + "\n", encoding="utf-8")
    (gold_copy / "no_such_article.jsonl").write_text("", encoding="utf-8")
    (gold_copy / "binary.jsonl").write_bytes(b"\xff\xfe\x00garbage")
    problems = [str(p) for p in validate(gold_copy, load_texts(CORPUS))]
    assert any(f"{target}:{len(lines) + 1}: [W016] duplicate" in p for p in problems)
    assert any(f"{target}:{len(lines) + 2}: [W015] malformed JSON" in p for p in problems)
    assert any("no_such_article.jsonl" in p and "no text for doc_id" in p for p in problems)
    assert any("binary.jsonl" in p and "UTF-8" in p for p in problems)


@pytest.mark.scan  # the whole gold set
def test_gold_records_of_kind_other_have_no_group(gold_copy):
    target = gold_copy / FIRST.name
    lines = target.read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, line in enumerate(lines)
                   if json.loads(line)["type"] == "percentage" and json.loads(line)["group"])
    _damage(target, line_no, lambda r: r.update(kind="other"))
    assert any("must have group null" in str(p) for p in validate(gold_copy, load_texts(CORPUS)))
