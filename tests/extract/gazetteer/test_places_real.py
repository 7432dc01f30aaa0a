"""Places on the real development articles (`../shared/real`, skipped when absent): the Russian and
Cyrillic-Kazakh articles at the floor of issue 14 for locations, and people not taken from places."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ppo_nlp.evaluate import evaluate
from ppo_nlp.ingest import iter_inputs
from ppo_nlp.paths import shared_real_dir
from ppo_nlp.pipeline import Options, Pipeline

FLOORS = {"locations": (0.90, 0.90), "people": (0.90, 0.95)}  # (precision, recall) on ru + kk in Cyrillic



@pytest.fixture(scope="module")
def scores() -> dict:
    path = shared_real_dir()
    if path is None:
        pytest.skip("../shared/real (or $PPO_NLP_REAL) is not present")
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((path / "gold").glob("*.json"))}
    golds = {k: g for k, g in golds.items() if g["lang"] in ("ru", "kk") and g.get("script") != "Latn"}
    pipeline = Pipeline(Options())
    records = [pipeline.process(raw) for raw in iter_inputs([str(path / "articles")]) if Path(raw.id).stem in golds]
    return evaluate(records, golds)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_places_real_ru_kk_floor(scores, field):
    precision, recall = FLOORS[field]
    assert scores[field]["precision"] >= precision and scores[field]["recall"] >= recall, scores[field]
