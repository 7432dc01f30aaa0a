"""Golden records for whole articles: any change in output shows up here as a diff to review.

Regenerate on purpose with `PPO_NLP_UPDATE_GOLDEN=1 make test` and review `git diff tests/golden`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import ppo_nlp
from ppo_nlp.ingest import iter_inputs
from ppo_nlp.pipeline import Options, Pipeline
from tests.conftest import CORPUS

GOLDEN = Path(__file__).parent / "golden"
ARTICLES = sorted((CORPUS / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options())


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_golden_record(pipeline, path):
    (raw,) = list(iter_inputs([path]))
    record = pipeline.process(raw) | {"source": path.name}  # the path as given differs between checkouts
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("PPO_NLP_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert record == json.loads(golden.read_text(encoding="utf-8"))


def test_golden_api_matches_batch(pipeline):
    text = ARTICLES[0].read_text(encoding="utf-8")
    (raw,) = list(iter_inputs([ARTICLES[0]]))
    doc = ppo_nlp.load()(text, id=raw.id, source=raw.source)
    assert doc.to_dict() == pipeline.process(raw)
