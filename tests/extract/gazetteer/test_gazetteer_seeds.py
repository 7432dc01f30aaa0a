"""Seed articles: organization / location recall and project recall + precision of gazetteer + patterns."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.gazetteer.match import extract_gazetteer
from ppo_nlp.extract.rules import extract_rules
from ppo_nlp.paths import REPO_DIR
from ppo_nlp.text import fold

ORG_RECALL_FLOOR = 0.95
PROJECT_RECALL_FLOOR = 1.0
PROJECT_PRECISION_FLOOR = 0.95
LOC_RECALL_FLOOR = 0.95


def key(text: str) -> str:
    return " ".join(fold(text).replace('"', " ").split())


def keys(entity) -> set[str]:
    """Every surface an entity can be judged by: its canonical name(s), matched alias and text."""
    names = [entity.attrs.get("name"), entity.attrs.get("alias"), entity.text]
    names += list((entity.attrs.get("names") or {}).values())
    return {key(n) for n in names if n}


def run(path, gold) -> list:
    doc = Document(path.stem, str(path), path.read_text(encoding="utf-8"), lang=gold["lang"])
    doc.found["gazetteer"] = extract_gazetteer(doc)
    return doc.found["gazetteer"] + extract_rules(doc)


@pytest.fixture(scope="module")
def scores(seed_paths, gold) -> dict[str, list[float]]:
    found = {"org": [0, 0], "loc": [0, 0], "proj_recall": [0, 0], "proj_precision": [0, 0]}
    for path in seed_paths:
        g = gold[path.stem]
        ents = run(path, g)
        by_label = {lab: [e for e in ents if e.label == lab] for lab in ("ORG", "LOC", "PROJECT")}
        _count(found["org"], [[o["canonical"], *o["match"]] for o in g["organizations"]], by_label["ORG"])
        _count(found["loc"], [[loc] for loc in g["locations"]], by_label["LOC"])
        required = [p["names"] for p in g["projects"] if not p.get("optional")]
        _count(found["proj_recall"], required, by_label["PROJECT"])
        _precision(found["proj_precision"], [p["names"] for p in g["projects"]], by_label["PROJECT"])
    return found


def _count(tally: list[int], gold_items: list[list[str]], ents: list) -> None:
    ent_keys = set().union(*(keys(e) for e in ents)) if ents else set()
    for forms in gold_items:
        tally[1] += 1
        tally[0] += any(key(f) in ent_keys for f in forms)


def _precision(tally: list[int], gold_items: list[list[str]], ents: list) -> None:
    gold_keys = {key(f) for forms in gold_items for f in forms}
    for ent_id in {e.id for e in ents}:
        tally[1] += 1
        tally[0] += any(keys(e) & gold_keys for e in ents if e.id == ent_id)


def ratio(pair: list[int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def test_seeds_are_present(seed_paths):
    assert len(seed_paths) >= 5, REPO_DIR / "corpus"


def test_seeds_organization_recall(scores):
    assert ratio(scores["org"]) >= ORG_RECALL_FLOOR, scores["org"]


def test_seeds_location_recall(scores):
    assert ratio(scores["loc"]) >= LOC_RECALL_FLOOR, scores["loc"]


def test_seeds_every_project_found(scores):
    assert ratio(scores["proj_recall"]) >= PROJECT_RECALL_FLOOR, scores["proj_recall"]


def test_seeds_project_precision(scores):
    assert ratio(scores["proj_precision"]) >= PROJECT_PRECISION_FLOOR, scores["proj_precision"]
