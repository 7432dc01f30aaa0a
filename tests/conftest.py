"""Shared fixtures: the repository corpus and the public corpora (skipped when absent), and the scores of a
group of the real development articles."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from typing import Callable

from ppo_nlp.evaluate import evaluate
from ppo_nlp.ingest import iter_inputs
from ppo_nlp.paths import REPO_DIR, shared_data_dir, shared_real_dir
from ppo_nlp.pipeline import Options, Pipeline, load

CORPUS = REPO_DIR / "corpus"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if path is None:
        pytest.skip("../shared/data (or $PPO_NLP_DATA) is not present")
    return path


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted((CORPUS / "articles").glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "gold").glob("*.json"))}


def real_group_scores(keep: Callable[[dict], bool]) -> dict:
    """`evaluate` on the real development articles whose gold `keep` selects (skips when ../shared/real is
    absent)."""
    path = shared_real_dir()
    if path is None:
        pytest.skip("../shared/real (or $PPO_NLP_REAL) is not present")
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((path / "gold").glob("*.json"))}
    golds = {k: g for k, g in golds.items() if keep(g)}
    pipeline = Pipeline(Options())
    records = [pipeline.process(raw) for raw in iter_inputs([str(path / "articles")]) if Path(raw.id).stem in golds]
    return evaluate(records, golds)


@lru_cache(maxsize=None)
def _lang_pipeline(lang: str) -> Pipeline:
    return load(lang=lang)


def people_with_orgs(text: str, lang: str) -> list[tuple[str, set[tuple[str, object]]]]:
    """The records' people of `text` (the whole pipeline, language forced): each name with its (title,
    organization name) pairs; None where a position names no organization."""
    doc = _lang_pipeline(lang)(text)
    names = {o.id: o.name for o in doc.organizations}
    return [(p.name, {(x.title, names.get(x.organization)) for x in p.positions}) for p in doc.people]
