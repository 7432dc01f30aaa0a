"""Dask: the same records as a local run, on a local distributed cluster of worker processes."""
from __future__ import annotations

import json

import pytest

from ppo_nlp import batch
from ppo_nlp.cli import main
from ppo_nlp.pipeline import Options
from tests.conftest import CORPUS

distributed = pytest.importorskip("dask.distributed", reason="Dask is an optional extra: pip install ppo_nlp[dask]")

ARTICLES = str(CORPUS / "articles")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as c:
            yield c


def test_distributed_records_equal_a_local_run(client):
    from ppo_nlp.distributed import extract_dask

    options = Options(ner=False)
    local = list(batch.run([ARTICLES], options))
    remote = list(extract_dask([ARTICLES], client, options, in_flight=2))
    assert remote == local and len(remote) == 5


def test_distributed_resume_skips_done_ids(client):
    from ppo_nlp.distributed import extract_dask

    ids = [r["id"] for r in extract_dask([ARTICLES], client, Options(ner=False), skip=frozenset({"001_32fca364f80344a1.txt"}))]
    assert "001_32fca364f80344a1.txt" not in ids and len(ids) == 4


def test_distributed_cli_local_cluster(tmp_path):
    out_dask, out_local = tmp_path / "dask.jsonl", tmp_path / "local.jsonl"
    assert main(["extract", ARTICLES, "-o", str(out_dask), "--no-ner", "--dask", "local", "--workers", "2"]) == 0
    assert main(["extract", ARTICLES, "-o", str(out_local), "--no-ner"]) == 0
    assert out_dask.read_bytes() == out_local.read_bytes()
    assert all(json.loads(line)["lang"] in {"ru", "kk"} for line in out_dask.read_text(encoding="utf-8").splitlines())
