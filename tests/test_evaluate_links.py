"""The links of counts on the seeds: our own hand-made link gold (tests/golden/links/) against the golden
records (which test_golden keeps equal to what the pipeline writes). Floors may only go up."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ppo_nlp.evaluate_links import load_link_gold, score_links
from ppo_nlp.ingest import iter_inputs
from ppo_nlp.paths import shared_real_dir
from ppo_nlp.pipeline import Options, Pipeline

GOLDEN = Path(__file__).parent / "golden"
FLOORS = {("organization", "precision"): 1.0, ("organization", "recall"): 1.0,
          ("place", "precision"): 1.0, ("place", "recall"): 0.95,
          ("stated_by", "precision"): 0.9, ("stated_by", "recall"): 0.9}


REAL_FLOORS = {("organization", "precision"): 0.90, ("organization", "recall"): 0.85,
               ("place", "precision"): 0.90, ("place", "recall"): 0.85}


@pytest.fixture(scope="module")
def link_scores() -> dict:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*.json"))]
    scores = score_links(records, load_link_gold(GOLDEN / "links" / "seeds.jsonl"))
    return {field: score.as_dict() for field, score in scores.items()}


@pytest.mark.parametrize("field, metric", sorted(FLOORS))
def test_evaluate_links_seed_floor(link_scores, field, metric):
    assert link_scores[field][metric] >= FLOORS[field, metric], link_scores[field]


def test_evaluate_links_covers_every_seed_count():
    gold = load_link_gold(GOLDEN / "links" / "seeds.jsonl")
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*.json"))]
    assert len(gold) == sum(len(r["counts"]) for r in records)


@pytest.mark.parametrize("acceptable, got, expected", [
    (["org:a"], "org:a", (1, 1, 1, 1)),        # required and found
    (["org:a"], None, (0, 0, 0, 1)),           # required and missed
    (["org:a", None], None, (0, 0, 0, 0)),     # optional and left out
    ([], "org:b", (0, 1, 0, 0)),               # nothing should be linked
    (["org:a"], "org:b", (0, 1, 0, 1)),        # a wrong link: a false positive and a miss
])
def test_evaluate_links_counting(acceptable, got, expected):
    gold = [{"doc": "d", "start": 0, "end": 2, "organization": acceptable, "place": []}]
    records = [{"id": "d", "counts": [{"start": 0, "end": 2, "organization": got, "place": None}]}]
    s = score_links(records, gold)["organization"]
    assert (s.tp_pred, s.pred, s.tp_gold, s.gold) == expected


@pytest.fixture(scope="module")
def real_link_scores() -> dict:
    """The links of the 32 real articles of ../shared/real against our link gold for them (real.jsonl)."""
    path = shared_real_dir()
    if path is None:
        pytest.skip("../shared/real (or $PPO_NLP_REAL) is not present")
    pipeline = Pipeline(Options())
    records = [pipeline.process(raw) for raw in iter_inputs([str(path / "articles")])]
    scores = score_links(records, load_link_gold(GOLDEN / "links" / "real.jsonl"))
    return {field: score.as_dict() for field, score in scores.items()}


@pytest.mark.parametrize("field, metric", sorted(REAL_FLOORS))
def test_evaluate_links_real_floor(real_link_scores, field, metric):
    assert real_link_scores[field][metric] >= REAL_FLOORS[field, metric], real_link_scores[field]
