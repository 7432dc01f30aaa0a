"""Counts on the seed articles against corpus/gold: precision and recall floors, and no furniture."""
from __future__ import annotations

import math

import pytest

from ppo_nlp.doc import Count, Document
from ppo_nlp.extract.counts.find import extract_counts
from ppo_nlp.text import fold

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


def _close(a, b) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-3)


def _subject_ok(pred: Count, gold: dict) -> bool:
    """Loose subject match: folded lemmas equal or one inside the other; no gold subject accepts any."""
    if not gold.get("subject"):
        return True
    if not pred.subject:
        return False
    a, b = fold(pred.subject), fold(gold["subject"])
    return a == b or a in b or b in a


def _matches(pred: Count, gold: dict) -> bool:
    if "min" in gold:
        value_ok = _close(pred.min, gold["min"]) and _close(pred.max, gold["max"])
    else:
        value_ok = _close(pred.value, gold["value"])
    return (
        value_ok
        and pred.qualifier == gold.get("qualifier", "exact")
        and pred.unit == gold.get("unit")
        and _subject_ok(pred, gold)
        and (not gold.get("change") or pred.change == gold["change"])
        and (not gold.get("as_of") or pred.as_of == gold["as_of"])
    )


def _run(seed_paths, gold) -> list[tuple[str, list[Count], dict, str]]:
    out = []
    for path in seed_paths:
        g = gold[path.stem]
        text = path.read_text(encoding="utf-8")
        doc = Document(id=path.stem, source=str(path), text=text, lang=g["lang"])
        out.append((path.stem, extract_counts(doc), g, text))
    return out


def _score(runs) -> tuple[float, float, list[str]]:
    tp_pred = n_pred = tp_gold = n_gold = 0
    misses = []
    for stem, preds, g, _ in runs:
        facts = g.get("counts", []) + g.get("ranges", [])
        for p in preds:
            n_pred += 1
            if any(_matches(p, f) for f in facts):
                tp_pred += 1
            else:
                misses.append(f"{stem} extra: {p.value} {p.min}-{p.max} {p.qualifier} {p.unit} {p.subject!r} | {p.text!r}")
        for f in facts:
            if f.get("optional"):
                continue
            n_gold += 1
            if any(_matches(p, f) for p in preds):
                tp_gold += 1
            else:
                misses.append(f"{stem} missed: {f}")
    return tp_pred / max(n_pred, 1), tp_gold / max(n_gold, 1), misses


def test_counts_seeds_precision_recall(seed_paths, gold) -> None:
    if not seed_paths:
        pytest.skip("corpus/articles is empty")
    precision, recall, misses = _score(_run(seed_paths, gold))
    print(f"\ncounts on seeds: precision {precision:.3f} recall {recall:.3f}")
    for line in misses:
        print("  ", line)
    assert precision >= PRECISION_FLOOR, misses
    assert recall >= RECALL_FLOOR, misses


def test_counts_seeds_never_report_furniture(seed_paths, gold) -> None:
    for stem, preds, g, text in _run(seed_paths, gold):
        for item in g.get("not_counts", []):
            start = text.find(item)
            while start >= 0:
                end = start + len(item)
                assert not [p for p in preds if p.start < end and start < p.end], (stem, item)
                start = text.find(item, end)


def test_counts_seeds_evidence_offsets(seed_paths, gold) -> None:
    for _, preds, _, text in _run(seed_paths, gold):
        for p in preds:
            assert text[p.start:p.end] == p.text
            assert p.source == "rule:counts"
