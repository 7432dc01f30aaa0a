"""Quality gate: dev-split F1 floors of the shipped NER models (skipped without ../shared/data or models)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ppo_nlp.paths import REPO_DIR, models_dir

sys.path.insert(0, str(REPO_DIR / "scripts"))
from ner_eval import dev_labels, dev_sets, evaluate, ours  # noqa: E402

# (lang, dev set, label) -> F1 floor, a little under what the shipped models score (see MODEL_CARD.md).
FLOORS = {
    ("kk", "kaznerd-dev", "micro"): 0.86,
    ("kk", "kaznerd-dev", "PERSON"): 0.90,
    ("kk", "kaznerd-dev", "POSITION"): 0.85,
    ("ru", "nerel-dev", "PERSON"): 0.89,
    ("ru", "nerel-dev", "ORG"): 0.60,
    ("ru", "nerel-dev", "LOC"): 0.86,
    ("ru", "nerel-dev", "POSITION"): 0.745,
    ("ru", "factrueval-dev", "PERSON"): 0.93,
    ("ru", "factrueval-dev", "ORG"): 0.56,
    ("ru", "factrueval-dev", "LOC"): 0.85,
    ("en", "conll2003-valid", "micro"): 0.88,
}


@pytest.fixture(scope="module")
def dev_scores(shared_data: Path) -> dict:
    """Scores of every shipped model on its dev sets."""
    out = {}
    for lang in sorted({lang for lang, _, _ in FLOORS}):
        if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
            continue
        predict = ours(lang)
        for name, samples in dev_sets(lang, shared_data).items():
            out[(lang, name)] = evaluate(predict, samples, dev_labels(name))
    return out


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("lang, dev, label", sorted(FLOORS))
def test_ner_dev_f1_floor(dev_scores: dict, lang: str, dev: str, label: str) -> None:
    if (lang, dev) not in dev_scores:
        pytest.skip(f"models/ner-{lang} is not shipped")
    assert dev_scores[(lang, dev)][label]["f"] >= FLOORS[(lang, dev, label)]
