"""The quality gate: scores on corpus/gold may only go up. Floors live in tests/quality_floors.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ppo_nlp.evaluate import evaluate, load_gold
from ppo_nlp.ingest import iter_inputs
from ppo_nlp.pipeline import Options, Pipeline
from tests.conftest import CORPUS

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict:
    pipeline = Pipeline(Options())
    records = [pipeline.process(raw) for raw in iter_inputs([CORPUS / "articles"])]
    return evaluate(records, load_gold(CORPUS / "gold"))


@pytest.mark.parametrize("field, metric", [(f, m) for f in FLOORS["fields"] for m in FLOORS["fields"][f]])
def test_quality_floor(scores, field, metric):
    assert scores[field][metric] >= FLOORS["fields"][field][metric], json.dumps(scores[field])


def test_quality_no_furniture_number_is_a_count(scores):
    assert scores["not_counts_reported"] <= FLOORS["not_counts_reported"]
