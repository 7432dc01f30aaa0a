"""Score the links of counts (`organization`, `place`, `stated_by`) against a hand-made link gold.

The gold is JSONL, one line per count: `doc`, `start`, `end` and, for `organization` and `place`, the
list of acceptable ids (`null` in the list: no link is acceptable too; an empty list: nothing should be
linked). A predicted count is the gold count whose span it overlaps in the same document.

A link is a true positive when it is one of the acceptable ids, a false positive when it is another id,
and a miss when the gold requires a link (no `null` in its list) and the prediction is not one of them.
`stated_by` is a name in the gold (or null: nobody gave the figure); the record's person id is compared
by its spelling-blind key (`normalize.person_keys.person_id`), so a stater given when the gold has none is
a false positive.

>>> gold = [{"doc": "d", "start": 0, "end": 3, "organization": ["org:a"], "place": [None, "loc:x"]}]
>>> recs = [{"id": "d", "counts": [{"start": 0, "end": 3, "organization": "org:b", "place": None}]}]
>>> s = score_links(recs, gold)["organization"].as_dict(); (s["precision"], s["recall"])
(0.0, 0.0)
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Optional

from ppo_nlp.evaluate import Score
from ppo_nlp.normalize.person_keys import person_id

FIELDS = ("organization", "place")
ALL_FIELDS = FIELDS + ("stated_by",)


def load_link_gold(path: Path) -> list[dict[str, Any]]:
    """The gold lines of a JSONL file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _predicted(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Counts per document, each with `stated_by` as the key of the person's name."""
    out = {}
    for r in records:
        if "error" in r:
            continue
        names = {p["id"]: person_id(p["name"]) for p in r.get("people") or []}
        out[r["id"]] = [{**c, "stated_by": names.get(c.get("stated_by"))} for c in r.get("counts") or []]
    return out


def _acceptable(g: dict[str, Any], field: str) -> list[Optional[str]]:
    if field != "stated_by":
        return g[field]
    return [person_id(g["stated_by"])] if g.get("stated_by") else [None]


def _match(count: dict[str, Any], preds: list[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The predicted count overlapping the gold span, else None."""
    for p in preds:
        if p["start"] < count["end"] and count["start"] < p["end"]:
            return p
    return None


def _add(score: Score, acceptable: list[Optional[str]], got: Optional[str]) -> None:
    """One count's link: predictions against acceptable ids; gold items only where a link is required."""
    hit = got is not None and got in acceptable
    if got is not None:
        score.pred += 1
        score.tp_pred += hit
    if acceptable and None not in acceptable:
        score.gold += 1
        score.tp_gold += hit


def score_links(records: Iterable[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Score]:
    """Precision and recall of each link field, micro-averaged over the gold counts."""
    preds = _predicted(records)
    scores = {f: Score() for f in ALL_FIELDS if f in FIELDS or all(f in g for g in gold)}
    for g in gold:
        p = _match(g, preds.get(g["doc"], [])) or {}
        for f in scores:
            _add(scores[f], _acceptable(g, f), p.get(f))
    return scores


def link_errors(records: Iterable[dict[str, Any]], gold: list[dict[str, Any]]) -> list[str]:
    """One line per count whose link is not acceptable: for reading the failures."""
    preds = _predicted(records)
    lines = []
    for g in gold:
        p = _match(g, preds.get(g["doc"], [])) or {}
        for f in (f for f in ALL_FIELDS if f in g):
            got, want = p.get(f), _acceptable(g, f)
            if (got is not None and got not in want) or (got is None and want and None not in want):
                lines.append(f"{g['doc']} {g['start']} {g.get('text', '')!r} {f}: got {got}, want {want}")
    return lines
