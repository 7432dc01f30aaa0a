"""Shared fixtures: the repository corpus and the public corpora (skipped when absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ppo_nlp.paths import REPO_DIR, shared_data_dir

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
