"""The Dask path gives the same records as the local path (a 2-worker LocalCluster, in-process)."""
from __future__ import annotations

import json
import math
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

import extract
from extract.cli import app

from extract.runs.batch import run_batch
from extract.runs.io import iter_documents

from ..helpers import SEEDS, read_jsonl


@pytest.fixture(scope="module")
def distributed():
    """Dask's distributed, imported by the tests that reach a cluster only (an import of about a second)."""
    return pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster(distributed):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        yield c


def _canonical(rows):
    out = []
    for r in rows:
        clean = {k: (None if (isinstance(v, float) and math.isnan(v)) or v is pd.NA else v) for k, v in r.items()}
        clean = {k: (int(v) if k.endswith(("start", "end")) or k == "year" else v) if v is not None else None
                 for k, v in clean.items()}
        if clean.get("type") == "sample_size":
            clean["value"] = int(clean["value"])
        out.append(json.dumps({k: v for k, v in clean.items() if v is not None}, sort_keys=True))
    return sorted(out)


@pytest.mark.slow
@pytest.mark.model
def test_dask_run_matches_the_local_run(cluster, tmp_path):
    from extract.runs.dask import run_on_cluster

    folder = tmp_path / "in"
    folder.mkdir()
    for p in SEEDS:
        shutil.copy(p, folder / p.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    local = tmp_path / "local.jsonl"
    run_batch([str(folder)], str(local), progress=False)
    summary = run_on_cluster([str(folder)], str(tmp_path / "out.parquet"), address=cluster.scheduler_address,
                             docs_per_partition=2)
    assert summary.documents == len(SEEDS) and summary.errors == 1 and "empty.txt" in summary.error_messages[0]
    remote = pd.read_parquet(tmp_path / "out.parquet")
    assert len(list((tmp_path / "out.parquet").glob("*.parquet"))) >= 2  # partitioned
    assert _canonical(remote.to_dict(orient="records")) == _canonical(read_jsonl(local))
    assert summary.records == len(remote)


@pytest.mark.slow
def test_dask_extract_dataframe_api(distributed, cluster, nlp):
    from extract.runs.dask import extract_dataframe

    dd = pytest.importorskip("dask.dataframe")

    docs = [d for d in iter_documents([str(p) for p in SEEDS[:3]])]
    frame = pd.DataFrame({"id": [d.doc_id for d in docs], "text": [d.text for d in docs]})
    with distributed.Client(cluster):
        ddf = dd.from_pandas(frame, npartitions=3)
        records = extract_dataframe(ddf, text_column="text", id_column="id").compute()
        assert set(records["doc_id"]) == {p.stem for p in SEEDS[:3]}
        local = [r for d in docs for r in extract.extract_text(d.text, d.doc_id, nlp=nlp)]
        assert (records["type"] == "percentage").sum() == sum(r.type == "percentage" for r in local) > 0
        with pytest.raises(KeyError, match="no column 'body'"):
            extract_dataframe(ddf, text_column="body")


@pytest.mark.slow
@pytest.mark.model
def test_dask_cli_honours_batch_size(cluster, tmp_path):
    """--batch-size is the documents per task on the cluster: 5 articles, 2 a task, 3 Parquet parts."""
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["run", *map(str, SEEDS), "--out", str(out), "--dask", cluster.scheduler_address,
                                      "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.parquet"))) == -(-len(SEEDS) // 2)


@pytest.mark.parametrize("args,message", [
    (["--workers", "2"], "[E066] --dask cannot honour --workers"),
    (["--resume"], "[E066] --dask cannot honour --resume"),
    (["--doc-timeout", "5", "--workers", "1"], "[E066] --dask cannot honour --workers, --doc-timeout"),
    (["--format", "csv"], "[E065] --dask writes a directory of Parquet parts, not csv"),
])
def test_dask_cli_refuses_what_it_cannot_honour(tmp_path, args, message):
    """Options --dask would ignore are refused by name before any cluster is reached (exit 2)."""
    result = CliRunner().invoke(app, ["run", str(SEEDS[0]), "--out", str(tmp_path / "o.parquet"),
                                      "--dask", "tcp://127.0.0.1:1", *args])
    assert result.exit_code == 2 and message in result.output, result.output
    jsonl = CliRunner().invoke(app, ["run", str(SEEDS[0]), "--out", str(tmp_path / "o.jsonl"), "--dask", "tcp://127.0.0.1:1"])
    assert jsonl.exit_code == 2 and "[E065]" in jsonl.output and "o.jsonl" in jsonl.output
