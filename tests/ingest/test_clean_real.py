"""The real development articles (`../shared/real`, skipped when absent): gold furniture gone, every body
line kept, and title / published / outlet / author at the floors of issues 14 and 15."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ppo_nlp.evaluate import Score, _metadata, key
from ppo_nlp.ingest import clean, iter_inputs
from ppo_nlp.ingest.lines import is_prose, normalize_text
from ppo_nlp.paths import shared_real_dir

FLOORS = {"ru_kk": 0.90, "en": 0.85}  # F1 per metadata field, per language group



@pytest.fixture(scope="module")
def real() -> dict[str, tuple[str, dict, object]]:
    path = shared_real_dir()
    if path is None:
        pytest.skip("../shared/real (or $PPO_NLP_REAL) is not present")
    out = {}
    for raw in iter_inputs([str(path / "articles")]):
        stem = Path(raw.id).stem
        gold = json.loads((path / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
        out[stem] = (raw.text, gold, clean(raw.text, raw.kind, raw.meta))
    return out


def _group(gold: dict) -> str:
    return "en" if gold["lang"] == "en" else "latn" if gold.get("script") == "Latn" else "ru_kk"


def test_clean_real_furniture_gone(real):
    kept = [(stem, line) for stem, (_, gold, result) in real.items()
            for line in gold.get("boilerplate", []) if key(line) in {key(t) for t in result.text.split("\n")}]
    assert kept == []


def test_clean_real_body_lines_kept(real):
    lost = []
    for stem, (raw, gold, result) in real.items():
        furniture = {key(line) for line in gold.get("boilerplate", [])}
        text = key(result.text)
        lost += [(stem, line) for line in normalize_text(raw).split("\n")
                 if is_prose(line) and key(line) not in furniture and key(line) not in text]
    assert lost == []


@pytest.mark.parametrize("group", sorted(FLOORS))
@pytest.mark.parametrize("field", ["title", "published", "outlet", "author"])
def test_clean_real_metadata_floor(real, group, field):
    score = Score()
    for _, gold, result in (v for v in real.values() if _group(v[1]) == group):
        score.add(_metadata({field: getattr(result, field)}, gold, field))
    assert score.as_dict()["f1"] >= FLOORS[group]
